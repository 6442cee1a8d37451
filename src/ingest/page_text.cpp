#include "ingest/page_text.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <functional>
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

/// Whether unit `i` stands in the rows under the byline or the date, with no
/// paragraph between: "Tue 3 Oct 2028", "Share on Facebook", "Comments 214".
bool under_byline(const std::vector<Unit>& units, std::size_t i) {
  constexpr std::size_t kReach = 4;
  for (std::size_t j = i; j > 0 && i - j < kReach; --j) {
    if (units[j - 1].line.kind == PageLineKind::Meta) return true;
    if (is_long_prose(units[j - 1])) return false;
  }
  return false;
}

/// A marker with a list of links under it ("Topics", then "Drought",
/// "Utilities", "North-west England"): the article does not go on after a
/// list of tags, whatever prose comes later (a donation box, a teaser).
bool opens_link_list(const std::vector<Unit>& units, std::size_t i, std::size_t end) {
  constexpr std::size_t kMinItems = 3, kMaxItemWords = 4;
  // A table of contents under a share row ("Compartir", then "En esta página") opens the text.
  if (i + 1 < end && is_contents_label(units[i + 1].text)) return false;
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
  for (std::size_t j = i + 1; j < end && units[j].line.rule != "page-comments"; ++j) {
    // Under a sign-up form is the site's footer: its legal paragraph is no text.
    if (units[j].line.rule == "page-form") return false;
    if (is_long_prose(units[j]) && !is_author_bio(units[j].text)) return true;
  }
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

/// A blog's links to the posts before and after this one, on one line or two:
/// "← Why we check more than your teeth Your child's first dental visit →".
bool links_next_posts(const std::vector<Unit>& units, std::size_t i, std::size_t end) {
  const auto back = [](std::string_view t) { return t.starts_with("\u2190 ") || t.starts_with("\u2039 "); };
  const auto on = [](std::string_view t) { return t.ends_with(" \u2192") || t.ends_with(" \u203A"); };
  // The posts' titles, not a gallery's "‹ Previous Next ›".
  constexpr std::size_t kMinTitlesWords = 5, kMinTitleWords = 3;
  const std::string_view t = units[i].text;
  if (!back(t)) return false;
  if (on(t)) return count_words(t) >= kMinTitlesWords;
  return i + 1 < end && on(units[i + 1].text) && count_words(t) >= kMinTitleWords &&
         count_words(units[i + 1].text) >= kMinTitleWords;
}

std::size_t cut_at_end_marker(const std::vector<Unit>& units, std::size_t begin, std::size_t end) {
  bool long_prose_before = false;  // a tool row's comment count under the headline, above all the text, ends nothing
  for (std::size_t i = begin + 1; i < end; ++i) {
    const std::string& rule = units[i].line.rule;
    const bool comments = rule == "page-comments" || page_chrome_rule(units[i].text, count_words(units[i].text)) == "page-comments";
    // Back matter ("Sources", "About the author") ends the article, however long its entries.
    // A shared rule may have named a comment heading a widget first: "Comments (38)".
    // Under a standfirst, the byline's row may count the comments too: "Comments 214";
    // under a whole post, its signature's row opens them.
    const bool byline_row = in_tool_row(units, i) && under_byline(units, i) &&
                            prose_words(units, begin, i) <= 2 * kMaxStandfirstWords;
    if ((comments && !byline_row && (long_prose_before || !in_tool_row(units, i))) || rule == "sources" || rule == "author-bio" ||
        rule == "press-backmatter" || (rule == "paywall-gate" && long_prose_before) ||
        is_reference_heading(units[i].text, count_words(units[i].text)))
      return i;
    // A fact sheet's "Last updated: March 2026" under its text closes it, with
    // no more than a sidebar's paragraph or two after it; so does "Was this helpful?".
    // So does the writer's bio ("Gillian Frost is Hale & Hearty's health editor. ..."),
    // the name over it going with it (cut_closing_bio).
    const bool bio = long_prose_before && units[i].line.kind == PageLineKind::Prose && is_author_bio(units[i].text);
    if ((rule == "review-date" || rule == "feedback-prompt" || bio) && long_prose_before &&
        prose_words(units, i + 1, end) * 4 < prose_words(units, begin, i))
      return bio ? i + 1 : i;
    // So does the next story of an infinite scroll: "Up next" over its trail, headline and byline,
    // and a blog's links to the posts before and after it.
    if (long_prose_before && (opens_next_story(units, i, end) || links_next_posts(units, i, end))) return i;
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
    if (rule != "page-related" && rule != "related" && !is_end_marker(units[i].text, count_words(units[i].text)))
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

/// An author box closing the text: the writer's name ("Dr Priya Sandhu BDS"),
/// perhaps a role under it, then a short paragraph last that opens with a word
/// of the name ("Priya joined Quayside Dental in 2024 and ...").
bool closes_with_named_bio(const std::vector<Unit>& units, std::size_t i, std::size_t end) {
  constexpr std::size_t kMinNameWords = 2, kMaxNameWords = 6, kMaxBioWords = 60, kMinFirstBytes = 3;
  const Unit& name = units[i];
  const Unit& bio = units[end - 1];
  const std::size_t name_words = count_words(name.text);
  if (name.line.kind != PageLineKind::Short || name_words < kMinNameWords || name_words > kMaxNameWords ||
      bio.line.kind != PageLineKind::Prose || count_words(bio.text) > kMaxBioWords)
    return false;
  const std::string_view first = std::string_view(bio.text).substr(0, bio.text.find(' '));
  if (first.size() < kMinFirstBytes || !std::isupper(static_cast<unsigned char>(first[0]))) return false;
  // A name: every word capitalised, unlike a heading ("When to Call a Doctor").
  const std::vector<std::string_view> words = words_of(name.text);
  if (std::any_of(words.begin(), words.end(), [](std::string_view w) { return !std::isupper(static_cast<unsigned char>(w[0])); }))
    return false;
  return std::find(words.begin(), words.end(), first) != words.end();
}

/// Where the article ends when it closes with its author's bio: the bio and
/// anything short after it (a "Follow" button, the author's name) go.
std::size_t cut_closing_bio(const std::vector<Unit>& units, std::size_t begin, std::size_t end) {
  constexpr std::size_t kReach = 4;  // units looked at from the end
  for (std::size_t i = end >= begin + 4 ? end - 3 : end; i + 1 < end; ++i)
    if (closes_with_named_bio(units, i, end)) return past_sign_off(units, begin, i);
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

/// A line without the list bullets a text browser drew before it: "• #2" -> "#2".
std::string_view unbulleted(std::string_view t) {
  for (bool again = true; again;) {
    again = false;
    for (std::string_view b : {"\u2022 ", "\u25A1 ", "- ", "* "})
      if (t.starts_with(b)) {
        t.remove_prefix(b.size());
        again = true;
      }
  }
  return t;
}

/// A post's number in a thread, alone on its line: "#1", "• #2", "□ #14" (0: none).
std::size_t post_number(std::string_view t) {
  constexpr std::size_t kMaxDigits = 4;
  t = unbulleted(trim(t));
  if (t.size() < 2 || t.size() > kMaxDigits + 1 || t[0] != '#') return 0;
  std::size_t n = 0;
  for (char c : t.substr(1)) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return 0;
    n = n * 10 + static_cast<std::size_t>(c - '0');
  }
  return n;
}

/// A post's header that names its poster before " » " and the time
/// (data/pages/post_headers.txt): "Message par Gabrielle_Lvs » mar. 17 juil. 2029 19:41".
bool is_arrow_post_header(std::string_view t) {
  const std::size_t arrow = t.find(" \u00BB ");
  if (arrow == std::string_view::npos) return false;
  const std::string_view head = trim(t.substr(0, arrow));
  const std::size_t space = head.rfind(' ');
  if (space == std::string_view::npos) return false;
  const std::vector<std::string>& leads = page_phrases("post_headers");
  return std::ranges::find(leads, utf8::fold_case(trim(head.substr(0, space)))) != leads.end();
}

/// A poster's name among the few units above `i`: their pane over the post.
std::size_t poster_above(const std::vector<Unit>& units, std::size_t i) {
  constexpr std::size_t kReach = 8;
  for (std::size_t j = i; j > 0 && j + kReach > i;) {
    --j;
    if (is_user_name(unbulleted(trim(units[j].text)))) return j;
  }
  return units.size();
}

/// Where each post of a discussion thread opens: its number ("#1", "#2"),
/// its "Posted March 7" under the poster's name, or its "by NAME » date".
/// Empty unless the page holds two posts or more, the first first.
std::vector<std::size_t> post_openings(const std::vector<Unit>& units) {
  std::vector<std::size_t> numbered, posted, arrowed;
  for (std::size_t i = 0; i < units.size(); ++i) {
    const std::string_view t = trim(units[i].text);
    if (const std::size_t n = post_number(t); n > 0 && n == numbered.size() + 1) numbered.push_back(i);
    if (units[i].line.kind == PageLineKind::Meta && ascii_lower(unbulleted(t)).starts_with("posted ") &&
        poster_above(units, i) < units.size())
      posted.push_back(i);
    if (is_arrow_post_header(t)) arrowed.push_back(i);
  }
  for (std::vector<std::size_t>* posts : {&numbered, &posted, &arrowed})
    if (posts->size() >= 2) return *posts;
  return {};
}

/// A thread's headline over its first post: the line right above the first
/// that names the poster ("By kayla_in_tulsa, March 7 in Arrhythmias",
/// "Topicstarter Marloes_83"), if it reads as a headline; `units.size()` when none does.
std::size_t thread_title(const std::vector<Unit>& units, std::size_t first_post) {
  constexpr std::size_t kReach = 24, kMaxWords = 25;
  const std::size_t poster = poster_above(units, first_post);
  if (poster == units.size()) return poster;
  const std::string name(unbulleted(trim(units[poster].text)));
  std::size_t named = poster;
  for (std::size_t j = first_post > kReach ? first_post - kReach : 0; j < poster; ++j)
    if (holds_phrase(units[j].text, name)) {
      named = j;
      break;
    }
  if (named == 0) return units.size();
  const Unit& h = units[named - 1];
  const std::string_view t = trim(h.text);
  const bool headline = (h.line.kind == PageLineKind::Short || h.line.kind == PageLineKind::Prose) &&
                        count_words(t) >= 2 && count_words(t) <= kMaxWords && utf8::has_letter(t) &&
                        !t.ends_with(':') && t.find(" \u2022 ") == std::string_view::npos && !is_bullet_item(t) &&
                        !is_user_name(t);
  return headline ? named - 1 : units.size();
}

/// A thread opened by a long post is read as that post: from under its
/// opening to its last paragraph and the poster's sign-off ("Thank you,
/// Kayla"), before the post's buttons, signature and the next poster's pane.
/// A short question is read with its answers, as the rest of the page is,
/// under the thread's headline all the same.
struct FirstPost {
  std::size_t title, body = 0, end = 0;  // `title` is units.size() when no headline was found; body == end: no thread
};

FirstPost first_post(const std::vector<Unit>& units) {
  constexpr std::size_t kMinWords = 100, kMaxSignOffWords = 4;
  const std::vector<std::size_t> posts = post_openings(units);
  if (posts.empty()) return {units.size()};
  const auto kept = [&](std::size_t i) {
    const Unit& u = units[i];
    return u.line.kind == PageLineKind::Prose && u.line.rule != "page-edit-note" && !holds_post_actions(u.text);
  };
  // The post's row of buttons closes it: "Partager Signaler", over "Maëlle_R et 6 autres personnes aiment ceci.".
  std::size_t end = posts[0] + 1;
  while (end < posts[1] && (units[end].line.kind == PageLineKind::Prose || !holds_post_actions(units[end].text))) ++end;
  while (end > posts[0] + 1 && !kept(end - 1)) --end;
  if (prose_words(units, posts[0] + 1, end) < kMinWords) return {thread_title(units, posts[0])};
  const auto sign_off = [&](std::size_t i) {
    const Unit& u = units[i];
    return u.line.kind == PageLineKind::Short && u.first == u.last && count_words(u.text) <= kMaxSignOffWords &&
           u.text.find(',') != std::string::npos;
  };
  // The sign-off under the last paragraph ends the post; a signature that reads as a sentence may follow it.
  std::size_t last = end;
  while (last > posts[0] + 1 && !is_long_prose(units[last - 1])) --last;
  for (std::size_t i = last; i <= end && i < posts[1]; ++i)
    if (sign_off(i)) return {thread_title(units, posts[0]), posts[0] + 1, i + 1};
  return {thread_title(units, posts[0]), posts[0] + 1, end};
}

/// A page's own tool drawn as a link: "Print this page", "Share this page".
bool is_page_tool(std::string_view t) {
  static constexpr std::string_view kTools[] = {"print", "share", "email", "drucken", "imprimer", "imprimir",
                                                "stampa", "afdrukken", "teilen", "partager", "compartir", "condividi"};
  const std::string lower = ascii_lower(trim(t));
  const std::string_view first = std::string_view(lower).substr(0, lower.find(' '));
  return count_words(lower) <= 4 && std::ranges::find(kTools, first) != std::end(kTools);
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
  // Under the notice's own buttons and a category row, a headline of any length.
  bool buttoned = false;
  const auto titled = [&](const Unit& heading) {
    return heading.line.kind == PageLineKind::Short &&
           count_words(heading.text) <= (buttoned ? kMaxTitleWords : kMaxHeadingWords) &&
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
    // A page's own tool ("Print this page") under a first paragraph is no site header.
    if (kind == PageLineKind::Chrome && headings == 0 && is_page_tool(units[text].text)) break;
    if (kind == PageLineKind::Chrome || kind == PageLineKind::Junk) {
      const bool menu = units[text].line.rule == "site-navigation";
      header_between = header_between || ((kind == PageLineKind::Chrome || menu) && headings == 0);
      menu_between = menu_between || (menu && headings == 0);
      continue;
    }
    // The issue's date under the menu; a story's category row over its headline, under the notice's button.
    if (kind == PageLineKind::Meta && (menu_between || (buttoned && headings == 0))) continue;
    // The notice's own button: "Start now" under "New: the 7-night course is free ...", "Sign in Not now".
    if (headings == 0 && !header_between && is_call_to_action(units[text].text, count_words(units[text].text))) {
      buttoned = true;
      continue;
    }
    if (headings == kMaxHeadings || !titled(units[text])) break;
    ++headings;
  }
  // A paragraph of several lines is a notice only above the site's menu (a
  // newsletter's description over "Archive About Log in Subscribe") or over
  // its own buttons ("Sign in Not now").
  if (!one_line && !menu_between && !buttoned) return begin;
  // Under the site's menu, the headline's standfirst may come first.
  const bool text_follows = text < end && (is_long_prose(units[text]) || (menu_between && units[text].line.kind == PageLineKind::Prose));
  return (labelled || header_between || buttoned) && headings > 0 && text_follows ? text : begin;
}

/// Whether `marks` holds for the line under the headline at `h`, or for the
/// one under its standfirst: where a byline or a date stands.
bool marked_under(const std::vector<Unit>& units, std::size_t h, std::size_t end,
                  const std::function<bool(const Unit&)>& marks) {
  if (h + 1 >= end) return false;
  if (marks(units[h + 1])) return true;
  const bool standfirst = units[h + 1].line.kind == PageLineKind::Prose && count_words(units[h + 1].text) <= kMaxStandfirstWords;
  return standfirst && h + 2 < end && marks(units[h + 2]);
}

/// A blog's tagline or its writer's bio under its name ("The Money Desk",
/// "Plain-language money advice for students ...") opens the run when the
/// post's headline follows the blog's buttons ("Subscribe by email") or
/// links ("@wairimu_k", "Svbtle"): the text starts under the headline. Under
/// buttons, the headline has its byline or date under it, or under its
/// standfirst; under two links or more, a long paragraph will do.
std::size_t past_tagline(const std::vector<Unit>& units, std::size_t begin, std::size_t end) {
  constexpr std::size_t kMaxTaglineWords = 30, kMaxShortsBetween = 3, kMinLinks = 2;
  // The blog's name links home, as a menu's items do; a headline over its standfirst does not.
  if (begin == 0 || units[begin - 1].line.kind != PageLineKind::Short || units[begin - 1].line.score > kMenuItemScore ||
      units[begin].line.kind != PageLineKind::Prose || count_words(units[begin].text) > kMaxTaglineWords)
    return begin;
  std::size_t headline = begin + 1;
  while (headline + 1 < end && headline < begin + kMaxShortsBetween && units[headline + 1].line.kind == PageLineKind::Short)
    ++headline;
  if (headline == begin + 1 || headline + 1 >= end || units[headline].line.kind != PageLineKind::Short ||
      units[headline].line.score <= kMenuItemScore || ends_sentence(units[headline].text) ||
      count_words(units[headline].text) > kMaxTitleWords)
    return begin;
  // Every line between is a button or a link, not a heading of the text; or
  // the blog's nav bar on one line ("Home Archives About RSS").
  std::size_t links = 0;
  bool nav_bar = false;
  for (std::size_t i = begin + 1; i < headline; ++i) {
    const bool link = units[i].line.score <= kMenuItemScore;
    const bool nav = !link && is_nav_row(units[i].text);
    if (!link && !nav && !is_call_to_action(units[i].text, count_words(units[i].text))) return begin;
    links += link ? 1 : nav ? kMinLinks : 0;
    nav_bar = nav_bar || nav;
  }
  const bool dated = (links == 0 || nav_bar) && marked_under(units, headline, end, [](const Unit& u) {
                       return u.line.kind == PageLineKind::Meta;
                     });
  return dated || (links >= kMinLinks && is_long_prose(units[headline + 1])) ? headline + 1 : begin;
}

/// A blog's one-sentence tagline right under its name, then the post's
/// headline, with at most the post's date between ("caminhos lentos",
/// "Caminhadas, comboios e outras formas de ir devagar.", "17.07.28",
/// "Passadiços do Paiva: ..."): the text starts under the headline, when
/// its date stands over it (and a long paragraph under it) or under it. A
/// writer's name and role is no headline ("Corin Maddox Environment correspondent").
std::size_t past_short_tagline(const std::vector<Unit>& units, std::size_t begin, std::size_t end) {
  constexpr std::size_t kMaxTaglineWords = 20, kMinHeadlineWords = 4;
  if (begin == 0 || units[begin - 1].line.kind != PageLineKind::Short || units[begin].line.kind != PageLineKind::Prose ||
      units[begin].first != units[begin].last || count_words(units[begin].text) > kMaxTaglineWords ||
      !ends_sentence(units[begin].text) || std::islower(static_cast<unsigned char>(units[begin].text.front())))
    return begin;  // a list's item goes on its lead-in in lowercase ("identificar quando ...")
  std::size_t headline = begin + 1;
  // The post's date, "17 July 2028" or "17.07.28".
  const auto numeric_date = [](std::string_view d) {
    constexpr std::size_t kMaxChars = 10;
    return d.size() <= kMaxChars && std::isdigit(static_cast<unsigned char>(d.front())) &&
           d.find_first_not_of("0123456789./-") == std::string_view::npos;
  };
  const bool dated_above = headline < end && units[headline].line.kind != PageLineKind::Prose &&
                           count_words(units[headline].text) <= 3 &&
                           (has_date(units[headline].text) || numeric_date(units[headline].text));
  if (dated_above) ++headline;
  if (headline + 1 >= end) return begin;
  const Unit& h = units[headline];
  if (h.line.kind != PageLineKind::Short || h.line.score <= kMenuItemScore || count_words(h.text) < kMinHeadlineWords ||
      count_words(h.text) > kMaxTitleWords || ends_sentence(h.text) || is_author_role(h.text) || is_name_and_role(h.text))
    return begin;
  // Dated: a headline over its standfirst and a section's heading is no post under a tagline.
  const Unit& next = units[headline + 1];
  const bool dated = next.line.kind == PageLineKind::Meta || (dated_above && is_long_prose(next));
  return dated ? headline + 1 : begin;
}

/// A picture's caption over the page's label, an issue line and the
/// headline ("A male kākāpō on Whenua Hou. ...", "Feature", "From our
/// November 2028 issue", "The parrot that waits for the trees") opens the
/// run when the headline has its byline under it, or under its standfirst:
/// the text starts under the headline. A label (a menu's item) and a date
/// stand between, nothing else, and a headline has three words at least.
std::size_t past_caption(const std::vector<Unit>& units, std::size_t begin, std::size_t end) {
  constexpr std::size_t kMaxCaptionWords = 30, kMaxBetween = 3, kMinHeadlineWords = 3;
  // A question is a headline itself ("Can I have a drink while I'm taking antibiotics?").
  if (units[begin].line.kind != PageLineKind::Prose || count_words(units[begin].text) > kMaxCaptionWords ||
      units[begin].text.ends_with('?'))
    return begin;
  bool dated = false, labelled = false;
  for (std::size_t h = begin + 1; h + 1 < end && h <= begin + kMaxBetween + 1; ++h) {
    const Unit& u = units[h];
    if (u.line.kind == PageLineKind::Meta) {
      dated = true;
      continue;
    }
    if (u.line.kind != PageLineKind::Short) return begin;
    if (u.line.score <= kMenuItemScore) {
      labelled = true;
      continue;
    }
    if (!dated || !labelled || count_words(u.text) < kMinHeadlineWords || ends_sentence(u.text)) return begin;
    return marked_under(units, h, end, [](const Unit& b) { return b.line.rule == "page-byline"; }) ? h + 1 : begin;
  }
  return begin;
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
  // Nor is the menu's item again over it, the section's name ("• La maladie", then "La maladie").
  const auto in_menu_above = [&](std::size_t h) {
    const std::string key = toc_key(units[h].text);
    for (std::size_t j = 0; j < h; ++j)
      if (is_bullet_item(units[j].text) && toc_key(units[j].text) == key) return true;
    return false;
  };
  const bool heading_above = begin > 0 && units[begin - 1].line.kind == PageLineKind::Short &&
                             units[begin - 1].line.score > kMenuItemScore && !is_bullet_item(units[begin - 1].text) &&
                             after_image_mark(units[begin - 1].text).empty() && !is_user_name(units[begin - 1].text) &&
                             !in_menu_above(begin - 1);
  // The byline may stand under a standfirst: look past one for it.
  std::size_t reach = next;
  if (reach < end && count_words(units[reach].text) <= kMaxStandfirstWords)
    for (++reach; reach < end && units[reach].line.kind != PageLineKind::Prose;) ++reach;
  return next < end && (title_case || followed_by_meta(units, begin, reach) || !heading_above) ? next : begin;
}

/// A site's notice over a Q&A page's question ("The answers here are general
/// information ...", then "Could my yellow toenail be a fungus?" over "asked
/// 12 Sep 2028 in Dermatology"): the text starts at the question.
std::size_t past_notice_over_question(const std::vector<Unit>& units, std::size_t begin, std::size_t end) {
  constexpr std::size_t kReach = 3;  // the question, then its votes or buttons, then its signature
  const std::size_t q = begin + 1;
  if (q >= end || !trim(units[q].text).ends_with('?') || !is_headline_sentence(units[q])) return begin;
  for (std::size_t i = q + 1; i < end && i <= q + kReach; ++i) {
    if (units[i].line.rule == "page-qa-signature") return q;
    if (units[i].line.kind != PageLineKind::Chrome && units[i].line.kind != PageLineKind::Junk) break;
  }
  return begin;
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
  // Or a topic's label over a headline of two sentences without a last stop
  // ("Verão em segurança" over "Picadas ... na Ria Formosa. Saiba o que fazer"),
  // or ending in a question ("Dermatologia" over "Suo muito ... Isso tem tratamento?").
  const std::string_view above_text = units[begin - 1].text;
  // Two labels may run together in a copy: "Debt & Credit Reader question".
  constexpr std::size_t kMaxLabelWords = 5;
  const bool label_over_two_sentences = above.kind == PageLineKind::Short && count_words(above_text) <= kMaxLabelWords &&
                                        t.find(". ") != std::string_view::npos &&
                                        (t.back() == '?' || (!ends_sentence(t) && is_headline_sentence(u)));
  if (!(above.kind == PageLineKind::Chrome || above.score <= kMenuItemScore || is_bullet_item(above_text) ||
        is_call_to_action(above_text, count_words(above_text)) || is_ui_phrase(above_text, count_words(above_text)) ||
        (is_section_path(units[begin - 1].text) && is_headline_sentence(u)) || label_over_two_sentences))
    return false;
  // The byline or the date right under a headline that does not end as a
  // sentence ("... přibylo. Hygienici radí, jak se nenakazit"); or the
  // standfirst, then the byline or the date.
  // A question over them is a headline too: "体检发现甲状腺结节，需要手术吗？"; over
  // its asker's signature, a Q&A page's question opens the text itself (cut_after_first_answer).
  const bool question = (t.ends_with('?') || t.ends_with("\uFF1F")) && units[begin + 1].line.rule != "page-qa-signature";
  if (units[begin + 1].line.kind == PageLineKind::Meta && (!ends_sentence(t) || question || label_over_two_sentences))
    return true;
  // Under the label's headline, a standfirst of any length, then the byline.
  if (label_over_two_sentences && units[begin + 1].line.kind == PageLineKind::Prose &&
      units[begin + 2].line.kind == PageLineKind::Meta)
    return true;
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
  return std::any_of(phrases.begin(), phrases.end(), [&](const std::string& p) { return holds_phrase(lower, p); });
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
    // So does a sentence leading into a list of the text's: "Врач перечислила, что нужно сделать, ...:".
    const bool closes = section_heading || (!marker && is_lead_in(units[i].text));
    linked[i] = in_link_box && (l.kind == PageLineKind::Short || story_item) && !closes;
    in_link_box = marker || (in_link_box && (l.kind != PageLineKind::Prose || story_item) && !closes);
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
    const bool tools = in_tool_list(units, i);  // a share bar drawn as a list: "• Facebook", "• Email"
    if (!(l.kind == PageLineKind::Chrome || byline || toc[i] || title_again || rating || tabs || junk || infobox ||
          linked || live || contents || boxes[i] || credited || alt_text || answerer || product || tools))
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
      if (tools && l.kind != PageLineKind::Chrome) d.rule = "page-share-row";
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

bool is_laid_out(std::string_view line) { return line.find("   ") != std::string_view::npos; }

std::string toc_key(std::string_view t) {
  for (bool again = true; again;) {
    again = false;
    while (!t.empty() &&
           (std::isdigit(static_cast<unsigned char>(t.front())) || t.front() == '.' || t.front() == ' ' ||
            t.front() == ':')) {  // "09:48 Rail services suspended": a live blog's key events
      t.remove_prefix(1);
      again = true;
    }
    if (const std::string_view rest = unbulleted(t); rest.size() != t.size()) {
      t = rest;
      again = true;
    }
  }
  if (t.ends_with("[edit]")) t.remove_suffix(6);
  return ascii_lower(trim(t));
}

}  // namespace readaloud::page_text_detail

namespace readaloud {

using namespace page_text_detail;

/// Where the text starts in the best run from `begin`: past a breadcrumb
/// list, a site notice, a blog's tagline, a picture's caption, a question
/// the headline asks again and a table of contents's entries.
std::size_t text_start(const std::vector<Unit>& units, std::size_t begin, std::size_t end) {
  begin = past_notice(units, past_breadcrumb_list(units, begin, end), end);
  begin = past_caption(units, past_short_tagline(units, past_tagline(units, begin, end), end), end);
  begin = past_question_headline(units, begin, end);
  // The trail's last item may ask the question too, worded otherwise: the headline is the one nearer the text.
  begin = past_question_headline(units, begin, end);
  return past_contents_entries(units, begin, end);
}

/// A Q&A page's question right over the text but for its vote count or
/// buttons ("Glicemia a digiuno 110: sono già diabetico?", "8 voti"): the
/// headline; `units.size()` when there is none.
std::size_t question_over_votes(const std::vector<Unit>& units, std::size_t begin) {
  constexpr std::size_t kMaxBetween = 2;
  std::size_t q = begin;
  while (q > 0 && begin - q < kMaxBetween &&
         (units[q - 1].line.kind == PageLineKind::Chrome || units[q - 1].line.kind == PageLineKind::Junk))
    --q;
  if (q == begin || q == 0) return units.size();
  const Unit& u = units[q - 1];
  const bool question = u.line.kind == PageLineKind::Prose && u.first == u.last && trim(u.text).ends_with('?') &&
                        count_words(u.text) <= kMaxTitleWords && is_headline_sentence(u);
  return question ? q - 1 : units.size();
}

/// Where the text runs in the best run [begin, end), and the headline when it
/// is found before the title search (`units.size()` when it is not): a
/// thread's first post under its headline, a Q&A page's question under the
/// site's notice, or a headline read as prose.
struct TextBounds {
  std::size_t begin, end, headline;
};

TextBounds text_bounds(const std::vector<Unit>& units, std::size_t begin, std::size_t end, const FirstPost& post) {
  if (post.end > post.body) return {post.body, post.end, post.title};
  end = end_before_long_furniture(units, begin, end);
  std::size_t headline = units.size();
  // A Q&A page's question under the site's notice: its text starts under the question's signature.
  if (const std::size_t question = past_notice_over_question(units, begin, end); question != begin) {
    headline = question;
    for (begin = question + 1; begin < end && units[begin].line.kind != PageLineKind::Prose;) ++begin;
  } else {
    begin = text_start(units, begin, end);
    if (is_headline_read_as_prose(units, begin, end)) headline = begin++;
    else headline = question_over_votes(units, begin);
  }
  // A thread opened by a short question: its headline is found all the same.
  return {begin, end, headline == units.size() ? post.title : headline};
}

PageRegion find_article_region(std::string_view text, const BoilerplateFilter& filter) {
  PageRegion region;
  const std::vector<RawLine> lines = raw_lines(text);
  const std::size_t wrapped = wrap_width(lines);
  const std::vector<Unit> units = make_units(lines, wrapped, filter);
  auto [begin, end] = best_run(units);
  if (begin == end) return region;
  const FirstPost post = first_post(units);
  const bool thread = post.end > post.body;
  const TextBounds bounds = text_bounds(units, begin, end, post);
  const std::size_t headline = bounds.headline;
  begin = bounds.begin;
  end = bounds.end;
  const PageFacts facts = page_facts(units, begin);
  const bool thread_titled = headline == post.title && headline < begin;
  const TitleChoice choice = headline < begin ? TitleChoice{headline} : find_title(units, begin, end, facts);
  const std::size_t title = choice.unit;
  // A thread's header and its poster's pane stand between its headline and the post.
  FirstAnswer answer{end, title + 1, begin};
  if (!thread) {
    end = extend_over_closing_list(units, extend_over_list(units, end));
    end = cut_closing_bio(units, begin, extend_over_sign_off(units, cut_at_end_marker(units, begin, end)));
    const FirstAnswer qa = cut_after_first_answer(units, title, begin, end);
    answer = thread_titled && qa.header_end == 0 ? FirstAnswer{qa.end, title + 1, begin} : qa;
  }
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
