#include "output/ogg_stream_writer.hpp"

#include "util/error.hpp"

namespace readaloud {

OggStreamWriter::OggStreamWriter(EncodedFile& file, std::uint32_t serial) : file_(file) {
  if (ogg_stream_init(&state_, static_cast<int>(serial)) != 0) throw_runtime("Ogg: out of memory");
}

OggStreamWriter::~OggStreamWriter() { ogg_stream_clear(&state_); }

void OggStreamWriter::header(std::span<const std::uint8_t> packet, bool end_page) {
  packet_in(packet, 0, false);
  if (end_page) write_pages(true);
}

void OggStreamWriter::audio(std::span<const std::uint8_t> packet, std::int64_t granule, bool last) {
  packet_in(packet, granule, last);
  write_pages(last);
}

void OggStreamWriter::finish() { write_pages(true); }

void OggStreamWriter::packet_in(std::span<const std::uint8_t> packet, std::int64_t granule, bool last) {
  ogg_packet p{};
  // libogg copies the packet; it never writes through this pointer.
  p.packet = const_cast<unsigned char*>(packet.data());
  p.bytes = static_cast<long>(packet.size());
  p.b_o_s = packetno_ == 0 ? 1 : 0;
  p.e_o_s = last ? 1 : 0;
  p.granulepos = granule;
  p.packetno = packetno_++;
  if (ogg_stream_packetin(&state_, &p) != 0) throw_runtime("Ogg: out of memory");
}

void OggStreamWriter::write_pages(bool flush) {
  ogg_page page;
  while (flush ? ogg_stream_flush(&state_, &page) : ogg_stream_pageout(&state_, &page)) {
    file_.append(std::span<const std::uint8_t>(page.header, static_cast<std::size_t>(page.header_len)));
    file_.append(std::span<const std::uint8_t>(page.body, static_cast<std::size_t>(page.body_len)));
  }
}

}  // namespace readaloud
