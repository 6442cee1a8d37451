#pragma once
// The talking-book formats `render --format` accepts beside the audio formats.

#include <optional>
#include <string_view>

namespace readaloud {

/// DAISY 2.02 full-text talking book (a folder) or EPUB 3 with Media Overlays (a file).
enum class BookFormat { Daisy, Epub };

/// "daisy" or "epub" (case-insensitive); nullopt otherwise.
inline std::optional<BookFormat> parse_book_format(std::string_view name) {
  auto is = [&](std::string_view want) {
    if (name.size() != want.size()) return false;
    for (std::size_t i = 0; i < name.size(); ++i)
      if ((name[i] | 0x20) != want[i]) return false;
    return true;
  };
  if (is("daisy")) return BookFormat::Daisy;
  if (is("epub")) return BookFormat::Epub;
  return std::nullopt;
}

/// "daisy" or "epub".
inline const char* to_string(BookFormat format) { return format == BookFormat::Daisy ? "daisy" : "epub"; }

}  // namespace readaloud
