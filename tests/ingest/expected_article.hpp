#pragma once
// Builders for the expected Article values that the parser tests compare
// against: every input format must produce the same structures.

#include <string>
#include <vector>

#include "document/article.hpp"

namespace readaloud::expected {

inline Block paragraph(std::string text, std::size_t line) {
  Block b;
  b.text = make_text(std::move(text));
  b.line = line;
  return b;
}

inline Block callout(CalloutKind kind, std::string text, std::size_t line) {
  Block b = paragraph(std::move(text), line);
  b.kind = BlockKind::Callout;
  b.callout = kind;
  return b;
}

/// A callout marked only by its markup (a class, a role): no label of its own words.
inline Block unlabelled(Block b) {
  b.label_shown = false;
  return b;
}

inline Section section(std::string title, int level, std::size_t line, std::vector<Block> blocks) {
  Section s;
  s.title = std::move(title);
  s.level = level;
  s.line = line;
  s.blocks = std::move(blocks);
  return s;
}

}  // namespace readaloud::expected
