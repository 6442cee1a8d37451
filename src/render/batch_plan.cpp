// Batch planning: each input ingested once, before any work, to name its
// outputs; the renders then take the ingested article instead of reading
// and parsing the input again.
#include <tuple>

#include "output/cover_art.hpp"
#include "render/batch.hpp"
#include "render/naming.hpp"
#include "util/error.hpp"

namespace readaloud {
namespace fs = std::filesystem;

BatchPlan plan_batch(const std::vector<std::string>& inputs, const RenderOptions& options) {
  std::error_code ec;
  if (fs::exists(options.output_dir, ec) && !fs::is_directory(options.output_dir, ec))
    throw_runtime("output folder is not a folder", {options.output_dir.string()});
  if (!options.metadata.cover_path.empty()) (void)load_cover(options.metadata.cover_path);

  BatchPlan plan;
  plan.slugs.resize(inputs.size());
  plan.articles.resize(inputs.size());
  if (inputs.size() < 2) return plan;  // one input names itself as it renders
  std::vector<std::string> titles(inputs.size());
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    if (inputs[i] == "-") continue;
    try {
      std::string name = inputs[i];
      std::string bytes;
      if (inputs[i].empty()) std::tie(bytes, name) = bundled_sample();
      else bytes = read_input(inputs[i]);
      plan.articles[i] = ingest(name, bytes, options.ingest);
      titles[i] = slugify(plan.articles[i]->title);
    } catch (const Error&) {
      // Left to the render, which reports it in order with the others.
    }
  }
  plan.slugs = unique_names(titles);
  return plan;
}

}  // namespace readaloud
