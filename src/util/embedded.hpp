#pragma once
// Data files compiled into the binary (see cmake/embed.cmake).

#include <optional>
#include <span>
#include <string_view>

namespace readaloud {

struct EmbeddedFile {
  std::string_view path;     ///< relative to the source root, e.g. "data/boilerplate.toml"
  std::string_view content;  ///< the file's bytes
};

/// Every embedded file, in build order.
std::span<const EmbeddedFile> embedded_files();

/// The content of one embedded file, or nullopt when there is none by that path.
std::optional<std::string_view> embedded_file(std::string_view path);

}  // namespace readaloud
