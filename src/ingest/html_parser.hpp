#pragma once
// HTML article pages (what a CMS or a "save page" gives) -> Article.
// The article text is found inside the page, and the site chrome around and
// inside it (navigation, banners, ads, share bars, related links, forms) is
// never spoken: it goes to Article::dropped with the reason.

#include <cstddef>
#include <string>
#include <string_view>

#include "document/article.hpp"
#include "ingest/boilerplate.hpp"

namespace readaloud {

/// An HTML page (raw bytes in any charset) -> Article.
/// `encoding` overrides the page's charset when non-empty.
/// `filter` drops page junk in paragraphs/captions (share buttons, photo credits, promos).
///
/// - Charset as a browser does (decode_html_page in ingest/charset.hpp): a BOM wins, valid
///   UTF-8 bytes win over a conflicting legacy declaration, an unknown or malformed
///   declaration falls back to sniffing with a warning on stderr, never an error.
/// - The article is found by scoring blocks (ingest/html_extract.hpp): text length, commas,
///   link density and class/id hints, with sibling blocks joined in; <article>, <main> and
///   schema.org articleBody are strong hints. When the page is a shell, JSON-LD articleBody
///   or <noscript> text is read instead.
/// - Chrome (tags, roles, hidden elements without prose and class/id parts listed in
///   data/html_chrome.toml; page-level header, every footer; link lists and bylines inside
///   the article) is dropped with its reason; text outside the article with reason
///   "outside main content". Dropped chrome text is cut to ~80 chars.
/// - Metadata by cascade (ingest/html_metadata.hpp), with where each value came from in
///   Article::sources: title from JSON-LD headline, og:title, the <h1> matching <title>,
///   <title> without the site name, else the article's first <h1>; author, date, site name
///   and language likewise.
/// - h1..h6 open sections. p/div text, lists (start, nesting depth), blockquote, callouts
///   (class, role or a "Warning:" label), tables, pre (Code with its language), figure/img
///   (alt, caption without credits) and dl ("term: definition") map to the Block kinds of
///   the other parsers.
/// - Nesting deeper than kMaxHtmlDepth elements is flattened before parsing (as browsers do),
///   which keeps gumbo linear; no recursion on input depth anywhere.
/// A wrong or unusable charset declaration is reported on stderr as one line,
/// "SOURCE_NAME: warning: ..." (or "readaloud: warning: ..." without a name).
Article parse_html(std::string_view bytes, const BoilerplateFilter& filter, const std::string& encoding = "",
                   std::string_view source_name = {});

/// Elements nested deeper than this are flattened into their ancestor at this depth.
inline constexpr std::size_t kMaxHtmlDepth = 512;

}  // namespace readaloud
