#include "document/article_markdown.hpp"

#include <algorithm>

#include "util/text.hpp"

namespace readaloud {
namespace {

// Inline Markdown punctuation is escaped so text comes back as written.
std::string escape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    if (std::string_view("\\`*_[]<>|#").find(c) != std::string_view::npos) out += '\\';
    out += c;
  }
  // A line that starts like a list item ("1. ", "- ", "+ ") must stay text.
  std::size_t digits = 0;
  while (digits < out.size() && out[digits] >= '0' && out[digits] <= '9') ++digits;
  if (digits > 0 && digits + 1 < out.size() && (out[digits] == '.' || out[digits] == ')') && out[digits + 1] == ' ')
    out.insert(digits, "\\");
  else if (out.size() > 1 && (out[0] == '-' || out[0] == '+') && out[1] == ' ')
    out.insert(0, "\\");
  return out;
}

std::string inline_markdown(const InlineText& text) {
  std::string out;
  for (const Span& s : text) {
    const std::string mark = s.strong && s.emphasis ? "***" : s.strong ? "**" : s.emphasis ? "*" : "";
    // Marks must hug the text, so surrounding spaces go outside them.
    const std::size_t b = s.text.find_first_not_of(' ');
    if (mark.empty() || b == std::string::npos) {
      out += escape(s.text);
      continue;
    }
    const std::size_t e = s.text.find_last_not_of(' ') + 1;
    out += s.text.substr(0, b) + mark + escape(std::string_view(s.text).substr(b, e - b)) + mark + s.text.substr(e);
  }
  return out;
}

void list_markdown(const Block& b, std::string& out) {
  int number = b.start;
  for (const ListItem& item : b.items) {
    const std::string indent(static_cast<std::size_t>(std::max(item.depth, 0)) * 4, ' ');
    const std::string marker = b.ordered && item.depth == 0 ? std::to_string(number++) + ". " : "- ";
    out += indent + marker + inline_markdown(item.text) + "\n";
  }
}

void table_markdown(const Block& b, std::string& out) {
  std::size_t columns = b.header.size();
  for (const auto& row : b.rows) columns = std::max(columns, row.size());
  if (columns == 0) return;
  const auto row_line = [&](const std::vector<InlineText>& cells) {
    std::string line = "|";
    for (std::size_t i = 0; i < columns; ++i) line += " " + (i < cells.size() ? inline_markdown(cells[i]) : "") + " |";
    return line + "\n";
  };
  out += row_line(b.header);
  out += "|";
  for (std::size_t i = 0; i < columns; ++i) out += " --- |";
  out += "\n";
  for (const auto& row : b.rows) out += row_line(row);
}

void block_markdown(const Block& b, std::string& out) {
  switch (b.kind) {
    case BlockKind::Paragraph: out += inline_markdown(b.text) + "\n"; break;
    case BlockKind::List: list_markdown(b, out); break;
    case BlockKind::Callout: {
      std::string kind = to_string(b.callout);
      std::transform(kind.begin(), kind.end(), kind.begin(), [](char c) { return static_cast<char>(c - 'a' + 'A'); });
      out += "> [!" + kind + "]\n> " + inline_markdown(b.text) + "\n";
      break;
    }
    case BlockKind::Quote: out += "> " + inline_markdown(b.text) + "\n"; break;
    case BlockKind::Image:
      out += "![" + inline_markdown(b.text) + "](image)\n";
      if (!b.caption.empty()) out += "\n*" + inline_markdown(b.caption) + "*\n";
      break;
    case BlockKind::Code: out += "```" + plain_text(b.text) + "\n```\n"; break;
    case BlockKind::Table: table_markdown(b, out); break;
  }
}

std::string front_matter(const Article& a) {
  std::string fm;
  // Double-quoted YAML scalars: only backslash and quote need escaping.
  const auto field = [&](const char* key, const std::string& value) {
    if (value.empty()) return;
    std::string v;
    for (char c : value) {
      if (c == '"' || c == '\\') v += '\\';
      v += c;
    }
    fm += std::string(key) + ": \"" + v + "\"\n";
  };
  field("subtitle", a.subtitle);
  field("author", a.author);
  field("date", a.published);
  field("lang", a.language);
  return fm.empty() ? fm : "---\n" + fm + "---\n\n";
}

enum class ImageText { None, Captions, Described };

std::string plain_block(const Block& b, ImageText images) {
  std::string out;
  switch (b.kind) {
    case BlockKind::List: {
      // Items one per line, indented by depth; numbers and bullets are layout, not words.
      for (const ListItem& item : b.items)
        out += std::string(static_cast<std::size_t>(std::max(item.depth, 0)) * 2, ' ') + plain_text(item.text) + "\n";
      return out;
    }
    case BlockKind::Image: {
      // Read as narration reads it: with --describe-images, or its caption
      // alone when the captions carry the text (a gallery).
      const std::string alt(trim(plain_text(b.text)));
      const std::string caption = plain_text(b.caption);
      if (images == ImageText::Described && !alt.empty()) out += "Image: " + alt + "\n";
      if (images != ImageText::None && !caption.empty()) out += caption + "\n";
      return out;
    }
    case BlockKind::Code: return "";
    case BlockKind::Table:
      for (const auto* row : {&b.header}) {
        std::string line;
        for (const InlineText& c : *row) line += (line.empty() ? "" : "\t") + plain_text(c);
        if (!line.empty()) out += line + "\n";
      }
      for (const auto& row : b.rows) {
        std::string line;
        for (const InlineText& c : row) line += (line.empty() ? "" : "\t") + plain_text(c);
        out += line + "\n";
      }
      return out;
    case BlockKind::Callout: {
      if (!b.label_shown) return plain_text(b.text) + "\n";
      std::string label = to_string(b.callout);
      label[0] = static_cast<char>(label[0] - 'a' + 'A');
      return label + ": " + plain_text(b.text) + "\n";
    }
    default: return plain_text(b.text) + "\n";
  }
}

}  // namespace

std::string article_markdown(const Article& article) {
  std::string out = front_matter(article);
  out += "# " + escape(article.title) + "\n";
  for (std::size_t i = 0; i < article.sections.size(); ++i) {
    const Section& s = article.sections[i];
    // The opening level-1 section of scraped text repeats the title as its heading.
    const bool repeats_title = i == 0 && s.title == article.title && s.level == 1;
    if (!s.title.empty() && !repeats_title)
      out += "\n" + std::string(static_cast<std::size_t>(std::clamp(s.level, 2, 6)), '#') + " " + escape(s.title) + "\n";
    for (const Block& b : s.blocks) {
      out += "\n";
      block_markdown(b, out);
    }
  }
  return out;
}

std::string article_text(const Article& article, bool images) {
  const ImageText image_text =
      images ? ImageText::Described : (captions_carry_text(article) ? ImageText::Captions : ImageText::None);
  std::string out = article.title + "\n";
  for (std::size_t i = 0; i < article.sections.size(); ++i) {
    const Section& s = article.sections[i];
    const bool repeats_title = i == 0 && s.title == article.title && s.level == 1;
    if (!s.title.empty() && !repeats_title) out += "\n" + s.title + "\n";
    for (const Block& b : s.blocks) {
      const std::string text = plain_block(b, image_text);
      if (!text.empty()) out += "\n" + text;
    }
  }
  return out;
}

}  // namespace readaloud
