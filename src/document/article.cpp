#include "document/article.hpp"
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

}  // namespace readaloud
