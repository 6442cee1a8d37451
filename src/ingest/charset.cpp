#include "ingest/charset.hpp"

#include <iconv.h>

#include <algorithm>
#include <cerrno>
#include <string_view>
#include <unordered_map>

#include "ingest/decode.hpp"
#include "util/text.hpp"
#include "util/utf8.hpp"

namespace readaloud {
namespace {

constexpr std::size_t npos = std::string_view::npos;

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

/// Owns an iconv conversion descriptor.
class IconvHandle {
 public:
  IconvHandle(const char* to, const char* from) : cd_(iconv_open(to, from)) {}
  ~IconvHandle() {
    if (ok()) iconv_close(cd_);
  }
  IconvHandle(const IconvHandle&) = delete;
  IconvHandle& operator=(const IconvHandle&) = delete;
  bool ok() const { return cd_ != reinterpret_cast<iconv_t>(-1); }
  iconv_t get() const { return cd_; }

 private:
  iconv_t cd_;
};

/// `bytes` from `from` to UTF-8; a byte that cannot start a character
/// becomes U+FFFD and decoding goes on after it, as browsers do.
std::string convert_lossy(std::string_view bytes, const std::string& from) {
  IconvHandle cd("UTF-8", from.c_str());
  std::string out(bytes.size() * 2 + 16, '\0');
  char* in = const_cast<char*>(bytes.data());  // iconv takes char** but never writes input
  std::size_t in_left = bytes.size();
  std::size_t used = 0;
  while (in_left > 0) {
    char* out_ptr = out.data() + used;
    std::size_t out_left = out.size() - used;
    const std::size_t rc = iconv(cd.get(), &in, &in_left, &out_ptr, &out_left);
    used = out.size() - out_left;
    if (rc != static_cast<std::size_t>(-1)) break;
    if (errno == E2BIG || out.size() - used < 8) {
      out.resize(out.size() * 2);
      continue;
    }
    // EILSEQ or EINVAL (truncated at the end): replace one byte and go on.
    out.replace(used, 3, "\xEF\xBF\xBD");
    used += 3;
    ++in;
    --in_left;
    iconv(cd.get(), nullptr, nullptr, nullptr, nullptr);  // reset shift state
  }
  char* out_ptr = out.data() + used;
  std::size_t out_left = out.size() - used;
  iconv(cd.get(), nullptr, nullptr, &out_ptr, &out_left);  // flush a stateful encoding
  out.resize(out.size() - out_left);
  return out;
}

bool has_bom(std::string_view b) {
  return b.substr(0, 3) == "\xEF\xBB\xBF" || b.substr(0, 2) == "\xFF\xFE" || b.substr(0, 2) == "\xFE\xFF";
}

/// The value after `key` "=" in `tag` (lowercased tag text), quotes and
/// spaces skipped; sets `found` when the key and "=" are there at all.
std::string value_after(std::string_view tag, std::string_view key, std::size_t from, bool& found) {
  const std::size_t at = tag.find(key, from);
  if (at == npos) return {};
  std::size_t p = at + key.size();
  while (p < tag.size() && is_space(tag[p])) ++p;
  if (p >= tag.size() || tag[p] != '=') return {};
  found = true;
  ++p;
  while (p < tag.size() && (is_space(tag[p]) || tag[p] == '"' || tag[p] == '\'')) ++p;
  std::size_t q = p;
  while (q < tag.size() && !is_space(tag[q]) && tag[q] != '"' && tag[q] != '\'' && tag[q] != ';' && tag[q] != '/' &&
         tag[q] != '>' && tag[q] != '?')
    ++q;
  return std::string(tag.substr(p, q - p));
}

std::size_t line_of_offset(std::string_view s, std::size_t at) {
  return 1 + static_cast<std::size_t>(std::count(s.begin(), s.begin() + static_cast<long>(at), '\n'));
}

}  // namespace

CharsetDeclaration find_charset_declaration(std::string_view bytes) {
  const std::string_view raw = bytes.substr(0, kCharsetScanBytes);
  const std::string head = ascii_lower(raw);
  CharsetDeclaration d;
  if (head.rfind("<?xml", 0) == 0) {
    const std::size_t end = std::min(head.find("?>"), head.size());
    bool found = false;
    std::string label = value_after(std::string_view(head).substr(0, end), "encoding", 0, found);
    if (found) return {true, std::string(raw.substr(head.find(label, 5), label.size())), 1};
  }
  for (std::size_t at = head.find("<meta"); at != npos; at = head.find("<meta", at + 5)) {
    const std::size_t end = std::min(head.find('>', at), head.size());
    const std::string_view tag = std::string_view(head).substr(at, end - at);
    bool found = false;
    std::string label = value_after(tag, "charset", 0, found);
    if (!found) continue;
    // Report the label as written, not lowercased.
    const std::size_t in_tag = label.empty() ? npos : tag.find(label, tag.find("charset"));
    d.found = true;
    d.label = in_tag == npos ? label : std::string(raw.substr(at + in_tag, label.size()));
    d.line = line_of_offset(head, at);
    return d;
  }
  return d;
}

std::string iconv_name_for_label(std::string_view label_in) {
  std::string label = ascii_lower(label_in);
  while (!label.empty() && is_space(label.back())) label.pop_back();
  while (!label.empty() && is_space(label.front())) label.erase(0, 1);
  static const std::unordered_map<std::string, std::string> kLabels = {
      {"utf-8", "UTF-8"}, {"utf8", "UTF-8"}, {"unicode-1-1-utf-8", "UTF-8"}, {"x-unicode20utf8", "UTF-8"},
      {"utf-16", "UTF-8"}, {"utf-16le", "UTF-8"}, {"utf-16be", "UTF-8"}, {"unicode", "UTF-8"},
      {"us-ascii", "WINDOWS-1252"}, {"ascii", "WINDOWS-1252"}, {"iso-8859-1", "WINDOWS-1252"},
      {"iso8859-1", "WINDOWS-1252"}, {"iso_8859-1", "WINDOWS-1252"}, {"latin1", "WINDOWS-1252"},
      {"l1", "WINDOWS-1252"}, {"cp819", "WINDOWS-1252"}, {"cp1252", "WINDOWS-1252"},
      {"x-cp1252", "WINDOWS-1252"}, {"iso-8859-9", "WINDOWS-1254"}, {"latin5", "WINDOWS-1254"},
      {"iso-8859-11", "CP874"}, {"tis-620", "CP874"}, {"windows-874", "CP874"},
      {"gb2312", "GB18030"}, {"gbk", "GB18030"}, {"gb_2312-80", "GB18030"}, {"gb_2312", "GB18030"},
      {"chinese", "GB18030"}, {"csgb2312", "GB18030"}, {"x-gbk", "GB18030"}, {"cp936", "GB18030"},
      {"ms936", "GB18030"}, {"windows-936", "GB18030"}, {"iso-ir-58", "GB18030"}, {"gb18030", "GB18030"},
      {"big5", "BIG5-HKSCS"}, {"big5-hkscs", "BIG5-HKSCS"}, {"cn-big5", "BIG5-HKSCS"}, {"x-x-big5", "BIG5-HKSCS"},
      {"shift_jis", "CP932"}, {"shift-jis", "CP932"}, {"sjis", "CP932"}, {"ms_kanji", "CP932"},
      {"x-sjis", "CP932"}, {"windows-31j", "CP932"}, {"csshiftjis", "CP932"}, {"ms932", "CP932"},
      {"euc-jp", "EUC-JP"}, {"x-euc-jp", "EUC-JP"}, {"iso-2022-jp", "ISO-2022-JP"},
      {"euc-kr", "CP949"}, {"ks_c_5601-1987", "CP949"}, {"windows-949", "CP949"}, {"cp949", "CP949"},
      {"ksc5601", "CP949"}, {"korean", "CP949"}, {"csksc56011987", "CP949"},
      {"koi8-r", "KOI8-R"}, {"koi8r", "KOI8-R"}, {"koi8-u", "KOI8-U"}, {"macintosh", "MACINTOSH"},
      {"mac", "MACINTOSH"}, {"x-mac-roman", "MACINTOSH"}, {"ibm866", "CP866"}, {"cp866", "CP866"},
  };
  if (auto it = kLabels.find(label); it != kLabels.end()) return it->second;
  // windows-1250..1258, cp1250.., and iso-8859-N / iso8859-N / iso_8859-N.
  for (std::string_view prefix : {"windows-125", "cp125", "x-cp125"}) {
    if (label.size() == prefix.size() + 1 && label.rfind(prefix, 0) == 0 && label.back() >= '0' &&
        label.back() <= '8')
      return std::string("WINDOWS-125") + label.back();
  }
  for (std::string_view prefix : {"iso-8859-", "iso8859-", "iso_8859-"}) {
    if (label.rfind(prefix, 0) != 0) continue;
    const std::string n = label.substr(prefix.size());
    static const char* kParts[] = {"2", "3", "4", "5", "6", "7", "8", "10", "13", "14", "15", "16"};
    for (const char* part : kParts)
      if (n == part) return "ISO-8859-" + n;
  }
  return {};
}

DecodedPage decode_html_page(std::string_view bytes, const std::string& encoding) {
  if (!encoding.empty()) return {decode_text(bytes, encoding), encoding, "--encoding", ""};
  if (has_bom(bytes)) {
    const bool utf8 = bytes[0] == '\xEF';
    return {decode_text(bytes, ""), utf8 ? "UTF-8" : "UTF-16", "byte order mark", ""};
  }
  const CharsetDeclaration declared = find_charset_declaration(bytes);
  const std::string name = declared.found ? iconv_name_for_label(declared.label) : "";
  std::string warning;
  if (declared.found && name.empty()) {
    warning = (declared.label.empty() ? std::string("an empty charset") : "unknown charset '" + declared.label + "'") +
              " declared in <meta> on line " + std::to_string(declared.line) + "; ";
  }
  if (utf8::is_valid(bytes)) {
    // decode_text still refuses binary data (NUL bytes, PDF or ZIP magic).
    DecodedPage page{decode_text(bytes, "utf-8"), "UTF-8", "valid UTF-8 bytes", ""};
    if (!warning.empty()) page.warning = warning + "the bytes are valid UTF-8, read as UTF-8";
    if (declared.found && name == "UTF-8") page.source = "declared in <meta>";
    return page;
  }
  if (bytes.find('\0') != npos) decode_text(bytes, "utf-8");  // throws the binary-data error
  if (name == "UTF-8") {
    return {normalize_newlines(convert_lossy(bytes, "UTF-8")), "UTF-8", "declared in <meta>",
            "the page declares UTF-8 but holds invalid UTF-8 bytes; they are read as U+FFFD"};
  }
  if (!name.empty()) {
    IconvHandle probe("UTF-8", name.c_str());
    if (probe.ok()) return {normalize_newlines(convert_lossy(bytes, name)), name, "declared in <meta>", ""};
    warning = "charset '" + declared.label + "' declared in <meta> on line " + std::to_string(declared.line) +
              " cannot be decoded here; ";
  }
  DecodedPage page{normalize_newlines(convert_lossy(bytes, "WINDOWS-1252")), "WINDOWS-1252",
                   declared.found ? "sniffed" : "default", ""};
  if (!warning.empty()) page.warning = warning + "the bytes are not UTF-8, read as windows-1252";
  return page;
}

}  // namespace readaloud
