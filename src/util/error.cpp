#include "util/error.hpp"

namespace readaloud {
namespace {

std::string format(const std::string& message, const Location& where) {
  std::string out;
  if (!where.file.empty()) {
    out += where.file;
    if (where.line > 0) {
      out += ":" + std::to_string(where.line);
      if (where.column > 0) out += ":" + std::to_string(where.column);
    }
    out += ": ";
  }
  out += message;
  if (where.byte_offset && message.find("byte") == std::string::npos)
    out += " (at byte " + std::to_string(*where.byte_offset) + ")";
  return out;
}

}  // namespace

Error::Error(ErrorKind kind, std::string message, Location where)
    : std::runtime_error(format(message, where)),
      kind_(kind),
      message_(std::move(message)),
      where_(std::move(where)) {}

Error Error::in_file(const std::string& file) const {
  if (!where_.file.empty()) return *this;
  Location w = where_;
  w.file = file;
  return Error(kind_, message_, w);
}

int exit_code(ErrorKind kind) { return static_cast<int>(kind); }

void throw_input(std::string message, Location where) {
  throw Error(ErrorKind::Input, std::move(message), std::move(where));
}
void throw_usage(std::string message) { throw Error(ErrorKind::Usage, std::move(message)); }
void throw_runtime(std::string message, Location where) {
  throw Error(ErrorKind::Runtime, std::move(message), std::move(where));
}

}  // namespace readaloud
