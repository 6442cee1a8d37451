#include "render/batch.hpp"

#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <map>

#include "util/atomic_file.hpp"
#include "util/error.hpp"

namespace readaloud {
namespace {

// Worker -> parent protocol, one message per line:
//   "%<fraction>"   progress
//   "P<path>"       a produced file
//   "E<code> <msg>" the failure
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

[[noreturn]] void worker_main(int fd, const std::string& input, const RenderOptions& options) {
  int code = 0;
  try {
    BatchItem item = render_here(0, input, options, [fd](double f) { send(fd, "%" + std::to_string(f)); });
    for (const auto& p : item.paths) send(fd, "P" + p.string());
    if (item.exit_code) send(fd, "E" + std::to_string(item.exit_code) + " " + item.error);
    code = item.exit_code;
  } catch (const Error&) {
    code = 128 + (interrupted() ? interrupted() : SIGINT);
  } catch (...) {
    code = exit_code(ErrorKind::Runtime);
  }
  ::close(fd);
  std::fflush(nullptr);
  ::_exit(code);
}

struct Worker {
  std::size_t index;
  pid_t pid;
  int fd;
  std::string buffer;
};

}  // namespace

std::vector<BatchItem> render_batch(const std::vector<std::string>& inputs, const RenderOptions& options,
                                    int jobs, const BatchEvents& events, const std::vector<std::string>& slugs) {
  std::vector<BatchItem> results(inputs.size());
  auto options_for = [&](std::size_t i) {
    RenderOptions o = options;
    if (i < slugs.size() && !slugs[i].empty()) o.slug = slugs[i];
    return o;
  };
  if (jobs <= 1 || inputs.size() <= 1) {
    for (std::size_t i = 0; i < inputs.size(); ++i) {
      results[i] = render_here(i, inputs[i], options_for(i), [&](double f) { if (events.progress) events.progress(i, f); });
      if (events.finished) events.finished(results[i]);
    }
    return results;
  }

  std::map<int, Worker> running;  // by pipe fd
  bool forwarded = false;
  std::size_t next = 0;
  std::fflush(nullptr);
  while (next < inputs.size() || !running.empty()) {
    while (next < inputs.size() && running.size() < static_cast<std::size_t>(jobs) && !interrupted()) {
      int fds[2];
      if (::pipe(fds) != 0) throw_runtime(std::string("cannot start a worker: ") + std::strerror(errno));
      pid_t pid = ::fork();
      if (pid < 0) throw_runtime(std::string("cannot start a worker: ") + std::strerror(errno));
      if (pid == 0) {
        ::close(fds[0]);
        for (auto& [fd, w] : running) ::close(fd);
        worker_main(fds[1], inputs[next], options_for(next));
      }
      ::close(fds[1]);
      results[next].index = next;
      results[next].input = inputs[next];
      running.emplace(fds[0], Worker{next, pid, fds[0], {}});
      ++next;
    }
    if (running.empty()) break;

    // A signal to this process alone (SIGTERM from a service manager, say)
    // must stop the workers too; each cleans up its own temporaries.
    if (int sig = interrupted(); sig && !forwarded) {
      for (auto& [fd, w] : running) ::kill(w.pid, sig);
      forwarded = true;
    }

    std::vector<pollfd> polls;
    for (auto& [fd, w] : running) polls.push_back(pollfd{fd, POLLIN, 0});
    if (::poll(polls.data(), polls.size(), 200) < 0 && errno != EINTR)
      throw_runtime(std::string("poll failed: ") + std::strerror(errno));

    for (const auto& p : polls) {
      if (!(p.revents & (POLLIN | POLLHUP | POLLERR))) continue;
      Worker& w = running.at(p.fd);
      char buf[4096];
      ssize_t n = ::read(p.fd, buf, sizeof buf);
      if (n < 0 && errno == EINTR) continue;
      if (n > 0) {
        w.buffer.append(buf, static_cast<std::size_t>(n));
        std::size_t eol;
        while ((eol = w.buffer.find('\n')) != std::string::npos) {
          std::string line = w.buffer.substr(0, eol);
          w.buffer.erase(0, eol + 1);
          if (line.empty()) continue;
          BatchItem& item = results[w.index];
          if (line[0] == '%' && events.progress) events.progress(w.index, std::atof(line.c_str() + 1));
          if (line[0] == 'P') item.paths.emplace_back(line.substr(1));
          if (line[0] == 'E') {
            std::size_t space = line.find(' ');
            item.exit_code = std::atoi(line.substr(1, space - 1).c_str());
            item.error = space == std::string::npos ? "" : line.substr(space + 1);
          }
        }
        continue;
      }
      // End of stream: the worker is done.
      int status = 0;
      while (::waitpid(w.pid, &status, 0) < 0 && errno == EINTR) {
      }
      BatchItem& item = results[w.index];
      if (item.exit_code == 0 && !(WIFEXITED(status) && WEXITSTATUS(status) == 0)) {
        item.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : exit_code(ErrorKind::Runtime);
        if (item.error.empty())
          item.error = (item.input.empty() ? std::string("bundled sample") : item.input) +
                       (WIFSIGNALED(status) ? ": the worker crashed (signal " + std::to_string(WTERMSIG(status)) + ")"
                                            : ": the worker failed");
      }
      ::close(p.fd);
      running.erase(p.fd);
      if (events.finished && !interrupted()) events.finished(item);
    }
  }
  check_interrupted();
  return results;
}

}  // namespace readaloud
