#pragma once
// Named sets of render options (--preset).

#include <string>
#include <string_view>
#include <vector>

namespace readaloud {

struct RenderOptions;

/// The preset names, for --help and error messages.
std::vector<std::string> preset_names();

/// Sets the options preset `name` stands for, over what `options` holds.
/// "podcast": MP3, 44.1 kHz, 64 kbps CBR, -16 LUFS, chapters JSON and
/// transcript. The command line applies what the user typed afterwards, so
/// a preset only fills what the user did not say. Throws Error(Usage) for
/// other names, suggesting the nearest.
void apply_preset(RenderOptions& options, std::string_view name);

}  // namespace readaloud
