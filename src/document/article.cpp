#include "document/article.hpp"

#include <algorithm>
#include <cstdint>

#include "util/text.hpp"

namespace readaloud {

std::string plain_text(const InlineText& text) {
  std::string out;
  for (const auto& span : text) out += span.text;
  return out;
}

InlineText make_text(std::string text) {
  InlineText out;
  out.push_back(Span{std::move(text)});
  return out;
}

bool captions_carry_text(const Article& article) {
  constexpr double kMinCaptionShare = 0.35;
  const auto words = [](const InlineText& t) {
    std::size_t n = 0;
    bool in_word = false;
    for (const char c : plain_text(t)) {
      const bool space = c == ' ' || c == '\n' || c == '\t';
      n += !space && !in_word ? 1 : 0;
      in_word = !space;
    }
    return n;
  };
  std::size_t caption = 0, text = 0;
  for (const Section& s : article.sections)
    for (const Block& b : s.blocks) {
      if (b.kind == BlockKind::Image) caption += words(b.caption);
      else text += words(b.text);
      for (const ListItem& item : b.items) text += words(item.text);
    }
  return caption > 0 && static_cast<double>(caption) >= kMinCaptionShare * static_cast<double>(caption + text);
}

const char* to_string(BlockKind kind) {
  switch (kind) {
    case BlockKind::Paragraph: return "paragraph";
    case BlockKind::List: return "list";
    case BlockKind::Callout: return "callout";
    case BlockKind::Quote: return "quote";
    case BlockKind::Image: return "image";
    case BlockKind::Table: return "table";
    case BlockKind::Code: return "code";
  }
  return "?";
}

const char* to_string(CalloutKind kind) {
  switch (kind) {
    case CalloutKind::Note: return "note";
    case CalloutKind::Tip: return "tip";
    case CalloutKind::Important: return "important";
    case CalloutKind::Warning: return "warning";
    case CalloutKind::Caution: return "caution";
    case CalloutKind::Danger: return "danger";
  }
  return "?";
}

std::optional<CalloutKind> parse_callout_kind(std::string_view name) {
  for (CalloutKind kind : {CalloutKind::Note, CalloutKind::Tip, CalloutKind::Important, CalloutKind::Warning,
                           CalloutKind::Caution, CalloutKind::Danger})
    if (ascii_lower(name) == to_string(kind)) return kind;
  return std::nullopt;
}

void drop_empty_headings(Article& article, bool guessed_headings) {
  std::vector<Section>& sections = article.sections;
  // A heading emptied so counts as chrome under the one above it only when it
  // was a subheading of it ("References" under "Sources"); a run of headings
  // of one level (a page dump's list of short lines) does not empty itself.
  std::vector<std::pair<std::size_t, int>> emptied;  // line, level
  std::vector<std::size_t> next_line;                 // where each section's own text ended, before any erasing
  for (std::size_t i = 1; i <= sections.size(); ++i)
    next_line.push_back(i < sections.size() ? sections[i].line : SIZE_MAX);
  for (std::size_t i = sections.size(); i-- > 1;) {
    const Section& s = sections[i];
    const bool last = i + 1 == sections.size();
    if (!s.blocks.empty() || s.title.empty() || !(last || sections[i + 1].level <= s.level)) continue;
    if (guessed_headings && (sections[i - 1].blocks.empty() || (!last && sections[i + 1].blocks.empty()))) continue;
    // Under a subheading emptied too, its span counts ("Sources" over "References" over a dropped list).
    const bool over_emptied = !last && std::any_of(emptied.begin(), emptied.end(), [&](const auto& e) {
      return e.first == next_line[i] && e.second > s.level;
    });
    const std::size_t until = last ? SIZE_MAX : over_emptied ? sections[i + 1].line : next_line[i];
    const auto under = [&](std::size_t line) { return line >= s.line && line <= until && s.line != 0; };
    const bool chrome_under = std::any_of(article.dropped.begin(), article.dropped.end(), [&](const Dropped& d) {
      return under(d.line) && !std::any_of(emptied.begin(), emptied.end(), [&](const auto& e) {
               return e.first == d.line && e.second <= s.level && d.reason == "empty heading";
             });
    });
    if (!chrome_under) continue;
    article.dropped.push_back(Dropped{s.title, "empty heading", s.line});
    emptied.emplace_back(s.line, s.level);
    sections.erase(sections.begin() + static_cast<std::ptrdiff_t>(i));
  }
}

}  // namespace readaloud
