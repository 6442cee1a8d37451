#pragma once
// Rendering an article as a talking book: speak, measure and limit, one CBR
// MP3 per section, the book files, and one atomic commit of the whole book.

#include <filesystem>

#include "render/render.hpp"

namespace readaloud {

/// Where the book for `base` ("out/slug") lands: the folder "out/slug" for
/// DAISY, the file "out/slug.epub" for EPUB.
std::filesystem::path book_target(const std::filesystem::path& base, BookFormat format);

/// Renders `prepared` as the book options.book names at book_target(base)
/// and returns that path. The book is made in a temporary folder inside the
/// output folder and renamed into place complete: a failure or an interrupt
/// leaves nothing behind and keeps an older book. An existing DAISY target
/// that is not a DAISY book (no ncc.html) is never replaced: Error(Runtime).
std::filesystem::path render_book(const Prepared& prepared, const RenderOptions& options,
                                  const std::filesystem::path& base, const ProgressFn& progress = {});

}  // namespace readaloud
