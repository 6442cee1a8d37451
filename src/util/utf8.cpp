#include "util/utf8.hpp"

#include <utf8proc.h>

#include <cstdlib>
#include <memory>

namespace readaloud::utf8 {

std::size_t sequence_length(std::string_view s, std::size_t i) {
  const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char c = b(i);
  if (c < 0x80) return 1;
  std::size_t len;
  unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
  if (c >= 0xC2 && c <= 0xDF) len = 2;
  else if (c == 0xE0) len = 3, lo = 0xA0;
  else if (c == 0xED) len = 3, hi = 0x9F;
  else if (c >= 0xE1 && c <= 0xEF) len = 3;
  else if (c == 0xF0) len = 4, lo = 0x90;
  else if (c == 0xF4) len = 4, hi = 0x8F;
  else if (c >= 0xF1 && c <= 0xF3) len = 4;
  else return 0;
  if (i + len > s.size()) return 0;
  if (b(i + 1) < lo || b(i + 1) > hi) return 0;
  for (std::size_t k = 2; k < len; ++k)
    if (b(i + k) < 0x80 || b(i + k) > 0xBF) return 0;
  return len;
}

Decoded decode(std::string_view s, std::size_t i) {
  const std::size_t len = sequence_length(s, i);
  if (len == 0) return {0xFFFD, 1, false};
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (len == 1) return {b0, 1, true};
  char32_t cp = b0 & (0x7F >> len);
  for (std::size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  return {cp, len, true};
}

std::size_t find_invalid(std::string_view s, std::size_t from) {
  for (std::size_t i = from; i < s.size();) {
    const std::size_t len = sequence_length(s, i);
    if (len == 0) return i;
    i += len;
  }
  return std::string_view::npos;
}

void append(std::string& out, char32_t cp) {
  if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) cp = 0xFFFD;
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

std::string_view cut(std::string_view s, std::size_t max_bytes) {
  if (s.size() <= max_bytes) return s;
  std::size_t end = max_bytes;
  // Back up over continuation bytes to the start of the character that would be split.
  while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) --end;
  return s.substr(0, end);
}

namespace {

/// Runs utf8proc over `s` with `options`, invalid bytes replaced by U+FFFD first.
std::string map(std::string_view s, int options) {
  std::string clean;
  clean.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const Decoded d = decode(s, i);
    if (d.valid) clean.append(s.substr(i, d.length));
    else append(clean, 0xFFFD);
    i += d.length;
  }
  utf8proc_uint8_t* out = nullptr;
  const utf8proc_ssize_t n =
      utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(clean.data()), static_cast<utf8proc_ssize_t>(clean.size()),
                   &out, static_cast<utf8proc_option_t>(options));
  if (n < 0) return clean;  // cannot happen on valid input; keep the text rather than lose it
  std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> owned(out, &std::free);
  return std::string(reinterpret_cast<const char*>(out), static_cast<std::size_t>(n));
}

/// Latin letters with no canonical decomposition, and their usual ASCII spelling
/// (after case folding).
std::string_view undecomposed_latin(char32_t cp) {
  switch (cp) {
    case 0xE6: return "ae";   // æ
    case 0xF8: return "o";    // ø
    case 0xFE: return "th";   // þ
    case 0xF0: return "d";    // ð
    case 0x153: return "oe";  // œ
    case 0x142: return "l";   // ł
    case 0x111: return "d";   // đ
    case 0x131: return "i";   // ı
    default: return {};
  }
}

}  // namespace

std::string fold_case(std::string_view s) { return map(s, UTF8PROC_CASEFOLD | UTF8PROC_COMPOSE); }

std::string fold_accents(std::string_view s) {
  const std::string stripped = map(s, UTF8PROC_CASEFOLD | UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK);
  std::string out;
  out.reserve(stripped.size());
  for (std::size_t i = 0; i < stripped.size();) {
    const Decoded d = decode(stripped, i);
    const std::string_view ascii = undecomposed_latin(d.code_point);
    if (!ascii.empty()) out += ascii;
    else out.append(stripped.substr(i, d.length));
    i += d.length;
  }
  // Decomposition leaves Hangul and other scripts decomposed: compose them back.
  return map(out, UTF8PROC_COMPOSE);
}

void fold_accents(char32_t cp, std::string& out) {
  if (cp < 0x80) {
    out += static_cast<char>(cp >= 'A' && cp <= 'Z' ? cp - 'A' + 'a' : cp);
    return;
  }
  std::string one;
  append(one, cp);
  out += fold_accents(one);
}

bool joins_without_space(std::string_view before, std::string_view after) {
  const auto unspaced = [](char32_t c) {
    return (c >= 0x3000 && c <= 0x30FF) || (c >= 0x3400 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) ||
           (c >= 0xFF00 && c <= 0xFF60);
  };
  if (before.empty() || after.empty()) return false;
  std::size_t last = before.size() - 1;
  while (last > 0 && (static_cast<unsigned char>(before[last]) & 0xC0) == 0x80) --last;
  return unspaced(decode(before, last).code_point) && unspaced(decode(after, 0).code_point);
}

std::string lower(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : static_cast<char>(c);
      ++i;
      continue;
    }
    const Decoded d = decode(s, i);
    if (d.valid)
      append(out, static_cast<char32_t>(utf8proc_tolower(static_cast<utf8proc_int32_t>(d.code_point))));
    else
      out.append(s.substr(i, d.length));
    i += d.length;
  }
  return out;
}

bool has_letter(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return true;
      ++i;
      continue;
    }
    const Decoded d = decode(s, i);
    const utf8proc_category_t category = utf8proc_category(static_cast<utf8proc_int32_t>(d.code_point));
    if (d.valid && category >= UTF8PROC_CATEGORY_LU && category <= UTF8PROC_CATEGORY_LO) return true;
    i += d.length;
  }
  return false;
}

bool has_cased_letter(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return true;
      ++i;
      continue;
    }
    const Decoded d = decode(s, i);
    const utf8proc_category_t category = utf8proc_category(static_cast<utf8proc_int32_t>(d.code_point));
    if (d.valid && (category == UTF8PROC_CATEGORY_LU || category == UTF8PROC_CATEGORY_LL)) return true;
    i += d.length;
  }
  return false;
}

}  // namespace readaloud::utf8
