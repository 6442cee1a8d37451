#pragma once
// What the parts of the whole-page text search share (page_text.hpp is the
// interface): line predicates (page_text_lines.cpp), units of wrapped text and
// the region search (page_text.cpp), and the search for the headline that
// opens the article (page_text_title.cpp).

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/page_text.hpp"

namespace readaloud::page_text_detail {

// Weights of a line in the region search: prose adds its words, chrome costs
// as much as a short paragraph, so one banner never joins two prose runs.
inline constexpr double kChromeScore = -8.0;
inline constexpr double kJunkScore = -0.5;
inline constexpr double kMenuItemScore = -2.0;

inline constexpr std::size_t kWrapWidth = 80;        // text browsers wrap at 80 columns
inline constexpr std::size_t kWideWrapWidth = 120;   // or at a width they are given
inline constexpr std::size_t kMinMenuItems = 3;      // menu items outside the region that make a whole page
inline constexpr std::size_t kBannerReach = 25;      // units from either end of a page where a consent banner sits
inline constexpr std::size_t kMaxBannerParagraphWords = 80;  // a consent banner's paragraph, at most
inline constexpr std::size_t kLongParagraphWords = 15;  // a paragraph after a "Related" heading that keeps it inside

inline constexpr std::size_t kMaxTitleWords = 25;
/// Share of lowercase words a headline in Title Case has at most: "in", "of", "the".
inline constexpr double kMaxTitleCaseLower = 0.34;
inline constexpr std::size_t kTitleLookback = 16;  // units searched above the first prose for the title
inline constexpr std::size_t kMetaReach = 5;  // units under a headline searched for its byline or date
inline constexpr std::size_t kMaxStandfirstLines = 4;  // lines of an 80-column dump a standfirst wraps over
inline constexpr std::size_t kMinStandfirstWords = 12;  // a standfirst under a headline is longer than this
inline constexpr std::size_t kMaxStandfirstWords = 40;  // and at most this long
// A headline in two parts ("Box breathing: how a slow count of four can help
// you calm down") under a category's name is at most this long.
inline constexpr std::size_t kMaxHeadlineUnderCategoryWords = 16;

// ---- Lines (page_text_lines.cpp)

/// Columns a text browser gives the line.
std::size_t display_width(std::string_view s);

/// Whether `t` ends as a sentence does: a full stop, a question or exclamation
/// mark, an ellipsis, or a stop of another script, with closing quotes or
/// brackets after it.
bool ends_sentence(std::string_view t);

/// CJK text has no spaces between words: count its characters as words, roughly.
std::size_t word_weight(std::string_view t);

/// Whether every item of `t` cut at `sep` has at most `max_words` words:
/// short items between separators, "Home > Health > Allergies".
bool items_at_most(std::string_view t, std::string_view sep, std::size_t max_words);

/// Items between separators (" > ", " | ", " · ", ...): a trail or a row of
/// links, "News | Sport | Weather".
bool is_link_bar(std::string_view t, std::size_t words);

/// "Planning / Health & safety", "Health › Allergies": a path of sections,
/// every item three words at most.
bool is_section_path(std::string_view t);

/// A section path whose separator points down a hierarchy, "Sức khỏe › Y tế",
/// unlike a slash, which also joins two choices ("Log in / Sign up").
bool is_trail(std::string_view t);

/// The first item of a breadcrumb trail.
inline constexpr std::string_view kHome[] = {"home",    "homepage",   "home page", "inicio",          "portada",
                                             "startseite", "accueil", "página inicial", "início", "inicial",
                                             "pagina iniziale", "startpagina"};

inline constexpr std::string_view kCrumbSeparators[] = {" > ", " \u203A ", " \u00BB ", " / "};

/// A link back to the site's front page, alone on its line: "Home",
/// "Strona główna", "Startseite", "Página inicial". Besides the trail's
/// first items, names too short or too common to open a trail safely
/// ("hem" opens "hemorrhoids") count here, where the whole line is compared.
bool is_home_link(std::string_view t);

/// A breadcrumb trail from "Home" glued into a row of buttons: "Report a
/// side effect Menu Home / Patient information / Package leaflets".
bool holds_home_trail(std::string_view t);

/// "Fri 4 Dec 2026 06.00 GMT Last modified on Fri 4 Dec 2026 11.47 GMT":
/// dates, times and their labels, nothing else.
bool is_date_row(std::string_view t, std::size_t words);

/// Arrow and checkbox bullets that menus and filters use: "› World", "☐ Vegan".
bool has_menu_bullet(std::string_view t);

/// A line of a table a text browser draws with box characters (U+2500 to
/// U+257F): "┌────┐", "│Specialty   Dermatology│".
bool is_box_line(std::string_view t);

/// The text after a text browser's image placeholder ("[jm]Jo Roe·6 min
/// read"), or an empty view: a bracket of letters without spaces, then words.
/// Form fields ("[          ]", "[x]") are no image.
std::string_view after_image_mark(std::string_view t);

/// Whether `t` opens with a lowercase letter: a-z, or à-ÿ in UTF-8.
bool opens_lowercase(std::string_view t);

// ---- Units (page_text.cpp)

/// A unit of page text: one line, or the lines of one wrapped paragraph.
struct Unit {
  std::size_t first = 0, last = 0;  // 1-based line numbers
  std::string text;
  PageLine line;
};

/// Three or more capitalised words with no punctuation, two of them menu
/// words (data/pages/nav_words.txt): "Home Archive About Contact".
bool is_nav_row(std::string_view t);

/// A row of a table, of side-by-side columns or of a form's text fields
/// ("[                    ]"), padded with spaces: laid out, not wrapped.
bool is_laid_out(std::string_view line);

/// A heading's text without list numbering, bullets and "[edit]" links.
std::string toc_key(std::string_view t);

// ---- The title search (page_text_title.cpp)

/// A question or exclamation as a headline: "Should I stop my statin?"; or
/// two short sentences with no stop after the second, as a blog's headline
/// runs: "I started running at 41. Here is what nobody told me"; or with a
/// stop when they are in Title Case: "We Stopped Counting. Here's Why.".
bool is_headline_sentence(const Unit& u);

/// An image caption that ends in its credit: "Engineers at work (Image: Herald / T. Aske)",
/// "Most cases clear up in weeks. © Photo Library / M. Roux".
bool is_credited_caption(std::string_view t);

/// Whether the unit after `i` (before `end`) is a credit line of its own.
bool credited_at(const std::vector<Unit>& units, std::size_t i, std::size_t end);

/// A row of a facts box under a headline: a label and value next to another.
/// The headline itself ("Naproxen: uses, side effects and how to take it") has a long value.
bool is_fact_row(const std::vector<Unit>& units, std::size_t i);

/// A list item as a text browser draws it: a bullet ("•", "- ", "☐ ") or a
/// number ("2. ").
bool is_bullet_item(std::string_view t);

/// Whether unit `i` is an item of a bulleted list of article tools, two
/// items or more: "• Facebook", "• LinkedIn", "• Email".
bool in_tool_list(const std::vector<Unit>& units, std::size_t i);

/// Whether unit `i` belongs to a product card in the text: a card line, or
/// a short line (the product's name, its brand) that a price or a shop's
/// button follows within three units, with no prose between. (A recipe
/// card's name over its rating stays.)
bool in_product_card(const std::vector<Unit>& units, std::size_t i, std::size_t end);

/// The end of the run from `begin` again, with a page's furniture weighed
/// by its length: a stretch of units without prose costs more for each unit
/// past the first few, so the site's footer (a promo, an address, link lists)
/// no longer joins the article for the sake of one paragraph of fine print
/// under it ("ATTENTION: Language assistance services ..."). A pause inside
/// an article is short; its lists' items, its labels ("Between tests:") and
/// a recipe's quantities ("250 g flour") and its card's labels do not
/// lengthen a stretch.
std::size_t end_before_long_furniture(const std::vector<Unit>& units, std::size_t begin, std::size_t end);

/// Share of words that start with a lowercase letter: a headline in sentence
/// case, or in Title Case with its small words, has some; a nav bar has none.
double lowercase_share(std::string_view t);

/// A unit's text as the page's repeats are counted: case folded in every
/// script ("VALE DO ITAÚNA" is "Vale do Itaúna"), without a form field's or
/// a link's brackets ("[Vale do Itaúna]").
std::string seen_key(std::string_view text);

/// What the title search knows about the whole page.
struct PageFacts {
  std::map<std::string, std::size_t> seen;  // seen_key() of a unit's text -> how many units have it
  std::vector<std::string> footer;          // lowercased copyright lines, which name the site
  std::vector<bool> toc;                    // table-of-contents items
  std::string lead;                         // the article's first paragraphs, for word overlap
  std::vector<std::string> lead_paragraphs;  // the same, one by one
  std::vector<std::string> crumbs;          // the breadcrumb trail above the article (toc_key), home first
};

/// A byline, a date or a reviewer follows within a few units (past a
/// standfirst, a bare author name, a place), as under a headline.
bool followed_by_meta(const std::vector<Unit>& units, std::size_t c, std::size_t begin);

/// A row of tabs or contents on one line: two or more of its words, half of
/// them at least, come back in [from, end) as one-word headings of their own.
bool names_later_headings(const std::vector<Unit>& units, std::string_view text, std::size_t from, std::size_t end);

/// The publisher's or author's name of a byline set out in parts: the name,
/// a separator on a line of its own, the date ("Instituto Nacional de ...",
/// "|", "04 de diciembre de 2026").
bool is_name_before_separator(const std::vector<Unit>& units, std::size_t i);

/// Whether unit `i` is an entry of a table of contents (`toc`, from
/// toc_items()), or a question among its entries that comes back as a
/// heading below: toc_items() takes short lines only, and a question reads
/// as prose.
bool is_contents_entry(const std::vector<Unit>& units, const std::vector<bool>& toc, std::size_t i);

/// A breadcrumb trail on one line: "Home > Health > Allergies".
bool is_crumb_line(std::string_view t);

/// The headline found above the first prose unit, and the end of a box of
/// facts under it (0 when there is none): everything between is dropped.
struct TitleChoice {
  std::size_t unit, box_end = 0;
};

/// The headline above the first prose unit: the best scored of
/// title_candidates() (title_score); `begin` when none qualifies.
TitleChoice find_title(const std::vector<Unit>& units, std::size_t begin, std::size_t end, const PageFacts& facts);

/// Bytes of a kicker opening the headline `title`: one to three words
/// before the rest of the line, when the rest, four words or more, comes back
/// elsewhere on the page as a unit of its own (a list of the site's stories
/// links to this one by its headline alone). 0 when there is none.
std::size_t kicker_bytes(const std::vector<Unit>& units, std::size_t title);

}  // namespace readaloud::page_text_detail
