#pragma once
// Podcasting 2.0 JSON chapters.

#include <string>

#include "output/timeline.hpp"

namespace readaloud {

/// {"version": "1.2.0", "chapters": [{"startTime": 0.0, "title": "..."}, ...]}
/// Start times in seconds rounded to 3 decimals, ascending; pretty-printed
/// with 2 spaces and a trailing newline.
std::string chapters_json(const Timeline& timeline);

}  // namespace readaloud
