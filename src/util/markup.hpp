#pragma once
// Escaping for the markup formats readaloud writes (XML, XHTML, HTML), in one
// place, so that text from untrusted inputs never becomes markup.

#include <string>
#include <string_view>

namespace readaloud {

/// `s` without C0/C1 control characters (tab, LF and CR are kept only when
/// `keep_newlines`), without the characters XML 1.0 forbids (U+FFFE, U+FFFF,
/// lone surrogates) and with invalid UTF-8 bytes replaced by U+FFFD.
std::string strip_controls(std::string_view s, bool keep_newlines = true);

/// `s` without bidirectional embedding, override and isolate controls
/// (U+202A-U+202E, U+2066-U+2069) and control characters, with each run of
/// spaces, tabs and line breaks made one space and the ends trimmed: for
/// titles, names and other one-line labels.
std::string clean_label(std::string_view s);

/// Text content of an XML or XHTML element: `&`, `<`, `>` escaped, control
/// characters removed. Safe in HTML text too.
std::string xml_text(std::string_view s);

/// A quoted attribute value (either quote style) in XML, XHTML or HTML:
/// `&`, `<`, `>`, `"`, `'` escaped; tab, LF and CR as character references so
/// parsers keep them; other control characters removed.
std::string xml_attr(std::string_view s);

/// `s` as one or more CDATA sections: `]]>` inside the text is split across
/// two sections so it can never close the section early.
std::string xml_cdata(std::string_view s);

/// True when `url` is safe to put in an `href` or `src` taken from untrusted
/// input: an absolute `http:` or `https:` URL (case-insensitive scheme), with
/// no control characters or spaces. `javascript:`, `data:`, `file:` and
/// relative or scheme-relative URLs are refused.
bool is_web_url(std::string_view url);

}  // namespace readaloud
