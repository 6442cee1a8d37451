#pragma once
// The plain-text transcript sidecar.

#include <string>

#include "narrate/script.hpp"

namespace readaloud {

/// Exactly what is spoken, in order: each chapter's segments one per line,
/// a blank line between chapters, a trailing newline.
std::string transcript(const Script& script);

}  // namespace readaloud
