#include "ingest/json_parser.hpp"
#include "util/text.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <string>
#include <vector>

#include "ingest/markdown_parser.hpp"
#include "util/error.hpp"
#include "util/suggest.hpp"

namespace readaloud {
namespace {

using Json = nlohmann::json;

// Markdown nesting is flattened at 64 containers, which is 32 list levels;
// JSON lists are held to the same depth so both formats agree.
constexpr int kMaxListDepth = 31;

constexpr std::array<const char*, 8> kBlockTypes{"paragraph", "list",  "warning", "callout",
                                                 "quote",     "image", "code",    "table"};
constexpr std::array<const char*, 6> kCalloutKinds{"note", "tip", "important", "warning", "caution", "danger"};

[[noreturn]] void fail(const std::string& path, const std::string& what) { throw_input(path + ": " + what); }

std::string key_path(const std::string& parent, std::string_view key) {
  std::string out = parent + "/";
  for (char c : key) {
    if (c == '~') out += "~0";
    else if (c == '/') out += "~1";
    else out += c;
  }
  return out;
}

std::string index_path(const std::string& parent, std::size_t index) { return parent + "/" + std::to_string(index); }

/// `unknown block type "paragrap" (did you mean "paragraph"?); valid types: ...`
template <std::size_t N>
std::string unknown_choice(const char* what, const std::string& value, const std::array<const char*, N>& valid,
                           const char* plural) {
  std::string msg = std::string("unknown ") + what + " \"" + value + "\"";
  msg += did_you_mean(value, std::vector<std::string>(valid.begin(), valid.end()), 2, '"');  // near misses only
  msg += std::string("; valid ") + plural + ": ";
  for (std::size_t i = 0; i < N; ++i) msg += (i ? ", " : "") + std::string(valid[i]);
  return msg;
}

/// A member, or nullptr when it is absent or null.
const Json* member(const Json& object, const char* key) {
  auto it = object.find(key);
  if (it == object.end() || it->is_null()) return nullptr;
  return &*it;
}

std::string optional_string(const Json& object, const char* key, const std::string& path) {
  const Json* v = member(object, key);
  if (!v) return {};
  if (!v->is_string()) fail(key_path(path, key), "expected a string");
  return v->get<std::string>();
}

std::string required_string(const Json& object, const char* key, const std::string& path) {
  const Json* v = member(object, key);
  if (!v) fail(key_path(path, key), "missing; expected a string");
  if (!v->is_string()) fail(key_path(path, key), "expected a string");
  return v->get<std::string>();
}

/// Metadata strings are spoken too: same cleaning as text, as one line.
std::string clean_string(const std::string& s) { return plain_text(tidy_inline(make_text(s))); }

/// Text: a string, or an array of spans (strings or {"text", "emphasis", "strong"}).
InlineText inline_value(const Json& v, const std::string& path) {
  if (v.is_string()) return tidy_inline(make_text(v.get<std::string>()));
  if (!v.is_array()) fail(path, "expected a string or an array of spans");
  InlineText spans;
  for (std::size_t i = 0; i < v.size(); ++i) {
    const Json& item = v[i];
    std::string item_path = index_path(path, i);
    if (item.is_string()) {
      spans.push_back(Span{item.get<std::string>()});
      continue;
    }
    if (!item.is_object()) fail(item_path, "expected a string or an object {\"text\", \"emphasis\", \"strong\"}");
    Span span{required_string(item, "text", item_path)};
    for (auto [key, flag] : {std::pair{"emphasis", &span.emphasis}, std::pair{"strong", &span.strong}}) {
      if (const Json* b = member(item, key)) {
        if (!b->is_boolean()) fail(key_path(item_path, key), "expected a boolean");
        *flag = b->get<bool>();
      }
    }
    spans.push_back(std::move(span));
  }
  return tidy_inline(spans);
}

InlineText required_text(const Json& object, const char* key, const std::string& path) {
  const Json* v = member(object, key);
  if (!v) fail(key_path(path, key), "missing; expected a string");
  return inline_value(*v, key_path(path, key));
}

InlineText optional_text(const Json& object, const char* key, const std::string& path) {
  const Json* v = member(object, key);
  return v ? inline_value(*v, key_path(path, key)) : InlineText{};
}

const Json& require_array(const Json& v, const std::string& path) {
  if (!v.is_array()) fail(path, "expected an array");
  return v;
}

int optional_int(const Json& object, const char* key, const std::string& path, int fallback, int lo, int hi) {
  const Json* v = member(object, key);
  if (!v) return fallback;
  if (!v->is_number_integer() || v->get<long long>() < lo || v->get<long long>() > hi)
    fail(key_path(path, key), "expected an integer from " + std::to_string(lo) + " to " + std::to_string(hi));
  return static_cast<int>(v->get<long long>());
}

/// List items: strings, or {"text", "items"} objects whose items nest one
/// level deeper. Walked with an explicit stack, so depth costs no stack.
std::vector<ListItem> list_items(const Json& items, const std::string& path) {
  struct Level {
    const Json* array;
    std::size_t next;
    std::string path;
    int depth;
  };
  std::vector<ListItem> out;
  std::vector<Level> stack{{&require_array(items, path), 0, path, 0}};
  while (!stack.empty()) {
    Level& top = stack.back();
    if (top.next == top.array->size()) {
      stack.pop_back();
      continue;
    }
    std::size_t index = top.next++;
    const Json& item = (*top.array)[index];
    std::string item_path = index_path(top.path, index);
    int depth = top.depth;
    ListItem li;
    li.depth = std::min(depth, kMaxListDepth);
    if (item.is_string()) {
      li.text = tidy_inline(make_text(item.get<std::string>()));
    } else if (item.is_object()) {
      li.text = required_text(item, "text", item_path);
      if (const Json* children = member(item, "items")) {
        std::string children_path = key_path(item_path, "items");
        stack.push_back(Level{&require_array(*children, children_path), 0, children_path, depth + 1});
      }
    } else {
      fail(item_path, "expected a string or an object {\"text\", \"items\"}");
    }
    // Children were pushed above, but this item is emitted first: the stack
    // is only read again on the next turn of the loop.
    if (!li.text.empty()) out.push_back(std::move(li));
  }
  return out;
}

CalloutKind callout_kind(const Json& block, const std::string& path) {
  std::string kind = ascii_lower(required_string(block, "kind", path));
  if (const auto parsed = parse_callout_kind(kind)) return *parsed;
  fail(key_path(path, "kind"), unknown_choice("callout kind", kind, kCalloutKinds, "kinds"));
}

/// One block, or nothing when it has no text to speak.
std::optional<Block> read_block(const Json& v, const std::string& path) {
  if (!v.is_object()) fail(path, "expected an object");
  std::string type = required_string(v, "type", path);
  Block b;
  if (type == "paragraph" || type == "quote" || type == "warning" || type == "callout") {
    b.kind = type == "paragraph" ? BlockKind::Paragraph : type == "quote" ? BlockKind::Quote : BlockKind::Callout;
    if (type == "warning") b.callout = CalloutKind::Warning;
    if (type == "callout") b.callout = callout_kind(v, path);
    if (const Json* shown = type == "callout" ? member(v, "label_shown") : nullptr) {
      if (!shown->is_boolean()) fail(key_path(path, "label_shown"), "expected a boolean");
      b.label_shown = shown->get<bool>();
    }
    b.text = required_text(v, "text", path);
    if (b.text.empty()) return std::nullopt;
  } else if (type == "list") {
    b.kind = BlockKind::List;
    if (const Json* ordered = member(v, "ordered")) {
      if (!ordered->is_boolean()) fail(key_path(path, "ordered"), "expected a boolean");
      b.ordered = ordered->get<bool>();
    }
    b.start = optional_int(v, "start", path, 1, 0, 999999999);
    const Json* items = member(v, "items");
    if (!items) fail(key_path(path, "items"), "missing; expected an array");
    b.items = list_items(*items, key_path(path, "items"));
    if (b.items.empty()) return std::nullopt;
  } else if (type == "image") {
    b.kind = BlockKind::Image;
    b.text = optional_text(v, "alt", path);
    b.caption = optional_text(v, "caption", path);
    if (b.text.empty() && b.caption.empty()) return std::nullopt;  // decorative
  } else if (type == "code") {
    b.kind = BlockKind::Code;
    b.text = tidy_inline(make_text(optional_string(v, "language", path)));
  } else if (type == "table") {
    b.kind = BlockKind::Table;
    if (const Json* header = member(v, "header")) {
      std::string header_path = key_path(path, "header");
      require_array(*header, header_path);
      for (std::size_t i = 0; i < header->size(); ++i)
        b.header.push_back(inline_value((*header)[i], index_path(header_path, i)));
    }
    if (const Json* rows = member(v, "rows")) {
      std::string rows_path = key_path(path, "rows");
      require_array(*rows, rows_path);
      for (std::size_t r = 0; r < rows->size(); ++r) {
        std::string row_path = index_path(rows_path, r);
        const Json& row = require_array((*rows)[r], row_path);
        std::vector<InlineText> cells;
        for (std::size_t c = 0; c < row.size(); ++c) cells.push_back(inline_value(row[c], index_path(row_path, c)));
        b.rows.push_back(std::move(cells));
      }
    }
    if (b.header.empty() && b.rows.empty()) return std::nullopt;
  } else {
    fail(key_path(path, "type"), unknown_choice("block type", type, kBlockTypes, "types"));
  }
  return b;
}

/// "[json.exception.parse_error.101] parse error at line 1, column 6: syntax
/// error ..." -> "syntax error ...": the position goes into the Location.
std::string parse_error_detail(const std::string& what) {
  std::size_t at = what.find("parse error");
  std::size_t colon = at == std::string::npos ? std::string::npos : what.find(": ", at);
  return colon == std::string::npos ? what : what.substr(colon + 2);
}

/// Line and column (1-based, columns in characters) of the byte nlohmann
/// stopped at; its `byte` counts bytes read, so the offending one is byte-1.
Location location_of(std::string_view text, std::size_t byte) {
  std::size_t pos = std::min(byte > 0 ? byte - 1 : 0, text.size());
  Location loc;
  loc.line = 1;
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < pos; ++i) {
    if (text[i] == '\n') {
      ++loc.line;
      line_start = i + 1;
    }
  }
  loc.column = 1;
  for (std::size_t i = line_start; i < pos; ++i)
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++loc.column;
  return loc;
}

}  // namespace

Article parse_json_article(std::string_view text) {
  Json doc;
  try {
    doc = Json::parse(text.begin(), text.end());
  } catch (const Json::parse_error& e) {
    throw_input("invalid JSON: " + parse_error_detail(e.what()), location_of(text, e.byte));
  } catch (const Json::exception& e) {
    throw_input(std::string("invalid JSON: ") + e.what());
  }
  if (!doc.is_object()) fail("(root)", "expected an object with \"title\" and \"sections\"");

  const std::string root;
  Article article;
  article.title = clean_string(required_string(doc, "title", root));
  article.subtitle = clean_string(optional_string(doc, "subtitle", root));
  article.author = clean_string(optional_string(doc, "author", root));
  article.language = clean_string(optional_string(doc, "language", root));
  article.published = clean_string(optional_string(doc, "published", root));

  const Json* sections = member(doc, "sections");
  if (!sections) fail("/sections", "missing; expected an array");
  require_array(*sections, "/sections");
  for (std::size_t s = 0; s < sections->size(); ++s) {
    const Json& sv = (*sections)[s];
    std::string path = index_path("/sections", s);
    if (!sv.is_object()) fail(path, "expected an object");
    Section section;
    section.title = clean_string(optional_string(sv, "heading", path));
    // The first section without a heading is the introduction, which sits
    // under the title (level 1), as text before any heading does in Markdown.
    bool intro = s == 0 && section.title.empty();
    section.level = optional_int(sv, "level", path, intro ? 1 : 2, 1, 6);
    if (const Json* blocks = member(sv, "blocks")) {
      std::string blocks_path = key_path(path, "blocks");
      require_array(*blocks, blocks_path);
      for (std::size_t b = 0; b < blocks->size(); ++b)
        if (auto block = read_block((*blocks)[b], index_path(blocks_path, b))) section.blocks.push_back(std::move(*block));
    }
    article.sections.push_back(std::move(section));
  }
  return article;
}

}  // namespace readaloud
