#include "analyze/sentences.hpp"

#include "analyze/abbreviations.hpp"
#include "util/text.hpp"

#include <algorithm>
#include <array>
#include <string>

namespace readaloud {
namespace {

// Only bytes are inspected (no full UTF-8 decoding): every multi-byte sequence
// we care about is matched literally, and any other byte is "not a boundary".

bool ascii_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

bool starts_with_at(std::string_view text, std::size_t i, std::string_view what) {
  return text.size() - i >= what.size() && text.compare(i, what.size(), what) == 0;
}

// Length of the whitespace character at i (ASCII, no-break space, the
// U+2000..U+200A spaces and the narrow no-break space French puts before "?"), or 0.
std::size_t space_len(std::string_view text, std::size_t i) {
  if (i >= text.size()) return 0;
  if (ascii_space(text[i])) return 1;
  if (starts_with_at(text, i, "\xC2\xA0")) return 2;
  if (text.size() - i >= 3 && static_cast<unsigned char>(text[i]) == 0xE2 &&
      static_cast<unsigned char>(text[i + 1]) == 0x80) {
    const auto b = static_cast<unsigned char>(text[i + 2]);
    if ((b >= 0x80 && b <= 0x8A) || b == 0xAF) return 3;
  }
  return 0;
}

// Length of the whitespace character that ends just before `end`, or 0.
std::size_t space_len_before(std::string_view text, std::size_t end) {
  if (end == 0) return 0;
  if (ascii_space(text[end - 1])) return 1;
  if (end >= 2 && space_len(text, end - 2) == 2) return 2;
  if (end >= 3 && space_len(text, end - 3) == 3) return 3;
  return 0;
}

std::size_t terminator_len(std::string_view text, std::size_t i) {
  const char c = text[i];
  if (c == '.' || c == '!' || c == '?') return 1;
  if (starts_with_at(text, i, "\xE2\x80\xA6")) return 3;  // …
  // The stops of other scripts, written before a space like "." is: Devanagari
  // and Bengali । and ॥, Arabic ؟ and Urdu ۔, Armenian ։, Ethiopic ።, Myanmar ။, Khmer ។.
  for (std::string_view stop : {"\xE0\xA5\xA4", "\xE0\xA5\xA5", "\xE1\x8D\xA2", "\xE1\x81\x8B", "\xE1\x9F\x94"})
    if (starts_with_at(text, i, stop)) return 3;
  for (std::string_view stop : {"\xD8\x9F", "\xDB\x94", "\xD6\x89"})
    if (starts_with_at(text, i, stop)) return 2;
  return 0;
}

// Chinese and Japanese full stops (。！？ and the fullwidth ．): they end a
// sentence with no space after them.
std::size_t cjk_terminator_len(std::string_view text, std::size_t i) {
  for (std::string_view stop : {"\xE3\x80\x82", "\xEF\xBC\x81", "\xEF\xBC\x9F", "\xEF\xBC\x8E"})
    if (starts_with_at(text, i, stop)) return 3;
  return 0;
}

// Closing quotes and brackets that belong to the sentence they follow.
std::size_t closer_len(std::string_view text, std::size_t i) {
  const char c = text[i];
  if (c == '"' || c == '\'' || c == ')' || c == ']' || c == '}') return 1;
  if (starts_with_at(text, i, "\xC2\xBB")) return 2;          // »
  if (starts_with_at(text, i, "\xE2\x80\x9D") ||              // ”
      starts_with_at(text, i, "\xE2\x80\x99") ||              // ’
      starts_with_at(text, i, "\xE2\x80\xBA") ||              // ›
      starts_with_at(text, i, "\xE3\x80\x8D") ||              // 」
      starts_with_at(text, i, "\xE3\x80\x8F") ||              // 』
      starts_with_at(text, i, "\xEF\xBC\x89"))                // ）
    return 3;
  return 0;
}

bool ascii_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_ascii_lower(char c) { return c >= 'a' && c <= 'z'; }
bool ascii_alpha(char c) { return ascii_upper(c) || is_ascii_lower(c); }
bool ascii_digit(char c) { return c >= '0' && c <= '9'; }

// Latin-1 letters: U+00C0..U+00DE are uppercase, U+00DF..U+00FF lowercase
// (except the multiplication and division signs).
bool starts_lowercase(std::string_view text, std::size_t i) {
  if (is_ascii_lower(text[i])) return true;
  if (text.size() - i >= 2 && static_cast<unsigned char>(text[i]) == 0xC3) {
    const auto b = static_cast<unsigned char>(text[i + 1]);
    return b >= 0x9F && b <= 0xBF && b != 0xB7;
  }
  return false;
}

bool starts_uppercase(std::string_view text, std::size_t i) {
  if (ascii_upper(text[i])) return true;
  if (text.size() - i >= 2 && static_cast<unsigned char>(text[i]) == 0xC3) {
    const auto b = static_cast<unsigned char>(text[i + 1]);
    return b >= 0x80 && b <= 0x9E && b != 0x97;
  }
  return false;
}

// "U.S" (before the final dot): single letters joined by dots.
bool dotted_uppercase_acronym(std::string_view w) {
  if (w.size() < 3 || w.size() % 2 == 0) return false;
  for (std::size_t i = 0; i < w.size(); ++i) {
    if (i % 2 == 0 ? !ascii_upper(w[i]) : w[i] != '.') return false;
  }
  return true;
}

constexpr std::size_t kMaxWordLookback = 40;

// Start of the word that ends at `end` (exclusive), looking back a bounded
// distance so the whole split stays linear.
std::size_t word_start(std::string_view text, std::size_t end) {
  std::size_t p = end;
  while (p > 0 && end - p < kMaxWordLookback && space_len_before(text, p) == 0) --p;
  return p;
}

// Does the "." at `dot` end a sentence, given that the next visible character is at `next`?
bool all_digits(std::string_view w) {
  return !w.empty() && std::all_of(w.begin(), w.end(), [](char c) { return ascii_digit(c); });
}

// The word that starts at `at`, up to the next space or punctuation, lowercased.
std::string next_word_lower(std::string_view text, std::size_t at) {
  std::size_t e = at;
  while (e < text.size() && e - at < kMaxWordLookback && space_len(text, e) == 0 &&
         (static_cast<unsigned char>(text[e]) >= 0x80 || ascii_alpha(text[e])))
    ++e;
  return ascii_lower(text.substr(at, e - at));
}

bool dot_ends_sentence(std::string_view text, std::size_t dot, std::size_t next, const Abbreviations& abbr) {
  std::size_t ws = word_start(text, dot);
  // Skip opening punctuation glued to the word: ( " ' [ “ ‘ « ¿ ¡.
  while (ws < dot && !ascii_alpha(text[ws]) && !ascii_digit(text[ws]) &&
         static_cast<unsigned char>(text[ws]) < 0x80)
    ++ws;
  for (std::string_view opener : {"\xE2\x80\x9C", "\xE2\x80\x98", "\xC2\xAB", "\xC2\xBF", "\xC2\xA1"})
    if (starts_with_at(text, ws, opener) && ws + opener.size() <= dot) ws += opener.size();
  const std::string_view word = text.substr(ws, dot - ws);
  if (word.empty()) return true;
  const std::string lower = ascii_lower(word);
  if (abbr.always.contains(lower)) return false;
  if (ascii_digit(text[next]) && abbr.before_number.contains(lower)) return false;
  if (all_digits(word) && !abbr.ordinal_before.empty() && abbr.ordinal_before.contains(next_word_lower(text, next)))
    return false;
  if (dotted_uppercase_acronym(word)) return false;
  if (word.size() == 1 && is_ascii_lower(word[0])) return false;  // "z. B.", "p. ej."
  if (word.size() == 1 && ascii_upper(word[0])) {
    // An initial when it follows a capitalised word or another initial
    // ("John F. Kennedy", "J. K."), or starts the text. "vitamin C." ends a sentence.
    std::size_t p = ws;
    std::size_t skipped = 0;
    while (p > 0 && skipped < kMaxWordLookback) {
      const std::size_t n = space_len_before(text, p);
      if (n == 0) break;
      p -= n;
      skipped += n;
    }
    if (p == 0) return false;
    // Followed by another initial ("by J. K. Rowan").
    if (next + 1 < text.size() && ascii_upper(text[next]) && text[next + 1] == '.') return false;
    if (p == ws) return true;  // glued to something; not an initial
    const std::size_t prev = word_start(text, p);
    const std::string_view prev_word = text.substr(prev, p - prev);
    if (prev_word.empty()) return true;
    if (starts_uppercase(text, prev)) return false;
    if (prev_word.size() == 2 && ascii_alpha(prev_word[0]) && prev_word[1] == '.') return false;
  }
  return true;
}

void emit(std::string_view text, std::size_t begin, std::size_t end, std::vector<TextRange>& out) {
  while (begin < end) {
    const std::size_t n = space_len(text, begin);
    if (n == 0) break;
    begin += n;
  }
  while (end > begin) {
    const std::size_t n = space_len_before(text, end);
    if (n == 0) break;
    end -= n;
  }
  if (begin < end) out.push_back(TextRange{begin, end});
}

}  // namespace

std::vector<TextRange> split_sentences(std::string_view text, std::string_view language) {
  const Abbreviations& abbr = abbreviations_for(language);
  std::vector<TextRange> out;
  std::size_t start = 0;
  std::size_t i = 0;
  const std::size_t n = text.size();
  while (i < n) {
    if (text[i] == '\n') {
      // A blank line always separates sentences.
      std::size_t w = i;
      int newlines = 0;
      while (w < n && ascii_space(text[w])) newlines += text[w++] == '\n';
      if (newlines >= 2) {
        emit(text, start, i, out);
        start = w;
      }
      i = w;
      continue;
    }
    if (const std::size_t cjk = cjk_terminator_len(text, i)) {
      i += cjk;
      while (i < n && (cjk_terminator_len(text, i) > 0 || terminator_len(text, i) > 0))
        i += std::max(cjk_terminator_len(text, i), terminator_len(text, i));
      while (i < n && closer_len(text, i) > 0) i += closer_len(text, i);
      emit(text, start, i, out);
      start = i;
      continue;
    }
    const std::size_t t = terminator_len(text, i);
    if (t == 0) {
      ++i;
      continue;
    }
    // The whole run of terminators ("?!", "...", "…") and closing quotes.
    const std::size_t run_begin = i;
    bool single_dot = text[i] == '.';
    i += t;
    while (i < n && terminator_len(text, i) > 0) {
      single_dot = false;
      i += terminator_len(text, i);
    }
    while (i < n && closer_len(text, i) > 0) i += closer_len(text, i);
    if (i >= n) break;
    if (space_len(text, i) == 0) continue;  // "2.5", "e.g.,", "www.x.org"
    std::size_t next = i;
    while (next < n && space_len(text, next) > 0) next += space_len(text, next);
    if (next >= n) break;
    if (starts_lowercase(text, next)) continue;  // "etc. and", "Wait... what"
    if (single_dot && !dot_ends_sentence(text, run_begin, next, abbr)) continue;
    emit(text, start, i, out);
    start = i;
  }
  emit(text, start, n, out);
  return out;
}

}  // namespace readaloud
