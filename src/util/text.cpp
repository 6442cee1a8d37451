#include "util/text.hpp"

#include <algorithm>
#include <cctype>

namespace readaloud {

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = ascii_lower(c);
  return out;
}

bool starts_with_ascii_ci(std::string_view s, std::string_view lower_prefix) {
  if (s.size() < lower_prefix.size()) return false;
  for (std::size_t i = 0; i < lower_prefix.size(); ++i)
    if (ascii_lower(s[i]) != lower_prefix[i]) return false;
  return true;
}

std::size_t find_ascii_ci(std::string_view hay, std::string_view lower_needle, std::size_t from) {
  if (lower_needle.empty() || hay.size() < lower_needle.size()) return std::string_view::npos;
  for (std::size_t i = from; i + lower_needle.size() <= hay.size(); ++i)
    if (starts_with_ascii_ci(hay.substr(i), lower_needle)) return i;
  return std::string_view::npos;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_ascii_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_ascii_space(s.back())) s.remove_suffix(1);
  return s;
}

std::string_view without_permalink_mark(std::string_view s) {
  // The pilcrow (Sphinx, MkDocs), the section sign and the link symbol.
  constexpr std::string_view kMarks[] = {"\u00B6", "\u00A7", "\U0001F517"};
  std::string_view t = s;
  while (!t.empty() && t.back() == ' ') t.remove_suffix(1);
  const auto mark = std::find_if(std::begin(kMarks), std::end(kMarks), [&](std::string_view m) { return t.ends_with(m); });
  if (mark == std::end(kMarks) || t.size() == mark->size()) return s;
  t.remove_suffix(mark->size());
  while (!t.empty() && t.back() == ' ') t.remove_suffix(1);
  return t;
}

std::size_t caption_label_size(std::string_view s) {
  for (std::string_view label : {"Image caption, ", "Media caption, ", "Video caption, ", "Caption, "})
    if (s.starts_with(label) && s.size() > label.size()) return label.size();
  return 0;
}

std::string collapse_spaces(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool space = false;
  for (char c : s) {
    if (is_ascii_space(c)) {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

std::vector<std::string> lowercase_words(std::string_view s, std::size_t min_bytes) {
  std::vector<std::string> out;
  std::string word;
  const auto flush = [&] {
    if (!word.empty() && word.size() >= min_bytes) out.push_back(word);
    word.clear();
  };
  for (const char c : s) {
    if (std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80) {
      word += ascii_lower(c);
    } else {
      flush();
    }
  }
  flush();
  return out;
}

bool holds_phone_number(std::string_view text) {
  constexpr int kMinDigits = 7;
  int digits = 0;
  for (char c : text) {
    if (std::isdigit(static_cast<unsigned char>(c)) != 0) {
      if (++digits >= kMinDigits) return true;
    } else if (c != ' ' && c != '-' && c != '.' && c != '(' && c != ')' && c != '+') {
      digits = 0;
    }
  }
  return false;
}

std::size_t clock_bytes(std::string_view t) {
  std::size_t digits = 0;
  while (digits < t.size() && std::isdigit(static_cast<unsigned char>(t[digits]))) ++digits;
  const bool clock = digits >= 1 && digits <= 2 && t.size() >= digits + 3 && t[digits] == ':' &&
                     std::isdigit(static_cast<unsigned char>(t[digits + 1])) &&
                     std::isdigit(static_cast<unsigned char>(t[digits + 2]));
  return clock ? digits + 3 : 0;
}

bool is_clock(std::string_view t) {
  const std::size_t clock = clock_bytes(t);
  if (clock == 0) return false;
  if (clock == t.size()) return true;
  const std::string_view seconds = t.substr(clock);  // ":03" after "1:02"
  return seconds.size() == 3 && seconds[0] == ':' && std::isdigit(static_cast<unsigned char>(seconds[1])) &&
         std::isdigit(static_cast<unsigned char>(seconds[2]));
}

bool speaks_of_emergency(std::string_view lower) {
  static constexpr std::string_view kUrgent[] = {"emergenc", "urgent", "immediately", "right away", "urgence",
                                                 "urgencia", "notfall", "emergência", "urgência", "112", "911",
                                                 "999"};
  return std::any_of(std::begin(kUrgent), std::end(kUrgent),
                     [&](std::string_view w) { return lower.find(w) != std::string_view::npos; });
}

}  // namespace readaloud
