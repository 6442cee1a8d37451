#pragma once
// The narration script: what will be spoken, chapter by chapter, with roles
// and pauses. Produced by the planner, consumed by synthesis and sidecars.

#include <string>
#include <vector>

namespace readaloud {

enum class Role { Heading, Narration, Announcement, Warning };

/// "heading", "narration", "announcement", "warning".
const char* to_string(Role role);

struct Segment {
  Role role = Role::Narration;
  std::string text;          ///< exactly as it will be spoken (normalised)
  int pause_before_ms = 0;   ///< silence before (after the earcon, if any)
  int pause_after_ms = 0;    ///< silence after
  bool earcon_before = false;  ///< play the warning earcon first
  bool operator==(const Segment&) const = default;
};

struct Chapter {
  std::string title;
  int level = 1;
  bool warning = false;  ///< the chapter is a warning section
  std::vector<Segment> segments;
  bool operator==(const Chapter&) const = default;
};

struct Script {
  std::string title;
  std::string language = "en";
  std::string voice;  ///< eSpeak NG voice of the narration, without variant ("pt-br")
  /// Why the voice is not the language's own ("gl" read with "pt"); "" when it is.
  std::string language_note;
  std::string author;
  std::string published;
  std::vector<Chapter> chapters;
  bool operator==(const Script&) const = default;
};

}  // namespace readaloud
