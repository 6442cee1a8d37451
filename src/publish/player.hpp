#pragma once
// The player page of one article (SITE/<slug>/index.html) and the pieces
// every site page shares: the stylesheet, and a Content-Security-Policy that
// allows only the page's own script and style (by hash) and media from the site.

#include <string>
#include <string_view>

#include "publish/manifest.hpp"
#include "publish/player_text.hpp"

namespace readaloud {

/// "'sha256-<base64>'" of an inline script or style, for a CSP source list.
std::string csp_hash(std::string_view content);

/// The stylesheet of every site page (embedded data/player/player.css).
std::string_view site_stylesheet();

/// The player page. Text from the article goes in as escaped text only; the
/// only link taken from the input is the article's own page, and only when
/// it is http(s) (rel="noopener noreferrer nofollow"). Cue times are embedded
/// as JSON holding numbers only, so the page needs no request to work.
std::string player_page(const Episode& episode, const PlayerText& text, const std::string& site_title);

}  // namespace readaloud
