#pragma once
// Marks risk warnings in an Article: whole sections, callouts, list items and
// single sentences, each with the reason `inspect` prints.

#include "analyze/warning_cues.hpp"
#include "analyze/warning_level.hpp"
#include "analyze/warning_model.hpp"
#include "document/article.hpp"

namespace readaloud {

/// Marks warnings in place: Section::warning, Block::warning, ListItem::warning, Block::sentence_warnings.
///
/// - A section whose heading names risks (see `heading_names_risks`) gets
///   `warning = "section: <title>"`, and so do its sub-sections (deeper headings
///   up to the next heading of the same or a higher level) unless it is level 1.
///   A section titled like the article itself is never a risk section (the title
///   names the topic: "Side effects of statins"). Each list block in such
///   a section, and every item of it at any depth, get the same reason.
/// - A list outside a risk section inherits a warning from its lead-in: the
///   paragraph just before it when that paragraph's last sentence ends in ":"
///   and matches a lead-in cue or scores as a warning ("lead-in 'call your
///   doctor if' on the list"), or else its section's heading when the heading
///   does ("heading 'Avoid fish high in mercury' on the list"). A lead-in that
///   ends in ":" and is no warning stops the heading's inheritance, unless it
///   only points at the list ("Follow these steps:", `[context] pointers`):
///   then the list and the pointer take the heading's warning. A last sentence
///   with no full stop ("...if you develop") leads in when it matches a lead-in
///   cue; the block before the list may be a paragraph, a quote or a callout.
/// - A table is marked like a list: it inherits (Block::warning) from a risk
///   section, its lead-in sentence, its heading, or a header cell that is a
///   lead-in ("Do not"); otherwise each row is scored cell by cell and a
///   flagged row r is kept in Block::sentence_warnings as {r, r + 1, reason}.
/// - Callouts of a kind listed in the cues (Warning, Caution, Danger, Important)
///   get `warning = "callout: Warning"` (the kind, capitalised).
/// - Each other sentence, in paragraphs, quotes, other callouts and list items
///   without an inherited warning, is scored (`score_sentence`) and becomes a
///   warning when its score reaches `warning_threshold(level)`. In the first
///   paragraph under a risk heading a sentence with a cue of its own gets the
///   heading's support too (later paragraphs may be a run-on of scraped text);
///   narrative with no cue stays narrative. An elliptic sentence ("So can
///   some water tablets.", `[context] continuations`) right after a flagged
///   one is flagged too ("continues the warning before it"). A list item gets
///   the reason of its first flagged sentence.
/// - A sentence the cues pass over is flagged when `model` covers the
///   language and gives it at least `model_threshold(level)` (never at
///   high-precision): "model: p 0.90 from 'leave', 'sick', 'can leave'".
///   Its context is its heading and, in a list or table, the lead-in sentence.
/// - `WarningLevel::Off` marks nothing.
/// Earlier marks are cleared first, so running it twice gives the same result.
/// Linear in the article's size: each text is split into sentences once.
void detect_warnings(Article& article, const WarningCues& cues, WarningLevel level = WarningLevel::Balanced,
                     const WarningModel& model = WarningModel::builtin());

}  // namespace readaloud
