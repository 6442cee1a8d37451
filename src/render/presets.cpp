#include "render/presets.hpp"

#include "render/render.hpp"
#include "util/error.hpp"
#include "util/suggest.hpp"

namespace readaloud {

std::vector<std::string> preset_names() { return {"podcast"}; }

void apply_preset(RenderOptions& options, std::string_view name) {
  if (name != "podcast")
    throw_usage("unknown preset '" + std::string(name) + "'" + did_you_mean(name, preset_names(), 3) +
                " (the only preset is podcast)");
  options.format = AudioFormat::Mp3;
  options.sample_rate = 44100;
  options.bitrate_kbps = 64;
  options.loudness_lufs = -16.0;
  options.sidecars = {Sidecar::ChaptersJson, Sidecar::Txt};
}

}  // namespace readaloud
