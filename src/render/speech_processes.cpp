#include "render/speech_processes.hpp"

#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <algorithm>
#include <cstring>
#include <string>
#include <string_view>

#include "render/programme.hpp"
#include "util/atomic_file.hpp"
#include "util/error.hpp"
#include "util/fd.hpp"

namespace readaloud {
namespace {

// Below this much text per process, another process costs more than it saves:
// the fork, copying the child's samples back, and an engine that is fast on
// short text.
constexpr std::size_t kMinCharactersPerProcess = 1250;

// The child's report, in native byte order (parent and child are one
// program): 'O' then the timeline, or 'E' then an error.
class Encoder {
 public:
  void byte(char c) { data_.push_back(c); }
  void integer(std::int64_t v) { raw(&v, sizeof v); }
  void real(double v) { raw(&v, sizeof v); }
  void text(const std::string& s) {
    integer(static_cast<std::int64_t>(s.size()));
    data_ += s;
  }
  const std::string& data() const { return data_; }

 private:
  void raw(const void* p, std::size_t n) { data_.append(static_cast<const char*>(p), n); }
  std::string data_;
};

class Decoder {
 public:
  explicit Decoder(std::string_view data) : data_(data) {}
  char byte() {
    char c = 0;
    raw(&c, 1);
    return c;
  }
  std::int64_t integer() {
    std::int64_t v = 0;
    raw(&v, sizeof v);
    return v;
  }
  double real() {
    double v = 0.0;
    raw(&v, sizeof v);
    return v;
  }
  std::string text() {
    const auto n = integer();
    if (n < 0) broken();
    need(static_cast<std::size_t>(n));
    std::string s(data_.substr(at_, static_cast<std::size_t>(n)));
    at_ += static_cast<std::size_t>(n);
    return s;
  }

 private:
  [[noreturn]] static void broken() { throw_runtime("a speech process sent a garbled report"); }
  void need(std::size_t n) const {
    if (data_.size() - at_ < n) broken();
  }
  void raw(void* p, std::size_t n) {
    need(n);
    std::memcpy(p, data_.data() + at_, n);
    at_ += n;
  }
  std::string_view data_;
  std::size_t at_ = 0;
};

void write_all(int fd, const std::string& data) {
  (void)readaloud::write_all(fd, data.data(), data.size());  // a failure shows as a short report to the parent
}

[[noreturn]] void child_main(int out, const Script& script, ScriptPosition from, ScriptPosition to,
                             const VoiceProfile& profile, Synthesizer& synth, SpillFile& tail) {
  Encoder report;
  int code = 0;
  auto failed = [&report](ErrorKind kind, const std::string& message, const std::string& file) {
    report = Encoder();
    report.byte('E');
    report.integer(static_cast<std::int64_t>(kind));
    report.text(message);
    report.text(file);
    return 1;
  };
  try {
    SpillSink sink(tail);
    const Timeline t = speak_range(script, from, to, profile, synth, sink);
    tail.flush();
    report.byte('O');
    report.integer(t.total_samples);
    report.integer(static_cast<std::int64_t>(t.chapters.size()));
    for (const auto& c : t.chapters) {
      report.text(c.title);
      report.integer(c.level);
      report.integer(c.warning ? 1 : 0);
      report.integer(c.start_sample);
    }
    report.integer(static_cast<std::int64_t>(t.cues.size()));
    for (const auto& c : t.cues) {
      report.integer(c.start_sample);
      report.text(c.text);
    }
  } catch (const Error& e) {
    code = failed(e.kind(), e.message(), e.where().file);
  } catch (const std::exception& e) {
    code = failed(ErrorKind::Runtime, e.what(), "");
  } catch (...) {  // nothing may unwind into the parent's frames, which this copy shares
    code = failed(ErrorKind::Runtime, "a speech process failed", "");
  }
  write_all(out, report.data());
  ::close(out);
  ::_exit(code);  // no destructors, no atexit: they belong to the parent
}

}  // namespace

std::vector<ScriptPosition> speech_cuts(const Script& script, int processes) {
  // Speech time follows the text; warnings are spoken about a quarter slower.
  auto weight = [](const Segment& segment) {
    const std::size_t n = segment.text.size();
    return static_cast<long long>(segment.role == Role::Warning ? n + n / 4 : n);
  };
  // Every place a part could start (before any segment but the first), with
  // the speech before it.
  struct Boundary {
    ScriptPosition at;
    long long before;
  };
  std::vector<Boundary> boundaries;
  long long total = 0;
  for (std::size_t c = 0; c < script.chapters.size(); ++c)
    for (std::size_t s = 0; s < script.chapters[c].segments.size(); ++s) {
      if (total > 0) boundaries.push_back({{c, s}, total});
      total += weight(script.chapters[c].segments[s]);
    }
  const long long parts = std::clamp<long long>(total / kMinCharactersPerProcess, 1, std::max(1, processes));
  std::vector<ScriptPosition> cuts;
  // Cut k at the boundary nearest k/parts of the speech, each after the last.
  std::size_t next = 0;
  for (long long k = 1; k < parts && next < boundaries.size(); ++k) {
    const long long mark = total * k / parts;
    std::size_t pick = next;
    while (pick + 1 < boundaries.size() && boundaries[pick + 1].before <= mark) ++pick;
    if (pick + 1 < boundaries.size() && boundaries[pick + 1].before - mark < std::abs(mark - boundaries[pick].before))
      ++pick;
    cuts.push_back(boundaries[pick].at);
    next = pick + 1;
  }
  return cuts;
}

SpeechProcess::SpeechProcess(const Script& script, ScriptPosition from, ScriptPosition to,
                             const VoiceProfile& profile, Synthesizer& synth, SpillFile& tail) {
  int fds[2];
  if (::pipe(fds) != 0) throw_runtime(std::string("cannot start a speech process: ") + std::strerror(errno));
  std::fflush(nullptr);
  pid_ = ::fork();
  if (pid_ < 0) {
    const int saved = errno;
    ::close(fds[0]);
    ::close(fds[1]);
    throw_runtime(std::string("cannot start a speech process: ") + std::strerror(saved));
  }
  if (pid_ == 0) {
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);  // never outlive a parent killed outright
    ::close(fds[0]);
    child_main(fds[1], script, from, to, profile, synth, tail);
  }
  ::close(fds[1]);
  results_ = fds[0];
}

SpeechProcess::~SpeechProcess() {
  if (results_ >= 0) ::close(results_);
  if (pid_ > 0) {
    ::kill(pid_, SIGKILL);
    wait_for(pid_, nullptr);
  }
}

Timeline SpeechProcess::join() {
  std::string data;
  char buffer[1 << 16];
  for (;;) {
    // Wait in short steps: a signal may be taken by another thread of this
    // process (eSpeak NG's own), which would not interrupt a blocking read.
    check_interrupted();
    pollfd ready{results_, POLLIN, 0};
    if (::poll(&ready, 1, 50) <= 0) continue;
    const ssize_t n = read_some(results_, buffer, sizeof buffer);
    if (n <= 0) break;
    data.append(buffer, static_cast<std::size_t>(n));
  }
  ::close(results_);
  results_ = -1;
  int status = 0;
  wait_for(pid_, &status);
  pid_ = -1;
  check_interrupted();
  if (data.empty()) {
    throw_runtime("a speech process died" +
                  (WIFSIGNALED(status) ? std::string(" (signal ") + std::to_string(WTERMSIG(status)) + ")" : ""));
  }

  Decoder in(data);
  if (in.byte() == 'E') {
    const auto kind = static_cast<ErrorKind>(in.integer());
    std::string message = in.text();
    std::string file = in.text();
    throw Error(kind, std::move(message), Location{std::move(file)});
  }
  Timeline t;
  t.sample_rate = 0;
  t.total_samples = in.integer();
  const auto chapters = in.integer();
  for (std::int64_t i = 0; i < chapters; ++i) {
    TimedChapter c;
    c.title = in.text();
    c.level = static_cast<int>(in.integer());
    c.warning = in.integer() != 0;
    c.start_sample = in.integer();
    t.chapters.push_back(std::move(c));
  }
  const auto cues = in.integer();
  for (std::int64_t i = 0; i < cues; ++i) {
    Cue c;
    c.start_sample = in.integer();
    c.text = in.text();
    t.cues.push_back(std::move(c));
  }
  return t;
}

}  // namespace readaloud
