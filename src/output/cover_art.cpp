#include "output/cover_art.hpp"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>
#include <string_view>

#include "util/error.hpp"

namespace readaloud {

std::string image_mime(std::string_view b) {
  if (b.size() >= 3 && b.substr(0, 3) == std::string_view("\xFF\xD8\xFF", 3)) return "image/jpeg";
  if (b.size() >= 8 && b.substr(0, 8) == std::string_view("\x89PNG\r\n\x1A\n", 8)) return "image/png";
  return "";
}

CoverImage load_cover(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw_input(std::string("cannot read cover image: ") + std::strerror(errno), Location{path});
  std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) throw_input("cannot read cover image", Location{path});
  const std::string mime = image_mime(data);
  if (mime.empty()) throw_input("cover image is neither JPEG nor PNG", Location{path});
  return CoverImage{mime, std::move(data)};
}

}  // namespace readaloud
