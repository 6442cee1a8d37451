#include "publish/book.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>

#include "publish/feed.hpp"
#include "util/error.hpp"
#include "util/markup.hpp"
#include "util/uuid.hpp"

namespace readaloud {
namespace {

// The name space of readaloud's book identifiers: a fixed UUID of readaloud's
// own, so that they never collide with identifiers other tools make from the same text.
constexpr Uuid kBookNamespace = uuid_literal("3b516e0c-8f2a-5d47-9b1e-42c76a9013d8");

BookBlockKind kind_of(const Segment& segment) {
  switch (segment.role) {
    case Role::Heading: return BookBlockKind::Heading;
    case Role::Warning: return BookBlockKind::Warning;
    case Role::Announcement: return segment.earcon_before ? BookBlockKind::WarningLabel : BookBlockKind::Announcement;
    case Role::Narration: break;
  }
  return BookBlockKind::Text;
}

// Which segment of `chapter` each cue's text came from. Cue texts are
// trimmed pieces of segment texts, in order; a cue that matches none (two
// sentences eSpeak reported at one sample, merged across segments) stays
// with the segment being read.
std::vector<std::size_t> segment_of_cues(const Chapter& chapter, const std::vector<const Cue*>& cues) {
  std::vector<std::size_t> owner(cues.size(), 0);
  std::size_t seg = 0, pos = 0;
  for (std::size_t i = 0; i < cues.size(); ++i) {
    const std::string& text = cues[i]->text;
    for (std::size_t j = seg; j < chapter.segments.size(); ++j) {
      const std::size_t at = chapter.segments[j].text.find(text, j == seg ? pos : 0);
      if (at != std::string::npos) {
        seg = j;
        pos = at + text.size();
        break;
      }
    }
    owner[i] = seg;
  }
  return owner;
}

// Levels one deeper at most than the section before, as h1-h6 nesting needs.
void normalize_levels(std::vector<BookSection>& sections) {
  int previous = 0;
  for (auto& section : sections) {
    section.level = std::clamp(section.level, 1, std::min(6, previous + 1));
    previous = section.level;
  }
}

BookSection make_section(const Chapter& chapter, const TimedChapter& timed, const std::vector<const Cue*>& cues,
                         std::size_t index, int rate) {
  BookSection section;
  section.title = clean_label(timed.title);
  section.level = timed.level;
  section.warning = timed.warning;
  section.duration_s = static_cast<double>(timed.end_sample - timed.start_sample) / rate;
  const std::vector<std::size_t> owner = segment_of_cues(chapter, cues);
  std::size_t last_segment = static_cast<std::size_t>(-1);
  for (std::size_t i = 0; i < cues.size(); ++i) {
    const std::string text = clean_label(cues[i]->text);
    if (text.empty()) continue;
    if (section.blocks.empty() || owner[i] != last_segment) {
      const BookBlockKind kind =
          owner[i] < chapter.segments.size() ? kind_of(chapter.segments[owner[i]]) : BookBlockKind::Text;
      section.blocks.push_back(BookBlock{kind, {}});
      last_segment = owner[i];
    }
    const long long begin = std::clamp(cues[i]->start_sample, timed.start_sample, timed.end_sample);
    const long long end = std::clamp(cues[i]->end_sample, begin, timed.end_sample);
    auto& sentences = section.blocks.back().sentences;
    if (end == begin && !sentences.empty()) {  // no time of its own: shown with the sentence before
      sentences.back().text += " " + text;
      continue;
    }
    sentences.push_back(
        BookSentence{"", text, static_cast<double>(begin - timed.start_sample) / rate,
                     static_cast<double>(end - timed.start_sample) / rate});
  }
  if (section.blocks.empty())  // a chapter with nothing spoken still gets its heading in the text
    section.blocks.push_back(BookBlock{BookBlockKind::Heading, {BookSentence{"", section.title, 0, section.duration_s}}});
  int n = 0;  // ids once the blocks are final
  for (auto& block : section.blocks)
    for (auto& sentence : block.sentences) sentence.id = "t" + std::to_string(index + 1) + "_" + std::to_string(++n);
  return section;
}

std::string date_only(const std::string& wanted) {
  if (auto iso = normalize_date(wanted)) return iso->substr(0, 10);
  return {};
}

}  // namespace

double Book::duration_s() const {
  double total = 0;
  for (const auto& s : sections) total += s.duration_s;
  return total;
}

Book make_book(const Script& script, const Timeline& timeline, const BookInfo& info) {
  Book book;
  book.title = clean_label(script.title);
  book.language = script.language.empty() ? "en" : clean_label(script.language);
  book.identifier = info.identifier.empty() ? book_identifier(script, info.salt) : clean_label(info.identifier);
  book.publisher = clean_label(info.publisher);
  const std::string author = clean_label(info.creator.empty() ? script.author : info.creator);
  if (book.publisher.empty()) book.publisher = author.empty() ? "readaloud" : author;
  book.creator = author.empty() ? book.publisher : author;
  book.date = date_only(info.date.empty() ? script.published : info.date);
  if (book.date.empty()) {
    // No date anywhere: today's date (UTC), the day the book was made.
    const std::time_t now = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&now, &tm);
    char buf[16];
    std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
    book.date = buf;
  }
  book.modified = book.date + "T00:00:00Z";
  book.narrator = clean_label(info.narrator);
  book.generator = clean_label(info.generator);
  book.warning_label = clean_label(info.warning_label);
  while (!book.warning_label.empty() && (book.warning_label.back() == '.' || book.warning_label.back() == ':'))
    book.warning_label.pop_back();
  if (book.warning_label.empty()) book.warning_label = "Warning";

  const std::size_t count = std::min(script.chapters.size(), timeline.chapters.size());
  std::size_t next_cue = 0;
  for (std::size_t c = 0; c < count; ++c) {
    const TimedChapter& timed = timeline.chapters[c];
    std::vector<const Cue*> cues;
    while (next_cue < timeline.cues.size() &&
           (timeline.cues[next_cue].start_sample < timed.end_sample || c + 1 == count))
      cues.push_back(&timeline.cues[next_cue++]);
    book.sections.push_back(make_section(script.chapters[c], timed, cues, c, timeline.sample_rate));
  }
  normalize_levels(book.sections);
  return book;
}

std::string book_identifier(const Script& script, std::string_view salt) {
  std::string name = script.title + '\n' + script.language + '\n' + script.voice + '\n' + std::string(salt) + '\n';
  for (const auto& chapter : script.chapters) {
    name += chapter.title + '\n';
    for (const auto& segment : chapter.segments) name += segment.text + '\n';
  }
  return "urn:uuid:" + uuid_text(uuid_v5(kBookNamespace, name));
}

std::string hms_rounded(double seconds) {
  const long long s = std::llround(std::max(0.0, seconds));
  char buf[32];
  std::snprintf(buf, sizeof buf, "%lld:%02lld:%02lld", s / 3600, s / 60 % 60, s % 60);
  return buf;
}

std::string clock_value(double seconds) {
  const long long ms = std::llround(std::max(0.0, seconds) * 1000.0);
  char buf[40];
  std::snprintf(buf, sizeof buf, "%lld:%02lld:%02lld.%03lld", ms / 3600000, ms / 60000 % 60, ms / 1000 % 60, ms % 1000);
  return buf;
}

std::string seconds3(double seconds) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3f", std::max(0.0, seconds));
  return buf;
}

std::string section_stem(std::size_t index) {
  char buf[24];
  std::snprintf(buf, sizeof buf, "s%03zu", index + 1);
  return buf;
}

std::string section_audio(std::size_t index) { return section_stem(index) + ".mp3"; }

}  // namespace readaloud
