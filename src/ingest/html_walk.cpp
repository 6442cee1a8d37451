#include "ingest/html_walk.hpp"

#include <algorithm>
#include <optional>
#include <string>
#include <unordered_set>
#include <utility>

#include "ingest/decode.hpp"
#include "ingest/html_dom.hpp"
#include "ingest/page_text_rules.hpp"
#include "util/text.hpp"

namespace readaloud::html {
namespace {

/// Link-heavy blocks inside the article (tables of contents, "more from"
/// lists, tag clouds): at least this share of their text is in links.
constexpr double kLinkListDensity = 0.6;
/// Paragraph-like link blocks longer than this are prose with links, kept.
constexpr std::size_t kLinkParagraphMax = 300;

// ----------------------------------------------------------- inline text

bool same_marks(const Span& a, const Span& b) {
  return a.emphasis == b.emphasis && a.strong == b.strong && a.abbr_title == b.abbr_title;
}

/// Appends `span` to `out`, merging it into the last span when the marks are equal.
void append_span(InlineText& out, Span span) {
  if (span.text.empty()) return;
  if (!out.empty() && same_marks(out.back(), span)) {
    out.back().text += span.text;
    return;
  }
  out.push_back(std::move(span));
}

/// Removes the first `n` bytes of the plain text.
void drop_front(InlineText& text, std::size_t n) {
  for (auto& span : text) {
    const std::size_t k = std::min(n, span.text.size());
    span.text.erase(0, k);
    n -= k;
    if (n == 0) break;
  }
}

/// Keeps the first `n` bytes of the plain text.
void keep_front(InlineText& text, std::size_t n) {
  for (auto& span : text) {
    const std::size_t k = std::min(n, span.text.size());
    span.text.resize(k);
    n -= k;
  }
}

/// Marks in force where text is added.
struct Marks {
  int emphasis = 0;
  int strong = 0;
  std::vector<std::string> abbr;  // innermost last
};

/// Collects inline text in reading order: whitespace runs collapse to one
/// space that stays in the span where the run starts (as md4c does), and
/// spans with equal marks merge.
class InlineBuilder {
 public:
  void add(std::string_view raw, std::size_t line, const Marks& marks) {
    const std::string text = clean_typography(raw);
    Span proto;
    proto.emphasis = marks.emphasis > 0;
    proto.strong = marks.strong > 0;
    if (!marks.abbr.empty()) proto.abbr_title = marks.abbr.back();
    for (char c : text) {
      if (c == '\n') ++line;
      if (is_html_space(c)) {
        if (spans_.empty() || last_space_) continue;
        put(proto, ' ');
        last_space_ = true;
        continue;
      }
      if (line_ == 0) line_ = line;
      put(proto, c);
      last_space_ = false;
    }
  }

  /// A separator between joined paragraphs.
  void space() {
    if (spans_.empty() || last_space_) return;
    spans_.back().text += ' ';
    ++size_;
    last_space_ = true;
  }

  /// Ends the text so far with `mark` unless it ends in punctuation, so that
  /// items joined into one block ("Call 911 if your child: is breathless; has
  /// blue lips") keep their pauses. A closing '.' replaces the last item's ';'.
  void end_clause(char mark, bool closing) {
    for (auto span = spans_.rbegin(); span != spans_.rend(); ++span) {
      std::string& t = span->text;
      const std::size_t last = t.find_last_not_of(' ');
      if (last == std::string::npos) continue;
      if (t[last] == ';' && mark == '.' && closing) t[last] = '.';
      else if (std::string_view(".!?:;,").find(t[last]) == std::string_view::npos) {
        t.insert(last + 1, 1, mark);
        ++size_;
      }
      return;
    }
  }

  bool empty() const { return spans_.empty(); }
  /// Bytes of text so far, not counting a pending trailing space.
  std::size_t size() const { return size_ - (last_space_ ? 1 : 0); }
  std::size_t line() const { return line_; }

  InlineText take() {
    InlineText out = tidy_spans(std::move(spans_));
    spans_.clear();
    last_space_ = false;
    size_ = 0;
    line_ = 0;
    return out;
  }

 private:
  void put(const Span& proto, char c) {
    if (spans_.empty() || !same_marks(spans_.back(), proto)) {
      spans_.push_back(proto);
      spans_.back().text.clear();
    }
    spans_.back().text += c;
    ++size_;
  }

  InlineText spans_;
  bool last_space_ = false;
  std::size_t size_ = 0;
  std::size_t line_ = 0;
};

// ------------------------------------------------------------ the walker

/// Where text goes at the moment.
enum class TargetKind {
  Body,        // paragraphs of the current section
  Outside,     // text outside the main content (dropped)
  HeaderJunk,  // the article's header: bylines, share bars (dropped; headings kept)
  Subtitle,
  Heading,
  ListBox,  // inside <ul>/<ol>, between items: stray text ignored
  ListItem,
  TableBox,
  Cell,
  TableCaption,
  Caption,  // <figcaption>
  Quote,
  Callout,
  DlBox,
  Term,
  Definition,
  Discard,  // <pre> content: code is announced, not read
};

/// A text collector for one kind of target (not the audio AudioSink).
struct TextTarget {
  TargetKind kind = TargetKind::Body;
  InlineBuilder text;
  std::size_t item = 0;                 // ListItem: index in the list block
  std::size_t first_paragraph = npos;   // Callout: bytes before the first paragraph break
  std::optional<CalloutInfo> callout;   // Quote/Callout
  std::size_t line = 0;
};

enum class Role {
  Plain, Root, Outside, Emphasis, Strong, Abbr, Heading, ContentHeader, Subtitle, ListOuter, ListNested,
  ListItem, Table, TableHead, Row, Cell, TableCaption, Figure, Figcaption, Quote, Callout, Dl, Dt, Dd, Pre,
  PreFlat,
};

struct Frame {
  const GumboNode* node = nullptr;
  unsigned next = 0;
  Role role = Role::Plain;
  bool boundary = false;  // separates paragraphs at its start and end
  int level = 0;          // Heading: 1..6
  bool header_cell = false;
};

struct FigureState {
  bool has_image = false;
  std::size_t section = 0, block = 0;  // where its image block went
  InlineText caption;
};

bool is_list_or_box(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_UL: case GUMBO_TAG_OL: case GUMBO_TAG_DIV: case GUMBO_TAG_P: case GUMBO_TAG_SECTION:
      return true;
    default:
      return false;
  }
}

/// A standfirst under the headline: a class part from [subtitle] in
/// data/html_chrome.toml, itemprop="description", or a <p> of a sentence's
/// length right after an <h1> (past a byline or date line between them) with
/// no link in it.
bool is_subtitle(const GumboNode* el, const std::vector<std::string>& tokens) {
  constexpr std::size_t kMinStandfirstWords = 8;
  constexpr std::size_t kMaxMetaWords = 30;  // a byline and date row, not a paragraph
  if (find_part(tokens, chrome_config().subtitle_parts) != nullptr) return true;
  if (const char* prop = attr(el, "itemprop"); prop != nullptr && ascii_lower(trim(prop)) == "description") return true;
  if (tag_of(el) != GUMBO_TAG_P || el->parent == nullptr) return false;
  const GumboVector* siblings = children_of(el->parent);
  std::vector<const GumboNode*> before;
  for (unsigned i = 0; siblings != nullptr && i < siblings->length && child_at(siblings, i) != el; ++i)
    if (is_element(child_at(siblings, i))) before.push_back(child_at(siblings, i));
  // One line of byline or date (not a paragraph) may stand between, or a
  // short row in a <p> that is no sentence: a recipe's "★★★★★ 4,6 (212 voti)".
  constexpr std::size_t kMaxRowWords = 10;
  const auto is_heading = [](const GumboNode* n) { return tag_of(n) >= GUMBO_TAG_H1 && tag_of(n) <= GUMBO_TAG_H6; };
  const auto is_short_row = [&](const GumboNode* n) {
    const std::string text = subtree_text(n, kMaxRowWords * 20);
    return count_words(text) <= kMaxRowWords && !trim(text).ends_with('.');
  };
  if (before.size() >= 2 && !is_heading(before.back()) &&
      (tag_of(before.back()) == GUMBO_TAG_P ? is_short_row(before.back())
                                            : count_words(subtree_text(before.back(), kMaxMetaWords * 20)) <= kMaxMetaWords))
    before.pop_back();
  if (before.empty() || tag_of(before.back()) != GUMBO_TAG_H1) return false;
  // A byline row of that length is none: "Текст: Оксана Левчук · Фото: Андрій Черняк · 22 листопада 2028".
  const std::string text = subtree_text(el);
  return find_element(el, [](const GumboNode* n) { return tag_of(n) == GUMBO_TAG_A; }) == nullptr &&
         count_words(text) >= kMinStandfirstWords && !looks_like_byline(trim(text));
}

/// Whether a list or box inside the article is a block of links (a table of
/// contents, a "more from" list), not text.
bool is_link_list(const GumboNode* el) {
  std::size_t text = 0, link = 0, links = 0;
  std::vector<std::pair<const GumboNode*, bool>> stack{{el, false}};
  // Bounded, so nested boxes do not cost (depth x size): a link list is small.
  for (std::size_t visited = 0; !stack.empty() && text < 8192 && visited < 4096; ++visited) {
    auto [n, in_link] = stack.back();
    stack.pop_back();
    if (n->type == GUMBO_NODE_TEXT) {
      const std::size_t bytes = trim(n->v.text.text).size();
      text += bytes;
      link += in_link ? bytes : 0;
      continue;
    }
    if (!is_element(n)) continue;
    const bool a = tag_of(n) == GUMBO_TAG_A;
    links += a ? 1 : 0;
    const GumboVector* kids = children_of(n);
    for (unsigned i = kids->length; i-- > 0;) stack.push_back({child_at(kids, i), in_link || a});
  }
  if (links < 2 || text == 0) return false;
  const bool list = tag_of(el) == GUMBO_TAG_UL || tag_of(el) == GUMBO_TAG_OL;
  if (!list && text > kLinkParagraphMax) return false;
  return static_cast<double>(link) / static_cast<double>(text) >= kLinkListDensity;
}

/// A paragraph that is only a link to a place on the same page ("#h.x8k2"):
/// one line of a table of contents laid out as paragraphs.
bool is_anchor_paragraph(const GumboNode* el) {
  if (tag_of(el) != GUMBO_TAG_P) return false;
  const GumboNode* link = find_element(el, [](const GumboNode* n) { return tag_of(n) == GUMBO_TAG_A; });
  if (link == nullptr) return false;
  const char* href = attr(link, "href");
  if (href == nullptr || href[0] != '#' || href[1] == '\0') return false;
  const std::string all = subtree_text(el, 512);
  return !trim(all).empty() && trim(all) == trim(subtree_text(link, 512));
}

/// Whether `el` belongs to a table of contents laid out as paragraphs (a
/// published document's): a run of three anchor paragraphs or more among
/// its siblings, or a contents label ("Inhalt", "On this page") right above one.
/// Only the nearest siblings are looked at, so a long article costs no more.
bool in_paragraph_contents(const GumboNode* el) {
  constexpr std::size_t kMinEntries = 3;
  if (tag_of(el) != GUMBO_TAG_P || el->parent == nullptr) return false;
  const GumboVector* siblings = children_of(el->parent);
  // Anchor paragraphs in a row among the element siblings past `el` in
  // direction `step`, counted up to `enough`.
  const auto run = [&](int step, std::size_t enough) {
    std::size_t n = 0;
    for (long i = static_cast<long>(el->index_within_parent) + step;
         i >= 0 && i < static_cast<long>(siblings->length) && n < enough; i += step) {
      const GumboNode* sibling = child_at(siblings, static_cast<unsigned>(i));
      if (!is_element(sibling)) continue;
      if (!is_anchor_paragraph(sibling)) break;
      ++n;
    }
    return n;
  };
  if (is_anchor_paragraph(el)) return 1 + run(-1, kMinEntries - 1) + run(+1, kMinEntries - 1) >= kMinEntries;
  const std::string label = ascii_lower(trim(subtree_text(el, 64)));
  const std::vector<std::string>& labels = page_phrases("contents_labels");
  return std::ranges::find(labels, label) != labels.end() && run(+1, kMinEntries) >= kMinEntries;
}

class Walker {
 public:
  Walker(Article& article, const BoilerplateFilter& filter, const WalkPlan& plan)
      : article_(article), filter_(filter), plan_(plan), roots_(plan.roots.begin(), plan.roots.end()) {
    for (const GumboNode* root : plan.roots)
      for (const GumboNode* n = root; n != nullptr; n = n->parent) ancestors_.insert(n);
    targets_.push_back(TextTarget{});
  }

  void run() {
    const bool body_is_root = roots_.count(plan_.body) != 0;
    stack_.push_back(Frame{plan_.body, 0, body_is_root ? Role::Root : Role::Plain, false});
    inside_root_ = body_is_root;
    while (!stack_.empty()) {
      Frame& top = stack_.back();
      const GumboVector* kids = &top.node->v.element.children;
      if (top.next < kids->length) {
        visit(child_at(kids, top.next++));  // may grow stack_; `top` is not used after
        continue;
      }
      const Frame done = top;
      stack_.pop_back();
      leave(done);
    }
    flush_body();
    emit_pending_images();
  }

 private:
  TextTarget& target() { return targets_.back(); }
  TargetKind target_kind() const { return targets_.back().kind; }

  void push_target(TargetKind kind, std::size_t line) {
    TextTarget t;
    t.kind = kind;
    t.line = line;
    targets_.push_back(std::move(t));
  }
  TextTarget pop_target() {
    TextTarget t = std::move(targets_.back());
    targets_.pop_back();
    return t;
  }

  // ---- text

  void visit(const GumboNode* n) {
    switch (n->type) {
      case GUMBO_NODE_TEXT: case GUMBO_NODE_CDATA: case GUMBO_NODE_WHITESPACE:
        add_text(n->v.text.text, n->v.text.start_pos.line);
        return;
      case GUMBO_NODE_ELEMENT: case GUMBO_NODE_TEMPLATE:
        open(n);
        return;
      default:
        return;  // comments, the document node
    }
  }

  void add_text(std::string_view text, std::size_t line) {
    switch (target_kind()) {
      case TargetKind::ListBox: case TargetKind::TableBox: case TargetKind::DlBox: case TargetKind::Discard:
        return;
      case TargetKind::Body:
        if (!inside_root_) return;  // loose text between the page's wrappers
        break;
      default:
        break;
    }
    target().text.add(text, line, marks_);
  }

  /// The start or end of a block element.
  /// A block starts, or ends (`closing`); `mark` ends a callout's item that has no punctuation.
  void boundary(char mark = '.', bool closing = false) {
    TextTarget& t = target();
    switch (t.kind) {
      case TargetKind::Body:
        flush_body();
        return;
      case TargetKind::ListBox: case TargetKind::TableBox: case TargetKind::DlBox: case TargetKind::Discard:
        return;
      case TargetKind::Callout:
        if (t.first_paragraph == npos && !t.text.empty()) t.first_paragraph = t.text.size();
        t.text.end_clause(mark, closing);
        t.text.space();
        return;
      default:
        t.text.space();
        return;
    }
  }

  // ---- opening elements

  void push(const GumboNode* n, Role role, bool is_boundary = false) {
    Frame f;
    f.node = n;
    f.role = role;
    f.boundary = is_boundary;
    stack_.push_back(f);
  }

  void drop(const GumboNode* n, const std::string& reason) {
    std::string text = shorten(subtree_text(n));
    if (text.empty()) return;  // empty ad slots, icons: nothing would have been spoken
    article_.dropped.push_back(Dropped{std::move(text), reason, line_of(n)});
  }

  void open(const GumboNode* el) {
    if (is_silent_tag(el->v.element.tag)) return;
    if (!inside_root_ && target_kind() != TargetKind::Outside) {
      open_before_root(el);
      return;
    }
    const std::vector<std::string> tokens = class_tokens(el);
    if (target_kind() == TargetKind::Outside) {
      open_in_outside(el, tokens);
      return;
    }
    open_content(el, tokens);
  }

  /// Between the page's wrappers, on the way to the article's elements.
  void open_before_root(const GumboNode* el) {
    if (roots_.count(el) != 0) {
      inside_root_ = true;
      push(el, Role::Root, true);
      return;
    }
    if (ancestors_.count(el) != 0) {
      push(el, Role::Plain);
      return;
    }
    if (auto why = chrome_reason(el, class_tokens(el), false, false, *plan_.holders)) {
      drop(el, *why);
      return;
    }
    push_target(TargetKind::Outside, line_of(el));
    push(el, Role::Outside);
  }

  /// Inside page text outside the article: collected to be dropped whole.
  void open_in_outside(const GumboNode* el, const std::vector<std::string>& tokens) {
    if (auto why = chrome_reason(el, tokens, false, false, *plan_.holders)) {
      drop(el, *why);
      return;
    }
    const GumboTag tag = el->v.element.tag;
    if (tag == GUMBO_TAG_BR) {
      add_text(" ", 0);
      return;
    }
    // A standfirst in the page's story header above the article's root.
    if (!inside_root_ && article_.subtitle.empty() && article_.sections.empty() &&
        (tag == GUMBO_TAG_P || tag == GUMBO_TAG_DIV) && is_subtitle(el, tokens)) {
      push_target(TargetKind::Subtitle, line_of(el));
      push(el, Role::Subtitle);
      return;
    }
    push(el, Role::Plain, is_block_tag(tag));
    if (is_block_tag(tag)) boundary();
  }

  void open_content(const GumboNode* el, const std::vector<std::string>& tokens) {
    std::optional<CalloutInfo> callout = callout_of(el, tokens);
    // A health alert's header ("alert-header") around the page's <h1>: no box inside the text.
    if (callout && plan_.holders->count(el) != 0) callout.reset();
    if (auto why = chrome_reason(el, tokens, plan_.header_is_content, callout.has_value(), *plan_.holders)) {
      drop(el, *why);
      return;
    }
    const GumboTag tag = el->v.element.tag;
    const TargetKind at = target_kind();
    const std::size_t line = line_of(el);
    if (at == TargetKind::Body && !callout && is_list_or_box(tag) && is_link_list(el)) {
      drop(el, "chrome: link list");
      return;
    }
    if (at == TargetKind::Body && in_paragraph_contents(el)) {
      drop(el, "chrome: table of contents");
      return;
    }
    if (callout && at == TargetKind::Body) {
      flush_body();
      push_target(TargetKind::Callout, line);
      target().callout = callout;
      push(el, Role::Callout);
      return;
    }
    if (open_inline(el, tag) || open_heading(el, tag, at, line) || open_list(el, tag, at, line) ||
        open_table(el, tag, at, line) || open_figure_or_quote(el, tag, at, line) ||
        open_definitions(el, tag, at, line) || open_code(el, tag, at, line, tokens))
      return;
    if (at == TargetKind::HeaderJunk && (tag == GUMBO_TAG_P || tag == GUMBO_TAG_DIV) && is_subtitle(el, tokens)) {
      push_target(TargetKind::Subtitle, line);
      push(el, Role::Subtitle);
      return;
    }
    const bool block = is_block_tag(tag);
    if (block) boundary();
    push(el, Role::Plain, block);
  }

  bool open_inline(const GumboNode* el, GumboTag tag) {
    switch (tag) {
      case GUMBO_TAG_EM: case GUMBO_TAG_I:
        ++marks_.emphasis;
        push(el, Role::Emphasis);
        return true;
      case GUMBO_TAG_STRONG: case GUMBO_TAG_B:
        ++marks_.strong;
        push(el, Role::Strong);
        return true;
      case GUMBO_TAG_ABBR:
        if (const char* title = attr(el, "title"); title != nullptr && !collapse(title).empty()) {
          marks_.abbr.push_back(collapse(title));
          push(el, Role::Abbr);
          return true;
        }
        return false;
      case GUMBO_TAG_BR:
        // "text<br><br>text" is how old templates separate paragraphs.
        if (target_kind() == TargetKind::Body && follows_br(el)) {
          boundary();
          return true;
        }
        add_text(" ", 0);
        return true;
      case GUMBO_TAG_IMG:
        add_image(el);
        return true;
      default:
        return false;
    }
  }

  /// Whether the sibling before `el`, past whitespace, is a <br>.
  static bool follows_br(const GumboNode* el) {
    const GumboNode* parent = el->parent;
    if (parent == nullptr) return false;
    const GumboVector* kids = children_of(parent);
    if (kids == nullptr) return false;
    for (unsigned i = el->index_within_parent; i-- > 0;) {
      const GumboNode* prev = child_at(kids, i);
      if (prev->type == GUMBO_NODE_WHITESPACE || prev->type == GUMBO_NODE_COMMENT) continue;
      return tag_of(prev) == GUMBO_TAG_BR;
    }
    return false;
  }

  bool open_heading(const GumboNode* el, GumboTag tag, TargetKind at, std::size_t line) {
    const bool body = at == TargetKind::Body;
    if (tag >= GUMBO_TAG_H1 && tag <= GUMBO_TAG_H6 && (body || at == TargetKind::HeaderJunk)) {
      if (body) flush_body();
      push_target(TargetKind::Heading, line);
      push(el, Role::Heading);
      stack_.back().level = 1 + static_cast<int>(tag - GUMBO_TAG_H1);
      return true;
    }
    if (tag == GUMBO_TAG_HEADER && body) {
      flush_body();
      push_target(TargetKind::HeaderJunk, line);
      push(el, Role::ContentHeader);
      return true;
    }
    return false;
  }

  bool open_list(const GumboNode* el, GumboTag tag, TargetKind at, std::size_t line) {
    if ((tag == GUMBO_TAG_UL || tag == GUMBO_TAG_OL) && at == TargetKind::Body) {
      flush_body();
      list_ = Block{};
      list_->kind = BlockKind::List;
      list_->ordered = tag == GUMBO_TAG_OL;
      list_->start = tag == GUMBO_TAG_OL ? start_of(el) : 1;
      list_->line = line;
      list_depth_ = 1;
      push_target(TargetKind::ListBox, line);
      push(el, Role::ListOuter);
      return true;
    }
    if ((tag == GUMBO_TAG_UL || tag == GUMBO_TAG_OL) && at == TargetKind::ListItem && list_) {
      ++list_depth_;
      push_target(TargetKind::ListBox, line);
      push(el, Role::ListNested);
      return true;
    }
    if (tag == GUMBO_TAG_LI && at == TargetKind::ListBox && list_) {
      ListItem item;
      item.depth = list_depth_ - 1;
      list_->items.push_back(std::move(item));
      push_target(TargetKind::ListItem, line);
      target().item = list_->items.size() - 1;
      push(el, Role::ListItem);
      return true;
    }
    return false;
  }

  bool open_table(const GumboNode* el, GumboTag tag, TargetKind at, std::size_t line) {
    // A layout table's rows and cells are plain blocks around the text.
    if (tag == GUMBO_TAG_TABLE && at == TargetKind::Body && !is_layout_table(el)) {
      flush_body();
      table_ = Block{};
      table_->kind = BlockKind::Table;
      table_->line = line;
      push_target(TargetKind::TableBox, line);
      push(el, Role::Table);
      return true;
    }
    if (at != TargetKind::TableBox || !table_) return false;
    switch (tag) {
      case GUMBO_TAG_THEAD:
        ++in_thead_;
        push(el, Role::TableHead);
        return true;
      case GUMBO_TAG_TR:
        row_.clear();
        row_all_th_ = true;
        push(el, Role::Row);
        return true;
      case GUMBO_TAG_TD: case GUMBO_TAG_TH:
        push_target(TargetKind::Cell, line);
        push(el, Role::Cell);
        stack_.back().header_cell = tag == GUMBO_TAG_TH;
        return true;
      case GUMBO_TAG_CAPTION:
        push_target(TargetKind::TableCaption, line);
        push(el, Role::TableCaption);
        return true;
      default:
        return false;
    }
  }

  bool open_figure_or_quote(const GumboNode* el, GumboTag tag, TargetKind at, std::size_t line) {
    if (at != TargetKind::Body) return false;
    if (tag == GUMBO_TAG_FIGURE) {
      flush_body();
      emit_pending_images();
      figures_.emplace_back();
      push(el, Role::Figure);
      return true;
    }
    if (tag == GUMBO_TAG_FIGCAPTION && !figures_.empty()) {
      flush_body();
      push_target(TargetKind::Caption, line);
      push(el, Role::Figcaption);
      return true;
    }
    if (tag == GUMBO_TAG_BLOCKQUOTE) {
      flush_body();
      push_target(TargetKind::Quote, line);
      push(el, Role::Quote);
      return true;
    }
    return false;
  }

  bool open_definitions(const GumboNode* el, GumboTag tag, TargetKind at, std::size_t line) {
    if (tag == GUMBO_TAG_DL && at == TargetKind::Body) {
      flush_body();
      terms_.clear();
      terms_line_ = 0;
      terms_used_ = false;
      push_target(TargetKind::DlBox, line);
      push(el, Role::Dl);
      return true;
    }
    if ((tag == GUMBO_TAG_DT || tag == GUMBO_TAG_DD) && at == TargetKind::DlBox) {
      push_target(tag == GUMBO_TAG_DT ? TargetKind::Term : TargetKind::Definition, line);
      push(el, tag == GUMBO_TAG_DT ? Role::Dt : Role::Dd);
      return true;
    }
    return false;
  }

  bool open_code(const GumboNode* el, GumboTag tag, TargetKind at, std::size_t line,
                 const std::vector<std::string>& tokens) {
    if (tag == GUMBO_TAG_PRE) {
      const bool body = at == TargetKind::Body;
      if (body) flush_body();
      push_target(TargetKind::Discard, line);
      push(el, body ? Role::Pre : Role::PreFlat);
      if (body) {
        code_lang_ = language_of(tokens);
        code_line_ = line;
      }
      return true;
    }
    if (tag == GUMBO_TAG_CODE && at == TargetKind::Discard && code_lang_.empty()) code_lang_ = language_of(tokens);
    return false;
  }

  // ---- leaving elements

  void leave(const Frame& f) {
    switch (f.role) {
      case Role::Plain:
        if (f.boundary) boundary(tag_of(f.node) == GUMBO_TAG_LI ? ';' : '.', true);
        return;
      case Role::Root:
        flush_body();
        emit_pending_images();
        inside_root_ = false;
        return;
      case Role::Emphasis: --marks_.emphasis; return;
      case Role::Strong: --marks_.strong; return;
      case Role::Abbr: marks_.abbr.pop_back(); return;
      case Role::Outside: case Role::Heading: case Role::ContentHeader: case Role::Subtitle:
        leave_text_part(f);
        return;
      case Role::ListOuter: case Role::ListNested: case Role::ListItem:
        leave_list_part(f);
        return;
      case Role::Table: case Role::TableHead: case Role::Row: case Role::Cell: case Role::TableCaption:
        leave_table_part(f);
        return;
      case Role::Figure: case Role::Figcaption: case Role::Quote: case Role::Callout:
        leave_figure_or_quote(f);
        return;
      case Role::Dl: case Role::Dt: case Role::Dd:
        leave_definition_part(f);
        return;
      case Role::Pre: case Role::PreFlat:
        leave_code(f);
        return;
    }
  }

  void leave_text_part(const Frame& f) {
    TextTarget t = pop_target();
    if (f.role == Role::Heading) {
      add_heading(plain_text(t.text.take()), f.level, t.line);
      return;
    }
    std::string text = plain_text(t.text.take());
    if (text.empty()) return;
    if (f.role == Role::Subtitle) {
      if (article_.subtitle.empty()) article_.subtitle = std::move(text);
      return;
    }
    const char* reason = f.role == Role::Outside ? "outside main content" : "chrome: header";
    article_.dropped.push_back(Dropped{shorten(std::move(text)), reason, t.line});
  }

  void leave_list_part(const Frame& f) {
    if (f.role == Role::ListOuter) {
      pop_target();
      finish_list();
      return;
    }
    if (f.role == Role::ListNested) {
      pop_target();
      --list_depth_;
      return;
    }
    TextTarget t = pop_target();
    InlineText text = t.text.take();
    const std::string plain = plain_text(text);
    if (auto hit = plain.empty() ? std::nullopt : filter_.match(plain)) {
      article_.dropped.push_back(Dropped{plain, hit->rule, t.line});
      text.clear();
    }
    list_->items[t.item].text = std::move(text);
  }

  void leave_table_part(const Frame& f) {
    switch (f.role) {
      case Role::Table:
        pop_target();
        finish_table();
        return;
      case Role::TableHead:
        --in_thead_;
        return;
      case Role::Row:
        finish_row();
        return;
      case Role::Cell: {
        TextTarget t = pop_target();
        row_.push_back(t.text.take());
        if (!f.header_cell) row_all_th_ = false;
        return;
      }
      default: {
        TextTarget t = pop_target();
        emit_text_block(t.text.take(), t.line, BlockKind::Paragraph, std::nullopt);
        return;
      }
    }
  }

  void leave_figure_or_quote(const Frame& f) {
    if (f.role == Role::Figure) {
      finish_figure(f);
      return;
    }
    TextTarget t = pop_target();
    if (f.role == Role::Figcaption) {
      InlineText caption = without_credit(t.text.take(), t.line);
      InlineText& into = figures_.back().caption;
      if (!into.empty() && !caption.empty()) into.back().text += ' ';
      for (auto& span : caption) append_span(into, std::move(span));
      return;
    }
    if (f.role == Role::Quote) {
      emit_text_block(t.text.take(), t.line, BlockKind::Quote, std::nullopt);
      return;
    }
    InlineText text = t.text.take();
    CalloutKind kind = t.callout->kind;
    // The box's own label ("Important:") names it, whatever its class says.
    const std::optional<CalloutKind> label = strip_label(text, t.first_paragraph);
    if (label) kind = *label;
    emit_text_block(std::move(text), t.line, BlockKind::Callout, kind, label.has_value());
  }

  void finish_figure(const Frame& f) {
    flush_body();
    emit_pending_images();
    FigureState fig = std::move(figures_.back());
    figures_.pop_back();
    if (fig.caption.empty()) return;
    if (fig.has_image) {
      article_.sections[fig.section].blocks[fig.block].caption = std::move(fig.caption);
    } else {
      emit_text_block(std::move(fig.caption), line_of(f.node), BlockKind::Paragraph, std::nullopt);
    }
  }

  void leave_definition_part(const Frame& f) {
    if (f.role == Role::Dl) {
      pop_target();
      if (!terms_.empty() && !terms_used_)
        emit_text_block(std::move(terms_), terms_line_, BlockKind::Paragraph, std::nullopt);
      terms_.clear();
      return;
    }
    TextTarget t = pop_target();
    InlineText text = t.text.take();
    if (text.empty()) return;
    if (f.role == Role::Dt) {
      if (terms_used_) terms_.clear(), terms_used_ = false;
      if (terms_.empty()) terms_line_ = t.line;
      else append_span(terms_, Span{", "});
      for (auto& span : text) append_span(terms_, std::move(span));
      return;
    }
    InlineText out;
    std::size_t line = t.line;
    if (!terms_.empty()) {
      out = terms_;
      append_span(out, Span{": "});
      line = terms_line_;
    }
    for (auto& span : text) append_span(out, std::move(span));
    terms_used_ = true;
    emit_text_block(std::move(out), line, BlockKind::Paragraph, std::nullopt);
  }

  void leave_code(const Frame& f) {
    pop_target();
    if (f.role == Role::PreFlat) {
      boundary();
      return;
    }
    Block code;
    code.kind = BlockKind::Code;
    if (!code_lang_.empty()) code.text = make_text(code_lang_);
    code.line = code_line_;
    code_lang_.clear();
    emit(std::move(code));
    emit_pending_images();
  }

  // ---- building blocks

  static int start_of(const GumboNode* ol) {
    const char* start = attr(ol, "start");
    if (start == nullptr) return 1;
    try {
      return std::stoi(std::string(trim(start)));
    } catch (const std::exception&) {
      return 1;  // as browsers do with a bad start
    }
  }

  static std::string language_of(const std::vector<std::string>& tokens) {
    for (const auto& t : tokens) {
      for (std::string_view prefix : {"language-", "lang-"})
        if (t.rfind(prefix, 0) == 0 && t.size() > prefix.size()) return t.substr(prefix.size());
    }
    return {};
  }

  Section& section() {
    if (article_.sections.empty()) article_.sections.emplace_back();
    return article_.sections.back();
  }

  void emit(Block block) {
    // Under a back-matter heading ("Sources", "About the author") the section
    // is not the article. Images stay: figures point at their blocks.
    if (back_matter_ && block.kind != BlockKind::Image) {
      const InlineText& text = block.kind == BlockKind::List && !block.items.empty() ? block.items.front().text : block.text;
      article_.dropped.push_back(Dropped{plain_text(text), back_matter_->rule, block.line});
      return;
    }
    section().blocks.push_back(std::move(block));
  }

  void add_image(const GumboNode* img) {
    const char* alt = attr(img, "alt");
    if (alt == nullptr) return;
    std::string text = collapse(alt);
    if (text.empty()) return;  // decorative
    Block image;
    image.kind = BlockKind::Image;
    image.text = make_text(std::move(text));
    image.line = line_of(img);
    pending_images_.push_back(std::move(image));
  }

  /// Images wait for the paragraph (or list, table...) they sit in, and
  /// follow it, as in the Markdown parser.
  void emit_pending_images() {
    if (target_kind() != TargetKind::Body || !inside_root_) return;
    for (auto& image : pending_images_) {
      emit(std::move(image));
      if (!figures_.empty() && !figures_.back().has_image) {
        figures_.back().has_image = true;
        figures_.back().section = article_.sections.size() - 1;
        figures_.back().block = article_.sections.back().blocks.size() - 1;
      }
    }
    pending_images_.clear();
  }

  void flush_body() {
    TextTarget& t = targets_.front();
    if (!t.text.empty()) {
      const std::size_t line = t.text.line();
      emit_text_block(t.text.take(), line, BlockKind::Paragraph, std::nullopt);
    }
    emit_pending_images();
  }

  /// Whether the text has a paragraph of sentences yet, not only a tagline or a label.
  bool has_paragraph() const {
    constexpr std::size_t kMinBytes = 80;  // fifteen English words, or twenty-seven Japanese characters
    return std::any_of(article_.sections.begin(), article_.sections.end(), [](const Section& s) {
      return std::any_of(s.blocks.begin(), s.blocks.end(), [](const Block& b) {
        return b.kind == BlockKind::Paragraph && plain_text(b.text).size() >= kMinBytes;
      });
    });
  }

  /// A paragraph, quote or callout after the boilerplate filter; paragraphs
  /// and quotes starting with "Warning:" (bold or not) become callouts.
  void emit_text_block(InlineText text, std::size_t line, BlockKind kind, std::optional<CalloutKind> callout,
                       bool label_shown = true) {
    if (text.empty()) return;
    const std::string plain = plain_text(text);
    if (kind == BlockKind::Paragraph && drop_next_) {
      article_.dropped.push_back(Dropped{plain, *drop_next_, line});
      drop_next_.reset();
      return;
    }
    if (auto hit = filter_.match(plain)) {
      article_.dropped.push_back(Dropped{plain, hit->rule, line});
      if (hit->drops_next_paragraph) drop_next_ = hit->rule;
      // A paragraph that closes the text ("###" under a press release): the rest goes, the
      // headed back matter after it too ("About Lakemont Medical Center"). A
      // comment count above the text closes nothing: "14 comments" in the byline's row.
      if (hit->drops_section && !back_matter_ && (hit->rule != "page-comments" || has_paragraph()))
        back_matter_ = BackMatter{hit->rule, 0};
      return;
    }
    if (kind == BlockKind::Paragraph && looks_like_byline(plain)) {
      article_.dropped.push_back(Dropped{plain, "byline", line});
      return;
    }
    if (kind == BlockKind::Paragraph) text = without_trailing_credit(std::move(text), plain, line);
    if (kind == BlockKind::Paragraph || kind == BlockKind::Quote) {
      if (auto label = strip_label(text, npos)) {
        kind = BlockKind::Callout;
        callout = label;
      }
    }
    if (text.empty()) return;
    Block block;
    block.kind = kind;
    block.text = std::move(text);
    if (callout) block.callout = *callout;
    block.label_shown = label_shown;
    block.line = line;
    emit(std::move(block));
  }

  /// Removes a leading "Warning:" style label and returns its kind. A label
  /// without a colon counts only when it is a paragraph of its own
  /// (`first_paragraph` bytes long), as in an admonition's title line.
  static std::optional<CalloutKind> strip_label(InlineText& text, std::size_t first_paragraph) {
    const std::string plain = plain_text(text);
    std::size_t w = 0;
    while (w < plain.size() && is_ascii_alpha(plain[w])) ++w;
    if (w == 0) return std::nullopt;
    const auto& labels = chrome_config().labels;
    const auto it = labels.find(ascii_lower(std::string_view(plain).substr(0, w)));
    if (it == labels.end()) return std::nullopt;
    std::size_t cut = w;
    while (cut < plain.size() && plain[cut] == ' ') ++cut;
    if (cut < plain.size() && plain[cut] == ':') {
      ++cut;
    } else if (first_paragraph == w) {
      cut = w + (w < plain.size() && plain[w] == '.');  // the full stop that ended the label's paragraph
    } else {
      return std::nullopt;
    }
    drop_front(text, cut);
    text = tidy_spans(std::move(text));
    return it->second;
  }

  void add_heading(std::string title, int level, std::size_t line) {
    title.resize(without_permalink_mark(title).size());  // "Hypothermia¶": a documentation site's anchor link
    if (title.empty()) return;
    if (auto hit = filter_.match(title)) {
      article_.dropped.push_back(Dropped{title, hit->rule, line});
      if (hit->drops_section && (!back_matter_ || level <= back_matter_->level)) back_matter_ = BackMatter{hit->rule, level};
      return;
    }
    if (back_matter_ && level <= back_matter_->level) back_matter_.reset();
    if (level == 1 && article_.title.empty()) article_.title = title;
    Section s;
    s.title = std::move(title);
    s.level = level;
    s.line = line;
    article_.sections.push_back(std::move(s));
  }

  void finish_list() {
    Block list = std::move(*list_);
    list_.reset();
    list_depth_ = 0;
    std::erase_if(list.items, [](const ListItem& item) { return item.text.empty(); });
    if (!list.items.empty()) emit(std::move(list));
    emit_pending_images();
  }

  void finish_row() {
    std::vector<InlineText> row = std::move(row_);
    row_.clear();
    if (row.empty()) return;
    Block& table = *table_;
    if (in_thead_ > 0 && table.header.empty()) {
      table.header = std::move(row);
    } else if (row_all_th_ && table.header.empty() && table.rows.empty()) {
      table.header = std::move(row);
    } else {
      table.rows.push_back(std::move(row));
    }
  }

  void finish_table() {
    Block table = std::move(*table_);
    table_.reset();
    if (!table.header.empty() || !table.rows.empty()) emit(std::move(table));
    emit_pending_images();
  }

  /// Text without a parenthesised credit at its end: "... the winter. (Image: Jo Roe)".
  InlineText without_trailing_credit(InlineText text, const std::string& plain, std::size_t line) {
    const std::size_t at = filter_.trailing_credit(plain);
    if (at == npos) return text;
    article_.dropped.push_back(Dropped{std::string(trim(std::string_view(plain).substr(at))), "photo-credit", line});
    keep_front(text, at);
    return tidy_spans(std::move(text));
  }

  /// A caption without its photo credit: the whole caption when the filter
  /// calls it junk, or a trailing sentence such as ". Photo: Jane Roe".
  InlineText without_credit(InlineText caption, std::size_t line) {
    if (caption.empty()) return caption;
    // A label for screen readers that a listener hears as clutter: "Image caption, Ward 7 at night".
    if (const std::size_t label = caption_label_size(plain_text(caption))) {
      drop_front(caption, label);
      caption = tidy_spans(std::move(caption));
    }
    const std::string plain = plain_text(caption);
    if (auto hit = filter_.match(plain)) {
      article_.dropped.push_back(Dropped{plain, hit->rule, line});
      return {};
    }
    if (filter_.trailing_credit(plain) != npos) return without_trailing_credit(std::move(caption), plain, line);
    std::size_t tries = 0;
    for (std::size_t i = 0; i + 1 < plain.size() && tries < 32; ++i) {
      std::size_t keep = npos, from = npos;
      if ((plain[i] == '.' || plain[i] == '!' || plain[i] == '?') && plain[i + 1] == ' ') {
        keep = i + 1;
        from = i + 2;
      } else if (plain.compare(i, 3, " | ") == 0) {
        keep = i;
        from = i + 3;
      }
      if (keep == npos) continue;
      ++tries;
      const std::string suffix(trim(std::string_view(plain).substr(from)));
      if (suffix.empty()) continue;
      if (auto hit = filter_.match(suffix)) {
        article_.dropped.push_back(Dropped{suffix, hit->rule, line});
        keep_front(caption, keep);
        return tidy_spans(std::move(caption));
      }
    }
    return caption;
  }

  Article& article_;
  const BoilerplateFilter& filter_;
  const WalkPlan& plan_;
  std::unordered_set<const GumboNode*> roots_;
  std::unordered_set<const GumboNode*> ancestors_;
  bool inside_root_ = false;

  std::vector<Frame> stack_;
  std::vector<TextTarget> targets_;
  Marks marks_;
  std::vector<Block> pending_images_;
  std::optional<std::string> drop_next_;
  /// The back-matter heading whose section is being dropped, and its level.
  struct BackMatter {
    std::string rule;
    int level = 0;
  };
  std::optional<BackMatter> back_matter_;

  std::optional<Block> list_;
  int list_depth_ = 0;
  std::optional<Block> table_;
  std::vector<InlineText> row_;
  bool row_all_th_ = true;
  int in_thead_ = 0;
  std::vector<FigureState> figures_;
  InlineText terms_;
  std::size_t terms_line_ = 0;
  bool terms_used_ = false;
  std::string code_lang_;
  std::size_t code_line_ = 0;
};

}  // namespace

InlineText tidy_spans(InlineText in) {
  InlineText out;
  for (auto& span : in) {
    if (span.text.empty()) continue;
    const bool blank = trim(span.text).empty();
    if (blank && out.empty()) continue;  // leading whitespace
    if (blank) {
      out.back().text += ' ';
      continue;
    }
    append_span(out, std::move(span));
  }
  while (!out.empty()) {
    std::string& t = out.back().text;
    while (!t.empty() && is_html_space(t.back())) t.pop_back();
    if (!t.empty()) break;
    out.pop_back();
  }
  if (!out.empty()) {
    std::string& t = out.front().text;
    std::size_t b = 0;
    while (b < t.size() && is_html_space(t[b])) ++b;
    t.erase(0, b);
  }
  return out;
}

bool looks_like_byline(std::string_view text) {
  static constexpr std::string_view kLeads[] = {"By ", "BY ", "Por ", "Par ", "Von ", "Words by ", "Reviewed by ",
                                                "Written by ", "Text by ", "Story by ",
                                                // "Text: NAME" and "Author: NAME" across Europe; Indonesian "Oleh NAME"
                                                "Text: ", "Texto: ", "Tekst: ", "Teksti: ", "Autor: ", "Autorka: ",
                                                "Autore: ", "Auteur : ", "Oleh ", "\u0422\u0435\u043A\u0441\u0442: ",
                                                "\u0410\u0432\u0442\u043E\u0440: "};
  // "By Jo Roe | Reviewed by … | Updated 3 May 2025": a byline row whose
  // parts are split by bars or middle dots; the first part is judged.
  constexpr std::size_t kMaxRowWords = 32;
  for (std::string_view sep : {" | ", " \xC2\xB7 ", " \xE2\x80\x94 "}) {
    const std::size_t at = text.find(sep);
    if (at == npos || at == 0) continue;
    return count_words(text) <= kMaxRowWords && looks_like_byline(trim(text.substr(0, at)));
  }
  if (text.empty() || count_words(text) > 12) return false;
  const char last = text.back();
  if (last == '.' || last == '!' || last == '?' || last == ':') return false;
  for (std::string_view lead : kLeads) {
    if (!text.starts_with(lead) || text.size() <= lead.size()) continue;
    const char next = text[lead.size()];
    return (next >= 'A' && next <= 'Z') || (static_cast<unsigned char>(next) >= 0xC3);
  }
  return false;
}

void walk_content(Article& article, const BoilerplateFilter& filter, const WalkPlan& plan) {
  Walker(article, filter, plan).run();
}

}  // namespace readaloud::html
