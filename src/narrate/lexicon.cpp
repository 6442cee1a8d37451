// User lexicons: W3C PLS 1.0 files and TOML word lists, read into a Lexicon
// whose phonemes are always eSpeak NG mnemonics (the engine passes them to
// eSpeak as [[...]]).

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <array>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>

#include <pugixml.hpp>
#include <toml++/toml.h>

#include "narrate/normalizer.hpp"
#include "util/fd.hpp"
#include "util/error.hpp"
#include "util/text.hpp"
#include "util/xml.hpp"

namespace readaloud {
namespace {

std::string read_lexicon_file(const std::filesystem::path& path) {
  std::string bytes;
  if (!read_whole_file(path.string(), bytes))
    throw_input(std::string("cannot read lexicon file: ") + std::strerror(errno), Location{path.string()});
  return bytes;
}

/// 1-based line and column of a byte offset into `text`.
Location location_of(const std::filesystem::path& path, std::string_view text,
                     std::ptrdiff_t offset) {
  Location where{path.string()};
  if (offset < 0) return where;
  const auto end = std::min<std::size_t>(static_cast<std::size_t>(offset), text.size());
  const std::string_view before = text.substr(0, end);
  where.line = static_cast<std::size_t>(std::count(before.begin(), before.end(), '\n')) + 1;
  const auto last_newline = before.rfind('\n');
  where.column = last_newline == std::string_view::npos ? end + 1 : end - last_newline;
  return where;
}

// Longest symbols first so that affricates, diphthongs and long vowels win
// over their first character. The mapping targets eSpeak NG's mnemonics as
// used by its English voices (docs/phonemes.md); symbols that are not listed
// are rejected rather than guessed.
constexpr std::array<std::pair<std::string_view, std::string_view>, 62> kIpaToEspeak{{
    {"t\u0361\u0283", "tS"}, {"d\u0361\u0292", "dZ"}, {"t\u0283", "tS"}, {"d\u0292", "dZ"},
    {"e\u026a", "eI"}, {"a\u026a", "aI"}, {"\u0254\u026a", "OI"}, {"a\u028a", "aU"},
    {"o\u028a", "oU"}, {"\u0259\u028a", "@U"}, {"\u026a\u0259", "i@"}, {"\u025b\u0259", "e@"},
    {"\u028a\u0259", "U@"}, {"i\u02d0", "i:"}, {"u\u02d0", "u:"}, {"\u0251\u02d0", "A:"},
    {"\u0254\u02d0", "O:"}, {"\u025c\u02d0", "3:"},
    {"p", "p"}, {"b", "b"}, {"t", "t"}, {"d", "d"}, {"k", "k"}, {"g", "g"}, {"\u0261", "g"},
    {"f", "f"}, {"v", "v"}, {"\u03b8", "T"}, {"\u00f0", "D"}, {"s", "s"}, {"z", "z"},
    {"\u0283", "S"}, {"\u0292", "Z"}, {"h", "h"}, {"x", "x"}, {"\u00e7", "C"}, {"m", "m"},
    {"n", "n"}, {"\u014b", "N"}, {"\u0272", "n^"}, {"l", "l"}, {"\u028e", "l^"}, {"r", "r"},
    {"\u0279", "r"}, {"\u027e", "*"}, {"\u0281", "R"}, {"w", "w"}, {"j", "j"},
    {"i", "i"}, {"\u026a", "I"}, {"e", "e"}, {"\u025b", "E"}, {"\u00e6", "a"}, {"a", "a"},
    {"\u0251", "A"}, {"\u0252", "0"}, {"\u0254", "O"}, {"o", "o"}, {"\u028a", "U"},
    {"u", "u"}, {"\u028c", "V"}, {"\u0259", "@"},
}};

// Symbols outside the table above that are handled on their own.
constexpr std::array<std::pair<std::string_view, std::string_view>, 11> kIpaExtra{{
    {"\u025c", "3"}, {"\u025a", "3"}, {"\u0250", "a#"}, {"y", "y"}, {"\u00f8", "Y"},
    {"\u0153", "W"}, {"\u02c8", "'"}, {"\u02cc", ","}, {"\u02d0", ":"},
    {"\u0303", "~"}, {" ", " "},
}};

}  // namespace

std::optional<std::string> ipa_to_espeak(std::string_view ipa) {
  std::string out;
  std::size_t i = 0;
  while (i < ipa.size()) {
    // The syllable separator "." and the tie bar alone carry nothing eSpeak needs.
    if (ipa[i] == '.') {
      ++i;
      continue;
    }
    std::size_t best_len = 0;
    std::string_view best;
    using Table = std::span<const std::pair<std::string_view, std::string_view>>;
    for (const Table table : {Table(kIpaToEspeak), Table(kIpaExtra)}) {
      for (const auto& [symbol, mnemonic] : table) {
        if (symbol.size() > best_len && ipa.substr(i, symbol.size()) == symbol) {
          best_len = symbol.size();
          best = mnemonic;
        }
      }
    }
    if (best_len == 0) return std::nullopt;
    out += best;
    i += best_len;
  }
  return out;
}

Lexicon load_pls_lexicon(const std::filesystem::path& path) {
  const std::string text = read_lexicon_file(path);
  pugi::xml_document doc;
  const pugi::xml_parse_result parsed = doc.load_buffer(text.data(), text.size());
  if (!parsed) {
    throw_input(std::string("malformed PLS lexicon: ") + parsed.description(),
                location_of(path, text, parsed.offset));
  }
  const pugi::xml_node root = doc.document_element();
  if (xml_local_name(root) != "lexicon") {
    throw_input("PLS lexicon must have a <lexicon> root element",
                location_of(path, text, root.offset_debug()));
  }
  const std::string default_alphabet = root.attribute("alphabet").as_string("");

  Lexicon lexicon;
  for (const pugi::xml_node& lexeme : root.children()) {
    if (lexeme.type() != pugi::node_element || xml_local_name(lexeme) != "lexeme") continue;
    const Location at = location_of(path, text, lexeme.offset_debug());
    std::vector<std::string> graphemes;
    std::string alias;
    std::string phoneme;
    bool have_pronunciation = false;
    for (const pugi::xml_node& child : lexeme.children()) {
      if (child.type() != pugi::node_element) continue;
      const std::string_view name = xml_local_name(child);
      if (name == "grapheme") {
        std::string g(trim(child.text().as_string()));
        if (g.empty()) throw_input("empty <grapheme> in PLS lexeme", at);
        graphemes.push_back(std::move(g));
      } else if ((name == "alias" || name == "phoneme") && !have_pronunciation) {
        // PLS allows several pronunciations; the first one is the preferred one.
        const std::string value(trim(child.text().as_string()));
        const std::string label = graphemes.empty() ? std::string("?") : graphemes.front();
        if (value.empty()) {
          throw_input("empty <" + std::string(name) + "> for lexeme \"" + label + "\"", at);
        }
        if (name == "alias") {
          alias = value;
        } else {
          const std::string alphabet = child.attribute("alphabet").as_string(default_alphabet.c_str());
          if (alphabet == "x-espeak") {
            phoneme = value;
          } else if (alphabet == "ipa") {
            auto converted = ipa_to_espeak(value);
            if (!converted) {
              throw_input("lexeme \"" + label + "\": IPA \"" + value +
                              "\" has a symbol with no eSpeak NG equivalent",
                          at);
            }
            phoneme = std::move(*converted);
          } else {
            throw_input("lexeme \"" + label + "\": unsupported phoneme alphabet \"" + alphabet +
                            "\" (use \"ipa\" or \"x-espeak\")",
                        at);
          }
        }
        have_pronunciation = true;
      }
    }
    if (graphemes.empty()) throw_input("PLS lexeme without <grapheme>", at);
    if (!have_pronunciation) {
      throw_input("lexeme \"" + graphemes.front() + "\" has neither <alias> nor <phoneme>", at);
    }
    for (auto& g : graphemes) lexicon.entries.push_back({std::move(g), alias, phoneme});
  }
  return lexicon;
}

Lexicon load_toml_lexicon(const std::filesystem::path& path) {
  const std::string text = read_lexicon_file(path);
  toml::table table;
  try {
    table = toml::parse(text, path.string());
  } catch (const toml::parse_error& e) {
    Location where{path.string()};
    where.line = e.source().begin.line;
    where.column = e.source().begin.column;
    throw_input(std::string("malformed TOML lexicon: ") + std::string(e.description()), where);
  }
  auto location_of_node = [&](const toml::node& node) {
    Location where{path.string()};
    where.line = node.source().begin.line;
    where.column = node.source().begin.column;
    return where;
  };

  Lexicon lexicon;
  for (const auto& [key, node] : table) {
    const std::string_view section = key.str();
    if (section != "words" && section != "phonemes") {
      Location where{path.string()};
      where.line = key.source().begin.line;
      where.column = key.source().begin.column;
      throw_input("unknown table [" + std::string(section) +
                      "] in TOML lexicon (expected [words] or [phonemes])",
                  where);
    }
    const toml::table* words = node.as_table();
    if (words == nullptr) {
      throw_input("\"" + std::string(section) + "\" must be a table", location_of_node(node));
    }
    for (const auto& [word, value] : *words) {
      const auto* spoken = value.as_string();
      if (spoken == nullptr || spoken->get().empty()) {
        throw_input("\"" + std::string(word.str()) + "\" must map to a non-empty string",
                    location_of_node(value));
      }
      LexiconEntry entry{std::string(word.str()), {}, {}};
      (section == "words" ? entry.alias : entry.phoneme) = spoken->get();
      lexicon.entries.push_back(std::move(entry));
    }
  }
  if (lexicon.entries.empty()) {
    throw_input("TOML lexicon has no [words] or [phonemes] entries", Location{path.string()});
  }
  return lexicon;
}

}  // namespace readaloud
