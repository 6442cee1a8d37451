#include "audio/spill.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "audio/vector_sink.hpp"
#include "test_signals.hpp"

namespace readaloud {
namespace {

// The spill keeps 16-bit PCM: samples come back rounded to 1/32768.
std::vector<float> as_pcm16(std::vector<float> x) {
  for (float& v : x) v = std::round(std::clamp(v * 32768.0f, -32768.0f, 32767.0f)) / 32768.0f;
  return x;
}

TEST(SpillFile, ReplaysWhatWasWritten) {
  const auto x = as_pcm16(testing::noise(1.0, 1'000'000));
  SpillFile spill;
  // Chunks of changing sizes, as segments arrive.
  std::size_t i = 0;
  for (std::size_t chunk = 1; i < x.size(); chunk = chunk * 3 % 40000 + 1) {
    const std::size_t n = std::min(chunk, x.size() - i);
    spill.write(std::span<const float>(x).subspan(i, n));
    i += n;
  }
  EXPECT_EQ(spill.size(), 1'000'000);
  VectorSink sink;
  spill.replay(sink, 4096);
  EXPECT_TRUE(sink.finished);
  EXPECT_EQ(sink.samples, x);
}

TEST(SpillFile, ReplaysTwiceAndAppendsAfterReplay) {
  SpillFile spill;
  spill.write(std::vector<float>{0.5f, -0.25f});
  VectorSink first;
  spill.replay(first);
  EXPECT_EQ(first.samples, (std::vector<float>{0.5f, -0.25f}));
  spill.write(std::vector<float>{0.125f});
  VectorSink second;
  spill.replay(second, 1);
  EXPECT_EQ(second.samples, (std::vector<float>{0.5f, -0.25f, 0.125f}));
  EXPECT_EQ(spill.size(), 3);
}

TEST(SpillFile, ClampsAndRoundsToSixteenBits) {
  SpillFile spill;
  spill.write(std::vector<float>{1.5f, -2.0f, 0.3f});
  VectorSink out;
  spill.replay(out);
  EXPECT_EQ(out.samples, (std::vector<float>{32767.0f / 32768.0f, -1.0f, std::round(0.3f * 32768.0f) / 32768.0f}));
}

TEST(SpillFile, EmptyReplayStillFinishes) {
  SpillFile spill;
  VectorSink sink;
  spill.replay(sink);
  EXPECT_TRUE(sink.finished);
  EXPECT_TRUE(sink.samples.empty());
}

TEST(SpillFile, SpillSinkAppends) {
  SpillFile spill;
  SpillSink sink(spill);
  sink.write(std::vector<float>{0.25f, -0.5f});
  sink.finish();
  VectorSink out;
  spill.replay(out);
  EXPECT_EQ(out.samples, (std::vector<float>{0.25f, -0.5f}));
}

TEST(SpillFile, HasNoNameWhileOpen) {
  // The file is unlinked as soon as it is made, so nothing can be left behind:
  // its descriptor points at a deleted file.
  SpillFile spill;
  spill.write(std::vector<float>(100, 0.5f));
  std::size_t spills = 0;
  for (const auto& e : std::filesystem::directory_iterator("/proc/self/fd")) {
    std::error_code ec;
    const std::string target = std::filesystem::read_symlink(e.path(), ec).string();
    if (target.find("readaloud-spill-") == std::string::npos) continue;
    ++spills;
    EXPECT_NE(target.find(" (deleted)"), std::string::npos) << target;
  }
  EXPECT_EQ(spills, 1u);
}

TEST(SpillFile, AdoptedFilesReplayAsOneProgramme) {
  // Three files, the last two taken over by the first: ranges across their
  // seams replay exactly, and writing afterwards is refused.
  std::vector<float> x(30000);
  for (std::size_t i = 0; i < x.size(); ++i) x[i] = static_cast<float>(static_cast<int>(i % 20000) - 10000) / 32768.0f;
  SpillFile first, second, third;
  first.write(std::span<const float>(x).first(10000));
  second.write(std::span<const float>(x).subspan(10000, 7000));
  third.write(std::span<const float>(x).subspan(17000));
  second.flush();
  third.flush();
  second.adopt(std::move(third), 13000);
  first.adopt(std::move(second), 7000);  // its own samples; what it took over comes along
  EXPECT_EQ(first.size(), 30000);
  VectorSink all, across;
  first.replay(all, 4096);
  EXPECT_EQ(all.samples, x);
  first.replay_range(across, 9000, 18000, 777);
  EXPECT_EQ(across.samples, std::vector<float>(x.begin() + 9000, x.begin() + 18000));
  EXPECT_THROW(first.write(x), Error);
}

}  // namespace
}  // namespace readaloud
