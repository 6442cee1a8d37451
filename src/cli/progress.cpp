#include "cli/progress.hpp"

#include <unistd.h>

#include <iostream>
#include <numeric>

#include "util/error.hpp"

namespace readaloud::cli {

ProgressMode parse_progress_mode(std::string_view mode) {
  if (mode == "auto") return ::isatty(STDERR_FILENO) ? ProgressMode::Line : ProgressMode::Plain;
  if (mode == "plain") return ProgressMode::Plain;
  if (mode == "none") return ProgressMode::None;
  throw_usage("unknown progress mode '" + std::string(mode) + "' (use auto, plain or none)");
}

Progress::Progress(ProgressMode mode, std::vector<std::string> names)
    : mode_(mode), names_(std::move(names)), fractions_(names_.size(), 0.0),
      started_(std::chrono::steady_clock::now()) {}

Progress::~Progress() { clear(); }

void Progress::update(std::size_t index, double fraction) {
  if (index >= fractions_.size()) return;
  fractions_[index] = fraction;
  current_ = index;
  if (mode_ != ProgressMode::Line) return;
  auto now = std::chrono::steady_clock::now();
  // A screen reader re-reads a changed line: redraw a few times a second at most.
  if (now - last_draw_ < std::chrono::milliseconds(250)) return;
  last_draw_ = now;
  draw();
}

void Progress::draw() {
  // The article being worked on and how far it is; with several inputs, how
  // many are done and the time left for the whole batch.
  const double fraction = fractions_[current_];
  double total = std::accumulate(fractions_.begin(), fractions_.end(), 0.0) / static_cast<double>(fractions_.size());
  double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
  std::string line = names_[current_] + " " + std::to_string(static_cast<int>(fraction * 100.0)) + "%";
  if (total > 0.05 && total < 1.0)
    line += ", " + std::to_string(static_cast<int>(elapsed * (1.0 - total) / total + 0.5)) + " s left";
  if (names_.size() > 1) line = std::to_string(finished_) + "/" + std::to_string(names_.size()) + " done, " + line;
  std::cerr << "\r\033[K" << line << std::flush;
  line_shown_ = true;
}

void Progress::done(std::size_t index, const std::string& file) {
  if (index < fractions_.size()) fractions_[index] = 1.0;
  ++finished_;
  clear();
  if (mode_ == ProgressMode::Plain && !file.empty())
    std::cerr << finished_ << "/" << names_.size() << " rendered: " << file << "\n";
}

void Progress::clear() {
  if (line_shown_) std::cerr << "\r\033[K" << std::flush;
  line_shown_ = false;
}

}  // namespace readaloud::cli
