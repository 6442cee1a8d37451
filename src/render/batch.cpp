#include "render/batch.hpp"

#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <map>
#include <optional>

#include "util/atomic_file.hpp"
#include "util/error.hpp"

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
  std::string msg = line + "\n";
  const char* p = msg.data();
  std::size_t left = msg.size();
  while (left > 0) {
    ssize_t n = ::write(fd, p, left);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return;
    p += n;
    left -= static_cast<std::size_t>(n);
  }
}

BatchItem render_here(std::size_t index, const std::string& input, const RenderOptions& options,
                      const std::function<void(double)>& progress) {
  BatchItem item{index, input, {}, 0, {}};
  const std::string shown = input.empty() ? std::string("bundled sample") : input;
  try {
    item.paths = render_input(input, options, progress);
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

/// Reads one line from `fd` (blocking); nullopt at end of file.
std::optional<std::string> read_line(int fd) {
  std::string line;
  char c = 0;
  for (;;) {
    ssize_t n = ::read(fd, &c, 1);
    if (n < 0 && errno == EINTR) {
      if (interrupted()) return std::nullopt;
      continue;
    }
    if (n <= 0) return line.empty() ? std::nullopt : std::optional<std::string>(line);
    if (c == '\n') return line;
    line += c;
  }
}

[[noreturn]] void worker_main(int commands, int results, const std::vector<std::string>& inputs,
                              const std::function<RenderOptions(std::size_t)>& options_for) {
  int code = 0;
  try {
    while (auto line = read_line(commands)) {
      check_interrupted();
      const std::size_t index = static_cast<std::size_t>(std::stoul(*line));
      // Whole percents only: the parent draws no finer, and each is a write.
      int sent = -1;
      BatchItem item = render_here(index, inputs[index], options_for(index), [results, &sent](double f) {
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
};

}  // namespace

std::vector<BatchItem> render_batch(const std::vector<std::string>& inputs, const RenderOptions& options,
                                    int jobs, const BatchEvents& events, const std::vector<std::string>& slugs) {
  std::vector<BatchItem> results(inputs.size());
  const bool pooled = jobs > 1 && inputs.size() > 1;
  auto options_for = [&](std::size_t i) {
    RenderOptions o = options;
    if (i < slugs.size() && !slugs[i].empty()) o.slug = slugs[i];
    // --jobs is the number of cores to use: workers share them, one worker
    // per core; one render alone uses them all.
    o.threads = pooled ? 1 : std::max(1, jobs);
    return o;
  };
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    results[i].index = i;
    results[i].input = inputs[i];
  }
  if (!pooled) {
    for (std::size_t i = 0; i < inputs.size(); ++i) {
      results[i] = render_here(i, inputs[i], options_for(i), [&](double f) { if (events.progress) events.progress(i, f); });
      if (events.finished) events.finished(results[i]);
    }
    return results;
  }

  std::map<int, Worker> workers;  // by result pipe fd
  std::size_t next = 0;
  bool forwarded = false;
  std::fflush(nullptr);

  auto start_worker = [&]() {
    int to_worker[2], from_worker[2];
    if (::pipe(to_worker) != 0 || ::pipe(from_worker) != 0)
      throw_runtime(std::string("cannot start a worker: ") + std::strerror(errno));
    pid_t pid = ::fork();
    if (pid < 0) throw_runtime(std::string("cannot start a worker: ") + std::strerror(errno));
    if (pid == 0) {
      ::close(to_worker[1]);
      ::close(from_worker[0]);
      for (auto& [fd, w] : workers) {
        ::close(w.commands);
        ::close(w.results);
      }
      worker_main(to_worker[0], from_worker[1], inputs, options_for);
    }
    ::close(to_worker[0]);
    ::close(from_worker[1]);
    workers.emplace(from_worker[0], Worker{pid, to_worker[1], from_worker[0], std::nullopt, {}});
  };
  auto feed = [&](Worker& w) {
    if (next < inputs.size() && !interrupted()) {
      w.current = next;
      send(w.commands, std::to_string(next++));
    } else if (w.commands >= 0) {
      ::close(w.commands);  // no more work: the worker exits
      w.commands = -1;
    }
  };
  auto finish_item = [&](std::size_t index) {
    if (events.finished && !interrupted()) events.finished(results[index]);
  };

  const std::size_t pool = std::min(inputs.size(), static_cast<std::size_t>(jobs));
  for (std::size_t i = 0; i < pool; ++i) start_worker();
  for (auto& [fd, w] : workers) feed(w);

  while (!workers.empty()) {
    // A signal to this process alone (SIGTERM from a service manager, say)
    // must stop the workers too; each cleans up its own temporaries.
    if (int sig = interrupted(); sig && !forwarded) {
      for (auto& [fd, w] : workers) ::kill(w.pid, sig);
      forwarded = true;
    }
    std::vector<pollfd> polls;
    for (auto& [fd, w] : workers) polls.push_back(pollfd{fd, POLLIN, 0});
    if (::poll(polls.data(), polls.size(), 200) < 0 && errno != EINTR)
      throw_runtime(std::string("poll failed: ") + std::strerror(errno));

    for (const auto& p : polls) {
      if (!(p.revents & (POLLIN | POLLHUP | POLLERR))) continue;
      Worker& w = workers.at(p.fd);
      char buf[4096];
      ssize_t n = ::read(p.fd, buf, sizeof buf);
      if (n < 0 && errno == EINTR) continue;
      if (n > 0) {
        w.buffer.append(buf, static_cast<std::size_t>(n));
        std::size_t eol;
        while ((eol = w.buffer.find('\n')) != std::string::npos) {
          std::string line = w.buffer.substr(0, eol);
          w.buffer.erase(0, eol + 1);
          if (line.empty() || !w.current) continue;
          BatchItem& item = results[*w.current];
          switch (line[0]) {
            case '%':
              if (events.progress) events.progress(*w.current, std::atof(line.c_str() + 1));
              break;
            case 'P':
              item.paths.emplace_back(line.substr(1));
              break;
            case 'E': {
              std::size_t space = line.find(' ');
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
        continue;
      }
      // End of stream: the worker has exited.
      int status = 0;
      while (::waitpid(w.pid, &status, 0) < 0 && errno == EINTR) {
      }
      if (w.current) {  // it died in the middle of an input
        BatchItem& item = results[*w.current];
        item.exit_code = WIFEXITED(status) && WEXITSTATUS(status) ? WEXITSTATUS(status) : exit_code(ErrorKind::Runtime);
        if (item.error.empty())
          item.error = (item.input.empty() ? std::string("bundled sample") : item.input) +
                       (WIFSIGNALED(status) ? ": the worker crashed (signal " + std::to_string(WTERMSIG(status)) + ")"
                                            : ": the worker failed");
        finish_item(*w.current);
      }
      if (w.commands >= 0) ::close(w.commands);
      ::close(p.fd);
      workers.erase(p.fd);
      if (next < inputs.size() && !interrupted()) {  // replace a worker that died with work left
        start_worker();
        for (auto& [fd, fresh] : workers)
          if (!fresh.current && fresh.commands >= 0) feed(fresh);
      }
    }
  }
  check_interrupted();
  return results;
}

}  // namespace readaloud
