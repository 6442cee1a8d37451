#pragma once
// One error idiom for the whole project: a kind (which maps to an exit code),
// a message, and where it happened.

#include <optional>
#include <stdexcept>
#include <string>

namespace readaloud {

/// What went wrong, in the terms of the exit-code contract (README, "Exit codes").
enum class ErrorKind {
  Runtime = 1,      ///< a write error, an engine failure, a full disk
  Usage = 2,        ///< a bad option or argument
  Input = 3,        ///< input the tool cannot use
  Interrupted = 130 ///< SIGINT/SIGTERM; the CLI maps it to 128+signal
};

/// Where an error happened. Line and column are 1-based; 0 means unknown.
struct Location {
  std::string file;        ///< path as the user gave it ("-" for stdin)
  std::size_t line = 0;
  std::size_t column = 0;
  std::optional<std::size_t> byte_offset;  ///< for encoding errors
};

/// The project's exception type. `what()` is the full one-line message,
/// formatted "file:line:column: message" (parts that are unknown are omitted).
class Error : public std::runtime_error {
 public:
  Error(ErrorKind kind, std::string message, Location where = {});

  ErrorKind kind() const { return kind_; }
  const std::string& message() const { return message_; }
  const Location& where() const { return where_; }

  /// A copy of this error with the file name filled in (when it was empty).
  Error in_file(const std::string& file) const;

 private:
  ErrorKind kind_;
  std::string message_;
  Location where_;
};

/// The documented exit code for an error kind.
int exit_code(ErrorKind kind);

/// Shorthands.
[[noreturn]] void throw_input(std::string message, Location where = {});
[[noreturn]] void throw_usage(std::string message);
[[noreturn]] void throw_runtime(std::string message, Location where = {});

}  // namespace readaloud
