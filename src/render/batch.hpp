#pragma once
// Rendering many inputs with worker processes. eSpeak NG's state is
// process-global, so parallel synthesis means one process per job.

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "render/render.hpp"

namespace readaloud {

/// What a batch knows before any work: each input ingested once (so its
/// title can name its files) and the names its outputs get.
struct BatchPlan {
  BatchPlan() = default;
  /// Names only (callers that name outputs themselves, such as publish): not explicit, on purpose.
  BatchPlan(std::vector<std::string> names) : slugs(std::move(names)) {}  // NOLINT(google-explicit-constructor)
  std::vector<std::string> slugs;             ///< per input; "" = named by its render (see plan_batch)
  std::vector<std::optional<Article>> articles;  ///< per input; nullopt = the render reads it itself
  /// Render every input in a worker process of its own, even with one job:
  /// eSpeak NG's timing shifts slightly with what its process spoke before,
  /// so this makes each input's audio the same however the inputs are
  /// grouped (publish, whose shards must match a one-process run).
  bool fresh_process_each = false;
};

/// What a batch can check before any work: the output folder is not a file
/// (Error Runtime) and the cover is a usable image (Error Input). With two
/// inputs or more, ingests each once and names its outputs from its title,
/// unique within the batch ("title", "title-2", ...; see unique_names); an
/// input that cannot be read or parsed, or standard input, is left to its
/// render (which reports why, in order with the others).
BatchPlan plan_batch(const std::vector<std::string>& inputs, const RenderOptions& options);

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
/// `plan`, when given, names the outputs and holds the inputs already ingested.
std::vector<BatchItem> render_batch(const std::vector<std::string>& inputs, const RenderOptions& options,
                                    int jobs, const BatchEvents& events = {}, const BatchPlan& plan = {});

}  // namespace readaloud
