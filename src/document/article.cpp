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
