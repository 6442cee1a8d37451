#pragma once
// The file an encoder writes: created empty, appended to in order, patched
// in place (headers whose totals are known only at the end), and closed with
// every write checked.

#include <cstdint>
#include <filesystem>
#include <span>

#include "util/fd.hpp"

namespace readaloud {

/// An output file written by one encoder. Every failure throws
/// Error(Runtime) naming the file: "cannot create file: <reason>" or
/// "write failed: <reason>".
class EncodedFile {
 public:
  /// Creates (or truncates) exactly `path`.
  explicit EncodedFile(const std::filesystem::path& path);

  /// Writes `bytes` after everything written so far.
  void append(std::span<const std::uint8_t> bytes);
  /// Overwrites bytes already written, from `offset` on.
  void write_at(std::int64_t offset, std::span<const std::uint8_t> bytes);
  /// Bytes appended so far.
  std::int64_t size() const { return size_; }
  /// Closes the file, reporting a failed close (a late write error on NFS).
  void close();

  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
  Fd fd_;
  std::int64_t size_ = 0;
  Writeback writeback_;  ///< each megabyte starts for the disk as it is appended
};

}  // namespace readaloud
