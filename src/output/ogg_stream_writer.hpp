#pragma once
// One logical Ogg stream (libogg's paging) written to an EncodedFile: header
// packets each on pages of their own, then audio packets with their granule
// positions, the last one marked end-of-stream.

#include <ogg/ogg.h>

#include <cstdint>
#include <span>

#include "output/encoded_file.hpp"

namespace readaloud {

/// Pages packets into `file` as one logical stream with serial number
/// `serial` (fixed, so that the same audio gives the same file).
class OggStreamWriter {
 public:
  OggStreamWriter(EncodedFile& file, std::uint32_t serial);
  ~OggStreamWriter();
  OggStreamWriter(const OggStreamWriter&) = delete;
  OggStreamWriter& operator=(const OggStreamWriter&) = delete;

  /// A header packet (granule 0); the first one begins the stream. With
  /// `end_page`, the page closes after it, as Opus and Vorbis require before
  /// the first audio packet.
  void header(std::span<const std::uint8_t> packet, bool end_page);
  /// An audio packet whose decoding completes stream sample `granule`; `last`
  /// ends the stream.
  void audio(std::span<const std::uint8_t> packet, std::int64_t granule, bool last);
  /// Writes the pages still held (after the last packet).
  void finish();

 private:
  void packet_in(std::span<const std::uint8_t> packet, std::int64_t granule, bool last);
  void write_pages(bool flush);

  EncodedFile& file_;
  ogg_stream_state state_{};
  std::int64_t packetno_ = 0;
};

}  // namespace readaloud
