#pragma once
// Rendering many inputs with worker processes. eSpeak NG's state is
// process-global, so parallel synthesis means one process per job.

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "render/render.hpp"

namespace readaloud {

struct BatchItem {
  std::size_t index = 0;                      ///< position in the input list
  std::string input;                          ///< as given ("" = the bundled sample)
  std::vector<std::filesystem::path> paths;   ///< produced files, audio first
  int exit_code = 0;                          ///< 0, or the failure's exit code
  std::string error;                          ///< the one-line error message, when it failed
};

struct BatchEvents {
  std::function<void(std::size_t index, double fraction)> progress;  ///< input `index` is this far along
  std::function<void(const BatchItem& item)> finished;                ///< one input is done (ok or failed)
};

/// Renders every input with up to `jobs` worker processes (jobs <= 1 or a
/// single input: in this process). One failing input does not stop the
/// others. Returns the results in input order. When a signal arrives it is
/// passed on to the workers; once they have cleaned up, throws
/// Error(Interrupted).
/// `slugs[i]`, when given and not empty, names input i's outputs (see plan_batch).
std::vector<BatchItem> render_batch(const std::vector<std::string>& inputs, const RenderOptions& options,
                                    int jobs, const BatchEvents& events = {},
                                    const std::vector<std::string>& slugs = {});

}  // namespace readaloud
