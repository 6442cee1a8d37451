#pragma once
// "Did you mean ...?": the one edit distance used to suggest a near name for
// a mistyped one (options, voices, block types, sidecars).

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace readaloud {

/// Edit distance ignoring ASCII case, counting an insertion, a deletion, a
/// substitution or a swap of two neighbours as one edit (optimal string
/// alignment): "en-su" is one edit from "en-us", "Paragrap" one from "paragraph".
std::size_t edit_distance(std::string_view a, std::string_view b);

/// The candidates nearest to `word`: all those at the smallest distance, if
/// that is at most `max_distance`, at most `max_count` of them, in the
/// candidates' order. Empty when none is that close.
std::vector<std::string> nearest(std::string_view word, const std::vector<std::string>& candidates,
                                 std::size_t max_distance, std::size_t max_count = 1);

/// " (did you mean 'x'?)" for the nearest candidate within `max_distance`
/// (quoted with `quote`), or "" when none is that close.
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates, std::size_t max_distance,
                         char quote = '\'');

}  // namespace readaloud
