#include "ingest/decode.hpp"
#include "util/text.hpp"

#include <iconv.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <optional>

#include "util/error.hpp"
#include "util/utf8.hpp"

namespace readaloud {
namespace {

constexpr std::size_t npos = std::string_view::npos;

/// Owns an iconv conversion descriptor.
class Iconv {
 public:
  Iconv(const char* to, const char* from) : cd_(iconv_open(to, from)) {}
  ~Iconv() {
    if (ok()) iconv_close(cd_);
  }
  Iconv(const Iconv&) = delete;
  Iconv& operator=(const Iconv&) = delete;
  bool ok() const { return cd_ != reinterpret_cast<iconv_t>(-1); }
  iconv_t get() const { return cd_; }

 private:
  iconv_t cd_;
};

std::string hex_byte(unsigned char b) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "0x%02X", static_cast<unsigned>(b));
  return buf;
}

/// 1-based line of `offset` in `text`, counting "\n", "\r\n" and lone "\r".
std::size_t line_at(std::string_view text, std::size_t offset) {
  std::size_t line = 1;
  offset = std::min(offset, text.size());
  for (std::size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') ++line;
    else if (text[i] == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n')) ++line;
  }
  return line;
}

std::string_view strip_utf8_bom(std::string_view s) {
  if (s.substr(0, 3) == "\xEF\xBB\xBF") s.remove_prefix(3);
  return s;
}

[[noreturn]] void throw_binary(std::string_view bytes, std::size_t at) {
  std::string message = "binary data (NUL byte at byte " + std::to_string(at) + "), not text";
  // NULs in every other byte are the signature of UTF-16 without a BOM.
  const std::size_t probe = std::min<std::size_t>(bytes.size(), 64) & ~std::size_t{1};
  std::size_t even = 0, odd = 0;
  for (std::size_t i = 0; i < probe; ++i)
    (i % 2 == 0 ? even : odd) += bytes[i] == '\0';
  if (probe >= 4 && (odd * 2 >= probe / 2 || even * 2 >= probe / 2) && (odd == 0 || even == 0))
    message += odd ? "; if it is UTF-16 without a BOM, try --encoding utf-16le"
                   : "; if it is UTF-16 without a BOM, try --encoding utf-16be";
  Location where;
  where.line = line_at(bytes, at);
  where.byte_offset = at;
  throw Error(ErrorKind::Input, std::move(message), where);
}

/// A file in a well-known binary format, renamed to .txt or piped in, is
/// named as what it is: "invalid UTF-8 at byte 10; try --encoding
/// windows-1252" would send the user to decode a PDF as Windows-1252.
void check_not_binary_format(std::string_view bytes) {
  struct Magic {
    std::string_view prefix;
    const char* what;
  };
  static constexpr Magic kMagic[] = {
      {"%PDF-", "a PDF document"},
      {"PK\x03\x04", "a ZIP archive (.docx, .odt and .epub files are ZIP archives)"},
      {"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", "an old Microsoft Office document (.doc)"},
      {"\x89PNG\r\n\x1A\n", "a PNG image"},
      {"\xFF\xD8\xFF", "a JPEG image"},
      {"GIF87a", "a GIF image"},
      {"GIF89a", "a GIF image"},
      {"\x1F\x8B", "gzip-compressed data"},
      {"\x7F" "ELF", "a program (ELF executable)"},
  };
  for (const Magic& m : kMagic) {
    if (bytes.substr(0, m.prefix.size()) != m.prefix) continue;
    throw_input(std::string("binary data (") + m.what + "), not text");
  }
}

void check_no_nul(std::string_view bytes) {
  const std::size_t at = bytes.find('\0');
  if (at != npos) throw_binary(bytes, at);
}

/// Validates UTF-8 from `from` on; errors carry offsets into `bytes`.
void check_utf8(std::string_view bytes, std::size_t from) {
  const std::size_t at = utf8::find_invalid(bytes, from);
  if (at == npos) return;
  Location where;
  where.line = line_at(bytes, at);
  where.byte_offset = at;
  throw Error(ErrorKind::Input,
              "invalid UTF-8 at byte " + std::to_string(at) + " (line " + std::to_string(where.line) +
                  "); try --encoding windows-1252",
              where);
}

std::size_t count_lines(std::string_view converted) {
  return line_at(converted, converted.size());
}

/// Converts `bytes` from `from` to UTF-8 with iconv. `offset` is where
/// `bytes` starts in the file, so that error offsets are file offsets.
std::string convert(std::string_view bytes, const std::string& from, const std::string& shown_name,
                    std::size_t offset) {
  Iconv cd("UTF-8", from.c_str());
  if (!cd.ok())
    throw_usage("unknown encoding '" + shown_name +
                "' (try utf-8, utf-16, utf-16le, utf-16be, windows-1252 or latin1)");
  std::string out(bytes.size() * 2 + 16, '\0');
  // iconv's interface takes char** for input but never writes through it.
  char* in = const_cast<char*>(bytes.data());
  std::size_t in_left = bytes.size();
  std::size_t used = 0;
  bool flushing = false;
  for (;;) {
    char* out_ptr = out.data() + used;
    std::size_t out_left = out.size() - used;
    const std::size_t rc = flushing ? iconv(cd.get(), nullptr, nullptr, &out_ptr, &out_left)
                                    : iconv(cd.get(), &in, &in_left, &out_ptr, &out_left);
    used = out.size() - out_left;
    if (rc != static_cast<std::size_t>(-1)) {
      if (flushing) break;
      flushing = true;
      continue;
    }
    if (errno == E2BIG) {
      out.resize(out.size() * 2);
      continue;
    }
    const std::size_t at = offset + static_cast<std::size_t>(in - bytes.data());
    Location where;
    where.line = count_lines(std::string_view(out.data(), used));
    where.byte_offset = at;
    if (errno == EINVAL)
      throw Error(ErrorKind::Input,
                  "incomplete " + shown_name + " character at end of input (byte " + std::to_string(at) + ")",
                  where);
    throw Error(ErrorKind::Input,
                "cannot decode byte " + hex_byte(static_cast<unsigned char>(*in)) + " at byte " +
                    std::to_string(at) + " (line " + std::to_string(where.line) + ") as " + shown_name,
                where);
  }
  out.resize(used);
  return out;
}

/// Text converted from UTF-16/32 may hold U+0000 where the file held no NUL
/// byte in isolation, so this check works on the converted text.
void check_no_nul_converted(std::string_view text) {
  const std::size_t at = text.find('\0');
  if (at == npos) return;
  Location where;
  where.line = line_at(text, at);
  throw Error(ErrorKind::Input,
              "binary data (NUL character on line " + std::to_string(where.line) + "), not text", where);
}

std::string finish(std::string_view utf8) { return normalize_newlines(strip_utf8_bom(utf8)); }

}  // namespace

std::string decode_text(std::string_view bytes, const std::string& encoding) {
  check_not_binary_format(bytes);
  const std::string name = ascii_lower(encoding);
  if (name.empty()) {
    if (bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF") {
      const bool le = bytes[0] == '\xFF';
      std::string text = convert(bytes.substr(2), le ? "UTF-16LE" : "UTF-16BE",
                                 le ? "UTF-16LE" : "UTF-16BE", 2);
      check_no_nul_converted(text);
      return finish(text);
    }
    check_no_nul(bytes);
    const std::size_t start = bytes.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
    check_utf8(bytes, start);
    return finish(bytes);
  }
  if (name == "utf-8" || name == "utf8") {
    check_no_nul(bytes);
    check_utf8(bytes, 0);
    return finish(bytes);
  }
  const bool wide = name.find("16") != std::string::npos || name.find("32") != std::string::npos ||
                    name.find("ucs") != std::string::npos;
  if (!wide) check_no_nul(bytes);
  std::string text = convert(bytes, name, encoding, 0);
  if (wide) check_no_nul_converted(text);
  return finish(text);
}

namespace {

/// The replacement for one code point in clean_typography, or nullopt to
/// keep it. An empty replacement removes the code point.
std::optional<std::string_view> typography_replacement(char32_t cp) {
  switch (cp) {
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032: case 0x02BC:
      return "'";
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033:
      return "\"";
    case 0x00A0: case 0x1680: case 0x202F: case 0x205F: case 0x3000:
      return " ";
    case 0x200B: case 0x200C: case 0x200D: case 0x2060: case 0xFEFF: case 0x00AD:
      return "";
    default:
      if (cp >= 0x2000 && cp <= 0x200A) return " ";  // en quad .. hair space
      return std::nullopt;
  }
}

}  // namespace

std::string clean_typography(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      // Copy ASCII runs whole: most text is ASCII, and lines can be megabytes long.
      std::size_t j = i + 1;
      while (j < text.size() && static_cast<unsigned char>(text[j]) < 0x80) ++j;
      out.append(text.substr(i, j - i));
      i = j;
      continue;
    }
    const utf8::Decoded d = utf8::decode(text, i);
    if (!d.valid) {
      out += text[i++];  // kept as it was
      continue;
    }
    if (const auto rep = typography_replacement(d.code_point)) out += *rep;
    else out.append(text.substr(i, d.length));
    i += d.length;
  }
  return out;
}

std::string normalize_newlines(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\r') {
      out += '\n';
      if (i + 1 < s.size() && s[i + 1] == '\n') ++i;
    } else {
      out += s[i];
    }
  }
  return out;
}

}  // namespace readaloud
