#include "ingest/markdown_parser.hpp"
#include "util/text.hpp"

#include <gumbo.h>
#include <md4c.h>
#include <toml++/toml.h>

#include <algorithm>
#include <cstdint>
#include <exception>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "ingest/decode.hpp"
#include "ingest/front_matter.hpp"
#include "util/error.hpp"
#include "util/embedded.hpp"
#include "util/utf8.hpp"

namespace readaloud {

namespace {

bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_alnum(char c) { return is_alpha(c) || (c >= '0' && c <= '9'); }

bool same_marks(const Span& a, const Span& b) {
  return a.emphasis == b.emphasis && a.strong == b.strong && a.abbr_title == b.abbr_title;
}

// ---------------------------------------------------------------------------
// HTML character references. md4c hands them over verbatim and knows no
// names; gumbo carries the full HTML5 table, so named references go through
// it (once per distinct name per document).

struct GumboDeleter {
  void operator()(GumboOutput* out) const { gumbo_destroy_output(&kGumboDefaultOptions, out); }
};

class Entities {
 public:
  /// "&amp;" -> "&"; an unknown reference stays as written.
  std::string decode(std::string_view ref) {
    if (ref.size() < 3 || ref.front() != '&' || ref.back() != ';') return std::string(ref);
    if (ref[1] == '#') {
      bool hex = ref.size() > 3 && (ref[2] == 'x' || ref[2] == 'X');
      std::uint32_t cp = 0;
      for (char c : ref.substr(hex ? 3 : 2, ref.size() - (hex ? 4 : 3))) {
        int digit = (c >= '0' && c <= '9') ? c - '0'
                    : (hex && ascii_lower(c) >= 'a' && ascii_lower(c) <= 'f') ? ascii_lower(c) - 'a' + 10
                                                                  : -1;
        if (digit < 0) return std::string(ref);
        cp = cp * (hex ? 16 : 10) + static_cast<std::uint32_t>(digit);
        if (cp > 0x10FFFF) cp = 0x110000;  // stays invalid, cannot overflow
      }
      // As in HTML, "&#0;" is U+FFFD: a NUL would end the text for C APIs (eSpeak).
      std::string out;
      utf8::append(out, cp == 0 ? 0xFFFD : cp);
      return out;
    }
    std::string key(ref);
    auto it = cache_.find(key);
    if (it != cache_.end()) return it->second;
    std::string value = named(ref);
    cache_.emplace(std::move(key), value);
    return value;
  }

  /// Decodes every well-formed reference in `text`.
  std::string decode_all(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size();) {
      if (text[i] == '&') {
        std::size_t semi = text.find(';', i);
        if (semi != std::string_view::npos && semi - i <= 48 && semi - i >= 2) {
          std::string_view ref = text.substr(i, semi - i + 1);
          bool ok = true;
          for (char c : ref.substr(1, ref.size() - 2)) ok = ok && (is_alnum(c) || c == '#');
          if (ok) {
            out += decode(ref);
            i = semi + 1;
            continue;
          }
        }
      }
      out += text[i++];
    }
    return out;
  }

 private:
  static std::string named(std::string_view ref) {
    std::unique_ptr<GumboOutput, GumboDeleter> doc(
        gumbo_parse_with_options(&kGumboDefaultOptions, ref.data(), ref.size()));
    if (!doc) return std::string(ref);
    // The tree is html > head, body > text: tiny, so an explicit walk is cheap.
    std::vector<const GumboNode*> todo{doc->root};
    while (!todo.empty()) {
      const GumboNode* node = todo.back();
      todo.pop_back();
      if (node->type == GUMBO_NODE_TEXT) return node->v.text.text;
      if (node->type != GUMBO_NODE_ELEMENT) continue;
      const GumboVector& children = node->v.element.children;
      for (unsigned i = children.length; i > 0; --i)
        todo.push_back(static_cast<const GumboNode*>(children.data[i - 1]));
    }
    return std::string(ref);
  }

  std::unordered_map<std::string, std::string> cache_;
};

// ---------------------------------------------------------------------------
// Raw HTML.

struct Tag {
  std::string name;  // lowercase; empty for comments, doctypes and stray '<'
  bool closing = false;
};

Tag read_tag(std::string_view s) {
  Tag tag;
  std::size_t i = 1;
  if (i < s.size() && s[i] == '/') {
    tag.closing = true;
    ++i;
  }
  while (i < s.size() && is_alnum(s[i])) tag.name += ascii_lower(s[i++]);
  return tag;
}

/// The value of attribute `name` in an opening tag, entity references decoded.
std::string tag_attribute(std::string_view tag, std::string_view name, Entities& entities) {
  std::string low = ascii_lower(tag);
  for (std::size_t at = low.find(name); at != std::string::npos; at = low.find(name, at + 1)) {
    if (at == 0 || !is_ascii_space(low[at - 1])) continue;
    std::size_t i = at + name.size();
    while (i < low.size() && is_ascii_space(low[i])) ++i;
    if (i >= low.size() || low[i] != '=') continue;
    ++i;
    while (i < low.size() && is_ascii_space(low[i])) ++i;
    if (i >= low.size()) return {};
    std::size_t end;
    if (tag[i] == '"' || tag[i] == '\'') {
      end = tag.find(tag[i], i + 1);
      ++i;
    } else {
      end = i;
      while (end < tag.size() && !is_ascii_space(tag[end]) && tag[end] != '>') ++end;
    }
    if (end == std::string_view::npos) end = tag.size();
    return entities.decode_all(tag.substr(i, end - i));
  }
  return {};
}

bool is_inline_tag(std::string_view name) {
  static const char* const kInline[] = {"a",   "abbr", "b",    "bdi", "bdo", "cite", "code", "data", "dfn",
                                        "em",  "i",    "kbd",  "mark", "q",   "s",    "samp", "small", "span",
                                        "strong", "sub", "sup", "time", "u",  "var",  "del",  "ins"};
  for (const char* t : kInline)
    if (name == t) return true;
  return false;
}

/// The readable text of a raw HTML block: tags removed (block-level ones leave
/// a space), comments, scripts and styles dropped, references decoded. One
/// linear pass, so no nesting depth can hurt it.
std::string strip_html(std::string_view html, Entities& entities) {
  std::string text;
  for (std::size_t i = 0; i < html.size();) {
    if (html[i] != '<') {
      std::size_t next = html.find('<', i);
      if (next == std::string_view::npos) next = html.size();
      text += entities.decode_all(html.substr(i, next - i));
      i = next;
      continue;
    }
    if (html.substr(i, 4) == "<!--") {
      std::size_t end = html.find("-->", i + 4);
      i = end == std::string_view::npos ? html.size() : end + 3;
      text += ' ';
      continue;
    }
    Tag tag = read_tag(html.substr(i));
    if (tag.name.empty() && html.substr(i, 2) != "<!" && html.substr(i, 2) != "<?") {
      text += '<';  // a lone '<' is text
      ++i;
      continue;
    }
    std::size_t end = html.find('>', i);
    if (end == std::string_view::npos) break;
    i = end + 1;
    if (!tag.closing && (tag.name == "script" || tag.name == "style" || tag.name == "template")) {
      std::string close = "</" + tag.name;
      std::size_t found = find_ascii_ci(html, close, i);
      if (found == std::string_view::npos) break;
      std::size_t gt = html.find('>', found);
      i = gt == std::string_view::npos ? html.size() : gt + 1;
    }
    if (!is_inline_tag(tag.name)) text += ' ';
  }
  return text;
}

// ---------------------------------------------------------------------------
// Callout labels and photo credits.

std::optional<CalloutKind> callout_word(std::string_view word) { return parse_callout_kind(word); }

/// Python-Markdown admonition types are free-form; the common
/// reStructuredText and Material names map onto our six kinds.
CalloutKind admonition_kind(std::string_view word) {
  if (auto kind = callout_word(word)) return *kind;
  std::string w = ascii_lower(word);
  if (w == "attention") return CalloutKind::Warning;
  if (w == "error" || w == "failure" || w == "bug") return CalloutKind::Danger;
  if (w == "hint" || w == "success") return CalloutKind::Tip;
  return CalloutKind::Note;
}

void remove_prefix(InlineText& text, std::size_t bytes) {
  std::size_t drop = 0;
  while (drop < text.size() && bytes >= text[drop].text.size()) bytes -= text[drop++].text.size();
  text.erase(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(drop));
  if (!text.empty()) text.front().text.erase(0, bytes);
}

/// Recognises a callout label at the start of tidy `text` and removes it:
/// "[!WARNING]" (GitHub alerts), "Warning:" with the label bold or not and the
/// colon inside or outside the bold, or a bold label alone ("**Warning**").
std::optional<CalloutKind> take_callout_label(InlineText& text) {
  if (text.empty()) return std::nullopt;
  std::string plain = plain_text(text);
  std::optional<CalloutKind> kind;
  std::size_t cut = 0;
  if (plain.starts_with("[!")) {
    std::size_t close = plain.find(']');
    if (close != std::string::npos && (kind = callout_word(plain.substr(2, close - 2)))) cut = close + 1;
  }
  if (!kind) {
    std::size_t w = 0;
    while (w < plain.size() && is_alpha(plain[w])) ++w;
    kind = callout_word(plain.substr(0, w));
    if (!kind) return std::nullopt;
    std::size_t k = w;
    while (k < plain.size() && plain[k] == ' ') ++k;
    const Span& first = text.front();
    std::string_view bold = first.strong ? trim(first.text) : std::string_view{};
    if (k < plain.size() && plain[k] == ':') {
      cut = k + 1;
    } else if (bold.size() == w && w < plain.size()) {
      cut = w;
    } else {
      return std::nullopt;
    }
  }
  remove_prefix(text, cut);
  text = tidy_inline(text);
  return kind;
}

/// The photo-credit patterns of data/photo_credits.toml, read once.
struct CreditPatterns {
  std::vector<std::string> prefixes;
  std::vector<std::string> agencies;
};

const CreditPatterns& credit_patterns() {
  static const CreditPatterns patterns = [] {
    constexpr const char* kFile = "data/photo_credits.toml";
    const auto text = embedded_file(kFile);
    if (!text) throw_runtime(std::string(kFile) + " is missing from this build");
    CreditPatterns p;
    try {
      const toml::table doc = toml::parse(*text, std::string_view(kFile));
      for (const auto& [key, list] : {std::pair{"prefixes", &p.prefixes}, std::pair{"agencies", &p.agencies}})
        if (const toml::array* a = doc[key].as_array())
          for (const auto& v : *a) list->push_back(v.value_or(std::string()));
    } catch (const toml::parse_error& e) {
      throw_runtime(std::string(kFile) + ": " + std::string(e.description()));
    }
    return p;
  }();
  return patterns;
}

bool looks_like_photo_credit(std::string_view text) {
  text = trim(text);
  if (text.empty() || text.size() > 160) return false;
  const std::string low = ascii_lower(text);
  const CreditPatterns& patterns = credit_patterns();
  for (const auto& p : patterns.prefixes)
    if (low.starts_with(p)) return true;
  const std::size_t words = 1 + static_cast<std::size_t>(std::count(low.begin(), low.end(), ' '));
  if (words > 12) return false;
  for (const auto& a : patterns.agencies)
    if (low.find(a) != std::string::npos) return true;
  return false;
}

// ---------------------------------------------------------------------------
// Preparing the text for md4c: front matter blanked, admonitions rewritten as
// quotes. Every prepared line remembers its line in the original text.

struct Prepared {
  std::string body;
  std::vector<std::size_t> original_line;  // per body line, 1-based
};

class LineIndex {
 public:
  LineIndex(std::string_view body, std::vector<std::size_t> original) : original_(std::move(original)) {
    starts_.push_back(0);
    for (std::size_t i = 0; i < body.size(); ++i)
      if (body[i] == '\n') starts_.push_back(i + 1);
  }
  /// Original line of body offset `offset`, or of the line `back` lines above it.
  std::size_t line_of(std::size_t offset, std::size_t back = 0) const {
    std::size_t idx = static_cast<std::size_t>(std::upper_bound(starts_.begin(), starts_.end(), offset) -
                                               starts_.begin()) - 1;
    idx = idx >= back ? idx - back : 0;
    if (original_.empty()) return 0;
    return original_[std::min(idx, original_.size() - 1)];
  }

 private:
  std::vector<std::size_t> starts_;
  std::vector<std::size_t> original_;
};

struct Fence {
  char ch = 0;
  std::size_t len = 0;
};

/// A code fence opening or closing on this line ("```", "~~~~").
std::optional<Fence> read_fence(std::string_view line) {
  std::size_t i = 0;
  while (i < line.size() && i < 3 && line[i] == ' ') ++i;
  if (i >= line.size() || (line[i] != '`' && line[i] != '~')) return std::nullopt;
  Fence f{line[i], 0};
  while (i < line.size() && line[i] == f.ch) ++i, ++f.len;
  if (f.len < 3) return std::nullopt;
  return f;
}

bool is_indented(std::string_view line) { return line.starts_with("    ") || line.starts_with("\t"); }
std::string_view dedent(std::string_view line) { return line.substr(line.starts_with("\t") ? 1 : 4); }

Prepared prepare(std::string_view text, std::size_t front_matter_lines) {
  std::vector<std::string_view> lines;
  for (std::size_t pos = 0; pos < text.size();) {
    std::size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    lines.push_back(text.substr(pos, nl - pos));
    pos = nl + 1;
  }
  Prepared out;
  out.body.reserve(text.size() + 16);
  auto emit = [&out](std::string_view line, std::size_t original) {
    out.body.append(line);
    out.body += '\n';
    out.original_line.push_back(original);
  };

  std::optional<Fence> open;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    std::string_view line = lines[i];
    if (i < front_matter_lines) {
      emit("", i + 1);
      continue;
    }
    if (auto fence = read_fence(line)) {
      if (!open) open = fence;
      else if (fence->ch == open->ch && fence->len >= open->len && trim(line.substr(line.find(fence->ch) + fence->len)).empty())
        open.reset();
      emit(line, i + 1);
      continue;
    }
    bool admonition = !open && (line.starts_with("!!!") || line.starts_with("???"));
    std::string_view rest = admonition ? line.substr(3) : std::string_view{};
    if (rest.starts_with("+")) rest.remove_prefix(1);
    std::string_view type;
    if (admonition) {
      rest = trim(rest);
      std::size_t w = 0;
      while (w < rest.size() && (is_alnum(rest[w]) || rest[w] == '-' || rest[w] == '_')) ++w;
      type = rest.substr(0, w);
      admonition = w > 0;
    }
    if (!admonition) {
      emit(line, i + 1);
      continue;
    }
    // `!!! type "Title"`: the title is spoken as the callout's first sentence,
    // unless it only repeats the label.
    std::string title;
    std::size_t q1 = rest.find('"'), q2 = rest.rfind('"');
    if (q1 != std::string_view::npos && q2 > q1) title = std::string(trim(rest.substr(q1 + 1, q2 - q1 - 1)));
    if (ascii_lower(title) == ascii_lower(type)) title.clear();
    CalloutKind kind = admonition_kind(type);
    std::string marker = "> [!" + ascii_lower(to_string(kind)) + "]";
    emit(marker, i + 1);
    if (!title.empty()) {
      char last = title.back();
      if (last != '.' && last != '!' && last != '?' && last != ':') title += '.';
      emit("> " + title, i + 1);
    }
    std::size_t last = i;
    for (std::size_t j = i + 1; j < lines.size(); ++j) {
      if (trim(lines[j]).empty()) continue;
      if (!is_indented(lines[j])) break;
      last = j;
    }
    for (std::size_t j = i + 1; j <= last; ++j) {
      if (trim(lines[j]).empty()) emit(">", j + 1);
      else emit("> " + std::string(dedent(lines[j])), j + 1);
    }
    i = last;
  }
  return out;
}

// ---------------------------------------------------------------------------
// Inline text being collected, with positions to cut back to (bare URLs,
// photo credits).

class Inline {
 public:
  struct Mark {
    std::size_t count = 0;
    std::size_t len = 0;
  };

  void add(std::string_view s, bool emphasis, bool strong, const std::string& abbr) {
    if (s.empty()) return;
    Span span{std::string(s), emphasis, strong, abbr};
    if (!spans_.empty() && same_marks(spans_.back(), span)) spans_.back().text += s;
    else spans_.push_back(std::move(span));
  }
  bool empty() const { return spans_.empty(); }
  Mark mark() const { return spans_.empty() ? Mark{} : Mark{spans_.size(), spans_.back().text.size()}; }
  InlineText since(Mark m) const {
    InlineText out;
    std::size_t first = m.count == 0 ? 0 : m.count - 1;
    for (std::size_t i = first; i < spans_.size(); ++i) {
      out.push_back(spans_[i]);
      if (i == first && m.count > 0) out.back().text.erase(0, m.len);
    }
    return out;
  }
  void trim_end() {
    while (!spans_.empty()) {
      std::string& t = spans_.back().text;
      while (!t.empty() && is_ascii_space(t.back())) t.pop_back();
      if (!t.empty()) break;
      spans_.pop_back();
    }
  }
  void truncate(Mark m) {
    spans_.resize(m.count);
    if (m.count > 0) spans_.back().text.resize(m.len);
  }
  InlineText take() {
    InlineText out = std::move(spans_);
    spans_.clear();
    return out;
  }

 private:
  InlineText spans_;
};

void append_text(InlineText& dest, InlineText src) {
  if (src.empty()) return;
  if (!dest.empty()) dest.push_back(Span{" "});
  for (Span& s : src) dest.push_back(std::move(s));
}

std::string attribute(const MD_ATTRIBUTE& a) { return a.text ? std::string(a.text, a.size) : std::string(); }

// ---------------------------------------------------------------------------
// The md4c callbacks build the Article. md4c reports blocks and spans as
// enter/leave events; all nesting lives in explicit state here, and only
// 64 containers are kept, so no input depth grows our memory beyond that.

constexpr std::size_t kMaxContainers = 64;

class Builder {
 public:
  Builder(std::string_view body, const LineIndex& lines, Article& article, bool has_title)
      : body_(body), lines_(lines), article_(article), has_title_(has_title) {}

  static int on_enter_block(MD_BLOCKTYPE type, void* detail, void* self) {
    return static_cast<Builder*>(self)->guard([&] { static_cast<Builder*>(self)->enter_block(type, detail); });
  }
  static int on_leave_block(MD_BLOCKTYPE type, void* detail, void* self) {
    return static_cast<Builder*>(self)->guard([&] { static_cast<Builder*>(self)->leave_block(type, detail); });
  }
  static int on_enter_span(MD_SPANTYPE type, void* detail, void* self) {
    return static_cast<Builder*>(self)->guard([&] { static_cast<Builder*>(self)->enter_span(type, detail); });
  }
  static int on_leave_span(MD_SPANTYPE type, void* detail, void* self) {
    return static_cast<Builder*>(self)->guard([&] { static_cast<Builder*>(self)->leave_span(type, detail); });
  }
  static int on_text(MD_TEXTTYPE type, const MD_CHAR* text, MD_SIZE size, void* self) {
    return static_cast<Builder*>(self)->guard([&] { static_cast<Builder*>(self)->handle_text(type, text, size); });
  }

  /// Completes what the last block left open.
  void finish() { flush_label(); }

  /// An exception caught in a callback (it must not unwind through md4c's C frames).
  std::exception_ptr failure() const { return failure_; }

 private:
  enum class Top { None, Paragraph, Heading, Quote, List, Code, Html, Table, Ignored };

  struct Container {
    MD_BLOCKTYPE type;
    std::size_t item = 0;  // LI in a top-level list: index into block_.items
  };

  struct Link {
    std::string href;
    Inline* target;
    Inline::Mark start;
  };

  template <typename F>
  int guard(F&& f) {
    try {
      f();
      return 0;
    } catch (...) {
      failure_ = std::current_exception();
      return 1;
    }
  }

  Inline& target() { return image_depth_ > 0 ? alt_ : inline_; }

  void add(std::string_view s) {
    if (html_suppress_ > 0 || s.empty()) return;
    // "see https://x.org." loses its URL; the full stop closes the sentence
    // again rather than standing apart ("see .").
    if (after_url_ && !is_ascii_space(s.front())) {
      if (std::string_view(".,;:!?)").find(s.front()) != std::string_view::npos) target().trim_end();
      after_url_ = false;
    }
    target().add(s, em_ > 0 || html_em_ > 0, strong_ > 0 || html_strong_ > 0, abbr_);
  }

  void note_position(const void* ptr, std::size_t back = 0) {
    const char* p = static_cast<const char*>(ptr);
    if (!p || p < body_.data() || p >= body_.data() + body_.size()) return;
    std::size_t line = lines_.line_of(static_cast<std::size_t>(p - body_.data()), back);
    if (block_line_ == 0) block_line_ = line;
    if (image_depth_ > 0 && image_line_ == 0) image_line_ = line;
    if (image_depth_ == 0 && had_image_ && tail_line_ == 0) tail_line_ = line;
    last_line_ = line;
  }

  // Blocks --------------------------------------------------------------

  void enter_block(MD_BLOCKTYPE type, void* detail) {
    flush();
    ++depth_;
    if (type == MD_BLOCK_DOC) return;
    if (top_ == Top::None) start_top(type, detail);
    switch (type) {
      case MD_BLOCK_QUOTE:
      case MD_BLOCK_UL:
      case MD_BLOCK_OL:
      case MD_BLOCK_LI: enter_container(type); break;
      case MD_BLOCK_CODE: {
        ++code_;
        const auto* d = static_cast<const MD_BLOCK_CODE_DETAIL*>(detail);
        if (top_ == Top::Code && d->lang.size > 0) note_position(d->lang.text);
        fenced_ = d->fence_char != 0;
        break;
      }
      case MD_BLOCK_HTML: ++html_block_; break;
      case MD_BLOCK_THEAD: in_head_ = true; break;
      case MD_BLOCK_TBODY: in_head_ = false; break;
      case MD_BLOCK_TR: row_.clear(); break;
      default: break;
    }
  }

  void leave_block(MD_BLOCKTYPE type, void*) {
    flush();
    switch (type) {
      case MD_BLOCK_QUOTE:
      case MD_BLOCK_UL:
      case MD_BLOCK_OL:
      case MD_BLOCK_LI: leave_container(); break;
      case MD_BLOCK_CODE: --code_; break;
      case MD_BLOCK_HTML:
        --html_block_;
        inline_.add(strip_html(html_, entities_), false, false, {});
        html_.clear();
        flush();
        break;
      case MD_BLOCK_TH:
      case MD_BLOCK_TD:
        if (top_ == Top::Table) row_.push_back(tidy_inline(inline_.take()));
        break;
      case MD_BLOCK_TR:
        if (top_ == Top::Table) {
          if (in_head_) block_.header = std::move(row_);
          else block_.rows.push_back(std::move(row_));
          row_.clear();
        }
        break;
      default: break;
    }
    if (--depth_ == 1) finish_top();
  }

  void start_top(MD_BLOCKTYPE type, void* detail) {
    block_ = Block{};
    switch (type) {
      case MD_BLOCK_QUOTE: top_ = Top::Quote; block_.kind = BlockKind::Quote; break;
      case MD_BLOCK_UL: top_ = Top::List; block_.kind = BlockKind::List; break;
      case MD_BLOCK_OL:
        top_ = Top::List;
        block_.kind = BlockKind::List;
        block_.ordered = true;
        block_.start = static_cast<int>(std::min(static_cast<const MD_BLOCK_OL_DETAIL*>(detail)->start, 999999999u));
        break;
      case MD_BLOCK_P: top_ = Top::Paragraph; break;
      case MD_BLOCK_H:
        top_ = Top::Heading;
        heading_level_ = static_cast<int>(static_cast<const MD_BLOCK_H_DETAIL*>(detail)->level);
        break;
      case MD_BLOCK_CODE:
        top_ = Top::Code;
        block_.kind = BlockKind::Code;
        language_ = attribute(static_cast<const MD_BLOCK_CODE_DETAIL*>(detail)->lang);
        break;
      case MD_BLOCK_HTML: top_ = Top::Html; break;
      case MD_BLOCK_TABLE: top_ = Top::Table; block_.kind = BlockKind::Table; break;
      default: top_ = Top::Ignored; break;  // thematic breaks
    }
  }

  void enter_container(MD_BLOCKTYPE type) {
    if (containers_.size() >= kMaxContainers) {
      // Deeper containers are flattened: their text flows into the innermost
      // kept one. Leaves arrive in reverse order, so a counter matches them.
      ++ignored_;
      return;
    }
    Container c{type};
    if (type == MD_BLOCK_UL || type == MD_BLOCK_OL) ++lists_;
    if (type == MD_BLOCK_LI && top_ == Top::List) {
      block_.items.push_back(ListItem{{}, std::max(0, lists_ - 1)});
      c.item = block_.items.size() - 1;
    }
    containers_.push_back(c);
  }

  void leave_container() {
    if (ignored_ > 0) {
      --ignored_;
      return;
    }
    if (containers_.empty()) return;
    if (containers_.back().type == MD_BLOCK_UL || containers_.back().type == MD_BLOCK_OL) --lists_;
    containers_.pop_back();
  }

  /// Moves collected inline text into the container block it belongs to.
  /// Leaf blocks (paragraph, heading, cell) keep theirs until they end.
  void flush() {
    if (inline_.empty()) return;
    if (top_ == Top::Quote) {
      append_text(block_.text, inline_.take());
    } else if (top_ == Top::List) {
      for (auto it = containers_.rbegin(); it != containers_.rend(); ++it) {
        if (it->type == MD_BLOCK_LI) {
          append_text(block_.items[it->item].text, inline_.take());
          break;
        }
      }
    }
  }

  Section& section_for(std::size_t line) {
    if (article_.sections.empty()) article_.sections.push_back(Section{"", 1, {}, std::nullopt, line});
    return article_.sections.back();
  }

  void add_block(Block block) {
    if (block.line == 0) block.line = block_line_;
    section_for(block.line).blocks.push_back(std::move(block));
  }

  void drop(InlineText text, std::size_t line) {
    article_.dropped.push_back(Dropped{plain_text(tidy_inline(text)), "photo-credit", line});
  }

  void finish_top() {
    bool image_only = false;
    if (top_ != Top::Paragraph) flush_label();
    switch (top_) {
      case Top::Paragraph: image_only = finish_paragraph(); break;
      case Top::Heading: finish_heading(); break;
      case Top::Quote: finish_quote(); break;
      case Top::List: finish_list(); break;
      case Top::Code:
        block_.text = tidy_inline(make_text(language_));
        add_block(std::move(block_));
        break;
      case Top::Html: {
        InlineText text = tidy_inline(inline_.take());
        if (text.empty()) break;
        if (looks_like_photo_credit(plain_text(text))) {
          drop(std::move(text), block_line_);
          break;
        }
        block_.text = std::move(text);
        add_block(std::move(block_));
        break;
      }
      case Top::Table:
        if (!block_.header.empty() || !block_.rows.empty()) add_block(std::move(block_));
        break;
      case Top::None:
      case Top::Ignored: break;
    }
    for (Block& image : images_) add_block(std::move(image));
    last_image_only_ = image_only;

    top_ = Top::None;
    block_ = Block{};
    images_.clear();
    inline_.take();
    alt_.take();
    links_.clear();
    containers_.clear();
    row_.clear();
    html_.clear();
    abbr_.clear();
    ignored_ = 0;
    lists_ = 0;
    em_ = strong_ = html_em_ = html_strong_ = html_suppress_ = 0;
    after_url_ = false;
    image_depth_ = code_ = html_block_ = 0;
    block_line_ = tail_line_ = 0;
    had_image_ = false;
  }

  /// Returns whether the paragraph held only images (its credit may follow).
  bool finish_paragraph() {
    if (had_image_) {
      // "![...](...)\nPhoto: ..." - the line under an image is its credit.
      InlineText tail = inline_.since(after_image_);
      if (looks_like_photo_credit(plain_text(tidy_inline(tail)))) {
        drop(std::move(tail), tail_line_ ? tail_line_ : block_line_);
        inline_.truncate(after_image_);
      }
    }
    InlineText text = tidy_inline(inline_.take());
    if (text.empty()) return had_image_;
    if (last_image_only_ && looks_like_photo_credit(plain_text(text))) {
      drop(std::move(text), block_line_);
      return false;
    }
    InlineText original = text;
    std::optional<CalloutKind> kind = take_callout_label(text);
    if (kind) flush_label();  // a new label: an earlier bare one stays plain text
    if (kind) {
      if (text.empty()) {
        // A label on its own line ("**Warning:**") titles the paragraph
        // under it, as in the plain-text parser.
        label_ = PendingLabel{*kind, std::move(original), block_line_};
        return false;
      }
      block_.kind = BlockKind::Callout;
      block_.callout = *kind;
    } else if (label_) {
      block_.kind = BlockKind::Callout;
      block_.callout = label_->kind;
      block_.line = label_->line;
      label_.reset();
    }
    block_.text = std::move(text);
    add_block(std::move(block_));
    return false;
  }

  /// A label paragraph not followed by a paragraph is kept as it was.
  void flush_label() {
    if (!label_) return;
    Block b;
    b.text = std::move(label_->text);
    b.line = label_->line;
    label_.reset();
    add_block(std::move(b));
  }

  void finish_heading() {
    std::string title = plain_text(tidy_inline(inline_.take()));
    if (title.empty()) return;
    if (heading_level_ == 1 && !has_title_) {
      article_.title = title;
      has_title_ = true;
    }
    article_.sections.push_back(Section{std::move(title), heading_level_, {}, std::nullopt, block_line_});
  }

  void finish_quote() {
    InlineText text = tidy_inline(block_.text);
    if (auto kind = take_callout_label(text)) {
      block_.kind = BlockKind::Callout;
      block_.callout = *kind;
    }
    if (text.empty()) return;
    block_.text = std::move(text);
    add_block(std::move(block_));
  }

  void finish_list() {
    std::vector<ListItem> items;
    for (ListItem& item : block_.items) {
      item.text = tidy_inline(item.text);
      if (!item.text.empty()) items.push_back(std::move(item));
    }
    if (items.empty()) return;
    block_.items = std::move(items);
    add_block(std::move(block_));
  }

  // Spans ---------------------------------------------------------------

  void enter_span(MD_SPANTYPE type, void* detail) {
    switch (type) {
      case MD_SPAN_EM: ++em_; break;
      case MD_SPAN_STRONG: ++strong_; break;
      case MD_SPAN_A: {
        const auto* d = static_cast<const MD_SPAN_A_DETAIL*>(detail);
        links_.push_back(Link{attribute(d->href), &target(), target().mark()});
        break;
      }
      case MD_SPAN_IMG:
        if (image_depth_++ == 0) {
          const auto* d = static_cast<const MD_SPAN_IMG_DETAIL*>(detail);
          image_title_ = attribute(d->title);
          image_line_ = 0;
          note_position(d->src.text);
        }
        break;
      default: break;
    }
  }

  void leave_span(MD_SPANTYPE type, void*) {
    switch (type) {
      case MD_SPAN_EM: --em_; break;
      case MD_SPAN_STRONG: --strong_; break;
      case MD_SPAN_A:
        if (!links_.empty()) {
          Link link = std::move(links_.back());
          links_.pop_back();
          // A URL spoken aloud is noise: autolinks and links whose text is
          // their address are dropped; other links keep their text.
          std::string shown(trim(plain_text(link.target->since(link.start))));
          if (is_url_text(shown, link.href)) {
            link.target->truncate(link.start);
            after_url_ = true;
          }
        }
        break;
      case MD_SPAN_IMG:
        if (--image_depth_ == 0) finish_image();
        break;
      default: break;
    }
  }

  static bool is_url_text(const std::string& shown, const std::string& href) {
    if (shown.empty()) return false;
    return shown == href || "http://" + shown == href || "https://" + shown == href ||
           "mailto:" + shown == href || starts_with_ascii_ci(shown, "http://") || starts_with_ascii_ci(shown, "https://") ||
           starts_with_ascii_ci(shown, "www.");
  }

  void finish_image() {
    Block image;
    image.kind = BlockKind::Image;
    image.text = tidy_inline(alt_.take());
    image.caption = tidy_inline(make_text(entities_.decode_all(image_title_)));
    image.line = image_line_ ? image_line_ : (block_line_ ? block_line_ : last_line_);
    // An empty alt text marks a decorative image: nothing to say.
    if (!image.text.empty() || !image.caption.empty()) images_.push_back(std::move(image));
    had_image_ = true;
    after_image_ = inline_.mark();
    tail_line_ = 0;
  }

  // Text ----------------------------------------------------------------

  void handle_text(MD_TEXTTYPE type, const MD_CHAR* text, MD_SIZE size) {
    std::string_view s(text, size);
    // A fenced block's first content line sits one below its fence.
    note_position(text, code_ > 0 && fenced_ && block_line_ == 0 ? 1 : 0);
    if (code_ > 0) return;  // code is not read out; the block names its language
    if (html_block_ > 0) {
      html_.append(s);
      return;
    }
    switch (type) {
      case MD_TEXT_NORMAL:
      case MD_TEXT_CODE:
      case MD_TEXT_LATEXMATH: add(s); break;
      case MD_TEXT_BR:
      case MD_TEXT_SOFTBR: add(" "); break;
      case MD_TEXT_ENTITY: add(entities_.decode(s)); break;
      case MD_TEXT_HTML: inline_html(s); break;
      case MD_TEXT_NULLCHAR: break;
    }
  }

  /// Inline raw HTML arrives one tag at a time: tags are dropped, but the
  /// marks they stand for are kept, and script/style content is skipped.
  void inline_html(std::string_view tag_text) {
    Tag tag = read_tag(tag_text);
    int step = tag.closing ? -1 : 1;
    auto bump = [step](int& counter) { counter = std::max(0, counter + step); };
    if (tag.name == "script" || tag.name == "style") bump(html_suppress_);
    else if (tag.name == "em" || tag.name == "i") bump(html_em_);
    else if (tag.name == "strong" || tag.name == "b") bump(html_strong_);
    else if (tag.name == "br") add(" ");
    else if (tag.name == "abbr") abbr_ = tag.closing ? std::string() : tag_attribute(tag_text, "title", entities_);
  }

  std::string_view body_;
  const LineIndex& lines_;
  Article& article_;
  bool has_title_;
  std::exception_ptr failure_;
  Entities entities_;

  int depth_ = 0;
  Top top_ = Top::None;
  Block block_;
  int heading_level_ = 1;
  std::string language_;
  std::size_t block_line_ = 0;
  std::size_t last_line_ = 0;

  std::vector<Container> containers_;
  std::size_t ignored_ = 0;
  int lists_ = 0;

  Inline inline_;
  int em_ = 0, strong_ = 0;
  int html_em_ = 0, html_strong_ = 0, html_suppress_ = 0;
  std::string abbr_;
  std::vector<Link> links_;
  bool after_url_ = false;

  int image_depth_ = 0;
  Inline alt_;
  std::string image_title_;
  std::size_t image_line_ = 0;
  std::vector<Block> images_;
  bool had_image_ = false;
  Inline::Mark after_image_;
  std::size_t tail_line_ = 0;
  bool last_image_only_ = false;

  struct PendingLabel {
    CalloutKind kind;
    InlineText text;
    std::size_t line;
  };
  std::optional<PendingLabel> label_;

  int code_ = 0;
  bool fenced_ = false;
  int html_block_ = 0;
  std::string html_;
  bool in_head_ = false;
  std::vector<InlineText> row_;
};

}  // namespace

InlineText tidy_inline(const InlineText& text) {
  InlineText out;
  bool space = false;
  for (const Span& span : text) {
    for (char c : clean_typography(span.text)) {
      if (is_ascii_space(c)) {
        space = !out.empty();
        continue;
      }
      // A space between differently marked runs stays with the run before it.
      if (space) out.back().text += ' ';
      space = false;
      if (out.empty() || !same_marks(out.back(), span)) out.push_back(Span{"", span.emphasis, span.strong, span.abbr_title});
      out.back().text += c;
    }
  }
  return out;
}

Article parse_markdown(std::string_view text) {
  FrontMatter fm = read_front_matter(text);
  Prepared prepared = prepare(text, fm.line_count);
  if (prepared.body.size() > 0xFFFFFFF0u) throw_input("Markdown input is too large (over 4 GiB)");
  LineIndex lines(prepared.body, std::move(prepared.original_line));

  Article article;
  article.title = fm.title;
  article.subtitle = fm.subtitle;
  article.author = fm.author;
  article.language = fm.language;
  article.published = fm.published;

  Builder builder(prepared.body, lines, article, !fm.title.empty());
  MD_PARSER parser{};
  parser.abi_version = 0;
  parser.flags = MD_DIALECT_GITHUB;
  parser.enter_block = &Builder::on_enter_block;
  parser.leave_block = &Builder::on_leave_block;
  parser.enter_span = &Builder::on_enter_span;
  parser.leave_span = &Builder::on_leave_span;
  parser.text = &Builder::on_text;
  int rc = md_parse(prepared.body.data(), static_cast<MD_SIZE>(prepared.body.size()), &parser, &builder);
  if (builder.failure()) std::rethrow_exception(builder.failure());
  if (rc != 0) throw_runtime("the Markdown parser (md4c) failed, probably out of memory");
  builder.finish();
  return article;
}

}  // namespace readaloud
