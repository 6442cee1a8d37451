#pragma once
// Progress on standard error, in a form that suits screen readers: one
// updating line on a terminal, plain lines otherwise, or nothing. Never on
// standard output.

#include <chrono>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace readaloud::cli {

enum class ProgressMode { Line, Plain, None };

/// "auto" (Line when standard error is a terminal, else Plain), "plain",
/// "none". Throws Error(Usage) for anything else.
ProgressMode parse_progress_mode(std::string_view mode);

class Progress {
 public:
  /// `names` are the inputs as shown to the user.
  Progress(ProgressMode mode, std::vector<std::string> names);
  ~Progress();
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;
  /// Input `index` is `fraction` (0..1) done.
  void update(std::size_t index, double fraction);
  /// Input `index` finished: produced `file`, or failed when `file` is empty.
  void done(std::size_t index, const std::string& file);
  /// Erases the updating line (before other text goes to standard error).
  void clear();

 private:
  void draw();

  ProgressMode mode_;
  std::vector<std::string> names_;
  std::vector<double> fractions_;
  std::size_t finished_ = 0;
  std::size_t current_ = 0;
  std::chrono::steady_clock::time_point started_;
  std::chrono::steady_clock::time_point last_draw_{};
  bool line_shown_ = false;
};

}  // namespace readaloud::cli
