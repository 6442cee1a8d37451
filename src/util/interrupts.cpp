#include "util/interrupts.hpp"

#include <dlfcn.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <csignal>
#include <cstring>

#include "util/error.hpp"

namespace readaloud {
namespace {

// Readable from a signal handler: fixed slots of fixed-size buffers, no allocation.
constexpr std::size_t kSlots = 256;
constexpr std::size_t kPathMax = 4096;
struct Slot {
  std::atomic<bool> used{false};
  char path[kPathMax]{};  // zeroed, so the whole state is constant-initialised in .bss: no start-up cost
};

}  // namespace

/// The process's signal flag and registry.
struct ProcessState {
  std::atomic<int> signal{0};
  std::array<Slot, kSlots> slots;
};

}  // namespace readaloud

// Exported by the executable (see CMakeLists.txt) so that the M4B module's
// copy of this file finds the one state of the process.
extern "C" __attribute__((visibility("default"))) readaloud::ProcessState* readaloud_process_state() {
  static readaloud::ProcessState state;
  return &state;
}

namespace readaloud {
namespace {

ProcessState& state() {
  static ProcessState* const shared = [] {
    using Fn = ProcessState* (*)();
    // The executable's, when it exports one (this copy may be the module's); else this copy's.
    if (auto fn = reinterpret_cast<Fn>(::dlsym(RTLD_DEFAULT, "readaloud_process_state"))) return fn();
    return readaloud_process_state();
  }();
  return *shared;
}

extern "C" void on_signal(int sig) {
  ProcessState& s = state();  // already initialised by install_signal_handlers()
  if (s.signal.exchange(sig) != 0) {
    for (auto& slot : s.slots)
      if (slot.used.load()) ::unlink(slot.path);
    ::_exit(128 + sig);
  }
}

}  // namespace

int register_temporary(const std::string& path) {
  if (path.size() >= kPathMax) return -1;
  auto& slots = state().slots;
  for (std::size_t i = 0; i < kSlots; ++i) {
    bool expected = false;
    if (!slots[i].used.load() && slots[i].used.compare_exchange_strong(expected, true)) {
      std::memcpy(slots[i].path, path.c_str(), path.size() + 1);
      return static_cast<int>(i);
    }
  }
  return -1;
}

void unregister_temporary(int slot) {
  if (slot >= 0 && static_cast<std::size_t>(slot) < kSlots) state().slots[static_cast<std::size_t>(slot)].used.store(false);
}

void install_signal_handlers() {
  (void)state();  // resolved now, not first inside the handler
  struct sigaction sa {};
  sa.sa_handler = on_signal;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = 0;
  ::sigaction(SIGINT, &sa, nullptr);
  ::sigaction(SIGTERM, &sa, nullptr);
  std::signal(SIGXFSZ, SIG_IGN);
}

int interrupted() { return state().signal.load(); }

void check_interrupted() {
  if (int sig = state().signal.load()) throw Error(ErrorKind::Interrupted, sig == SIGTERM ? "terminated" : "interrupted");
}

}  // namespace readaloud
