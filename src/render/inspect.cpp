#include "render/inspect.hpp"

#include <nlohmann/json.hpp>
#include <sstream>

namespace readaloud {
namespace {

std::string clip(std::string_view text, std::size_t max = 90) {
  if (text.size() <= max) return std::string(text);
  std::size_t cut = max;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // keep UTF-8 whole
  return std::string(text.substr(0, cut)) + "...";
}

void describe_block(std::ostringstream& out, const Block& block) {
  out << "    " << to_string(block.kind);
  if (block.line) out << " (line " << block.line << ")";
  if (block.kind == BlockKind::Callout) out << " [" << to_string(block.callout) << "]";
  if (block.warning) out << "  WARNING <" << *block.warning << ">";
  if (block.kind == BlockKind::List) {
    out << (block.ordered ? ", numbered from " + std::to_string(block.start) : ", bullets") << ", "
        << block.items.size() << (block.items.size() == 1 ? " item\n" : " items\n");
    for (const auto& item : block.items) {
      out << "      " << std::string(static_cast<std::size_t>(item.depth) * 2, ' ') << "- ";
      if (item.warning) out << "WARNING <" << *item.warning << "> ";
      out << clip(plain_text(item.text)) << "\n";
    }
    return;
  }
  if (block.kind == BlockKind::Table) {
    out << ", " << block.rows.size() << " rows\n";
    for (const auto& w : block.sentence_warnings)
      out << "      WARNING <" << w.reason << ">: row " << w.begin + 1 << "\n";
    return;
  }
  std::string text = plain_text(block.text);
  out << ": " << clip(text) << "\n";
  for (const auto& w : block.sentence_warnings)
    out << "      WARNING <" << w.reason << ">: "
        << clip(std::string_view(text).substr(w.begin, w.end - w.begin)) << "\n";
}

}  // namespace

std::string inspect_text(const Prepared& p) {
  std::ostringstream out;
  const Article& a = p.article;
  out << "Title: " << a.title << "\n";
  if (!a.author.empty()) out << "Author: " << a.author << "\n";
  if (!a.published.empty()) out << "Published: " << a.published << "\n";
  out << "Language: " << p.script.language << "    Voice profile: " << p.profile.name
      << "    eSpeak NG voice: " << p.script.voice << "\n";
  if (!p.script.language_note.empty()) out << "Language note: " << p.script.language_note << "\n";
  out << "\n";

  out << "Structure (" << a.sections.size() << " sections):\n";
  for (std::size_t i = 0; i < a.sections.size(); ++i) {
    const Section& s = a.sections[i];
    out << "  " << i + 1 << ". " << std::string(static_cast<std::size_t>(std::max(0, s.level - 1)) * 2, ' ')
        << (s.title.empty() ? "(untitled introduction)" : s.title) << "  [h" << s.level;
    if (s.line) out << ", line " << s.line;
    out << "]";
    if (s.warning) out << "  WARNING SECTION <" << *s.warning << ">";
    out << "\n";
    for (const auto& block : s.blocks) describe_block(out, block);
  }

  out << "\nDropped, never spoken (" << a.dropped.size() << "):\n";
  for (const auto& d : a.dropped) {
    out << "  ";
    if (d.line) out << "line " << d.line << ": ";
    out << "[" << d.reason << "] " << clip(d.text) << "\n";
  }

  out << "\nWhat will be spoken (" << p.script.chapters.size() << " chapters):\n";
  for (std::size_t i = 0; i < p.script.chapters.size(); ++i) {
    const Chapter& c = p.script.chapters[i];
    out << "  Chapter " << i + 1 << ": " << c.title << (c.warning ? "  (warning section)" : "") << "\n";
    for (const auto& seg : c.segments) {
      out << "    " << (seg.earcon_before ? "(earcon) " : "") << "[" << to_string(seg.role) << "] " << seg.text << "\n";
    }
  }
  return out.str();
}

std::string script_json(const Script& script) {
  nlohmann::ordered_json j;
  j["title"] = script.title;
  j["language"] = script.language;
  j["voice"] = script.voice;
  if (!script.language_note.empty()) j["language_note"] = script.language_note;
  j["chapters"] = nlohmann::ordered_json::array();
  for (const auto& c : script.chapters) {
    nlohmann::ordered_json chapter;
    chapter["title"] = c.title;
    chapter["level"] = c.level;
    chapter["warning"] = c.warning;
    chapter["segments"] = nlohmann::ordered_json::array();
    for (const auto& s : c.segments)
      chapter["segments"].push_back({{"role", to_string(s.role)}, {"text", s.text}});
    j["chapters"].push_back(std::move(chapter));
  }
  return j.dump(2) + "\n";
}

}  // namespace readaloud
