#pragma once
// Outputs are written to a temporary file in the target folder and renamed
// into place only when complete, so a failure or an interrupt never leaves a
// partial file and never destroys an older output of the same name.

#include <filesystem>
#include <string>

#include "util/interrupts.hpp"  // interrupted(), check_interrupted(): most writers need both

namespace readaloud {

/// A file being written under a temporary name beside its target.
/// The destructor removes the temporary unless commit() succeeded.
/// Move-only. The temporary is registered so that a second interrupt can
/// still remove it from the signal handler.
class AtomicFile {
 public:
  /// Creates the temporary ("<dir>/.<name>.XXXXXX"). Throws Error
  /// (Runtime) naming the folder when it cannot be created.
  explicit AtomicFile(std::filesystem::path target);
  ~AtomicFile();
  AtomicFile(AtomicFile&& other) noexcept;
  AtomicFile& operator=(AtomicFile&& other) noexcept;
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  /// Where to write now.
  const std::filesystem::path& temp_path() const { return temp_; }
  /// Where the file lands on commit().
  const std::filesystem::path& target() const { return target_; }

  /// Flushes the temporary to disk and renames it onto the target.
  /// Throws Error (Runtime) naming the target on failure.
  void commit();
  /// Removes the temporary now (idempotent).
  void discard() noexcept;

 private:
  std::filesystem::path target_;
  std::filesystem::path temp_;
  int slot_ = -1;  ///< in the registry of temporaries (util/interrupts.hpp)
  bool done_ = false;
};

/// Writes `content` to the file's temporary. Throws Error(Runtime) naming the
/// target when the write fails (disk full, file-size limit).
void write_text(const AtomicFile& file, const std::string& content);

/// Writes a whole text file atomically.
void write_file_atomically(const std::filesystem::path& target, const std::string& content);

/// Makes sure `dir` exists and is a folder (creating it and its parents).
/// Throws Error (Runtime) with a clear message when it is a file or cannot be made.
void ensure_output_dir(const std::filesystem::path& dir);

}  // namespace readaloud
