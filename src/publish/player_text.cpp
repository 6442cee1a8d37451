#include "publish/player_text.hpp"

#include <algorithm>
#include <cstdio>

#include "util/error.hpp"

namespace readaloud {
namespace {

// "00:01:02.345" or "01:02.345" -> seconds; negative when it is not a time.
double vtt_time(std::string_view s) {
  int h = 0, m = 0, sec = 0, ms = 0;
  const std::string t(s);
  if (std::sscanf(t.c_str(), "%d:%d:%d.%d", &h, &m, &sec, &ms) == 4) return h * 3600.0 + m * 60.0 + sec + ms / 1000.0;
  if (std::sscanf(t.c_str(), "%d:%d.%d", &m, &sec, &ms) == 3) return m * 60.0 + sec + ms / 1000.0;
  return -1;
}

std::string decode_entities(std::string s) {
  static const std::pair<std::string_view, char> kEntities[] = {{"&lt;", '<'}, {"&gt;", '>'}, {"&amp;", '&'}};
  for (const auto& [entity, c] : kEntities)
    for (auto at = s.find(entity); at != std::string::npos; at = s.find(entity, at + 1))
      s.replace(at, entity.size(), 1, c);
  return s;
}

// Letters and digits only, ASCII lowered: cue text and segment text differ
// in spacing and punctuation at most.
std::string folded(std::string_view s) {
  std::string out;
  for (unsigned char c : s) {
    if (c >= 0x80) out += static_cast<char>(c);
    else if (std::isalnum(c)) out += static_cast<char>(std::tolower(c));
  }
  return out;
}

TextKind kind_of(Role role) {
  if (role == Role::Heading) return TextKind::Heading;
  if (role == Role::Announcement) return TextKind::Announcement;
  return TextKind::Narration;
}

// The script chapter for each timed chapter (by title, in order), or nullptr.
std::vector<const Chapter*> match_chapters(const Script& script, const std::vector<ManifestChapter>& chapters) {
  std::vector<const Chapter*> out(chapters.size(), nullptr);
  std::size_t next = 0;
  for (std::size_t i = 0; i < chapters.size(); ++i)
    for (std::size_t j = next; j < script.chapters.size(); ++j)
      if (script.chapters[j].title == chapters[i].title) {
        out[i] = &script.chapters[j];
        next = j + 1;
        break;
      }
  return out;
}

// Groups one chapter's cues [from, to) into blocks by segment.
std::vector<TextBlock> group_cues(const Chapter* chapter, const std::vector<TimedText>& cues, std::size_t from,
                                  std::size_t to) {
  std::vector<TextBlock> blocks;
  std::vector<std::string> segments;
  if (chapter)
    for (const auto& s : chapter->segments) segments.push_back(folded(s.text));
  std::size_t at = 0;
  long current = -1;
  for (std::size_t i = from; i < to; ++i) {
    const std::string cue = folded(cues[i].text);
    std::size_t found = segments.size();
    for (std::size_t j = at; j < segments.size() && !cue.empty(); ++j)
      if (segments[j].find(cue) != std::string::npos) {
        found = j;
        break;
      }
    if (found < segments.size()) at = found;
    if (blocks.empty() || (found < segments.size() && static_cast<long>(found) != current)) {
      TextBlock block;
      if (chapter && at < chapter->segments.size()) {
        block.kind = kind_of(chapter->segments[at].role);
        block.warning = chapter->segments[at].role == Role::Warning;
      }
      blocks.push_back(block);
      current = static_cast<long>(at);
    }
    blocks.back().sentences.push_back(i);
  }
  return blocks;
}

}  // namespace

std::vector<TimedText> parse_webvtt(std::string_view text, const std::string& name) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  if (!text.starts_with("WEBVTT")) throw_input("not a WebVTT file (no WEBVTT header)", Location{name, 1});
  std::vector<TimedText> cues;
  std::size_t pos = 0;
  bool in_cue = false;
  while (pos <= text.size()) {
    auto end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    pos = end + 1;
    if (line.empty()) {
      in_cue = false;
      continue;
    }
    if (const auto arrow = line.find("-->"); arrow != std::string_view::npos) {
      const double start = vtt_time(line.substr(0, arrow));
      std::string_view rest = line.substr(arrow + 3);
      while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
      const double stop = vtt_time(rest.substr(0, rest.find(' ')));
      if (start >= 0 && stop >= 0) {
        cues.push_back({start, stop, {}});
        in_cue = true;
        continue;
      }
    }
    if (in_cue) {
      auto& t = cues.back().text;
      if (!t.empty()) t += ' ';
      t += decode_entities(std::string(line));
    }
  }
  return cues;
}

PlayerText lay_out_text(const Script& script, const std::vector<ManifestChapter>& chapters,
                        std::vector<TimedText> cues) {
  std::stable_sort(cues.begin(), cues.end(), [](const TimedText& a, const TimedText& b) { return a.start_s < b.start_s; });
  PlayerText out;
  out.sentences = std::move(cues);
  const auto matched = match_chapters(script, chapters);
  std::size_t next = 0;
  for (std::size_t i = 0; i < chapters.size(); ++i) {
    const double until = i + 1 < chapters.size() ? chapters[i + 1].start_s : 1e300;
    std::size_t to = next;
    // 1 ms slack: chapter and cue times are each rounded to the millisecond.
    while (to < out.sentences.size() && out.sentences[to].start_s < until - 0.0005) ++to;
    TextChapter chapter{chapters[i].title, chapters[i].start_s, chapters[i].warning || (matched[i] && matched[i]->warning), {}};
    chapter.blocks = group_cues(matched[i], out.sentences, next, to);
    out.chapters.push_back(std::move(chapter));
    next = to;
  }
  return out;
}

}  // namespace readaloud
