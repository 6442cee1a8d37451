#include "cli/app.hpp"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <iostream>
#include <sstream>
#include <thread>

#include "cli/progress.hpp"
#include "cli/render_options.hpp"
#include "cli/extract_command.hpp"
#include "cli/publish_command.hpp"
#include "document/languages.hpp"
#include "render/batch.hpp"
#include "render/inspect.hpp"
#include "render/render.hpp"
#include "render/shard.hpp"
#include "synth/espeak_engine.hpp"
#include "synth/voice_catalog.hpp"
#include "util/atomic_file.hpp"
#include "util/error.hpp"
#include "util/text.hpp"

namespace readaloud::cli {
namespace {

constexpr const char* kRenderExamples = R"(
Examples:
  readaloud render                          render the bundled sample article into output/
  readaloud render article.txt -o podcast/  render one article into podcast/
  readaloud render a.txt b.md c.html        render several articles
  cat page.html | readaloud render - --from html
  readaloud render article.txt --preset podcast --author "Health Desk"
)";

int report(const Error& e) {
  std::cerr << "readaloud: error: " << e.what() << "\n";
  if (e.kind() == ErrorKind::Interrupted) return 128 + (interrupted() ? interrupted() : 2);
  return exit_code(e.kind());
}

// Keeps the inputs of one shard. Each input's id is its path as given
// (lexically normalised), and the names were planned from the whole list,
// so every task names its files as one process would.
void keep_shard(const Shard& shard, std::vector<std::string>& inputs, std::vector<std::string>& names, BatchPlan& plan) {
  BatchPlan kept;
  std::vector<std::string> kept_inputs, kept_names;
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    if (!in_shard(std::filesystem::path(inputs[i]).lexically_normal().generic_string(), shard)) continue;
    kept_inputs.push_back(inputs[i]);
    kept_names.push_back(names[i]);
    kept.slugs.push_back(plan.slugs[i]);
    kept.articles.push_back(std::move(plan.articles[i]));
  }
  inputs = std::move(kept_inputs);
  names = std::move(kept_names);
  plan = std::move(kept);
}

int run_render(const RawOptions& raw) {
  RenderOptions options = to_options(raw);
  std::vector<std::string> inputs = raw.inputs;
  if (inputs.empty()) inputs.push_back("");  // the bundled sample
  std::vector<std::string> names;
  for (const auto& input : inputs) names.push_back(input.empty() ? "bundled sample" : input);
  if (raw.jobs < 0) throw_usage("--jobs must be at least 1");
  int jobs = raw.jobs ? raw.jobs : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  const ProgressMode mode = parse_progress_mode(raw.progress);
  BatchPlan plan = plan_batch(inputs, options);
  if (const auto shard = shard_from_options(raw.shard, raw.shard_count, process_environment()))
    keep_shard(*shard, inputs, names, plan);

  Progress progress(raw.quiet ? ProgressMode::None : mode, names);
  BatchEvents events;
  events.progress = [&](std::size_t i, double f) { progress.update(i, f); };
  events.finished = [&](const BatchItem& item) {
    progress.clear();
    if (item.exit_code == 0) {
      for (const auto& p : item.paths) std::cout << p.string() << "\n";
      std::cout << std::flush;
      progress.done(item.index, item.paths.empty() ? names[item.index] : item.paths.front().filename().string());
    } else {
      std::cerr << "readaloud: error: " << item.error << "\n";
      progress.done(item.index, "");
    }
  };
  std::vector<BatchItem> results;
  try {
    results = render_batch(inputs, options, jobs, events, plan);
  } catch (const Error&) {
    progress.clear();
    throw;
  }
  // The first failure in input order sets the exit code, whatever order
  // the workers finished in.
  int first_failure = 0;
  std::vector<std::string> failures;
  for (const auto& item : results)
    if (item.exit_code != 0) {
      if (!first_failure) first_failure = item.exit_code;
      failures.push_back(names[item.index]);
    }
  if ((inputs.size() > 1 || !raw.shard.empty()) && !raw.quiet) {
    std::cerr << "readaloud: " << inputs.size() - failures.size() << " rendered, " << failures.size() << " failed";
    for (std::size_t i = 0; i < failures.size(); ++i) std::cerr << (i ? ", " : ": ") << failures[i];
    std::cerr << "\n";
  }
  return first_failure;
}

int run_inspect(const RawOptions& raw) {
  RenderOptions options = to_options(raw);
  const std::string& input = raw.inputs.front();
  Prepared prepared = prepare(input, read_input(input), options);
  std::cout << (raw.json ? script_json(prepared.script) : inspect_text(prepared));
  return 0;
}

int run_voices() {
  const auto installed = EspeakEngine::instance().installed_voices();
  // The eSpeak NG name of a language ("es" -> "Spanish (Spain)"), to show
  // each profile's language in English beside its own description.
  auto language_name = [&](std::string_view raw) {
    const std::string lang = ascii_lower(raw);
    const std::string primary = lang.substr(0, lang.find('-'));
    for (const std::string& want : {lang, primary})
      for (const auto& [name, languages] : installed) {
        std::istringstream tokens(languages);
        for (std::string token; tokens >> token;)
          if (token == want) return want == lang && lang.find('-') != std::string::npos
                                        ? name
                                        : name.substr(0, name.find(" ("));  // "French (Belgium)" -> "French"
      }
    return std::string("?");
  };
  std::cout << "Voice profiles (use --voice NAME):\n";
  for (const auto& name : voice_profile_names()) {
    VoiceProfile p = load_voice_profile(name);
    std::cout << "  " << name << "  [" << p.language << "] " << language_name(p.language) << ": " << p.description
              << "\n";
  }
  // Every other language eSpeak NG speaks is read with its own voice at the
  // default profile's prosody (voice_for_language); --lang CODE picks one.
  std::cout << "\neSpeak NG voices installed. Languages read with eSpeak NG's own voice at the default\n"
               "profile's prosody (--lang CODE); CODE also works as a profile's voice = \"...\":\n";
  for (const EspeakVoice& v : espeak_voices()) {
    const std::string& code = v.languages.front().first;
    const std::string profile = profile_name_for_language(code);
    std::cout << "  " << code << std::string(code.size() < 16 ? 16 - code.size() : 1, ' ') << v.name;
    if (profile != "default" || code.starts_with("en"))
      std::cout << "  (full profile: " << profile << ")";
    else
      std::cout << "  (announcements: " << (is_supported_language(code) ? "own" : "English") << ")";
    std::cout << "\n";
  }
  return 0;
}

}  // namespace

int run(int argc, char** argv) {
  install_signal_handlers();
  CLI::App app{"readaloud: turns articles into narrated audio with a chapter for each section,\n"
               "and makes risk warnings impossible to miss."};
  app.set_version_flag("--version", std::string("readaloud ") + READALOUD_VERSION);
  app.require_subcommand(1);
  app.footer("Exit codes: 0 success, 1 runtime failure, 2 usage error, 3 unusable input, 130/143 interrupted.");

  RawOptions raw;
  CLI::App* render = app.add_subcommand("render", "Render articles into audio files with chapters and sidecars");
  render->add_option("INPUT", raw.inputs, "Article files (.txt, .md, .html, .json), or - for standard input; none: the bundled sample");
  add_render_options(*render, raw);
  add_narration_options(*render, raw);
  render->footer(kRenderExamples);

  CLI::App* inspect = app.add_subcommand("inspect", "Show the structure found and exactly what would be spoken");
  inspect->add_option("INPUT", raw.inputs, "Article file, or - for standard input")->required()->expected(1);
  inspect->add_flag("--json", raw.json, "Print the narration script as JSON");
  add_narration_options(*inspect, raw);
  inspect->footer("\nExamples:\n  readaloud inspect article.txt\n  readaloud inspect article.md --json --verbosity full\n");

  ExtractCommand extract(app);
  PublishCommand publish(app);
  app.add_subcommand("voices", "List the voice profiles and the installed eSpeak NG voices");

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::string what = e.what();
    std::cerr << "readaloud: error: " << what << " (see readaloud --help)\n";
    return exit_code(ErrorKind::Usage);
  }

  try {
    if (render->parsed()) return run_render(raw);
    if (inspect->parsed()) return run_inspect(raw);
    if (extract.parsed()) return extract.run();
    if (publish.parsed()) return publish.run();
    return run_voices();
  } catch (const Error& e) {
    return report(e);
  } catch (const std::bad_alloc&) {
    std::cerr << "readaloud: error: out of memory\n";
    return exit_code(ErrorKind::Runtime);
  } catch (const std::exception& e) {
    std::cerr << "readaloud: error: " << e.what() << "\n";
    return exit_code(ErrorKind::Runtime);
  }
}

}  // namespace readaloud::cli
