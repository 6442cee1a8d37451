#pragma once
// POSIX file descriptors: owned, and read and written in full. Every loop
// that retries a system call interrupted by a signal (EINTR) is here.

#include <sys/types.h>

#include <cstddef>
#include <string>

namespace readaloud {

/// An owned file descriptor, closed when destroyed (release() hands it back).
class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}
  ~Fd();
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  int get() const { return fd_; }
  int release() {
    const int fd = fd_;
    fd_ = -1;
    return fd;
  }

 private:
  int fd_;
};

/// Starts a file's new bytes on their way to disk a megabyte at a time while
/// it is still being written, so that a later fsync (the commit of an atomic
/// output) waits for the last megabyte only. A hint: failures are ignored.
class Writeback {
 public:
  /// Bytes before `from` (a header written last) are left to the fsync.
  explicit Writeback(off_t from = 0) : queued_(from) {}
  /// The file now holds data up to `end`.
  void written_to(int fd, off_t end);

 private:
  static constexpr off_t kBytes = 1 << 20;
  off_t queued_;  // bytes before this were handed to writeback
};

/// Writes all `size` bytes at offset `at`. pwrite may write part of the
/// buffer (a file-size limit, a full disk); retrying makes the next call
/// report the reason. False, with errno set (ENOSPC when the system gave no
/// reason), when it cannot.
bool pwrite_all(int fd, const void* data, std::size_t size, off_t at);

/// Writes all `size` bytes at the file position, as pwrite_all() does.
bool write_all(int fd, const void* data, std::size_t size);

/// Reads up to `size` bytes, stopping early only at the end of the file or
/// on an error (errno set, what was read still counted). Returns the bytes read.
std::size_t read_full(int fd, void* data, std::size_t size);

/// read_full() at offset `at`, leaving the file position alone.
std::size_t pread_full(int fd, void* data, std::size_t size, off_t at);

/// One read(), retried while a signal interrupts it and `keep_waiting`
/// (when given) says so: bytes read, 0 at the end, -1 with errno on error
/// (EINTR when `keep_waiting` said to stop).
ssize_t read_some(int fd, void* data, std::size_t size, bool (*keep_waiting)() = nullptr);

/// Reads the whole file at `path` into `out`. False, with errno set, when it
/// cannot be opened or read (a folder gives EISDIR); `out` then holds what was read.
bool read_whole_file(const std::string& path, std::string& out);

/// waitpid() for `pid`, retried after EINTR. Returns its result.
pid_t wait_for(pid_t pid, int* status, int options = 0);

}  // namespace readaloud
