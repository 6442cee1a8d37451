#pragma once
// Encoding one stream as independent chunks on all threads: the stream is cut
// into stretches of whole codec frames, each chunk's encoder also sees some
// audio before its stretch (pre-roll) and after it (tail) so that its frames
// join those of its neighbours without a seam, and the results are stored in
// stream order.

#include <algorithm>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <exception>
#include <filesystem>
#include <functional>
#include <future>
#include <mutex>
#include <span>
#include <thread>
#include <utility>
#include <vector>

#include "audio/sink.hpp"
#include "util/error.hpp"

namespace readaloud {

/// Where chunks are cut, in samples.
struct ChunkLayout {
  std::int64_t chunk = 0;    ///< samples each chunk owns (a whole number of codec frames)
  std::int64_t preroll = 0;  ///< samples before its stretch that a chunk's encoder also sees
  std::int64_t tail = 0;     ///< samples after its stretch that it also sees
};

/// One chunk's work: `samples` start at stream index `first` and run to
/// `end + tail` (or the stream's end); the chunk owns [begin, end).
struct ChunkInput {
  std::vector<float> samples;
  std::int64_t first = 0;  ///< stream index of samples[0] (begin - preroll, or 0)
  std::int64_t begin = 0;  ///< stream index where the chunk's own stretch begins
  std::int64_t end = 0;    ///< where it ends: the stream's end for the last chunk
  bool last = false;       ///< the stream ends in this chunk (`samples` reach its end)
};

/// Cuts the samples written into chunks, encodes them with `encode` on
/// `threads` worker threads while the caller goes on writing (with 1, on the
/// calling thread), and hands each result to `store` in stream order, on the
/// calling thread. One more chunk than there are workers waits in line, so a
/// worker that finishes starts on the next chunk at once rather than waiting
/// for the caller to store its result and cut another. Memory stays bounded
/// by `threads` + 1 chunks. finish() always encodes a last chunk, empty when
/// the stream ended on a chunk boundary or had no samples, and waits for all.
template <typename Encoded>
class ChunkedEncoder {
 public:
  using Encode = std::function<Encoded(const ChunkInput&)>;
  using Store = std::function<void(Encoded&)>;

  ChunkedEncoder(ChunkLayout layout, int threads, Encode encode, Store store)
      : layout_(layout), threads_(std::max(1, threads)), encode_(std::move(encode)), store_(std::move(store)) {}

  void write(std::span<const float> samples) {
    input_.insert(input_.end(), samples.begin(), samples.end());
    total_ += static_cast<std::int64_t>(samples.size());
    while (static_cast<std::int64_t>(input_.size()) >= chunk_start_ + layout_.chunk + layout_.tail - input_start_)
      cut(false);
  }

  void finish() {
    cut(true);
    while (!pending_.empty()) store_oldest();
  }

  /// Waits for the chunks still being encoded (their results, and chunks
  /// not yet started, are dropped).
  ~ChunkedEncoder() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      stopping_ = true;
      queue_.clear();
    }
    ready_.notify_all();
    for (auto& worker : workers_) worker.join();
  }
  ChunkedEncoder(const ChunkedEncoder&) = delete;
  ChunkedEncoder& operator=(const ChunkedEncoder&) = delete;

  /// Samples written so far.
  std::int64_t total() const { return total_; }

 private:
  void cut(bool last) {
    ChunkInput c;
    c.first = input_start_;
    c.begin = chunk_start_;
    c.last = last;
    if (last) {
      c.end = total_;
      c.samples = std::move(input_);
      input_.clear();
    } else {
      c.end = chunk_start_ + layout_.chunk;
      const auto length = static_cast<std::ptrdiff_t>(c.end + layout_.tail - input_start_);
      c.samples.assign(input_.begin(), input_.begin() + length);
      // Keep the next chunk's pre-roll and everything after it.
      const std::int64_t next_first = std::max<std::int64_t>(0, c.end - layout_.preroll);
      input_.erase(input_.begin(), input_.begin() + static_cast<std::ptrdiff_t>(next_first - input_start_));
      input_start_ = next_first;
      chunk_start_ = c.end;
    }
    if (threads_ == 1) {
      Encoded e = encode_(c);
      store_(e);
      return;
    }
    // The producer keeps going while the chunks encode: reading, leveling and
    // cutting the next chunk overlap the encoders instead of waiting for them.
    while (static_cast<int>(pending_.size()) > threads_) store_oldest();
    Job job{std::move(c), {}};
    pending_.push_back(job.result.get_future());
    {
      std::lock_guard<std::mutex> lock(mutex_);
      queue_.push_back(std::move(job));
    }
    ready_.notify_one();
    if (workers_.empty())
      for (int t = 0; t < threads_; ++t) workers_.emplace_back([this] { work(); });
  }

  /// A worker: encodes queued chunks, oldest first, until the encoder is destroyed.
  void work() {
    for (;;) {
      Job job;
      {
        std::unique_lock<std::mutex> lock(mutex_);
        ready_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
        if (stopping_) return;
        job = std::move(queue_.front());
        queue_.pop_front();
      }
      try {
        job.result.set_value(encode_(job.input));
      } catch (...) {
        job.result.set_exception(std::current_exception());
      }
    }
  }

  void store_oldest() {
    std::future<Encoded> job = std::move(pending_.front());
    pending_.pop_front();
    Encoded e = job.get();  // rethrows the encoder's failure
    store_(e);
  }

  ChunkLayout layout_;
  int threads_;
  Encode encode_;
  Store store_;
  std::vector<float> input_;      // samples from input_start_ on
  std::int64_t input_start_ = 0;  // stream index of input_[0]: the next chunk's pre-roll
  std::int64_t chunk_start_ = 0;  // where the next chunk's own stretch begins
  std::int64_t total_ = 0;
  std::deque<std::future<Encoded>> pending_;  // oldest first: queued or being encoded

  struct Job {
    ChunkInput input;
    std::promise<Encoded> result;
  };
  std::mutex mutex_;  // guards queue_ and stopping_
  std::condition_variable ready_;
  std::deque<Job> queue_;  // chunks no worker has taken yet, oldest first
  bool stopping_ = false;
  std::vector<std::thread> workers_;  // started with the first chunk
};

/// The AudioSink side of every chunked encoder, written once: write() feeds
/// the chunks, finish() stores the last of them and then close()s the stream.
/// A derived writer holds only its codec: the `encode` function, store() and
/// close().
template <typename Encoded>
class ChunkedWriter : public AudioSink {
 public:
  void write(std::span<const float> samples) final {
    if (finished_) throw_runtime("write failed: writer already finished", Location{path_.string()});
    chunks_.write(samples);
  }

  void finish() final {
    if (finished_) return;
    finished_ = true;
    chunks_.finish();
    close();
  }

 protected:
  /// `encode` runs on other threads, and may still be running while the
  /// derived writer is destroyed (its results are then dropped): it must hold
  /// copies of what it needs, never the derived writer's members.
  ChunkedWriter(std::filesystem::path path, ChunkLayout layout, int threads,
                typename ChunkedEncoder<Encoded>::Encode encode)
      : path_(std::move(path)), chunks_(layout, threads, std::move(encode), [this](Encoded& e) { store(e); }) {}

  /// Takes one chunk's result, in stream order, on the writing thread.
  virtual void store(Encoded& encoded) = 0;
  /// Ends the stream after the last chunk is stored (trailers, headers
  /// patched with the totals, the file closed).
  virtual void close() = 0;

  /// Samples written so far.
  std::int64_t total() const { return chunks_.total(); }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
  ChunkedEncoder<Encoded> chunks_;
  bool finished_ = false;
};

}  // namespace readaloud
