#pragma once
// Runs the rest of an audio chain on its own thread, so that (for example)
// synthesis and loudness metering, or limiting and encoding, use both cores.

#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

#include "audio/sink.hpp"

namespace readaloud {

/// Forwards blocks to `next` on a worker thread through a bounded queue
/// (memory stays constant whatever the length of the stream). An exception
/// thrown by `next` is rethrown to the writer by the following write() or by
/// finish(). finish() waits for the worker and then finishes `next`.
class ThreadedSink final : public AudioSink {
 public:
  explicit ThreadedSink(AudioSink& next, std::size_t max_blocks = 16);
  ~ThreadedSink() override;
  ThreadedSink(const ThreadedSink&) = delete;
  ThreadedSink& operator=(const ThreadedSink&) = delete;

  void write(std::span<const float> samples) override;
  void finish() override;

 private:
  void run();
  void stop_worker();
  void rethrow_failure();

  AudioSink& next_;
  std::size_t max_blocks_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<std::vector<float>> queue_;
  std::vector<std::vector<float>> spare_;
  bool closing_ = false;
  bool finished_ = false;
  std::exception_ptr failure_;
  std::thread worker_;
};

}  // namespace readaloud
