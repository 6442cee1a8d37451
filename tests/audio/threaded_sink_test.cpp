#include "audio/threaded_sink.hpp"

#include <gtest/gtest.h>

#include <numeric>

#include "audio/vector_sink.hpp"
#include "util/error.hpp"

namespace readaloud {
namespace {

TEST(ThreadedSink, ForwardsEveryBlockInOrderThenFinishes) {
  VectorSink out;
  ThreadedSink threaded(out, 2);
  std::vector<float> expected;
  for (int block = 0; block < 100; ++block) {
    std::vector<float> samples(37 + block);
    std::iota(samples.begin(), samples.end(), static_cast<float>(expected.size()));
    expected.insert(expected.end(), samples.begin(), samples.end());
    threaded.write(samples);
  }
  threaded.finish();
  EXPECT_TRUE(out.finished);
  EXPECT_EQ(out.samples, expected);
}

class FailingSink final : public AudioSink {
 public:
  void write(std::span<const float>) override { throw Error(ErrorKind::Runtime, "disk full"); }
  void finish() override {}
};

TEST(ThreadedSink, AFailureDownstreamReachesTheWriter) {
  FailingSink failing;
  ThreadedSink threaded(failing, 1);
  std::vector<float> block(10, 0.5f);
  EXPECT_THROW(
      {
        for (int i = 0; i < 1000; ++i) threaded.write(block);
        threaded.finish();
      },
      Error);
}

TEST(ThreadedSink, DestroyedWithoutFinishDoesNotHang) {
  VectorSink out;
  {
    ThreadedSink threaded(out);
    std::vector<float> block(10, 0.5f);
    threaded.write(block);
  }
  EXPECT_FALSE(out.finished);
}

}  // namespace
}  // namespace readaloud
