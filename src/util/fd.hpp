#pragma once
// POSIX file descriptors: owned, and written in full.

#include <sys/types.h>

#include <cstddef>

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

/// Writes all `size` bytes at offset `at`. pwrite may write part of the
/// buffer (a file-size limit, a full disk); retrying makes the next call
/// report the reason. False, with errno set (ENOSPC when the system gave no
/// reason), when it cannot.
bool pwrite_all(int fd, const void* data, std::size_t size, off_t at);

}  // namespace readaloud
