#include "output/encoded_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

#include "util/error.hpp"

namespace readaloud {
namespace {

[[noreturn]] void fail(const std::filesystem::path& path, const std::string& message) {
  throw_runtime(message, Location{path.string()});
}

int create(const std::filesystem::path& path) {
  const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) fail(path, std::string("cannot create file: ") + std::strerror(errno));
  return fd;
}

}  // namespace

EncodedFile::EncodedFile(const std::filesystem::path& path) : path_(path), fd_(create(path)) {}

void EncodedFile::append(std::span<const std::uint8_t> bytes) {
  write_at(size_, bytes);
  size_ += static_cast<std::int64_t>(bytes.size());
  writeback_.written_to(fd_.get(), size_);
}

void EncodedFile::write_at(std::int64_t offset, std::span<const std::uint8_t> bytes) {
  if (fd_.get() < 0) fail(path_, "write failed: file already closed");
  if (!pwrite_all(fd_.get(), bytes.data(), bytes.size(), static_cast<off_t>(offset)))
    fail(path_, std::string("write failed: ") + std::strerror(errno));
}

void EncodedFile::close() {
  const int fd = fd_.release();
  if (fd < 0) return;
  if (::close(fd) != 0) fail(path_, std::string("write failed: ") + std::strerror(errno));
}

}  // namespace readaloud
