#pragma once
// ITU-R BS.1770-4 integrated loudness of a mono stream, written from the
// standard, that keeps its 400 ms gating-block energies so that parts of one
// programme metered separately (other threads, other processes) can be gated
// together.

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "audio/sink.hpp"

namespace readaloud {

/// One second-order IIR section with a0 = 1:
/// y[n] = b0 x[n] + b1 x[n-1] + b2 x[n-2] - a1 y[n-1] - a2 y[n-2].
struct Biquad {
  double b0, b1, b2, a1, a2;
};

/// BS.1770-4's K-weighting at `sample_rate`: {pre-filter (high shelf), RLB high-pass}.
/// The analog prototypes (shelf f0 1681.97 Hz, +4.00 dB, Q 0.70718; high-pass f0 38.135 Hz,
/// Q 0.50033) are recovered from the 48 kHz coefficients printed in the standard and mapped to
/// `sample_rate` by the bilinear transform pre-warped at f0, so at 48 kHz the result is the printed
/// table. As printed (and as libebur128 does), the high-pass numerator stays 1, -2, 1 at every rate.
/// Throws Error(Usage) unless 8000 <= sample_rate <= 192000.
std::array<Biquad, 2> k_weighting(int sample_rate);

/// Mean-square K-weighted energies of the 400 ms gating blocks (75 % overlap, a block every
/// 100 ms) of a stream.
///
/// Combining parts: the integrated loudness of a programme metered in consecutive parts A then B
/// (each by its own BlockMeter, in any thread or process) is gated_lufs() of A.blocks() followed
/// by B.blocks(). A's blocks are exactly the first blocks one meter over the whole would make.
/// B's filters start at rest and its blocks lie on a grid starting at the seam, so the
/// concatenation lacks the blocks that straddle the seam: 3 when the seam is a multiple of
/// hop_samples() into the programme (B's blocks are then the whole's, to about 1e-4 in the first),
/// otherwise 4, and B's blocks cut the audio at other places. Gating magnifies this on short,
/// uneven material: on 20 s of speech the result moved by up to 0.09 LU (seam on the grid) or
/// 0.24 LU (anywhere), about as much as shifting the whole programme's grid does; on 5 minutes,
/// by 0.004 / 0.015 LU. Where B's meter can be given the audio just before the seam,
/// lead_in_to() removes the difference.
class BlockMeter final : public AudioSink {
 public:
  /// Throws Error(Usage) unless 8000 <= sample_rate <= 192000.
  explicit BlockMeter(int sample_rate);
  /// Mono float samples, full scale +-1, in any block sizes.
  void write(std::span<const float> samples) override;
  /// Nothing to flush: a partial trailing block is not a block.
  void finish() override {}
  /// One mean square per complete block, in order (the first ends 400 ms into the stream).
  const std::vector<double>& blocks() const { return blocks_; }
  /// gated_lufs(blocks()).
  double integrated_lufs() const;
  /// Samples per 100 ms hop (sample_rate / 10, rounded); a block is 4 hops.
  int hop_samples() const { return hop_; }

  /// Optional, before the first write(): makes this the meter of a part that starts `seam` samples
  /// into a programme, and says that the stream it will be given starts lead_in_samples(seam)
  /// samples earlier. That lead-in warms the filters and puts the hops on the programme's 100 ms
  /// grid, and no block that ends in it is kept, so the blocks of the part before the seam followed
  /// by these are the blocks of one meter over the whole (to 1e-8 or better).
  /// Throws Error(Usage) after a write() or for a negative seam.
  void lead_in_to(std::int64_t seam);
  /// Samples of lead-in before a part that starts `seam` samples into the programme: 4 hops plus
  /// the seam's offset into its hop, or all of the programme before a seam that early.
  /// Throws Error(Usage) for a negative seam.
  std::size_t lead_in_samples(std::int64_t seam) const;

 private:
  void end_hop();

  Biquad shelf_;
  Biquad highpass_;
  // Filter state (direct form I): the last two inputs and the outputs of each stage.
  double x1_ = 0.0, x2_ = 0.0;
  double s1_ = 0.0, s2_ = 0.0;
  double k1_ = 0.0, k2_ = 0.0;

  int hop_;
  bool started_ = false;  // write() has been called
  int hops_to_drop_ = 0;  // hops of lead-in still to come: blocks ending with them are not kept
  int in_hop_ = 0;        // samples summed into hop_sum_
  double hop_sum_ = 0.0;  // sum of squared K-weighted samples of the current hop
  std::array<double, 3> previous_hops_{};  // sums of the last three complete hops, oldest first
  int complete_hops_ = 0;                   // saturates at 3
  std::vector<double> blocks_;
};

/// BS.1770-4 gated loudness of gating-block mean squares: absolute gate -70 LUFS, then relative
/// gate 10 LU below the loudness of the blocks above it. -infinity when no block passes.
double gated_lufs(std::span<const double> blocks);

}  // namespace readaloud
