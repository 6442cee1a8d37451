#pragma once
// The DOM walk of an HTML page into the article model: headings open
// sections; paragraphs, lists, tables, quotes, callouts, figures, code and
// definition lists become blocks; chrome inside and outside the article goes
// to Article::dropped with its reason. Internal to src/ingest/html_*.

#include <gumbo.h>

#include <vector>

#include "document/article.hpp"
#include "ingest/boilerplate.hpp"
#include "ingest/html_chrome.hpp"

namespace readaloud::html {

/// What to walk: the page body and the article's elements inside it.
struct WalkPlan {
  const GumboNode* body = nullptr;
  /// The article's elements (siblings, or one element; may be `body`).
  std::vector<const GumboNode*> roots;
  const ContentHolders* holders = nullptr;
  /// A <header> inside the roots belongs to the article (keeps its headings).
  bool header_is_content = true;
};

/// Appends the sections, blocks and dropped text found by walking `plan` to
/// `article`. The first <h1> inside the article becomes the title when the
/// article has none. No recursion on the input's depth.
void walk_content(Article& article, const BoilerplateFilter& filter, const WalkPlan& plan);

/// The canonical form of inline text: ends trimmed, whitespace-only spans
/// folded into their neighbour, empty spans removed, equal neighbours merged.
InlineText tidy_spans(InlineText in);

/// A short line that names the writer ("By Sam Lee", "Por Ana Ruiz",
/// "Reviewed by ..."): up to 12 words, a capital after the lead, no full stop.
bool looks_like_byline(std::string_view text);

}  // namespace readaloud::html
