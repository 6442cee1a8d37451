// Throughput of the parsers and the planner, in MB/s of input text.
#include <benchmark/benchmark.h>

#include <fstream>
#include <iterator>
#include <string>

#include "analyze/warning_cues.hpp"
#include "analyze/warning_detector.hpp"
#include "ingest/boilerplate.hpp"
#include "ingest/decode.hpp"
#include "ingest/html_parser.hpp"
#include "ingest/json_parser.hpp"
#include "ingest/markdown_parser.hpp"
#include "ingest/plaintext_parser.hpp"
#include "narrate/normalizer.hpp"
#include "narrate/planner.hpp"
#include "synth/voice_catalog.hpp"

namespace {

std::string fixture(const char* name, int copies) {
  std::ifstream in(std::string(READALOUD_SOURCE_DIR) + "/tests/fixtures/equivalence/" + name, std::ios::binary);
  std::string one((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::string out;
  for (int i = 0; i < copies; ++i) out += one + "\n\n";
  return out;
}

void report(benchmark::State& state, std::size_t bytes) {
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(bytes));
}

void BM_Plaintext(benchmark::State& state) {
  const std::string text = fixture("sunburn.txt", 50);
  const auto filter = readaloud::BoilerplateFilter::builtin();
  for (auto _ : state) benchmark::DoNotOptimize(readaloud::parse_plaintext(text, filter));
  report(state, text.size());
}

void BM_Markdown(benchmark::State& state) {
  const std::string text = fixture("sunburn.md", 50);
  for (auto _ : state) benchmark::DoNotOptimize(readaloud::parse_markdown(text));
  report(state, text.size());
}

void BM_Html(benchmark::State& state) {
  const std::string text = fixture("sunburn.html", 1);
  const auto filter = readaloud::BoilerplateFilter::builtin();
  for (auto _ : state) benchmark::DoNotOptimize(readaloud::parse_html(text, filter));
  report(state, text.size());
}

void BM_Json(benchmark::State& state) {
  const std::string text = fixture("sunburn.json", 1);
  for (auto _ : state) benchmark::DoNotOptimize(readaloud::parse_json_article(text));
  report(state, text.size());
}

void BM_AnalyzeAndPlan(benchmark::State& state) {
  const std::string text = fixture("sunburn.txt", 50);
  const auto article = readaloud::parse_plaintext(text, readaloud::BoilerplateFilter::builtin());
  const auto profile = readaloud::load_voice_profile("default");
  const readaloud::Normalizer normalizer("en");
  for (auto _ : state) {
    auto copy = article;
    readaloud::detect_warnings(copy, readaloud::warning_cues_for("en"));
    benchmark::DoNotOptimize(readaloud::plan_narration(copy, profile, {}, normalizer));
  }
  report(state, text.size());
}

}  // namespace

BENCHMARK(BM_Plaintext);
BENCHMARK(BM_Markdown);
BENCHMARK(BM_Html);
BENCHMARK(BM_Json);
BENCHMARK(BM_AnalyzeAndPlan);
