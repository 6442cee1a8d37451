// Write failures surface as Error(Runtime) naming the file, never a crash or
// a silently truncated file.

#include <gtest/gtest.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <vector>

#include "output/audio_writer.hpp"
#include "output/tag_writer.hpp"
#include "output_test_support.hpp"
#include "util/error.hpp"

namespace readaloud {
namespace {

using test::ScratchDir;

TEST(WriteFailure, MissingFolderIsARuntimeErrorNamingTheFile) {
  ScratchDir dir;
  const auto path = dir.path / "gone" / ".x.mp3.AbC123";
  for (AudioFormat f : {AudioFormat::Mp3, AudioFormat::Wav, AudioFormat::Flac, AudioFormat::M4b}) {
    try {
      auto sink = open_audio_writer(path, EncodeOptions{f, f == AudioFormat::Opus ? 24000 : 22050, 64});
      ADD_FAILURE() << "no error for " << extension(f);
    } catch (const Error& e) {
      EXPECT_EQ(e.kind(), ErrorKind::Runtime) << e.what();
      EXPECT_EQ(e.where().file, path.string());
      EXPECT_NE(e.message().find("No such file or directory"), std::string::npos) << e.what();
    }
  }
}

// Runs `body` in a forked child with a 16 KiB file-size limit (SIGXFSZ
// ignored, as the CLI does), and returns what the child reported: "ok:
// <message>" when it caught the expected Error, anything else otherwise.
template <class Body>
std::string in_limited_child(Body body) {
  int fds[2];
  if (::pipe(fds) != 0) return "pipe failed";
  const pid_t pid = ::fork();
  if (pid == 0) {
    ::close(fds[0]);
    std::signal(SIGXFSZ, SIG_IGN);
    rlimit lim{16 * 1024, 16 * 1024};
    ::setrlimit(RLIMIT_FSIZE, &lim);
    std::string report;
    try {
      body();
      report = "no error";
    } catch (const Error& e) {
      report = (e.kind() == ErrorKind::Runtime ? "ok: " : "wrong kind: ") + std::string(e.what());
    } catch (const std::exception& e) {
      report = std::string("other exception: ") + e.what();
    }
    (void)!::write(fds[1], report.data(), report.size());
    ::_exit(0);
  }
  ::close(fds[1]);
  std::string report;
  char buf[512];
  ssize_t n;
  while ((n = ::read(fds[0], buf, sizeof buf)) > 0) report.append(buf, static_cast<std::size_t>(n));
  ::close(fds[0]);
  int status = 0;
  ::waitpid(pid, &status, 0);
  if (!WIFEXITED(status)) return "child crashed: " + report;
  return report;
}

class FileSizeLimit : public testing::TestWithParam<AudioFormat> {};

TEST_P(FileSizeLimit, EncoderReportsWriteFailedNamingTheFile) {
  ScratchDir dir;
  const AudioFormat f = GetParam();
  const int rate = f == AudioFormat::Opus ? 48000 : 22050;
  const auto path = dir.path / ".big.XyZ";
  const std::string report = in_limited_child([&] {
    // 20 s of noise-like tone: far beyond 16 KiB in every format.
    std::vector<float> block(4096);
    for (std::size_t i = 0; i < block.size(); ++i)
      block[i] = 0.4f * static_cast<float>(std::sin(0.37 * static_cast<double>(i * i % 9973)));
    auto sink = open_audio_writer(path, EncodeOptions{f, rate, 128});
    for (int i = 0; i < rate * 20 / 4096; ++i) sink->write(block);
    sink->finish();
  });
  EXPECT_EQ(report.rfind("ok: " + path.string() + ": write failed: ", 0), 0u) << report;
}

INSTANTIATE_TEST_SUITE_P(All, FileSizeLimit,
                         testing::Values(AudioFormat::Mp3, AudioFormat::Opus, AudioFormat::Ogg,
                                         AudioFormat::Flac, AudioFormat::Wav, AudioFormat::M4b),
                         [](const auto& info) { return std::string(extension(info.param)); });

TEST(WriteFailure, WavChunksBeyondTheLimitAreAWriteError) {
  ScratchDir dir;
  const auto path = dir.path / "a.wav";
  {
    auto sink = open_audio_writer(path, EncodeOptions{AudioFormat::Wav, 8000, 64});
    std::vector<float> silence(7000);  // 14 KB of PCM: just under the limit
    sink->write(silence);
    sink->finish();
  }
  Timeline t;
  t.sample_rate = 8000;
  t.total_samples = 7000;
  for (int i = 0; i < 60; ++i)
    t.chapters.push_back({"A chapter title long enough to pass the limit " + std::to_string(i), 1, false,
                          i * 100, i * 100 + 100});
  const std::string report = in_limited_child([&] { write_tags(path, AudioFormat::Wav, Metadata{}, t); });
  EXPECT_EQ(report.rfind("ok: " + path.string() + ": write failed: File too large", 0), 0u) << report;
}

// TagLib's own file stream ignores failed writes; ours must not.
class TagSizeLimit : public testing::TestWithParam<AudioFormat> {};

TEST_P(TagSizeLimit, TagWriterReportsWriteFailedNamingTheFile) {
  ScratchDir dir;
  const AudioFormat f = GetParam();
  const int rate = f == AudioFormat::Opus ? 48000 : 22050;
  const auto path = dir.path / ".tagged.XyZ";
  {
    auto sink = open_audio_writer(path, EncodeOptions{f, rate, 64});
    std::vector<float> silence(static_cast<std::size_t>(rate) / 4);
    sink->write(silence);
    sink->finish();
  }
  ASSERT_LT(std::filesystem::file_size(path), 12u * 1024);  // room below the limit
  Timeline t;
  t.sample_rate = rate;
  t.total_samples = rate / 4;
  for (int i = 0; i < 300; ++i)  // roughly 20 KB of chapter tags
    t.chapters.push_back({"A chapter title that is long enough " + std::to_string(i), 1, false, i * 10, i * 10 + 10});
  const std::string report = in_limited_child([&] { write_tags(path, f, Metadata{}, t); });
  EXPECT_EQ(report.rfind("ok: " + path.string() + ": write failed: File too large", 0), 0u) << report;
  // Nothing but the file itself is left (M4B re-muxes through a temporary).
  std::vector<std::string> left;
  for (const auto& e : std::filesystem::directory_iterator(dir.path)) left.push_back(e.path().filename());
  EXPECT_EQ(left, std::vector<std::string>{path.filename().string()});
}

INSTANTIATE_TEST_SUITE_P(All, TagSizeLimit,
                         testing::Values(AudioFormat::Mp3, AudioFormat::Opus, AudioFormat::Ogg,
                                         AudioFormat::Flac, AudioFormat::Wav, AudioFormat::M4b),
                         [](const auto& info) { return std::string(extension(info.param)); });

}  // namespace
}  // namespace readaloud
