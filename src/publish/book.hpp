#pragma once
// A talking book as a value: the article's sections at their levels, each
// with its own audio file and its spoken sentences timed within that file.
// The DAISY and EPUB writers are pure functions of this value; it is made
// from the narration script and the timeline the synthesis produced.

#include <string>
#include <string_view>
#include <vector>

#include "narrate/script.hpp"
#include "output/timeline.hpp"

namespace readaloud {

/// What a block of a section is, for markup: a heading, ordinary text, a
/// structural announcement ("List of 3 items."), the spoken label that opens
/// a run of warnings ("Warning.") or a risk warning.
enum class BookBlockKind { Heading, Text, Announcement, WarningLabel, Warning };

/// One spoken sentence: its id in the content documents and its audio clip
/// within its section's file (seconds from the file's start).
struct BookSentence {
  std::string id;  ///< unique in the book, an XML name ("t3_12")
  std::string text;
  double clip_begin_s = 0;
  double clip_end_s = 0;
  bool operator==(const BookSentence&) const = default;
};

/// A run of sentences spoken as one script segment (a paragraph, an item).
struct BookBlock {
  BookBlockKind kind = BookBlockKind::Text;
  std::vector<BookSentence> sentences;
  bool operator==(const BookBlock&) const = default;
};

/// One chapter of the book: one audio file, one SMIL file, one content
/// document (EPUB) or one part of the content document (DAISY).
struct BookSection {
  std::string title;
  int level = 1;         ///< 1..6, never more than one deeper than the section before
  bool warning = false;  ///< a warning section
  double duration_s = 0; ///< length of its audio file
  std::vector<BookBlock> blocks;
  bool operator==(const BookSection&) const = default;
};

/// Everything the book writers need. Text fields are plain text (not escaped);
/// labels have been through clean_label().
struct Book {
  std::string title;
  std::string language = "en";  ///< BCP 47
  std::string identifier;       ///< "urn:uuid:..." or --identifier
  std::string creator;          ///< author, or the publisher when unknown
  std::string publisher;
  std::string date;             ///< YYYY-MM-DD
  std::string modified;         ///< YYYY-MM-DDThh:mm:ssZ (EPUB dcterms:modified)
  std::string narrator;         ///< the voice ("eSpeak NG en-us")
  std::string generator = "readaloud";
  std::string warning_label = "Warning";  ///< visible label of warnings, in the book's language
  std::vector<BookSection> sections;

  /// Sum of the sections' durations.
  double duration_s() const;
  bool operator==(const Book&) const = default;
};

/// One text file of a book: its name inside the book and its content.
struct BookFile {
  std::string name;
  std::string content;
  bool operator==(const BookFile&) const = default;
};

/// Book-wide fields make_book() cannot take from the script.
struct BookInfo {
  std::string identifier;  ///< "" = derived from the script (see book_identifier)
  std::string publisher;   ///< "" = the author, else "readaloud"
  std::string creator;     ///< "" = the script's author, else the publisher
  std::string date;        ///< any date normalize_date() reads; "" = today's, see README
  std::string narrator;
  std::string generator = "readaloud";
  std::string warning_label = "Warning";
  std::string salt;        ///< options that change the book (format, voice, rate), for the identifier
};

/// The book for `script` spoken as `timeline` (finished, chapters in script
/// order). Each cue becomes a sentence of the chapter it starts in, its kind
/// taken from the script segment its text came from; clips are the cue spans
/// relative to the chapter start, clamped to the chapter.
Book make_book(const Script& script, const Timeline& timeline, const BookInfo& info);

/// A stable "urn:uuid:" (version 5, from SHA-1) for the script's title,
/// language, text and `salt`: the same article and options give the same id.
std::string book_identifier(const Script& script, std::string_view salt);

/// "H:MM:SS" of `seconds` rounded to the nearest second (DAISY ncc:totalTime).
std::string hms_rounded(double seconds);

/// "H:MM:SS.mmm" of `seconds` (EPUB media:duration clock value).
std::string clock_value(double seconds);

/// "12.345" (seconds with milliseconds, for clip attributes).
std::string seconds3(double seconds);

/// The section's file stem: "s001", "s002", ... (never derived from input).
std::string section_stem(std::size_t index);

/// The section's audio file name: "s001.mp3".
std::string section_audio(std::size_t index);

}  // namespace readaloud
