#pragma once
// The audio container/codec choices readaloud can write, and how each is
// encoded.

#include <optional>
#include <string_view>

namespace readaloud {

enum class AudioFormat { Mp3, Opus, Ogg, Flac, Wav, M4b };

/// "mp3", "opus", "ogg", "flac", "wav", "m4b" (case-insensitive); nullopt otherwise.
std::optional<AudioFormat> parse_audio_format(std::string_view name);

/// File extension without the dot: "mp3", "opus", "ogg", "flac", "wav", "m4b".
const char* extension(AudioFormat format);

/// How to encode. Lossless formats ignore bitrate_kbps.
struct EncodeOptions {
  AudioFormat format = AudioFormat::Mp3;
  int sample_rate = 22050;   // Hz
  int bitrate_kbps = 64;     // MP3 (CBR), Opus, M4B (AAC)
  int threads = 2;           // encoder threads (chunks encoded at once) for MP3, M4B, Opus, Ogg, FLAC
  double chunk_seconds = 10.0;  // length of each independently encoded chunk
};

}  // namespace readaloud
