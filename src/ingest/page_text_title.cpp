// The headline that opens the article in whole-page text: the candidates
// above its first paragraph (headings, a label, a wrapped headline) and the
// one that scores best against site names, labels, menus and bylines.

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

/// A line of a shop's product card: its rating, its price, its "Add to cart".
bool is_card_line(const Unit& u) {
  return (u.line.rule == "page-card-fact" && is_rating(u.text)) || u.line.rule == "page-shop-button" || is_price(u.text);
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
  constexpr std::size_t kMaxItemWords = 4;  // "Health A to Z · Outdoors and travel"
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
  const auto next_to = [&](std::size_t upper, std::size_t lower) { return units[upper].last + 1 == units[lower].first; };
  std::size_t top = c, bottom = c;
  while (top > 0 && item(top - 1) && next_to(top - 1, top)) --top;
  while (bottom + 1 < units.size() && item(bottom + 1) && next_to(bottom, bottom + 1)) ++bottom;
  if (bottom - top + 1 >= kMinItems) return true;
  // A browser may set the page's own item apart from the items under it with
  // a blank line: "Balanitis", "Genital psoriasis", "Lichen sclerosus (LS)", then "Lichen planus", ...
  constexpr std::size_t kMinRunItems = 3, kMinBelowItems = 2;
  if (bottom != c || c - top + 1 < kMinRunItems || c + 1 >= units.size() || units[c].last + 2 != units[c + 1].first)
    return false;
  std::size_t below = c + 1;
  while (below + 1 < units.size() && item(below + 1) && next_to(below, below + 1)) ++below;
  return item(c + 1) && below - c >= kMinBelowItems;
}

/// A blog's post title in two parts under its date row and right over the
/// text ("Aug 12, 2029 toddlers recipes" over "Fussy eating in toddlers:
/// what's normal, ..."); a picture's alt text there is one plain phrase.
bool is_post_title_under_date(const std::vector<Unit>& units, std::size_t c, std::size_t begin) {
  constexpr std::size_t kMinWords = 5;
  const std::string& t = units[c].text;
  const bool two_parts = t.find_first_of(":,?") != std::string::npos || t.find(" \u2013 ") != std::string::npos;
  // The writer's bare name may stand between it and the text ("Fruzsi").
  constexpr std::size_t kMaxNameWords = 3;
  const auto writer = [&](const Unit& n) {
    return n.line.kind == PageLineKind::Short && count_words(n.text) <= kMaxNameWords && !n.text.empty() &&
           std::isupper(static_cast<unsigned char>(n.text[0])) && n.text.find_first_of(".,:;!?") == std::string::npos;
  };
  const bool over_text = c + 1 == begin || (c + 2 == begin && writer(units[c + 1]));
  return c > 0 && over_text && units[c].line.kind == PageLineKind::Short && count_words(t) >= kMinWords &&
         two_parts && title_like(units[c]) && units[c - 1].line.kind == PageLineKind::Meta && !ends_sentence(t);
}

/// A picture's alt text that says what it is ("Cover image for ...",
/// "Featured image for ..."), or a line of the subject's other names.
bool is_alt_or_other_names(std::string_view t) {
  const std::string lower = ascii_lower(t);
  // The other names: "Also called: fibromyalgia syndrome, FMS".
  for (std::string_view lead : {"cover image for ", "featured image for ", "header image for ", "image for ",
                                "also called:", "also known as:", "other names:"})
    if (lower.starts_with(lead)) return true;
  return false;
}

/// Four words or more; in a script without spaces, as long as four: "健診結果、どこを見ればいい？".
bool reads_as_four_words(std::string_view t) {
  constexpr std::size_t kMinWords = 4;
  return count_words(t) >= kMinWords || (!utf8::has_cased_letter(t) && word_weight(t) >= kMinWords);
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
  const bool headline_nearer = (words <= kMaxSectionWords || trail_item) && under > c + 1 && under < begin &&
                               title_like(units[under]) && count_words(units[under].text) >= kMinHeadlineWords;
  const bool trail_last = trail_item && !headline_nearer && c + 1 < units.size() && units[c + 1].line.kind == PageLineKind::Meta;
  if (u.line.score <= kMenuItemScore && !trail_last) s -= 2;
  if (reads_as_four_words(u.text)) s += 1;
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
  if (followed_by_meta(units, c, begin) && !label_over_dated && !headline_nearer) s += 3;
  if (is_post_title_under_date(units, c, begin)) s += 3;
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
  if (is_credited_caption(u.text) || ends_in_name_credit(u.text) || is_alt_or_other_names(u.text)) s -= 4;  // a caption
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

/// Whether `phrase` opens or ends `text` as whole words ("vale do itaúna"
/// in "calor extremo: … no vale do itaúna").
bool holds_phrase(std::string_view text, std::string_view phrase) {
  if (phrase.empty() || text.size() < phrase.size()) return false;
  const auto boundary = [](char c) { return !std::isalnum(static_cast<unsigned char>(c)); };
  if (text.size() == phrase.size()) return text == phrase;
  return (text.starts_with(phrase) && boundary(text[phrase.size()])) ||
         (text.ends_with(phrase) && boundary(text[text.size() - phrase.size() - 1]));
}

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
/// do Itaúna"). The entries of a table of contents do not count: they hold
/// the subject's name because they are its sections ("Osteoarthritis symptoms").
double label_penalty(const std::vector<Unit>& units, const std::vector<std::size_t>& candidates, std::size_t k,
                     const PageFacts& facts) {
  const std::string lower = ascii_lower(units[candidates[k]].text);
  double penalty = 0;
  for (std::size_t n = 0; n < k; ++n)
    if (const std::string near = ascii_lower(units[candidates[n]].text);
        !facts.toc[candidates[n]] && near.size() > lower.size() + 2 && holds_phrase(near, lower) &&
        !is_doubled(units, candidates[n]))
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
/// A blog's tagline under its name, which opened the page too: "Small
/// Ears, Big World" (and "• Small Ears, Big World" first in the menu) over
/// "Notes from a Bristol family on toddlers, hearing and the NHS".
bool under_site_name(const std::vector<Unit>& units, std::size_t i) {
  constexpr std::size_t kMaxNameWords = 5;
  if (i < 2 || units[i - 1].line.kind != PageLineKind::Short || count_words(units[i - 1].text) > kMaxNameWords) return false;
  for (std::size_t j = 0; j + 1 < i; ++j)
    if (units[j].line.kind == PageLineKind::Short) return toc_key(units[j].text) == toc_key(units[i - 1].text);
  return false;
}

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
         !holds_phrase(ascii_lower(units[c].text), ascii_lower(above)) && !under_site_name(units, c - 1);
}

/// A category's name over the headline: "Rygg och leder" over "Ryggskott – så tar du dig igenom ...",
/// "Stress & anxiety" over "Box breathing: how a slow count of four can help you calm down",
/// "Manchas en la piel" over "Melasma ...: qué es, por qué aparece y cómo se trata". (A longer
/// line under a short title is its subtitle: "Laufen bei Kälte" over "Leitfaden für ... lesen".)
bool is_headline_under_category(const std::vector<Unit>& units, std::size_t c) {
  const std::string& label = units[c - 1].text;
  const std::string& headline = units[c].text;
  const std::size_t label_words = count_words(label), words = count_words(headline);
  const bool short_label =
      label_words <= 3 || (label_words == 4 && !is_ui_phrase(label, label_words) && !is_call_to_action(label, label_words));
  // "Precisa de jejum? Veja ...": a question, or a colon with no comma before it.
  const std::size_t colon = headline.find(": "), comma = headline.find(", ");
  const bool two_parts = (colon != std::string::npos || headline.find("? ") != std::string::npos) &&
                         (comma == std::string::npos || comma > colon);
  return short_label && words >= 2 * label_words + 2 &&
         (words <= kMinStandfirstWords || (words <= kMaxHeadlineUnderCategoryWords && two_parts)) &&
         !ends_sentence(headline);
}

/// Whether the heading at `c` names the page's subject with its byline or
/// date under it, right under the trail's last item come back as a heading:
/// "Osteoarthritis" under "Bones, joints and muscles" (over "Authored by ...").
bool is_subject_under_trail_category(const std::vector<Unit>& units, std::size_t c, std::size_t begin,
                                     const PageFacts& facts) {
  return !facts.crumbs.empty() && toc_key(units[c - 1].text) == facts.crumbs.back() &&
         toc_key(units[c].text) != facts.crumbs.back() && names_subject(units[c].text, facts) &&
         !names_subject(units[c - 1].text, facts) && followed_by_meta(units, c, begin);
}

/// What the candidate at `c` is to the heading right above it (when
/// `heading_above`): a deck or standfirst under its headline, unless it tells
/// more or names the page under a category or a unit's title.
struct HeadingAbove {
  bool deck = false;                  // a deck: the upper line is the headline
  bool dated_question = false;        // a question (and its answer) over its own date or byline
  bool under_category = false;        // a headline under its category's name
  bool under_trail_category = false;  // ... which is the trail's last item
};

HeadingAbove heading_above_kind(const std::vector<Unit>& units, std::size_t c, std::size_t begin, const PageFacts& facts,
                                bool heading_above) {
  HeadingAbove out;
  if (!heading_above) return out;
  const std::string& text = units[c].text;
  const std::string& upper = units[c - 1].text;
  // Unless the lower line tells the story that the text opens with, and the
  // upper one does not: a site's tagline over the headline.
  const bool tells_more =
      shared_word_share(text, facts.lead) >= 0.5 && shared_word_share(upper, facts.lead) < 0.25;
  // A question over its own date or byline is the post's title: a deck states.
  // So is a question and its answer: "Dziecko zaczęło się jąkać? Logopedzi radzą, czego nie mówić".
  const bool over_meta = followed_by_meta(units, c, begin);
  out.dated_question = (text.ends_with('?') || text.find("? ") != std::string::npos) &&
                       upper.find('?') == std::string::npos && over_meta;
  // The trail's last item come back as a heading over the page's subject
  // and its byline: "Bones, joints and muscles" over "Osteoarthritis".
  out.under_trail_category = is_subject_under_trail_category(units, c, begin, facts);
  out.under_category = is_headline_under_category(units, c) || out.under_trail_category;
  // A deck is no shorter than its headline: a short heading over its own
  // date under a long one names the page, the long one its unit ("Holter
  // de 24 horas" under "Servicio de Cardiología: pruebas diagnósticas e ...").
  const bool short_under_long =
      2 * count_words(text) <= count_words(upper) && upper.find(": ") != std::string::npos && over_meta;
  out.deck = !tells_more && !out.dated_question && !out.under_category && !short_under_long;
  return out;
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

}  // namespace

/// Three or more capitalised words with no punctuation, two of them menu
/// words (data/pages/nav_words.txt): "Home Archive About Contact"; a shop's
/// basket may end it with its count ("Cari Masuk Keranjang (0)").
bool is_nav_row(std::string_view t) {
  t = trim(t);
  if (const std::size_t open = t.rfind(" ("); open != std::string_view::npos && t.ends_with(')') &&
                                              std::all_of(t.begin() + static_cast<std::ptrdiff_t>(open) + 2, t.end() - 1, [](char c) {
                                                return std::isdigit(static_cast<unsigned char>(c)) != 0;
                                              }))
    t = t.substr(0, open);
  if (count_words(t) < 3 || lowercase_share(t) > 0.0 ||
      std::any_of(t.begin(), t.end(), [](char ch) { return std::ispunct(static_cast<unsigned char>(ch)) != 0; }))
    return false;
  const std::vector<std::string>& menu = page_phrases("nav_words");
  std::size_t hits = 0;
  for (std::string_view w : words_of(t)) hits += std::find(menu.begin(), menu.end(), utf8::fold_case(w)) != menu.end();
  return hits >= 2;
}

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

bool credited_at(const std::vector<Unit>& units, std::size_t i, std::size_t end) {
  return i + 1 < end && units[i + 1].line.rule == "photo-credit";
}

bool is_fact_row(const std::vector<Unit>& units, std::size_t i) {
  const auto row = [&](std::size_t k) {
    return k < units.size() && units[k].line.kind != PageLineKind::Chrome && is_label_value(units[k].text);
  };
  return row(i) && ((i > 0 && row(i - 1)) || row(i + 1));
}

bool is_bullet_item(std::string_view t) {
  // "□" marks a text browser's second-level items ("□ Gesundheit" under "• Ratgeber").
  return t.starts_with("\u2022") || t.starts_with("- ") || t.starts_with("* ") || t.starts_with("\u25A2 ") ||
         t.starts_with("\u2610 ") || t.starts_with("\u25A1 ") ||
         (!t.empty() && std::isdigit(static_cast<unsigned char>(t[0])) && t.find(". ") != std::string_view::npos &&
          t.find(". ") <= 3);
}

bool in_tool_list(const std::vector<Unit>& units, std::size_t i) {
  if (!is_bullet_item(units[i].text)) return false;
  std::size_t last = i;
  while (last + 1 < units.size() && is_bullet_item(units[last + 1].text)) ++last;
  const std::size_t top = top_of_tool_list(units, last);
  return top != std::string::npos && top <= i;
}

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

double lowercase_share(std::string_view t) {
  const std::vector<std::string_view> words = words_of(t);
  std::size_t lower = 0;
  for (std::string_view w : words) lower += opens_lowercase(w);
  return words.empty() ? 0.0 : static_cast<double>(lower) / static_cast<double>(words.size());
}

std::string seen_key(std::string_view text) {
  std::string key = utf8::fold_case(trim(text));
  if (key.size() > 2 && key.front() == '[' && key.back() == ']') key = key.substr(1, key.size() - 2);
  return key;
}

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

bool names_later_headings(const std::vector<Unit>& units, std::string_view text, std::size_t from, std::size_t end) {
  std::vector<std::string> later;
  for (std::size_t i = from; i < end; ++i)
    if (units[i].line.kind == PageLineKind::Short && count_words(units[i].text) == 1)
      later.push_back(ascii_lower(units[i].text));
  std::size_t hits = 0;
  for (std::string_view w : words_of(text)) hits += std::find(later.begin(), later.end(), ascii_lower(w)) != later.end();
  return hits >= 2 && count_words(text) >= 3 && hits * 2 >= count_words(text);
}

bool is_name_before_separator(const std::vector<Unit>& units, std::size_t i) {
  constexpr std::size_t kMaxNameWords = 10;
  return i + 2 < units.size() && units[i].line.kind == PageLineKind::Short && units[i].first == units[i].last &&
         count_words(units[i].text) <= kMaxNameWords && !ends_sentence(units[i].text) &&
         !utf8::has_letter(units[i + 1].text) && units[i + 1].text.size() <= 3 && units[i + 2].line.kind == PageLineKind::Meta;
}

bool is_contents_entry(const std::vector<Unit>& units, const std::vector<bool>& toc, std::size_t i) {
  if (toc[i]) return true;
  return units[i].text.ends_with('?') && count_words(units[i].text) <= kMaxTitleWords &&
         units[i].first == units[i].last && ((i > 0 && toc[i - 1]) || (i + 1 < units.size() && toc[i + 1])) &&
         comes_back_as_heading(units, i);
}

bool is_crumb_line(std::string_view t) {
  const std::string key = toc_key(t);
  std::size_t first_sep = std::string_view::npos;
  for (std::string_view sep : kCrumbSeparators) first_sep = std::min(first_sep, key.find(sep));
  if (first_sep == std::string_view::npos || !is_link_bar(t, count_words(t))) return false;
  // A copy runs a button into the trail: "Reserve su hora Inicio / Pacientes / ...".
  const std::string_view first = std::string_view(key).substr(0, first_sep);
  return std::any_of(std::begin(kHome), std::end(kHome), [&](std::string_view h) {
    return key.starts_with(h) || (first.ends_with(h) && first.size() > h.size() && first[first.size() - h.size() - 1] == ' ');
  });
}

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
  HeadingAbove nearer_kind;  // what the candidate nearer the text is to this one
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
    const HeadingAbove above = heading_above_kind(units, c, begin, facts, heading_above);
    if (above.deck) s -= 1.5;
    // The category's name itself, over the headline found under it; the
    // trail's section is the page's place, not its title.
    if (nearer_kind.under_category || nearer_kind.dated_question) s -= 1;
    const bool trail_category = nearer_kind.under_trail_category;
    if (trail_category) s -= 3;
    nearer_kind = above;
    // A line behind a picture is a logo and a name, or a teaser's card: a headline stands alone.
    if (!after_image_mark(units[c].text).empty()) s -= 1.5;
    // A video's title over its length and source ("01:48 - Source: ANN").
    if (c + 1 < units.size() && is_video_length(units[c + 1].text)) s -= 3;
    // A section path of short items, "Planning / Health & safety": the page's place, not its headline.
    if (is_section_path(units[c].text)) s -= 2;
    if (c < crumb_at) s -= 2;
    // The trail's last item is the page's own title, whole, cut short, or
    // with words added: "Tätowieren und Piercen" for "Tätowieren, Piercen und Permanent Make-up".
    // A one-word title must be the trail's last item whole, right over the text: "Espirometría",
    // perhaps with its abbreviation: "Electroencefalograma (EEG)".
    const std::string key = toc_key(units[c].text);
    const bool one_word_over_text = !facts.crumbs.empty() && c + 1 == begin &&
                                    (key == facts.crumbs.back() || (key.starts_with(facts.crumbs.back() + " (") && key.ends_with(')')));
    if (facts.crumbs.size() >= 2 && (count_words(facts.crumbs.back()) >= 2 || one_word_over_text) && !trail_category &&
        (toc_key(units[c].text).starts_with(facts.crumbs.back()) || holds_words_of(units[c].text, facts.crumbs.back())))
      s += 1.5;
    s -= label_penalty(units, candidates, k, facts) + subject_penalty(units, candidates, k, scores, facts);
    if (heading_above && !above.under_category && count_words(units[c].text) >= kMinStandfirstWords &&
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

}  // namespace readaloud::page_text_detail

