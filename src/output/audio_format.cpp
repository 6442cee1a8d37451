#include "output/audio_format.hpp"

#include <array>
#include <string>

#include "util/text.hpp"

namespace readaloud {
namespace {

struct Entry {
  AudioFormat format;
  const char* name;
};
constexpr std::array<Entry, 6> kFormats{{{AudioFormat::Mp3, "mp3"},
                                         {AudioFormat::Opus, "opus"},
                                         {AudioFormat::Ogg, "ogg"},
                                         {AudioFormat::Flac, "flac"},
                                         {AudioFormat::Wav, "wav"},
                                         {AudioFormat::M4b, "m4b"}}};

}  // namespace

std::optional<AudioFormat> parse_audio_format(std::string_view name) {
  const std::string lower = ascii_lower(name);
  for (const auto& e : kFormats)
    if (lower == e.name) return e.format;
  return std::nullopt;
}

const char* extension(AudioFormat format) {
  for (const auto& e : kFormats)
    if (e.format == format) return e.name;
  return "bin";
}

}  // namespace readaloud
