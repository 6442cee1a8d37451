#pragma once
// A small guess at an article's language from its most common words, for
// inputs that do not say (scraped text, Markdown without front matter).

#include <string>

#include "document/article.hpp"

namespace readaloud {

/// "en", "es", "de" or "fr" when the article's words clearly point to one
/// of them; "" when there is too little text or no clear winner.
std::string guess_language(const Article& article);

}  // namespace readaloud
