#pragma once
// RIFF (WAV) fields: serialised byte by byte in little-endian order, never by
// casting structs (padding and endianness would leak into the file).

#include <cstdint>
#include <string>

namespace readaloud::riff {

inline void put16(std::string& out, std::uint16_t v) {
  out += static_cast<char>(v & 0xFF);
  out += static_cast<char>(v >> 8);
}

inline void put32(std::string& out, std::uint32_t v) {
  for (int i = 0; i < 4; ++i) out += static_cast<char>((v >> (8 * i)) & 0xFF);
}

inline std::uint32_t get32(const unsigned char* p) {
  return p[0] | (p[1] << 8) | (p[2] << 16) | (static_cast<std::uint32_t>(p[3]) << 24);
}

}  // namespace readaloud::riff
