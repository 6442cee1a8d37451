#pragma once
// Which sidecar files to write beside the audio, and their name suffixes.

#include <string>
#include <string_view>
#include <vector>

namespace readaloud {

enum class Sidecar { ChaptersJson, ChaptersVtt, Vtt, Srt, Cue, Txt, Ffmetadata };

/// The name used on the command line: "chapters-json", "chapters-vtt",
/// "vtt", "srt", "cue", "txt", "ffmetadata".
const char* to_string(Sidecar sidecar);

/// "all" (every sidecar, in enum order), "none" or "" (no sidecars), or a
/// comma-separated list of names (case-insensitive, spaces ignored, repeats
/// kept once, in the order given). Each name may also be written as its
/// suffix without the leading dot ("chapters.json"); "json" means
/// chapters-json. Throws Error(Usage) for an unknown name, with the nearest
/// valid name: "unknown sidecar 'str' (did you mean 'srt'?); ...".
std::vector<Sidecar> parse_sidecars(std::string_view list);

/// The file-name suffix: ".chapters.json", ".chapters.vtt", ".vtt", ".srt",
/// ".cue", ".txt", ".ffmetadata".
std::string sidecar_suffix(Sidecar sidecar);

}  // namespace readaloud
