#include "ingest/html_extract.hpp"

#include <algorithm>
#include <optional>
#include <unordered_map>
#include <unordered_set>

#include "ingest/html_dom.hpp"
#include "util/text.hpp"

namespace readaloud::html {
namespace {

/// Paragraphs shorter than this (bytes) are labels and links, not text.
constexpr std::size_t kMinParagraphBytes = 25;
/// How far up a paragraph's score is shared out.
constexpr int kAncestorLevels = 5;
constexpr double kClassWeight = 25.0;
/// A hint element (<article>, <main>, articleBody) around the best block is
/// taken whole when its text is at most this much larger.
constexpr double kHintGrowth = 1.35;
constexpr std::size_t kHintSlackBytes = 400;
// A block named the article's body may hold more than a hint may, when at
// most this share of its text is links.
constexpr double kMaxBodyLinkShare = 0.2;
/// Readability's rule for articles split in blocks of near-equal weight (live
/// blogs, posts in parts): other blocks scoring at least this share of the
/// best, at least kMinPeers of them under one ancestor, make it the article.
constexpr double kPeerShare = 0.75;
constexpr std::size_t kMinPeers = 3;
/// Below this much text the best block is one section of the article, not all of it.
constexpr std::size_t kShortBlockBytes = 1200;
/// A box of sentences beside the article (key points, a summary list): most
/// of its items end a sentence and it has almost no link text.
constexpr double kSentenceItemShare = 0.6;
constexpr double kSentenceBoxLinkDensity = 0.1;
/// A block between two parts of the article with this share of link text or
/// more is a list of stories, not a part of it.
constexpr double kMaxBetweenLinkDensity = 0.5;

bool contains(const GumboNode* outer, const GumboNode* inner) {
  for (const GumboNode* p = inner; p != nullptr; p = p->parent)
    if (p == outer) return true;
  return false;
}

/// Whether a list item reads as a sentence: five words or more, ending in a
/// full stop (headlines and menu items end without one, or in "?").
bool is_sentence_item(std::string_view text) {
  if (count_words(text) < 5) return false;
  return text.ends_with(".") || text.ends_with("\xE3\x80\x82") || text.ends_with(".)");
}

bool is_paragraph_tag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P: case GUMBO_TAG_PRE: case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_DD: case GUMBO_TAG_TD:
    case GUMBO_TAG_LI:
      return true;
    default:
      return false;
  }
}

/// Whether an element holds only inline content (no block children): a
/// <div> used as a paragraph.
bool holds_only_inline(const GumboNode* el) {
  const GumboVector* kids = children_of(el);
  for (unsigned i = 0; i < kids->length; ++i) {
    const GumboNode* k = child_at(kids, i);
    if (is_element(k) && is_block_tag(k->v.element.tag)) return false;
  }
  return true;
}

/// Bytes of the text nodes directly under `el` (loose text between <br>s).
std::size_t direct_text_bytes(const GumboNode* el) {
  std::size_t n = 0;
  const GumboVector* kids = children_of(el);
  for (unsigned i = 0; i < kids->length; ++i) {
    const GumboNode* k = child_at(kids, i);
    if (k->type == GUMBO_NODE_TEXT) n += trim(k->v.text.text).size();
  }
  return n;
}

std::size_t count_commas(std::string_view s) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == ',') ++n;
    else if (s.substr(i, 3) == "\xEF\xBC\x8C" || s.substr(i, 3) == "\xE3\x80\x81") ++n;  // CJK commas
  }
  return n;
}

double tag_weight(const GumboNode* el) {
  switch (tag_of(el)) {
    case GUMBO_TAG_DIV: return 5;
    case GUMBO_TAG_ARTICLE: return 10;
    case GUMBO_TAG_MAIN: case GUMBO_TAG_SECTION: return 3;
    case GUMBO_TAG_PRE: case GUMBO_TAG_TD: case GUMBO_TAG_BLOCKQUOTE: return 3;
    case GUMBO_TAG_ADDRESS: case GUMBO_TAG_OL: case GUMBO_TAG_UL: case GUMBO_TAG_DL: case GUMBO_TAG_DD:
    case GUMBO_TAG_DT: case GUMBO_TAG_LI: case GUMBO_TAG_FORM:
      return -3;
    case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5:
    case GUMBO_TAG_H6: case GUMBO_TAG_TH:
      return -5;
    default: return 0;
  }
}

double class_weight(const GumboNode* el) {
  const auto& cfg = chrome_config();
  const std::vector<std::string> tokens = class_tokens(el);
  double w = 0;
  if (find_part(tokens, cfg.positive_parts) != nullptr) w += kClassWeight;
  if (find_part(tokens, cfg.negative_parts) != nullptr) w -= kClassWeight;
  if (is_article_body(el)) w += 2 * kClassWeight;
  return w;
}

/// Whether the scoring walk skips an element and all below it.
bool skipped(const GumboNode* el, const ContentHolders& holders) {
  if (is_silent_tag(tag_of(el))) return true;
  return chrome_reason(el, class_tokens(el), true, false, holders).has_value();
}

class Scorer {
 public:
  Scorer(const GumboNode* body, const ContentHolders& holders)
      : body_(body), holders_(holders), stats_(measure_text(body, holders)) {}

  ContentChoice choose() {
    score_paragraphs();
    const GumboNode* top = best_candidate();
    if (top == nullptr) return fallback();
    if (auto qa = qa_choice(top)) return *qa;
    if (auto qa = qa_by_class(top)) return *qa;
    top = climb(ancestor_of_peers(top));
    if (const GumboNode* hint = hint_around(top)) return {{hint}, describe(hint) + " around the best-scored block"};
    if (auto strips = repeated_strips(top); !strips.empty()) return {strips, "strips like " + describe(top)};
    top = past_empty_anchors(top);
    return {siblings_of(top), "scored " + describe(top)};
  }

 private:
  void score_paragraphs() {
    std::vector<const GumboNode*> stack{body_};
    while (!stack.empty()) {
      const GumboNode* n = stack.back();
      stack.pop_back();
      if (n != body_ && skipped(n, holders_)) continue;
      const GumboTag tag = n->v.element.tag;
      const bool paragraph = is_paragraph_tag(tag) || (n != body_ && holds_only_inline(n));
      if (paragraph || direct_text_bytes(n) >= kMinParagraphBytes) score_paragraph(n, paragraph);
      if (paragraph && tag != GUMBO_TAG_TD && tag != GUMBO_TAG_LI) continue;
      const GumboVector* kids = children_of(n);
      for (unsigned i = kids->length; i-- > 0;)
        if (is_element(child_at(kids, i))) stack.push_back(child_at(kids, i));
    }
  }

  /// Shares a paragraph's score out to its ancestors. Loose text in a
  /// block element counts as a paragraph of that element itself.
  void score_paragraph(const GumboNode* n, bool paragraph) {
    const std::string text = subtree_text(n, 4096);
    const std::size_t bytes = paragraph ? text.size() : direct_text_bytes(n);
    if (bytes < kMinParagraphBytes) return;
    const double s = 1.0 + static_cast<double>(count_commas(text)) + std::min(static_cast<double>(bytes) / 100.0, 3.0);
    const GumboNode* at = paragraph ? n->parent : n;
    for (int level = 0; at != nullptr && is_element(at) && level < kAncestorLevels; ++level, at = at->parent) {
      auto [it, fresh] = scores_.try_emplace(at, 0.0);
      if (fresh) it->second = tag_weight(at) + class_weight(at);
      it->second += level == 0 ? s : level == 1 ? s / 2 : s / (level * 3);
      if (at == body_) break;
    }
  }

  double final_score(const GumboNode* el) const {
    const auto it = scores_.find(el);
    if (it == scores_.end()) return 0;
    const auto st = stats_.find(el);
    const double ld = st == stats_.end() ? 0 : st->second.link_density();
    return it->second * (1.0 - ld);
  }

  const GumboNode* best_candidate() const {
    const GumboNode* best = nullptr;
    double best_score = 0;
    for (const auto& [el, raw] : scores_) {
      const double s = final_score(el);
      if (best == nullptr || s > best_score || (s == best_score && line_of(el) < line_of(best))) {
        best = el;
        best_score = s;
      }
    }
    return best_score > 0 ? best : nullptr;
  }

  /// The nearest ancestor of `top` holding kMinPeers blocks that score almost
  /// as well as it does (the outermost of nested ones counted once), or `top`.
  const GumboNode* ancestor_of_peers(const GumboNode* top) const {
    const double best = final_score(top);
    std::unordered_set<const GumboNode*> peers;
    for (const auto& [el, raw] : scores_) {
      if (el == top || el == body_ || final_score(el) < best * kPeerShare) continue;
      if (contains(el, top) || contains(top, el)) continue;
      peers.insert(el);
    }
    if (peers.size() < kMinPeers) return top;
    // Linear in peers times depth, however many blocks a hostile page repeats:
    // each outermost peer adds one to every ancestor above it.
    std::unordered_map<const GumboNode*, std::size_t> held;
    for (const GumboNode* q : peers) {
      bool nested = false;
      for (const GumboNode* up = q->parent; up != nullptr && !nested; up = up->parent) nested = peers.count(up) != 0;
      if (nested) continue;
      for (const GumboNode* up = q->parent; up != nullptr; up = up->parent) ++held[up];
    }
    for (const GumboNode* p = top->parent; p != nullptr && p != body_ && is_element(p); p = p->parent)
      if (const auto it = held.find(p); it != held.end() && it->second >= kMinPeers) return p;
    return top;
  }

  /// Moves up to an ancestor that scores higher (the article split in
  /// several blocks), and past wrappers whose only child is the block.
  const GumboNode* climb(const GumboNode* top) const {
    constexpr double kClimbGrowth = 1.5;
    double last = final_score(top);
    // A third of its score; for a short block (a product page's first
    // section), a third of what its text scores: a class bonus ("content")
    // lifts the block itself, not how much of the article it holds.
    const bool short_block = text_of(top) < kShortBlockBytes;
    const double floor = (short_block ? std::max(0.0, last - class_weight(top) - tag_weight(top)) : last) / 3;
    for (const GumboNode* p = top->parent; p != nullptr && p != body_ && is_element(p); p = p->parent) {
      if (scores_.count(p) == 0) continue;
      const double s = final_score(p);
      if (s < floor) break;
      // With much more text than the block: an article split in parts, not a
      // site builder's page wrapper whose class names content
      // ("cc-content-parent") around the header, the text and the footer.
      if (s > last && static_cast<double>(text_of(p)) >= kClimbGrowth * static_cast<double>(text_of(top))) {
        top = p;
        break;
      }
      last = s;
    }
    while (top != body_ && top->parent != body_ && element_children(top->parent) == 1) top = top->parent;
    return top;
  }

  /// Up past a <div> or two that hold the block and only empty elements
  /// beside it (SiteVision's <div id="Text"></div> before a portlet's
  /// content): the article's other blocks are the wrapper's siblings. Not
  /// out of a table's cell, whose spacer images are empty too.
  const GumboNode* past_empty_anchors(const GumboNode* top) const {
    constexpr int kMaxLevels = 2;
    for (int depth = 0; depth < kMaxLevels && top != body_ && top->parent != body_ && is_element(top->parent) &&
                        tag_of(top->parent) == GUMBO_TAG_DIV && holds_no_text_beside(top);
         ++depth)
      top = top->parent;
    return top;
  }

  /// Whether every element beside `n` under its parent is empty of text.
  static bool holds_no_text_beside(const GumboNode* n) {
    const GumboVector* kids = children_of(n->parent);
    for (unsigned i = 0; i < kids->length; ++i) {
      const GumboNode* k = child_at(kids, i);
      if (k != n && is_element(k) && !subtree_text(k, 8).empty()) return false;
    }
    return true;
  }

  /// On a Q&A page (schema.org Question and Answer microdata) the article
  /// is the question and one answer: the accepted one, else the answer the
  /// scoring chose. Nothing when the page has no such markup.
  std::optional<ContentChoice> qa_choice(const GumboNode* top) const {
    const GumboNode* answer = nullptr;
    for (const GumboNode* p = top; p != nullptr && p != body_ && is_element(p); p = p->parent)
      if (has_itemtype(p, "schema.org/Answer")) answer = p;
    const GumboNode* question = nullptr;
    const GumboNode* accepted = nullptr;
    std::vector<const GumboNode*> stack{body_};
    while (!stack.empty() && (question == nullptr || accepted == nullptr)) {
      const GumboNode* n = stack.back();
      stack.pop_back();
      if (question == nullptr && has_itemtype(n, "schema.org/Question")) question = n;
      if (const char* prop = attr(n, "itemprop"); accepted == nullptr && prop != nullptr && std::string_view(prop) == "acceptedAnswer")
        accepted = n;
      const GumboVector* kids = children_of(n);
      for (unsigned i = kids->length; i-- > 0;)
        if (is_element(child_at(kids, i))) stack.push_back(child_at(kids, i));
    }
    if (accepted != nullptr) answer = accepted;
    // Stack Exchange's markup nests the answers in the Question: its own
    // itemprop="text" is the question then.
    if (question != nullptr && answer != nullptr && contains(question, answer)) question = own_text(question);
    if (question == nullptr || answer == nullptr || contains(question, answer) || contains(answer, question))
      return std::nullopt;
    return ContentChoice{{question, answer}, "the question and " + describe(answer)};
  }

  /// A Q&A portal without that markup ("question_area" over "answer_box"
  /// blocks): the block around the page's <h1> whose class names a question,
  /// and the block whose class names an answer around the scored block.
  std::optional<ContentChoice> qa_by_class(const GumboNode* top) const {
    static const std::vector<std::string> kAnswer{"answer"}, kQuestion{"question"};
    const auto named = [](const GumboNode* n, const std::vector<std::string>& part) {
      return find_part(class_tokens(n), part) != nullptr;
    };
    const GumboNode* answer = nullptr;
    for (const GumboNode* p = top; p != nullptr && p != body_ && is_element(p) && answer == nullptr; p = p->parent)
      if (named(p, kAnswer)) answer = p;
    if (answer == nullptr) return std::nullopt;
    const GumboNode* h1 = find_element(body_, [](const GumboNode* n) { return tag_of(n) == GUMBO_TAG_H1; });
    // The question's block holds more than its title ("question__title",
    // "question_title" around the <h1>): the asker's own words.
    constexpr std::size_t kMinQuestionBytes = 40;
    const std::size_t title = h1 != nullptr ? subtree_text(h1).size() : 0;
    const GumboNode* question = nullptr;
    for (const GumboNode* p = h1 != nullptr ? h1->parent : nullptr;
         p != nullptr && p != body_ && is_element(p) && question == nullptr; p = p->parent)
      if (named(p, kQuestion) && subtree_text(p, title + 4 * kMinQuestionBytes).size() >= title + kMinQuestionBytes)
        question = p;
    if (question == nullptr || contains(question, answer) || contains(answer, question)) return std::nullopt;
    return ContentChoice{{question, answer}, "the question and " + describe(answer)};
  }

  /// The first itemprop="text" element inside `question` that is not inside one of its answers, or null.
  static const GumboNode* own_text(const GumboNode* question) {
    return find_element(
        question,
        [](const GumboNode* n) {
          const char* prop = attr(n, "itemprop");
          return prop != nullptr && std::string_view(prop) == "text";
        },
        [](const GumboNode* n) { return has_itemtype(n, "schema.org/Answer"); });
  }

  static bool has_itemtype(const GumboNode* el, std::string_view type) {
    const char* t = attr(el, "itemtype");
    return t != nullptr && std::string_view(t).ends_with(type);
  }

  static std::size_t element_children(const GumboNode* el) {
    std::size_t n = 0;
    const GumboVector* kids = children_of(el);
    for (unsigned i = 0; i < kids->length; ++i) n += is_element(child_at(kids, i)) ? 1 : 0;
    return n;
  }

  double link_share(const GumboNode* el) const {
    const auto it = stats_.find(el);
    return it == stats_.end() ? 0.0 : it->second.link_density();
  }

  std::size_t text_of(const GumboNode* el) const {
    const auto it = stats_.find(el);
    return it == stats_.end() ? 0 : it->second.text;
  }

  /// The outermost <article>, <main> or articleBody around `top` whose text
  /// is not much more than top's: the article with its own headings. Or a
  /// block whose class names the article's body and that holds much more,
  /// with few links: the article set in a page builder's sections.
  const GumboNode* hint_around(const GumboNode* top) const {
    const GumboNode* found = nullptr;
    const double limit = static_cast<double>(text_of(top)) * kHintGrowth + kHintSlackBytes;
    for (const GumboNode* p = top; p != nullptr && p != body_ && is_element(p); p = p->parent) {
      const GumboTag tag = p->v.element.tag;
      const bool over = static_cast<double>(text_of(p)) > limit;
      // A block whose class names the article's body ("entry-content") that
      // holds much more than the best block is the whole article: a page
      // builder sets each part of a post in a section of its own, which the
      // scoring sees apart. Unless it is mostly links.
      if (over && names_article_body(p) && link_share(p) <= kMaxBodyLinkShare) {
        found = p;
        continue;
      }
      const bool hint = tag == GUMBO_TAG_ARTICLE || tag == GUMBO_TAG_MAIN || role_of(p) == "main" || is_article_body(p);
      if (!hint) continue;
      if (over) break;
      found = p;
    }
    return found;
  }

  /// Readability's sibling rule: blocks next to the best one that score
  /// well, or read as prose, belong to the article too.
  std::vector<const GumboNode*> siblings_of(const GumboNode* top) const {
    if (top == body_ || top->parent == nullptr || !is_element(top->parent)) return {top};
    const double threshold = std::max(10.0, final_score(top) * 0.2);
    const GumboVector* kids = children_of(top->parent);
    std::vector<const GumboNode*> elements;
    std::vector<bool> belongs;
    for (unsigned i = 0; i < kids->length; ++i) {
      const GumboNode* c = child_at(kids, i);
      if (!is_element(c)) continue;
      elements.push_back(c);
      const bool joins = sibling_belongs(c, threshold) || same_block_kind(c, top) || is_headed_section(c);
      belongs.push_back(c == top || (!skipped(c, holders_) && joins));
    }
    join_warning_boxes(elements, belongs);
    // A block between two parts of the article is part of it (a call-out box
    // between two runs of text), unless its class or tag names it chrome or
    // it is mostly links (a "Most read" list).
    const auto first = std::find(belongs.begin(), belongs.end(), true);
    const auto last = std::find(belongs.rbegin(), belongs.rend(), true).base();
    std::vector<const GumboNode*> roots;
    for (std::size_t k = 0; k < elements.size(); ++k) {
      const bool between = static_cast<std::ptrdiff_t>(k) > first - belongs.begin() &&
                           static_cast<std::ptrdiff_t>(k) < last - belongs.begin() - 1;
      if (belongs[k] || (between && !skipped(elements[k], holders_) && text_of(elements[k]) > 0 && !linked(elements[k])))
        roots.push_back(elements[k]);
    }
    return roots;
  }

  /// A warning box: a callout by class or role whose text is a warning's
  /// kind, or speaks of an emergency ("Think your cat has been near a lily?
  /// Contact your vet immediately").
  static bool is_warning_box(const GumboNode* c) {
    const std::optional<CalloutInfo> callout = callout_of(c, class_tokens(c));
    if (!callout) return false;
    const CalloutKind k = callout->kind;
    if (!callout->generic && (k == CalloutKind::Warning || k == CalloutKind::Caution || k == CalloutKind::Danger))
      return true;
    return speaks_of_emergency(ascii_lower(subtree_text(c, 2048)));
  }

  /// A warning box just before or after the article's blocks, with only a
  /// picture or a caption between (a page builder sets it as a module of its
  /// own above the photo and the text): read with the article, since a
  /// warning must never be left out. Not past a block of text or links.
  void join_warning_boxes(const std::vector<const GumboNode*>& elements, std::vector<bool>& belongs) const {
    constexpr std::size_t kMaxQuietBytes = 200;
    const auto first = std::find(belongs.begin(), belongs.end(), true);
    if (first == belongs.end()) return;
    const auto quiet = [&](const GumboNode* c) { return text_of(c) <= kMaxQuietBytes && !linked(c); };
    // Joins the element at `k` when it is a warning box; true when the
    // search stops there (a block with text of its own).
    const auto join_or_stop = [&](std::size_t k) {
      const bool warning = is_warning_box(elements[k]);
      if (warning && !linked(elements[k])) belongs[k] = true;
      return !belongs[k] && !quiet(elements[k]);
    };
    for (std::size_t k = static_cast<std::size_t>(first - belongs.begin()); k-- > 0;)
      if (join_or_stop(k)) break;
    const std::size_t last = static_cast<std::size_t>(std::find(belongs.rbegin(), belongs.rend(), true).base() - belongs.begin());
    for (std::size_t k = last; k < elements.size(); ++k)
      if (join_or_stop(k)) break;
  }

  bool linked(const GumboNode* c) const { return link_share(c) >= kMaxBetweenLinkDensity; }

  /// Whether `n` is a text module of the same kind as `top`: all of its class
  /// tokens but one at most in common ("HcOXKn c9GqVL QxJLC3 comp-lc6a3x1l
  /// wixui-rich-text", each module with its own "comp-…" id), with prose.
  bool module_like(const GumboNode* n, const std::vector<std::string>& top_tokens) const {
    constexpr std::size_t kMinModuleBytes = 80;
    if (top_tokens.empty() || tag_of(n) != GUMBO_TAG_DIV) return false;
    const std::vector<std::string> tokens = class_tokens(n);
    std::size_t shared = 0;
    for (const std::string& t : top_tokens) shared += std::find(tokens.begin(), tokens.end(), t) != tokens.end() ? 1 : 0;
    return shared >= std::max<std::size_t>(1, top_tokens.size() - 1) && text_of(n) >= kMinModuleBytes &&
           link_share(n) < kMaxBetweenLinkDensity;
  }

  /// A site builder's page of strips (Wix's sections, Google Sites' sections),
  /// each holding text modules like the best block: the article runs on
  /// through the strips beside the one the best block sits in. The strips,
  /// in order, from the first to the last that holds such a module; empty
  /// when the best block has no such neighbours within a few levels.
  std::vector<const GumboNode*> repeated_strips(const GumboNode* top) const {
    constexpr int kMaxLevels = 6;
    if (tag_of(top) != GUMBO_TAG_DIV) return {};
    // The module: the best block, or the classed block inside it that holds
    // nearly all its text. Its classes, without its own id ("comp-lc6a3x1l"
    // names one module).
    const GumboNode* module = top;
    if (class_tokens(top).empty())
      find_element(top, [&](const GumboNode* n) {
        if (tag_of(n) != GUMBO_TAG_DIV || class_tokens(n).empty() || text_of(n) * 5 < text_of(top) * 4) return false;
        module = n;
        return true;
      });
    std::vector<std::string> top_tokens;
    const char* top_id = attr(module, "id");
    for (std::string& t : class_tokens(module))
      if ((top_id == nullptr || t != ascii_lower(top_id)) && std::find(top_tokens.begin(), top_tokens.end(), t) == top_tokens.end())
        top_tokens.push_back(std::move(t));
    const GumboNode* level = top;
    // The strips may be the body's own children (a builder sets each
    // <section> right under <body>); the walk stops at the body.
    for (int depth = 0; depth < kMaxLevels && level != body_ && level->parent != nullptr && is_element(level->parent);
         ++depth, level = level->parent) {
      const GumboVector* kids = children_of(level->parent);
      std::vector<const GumboNode*> strips;
      for (unsigned i = 0; i < kids->length; ++i) {
        const GumboNode* c = child_at(kids, i);
        if (!is_element(c) || tag_of(c) != tag_of(level) || skipped(c, holders_)) continue;
        if (c == level || find_element(c, [&](const GumboNode* n) { return module_like(n, top_tokens); }) != nullptr)
          strips.push_back(c);
      }
      // Strips are <section>s; a thread's posts or a list's items, each with
      // a module like the best one, are not the article going on.
      if (strips.size() >= 2 && level != top && tag_of(level) == GUMBO_TAG_SECTION) return strips;
    }
    return {};
  }

  /// A section of the article beside the best block, under its own heading:
  /// the heading first, then two paragraphs of prose or more and almost no
  /// links ("Frequently asked questions" and the answers under the body). A
  /// list of stories under "Related" is links; a bio or a promo is classed.
  bool is_headed_section(const GumboNode* c) const {
    constexpr std::size_t kParagraphs = 2;
    const GumboNode* first = nullptr;
    const GumboVector* kids = children_of(c);
    for (unsigned i = 0; i < kids->length && first == nullptr; ++i)
      if (is_element(child_at(kids, i))) first = child_at(kids, i);
    if (first == nullptr || tag_of(first) < GUMBO_TAG_H2 || tag_of(first) > GUMBO_TAG_H4) return false;
    return link_share(c) < kSentenceBoxLinkDensity && prose_paragraphs(c, kParagraphs).size() >= kParagraphs;
  }

  /// A site builder's text block beside the best one, of the same tag and
  /// classes ("sqs-block html-block"), holding prose: the article goes on in
  /// blocks, whose scores stay in the wrappers each one nests its text in.
  bool same_block_kind(const GumboNode* c, const GumboNode* top) const {
    const char* mine = attr(c, "class");
    const char* theirs = attr(top, "class");
    if (mine == nullptr || theirs == nullptr || tag_of(c) != tag_of(top) || std::string_view(mine) != theirs)
      return false;
    return text_of(c) >= kMinParagraphBytes && link_share(c) < kMaxBetweenLinkDensity &&
           find_element(c, [](const GumboNode* n) { return tag_of(n) == GUMBO_TAG_P; }) != nullptr;
  }

  bool sibling_belongs(const GumboNode* c, double threshold) const {
    if (scores_.count(c) != 0 && final_score(c) >= threshold) return true;
    if (is_sentence_box(c)) return true;
    if (!(tag_of(c) == GUMBO_TAG_P || (is_element(c) && holds_only_inline(c)))) return false;
    const auto st = stats_.find(c);
    if (st == stats_.end()) return false;
    const std::string text = subtree_text(c, 1024);
    const double ld = st->second.link_density();
    if (text.size() > 80) return ld < 0.25;
    return !text.empty() && ld == 0 && (text.back() == '.' || text.ends_with("\xE3\x80\x82"));
  }

  /// A box of list items that read as sentences, nearly without links: key
  /// points or a summary beside the article, not a menu or a list of headlines.
  bool is_sentence_box(const GumboNode* c) const {
    const auto st = stats_.find(c);
    if (st == stats_.end() || st->second.link_density() > kSentenceBoxLinkDensity) return false;
    std::size_t items = 0, sentences = 0;
    std::vector<const GumboNode*> stack{c};
    while (!stack.empty()) {
      const GumboNode* n = stack.back();
      stack.pop_back();
      if (n != c && skipped(n, holders_)) continue;
      if (tag_of(n) == GUMBO_TAG_LI) {
        ++items;
        sentences += is_sentence_item(collapse(subtree_text(n, 1024))) ? 1 : 0;
        continue;
      }
      const GumboVector* kids = children_of(n);
      for (unsigned i = 0; i < kids->length; ++i)
        if (is_element(child_at(kids, i))) stack.push_back(child_at(kids, i));
    }
    return items >= 2 && static_cast<double>(sentences) >= kSentenceItemShare * static_cast<double>(items);
  }

  /// No paragraph anywhere: the largest <article>, else <main>, else <body>.
  ContentChoice fallback() const {
    const GumboNode* best_article = nullptr;
    const GumboNode* main = nullptr;
    std::vector<const GumboNode*> stack{body_};
    while (!stack.empty()) {
      const GumboNode* n = stack.back();
      stack.pop_back();
      if (n != body_ && skipped(n, holders_)) continue;
      if (tag_of(n) == GUMBO_TAG_ARTICLE) {
        if (best_article == nullptr || text_of(n) > text_of(best_article)) best_article = n;
        continue;
      }
      if (main == nullptr && (tag_of(n) == GUMBO_TAG_MAIN || role_of(n) == "main")) main = n;
      const GumboVector* kids = children_of(n);
      for (unsigned i = kids->length; i-- > 0;)
        if (is_element(child_at(kids, i))) stack.push_back(child_at(kids, i));
    }
    if (best_article != nullptr) return {{best_article}, "<article>"};
    if (main != nullptr) return {{main}, describe(main)};
    return {{body_}, "<body>"};
  }

  const GumboNode* body_;
  const ContentHolders& holders_;
  StatsMap stats_;
  std::unordered_map<const GumboNode*, double> scores_;
};

}  // namespace

StatsMap measure_text(const GumboNode* root, const ContentHolders& holders) {
  StatsMap stats;
  // Post-order without recursion: a node is pushed twice, the second time
  // (marked) after its children, to add its totals to its parent.
  std::vector<std::pair<const GumboNode*, bool>> stack{{root, false}};
  while (!stack.empty()) {
    auto [n, done] = stack.back();
    stack.pop_back();
    if (done) {
      if (tag_of(n) == GUMBO_TAG_A) stats[n].link = stats[n].text;  // nested spans are link text too
      const TextStats st = stats[n];
      if (n != root && n->parent != nullptr) {
        TextStats& up = stats[n->parent];
        up.text += st.text;
        up.link += st.link;
        up.links += st.links;
      }
      continue;
    }
    if (n != root && skipped(n, holders)) continue;
    TextStats& mine = stats[n];
    const bool link = tag_of(n) == GUMBO_TAG_A;
    mine.links += link ? 1 : 0;
    stack.push_back({n, true});
    const GumboVector* kids = children_of(n);
    for (unsigned i = kids->length; i-- > 0;) {
      const GumboNode* k = child_at(kids, i);
      if (is_element(k)) {
        stack.push_back({k, false});
      } else if (k->type == GUMBO_NODE_TEXT || k->type == GUMBO_NODE_CDATA) {
        const std::size_t bytes = trim(k->v.text.text).size();
        mine.text += bytes;
      }
    }
  }
  return stats;
}

std::string describe(const GumboNode* el) {
  if (!is_element(el)) return "text";
  std::string out = "<" + tag_name(el);
  for (const char* name : {"id", "class", "itemprop", "role"}) {
    if (const char* v = attr(el, name)) out += std::string(" ") + name + "=\"" + shorten(collapse(v), 40) + "\"";
  }
  return out + ">";
}

ContentChoice choose_content(const GumboNode* body, const ContentHolders& holders) {
  return Scorer(body, holders).choose();
}

}  // namespace readaloud::html
