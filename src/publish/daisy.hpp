#pragma once
// DAISY 2.02 full-text talking book: ncc.html (the navigation centre), one
// SMIL 1.0 file per section and one XHTML content document, beside one MP3
// per section ("s001.mp3", ...), which the caller writes.

#include <vector>

#include "publish/book.hpp"

namespace readaloud {

/// The text files of the DAISY 2.02 book, ncc.html first, then
/// content.html, then "s001.smil", ... (one per section). Every text goes
/// through the escapers of util/markup.hpp.
std::vector<BookFile> daisy_files(const Book& book);

/// The ncc.html of the book (XHTML 1.0): the required metadata once each,
/// then an h1 class="title" entry and one h1-h6 per section linking to the
/// first par of the section's SMIL file.
std::string daisy_ncc(const Book& book);

/// The content document: the whole text, one id per sentence, headings at
/// their levels, warnings in div class="warning" with a visible label.
std::string daisy_content(const Book& book);

/// The SMIL 1.0 file of section `index`, whose audio starts `elapsed_s`
/// into the book: one par per sentence.
std::string daisy_smil(const Book& book, std::size_t index, double elapsed_s);

}  // namespace readaloud
