#include "cli/render_options.hpp"

#include <gtest/gtest.h>

#include "util/error.hpp"

namespace readaloud::cli {
namespace {

/// Parses `args` (after "render") as the render subcommand does.
RenderOptions parse(std::vector<std::string> args, std::string* help = nullptr) {
  CLI::App app{"test"};
  RawOptions raw;
  add_render_options(app, raw);
  add_narration_options(app, raw);
  app.allow_extras(false);
  std::vector<const char*> argv{"render"};
  for (const auto& a : args) argv.push_back(a.c_str());
  app.parse(static_cast<int>(argv.size()), const_cast<char**>(argv.data()));
  if (help) *help = app.help();
  return to_options(raw);
}

ErrorKind error_of(std::vector<std::string> args) {
  try {
    parse(std::move(args));
  } catch (const Error& e) {
    return e.kind();
  }
  return ErrorKind::Runtime;  // no error: not what the callers expect
}

TEST(RenderOptionsCli, NothingSaidGivesRenderOptionsDefaults) {
  const RenderOptions o = parse({});
  const RenderOptions defaults;
  EXPECT_EQ(o.format, defaults.format);
  EXPECT_EQ(o.bitrate_kbps, defaults.bitrate_kbps);
  EXPECT_EQ(o.sample_rate, defaults.sample_rate);
  EXPECT_EQ(o.loudness_lufs, defaults.loudness_lufs);
  EXPECT_EQ(o.sidecars, defaults.sidecars);
  EXPECT_EQ(o.output_dir, defaults.output_dir);
  EXPECT_EQ(o.narration.verbosity, defaults.narration.verbosity);
  EXPECT_EQ(o.warnings, defaults.warnings);
  EXPECT_FALSE(o.rate_wpm.has_value());
  EXPECT_FALSE(o.language.has_value());
}

TEST(RenderOptionsCli, HelpShowsTheDefaultsOfRenderOptions) {
  std::string help;
  parse({}, &help);
  const RenderOptions defaults;
  EXPECT_NE(help.find("(default: " + std::to_string(defaults.bitrate_kbps) + ", constant)"), std::string::npos);
  EXPECT_NE(help.find("(default: " + std::string(extension(defaults.format)) + ")"), std::string::npos);
  EXPECT_NE(help.find("(default: -16)"), std::string::npos);
  EXPECT_NE(help.find("(default: chapters.json,txt)"), std::string::npos);
  EXPECT_NE(help.find("(default: output)"), std::string::npos);
}

TEST(RenderOptionsCli, PresetFillsOnlyWhatTheUserDidNotSay) {
  const RenderOptions podcast = parse({"--preset", "podcast"});
  EXPECT_EQ(podcast.format, AudioFormat::Mp3);
  EXPECT_EQ(podcast.sample_rate, 44100);
  EXPECT_EQ(podcast.bitrate_kbps, 64);
  EXPECT_EQ(podcast.loudness_lufs, -16.0);

  const RenderOptions mine = parse({"--preset", "podcast", "--bitrate", "96", "--loudness", "-19",
                                    "--sample-rate", "48000", "--format", "opus", "--sidecars", "srt"});
  EXPECT_EQ(mine.bitrate_kbps, 96);
  EXPECT_EQ(mine.loudness_lufs, -19.0);
  EXPECT_EQ(mine.sample_rate, 48000);
  EXPECT_EQ(mine.format, AudioFormat::Opus);
  EXPECT_EQ(mine.sidecars, (std::vector<Sidecar>{Sidecar::Srt}));

  const RenderOptions off = parse({"--preset", "podcast", "--loudness", "off"});
  EXPECT_FALSE(off.loudness_lufs.has_value());
}

TEST(RenderOptionsCli, AnUnknownPresetIsAUsageErrorWithASuggestion) {
  try {
    parse({"--preset", "podcats"});
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::Usage);
    EXPECT_NE(std::string(e.what()).find("did you mean 'podcast'"), std::string::npos) << e.what();
  }
}

TEST(RenderOptionsCli, BadValuesAreUsageErrors) {
  EXPECT_EQ(error_of({"--bitrate", "4"}), ErrorKind::Usage);
  EXPECT_EQ(error_of({"--sample-rate", "100"}), ErrorKind::Usage);
  EXPECT_EQ(error_of({"--loudness", "-3"}), ErrorKind::Usage);
  EXPECT_EQ(error_of({"--loudness", "-16x"}), ErrorKind::Usage);
  EXPECT_EQ(error_of({"--format", "aiff"}), ErrorKind::Usage);
  EXPECT_EQ(error_of({"--verbosity", "loud"}), ErrorKind::Usage);
  EXPECT_EQ(error_of({"--from", "docx"}), ErrorKind::Usage);
  EXPECT_EQ(error_of({"--format", "epub", "--split-chapters"}), ErrorKind::Usage);
}

TEST(RenderOptionsCli, NarrationAndTagOptionsArrive) {
  const RenderOptions o = parse({"--lang", "es", "--rate", "200", "--verbosity", "full", "--describe-images",
                                 "--title", "T", "--author", "A", "--split-chapters", "-o", "out", "--format", "flac"});
  EXPECT_EQ(o.language, "es");
  EXPECT_EQ(o.rate_wpm, 200);
  EXPECT_EQ(o.narration.verbosity, Verbosity::Full);
  EXPECT_TRUE(o.narration.describe_images);
  EXPECT_EQ(o.metadata.title, "T");
  EXPECT_EQ(o.metadata.author, "A");
  EXPECT_TRUE(o.split_chapters);
  EXPECT_EQ(o.output_dir, "out");
  EXPECT_EQ(o.format, AudioFormat::Flac);
}

}  // namespace
}  // namespace readaloud::cli
