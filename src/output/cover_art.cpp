#include "output/cover_art.hpp"

#include <cerrno>
#include <cstring>
#include <iterator>
#include <string_view>

#include "util/fd.hpp"
#include "util/error.hpp"

namespace readaloud {

std::string image_mime(std::string_view b) {
  if (b.size() >= 3 && b.substr(0, 3) == std::string_view("\xFF\xD8\xFF", 3)) return "image/jpeg";
  if (b.size() >= 8 && b.substr(0, 8) == std::string_view("\x89PNG\r\n\x1A\n", 8)) return "image/png";
  return "";
}

std::pair<int, int> image_size(std::string_view b) {
  auto u8 = [&b](std::size_t i) { return static_cast<unsigned>(static_cast<unsigned char>(b[i])); };
  auto be16 = [&](std::size_t i) { return static_cast<int>((u8(i) << 8) | u8(i + 1)); };
  const std::string mime = image_mime(b);
  if (mime == "image/png") {
    if (b.size() < 24 || b.substr(12, 4) != "IHDR") return {0, 0};
    return {be16(18), be16(22)};  // 32-bit fields; covers wider than 65535 px are not real
  }
  if (mime != "image/jpeg") return {0, 0};
  // Walk the marker segments to the first SOFn (C0-CF except C4, C8, CC).
  std::size_t i = 2;
  while (i + 4 <= b.size()) {
    if (u8(i) != 0xFF) return {0, 0};
    const unsigned marker = u8(i + 1);
    if (marker == 0xFF) {  // fill byte
      ++i;
      continue;
    }
    if (marker == 0xD8 || (marker >= 0xD0 && marker <= 0xD7) || marker == 0x01) {
      i += 2;
      continue;
    }
    const auto length = static_cast<std::size_t>(be16(i + 2));
    if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC) {
      if (i + 9 > b.size()) return {0, 0};
      return {be16(i + 7), be16(i + 5)};
    }
    if (marker == 0xDA || length < 2) return {0, 0};  // scan data before any frame header
    i += 2 + length;
  }
  return {0, 0};
}

CoverImage load_cover(const std::string& path) {
  std::string data;
  if (!read_whole_file(path, data))
    throw_input(std::string("cannot read cover image: ") + std::strerror(errno), Location{path});
  const std::string mime = image_mime(data);
  if (mime.empty()) throw_input("cover image is neither JPEG nor PNG", Location{path});
  const auto [w, h] = image_size(data);
  // Containers need the size (MP4 refuses a picture without one), and a
  // file whose header has none is not an image anyone can show.
  if (w <= 0 || h <= 0) throw_input("cover image has no readable size (corrupt " + mime + "?)", Location{path});
  return CoverImage{mime, std::move(data), w, h};
}

}  // namespace readaloud
