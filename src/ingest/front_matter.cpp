#include "ingest/front_matter.hpp"
#include "util/text.hpp"

#include <vector>

#include "ingest/decode.hpp"
#include "util/error.hpp"

namespace readaloud {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r'; }


bool is_fence(std::string_view line, std::string_view fence) { return trim(line) == fence && line.substr(0, 3) == fence; }

// Values end up spoken, so they get the same typography and whitespace
// treatment as body text.
std::string clean_value(std::string_view raw) { return collapse_spaces(clean_typography(raw)); }

std::string double_quoted(std::string_view v) {
  std::string out;
  for (std::size_t i = 1; i < v.size(); ++i) {
    char c = v[i];
    if (c == '"') break;
    if (c == '\\' && i + 1 < v.size()) {
      char e = v[++i];
      switch (e) {
        case 'n': out += '\n'; break;
        case 't': out += '\t'; break;
        default: out += e; break;  // \" \\ \/ and anything unusual: the character itself
      }
      continue;
    }
    out += c;
  }
  return out;
}

std::string single_quoted(std::string_view v) {
  std::string out;
  for (std::size_t i = 1; i < v.size(); ++i) {
    if (v[i] == '\'') {
      if (i + 1 < v.size() && v[i + 1] == '\'') {
        out += '\'';
        ++i;
        continue;
      }
      break;
    }
    out += v[i];
  }
  return out;
}

std::string_view plain_scalar(std::string_view v) {
  // " #" starts a comment in a plain YAML scalar.
  for (std::size_t i = 0; i + 1 < v.size(); ++i)
    if (is_space(v[i]) && v[i + 1] == '#') return trim(v.substr(0, i));
  return trim(v);
}

}  // namespace

FrontMatter read_front_matter(std::string_view text) {
  FrontMatter fm;
  std::vector<std::string_view> lines;
  for (std::size_t pos = 0; pos <= text.size();) {
    std::size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) {
      lines.push_back(text.substr(pos));
      break;
    }
    lines.push_back(text.substr(pos, nl - pos));
    pos = nl + 1;
    if (lines.size() == 1 && !is_fence(lines[0], "---")) return fm;
  }
  if (lines.empty() || !is_fence(lines[0], "---")) return fm;

  std::size_t close = 0;
  for (std::size_t i = 1; i < lines.size(); ++i) {
    if (is_fence(lines[i], "---") || is_fence(lines[i], "...")) {
      close = i;
      break;
    }
  }
  if (close == 0)
    throw_input("front matter opened with '---' is never closed (expected a '---' line)", Location{"", 1, 1});
  fm.line_count = close + 1;

  std::string description;
  for (std::size_t i = 1; i < close; ++i) {
    std::string_view line = lines[i];
    if (line.empty() || is_space(line[0]) || line[0] == '#' || line[0] == '-') continue;
    std::size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    std::string key = ascii_lower(trim(line.substr(0, colon)));
    std::string_view rest = trim(line.substr(colon + 1));

    std::string value;
    if (!rest.empty() && rest[0] == '"') {
      value = double_quoted(rest);
    } else if (!rest.empty() && rest[0] == '\'') {
      value = single_quoted(rest);
    } else {
      bool block_scalar = !rest.empty() && (rest[0] == '|' || rest[0] == '>');
      if (!block_scalar) value = std::string(plain_scalar(rest));
      // Indented lines continue a block scalar or a plain value; under an
      // empty value they are a nested list or map, which is skipped.
      bool keep = block_scalar || !rest.empty();
      while (i + 1 < close && (trim(lines[i + 1]).empty() || is_space(lines[i + 1][0]))) {
        ++i;
        if (keep) {
          if (!value.empty()) value += ' ';
          value += std::string(trim(lines[i]));
        }
      }
    }

    if (key == "title") fm.title = clean_value(value);
    else if (key == "subtitle") fm.subtitle = clean_value(value);
    else if (key == "description") description = clean_value(value);
    else if (key == "author") fm.author = clean_value(value);
    else if (key == "date") fm.published = clean_value(value);
    else if (key == "lang" || key == "language") fm.language = clean_value(value);
  }
  if (fm.subtitle.empty()) fm.subtitle = description;
  return fm;
}

}  // namespace readaloud
