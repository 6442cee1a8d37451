#include "ingest/page_text.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <map>

#include "ingest/decode.hpp"
#include "util/text.hpp"

namespace readaloud {
namespace {

// Weights of a line in the region search: prose adds its words, chrome costs
// as much as a short paragraph, so one banner never joins two prose runs.
constexpr double kChromeScore = -8.0;
constexpr double kJunkScore = -0.5;
constexpr double kMetaScore = -1.0;
constexpr double kMenuItemScore = -2.0;
constexpr double kShortScore = -0.7;
constexpr std::size_t kMaxTitleWords = 25;
constexpr std::size_t kTitleLookback = 12;  // units searched above the first prose for the title
constexpr std::size_t kWrapWidth = 80;     // text browsers wrap at 80 columns
constexpr std::size_t kMinMenuItems = 3;
constexpr std::size_t kMinStandfirstWords = 12;  // a standfirst under a headline is longer than this   // menu items outside the region that make a whole page

bool is_space(char c) { return c == ' ' || c == '\t'; }

std::size_t count_words(std::string_view s) {
  std::size_t words = 0;
  bool in_word = false;
  for (char c : s) {
    const bool space = is_space(c);
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

/// Columns a text browser gives the line: CJK and fullwidth characters take two.
std::size_t display_width(std::string_view s) {
  std::size_t width = 0;
  for (char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if ((c & 0xC0) == 0x80) continue;
    width += (c >= 0xE3 && c <= 0xED) || c == 0xEF ? 2 : 1;
  }
  return width;
}

bool has_letter(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char ch) {
    const auto c = static_cast<unsigned char>(ch);
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= 0xC3 && c <= 0xDF) || c >= 0xE3;
  });
}

bool ends_sentence(std::string_view t) {
  while (!t.empty() && std::string_view("\"')]").find(t.back()) != std::string_view::npos) t.remove_suffix(1);
  if (t.empty()) return false;
  if (t.ends_with("\u2026") || t.ends_with("\u3002") || t.ends_with("\uFF01") || t.ends_with("\uFF1F")) return true;
  return std::string_view(".!?").find(t.back()) != std::string_view::npos;
}

// CJK text has no spaces between words: count its characters as words, roughly.
std::size_t word_weight(std::string_view t) {
  std::size_t cjk = 0;
  for (std::size_t i = 0; i < t.size(); ++i)
    if (static_cast<unsigned char>(t[i]) >= 0xE3 && static_cast<unsigned char>(t[i]) <= 0xE9) ++cjk;
  return std::max(count_words(t), cjk / 2);
}

/// "Home > Health > Allergies", "News | Sport | Weather": short items between separators.
bool is_link_bar(std::string_view t, std::size_t words) {
  static constexpr std::array<std::string_view, 8> kSeparators{" > ", " \u203A ", " \u00BB ", " / ", " | ",
                                                               " \u00B7 ", " \u2022 ", " :: "};
  std::size_t separators = 0;
  for (std::string_view sep : kSeparators)
    for (std::size_t p = t.find(sep); p != std::string_view::npos; p = t.find(sep, p + sep.size())) ++separators;
  if (separators == 0 || ends_sentence(t)) return false;
  const bool starts_home = t.starts_with("Home ") || t.starts_with("Inicio ") || t.starts_with("Startseite ") ||
                           t.starts_with("Accueil ");
  return (separators >= 2 || starts_home) && words <= 4 * (separators + 1);
}

/// "1 Allergy Facts 2 Allergy Types 3 Allergy Tests": a numbered site menu on one line.
bool is_numbered_menu(std::string_view t) {
  if (ends_sentence(t)) return false;
  int expected = 1;
  std::size_t pos = 0;
  while (pos < t.size()) {
    while (pos < t.size() && is_space(t[pos])) ++pos;
    std::size_t end = pos;
    while (end < t.size() && !is_space(t[end])) ++end;
    const std::string_view word = t.substr(pos, end - pos);
    if (word == std::to_string(expected)) ++expected;
    pos = end;
  }
  return expected > 3;
}

/// A byline, a date line, a reading time: metadata under a headline.
bool is_meta(std::string_view t, std::size_t words) {
  if (words > 14 || ends_sentence(t)) return false;
  const std::string lower = ascii_lower(t);
  for (std::string_view prefix : {"by ", "posted ", "published ", "updated ", "written by ", "posted on ",
                                  "por ", "von ", "par ", "le "})
    if (lower.starts_with(prefix) && words >= 2) return true;
  if (lower.find("min read") != std::string::npos || lower.find("minute read") != std::string::npos) return true;
  // "March 3, 2024", "3 March 2024", "2024-03-03" with little else.
  static constexpr std::array<std::string_view, 12> kMonths{"jan", "feb", "mar", "apr", "may", "jun",
                                                            "jul", "aug", "sep", "oct", "nov", "dec"};
  bool month = false;
  for (std::string_view m : kMonths) month = month || lower.find(m) != std::string::npos;
  bool year = false;
  for (std::size_t i = 0; i + 4 <= t.size(); ++i)
    if ((t.substr(i, 2) == "19" || t.substr(i, 2) == "20") && std::isdigit(static_cast<unsigned char>(t[i + 2])) &&
        std::isdigit(static_cast<unsigned char>(t[i + 3])) && (i + 4 == t.size() || !std::isdigit(static_cast<unsigned char>(t[i + 4]))))
      year = true;
  return year && (month || lower.find('-') != std::string::npos || lower.find('/') != std::string::npos) && words <= 8;
}

/// Title Case items of one to three words: "World", "Health News", "Sign Up".
bool looks_like_menu_item(std::string_view t, std::size_t words) {
  if (words > 3) return false;
  std::size_t pos = 0;
  while (pos < t.size()) {
    while (pos < t.size() && is_space(t[pos])) ++pos;
    if (pos < t.size() && t[pos] >= 'a' && t[pos] <= 'z') return false;
    while (pos < t.size() && !is_space(t[pos])) ++pos;
  }
  return true;
}

bool is_chrome_rule(std::string_view rule) {
  return rule.starts_with("page-") || rule == "site-navigation" || rule == "copyright";
}

/// Arrow and checkbox bullets that menus and filters use: "› World", "☐ Vegan".
bool has_menu_bullet(std::string_view t) {
  for (std::string_view b : {"\u203A", "\u00BB", "\u2192", "\u25B8", "\u25BA", "\u25B6", "\u276F", "\u2610",
                             "\u2611", "\u2612", "\u2713", "\u2714", "\u27A4", "+ "})
    if (t.starts_with(b)) return true;
  return false;
}

}  // namespace

PageLine classify_page_line(std::string_view line, const BoilerplateFilter& filter) {
  PageLine out;
  const std::string_view t = trim(line);
  if (t.empty()) return out;
  const std::size_t words = word_weight(t);
  if (const auto hit = filter.match(t)) {
    const bool chrome = is_chrome_rule(hit->rule);
    out.kind = chrome ? PageLineKind::Chrome : PageLineKind::Junk;
    out.score = chrome ? kChromeScore : kJunkScore;
    out.rule = hit->rule;
    return out;
  }
  if (is_link_bar(t, words) || is_numbered_menu(t)) {
    out.kind = PageLineKind::Chrome;
    out.score = kChromeScore;
    out.rule = is_link_bar(t, words) ? "page-link-bar" : "page-site-menu";
    return out;
  }
  if (is_meta(t, words)) {
    out.kind = PageLineKind::Meta;
    out.score = kMetaScore;
    out.rule = "page-byline";
    return out;
  }
  const bool sentence = ends_sentence(t) || t.find(". ") != std::string_view::npos;
  if (sentence && words >= 8 && !has_menu_bullet(t)) {
    out.kind = PageLineKind::Prose;
    out.score = static_cast<double>(std::min<std::size_t>(words, 150));
  } else if (sentence && words >= 5) {
    out.kind = PageLineKind::Prose;
    out.score = 0.6 * static_cast<double>(words);
  } else {
    out.kind = PageLineKind::Short;
    out.score = (has_menu_bullet(t) || looks_like_menu_item(t, words)) ? kMenuItemScore : kShortScore;
  }
  return out;
}

namespace {

/// A unit of page text: one line, or the lines of one wrapped paragraph.
struct Unit {
  std::size_t first = 0, last = 0;  // 1-based line numbers
  std::string text;
  PageLine line;
};

struct RawLine {
  std::size_t number;
  std::string text;  // cleaned and trimmed
};

std::vector<RawLine> raw_lines(std::string_view text) {
  std::vector<RawLine> out;
  std::size_t number = 0;
  for (std::size_t pos = 0; pos < text.size();) {
    std::size_t end = text.find_first_of("\r\n", pos);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view raw = text.substr(pos, end - pos);
    pos = end;
    if (pos < text.size()) pos += (text[pos] == '\r' && pos + 1 < text.size() && text[pos + 1] == '\n') ? 2 : 1;
    ++number;
    out.push_back(RawLine{number, std::string(trim(clean_typography(raw)))});
  }
  return out;
}

/// Hard-wrapped text (a text-browser dump): no line past the wrap width, and many lines near it.
bool is_hard_wrapped(const std::vector<RawLine>& lines) {
  std::size_t long_lines = 0, nonblank = 0;
  for (const RawLine& l : lines) {
    if (l.text.empty()) continue;
    ++nonblank;
    const std::size_t n = display_width(l.text);
    if (n > kWrapWidth) return false;
    if (n >= 60) ++long_lines;
  }
  return long_lines >= 3 && long_lines * 10 >= nonblank;
}

std::vector<Unit> make_units(const std::vector<RawLine>& lines, bool wrapped, const BoilerplateFilter& filter) {
  std::vector<Unit> units;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].text.empty()) continue;
    Unit u{lines[i].number, lines[i].number, lines[i].text, {}};
    // A wrapped paragraph continues while its lines run near the wrap width.
    while (wrapped && display_width(lines[i].text) >= 55 && i + 1 < lines.size() && !lines[i + 1].text.empty()) {
      ++i;
      u.text += ' ' + lines[i].text;
      u.last = lines[i].number;
    }
    u.line = classify_page_line(u.text, filter);
    u.line.number = u.first;
    units.push_back(std::move(u));
  }
  return units;
}

/// The run of units with the largest total score (Kadane), as [begin, end).
std::pair<std::size_t, std::size_t> best_run(const std::vector<Unit>& units) {
  double best = 0, current = 0;
  std::size_t best_begin = 0, best_end = 0, begin = 0;
  for (std::size_t i = 0; i < units.size(); ++i) {
    if (current <= 0) {
      current = 0;
      begin = i;
    }
    current += units[i].line.score;
    if (current > best) {
      best = current;
      best_begin = begin;
      best_end = i + 1;
    }
  }
  return {best_begin, best_end};
}

bool skippable_above_title(const PageLine& l) {
  return l.kind == PageLineKind::Meta || l.kind == PageLineKind::Junk ||
         (l.kind == PageLineKind::Chrome && (l.rule == "page-widget" || l.rule == "page-link-bar"));
}

bool title_like(const Unit& u) {
  const std::string_view t = u.text;
  return u.line.kind == PageLineKind::Short && u.first == u.last && count_words(t) <= kMaxTitleWords &&
         has_letter(t) && !has_menu_bullet(t) && !t.starts_with("\u2022");
}

bool is_bullet_item(std::string_view t) {
  return t.starts_with("\u2022") || t.starts_with("- ") || t.starts_with("* ") ||
         (!t.empty() && std::isdigit(static_cast<unsigned char>(t[0])) && t.find(". ") != std::string_view::npos &&
          t.find(". ") <= 3);
}

/// A shorter heading right above a long standfirst is the headline.
std::size_t prefer_headline_over_standfirst(const std::vector<Unit>& units, std::size_t c, std::size_t above) {
  if (above == c || units[above].line.score <= kMenuItemScore) return c;
  const std::size_t words = count_words(units[c].text);
  return words >= kMinStandfirstWords && count_words(units[above].text) < words ? above : c;
}

/// The headline above the first prose unit. Looks back past bylines, dates,
/// credits, share widgets, breadcrumbs and "key points" bullets; prefers the
/// heading a byline or date follows, then a headline to a menu item and to the
/// longer standfirst under it; stops at prose and other chrome. Returns the
/// unit index, or `begin` when none qualifies.
std::size_t find_title(const std::vector<Unit>& units, std::size_t begin) {
  std::vector<std::size_t> candidates;  // nearest first
  for (std::size_t i = begin, steps = 0; i > 0 && steps < kTitleLookback; --i, ++steps) {
    const Unit& u = units[i - 1];
    if (skippable_above_title(u.line)) continue;
    // "Key points" bullets under a headline are passed; a list above a heading is a menu.
    if (is_bullet_item(u.text)) {
      if (candidates.empty()) continue;
      break;
    }
    if (!title_like(u)) break;
    candidates.push_back(i - 1);
  }
  const auto above = [&](std::size_t k) { return k + 1 < candidates.size() && candidates[k + 1] + 1 == candidates[k] ? candidates[k + 1] : candidates[k]; };
  for (std::size_t k = 0; k < candidates.size(); ++k) {
    const std::size_t c = candidates[k];
    if (c + 1 < begin && units[c + 1].line.kind == PageLineKind::Meta && units[c].line.score > kMenuItemScore)
      return prefer_headline_over_standfirst(units, c, above(k));
  }
  for (std::size_t k = 0; k < candidates.size(); ++k)
    if (units[candidates[k]].line.score > kMenuItemScore)
      return prefer_headline_over_standfirst(units, candidates[k], above(k));
  return candidates.empty() ? begin : candidates.front();
}

/// A lead-in ending in ":" keeps the list under it, even of short items.
std::size_t extend_over_list(const std::vector<Unit>& units, std::size_t end) {
  if (end == 0 || !units[end - 1].text.ends_with(':')) return end;
  while (end < units.size() && (units[end].line.kind == PageLineKind::Short ||
                                units[end].line.kind == PageLineKind::Prose) &&
         !has_menu_bullet(units[end].text))
    ++end;
  return end;
}

/// A heading's text without list numbering, bullets and "[edit]" links.
std::string toc_key(std::string_view t) {
  while (!t.empty() && (std::isdigit(static_cast<unsigned char>(t.front())) || t.front() == '.' || t.front() == ' '))
    t.remove_prefix(1);
  for (std::string_view b : {"\u2022 ", "- ", "* ", "\u25A1 "})
    if (t.starts_with(b)) t.remove_prefix(b.size());
  if (t.ends_with("[edit]")) t.remove_suffix(6);
  return ascii_lower(trim(t));
}

/// Table-of-contents items: short units whose text comes back later as a
/// heading of its own ("1 Causes" ... "Causes"). Two in a row at least.
std::vector<bool> toc_items(const std::vector<Unit>& units) {
  std::vector<bool> toc(units.size(), false);
  std::map<std::string, std::size_t> last_seen;  // key -> last unit index with it
  for (std::size_t i = 0; i < units.size(); ++i)
    if (units[i].line.kind == PageLineKind::Short) last_seen[toc_key(units[i].text)] = i;
  std::vector<bool> repeats(units.size(), false);
  for (std::size_t i = 0; i < units.size(); ++i) {
    if (units[i].line.kind != PageLineKind::Short) continue;
    const std::string key = toc_key(units[i].text);
    repeats[i] = !key.empty() && last_seen[key] > i;
  }
  for (std::size_t i = 0; i < units.size(); ++i) {
    const bool run = repeats[i] && ((i > 0 && repeats[i - 1]) || (i + 1 < units.size() && repeats[i + 1]));
    toc[i] = run;
  }
  return toc;
}

}  // namespace

PageRegion find_article_region(std::string_view text, const BoilerplateFilter& filter) {
  PageRegion region;
  const std::vector<RawLine> lines = raw_lines(text);
  const bool wrapped = is_hard_wrapped(lines);
  const std::vector<Unit> units = make_units(lines, wrapped, filter);
  auto [begin, end] = best_run(units);
  if (begin == end) return region;
  const std::size_t title = find_title(units, begin);
  end = extend_over_list(units, end);
  // A comment section ends the article, however much prose it holds.
  for (std::size_t i = begin; i < end; ++i)
    if (units[i].line.rule == "page-comments") {
      end = i;
      break;
    }

  bool chrome_outside = false, prose_before_title = false, short_before_title = false;
  std::size_t menu_items_outside = 0;
  for (std::size_t i = 0; i < units.size(); ++i) {
    if (i >= title && i < end) continue;
    chrome_outside = chrome_outside || units[i].line.kind == PageLineKind::Chrome;
    menu_items_outside += units[i].line.score <= kMenuItemScore;
    prose_before_title = prose_before_title || (i < title && units[i].line.kind == PageLineKind::Prose);
    short_before_title = short_before_title || (i < title && units[i].line.kind == PageLineKind::Short);
  }
  // Tidy article text has no menus around it: nothing is cut, except short
  // lines above a headline (a site name or a nav bar), which are never article.
  const bool page = chrome_outside || menu_items_outside >= kMinMenuItems;
  if (!page) {
    if (title == begin || !short_before_title || prose_before_title) return region;
    end = units.size();
  }
  std::vector<PageLine> outside;
  for (std::size_t i = 0; i < units.size(); ++i) {
    if (i >= title && i < end) continue;
    for (std::size_t n = units[i].first; n <= units[i].last; ++n) {
      PageLine l = units[i].line;
      l.number = n;
      if (l.rule.empty()) l.rule = "page-outside-article";
      outside.push_back(l);
    }
  }

  region.whole_page = true;
  region.first_line = units[title].first;
  region.last_line = units[end - 1].last;
  region.title_line = title < begin ? units[title].first : 0;
  region.dropped_outside = std::move(outside);
  const std::vector<bool> toc = toc_items(units);
  for (std::size_t i = title + (title < begin ? 1 : 0); i < end; ++i) {
    const PageLine& l = units[i].line;
    // Under the headline, before the text: bylines, dates, and short Title Case
    // lines such as a desk name ("WellInfo Health News") or a bare author name.
    const bool byline = i < begin && (l.kind == PageLineKind::Meta ||
                                      (l.kind == PageLineKind::Short && l.score <= kMenuItemScore && i + 1 < begin));
    if (l.kind == PageLineKind::Chrome || byline || toc[i])
      for (std::size_t n = units[i].first; n <= units[i].last; ++n) {
        PageLine d = l;
        d.number = n;
        if (toc[i]) d.rule = "page-table-of-contents";
        region.dropped_inside.push_back(d);
      }
  }
  // Only a page with menus is a select-all copy; otherwise paragraphs keep their lines.
  region.lines_are_paragraphs = page && !wrapped;
  return region;
}

}  // namespace readaloud
