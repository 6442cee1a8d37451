#pragma once
// Output file names: slugs of titles, safe on every common file system, and
// made unique within a batch.

#include <string>
#include <string_view>
#include <vector>

namespace readaloud {

/// The longest slug slugify() makes, in bytes (well under the 255 bytes a
/// file name may have, leaving room for "-2" and ".chapters.json").
inline constexpr std::size_t kMaxSlugBytes = 80;

/// ASCII, lowercase, hyphen-separated slug of a title ("Café & Co." ->
/// "cafe-co", "Don't panic" -> "dont-panic"): accents folded, other
/// characters separate words. A title with no Latin letter or digit (another
/// script, only symbols, empty) gets "article-" and 8 hex digits of a hash
/// of the title, the same for the same title. Never a name Windows reserves
/// (CON, PRN, AUX, NUL, COM0-9, LPT0-9: "-article" is added); at most
/// kMaxSlugBytes bytes.
std::string slugify(std::string_view title);

/// True for names no file may have on Windows file systems, with or without
/// an extension ("con", "NUL.txt", "com1"), and for names ending in a dot or
/// a space.
bool is_reserved_file_name(std::string_view name);

/// Makes `slugs` unique, in order, comparing case-insensitively (file systems
/// that fold case would otherwise merge them): the second "title" becomes
/// "title-2", the third "title-3", skipping any already taken. Empty entries
/// stay empty and take nothing.
std::vector<std::string> unique_names(const std::vector<std::string>& slugs);

}  // namespace readaloud
