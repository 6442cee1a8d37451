#include "ingest/html_parser.hpp"
#include "util/text.hpp"

#include <gumbo.h>

#include <algorithm>
#include <memory>
#include <optional>
#include <string>
#include <toml++/toml.h>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "ingest/decode.hpp"
#include "util/embedded.hpp"
#include "util/error.hpp"

namespace readaloud {
namespace {

constexpr std::size_t npos = std::string_view::npos;
constexpr std::size_t kShownChromeChars = 80;
constexpr std::size_t kCharsetScanBytes = 1024;
// Class attributes longer than this are only looked at up to here: chrome
// classes are short, and this keeps a huge attribute from costing
// (patterns x length).
constexpr std::size_t kMaxClassBytes = 1024;
constexpr const char* kChromeFile = "data/html_chrome.toml";

// ---------------------------------------------------------------- strings

bool is_html_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
bool is_ascii_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_name_char(char c) {
  return is_ascii_alpha(c) || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == ':' || c == '.';
}
char lower_char(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

std::string_view trim(std::string_view s) {
  std::size_t b = 0, e = s.size();
  while (b < e && is_html_space(s[b])) ++b;
  while (e > b && is_html_space(s[e - 1])) --e;
  return s.substr(b, e - b);
}

/// Typography cleaned, whitespace runs collapsed to one space, ends trimmed.
std::string collapse(std::string_view raw) { return collapse_spaces(clean_typography(raw)); }

/// At most ~`max` bytes, cut at a word (or at least a UTF-8) boundary, with "..." when cut.
std::string shorten(std::string s, std::size_t max = kShownChromeChars) {
  if (s.size() <= max) return s;
  std::size_t cut = max;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  const std::size_t space = s.rfind(' ', cut);
  if (space != std::string::npos && space > max / 2) cut = space;
  s.resize(cut);
  while (!s.empty() && s.back() == ' ') s.pop_back();
  return s + "...";
}

std::size_t count_words(std::string_view s) {
  std::size_t words = 0;
  bool in_word = false;
  for (char c : s) {
    const bool space = is_html_space(c);
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

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

/// The canonical form: ends trimmed, whitespace-only spans folded into their
/// neighbour, empty spans removed, neighbours with equal marks merged.
InlineText normalize(InlineText in) {
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

  bool empty() const { return spans_.empty(); }
  /// Bytes of text so far, not counting a pending trailing space.
  std::size_t size() const { return size_ - (last_space_ ? 1 : 0); }
  std::size_t line() const { return line_; }

  InlineText take() {
    InlineText out = normalize(std::move(spans_));
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

// ---------------------------------------------------------------- config

CalloutKind callout_kind_named(const std::string& name) {
  if (name == "note") return CalloutKind::Note;
  if (name == "tip") return CalloutKind::Tip;
  if (name == "important") return CalloutKind::Important;
  if (name == "warning") return CalloutKind::Warning;
  if (name == "caution") return CalloutKind::Caution;
  if (name == "danger") return CalloutKind::Danger;
  throw_runtime(std::string(kChromeFile) + ": unknown callout kind '" + name + "'");
}

/// The chrome rules of data/html_chrome.toml.
struct ChromeConfig {
  std::unordered_set<std::string> tags;
  std::unordered_set<std::string> roles;
  std::vector<std::string> class_parts;
  std::vector<std::string> credit_parts;
  std::vector<std::string> subtitle_parts;
  std::vector<std::pair<std::string, CalloutKind>> callout_kinds;
  std::vector<std::pair<std::string, CalloutKind>> callout_generic;
  std::unordered_map<std::string, CalloutKind> callout_roles;
  std::unordered_map<std::string, CalloutKind> labels;
};

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
    out.emplace_back(ascii_lower(key.str()), callout_kind_named(ascii_lower(*kind)));
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
  cfg.callout_kinds = read_kind_table(doc, "callout.kinds");
  cfg.callout_generic = read_kind_table(doc, "callout.generic");
  for (auto& [k, v] : read_kind_table(doc, "callout.roles")) cfg.callout_roles.emplace(k, v);
  for (auto& [k, v] : read_kind_table(doc, "callout.labels")) cfg.labels.emplace(k, v);
  return cfg;
}

const ChromeConfig& config() {
  static const ChromeConfig cfg = load_config();
  return cfg;
}

// ------------------------------------------------------------ gumbo glue

struct GumboOutputDeleter {
  const GumboOptions* options;
  void operator()(GumboOutput* output) const { gumbo_destroy_output(options, output); }
};
using GumboOutputPtr = std::unique_ptr<GumboOutput, GumboOutputDeleter>;

bool is_element(const GumboNode* n) {
  return n->type == GUMBO_NODE_ELEMENT || n->type == GUMBO_NODE_TEMPLATE;
}

const GumboVector* children_of(const GumboNode* n) {
  if (n->type == GUMBO_NODE_DOCUMENT) return &n->v.document.children;
  if (is_element(n)) return &n->v.element.children;
  return nullptr;
}

const GumboNode* child_at(const GumboVector* v, unsigned i) {
  return static_cast<const GumboNode*>(v->data[i]);
}

const char* attr(const GumboNode* el, const char* name) {
  const GumboAttribute* a = gumbo_get_attribute(&el->v.element.attributes, name);
  return a ? a->value : nullptr;
}

GumboTag tag_of(const GumboNode* n) { return is_element(n) ? n->v.element.tag : GUMBO_TAG_UNKNOWN; }

std::string tag_name(const GumboNode* el) {
  if (el->v.element.tag != GUMBO_TAG_UNKNOWN) return gumbo_normalized_tagname(el->v.element.tag);
  GumboStringPiece piece = el->v.element.original_tag;
  gumbo_tag_from_original_text(&piece);
  return ascii_lower(std::string_view(piece.data, piece.length));
}

std::size_t line_of(const GumboNode* n) {
  if (is_element(n)) return n->v.element.start_pos.line;
  if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE || n->type == GUMBO_NODE_CDATA)
    return n->v.text.start_pos.line;
  return 0;
}

/// Lowercased class tokens and the id of an element.
std::vector<std::string> class_tokens(const GumboNode* el) {
  std::vector<std::string> out;
  for (const char* name : {"class", "id"}) {
    const char* value = attr(el, name);
    if (value == nullptr) continue;
    std::string_view v(value);
    v = v.substr(0, kMaxClassBytes);
    std::size_t i = 0;
    while (i < v.size()) {
      while (i < v.size() && is_html_space(v[i])) ++i;
      std::size_t j = i;
      while (j < v.size() && !is_html_space(v[j])) ++j;
      if (j > i) out.push_back(ascii_lower(v.substr(i, j - i)));
      i = j;
    }
  }
  return out;
}

/// Whether `part` occurs in `token` bounded by its ends or by '-' / '_':
/// "ad" is a part of "ad-slot" and "top_ad", not of "header" or "download".
bool token_has_part(std::string_view token, std::string_view part) {
  for (std::size_t at = token.find(part); at != npos; at = token.find(part, at + 1)) {
    const std::size_t end = at + part.size();
    const bool left = at == 0 || token[at - 1] == '-' || token[at - 1] == '_';
    const bool right = end == token.size() || token[end] == '-' || token[end] == '_';
    if (left && right) return true;
  }
  return false;
}

const std::string* find_part(const std::vector<std::string>& tokens, const std::vector<std::string>& parts) {
  if (tokens.empty()) return nullptr;
  for (const auto& part : parts)
    for (const auto& token : tokens)
      if (token_has_part(token, part)) return &part;
  return nullptr;
}

std::string role_of(const GumboNode* el) {
  const char* role = attr(el, "role");
  if (role == nullptr) return {};
  const std::string_view r = trim(role);
  std::size_t end = 0;
  while (end < r.size() && !is_html_space(r[end])) ++end;
  return ascii_lower(r.substr(0, end));
}

struct CalloutInfo {
  CalloutKind kind = CalloutKind::Note;
  bool generic = false;  // from "callout"/"alert"-like classes: a text label may name the kind
};

bool may_be_callout(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_DIV: case GUMBO_TAG_SECTION: case GUMBO_TAG_ASIDE: case GUMBO_TAG_P:
    case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_DETAILS:
      return true;
    default:
      return false;
  }
}

std::optional<CalloutInfo> callout_of(const GumboNode* el, const std::vector<std::string>& tokens) {
  if (!may_be_callout(el->v.element.tag)) return std::nullopt;
  const auto& cfg = config();
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

/// The elements that hold an <h1>, <article> or <main> below them: a chrome
/// class on one of those is a wrapper's ("page-with-ads"), not chrome.
using ContentHolders = std::unordered_set<const GumboNode*>;

/// Found once per page, walking up from each such element and stopping at an
/// ancestor already marked, so the whole page costs one pass. (Asking each
/// chrome-classed element to search its own subtree costs depth x size when
/// such wrappers nest.)
ContentHolders find_content_holders(const GumboNode* document) {
  ContentHolders holders;
  std::vector<const GumboNode*> stack{document};
  while (!stack.empty()) {
    const GumboNode* n = stack.back();
    stack.pop_back();
    const GumboVector* kids = children_of(n);
    if (kids == nullptr) continue;
    if (is_element(n)) {
      const GumboTag tag = n->v.element.tag;
      if (tag == GUMBO_TAG_H1 || tag == GUMBO_TAG_ARTICLE || tag == GUMBO_TAG_MAIN)
        for (const GumboNode* up = n->parent; up != nullptr && holders.insert(up).second;) up = up->parent;
    }
    for (unsigned i = kids->length; i-- > 0;) stack.push_back(child_at(kids, i));
  }
  return holders;
}

/// Why an element is chrome ("chrome: nav", "photo-credit"), or nullopt.
/// `header_is_content`: a <header> here belongs to the article (it holds the h1).
std::optional<std::string> chrome_reason(const GumboNode* el, const std::vector<std::string>& tokens,
                                         bool header_is_content, bool is_callout, const ContentHolders& holders) {
  const auto& cfg = config();
  if (attr(el, "hidden") != nullptr) return "chrome: hidden";
  if (const char* a = attr(el, "aria-hidden"); a != nullptr && ascii_lower(trim(a)) == "true")
    return "chrome: aria-hidden";
  if (const char* style = attr(el, "style"); style != nullptr) {
    std::string s;
    for (char c : std::string_view(style).substr(0, kMaxClassBytes))
      if (!is_html_space(c)) s += lower_char(c);
    if (s.find("display:none") != npos || s.find("visibility:hidden") != npos) return "chrome: hidden";
  }
  if (find_part(tokens, cfg.credit_parts) != nullptr) return "photo-credit";
  if (const std::string* part = find_part(tokens, cfg.class_parts); part != nullptr && holders.count(el) == 0)
    return "chrome: " + *part;
  const std::string name = tag_name(el);
  if (cfg.tags.count(name) != 0 && !(is_callout && name == "aside")) return "chrome: " + name;
  if (const std::string role = role_of(el); cfg.roles.count(role) != 0) return "chrome: " + role;
  if (el->v.element.tag == GUMBO_TAG_FOOTER) return "chrome: footer";
  if (el->v.element.tag == GUMBO_TAG_HEADER && !header_is_content) return "chrome: header";
  return std::nullopt;
}

/// Elements whose start and end separate paragraphs.
bool is_block_tag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_SECTION: case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_MAIN: case GUMBO_TAG_HEADER: case GUMBO_TAG_FOOTER: case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_DETAILS: case GUMBO_TAG_SUMMARY: case GUMBO_TAG_CENTER: case GUMBO_TAG_H1:
    case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6:
    case GUMBO_TAG_UL: case GUMBO_TAG_OL: case GUMBO_TAG_LI: case GUMBO_TAG_DL: case GUMBO_TAG_DT:
    case GUMBO_TAG_DD: case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_FIGURE: case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_TABLE: case GUMBO_TAG_CAPTION: case GUMBO_TAG_THEAD: case GUMBO_TAG_TBODY:
    case GUMBO_TAG_TFOOT: case GUMBO_TAG_TR: case GUMBO_TAG_TD: case GUMBO_TAG_TH: case GUMBO_TAG_PRE:
    case GUMBO_TAG_HR: case GUMBO_TAG_FIELDSET: case GUMBO_TAG_LEGEND: case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_NAV: case GUMBO_TAG_HGROUP: case GUMBO_TAG_BODY:
      return true;
    default:
      return false;
  }
}

/// Elements that are never text: skipped silently wherever they are.
bool is_silent_tag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_HEAD: case GUMBO_TAG_TITLE: case GUMBO_TAG_META: case GUMBO_TAG_LINK:
    case GUMBO_TAG_BASE:
      return true;
    default:
      return false;
  }
}

/// Up to ~`limit` bytes of collapsed text of a subtree (for showing dropped chrome).
std::string subtree_text(const GumboNode* root, std::size_t limit = kShownChromeChars * 2) {
  std::string raw;
  std::vector<const GumboNode*> stack{root};
  while (!stack.empty() && raw.size() < limit * 2) {
    const GumboNode* n = stack.back();
    stack.pop_back();
    if (n == nullptr) {  // the end of a block element
      raw += ' ';
      continue;
    }
    if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_CDATA || n->type == GUMBO_NODE_WHITESPACE) {
      raw += n->v.text.text;
      continue;
    }
    if (is_element(n) && n->v.element.tag == GUMBO_TAG_IMG) {
      if (const char* alt = attr(n, "alt")) (raw += ' ') += alt;
    }
    const GumboVector* kids = children_of(n);
    if (kids == nullptr) continue;
    if (is_element(n) && is_block_tag(n->v.element.tag)) {
      raw += ' ';
      stack.push_back(nullptr);
    }
    for (unsigned i = kids->length; i-- > 0;) stack.push_back(child_at(kids, i));
  }
  return collapse(raw);
}

/// Bytes of text in a subtree, chrome not counted (to pick the largest <article>).
std::size_t text_size(const GumboNode* root, const ContentHolders& holders) {
  std::size_t size = 0;
  std::vector<const GumboNode*> stack{root};
  while (!stack.empty()) {
    const GumboNode* n = stack.back();
    stack.pop_back();
    if (n->type == GUMBO_NODE_TEXT) {
      size += trim(n->v.text.text).size();
      continue;
    }
    if (!is_element(n)) continue;
    if (n != root && chrome_reason(n, class_tokens(n), true, false, holders)) continue;
    const GumboVector* kids = &n->v.element.children;
    for (unsigned i = kids->length; i-- > 0;) stack.push_back(child_at(kids, i));
  }
  return size;
}

// -------------------------------------------------------- depth limiting

/// Flattens nesting deeper than `max_depth` elements, as browsers do: start
/// tags past the limit (and their end tags) are left out, so their content
/// joins the element at the limit. gumbo checks element scopes by walking its
/// stack of open elements, which makes deep input quadratic (100,000 nested
/// <div>s take ~11 s); with the limit each tag costs at most `max_depth`.
/// Removed tags leave their newlines behind, so line numbers stay true.
/// This is a light tokenizer, not a parser: it counts the elements that nest
/// (not void elements, and not those whose start closes an open one, such as
/// <p>, <li> or <td>), which is all the limit needs.
std::string limit_nesting(std::string_view in, std::size_t max_depth) {
  static const std::unordered_set<std::string_view> kVoid = {
      "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
      "source", "track", "wbr", "keygen", "basefont", "bgsound", "frame", "image"};
  static const std::unordered_set<std::string_view> kUncounted = {
      "p", "li", "dt", "dd", "tr", "td", "th", "thead", "tbody", "tfoot", "option", "optgroup",
      "rb", "rt", "rp", "rtc", "colgroup", "caption", "html", "head", "body"};
  static const std::unordered_set<std::string_view> kRawText = {
      "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes"};

  std::string out;
  out.reserve(in.size());
  std::vector<std::string> open;
  std::unordered_map<std::string, std::size_t> suppressed;
  std::size_t foreign = 0;  // open <svg>/<math>: there "<x/>" is empty
  std::size_t i = 0;
  const std::size_t n = in.size();
  const auto copy_to = [&](std::size_t end) {
    out.append(in.substr(i, end - i));
    i = end;
  };
  const auto leave_out_to = [&](std::size_t end) {
    for (std::size_t k = i; k < end; ++k)
      if (in[k] == '\n') out += '\n';
    i = end;
  };
  const auto is_foreign = [](const std::string& name) { return name == "svg" || name == "math"; };

  while (i < n) {
    const std::size_t lt = in.find('<', i);
    if (lt == npos) {
      copy_to(n);
      break;
    }
    copy_to(lt);
    if (in.substr(i, 4) == "<!--") {
      const std::size_t e = in.find("-->", i + 4);
      copy_to(e == npos ? n : e + 3);
      continue;
    }
    if (i + 1 < n && (in[i + 1] == '!' || in[i + 1] == '?')) {
      const std::size_t e = in.find('>', i);
      copy_to(e == npos ? n : e + 1);
      continue;
    }
    const bool closing = i + 1 < n && in[i + 1] == '/';
    const std::size_t name_start = i + (closing ? 2 : 1);
    if (name_start >= n || !is_ascii_alpha(in[name_start])) {
      copy_to(i + 1);  // a lone '<' is text
      continue;
    }
    std::size_t name_end = name_start;
    while (name_end < n && is_name_char(in[name_end])) ++name_end;
    const std::string name = ascii_lower(in.substr(name_start, name_end - name_start));
    // The end of the tag; '>' inside a quoted attribute value does not count.
    std::size_t e = name_end;
    char quote = 0;
    bool after_eq = false;
    for (; e < n; ++e) {
      const char c = in[e];
      if (quote != 0) {
        if (c == quote) quote = 0;
        continue;
      }
      if (c == '>') break;
      if (c == '=') {
        after_eq = true;
      } else if ((c == '"' || c == '\'') && after_eq) {
        quote = c;
        after_eq = false;
      } else if (!is_html_space(c)) {
        after_eq = false;
      }
    }
    const bool self_closing = e < n && e > name_end && in[e - 1] == '/';
    const std::size_t tag_end = e < n ? e + 1 : n;

    if (closing) {
      if (auto s = suppressed.find(name); s != suppressed.end() && s->second > 0) {
        --s->second;
        leave_out_to(tag_end);
        continue;
      }
      for (std::size_t k = open.size(); k-- > 0;) {
        if (open[k] != name) continue;
        for (std::size_t j = k; j < open.size(); ++j) foreign -= is_foreign(open[j]) ? 1 : 0;
        open.resize(k);
        break;
      }
      copy_to(tag_end);
      continue;
    }
    if (kRawText.count(name) != 0 && !self_closing) {
      copy_to(tag_end);
      // Raw text runs to the matching end tag.
      std::size_t p = i;
      for (;;) {
        p = in.find("</", p);
        if (p == npos) {
          p = n;
          break;
        }
        const std::size_t after = p + 2 + name.size();
        if (after <= n && ascii_lower(in.substr(p + 2, name.size())) == name &&
            (after == n || !is_name_char(in[after])))
          break;
        p += 2;
      }
      copy_to(p);
      continue;
    }
    if (kVoid.count(name) != 0 || kUncounted.count(name) != 0 || (self_closing && foreign > 0)) {
      copy_to(tag_end);
      continue;
    }
    if (open.size() >= max_depth) {
      ++suppressed[name];
      leave_out_to(tag_end);
      continue;
    }
    open.push_back(name);
    foreign += is_foreign(name) ? 1 : 0;
    copy_to(tag_end);
  }
  return out;
}

// -------------------------------------------------------------- charset

bool has_bom(std::string_view b) {
  return b.substr(0, 3) == "\xEF\xBB\xBF" || b.substr(0, 2) == "\xFF\xFE" || b.substr(0, 2) == "\xFE\xFF";
}

/// The charset a <meta> in the first 1024 bytes declares ("" if none), and its line.
std::string sniff_charset(std::string_view bytes, std::size_t& line) {
  const std::string head = ascii_lower(bytes.substr(0, kCharsetScanBytes));
  for (std::size_t at = head.find("<meta"); at != npos; at = head.find("<meta", at + 5)) {
    const std::size_t end = std::min(head.find('>', at), head.size());
    const std::string_view tag = std::string_view(head).substr(at, end - at);
    const std::size_t cs = tag.find("charset");
    if (cs == npos) continue;
    std::size_t p = cs + 7;
    while (p < tag.size() && is_html_space(tag[p])) ++p;
    if (p >= tag.size() || tag[p] != '=') continue;
    ++p;
    while (p < tag.size() && (is_html_space(tag[p]) || tag[p] == '"' || tag[p] == '\'')) ++p;
    std::size_t q = p;
    while (q < tag.size() && !is_html_space(tag[q]) && tag[q] != '"' && tag[q] != '\'' && tag[q] != ';' &&
           tag[q] != '/')
      ++q;
    if (q == p) continue;
    line = 1 + static_cast<std::size_t>(std::count(head.begin(), head.begin() + static_cast<long>(at), '\n'));
    // Report the name as written.
    return std::string(bytes.substr(at + p, q - p));
  }
  return {};
}

std::string decode_page(std::string_view bytes, const std::string& encoding) {
  if (!encoding.empty() || has_bom(bytes)) return decode_text(bytes, encoding);
  std::size_t line = 0;
  const std::string declared = sniff_charset(bytes, line);
  std::string name = ascii_lower(declared);
  // WHATWG: a <meta> readable as ASCII cannot really mean UTF-16, and
  // latin1/ASCII labels mean windows-1252.
  if (name.empty() || name == "utf-8" || name == "utf8" || name == "unicode-1-1-utf-8" ||
      name.rfind("utf-16", 0) == 0)
    return decode_text(bytes, "");
  if (name == "iso-8859-1" || name == "latin1" || name == "l1" || name == "us-ascii" || name == "ascii" ||
      name == "iso8859-1" || name == "cp819")
    name = "windows-1252";
  try {
    return decode_text(bytes, name);
  } catch (const Error& e) {
    if (e.kind() != ErrorKind::Usage) throw;
    Location where;
    where.line = line;
    throw_input("unknown charset '" + declared + "' declared in <meta>", where);
  }
}

// ------------------------------------------------------------- metadata

std::string strip_site_suffix(const std::string& title) {
  std::size_t best = npos, best_len = 0;
  for (std::string_view sep : {" | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " :: ", " \xC2\xB7 "}) {
    const std::size_t at = title.rfind(sep);
    if (at != npos && at > 0 && (best == npos || at > best)) {
      best = at;
      best_len = sep.size();
    }
  }
  if (best == npos) return title;
  const std::string_view suffix = std::string_view(title).substr(best + best_len);
  if (count_words(suffix) > 5) return title;
  return std::string(trim(std::string_view(title).substr(0, best)));
}

/// Page-level facts found before the content walk.
struct PageInfo {
  const GumboNode* html = nullptr;
  const GumboNode* head = nullptr;
  const GumboNode* body = nullptr;
  const GumboNode* root = nullptr;  // the main content
  std::string og_title;
  std::string title_tag;
  ContentHolders holders;  // see find_content_holders
};

PageInfo read_page(const GumboNode* document, Article& article) {
  PageInfo page;
  page.holders = find_content_holders(document);
  const GumboVector* top = children_of(document);
  for (unsigned i = 0; i < top->length; ++i)
    if (tag_of(child_at(top, i)) == GUMBO_TAG_HTML) page.html = child_at(top, i);
  if (page.html == nullptr) return page;  // gumbo always makes one; be safe
  if (const char* lang = attr(page.html, "lang")) article.language = std::string(trim(lang));
  const GumboVector* kids = &page.html->v.element.children;
  for (unsigned i = 0; i < kids->length; ++i) {
    const GumboNode* k = child_at(kids, i);
    if (tag_of(k) == GUMBO_TAG_HEAD) page.head = k;
    if (tag_of(k) == GUMBO_TAG_BODY) page.body = k;
  }
  std::string published;
  if (page.head != nullptr) {
    const GumboVector* h = &page.head->v.element.children;
    for (unsigned i = 0; i < h->length; ++i) {
      const GumboNode* n = child_at(h, i);
      if (tag_of(n) == GUMBO_TAG_TITLE && page.title_tag.empty()) {
        page.title_tag = strip_site_suffix(subtree_text(n, 4096));
      } else if (tag_of(n) == GUMBO_TAG_META) {
        const char* content = attr(n, "content");
        if (content == nullptr) continue;
        const std::string name = ascii_lower(attr(n, "name") ? attr(n, "name") : "");
        const std::string property = ascii_lower(attr(n, "property") ? attr(n, "property") : "");
        const std::string value = collapse(content);
        if (name == "author" && article.author.empty()) article.author = value;
        if (property == "og:title" && page.og_title.empty()) page.og_title = strip_site_suffix(value);
        if ((property == "article:published_time" || name == "article:published_time") && published.empty())
          published = value;
      }
    }
  }
  article.published = published;
  if (page.body == nullptr) return page;

  // The main content: the largest top-level <article>, else <main> or
  // role="main", else <body>. Chrome is not searched (an <article> in an
  // <aside> is a teaser).
  const GumboNode* best_article = nullptr;
  std::size_t best_size = 0;
  const GumboNode* main = nullptr;
  std::vector<const GumboNode*> stack{page.body};
  while (!stack.empty()) {
    const GumboNode* n = stack.back();
    stack.pop_back();
    if (!is_element(n)) continue;
    if (n != page.body && chrome_reason(n, class_tokens(n), false, false, page.holders)) continue;
    const GumboTag tag = n->v.element.tag;
    if (tag == GUMBO_TAG_ARTICLE) {
      const std::size_t size = text_size(n, page.holders);
      if (best_article == nullptr || size > best_size) {
        best_article = n;
        best_size = size;
      }
      continue;
    }
    if (main == nullptr && (tag == GUMBO_TAG_MAIN || role_of(n) == "main")) main = n;
    const GumboVector* c = &n->v.element.children;
    for (unsigned i = c->length; i-- > 0;) stack.push_back(child_at(c, i));
  }
  page.root = best_article ? best_article : main ? main : page.body;

  if (article.published.empty()) {
    // The first <time datetime> of the article (usually in its byline).
    stack.assign(1, page.root);
    while (!stack.empty() && article.published.empty()) {
      const GumboNode* n = stack.back();
      stack.pop_back();
      if (!is_element(n)) continue;
      if (n->v.element.tag == GUMBO_TAG_TIME) {
        if (const char* dt = attr(n, "datetime")) {
          article.published = std::string(trim(dt));
          break;
        }
      }
      if (n != page.root) {
        const auto why = chrome_reason(n, class_tokens(n), true, false, page.holders);
        if (why && *why != "chrome: header" && *why != "chrome: footer") continue;
      }
      const GumboVector* c = &n->v.element.children;
      for (unsigned i = c->length; i-- > 0;) stack.push_back(child_at(c, i));
    }
  }
  return page;
}

// ---------------------------------------------------------- the walker

/// Where text goes at the moment.
enum class SinkKind {
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

struct Sink {
  SinkKind kind = SinkKind::Body;
  InlineBuilder text;
  std::size_t item = 0;                 // ListItem: index in the list block
  std::size_t first_paragraph = npos;   // Callout: bytes before the first paragraph break
  std::optional<CalloutInfo> callout;   // Quote/Callout
  std::size_t line = 0;
};

enum class Role {
  Plain,
  Root,
  Outside,
  Emphasis,
  Strong,
  Abbr,
  Heading,
  ContentHeader,
  Subtitle,
  ListOuter,
  ListNested,
  ListItem,
  Table,
  TableHead,
  Row,
  Cell,
  TableCaption,
  Figure,
  Figcaption,
  Quote,
  Callout,
  Dl,
  Dt,
  Dd,
  Pre,
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

class Walker {
 public:
  Walker(Article& article, const BoilerplateFilter& filter, const PageInfo& page)
      : article_(article), filter_(filter), page_(page) {
    for (const GumboNode* n = page.root; n != nullptr; n = n->parent) ancestors_.insert(n);
    header_is_content_ = tag_of(page.root) != GUMBO_TAG_BODY;
    sinks_.push_back(Sink{});
  }

  void run() {
    stack_.push_back(Frame{page_.body, 0, page_.body == page_.root ? Role::Root : Role::Plain, false});
    if (page_.body == page_.root) inside_root_ = true;
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
  Sink& sink() { return sinks_.back(); }
  SinkKind sink_kind() const { return sinks_.back().kind; }

  void push_sink(SinkKind kind, std::size_t line) {
    Sink s;
    s.kind = kind;
    s.line = line;
    sinks_.push_back(std::move(s));
  }
  Sink pop_sink() {
    Sink s = std::move(sinks_.back());
    sinks_.pop_back();
    return s;
  }

  // ---- text

  void visit(const GumboNode* n) {
    switch (n->type) {
      case GUMBO_NODE_TEXT:
      case GUMBO_NODE_CDATA:
      case GUMBO_NODE_WHITESPACE:
        add_text(n->v.text.text, n->v.text.start_pos.line);
        return;
      case GUMBO_NODE_ELEMENT:
      case GUMBO_NODE_TEMPLATE:
        open(n);
        return;
      default:
        return;  // comments, the document node
    }
  }

  void add_text(std::string_view text, std::size_t line) {
    switch (sink_kind()) {
      case SinkKind::ListBox: case SinkKind::TableBox: case SinkKind::DlBox: case SinkKind::Discard:
        return;
      case SinkKind::Body:
        if (!inside_root_) return;  // loose text between the page's wrappers
        break;
      default:
        break;
    }
    sink().text.add(text, line, marks_);
  }

  /// The start or end of a block element.
  void boundary() {
    Sink& s = sink();
    switch (s.kind) {
      case SinkKind::Body:
        flush_body();
        return;
      case SinkKind::ListBox: case SinkKind::TableBox: case SinkKind::DlBox: case SinkKind::Discard:
        return;
      case SinkKind::Callout:
        if (s.first_paragraph == npos && !s.text.empty()) s.first_paragraph = s.text.size();
        s.text.space();
        return;
      default:
        s.text.space();
        return;
    }
  }

  // ---- elements

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
    const GumboTag tag = el->v.element.tag;
    if (is_silent_tag(tag)) return;
    if (!inside_root_ && sink_kind() != SinkKind::Outside) {
      if (el == page_.root) {
        inside_root_ = true;
        push(el, Role::Root, true);
        return;
      }
      if (ancestors_.count(el) != 0) {
        push(el, Role::Plain);
        return;
      }
      if (auto why = chrome_reason(el, class_tokens(el), false, false, page_.holders)) {
        drop(el, *why);
        return;
      }
      push_sink(SinkKind::Outside, line_of(el));
      push(el, Role::Outside);
      return;
    }
    const std::vector<std::string> tokens = class_tokens(el);
    if (sink_kind() == SinkKind::Outside) {
      if (auto why = chrome_reason(el, tokens, false, false, page_.holders)) {
        drop(el, *why);
        return;
      }
      if (tag == GUMBO_TAG_BR) {
        add_text(" ", 0);
        return;
      }
      push(el, Role::Plain, is_block_tag(tag));
      if (is_block_tag(tag)) boundary();
      return;
    }

    const std::optional<CalloutInfo> callout = callout_of(el, tokens);
    if (auto why = chrome_reason(el, tokens, header_is_content_, callout.has_value(), page_.holders)) {
      drop(el, *why);
      return;
    }
    const SinkKind at = sink_kind();
    const bool body = at == SinkKind::Body;
    const std::size_t line = line_of(el);

    if (callout && body) {
      flush_body();
      push_sink(SinkKind::Callout, line);
      sink().callout = callout;
      push(el, Role::Callout);
      return;
    }
    switch (tag) {
      case GUMBO_TAG_EM: case GUMBO_TAG_I:
        ++marks_.emphasis;
        push(el, Role::Emphasis);
        return;
      case GUMBO_TAG_STRONG: case GUMBO_TAG_B:
        ++marks_.strong;
        push(el, Role::Strong);
        return;
      case GUMBO_TAG_ABBR:
        if (const char* title = attr(el, "title"); title != nullptr && !collapse(title).empty()) {
          marks_.abbr.push_back(collapse(title));
          push(el, Role::Abbr);
          return;
        }
        break;
      case GUMBO_TAG_BR:
        add_text(" ", 0);
        return;
      case GUMBO_TAG_IMG:
        add_image(el);
        return;
      case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3:
      case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6:
        if (body || at == SinkKind::HeaderJunk) {
          if (body) flush_body();
          push_sink(SinkKind::Heading, line);
          push(el, Role::Heading);
          stack_.back().level = 1 + static_cast<int>(tag - GUMBO_TAG_H1);
          return;
        }
        break;
      case GUMBO_TAG_HEADER:
        if (body) {
          flush_body();
          push_sink(SinkKind::HeaderJunk, line);
          push(el, Role::ContentHeader);
          return;
        }
        break;
      case GUMBO_TAG_UL: case GUMBO_TAG_OL:
        if (body) {
          flush_body();
          list_ = Block{};
          list_->kind = BlockKind::List;
          list_->ordered = tag == GUMBO_TAG_OL;
          list_->start = tag == GUMBO_TAG_OL ? start_of(el) : 1;
          list_->line = line;
          list_depth_ = 1;
          push_sink(SinkKind::ListBox, line);
          push(el, Role::ListOuter);
          return;
        }
        if (at == SinkKind::ListItem && list_) {
          ++list_depth_;
          push_sink(SinkKind::ListBox, line);
          push(el, Role::ListNested);
          return;
        }
        break;
      case GUMBO_TAG_LI:
        if (at == SinkKind::ListBox && list_) {
          ListItem item;
          item.depth = list_depth_ - 1;
          list_->items.push_back(std::move(item));
          push_sink(SinkKind::ListItem, line);
          sink().item = list_->items.size() - 1;
          push(el, Role::ListItem);
          return;
        }
        break;
      case GUMBO_TAG_TABLE:
        if (body) {
          flush_body();
          table_ = Block{};
          table_->kind = BlockKind::Table;
          table_->line = line;
          push_sink(SinkKind::TableBox, line);
          push(el, Role::Table);
          return;
        }
        break;
      case GUMBO_TAG_THEAD:
        if (at == SinkKind::TableBox && table_) {
          ++in_thead_;
          push(el, Role::TableHead);
          return;
        }
        break;
      case GUMBO_TAG_TR:
        if (at == SinkKind::TableBox && table_) {
          row_.clear();
          row_all_th_ = true;
          push(el, Role::Row);
          return;
        }
        break;
      case GUMBO_TAG_TD: case GUMBO_TAG_TH:
        if (at == SinkKind::TableBox && table_) {
          push_sink(SinkKind::Cell, line);
          push(el, Role::Cell);
          stack_.back().header_cell = tag == GUMBO_TAG_TH;
          return;
        }
        break;
      case GUMBO_TAG_CAPTION:
        if (at == SinkKind::TableBox && table_) {
          push_sink(SinkKind::TableCaption, line);
          push(el, Role::TableCaption);
          return;
        }
        break;
      case GUMBO_TAG_FIGURE:
        if (body) {
          flush_body();
          emit_pending_images();
          figures_.emplace_back();
          push(el, Role::Figure);
          return;
        }
        break;
      case GUMBO_TAG_FIGCAPTION:
        if (body && !figures_.empty()) {
          flush_body();
          push_sink(SinkKind::Caption, line);
          push(el, Role::Figcaption);
          return;
        }
        break;
      case GUMBO_TAG_BLOCKQUOTE:
        if (body) {
          flush_body();
          push_sink(SinkKind::Quote, line);
          push(el, Role::Quote);
          return;
        }
        break;
      case GUMBO_TAG_DL:
        if (body) {
          flush_body();
          terms_.clear();
          terms_line_ = 0;
          terms_used_ = false;
          push_sink(SinkKind::DlBox, line);
          push(el, Role::Dl);
          return;
        }
        break;
      case GUMBO_TAG_DT:
        if (at == SinkKind::DlBox) {
          push_sink(SinkKind::Term, line);
          push(el, Role::Dt);
          return;
        }
        break;
      case GUMBO_TAG_DD:
        if (at == SinkKind::DlBox) {
          push_sink(SinkKind::Definition, line);
          push(el, Role::Dd);
          return;
        }
        break;
      case GUMBO_TAG_PRE:
        if (body) flush_body();
        push_sink(SinkKind::Discard, line);
        push(el, body ? Role::Pre : Role::PreFlat);
        if (body) {
          code_lang_ = language_of(tokens);
          code_line_ = line;
        }
        return;
      case GUMBO_TAG_CODE:
        if (at == SinkKind::Discard && code_lang_.empty()) code_lang_ = language_of(tokens);
        break;
      default:
        break;
    }
    if (at == SinkKind::HeaderJunk && (tag == GUMBO_TAG_P || tag == GUMBO_TAG_DIV) &&
        find_part(tokens, config().subtitle_parts) != nullptr) {
      push_sink(SinkKind::Subtitle, line);
      push(el, Role::Subtitle);
      return;
    }
    const bool block = is_block_tag(tag);
    if (block) boundary();
    push(el, Role::Plain, block);
  }

  void leave(const Frame& f) {
    switch (f.role) {
      case Role::Plain:
        if (f.boundary) boundary();
        return;
      case Role::Root:
        flush_body();
        emit_pending_images();
        inside_root_ = false;
        return;
      case Role::Outside: {
        const Sink s = pop_sink();
        std::string text = plain_text(InlineBuilder(s.text).take());
        if (!text.empty())
          article_.dropped.push_back(Dropped{shorten(std::move(text)), "outside main content", s.line});
        return;
      }
      case Role::Emphasis:
        --marks_.emphasis;
        return;
      case Role::Strong:
        --marks_.strong;
        return;
      case Role::Abbr:
        marks_.abbr.pop_back();
        return;
      case Role::Heading: {
        Sink s = pop_sink();
        add_heading(plain_text(s.text.take()), f.level, s.line);
        return;
      }
      case Role::ContentHeader: {
        Sink s = pop_sink();
        std::string text = plain_text(s.text.take());
        if (!text.empty()) article_.dropped.push_back(Dropped{shorten(std::move(text)), "chrome: header", s.line});
        return;
      }
      case Role::Subtitle: {
        Sink s = pop_sink();
        std::string text = plain_text(s.text.take());
        if (article_.subtitle.empty()) article_.subtitle = std::move(text);
        return;
      }
      case Role::ListOuter:
        pop_sink();
        finish_list();
        return;
      case Role::ListNested:
        pop_sink();
        --list_depth_;
        return;
      case Role::ListItem: {
        Sink s = pop_sink();
        InlineText text = s.text.take();
        const std::string plain = plain_text(text);
        if (auto hit = plain.empty() ? std::nullopt : filter_.match(plain)) {
          article_.dropped.push_back(Dropped{plain, hit->rule, s.line});
          text.clear();
        }
        list_->items[s.item].text = std::move(text);
        return;
      }
      case Role::Table:
        pop_sink();
        finish_table();
        return;
      case Role::TableHead:
        --in_thead_;
        return;
      case Role::Row:
        finish_row();
        return;
      case Role::Cell: {
        Sink s = pop_sink();
        row_.push_back(s.text.take());
        if (!f.header_cell) row_all_th_ = false;
        return;
      }
      case Role::TableCaption: {
        Sink s = pop_sink();
        emit_text_block(s.text.take(), s.line, BlockKind::Paragraph, std::nullopt);
        return;
      }
      case Role::Figure: {
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
        return;
      }
      case Role::Figcaption: {
        Sink s = pop_sink();
        InlineText caption = without_credit(s.text.take(), s.line);
        InlineText& into = figures_.back().caption;
        if (!into.empty() && !caption.empty()) into.back().text += ' ';
        for (auto& span : caption) append_span(into, std::move(span));
        return;
      }
      case Role::Quote: {
        Sink s = pop_sink();
        emit_text_block(s.text.take(), s.line, BlockKind::Quote, std::nullopt);
        return;
      }
      case Role::Callout: {
        Sink s = pop_sink();
        InlineText text = s.text.take();
        CalloutKind kind = s.callout->kind;
        if (auto label = strip_label(text, s.first_paragraph)) {
          if (s.callout->generic) kind = *label;
        }
        emit_text_block(std::move(text), s.line, BlockKind::Callout, kind);
        return;
      }
      case Role::Dl:
        pop_sink();
        if (!terms_.empty() && !terms_used_)
          emit_text_block(std::move(terms_), terms_line_, BlockKind::Paragraph, std::nullopt);
        terms_.clear();
        return;
      case Role::Dt: {
        Sink s = pop_sink();
        InlineText term = s.text.take();
        if (term.empty()) return;
        if (terms_used_) {
          terms_.clear();
          terms_used_ = false;
        }
        if (terms_.empty()) terms_line_ = s.line;
        else append_span(terms_, Span{", "});
        for (auto& span : term) append_span(terms_, std::move(span));
        return;
      }
      case Role::Dd: {
        Sink s = pop_sink();
        InlineText definition = s.text.take();
        if (definition.empty()) return;
        InlineText text;
        std::size_t line = s.line;
        if (!terms_.empty()) {
          text = terms_;
          append_span(text, Span{": "});
          line = terms_line_;
        }
        for (auto& span : definition) append_span(text, std::move(span));
        terms_used_ = true;
        emit_text_block(std::move(text), line, BlockKind::Paragraph, std::nullopt);
        return;
      }
      case Role::Pre: {
        pop_sink();
        Block code;
        code.kind = BlockKind::Code;
        if (!code_lang_.empty()) code.text = make_text(code_lang_);
        code.line = code_line_;
        code_lang_.clear();
        emit(std::move(code));
        emit_pending_images();
        return;
      }
      case Role::PreFlat:
        pop_sink();
        boundary();
        return;
    }
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

  void emit(Block block) { section().blocks.push_back(std::move(block)); }

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
    if (sink_kind() != SinkKind::Body || !inside_root_) return;
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
    Sink& s = sinks_.front();
    if (!s.text.empty()) {
      const std::size_t line = s.text.line();
      emit_text_block(s.text.take(), line, BlockKind::Paragraph, std::nullopt);
    }
    emit_pending_images();
  }

  /// A paragraph, quote or callout after the boilerplate filter; paragraphs
  /// and quotes starting with "Warning:" (bold or not) become callouts.
  void emit_text_block(InlineText text, std::size_t line, BlockKind kind, std::optional<CalloutKind> callout) {
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
      return;
    }
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
    const auto& labels = config().labels;
    const auto it = labels.find(ascii_lower(std::string_view(plain).substr(0, w)));
    if (it == labels.end()) return std::nullopt;
    std::size_t cut = w;
    while (cut < plain.size() && plain[cut] == ' ') ++cut;
    if (cut < plain.size() && plain[cut] == ':') {
      ++cut;
    } else if (first_paragraph == w) {
      cut = w;
    } else {
      return std::nullopt;
    }
    drop_front(text, cut);
    text = normalize(std::move(text));
    return it->second;
  }

  void add_heading(std::string title, int level, std::size_t line) {
    if (title.empty()) return;
    if (auto hit = filter_.match(title)) {
      article_.dropped.push_back(Dropped{title, hit->rule, line});
      return;
    }
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

  /// A caption without its photo credit: the whole caption when the filter
  /// calls it junk, or a trailing sentence such as ". Photo: Jane Roe".
  InlineText without_credit(InlineText caption, std::size_t line) {
    if (caption.empty()) return caption;
    const std::string plain = plain_text(caption);
    if (auto hit = filter_.match(plain)) {
      article_.dropped.push_back(Dropped{plain, hit->rule, line});
      return {};
    }
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
        return normalize(std::move(caption));
      }
    }
    return caption;
  }

  Article& article_;
  const BoilerplateFilter& filter_;
  const PageInfo& page_;
  std::unordered_set<const GumboNode*> ancestors_;
  bool header_is_content_ = false;
  bool inside_root_ = false;

  std::vector<Frame> stack_;
  std::vector<Sink> sinks_;
  Marks marks_;
  std::vector<Block> pending_images_;
  std::optional<std::string> drop_next_;

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

Article parse_html(std::string_view bytes, const BoilerplateFilter& filter, const std::string& encoding) {
  const std::string text = limit_nesting(decode_page(bytes, encoding), kMaxHtmlDepth);

  static const GumboOptions options = [] {
    GumboOptions o = kGumboDefaultOptions;
    o.max_errors = 0;  // parse errors are not reported; do not collect them
    return o;
  }();
  GumboOutputPtr output(gumbo_parse_with_options(&options, text.data(), text.size()), GumboOutputDeleter{&options});
  if (!output) throw_runtime("the HTML parser (gumbo) failed");

  Article article;
  const PageInfo page = read_page(output->document, article);
  if (page.body == nullptr) return article;
  Walker(article, filter, page).run();

  if (article.title.empty()) article.title = !page.og_title.empty() ? page.og_title : page.title_tag;
  return article;
}

}  // namespace readaloud
