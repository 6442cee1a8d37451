#include "util/uuid.hpp"

#include <algorithm>
#include <span>

#include "util/digest.hpp"

namespace readaloud {

Uuid uuid_v5(const Uuid& name_space, std::string_view name) {
  std::string data(reinterpret_cast<const char*>(name_space.data()), name_space.size());
  data += name;
  const auto digest = sha1(data);
  Uuid id{};
  std::copy_n(digest.begin(), id.size(), id.begin());
  id[6] = static_cast<unsigned char>((id[6] & 0x0f) | 0x50);  // version 5
  id[8] = static_cast<unsigned char>((id[8] & 0x3f) | 0x80);  // the RFC 4122 variant
  return id;
}

std::string uuid_text(const Uuid& id) {
  const std::span<const unsigned char> bytes(id);
  return hex_lower(bytes.subspan(0, 4)) + '-' + hex_lower(bytes.subspan(4, 2)) + '-' + hex_lower(bytes.subspan(6, 2)) +
         '-' + hex_lower(bytes.subspan(8, 2)) + '-' + hex_lower(bytes.subspan(10, 6));
}

}  // namespace readaloud
