#pragma once

namespace readaloud::cli {

/// Parses the command line, runs the subcommand, and returns the exit code.
int run(int argc, char** argv);

}  // namespace readaloud::cli
