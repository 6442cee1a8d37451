#pragma once
// Choosing and applying the character encoding of an HTML page the way a
// browser does, so that every page a browser shows is read, never refused
// for its charset label.

#include <cstddef>
#include <string>
#include <string_view>

namespace readaloud {

/// A charset declaration found in the page: <meta charset>, <meta http-equiv
/// content="...; charset=...">, or an XML declaration's encoding.
struct CharsetDeclaration {
  bool found = false;
  std::string label;      ///< as written (may be empty: "charset=" with no name)
  std::size_t line = 0;   ///< 1-based line of the declaring tag
};

/// The declaration in the first `kCharsetScanBytes` bytes of `bytes`, if any.
CharsetDeclaration find_charset_declaration(std::string_view bytes);

/// Bytes scanned for a declaration. Browsers look at 1,024 bytes at least;
/// saved pages often carry long <head> scripts first, so more is read.
inline constexpr std::size_t kCharsetScanBytes = 8192;

/// The iconv name for a WHATWG encoding label (case and surrounding spaces
/// ignored): "gb2312" -> "GB18030", "latin1" -> "WINDOWS-1252",
/// "shift_jis" -> "CP932", "utf-16le" in a <meta> -> "UTF-8" (a page readable
/// as ASCII cannot be UTF-16). Empty for an unknown label.
std::string iconv_name_for_label(std::string_view label);

/// An HTML page decoded to UTF-8, with how the encoding was chosen.
struct DecodedPage {
  std::string text;      ///< UTF-8, "\n" line ends, no BOM
  std::string encoding;  ///< what was used, e.g. "UTF-8", "GB18030", "WINDOWS-1252"
  std::string source;    ///< why: "--encoding", "byte order mark", "declared in <meta>",
                         ///< "valid UTF-8 bytes", "sniffed", "default"
  std::string warning;   ///< non-empty when the page's declaration was wrong or unusable
};

/// Decodes an HTML page like a browser:
/// 1. `encoding` (the user's --encoding) when non-empty: decode_text's rules and errors;
/// 2. a byte order mark wins;
/// 3. bytes that are valid UTF-8 are UTF-8, whatever a legacy declaration says
///    (a saved page keeps its old <meta> but the browser wrote UTF-8);
/// 4. a known declaration is used; bytes it cannot map become U+FFFD, as in a browser;
/// 5. a malformed or unknown declaration ("charset=ut", "charset=") sets `warning`
///    and falls back to sniffing: windows-1252, the web's legacy default.
/// Throws Error(Input) only for binary data (NUL bytes, known binary formats).
DecodedPage decode_html_page(std::string_view bytes, const std::string& encoding);

}  // namespace readaloud
