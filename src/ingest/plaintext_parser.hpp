#pragma once
// Scraped article text (what a "copy all" or a text scraper gives) -> Article.
// Structure comes from layout heuristics: short standalone lines are headings,
// "1." and bullet lines are lists, "Warning:" paragraphs are callouts.

#include <string_view>

#include "document/article.hpp"
#include "ingest/boilerplate.hpp"

namespace readaloud {

/// Scraped article text (already decoded UTF-8) -> Article (no warnings marked; the analyzer does that).
///
/// - Whole-page text (a select-all copy or a text browser's dump) is cut to its
///   article region first (find_article_region in ingest/page_text.hpp): lines
///   outside it, chrome inside it and the byline under the headline are dropped
///   with their reason; the headline is the title; in a select-all copy every
///   line is a paragraph of its own. Tidy article text passes unchanged.
/// - Lines the filter matches are dropped first and listed in Article::dropped.
/// - Paragraphs split on blank lines (and on dropped lines); their lines join with a space.
/// - A heading is a paragraph of one short line (<= 12 words, <= 100 bytes) that does
///   not end in sentence punctuation (. ! ? : ; , …), has a letter, does not start
///   lowercase, is not a list item, and has kept text after it. The first heading is
///   the title and opens a level-1 section; later headings open level-2 sections.
/// - "1. x" / "1) x" lines make ordered lists (start number kept); "•", "-", "*", "–",
///   "◦", "▪" lines make bullet lists; deeper indentation nests (ListItem::depth);
///   indented lines without a marker continue the item above.
/// - "Warning:", "Caution:", "Danger:", "Important:", "Note:", "Tip:" paragraphs become callouts.
/// Runs in time linear in the input, with no recursion.
Article parse_plaintext(std::string_view text, const BoilerplateFilter& filter);

}  // namespace readaloud
