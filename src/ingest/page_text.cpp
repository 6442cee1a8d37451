#include "ingest/page_text.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <limits>
#include <map>

#include "ingest/decode.hpp"
#include "ingest/page_text_rules.hpp"
#include "util/regex.hpp"
#include "util/text.hpp"
#include "util/utf8.hpp"

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
/// Share of lowercase words a headline in Title Case has at most: "in", "of", "the".
constexpr double kMaxTitleCaseLower = 0.34;
constexpr std::size_t kTitleLookback = 16;  // units searched above the first prose for the title
constexpr std::size_t kWrapWidth = 80;     // text browsers wrap at 80 columns
constexpr std::size_t kWideWrapWidth = 120;  // or at a width they are given
constexpr std::size_t kMinMenuItems = 3;  // menu items outside the region that make a whole page
constexpr std::size_t kMaxStandfirstLines = 4;  // lines of an 80-column dump a standfirst wraps over
constexpr std::size_t kMetaReach = 5;
constexpr std::size_t kMaxBannerParagraphWords = 80;  // a consent banner's paragraph, at most     // units under a headline searched for its byline or date
constexpr std::size_t kBannerReach = 25;  // units from either end of a page where a consent banner sits
constexpr std::size_t kLongParagraphWords = 15;  // a paragraph after a "Related" heading that keeps it inside
constexpr std::size_t kMinStandfirstWords = 12;  // a standfirst under a headline is longer than this
// A headline in two parts ("Box breathing: how a slow count of four can help
// you calm down") under a category's name is at most this long.
constexpr std::size_t kMaxHeadlineUnderCategoryWords = 16;

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

/// Columns a text browser gives the character that starts with byte `lead`:
/// CJK and fullwidth characters take two.
std::size_t columns_of(unsigned char lead) { return (lead >= 0xE3 && lead <= 0xED) || lead == 0xEF ? 2 : 1; }

/// Columns a text browser gives the line.
std::size_t display_width(std::string_view s) {
  std::size_t width = 0;
  for (char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if ((c & 0xC0) == 0x80) continue;
    width += columns_of(c);
  }
  return width;
}

// Sentence stops of other scripts: Devanagari and Bengali । ॥, Arabic ؟, Urdu ۔.
constexpr std::array<std::string_view, 4> kScriptStops = {"\u0964", "\u0965", "\u061F", "\u06D4"};

bool ends_sentence(std::string_view t) {
  while (!t.empty() && std::string_view("\"')]").find(t.back()) != std::string_view::npos) t.remove_suffix(1);
  if (t.empty()) return false;
  if (t.ends_with("\u2026") || t.ends_with("\u3002") || t.ends_with("\uFF01") || t.ends_with("\uFF1F")) return true;
  for (std::string_view stop : kScriptStops)
    if (t.ends_with(stop)) return true;
  return std::string_view(".!?").find(t.back()) != std::string_view::npos;
}

/// Whether a sentence of `t` ends inside it at another script's stop before a space.
bool has_script_stop_inside(std::string_view t) {
  return std::any_of(kScriptStops.begin(), kScriptStops.end(), [&](std::string_view stop) {
    const std::size_t at = t.find(stop);
    return at != std::string_view::npos && at + stop.size() < t.size() && t[at + stop.size()] == ' ';
  });
}

/// Code points of Thai, Lao and Khmer, scripts written without spaces between
/// words and without sentence stops.
std::size_t unstopped_script_chars(std::string_view t) {
  std::size_t n = 0;
  for (std::size_t i = 0; i + 1 < t.size(); ++i) {
    const auto a = static_cast<unsigned char>(t[i]), b = static_cast<unsigned char>(t[i + 1]);
    n += (a == 0xE0 && b >= 0xB8 && b <= 0xBB) || (a == 0xE1 && (b == 0x9E || b == 0x9F));
  }
  return n;
}

// Thai averages about five code points a word, letters and marks together.
constexpr std::size_t kUnstoppedCharsPerWord = 5;

// CJK text has no spaces between words: count its characters as words, roughly.
std::size_t word_weight(std::string_view t) {
  std::size_t cjk = 0;
  for (std::size_t i = 0; i < t.size(); ++i)
    if (static_cast<unsigned char>(t[i]) >= 0xE3 && static_cast<unsigned char>(t[i]) <= 0xE9) ++cjk;
  return std::max({count_words(t), cjk / 2, unstopped_script_chars(t) / kUnstoppedCharsPerWord});
}

/// A line of Thai, Lao or Khmer long enough to be a paragraph's sentences,
/// which those scripts end with a space, not a stop.
bool is_unstopped_prose(std::string_view t) {
  constexpr std::size_t kMinChars = 80;
  return unstopped_script_chars(t) >= kMinChars;
}

/// "Home > Health > Allergies", "News | Sport | Weather": short items between separators.
/// Whether every item of `t` cut at `sep` has at most `max_words` words.
bool items_at_most(std::string_view t, std::string_view sep, std::size_t max_words) {
  for (std::size_t pos = 0; pos <= t.size();) {
    const std::size_t next = std::min(t.find(sep, pos), t.size());
    if (count_words(t.substr(pos, next - pos)) > max_words) return false;
    pos = next + sep.size();
  }
  return true;
}

bool is_link_bar(std::string_view t, std::size_t words) {
  static constexpr std::array<std::string_view, 8> kSeparators{" > ", " \u203A ", " \u00BB ", " / ", " | ",
                                                               " \u00B7 ", " \u2022 ", " :: "};
  std::size_t separators = 0;
  for (std::string_view sep : kSeparators)
    for (std::size_t p = t.find(sep); p != std::string_view::npos; p = t.find(sep, p + sep.size())) ++separators;
  if (separators == 0 || ends_sentence(t)) return false;
  const bool starts_home = t.starts_with("Home ") || t.starts_with("Inicio ") || t.starts_with("Startseite ") ||
                           t.starts_with("Accueil ");
  if ((separators >= 2 || starts_home) && words <= 4 * (separators + 1)) return true;
  // A breadcrumb ends in the page's own title, however long: "Home > News >
  // Norovirus: please stay away if you have been unwell". Its other items are short.
  for (std::string_view sep : {std::string_view(" > "), std::string_view(" \u203A "), std::string_view(" \u00BB ")}) {
    const std::size_t last = t.rfind(sep);
    if (last == std::string_view::npos || t.find(sep) == last) continue;  // two separators at least
    if (items_at_most(t.substr(0, last), sep, 3)) return true;
  }
  return false;
}

/// "Planning / Health & safety", "Health › Allergies": a path of sections,
/// every item three words at most.
bool is_section_path(std::string_view t) {
  for (std::string_view sep : {std::string_view(" / "), std::string_view(" > "), std::string_view(" \u203A "),
                               std::string_view(" \u00BB "), std::string_view(" \u00B7 ")})
    if (t.find(sep) != std::string_view::npos && !ends_sentence(t) && items_at_most(t, sep, 3)) return true;
  return false;
}

/// A section path whose separator points down a hierarchy, "Sức khỏe › Y tế",
/// unlike a slash, which also joins two choices ("Log in / Sign up").
bool is_trail(std::string_view t) {
  return is_section_path(t) && t.find(" / ") == std::string_view::npos;
}

/// The first item of a breadcrumb trail.
constexpr std::string_view kHome[] = {"home",          "homepage",  "home page",       "inicio",
                                      "portada",       "startseite", "accueil",        "página inicial",
                                      "início",        "inicial",   "pagina iniziale", "startpagina"};

constexpr std::string_view kCrumbSeparators[] = {" > ", " \u203A ", " \u00BB ", " / "};

/// A link back to the site's front page, alone on its line: "Home",
/// "Strona główna", "Startseite", "Página inicial". Besides the trail's
/// first items, names too short or too common to open a trail safely
/// ("hem" opens "hemorrhoids") count here, where the whole line is compared.
bool is_home_link(std::string_view t) {
  static constexpr std::string_view kHomeAlone[] = {"strona główna", "hem", "startsida", "domů", "úvod",
                                                    "acasă", "forside", "etusivu", "főoldal"};
  const std::string key = utf8::fold_case(trim(t));
  return std::ranges::find(kHome, key) != std::end(kHome) || std::ranges::find(kHomeAlone, key) != std::end(kHomeAlone);
}

/// A breadcrumb trail from "Home" glued into a row of buttons: "Report a
/// side effect Menu Home / Patient information / Package leaflets".
bool holds_home_trail(std::string_view t) {
  for (std::string_view sep : kCrumbSeparators) {
    const std::size_t home = t.find("Home" + std::string(sep));
    if (home != std::string_view::npos && (home == 0 || t[home - 1] == ' ') &&
        t.find(sep, home + 4 + sep.size()) != std::string_view::npos)
      return true;
  }
  return false;
}

/// "1 Allergy Facts 2 Allergy Types 3 Allergy Tests": a numbered site menu on one line.
bool is_numbered_menu(std::string_view t) {
  if (ends_sentence(t)) return false;
  int expected = 1;
  for (std::string_view word : words_of(t))
    if (word == std::to_string(expected)) ++expected;
  return expected > 3;
}

/// "Published: 14:22, …", "Updated 6 Dec", "Actualizado el …": a date label opening the line.
bool starts_with_date_label(std::string_view t) {
  const std::string lower = ascii_lower(t.substr(0, 32));
  for (const std::string& label : page_phrases("date_labels"))
    if (lower.starts_with(label) && lower.size() > label.size() &&
        (lower[label.size()] == ':' || lower[label.size()] == ' '))
      return true;
  return false;
}

/// "Fri 4 Dec 2026 06.00 GMT Last modified on Fri 4 Dec 2026 11.47 GMT":
/// dates, times and their labels, nothing else.
bool is_date_row(std::string_view t, std::size_t words) {
  constexpr std::size_t kMaxWords = 20;
  static constexpr std::string_view kDateWords[] = {
      "mon", "tue", "wed", "thu", "fri", "sat", "sun", "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep",
      "oct", "nov", "dec", "gmt", "bst", "utc", "cet", "cest", "est", "edt", "pst", "pdt", "am", "pm", "a.m.", "p.m.",
      "last", "modified", "updated", "published", "on", "at"};
  if (words > kMaxWords || !has_date(t)) return false;
  for (std::string_view w : words_of(t)) {
    if (std::any_of(w.begin(), w.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }))
      continue;
    std::string lower = ascii_lower(w);
    while (!lower.empty() && (lower.back() == ',' || lower.back() == '.' || lower.back() == ':')) lower.pop_back();
    if (lower.size() > 3 && std::ranges::find(kDateWords, lower) == std::end(kDateWords)) lower.resize(3);  // "December"
    if (std::ranges::find(kDateWords, lower) == std::end(kDateWords) &&
        std::ranges::find(kDateWords, ascii_lower(w)) == std::end(kDateWords))
      return false;
  }
  return true;
}

/// A byline, a date line, a reading time: metadata under a headline.
bool is_meta(std::string_view t, std::size_t words) {
  // "Por Ana Ruiz | Revisado por … | Actualizado el 10 de julio": a byline row.
  constexpr std::size_t kMaxRowWords = 32;
  for (std::string_view sep : {" | ", " \u00B7 ", " \u2014 ", " / "}) {
    const std::size_t at = t.find(sep);
    if (at == std::string_view::npos || words > kMaxRowWords) continue;
    std::string_view lead = trim(t.substr(0, at));
    // A badge's check mark or star before it: "✓ Medically reviewed by …".
    if (const std::size_t sp = lead.find(' ');
        sp != std::string_view::npos && sp <= 4 && static_cast<unsigned char>(lead[0]) >= 0xE2)
      lead = trim(lead.substr(sp));
    if (count_words(lead) >= 2 && count_words(lead) <= 6 && starts_like_byline(lead)) return true;
    // Or a dated row whose later item names the writer: "Cats, Poisons | 24 April 2029 | By Dr Fiona Marr".
    if (!has_date(t)) continue;
    constexpr std::size_t kMaxBylineWords = 8;
    for (std::size_t from = at + sep.size(); from < t.size();) {
      const std::size_t next = std::min(t.find(sep, from), t.size());
      const std::string_view item = trim(t.substr(from, next - from));
      if (count_words(item) >= 2 && count_words(item) <= kMaxBylineWords && starts_like_byline(item)) return true;
      from = next == t.size() ? next : next + sep.size();
    }
  }
  // "Lucía Carrasco Ibarra Madrid - 12 dic 2026 - 05:20 CET": a writer's name and
  // place, then the date.
  constexpr std::size_t kMinNameWords = 2, kMaxNameWords = 5, kMaxDatedRowWords = 14;
  if (const std::size_t dash = t.find(" - "); dash != std::string_view::npos && words <= kMaxDatedRowWords &&
                                              has_date(t.substr(dash))) {
    const std::vector<std::string_view> name = words_of(t.substr(0, dash));
    if (name.size() >= kMinNameWords && name.size() <= kMaxNameWords &&
        std::all_of(name.begin(), name.end(), [](std::string_view w) {
          return std::isupper(static_cast<unsigned char>(w[0])) != 0;
        }))
      return true;
  }
  // "Published: 14:22, 6 Dec 2026 Updated: 16:05, 6 Dec 2026": labelled dates, however many.
  constexpr std::size_t kMaxDatedWords = 20;
  if (words <= kMaxDatedWords && starts_with_date_label(t) && has_date(t)) return true;
  // "Updated Nov. 13, 2026, 6:00 a.m.": a time's stop ends no sentence.
  const bool time_last = t.ends_with(" a.m.") || t.ends_with(" p.m.");
  if (words > 14 || (ends_sentence(t) && !time_last)) return false;
  if (words >= 2 && starts_like_byline(t)) return true;
  const std::string lower = ascii_lower(t);
  for (std::string_view reading : {"min read", "minute read", "min. read", "lecture ", "lesezeit", "de lectura",
                                   "de leitura", "di lettura"})
    if (lower.find(reading) != std::string::npos) return true;
  // A Japanese portal's dateline: "北都新報 12/6(日) 7:05配信".
  if (t.find("\u914D\u4FE1") != std::string_view::npos && std::any_of(t.begin(), t.end(), [](char c) {
        return std::isdigit(static_cast<unsigned char>(c)) != 0;
      }))
    return true;
  // "March 3, 2024", "3 March 2024", "2024-03-03", "19.02.2025, 14:20 Uhr" with little else;
  // a CJK dateline may carry the source and the writer ("2025年10月8日 来源：… 作者：…").
  return (words <= 8 || (words <= 20 && count_words(t) <= 6)) && has_date(t);
}

/// Title Case items of one to three words: "World", "Health News", "Sign Up".
bool looks_like_menu_item(std::string_view t, std::size_t words) {
  if (words > 3) return false;
  const std::vector<std::string_view> all = words_of(t);
  return std::none_of(all.begin(), all.end(), [](std::string_view w) { return w.front() >= 'a' && w.front() <= 'z'; });
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

/// A row of menu items or buttons run together by a text browser:
/// "SleepNutritionFitnessMindFamily", "1.2K31SaveListenShare". Some token of
/// eight characters or more turns from lowercase to uppercase twice ("iPhone",
/// "YouTube" and "McDonald" once).
constexpr std::size_t kMaxGluedRowWords = 6;

bool is_glued_row(std::string_view t) {
  constexpr std::size_t kMinToken = 8;
  for (std::string_view w : words_of(t)) {
    std::size_t humps = 0;
    for (std::size_t k = 1; k < w.size(); ++k)
      humps += w[k] >= 'A' && w[k] <= 'Z' && ((w[k - 1] >= 'a' && w[k - 1] <= 'z') || w[k - 1] == '!');
    if (w.size() >= kMinToken && humps >= 2) return true;
  }
  return false;
}

/// A line of a table a text browser draws with box characters (U+2500 to
/// U+257F): "┌────┐", "│Specialty   Dermatology│".
bool is_box_line(std::string_view t) {
  return t.size() >= 3 && static_cast<unsigned char>(t[0]) == 0xE2 &&
         (static_cast<unsigned char>(t[1]) == 0x94 || static_cast<unsigned char>(t[1]) == 0x95);
}

/// A table's border alone: box characters and spaces only.
bool is_box_border(std::string_view t) {
  for (std::size_t i = 0; i < t.size();) {
    if (is_space(t[i])) {
      ++i;
    } else if (is_box_line(t.substr(i))) {
      i += 3;
    } else {
      return false;
    }
  }
  return !t.empty();
}

/// The text after a text browser's image placeholder ("[jm]Jo Roe·6 min
/// read"), or an empty view: a bracket of letters without spaces, then words.
/// Form fields ("[          ]", "[x]") are no image.
std::string_view after_image_mark(std::string_view t) {
  constexpr std::size_t kMaxMark = 20;
  if (!t.starts_with("[")) return {};
  const std::size_t close = t.find(']');
  if (close == std::string_view::npos || close < 3 || close > kMaxMark) return {};
  const std::string_view mark = t.substr(1, close - 1);
  if (std::any_of(mark.begin(), mark.end(), [](char c) { return is_space(c); })) return {};
  const std::string_view rest = trim(t.substr(close + 1));
  return word_weight(rest) >= 2 && !rest.starts_with("[") ? rest : std::string_view{};  // "[logo]杏林健康说"
}

}  // namespace

std::string strip_transcript_time(std::string_view line) {
  constexpr std::size_t kMaxNameWords = 4;
  const std::string_view t = trim(line);
  std::size_t i = 0;
  // "00:31", "1:02:03": groups of digits joined by colons, the last two long.
  std::size_t groups = 0;
  while (i < t.size()) {
    std::size_t digits = 0;
    while (i + digits < t.size() && std::isdigit(static_cast<unsigned char>(t[i + digits]))) ++digits;
    if (digits == 0 || digits > 2 || (groups > 0 && digits != 2)) return std::string(line);
    i += digits;
    ++groups;
    if (i < t.size() && t[i] == ':') {
      ++i;
      continue;
    }
    break;
  }
  if (groups < 2 || groups > 3 || i >= t.size() || t[i] != ' ') return std::string(line);
  const std::string_view rest = trim(t.substr(i));
  const std::size_t colon = rest.find(": ");
  if (colon == std::string_view::npos) return std::string(line);
  const std::string_view name = rest.substr(0, colon);
  const std::vector<std::string_view> words = words_of(name);
  if (words.empty() || words.size() > kMaxNameWords) return std::string(line);
  for (std::string_view w : words)
    if (!std::isupper(static_cast<unsigned char>(w[0])) && static_cast<unsigned char>(w[0]) < 0x80) return std::string(line);
  return std::string(rest);
}

std::string strip_link_marks(std::string_view line) {
  constexpr std::size_t kMaxDigits = 4;
  std::string out;
  out.reserve(line.size());
  for (std::size_t i = 0; i < line.size(); ++i) {
    // A text browser's superscript footnote number after a word: "the job.^1".
    if (line[i] == '^' && i > 0 && line[i - 1] != ' ') {
      std::size_t j = i + 1;
      while (j < line.size() && j - i - 1 < 3 && std::isdigit(static_cast<unsigned char>(line[j]))) ++j;
      if (j > i + 1 && (j == line.size() || !std::isalnum(static_cast<unsigned char>(line[j])))) {
        i = j - 1;
        continue;
      }
    }
    if (line[i] == '[') {
      std::size_t j = i + 1;
      while (j < line.size() && j - i - 1 < kMaxDigits + 1 && std::isdigit(static_cast<unsigned char>(line[j]))) ++j;
      if (j > i + 1 && j - i - 1 <= kMaxDigits && j < line.size() && line[j] == ']') {
        i = j;
        continue;
      }
    }
    out += line[i];
  }
  out.resize(without_permalink_mark(out).size());  // "Hypothermia¶"
  return out;
}

namespace {

/// Byte offset of display column `col` in `line` (CJK characters take two
/// columns), or npos when the line is shorter or a wide character spans it.
std::size_t offset_of_column(std::string_view line, std::size_t col) {
  std::size_t width = 0;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const auto c = static_cast<unsigned char>(line[i]);
    if ((c & 0xC0) == 0x80) continue;
    if (width == col) return i;
    if (width > col) return std::string_view::npos;
    width += columns_of(c);
  }
  return std::string_view::npos;
}

/// The column where text starts after a run of two or more spaces, for each
/// such run in the line (leading indentation included).
std::vector<std::size_t> column_starts(std::string_view line) {
  std::vector<std::size_t> out;
  std::size_t width = 0, spaces = 0;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const auto c = static_cast<unsigned char>(line[i]);
    if ((c & 0xC0) == 0x80) continue;
    if (c == ' ') {
      ++spaces;
    } else {
      if (spaces >= 2 || (spaces > 0 && spaces == width)) out.push_back(width);
      spaces = 0;
    }
    width += columns_of(c);
  }
  return out;
}

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  for (std::size_t pos = 0; pos <= text.size();) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view l = text.substr(pos, end - pos);
    if (l.ends_with('\r')) l.remove_suffix(1);
    lines.push_back(l);
    pos = end + 1;
  }
  return lines;
}

/// The column a two-column layout splits at: the start column shared by the
/// most lines, when both sides of it hold text on enough lines. 0 = none.
std::size_t split_column(const std::vector<std::string_view>& lines) {
  constexpr std::size_t kMinColumn = 12, kMaxColumn = 60, kMinSplitLines = 3, kMinIndented = 4, kMinShare = 4;
  // Column -> lines whose text starts there; of them, lines with text before
  // it too; lines indented to it (the article's wrapped lines); and lines
  // whose text from there on is long (prose, not a table's value cells).
  std::map<std::size_t, std::size_t> starts, split, indented, wide;
  constexpr std::size_t kWideRight = 40;
  std::size_t nonblank = 0;
  for (std::string_view l : lines) {
    if (trim(l).empty()) continue;
    ++nonblank;
    const std::size_t indent = l.find_first_not_of(' ');
    for (std::size_t c : column_starts(l)) {
      if (c < kMinColumn || c > kMaxColumn) continue;
      ++starts[c];
      (c != indent ? split : indented)[c]++;
      wide[c] += display_width(l) >= c + kWideRight;
    }
  }
  std::size_t best = 0, best_count = 0;
  for (const auto& [col, n] : starts)
    if (n > best_count && split[col] >= kMinSplitLines && indented[col] >= kMinIndented && wide[col] * 2 >= n) {
      best = col;
      best_count = n;
    }
  return best_count * kMinShare >= nonblank ? best : 0;
}

}  // namespace

std::string unfold_columns(std::string_view text) {
  const std::vector<std::string_view> lines = split_lines(text);
  const std::size_t col = split_column(lines);
  if (col == 0) return {};
  // The layout runs from the first line split at the column to the last.
  const auto split_at = [&](std::string_view l) {
    const std::size_t at = offset_of_column(l, col);
    return at != std::string_view::npos && at > 0 && l[at - 1] == ' ' && l[at] != ' ' ? at : std::string_view::npos;
  };
  std::size_t first = lines.size(), last = 0;
  for (std::size_t i = 0; i < lines.size(); ++i)
    if (split_at(lines[i]) != std::string_view::npos) {
      first = std::min(first, i);
      last = i;
    }
  std::string main, side;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    std::string_view l = lines[i];
    const std::size_t at = i >= first && i <= last ? split_at(l) : std::string_view::npos;
    const bool left_only = i >= first && i <= last && at == std::string_view::npos && !trim(l).empty() &&
                           offset_of_column(trim(l).empty() ? l : l.substr(0, l.find_last_not_of(' ') + 1), col) ==
                               std::string_view::npos;
    if (at != std::string_view::npos) {
      side.append(trim(l.substr(0, at))).append("\n");
      main.append(l.substr(at)).append("\n");
    } else if (left_only) {
      side.append(trim(l)).append("\n");
      main.append("\n");  // the article's column is blank on this row
    } else {
      main.append(l).append("\n");
    }
  }
  return main + "\n" + side;
}

/// Whether the ". " at `at` follows a day or month number and comes before a
/// lowercase word or a number: "4. prosince", "4. 12. 2026".
bool is_ordinal_dot(std::string_view t, std::size_t at) {
  std::size_t digits = 0;
  while (digits < at && digits < 3 && std::isdigit(static_cast<unsigned char>(t[at - 1 - digits]))) ++digits;
  if (digits == 0 || digits > 2 || (at > digits && std::isalnum(static_cast<unsigned char>(t[at - 1 - digits]))))
    return false;
  const std::size_t next = at + 2;
  return next < t.size() && (std::isdigit(static_cast<unsigned char>(t[next])) ||
                             std::islower(static_cast<unsigned char>(t[next])) ||
                             static_cast<unsigned char>(t[next]) >= 0xC3);
}

constexpr std::size_t kMinListClauseWords = 6;

/// Whether `t` opens with a lowercase letter: a-z, or à-ÿ in UTF-8.
bool opens_lowercase(std::string_view t) {
  if (t.empty()) return false;
  const auto c = static_cast<unsigned char>(t[0]);
  const auto next = t.size() > 1 ? static_cast<unsigned char>(t[1]) : 0;
  return (c >= 'a' && c <= 'z') || (c == 0xC3 && next >= 0x9F);
}

/// A bulleted item that opens with a lowercase word: "• you keep vomiting".
bool is_list_clause(std::string_view t) {
  for (std::string_view bullet : {"\u2022 ", "- ", "* "})
    if (t.starts_with(bullet)) return opens_lowercase(t.substr(bullet.size()));
  return false;
}

PageLine classify_page_line(std::string_view line, const BoilerplateFilter& filter) {
  const std::string_view t = trim(line);
  if (t.empty()) return {};
  if (const std::string_view rest = after_image_mark(t); !rest.empty()) return classify_page_line(rest, filter);
  const std::size_t words = word_weight(t);
  const auto as = [](PageLineKind kind, double score, std::string_view rule) {
    return PageLine{0, kind, score, std::string(rule)};
  };
  if (is_box_border(t)) return as(PageLineKind::Junk, kJunkScore, "page-table-border");
  // Section edit links and ad-slot labels sit inside the article: dropped, without splitting it.
  const std::string_view page_rule = page_chrome_rule(t, words);
  if (page_rule == "page-advertisement" || page_rule == "page-edit-link")
    return as(PageLineKind::Junk, kJunkScore, page_rule);
  if (const auto hit = filter.match(t)) {
    // A byline, a date or a reading time tells the title search where the headline is.
    if (hit->rule == "publish-date" || hit->rule == "reading-time" || hit->rule == "date-line" ||
        (hit->rule == "byline" && is_meta(t, words)))
      return as(PageLineKind::Meta, kMetaScore, "page-byline");
    if (hit->rule == "qa-signature" && is_qa_signature(t, words))
      return as(PageLineKind::Meta, kMetaScore, "page-qa-signature");
    return is_chrome_rule(hit->rule) ? as(PageLineKind::Chrome, kChromeScore, hit->rule)
                                     : as(PageLineKind::Junk, kJunkScore, hit->rule);
  }
  if (!page_rule.empty()) return as(PageLineKind::Chrome, kChromeScore, page_rule);
  if (words <= kMaxGluedRowWords && !ends_sentence(t) && is_glued_row(t))
    return as(PageLineKind::Chrome, kChromeScore, "page-widget");
  if (is_qa_signature(t, words)) return as(PageLineKind::Meta, kMetaScore, "page-qa-signature");
  if (is_card_fact(t, words)) return as(PageLineKind::Meta, kMetaScore, "page-card-fact");
  if (is_meta(t, words)) return as(PageLineKind::Meta, kMetaScore, "page-byline");
  if (is_link_bar(t, words)) return as(PageLineKind::Chrome, kChromeScore, "page-link-bar");
  if (is_numbered_menu(t)) return as(PageLineKind::Chrome, kChromeScore, "page-site-menu");
  if (is_spaced_menu_row(t)) return as(PageLineKind::Short, kChromeScore / 2, "");
  // A list number ("2. Health and social care") is no sentence end, nor the
  // ordinal dot of a date ("pátek 4. prosince 2026", "4. 12. 2026").
  std::size_t stop = t.find(". ");
  if (stop != std::string_view::npos && stop <= 3 && std::isdigit(static_cast<unsigned char>(t[0])))
    stop = t.find(". ", stop + 2);
  while (stop != std::string_view::npos && is_ordinal_dot(t, stop)) stop = t.find(". ", stop + 2);
  const bool sentence =
      ends_sentence(t) || stop != std::string_view::npos || has_script_stop_inside(t) || is_unstopped_prose(t);
  if (sentence && words >= 8 && !has_menu_bullet(t))
    return as(PageLineKind::Prose, static_cast<double>(std::min<std::size_t>(words, 150)), "");
  if (sentence && words >= 5) return as(PageLineKind::Prose, 0.6 * static_cast<double>(words), "");
  // A list item that goes on a lead-in's sentence in lowercase ("• you have
  // heartburn most days for 3 weeks or more"): the text's, never a menu's.
  if (words >= kMinListClauseWords && is_list_clause(t)) return as(PageLineKind::Prose, 0.5 * static_cast<double>(words), "");
  return as(PageLineKind::Short, (has_menu_bullet(t) || looks_like_menu_item(t, words)) ? kMenuItemScore : kShortScore,
            "");
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
  std::string text;                  // cleaned and trimmed
  std::size_t shown_width = 0;       // as a text browser drew it: indent and link marks ("[12]") included
  std::size_t shown_first_word = 0;  // the width of its first word, drawn the same way
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
    const std::string shown = clean_typography(raw);
    const std::string_view words = trim(shown);
    const std::string cleaned(trim(strip_link_marks(shown)));
    out.push_back(RawLine{number, cleaned.substr(caption_label_size(cleaned)),
                          display_width(std::string_view(shown).substr(0, shown.find_last_not_of(' ') + 1)),
                          display_width(words.substr(0, words.find(' ')))});
  }
  return out;
}

/// A row of a table, of side-by-side columns or of a form's text fields
/// ("[                    ]"), padded with spaces: laid out, not wrapped.
bool is_laid_out(std::string_view line) { return line.find("   ") != std::string_view::npos; }

/// The width hard-wrapped text (a text-browser dump) is wrapped at, or 0 when
/// it is not: nine lines in ten at most that wide (a two-column page's article
/// column is narrower than 80), many lines near it, and next to no line past 80.

/// The width lines were wrapped at, up to `max_width`, when at least
/// `min_near` lines run near it; 0 when they were not wrapped. With
/// `mid_sentence`, half of the lines near the width must break off in the
/// middle of a sentence, as wrapped lines do and whole paragraphs do not.
std::size_t wrap_width(const std::vector<RawLine>& lines, std::size_t max_width, std::size_t min_near,
                       bool mid_sentence) {
  // A dump keeps a few lines past the width: a link list's addresses, a
  // heading or a line a text browser would not break.
  constexpr std::size_t kOverWidthShare = 30;  // one line in this many may run past the width
  constexpr std::size_t kMinWidth = 40, kNear = 12;
  std::vector<std::size_t> widths;
  std::vector<bool> open_ended;  // the line stops in the middle of a sentence
  std::size_t over = 0;
  for (const RawLine& l : lines) {
    if (l.text.empty() || l.text.find("://") != std::string::npos || is_laid_out(l.text)) continue;
    widths.push_back(display_width(l.text));
    open_ended.push_back(!ends_sentence(trim(l.text)));
    over += widths.back() > max_width;
  }
  if (widths.empty()) return 0;
  std::vector<std::size_t> sorted = widths;
  std::sort(sorted.begin(), sorted.end());
  const std::size_t width = std::min(max_width, sorted[sorted.size() * 9 / 10]);
  if (width < kMinWidth) return 0;
  const std::size_t near_width = std::min<std::size_t>(60, width - kNear);
  std::size_t near = 0, near_open = 0;
  for (std::size_t k = 0; k < widths.size(); ++k)
    if (widths[k] >= near_width && widths[k] <= max_width) {
      ++near;
      near_open += open_ended[k];
    }
  // Ten lines near the width for each one past it.
  const bool near_enough = near >= min_near && near * 10 >= widths.size();
  const bool few_over = over * kOverWidthShare <= widths.size() && over * 10 <= near;
  return near_enough && few_over && (!mid_sentence || near_open * 2 >= near) ? width : 0;
}

/// The width a text browser wrapped the dump at: 80 columns, or up to
/// kWideWrapWidth when it was told to use more ("w3m -cols 100"); 0 when the
/// lines are not wrapped.
std::size_t wrap_width(const std::vector<RawLine>& lines) {
  // Select-all text has paragraphs of about a hundred characters too: a wide
  // wrap needs more lines near its width, most of them cut off mid-sentence.
  constexpr std::size_t kMinNear = 3, kMinNearWide = 8;
  if (const std::size_t width = wrap_width(lines, kWrapWidth, kMinNear, false); width != 0) return width;
  const std::size_t wide = wrap_width(lines, kWideWrapWidth, kMinNearWide, true);
  return wide > kWrapWidth ? wide : 0;
}

/// A transcript's or a video's times alone on their lines ("0:07", "00:41",
/// "1:02:03"), three or more in a row each later than the one before, are
/// its seek buttons: chrome. A live blog's entry times run the other way, newest
/// first, and stay as the entries' headings.
void mark_transcript_times(std::vector<Unit>& units) {
  constexpr std::size_t kMinTimes = 3;
  const auto seconds = [](std::string_view t) {
    std::size_t total = 0, part = 0;
    for (char ch : t) {
      if (ch == ':') {
        total = total * 60 + part;
        part = 0;
      } else {
        part = part * 10 + static_cast<std::size_t>(ch - '0');
      }
    }
    return total * 60 + part;
  };
  std::vector<std::size_t> times;
  for (std::size_t i = 0; i < units.size(); ++i)
    if (is_clock(units[i].text)) times.push_back(i);
  for (std::size_t from = 0; from < times.size();) {
    std::size_t to = from + 1;  // the run of times that rise: [from, to)
    while (to < times.size() && seconds(units[times[to]].text) > seconds(units[times[to - 1]].text)) ++to;
    if (to - from >= kMinTimes)
      for (std::size_t k = from; k < to; ++k)
        units[times[k]].line = PageLine{units[times[k]].first, PageLineKind::Chrome, kChromeScore, "page-timestamp"};
    from = to;
  }
}

/// A line of a program or a configuration file: a command ("sudo systemctl
/// enable ..."), a statement ("import board", "i2c = board.I2C()",
/// "Restart=on-failure"), a call or a brace.
bool looks_like_code(std::string_view t) {
  constexpr std::size_t kMaxWords = 16;
  if (count_words(t) > kMaxWords) return false;
  static const Regex code(
      R"(^([$#>] |sudo |pip3? |python3? |npm |npx |yarn |cd |ls |git |curl |wget |apt(-get)? |brew |docker |make |cmake |export |echo |mkdir |chmod |systemctl |~/|\./|/usr/|/home/))"
      R"(|^(import |from [\w.]+ import |def |class \w|return\b|const |let |var |function |#include|#define|using |public |private |elif |else:|try:|except\b|finally:|print\())"
      R"(|^(if|for|while|with) .*:$)"
      R"(|^[A-Za-z_][\w.\[\]]*\s*=\s*\S)"
      R"(|^[\w.]+\(.*\)[;,]?$)"
      R"(|^[\w.]+\(.*[,(]$)"
      R"(|^\[[A-Za-z][\w.-]*\]$)"
      R"(|^[{}()\[\];,]+$)");
  return code.search(t);
}

/// Three or more lines of code in a row, one to a line with at most one
/// blank line between: a program's listing, copied with the page. The
/// article's sentences that name a command are prose and stand alone.
void mark_code_blocks(std::vector<Unit>& units) {
  constexpr std::size_t kMinLines = 3;
  const auto code = [&](std::size_t k) {
    return units[k].first == units[k].last && units[k].line.kind != PageLineKind::Chrome && looks_like_code(units[k].text);
  };
  for (std::size_t from = 0; from < units.size();) {
    if (!code(from)) {
      ++from;
      continue;
    }
    std::size_t to = from + 1;
    while (to < units.size() && code(to) && units[to].first <= units[to - 1].last + 2) ++to;
    if (to - from >= kMinLines)
      for (std::size_t k = from; k < to; ++k)
        units[k].line = PageLine{units[k].first, PageLineKind::Junk, kJunkScore, "page-code"};
    from = to;
  }
}

std::vector<Unit> make_units(const std::vector<RawLine>& lines, std::size_t wrapped, const BoilerplateFilter& filter) {
  constexpr std::size_t kJoinMargin = 12;  // a line this near the wrap width continues on the next
  // A wrapped paragraph continues while its lines run near the wrap width,
  // so near that the next line's first word, as drawn, would not have fitted.
  const auto wraps_into_next = [&](std::size_t k) {
    if (k + 1 >= lines.size() || lines[k + 1].text.empty() || is_laid_out(lines[k].text)) return false;
    return display_width(lines[k].text) >= std::min<std::size_t>(55, wrapped - kJoinMargin) &&
           lines[k].shown_width + 1 + lines[k + 1].shown_first_word > wrapped;
  };
  std::vector<Unit> units;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].text.empty()) continue;
    Unit u{lines[i].number, lines[i].number, lines[i].text, {}};
    while (wrapped > 0 && wraps_into_next(i)) {
      ++i;
      u.text += ' ' + lines[i].text;
      u.last = lines[i].number;
    }
    u.line = classify_page_line(u.text, filter);
    u.line.number = u.first;
    units.push_back(std::move(u));
  }
  mark_transcript_times(units);
  mark_code_blocks(units);
  // Consent banners open or close a page; a paragraph about cookies in the
  // middle of one is the article's (a piece on browser privacy).
  for (std::size_t i = kBannerReach; i + kBannerReach < units.size(); ++i) {
    PageLine& l = units[i].line;
    const std::size_t words = word_weight(units[i].text);
    if (l.rule == "page-cookie-consent" && words >= kMinStandfirstWords && ends_sentence(units[i].text)) {
      l.kind = PageLineKind::Prose;
      l.score = static_cast<double>(std::min<std::size_t>(words, 150));
      l.rule.clear();
    }
  }
  // A banner's next paragraph at the top of the page goes with it: "You can
  // change your choices at any time by clicking "Privacy settings" …".
  for (std::size_t i = 1; i < units.size() && i < kBannerReach; ++i) {
    PageLine& l = units[i].line;
    const std::string lower = ascii_lower(units[i].text);
    if (units[i - 1].line.rule == "page-cookie-consent" && l.kind == PageLineKind::Prose &&
        word_weight(units[i].text) <= kMaxBannerParagraphWords &&
        (lower.find("privacy") != std::string::npos || lower.find("consent") != std::string::npos ||
         lower.find("your choices") != std::string::npos || lower.find("partners") != std::string::npos))
      l = PageLine{l.number, PageLineKind::Chrome, kChromeScore, "page-cookie-consent"};
  }
  return units;
}

/// A paragraph long enough to be the article's own text, not a label or a teaser.
bool is_long_prose(const Unit& u) {
  return u.line.kind == PageLineKind::Prose && word_weight(u.text) >= kLongParagraphWords;
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

bool skippable_above_title(const PageLine& l, std::string_view text) {
  const std::string lower = ascii_lower(text);
  if (l.rule == "site-navigation" && (lower == "print" || lower == "email" || lower == "print this page"))
    return true;  // buttons under a headline, not the site's menu
  // A post's labels or categories under its headline ("Labels: asthma, running").
  if (l.rule == "page-related" && lower.find(':') != std::string::npos) return true;
  return l.kind == PageLineKind::Meta || l.kind == PageLineKind::Junk ||
         (l.kind == PageLineKind::Chrome &&
          (l.rule == "page-widget" || l.rule == "page-shop-button" || l.rule == "page-link-bar" || l.rule == "page-comments" ||
           l.rule == "page-share-row" || l.rule == "page-reading-tools" ||  // "字号：大中小", "Listen Print A- A+"
           l.rule == "page-hatnote" || l.rule == "page-tags"));  // "Related Topics: Norovirus | Vaccines"
}


/// A standfirst passed on the way up to the headline is at most this long;
/// one over a byline or a date may run to a few sentences.
constexpr std::size_t kMaxStandfirstProseWords = 25;
constexpr std::size_t kMaxStandfirstWords = 40;
/// A short line scoring no more than this is a label, a name or a control, not a heading.
constexpr double kWeakHeadingScore = -0.7;

/// A button's label on a line of its own: "Show key events only", "Load more".
bool is_button_label(const Unit& u) {
  static constexpr std::string_view kButtons[] = {"show ", "hide ", "load more", "see all", "view all",
                                                  "expand all", "collapse all"};
  if (u.line.kind != PageLineKind::Short || count_words(u.text) > 5) return false;
  const std::string lower = ascii_lower(u.text) + " ";
  // "+ Follow" under a byline: a button with its plus sign.
  if (lower.starts_with("+ ") && is_ui_phrase(u.text.substr(2), count_words(u.text) - 1)) return true;
  return std::any_of(std::begin(kButtons), std::end(kButtons), [&](std::string_view b) { return lower.starts_with(b); });
}

bool is_bullet_item(std::string_view t);

double lowercase_share(std::string_view t);
double capitalised_share(std::string_view t);

/// One phrase whose only full stops are a dotted abbreviation's: "Your 2
/// p.m. coffee might be why you're awake at 3 a.m.". A sentence ends in a
/// stop after a word; "a.m." and "U.S." carry theirs inside.
bool ends_in_abbreviation_only(std::string_view t) {
  if (!t.ends_with('.')) return false;
  const std::size_t space = t.rfind(' ');
  const std::string_view last = t.substr(space == std::string_view::npos ? 0 : space + 1);
  if (last.size() < 4 || last.substr(0, last.size() - 1).find('.') == std::string_view::npos) return false;
  for (std::size_t at = t.find_first_of(".!?"); at != std::string_view::npos && at + 2 < t.size();
       at = t.find_first_of(".!?", at + 1))
    if (t[at + 1] == ' ' && (t[at] != '.' || std::isupper(static_cast<unsigned char>(t[at + 2])))) return false;
  return true;
}

/// A question or exclamation as a headline: "Should I stop my statin?"; or
/// two short sentences with no stop after the second, as a blog's headline
/// runs: "I started running at 41. Here is what nobody told me"; or with a
/// stop when they are in Title Case: "We Stopped Counting. Here's Why.".
bool is_headline_sentence(const Unit& u) {
  constexpr std::size_t kMaxTitleCaseWords = 18;
  const std::string_view t = trim(u.text);
  if (u.line.kind != PageLineKind::Prose || u.last > u.first + 1 || count_words(t) > 20 || t.empty()) return false;
  const bool one_phrase = t.find(". ") == std::string_view::npos && t.find("? ") == std::string_view::npos;
  // Wrapped over two lines of a dump, a one-phrase question is a headline, and
  // so are two sentences with no stop after the second ("Colorectal cancer is
  // rising in adults under 50. Doctors say these symptoms are too often brushed off").
  if (u.last != u.first)
    return one_phrase ? (t.back() == '?' || t.back() == '!') : (!ends_sentence(t) && !t.ends_with(':'));
  if (ends_in_abbreviation_only(t)) return true;
  // "Is it snoring or sleep apnea? What members should know": a question and a phrase.
  if (one_phrase) return t.back() == '?' || t.back() == '!';
  if (t.ends_with(':') || is_bullet_item(t) || has_menu_bullet(t)) return false;
  return !ends_sentence(t) || (count_words(t) <= kMaxTitleCaseWords && lowercase_share(t) <= kMaxTitleCaseLower);
}

/// The label of a summary box under a headline ("Summary", "Key points"):
/// passed on the way up to the headline, never the title itself.
bool is_box_label(std::string_view text) {
  static constexpr std::string_view kLabels[] = {
      "summary", "key events", "key points", "at a glance", "in brief", "in short", "resumen", "puntos clave",
      "zusammenfassung", "das wichtigste in kürze", "auf einen blick", "en bref", "résumé", "l'essentiel",
      "in sintesi", "in breve", "punti chiave", "resumo", "pontos-chave", "em resumo",
      // a reference page's first section, or its tab: "Overview" under "Gallstones"
      "overview", "descripción general", "übersicht", "\u00DCbersicht", "vue d'ensemble", "visão geral", "panoramica"};
  std::string lower = ascii_lower(trim(text));
  if (lower.ends_with(':')) lower.pop_back();
  return std::any_of(std::begin(kLabels), std::end(kLabels), [&](std::string_view l) { return lower == l; });
}

/// A text browser's button under a headline: "[Show key events only]".
bool is_bracketed_button(const Unit& u) {
  const std::string_view t = trim(u.text);
  return u.line.rule == "page-form" && t.starts_with('[') && t.ends_with(']') && t.find("] [") == std::string_view::npos &&
         count_words(t) <= 6;
}

/// A standfirst above the run, passed on the way up to the headline, when
/// widgets between it and the text made the run start lower: one short
/// sentence, or up to a few over a byline or a date; never a question
/// headline. Only author names, counters and page controls may lie between
/// it and the text (a byline bar under a standfirst).
bool passes_as_standfirst(const std::vector<Unit>& units, const Unit& u, const std::vector<std::size_t>& below,
                          bool passed_meta) {
  if (u.line.kind != PageLineKind::Prose || !ends_sentence(u.text) || is_headline_sentence(u)) return false;
  const std::size_t words = count_words(u.text);
  const bool one_sentence = words <= kMaxStandfirstProseWords && u.text.ends_with('.') &&
                            u.text.find(". ") == std::string::npos;
  if (!one_sentence && !(passed_meta && words <= kMaxStandfirstWords && !u.text.ends_with('?'))) return false;
  return std::all_of(below.begin(), below.end(), [&](std::size_t c) {
    return count_words(units[c].text) <= 3 && units[c].line.score <= kWeakHeadingScore;
  });
}

/// An image caption that ends in its credit: "Engineers at work (Image: Herald / T. Aske)",
/// "Most cases clear up in weeks. © Photo Library / M. Roux".
bool is_credited_caption(std::string_view t) {
  constexpr std::size_t kMaxCreditWords = 8;
  if (const std::size_t at = t.rfind(". \u00A9 "); at != std::string_view::npos && at > 0)
    return count_words(t.substr(at + 2)) <= kMaxCreditWords;
  // "... as indigestion Credit: Supplied", "... in 2019. Photo: Lena Ortiz": a label and a source, last.
  static constexpr std::string_view kTrailingLabels[] = {" credit: ", " credits: ", " photo: ", " picture: ",
                                                         " image: ", " foto: ",   " bild: "};
  const std::string lower_all = ascii_lower(t);
  for (std::string_view label : kTrailingLabels)
    if (const std::size_t at = lower_all.rfind(label);
        at != std::string::npos && count_words(t.substr(0, at)) >= 3 && count_words(t.substr(at + label.size())) <= 4)
      return true;
  if (!t.ends_with(')')) return false;
  const std::string& lower = lower_all;
  // "... before students return. (Lakeshore Daily News file photo)": the credit's kind last.
  if (const std::size_t open = lower.rfind('('); open != std::string::npos && count_words(t.substr(open)) <= kMaxCreditWords)
    for (std::string_view kind : {" photo)", " photos)", " photograph)", " image)", " file photo)"})
      if (lower.ends_with(kind)) return true;
  const std::vector<std::string>& credits = page_phrases("caption_credits");
  return std::any_of(credits.begin(), credits.end(), [&](const std::string& c) { return lower.find(c) != std::string::npos; });
}

/// An image's alt text on a line of its own over the caption that opens
/// with it: "Westmere library" over "Westmere library is one of 14 branches
/// affected (Image: Evening Post)".
bool is_image_alt(const std::vector<Unit>& units, std::size_t i) {
  constexpr double kMinShared = 0.6;  // "Ashby Mill water treatment works" over "The Ashby Mill treatment works, ..."
  if (i + 1 >= units.size() || units[i].line.kind != PageLineKind::Short) return false;
  const std::string& next = units[i + 1].text;
  return next.size() > units[i].text.size() && is_credited_caption(next) &&
         (next.starts_with(units[i].text) || shared_word_share(units[i].text, next) >= kMinShared);
}

/// Whether the unit after `i` (before `end`) is a credit line of its own.
bool credited_at(const std::vector<Unit>& units, std::size_t i, std::size_t end) {
  return i + 1 < end && units[i + 1].line.rule == "photo-credit";
}

/// A picture's alt text over its credited caption, under a byline, a date
/// or a share bar ("Man in hospital bed giving a thumbs up" over "Darren
/// Pike, 41, was rushed to hospital ... Credit: Supplied"): the headline
/// stands above those, so it is never a heading of its own there.
bool is_alt_under_byline_bar(const std::vector<Unit>& units, std::size_t i) {
  if (i == 0 || i + 1 >= units.size() || units[i].line.kind != PageLineKind::Short || ends_sentence(units[i].text) ||
      !is_credited_caption(units[i + 1].text))
    return false;
  const PageLineKind above = units[i - 1].line.kind;
  return above == PageLineKind::Meta || above == PageLineKind::Chrome;
}

/// A picture's description, as a text browser shows an image by its alt
/// text: "Illustration of the gallbladder with gallstones", "Foto de una
/// rodilla", "まぶたを気にする女性". Never a headline.
bool describes_picture(std::string_view t) {
  static constexpr std::string_view kOpenings[] = {
      "illustration of ", "an illustration of ", "photo of ", "a photo of ",    "image of ",    "an image of ",
      "diagram of ",      "a diagram of ",       "picture of ", "a picture of ", "drawing of ", "a drawing of ",
      "graphic of ",      "close-up of ",        "a close-up of ", "ilustración de ", "imagen de ", "foto de ",
      "illustration de ", "photo de ",           "schéma de ",  "foto von ",     "bild von ",  "grafik: "};
  const std::string lower = ascii_lower(t.substr(0, 24));
  if (!ends_sentence(t) && std::any_of(std::begin(kOpenings), std::end(kOpenings),
                                       [&](std::string_view o) { return lower.starts_with(o); }))
    return true;
  // In Japanese, Chinese and Korean a picture's text names what it shows at
  // its end: "…のイメージ", "資料写真", "まぶたを気にする女性" (a stock photo's
  // woman who does something).
  constexpr std::size_t kMaxCjkBytes = 60;  // twenty characters
  if (t.size() > kMaxCjkBytes || t.find(' ') != std::string_view::npos) return false;
  static constexpr std::string_view kEndings[] = {"イメージ", "の写真", "資料写真", "の画像", "示意图", "资料图", "資料照片", "사진", "이미지"};
  if (std::any_of(std::begin(kEndings), std::end(kEndings), [&](std::string_view e) { return t.ends_with(e); })) return true;
  const bool someone = t.ends_with("女性") || t.ends_with("男性");
  return someone && (t.find("する") != std::string_view::npos || t.find("を") != std::string_view::npos);
}

/// "Drug class: NSAIDs", "Brand names: A, B": a short label, a colon and a
/// short value.
bool is_label_value(std::string_view t) {
  constexpr std::size_t kMaxLabelWords = 3, kMaxValueWords = 4;
  const std::size_t colon = t.find(": ");
  if (colon == std::string_view::npos || t.empty() || !std::isupper(static_cast<unsigned char>(t[0]))) return false;
  const std::size_t label = count_words(t.substr(0, colon)), value = count_words(t.substr(colon + 2));
  return label >= 1 && label <= kMaxLabelWords && value >= 1 && value <= kMaxValueWords && !ends_sentence(t);
}

/// A row of a facts box under a headline: a label and value next to another.
/// The headline itself ("Naproxen: uses, side effects and how to take it") has a long value.
bool is_fact_row(const std::vector<Unit>& units, std::size_t i) {
  const auto row = [&](std::size_t k) {
    return k < units.size() && units[k].line.kind != PageLineKind::Chrome && is_label_value(units[k].text);
  };
  return row(i) && ((i > 0 && row(i - 1)) || row(i + 1));
}

/// A label on its own line over a date: "Published", "Last updated".
bool is_date_label(std::string_view t) {
  std::string lower = ascii_lower(trim(t));
  if (lower.ends_with(':')) lower.pop_back();
  const std::vector<std::string>& labels = page_phrases("date_labels");
  return std::find(labels.begin(), labels.end(), lower) != labels.end();
}

/// A standfirst wrapped over lines, with no stop at its end, right under a
/// one-line headline: passed on the way up to it.
bool is_wrapped_standfirst(const std::vector<Unit>& units, std::size_t i) {
  const Unit& u = units[i];
  const std::size_t words = count_words(u.text);
  return u.first != u.last && !ends_sentence(u.text) && words >= kMinStandfirstWords && words <= kMaxStandfirstWords &&
         i > 0 && (units[i - 1].line.kind == PageLineKind::Short || is_headline_sentence(units[i - 1])) &&
         units[i - 1].first == units[i - 1].last &&
         count_words(units[i - 1].text) >= 4 && count_words(units[i - 1].text) < words;
}

/// "£3.49", "€12,90 each", "$5.99 per pack": a price opens the line.
bool is_price(std::string_view t) {
  for (std::string_view currency : {"\u00A3", "\u20AC", "$", "\u00A5"})
    if (t.starts_with(currency) && t.size() > currency.size() &&
        std::isdigit(static_cast<unsigned char>(t[currency.size()])))
      return true;
  return false;
}

bool title_like(const Unit& u) {
  const std::string_view t = u.text;
  return ((u.line.kind == PageLineKind::Short && u.first == u.last) || is_headline_sentence(u)) && !is_price(t) &&
         !is_credited_caption(t) &&
         count_words(t) <= kMaxTitleWords &&
         utf8::has_letter(t) && !has_menu_bullet(t) && !t.starts_with("\u2022");
}

bool is_bullet_item(std::string_view t) {
  // "□" marks a text browser's second-level items ("□ Gesundheit" under "• Ratgeber").
  return t.starts_with("\u2022") || t.starts_with("- ") || t.starts_with("* ") || t.starts_with("\u25A2 ") ||
         t.starts_with("\u2610 ") || t.starts_with("\u25A1 ") ||
         (!t.empty() && std::isdigit(static_cast<unsigned char>(t[0])) && t.find(". ") != std::string_view::npos &&
          t.find(". ") <= 3);
}

/// A line of a shop's product card: its rating, its price, its "Add to cart".
bool is_card_line(const Unit& u) {
  return (u.line.rule == "page-card-fact" && is_rating(u.text)) || u.line.rule == "page-shop-button" || is_price(u.text);
}

/// Whether unit `i` belongs to a product card in the text: a card line, or
/// a short line (the product's name, its brand) that a price or a shop's
/// button follows within three units, with no prose between. (A recipe
/// card's name over its rating stays.)
bool in_product_card(const std::vector<Unit>& units, std::size_t i, std::size_t end) {
  constexpr std::size_t kReach = 4;
  if (is_card_line(units[i])) return true;
  if (units[i].line.kind != PageLineKind::Short) return false;
  for (std::size_t j = i + 1; j < end && j < i + kReach; ++j) {
    if (units[j].line.kind == PageLineKind::Prose) return false;
    if (units[j].line.rule == "page-shop-button" || is_price(units[j].text)) return true;
  }
  return false;
}

/// A recipe card's label lines, with their values or over their lists:
/// "Prep Time 20 minutes", "Servings 5 bowls", "Equipment", "For the sauce".
bool is_recipe_card_line(std::string_view t) {
  constexpr std::size_t kMaxWords = 6;
  if (count_words(t) > kMaxWords || ends_sentence(t)) return false;
  static const Regex label(
      R"(^((prep|cook|total|active|inactive|resting|chill|bake|rest) time|course|cuisine|servings|serves|yield|makes|calories|author|keyword|equipment|difficulty|ingredients|instructions|method|directions|notes|nutrition|for the)\b)",
      /*ignore_case=*/true);
  return label.search(t);
}

/// The end of the run from `begin` again, with a page's furniture weighed
/// by its length: a stretch of units without prose costs more for each unit
/// past the first few, so the site's footer (a promo, an address, link lists)
/// no longer joins the article for the sake of one paragraph of fine print
/// under it ("ATTENTION: Language assistance services ..."). A pause inside
/// an article is short; its lists' items, its labels ("Between tests:") and
/// a recipe's quantities ("250 g flour") and its card's labels do not
/// lengthen a stretch.
std::size_t end_before_long_furniture(const std::vector<Unit>& units, std::size_t begin, std::size_t end) {
  constexpr int kFreeUnits = 3;      // a stretch this long costs what its units score
  constexpr double kExtraCost = 1.0;  // and each unit past it this much more than the one before
  double sum = 0, best = -std::numeric_limits<double>::infinity();
  std::size_t best_end = end;
  int stretch = 0;
  for (std::size_t i = begin; i < end; ++i) {
    const std::string_view t = units[i].text;
    // A list's items: bulleted, numbered, a lead-in ("Call your pediatrician
    // if your baby:"), or items going on its sentence in lowercase.
    // A table's rows laid out in columns with figures ("Konark Bank   982.35   +3.05") are the text's too.
    const bool listed = is_bullet_item(t) || t.ends_with(':') || opens_lowercase(t) || is_recipe_card_line(t) ||
                        (!t.empty() && std::isdigit(static_cast<unsigned char>(t[0]))) ||
                        (is_laid_out(t) && std::any_of(t.begin(), t.end(), [](char c) {
                           return std::isdigit(static_cast<unsigned char>(c)) != 0;
                         }));
    // A shop's product cards in the text (a rating, a price, "Add to cart"):
    // the text goes on under the carousel, as it does under a list.
    if (is_card_line(units[i])) continue;
    if (units[i].line.score > 0) {
      stretch = 0;
    } else if (!listed) {
      ++stretch;
    }
    sum += units[i].line.score - kExtraCost * std::max(0, stretch - kFreeUnits);
    if (sum > best) {
      best = sum;
      best_end = i + 1;
    }
  }
  return best_end;
}

/// A picture's caption with its photographer's name after the last sentence:
/// "Una dermatóloga examina las manos de un paciente. Marta Solís".
bool ends_in_name_credit(std::string_view t) {
  constexpr std::size_t kMinNameWords = 2, kMaxNameWords = 4;
  const std::size_t stop = t.rfind(". ");
  if (stop == std::string_view::npos || count_words(t.substr(0, stop)) < kMinNameWords) return false;
  const std::string_view name = t.substr(stop + 2);
  const std::size_t words = count_words(name);
  return words >= kMinNameWords && words <= kMaxNameWords && !ends_sentence(name) &&
         capitalised_share(name) >= 1.0 && lowercase_share(name) == 0.0;
}

/// Share of words that start with a capital letter A to Z or a digit: a
/// headline in Title Case has most.
double capitalised_share(std::string_view t) {
  const std::vector<std::string_view> words = words_of(t);
  std::size_t upper = 0;
  for (std::string_view w : words)
    upper += !w.empty() && (std::isupper(static_cast<unsigned char>(w[0])) || std::isdigit(static_cast<unsigned char>(w[0])));
  return words.empty() ? 0.0 : static_cast<double>(upper) / static_cast<double>(words.size());
}

/// Share of words that start with a lowercase letter: a headline in sentence
/// case, or in Title Case with its small words, has some; a nav bar has none.
double lowercase_share(std::string_view t) {
  const std::vector<std::string_view> words = words_of(t);
  std::size_t lower = 0;
  for (std::string_view w : words) lower += opens_lowercase(w);
  return words.empty() ? 0.0 : static_cast<double>(lower) / static_cast<double>(words.size());
}

/// A unit's text as the page's repeats are counted: case folded in every
/// script ("VALE DO ITAÚNA" is "Vale do Itaúna"), without a form field's or
/// a link's brackets ("[Vale do Itaúna]").
std::string seen_key(std::string_view text) {
  std::string key = utf8::fold_case(trim(text));
  if (key.size() > 2 && key.front() == '[' && key.back() == ']') key = key.substr(1, key.size() - 2);
  return key;
}

/// What the title search knows about the whole page.
struct PageFacts {
  std::map<std::string, std::size_t> seen;  // seen_key() of a unit's text -> how many units have it
  std::vector<std::string> footer;          // lowercased copyright lines, which name the site
  std::vector<bool> toc;                    // table-of-contents items
  std::string lead;                         // the article's first paragraphs, for word overlap
  std::vector<std::string> lead_paragraphs;  // the same, one by one
  std::vector<std::string> crumbs;          // the breadcrumb trail above the article (toc_key), home first
};

std::string toc_key(std::string_view t);

/// Whether `key` (a toc_key) is an item of the page's breadcrumb trail other
/// than its last: a section the page sits in ("Medicines A to Z"), never its
/// headline. The last item may name the page itself.
bool is_crumb_section(std::string_view key, const PageFacts& facts) {
  if (facts.crumbs.size() < 2 || key == facts.crumbs.back()) return false;
  return std::find(facts.crumbs.begin(), facts.crumbs.end() - 1, key) != facts.crumbs.end() - 1;
}

/// A reference page opens by naming its subject under a heading of that
/// name: "Shingles" over "Shingles, also called herpes zoster, is ...", or
/// the name and the page's kind: "Giardiasis Fact Sheet" over "Giardiasis is ...".
/// The subject's name, lowercase; empty when the heading names none.
std::string subject_named(std::string_view heading, const PageFacts& facts) {
  constexpr std::size_t kMaxKindWords = 2;  // "Fact Sheet", "Overview"
  const std::string key = ascii_lower(heading);
  if (key.size() < 3 || count_words(heading) > 4) return {};
  // The first paragraph may be a picture's caption: the second opens the text.
  for (const std::string& p : facts.lead_paragraphs) {
    const std::string lead = ascii_lower(std::string_view(p).substr(0, key.size() + 1));
    if (lead.starts_with(key) && lead.size() > key.size() &&
        !std::isalnum(static_cast<unsigned char>(lead[key.size()])))
      return key;
    const std::string opening = ascii_lower(std::string_view(p).substr(0, key.size() + 5));
    const std::size_t verb = opening.find(" is ");
    if (verb == std::string::npos || verb < 4 || verb >= key.size() || key[verb] != ' ') continue;
    if (key.starts_with(std::string_view(opening).substr(0, verb)) &&
        count_words(std::string_view(key).substr(verb)) <= kMaxKindWords)
      return key.substr(0, verb);
  }
  return {};
}

bool names_subject(std::string_view heading, const PageFacts& facts) { return !subject_named(heading, facts).empty(); }

/// Three or more capitalised words with no punctuation, two of them menu
/// words (data/pages/nav_words.txt): "Home Archive About Contact".
bool is_nav_row(std::string_view t) {
  if (count_words(t) < 3 || lowercase_share(t) > 0.0 ||
      std::any_of(t.begin(), t.end(), [](char ch) { return std::ispunct(static_cast<unsigned char>(ch)) != 0; }))
    return false;
  const std::vector<std::string>& menu = page_phrases("nav_words");
  std::size_t hits = 0;
  for (std::string_view w : words_of(t)) hits += std::find(menu.begin(), menu.end(), utf8::fold_case(w)) != menu.end();
  return hits >= 2;
}

/// A byline, a date or a reviewer follows within a few units (past a
/// standfirst, a bare author name, a place), as under a headline.
bool followed_by_meta(const std::vector<Unit>& units, std::size_t c, std::size_t begin) {
  // The text may open with the standfirst itself: the byline stands under it.
  const bool standfirst_first = begin == c + 1 && count_words(units[begin].text) <= kMaxStandfirstWords;
  const std::size_t reach = std::min(begin + (standfirst_first ? 2 : 1), c + kMetaReach + 1);
  for (std::size_t i = c + 1; i < reach && i < units.size(); ++i) {
    const PageLine& l = units[i].line;
    if (i > begin) return l.rule == "page-byline" || l.rule == "byline" || l.rule == "review-date";  // not a picture's credit
    if (l.kind == PageLineKind::Meta) return true;
    if (l.kind == PageLineKind::Junk && (l.rule == "byline" || l.rule == "review-date")) return true;
    // A blog's nav bar ("Home Archive About Contact") between a tagline and
    // the date over the first post: the date is the post's.
    if (l.kind == PageLineKind::Short && is_nav_row(units[i].text)) return false;
    // A breadcrumb trail stands over the headline: a byline under it is not
    // the line's above it (an events sidebar's "Dec 21 Winter break begins").
    if (l.kind == PageLineKind::Chrome && l.rule == "page-link-bar") return false;
    // A standfirst right under the headline is passed; the text itself is not.
    if (l.kind == PageLineKind::Prose && !(i == c + 1 && count_words(units[i].text) <= kMaxStandfirstWords))
      return false;
  }
  return false;
}

/// A row of tabs or contents on one line: two or more of its words, half of
/// them at least, come back in [from, end) as one-word headings of their own.
bool names_later_headings(const std::vector<Unit>& units, std::string_view text, std::size_t from, std::size_t end) {
  std::vector<std::string> later;
  for (std::size_t i = from; i < end; ++i)
    if (units[i].line.kind == PageLineKind::Short && count_words(units[i].text) == 1)
      later.push_back(ascii_lower(units[i].text));
  std::size_t hits = 0;
  for (std::string_view w : words_of(text)) hits += std::find(later.begin(), later.end(), ascii_lower(w)) != later.end();
  return hits >= 2 && count_words(text) >= 3 && hits * 2 >= count_words(text);
}

/// A byline that names the author: "By Jo Roe", "Answered by Tomasz Wierzbicki,
/// MPharm" (a date alone may stand above a headline).
bool names_author(const Unit& u) {
  if (u.line.rule != "page-byline") return false;
  const std::string lower = ascii_lower(trim(u.text));
  for (std::string_view start : {"by ", "answered by ", "written by ", "words by ", "medically reviewed by ",
                                  "reviewed by ", "von ", "por ", "par ", "di ", "door "})
    if (lower.starts_with(start)) return true;
  return false;
}

/// Items of at most three words joined by a middle dot or a bar: "Antihistamine
/// · Tablets and liquid", "News | Health". A headline is one phrase.
bool is_short_item_row(std::string_view t) {
  constexpr std::size_t kMaxItemWords = 3;
  for (std::string_view sep : {" \u00B7 ", " | "})
    if (t.find(sep) != std::string_view::npos && items_at_most(t, sep, kMaxItemWords)) return true;
  return false;
}

/// A news ticker's banner: "Breaking Epidemic thunderstorm asthma warning in
/// place until midnight", "BREAKING: …", "Eilmeldung: …", "Última hora: …";
/// not "Breaking the cycle of …" (the word after "Breaking" is capitalised).
bool is_breaking_banner(std::string_view t) {
  constexpr std::size_t kLabelBytes = 24;  // the longest label, with room
  const std::string lower = utf8::fold_case(utf8::cut(t, kLabelBytes));
  for (const std::string& label : page_phrases("breaking_labels"))
    if (lower.starts_with(label)) return true;
  return (t.starts_with("Breaking ") || t.starts_with("BREAKING ")) && t.size() > 9 &&
         std::isupper(static_cast<unsigned char>(t[9])) != 0;
}

/// A picture's alt text over its caption: the same words of two or more
/// twice in a row, unit `i` one of them.
bool is_doubled(const std::vector<Unit>& units, std::size_t i) {
  const auto same = [&](std::size_t j) { return j < units.size() && units[j].text == units[i].text; };
  return count_words(units[i].text) >= 2 && (same(i + 1) || (i > 0 && same(i - 1)));
}

/// Whether the unit at `c` is an item of a menu drawn down the page: one of
/// four or more short lines of a few words each, line under line with no
/// blank between ("Home", "About me", "Health tips", "Contact").
bool in_vertical_menu(const std::vector<Unit>& units, std::size_t c) {
  constexpr std::size_t kMinItems = 4, kMaxItemWords = 4;
  const auto item = [&](std::size_t k) {
    return units[k].first == units[k].last && count_words(units[k].text) <= kMaxItemWords &&
           (units[k].line.kind == PageLineKind::Short || units[k].line.kind == PageLineKind::Chrome);
  };
  if (!item(c)) return false;
  std::size_t top = c, bottom = c;
  while (top > 0 && item(top - 1) && units[top - 1].last + 1 == units[top].first) --top;
  while (bottom + 1 < units.size() && item(bottom + 1) && units[bottom].last + 1 == units[bottom + 1].first) ++bottom;
  return bottom - top + 1 >= kMinItems;
}

/// How much a candidate looks like the headline that opens the article rather
/// than a site name, a section label, a table-of-contents item or a standfirst.
/// `nearer` is the candidate right below it, if any.
double title_score(const std::vector<Unit>& units, std::size_t c, std::size_t begin, std::size_t end,
                   const PageFacts& facts, const Unit* nearer) {
  const Unit& u = units[c];
  const std::size_t words = count_words(u.text);
  const std::string key = ascii_lower(u.text);
  double s = -0.05 * static_cast<double>(begin - c);  // nearer the text wins a tie
  // A menu item or a section label; the trail's last item right over the
  // byline names the page itself ("3. Hepatitis A" over "Hepatitis A").
  const bool trail_item = !facts.crumbs.empty() && toc_key(u.text) == facts.crumbs.back();
  // Not a section's one or two words over the byline when a headline stands
  // between the byline and the text ("Medications", then "By ...", then
  // "Never miss a dose: simple ways to ...").
  constexpr std::size_t kMaxSectionWords = 2, kMinHeadlineWords = 5;
  std::size_t under = c + 1;
  while (under < begin && units[under].line.kind == PageLineKind::Meta) ++under;
  const bool headline_nearer = words <= kMaxSectionWords && under > c + 1 && under < begin &&
                               title_like(units[under]) && count_words(units[under].text) >= kMinHeadlineWords;
  const bool trail_last = trail_item && !headline_nearer && c + 1 < units.size() && units[c + 1].line.kind == PageLineKind::Meta;
  if (u.line.score <= kMenuItemScore && !trail_last) s -= 2;
  if (words >= 4) s += 1;
  // Two sentences in Title Case are a headline wherever they stand; no
  // subtitle or paragraph is written so.
  if (u.line.kind == PageLineKind::Prose && is_headline_sentence(u) && u.text.find(". ") != std::string::npos &&
      lowercase_share(u.text) <= kMaxTitleCaseLower && capitalised_share(u.text) >= 1.0 - kMaxTitleCaseLower)
    s += 1;
  const bool subject = names_subject(u.text, facts);
  if (subject) s += 3;
  // A column's or a caption's label ("Ask the Doctor") over the headline
  // that its byline stands right under: the byline is the headline's.
  constexpr std::size_t kMaxLabelWords = 3;
  const bool label_over_dated = words <= kMaxLabelWords && c + 2 < begin &&
                                units[c + 1].line.kind == PageLineKind::Short &&
                                count_words(units[c + 1].text) > words && title_like(units[c + 1]) &&
                                !is_short_item_row(units[c + 1].text) && units[c + 2].line.kind == PageLineKind::Meta;
  if (followed_by_meta(units, c, begin) && !label_over_dated) s += 3;
  const auto seen = facts.seen.find(seen_key(u.text));
  // A short line found again is a section name in a menu too; a headline can
  // come back whole (a sticky header, a recipe card) and stays.
  // The page's subject comes back as it is (a picture's heading under the
  // headline, the trail's last item) and stays, and so does a line right over
  // its own date or reviewer: a menu's item has none.
  const bool over_meta = c + 1 < begin && units[c + 1].line.kind == PageLineKind::Meta;
  // So does the trail's last item right over the text: the page's name, not its section's.
  const bool trail_names = trail_item && c + 1 == begin;
  if ((seen != facts.seen.end() && seen->second > 1 && words <= 3 && !subject && !over_meta && !trail_names) ||
      facts.toc[c])
    s -= 4;
  if (c > 0 && is_contents_label(units[c - 1].text)) s -= 4;  // the first item under "In this section"
  for (const std::string& f : facts.footer)
    if (key.size() >= 4 && f.find(key) != std::string::npos) s -= 3;  // the site's name
  if (u.text.ends_with(':')) s -= 3;                                 // a lead-in
  // Sentences in a script without case, the last with its full stop: a
  // standfirst ("여름철 ... 늘어납니다. ... 정리했습니다."); no capitals tell a headline.
  if (u.text.ends_with('.') && u.text.find(". ") != std::string::npos && !utf8::has_cased_letter(u.text)) s -= 2;
  if (is_breaking_banner(u.text)) s -= 3;                            // another story's ticker
  if (is_credited_caption(u.text) || ends_in_name_credit(u.text)) s -= 4;  // a picture's caption
  if (is_doubled(units, c) && !subject) s -= 4;
  // Under a byline comes the author's role ("Pharmacist manager, Corbel
  // Pharmacy"), never the headline, which stands above it.
  // A headline of five words or more right over the text may stand under its byline, though.
  const bool headline_over_text = c + 1 == begin && words >= kMinHeadlineWords && title_like(u);
  if ((c > 0 && (names_author(units[c - 1]) || units[c - 1].line.rule == "byline") && !headline_over_text) ||
      is_author_role(u.text) || is_name_and_role(u.text))
    s -= 4;
  if (is_call_to_action(u.text, words) || is_ui_phrase(u.text, words)) s -= 4;  // "Subscribe for $1", "Follow"
  // A headline's words come back in the first paragraphs; a site's or a desk's
  // seldom do. A row of capitalised names is a nav bar, whatever it shares.
  if (words >= 3 && lowercase_share(u.text) > 0) s += 2 * shared_word_share(u.text, facts.lead);
  if (names_later_headings(units, u.text, c + 1, end)) s -= 4;             // a row of tabs: "Overview Symptoms Causes"
  if (is_nav_row(u.text)) s -= 4;                                          // "Home Archive About Contact"
  if (in_vertical_menu(units, c)) s -= 3;                                  // the same, drawn down the page
  if (is_crumb_section(toc_key(u.text), facts) || holds_home_trail(u.text)) s -= 3;
  if (is_home_link(u.text)) s -= 4;
  if (is_short_item_row(u.text)) s -= 2;  // "Antihistamine · Tablets and liquid": a type line
  if (nearer != nullptr) {
    const std::string below = ascii_lower(nearer->text);
    if (below.size() > key.size() && below.starts_with(key)) s -= 4;  // "Ask the Doctor" above "Ask the Doctor: ..."
  }
  return s;
}

/// When the bullet at `last` ends a table of contents (a list under a label
/// such as "On this page", or of items that come back as headings), the index
/// of its top unit (the label, if any); npos when it is no such list.
std::size_t top_of_contents(const std::vector<Unit>& units, std::size_t last, const PageFacts& facts) {
  std::size_t top = last;
  bool all_toc = facts.toc[last];
  while (top > 0 && is_bullet_item(units[top - 1].text)) {
    --top;
    all_toc = all_toc && facts.toc[top];
  }
  if (top > 0 && is_contents_label(units[top - 1].text)) return top - 1;
  if (top > 1 && is_contents_toggle(units[top - 1].text) && is_contents_label(units[top - 2].text)) return top - 2;
  return all_toc && top < last ? top : std::string::npos;
}

/// When the bullet at `last` ends a list of article tools ("• Share",
/// "• Email", "• Print", "• Save"), the index of its top item; npos when the
/// list names anything else.
std::size_t top_of_tool_list(const std::vector<Unit>& units, std::size_t last) {
  static constexpr std::string_view kTools[] = {"share", "save", "bookmark", "email", "e-mail", "print", "copy",
                                                "link", "comment", "comments", "listen", "follow", "like", "pin"};
  const std::vector<std::string>& networks = page_phrases("share_networks");
  const auto tool = [&networks](const Unit& u) {
    const std::string key = toc_key(u.text);  // words_of() views into it
    const std::vector<std::string_view> words = words_of(key);
    return !words.empty() && words.size() <= 2 && std::all_of(words.begin(), words.end(), [&](std::string_view w) {
      const std::string lower = ascii_lower(w);
      return std::ranges::find(kTools, lower) != std::end(kTools) || std::ranges::find(networks, lower) != networks.end();
    });
  };
  std::size_t top = last + 1;
  while (top > 0 && is_bullet_item(units[top - 1].text) && tool(units[top - 1])) --top;
  return last + 1 - top >= 2 ? top : std::string::npos;
}

/// A headline wrapped over two lines: no full stop, no separators of a menu.
bool is_wrapped_headline(const Unit& u) {
  const std::string_view t = u.text;
  return u.line.kind == PageLineKind::Short && u.last == u.first + 1 && !ends_sentence(t) &&
         count_words(t) <= kMaxTitleWords && utf8::has_letter(t) && t.find_first_of("|/[") == std::string_view::npos &&
         t.find("\u00B7") == std::string_view::npos && t.find("\u203A") == std::string_view::npos;
}

/// The headings above the first prose unit that may be its headline, nearest
/// first, and how many of them lie under a table of contents (section headings).
struct TitleCandidates {
  std::vector<std::size_t> units;
  std::size_t below_contents = 0;
  std::size_t above_box = 0;  // units from this position on lie above a box of facts,
  std::size_t box_end = 0;    // which ends before this unit
};

/// A list under the headline ("About risk levels" and its items under "Risk
/// level 2 of 4") stopped the title search at `stopped` (past the list):
/// when nothing found so far carries a byline or a date, headings above the
/// list that do are candidates too. The caller checks that no byline or
/// date was passed either (a blog's date over its post title lies under the
/// list).
void add_dated_above_box(const std::vector<Unit>& units, std::size_t begin, std::size_t stopped, TitleCandidates& out) {
  const auto dated = [&](std::size_t c) { return followed_by_meta(units, c, begin); };
  if (std::any_of(out.units.begin(), out.units.end(), dated)) return;
  // Not above a site's menu ("• Lokales", "• Politik", "□ Gesundheit"):
  // there the date is the day's, under the masthead.
  constexpr std::size_t kMinMenuBullets = 8, kMaxMenuItemWords = 4;  // the bullet is a word
  std::size_t bullets = 0;
  bool short_items = true;
  for (std::size_t i = stopped; i > 0 && is_bullet_item(units[i - 1].text); --i, ++bullets)
    short_items = short_items && count_words(units[i - 1].text) <= kMaxMenuItemWords;
  if (bullets >= kMinMenuBullets && short_items) return;
  out.above_box = out.units.size();
  out.box_end = stopped;
  for (std::size_t i = stopped; i > 0 && stopped - i < kTitleLookback; --i)
    if (title_like(units[i - 1]) && !is_bullet_item(units[i - 1].text) && !units[i - 1].text.ends_with(':') &&
        dated(i - 1))
      out.units.push_back(i - 1);
}

/// A person's name over the byline that names them: the alt text or caption
/// of their photo ("Dr. Kwame Osei-Bonsu" over "Medically reviewed by Dr.
/// Kwame Osei-Bonsu, pediatrician").
bool names_byline_below(const std::vector<Unit>& units, std::size_t i) {
  constexpr std::size_t kMaxNameWords = 5;
  return i + 1 < units.size() && units[i].line.kind == PageLineKind::Short && count_words(units[i].text) <= kMaxNameWords &&
         units[i + 1].line.kind == PageLineKind::Meta && units[i + 1].text.find(units[i].text) != std::string::npos;
}

/// The publisher's or author's name of a byline set out in parts: the name,
/// a separator on a line of its own, the date ("Instituto Nacional de ...",
/// "|", "04 de diciembre de 2026").
bool is_name_before_separator(const std::vector<Unit>& units, std::size_t i) {
  constexpr std::size_t kMaxNameWords = 10;
  return i + 2 < units.size() && units[i].line.kind == PageLineKind::Short && units[i].first == units[i].last &&
         count_words(units[i].text) <= kMaxNameWords && !ends_sentence(units[i].text) &&
         !utf8::has_letter(units[i + 1].text) && units[i + 1].text.size() <= 3 && units[i + 2].line.kind == PageLineKind::Meta;
}

/// "© Bildagentur Nordlicht/Anja Voss", "© Lena Ortiz / Stockhaus": an agency
/// and a photographer after the copyright sign, short, under a picture.
bool is_picture_credit(const Unit& u) {
  constexpr std::size_t kMaxWords = 6;
  return u.text.starts_with("\u00A9") && u.text.find('/') != std::string::npos && count_words(u.text) <= kMaxWords &&
         !ends_sentence(u.text);
}

/// What the search for the headline passes on its way up from the text:
/// counters and separators of a byline bar ("214", "·"), buttons, an
/// infobox, pictures' text and credits, fact rows, prices, a byline's parts.
bool passed_on_the_way_up(const std::vector<Unit>& units, std::size_t i) {
  const Unit& u = units[i];
  return skippable_above_title(u.line, u.text) || is_button_label(u) || is_box_label(u.text) ||
         is_bracketed_button(u) || (u.line.kind == PageLineKind::Short && !utf8::has_letter(u.text)) || is_box_line(u.text) ||
         is_credited_caption(u.text) || is_fact_row(units, i) || is_wrapped_standfirst(units, i) ||
         is_image_alt(units, i) || is_alt_under_byline_bar(units, i) || describes_picture(u.text) || is_price(u.text) ||
         is_rating(u.text) ||
         // a picture's alt text or caption over its credit line
         (credited_at(units, i, units.size()) && u.line.kind == PageLineKind::Short && !ends_sentence(u.text)) ||
         u.line.rule == "page-image-mark" ||  // an author's photo: "[megan-holl]"
         names_byline_below(units, i) || is_name_before_separator(units, i) ||
         // a contents box's label, and a picture's credit ("© Bildagentur Nordlicht/Anja Voss") with its alt text
         is_contents_label(u.text) || is_picture_credit(u) ||
         (u.line.kind == PageLineKind::Short && i + 1 < units.size() && is_picture_credit(units[i + 1]));
}

/// A video page's title over its channel row: under the title, the
/// channel's name, its subscribers, a Subscribe button and a row of counts
/// and buttons; then the views and date over the description. When the
/// search stopped at the buttons, the title is the first long heading above
/// them.
void add_over_channel_row(const std::vector<Unit>& units, std::size_t begin, TitleCandidates& out) {
  constexpr std::size_t kReach = 8, kMinWords = 6;
  if (begin == 0 || units[begin - 1].line.kind != PageLineKind::Meta) return;
  for (std::size_t i = begin - 1, steps = 0; i > 0 && steps < kReach; --i, ++steps) {
    const Unit& u = units[i - 1];
    if (u.line.kind == PageLineKind::Prose) return;
    if (title_like(u) && count_words(u.text) >= kMinWords && !ends_sentence(u.text)) {
      out.units.push_back(i - 1);
      return;
    }
  }
}

/// The breadcrumb trail's last item opens `u`, a heading, however much it
/// reads like a facts box's row ("Chikungunya: Prevention and Control" over
/// "Advisory No.: …  Date: …", under "… > Chikungunya"): the headline.
bool trail_opens(const Unit& u, const PageFacts& facts) {
  return !facts.crumbs.empty() && !facts.crumbs.back().empty() && toc_key(u.text).starts_with(facts.crumbs.back()) &&
         title_like(u);
}

/// Whether the words of unit `i` come back further down as a heading's, or
/// open one: "Common causes" before "Common causes of swollen feet and ankles".
bool comes_back_as_heading(const std::vector<Unit>& units, std::size_t i) {
  const std::string& t = units[i].text;
  for (std::size_t k = i + 1; k < units.size(); ++k) {
    const std::string& later = units[k].text;
    if (later == t || (units[k].line.kind == PageLineKind::Short && later.size() > t.size() && later.starts_with(t) &&
                       later[t.size()] == ' '))
      return true;
  }
  return false;
}

/// Whether unit `i` is an entry of a table of contents (`toc`, from
/// toc_items()), or a question among its entries that comes back as a
/// heading below: toc_items() takes short lines only, and a question reads
/// as prose.
bool is_contents_entry(const std::vector<Unit>& units, const std::vector<bool>& toc, std::size_t i) {
  if (toc[i]) return true;
  return units[i].text.ends_with('?') && count_words(units[i].text) <= kMaxTitleWords &&
         units[i].first == units[i].last && ((i > 0 && toc[i - 1]) || (i + 1 < units.size() && toc[i + 1])) &&
         comes_back_as_heading(units, i);
}

/// The candidates found since the last table of contents passed.
std::vector<std::size_t> since_contents(const TitleCandidates& found) {
  return {found.units.begin() + static_cast<std::ptrdiff_t>(found.below_contents), found.units.end()};
}

/// Whether `u` is a contents box's label ("Contents") over the candidates
/// found since the last such box, all of them its entries.
bool tops_contents_entries(const std::vector<Unit>& units, const Unit& u, const TitleCandidates& found,
                           const PageFacts& facts) {
  return is_contents_label(u.text) && found.units.size() > found.below_contents &&
         std::all_of(found.units.begin() + static_cast<std::ptrdiff_t>(found.below_contents), found.units.end(),
                     [&](std::size_t c) { return facts.toc[c] || comes_back_as_heading(units, c); });
}

/// A reference page's tabs under its title ("• Symptoms & causes", "• Diagnosis
/// & treatment") stopped the title search at `stopped` (past the list): the
/// heading right over them is a candidate when it names the page's subject.
void add_subject_over_tabs(const std::vector<Unit>& units, std::size_t stopped, const PageFacts& facts,
                           TitleCandidates& out) {
  std::size_t top = stopped - 1;
  while (top > 0 && is_bullet_item(units[top - 1].text)) --top;
  if (top == 0 || !title_like(units[top - 1]) || !names_subject(units[top - 1].text, facts)) return;
  out.units.push_back(top - 1);
}

/// Candidates above the list the title search `stopped` at (past it): a
/// dated heading over a box, when none found carries a date
/// (`passed_meta`: nor was one passed), and the subject's name over tabs.
void add_past_list(const std::vector<Unit>& units, std::size_t begin, std::size_t stopped, bool passed_meta,
                   const PageFacts& facts, TitleCandidates& out) {
  if (!passed_meta) add_dated_above_box(units, begin, stopped, out);
  add_subject_over_tabs(units, stopped, facts, out);
}

/// Looks back from `begin` past bylines, dates, credits, share widgets,
/// breadcrumbs, fact rows and "key points" bullets, stopping at prose and
/// other chrome; a long line under a shorter heading is its standfirst.
TitleCandidates title_candidates(const std::vector<Unit>& units, std::size_t begin, const PageFacts& facts) {
  TitleCandidates out;
  std::vector<std::size_t>& candidates = out.units;
  std::size_t& below_contents = out.below_contents;
  out.above_box = std::numeric_limits<std::size_t>::max();
  bool passed_prose = false, passed_meta = false;
  std::size_t stopped = 0;  // past the list the search stopped at (0: it did not stop at one)
  std::size_t standfirst_at = std::string::npos;  // a long standfirst passed, which a wrapped headline may top
  bool passed_byline = false;
  std::size_t below_byline = 0;  // candidates found under the byline
  for (std::size_t i = begin, steps = 0; i > 0 && steps < kTitleLookback; --i) {
    const Unit& u = units[i - 1];
    // An infobox's rows and borders, and a table of contents, do not count towards the reach.
    steps += !(is_box_line(u.text) || u.line.kind == PageLineKind::Junk || is_contents_label(u.text) ||
               (is_bullet_item(u.text) && top_of_contents(units, i - 1, facts) != std::string::npos));
    // Candidates found under the byline ("Written by …") are a picture's text
    // or a label; a headline wrapped over two lines may stand above it.
    const bool author = names_author(u) || is_name_before_separator(units, i - 1);
    if (!passed_byline && author) below_byline = candidates.size();
    passed_byline = passed_byline || author;
    passed_meta = passed_meta || u.line.kind == PageLineKind::Meta;
    if (!trail_opens(u, facts) && passed_on_the_way_up(units, i - 1)) continue;
    // A label over its value: "From:" over a publisher's name, "Published" over a date.
    if (u.line.kind == PageLineKind::Short && count_words(u.text) <= 3 && u.text.ends_with(':')) {
      if (!candidates.empty() && candidates.back() == i && candidates.size() > below_contents) candidates.pop_back();
      continue;
    }
    if (is_date_label(u.text) && i < units.size() && units[i].line.kind == PageLineKind::Meta) continue;
    // A contents box without bullets ("Contents" over its entries) lies between the headline and the text.
    if (tops_contents_entries(units, u, out, facts)) {
      below_contents = candidates.size();
      continue;
    }
    // Section headings under a table of contents are no reason to stop at a standfirst.
    if (!passed_prose && passes_as_standfirst(units, u, since_contents(out), passed_meta)) {
      passed_prose = true;
      continue;
    }
    // "Key points" bullets under a headline are passed; a list above a heading is a menu.
    if (is_bullet_item(u.text)) {
      if (candidates.empty()) continue;
      // A row of article tools ("Share", "Print") lies between the headline and the text.
      if (const std::size_t tools = top_of_tool_list(units, i - 1); tools != std::string::npos) {
        i = tools + 1;
        continue;
      }
      // A table of contents under its label lies between the headline and the first section.
      const std::size_t top = top_of_contents(units, i - 1, facts);
      if (top == std::string::npos) {
        stopped = i;
        break;
      }
      below_contents = candidates.size();
      i = top + 1;  // the loop goes on with the unit above the box
      continue;
    }
    // A long standfirst without a full stop lies between the headline and the
    // text, on one line or wrapped over a few.
    if (u.line.kind == PageLineKind::Short && u.last - u.first < kMaxStandfirstLines &&
        count_words(u.text) > kMaxTitleWords && !ends_sentence(u.text)) {
      standfirst_at = i - 1;
      continue;
    }
    // A text browser wraps a long headline at 80 columns; only the heading
    // nearest the text may be one (higher up, two lines are a wrapped menu).
    // A wrapped headline also tops a wrapped standfirst taken for a heading.
    const bool over_wrapped_standfirst = candidates.size() == 1 && candidates.back() == i &&
                                         units[i].last > units[i].first &&
                                         count_words(units[i].text) >= kMinStandfirstWords;
    if (!title_like(u) && !((candidates.empty() || standfirst_at == i || over_wrapped_standfirst ||
                             (passed_byline && candidates.size() == below_byline)) &&
                            is_wrapped_headline(u)))
      break;
    candidates.push_back(i - 1);
  }
  if (stopped > 0) add_past_list(units, begin, stopped, passed_meta, facts, out);
  if (candidates.empty()) add_over_channel_row(units, begin, out);
  return out;
}

/// A breadcrumb trail on one line: "Home > Health > Allergies".
bool is_crumb_line(std::string_view t) {
  const std::string key = toc_key(t);
  return is_link_bar(t, count_words(t)) &&
         std::any_of(std::begin(kHome), std::end(kHome), [&](std::string_view h) { return key.starts_with(h); }) &&
         std::any_of(std::begin(kCrumbSeparators), std::end(kCrumbSeparators),
                     [&](std::string_view sep) { return t.find(sep) != std::string_view::npos; });
}

/// Whether `phrase` opens or ends `text` as whole words ("vale do itaúna"
/// in "calor extremo: … no vale do itaúna").
bool holds_phrase(std::string_view text, std::string_view phrase) {
  if (phrase.empty() || text.size() < phrase.size()) return false;
  const auto boundary = [](char c) { return !std::isalnum(static_cast<unsigned char>(c)); };
  if (text.size() == phrase.size()) return text == phrase;
  return (text.starts_with(phrase) && boundary(text[phrase.size()])) ||
         (text.ends_with(phrase) && boundary(text[text.size() - phrase.size() - 1]));
}

/// The headline found above the first prose unit, and the end of a box of
/// facts under it (0 when there is none): everything between is dropped.
struct TitleChoice {
  std::size_t unit, box_end = 0;
};

/// A headline in Title Case, its small words capitalised too ("What Nobody
/// Told Me About Quitting Vaping"), which a menu row of section names is not.
bool is_title_case_headline(std::string_view t) {
  constexpr std::size_t kMinWords = 4;
  static constexpr std::string_view kSmallWords[] = {"A", "An", "The", "To", "Of", "About", "What", "How", "Why", "Me",
                                                     "My", "Your", "Is", "Are", "In", "On", "For", "With", "And", "Do",
                                                     "You", "It", "Can", "When", "Who"};
  // Small words a style guide keeps lowercase: "Why Are My Feet and Ankles Swollen?"
  static constexpr std::string_view kLowerSmallWords[] = {"a", "an", "and", "at", "by", "for", "in", "of",
                                                          "on", "or", "the", "to", "vs", "with"};
  const std::vector<std::string_view> words = words_of(t);
  if (words.size() < kMinWords || (ends_sentence(t) && !t.ends_with('?'))) return false;
  bool small = false;
  for (std::string_view w : words) {
    if (std::ranges::find(kLowerSmallWords, w) != std::end(kLowerSmallWords)) continue;
    if (!std::isupper(static_cast<unsigned char>(w[0])) && !std::isdigit(static_cast<unsigned char>(w[0]))) return false;
    small = small || std::ranges::find(kSmallWords, w) != std::end(kSmallWords);
  }
  return small && !is_nav_row(t);
}

/// A section's name from the site's menu with the story's tag after it,
/// over the headline: "Salud y bienestar Envejecimiento" under a menu that
/// holds "Salud y bienestar".
bool opens_with_menu_item(const std::vector<Unit>& units, std::size_t i) {
  constexpr std::size_t kMaxItemWords = 3;
  const std::string_view t = units[i].text;
  for (std::size_t j = 0; j < i; ++j) {
    const std::string_view item = units[j].text;
    if (units[j].line.kind == PageLineKind::Short && count_words(item) <= kMaxItemWords && item.size() + 1 < t.size() &&
        t.starts_with(item) && t[item.size()] == ' ')
      return true;
  }
  return false;
}

/// What candidate `k` (of `candidates`, nearest the text first) loses to a
/// heading under it that opens or ends with it: the last breadcrumb or a
/// short label over the headline ("Allergie aux acariens" over "Allergie aux
/// acariens : les symptômes ...", a region's name over "… em idosos no Vale
/// do Itaúna").
double label_penalty(const std::vector<Unit>& units, const std::vector<std::size_t>& candidates, std::size_t k) {
  const std::string lower = ascii_lower(units[candidates[k]].text);
  double penalty = 0;
  for (std::size_t n = 0; n < k; ++n)
    if (const std::string near = ascii_lower(units[candidates[n]].text);
        near.size() > lower.size() + 2 && holds_phrase(near, lower) && !is_doubled(units, candidates[n]))
      penalty += 1;
  return penalty;
}

/// What candidate `k` loses to a reference page's subject under its own name
/// ("Impetigo" over "Impetigo is ..."), where that scores as a title
/// (`scores`: the candidates nearer the text): a line above it that does not
/// name the subject is a banner, and a short question under it that holds
/// the name ("What is impetigo?") opens the first section.
double subject_penalty(const std::vector<Unit>& units, const std::vector<std::size_t>& candidates, std::size_t k,
                       const std::vector<double>& scores, const PageFacts& facts) {
  constexpr double kMinSubjectScore = -3;  // a subject's name found again in a menu is no title
  const std::string_view text = units[candidates[k]].text;
  const std::string lower = ascii_lower(text);
  for (std::size_t n = 0; n < candidates.size(); ++n) {
    if (n == k) continue;
    const std::string subject = subject_named(units[candidates[n]].text, facts);
    if (subject.empty()) continue;
    const bool holds = lower.find(subject) != std::string::npos;
    if (n < k && !holds && scores[n] > kMinSubjectScore) return 4;
    if (n > k && holds && text.ends_with('?') && count_words(text) <= count_words(subject) + 3) return 2;
    return 0;
  }
  return 0;
}

/// A video's length, alone or before its source: "01:48", "01:48 - Source: ANN", "2:05 · Video".
bool is_video_length(std::string_view t) {
  const std::size_t clock = clock_bytes(t);
  if (clock == 0) return false;
  const std::string_view rest = trim(t.substr(clock));
  return rest.empty() || rest.starts_with("- ") || rest.starts_with("\u00B7 ") || rest.starts_with("| ");
}

/// An index's bar of initials: "A B C D ... XYZ 0-9", most of its words one letter.
bool is_letter_bar(std::string_view t) {
  constexpr std::size_t kMinWords = 10;
  const std::vector<std::string_view> words = words_of(t);
  const auto letters = std::count_if(words.begin(), words.end(), [](std::string_view w) { return w.size() == 1; });
  return words.size() >= kMinWords && static_cast<std::size_t>(letters) * 5 >= words.size() * 4;
}

/// Whether `text` opens with the first word of `lower_words` (lowercase) and
/// holds every other, in any order and with any punctuation.
bool holds_words_of(std::string_view text, std::string_view lower_words) {
  const auto bare = [](std::string_view w) {
    while (!w.empty() && std::ispunct(static_cast<unsigned char>(w.back())) != 0) w.remove_suffix(1);
    return utf8::fold_case(w);
  };
  std::vector<std::string> have;
  for (std::string_view w : words_of(text)) have.push_back(bare(w));
  const std::vector<std::string_view> want = words_of(lower_words);
  // The name opens the title it grows into.
  const auto held = [&](std::string_view w) { return std::ranges::find(have, bare(w)) != have.end(); };
  return !want.empty() && !have.empty() && have.front() == bare(want.front()) &&
         std::all_of(want.begin(), want.end(), held);
}

/// Whether the title candidate over candidate `c` is a heading over it (so
/// `c` is its deck or standfirst): no menu item, no label, not a one-line nav
/// bar ("Science Culture Health Shop") unless the page repeats it as a
/// headline is repeated (`repeated_above`).
bool is_heading_over(const std::vector<Unit>& units, std::size_t c, const PageFacts& facts, bool repeated_above) {
  const std::string& above = units[c - 1].text;
  // The last of a menu's items, one a line with no gap: "Solarien", "Kosmetische Mittel", "Lärm und Schall".
  const bool menu_item = c >= 3 && units[c - 3].last + 1 == units[c - 2].first &&
                         units[c - 2].last + 1 == units[c - 1].first && units[c - 1].last + 1 < units[c].first;
  return units[c - 1].line.score > kMenuItemScore && count_words(above) >= 3 && !is_letter_bar(above) && !menu_item &&
         (lowercase_share(above) > 0.3 || repeated_above ||
          // A script without case cannot show a nav bar's capitals.
          (utf8::has_letter(above) && !utf8::has_cased_letter(above)) ||
          (is_title_case_headline(above) && lowercase_share(units[c].text) > 0.3)) &&
         after_image_mark(above).empty() &&  // a show's logo and name
         !is_crumb_section(toc_key(above), facts) && !is_trail(above) && !opens_with_menu_item(units, c - 1) &&
         !holds_phrase(ascii_lower(units[c].text), ascii_lower(above));
}

/// The candidate right below candidate `k` (the one nearer the text), with
/// nothing or only a byline between: "Ask the Doctor" over "Ask the Doctor:
/// ...", a trail's shortened last item over the whole headline. Or null.
const Unit* candidate_below(const std::vector<Unit>& units, const std::vector<std::size_t>& candidates, std::size_t k) {
  if (k == 0 || candidates[k - 1] <= candidates[k]) return nullptr;
  const auto between_begin = units.begin() + static_cast<std::ptrdiff_t>(candidates[k]) + 1;
  const auto between_end = units.begin() + static_cast<std::ptrdiff_t>(candidates[k - 1]);
  const bool only_byline = std::all_of(between_begin, between_end, [](const Unit& u) {
    return u.line.kind == PageLineKind::Meta || u.line.rule == "byline";
  });
  return only_byline ? &units[candidates[k - 1]] : nullptr;
}

/// The headline above the first prose unit: the best scored of
/// title_candidates() (title_score); `begin` when none qualifies.
TitleChoice find_title(const std::vector<Unit>& units, std::size_t begin, std::size_t end, const PageFacts& facts) {
  const TitleCandidates found = title_candidates(units, begin, facts);
  const std::vector<std::size_t>& candidates = found.units;
  const std::size_t below_contents = found.below_contents;
  if (candidates.empty()) return {begin};
  const auto repeated = [&](std::size_t i) {
    const auto seen = facts.seen.find(seen_key(units[i].text));
    return count_words(units[i].text) >= 4 && seen != facts.seen.end() && seen->second > 1;
  };
  // Above a breadcrumb trail lies the site's header, when a heading lies under the trail.
  std::size_t crumb_at = 0;
  for (std::size_t i = candidates.front(); i > candidates.back(); --i)
    if (is_crumb_line(units[i].text)) {
      crumb_at = i;
      break;
    }
  std::size_t best = candidates.front(), best_k = 0;
  double best_score = -1e9;
  std::vector<double> scores;  // of the candidates nearer the text
  for (std::size_t k = 0; k < candidates.size(); ++k) {
    const std::size_t c = candidates[k];
    const Unit* nearer = candidate_below(units, candidates, k);
    // A headline often comes back whole: a sticky header, the last breadcrumb, a recipe card.
    double s = title_score(units, c, begin, end, facts, nearer) + (repeated(c) ? 1.0 : 0.0);
    // Under a table of contents comes the first section, unless the heading names the page's subject
    // (an encyclopedia's contents sit in a sidebar above its title).
    if (k < below_contents && !names_subject(units[c].text, facts)) s -= 3;
    // A deck or standfirst: a line right under another heading that is no
    // menu item and no label of it; the upper one is the headline.
    const bool heading_above = k + 1 < candidates.size() && candidates[k + 1] + 1 == c && c >= 2 &&
                               is_heading_over(units, c, facts, repeated(c - 1));
    // Unless the lower line tells the story that the text opens with, and the
    // upper one does not: a site's tagline over the headline.
    const bool tells_more = heading_above && shared_word_share(units[c].text, facts.lead) >= 0.5 &&
                            shared_word_share(units[c - 1].text, facts.lead) < 0.25;
    // A question over its own date or byline is the post's title: a deck states.
    const bool dated_question = heading_above && units[c].text.ends_with('?') &&
                                !units[c - 1].text.ends_with('?') && followed_by_meta(units, c, begin);
    // A category's name over the headline: "Rygg och leder" over "Ryggskott – så tar du dig igenom ...",
    // "Stress & anxiety" over "Box breathing: how a slow count of four can help you calm down".
    // (A longer line under a short title is its subtitle: "Laufen bei Kälte" over "Leitfaden für ... lesen".)
    const bool under_category = heading_above && count_words(units[c - 1].text) <= 3 &&
                                count_words(units[c].text) >= 2 * count_words(units[c - 1].text) + 2 &&
                                (count_words(units[c].text) <= kMinStandfirstWords ||
                                 (count_words(units[c].text) <= kMaxHeadlineUnderCategoryWords &&
                                  (units[c].text.find(": ") != std::string::npos ||
                                   units[c].text.find("? ") != std::string::npos) &&  // "Precisa de jejum? Veja ..."
                                  units[c].text.find(", ") == std::string::npos)) &&
                                !ends_sentence(units[c].text);
    if (heading_above && !tells_more && !dated_question && !under_category) s -= 1.5;
    // A line behind a picture is a logo and a name, or a teaser's card: a headline stands alone.
    if (!after_image_mark(units[c].text).empty()) s -= 1.5;
    // A video's title over its length and source ("01:48 - Source: ANN").
    if (c + 1 < units.size() && is_video_length(units[c + 1].text)) s -= 3;
    // A section path of short items, "Planning / Health & safety": the page's place, not its headline.
    if (is_section_path(units[c].text)) s -= 2;
    if (c < crumb_at) s -= 2;
    // The trail's last item is the page's own title, whole, cut short, or
    // with words added: "Tätowieren und Piercen" for "Tätowieren, Piercen und Permanent Make-up".
    if (facts.crumbs.size() >= 2 && count_words(facts.crumbs.back()) >= 2 &&
        (toc_key(units[c].text).starts_with(facts.crumbs.back()) || holds_words_of(units[c].text, facts.crumbs.back())))
      s += 1.5;
    s -= label_penalty(units, candidates, k) + subject_penalty(units, candidates, k, scores, facts);
    if (heading_above && !under_category && count_words(units[c].text) >= kMinStandfirstWords &&
        count_words(units[c - 1].text) < count_words(units[c].text))
      s -= 1.5;
    scores.push_back(s);
    if (s > best_score) {
      best_score = s;
      best = c;
      best_k = k;
    }
  }
  return {best, best_k >= found.above_box ? found.box_end : 0};
}

/// Bytes of a quotation in capitals opening a headline, a tabloid's kicker:
/// "'I THOUGHT IT WAS THE CURRY' Dad-of-three, 41, blamed ...". 0 when the
/// headline does not open so, or nothing of it would be left.
std::size_t quoted_capitals_kicker(std::string_view text) {
  constexpr std::size_t kMinLeftWords = 4;
  static constexpr std::pair<std::string_view, std::string_view> kQuotes[] = {
      {"'", "' "}, {"\"", "\" "}, {"\u2018", "\u2019 "}, {"\u201C", "\u201D "}};
  for (const auto& [open, close] : kQuotes) {
    if (!text.starts_with(open)) continue;
    const std::size_t end = text.find(close, open.size());
    if (end == std::string_view::npos) return 0;
    const std::string_view quote = text.substr(open.size(), end - open.size());
    const std::size_t rest = end + close.size();
    bool has_upper = false;
    for (char c : quote) {
      if (std::islower(static_cast<unsigned char>(c))) return 0;
      has_upper = has_upper || std::isupper(static_cast<unsigned char>(c));
    }
    if (!has_upper || count_words(quote) < 2 || count_words(text.substr(rest)) < kMinLeftWords) return 0;
    return rest;
  }
  return 0;
}

/// Bytes of a kicker opening the headline `title`: one to three words
/// before the rest of the line, when the rest, four words or more, comes back
/// elsewhere on the page as a unit of its own (a list of the site's stories
/// links to this one by its headline alone). 0 when there is none.
std::size_t kicker_bytes(const std::vector<Unit>& units, std::size_t title) {
  constexpr std::size_t kMaxKickerWords = 3, kMinHeadlineWords = 4;
  const std::string& text = units[title].text;
  if (const std::size_t quoted = quoted_capitals_kicker(text); quoted > 0) return quoted;
  if (units[title].first != units[title].last) return 0;  // a wrapped headline: the kicker would be its first line
  // A number opens the headline itself ("100 days alcohol-free: ..."), however a list numbers its items.
  if (!text.empty() && std::isdigit(static_cast<unsigned char>(text[0]))) return 0;
  for (std::size_t at = text.find(' '), words = 1; at != std::string::npos && words <= kMaxKickerWords;
       at = text.find(' ', at + 1), ++words) {
    const std::string rest = toc_key(std::string_view(text).substr(at + 1));
    if (count_words(rest) < kMinHeadlineWords) break;
    // "Herpes labiale: cosa fare ai primi sintomi": a topic and its colon open
    // the headline, whose second half may come back as a section's heading.
    if (text[at - 1] == ':') continue;
    // Not a recipe card's name over its rating: "Black Bean and Sweet Potato
    // Chili" under "Hearty Black Bean and Sweet Potato Chili" leaves "Hearty" to the headline.
    for (std::size_t i = 0; i < units.size(); ++i)
      if (i != title && toc_key(units[i].text) == rest &&
          !(i + 1 < units.size() && units[i + 1].line.rule == "page-card-fact" && is_rating(units[i + 1].text)))
        return at + 1;
  }
  return 0;
}

/// The breadcrumb trail nearest above `begin`, as toc_keys, home first: a
/// list ("1. Home", "2. Health Hub", "3. Medicines A to Z", "4. Loratadine")
/// or one line ("Home > Health > Allergies"). Empty when there is none.
std::vector<std::string> breadcrumb_trail(const std::vector<Unit>& units, std::size_t begin) {
  constexpr std::size_t kMaxItems = 8, kMaxItemWords = 8;
  std::vector<std::string> trail;
  for (std::size_t k = 0; k < begin && k < units.size(); ++k) {
    const std::string key = toc_key(units[k].text);
    if (is_bullet_item(units[k].text) && std::ranges::find(kHome, key) != std::end(kHome)) {
      std::vector<std::string> items{key};
      for (std::size_t n = k + 1; n < begin && items.size() < kMaxItems && is_bullet_item(units[n].text) &&
                                  count_words(units[n].text) <= kMaxItemWords;
           ++n)
        items.push_back(toc_key(units[n].text));
      if (items.size() >= 2) trail = std::move(items);
      continue;
    }
    const std::string_view t = units[k].text;
    if (!is_crumb_line(t)) continue;
    for (std::string_view sep : kCrumbSeparators) {
      if (t.find(sep) == std::string_view::npos) continue;
      std::vector<std::string> items;
      for (std::size_t pos = 0; pos <= t.size();) {
        const std::size_t next = std::min(t.find(sep, pos), t.size());
        items.push_back(ascii_lower(trim(t.substr(pos, next - pos))));
        pos = next + sep.size();
      }
      if (items.size() >= 2) trail = std::move(items);
      break;
    }
  }
  return trail;
}

/// A run that opens above a breadcrumb trail, kept as a list ("1. Home",
/// "2. Emergencies", "3. Flooding") or on one line ("Home / Support / Panic
/// attacks"), where only a site-wide banner ("Weather warning: ...", "Need
/// urgent help? ...") stood above it: the article begins under the trail, at its
/// first paragraph, and the headline is looked for above that. `begin` when
/// no such trail opens the run.
std::size_t past_breadcrumb_list(const std::vector<Unit>& units, std::size_t begin, std::size_t end) {
  constexpr std::size_t kReach = 8, kMaxItems = 6, kMaxItemWords = 5, kMaxBannerUnits = 3;
  // The run may open on the last item of the trail ("4. Snoring or sleep
  // apnea?"), the items above it scored as a menu: the trail is behind it.
  if (begin > 0 && is_bullet_item(units[begin].text) && is_bullet_item(units[begin - 1].text)) {
    std::size_t next = begin + 1;  // past the last item, however long ("4. Q&A: Why are so many of us ...?")
    while (next < end && is_bullet_item(units[next].text) && count_words(toc_key(units[next].text)) <= kMaxItemWords + 1)
      ++next;
    while (next < end && units[next].line.kind != PageLineKind::Prose) ++next;
    if (next < end) begin = next;
  }
  for (std::size_t k = begin; k < end && k < begin + kReach; ++k) {
    const Unit& u = units[k];
    if (is_long_prose(u) && k >= begin + kMaxBannerUnits)
      return begin;
    const std::string lower = ascii_lower(toc_key(u.text));
    const bool home_alone = std::find(std::begin(kHome), std::end(kHome), lower) != std::end(kHome);
    const bool home_first = std::any_of(std::begin(kHome), std::end(kHome), [&](std::string_view h) {
      return lower.starts_with(h) && lower.size() > h.size() + 2 && lower[h.size()] == ' ' &&
             std::string_view(">/\xC2\xBB\xE2\x80\xBA|").find(lower[h.size() + 1]) != std::string_view::npos;
    });
    std::size_t after = k + 1;
    if (home_first && is_link_bar(u.text, count_words(u.text))) {
      // "Home / Information and support / Panic attacks" on one line.
    } else if (home_alone && is_bullet_item(u.text)) {
      while (after < end && after - k <= kMaxItems && is_bullet_item(units[after].text) &&
             count_words(toc_key(units[after].text)) <= kMaxItemWords)
        ++after;
      if (after == k + 1) return begin;
    } else {
      continue;
    }
    for (std::size_t p = after; p < end && p < after + kReach; ++p)
      if (is_long_prose(units[p])) return p;
    return begin;
  }
  return begin;
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

/// A list that closes the article (a heading and its bullets, with a lead-in
/// between them or not, or bullets alone) stays with it, up to the chrome
/// after it. Menu-like bullets do not.
std::size_t extend_over_closing_list(const std::vector<Unit>& units, std::size_t end) {
  const auto bullet = [&](std::size_t i) {
    return i < units.size() && units[i].line.kind == PageLineKind::Short && units[i].line.score > kMenuItemScore &&
           is_bullet_item(units[i].text);
  };
  constexpr std::size_t kMinLeadInWords = 5;  // a sentence; "Attached files:" labels downloads
  const auto lead_in = [&](std::size_t i) {
    return i < units.size() && units[i].line.kind != PageLineKind::Chrome && units[i].text.ends_with(':') &&
           count_words(units[i].text) >= kMinLeadInWords;
  };
  const auto heading = [&](std::size_t i) {
    return units[i].line.kind == PageLineKind::Short && units[i].line.score > kMenuItemScore &&
           !is_end_marker(units[i].text, count_words(units[i].text));
  };
  while (end < units.size()) {
    if (bullet(end)) {
      ++end;
    } else if (bullet(end + 1) && heading(end)) {
      end += 2;
    } else if (lead_in(end + 1) && bullet(end + 2) && heading(end)) {
      end += 3;  // "When to call your provider" over "Call right away if you have any of these:"
    } else {
      break;
    }
  }
  return end;
}

/// A heading's text without list numbering, bullets and "[edit]" links.
std::string toc_key(std::string_view t) {
  for (bool again = true; again;) {
    again = false;
    while (!t.empty() &&
           (std::isdigit(static_cast<unsigned char>(t.front())) || t.front() == '.' || t.front() == ' ' ||
            t.front() == ':')) {  // "09:48 Rail services suspended": a live blog's key events
      t.remove_prefix(1);
      again = true;
    }
    for (std::string_view b : {"\u2022 ", "- ", "* ", "\u25A1 "})
      if (t.starts_with(b)) {
        t.remove_prefix(b.size());
        again = true;
      }
  }
  if (t.ends_with("[edit]")) t.remove_suffix(6);
  return ascii_lower(trim(t));
}

/// Table-of-contents items: short units whose text comes back later as a
/// heading of its own ("1 Causes" ... "Causes"). Two in a row at least.
std::vector<bool> toc_items(const std::vector<Unit>& units) {
  std::vector<bool> toc(units.size(), false);
  // key -> last unit index with it, as a heading: a headline that comes back
  // in a most-read list at the foot of the page is no contents item.
  std::map<std::string, std::size_t> last_seen;
  for (std::size_t i = 0; i < units.size(); ++i)
    if (units[i].line.kind == PageLineKind::Short && !is_bullet_item(units[i].text)) last_seen[toc_key(units[i].text)] = i;
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

/// A comment count in the tool row under a headline ("Share on X", "Copy
/// link", "214 comments"; or after the byline) opens no comment section.
bool in_tool_row(const std::vector<Unit>& units, std::size_t i) {
  constexpr std::size_t kReach = 2;  // a button the rules do not name ("Copy link") may come between
  const std::vector<std::string>& networks = page_phrases("share_networks");
  for (std::size_t j = i; j > 0 && i - j < kReach; --j) {
    const PageLine& before = units[j - 1].line;
    if (before.kind == PageLineKind::Meta || before.rule == "share-button" || before.rule == "page-share-row" ||
        before.rule == "page-byline" || before.rule == "page-widget" || before.rule == "page-shop-button")
      return true;
    // A share row one network a line: "Facebook", "X", "Reddit".
    if (std::ranges::find(networks, ascii_lower(trim(units[j - 1].text))) != networks.end()) return true;
  }
  return false;
}

/// A marker with a list of links under it ("Topics", then "Drought",
/// "Utilities", "North-west England"): the article does not go on after a
/// list of tags, whatever prose comes later (a donation box, a teaser).
bool opens_link_list(const std::vector<Unit>& units, std::size_t i, std::size_t end) {
  constexpr std::size_t kMinItems = 3, kMaxItemWords = 4;
  std::size_t items = 0;
  for (std::size_t j = i + 1; j < end && items < kMinItems; ++j, ++items)
    if (units[j].line.kind != PageLineKind::Short || count_words(units[j].text) > kMaxItemWords ||
        ends_sentence(units[j].text))
      return false;
  return items == kMinItems;
}

/// Where the article ends inside [begin, end): at a comment section, however
/// much prose it holds, or at a heading of related links, tags or references
/// when no long paragraph follows it.
/// "Get the NewsCenter 9 app": the heading of an app's promotion.
bool is_app_heading(std::string_view t) {
  constexpr std::size_t kMaxWords = 10;
  const std::string lower = ascii_lower(trim(t));
  return count_words(lower) <= kMaxWords && (lower.ends_with(" app") || lower.ends_with(" app!")) &&
         (lower.starts_with("get the ") || lower.starts_with("get our ") || lower.starts_with("download the ") ||
          lower.starts_with("download our "));
}

/// The words of the long paragraphs among units [from, to).
std::size_t prose_words(const std::vector<Unit>& units, std::size_t from, std::size_t to) {
  std::size_t words = 0;
  for (std::size_t j = from; j < to; ++j)
    if (is_long_prose(units[j])) words += count_words(units[j].text);
  return words;
}

/// Whether a long paragraph follows `i` before the comments (prose in the
/// comment section below does not keep a marker inside the text).
bool long_prose_follows(const std::vector<Unit>& units, std::size_t i, std::size_t end) {
  for (std::size_t j = i + 1; j < end && units[j].line.rule != "page-comments"; ++j)
    if (is_long_prose(units[j]) && !is_author_bio(units[j].text)) return true;
  return false;
}

/// A forum poster's name over their question: one token with an
/// underscore or a digit ("kettle_on_again", "mum2three").
bool is_user_name(std::string_view t) {
  constexpr std::size_t kMinChars = 3, kMaxChars = 32;
  return t.size() >= kMinChars && t.size() <= kMaxChars && t.find(' ') == std::string_view::npos &&
         std::any_of(t.begin(), t.end(), [](char c) { return c == '_' || std::isdigit(static_cast<unsigned char>(c)); }) &&
         std::any_of(t.begin(), t.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; });
}

/// Whether a line holds two or more of a forum post's buttons
/// (data/pages/post_actions.txt): "Dernière édition : 18 mars Partager Signaler Citer J'aime ...".
bool holds_post_actions(std::string_view t) {
  const std::string lower = " " + utf8::fold_case(t) + " ";
  std::size_t found = 0;
  for (const std::string& action : page_phrases("post_actions"))
    found += lower.find(" " + action + " ") != std::string::npos;
  return found >= 2;
}

/// A post's reaction count: "64 Likes", "1.2K reactions", "3 curtidas".
bool is_reaction_count(std::string_view t) {
  const std::size_t space = t.find(' ');
  if (space == std::string_view::npos || space == 0 || !std::isdigit(static_cast<unsigned char>(t[0]))) return false;
  const std::string_view number = t.substr(0, space);
  if (!std::all_of(number.begin(), number.end(), [](char c) {
        return std::isdigit(static_cast<unsigned char>(c)) != 0 || c == '.' || c == ',' || c == 'K' || c == 'k';
      }))
    return false;
  const std::vector<std::string>& words = page_phrases("reaction_counts");
  return std::ranges::find(words, utf8::fold_case(trim(t.substr(space + 1)))) != words.end();
}

/// "Up next" or "Next article" over another story's header: a trail or a
/// byline or date within the next six units.
bool opens_next_story(const std::vector<Unit>& units, std::size_t i, std::size_t end) {
  constexpr std::size_t kReach = 7;
  const std::string key = ascii_lower(trim(units[i].text));
  if (key != "up next" && key != "next article" && key != "next story" && key != "next up") return false;
  for (std::size_t j = i + 1; j < end && j < i + kReach; ++j)
    if (units[j].line.kind == PageLineKind::Meta || is_trail(units[j].text) || is_crumb_line(units[j].text)) return true;
  return false;
}

/// Whether a poster's name ("Maëlle_R") follows the buttons at `i` within a
/// few units: past more buttons, "X and 6 others like this." and an ad's label.
bool next_poster_near(const std::vector<Unit>& units, std::size_t i, std::size_t end) {
  constexpr std::size_t kReach = 4;
  for (std::size_t j = i + 1; j < end && j <= i + kReach; ++j)
    if (is_user_name(trim(units[j].text))) return true;
  return false;
}

std::size_t cut_at_end_marker(const std::vector<Unit>& units, std::size_t begin, std::size_t end) {
  bool long_prose_before = false;  // a tool row's comment count under the headline, above all the text, ends nothing
  for (std::size_t i = begin + 1; i < end; ++i) {
    const std::string& rule = units[i].line.rule;
    const bool comments = rule == "page-comments" || page_chrome_rule(units[i].text, count_words(units[i].text)) == "page-comments";
    // Back matter ("Sources", "About the author") ends the article, however long its entries.
    // A shared rule may have named a comment heading a widget first: "Comments (38)".
    if ((comments && (long_prose_before || !in_tool_row(units, i))) || rule == "sources" || rule == "author-bio" ||
        rule == "press-backmatter" || (rule == "paywall-gate" && long_prose_before) ||
        is_reference_heading(units[i].text, count_words(units[i].text)))
      return i;
    // A fact sheet's "Last updated: March 2026" under its text closes it, with
    // no more than a sidebar's paragraph or two after it; so does "Was this helpful?".
    if ((rule == "review-date" || rule == "feedback-prompt") && long_prose_before &&
        prose_words(units, i + 1, end) * 4 < prose_words(units, begin, i))
      return i;
    // So does the next story of an infinite scroll: "Up next" over its trail, headline and byline.
    if (long_prose_before && opens_next_story(units, i, end)) return i;
    // So does a post's reaction count over the next post's byline: "64 Likes" over "tidewatcher January 6, 2028",
    // and a post's row of buttons over the next poster's name: "Partager Signaler Citer J'aime" over "Maëlle_R".
    if (long_prose_before && is_reaction_count(units[i].text) && i + 1 < end &&
        units[i + 1].line.kind == PageLineKind::Meta)
      return i;
    if (long_prose_before && holds_post_actions(units[i].text) && next_poster_near(units, i, end)) return i;
    // So does a share row or an app's promotion with no more text under it.
    if ((rule == "page-share-row" || rule == "page-app-promo" || is_app_heading(units[i].text)) && long_prose_before &&
        !long_prose_follows(units, i, end))
      return i;
    long_prose_before = long_prose_before || is_long_prose(units[i]);
    if (comments) continue;
    if (rule != "page-related" && !is_end_marker(units[i].text, count_words(units[i].text)))
      continue;
    if (opens_link_list(units, i, end)) return i;
    if (!long_prose_follows(units, i, end)) return i;
  }
  return end;
}

/// A letter's or an answer's closing line right under the last paragraph
/// ("Un cordiale saluto.", "Take care,") is part of it.
std::size_t extend_over_sign_off(const std::vector<Unit>& units, std::size_t end) {
  constexpr std::size_t kMaxWords = 4;
  if (end == 0 || end >= units.size() || !is_long_prose(units[end - 1])) return end;
  const Unit& u = units[end];
  const std::string_view t = u.text;
  const bool closing = u.line.kind == PageLineKind::Short && u.first == u.last && count_words(t) <= kMaxWords &&
                       !t.empty() && std::isupper(static_cast<unsigned char>(t[0])) &&
                       (t.ends_with('.') || t.ends_with(',') || t.ends_with('!'));
  return closing ? end + 1 : end;
}

/// A letter's sign-off above `i` goes with the bio under it: the writer's
/// name alone ("Ruth") and a closing phrase ending in a comma ("Until then,").
std::size_t past_sign_off(const std::vector<Unit>& units, std::size_t begin, std::size_t i) {
  constexpr std::size_t kMaxNameWords = 3, kMaxClosingWords = 5;
  const auto name = [](std::string_view t) {
    return count_words(t) <= kMaxNameWords && !t.empty() && std::isupper(static_cast<unsigned char>(t[0])) &&
           t.find_first_of(",.;:!?") == std::string_view::npos;
  };
  if (i > begin + 1 && units[i - 1].line.kind == PageLineKind::Short && name(units[i - 1].text)) --i;
  if (i > begin + 1 && units[i - 1].text.ends_with(',') && count_words(units[i - 1].text) <= kMaxClosingWords) --i;
  return i;
}

/// Where the article ends when it closes with its author's bio: the bio and
/// anything short after it (a "Follow" button, the author's name) go.
std::size_t cut_closing_bio(const std::vector<Unit>& units, std::size_t begin, std::size_t end) {
  constexpr std::size_t kReach = 4;  // units looked at from the end
  for (std::size_t i = end, steps = 0; i > begin + 1 && steps < kReach; ++steps) {
    --i;
    if (is_author_bio(units[i].text)) return past_sign_off(units, begin, i);
    if (is_long_prose(units[i])) break;
  }
  return end;
}

/// The question and its top answer on a Q&A page: where the text ends, and
/// the answerer's header (name, credentials, "Book a visit") between the
/// question and the answer, which goes ([header_begin, header_end); empty when
/// there is none).
struct FirstAnswer {
  std::size_t end, header_begin = 0, header_end = 0;
};

/// A Q&A forum's page is read as the question and its top answer. Where each
/// post's signature stands under it ("answered Feb 2, 2025 at 12:15"), the
/// text ends at the first answer's. Where signatures open the posts ("Asked
/// by a 58-year-old woman · Nov 28" over the question, "Answered Nov 29" over
/// the answer), the answer follows its signature and ends before the next
/// answerer's name and the votes above it.
FirstAnswer cut_after_first_answer(const std::vector<Unit>& units, std::size_t title, std::size_t begin,
                                   std::size_t end) {
  constexpr std::size_t kMaxTrailer = 4;  // a vote row and the next answerer's name
  const auto signature = [&](std::size_t i, bool answer_only) {
    return units[i].line.rule == "page-qa-signature" &&
           is_qa_signature(units[i].text, count_words(units[i].text), answer_only);
  };
  // A question asked in sentences opens the text itself; its signature
  // ("Asked by Sneha R. · 2 days ago") then stands under it, over its body.
  std::size_t body = begin;
  if (title == begin) {
    std::size_t i = title + 1;
    while (i < end && units[i].line.kind != PageLineKind::Prose && !signature(i, false)) ++i;
    if (i < end && signature(i, false) && !signature(i, true)) body = i + 1;
  }
  std::size_t first = body + 1;
  while (first < end && !signature(first, true)) ++first;
  if (first >= end) return {end};
  // The question's own signature under it ("asked Feb 2, 2025 at 10:41") marks signatures that close posts.
  bool opens_posts = false;
  for (std::size_t i = title + 1; i < body; ++i) opens_posts = opens_posts || signature(i, false);
  for (std::size_t i = body; i < first; ++i) opens_posts = opens_posts && !signature(i, false);
  if (!opens_posts) return {first};
  const auto sentence = [&](std::size_t i) {
    return units[i].line.kind == PageLineKind::Prose && ends_sentence(units[i].text);
  };
  std::size_t header = first;
  while (header > body + 1 && !sentence(header - 1)) --header;
  std::size_t next = first + 1;
  while (next < end && !signature(next, false)) ++next;
  if (next < end)
    for (std::size_t k = 0; k < kMaxTrailer && next > first + 1; ++k) {
      if (sentence(next - 1) || is_bullet_item(units[next - 1].text)) break;
      --next;
    }
  return {next, header, first + 1};
}

/// A site-wide notice over the page ("Flu shots: Walk-in clinics run
/// Tuesdays ...", "Spoed? Bij levensgevaar belt u altijd 112. ...") is no
/// part of the text when a heading, or a category and a heading, stands
/// between it and the first long paragraph: the text starts under them. A
/// notice without a label needs the site's header (its menu button) under
/// it too.
std::size_t past_notice(const std::vector<Unit>& units, std::size_t begin, std::size_t end) {
  constexpr std::size_t kMaxLabelWords = 3, kMaxHeadingWords = 8, kMaxHeadings = 2;
  const std::string_view notice = units[begin].text;
  const std::size_t colon = std::min(notice.find(": "), notice.find("? "));
  const bool one_line = units[begin].first == units[begin].last;
  const bool labelled = colon != std::string_view::npos && count_words(notice.substr(0, colon)) <= kMaxLabelWords;
  const auto titled = [](const Unit& heading) {
    return heading.line.kind == PageLineKind::Short && count_words(heading.text) <= kMaxHeadingWords &&
           !ends_sentence(heading.text) && !heading.text.ends_with(':') && utf8::has_letter(heading.text);
  };
  // The site's menu button may lie between ("Menu"); without a label, it
  // must: an alert over the site's header ("Total fire ban declared today
  // … Check park alerts before you go", "Menu"), not a first paragraph
  // over a section of the text.
  std::size_t text = begin + 1, headings = 0;
  bool header_between = false, menu_between = false;
  for (; text < end; ++text) {
    const PageLineKind kind = units[text].line.kind;
    if (kind == PageLineKind::Chrome || kind == PageLineKind::Junk) {
      const bool menu = units[text].line.rule == "site-navigation";
      header_between = header_between || ((kind == PageLineKind::Chrome || menu) && headings == 0);
      menu_between = menu_between || (menu && headings == 0);
      continue;
    }
    if (kind == PageLineKind::Meta && menu_between) continue;  // the issue's date under the menu
    if (headings == kMaxHeadings || !titled(units[text])) break;
    ++headings;
  }
  // A paragraph of several lines is a notice only above the site's menu: a
  // newsletter's description over "Archive About Log in Subscribe".
  if (!one_line && !menu_between) return begin;
  // Under the site's menu, the headline's standfirst may come first.
  const bool text_follows = text < end && (is_long_prose(units[text]) || (menu_between && units[text].line.kind == PageLineKind::Prose));
  return (labelled || header_between) && headings > 0 && text_follows ? text : begin;
}

/// A question headline opens the run when a byline or a date follows it, or
/// when no heading stands above it: the run then starts at the text under it.
/// A headline of two sentences in Title Case ("I Stood at My Desk for a Year.
/// Here's What Changed.") is one wherever it stands: prose is never written so.
std::size_t past_question_headline(const std::vector<Unit>& units, std::size_t begin, std::size_t end) {
  if (!is_headline_sentence(units[begin])) return begin;
  std::size_t next = begin + 1;
  while (next < end && units[next].line.kind != PageLineKind::Prose) ++next;
  const std::string_view t = trim(units[begin].text);
  // Or one question in Title Case ("How Much Sleep Does Your Child Need?"): no one asks so in prose.
  constexpr std::size_t kMinTitleCaseWords = 4;
  constexpr double kMaxQuestionLower = 0.25;
  const bool title_case = (t.find(". ") != std::string_view::npos && ends_sentence(t)) ||
                          (t.ends_with('?') && count_words(t) >= kMinTitleCaseWords && lowercase_share(t) <= kMaxQuestionLower);
  // The last item of a breadcrumb list ("3. Vitamines et minéraux") is no
  // heading, nor is a line behind a picture (a show's logo and its name).
  const bool heading_above = begin > 0 && units[begin - 1].line.kind == PageLineKind::Short &&
                             units[begin - 1].line.score > kMenuItemScore && !is_bullet_item(units[begin - 1].text) &&
                             after_image_mark(units[begin - 1].text).empty() && !is_user_name(units[begin - 1].text);
  // The byline may stand under a standfirst: look past one for it.
  std::size_t reach = next;
  if (reach < end && count_words(units[reach].text) <= kMaxStandfirstWords)
    for (++reach; reach < end && units[reach].line.kind != PageLineKind::Prose;) ++reach;
  return next < end && (title_case || followed_by_meta(units, begin, reach) || !heading_above) ? next : begin;
}

/// A headline of two sentences that reads as prose ("The cold plunge craze
/// is everywhere. Here's what it can and can't do for you."): on one line
/// under a menu item, with a standfirst and a byline or a date under it.
bool is_headline_read_as_prose(const std::vector<Unit>& units, std::size_t begin, std::size_t end) {
  const Unit& u = units[begin];
  const std::string_view t = trim(u.text);
  if (begin == 0 || begin + 2 >= end || u.first != u.last || count_words(t) > kMaxTitleWords ||
      std::count(t.begin(), t.end(), '.') + std::count(t.begin(), t.end(), '?') > 2)
    return false;
  const PageLine& above = units[begin - 1].line;
  // Above it: chrome, a menu, the site's buttons ("Subscribe Sign in"), or a
  // section path ("Women's Health · Fitness") over a headline of two sentences.
  const std::string_view above_text = units[begin - 1].text;
  if (!(above.kind == PageLineKind::Chrome || above.score <= kMenuItemScore || is_bullet_item(above_text) ||
        is_call_to_action(above_text, count_words(above_text)) || is_ui_phrase(above_text, count_words(above_text)) ||
        (is_section_path(units[begin - 1].text) && is_headline_sentence(u))))
    return false;
  // The byline or the date right under a headline that does not end as a
  // sentence ("... přibylo. Hygienici radí, jak se nenakazit"); or the
  // standfirst, then the byline or the date.
  if (units[begin + 1].line.kind == PageLineKind::Meta && !ends_sentence(t)) return true;
  // Or the writer's name alone between them ("Ufuk Sağlık" over "Oluşturulma Tarihi: ...").
  constexpr std::size_t kMaxNameWords = 3;
  const bool named = begin + 3 < end && units[begin + 2].line.kind == PageLineKind::Short &&
                     count_words(units[begin + 2].text) <= kMaxNameWords && units[begin + 3].line.kind == PageLineKind::Meta;
  // The picture's caption may stand between the standfirst and the byline.
  const bool captioned = begin + 3 < end && units[begin + 2].line.kind == PageLineKind::Prose &&
                         count_words(units[begin + 2].text) <= kMaxStandfirstWords &&
                         units[begin + 3].line.kind == PageLineKind::Meta;
  if (units[begin + 1].line.kind == PageLineKind::Prose && count_words(units[begin + 1].text) <= kMaxStandfirstWords &&
      (units[begin + 2].line.kind == PageLineKind::Meta || named || captioned))
    return true;
  // Or the writer's name and role, then the date: "Anna Krzemińska-Rudnik, dziennikarka" over "Aktualizacja: ...".
  constexpr std::size_t kMaxNameRoleWords = 5;
  if (units[begin + 1].line.kind == PageLineKind::Short && count_words(units[begin + 1].text) <= kMaxNameRoleWords &&
      units[begin + 2].line.kind == PageLineKind::Meta)
    return true;
  // A headline of two sentences in Title Case over short lines (a subtitle
  // without a stop, the writer's name, "Follow") and then the byline or date:
  // "I Had a Pulmonary Embolism at 31. I Almost Talked Myself Out of Going to the ER."
  constexpr std::size_t kMetaReachUnits = 5;
  if (!is_headline_sentence(u)) return false;
  for (std::size_t i = begin + 1; i < end && i <= begin + kMetaReachUnits; ++i) {
    if (units[i].line.kind == PageLineKind::Meta) return i > begin + 1;
    if (units[i].line.kind != PageLineKind::Short) return false;
  }
  return false;
}

PageFacts page_facts(const std::vector<Unit>& units, std::size_t begin) {
  constexpr std::size_t kLeadUnits = 3;  // paragraphs whose words a headline shares
  PageFacts facts;
  for (std::size_t i = begin, n = 0; i < units.size() && n < kLeadUnits; ++i)
    if (units[i].line.kind == PageLineKind::Prose) {
      facts.lead += units[i].text + " ";
      facts.lead_paragraphs.push_back(units[i].text);
      ++n;
    }
  facts.toc = toc_items(units);
  facts.crumbs = breadcrumb_trail(units, begin);
  for (const Unit& u : units) {
    ++facts.seen[seen_key(u.text)];
    if (u.line.rule == "copyright" || u.line.rule == "page-footer") facts.footer.push_back(ascii_lower(u.text));
  }
  return facts;
}

/// A contents label ("On this page") or an item of the list under it.
bool in_contents_box(const std::vector<Unit>& units, std::size_t i) {
  std::size_t top = i;
  while (top > 0 && is_bullet_item(units[top].text)) --top;
  if (top > 0 && is_contents_toggle(units[top].text)) --top;
  return is_contents_label(units[top].text);
}

struct RegionBounds {
  std::size_t title, begin, end;  // unit indexes: the headline, the first prose, past the last kept
  std::size_t box_end = 0;        // past a box of facts under the headline (0: none)
  std::size_t header_begin = 0, header_end = 0;  // the answerer's header on a Q&A page (FirstAnswer)
};

/// Whether `lower` holds one of `phrases` as whole words ("app", not "apply").
bool has_any_phrase(std::string_view lower, const std::vector<std::string>& phrases) {
  const auto word_char = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; };
  for (const std::string& p : phrases)
    for (std::size_t at = lower.find(p); at != std::string_view::npos; at = lower.find(p, at + 1))
      if ((at == 0 || !word_char(lower[at - 1])) &&
          (at + p.size() >= lower.size() || !word_char(lower[at + p.size()])))
        return true;
  return false;
}

/// Units of sign-up, app and donation boxes in [from, end): a short heading,
/// at most one short line of pitch, and a button or a form ("Heart Health
/// Newsletter" / "Tips and news every Tuesday." / "[ ]Sign Up"), one of
/// them naming what the box wants (data/pages/box_words.txt); with the fine
/// print under the button ("You can unsubscribe at any time.").
std::vector<bool> sign_up_boxes(const std::vector<Unit>& units, std::size_t from, std::size_t end) {
  constexpr std::size_t kMaxPitchWords = 25, kMaxHeadingWords = 8, kMaxFinePrintWords = 12, kMaxFormWords = 12;
  std::vector<bool> out(units.size(), false);
  // A button on its own, a form with its button, or a pitch and its button
  // run together ("...every Thursday. Sign up now").
  const auto is_button = [&](const Unit& u) {
    const std::size_t words = count_words(u.text);
    const std::size_t stop = u.text.rfind(". ");
    const std::string_view tail = stop == std::string::npos ? std::string_view() : std::string_view(u.text).substr(stop + 2);
    return is_call_to_action(u.text, words) || (u.line.rule == "page-form" && words <= kMaxFormWords) ||
           (!tail.empty() && words <= kMaxPitchWords && is_call_to_action(tail, count_words(tail)));
  };
  for (std::size_t b = from + 1; b < end; ++b) {
    if (!is_button(units[b])) continue;
    std::size_t top = b - 1;
    if (units[top].line.kind == PageLineKind::Prose && count_words(units[top].text) <= kMaxPitchWords && top > from)
      --top;
    const Unit& heading = units[top];
    // A list item's last line over a button ("the rash is widespread" over "Request an appointment") is no heading.
    // The heading may ask: "Would you like to talk to a physiotherapist?".
    const bool question = heading.line.kind == PageLineKind::Prose && heading.text.ends_with('?');
    if ((heading.line.kind != PageLineKind::Short && !question) || count_words(heading.text) > kMaxHeadingWords ||
        heading.text.ends_with(':') ||
        (std::islower(static_cast<unsigned char>(heading.text.front())) && count_words(heading.text) > 1))
      continue;
    bool named = false;
    for (std::size_t i = top; i <= b && !named; ++i)
      named = has_any_phrase(utf8::fold_case(units[i].text), page_phrases("box_words"));
    if (!named) continue;
    for (std::size_t i = top; i <= b; ++i) out[i] = true;
    if (b + 1 < end && count_words(units[b + 1].text) <= kMaxFinePrintWords &&
        has_any_phrase(utf8::fold_case(units[b + 1].text), {"unsubscribe", "spam", "privacy"}))
      out[b + 1] = true;
  }
  return out;
}

/// author_box_at() for a box that ends right at `end`: its first unit, or `end`.
std::size_t author_box_ending(const std::vector<Unit>& units, std::size_t from, std::size_t end) {
  constexpr std::size_t kMaxNameWords = 6, kMinBioWords = 12, kMaxBioWords = 80, kReach = 25;
  if (end < from + 2) return end;
  const std::size_t name = end - 2;
  const std::string& who = units[name].text;
  const std::string& bio = units[name + 1].text;
  const std::size_t bio_words = count_words(bio);
  if (units[name].line.kind == PageLineKind::Prose || count_words(who) > kMaxNameWords || ends_sentence(who) ||
      who.ends_with('?') || bio_words < kMinBioWords || bio_words > kMaxBioWords)
    return end;
  // Every word of the name capitalised (after "Dr."), and one of them in the
  // biography's opening words, before "is" or "has".
  std::vector<std::string> parts;
  for (std::string_view rest = trim(std::string_view(who).substr(0, who.find(','))); !rest.empty();) {
    const std::size_t space = rest.find(' ');
    const std::string w(rest.substr(0, space));
    if (w != "Dr." && w != "Dr") parts.push_back(w);
    rest = space == std::string_view::npos ? std::string_view() : trim(rest.substr(space + 1));
  }
  if (parts.size() < 2 || parts.size() > 4 ||
      std::any_of(parts.begin(), parts.end(), [](const std::string& w) { return !std::isupper(static_cast<unsigned char>(w[0])); }))
    return end;
  std::size_t cut = 0;
  for (std::size_t words = 0; cut != std::string::npos && words < kReach; ++words) cut = bio.find(' ', cut + 1);
  const std::string opening = bio.substr(0, cut);
  const bool named = std::any_of(parts.begin(), parts.end(), [&](const std::string& w) {
    return opening.find(w + " is ") != std::string::npos || opening.find(w + " has ") != std::string::npos;
  });
  return named ? name : end;
}

/// An author box at the end of the text: a person's name on its own line
/// ("Dr. Kavita Deshmukh") over a short biography that names them and says
/// what they are ("MBBS, MD … Dr. Deshmukh is a Consultant Endocrinologist
/// …", "Priya is a registered social worker …"), perhaps over the site's
/// disclaimer. The box's first unit, or `end` when the last units are no
/// such box.
std::size_t author_box_at(const std::vector<Unit>& units, std::size_t from, std::size_t end) {
  // The box may have the site's disclaimer under it, which goes anyway.
  std::size_t last = end;
  while (last > from && (units[last - 1].line.kind == PageLineKind::Junk || units[last - 1].line.kind == PageLineKind::Chrome))
    --last;
  const std::size_t box = author_box_ending(units, from, last);
  return box == last ? end : box;
}

/// Marks a service box inside [from, end) in `boxes`: a short question for a
/// heading ("Questions?", "Precisa de aconselhamento?") over a line that
/// gives a telephone number ("... call the Nurse Line at (555) 555-0172"),
/// and a button under it if one follows. Never a box that speaks of an
/// emergency: that is a warning.
void mark_service_boxes(const std::vector<Unit>& units, std::size_t from, std::size_t end, std::vector<bool>& boxes) {
  constexpr std::size_t kMaxQuestionWords = 5, kMaxLineWords = 45, kMaxLines = 2;
  for (std::size_t q = from; q + 1 < end; ++q) {
    const std::string& heading = units[q].text;
    if (!heading.ends_with('?') || count_words(heading) > kMaxQuestionWords) continue;
    // The number on the line under the question, or on the one after (a pitch, then "Book Appointment Call …").
    std::string lower = utf8::fold_case(heading);
    std::size_t last = 0;
    for (std::size_t k = q + 1; k < end && k <= q + kMaxLines && count_words(units[k].text) <= kMaxLineWords; ++k) {
      lower += " " + utf8::fold_case(units[k].text);
      if (holds_phone_number(units[k].text)) {
        last = k;
        break;
      }
    }
    if (last == 0 || speaks_of_emergency(lower)) continue;
    for (std::size_t k = q; k <= last; ++k) boxes[k] = true;
    if (last + 1 < end && is_call_to_action(units[last + 1].text, count_words(units[last + 1].text))) boxes[last + 1] = true;
  }
}

/// An entry of a live blog's list, behind its bullet: "• 11:04 a.m. Airlines waive ...", "• 09:48 ...".
bool opens_with_clock(std::string_view t) {
  if (t.starts_with("\u2022")) t = trim(t.substr(3));
  const std::size_t clock = clock_bytes(t);
  return clock > 0 && t.size() > clock;
}

/// The units of a live blog's box set into the text, by index: after a
/// "LIVE" badge inside [begin, end), the box's title, its timed entries and
/// a closing "See all updates".
std::vector<bool> live_boxes(const std::vector<Unit>& units, std::size_t begin, std::size_t end) {
  std::vector<bool> out(units.size(), false);
  for (std::size_t b = begin + 1; b < end; ++b) {
    if (units[b].line.rule != "live-badge") continue;
    std::size_t i = b + 1;
    while (i < end && units[i].line.kind == PageLineKind::Short && !opens_with_clock(units[i].text)) out[i++] = true;
    const std::size_t entries = i;
    while (i < end && opens_with_clock(units[i].text)) out[i++] = true;
    if (i > entries && i < end && units[i].line.kind == PageLineKind::Short &&
        utf8::fold_case(units[i].text).find("update") != std::string::npos)
      out[i] = true;
  }
  return out;
}

/// The heading of a list of the site's stories: "Trending Now", "Most read", "Lo más leído".
bool names_story_list(std::string_view heading) {
  static constexpr std::string_view kLists[] = {"trending", "most read", "most popular", "popular now", "top stories",
                                                "latest news", "más leído", "más leídas", "meistgelesen",
                                                "les plus lus", "più letti", "mais lidas"};
  const std::string lower = utf8::fold_case(heading);
  return count_words(heading) <= 5 && std::any_of(std::begin(kLists), std::end(kLists), [&](std::string_view l) {
           return lower.find(l) != std::string::npos;
         });
}

/// The lines inside the region that go anyway: chrome; under the headline,
/// before the text, bylines, dates and short Title Case lines such as a desk
/// name or a bare author name; bylines and dates further down; contents
/// items; the headline again (a recipe card, a sticky header); ratings.
/// A sentence that leads into a list: "Damit die Werte vergleichbar sind, sollten Sie ... halten:".
bool is_lead_in(std::string_view t) {
  constexpr std::size_t kMinWords = 6;
  return t.ends_with(':') && count_words(t) >= kMinWords;
}

/// A list item that names a term and goes on to say what it means, in
/// lowercase: "Thirsty: being really thirsty and unable to quench it". Two
/// in a row are a list of the text's, never a box of linked headlines.
bool is_defined_item(std::string_view t) {
  constexpr std::size_t kMaxTermWords = 3, kMinWords = 5;
  const std::size_t colon = t.find(": ");
  return colon != std::string_view::npos && count_words(t.substr(0, colon)) <= kMaxTermWords &&
         count_words(t) >= kMinWords && opens_lowercase(t.substr(colon + 2));
}

/// The linked stories under a "Read also" heading or in a list of the site's
/// stories set into the text (units [from, end)), up to the next paragraph or
/// section heading.
std::vector<bool> link_boxes(const std::vector<Unit>& units, std::size_t from, std::size_t begin, std::size_t end) {
  constexpr std::size_t kMaxStoryTitleWords = 14;
  std::vector<bool> linked(units.size(), false);
  bool in_link_box = false;
  for (std::size_t i = from; i < end; ++i) {
    const PageLine& l = units[i].line;
    // A "Read also" heading, or a list of the site's stories ("Trending Now") set into the text.
    // A shouted "RELATED STORIES" may have been taken for a capitalised inline link first.
    const bool marker = i > begin &&
                        ((l.kind == PageLineKind::Chrome &&
                          (l.rule == "page-related" || (l.rule == "page-widget" && i + 1 < end &&
                                                        is_bullet_item(units[i + 1].text) && names_story_list(units[i].text)))) ||
                         (l.rule == "promo" && is_end_marker(units[i].text, count_words(units[i].text))));
    // A heading set apart over the next paragraph ends the box ("I sintomi da
    // riconoscere"), unless the paragraph opens with it (a name over its bio).
    const bool heading_shaped = l.kind == PageLineKind::Short ||
                                (count_words(units[i].text) <= kMaxStoryTitleWords && !units[i].text.ends_with('.'));
    const bool section_heading = heading_shaped && !marker && !is_bullet_item(units[i].text) &&
                                 units[i].first > units[i - 1].last + 1 &&
                                 i + 1 < end &&
                                 (units[i + 1].line.kind == PageLineKind::Prose || is_lead_in(units[i + 1].text) ||
                                  (i + 2 < end && is_defined_item(units[i + 1].text) &&
                                   is_defined_item(units[i + 2].text))) &&
                                 !units[i + 1].text.starts_with(units[i].text) && !is_author_bio(units[i + 1].text);
    // A linked story's title may read as prose ("• Bluthochdruck: Wie viel Salz ist noch gesund?"),
    // a headline with no full stop.
    const bool story_item = l.kind == PageLineKind::Prose &&
                            (is_bullet_item(units[i].text) || !units[i].text.ends_with('.')) &&
                            count_words(units[i].text) <= kMaxStoryTitleWords && units[i].first == units[i].last;
    linked[i] = in_link_box && (l.kind == PageLineKind::Short || story_item) && !section_heading;
    in_link_box = marker || (in_link_box && (l.kind != PageLineKind::Prose || story_item) && !section_heading);
  }
  return linked;
}

/// Whether unit `i` of the region is a byline, a date or a Q&A signature.
bool is_byline_inside(const std::vector<Unit>& units, std::size_t i, RegionBounds r) {
  const PageLine& l = units[i].line;
  const bool desk_or_name = l.kind == PageLineKind::Short && l.score <= kMenuItemScore && i + 1 < r.begin;
  // Under a picture's caption that opened the text: "Hannah Pryce Health correspondent", "Fri 4 Dec 2026 06.00 GMT ...".
  const bool late_byline = l.kind == PageLineKind::Short && !ends_sentence(units[i].text) &&
                           (is_author_role(units[i].text) || is_date_row(units[i].text, count_words(units[i].text)));
  return (i < r.begin && (l.kind == PageLineKind::Meta || desk_or_name || is_name_before_separator(units, i))) ||
         late_byline || (l.kind == PageLineKind::Meta && (l.rule == "page-byline" || l.rule == "page-qa-signature")) ||
         // "Author: Jenna Ruiz (NewsCenter 9)" reads as a label and its value too
         (l.kind == PageLineKind::Meta && l.rule == "page-card-fact" && starts_like_byline(units[i].text)) ||
         // the user name under a Q&A signature
         (i > 0 && units[i - 1].line.rule == "page-qa-signature" && l.kind == PageLineKind::Short &&
          count_words(units[i].text) == 1);
}

std::vector<PageLine> dropped_inside(const std::vector<Unit>& units, RegionBounds r, const std::vector<bool>& toc) {
  std::vector<PageLine> out;
  std::vector<bool> boxes = sign_up_boxes(units, r.begin, r.end);
  mark_service_boxes(units, r.begin, r.end, boxes);
  for (std::size_t i = author_box_at(units, r.begin, r.end); i < r.end; ++i) boxes[i] = true;
  const std::vector<bool> live_box = live_boxes(units, r.begin, r.end);
  const std::size_t first = r.title + (r.title < r.begin ? 1 : 0);
  const std::vector<bool> links = link_boxes(units, first, r.begin, r.end);
  for (std::size_t i = first; i < r.end; ++i) {
    const PageLine& l = units[i].line;
    const bool linked = links[i];
    const bool live = live_box[i];
    const bool byline = is_byline_inside(units, i, r);
    const bool title_again = r.title < r.begin && i != r.title && units[i].text == units[r.title].text;
    const bool rating = l.rule == "page-card-fact" && is_rating(units[i].text);
    const bool tabs = i < r.begin && l.kind == PageLineKind::Short &&
                      names_later_headings(units, units[i].text, i + 1, r.end);
    // A shared rule matches one line at a time in the parser; a wrapped
    // paragraph it matched as a whole goes with all its lines.
    const bool junk = (l.kind == PageLineKind::Junk && (l.rule.starts_with("page-") || units[i].last > units[i].first)) ||
                      // A vote count or an arrow; a live blog's "09:48" stays.
                      (l.kind == PageLineKind::Short && !utf8::has_letter(units[i].text) &&
                       units[i].text.find(':') == std::string::npos);
    const bool infobox = i < r.begin && (is_box_line(units[i].text) || is_fact_row(units, i) || i < r.box_end);  // a summary above the text
    // A picture's alt text or caption right over its credit line ("Maren Tolle / Stockhaus").
    const bool credited = l.kind == PageLineKind::Short && credited_at(units, i, r.end) &&
                          !ends_sentence(units[i].text) && !is_bullet_item(units[i].text);
    // A picture's alt text over its caption, which ends in or stands over the
    // credit ("Family of five smiling on a beach"), between the headline and
    // the text or between two paragraphs.
    const bool alt_text = l.kind == PageLineKind::Short && i + 2 < r.end && !ends_sentence(units[i].text) &&
                          !is_bullet_item(units[i].text) && (i < r.begin || units[i - 1].line.kind == PageLineKind::Prose) &&
                          (is_credited_caption(units[i + 1].text) ||
                           (credited_at(units, i + 1, r.end) && units[i + 1].line.kind == PageLineKind::Short));
    const bool contents = in_contents_box(units, i);
    const bool answerer = i >= r.header_begin && i < r.header_end;
    const bool product = i >= r.begin && in_product_card(units, i, r.end);
    if (!(l.kind == PageLineKind::Chrome || byline || toc[i] || title_again || rating || tabs || junk || infobox ||
          linked || live || contents || boxes[i] || credited || alt_text || answerer || product))
      continue;
    for (std::size_t n = units[i].first; n <= units[i].last; ++n) {
      PageLine d = l;
      d.number = n;
      if (toc[i] || contents) d.rule = "page-table-of-contents";
      if (title_again) d.rule = "page-title-repeated";
      if (rating) d.rule = "page-rating";
      if (tabs) d.rule = "page-table-of-contents";
      if (infobox) d.rule = "page-infobox";
      if (credited || alt_text) d.rule = "photo-credit";
      if (linked) d.rule = "page-related";
      if (live) d.rule = "page-live-box";
      if (boxes[i] && l.kind != PageLineKind::Chrome) d.rule = "page-sign-up-box";
      if (answerer && l.kind != PageLineKind::Chrome) d.rule = "page-qa-signature";
      if (product && l.kind != PageLineKind::Chrome) d.rule = "page-product-card";
      out.push_back(d);
    }
  }
  return out;
}

/// A table of contents's entry read as prose ("Is it swelling or something
/// more?", a question that comes back as a heading below) opens no text: the
/// text starts at the first prose under the entries.
std::size_t past_contents_entries(const std::vector<Unit>& units, std::size_t begin, std::size_t end) {
  const std::vector<bool> toc = toc_items(units);
  if (begin >= end || !is_contents_entry(units, toc, begin)) return begin;
  std::size_t i = begin;
  while (i < end && (is_contents_entry(units, toc, i) || units[i].line.kind != PageLineKind::Prose)) ++i;
  return i < end ? i : begin;
}

}  // namespace

PageRegion find_article_region(std::string_view text, const BoilerplateFilter& filter) {
  PageRegion region;
  const std::vector<RawLine> lines = raw_lines(text);
  const std::size_t wrapped = wrap_width(lines);
  const std::vector<Unit> units = make_units(lines, wrapped, filter);
  auto [begin, end] = best_run(units);
  if (begin == end) return region;
  end = end_before_long_furniture(units, begin, end);
  begin = past_question_headline(units, past_notice(units, past_breadcrumb_list(units, begin, end), end), end);
  // The trail's last item may ask the question too, worded otherwise: the headline is the one nearer the text.
  begin = past_question_headline(units, begin, end);
  begin = past_contents_entries(units, begin, end);
  const bool prose_headline = is_headline_read_as_prose(units, begin, end);
  if (prose_headline) ++begin;
  const PageFacts facts = page_facts(units, begin);
  const TitleChoice choice = prose_headline ? TitleChoice{begin - 1} : find_title(units, begin, end, facts);
  const std::size_t title = choice.unit;
  end = extend_over_closing_list(units, extend_over_list(units, end));
  end = cut_closing_bio(units, begin, extend_over_sign_off(units, cut_at_end_marker(units, begin, end)));
  const FirstAnswer answer = cut_after_first_answer(units, title, begin, end);
  end = answer.end;

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
  region.title_last_line = title < begin ? units[title].last : 0;
  region.title_kicker_bytes = title < begin ? kicker_bytes(units, title) : 0;
  region.dropped_outside = std::move(outside);
  region.dropped_inside =
      dropped_inside(units, {title, begin, end, choice.box_end, answer.header_begin, answer.header_end}, facts.toc);
  // Only a page with menus is a select-all copy; otherwise paragraphs keep their lines.
  region.lines_are_paragraphs = page && wrapped == 0;
  return region;
}

}  // namespace readaloud
