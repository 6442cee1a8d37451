#pragma once
// `readaloud extract`: the cleaned article, before narration, as Markdown,
// JSON (docs/json-article.md) or plain text on standard output.

#include <CLI/CLI.hpp>
#include <memory>

namespace readaloud::cli {

/// The extract subcommand, registered on `app` when constructed.
class ExtractCommand {
 public:
  explicit ExtractCommand(CLI::App& app);
  ~ExtractCommand();
  /// True when the command line chose `extract`.
  bool parsed() const;
  /// Prints the article; returns the exit code. Throws readaloud::Error
  /// (unusable input: ErrorKind::Input, exit 3; a bad --to: ErrorKind::Usage, exit 2).
  int run();

 private:
  struct Raw;
  std::unique_ptr<Raw> raw_;
  CLI::App* cmd_ = nullptr;
};

}  // namespace readaloud::cli
