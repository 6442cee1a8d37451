#include "render/naming.hpp"

#include <cstdint>
#include <cstdio>
#include <set>

#include "util/text.hpp"
#include "util/utf8.hpp"

namespace readaloud {
namespace {

bool is_ascii_alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

/// FNV-1a: small, stable across runs and machines, enough to tell titles apart.
std::uint32_t fnv1a(std::string_view s) {
  std::uint32_t h = 2166136261u;
  for (unsigned char c : s) h = (h ^ c) * 16777619u;
  return h;
}

}  // namespace

std::string slugify(std::string_view title) {
  // Accents folded per character, so that a letter the folding leaves alone
  // (another script) separates words like a symbol does.
  std::string slug;
  bool hyphen = false;
  for (std::size_t i = 0; i < title.size() && slug.size() < kMaxSlugBytes;) {
    const utf8::Decoded d = utf8::decode(title, i);
    i += d.length;
    if (d.code_point == '\'' || d.code_point == 0x2019) continue;  // "Don't" -> "dont", not "don-t"
    std::string folded;
    utf8::fold_accents(d.code_point, folded);
    bool any = false;
    for (char c : folded) {
      if (!is_ascii_alnum(c)) continue;
      if (hyphen && !slug.empty()) slug += '-';
      hyphen = false;
      slug += c;
      any = true;
    }
    if (!any) hyphen = true;
  }
  if (slug.size() > kMaxSlugBytes) slug.resize(kMaxSlugBytes);
  while (!slug.empty() && slug.back() == '-') slug.pop_back();
  if (slug.empty()) {
    char hex[9];
    std::snprintf(hex, sizeof hex, "%08x", static_cast<unsigned>(fnv1a(title)));
    return std::string("article-") + hex;
  }
  if (is_reserved_file_name(slug)) slug += "-article";
  return slug;
}

bool is_reserved_file_name(std::string_view name) {
  if (name.empty()) return false;
  if (name.back() == '.' || name.back() == ' ') return true;
  const std::string stem = ascii_lower(name.substr(0, name.find('.')));
  static const std::set<std::string> kDevices = {"con", "prn", "aux", "nul"};
  if (kDevices.count(stem)) return true;
  return stem.size() == 4 && (stem.starts_with("com") || stem.starts_with("lpt")) && stem[3] >= '0' && stem[3] <= '9';
}

std::vector<std::string> unique_names(const std::vector<std::string>& slugs) {
  std::vector<std::string> out(slugs.size());
  std::set<std::string> taken;  // case folded
  for (std::size_t i = 0; i < slugs.size(); ++i) {
    if (slugs[i].empty()) continue;
    std::string name = slugs[i];
    for (int n = 2; taken.count(utf8::fold_case(name)); ++n) name = slugs[i] + "-" + std::to_string(n);
    taken.insert(utf8::fold_case(name));
    out[i] = name;
  }
  return out;
}

}  // namespace readaloud
