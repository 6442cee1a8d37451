#pragma once
// Article -> the readaloud JSON article format (docs/json-article.md), so that
// `extract --to json` can be edited and fed back to render or inspect.

#include <string>

#include "document/article.hpp"

namespace readaloud {

/// The article as JSON in the documented format, pretty-printed (2 spaces),
/// ending in a newline. Parsing it back (parse_json_article) gives the same
/// sections, blocks, spans, list nesting and metadata. What the format cannot
/// hold is left out: analyzer marks (warnings are found again on render),
/// dropped lines, <abbr> expansions and block line numbers.
std::string article_json(const Article& article);

}  // namespace readaloud
