#pragma once
// Message digests (through OpenSSL's libcrypto) and their text forms: the one
// place that hashes bytes for identifiers, manifests and CSP source lists.

#include <array>
#include <span>
#include <string>
#include <string_view>

namespace readaloud {

/// SHA-1 of `bytes` (FIPS 180-4). Only for name-based identifiers (UUIDv5), never for security.
std::array<unsigned char, 20> sha1(std::string_view bytes);

/// SHA-256 of `bytes` (FIPS 180-4).
std::array<unsigned char, 32> sha256(std::string_view bytes);

/// `bytes` as lower-case hex, two digits a byte.
std::string hex_lower(std::span<const unsigned char> bytes);

/// `bytes` in base64 with padding (RFC 4648 section 4), on one line.
std::string base64(std::span<const unsigned char> bytes);

/// Lower-case hex SHA-256 of `bytes`.
std::string sha256_hex(std::string_view bytes);

}  // namespace readaloud
