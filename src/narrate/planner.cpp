#include "narrate/planner.hpp"
#include "util/text.hpp"

#include <algorithm>
#include <cctype>
#include <initializer_list>
#include <string>
#include <utility>
#include <vector>

namespace readaloud {
namespace {

bool is_blank(std::string_view s) { return trim(s).empty(); }

/// Substitutes {name} placeholders in one pass, so a value that itself
/// contains "{i}" (a heading such as "Step {i}") is never expanded again.
/// Unknown placeholders stay as written (the profile loader rejects them).
std::string fill(std::string_view phrase, std::initializer_list<std::pair<std::string_view, std::string_view>> values) {
  std::string out;
  out.reserve(phrase.size());
  std::size_t pos = 0;
  while (pos < phrase.size()) {
    const std::size_t open = phrase.find('{', pos);
    if (open == std::string_view::npos) break;
    const std::size_t close = phrase.find('}', open);
    if (close == std::string_view::npos) break;
    out.append(phrase.substr(pos, open - pos));
    const std::string_view name = phrase.substr(open + 1, close - open - 1);
    const auto* hit = std::find_if(values.begin(), values.end(), [&](const auto& kv) { return kv.first == name; });
    if (hit != values.end())
      out.append(hit->second);
    else
      out.append(phrase.substr(open, close - open + 1));
    pos = close + 1;
  }
  out.append(phrase.substr(pos));
  return out;
}

std::string number(long long n) { return std::to_string(n); }

bool ends_sentence(std::string_view s) {
  if (s.empty()) return false;
  const char c = s.back();
  return c == '.' || c == '!' || c == '?' || c == ':' || c == ';';
}

bool is_warning_callout(const Block& b) {
  return b.warning || b.callout == CalloutKind::Warning || b.callout == CalloutKind::Caution ||
         b.callout == CalloutKind::Danger;
}

class Planner {
 public:
  Planner(const VoiceProfile& profile, const NarrationOptions& options, const Normalizer& normalizer)
      : profile_(profile), options_(options), normalizer_(normalizer) {}

  Script plan(const Article& article) {
    Script script;
    script.title = article.title;
    script.author = article.author;
    script.published = article.published;
    if (!article.language.empty())
      script.language = article.language;
    else if (!profile_.language.empty())
      script.language = profile_.language;

    captions_are_text_ = captions_carry_text(article);
    const std::size_t n = article.sections.size();
    script.chapters.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
      const Section& section = article.sections[i];
      Chapter chapter;
      chapter.title = chapter_title(article, section, i);
      chapter.level = std::clamp(section.level, 1, 6);
      chapter.warning = section.warning.has_value();
      out_ = &chapter.segments;

      const std::string heading =
          options_.verbosity == Verbosity::Full
              ? fill(profile_.phrases.section, {{"i", number(static_cast<long long>(i + 1))},
                                                {"n", number(static_cast<long long>(n))},
                                                {"title", chapter.title}})
              : chapter.title;
      if (emit(Role::Heading, heading) && i > 0) out_->back().pause_before_ms = profile_.pause_before_heading_ms;
      // The standfirst ("What helps and when to worry") follows the title, as
      // a reader mode shows it, unless the article's text opens with it.
      if (i == 0 && !opens_with(section, article.subtitle))
        emit(Role::Narration, article.subtitle);

      for (const Block& block : section.blocks) {
        const std::size_t first = out_->size();
        speak_block(block);
        // Paragraph breaks are heard as silence after the block's last segment.
        if (out_->size() > first)
          out_->back().pause_after_ms = std::max(out_->back().pause_after_ms, profile_.pause_between_paragraphs_ms);
      }
      script.chapters.push_back(std::move(chapter));
    }
    out_ = nullptr;
    return script;
  }

 private:
  std::string chapter_title(const Article& article, const Section& section, std::size_t index) const {
    const std::string_view title = trim(section.title);
    if (!title.empty()) return std::string(title);
    if (index == 0) {
      // Text before the first heading is titled with the article's title,
      // unless a section already carries that title (the title was a later
      // heading): two chapters of one name would confuse navigation.
      const std::string_view article_title = trim(article.title);
      const bool taken = std::any_of(article.sections.begin(), article.sections.end(),
                                     [&](const Section& s) { return trim(s.title) == article_title; });
      return std::string(article_title.empty() || taken ? std::string_view(profile_.phrases.introduction)
                                                        : article_title);
    }
    return fill(profile_.phrases.untitled, {{"i", number(static_cast<long long>(index + 1))}});
  }

  // Whether the section's first text block begins with `text` (ignoring
  // case, spaces and punctuation), or `text` is empty.
  static bool opens_with(const Section& section, std::string_view text) {
    const std::string wanted = letters(text);
    if (wanted.empty()) return true;
    for (const Block& block : section.blocks) {
      const std::string first = letters(plain_text(block.text));
      if (first.empty()) continue;
      return first.compare(0, wanted.size(), wanted) == 0;
    }
    return false;
  }

  // The ASCII letters and digits of `s`, lower case, and every other byte of
  // a non-ASCII character: enough to compare two spellings of one sentence.
  static std::string letters(std::string_view s) {
    std::string out;
    for (char c : s) {
      const unsigned char u = static_cast<unsigned char>(c);
      if (u >= 0x80 || std::isalnum(u)) out += static_cast<char>(std::tolower(u));
    }
    return out;
  }

  const Prosody& prosody(Role role) const {
    switch (role) {
      case Role::Heading: return profile_.heading;
      case Role::Announcement: return profile_.announcement;
      case Role::Warning: return profile_.warning;
      case Role::Narration: break;
    }
    return profile_.narration;
  }

  bool structural() const { return options_.verbosity != Verbosity::Minimal; }
  bool full() const { return options_.verbosity == Verbosity::Full; }

  std::string spoken(std::string_view raw) const {
    const std::string_view text = trim(raw);
    if (text.empty()) return {};
    return normalizer_.normalize(text);
  }

  /// Appends a segment of already-normalised text.
  void push(Role role, std::string text, bool earcon = false) {
    const Prosody& p = prosody(role);
    Segment s;
    s.role = role;
    s.text = std::move(text);
    s.pause_before_ms = p.pause_before_ms;
    s.pause_after_ms = role == Role::Warning ? profile_.pause_after_warning_ms : p.pause_after_ms;
    s.earcon_before = earcon;
    out_->push_back(std::move(s));
  }

  /// Normalises and appends; false (and nothing appended) when the spoken text is empty.
  bool emit(Role role, std::string_view raw) {
    std::string text = spoken(raw);
    if (is_blank(text)) return false;
    push(role, std::move(text));
    return true;
  }

  void announce(std::string_view phrase) { emit(Role::Announcement, phrase); }

  /// The "Warning." announcement with its earcon. It must never vanish, so if
  /// the normaliser ever empties the phrase the raw phrase is spoken instead.
  void announce_warning() {
    std::string text = spoken(profile_.phrases.warning);
    if (is_blank(text)) text = std::string(trim(profile_.phrases.warning));
    if (text.empty()) text = Phrases{}.warning;
    push(Role::Announcement, std::move(text), true);
  }

  /// Speaks inline text, splitting out warning sentences. `whole_warning`
  /// makes the entire text one warning.
  void speak_text(const InlineText& inline_text, const std::vector<SentenceWarning>& warnings, bool whole_warning) {
    const std::string plain = plain_text(inline_text);
    if (whole_warning) {
      std::string text = spoken(plain);
      if (is_blank(text)) return;
      announce_warning();
      push(Role::Warning, std::move(text));
      return;
    }
    std::vector<SentenceWarning> sorted = warnings;
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const SentenceWarning& a, const SentenceWarning& b) { return a.begin < b.begin; });
    std::size_t cursor = 0;
    bool in_run = false;  // the last thing spoken was a warning sentence
    for (const SentenceWarning& w : sorted) {
      // Clamp defensively: overlapping or out-of-range offsets from the
      // analyzer must not repeat or lose text.
      const std::size_t begin = std::max(std::min(w.begin, plain.size()), cursor);
      const std::size_t end = std::min(w.end, plain.size());
      if (begin >= end) continue;
      if (emit(Role::Narration, std::string_view(plain).substr(cursor, begin - cursor))) in_run = false;
      cursor = end;
      std::string text = spoken(std::string_view(plain).substr(begin, end - begin));
      if (is_blank(text)) continue;
      if (!in_run) announce_warning();
      push(Role::Warning, std::move(text));
      in_run = true;
    }
    emit(Role::Narration, std::string_view(plain).substr(cursor));
  }

  void speak_list(const Block& block) {
    if (block.items.empty()) return;
    int top_depth = block.items.front().depth;
    for (const ListItem& item : block.items) top_depth = std::min(top_depth, item.depth);
    long long top_count = 0;
    bool every_item_warned = true;
    for (const ListItem& item : block.items) {
      if (item.depth <= top_depth) ++top_count;
      if (!item.warning) every_item_warned = false;
    }
    const bool whole_warning = block.warning.has_value() || every_item_warned;

    if (whole_warning) announce_warning();
    if (structural())
      announce(top_count == 1 ? std::string(profile_.phrases.list_one)
                              : fill(profile_.phrases.list, {{"n", number(top_count)}}));

    bool in_run = whole_warning;
    long long index = 0;
    for (const ListItem& item : block.items) {
      const bool top = item.depth <= top_depth;
      const long long label = block.ordered ? block.start + index : index + 1;
      if (top) ++index;
      std::string text = spoken(plain_text(item.text));
      if (is_blank(text)) continue;
      const bool warned = whole_warning || item.warning.has_value();
      if (warned && !in_run) announce_warning();
      in_run = warned;
      if (full() && top) announce(fill(profile_.phrases.item, {{"i", number(label)}}));
      push(warned ? Role::Warning : Role::Narration, std::move(text));
    }
    if (full()) announce(profile_.phrases.end_of_list);
  }

  void speak_table(const Block& block) {
    if (block.rows.empty()) return;
    if (structural())
      announce(fill(profile_.phrases.table, {{"n", number(static_cast<long long>(block.rows.size()))}}));
    bool in_run = false;
    for (std::size_t r = 0; r < block.rows.size(); ++r) {
      std::string cells;
      for (std::size_t c = 0; c < block.rows[r].size(); ++c) {
        const std::string cell_text = plain_text(block.rows[r][c]);
        const std::string_view cell = trim(cell_text);
        if (cell.empty()) continue;
        const std::string header_text = c < block.header.size() ? plain_text(block.header[c]) : std::string();
        const std::string_view header = trim(header_text);
        if (!cells.empty()) cells += ' ';
        if (!header.empty()) cells.append(header).append(": ");
        cells.append(cell);
        if (!ends_sentence(cell)) cells += '.';
      }
      if (cells.empty()) continue;
      // Rows warn like list items: the whole table, or rows the analyzer kept
      // as {row, row + 1} in sentence_warnings; one "Warning." per run.
      const bool warned = block.warning.has_value() ||
                          std::any_of(block.sentence_warnings.begin(), block.sentence_warnings.end(),
                                      [r](const SentenceWarning& w) { return w.begin == r; });
      std::string text =
          spoken(fill(profile_.phrases.row, {{"i", number(static_cast<long long>(r + 1))}}) + " " + cells);
      if (is_blank(text)) continue;
      if (warned && !in_run) announce_warning();
      in_run = warned;
      push(warned ? Role::Warning : Role::Narration, std::move(text));
    }
  }

  void speak_block(const Block& block) {
    switch (block.kind) {
      case BlockKind::Paragraph:
        speak_text(block.text, block.sentence_warnings, block.warning.has_value());
        return;
      case BlockKind::List:
        speak_list(block);
        return;
      case BlockKind::Callout:
        if (is_warning_callout(block)) {
          speak_text(block.text, {}, true);
          return;
        }
        if (is_blank(plain_text(block.text))) return;
        if (structural())
          announce(block.callout == CalloutKind::Important ? profile_.phrases.callout_important
                                                           : profile_.phrases.callout_note);
        speak_text(block.text, block.sentence_warnings, false);
        return;
      case BlockKind::Quote:
        if (is_blank(plain_text(block.text))) return;
        if (full()) announce(profile_.phrases.quote);
        speak_text(block.text, block.sentence_warnings, block.warning.has_value());
        if (full()) announce(profile_.phrases.end_of_quote);
        return;
      case BlockKind::Image: {
        // A gallery's captions are its text, read with or without the pictures.
        if (!options_.describe_images) {
          if (captions_are_text_) emit(Role::Narration, plain_text(block.caption));
          return;
        }
        const std::string alt = plain_text(block.text);
        if (!is_blank(alt)) announce(fill(profile_.phrases.image, {{"alt", trim(alt)}}));
        emit(Role::Narration, plain_text(block.caption));
        return;
      }
      case BlockKind::Code:
        if (structural()) {
          const std::string lang = plain_text(block.text);
          announce(fill(profile_.phrases.code, {{"lang", trim(lang)}}));
        }
        return;
      case BlockKind::Table:
        speak_table(block);
        return;
    }
  }

  const VoiceProfile& profile_;
  const NarrationOptions& options_;
  bool captions_are_text_ = false;  // captions_carry_text(): a gallery
  const Normalizer& normalizer_;
  std::vector<Segment>* out_ = nullptr;
};

}  // namespace

std::optional<Verbosity> parse_verbosity(std::string_view text) {
  const std::string lower = ascii_lower(text);
  if (lower == "minimal") return Verbosity::Minimal;
  if (lower == "normal") return Verbosity::Normal;
  if (lower == "full") return Verbosity::Full;
  return std::nullopt;
}

const char* to_string(Verbosity verbosity) {
  switch (verbosity) {
    case Verbosity::Minimal: return "minimal";
    case Verbosity::Normal: return "normal";
    case Verbosity::Full: return "full";
  }
  return "?";
}

Script plan_narration(const Article& article, const VoiceProfile& profile, const NarrationOptions& options,
                      const Normalizer& normalizer) {
  return Planner(profile, options, normalizer).plan(article);
}

}  // namespace readaloud
