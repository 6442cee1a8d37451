#pragma once
// Speech on its way to disk, metered as it goes.

#include "audio/block_meter.hpp"
#include "audio/sink.hpp"
#include "audio/spill.hpp"

namespace readaloud {

/// Writes a stream to a spill file and a loudness meter at once; finish() does nothing.
class MeteredSpill final : public AudioSink {
 public:
  MeteredSpill(SpillFile& spill, BlockMeter& meter) : spill_(spill), meter_(meter) {}
  void write(std::span<const float> samples) override {
    spill_.write(samples);
    meter_.write(samples);
  }
  void finish() override {}

 private:
  SpillFile& spill_;
  BlockMeter& meter_;
};

}  // namespace readaloud
