#pragma once
// The XHTML body of a book section, shared by the DAISY content document and
// the EPUB chapter documents, so both mark headings, sentences and warnings
// the same way.

#include <string>

#include "publish/book.hpp"

namespace readaloud {

/// The section as XHTML elements: its heading at its level, a paragraph per
/// block with a span per sentence (each with its id), announcements in
/// class="announcement", and each run of warnings (a whole warning section)
/// in a div class="warning" opened by a visible label (the spoken "Warning."
/// when there is one, else `warning_label`). With `aria`, the div also gets
/// role="doc-notice" and aria-label (EPUB 3; XHTML 1.0 has no role).
std::string section_body_xhtml(const BookSection& section, const std::string& warning_label, bool aria);

}  // namespace readaloud
