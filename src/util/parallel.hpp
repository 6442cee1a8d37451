#pragma once
// Running the parts of one job on threads.

#include <exception>
#include <future>
#include <vector>

namespace readaloud {

/// Calls work(0) .. work(parts - 1), part 0 on this thread and each other on a
/// thread of its own, and waits for all of them. Then rethrows the first
/// failure in part order, if any.
template <typename Work>
void run_parts(int parts, const Work& work) {
  std::vector<std::future<void>> others;
  for (int p = 1; p < parts; ++p) others.push_back(std::async(std::launch::async, [&work, p] { work(p); }));
  std::exception_ptr failure;
  try {
    if (parts > 0) work(0);
  } catch (...) {
    failure = std::current_exception();
  }
  for (auto& other : others) {
    try {
      other.get();
    } catch (...) {
      if (!failure) failure = std::current_exception();
    }
  }
  if (failure) std::rethrow_exception(failure);
}

}  // namespace readaloud
