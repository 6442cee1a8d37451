#include "util/markup.hpp"

#include <cstdint>

namespace readaloud {
namespace {

constexpr char32_t kInvalid = 0xFFFFFFFF;

/// The code point at s[i] and its length in bytes; kInvalid (length 1) for a
/// byte that does not start a well-formed UTF-8 sequence.
std::pair<char32_t, std::size_t> code_point_at(std::string_view s, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char c = byte(i);
  if (c < 0x80) return {c, 1};
  std::size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
  if (len == 0 || c > 0xF4 || i + len > s.size()) return {kInvalid, 1};
  char32_t cp = c & (0x7F >> len);
  for (std::size_t k = 1; k < len; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return {kInvalid, 1};
    cp = (cp << 6) | (byte(i + k) & 0x3F);
  }
  static constexpr char32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < kMin[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return {kInvalid, 1};
  return {cp, len};
}

bool is_control(char32_t cp) { return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F); }
bool is_bidi_control(char32_t cp) { return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069); }
bool is_noncharacter(char32_t cp) { return cp == 0xFFFE || cp == 0xFFFF; }

/// Calls keep(cp, bytes) for each code point of `s` that `drop` does not
/// reject; invalid bytes arrive as U+FFFD.
template <typename Drop, typename Keep>
void for_each_kept(std::string_view s, Drop drop, Keep keep) {
  for (std::size_t i = 0; i < s.size();) {
    auto [cp, len] = code_point_at(s, i);
    if (cp == kInvalid) {
      keep(U'\uFFFD', std::string_view("\xEF\xBF\xBD"));
    } else if (!drop(cp)) {
      keep(cp, s.substr(i, len));
    }
    i += len;
  }
}

}  // namespace

std::string strip_controls(std::string_view s, bool keep_newlines) {
  std::string out;
  out.reserve(s.size());
  const auto drop = [&](char32_t cp) {
    if (keep_newlines && (cp == '\t' || cp == '\n' || cp == '\r')) return false;
    return is_control(cp) || is_noncharacter(cp);
  };
  for_each_kept(s, drop, [&](char32_t, std::string_view bytes) { out += bytes; });
  return out;
}

std::string clean_label(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  const auto is_space = [](char32_t cp) { return cp == ' ' || (cp >= '\t' && cp <= '\r'); };
  const auto drop = [&](char32_t cp) {
    return (is_control(cp) && !is_space(cp)) || is_noncharacter(cp) || is_bidi_control(cp);
  };
  // Line breaks and tabs become single spaces, so a label stays on one line
  // without joining its words.
  for_each_kept(s, drop, [&](char32_t cp, std::string_view bytes) {
    if (!is_space(cp)) out += bytes;
    else if (!out.empty() && out.back() != ' ') out += ' ';
  });
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::string xml_text(std::string_view s) {
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  const auto drop = [](char32_t cp) {
    return (is_control(cp) && cp != '\t' && cp != '\n' && cp != '\r') || is_noncharacter(cp);
  };
  for_each_kept(s, drop, [&](char32_t cp, std::string_view bytes) {
    switch (cp) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '\r': out += "&#13;"; break;
      default: out += bytes;
    }
  });
  return out;
}

std::string xml_attr(std::string_view s) {
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  const auto drop = [](char32_t cp) {
    return (is_control(cp) && cp != '\t' && cp != '\n' && cp != '\r') || is_noncharacter(cp);
  };
  for_each_kept(s, drop, [&](char32_t cp, std::string_view bytes) {
    switch (cp) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      case '\t': out += "&#9;"; break;
      case '\n': out += "&#10;"; break;
      case '\r': out += "&#13;"; break;
      default: out += bytes;
    }
  });
  return out;
}

std::string xml_cdata(std::string_view s) {
  const std::string clean = strip_controls(s);
  std::string out = "<![CDATA[";
  std::size_t from = 0;
  for (std::size_t at = clean.find("]]>"); at != std::string::npos; at = clean.find("]]>", from)) {
    out.append(clean, from, at + 2 - from);  // up to and including "]]"
    out += "]]><![CDATA[";
    from = at + 2;  // the ">" starts the next section
  }
  out.append(clean, from);
  out += "]]>";
  return out;
}

bool is_web_url(std::string_view url) {
  const auto starts_with_nocase = [&](std::string_view prefix) {
    if (url.size() < prefix.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i) {
      char c = url[i];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      if (c != prefix[i]) return false;
    }
    return true;
  };
  std::size_t host = 0;
  if (starts_with_nocase("https://")) host = 8;
  else if (starts_with_nocase("http://")) host = 7;
  else return false;
  if (url.size() == host || url[host] == '/') return false;  // no host
  for (char c : url) {
    const auto u = static_cast<unsigned char>(c);
    if (u <= 0x20 || u == 0x7F || c == '"' || c == '<' || c == '>' || c == '\\' || c == '`') return false;
  }
  return true;
}

}  // namespace readaloud
