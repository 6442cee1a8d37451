#include "publish/book_markup.hpp"

#include "util/markup.hpp"

namespace readaloud {
namespace {

std::string spans(const BookBlock& block) {
  std::string out;
  for (std::size_t i = 0; i < block.sentences.size(); ++i) {
    if (i) out += ' ';
    out += "<span id=\"" + xml_attr(block.sentences[i].id) + "\">" + xml_text(block.sentences[i].text) + "</span>";
  }
  return out;
}

std::string heading(const BookBlock& block, int level) {
  const std::string tag = "h" + std::to_string(level);
  if (block.sentences.size() == 1)
    return "<" + tag + " id=\"" + xml_attr(block.sentences[0].id) + "\">" + xml_text(block.sentences[0].text) + "</" +
           tag + ">\n";
  return "<" + tag + ">" + spans(block) + "</" + tag + ">\n";
}

bool in_warning(const BookSection& section, const BookBlock& block) {
  if (block.kind == BookBlockKind::Heading) return false;
  return section.warning || block.kind == BookBlockKind::Warning || block.kind == BookBlockKind::WarningLabel;
}

}  // namespace

std::string section_body_xhtml(const BookSection& section, const std::string& warning_label, bool aria) {
  std::string out;
  bool open = false;  // inside a warning div
  for (std::size_t b = 0; b < section.blocks.size(); ++b) {
    const BookBlock& block = section.blocks[b];
    const bool warned = in_warning(section, block);
    if (open && (!warned || block.kind == BookBlockKind::WarningLabel)) {
      out += "</div>\n";
      open = false;
    }
    if (warned && !open) {
      out += "<div class=\"warning\"";
      if (aria) out += " role=\"doc-notice\" aria-label=\"" + xml_attr(warning_label) + "\"";
      out += ">\n";
      open = true;
      if (block.kind != BookBlockKind::WarningLabel)  // no spoken label: a visible one all the same
        out += "<p class=\"warning-label\"><strong>" + xml_text(warning_label) + "</strong></p>\n";
    }
    switch (block.kind) {
      case BookBlockKind::Heading: out += heading(block, section.level); break;
      case BookBlockKind::WarningLabel: out += "<p class=\"warning-label\"><strong>" + spans(block) + "</strong></p>\n"; break;
      case BookBlockKind::Announcement: out += "<p class=\"announcement\">" + spans(block) + "</p>\n"; break;
      case BookBlockKind::Text:
      case BookBlockKind::Warning: out += "<p>" + spans(block) + "</p>\n"; break;
    }
  }
  if (open) out += "</div>\n";
  return out;
}

}  // namespace readaloud
