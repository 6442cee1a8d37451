#include "audio/resampler.hpp"

#include <soxr.h>

#include <algorithm>
#include <string>

#include "util/error.hpp"

namespace readaloud {

void Resampler::Deleter::operator()(soxr* s) const { soxr_delete(s); }

Resampler::Resampler(AudioSink& next, int in_rate, int out_rate)
    : next_(next), in_rate_(in_rate), out_rate_(out_rate) {
  if (in_rate <= 0 || out_rate <= 0) throw_usage("resampler: sample rates must be positive");
  if (in_rate == out_rate) return;
  soxr_error_t error = nullptr;
  const soxr_io_spec_t io = soxr_io_spec(SOXR_FLOAT32_I, SOXR_FLOAT32_I);
  const soxr_quality_spec_t quality = soxr_quality_spec(SOXR_HQ, 0);
  soxr_.reset(soxr_create(in_rate, out_rate, 1, &error, &io, &quality, nullptr));
  if (error != nullptr || !soxr_)
    throw_runtime(std::string("resampler: cannot convert ") + std::to_string(in_rate) + " Hz to " +
                  std::to_string(out_rate) + " Hz: " + soxr_strerror(error));
}

Resampler::~Resampler() = default;

void Resampler::forward(std::span<const float> produced) {
  if (produced.empty()) return;
  next_.write(produced);
  emitted_ += static_cast<std::int64_t>(produced.size());
}

void Resampler::write(std::span<const float> samples) {
  if (finished_) throw_runtime("audio written after the stream was finished");
  received_ += static_cast<std::int64_t>(samples.size());
  if (!soxr_) {
    forward(samples);
    return;
  }
  const std::size_t capacity =
      samples.size() * static_cast<std::size_t>(out_rate_) / static_cast<std::size_t>(in_rate_) + 256;
  buffer_.resize(capacity);
  std::size_t offset = 0;
  // soxr may consume only part of the input when the output buffer fills up.
  while (offset < samples.size()) {
    std::size_t used = 0;
    std::size_t made = 0;
    soxr_error_t error = soxr_process(soxr_.get(), samples.data() + offset, samples.size() - offset, &used,
                                      buffer_.data(), buffer_.size(), &made);
    if (error != nullptr) throw_runtime(std::string("resampler: ") + error);
    forward(std::span<const float>(buffer_.data(), made));
    offset += used;
    if (used == 0 && made == 0) break;  // cannot happen with a non-empty buffer; avoid spinning
  }
}

void Resampler::finish() {
  if (finished_) return;
  finished_ = true;
  // round(n * out / in) in integers: n stays far below 2^63 / (2 * out).
  const std::int64_t target = (received_ * 2 * out_rate_ + in_rate_) / (2 * static_cast<std::int64_t>(in_rate_));
  if (soxr_) {
    buffer_.resize(4096);
    for (;;) {
      std::size_t made = 0;
      soxr_error_t error = soxr_process(soxr_.get(), nullptr, 0, nullptr, buffer_.data(), buffer_.size(), &made);
      if (error != nullptr) throw_runtime(std::string("resampler: ") + error);
      if (made == 0) break;
      // soxr's tail may run a sample or two past the exact length.
      const std::int64_t room = std::max<std::int64_t>(0, target - emitted_);
      forward(std::span<const float>(buffer_.data(), static_cast<std::size_t>(std::min<std::int64_t>(room, static_cast<std::int64_t>(made)))));
    }
    if (emitted_ < target) {
      std::vector<float> pad(static_cast<std::size_t>(target - emitted_), 0.0f);
      forward(pad);
    }
  }
  next_.finish();
}

}  // namespace readaloud
