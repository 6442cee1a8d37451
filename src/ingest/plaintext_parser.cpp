#include "ingest/plaintext_parser.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "ingest/decode.hpp"
#include "ingest/page_text.hpp"
#include "util/text.hpp"
#include "util/utf8.hpp"

namespace readaloud {
namespace {

/// `text` with the next line of its paragraph after it: a space between,
/// except inside Chinese or Japanese ("…痒" + "得睡不着" is one word).
void append_wrapped(std::string& text, std::string_view next) {
  if (!utf8::joins_without_space(text, next)) text += ' ';
  text += next;
}

constexpr std::size_t kMaxHeadingBytes = 100;
constexpr std::size_t kMaxHeadingWords = 12;
constexpr std::size_t kMaxTitleBytes = 80;

/// A kept input line: cleaned, trimmed text, its indentation and 1-based number.
struct Line {
  std::string text;
  std::size_t indent = 0;
  std::size_t number = 0;
};
using Paragraph = std::vector<Line>;

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\f' || c == '\v'; }


/// Leading whitespace in columns; a tab moves to the next multiple of 4.
std::size_t indent_of(std::string_view s) {
  std::size_t col = 0;
  for (char c : s) {
    if (c == ' ') ++col;
    else if (c == '\t') col = (col / 4 + 1) * 4;
    else break;
  }
  return col;
}

bool starts_with_icase(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    char c = s[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != prefix[i]) return false;
  }
  return true;
}

struct ListMarker {
  bool ordered = false;
  int number = 1;
  std::string_view content;  // the item text after the marker
};

/// "1. x", "12) x", "• x", "- x", ... on a trimmed line.
std::optional<ListMarker> list_marker(std::string_view t) {
  std::size_t i = 0;
  while (i < t.size() && i < 4 && t[i] >= '0' && t[i] <= '9') ++i;
  // Up to three digits, so that a year such as "2019." is not a list.
  if (i >= 1 && i <= 3 && i + 1 < t.size() && (t[i] == '.' || t[i] == ')') && is_space(t[i + 1])) {
    const std::string_view content = trim(t.substr(i + 2));
    if (content.empty()) return std::nullopt;
    return ListMarker{true, std::stoi(std::string(t.substr(0, i))), content};
  }
  // ASCII markers and the en dash need a space after them ("-5 degrees",
  // "*emphasis*"); the typographic bullets do not. A recipe's ingredients
  // come with check boxes ("▢ 6 tablespoons chia seeds").
  static constexpr std::array<std::pair<std::string_view, bool>, 9> kBullets{{{"-", true},
                                                                              {"*", true},
                                                                              {"\u2013", true},
                                                                              {"\u2022", false},
                                                                              {"\u25E6", false},
                                                                              {"\u25AA", false},
                                                                              {"\u25A1", false},
                                                                              {"\u25A2", false},
                                                                              {"\u2610", false}}};
  for (const auto& [bullet, needs_space] : kBullets) {
    if (!t.starts_with(bullet)) continue;
    const std::string_view rest = t.substr(bullet.size());
    if (needs_space && (rest.empty() || !is_space(rest[0]))) return std::nullopt;
    const std::string_view content = trim(rest);
    if (content.empty()) return std::nullopt;
    return ListMarker{false, 1, content};
  }
  return std::nullopt;
}

struct CalloutLabel {
  std::string_view label;  // lowercase, with the colon
  CalloutKind kind;
};
constexpr std::array<CalloutLabel, 6> kCalloutLabels{{{"warning:", CalloutKind::Warning},
                                                      {"caution:", CalloutKind::Caution},
                                                      {"danger:", CalloutKind::Danger},
                                                      {"important:", CalloutKind::Important},
                                                      {"note:", CalloutKind::Note},
                                                      {"tip:", CalloutKind::Tip}}};

const CalloutLabel* callout_label(std::string_view text) {
  for (const auto& l : kCalloutLabels)
    if (starts_with_icase(text, l.label)) return &l;
  return nullptr;
}

std::size_t count_words(std::string_view s, std::size_t cap) {
  std::size_t words = 0;
  bool in_word = false;
  for (char c : s) {
    const bool space = is_space(c);
    if (!space && !in_word && ++words > cap) return words;
    in_word = !space;
  }
  return words;
}

bool ends_in_sentence_punctuation(std::string_view t) {
  while (!t.empty() && (t.back() == '"' || t.back() == '\'' || t.back() == ')' || t.back() == ']'))
    t.remove_suffix(1);
  if (t.empty()) return false;
  if (t.ends_with("\u2026")) return true;  // …
  return std::string_view(".!?:;,").find(t.back()) != std::string_view::npos;
}

/// A heading stands alone, is short, reads like a title rather than a
/// sentence, and has text after it (a short last line is a sign-off, not a heading).
bool is_heading(const Paragraph& p, bool has_text_after) {
  if (!has_text_after || p.size() != 1) return false;
  const std::string_view t = p[0].text;
  if (t.size() > kMaxHeadingBytes || count_words(t, kMaxHeadingWords) > kMaxHeadingWords) return false;
  if (!utf8::has_letter(t) || (t[0] >= 'a' && t[0] <= 'z')) return false;
  if (ends_in_sentence_punctuation(t) || list_marker(t) || callout_label(t)) return false;
  return true;
}

/// "3. Keep it cool" alone on its line with prose under it: a numbered
/// heading, kept whole with its number. A numbered line next to another list
/// line is a list spaced out by blank lines instead.
bool is_numbered_heading(const std::vector<Paragraph>& paragraphs, std::size_t i) {
  const Paragraph& p = paragraphs[i];
  if (p.size() != 1 || i + 1 >= paragraphs.size()) return false;
  const std::string_view t = p[0].text;
  const auto marker = list_marker(t);
  if (!marker || !marker->ordered || marker->content.empty() || t.size() > kMaxHeadingBytes) return false;
  const std::string_view c = marker->content;
  if (count_words(c, kMaxHeadingWords) > kMaxHeadingWords || !utf8::has_letter(c) || (c[0] >= 'a' && c[0] <= 'z')) return false;
  if (ends_in_sentence_punctuation(c) || callout_label(c)) return false;
  if (i > 0 && list_marker(paragraphs[i - 1].back().text)) return false;
  const Paragraph& next = paragraphs[i + 1];
  return !list_marker(next.front().text) && !is_heading(next, i + 2 < paragraphs.size());
}

/// Cuts a parenthesised credit from the end of a text ("... the winter.
/// (Image: Jo Roe)"), moving it into `dropped`.
void cut_trailing_credit(std::string& text, std::size_t line, const BoilerplateFilter& filter,
                         std::vector<Dropped>& dropped) {
  const std::size_t at = filter.trailing_credit(text);
  if (at == std::string::npos) return;
  dropped.push_back(Dropped{std::string(trim(std::string_view(text).substr(at))), "photo-credit", line});
  text.resize(at);
  while (!text.empty() && is_space(text.back())) text.pop_back();
}

/// The same for a paragraph's last line, and for a paragraph block (a credit wrapped over two lines).
void drop_trailing_credit(Line& l, const BoilerplateFilter& filter, std::vector<Dropped>& dropped) {
  cut_trailing_credit(l.text, l.number, filter, dropped);
}
void drop_trailing_credit(Block& b, const BoilerplateFilter& filter, std::vector<Dropped>& dropped) {
  if ((b.kind != BlockKind::Paragraph && b.kind != BlockKind::Callout) || b.text.size() != 1) return;
  cut_trailing_credit(b.text.front().text, b.line, filter, dropped);
}

/// One paragraph of text: a callout when it opens with a label, else a paragraph.
Block text_block(std::string text, std::size_t line) {
  Block b;
  b.line = line;
  const CalloutLabel* label = callout_label(text);
  // A bare "Note:" with nothing after it stays a paragraph rather than an empty callout.
  if (label && text.size() > label->label.size()) {
    b.kind = BlockKind::Callout;
    b.callout = label->kind;
    text = std::string(trim(std::string_view(text).substr(label->label.size())));
  }
  b.text = make_text(std::move(text));
  return b;
}

/// The blocks of one paragraph: runs of text lines and lists, in order.
std::vector<Block> paragraph_blocks(Paragraph& p) {
  std::vector<Block> out;
  std::string text;
  std::size_t text_line = 0;
  const auto flush_text = [&] {
    if (text_line == 0) return;
    out.push_back(text_block(std::move(text), text_line));
    text.clear();
    text_line = 0;
  };
  bool in_list = false;
  std::vector<std::size_t> indents;  // indentation of each open nesting level
  for (Line& line : p) {
    const auto marker = list_marker(line.text);
    if (marker) {
      const bool continues = in_list && (out.back().ordered == marker->ordered || line.indent > indents.front());
      if (!continues) {
        flush_text();
        Block list;
        list.kind = BlockKind::List;
        list.ordered = marker->ordered;
        list.start = marker->ordered ? marker->number : 1;
        list.line = line.number;
        out.push_back(std::move(list));
        indents.assign(1, line.indent);
        in_list = true;
      }
      while (indents.size() > 1 && line.indent < indents.back()) indents.pop_back();
      if (line.indent > indents.back()) indents.push_back(line.indent);
      out.back().items.push_back(ListItem{make_text(std::string(marker->content)),
                                          static_cast<int>(indents.size() - 1), std::nullopt});
      continue;
    }
    if (in_list && line.indent > indents.front()) {
      // A wrapped item: indented under the list, no marker of its own.
      append_wrapped(out.back().items.back().text.back().text, line.text);
      continue;
    }
    in_list = false;
    if (text_line == 0) {
      text = std::move(line.text);
      text_line = line.number;
    } else {
      append_wrapped(text, line.text);
    }
  }
  flush_text();
  return out;
}

/// The first sentence of a text, cut at a word boundary to a title's length;
/// a short text of sentences that ends in a question whole ("My newborn's
/// skin turned yellow on day 3. Is morning sunlight enough to treat it?": a
/// forum's or a Q&A site's question).
std::string title_from_sentence(std::string_view t) {
  constexpr std::size_t kMaxQuestionBytes = 2 * kMaxTitleBytes;
  const bool two_sentences = t.find(". ") != std::string_view::npos || t.find("? ") != std::string_view::npos ||
                             t.find("! ") != std::string_view::npos;
  if (t.ends_with('?') && two_sentences && t.size() <= kMaxQuestionBytes) return std::string(t);
  for (std::size_t i = 0; i + 1 < t.size(); ++i) {
    if ((t[i] == '.' || t[i] == '!' || t[i] == '?') && t[i + 1] == ' ') {
      t = t.substr(0, i);
      break;
    }
  }
  if (t.size() > kMaxTitleBytes) {
    const std::size_t cut = t.rfind(' ', kMaxTitleBytes);
    t = t.substr(0, cut == std::string_view::npos || cut == 0 ? kMaxTitleBytes : cut);
    // Never end inside a UTF-8 sequence.
    while (!t.empty() && (static_cast<unsigned char>(t.back()) & 0xC0) == 0x80) t.remove_suffix(1);
    if (!t.empty() && static_cast<unsigned char>(t.back()) >= 0xC0) t.remove_suffix(1);
  }
  while (!t.empty() && std::string_view(" .,;:!?-").find(t.back()) != std::string_view::npos) t.remove_suffix(1);
  return std::string(t);
}

/// Splits the input into paragraphs of kept lines, moving junk into `dropped`.
/// The page-text rule that drops line `number`, if the page region says so.
const PageLine* page_drop(const PageRegion& region, std::size_t number) {
  if (!region.whole_page) return nullptr;
  const auto find = [number](const std::vector<PageLine>& lines) -> const PageLine* {
    const auto it = std::lower_bound(lines.begin(), lines.end(), number,
                                     [](const PageLine& l, std::size_t n) { return l.number < n; });
    return it != lines.end() && it->number == number ? &*it : nullptr;
  };
  if (const PageLine* l = find(region.dropped_outside)) return l;
  return find(region.dropped_inside);
}

std::vector<Paragraph> kept_paragraphs(std::string_view text, const BoilerplateFilter& filter,
                                       const PageRegion& region, std::vector<Dropped>& dropped) {
  std::vector<Paragraph> paragraphs;
  Paragraph current;
  const auto flush = [&] {
    if (!current.empty()) paragraphs.push_back(std::move(current));
    current.clear();
  };
  // After a rule that drops the next paragraph: skip blank lines, then drop
  // lines up to the next blank line.
  enum class Skip { None, AwaitParagraph, InParagraph } skip = Skip::None;
  std::string skip_rule;
  std::size_t number = 0;
  for (std::size_t pos = 0; pos < text.size();) {
    std::size_t end = text.find_first_of("\r\n", pos);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view raw = text.substr(pos, end - pos);
    pos = end;
    if (pos < text.size()) pos += (text[pos] == '\r' && pos + 1 < text.size() && text[pos + 1] == '\n') ? 2 : 1;
    ++number;

    // A whole page's link numbers and citation marks are never read out.
    // Nor a transcript's times before its speakers ("00:31 Declan Moriarty: ...").
    std::string cleaned =
        region.whole_page ? strip_transcript_time(strip_link_marks(clean_typography(raw))) : clean_typography(raw);
    const std::string_view trimmed = trim(cleaned);
    if (trimmed.empty()) {
      flush();
      if (skip == Skip::InParagraph) skip = Skip::None;
      continue;
    }
    if (const PageLine* page = page_drop(region, number)) {
      flush();
      dropped.push_back(Dropped{std::string(trimmed), page->rule, number});
      continue;
    }
    if (skip != Skip::None) {
      dropped.push_back(Dropped{std::string(trimmed), skip_rule, number});
      skip = Skip::InParagraph;
      continue;
    }
    if (const auto hit = filter.match(trimmed)) {
      // A junk line also ends the paragraph it sits in: "Was this helpful?"
      // glued under a list must not join the text after it.
      flush();
      dropped.push_back(Dropped{std::string(trimmed), hit->rule, number});
      if (hit->drops_next_paragraph) {
        skip = Skip::AwaitParagraph;
        skip_rule = hit->rule;
      }
      continue;
    }
    // The headline stands alone; in a select-all copy every line is a
    // paragraph of its own, except the items of one list.
    const bool item = list_marker(trimmed).has_value();
    if (number == region.title_line ||
        (region.lines_are_paragraphs && !(item && !current.empty() && list_marker(current.back().text))))
      flush();
    current.push_back(Line{std::string(trimmed), indent_of(cleaned), number});
    if (number == std::max(region.title_line, region.title_last_line)) flush();
  }
  flush();
  return paragraphs;
}

/// "Warning:" alone on its line, with its text in the next paragraph.
bool is_label_only(const Paragraph& p) {
  if (p.size() != 1) return false;
  const CalloutLabel* label = callout_label(p[0].text);
  return label && p[0].text.size() == label->label.size();
}

}  // namespace

Article parse_plaintext(std::string_view input, const BoilerplateFilter& filter) {
  Article article;
  // A two-column dump is read column by column (the sidebar below the page).
  const std::string unfolded = unfold_columns(input);
  const std::string_view text = unfolded.empty() ? input : std::string_view(unfolded);
  const PageRegion region = find_article_region(text, filter);
  std::vector<Paragraph> paragraphs = kept_paragraphs(text, filter, region, article.dropped);
  if (region.whole_page) article.sources["content"] = "page-text region: lines " + std::to_string(region.first_line) + "-" + std::to_string(region.last_line);
  for (const Dropped& d : article.dropped)
    if (article.author.empty() && d.reason == "page-byline" && d.line > region.first_line && d.line < region.last_line &&
        starts_with_icase(d.text, "by ") && d.text.size() > 3)
      article.author = std::string(trim(std::string_view(d.text).substr(3)));

  bool seen_heading = false;
  std::string first_text;  // for the title when no heading qualifies
  for (std::size_t i = 0; i < paragraphs.size(); ++i) {
    Paragraph& p = paragraphs[i];
    drop_trailing_credit(p.back(), filter, article.dropped);  // before a short caption passes for a heading
    const bool has_next = i + 1 < paragraphs.size();
    if (is_heading(p, has_next) || is_numbered_heading(paragraphs, i) ||
        (region.title_line != 0 && p[0].number == region.title_line)) {
      Section s;
      s.title = std::move(p[0].text);
      if (p[0].number == region.title_line && region.title_kicker_bytes < s.title.size())
        s.title.erase(0, region.title_kicker_bytes);
      for (std::size_t k = 1; k < p.size(); ++k) append_wrapped(s.title, p[k].text);  // a headline wrapped at 80 columns
      s.level = seen_heading ? 2 : 1;
      s.line = p[0].number;
      if (!seen_heading) article.title = s.title;
      seen_heading = true;
      article.sections.push_back(std::move(s));
      continue;
    }
    std::vector<Block> blocks;
    if (is_label_only(p) && has_next && !list_marker(paragraphs[i + 1].front().text) &&
        !callout_label(paragraphs[i + 1].front().text) && !is_heading(paragraphs[i + 1], i + 2 < paragraphs.size())) {
      // Join the label with the paragraph under it into one callout.
      Paragraph body = std::move(paragraphs[++i]);
      blocks = paragraph_blocks(body);
      // The body starts with plain text (not a list, label or heading), so its
      // first block is a paragraph.
      Block& first = blocks.front();
      first.kind = BlockKind::Callout;
      first.callout = callout_label(p[0].text)->kind;
      first.line = p[0].number;
    } else {
      blocks = paragraph_blocks(p);
    }
    if (article.sections.empty()) {
      Section intro;
      intro.level = 1;
      intro.line = blocks.front().line;
      article.sections.push_back(std::move(intro));
    }
    for (Block& b : blocks) {
      drop_trailing_credit(b, filter, article.dropped);
      if (first_text.empty() && b.kind != BlockKind::List) first_text = plain_text(b.text);
      article.sections.back().blocks.push_back(std::move(b));
    }
  }
  if (!seen_heading) article.title = title_from_sentence(first_text);
  drop_empty_headings(article, /*guessed_headings=*/true);
  return article;
}

}  // namespace readaloud
