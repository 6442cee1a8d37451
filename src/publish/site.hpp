#pragma once
// The site index (SITE/index.html): every episode with its heading, date,
// duration and chapters count, a link to its player page, and the feed.

#include <string>
#include <vector>

#include "publish/feed.hpp"
#include "publish/manifest.hpp"

namespace readaloud {

/// The index page, episodes newest first. No script; the CSP allows only its own style.
std::string site_index(const Channel& channel, std::vector<Episode> episodes);

}  // namespace readaloud
