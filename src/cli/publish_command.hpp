#pragma once
// `readaloud publish`: its options, and the call into render/publish.

#include <CLI/CLI.hpp>
#include <memory>

namespace readaloud::cli {

/// The publish subcommand, registered on `app` when constructed.
class PublishCommand {
 public:
  explicit PublishCommand(CLI::App& app);
  ~PublishCommand();
  /// True when the command line chose `publish`.
  bool parsed() const;
  /// Runs the publish; returns the exit code. Throws readaloud::Error.
  int run();

 private:
  int run_assemble();
  struct Raw;
  std::unique_ptr<Raw> raw_;
  CLI::App* cmd_ = nullptr;
};

}  // namespace readaloud::cli
