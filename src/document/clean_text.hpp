#pragma once
// Untrusted text made safe to carry into every output: control characters
// removed everywhere, bidirectional overrides removed from titles and names.

#include "document/article.hpp"

namespace readaloud {

/// Cleans an article as it leaves ingest: titles, headings, author, date and
/// table headers lose control characters, newlines and bidi controls
/// (U+202A-U+202E, U+2066-U+2069); all other text loses control characters
/// other than newline and tab. Invalid UTF-8 becomes U+FFFD.
void clean_untrusted_text(Article& article);

}  // namespace readaloud
