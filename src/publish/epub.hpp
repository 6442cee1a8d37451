#pragma once
// EPUB 3 with Media Overlays: one XHTML content document and one SMIL
// overlay per section, the package document with the overlay durations and
// the accessibility metadata (EPUB Accessibility 1.1), the navigation
// document; and the zip container (libzip), mimetype first and stored.

#include <filesystem>
#include <vector>

#include "publish/book.hpp"

namespace readaloud {

/// The EPUB's text members with their paths in the container, in order:
/// META-INF/container.xml, EPUB/package.opf, EPUB/nav.xhtml, EPUB/book.css,
/// then EPUB/s001.xhtml and EPUB/s001.smil for each section. The audio
/// members are EPUB/s001.mp3, ... (see section_audio()). The mimetype member
/// is added by write_epub().
std::vector<BookFile> epub_files(const Book& book);

/// The package document (EPUB/package.opf).
std::string epub_package(const Book& book);

/// The navigation document: a toc nav nested by level, and landmarks.
std::string epub_nav(const Book& book);

/// The content document of section `index`.
std::string epub_chapter(const Book& book, std::size_t index);

/// The Media Overlay of section `index`: a par per sentence.
std::string epub_overlay(const Book& book, std::size_t index);

/// Writes the container to `path`: "mimetype" first and stored, the text
/// members compressed, then the audio files (`audio[i]` on disk becomes
/// EPUB/section_audio(i)), stored. Member times are `modified` (ISO 8601 UTC)
/// so the same book gives the same bytes. Throws Error(Runtime) naming `path`.
void write_epub(const std::filesystem::path& path, const std::vector<BookFile>& files,
                const std::vector<std::filesystem::path>& audio, const std::string& modified);

}  // namespace readaloud
