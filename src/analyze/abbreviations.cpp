#include "analyze/abbreviations.hpp"

#include <toml++/toml.h>

#include "document/languages.hpp"
#include "util/error.hpp"
#include "util/text.hpp"

namespace readaloud {
namespace {

[[noreturn]] void bad_file(const std::string& source, const toml::source_region& where, const std::string& what) {
  Location at{source};
  at.line = where.begin.line;
  at.column = where.begin.column;
  throw Error(ErrorKind::Input, "bad abbreviation list: " + what, at);
}

std::set<std::string, std::less<>> word_list(const toml::node& node, const std::string& key,
                                             const std::string& source) {
  const toml::array* array = node.as_array();
  if (!array) bad_file(source, node.source(), "'" + key + "' must be a list of strings");
  std::set<std::string, std::less<>> out;
  for (const toml::node& item : *array) {
    const auto value = item.value<std::string>();
    if (!value || value->empty()) bad_file(source, item.source(), "'" + key + "' holds a non-string or empty entry");
    out.insert(ascii_lower(*value));
  }
  return out;
}

}  // namespace

Abbreviations parse_abbreviations(std::string_view toml_text, const std::string& source) {
  toml::table doc;
  try {
    doc = toml::parse(toml_text, source);
  } catch (const toml::parse_error& e) {
    bad_file(source, e.source(), std::string(e.description()));
  }
  Abbreviations out;
  for (const auto& [key, node] : doc) {
    const std::string name(key.str());
    if (name == "always") out.always = word_list(node, name, source);
    else if (name == "before_number") out.before_number = word_list(node, name, source);
    else if (name == "ordinal_before") out.ordinal_before = word_list(node, name, source);
    else bad_file(source, node.source(), "unknown key '" + name + "' (expected always, before_number, ordinal_before)");
  }
  return out;
}

const Abbreviations& abbreviations_for(std::string_view language) {
  static const LanguageCache<Abbreviations> cache([](const std::string& code) {
    const std::string path = "data/abbreviations/" + code + ".toml";
    const auto text = language_resource("abbreviations", code);
    if (!text) throw Error(ErrorKind::Runtime, "abbreviation list missing from the build: " + path);
    Abbreviations a = parse_abbreviations(*text, path);
    a.language = code;
    return a;
  });
  return cache.get(resource_language("abbreviations", language));
}

}  // namespace readaloud
