#pragma once
// Name-based UUIDs (RFC 4122 version 5): the same name in the same name
// space always gives the same identifier (book identifiers, podcast:guid).

#include <array>
#include <string>
#include <string_view>

namespace readaloud {

/// A UUID's 16 bytes, in the order of its text form.
using Uuid = std::array<unsigned char, 16>;

/// The UUID written as `text` ("6ba7b810-9dad-11d1-80b4-00c04fd430c8"), read
/// while compiling: a malformed literal does not compile.
consteval Uuid uuid_literal(std::string_view text) {
  auto digit = [](char c) -> unsigned {
    if (c >= '0' && c <= '9') return static_cast<unsigned>(c - '0');
    if (c >= 'a' && c <= 'f') return static_cast<unsigned>(c - 'a' + 10);
    throw "a UUID literal is lower-case hex in 8-4-4-4-12 groups";
  };
  if (text.size() != 36 || text[8] != '-' || text[13] != '-' || text[18] != '-' || text[23] != '-')
    throw "a UUID literal is lower-case hex in 8-4-4-4-12 groups";
  Uuid out{};
  std::size_t at = 0;
  for (auto& byte : out) {
    if (text[at] == '-') ++at;
    byte = static_cast<unsigned char>(digit(text[at]) << 4 | digit(text[at + 1]));
    at += 2;
  }
  return out;
}

/// The name space of DNS names (RFC 4122 appendix C).
inline constexpr Uuid kUuidNamespaceDns = uuid_literal("6ba7b810-9dad-11d1-80b4-00c04fd430c8");

/// The name space of URLs (RFC 4122 appendix C).
inline constexpr Uuid kUuidNamespaceUrl = uuid_literal("6ba7b811-9dad-11d1-80b4-00c04fd430c8");

/// The version 5 UUID of `name` in `name_space` (RFC 4122 section 4.3: SHA-1
/// of the name space's bytes then the name, with the version and variant set).
Uuid uuid_v5(const Uuid& name_space, std::string_view name);

/// `id` in its text form: lower-case hex in 8-4-4-4-12 groups, without "urn:uuid:".
std::string uuid_text(const Uuid& id);

}  // namespace readaloud
