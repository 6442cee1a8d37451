// Loads the FFmpeg-based M4B module on first use. Linking FFmpeg into the
// executable would make every run pay for loading ~130 shared libraries
// (about 25-50 ms at start-up) even though only M4B output needs them.
#include <dlfcn.h>
#include <unistd.h>

#include <array>
#include <mutex>

#include "output/m4b_writer.hpp"
#include "util/error.hpp"

namespace readaloud {
namespace {

using OpenFn = AudioSink* (*)(const std::filesystem::path&, const EncodeOptions&);
using TagFn = void (*)(const std::filesystem::path&, const Metadata&, const Timeline&);

struct Module {
  OpenFn open = nullptr;
  TagFn tag = nullptr;
};

std::filesystem::path executable_dir() {
  std::array<char, 4096> buf{};
  ssize_t n = ::readlink("/proc/self/exe", buf.data(), buf.size() - 1);
  if (n <= 0) return {};
  return std::filesystem::path(std::string(buf.data(), static_cast<std::size_t>(n))).parent_path();
}

const Module& module() {
  static Module loaded;
  static std::once_flag once;
  static std::string failure;
  std::call_once(once, [] {
    constexpr const char* kName = "libreadaloud_m4b.so";
    const std::filesystem::path here = executable_dir();
    // Beside the executable (installed or build/), one folder up (test
    // executables live in build/tests/), then the build folder it was made in.
    const std::filesystem::path candidates[] = {here / kName, here.parent_path() / kName,
                                                std::filesystem::path(READALOUD_MODULE_DIR) / kName};
    void* handle = nullptr;
    for (const auto& candidate : candidates) {
      handle = ::dlopen(candidate.c_str(), RTLD_NOW | RTLD_LOCAL);
      if (handle) break;
      const char* why = ::dlerror();
      if (failure.empty() && why) failure = why;
    }
    if (!handle) return;
    loaded.open = reinterpret_cast<OpenFn>(::dlsym(handle, "readaloud_m4b_open_writer"));
    loaded.tag = reinterpret_cast<TagFn>(::dlsym(handle, "readaloud_m4b_write_tags"));
    if (!loaded.open || !loaded.tag) failure = "the M4B module lacks its entry points";
  });
  if (!loaded.open || !loaded.tag)
    throw_runtime("M4B output is unavailable: cannot load libreadaloud_m4b.so (" + failure + ")");
  return loaded;
}

}  // namespace

std::unique_ptr<AudioSink> open_m4b_writer(const std::filesystem::path& path, const EncodeOptions& options) {
  return std::unique_ptr<AudioSink>(module().open(path, options));
}

void write_m4b_tags(const std::filesystem::path& path, const Metadata& meta, const Timeline& timeline) {
  module().tag(path, meta, timeline);
}

}  // namespace readaloud
