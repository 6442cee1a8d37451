#include "audio/threaded_sink.hpp"

#include "util/error.hpp"

namespace readaloud {

ThreadedSink::ThreadedSink(AudioSink& next, std::size_t max_blocks)
    : next_(next), max_blocks_(max_blocks == 0 ? 1 : max_blocks), worker_([this] { run(); }) {}

ThreadedSink::~ThreadedSink() { stop_worker(); }

void ThreadedSink::run() {
  std::vector<float> block;
  for (;;) {
    {
      std::unique_lock lock(mutex_);
      changed_.wait(lock, [this] { return !queue_.empty() || closing_; });
      if (queue_.empty() || failure_) return;
      block = std::move(queue_.front());
      queue_.pop_front();
    }
    changed_.notify_all();
    try {
      next_.write(block);
    } catch (...) {
      std::lock_guard lock(mutex_);
      failure_ = std::current_exception();
      queue_.clear();
      changed_.notify_all();
      return;
    }
    std::lock_guard lock(mutex_);
    block.clear();
    if (spare_.size() < max_blocks_) spare_.push_back(std::move(block));
    block = {};
  }
}

void ThreadedSink::rethrow_failure() {
  if (failure_) {
    std::exception_ptr failure = failure_;
    std::rethrow_exception(failure);
  }
}

void ThreadedSink::write(std::span<const float> samples) {
  if (samples.empty()) return;
  std::unique_lock lock(mutex_);
  if (finished_) throw_runtime("audio written after the stream was finished");
  changed_.wait(lock, [this] { return queue_.size() < max_blocks_ || failure_; });
  rethrow_failure();
  std::vector<float> block;
  if (!spare_.empty()) {
    block = std::move(spare_.back());
    spare_.pop_back();
  }
  block.assign(samples.begin(), samples.end());
  queue_.push_back(std::move(block));
  lock.unlock();
  changed_.notify_all();
}

void ThreadedSink::stop_worker() {
  {
    std::lock_guard lock(mutex_);
    closing_ = true;
  }
  changed_.notify_all();
  if (worker_.joinable()) worker_.join();
}

void ThreadedSink::finish() {
  if (finished_) return;
  stop_worker();  // drains the queue first
  finished_ = true;
  rethrow_failure();
  next_.finish();
}

}  // namespace readaloud
