#include "ingest/html_chrome.hpp"

#include <toml++/toml.h>

#include <algorithm>
#include <limits>
#include <cctype>

#include "ingest/html_dom.hpp"
#include "ingest/page_text_rules.hpp"
#include "util/embedded.hpp"
#include "util/error.hpp"
#include "util/text.hpp"

namespace readaloud::html {
namespace {

constexpr const char* kChromeFile = "data/html_chrome.toml";
/// Hidden text shorter than this is a menu, a label or a dialog's button.
constexpr std::size_t kHiddenProseChars = 150;
/// A box with a form control and at most this many words of text is a form
/// (newsletter sign-up, search, feedback), whatever its classes say.
constexpr std::size_t kFormBoxWords = 30;

std::vector<std::string> read_string_list(const toml::table& doc, std::string_view path) {
  std::vector<std::string> out;
  const auto* array = doc.at_path(path).as_array();
  if (array == nullptr) throw_runtime(std::string(kChromeFile) + ": missing list " + std::string(path));
  for (const auto& item : *array) {
    const auto value = item.value<std::string>();
    if (!value) throw_runtime(std::string(kChromeFile) + ": " + std::string(path) + " must hold strings");
    out.push_back(ascii_lower(*value));
  }
  return out;
}

std::vector<std::pair<std::string, CalloutKind>> read_kind_table(const toml::table& doc, std::string_view path) {
  std::vector<std::pair<std::string, CalloutKind>> out;
  const auto* table = doc.at_path(path).as_table();
  if (table == nullptr) throw_runtime(std::string(kChromeFile) + ": missing table " + std::string(path));
  for (const auto& [key, value] : *table) {
    const auto kind = value.value<std::string>();
    if (!kind) throw_runtime(std::string(kChromeFile) + ": " + std::string(path) + " values must be strings");
    const auto named = parse_callout_kind(*kind);
    if (!named) throw_runtime(std::string(kChromeFile) + ": unknown callout kind '" + *kind + "'");
    out.emplace_back(ascii_lower(key.str()), *named);
  }
  return out;
}

ChromeConfig load_config() {
  const auto text = embedded_file(kChromeFile);
  if (!text) throw_runtime(std::string(kChromeFile) + " is not compiled in");
  toml::table doc;
  try {
    doc = toml::parse(*text, std::string_view(kChromeFile));
  } catch (const toml::parse_error& e) {
    throw_runtime(std::string(kChromeFile) + ":" + std::to_string(e.source().begin.line) + ": " +
                  std::string(e.description()));
  }
  ChromeConfig cfg;
  for (auto& t : read_string_list(doc, "chrome.tags")) cfg.tags.insert(std::move(t));
  for (auto& r : read_string_list(doc, "chrome.roles")) cfg.roles.insert(std::move(r));
  cfg.class_parts = read_string_list(doc, "chrome.class_parts");
  cfg.credit_parts = read_string_list(doc, "credit.class_parts");
  cfg.subtitle_parts = read_string_list(doc, "subtitle.class_parts");
  cfg.kept_aside_parts = read_string_list(doc, "aside.kept_parts");
  cfg.positive_parts = read_string_list(doc, "score.positive");
  cfg.negative_parts = read_string_list(doc, "score.negative");
  cfg.callout_kinds = read_kind_table(doc, "callout.kinds");
  cfg.callout_generic = read_kind_table(doc, "callout.generic");
  for (auto& [k, v] : read_kind_table(doc, "callout.roles")) cfg.callout_roles.emplace(k, v);
  for (auto& [k, v] : read_kind_table(doc, "callout.labels")) cfg.labels.emplace(k, v);
  for (auto& w : read_string_list(doc, "controls.words")) cfg.control_words.insert(std::move(w));
  for (auto& c : read_string_list(doc, "holders.body_classes")) cfg.body_classes.insert(std::move(c));
  return cfg;
}

bool may_be_callout(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_DIV: case GUMBO_TAG_SECTION: case GUMBO_TAG_ASIDE: case GUMBO_TAG_P:
    case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_DETAILS:
      return true;
    default:
      return false;
  }
}

std::optional<std::string> hidden_reason(const GumboNode* el) {
  if (attr(el, "hidden") != nullptr) return "chrome: hidden";
  if (const char* a = attr(el, "aria-hidden"); a != nullptr && ascii_lower(trim(a)) == "true")
    return "chrome: aria-hidden";
  if (const char* style = attr(el, "style"); style != nullptr) {
    std::string s;
    for (char c : std::string_view(style).substr(0, kMaxClassBytes))
      if (!is_html_space(c)) s += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    if (s.find("display:none") != npos || s.find("visibility:hidden") != npos) return "chrome: hidden";
  }
  return std::nullopt;
}

const std::string* find_chrome_part(const std::vector<std::string>& tokens, const std::vector<std::string>& parts) {
  for (const auto& part : parts)
    for (const auto& token : tokens)
      if (chrome_part_matches(token, part)) return &part;
  return nullptr;
}

/// Whether a class or id token is one of the body_classes ("entry-content").
bool names_body(const GumboNode* n) {
  if (!is_element(n)) return false;
  const auto& body = chrome_config().body_classes;
  for (const auto& token : class_tokens(n))
    if (body.count(token) != 0) return true;
  return false;
}

bool is_form_control(GumboTag tag) {
  return tag == GUMBO_TAG_INPUT || tag == GUMBO_TAG_TEXTAREA || tag == GUMBO_TAG_SELECT || tag == GUMBO_TAG_BUTTON;
}

/// An accordion's question as a button that opens its answer:
/// <button aria-expanded="false" aria-controls="faq-2">Is it catching?</button>.
/// A menu's toggle ("Open menu") asks nothing.
bool is_accordion_question(const GumboNode* n) {
  constexpr std::size_t kMinWords = 3;
  if (tag_of(n) != GUMBO_TAG_BUTTON || (attr(n, "aria-expanded") == nullptr && attr(n, "aria-controls") == nullptr))
    return false;
  const std::string text = collapse(subtree_text(n, 400));
  return count_words(text) >= kMinWords && (text.ends_with("?") || text.ends_with("\xEF\xBC\x9F"));
}

/// A <div> or <section> holding a form control and only a few words: a
/// sign-up, search or feedback box in markup with no class hints (utility
/// CSS). Boxes with code or a table are content with a "Copy" button.
bool is_form_box(const GumboNode* el) {
  const GumboTag tag = el->v.element.tag;
  if (tag != GUMBO_TAG_DIV && tag != GUMBO_TAG_SECTION) return false;
  if (count_words(subtree_text(el, kFormBoxWords * 20)) > kFormBoxWords) return false;
  // A heading holding a button is an accordion's section title, not a form.
  const auto content = [](const GumboNode* n) {
    const GumboTag t = tag_of(n);
    const bool heading = t >= GUMBO_TAG_H1 && t <= GUMBO_TAG_H6;
    // A list of two items or more is a checklist, a recipe's ingredients with their check boxes.
    const auto items = [](const GumboNode* l) {
      unsigned count = 0;
      const GumboVector* kids = children_of(l);
      for (unsigned i = 0; i < kids->length; ++i) count += tag_of(child_at(kids, i)) == GUMBO_TAG_LI ? 1 : 0;
      return count;
    };
    const bool list = (t == GUMBO_TAG_UL || t == GUMBO_TAG_OL) && items(n) >= 2;
    return t == GUMBO_TAG_PRE || t == GUMBO_TAG_CODE || t == GUMBO_TAG_TABLE || list ||
           (heading && find_element(n, [](const GumboNode* k) { return tag_of(k) == GUMBO_TAG_BUTTON; }) != nullptr) ||
           is_accordion_question(n);
  };
  // A transcript's cue is a line of speech under its seek button ("0:07"),
  // and a section's header has its collapse toggle ("-"): no forms.
  const auto control = [](const GumboNode* n) {
    if (!is_form_control(tag_of(n))) return false;
    if (tag_of(n) != GUMBO_TAG_BUTTON) return true;
    const std::string text = collapse(subtree_text(n, 16));
    const char* label = attr(n, "aria-label");
    const std::string lower = label != nullptr ? ascii_lower(trim(label)) : std::string();
    const bool toggle = text == "-" || text == "+" || text == "\u2212" || lower.starts_with("collapse section") ||
                        lower.starts_with("expand section");
    return !is_clock(text) && !toggle;
  };
  return find_element(el, content) == nullptr && find_element(el, control) != nullptr;
}

/// A recipe card that holds only the recipe's facts (its name, times,
/// servings, buttons) and no list of ingredients or steps: the recipe is in
/// the article already, and the card repeats it as a summary. A step or an
/// ingredient of the card's own lists ("wprm-recipe-instruction-text" inside
/// its <li>) is the recipe, not a summary of it.
bool is_recipe_summary(const GumboNode* el, const std::vector<std::string>& tokens) {
  constexpr std::size_t kMaxSummaryWords = 40;
  const bool recipe = std::any_of(tokens.begin(), tokens.end(),
                                  [](const std::string& t) { return token_has_part(t, "recipe"); });
  if (!recipe || el->v.element.tag != GUMBO_TAG_DIV) return false;
  for (const GumboNode* up = el->parent; up != nullptr && up->type == GUMBO_NODE_ELEMENT; up = up->parent)
    if (tag_of(up) == GUMBO_TAG_LI) return false;
  const bool part_of_recipe = std::any_of(tokens.begin(), tokens.end(), [](const std::string& t) {
    return token_has_part(t, "instruction") || token_has_part(t, "ingredient") || token_has_part(t, "direction") ||
           token_has_part(t, "notes");
  });
  if (part_of_recipe) return false;
  const std::string text = subtree_text(el, kMaxSummaryWords * 20);
  if (count_words(text) > kMaxSummaryWords || std::none_of(text.begin(), text.end(), [](char c) {
        return std::isdigit(static_cast<unsigned char>(c));
      }))
    return false;
  return find_element(el, [](const GumboNode* n) {
           const GumboTag t = tag_of(n);
           return t == GUMBO_TAG_UL || t == GUMBO_TAG_OL || t == GUMBO_TAG_TABLE || t == GUMBO_TAG_P;
         }) == nullptr;
}

/// A transcript's or a video's seek link: its time alone, pointing into the
/// page or the player ("<a href="#t=41">00:41</a>", "&t=19s").
bool is_seek_link(const GumboNode* el) {
  if (tag_of(el) != GUMBO_TAG_A) return false;
  const char* href = attr(el, "href");
  if (href == nullptr) return false;
  const std::string_view h(href);
  return (h.starts_with("#") || h.find("t=") != std::string_view::npos) && is_clock(collapse(subtree_text(el, 16)));
}

/// A line that only dates the article: a block whose text is its <time>
/// element's, behind a label of a few words at most ("Saturday 21 April 2029
/// 7:00 am", "Published <time>4 May</time>"). A sentence that names a date
/// keeps it.
bool is_time_line(const GumboNode* el) {
  constexpr std::size_t kMaxChars = 120, kMaxLabelWords = 3;
  const GumboTag tag = tag_of(el);
  if (tag != GUMBO_TAG_P && tag != GUMBO_TAG_DIV && tag != GUMBO_TAG_SPAN) return false;
  // subtree_text() stops after twice its limit in raw bytes, indentation
  // included: a wrapper's first lines may be nothing but a date and a headline
  // ("2030-07-30 はじめての梅干し..." over a whole blog post). Ask for more.
  constexpr std::size_t kReach = 16;
  const std::string text = collapse(subtree_text(el, kMaxChars * kReach));
  if (text.size() > kMaxChars) return false;
  const GumboNode* time = find_element(el, [](const GumboNode* n) { return tag_of(n) == GUMBO_TAG_TIME; });
  if (time == nullptr) return false;
  // A live blog's entry time alone ("09:48") heads its entry.
  const std::string when = collapse(subtree_text(time, kMaxChars + 1));
  const std::size_t at = when.empty() || is_clock(when) ? std::string::npos : text.find(when);
  if (at == std::string::npos) return false;
  const std::string rest = text.substr(0, at) + " " + text.substr(at + when.size());
  return count_words(rest) <= kMaxLabelWords && rest.find_first_of(".!?") == std::string::npos;
}

/// An episode's or a video's chapters: a list or a box whose every item is
/// a seek link and a few words ("00:45 Why people need a kidney"), under a
/// title of its own at most; its table of contents.
bool is_chapter_list(const GumboNode* el) {
  constexpr unsigned kMinItems = 2;
  constexpr std::size_t kMaxItemWords = 12;  // a chapter's title; a transcript's turn says more
  const GumboTag tag = tag_of(el);
  if (tag != GUMBO_TAG_UL && tag != GUMBO_TAG_OL && tag != GUMBO_TAG_DIV) return false;
  const GumboVector* kids = children_of(el);
  unsigned items = 0, others = 0;
  for (unsigned i = 0; i < kids->length; ++i) {
    const GumboNode* item = child_at(kids, i);
    if (!is_element(item)) continue;
    const GumboNode* link = find_element(item, [](const GumboNode* n) { return tag_of(n) == GUMBO_TAG_A; });
    if (link != nullptr && is_seek_link(link)) {
      if (count_words(subtree_text(item, kMaxItemWords * 20)) > kMaxItemWords) return false;
      ++items;
    } else if (++others > 1 || items > 0 || link != nullptr) {
      return false;  // only a title ("Chapters") may stand before the items
    }
  }
  return items >= kMinItems;
}

/// A reply under a post or a story, as its microdata names it:
/// itemprop="comment", itemtype="https://schema.org/Comment".
bool is_comment_microdata(const GumboNode* el) {
  const char* prop = attr(el, "itemprop");
  const char* type = attr(el, "itemtype");
  return (prop != nullptr && ascii_lower(trim(prop)) == "comment") ||
         (type != nullptr && ascii_lower(trim(type)).ends_with("schema.org/comment"));
}

}  // namespace

bool names_article_body(const GumboNode* n) { return names_body(n); }

bool is_article_body(const GumboNode* el) {
  const char* prop = attr(el, "itemprop");
  return prop != nullptr && std::string_view(prop).find("articleBody") != npos;
}

const ChromeConfig& chrome_config() {
  static const ChromeConfig cfg = load_config();
  return cfg;
}

std::optional<CalloutInfo> callout_of(const GumboNode* el, const std::vector<std::string>& tokens) {
  if (!may_be_callout(el->v.element.tag)) return std::nullopt;
  const auto& cfg = chrome_config();
  for (const auto& [part, kind] : cfg.callout_kinds)
    for (const auto& token : tokens)
      if (token_has_part(token, part)) return CalloutInfo{kind, false};
  const std::string role = role_of(el);
  if (auto it = cfg.callout_roles.find(role); it != cfg.callout_roles.end()) return CalloutInfo{it->second, true};
  for (const auto& [part, kind] : cfg.callout_generic)
    for (const auto& token : tokens)
      if (token_has_part(token, part)) return CalloutInfo{kind, true};
  return std::nullopt;
}

ContentHolders find_content_holders(const GumboNode* document) {
  ContentHolders holders;
  std::vector<const GumboNode*> stack{document};
  while (!stack.empty()) {
    const GumboNode* n = stack.back();
    stack.pop_back();
    const GumboVector* kids = children_of(n);
    if (kids == nullptr) continue;
    const GumboTag tag = tag_of(n);
    // A customer's review or a comment in an <article> of its own holds no article.
    constexpr std::size_t kMinArticleWords = 60;
    const bool article = tag == GUMBO_TAG_ARTICLE && count_words(subtree_text(n, kMinArticleWords * 12)) >= kMinArticleWords;
    if (tag == GUMBO_TAG_H1 || article || tag == GUMBO_TAG_MAIN || names_body(n))
      for (const GumboNode* up = n->parent; up != nullptr && holders.insert(up).second;) up = up->parent;
    for (unsigned i = kids->length; i-- > 0;) stack.push_back(child_at(kids, i));
  }
  return holders;
}

bool chrome_part_matches(std::string_view token, std::string_view part) {
  // WordPress block styles say how text looks, never what it is:
  // "has-large-font-size", "has-background", "has-text-align-center".
  if (token.starts_with("has-")) return false;
  // "no-share", "no-ads", "without-sidebar": a theme's switch saying a block
  // has none of it ("entry-content no-share" is the article's text).
  if (token.starts_with("no-") || token.starts_with("no_") || token.starts_with("without-")) return false;
  // Elementor builds every page of widgets ("elementor-widget-text-editor",
  // "elementor-widget-heading"); the others name what the widget is
  // ("elementor-widget-nav-menu", "elementor-widget-share-buttons").
  if (part == "widget" && token.starts_with("elementor")) return false;
  // "gem-print-columns-none", "d-print-none", "no-print": how a block is
  // printed, said of article text as often as of a print button.
  if (part == "print")
    for (std::string_view how : {"none", "hide", "hidden", "columns", "block", "flex", "inline", "no"})
      if (token_has_part(token, how)) return false;
  if (token_has_part(token, part)) return true;
  // A BEM element of a block: "cb-article__meta" is an "article-meta".
  if (part.find('-') != npos && token.find("__") != npos) {
    std::string joined(token);
    for (std::size_t at = joined.find("__"); at != npos; at = joined.find("__", at + 1)) joined.replace(at, 2, "-");
    if (token_has_part(joined, part)) return true;
  }
  if (part.size() < 6 || token.size() <= part.size()) return false;
  // Run together at either end of the token or of one of its hyphen/underscore
  // pieces: "cookieconsent", "jp-relatedposts".
  for (std::size_t pos = 0; pos < token.size();) {
    std::size_t end = token.find_first_of("-_", pos);
    if (end == npos) end = token.size();
    const std::string_view piece = token.substr(pos, end - pos);
    if (piece.size() > part.size() && (piece.starts_with(part) || piece.ends_with(part))) return true;
    pos = end + 1;
  }
  return false;
}

/// "00:00", "1:02:03", "/", "1x", "1.5x", "-15", "+30": the parts of a player
/// that are no words.
bool is_player_token(std::string_view w) {
  if (w == "/" || w == "|") return true;
  std::size_t digits = 0, colons = 0;
  for (char c : w) {
    if (c >= '0' && c <= '9') ++digits;
    else if (c == ':') ++colons;
    else if (c != '.' && c != 'x' && c != '-' && c != '+' && c != '\xC3' && c != '\x97') return false;  // U+00D7 ×
  }
  return digits > 0 && (colons > 0 || w.ends_with('x') || w.front() == '-' || w.front() == '+');
}

bool is_control_text(std::string_view text) {
  constexpr std::size_t kMaxWords = 16;  // a widget is a row of buttons, not a sentence
  const auto& words = chrome_config().control_words;
  std::size_t count = 0, named = 0;
  for (std::size_t pos = 0; pos < text.size();) {
    while (pos < text.size() && is_ascii_space(text[pos])) ++pos;
    std::size_t stop = pos;
    while (stop < text.size() && !is_ascii_space(text[stop])) ++stop;
    if (stop == pos) break;
    std::string w = ascii_lower(text.substr(pos, stop - pos));
    while (!w.empty() && (w.back() == ':' || w.back() == ',')) w.pop_back();
    pos = stop;
    if (++count > kMaxWords) return false;
    if (is_player_token(w)) continue;
    if (words.count(w) == 0) return false;
    named += w.size() > 1;  // "A A A" alone names nothing
  }
  return named > 0 && count >= 2;
}

/// A paragraph that is one short link and nothing else: "More about dengue",
/// "Read our guide to sleep". A phone link ("Call 999") is advice and stays.
bool is_link_line(const GumboNode* el) {
  constexpr std::size_t kMaxWords = 6;
  if (el->v.element.tag != GUMBO_TAG_P) return false;
  const GumboNode* link = nullptr;
  const GumboVector& kids = el->v.element.children;
  for (unsigned i = 0; i < kids.length; ++i) {
    const auto* k = static_cast<const GumboNode*>(kids.data[i]);
    if (k->type == GUMBO_NODE_WHITESPACE || k->type == GUMBO_NODE_COMMENT) continue;
    if (link != nullptr || tag_of(k) != GUMBO_TAG_A) return false;
    link = k;
  }
  if (link == nullptr) return false;
  const char* href = attr(link, "href");
  if (href == nullptr || std::string_view(href).starts_with("tel:")) return false;
  const std::string text = subtree_text(link, kMaxWords * 20);
  return count_words(text) <= kMaxWords && std::none_of(text.begin(), text.end(), [](char c) {
           return std::isdigit(static_cast<unsigned char>(c)) != 0;
         });
}

/// A video embedded in the article: a box that opens with a label to watch
/// ("WATCH", "Video", "Assista") and shows the clip's length ("02:38") beside
/// its title. Its title is no text of the article.
bool is_video_box(const GumboNode* el) {
  constexpr std::size_t kMaxWords = 25;
  static constexpr std::string_view kLabels[] = {"watch", "video", "vídeo", "watch video", "watch:", "video:",
                                                 "ver vídeo", "ver video", "assista", "guarda", "guarda il video",
                                                 "regarder", "vidéo", "anschauen"};
  const GumboTag tag = el->v.element.tag;
  if (tag != GUMBO_TAG_DIV && tag != GUMBO_TAG_SECTION && tag != GUMBO_TAG_FIGURE && tag != GUMBO_TAG_ASIDE) return false;
  const std::string text = subtree_text(el, kMaxWords * 12, true);  // "WATCH" and "02:38" are words apart
  if (count_words(text) > kMaxWords) return false;
  const std::string lower = ascii_lower(trim(text));
  const bool labelled = std::any_of(std::begin(kLabels), std::end(kLabels), [&](std::string_view l) {
    return lower.starts_with(l) && (lower.size() == l.size() || lower[l.size()] == ' ');
  });
  if (!labelled) return false;
  // The clip's length: "2:38" or "02:38" standing as a word of its own.
  for (std::size_t at = lower.find(':'); at != std::string::npos; at = lower.find(':', at + 1)) {
    std::size_t before = at, after = at + 1;
    while (before > 0 && std::isdigit(static_cast<unsigned char>(lower[before - 1])) != 0) --before;
    while (after < lower.size() && std::isdigit(static_cast<unsigned char>(lower[after])) != 0) ++after;
    const bool word_start = before == 0 || lower[before - 1] == ' ';
    const bool word_end = after == lower.size() || lower[after] == ' ';
    if (at - before >= 1 && at - before <= 2 && after - at - 1 == 2 && word_start && word_end) return true;
  }
  return false;
}

/// A service box: a short question for a title ("Questions?", "Precisa de
/// aconselhamento?", "Questions? Ask a pharmacist") over a telephone line or
/// chat to use, or a paid service's button. It points away from the
/// article. Not a box that speaks of an emergency: a warning never goes.
bool is_service_box(const GumboNode* el) {
  constexpr std::size_t kMaxWords = 45;
  constexpr std::size_t kMaxQuestionWords = 3;
  const GumboTag tag = el->v.element.tag;
  if (tag != GUMBO_TAG_DIV && tag != GUMBO_TAG_SECTION && tag != GUMBO_TAG_ASIDE) return false;
  const std::string text = subtree_text(el, kMaxWords * 12, true);
  if (count_words(text) > kMaxWords) return false;
  const std::string lower = ascii_lower(trim(text));
  const std::size_t question = lower.find('?');
  if (question == npos || count_words(std::string_view(lower).substr(0, question)) > kMaxQuestionWords) return false;
  if (speaks_of_emergency(lower)) return false;
  if (holds_phone_number(lower)) return true;
  // Or a paid service and its button: "Feeling sinus pressure? See a
  // provider by video … Visits start at $39. Start a visit".
  const bool price = lower.find('$') != npos || lower.find("\xC2\xA3") != npos || lower.find("\xE2\x82\xAC") != npos;
  return price && find_element(el, [](const GumboNode* n) {
           return tag_of(n) == GUMBO_TAG_A || tag_of(n) == GUMBO_TAG_BUTTON;
         }) != nullptr;
}

/// The element children of `el` that show something: no comments, scripts or
/// bare pictures.
std::vector<const GumboNode*> shown_children(const GumboNode* el) {
  std::vector<const GumboNode*> out;
  const GumboVector* kids = children_of(el);
  for (unsigned i = 0; kids != nullptr && i < kids->length; ++i) {
    const GumboNode* k = child_at(kids, i);
    if (!is_element(k) || is_silent_tag(tag_of(k))) continue;
    const GumboTag t = tag_of(k);
    if (t == GUMBO_TAG_IMG || tag_name(k) == "picture" || t == GUMBO_TAG_SVG || t == GUMBO_TAG_FIGURE) continue;
    out.push_back(k);
  }
  return out;
}

/// Whether every word of `text` is one of a widget's ("Share", "Print").
bool only_control_words(std::string_view text) {
  const auto& words = chrome_config().control_words;
  bool any = false;
  for (const std::string& w : lowercase_words(text)) {
    if (words.count(w) == 0) return false;
    any = true;
  }
  return any;
}

/// A link or button standing alone as a box's last line: "Find a course near
/// you", "Register now", <p><a class="btn">J'ouvre mon compte</a></p>.
bool is_action_line(const GumboNode* el) {
  constexpr std::size_t kMaxActionWords = 6;
  for (int depth = 0; depth < 3 && el != nullptr; ++depth) {
    const GumboTag t = tag_of(el);
    if (t == GUMBO_TAG_A || t == GUMBO_TAG_BUTTON) {
      const std::string text = subtree_text(el, 120);
      return count_words(text) <= kMaxActionWords && !only_control_words(text);  // a "Share" row is no pitch
    }
    if (t != GUMBO_TAG_P && t != GUMBO_TAG_DIV && t != GUMBO_TAG_SPAN) return false;
    const std::vector<const GumboNode*> inner = shown_children(el);
    if (inner.size() != 1 || subtree_text(el, 200) != subtree_text(inner.front(), 200)) return false;
    el = inner.front();
  }
  return false;
}

/// A box of links to other stories under its label: "READ MORE:" over
/// <p><a>How much screen time is too much for adults?</a></p>. Every line
/// under the label is one link, whole; a box with a sentence of its own is a
/// callout of the text.
bool is_read_more_box(const GumboNode* el) {
  constexpr std::size_t kMaxLabelWords = 4, kMaxLinks = 6;
  const GumboTag tag = el->v.element.tag;
  if (tag != GUMBO_TAG_DIV && tag != GUMBO_TAG_SECTION && tag != GUMBO_TAG_ASIDE) return false;
  const std::vector<const GumboNode*> kids = shown_children(el);
  if (kids.size() < 2 || kids.size() > kMaxLinks + 1) return false;
  const std::string label_text = subtree_text(kids.front(), 200);
  const std::string_view label = trim(label_text);
  if (label.empty() || label.back() != ':' || count_words(label) > kMaxLabelWords ||
      find_element(kids.front(), [](const GumboNode* n) { return tag_of(n) == GUMBO_TAG_A; }) != nullptr)
    return false;
  return std::all_of(kids.begin() + 1, kids.end(), [](const GumboNode* k) {
    if (tag_of(k) != GUMBO_TAG_P) return false;
    const GumboNode* link = find_element(k, [](const GumboNode* n) { return tag_of(n) == GUMBO_TAG_A; });
    if (link == nullptr) return false;
    const std::string line = subtree_text(k, 400), linked = subtree_text(link, 400);
    return !trim(line).empty() && trim(line) == trim(linked);
  });
}

/// A promotion card: a box of a short title and a line or two of pitch,
/// closed by its button ("Learn it hands-on ... Find a course near you",
/// "Free fertility check-up camp this Sunday ... Register now"). Its text
/// points away from the article. Not a list, a table or a box that speaks
/// of an emergency.
bool is_promo_card(const GumboNode* el) {
  constexpr std::size_t kMaxWords = 45, kMaxTitleWords = 12;
  const GumboTag tag = el->v.element.tag;
  if (tag != GUMBO_TAG_DIV && tag != GUMBO_TAG_SECTION && tag != GUMBO_TAG_ASIDE) return false;
  const std::vector<const GumboNode*> kids = shown_children(el);
  if (kids.size() < 2 || kids.size() > 4 || !is_action_line(kids.back())) return false;
  if (count_words(subtree_text(kids.front(), kMaxTitleWords * 20)) > kMaxTitleWords) return false;
  // A heading over its toggle is a section's header, not a card: a card has a line of pitch.
  bool pitch = false;
  for (std::size_t i = 0; i + 1 < kids.size(); ++i) {
    const GumboTag t = tag_of(kids[i]);
    const bool line = t == GUMBO_TAG_P || t == GUMBO_TAG_SPAN || t == GUMBO_TAG_STRONG;
    if (!line && !(t >= GUMBO_TAG_H2 && t <= GUMBO_TAG_H6)) return false;
    pitch = pitch || line;
  }
  if (!pitch) return false;
  const std::string whole = subtree_text(el, kMaxWords * 12, true);
  if (count_words(whole) > kMaxWords) return false;
  return !speaks_of_emergency(ascii_lower(whole));
}

/// Whether `text` holds a price: a currency sign right before a digit
/// ("£11.99", "$29", "€ 12,90").
bool holds_price(std::string_view text) {
  for (std::string_view sign : {"$", "\xC2\xA3", "\xE2\x82\xAC"}) {
    for (std::size_t at = text.find(sign); at != npos; at = text.find(sign, at + 1)) {
      std::size_t k = at + sign.size();
      if (k < text.size() && text[k] == ' ') ++k;
      if (k < text.size() && std::isdigit(static_cast<unsigned char>(text[k])) != 0) return true;
    }
  }
  return false;
}

/// A shop's product box set into a post: a box of up to eighty words with a
/// price and a link marked rel="sponsored" (an affiliate plugin's
/// "Bestseller No. 1 ... £11.99 Buy on Amazon"). A paragraph with such a link
/// is the writer's text and stays.
bool is_affiliate_box(const GumboNode* el) {
  constexpr std::size_t kMaxWords = 80, kParagraphWords = 15;
  const GumboTag tag = el->v.element.tag;
  if (tag != GUMBO_TAG_DIV && tag != GUMBO_TAG_SECTION && tag != GUMBO_TAG_ASIDE) return false;
  const std::string text = subtree_text(el, kMaxWords * 12, true);
  if (count_words(text) > kMaxWords || !holds_price(text)) return false;
  const auto sponsored = [](const GumboNode* n) {
    const char* rel = tag_of(n) == GUMBO_TAG_A ? attr(n, "rel") : nullptr;
    return rel != nullptr && ascii_lower(rel).find("sponsored") != npos;
  };
  const auto paragraph = [](const GumboNode* n) {
    return tag_of(n) == GUMBO_TAG_P && count_words(subtree_text(n, kParagraphWords * 30)) >= kParagraphWords;
  };
  return find_element(el, sponsored) != nullptr && find_element(el, paragraph) == nullptr;
}

/// A footnote or citation mark: <sup><a href="#cite_note-2">[2]</a></sup>, a
/// number of at most three digits (in brackets or not) linking inside the page.
bool is_citation_mark(const GumboNode* el) {
  if (el->v.element.tag != GUMBO_TAG_SUP) return false;
  const std::string text = subtree_text(el, 16);
  std::string_view t = trim(text);
  if (t.starts_with('[') && t.ends_with(']')) t = t.substr(1, t.size() - 2);
  if (t.empty() || t.size() > 3 || !std::all_of(t.begin(), t.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }))
    return false;
  return find_element(el, [](const GumboNode* n) {
           const char* href = tag_of(n) == GUMBO_TAG_A ? attr(n, "href") : nullptr;
           return href != nullptr && href[0] == '#';
         }) != nullptr;
}

/// An accordion of back matter: a box whose first element is a button or a
/// <summary> reading "Sources", "References" or "External links" (the list
/// under it opens on a click).
bool is_reference_accordion(const GumboNode* el) {
  const GumboTag tag = el->v.element.tag;
  if (tag != GUMBO_TAG_DIV && tag != GUMBO_TAG_SECTION && tag != GUMBO_TAG_DETAILS) return false;
  const GumboVector* kids = children_of(el);
  for (unsigned i = 0; kids != nullptr && i < kids->length; ++i) {
    const GumboNode* k = child_at(kids, i);
    if (!is_element(k)) continue;
    if (tag_of(k) != GUMBO_TAG_BUTTON && tag_of(k) != GUMBO_TAG_SUMMARY) return false;
    const std::string text = subtree_text(k, 80);
    return is_reference_heading(text, count_words(text));
  }
  return false;
}

bool looks_like_prose(const GumboNode* el) {
  const std::string text = subtree_text(el, kHiddenProseChars * 4);
  if (count_chars(text) < kHiddenProseChars) return false;
  const bool sentences = text.find(". ") != npos || text.find("\xE3\x80\x82") != npos || text.ends_with(".");
  return sentences && count_words(text) >= 20;
}

std::vector<const GumboNode*> prose_paragraphs(const GumboNode* el, std::size_t enough) {
  constexpr std::size_t kWords = 15;
  std::vector<const GumboNode*> found;
  find_element(el, [&](const GumboNode* n) {
    if (tag_of(n) == GUMBO_TAG_P && count_words(subtree_text(n, kWords * 20)) >= kWords) found.push_back(n);
    return found.size() >= enough;
  });
  return found;
}

/// Whether `el` holds paragraphs of article prose: at least three. No print
/// button, toolbar or widget does.
bool holds_paragraphs(const GumboNode* el) {
  constexpr std::size_t kParagraphs = 3;
  return prose_paragraphs(el, kParagraphs).size() >= kParagraphs;
}

/// Whether an <aside> is a box of the text's prose: two paragraphs or more
/// that link nowhere ("Ask the Pediatrician": a reader's question and the
/// answer). A promo or a bio box links out or is classed.
bool holds_prose_box(const GumboNode* el) {
  constexpr std::size_t kParagraphs = 2;
  const std::vector<const GumboNode*> paragraphs = prose_paragraphs(el, std::numeric_limits<std::size_t>::max());
  return paragraphs.size() >= kParagraphs && std::none_of(paragraphs.begin(), paragraphs.end(), [](const GumboNode* p) {
           return find_element(p, [](const GumboNode* a) { return tag_of(a) == GUMBO_TAG_A; }) != nullptr;
         });
}

/// Whether an <aside> is a box of the text's own points: a list of three
/// items or more, most of them sentences of five words or more with their
/// stops (a sales box's ticked features have none), none a link
/// ("How a run works: 1. A hospital rings the controller on duty. ...", "How
/// to report a pothole"). A list of stories is links; a menu is short items.
bool holds_sentence_list(const GumboNode* el) {
  constexpr std::size_t kMinItems = 3, kMinWords = 5;
  const GumboNode* list = find_element(el, [](const GumboNode* n) { return tag_of(n) == GUMBO_TAG_UL || tag_of(n) == GUMBO_TAG_OL; });
  if (list == nullptr || find_element(list, [](const GumboNode* a) { return tag_of(a) == GUMBO_TAG_A; }) != nullptr) return false;
  std::size_t items = 0, sentences = 0;
  const GumboVector* kids = children_of(list);
  for (unsigned i = 0; kids != nullptr && i < kids->length; ++i) {
    const GumboNode* k = child_at(kids, i);
    if (tag_of(k) != GUMBO_TAG_LI) continue;
    ++items;
    const std::string whole = subtree_text(k, 400);
    const std::string_view text = trim(whole);
    const bool stop = text.ends_with('.') || text.ends_with('!') || text.ends_with('?');
    sentences += stop && count_words(text) >= kMinWords ? 1 : 0;
  }
  return items >= kMinItems && sentences * 3 >= items * 2;
}

/// Whether an <aside> is a quotation in the text: a <blockquote> of prose
/// that links nowhere, as a forum post quotes a warning or another post.
bool holds_quotation(const GumboNode* el) {
  const GumboNode* quote = find_element(el, [](const GumboNode* n) { return tag_of(n) == GUMBO_TAG_BLOCKQUOTE; });
  return quote != nullptr && !prose_paragraphs(quote, 1).empty() &&
         find_element(quote, [](const GumboNode* a) { return tag_of(a) == GUMBO_TAG_A; }) == nullptr;
}

/// Whether one of `n`'s class or id tokens names `part` (chrome_part_matches).
bool classes_name(const GumboNode* n, std::string_view part) {
  const auto tokens = class_tokens(n);
  return std::any_of(tokens.begin(), tokens.end(), [&](const std::string& t) { return chrome_part_matches(t, part); });
}

/// Whether an element above `n` has classes naming `part`: a box's own parts
/// ("infobox__title", "gallery-slide__title") go with the box.
bool inside_part(const GumboNode* n, std::string_view part) {
  for (const GumboNode* up = n->parent; up != nullptr && is_element(up); up = up->parent)
    if (classes_name(up, part)) return true;
  return false;
}

const GumboNode* document_of(const GumboNode* n) {
  while (n->parent != nullptr) n = n->parent;
  return n;
}

/// Whether `el` is a forum thread's first post, classed as a comment as its
/// replies are (Invision's "ipsComment"): the first of two or more comments
/// in a row, on a page with little prose outside them.
bool opens_thread(const GumboNode* el) {
  const GumboNode* feed = el->parent;
  const GumboVector* kids = children_of(feed);
  if (kids == nullptr) return false;
  bool first = false, more = false;
  for (unsigned i = 0; i < kids->length; ++i) {
    const GumboNode* k = child_at(kids, i);
    if (!is_element(k) || !classes_name(k, "comment")) continue;
    if (!first && k != el) return false;  // a later comment: a reply
    if (first) more = true;
    first = true;
  }
  if (!more) return false;
  // The paragraphs of prose outside the thread (a notice, the footer's blurb)
  // weigh less than half the post.
  constexpr std::size_t kWords = 15, kMaxPostWords = 4000;
  std::size_t outside = 0;
  find_element(
      document_of(feed),
      [&](const GumboNode* n) {
        if (tag_of(n) != GUMBO_TAG_P) return false;
        const std::size_t words = count_words(subtree_text(n, kMaxPostWords));
        if (words >= kWords) outside += words;
        return false;
      },
      [feed](const GumboNode* n) { return n == feed; });
  return 2 * outside < count_words(subtree_text(el, kMaxPostWords * 4));
}

/// Whether `part` stands in `el`'s classes only as a BEM modifier: "rpl-layout--sidebar".
bool only_as_modifier(const GumboNode* el, std::string_view part) {
  bool any = false;
  for (const auto& token : class_tokens(el)) {
    if (!chrome_part_matches(token, part)) continue;
    const std::string lower = ascii_lower(token);
    if (!lower.ends_with("--" + std::string(part))) return false;
    any = true;
  }
  return any;
}

/// Whether the page's <h1> sits inside an element whose classes name `part`.
bool headline_in_part(const GumboNode* el, std::string_view part) {
  const GumboNode* h1 = find_element(document_of(el), [](const GumboNode* n) { return tag_of(n) == GUMBO_TAG_H1; });
  return h1 != nullptr && inside_part(h1, part);
}

/// Class parts that name how a block is shown rather than what it is
/// ("print-body" on a printer-friendly page, "tools" on a wrapper): they
/// mark chrome only on a block without paragraphs of prose. On a printer-
/// friendly page every block is "print-something", so there a single
/// sentence of prose ("print-standfirst") is enough; a print button has none.
bool is_layout_chrome(std::string_view part, const GumboNode* el) {
  // A block's modifier names a variant of it: "rpl-layout--sidebar" is a
  // layout that has a sidebar, and one that holds paragraphs of prose holds the text.
  if (only_as_modifier(el, part) && holds_paragraphs(el)) return false;
  // A sentence: a dozen words or more with a full stop.
  const auto holds_sentence = [el] {
    constexpr std::size_t kWords = 12;
    const std::string text = subtree_text(el, kWords * 40);
    return count_words(text) >= kWords &&
           (text.find('.') != std::string::npos || text.find("\xE3\x80\x82") != std::string::npos);
  };
  if (part == "print") return !holds_paragraphs(el) && !holds_sentence();
  // An encyclopedia's infobox is a table of facts; a German page's
  // "infobox infobox--tipp" is a tip in prose, a callout of the text.
  if (part == "infobox") {
    // A kept box's own parts ("infobox__title") stay with it.
    if (inside_part(el, "infobox")) return false;
    return !holds_sentence() ||
           find_element(el, [](const GumboNode* n) { return tag_of(n) == GUMBO_TAG_TABLE; }) != nullptr;
  }
  // A photo gallery's few captions ("Gallery: Along the fault", three
  // pictures' lines, "See all 86 pictures"); a gallery that tells the story,
  // in paragraphs or in its slides' long captions, is the text.
  if (part == "gallery") {
    // The gallery decides for its parts ("gallery-slide__title"): a kept one keeps them.
    if (inside_part(el, "gallery")) return false;
    constexpr std::size_t kMaxWords = 100;
    return prose_paragraphs(el, 1).empty() && count_words(subtree_text(el, kMaxWords * 20)) < kMaxWords;
  }
  // The thread's first post keeps its parts ("ipsComment_content").
  if (part == "comment")
    for (const GumboNode* up = el; up != nullptr && is_element(up); up = up->parent)
      if (opens_thread(up)) return false;
  // A page builder that sets every block in a "widget" (Readymag's "rm-widget"
  // around the <h1> itself): the word names its blocks, not a sidebar's, and
  // only a block without a heading or a paragraph of prose (a label, a
  // credit line, "Made with ...") is chrome.
  if (part == "widget" && headline_in_part(el, part))
    return prose_paragraphs(el, 1).empty() && find_element(el, [](const GumboNode* n) {
             const GumboTag tag = tag_of(n);
             return tag >= GUMBO_TAG_H1 && tag <= GUMBO_TAG_H6;
           }) == nullptr;
  // "paywalled", "paywall-content", "subscriber-only": the article's rest
  // behind a meter is the article; the gate itself ("Keep reading with
  // unlimited access", "Subscribe for $1") has no paragraphs of prose.
  for (std::string_view layout : {"tools", "utility", "widget", "player", "skip", "jump", "paywall", "subscribe"})
    if (part == layout) return !holds_paragraphs(el);
  return true;
}

/// Whether `part` in `el`'s classes only repeats the name of an ancestor that
/// holds the article: Tilda sets a blog post in a static "popup"
/// ("t-feed__post-popup__container" around the <h1>), and its title and text
/// are that popup's parts ("t-feed__post-popup__title", "..._text").
bool names_holders_part(const GumboNode* el, std::string_view part, const ContentHolders& holders) {
  std::vector<std::string> own;  // el's tokens naming the part: "t-feed__post-popup__title"
  for (const auto& token : class_tokens(el))
    if (chrome_part_matches(token, part)) own.push_back(token);
  for (const GumboNode* up = el->parent; up != nullptr && is_element(up); up = up->parent) {
    if (holders.count(up) == 0) continue;
    for (const auto& token : class_tokens(up)) {
      // The holder's block, its BEM element cut off: "t-feed__post-popup".
      const std::size_t cut = token.rfind("__");
      if (cut == std::string::npos || cut == 0 || !chrome_part_matches(token, part)) continue;
      const std::string block = token.substr(0, cut + 2);
      if (std::any_of(own.begin(), own.end(), [&](const std::string& t) { return t.starts_with(block); })) return true;
    }
  }
  return false;
}

std::optional<std::string> chrome_reason(const GumboNode* el, const std::vector<std::string>& tokens,
                                         bool header_is_content, bool is_callout, const ContentHolders& holders) {
  const auto& cfg = chrome_config();
  if (auto hidden = hidden_reason(el); hidden) {
    // A hidden transcript is the audio's or video's text, shown on request;
    // other hidden prose is the article's, revealed by script.
    const bool transcript = std::any_of(tokens.begin(), tokens.end(),
                                        [](const std::string& t) { return token_has_part(t, "transcript"); });
    if (transcript) return "chrome: hidden transcript";
    if (!looks_like_prose(el)) return hidden;
  }
  if (find_part(tokens, cfg.credit_parts) != nullptr) return "photo-credit";
  if (holders.count(el) == 0 && is_comment_microdata(el)) return "chrome: comment";
  // The text microdata names the article's ("subscriber-premium" on a news
  // CMS's paywalled body) is no chrome, whatever its classes say.
  if (const std::string* part = find_chrome_part(tokens, cfg.class_parts);
      part != nullptr && holders.count(el) == 0 && !is_article_body(el) && !names_holders_part(el, *part, holders) &&
      is_layout_chrome(*part, el))
    return "chrome: " + *part;
  const std::string name = tag_name(el);
  // An accordion's question is a button inside a heading: the heading's text, not a control.
  const bool heading_button = el->v.element.tag == GUMBO_TAG_BUTTON && el->parent != nullptr && is_element(el->parent) &&
                              el->parent->v.element.tag >= GUMBO_TAG_H1 && el->parent->v.element.tag <= GUMBO_TAG_H6;
  // A forum wraps a post's text in its edit form: a <form> with paragraphs of prose is the post.
  const bool post_form = name == "form" && holds_paragraphs(el);
  // A fact box, a summary box or a quotation is an <aside> of the text: "Barbecue safety: the basics", "Key Points".
  const bool kept_aside = name == "aside" && (find_part(tokens, cfg.kept_aside_parts) != nullptr ||
                                              holds_prose_box(el) || holds_quotation(el) || holds_sentence_list(el));
  if (cfg.tags.count(name) != 0 && !(is_callout && name == "aside") && !heading_button && !post_form && !kept_aside &&
      !is_accordion_question(el))
    return "chrome: " + name;
  if (const std::string role = role_of(el); cfg.roles.count(role) != 0) return "chrome: " + role;
  if (el->v.element.tag == GUMBO_TAG_FOOTER) return "chrome: footer";
  // A page builder's site parts: Elementor's header, footer and popup templates.
  if (const char* part = attr(el, "data-elementor-type"); part != nullptr) {
    const std::string_view kind(part);
    if (kind == "header" || kind == "footer" || kind == "popup") return "chrome: " + std::string(kind);
  }
  if (is_citation_mark(el)) return "chrome: citation mark";
  if (is_seek_link(el)) return "chrome: seek link";
  if (is_time_line(el)) return "chrome: date line";
  if (is_chapter_list(el)) return "chrome: chapters";
  if (is_link_line(el)) return "chrome: link line";
  if (!is_callout && holders.count(el) == 0 && is_read_more_box(el)) return "chrome: read-more box";
  if (!is_callout && is_video_box(el)) return "chrome: video";
  if (holders.count(el) == 0 && is_service_box(el)) return "chrome: service box";
  if (!is_callout && holders.count(el) == 0 && is_promo_card(el)) return "chrome: promotion card";
  if (!is_callout && holders.count(el) == 0 && is_affiliate_box(el)) return "chrome: product box";
  if (is_reference_accordion(el)) return "chrome: sources";
  const GumboTag tag = el->v.element.tag;
  if (!is_callout && holders.count(el) == 0 && is_form_box(el)) return "chrome: form box";
  if (!is_callout && holders.count(el) == 0 && is_recipe_summary(el, tokens)) return "chrome: recipe summary";
  if (!(tag >= GUMBO_TAG_H1 && tag <= GUMBO_TAG_H6) && is_control_text(subtree_text(el, 400, true)))
    return "chrome: player or reading controls";
  if (el->v.element.tag == GUMBO_TAG_HEADER && !header_is_content) return "chrome: header";
  return std::nullopt;
}

}  // namespace readaloud::html
