#pragma once
// Voice profiles (voices/*.toml): how each role sounds, the earcon, and the
// spoken phrases for structural announcements, per language.

#include <map>
#include <string>
#include <vector>

namespace readaloud {

/// How one role is spoken. Set per synthesis call with espeak_SetParameter.
struct Prosody {
  std::string voice = "en-us";  ///< eSpeak NG voice with optional variant, "en-us+m3"
  int rate_wpm = 175;           ///< words per minute (80..450)
  int pitch = 50;               ///< eSpeak scale, 0-99
  int range = 50;               ///< pitch range, 0-99
  int pause_before_ms = 0;      ///< silence before each segment of this role
  int pause_after_ms = 300;     ///< silence after each segment of this role
  bool operator==(const Prosody&) const = default;
};

/// A short generated tone played before each warning block.
struct Earcon {
  std::vector<double> tones_hz = {880.0, 660.0};  ///< played one after another
  int tone_ms = 120;      ///< length of each tone
  int gap_ms = 30;        ///< silence between tones
  int fade_ms = 10;       ///< raised-cosine fade in and out of each tone (no clicks)
  double level_dbfs = -12.0;  ///< peak level of the tone
  bool operator==(const Earcon&) const = default;
};

/// Spoken phrases. Placeholders: {n} count, {i} index, {title} a title,
/// {alt} image alt text, {lang} code language.
struct Phrases {
  std::string warning = "Warning.";
  std::string list = "List of {n} items.";
  std::string list_one = "List of 1 item.";
  std::string item = "Item {i}.";
  std::string end_of_list = "End of list.";
  std::string section = "Section {i} of {n}: {title}.";
  std::string quote = "Quote.";
  std::string end_of_quote = "End of quote.";
  std::string image = "Image: {alt}.";
  std::string code = "Code block skipped.";
  std::string table = "Table with {n} rows.";
  std::string row = "Row {i}.";
  std::string callout_note = "Note.";
  std::string callout_important = "Important.";
  std::string introduction = "Introduction";  ///< title of an untitled first section when the article has no title
  std::string untitled = "Section {i}";       ///< title of a later section that has no heading
  bool operator==(const Phrases&) const = default;
};

struct VoiceProfile {
  std::string name;      ///< file stem, e.g. "default", "en-us", "es"
  std::string language;  ///< BCP 47, e.g. "en", "es"
  std::string description;
  Prosody narration;
  Prosody heading;
  Prosody announcement;
  Prosody warning;
  int pause_before_heading_ms = 900;   ///< longer before a heading ...
  int pause_between_paragraphs_ms = 450;  ///< ... than between paragraphs
  int pause_after_warning_ms = 700;
  Earcon earcon;
  Phrases phrases;
  bool operator==(const VoiceProfile&) const = default;
};

}  // namespace readaloud
