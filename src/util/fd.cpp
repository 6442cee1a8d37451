#include "util/fd.hpp"

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>

namespace readaloud {

Fd::~Fd() {
  if (fd_ >= 0) ::close(fd_);
}

void Writeback::written_to(int fd, off_t end) {
  if (end - queued_ < kBytes) return;
  ::sync_file_range(fd, queued_, end - queued_, SYNC_FILE_RANGE_WRITE);  // a hint: failure is harmless
  queued_ = end;
}

namespace {

// Writes all `size` bytes through io(bytes, count, done), where `done` is
// what is already written, retrying after EINTR; a write of nothing is ENOSPC.
template <typename Io>
bool write_loop(const void* data, std::size_t size, Io io) {
  const char* bytes = static_cast<const char*>(data);
  std::size_t done = 0;
  while (done < size) {
    const ssize_t n = io(bytes + done, size - done, done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return false;
    if (n == 0) {
      errno = ENOSPC;
      return false;
    }
    done += static_cast<std::size_t>(n);
  }
  return true;
}

// Reads up to `size` bytes through io(bytes, count, done), retrying after
// EINTR, until the end of the file or an error; returns what it read.
template <typename Io>
std::size_t read_loop(void* data, std::size_t size, Io io) {
  char* bytes = static_cast<char*>(data);
  std::size_t got = 0;
  while (got < size) {
    const ssize_t n = io(bytes + got, size - got, got);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    got += static_cast<std::size_t>(n);
  }
  return got;
}

}  // namespace

bool pwrite_all(int fd, const void* data, std::size_t size, off_t at) {
  return write_loop(data, size, [&](const char* bytes, std::size_t count, std::size_t done) {
    return ::pwrite(fd, bytes, count, at + static_cast<off_t>(done));
  });
}

bool write_all(int fd, const void* data, std::size_t size) {
  return write_loop(data, size, [&](const char* bytes, std::size_t count, std::size_t) { return ::write(fd, bytes, count); });
}

std::size_t read_full(int fd, void* data, std::size_t size) {
  return read_loop(data, size, [&](char* bytes, std::size_t count, std::size_t) { return ::read(fd, bytes, count); });
}

bool read_whole_file(const std::string& path, std::string& out) {
  out.clear();
  int opened;
  do opened = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  while (opened < 0 && errno == EINTR);
  if (opened < 0) return false;
  const Fd fd(opened);
  constexpr std::size_t kBlock = 1 << 16;
  for (;;) {
    const std::size_t had = out.size();
    out.resize(had + kBlock);
    const ssize_t got = read_some(fd.get(), out.data() + had, kBlock);
    out.resize(had + static_cast<std::size_t>(std::max<ssize_t>(got, 0)));
    if (got < 0) return false;
    if (got == 0) return true;
  }
}

std::size_t pread_full(int fd, void* data, std::size_t size, off_t at) {
  return read_loop(data, size, [&](char* bytes, std::size_t count, std::size_t got) {
    return ::pread(fd, bytes, count, at + static_cast<off_t>(got));
  });
}

ssize_t read_some(int fd, void* data, std::size_t size, bool (*keep_waiting)()) {
  for (;;) {
    const ssize_t n = ::read(fd, data, size);
    if (n < 0 && errno == EINTR && (!keep_waiting || keep_waiting())) continue;
    return n;
  }
}

pid_t wait_for(pid_t pid, int* status, int options) {
  for (;;) {
    const pid_t r = ::waitpid(pid, status, options);
    if (r < 0 && errno == EINTR) continue;
    return r;
  }
}

}  // namespace readaloud
