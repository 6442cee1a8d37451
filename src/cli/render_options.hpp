#pragma once
// The options of `render` and `inspect` as typed, and how they become
// RenderOptions. Every default lives in RenderOptions (render/render.hpp);
// --help shows them from there.

#include <CLI/CLI.hpp>
#include <optional>
#include <string>
#include <vector>

#include "render/render.hpp"

namespace readaloud::cli {

/// Option values as typed. An unset optional means the user did not say:
/// the preset, then RenderOptions' default, decides.
struct RawOptions {
  std::vector<std::string> inputs;
  std::optional<std::string> output_dir;
  std::optional<std::string> format;
  std::string from;
  std::string encoding;
  std::vector<std::string> rules;
  std::vector<std::string> lexicons;
  std::string voice;
  std::optional<std::string> lang;
  std::optional<int> rate;
  std::optional<std::string> verbosity;
  std::optional<std::string> warnings;
  bool describe_images = false;
  std::optional<int> bitrate;
  std::optional<int> sample_rate;
  std::optional<std::string> loudness;
  std::optional<std::string> sidecars;
  bool split_chapters = false;
  std::string preset;
  std::string title, author, album, date, cover;
  std::string identifier, publisher;  // talking books
  std::string progress = "auto";
  bool quiet = false;
  int jobs = 0;
  std::string shard, shard_count;  // --shard, --shard-count ("" = not given)
  bool json = false;
};

/// Registers the options `render` and `inspect` share (reading and narration).
void add_narration_options(CLI::App& cmd, RawOptions& raw);

/// Registers the options only `render` has (output, audio, tags, jobs).
void add_render_options(CLI::App& cmd, RawOptions& raw);

/// RenderOptions from what was typed: the defaults, then the preset, then
/// every option the user gave. Throws Error(Usage) naming a bad value.
RenderOptions to_options(const RawOptions& raw);

}  // namespace readaloud::cli
