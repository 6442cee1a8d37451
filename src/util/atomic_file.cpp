#include "util/atomic_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <fstream>

#include "util/error.hpp"

namespace readaloud {
namespace fs = std::filesystem;

namespace {

// Registry of live temporaries, readable from a signal handler: fixed slots
// of fixed-size buffers, no allocation.
constexpr std::size_t kSlots = 256;
constexpr std::size_t kPathMax = 4096;
struct Slot {
  std::atomic<bool> used{false};
  char path[kPathMax];
};
std::array<Slot, kSlots> g_slots;
std::atomic<int> g_signal{0};

int register_temp(const std::string& path) {
  if (path.size() >= kPathMax) return -1;
  for (std::size_t i = 0; i < kSlots; ++i) {
    bool expected = false;
    if (!g_slots[i].used.load() && g_slots[i].used.compare_exchange_strong(expected, true)) {
      std::memcpy(g_slots[i].path, path.c_str(), path.size() + 1);
      return static_cast<int>(i);
    }
  }
  return -1;
}

void unregister_temp(int slot) {
  if (slot >= 0) g_slots[static_cast<std::size_t>(slot)].used.store(false);
}

extern "C" void on_signal(int sig) {
  int previous = g_signal.exchange(sig);
  if (previous != 0) {
    for (auto& s : g_slots)
      if (s.used.load()) ::unlink(s.path);
    ::_exit(128 + sig);
  }
}

std::string errno_text() { return std::strerror(errno); }

// Slot ids ride along with the temp path; kept in a side table keyed by
// object address would be fragile under moves, so we look it up by path.
int find_slot(const std::string& path) {
  for (std::size_t i = 0; i < kSlots; ++i)
    if (g_slots[i].used.load() && path == g_slots[i].path) return static_cast<int>(i);
  return -1;
}

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
  register_temp(temp_.string());
}

AtomicFile::~AtomicFile() { discard(); }

AtomicFile::AtomicFile(AtomicFile&& other) noexcept
    : target_(std::move(other.target_)), temp_(std::move(other.temp_)), done_(other.done_) {
  other.done_ = true;
}

AtomicFile& AtomicFile::operator=(AtomicFile&& other) noexcept {
  if (this != &other) {
    discard();
    target_ = std::move(other.target_);
    temp_ = std::move(other.temp_);
    done_ = other.done_;
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
  unregister_temp(find_slot(temp_.string()));
  done_ = true;
}

void AtomicFile::discard() noexcept {
  if (done_) return;
  done_ = true;
  std::string t = temp_.string();
  ::unlink(t.c_str());
  unregister_temp(find_slot(t));
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

void install_signal_handlers() {
  struct sigaction sa {};
  sa.sa_handler = on_signal;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = 0;
  ::sigaction(SIGINT, &sa, nullptr);
  ::sigaction(SIGTERM, &sa, nullptr);
  std::signal(SIGXFSZ, SIG_IGN);
}

int interrupted() { return g_signal.load(); }

void check_interrupted() {
  if (int sig = g_signal.load())
    throw Error(ErrorKind::Interrupted, sig == SIGTERM ? "terminated" : "interrupted");
}

}  // namespace readaloud
