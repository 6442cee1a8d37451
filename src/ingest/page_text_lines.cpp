// Whole-page text, line by line: what each line looks like (prose, a menu
// item, a byline, chrome), and the cleaning a text browser's dump needs
// (link marks, transcript times, two-column layouts).

#include "ingest/page_text.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <limits>
#include <map>

#include "ingest/decode.hpp"
#include "ingest/page_text_rules.hpp"
#include "ingest/page_text_units.hpp"
#include "util/regex.hpp"
#include "util/text.hpp"
#include "util/utf8.hpp"

namespace readaloud::page_text_detail {
namespace {

// Weights of the lines that are neither prose nor chrome (page_text_units.hpp).
constexpr double kMetaScore = -1.0;
constexpr double kShortScore = -0.7;

bool is_space(char c) { return c == ' ' || c == '\t'; }

/// Columns a text browser gives the character that starts with byte `lead`:
/// CJK and fullwidth characters take two.
std::size_t columns_of(unsigned char lead) { return (lead >= 0xE3 && lead <= 0xED) || lead == 0xEF ? 2 : 1; }

// Sentence stops of other scripts: Devanagari and Bengali । ॥, Arabic ؟, Urdu ۔.
constexpr std::array<std::string_view, 4> kScriptStops = {"\u0964", "\u0965", "\u061F", "\u06D4"};

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

/// A line of Thai, Lao or Khmer long enough to be a paragraph's sentences,
/// which those scripts end with a space, not a stop.
bool is_unstopped_prose(std::string_view t) {
  constexpr std::size_t kMinChars = 80;
  return unstopped_script_chars(t) >= kMinChars;
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
    // Two credits in the lead want more words, when a date follows: "Authored by Dr A. Kerr,
    // Reviewed by Dr H. Pembury | Last edited 4 Apr 2028 | ...".
    constexpr std::size_t kMaxLeadWords = 6, kMaxCreditsWords = 10;
    const std::size_t lead_words = count_words(lead);
    if (lead_words >= 2 && starts_like_byline(lead) &&
        (lead_words <= kMaxLeadWords || (lead_words <= kMaxCreditsWords && has_date(t.substr(at)))))
      return true;
    // Or a dated row whose later item names the writer: "Cats, Poisons | 24 April 2029 | By Dr Fiona Marr";
    // after the date, the bare name will do: "July 28, 2027 · Lise Bergeron · 3 responses".
    if (!has_date(t)) continue;
    constexpr std::size_t kMaxBylineWords = 8, kMaxDateWords = 4;
    const bool date_first = has_date(lead) && count_words(lead) <= kMaxDateWords;
    for (std::size_t from = at + sep.size(); from < t.size();) {
      const std::size_t next = std::min(t.find(sep, from), t.size());
      const std::string_view item = trim(t.substr(from, next - from));
      if (count_words(item) >= 2 && count_words(item) <= kMaxBylineWords && starts_like_byline(item)) return true;
      if (date_first && count_words(item) >= 2 && is_name(item)) return true;
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
  // Spanish writes it spaced: "9 de octubre de 2028 - 10:15 a. m.".
  const bool time_last = t.ends_with(" a.m.") || t.ends_with(" p.m.") || t.ends_with(" a. m.") || t.ends_with(" p. m.");
  // Croatian and Serbian put a dot after the year: "8. ožujka 2028.".
  constexpr std::size_t kYearDot = 5;
  const bool year_dot = t.size() > kYearDot && t.back() == '.' && t[t.size() - kYearDot - 1] == ' ' &&
                        std::all_of(t.end() - kYearDot, t.end() - 1, [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; });
  if (words > 14 || (ends_sentence(t) && !time_last && !year_dot)) return false;
  if (words >= 2 && starts_like_byline(t)) return true;
  const std::string lower = ascii_lower(t);
  for (std::string_view reading : {"min read", "minute read", "min. read", "mins to read", "min to read", "minutes to read",
                                   "lecture ", "lesezeit", "de lectura",
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

/// Title Case items of one to three words: "World", "Health News", "Sign Up";
/// not a question.
bool looks_like_menu_item(std::string_view t, std::size_t words) {
  // "What Is Hyperthyroidism?" asks, and "Electroencefalograma (EEG)" spells out; a menu names.
  if (words > 3 || t.ends_with('?') || (t.ends_with(')') && t.find(" (") != std::string_view::npos &&
                                        std::isupper(static_cast<unsigned char>(t[t.find(" (") + 2])))) return false;
  const std::vector<std::string_view> all = words_of(t);
  return std::none_of(all.begin(), all.end(), [](std::string_view w) { return w.front() >= 'a' && w.front() <= 'z'; });
}

bool is_chrome_rule(std::string_view rule) {
  return rule.starts_with("page-") || rule == "site-navigation" || rule == "copyright";
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

/// Whether the stop at `at` follows a lone initial: "H. pylori", "J. Smith"
/// (an initialism's last stop may end a sentence: "... to the E.R. With ...").
bool is_initial_dot(std::string_view t, std::size_t at) {
  return at >= 1 && std::isupper(static_cast<unsigned char>(t[at - 1])) && (at == 1 || t[at - 2] == ' ');
}

constexpr std::size_t kMinListClauseWords = 6;

/// A bulleted item that opens with a lowercase word: "• you keep vomiting".
bool is_list_clause(std::string_view t) {
  for (std::string_view bullet : {"\u2022 ", "- ", "* "})
    if (t.starts_with(bullet)) return opens_lowercase(t.substr(bullet.size()));
  return false;
}

}  // namespace

std::size_t display_width(std::string_view s) {
  std::size_t width = 0;
  for (char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if ((c & 0xC0) == 0x80) continue;
    width += columns_of(c);
  }
  return width;
}

bool ends_sentence(std::string_view t) {
  while (!t.empty() && std::string_view("\"')]").find(t.back()) != std::string_view::npos) t.remove_suffix(1);
  if (t.empty()) return false;
  if (t.ends_with("\u2026") || t.ends_with("\u3002") || t.ends_with("\uFF01") || t.ends_with("\uFF1F")) return true;
  for (std::string_view stop : kScriptStops)
    if (t.ends_with(stop)) return true;
  return std::string_view(".!?").find(t.back()) != std::string_view::npos;
}

std::size_t word_weight(std::string_view t) {
  std::size_t cjk = 0;
  for (std::size_t i = 0; i < t.size(); ++i)
    if (static_cast<unsigned char>(t[i]) >= 0xE3 && static_cast<unsigned char>(t[i]) <= 0xE9) ++cjk;
  return std::max({count_words(t), cjk / 2, unstopped_script_chars(t) / kUnstoppedCharsPerWord});
}

bool items_at_most(std::string_view t, std::string_view sep, std::size_t max_words) {
  for (std::size_t pos = 0; pos <= t.size();) {
    const std::size_t next = std::min(t.find(sep, pos), t.size());
    if (count_words(t.substr(pos, next - pos)) > max_words) return false;
    pos = next + sep.size();
  }
  return true;
}

bool is_link_bar(std::string_view t, std::size_t words) {
  // A full-width bar needs no spaces: "ホーム｜梅仕事｜晩ごはん".
  static constexpr std::array<std::string_view, 9> kSeparators{" > ", " \u203A ", " \u00BB ", " / ", " | ",
                                                               " \u00B7 ", " \u2022 ", " :: ", "\uFF5C"};
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

bool is_section_path(std::string_view t) {
  for (std::string_view sep : {std::string_view(" / "), std::string_view(" > "), std::string_view(" \u203A "),
                               std::string_view(" \u00BB "), std::string_view(" \u00B7 ")})
    if (t.find(sep) != std::string_view::npos && !ends_sentence(t) && items_at_most(t, sep, 3)) return true;
  return false;
}

bool is_trail(std::string_view t) {
  return is_section_path(t) && t.find(" / ") == std::string_view::npos;
}

bool is_home_link(std::string_view t) {
  static constexpr std::string_view kHomeAlone[] = {"strona główna", "hem", "startsida", "domů", "úvod",
                                                    "acasă", "forside", "etusivu", "főoldal"};
  const std::string key = utf8::fold_case(trim(t));
  return std::ranges::find(kHome, key) != std::end(kHome) || std::ranges::find(kHomeAlone, key) != std::end(kHomeAlone);
}

bool holds_home_trail(std::string_view t) {
  for (std::string_view sep : kCrumbSeparators) {
    const std::size_t home = t.find("Home" + std::string(sep));
    if (home != std::string_view::npos && (home == 0 || t[home - 1] == ' ') &&
        t.find(sep, home + 4 + sep.size()) != std::string_view::npos)
      return true;
  }
  return false;
}

bool is_date_row(std::string_view t, std::size_t words) {
  constexpr std::size_t kMaxWords = 20;
  static constexpr std::string_view kDateWords[] = {
      "mon", "tue", "wed", "thu", "fri", "sat", "sun", "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep",
      "oct", "nov", "dec", "gmt", "bst", "utc", "cet", "cest", "est", "edt", "pst", "pdt", "am", "pm", "a.m.", "p.m.",
      "last", "modified", "updated", "published", "on", "at", "ago", "hour", "hours", "minute", "minutes", "mins"};
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

bool has_menu_bullet(std::string_view t) {
  for (std::string_view b : {"\u203A", "\u00BB", "\u2192", "\u25B8", "\u25BA", "\u25B6", "\u276F", "\u2610",
                             "\u2611", "\u2612", "\u2713", "\u2714", "\u27A4", "+ "})
    if (t.starts_with(b)) return true;
  return false;
}

bool is_box_line(std::string_view t) {
  return t.size() >= 3 && static_cast<unsigned char>(t[0]) == 0xE2 &&
         (static_cast<unsigned char>(t[1]) == 0x94 || static_cast<unsigned char>(t[1]) == 0x95);
}

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

bool opens_lowercase(std::string_view t) {
  if (t.empty()) return false;
  const auto c = static_cast<unsigned char>(t[0]);
  const auto next = t.size() > 1 ? static_cast<unsigned char>(t[1]) : 0;
  return (c >= 'a' && c <= 'z') || (c == 0xC3 && next >= 0x9F);
}

}  // namespace readaloud::page_text_detail

namespace readaloud {

using namespace page_text_detail;

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
  while (stop != std::string_view::npos && (is_ordinal_dot(t, stop) || is_initial_dot(t, stop))) stop = t.find(". ", stop + 2);
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

}  // namespace readaloud
