#pragma once
// Finding the article inside an HTML page by scoring candidate blocks (text
// length, commas, paragraphs, link density, class/id hints), with sibling
// blocks that belong to it joined in. <article>, <main> and schema.org
// articleBody are strong hints, never the whole rule. Internal to src/ingest/html_*.

#include <gumbo.h>

#include <cstddef>
#include <string>
#include <unordered_map>
#include <vector>

#include "ingest/html_chrome.hpp"

namespace readaloud::html {

/// Text bytes of a subtree and how many of them are inside links; chrome
/// subtrees (chrome_reason) are not counted.
struct TextStats {
  std::size_t text = 0;
  std::size_t link = 0;
  std::size_t links = 0;  ///< <a> elements
  double link_density() const { return text == 0 ? 0.0 : static_cast<double>(link) / static_cast<double>(text); }
};

/// TextStats for every element under `root`, in one pass.
using StatsMap = std::unordered_map<const GumboNode*, TextStats>;
StatsMap measure_text(const GumboNode* root, const ContentHolders& holders);

/// The part of the page that holds the article.
struct ContentChoice {
  /// Siblings under one parent, in document order (often just one element);
  /// on a Q&A page, the question and its answer.
  std::vector<const GumboNode*> roots;
  /// How it was found, for `inspect`: "scored <div class=\"story-body\">",
  /// "<article> around the best-scored block", "<main>", "<body>".
  std::string how;
};

/// Chooses the article's elements under `body`.
ContentChoice choose_content(const GumboNode* body, const ContentHolders& holders);

/// A short description of an element for messages: `<div class="a b">`.
std::string describe(const GumboNode* el);

}  // namespace readaloud::html
