#pragma once
// Whole-page text: what select-all and copy, or a text browser's dump, gives
// for a web page. The article is one region of it; menus, link lists,
// breadcrumbs, form remnants, consent banners and footers surround it.
// Lines are classified one by one, then the region with the most prose wins.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/boilerplate.hpp"

namespace readaloud {

/// What a single line of page text looks like.
enum class PageLineKind {
  Blank,
  Prose,   ///< sentence text: many words, sentence punctuation
  Short,   ///< a menu item, a link, a heading: few words, no sentence end
  Meta,    ///< a byline, a date, "5 min read", a recipe-card fact ("Servings: 4")
  Chrome,  ///< page chrome: a "page-..." boilerplate rule, a breadcrumb, a numbered site menu,
           ///< or a rule of ingest/page_text_rules.hpp (skip links, consent banners, footers,
           ///< "Related"/"Tags" headings)
  Junk     ///< another boilerplate rule (share buttons, credits) that is dropped anyway
};

/// One classified line, with the weight it adds to a candidate region.
struct PageLine {
  std::size_t number = 0;  ///< 1-based
  PageLineKind kind = PageLineKind::Blank;
  double score = 0;
  std::string rule;  ///< why a Chrome/Meta line is chrome ("breadcrumb", a rule name)
};

/// Classifies one trimmed, typography-cleaned line.
PageLine classify_page_line(std::string_view line, const BoilerplateFilter& filter);

/// Where the article is in a whole page.
struct PageRegion {
  /// True when the input looks like a whole page (page chrome lies outside the
  /// region); when false the other fields cover the whole input and change nothing.
  bool whole_page = false;
  std::size_t first_line = 1;  ///< first kept line (1-based), the title when there is one
  std::size_t last_line = 0;   ///< last kept line; 0 = to the end
  std::size_t title_line = 0;  ///< the heading that opens the article; 0 = none found
  std::size_t title_last_line = 0;  ///< its last line (a text browser wraps a long headline)
  /// Bytes of a kicker before the headline on the title's first line
  /// ("Atemwegsinfekte Kinderarztpraxen melden ...": a topic label that the
  /// page's own links to the story leave out); 0 when there is none.
  std::size_t title_kicker_bytes = 0;
  /// Lines inside the region that go anyway: chrome, and the byline/date lines under the title.
  std::vector<PageLine> dropped_inside;
  /// Lines outside the region, with the reason each goes.
  std::vector<PageLine> dropped_outside;
  /// True when each input line is its own paragraph (a select-all copy keeps
  /// paragraphs on one line each; a text-browser dump wraps them at a width).
  bool lines_are_paragraphs = false;
};

/// `line` without a text browser's link numbers and an encyclopedia's
/// citation marks: "[13]How do I ..." -> "How do I ...", "damp air.[1] They"
/// -> "damp air. They". A bracket of one to four digits is neither prose nor a
/// heading in a page dump; "[x]" and "[12a]" stay. A superscript footnote
/// number as a text browser writes it goes too ("the job.^1"). A documentation site's
/// permalink mark ending a heading goes too: "Hypothermia¶" -> "Hypothermia".
std::string strip_link_marks(std::string_view line);

/// A transcript line without its time: "00:31 Declan Moriarty: Thanks,
/// Ciara." -> "Declan Moriarty: Thanks, Ciara.". A time must stand before a
/// speaker's name (one to four capitalised words) and a colon; any other
/// line is returned whole.
std::string strip_transcript_time(std::string_view line);

/// A text browser's dump of a page laid out in two columns (a sidebar beside
/// the article) read column by column: where the text of many lines starts at
/// one column after a run of spaces, the part from that column on stays in
/// place and the part before it moves below the page, so a sidebar's items no
/// longer end the article's wrapped lines. Returns an empty string when the
/// text has no such column.
std::string unfold_columns(std::string_view text);

/// Finds the article region of `text` (already decoded UTF-8) line by line.
/// Linear in the input.
PageRegion find_article_region(std::string_view text, const BoilerplateFilter& filter);

}  // namespace readaloud
