#include "util/atomic_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>

#include "util/error.hpp"

namespace readaloud {
namespace fs = std::filesystem;

namespace {

std::string errno_text() { return std::strerror(errno); }

}  // namespace

AtomicFile::AtomicFile(fs::path target) : target_(std::move(target)) {
  fs::path dir = target_.parent_path();
  if (dir.empty()) dir = ".";
  std::string pattern = (dir / ("." + target_.filename().string() + ".XXXXXX")).string();
  std::string buf = pattern;
  int fd = ::mkstemp(buf.data());
  if (fd < 0) throw_runtime("cannot create a temporary file: " + errno_text(), {dir.string()});
  ::fchmod(fd, 0644);
  ::close(fd);
  temp_ = buf;
  slot_ = register_temporary(temp_.string());
}

AtomicFile::~AtomicFile() { discard(); }

AtomicFile::AtomicFile(AtomicFile&& other) noexcept
    : target_(std::move(other.target_)), temp_(std::move(other.temp_)), slot_(other.slot_), done_(other.done_) {
  other.slot_ = -1;
  other.done_ = true;
}

AtomicFile& AtomicFile::operator=(AtomicFile&& other) noexcept {
  if (this != &other) {
    discard();
    target_ = std::move(other.target_);
    temp_ = std::move(other.temp_);
    slot_ = other.slot_;
    done_ = other.done_;
    other.slot_ = -1;
    other.done_ = true;
  }
  return *this;
}

void AtomicFile::commit() {
  if (done_) return;
  int fd = ::open(temp_.c_str(), O_RDONLY);
  if (fd >= 0) {
    ::fsync(fd);
    ::close(fd);
  }
  if (::rename(temp_.c_str(), target_.c_str()) != 0) {
    std::string why = errno_text();
    discard();
    throw_runtime("cannot move the finished file into place: " + why, {target_.string()});
  }
  unregister_temporary(slot_);
  slot_ = -1;
  done_ = true;
}

void AtomicFile::discard() noexcept {
  if (done_) return;
  done_ = true;
  ::unlink(temp_.c_str());
  unregister_temporary(slot_);
  slot_ = -1;
}

void write_text(const AtomicFile& file, const std::string& content) {
  std::ofstream out(file.temp_path(), std::ios::binary | std::ios::trunc);
  out.write(content.data(), static_cast<std::streamsize>(content.size()));
  out.flush();
  if (!out) throw_runtime("write failed (disk full or file too large?)", {file.target().string()});
}

void write_file_atomically(const fs::path& target, const std::string& content) {
  AtomicFile file(target);
  write_text(file, content);
  file.commit();
}

void ensure_output_dir(const fs::path& dir) {
  std::error_code ec;
  if (fs::exists(dir, ec)) {
    if (!fs::is_directory(dir, ec))
      throw_runtime("output folder is not a folder", {dir.string()});
    return;
  }
  fs::create_directories(dir, ec);
  if (ec) throw_runtime("cannot create output folder: " + ec.message(), {dir.string()});
}

}  // namespace readaloud
