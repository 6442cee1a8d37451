#pragma once
// The document model every input format produces. Plain value types, no I/O.

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace readaloud {

/// A run of inline text with its marks. Links keep only their text.
struct Span {
  std::string text;
  bool emphasis = false;
  bool strong = false;
  std::string abbr_title;  ///< expansion from <abbr title="...">, empty if none
  bool operator==(const Span&) const = default;
};

/// Inline text: spans in reading order.
using InlineText = std::vector<Span>;

/// The plain text of inline spans (their texts concatenated).
std::string plain_text(const InlineText& text);
/// One unmarked span holding `text`.
InlineText make_text(std::string text);

/// Why something is a warning, for `inspect`: e.g. "section: Risks",
/// "callout: Warning", "cue: can do serious harm".
using WarningReason = std::optional<std::string>;

/// One sentence of a paragraph that the analyzer flagged. Offsets are bytes
/// into plain_text(block.text).
struct SentenceWarning {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::string reason;
  bool operator==(const SentenceWarning&) const = default;
};

/// A list item. Nesting is flat: `depth` 0 is the outer list, 1 a sub-list of
/// the previous item, and so on. This keeps the model free of recursion, so
/// deeply nested input cannot overflow the stack.
struct ListItem {
  InlineText text;
  int depth = 0;
  WarningReason warning;
  bool operator==(const ListItem&) const = default;
};

enum class BlockKind { Paragraph, List, Callout, Quote, Image, Table, Code };

/// The label of a callout box ("Warning:", "> [!CAUTION]", role="alert").
enum class CalloutKind { Note, Tip, Important, Warning, Caution, Danger };

struct Block {
  BlockKind kind = BlockKind::Paragraph;
  /// Paragraph, Callout, Quote: the text. Image: the alt text.
  /// Code: the language name (may be empty).
  InlineText text;
  /// Image: the caption (credits removed).
  InlineText caption;
  /// List: items, and whether the list is numbered and from what number.
  std::vector<ListItem> items;
  bool ordered = false;
  int start = 1;
  /// Callout: its kind, and whether its label ("Warning:") is the page's own
  /// words; a box marked only by its markup (a class, a role) shows none,
  /// and text output prints its words alone.
  CalloutKind callout = CalloutKind::Note;
  bool label_shown = true;
  /// Table: header cells and rows of cells.
  std::vector<InlineText> header;
  std::vector<std::vector<InlineText>> rows;
  /// Set by the analyzer: the whole block is a warning (callout, risk list).
  WarningReason warning;
  /// Set by the analyzer on paragraphs and quotes: sentences that are warnings.
  /// On a table, begin is the index of a warned row (end = begin + 1).
  std::vector<SentenceWarning> sentence_warnings;
  /// 1-based line in the input where the block starts (0 when unknown).
  std::size_t line = 0;
  bool operator==(const Block&) const = default;
};

struct Section {
  /// The heading text. The first section may have an empty title: text
  /// before the first heading; the planner titles it with the article title.
  std::string title;
  int level = 1;  ///< 1..6, as h1..h6
  std::vector<Block> blocks;
  /// Set by the analyzer when the heading names risks ("Risks", "Side effects").
  WarningReason warning;
  std::size_t line = 0;
  bool operator==(const Section&) const = default;
};

/// Text removed by a boilerplate or chrome filter, kept so `inspect` can show
/// what was dropped and why. Never spoken.
struct Dropped {
  std::string text;
  std::string reason;  ///< the rule's name, e.g. "share-button", "photo-credit", "nav"
  std::size_t line = 0;
  bool operator==(const Dropped&) const = default;
};

struct Article {
  std::string title;
  std::string subtitle;
  std::string author;
  std::string language;   ///< BCP 47 tag such as "en" or "es-ES"; empty when the input did not say
  std::string language_note;  ///< why the declared language was overruled by the text ("" = it was not)
  std::string published;  ///< as given (ISO 8601 preferred)
  std::string site_name;  ///< the publishing site ("og:site_name"); empty when unknown
  /// Where each metadata value and the text came from, for `inspect`: keys
  /// "title", "author", "published", "site_name", "language", "encoding",
  /// "content"; values such as "JSON-LD headline", "og:title", "<title> without
  /// the site name", "valid UTF-8 bytes", "scored <div class=\"story\">".
  /// Empty for inputs that do not record it.
  std::map<std::string, std::string> sources;
  std::vector<Section> sections;
  std::vector<Dropped> dropped;
  bool operator==(const Article&) const = default;
};

const char* to_string(BlockKind kind);
const char* to_string(CalloutKind kind);

/// Whether the images' captions carry the article's text, as on a photo
/// gallery or a slideshow, where each slide's caption is the story: then
/// they are read as paragraphs are. Otherwise a caption describes its
/// picture and is read only with the images (--describe-images).
bool captions_carry_text(const Article& article);

/// Drops headings left with nothing under them because what they headed was
/// dropped as chrome ("Share this:" over share links, "References" over a
/// dropped list, "Shop prenatal essentials" over a product carousel), before
/// a heading of the same or a higher level or at the end; each goes to
/// `dropped` as "empty heading". The first section is kept. With
/// `guessed_headings` (a page dump's short lines taken for headings), one
/// next to another heading stays: a run of them is a list's items or a
/// table's rows, and the line under the title its subtitle.
void drop_empty_headings(Article& article, bool guessed_headings = false);

/// The kind named `name` ("warning", "Caution", ...: to_string()'s names,
/// any ASCII case), or nullopt. The one place callout names are read.
std::optional<CalloutKind> parse_callout_kind(std::string_view name);

}  // namespace readaloud
