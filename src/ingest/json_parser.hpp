#pragma once
// The readaloud JSON article format (docs/json-article.md) -> Article.

#include <string_view>

#include "document/article.hpp"

namespace readaloud {

/// The readaloud JSON article format -> Article. Errors: Error(Input) whose message starts with the
/// JSON pointer of the offending value: "/sections/2/blocks/0/type: expected a string";
/// syntax errors (truncated JSON) name line and column: Location{line, column} from nlohmann's parse_error byte position.
///
/// Text values are tidied like every parser's (see tidy_inline). Blocks carry
/// line 0: the JSON pointer in an error message is the position.
Article parse_json_article(std::string_view text);

}  // namespace readaloud
