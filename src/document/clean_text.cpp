#include "document/clean_text.hpp"

#include "util/markup.hpp"

namespace readaloud {
namespace {

void clean_body(InlineText& text) {
  for (Span& span : text) {
    span.text = strip_controls(span.text);
    span.abbr_title = clean_label(span.abbr_title);
  }
}

void clean_block(Block& block) {
  clean_body(block.text);
  clean_body(block.caption);
  for (ListItem& item : block.items) clean_body(item.text);
  for (InlineText& cell : block.header) clean_body(cell);
  for (auto& row : block.rows)
    for (InlineText& cell : row) clean_body(cell);
}

}  // namespace

void clean_untrusted_text(Article& article) {
  article.title = clean_label(article.title);
  article.subtitle = clean_label(article.subtitle);
  article.author = clean_label(article.author);
  article.published = clean_label(article.published);
  article.language = clean_label(article.language);
  for (Section& section : article.sections) {
    section.title = clean_label(section.title);
    for (Block& block : section.blocks) clean_block(block);
  }
}

}  // namespace readaloud
