#include "util/markup.hpp"

#include <cstdint>

#include "util/utf8.hpp"
#include "util/text.hpp"

namespace readaloud {
namespace {

bool is_control(char32_t cp) { return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F); }
bool is_bidi_control(char32_t cp) { return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069); }
bool is_noncharacter(char32_t cp) { return cp == 0xFFFE || cp == 0xFFFF; }

/// Calls keep(cp, bytes) for each code point of `s` that `drop` does not
/// reject; invalid bytes arrive as U+FFFD.
template <typename Drop, typename Keep>
void for_each_kept(std::string_view s, Drop drop, Keep keep) {
  for (std::size_t i = 0; i < s.size();) {
    const utf8::Decoded d = utf8::decode(s, i);
    if (!d.valid) {
      keep(U'\uFFFD', std::string_view("\xEF\xBF\xBD"));
    } else if (!drop(d.code_point)) {
      keep(d.code_point, s.substr(i, d.length));
    }
    i += d.length;
  }
}

/// Characters XML 1.0 cannot carry at all: C0 and C1 controls but tab, LF
/// and CR, and the noncharacters U+FFFE and U+FFFF.
bool is_not_xml(char32_t cp) {
  return (is_control(cp) && cp != '\t' && cp != '\n' && cp != '\r') || is_noncharacter(cp);
}

/// `s` escaped for XML text or, with `attribute`, for a quoted attribute
/// value, where quotes and the white space that attribute-value
/// normalisation would turn into spaces are escaped too.
std::string xml_escaped(std::string_view s, bool attribute) {
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  for_each_kept(s, is_not_xml, [&](char32_t cp, std::string_view bytes) {
    switch (cp) {
      case '&': out += "&amp;"; return;
      case '<': out += "&lt;"; return;
      case '>': out += "&gt;"; return;
      case '\r': out += "&#13;"; return;
    }
    if (attribute) {
      switch (cp) {
        case '"': out += "&quot;"; return;
        case '\'': out += "&#39;"; return;
        case '\t': out += "&#9;"; return;
        case '\n': out += "&#10;"; return;
      }
    }
    out += bytes;
  });
  return out;
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

std::string xml_text(std::string_view s) { return xml_escaped(s, false); }

std::string xml_attr(std::string_view s) { return xml_escaped(s, true); }

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
  std::size_t host = 0;
  if (starts_with_ascii_ci(url, "https://")) host = 8;
  else if (starts_with_ascii_ci(url, "http://")) host = 7;
  else return false;
  if (url.size() == host || url[host] == '/') return false;  // no host
  for (char c : url) {
    const auto u = static_cast<unsigned char>(c);
    if (u <= 0x20 || u == 0x7F || c == '"' || c == '<' || c == '>' || c == '\\' || c == '`') return false;
  }
  return true;
}

}  // namespace readaloud
