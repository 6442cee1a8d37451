#pragma once
// Markdown articles (static-site sources) -> Article.

#include <string_view>

#include "document/article.hpp"

namespace readaloud {

/// Markdown (CommonMark + GitHub tables, via md4c) -> Article. `text` is valid UTF-8 with "\n" line ends.
///
/// Headings start sections (the first h1 also gives the title unless front
/// matter does); quotes become Quote blocks, or Callout blocks when labelled
/// ("**Warning:**", "> [!CAUTION]", "!!! danger"); images become Image blocks
/// after their paragraph, and a photo credit under an image goes to
/// `Article::dropped`. Links keep their text, bare URLs are dropped. Block and
/// section lines are 1-based lines of `text`. Nesting deeper than 64
/// containers is flattened into the innermost kept one.
/// Throws Error(Input) for front matter that is never closed.
Article parse_markdown(std::string_view text);

/// The canonical form of inline text that every parser produces: typography
/// cleaned (clean_typography), whitespace runs collapsed to one space, ends
/// trimmed, empty spans removed and neighbouring spans with equal marks merged.
InlineText tidy_inline(const InlineText& text);

}  // namespace readaloud
