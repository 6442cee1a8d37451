#pragma once
// The text of a player page: the spoken sentences (caption cues) laid out
// under their chapters and in the script's paragraphs, each with its times,
// and warnings marked. Built from data only: the script, the caption cues
// and the chapter times the render wrote.

#include <string>
#include <string_view>
#include <vector>

#include "narrate/script.hpp"
#include "publish/manifest.hpp"

namespace readaloud {

/// One caption cue: a sentence and where it is spoken.
struct TimedText {
  double start_s = 0;
  double end_s = 0;
  std::string text;
  bool operator==(const TimedText&) const = default;
};

/// The cues of a WebVTT file (times and text; cue settings, ids and NOTE
/// blocks ignored, `&amp;` `&lt;` `&gt;` decoded). Error(Input) naming `name`
/// when it does not start with "WEBVTT".
std::vector<TimedText> parse_webvtt(std::string_view text, const std::string& name);

/// How a block of sentences is shown.
enum class TextKind { Heading, Narration, Announcement };

/// Sentences spoken from one segment of the script.
struct TextBlock {
  TextKind kind = TextKind::Narration;
  bool warning = false;
  std::vector<std::size_t> sentences;  ///< indexes into PlayerText::sentences
  bool operator==(const TextBlock&) const = default;
};

struct TextChapter {
  std::string title;
  double start_s = 0;
  bool warning = false;
  std::vector<TextBlock> blocks;
  bool operator==(const TextChapter&) const = default;
};

struct PlayerText {
  std::vector<TimedText> sentences;  ///< every caption cue, in time order
  std::vector<TextChapter> chapters;
};

/// Lays the cues out under `chapters` (from the chapters file; a cue belongs
/// to the last chapter starting at or before it) and groups each chapter's
/// cues by the script segment whose text holds them (in order; a cue no
/// segment holds stays with the previous one). Warning chapters and warning
/// segments are marked. `script` chapters are matched to `chapters` by title, in order.
PlayerText lay_out_text(const Script& script, const std::vector<ManifestChapter>& chapters,
                        std::vector<TimedText> cues);

}  // namespace readaloud
