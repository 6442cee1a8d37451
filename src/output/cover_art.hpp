#pragma once
// Cover images for embedding in audio files.

#include <string>
#include <string_view>
#include <utility>

namespace readaloud {

/// A JPEG or PNG image read from disk.
struct CoverImage {
  std::string mime;  ///< "image/jpeg" or "image/png"
  std::string data;  ///< the file's bytes
  int width = 0;     ///< pixels, 0 when the header does not say
  int height = 0;
  bool operator==(const CoverImage&) const = default;
};

/// Reads `path` and checks its signature. Throws Error(Input) naming the file
/// when it is missing, unreadable, empty, neither JPEG nor PNG, or has no
/// width/height in its header.
CoverImage load_cover(const std::string& path);

/// "image/jpeg", "image/png" from the leading bytes, or "" when neither.
std::string image_mime(std::string_view bytes);

/// Width and height from a PNG IHDR or a JPEG start-of-frame marker;
/// {0, 0} when not found.
std::pair<int, int> image_size(std::string_view bytes);

}  // namespace readaloud
