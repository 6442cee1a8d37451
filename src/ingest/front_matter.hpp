#pragma once
// YAML front matter at the top of a Markdown file: the handful of keys an
// article needs, read from simple `key: value` lines.

#include <cstddef>
#include <string>
#include <string_view>

namespace readaloud {

/// What the front matter says about the article. Empty strings for keys it
/// did not have.
struct FrontMatter {
  std::string title;
  std::string subtitle;   ///< `subtitle`, else `description`
  std::string author;
  std::string language;   ///< `lang` or `language`
  std::string published;  ///< `date`, as written
  /// Lines the block takes, both `---` fences included; 0 when the text has no
  /// front matter.
  std::size_t line_count = 0;
  bool operator==(const FrontMatter&) const = default;
};

/// Reads front matter: `---` as the very first line, then lines up to a closing
/// `---` (or `...`). Understands `key: value` with plain, 'single' or "double"
/// quoted values and `|`/`>` block scalars; other keys, lists and nested maps
/// are skipped. Values have curly quotes and spacing cleaned.
/// Throws Error(Input) at line 1 when the block is never closed.
FrontMatter read_front_matter(std::string_view text);

}  // namespace readaloud
