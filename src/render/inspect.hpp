#pragma once
// What `inspect` prints: the structure found, what was dropped and why, the
// warnings, and the narration script.

#include <string>

#include "narrate/script.hpp"
#include "render/render.hpp"

namespace readaloud {

/// A human-readable report of a prepared article.
std::string inspect_text(const Prepared& prepared);

/// The narration script as JSON, in the format the README documents:
/// {"title","language","chapters":[{"title","level","warning","segments":[{"role","text"}]}]}.
std::string script_json(const Script& script);

}  // namespace readaloud
