#pragma once
// Marks risk warnings in an Article: whole sections, callouts, list items and
// single sentences.

#include "analyze/warning_cues.hpp"
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
///   Paragraphs there are not whole-block warnings: only their cue sentences are.
/// - Callouts of a kind listed in the cues (Warning, Caution, Danger, Important)
///   get `warning = "callout: Warning"` (the kind, capitalised).
/// - In paragraphs, quotes and other callouts, each sentence that matches a
///   sentence cue becomes a SentenceWarning ("cue: <name>") with byte offsets
///   into plain_text(block.text). A list item outside a risk section that holds such a
///   sentence gets `warning = "cue: <name>"`.
/// Earlier marks are cleared first, so running it twice gives the same result.
/// Linear in the article's size: each text is split into sentences once.
void detect_warnings(Article& article, const WarningCues& cues);

}  // namespace readaloud
