#include "output/checked_stream.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <vector>

#include "util/error.hpp"
#include "util/fd.hpp"

namespace readaloud {
namespace {
constexpr long kChunk = 1 << 20;  // bytes moved at a time when shifting data
}

CheckedFileStream::CheckedFileStream(const std::filesystem::path& path) : path_(path.string()) {
  fd_ = ::open(path_.c_str(), O_RDWR | O_CLOEXEC);
  if (fd_ < 0)
    throw_runtime(std::string("cannot open file for tagging: ") + std::strerror(errno), Location{path_});
}

CheckedFileStream::~CheckedFileStream() {
  if (fd_ >= 0) ::close(fd_);
}

void CheckedFileStream::note_error(int err) {
  if (error_ == 0) error_ = err != 0 ? err : EIO;
}

void CheckedFileStream::throw_if_failed() {
  if (fd_ >= 0 && ::close(fd_) != 0) note_error(errno);
  fd_ = -1;
  if (error_ != 0)
    throw_runtime(std::string("write failed: ") + std::strerror(error_), Location{path_});
}

TagLib::FileName CheckedFileStream::name() const { return path_.c_str(); }

TagLib::ByteVector CheckedFileStream::readBlock(unsigned long length) {
  TagLib::ByteVector out(static_cast<unsigned>(length), '\0');
  const std::size_t got = pread_full(fd_, out.data(), length, pos_);
  out.resize(static_cast<unsigned>(got));
  pos_ += static_cast<long>(got);
  return out;
}

bool CheckedFileStream::write_at(const char* data, std::size_t size, long at) {
  if (pwrite_all(fd_, data, size, at)) return true;
  note_error(errno);
  return false;
}

void CheckedFileStream::writeBlock(const TagLib::ByteVector& data) {
  if (write_at(data.data(), data.size(), pos_)) pos_ += static_cast<long>(data.size());
}

void CheckedFileStream::insert(const TagLib::ByteVector& data, unsigned long start, unsigned long replace) {
  const long s = static_cast<long>(start);
  const long size = static_cast<long>(data.size());
  const long r = static_cast<long>(replace);
  if (size < r) {
    write_at(data.data(), data.size(), s);
    removeBlock(start + data.size(), replace - data.size());
  } else if (size > r) {
    // Grow: move the tail back by delta, last chunk first, so nothing is
    // overwritten before it has been copied.
    const long delta = size - r;
    const long tail = s + r;
    long end = length();
    std::vector<char> buf(static_cast<std::size_t>(kChunk));
    while (end > tail && error_ == 0) {
      const long from = std::max(tail, end - kChunk);
      const auto n = static_cast<std::size_t>(end - from);
      if (::pread(fd_, buf.data(), n, from) != static_cast<ssize_t>(n)) {
        note_error(errno);
        break;
      }
      if (!write_at(buf.data(), n, from + delta)) break;
      end = from;
    }
    write_at(data.data(), data.size(), s);
  } else {
    write_at(data.data(), data.size(), s);
  }
  pos_ = s + size;
}

void CheckedFileStream::removeBlock(unsigned long start, unsigned long length_) {
  if (length_ == 0) return;
  const long len = this->length();
  long read_at = static_cast<long>(start + length_);
  long write_to = static_cast<long>(start);
  std::vector<char> buf(static_cast<std::size_t>(kChunk));
  while (read_at < len && error_ == 0) {
    const auto n = static_cast<std::size_t>(std::min(kChunk, len - read_at));
    if (::pread(fd_, buf.data(), n, read_at) != static_cast<ssize_t>(n)) {
      note_error(errno);
      break;
    }
    if (!write_at(buf.data(), n, write_to)) break;
    read_at += static_cast<long>(n);
    write_to += static_cast<long>(n);
  }
  truncate(write_to);
}

void CheckedFileStream::seek(long offset, Position p) {
  if (p == Beginning) pos_ = offset;
  else if (p == Current) pos_ += offset;
  else pos_ = length() + offset;
  if (pos_ < 0) pos_ = 0;
}

long CheckedFileStream::length() {
  struct stat st{};
  if (::fstat(fd_, &st) != 0) return 0;
  return static_cast<long>(st.st_size);
}

void CheckedFileStream::truncate(long length) {
  if (::ftruncate(fd_, length) != 0) note_error(errno);
}

}  // namespace readaloud
