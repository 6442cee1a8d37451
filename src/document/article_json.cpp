#include "document/article_json.hpp"

#include <cctype>
#include <nlohmann/json.hpp>

namespace readaloud {
namespace {

using nlohmann::json;

// Unmarked text stays a plain string, the form people write by hand.
json text_json(const InlineText& text) {
  bool marked = false;
  for (const Span& s : text) marked = marked || s.emphasis || s.strong;
  if (!marked) return plain_text(text);
  json spans = json::array();
  for (const Span& s : text) {
    if (!s.emphasis && !s.strong) {
      spans.push_back(s.text);
      continue;
    }
    json span{{"text", s.text}};
    if (s.emphasis) span["emphasis"] = true;
    if (s.strong) span["strong"] = true;
    spans.push_back(std::move(span));
  }
  return spans;
}

// The flat items (with depths) back into the nested form, without recursion:
// a stack holds the open item arrays, one per depth.
json list_items(const std::vector<ListItem>& items) {
  json root = json::array();
  std::vector<json*> open{&root};
  for (const ListItem& item : items) {
    const std::size_t depth = static_cast<std::size_t>(std::max(item.depth, 0));
    while (open.size() > depth + 1) open.pop_back();
    while (open.size() < depth + 1) {
      json& parent_array = *open.back();
      if (parent_array.empty()) parent_array.push_back(json{{"text", ""}});
      json& parent = parent_array.back();
      if (!parent.is_object()) parent = json{{"text", parent}};
      if (!parent.contains("items")) parent["items"] = json::array();
      open.push_back(&parent["items"]);
    }
    json text = text_json(item.text);
    open.back()->push_back(text.is_string() ? text : json{{"text", std::move(text)}});
  }
  return root;
}

json block_json(const Block& b) {
  switch (b.kind) {
    case BlockKind::Paragraph:
      return {{"type", "paragraph"}, {"text", text_json(b.text)}};
    case BlockKind::List: {
      json j{{"type", "list"}, {"ordered", b.ordered}, {"items", list_items(b.items)}};
      if (b.ordered && b.start != 1) j["start"] = b.start;
      return j;
    }
    case BlockKind::Callout: {
      json j{{"type", "callout"}, {"kind", to_string(b.callout)}, {"text", text_json(b.text)}};
      if (!b.label_shown) j["label_shown"] = false;
      return j;
    }
    case BlockKind::Quote:
      return {{"type", "quote"}, {"text", text_json(b.text)}};
    case BlockKind::Image: {
      json j{{"type", "image"}};
      if (!b.text.empty()) j["alt"] = text_json(b.text);
      if (!b.caption.empty()) j["caption"] = text_json(b.caption);
      return j;
    }
    case BlockKind::Code: {
      json j{{"type", "code"}};
      if (!plain_text(b.text).empty()) j["language"] = plain_text(b.text);
      return j;
    }
    case BlockKind::Table: {
      json header = json::array(), rows = json::array();
      for (const InlineText& cell : b.header) header.push_back(text_json(cell));
      for (const auto& row : b.rows) {
        json r = json::array();
        for (const InlineText& cell : row) r.push_back(text_json(cell));
        rows.push_back(std::move(r));
      }
      return {{"type", "table"}, {"header", header}, {"rows", rows}};
    }
  }
  return {};
}

}  // namespace

std::string article_json(const Article& article) {
  json doc{{"title", article.title}};
  if (!article.subtitle.empty()) doc["subtitle"] = article.subtitle;
  if (!article.author.empty()) doc["author"] = article.author;
  if (!article.language.empty()) doc["language"] = article.language;
  if (!article.published.empty()) doc["published"] = article.published;
  json sections = json::array();
  for (const Section& s : article.sections) {
    json section;
    if (!s.title.empty()) section["heading"] = s.title;
    // The default level is 1 for an introduction and 2 for a headed section.
    if (s.level != (s.title.empty() ? 1 : 2)) section["level"] = s.level;
    json blocks = json::array();
    for (const Block& b : s.blocks) blocks.push_back(block_json(b));
    section["blocks"] = std::move(blocks);
    sections.push_back(std::move(section));
  }
  doc["sections"] = std::move(sections);
  return doc.dump(2) + "\n";
}

}  // namespace readaloud
