#include "analyze/warning_detector.hpp"

#include <algorithm>
#include <string>

#include "analyze/sentences.hpp"

namespace readaloud {
namespace {

std::string callout_label(CalloutKind kind) {
  std::string s = to_string(kind);
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
}

void clear_marks(Section& section) {
  section.warning.reset();
  for (Block& block : section.blocks) {
    block.warning.reset();
    block.sentence_warnings.clear();
    for (ListItem& item : block.items) item.warning.reset();
  }
}

std::vector<SentenceWarning> cue_sentences(const std::string& text, const WarningCues& cues) {
  std::vector<SentenceWarning> out;
  for (const TextRange& r : split_sentences(text)) {
    std::string name = match_sentence_cue(std::string_view(text).substr(r.begin, r.end - r.begin), cues);
    if (!name.empty()) out.push_back(SentenceWarning{r.begin, r.end, "cue: " + name});
  }
  return out;
}

// A risk section written as prose, with no list ("Risks" then "Drops can
// cause dizziness..."): its first paragraph is what the heading warns about,
// so every sentence of it is a warning. Later paragraphs are flagged by cues
// only, since scraped text loses headings and the section may run on.
void mark_risk_paragraph(Section& section) {
  if (!section.warning) return;
  for (const Block& block : section.blocks)
    if (block.kind == BlockKind::List || block.warning) return;
  for (Block& block : section.blocks) {
    if (block.kind != BlockKind::Paragraph) continue;
    const std::string text = plain_text(block.text);
    block.sentence_warnings.clear();
    for (const TextRange& r : split_sentences(text))
      block.sentence_warnings.push_back(SentenceWarning{r.begin, r.end, *section.warning});
    return;
  }
}

}  // namespace

void detect_warnings(Article& article, const WarningCues& cues) {
  // The open risk section, if any: its level and reason. Tracked in a loop
  // over the flat section list, so heading depth costs no recursion.
  WarningReason open_reason;
  int open_level = 0;
  for (Section& section : article.sections) {
    clear_marks(section);
    if (open_reason && section.level <= open_level) open_reason.reset();
    // The article's own title names its topic ("Side effects of statins"), not a
    // risk section; marking it would turn the whole article into one warning.
    if (section.title != article.title && heading_names_risks(section.title, cues)) {
      section.warning = "section: " + section.title;
      // An h1 is usually the article title too: it marks only itself.
      if (section.level >= 2) {
        open_reason = section.warning;
        open_level = section.level;
      }
    } else {
      section.warning = open_reason;
    }

    for (Block& block : section.blocks) {
      switch (block.kind) {
        case BlockKind::Callout:
          if (std::find(cues.callout_kinds.begin(), cues.callout_kinds.end(), block.callout) !=
              cues.callout_kinds.end()) {
            block.warning = "callout: " + callout_label(block.callout);
            break;
          }
          [[fallthrough]];  // a Note or Tip can still hold a warning sentence
        case BlockKind::Paragraph:
        case BlockKind::Quote:
          block.sentence_warnings = cue_sentences(plain_text(block.text), cues);
          break;
        case BlockKind::List:
          if (section.warning) {
            block.warning = section.warning;
            for (ListItem& item : block.items) item.warning = section.warning;
            break;
          }
          for (ListItem& item : block.items) {
            const std::vector<SentenceWarning> flagged = cue_sentences(plain_text(item.text), cues);
            if (!flagged.empty()) item.warning = flagged.front().reason;
          }
          break;
        case BlockKind::Image:
        case BlockKind::Table:
        case BlockKind::Code:
          break;
      }
    }
    mark_risk_paragraph(section);
  }
}

}  // namespace readaloud
