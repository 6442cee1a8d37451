#pragma once
// Small articles for the warning tests: a paragraph, a bulleted list, and an
// article of one level-2 section, built the way the parsers build them.

#include <string>
#include <utility>
#include <vector>

#include "document/article.hpp"

namespace readaloud::test {

/// A paragraph block holding `text`.
inline Block paragraph(std::string text) { return Block{BlockKind::Paragraph, make_text(std::move(text))}; }

/// A bulleted list, one item per string.
inline Block bullets(const std::vector<std::string>& items) {
  Block b;
  b.kind = BlockKind::List;
  for (const std::string& t : items) b.items.push_back(ListItem{make_text(t), 0});
  return b;
}

/// An article titled "Article" in `language` with one level-2 section
/// titled `heading` that holds `blocks`.
inline Article one_section_article(const char* language, const std::string& heading, std::vector<Block> blocks) {
  Article a;
  a.title = "Article";
  a.language = language;
  Section s;
  s.title = heading;
  s.level = 2;
  s.blocks = std::move(blocks);
  a.sections.push_back(std::move(s));
  return a;
}

}  // namespace readaloud::test
