#pragma once
// Cover images for embedding in audio files.

#include <string>

namespace readaloud {

/// A JPEG or PNG image read from disk.
struct CoverImage {
  std::string mime;  ///< "image/jpeg" or "image/png"
  std::string data;  ///< the file's bytes
  bool operator==(const CoverImage&) const = default;
};

/// Reads `path` and checks its signature. Throws Error(Input) naming the file
/// when it is missing, unreadable, empty, or neither JPEG nor PNG.
CoverImage load_cover(const std::string& path);

/// "image/jpeg", "image/png" from the leading bytes, or "" when neither.
std::string image_mime(std::string_view bytes);

}  // namespace readaloud
