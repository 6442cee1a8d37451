#pragma once
// Shared helpers of the HTML reader: text utilities and thin, safe access to
// gumbo's parse tree. Internal to src/ingest/html_*.

#include <gumbo.h>

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace readaloud::html {

inline constexpr std::size_t npos = std::string_view::npos;
/// Dropped chrome text shown by `inspect` is cut to about this many bytes.
inline constexpr std::size_t kShownChromeChars = 80;
/// Class attributes are only looked at up to here: chrome classes are short,
/// and this keeps a huge attribute from costing (patterns x length).
inline constexpr std::size_t kMaxClassBytes = 1024;

bool is_html_space(char c);
bool is_ascii_alpha(char c);
/// Typography cleaned, whitespace runs collapsed to one space, ends trimmed.
std::string collapse(std::string_view raw);
/// At most ~`max` bytes, cut at a word (or at least a UTF-8) boundary, "..." when cut.
std::string shorten(std::string s, std::size_t max = kShownChromeChars);
/// Whitespace-separated words.
std::size_t count_words(std::string_view s);
/// Characters (UTF-8 code points) in `s`.
std::size_t count_chars(std::string_view s);

/// Owns gumbo's output.
struct GumboOutputDeleter {
  void operator()(GumboOutput* output) const;
};
using GumboOutputPtr = std::unique_ptr<GumboOutput, GumboOutputDeleter>;

/// Parses a (nesting-limited) UTF-8 page. Throws Error(Runtime) if gumbo fails.
GumboOutputPtr parse_document(std::string_view text);

bool is_element(const GumboNode* n);
/// Children of a document or element node, else nullptr.
const GumboVector* children_of(const GumboNode* n);
const GumboNode* child_at(const GumboVector* v, unsigned i);
/// An attribute's value, or nullptr.
const char* attr(const GumboNode* el, const char* name);
GumboTag tag_of(const GumboNode* n);
/// The lowercased tag name, also for tags gumbo does not know.
std::string tag_name(const GumboNode* el);
/// 1-based source line of a node (0 when unknown).
std::size_t line_of(const GumboNode* n);
/// Lowercased class tokens and the id of an element.
std::vector<std::string> class_tokens(const GumboNode* el);
/// Whether `part` occurs in `token` bounded by its ends or by '-' / '_':
/// "ad" is a part of "ad-slot" and "top_ad", not of "header" or "download".
bool token_has_part(std::string_view token, std::string_view part);
/// The first of `parts` that is a part of one of `tokens`, or nullptr.
const std::string* find_part(const std::vector<std::string>& tokens, const std::vector<std::string>& parts);
/// The first token of the role attribute, lowercased.
std::string role_of(const GumboNode* el);
/// Elements whose start and end separate paragraphs.
bool is_block_tag(GumboTag tag);
/// Elements that are never text (head, title, meta...): skipped silently.
bool is_silent_tag(GumboTag tag);
/// The first element of the subtree under `root` (root included), in
/// document order, for which `match` holds, or nullptr. The subtrees of
/// elements below `root` for which `skip` holds are not entered.
const GumboNode* find_element(const GumboNode* root, const std::function<bool(const GumboNode*)>& match,
                              const std::function<bool(const GumboNode*)>& skip = {});
/// A <table> that lays out a page (an email's template, an old site's
/// columns) rather than holding data: role="presentation" or "none", a
/// heading or another table inside it, or one cell to a row and no header cell.
bool is_layout_table(const GumboNode* table);
/// Up to ~`limit` bytes of collapsed text of a subtree (img alt included).
/// With `word_per_element`, inline elements are separated too, so a row of
/// buttons reads as separate words ("Play" "00:00"), not "Play00:00".
std::string subtree_text(const GumboNode* root, std::size_t limit = kShownChromeChars * 2,
                         bool word_per_element = false);

}  // namespace readaloud::html
