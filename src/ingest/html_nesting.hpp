#pragma once
// Flattening absurdly deep HTML before gumbo sees it. Internal to src/ingest/html_*.

#include <cstddef>
#include <string>
#include <string_view>

namespace readaloud::html {

/// Flattens nesting deeper than `max_depth` elements, as browsers do: start
/// tags past the limit (and their end tags) are left out, so their content
/// joins the element at the limit. gumbo checks element scopes by walking its
/// stack of open elements, which makes deep input quadratic (100,000 nested
/// <div>s take ~11 s); with the limit each tag costs at most `max_depth`.
/// Removed tags leave their newlines behind, so line numbers stay true.
/// This is a light tokenizer, not a parser: it counts the elements that nest
/// (not void elements, and not those whose start closes an open one, such as
/// <p>, <li> or <td>), which is all the limit needs.
std::string limit_nesting(std::string_view in, std::size_t max_depth);

}  // namespace readaloud::html
