#include "render/batch.hpp"

#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <map>
#include <optional>

#include "util/atomic_file.hpp"
#include "util/error.hpp"
#include "util/fd.hpp"

namespace readaloud {
namespace {

// The batch runs on a pool of worker processes, each with its own eSpeak NG
// engine, started once and fed one input at a time, so the engine starts
// once per worker rather than once per input.
//
// Parent -> worker, one line per input: "<index>". Closing the pipe ends the worker.
// Worker -> parent, one message per line:
//   "%<fraction>"   progress of the current input
//   "P<path>"       a produced file
//   "E<code> <msg>" the current input failed
//   "D"             the current input is done (after its P or E lines)

void send(int fd, const std::string& line) {
  const std::string msg = line + "\n";
  (void)write_all(fd, msg.data(), msg.size());  // a closed pipe: the other side has gone, and says so itself
}

BatchItem render_here(std::size_t index, const std::string& input, const RenderOptions& options,
                      const Article* ingested, const std::function<void(double)>& progress) {
  BatchItem item{index, input, {}, 0, {}};
  const std::string shown = input.empty() ? std::string("bundled sample") : input;
  try {
    item.paths = render_input(input, options, progress, ingested);
  } catch (const Error& e) {
    if (e.kind() == ErrorKind::Interrupted) throw;
    item.exit_code = exit_code(e.kind());
    item.error = e.what();
  } catch (const std::bad_alloc&) {
    item.exit_code = exit_code(ErrorKind::Runtime);
    item.error = shown + ": out of memory";
  } catch (const std::exception& e) {
    // A library error that escaped its adapter: still this input's failure
    // alone, so the batch goes on.
    item.exit_code = exit_code(ErrorKind::Runtime);
    item.error = shown + ": " + e.what();
  }
  return item;
}

const Article* ingested(const BatchPlan& plan, std::size_t index) {
  return index < plan.articles.size() && plan.articles[index] ? &*plan.articles[index] : nullptr;
}

/// Reads one line from `fd` (blocking); nullopt at end of file.
std::optional<std::string> read_line(int fd) {
  std::string line;
  char c = 0;
  for (;;) {
    const ssize_t n = read_some(fd, &c, 1, [] { return interrupted() == 0; });
    if (n < 0 && errno == EINTR) return std::nullopt;  // interrupted
    if (n <= 0) return line.empty() ? std::nullopt : std::optional<std::string>(line);
    if (c == '\n') return line;
    line += c;
  }
}

[[noreturn]] void worker_main(int commands, int results, const std::vector<std::string>& inputs,
                              const std::function<RenderOptions(std::size_t)>& options_for, const BatchPlan& plan) {
  int code = 0;
  try {
    while (auto line = read_line(commands)) {
      check_interrupted();
      const std::size_t index = static_cast<std::size_t>(std::stoul(*line));
      // Whole percents only: the parent draws no finer, and each is a write.
      int sent = -1;
      BatchItem item = render_here(index, inputs[index], options_for(index), ingested(plan, index),
                                   [results, &sent](double f) {
        const int percent = static_cast<int>(f * 100.0);
        if (percent == sent) return;
        sent = percent;
        send(results, "%" + std::to_string(f));
      });
      for (const auto& p : item.paths) send(results, "P" + p.string());
      if (item.exit_code) send(results, "E" + std::to_string(item.exit_code) + " " + item.error);
      send(results, "D");
    }
    check_interrupted();
  } catch (const Error&) {
    code = 128 + (interrupted() ? interrupted() : SIGINT);
  } catch (...) {
    code = exit_code(ErrorKind::Runtime);
  }
  ::close(commands);
  ::close(results);
  std::fflush(nullptr);
  ::_exit(code);
}

struct Worker {
  pid_t pid = -1;
  int commands = -1;  ///< write end, to the worker
  int results = -1;   ///< read end, from the worker
  std::optional<std::size_t> current;  ///< the input it is rendering
  std::string buffer;
  int served = 0;  ///< inputs fed to it (see BatchPlan::fresh_process_each)
};

/// The worker processes of one batch and the parent's side of their pipes.
class Pool {
 public:
  Pool(const std::vector<std::string>& inputs, std::vector<BatchItem>& results, const BatchEvents& events,
       std::function<RenderOptions(std::size_t)> options_for, const BatchPlan& plan)
      : inputs_(inputs), results_(results), events_(events), options_for_(std::move(options_for)), plan_(plan) {}

  /// Starts `count` workers and runs until every input is done or, after a
  /// signal, every worker has exited.
  void run(std::size_t count) {
    std::fflush(nullptr);
    for (std::size_t i = 0; i < count; ++i) start_worker();
    for (auto& [fd, w] : workers_) feed(w);
    while (!workers_.empty()) {
      forward_signal();
      std::vector<pollfd> polls;
      for (auto& [fd, w] : workers_) polls.push_back(pollfd{fd, POLLIN, 0});
      if (::poll(polls.data(), polls.size(), 200) < 0 && errno != EINTR)
        throw_runtime(std::string("poll failed: ") + std::strerror(errno));
      for (const auto& p : polls)
        if (p.revents & (POLLIN | POLLHUP | POLLERR)) read_from(p.fd);
    }
  }

 private:
  void start_worker() {
    int to_worker[2], from_worker[2];
    if (::pipe(to_worker) != 0 || ::pipe(from_worker) != 0)
      throw_runtime(std::string("cannot start a worker: ") + std::strerror(errno));
    const pid_t pid = ::fork();
    if (pid < 0) throw_runtime(std::string("cannot start a worker: ") + std::strerror(errno));
    if (pid == 0) {
      // A parent killed outright (a scheduler's SIGKILL) takes its workers
      // along, so a restarted task never races one over the same files.
      ::prctl(PR_SET_PDEATHSIG, SIGKILL);
      ::close(to_worker[1]);
      ::close(from_worker[0]);
      for (auto& [fd, w] : workers_) {
        ::close(w.commands);
        ::close(w.results);
      }
      worker_main(to_worker[0], from_worker[1], inputs_, options_for_, plan_);
    }
    ::close(to_worker[0]);
    ::close(from_worker[1]);
    workers_.emplace(from_worker[0], Worker{pid, to_worker[1], from_worker[0], std::nullopt, {}});
  }

  void feed(Worker& w) {
    if (next_ < inputs_.size() && !interrupted() && !(plan_.fresh_process_each && w.served++)) {
      w.current = next_;
      send(w.commands, std::to_string(next_++));
    } else if (w.commands >= 0) {
      ::close(w.commands);  // no more work: the worker exits
      w.commands = -1;
    }
  }

  void finish_item(std::size_t index) {
    if (events_.finished && !interrupted()) events_.finished(results_[index]);
  }

  /// A signal to this process alone (SIGTERM from a service manager, say)
  /// must stop the workers too; each cleans up its own temporaries.
  void forward_signal() {
    if (int sig = interrupted(); sig && !forwarded_) {
      for (auto& [fd, w] : workers_) ::kill(w.pid, sig);
      forwarded_ = true;
    }
  }

  void read_from(int fd) {
    Worker& w = workers_.at(fd);
    char buf[4096];
    const ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) return;  // poll again
    if (n <= 0) return reap(fd);
    w.buffer.append(buf, static_cast<std::size_t>(n));
    std::size_t eol;
    while ((eol = w.buffer.find('\n')) != std::string::npos) {
      const std::string line = w.buffer.substr(0, eol);
      w.buffer.erase(0, eol + 1);
      if (!line.empty() && w.current) handle(w, line);
    }
  }

  /// One message from a worker (see the protocol above).
  void handle(Worker& w, const std::string& line) {
    BatchItem& item = results_[*w.current];
    switch (line[0]) {
      case '%':
        if (events_.progress) events_.progress(*w.current, std::atof(line.c_str() + 1));
        break;
      case 'P':
        item.paths.emplace_back(line.substr(1));
        break;
      case 'E': {
        const std::size_t space = line.find(' ');
        item.exit_code = std::atoi(line.substr(1, space - 1).c_str());
        item.error = space == std::string::npos ? "" : line.substr(space + 1);
        break;
      }
      case 'D':
        finish_item(*w.current);
        w.current.reset();
        feed(w);
        break;
    }
  }

  /// End of a worker's stream: it has exited. An input it was in the middle
  /// of fails; a worker that died with work left is replaced.
  void reap(int fd) {
    Worker& w = workers_.at(fd);
    int status = 0;
    wait_for(w.pid, &status);
    if (w.current) {
      BatchItem& item = results_[*w.current];
      item.exit_code = WIFEXITED(status) && WEXITSTATUS(status) ? WEXITSTATUS(status) : exit_code(ErrorKind::Runtime);
      if (item.error.empty())
        item.error = (item.input.empty() ? std::string("bundled sample") : item.input) +
                     (WIFSIGNALED(status) ? ": the worker crashed (signal " + std::to_string(WTERMSIG(status)) + ")"
                                          : ": the worker failed");
      finish_item(*w.current);
    }
    if (w.commands >= 0) ::close(w.commands);
    ::close(fd);
    workers_.erase(fd);
    if (next_ < inputs_.size() && !interrupted()) {
      start_worker();
      for (auto& [other_fd, fresh] : workers_)
        if (!fresh.current && fresh.commands >= 0) feed(fresh);
    }
  }

  const std::vector<std::string>& inputs_;
  std::vector<BatchItem>& results_;
  const BatchEvents& events_;
  std::function<RenderOptions(std::size_t)> options_for_;
  const BatchPlan& plan_;
  std::map<int, Worker> workers_;  // by result pipe fd
  std::size_t next_ = 0;
  bool forwarded_ = false;
};

}  // namespace

std::vector<BatchItem> render_batch(const std::vector<std::string>& inputs, const RenderOptions& options,
                                    int jobs, const BatchEvents& events, const BatchPlan& plan) {
  std::vector<BatchItem> results(inputs.size());
  const bool shared = jobs > 1 && inputs.size() > 1;
  const bool pooled = shared || (plan.fresh_process_each && !inputs.empty());
  auto options_for = [&options, &plan, shared, jobs](std::size_t i) {
    RenderOptions o = options;
    if (i < plan.slugs.size() && !plan.slugs[i].empty()) o.slug = plan.slugs[i];
    // --jobs is the number of cores to use: workers share them, one worker
    // per core; one render alone uses them all.
    o.threads = shared ? 1 : std::max(1, jobs);
    return o;
  };
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    results[i].index = i;
    results[i].input = inputs[i];
  }
  if (!pooled) {
    for (std::size_t i = 0; i < inputs.size(); ++i) {
      results[i] = render_here(i, inputs[i], options_for(i), ingested(plan, i),
                               [&](double f) { if (events.progress) events.progress(i, f); });
      if (events.finished) events.finished(results[i]);
    }
    return results;
  }
  Pool pool(inputs, results, events, options_for, plan);
  pool.run(std::min(inputs.size(), static_cast<std::size_t>(std::max(1, jobs))));
  check_interrupted();
  return results;
}

}  // namespace readaloud
