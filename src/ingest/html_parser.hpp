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

/// An HTML page (raw bytes: the declared charset is honoured) -> Article.
/// `encoding` overrides the declared charset when non-empty.
/// `filter` drops page junk in paragraphs/captions (share buttons, photo credits, promos).
///
/// - Charset: a BOM wins, then `<meta charset>` / `<meta http-equiv content="...charset=...">`
///   in the first 1024 bytes, else UTF-8. An unknown declared charset is Error(Input);
///   an unknown `encoding` is Error(Usage) (from decode_text).
/// - Main content: the largest top-level `<article>`, else `<main>` / `role="main"`, else `<body>`.
/// - Chrome (tags, roles, hidden elements and class/id parts listed in data/html_chrome.toml;
///   page-level header, every footer) is dropped with reason "chrome: <what>"; text outside
///   the main content with reason "outside main content". Dropped chrome text is cut to ~80 chars.
/// - h1..h6 open sections; the first h1 is the title, else og:title, else `<title>` without a
///   " | Site" suffix. p/div text, lists (start, nesting depth), blockquote, callouts (class,
///   role or a "Warning:" label), tables, pre (Code with its language), figure/img (alt, caption
///   without credits) and dl ("term: definition") map to the Block kinds of the other parsers.
/// - Nesting deeper than kMaxHtmlDepth elements is flattened before parsing (as browsers do),
///   which keeps gumbo linear; no recursion on input depth anywhere.
Article parse_html(std::string_view bytes, const BoilerplateFilter& filter, const std::string& encoding = "");

/// Elements nested deeper than this are flattened into their ancestor at this depth.
inline constexpr std::size_t kMaxHtmlDepth = 512;

}  // namespace readaloud
