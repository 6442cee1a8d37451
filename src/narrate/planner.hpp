#pragma once
// The narration planner: an analysed Article becomes the Script that gets
// spoken. Pure: no eSpeak, no I/O.
//
// What is spoken (phrases come from the voice profile, shown here in English):
// - One Chapter per Section, titled with the section heading. An untitled
//   first section takes the article title (or phrases.introduction); a later
//   untitled section takes phrases.untitled ("Section {i}"). Chapter titles
//   are the display text (not normalised); segment texts are normalised.
// - Each chapter opens with a Heading segment: the title, or with
//   Verbosity::Full "Section {i} of {n}: {title}.".
// - Paragraphs (and quotes, and non-warning callouts) are Narration. Sentences
//   flagged in Block::sentence_warnings become Warning segments; a run of
//   consecutive warning sentences is preceded by ONE "Warning." Announcement
//   with earcon_before. A paragraph with Block::warning is wholly a warning.
// - Lists: "List of {n} items." (Normal, Full; n counts top-level items), then
//   one segment per item. Ordered lists do NOT speak their numbers in Normal:
//   the count was announced and "1, text" sounds unnatural; Full says
//   "Item {i}." before each top-level item (i follows the list's start number
//   for ordered lists) and "End of list." after. Sub-items (depth > 0) are
//   spoken after their parent without an item announcement. A run of warned
//   items gets one "Warning." (earcon) before the first of them (before the
//   "Item {i}." announcement in Full). A list that is wholly a warning
//   (Block::warning, or every item warned) is announced "Warning." (earcon)
//   BEFORE "List of {n} items.", and all its items are Warning segments.
// - Callouts: a warning callout (Block::warning, or kind Warning, Caution or
//   Danger, so an unanalysed warning is still never missed) is "Warning."
//   (earcon) + a Warning segment. Others: "Important." (kind Important) or
//   "Note." (Note, Tip) + Narration.
// - Quotes: "Quote." ... "End of quote." in Full only. Images: nothing unless
//   describe_images ("Image: {alt}." announcement, then the caption as
//   narration). Code: phrases.code. Tables: phrases.table ("Table with {n}
//   rows.") then one Narration per row: "Row {i}. Header: cell. Header: cell."
// - Verbosity::Minimal drops every structural announcement (list, item, end of
//   list, quote, note, code, table); rows keep their "Row {i}." label. The
//   warning announcement and its earcon are never dropped at any verbosity.
// - Every text goes through Normalizer::normalize (phrases after placeholder
//   substitution); segments whose normalised text is empty are dropped.
//
// Pauses: each segment takes its role's Prosody pause_before_ms and
// pause_after_ms, except: a Heading's pause_before is pause_before_heading_ms
// (the very first chapter's heading keeps the role's pause_before); a Warning
// segment's pause_after is pause_after_warning_ms; the last segment of each
// block has pause_after raised to at least pause_between_paragraphs_ms.

#include <optional>
#include <string_view>

#include "document/article.hpp"
#include "narrate/normalizer.hpp"
#include "narrate/script.hpp"
#include "synth/voice_profile.hpp"

namespace readaloud {

/// How much structure is spoken.
enum class Verbosity { Minimal, Normal, Full };

/// "minimal", "normal" or "full" (ASCII case-insensitive); nullopt otherwise.
std::optional<Verbosity> parse_verbosity(std::string_view text);

/// "minimal", "normal", "full".
const char* to_string(Verbosity verbosity);

struct NarrationOptions {
  Verbosity verbosity = Verbosity::Normal;
  bool describe_images = false;  ///< speak "Image: <alt>" for image blocks
};

/// Article (warnings already marked by the analyzer) -> Script. Pure; no eSpeak.
/// Script title/author/published come from the article; its language is the
/// article's, or the profile's when the article has none.
Script plan_narration(const Article& article, const VoiceProfile& profile, const NarrationOptions& options,
                      const Normalizer& normalizer);

}  // namespace readaloud
