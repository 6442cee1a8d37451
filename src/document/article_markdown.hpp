#pragma once
// Article -> Markdown and plain text, for `readaloud extract`: what will be
// read, in a form people can check and edit before rendering.

#include <string>

#include "document/article.hpp"

namespace readaloud {

/// The article as Markdown that the project's Markdown parser reads back:
/// YAML front matter for author, date, language and subtitle when known,
/// "# Title", headings by level, lists (nesting by indentation), GitHub alerts
/// ("> [!WARNING]") for callouts, quotes, images, pipe tables. Inline marks
/// become *emphasis* and **strong**; Markdown punctuation in text is escaped.
std::string article_markdown(const Article& article);

/// The article as plain text, the words that will be read: the title on the
/// first line, then headings and blocks as paragraphs separated by blank lines;
/// list items one per line (indented two spaces per depth, no bullets or numbers),
/// callouts as "Warning: text", table rows with tab-separated cells. Images
/// are read only when `images` (narration's --describe-images): then as
/// "Image: alt text" and the caption; captions alone when they carry the
/// text (captions_carry_text: a gallery). No markup and no metadata
/// (Markdown and JSON carry the byline, the date and every image).
std::string article_text(const Article& article, bool images = false);

}  // namespace readaloud
