#include "util/fd.hpp"

#include <unistd.h>

#include <cerrno>

namespace readaloud {

Fd::~Fd() {
  if (fd_ >= 0) ::close(fd_);
}

bool pwrite_all(int fd, const void* data, std::size_t size, off_t at) {
  const char* bytes = static_cast<const char*>(data);
  while (size > 0) {
    const ssize_t n = ::pwrite(fd, bytes, size, at);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return false;
    if (n == 0) {
      errno = ENOSPC;
      return false;
    }
    bytes += n;
    size -= static_cast<std::size_t>(n);
    at += n;
  }
  return true;
}

}  // namespace readaloud
