#pragma once
// Line rules for whole-page text that the shared boilerplate rules
// (data/boilerplate.toml) leave out because they only make sense around a
// whole page: skip links, consent banners and their buttons, footer links,
// multi-space menu rows of a text browser, recipe-card facts, and date lines
// in the languages the project supports (en, es, de, fr, it, pt, nl). The
// phrase lists live in data/pages/*.txt.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace readaloud {

/// The phrases of data/pages/NAME.txt (compiled in), lowercased, one per
/// non-comment line: skip links, consent buttons, end markers and other
/// page-text vocabulary in every supported language. Throws a runtime Error
/// when the build lacks the list.
const std::vector<std::string>& page_phrases(std::string_view name);

/// The words of a line: runs of characters between spaces and tabs, in order.
std::vector<std::string_view> words_of(std::string_view line);

/// Words of `s` between spaces and tabs: a line of page text has no other breaks.
std::size_t count_words(std::string_view s);

/// The page-chrome rule a trimmed line matches ("page-skip-link",
/// "page-cookie-consent", "page-footer"), or an empty view. `words` is the
/// line's word count.
std::string_view page_chrome_rule(std::string_view line, std::size_t words);

/// A heading that opens what follows an article: related links, tags,
/// references, share bars, "Media contact:", in any supported language.
bool is_end_marker(std::string_view line, std::size_t words);

/// The signature under a question or an answer on a Q&A forum: "asked Feb 2,
/// 2025 at 10:41", "Asked 2 years ago Modified 1 year ago Viewed 3k times"
/// (with `answer_only`, only an answer's: "answered Feb 2, 2025 at 12:15").
bool is_qa_signature(std::string_view line, std::size_t words, bool answer_only = false);

/// A heading of an article's closing reference lists ("References", "See
/// also", "External links", "Einzelnachweise"): the article ends there.
bool is_reference_heading(std::string_view line, std::size_t words);

/// An author's bio at the foot of an article: a name, then "is a ... writer"
/// or "writes about ..." in its first sentence ("Jo Bright is a freelance
/// health writer based in Leeds."), in any supported language.
bool is_author_bio(std::string_view line);
/// "Jo Bright", "Dr Ana de la Cruz", "Ruth": a person's name of up to four
/// words, no punctuation.
bool is_name(std::string_view name);
/// A journalist's role on a line of its own under the byline: "Health
/// correspondent, WBS Tarrow Valley", "Redakteurin Wissenschaft".
bool is_author_role(std::string_view line);
/// A person's name and what they do, as a byline or a Q&A column names its
/// expert: "Inés Albarrán, traumatóloga", "Hannah Lindqvist, exercise
/// physiologist", "Jo Roe, MD". Never a headline.
bool is_name_and_role(std::string_view line);

/// A short button or link that asks the reader to act ("Subscribe for $1",
/// "Sign in", "Donate now"): a line of a site's header, never its headline.
bool is_call_to_action(std::string_view line, std::size_t words);

/// A text browser's menu row: three or more short Title Case items separated
/// by runs of two or more spaces ("Region  Politik  Ratgeber  Gesundheit").
bool is_spaced_menu_row(std::string_view line);

/// A recipe or product card fact under a headline: "Servings: 4",
/// "Prep time: 10 min", "4.6 (213 votes)". Never a sentence.
bool is_card_fact(std::string_view line, std::size_t words);

/// A star rating line: "4.6 (213 votes)", "5 from 84 votes".
bool is_rating(std::string_view line);

/// Whether `text` holds `phrase` as words of their own: not inside a word of
/// letters, digits or "_" ("maj" in "1. maj 2028", not in "majd").
bool holds_phrase(std::string_view text, std::string_view phrase);

/// True when the line holds a date: a month name (any supported language)
/// with a year, or a numeric date ("2025-03-12", "12/03/2025", "19.02.2025").
bool has_date(std::string_view line);

/// True when the line starts like a byline or a publication note
/// ("By ", "Por ", "Von ", "Par ", "di ", "Published ", "Publié le ", ...).
bool starts_like_byline(std::string_view line);

/// Share (0..1) of the line's content words (four letters or more, compared
/// without case) that occur in `body`: a headline's words come back in the
/// article's first paragraphs, a site name's or a desk label's seldom do.
/// 0 when the line has no content word.
double shared_word_share(std::string_view line, std::string_view body);

/// A line that is a control of the page, not a heading: a "Follow" or
/// "Forward to a friend" link, "Published in", "Member-only story", a
/// newsletter or consent button, in any supported language.
bool is_ui_phrase(std::string_view line, std::size_t words);

/// The label over a table of contents, in any supported language: "Contents",
/// "On this page", "In this article", "Inhalt".
bool is_contents_label(std::string_view line);
/// "View All", "[hide]": a button between a contents label and its items.
bool is_contents_toggle(std::string_view line);

}  // namespace readaloud
