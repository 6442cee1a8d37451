#include "ingest/html_dom.hpp"

#include "ingest/decode.hpp"
#include "util/error.hpp"
#include "util/text.hpp"

namespace readaloud::html {
namespace {

const GumboOptions& gumbo_options() {
  static const GumboOptions options = [] {
    GumboOptions o = kGumboDefaultOptions;
    o.max_errors = 0;  // parse errors are not reported; do not collect them
    return o;
  }();
  return options;
}

}  // namespace

bool is_html_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
bool is_ascii_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

std::string collapse(std::string_view raw) { return collapse_spaces(clean_typography(raw)); }

std::string shorten(std::string s, std::size_t max) {
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

std::size_t count_chars(std::string_view s) {
  std::size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

void GumboOutputDeleter::operator()(GumboOutput* output) const { gumbo_destroy_output(&gumbo_options(), output); }

GumboOutputPtr parse_document(std::string_view text) {
  GumboOutputPtr output(gumbo_parse_with_options(&gumbo_options(), text.data(), text.size()));
  if (!output) throw_runtime("the HTML parser (gumbo) failed");
  return output;
}

bool is_element(const GumboNode* n) { return n->type == GUMBO_NODE_ELEMENT || n->type == GUMBO_NODE_TEMPLATE; }

const GumboVector* children_of(const GumboNode* n) {
  if (n->type == GUMBO_NODE_DOCUMENT) return &n->v.document.children;
  if (is_element(n)) return &n->v.element.children;
  return nullptr;
}

const GumboNode* child_at(const GumboVector* v, unsigned i) { return static_cast<const GumboNode*>(v->data[i]); }

const char* attr(const GumboNode* el, const char* name) {
  if (!is_element(el)) return nullptr;
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

std::vector<std::string> class_tokens(const GumboNode* el) {
  std::vector<std::string> out;
  for (const char* name : {"class", "id"}) {
    const char* value = attr(el, name);
    if (value == nullptr) continue;
    const std::string_view v = std::string_view(value).substr(0, kMaxClassBytes);
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

bool is_layout_table(const GumboNode* table) {
  const std::string role = role_of(table);
  if (role == "presentation" || role == "none") return true;
  const bool holds_blocks = find_element(table, [table](const GumboNode* n) {
                              const GumboTag tag = n->v.element.tag;
                              return (n != table && tag == GUMBO_TAG_TABLE) || (tag >= GUMBO_TAG_H1 && tag <= GUMBO_TAG_H6);
                            }) != nullptr;
  if (holds_blocks) return true;
  // One cell to a row and no header cell: a stack of boxes, not data.
  const auto cells = [](const GumboNode* row) {
    std::size_t n = 0;
    for (unsigned i = 0; i < row->v.element.children.length; ++i)
      n += tag_of(static_cast<const GumboNode*>(row->v.element.children.data[i])) == GUMBO_TAG_TD;
    return n;
  };
  return find_element(table, [&](const GumboNode* n) {
           return tag_of(n) == GUMBO_TAG_TH || (tag_of(n) == GUMBO_TAG_TR && cells(n) > 1);
         }) == nullptr;
}

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
    case GUMBO_TAG_NAV: case GUMBO_TAG_HGROUP: case GUMBO_TAG_BODY: case GUMBO_TAG_NOSCRIPT:
      return true;
    default:
      return false;
  }
}

bool is_silent_tag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_HEAD: case GUMBO_TAG_TITLE: case GUMBO_TAG_META: case GUMBO_TAG_LINK:
    case GUMBO_TAG_BASE:
      return true;
    default:
      return false;
  }
}

const GumboNode* find_element(const GumboNode* root, const std::function<bool(const GumboNode*)>& match,
                              const std::function<bool(const GumboNode*)>& skip) {
  std::vector<const GumboNode*> stack{root};
  while (!stack.empty()) {
    const GumboNode* n = stack.back();
    stack.pop_back();
    if (n != root && skip && skip(n)) continue;
    if (match(n)) return n;
    const GumboVector* kids = children_of(n);
    for (unsigned i = kids == nullptr ? 0 : kids->length; i-- > 0;)
      if (is_element(child_at(kids, i))) stack.push_back(child_at(kids, i));
  }
  return nullptr;
}

std::string subtree_text(const GumboNode* root, std::size_t limit, bool word_per_element) {
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
    if (tag_of(n) == GUMBO_TAG_IMG) {
      if (const char* alt = attr(n, "alt")) (raw += ' ') += alt;
    }
    if (tag_of(n) == GUMBO_TAG_BR) raw += ' ';  // "hours<br>as" is two words
    if (n != root && (tag_of(n) == GUMBO_TAG_SCRIPT || tag_of(n) == GUMBO_TAG_STYLE)) continue;
    const GumboVector* kids = children_of(n);
    if (kids == nullptr) continue;
    if (is_element(n) && (word_per_element || is_block_tag(n->v.element.tag))) {
      raw += ' ';
      stack.push_back(nullptr);
    }
    for (unsigned i = kids->length; i-- > 0;) stack.push_back(child_at(kids, i));
  }
  return collapse(raw);
}

}  // namespace readaloud::html
