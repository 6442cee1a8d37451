// Text normalisation for speech. The language knowledge lives in
// data/normalize/<lang>.toml; this file is a small engine over it: a single
// left-to-right tokenizer (no std::regex, so a 5 MB line stays linear) and one
// pass over the tokens with a little look-around for context (a unit needs a
// number before it, a title needs a name after it).

#include "narrate/normalizer.hpp"
#include "util/text.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <functional>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include <toml++/toml.h>

#include "document/languages.hpp"
#include "util/embedded.hpp"
#include "util/error.hpp"
#include "util/utf8.hpp"

namespace readaloud {
namespace {

struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
using StringMap = std::unordered_map<std::string, std::string, StringHash, std::equal_to<>>;
using StringSet = std::unordered_set<std::string, StringHash, std::equal_to<>>;

struct Unit {
  std::string one;
  std::string many;
};

/// One language's rules, as read from data/normalize/<lang>.toml.
struct Rules {
  bool singular_below_two = false;
  std::string to, about, plus, dot, at;
  std::string per;    // "mg/kg" -> "milligrams per kilogram"
  std::string over;   // "120/80 mmHg" -> "120 over 80 ..."
  std::string times;  // "2x a day" -> "2 times a day"
  StringSet may_end_sentence;  // squeezed keys
  StringSet ambiguous_units;
  StringSet bare_units;  // units never read as words, so expanded without a number
  StringSet tlds;
  std::string date_format;
  std::array<std::string, 12> months;
  StringMap abbreviations;  // squeezed keys: "z.B." matches "z. B." and "z.B."
  StringMap titles;         // squeezed keys
  StringMap time_suffixes;  // squeezed keys
  StringMap acronyms;
  StringMap ordinals;
  StringMap fractions;
  StringMap symbols;
  std::unordered_map<std::string, Unit, StringHash, std::equal_to<>> units;
  std::unordered_set<char32_t> symbol_chars;
  std::size_t longest_abbreviation = 0;  // bytes, over abbreviations, titles, time suffixes
};

std::string squeeze(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c != ' ') out.push_back(c);
  }
  return out;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Input reaching the narrator is validated UTF-8; a stray byte still reads
// as one character (U+FFFD), so nothing can loop or overrun.
using utf8::decode;
using Decoded = utf8::Decoded;

bool is_space(char32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v' ||
         cp == 0xA0 || cp == 0x2007 || cp == 0x2009 || cp == 0x200B || cp == 0x202F || cp == 0x3000;
}

const Rules& rules_for(const std::string& language);

Rules load_rules(const std::string& language) {
  const std::string path = "data/normalize/" + language + ".toml";
  const auto content = embedded_file(path);
  if (!content) throw_runtime("normalisation rules missing from the build: " + path);
  toml::table doc;
  try {
    doc = toml::parse(*content, path);
  } catch (const toml::parse_error& e) {
    Location where{path};
    where.line = e.source().begin.line;
    where.column = e.source().begin.column;
    throw_runtime("bad normalisation rules: " + std::string(e.description()), where);
  }
  Rules r;
  auto text = [&](std::string_view table, std::string_view key) {
    return doc[table][key].value_or(std::string());
  };
  auto list = [&](std::string_view key, bool squeezed) {
    StringSet set;
    if (const auto* array = doc["rules"][key].as_array()) {
      for (const auto& item : *array) {
        const std::string value = item.value_or(std::string());
        set.insert(squeezed ? squeeze(value) : value);
      }
    }
    return set;
  };
  auto map = [&](std::string_view table, bool squeezed) {
    StringMap out;
    if (const auto* t = doc[table].as_table()) {
      for (const auto& [key, value] : *t) {
        const std::string k(key.str());
        out.emplace(squeezed ? squeeze(k) : k, value.value_or(std::string()));
      }
    }
    return out;
  };
  r.singular_below_two = text("rules", "singular") == "below-two";
  r.to = text("rules", "to");
  r.about = text("rules", "about");
  r.plus = text("rules", "plus");
  r.dot = text("rules", "dot");
  r.at = text("rules", "at");
  r.per = text("rules", "per");
  r.over = text("rules", "over");
  r.times = text("rules", "times");
  r.bare_units = list("bare_units", false);
  r.may_end_sentence = list("may_end_sentence", true);
  r.ambiguous_units = list("ambiguous_units", false);
  r.tlds = list("tlds", false);
  r.date_format = text("date", "format");
  if (const auto* months = doc["date"]["months"].as_array()) {
    for (std::size_t m = 0; m < 12 && m < months->size(); ++m) {
      r.months[m] = (*months)[m].value_or(std::string());
    }
  }
  r.abbreviations = map("abbreviations", true);
  r.titles = map("titles", true);
  r.time_suffixes = map("time_suffixes", true);
  r.acronyms = map("acronyms", false);
  r.ordinals = map("ordinals", false);
  r.fractions = map("fractions", false);
  r.symbols = map("symbols", false);
  for (const StringMap* m : {&r.abbreviations, &r.titles, &r.time_suffixes}) {
    for (const auto& [key, _] : *m) r.longest_abbreviation = std::max(r.longest_abbreviation, key.size());
  }
  for (const auto& [key, _] : r.symbols) r.symbol_chars.insert(decode(key, 0).code_point);
  if (const auto* units = doc["units"].as_table()) {
    for (const auto& [key, value] : *units) {
      const auto* forms = value.as_array();
      if (forms == nullptr || forms->size() != 2) {
        throw_runtime("unit \"" + std::string(key.str()) + "\" needs [singular, plural]", Location{path});
      }
      r.units.emplace(std::string(key.str()),
                      Unit{(*forms)[0].value_or(std::string()), (*forms)[1].value_or(std::string())});
    }
  }
  return r;
}

// Rules are immutable once loaded, so each language is parsed once per
// process (the registry's cache).
const Rules& rules_for(const std::string& language) {
  static const LanguageCache<Rules> cache(load_rules);
  return cache.get(language);
}

enum class Kind { Space, Word, Punct, Url };

struct Token {
  Kind kind;
  std::string_view text;
};

class Tokenizer {
 public:
  Tokenizer(std::string_view text, const Rules& rules) : s_(text), rules_(rules) {}

  std::vector<Token> run() {
    std::vector<Token> tokens;
    std::size_t i = 0;
    while (i < s_.size()) {
      const Decoded d = decode(s_, i);
      if (is_space(d.code_point)) {
        std::size_t j = i + d.length;
        while (j < s_.size() && is_space(decode(s_, j).code_point)) j += decode(s_, j).length;
        tokens.push_back({Kind::Space, s_.substr(i, j - i)});
        i = j;
        continue;
      }
      const bool after_word = !tokens.empty() && tokens.back().kind == Kind::Word;
      if (!after_word && (starts_with_ascii_ci(s_.substr(i), "http://") ||
                          starts_with_ascii_ci(s_.substr(i), "https://") ||
                          starts_with_ascii_ci(s_.substr(i), "www."))) {
        i = take_url(i, tokens);
        continue;
      }
      if (is_punct(d.code_point)) {
        tokens.push_back({Kind::Punct, s_.substr(i, d.length)});
        i += d.length;
        continue;
      }
      std::size_t j = i + d.length;
      while (j < s_.size()) {
        const Decoded next = decode(s_, j);
        if (is_word_char(next.code_point)) {
          j += next.length;
        } else if (j + next.length < s_.size() && joins(s_[j - 1], next.code_point, j + next.length)) {
          j += next.length;
        } else {
          break;
        }
      }
      tokens.push_back({Kind::Word, s_.substr(i, j - i)});
      i = j;
    }
    return tokens;
  }

 private:
  bool is_punct(char32_t cp) const {
    if (cp < 0x80) return !((cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z'));
    switch (cp) {
      case 0x2010: case 0x2011: case 0x2013: case 0x2014: case 0x2026: case 0xAB: case 0xBB:
      case 0x201C: case 0x201D: case 0x201E: case 0x2018: case 0x2019: case 0x2022: case 0xB7:
      case 0xBF: case 0xA1: case 0x2039: case 0x203A:
        return true;
      default:
        return rules_.symbol_chars.contains(cp);
    }
  }
  bool is_word_char(char32_t cp) const { return !is_space(cp) && !is_punct(cp); }

  // Whether the punctuation `cp` continues the word: "e.g", "1.5", "10:30",
  // "200–400", "don't", "name@example.com". `next_at` is the byte after it.
  bool joins(char before, char32_t cp, std::size_t next_at) const {
    const Decoded after = decode(s_, next_at);
    const bool digits = is_digit(before) && after.code_point >= '0' && after.code_point <= '9';
    switch (cp) {
      case ',': case ':': case 0x2013:
        return digits;
      case '.': case '/': case '-': case '\'': case 0x2019: case '@': case '_': case 0x2011:
        return is_word_char(after.code_point);
      default:
        return false;
    }
  }

  std::size_t take_url(std::size_t i, std::vector<Token>& tokens) const {
    std::size_t j = i;
    while (j < s_.size() && !is_space(decode(s_, j).code_point)) j += decode(s_, j).length;
    // Sentence punctuation and closing brackets after a link are not part of it.
    while (j > i && std::string_view(".,;:!?)]}\"'>").find(s_[j - 1]) != std::string_view::npos) --j;
    tokens.push_back({Kind::Url, s_.substr(i, j - i)});
    return j;
  }

  std::string_view s_;
  const Rules& rules_;
};

bool starts_upper(const Token* t) {
  return t != nullptr && t->kind == Kind::Word && t->text[0] >= 'A' && t->text[0] <= 'Z';
}

bool starts_digit(const Token* t) {
  return t != nullptr && t->kind == Kind::Word && is_digit(t->text[0]);
}

// The end of a number ("12", "1.5", "1,000", "2,5") starting at `i`, or `i`.
std::size_t scan_number(std::string_view w, std::size_t i) {
  std::size_t j = i;
  while (j < w.size() && is_digit(w[j])) ++j;
  if (j == i) return i;
  while (j + 1 < w.size() && (w[j] == '.' || w[j] == ',') && is_digit(w[j + 1])) {
    j += 1;
    while (j < w.size() && is_digit(w[j])) ++j;
  }
  return j;
}

int small_int(std::string_view digits) {
  if (digits.empty() || digits.size() > 4) return -1;
  int v = 0;
  for (char c : digits) {
    if (!is_digit(c)) return -1;
    v = v * 10 + (c - '0');
  }
  return v;
}

class Pass {
 public:
  Pass(const Rules& rules, const StringMap& exact, const StringMap& folded, std::vector<Token> tokens)
      : r_(rules), exact_(exact), folded_(folded), t_(std::move(tokens)) {}

  std::string run() {
    out_.reserve(t_.size() * 6);
    std::size_t i = 0;
    while (i < t_.size()) {
      const Token& tok = t_[i];
      if (tok.kind == Kind::Space) {
        out_ += ' ';
        ++i;
        continue;
      }
      cur_ = i;
      pending_number_ = {};
      std::swap(pending_number_, last_number_);
      pending_time_ = std::exchange(last_time_, false);
      switch (tok.kind) {
        case Kind::Url: word(speak_url(tok.text)); ++i; break;
        case Kind::Punct: i = punct(i); break;
        default: i = word_token(i); break;
      }
    }
    return cleanup(out_);
  }

 private:
  const Token* next_solid(std::size_t i) const {
    for (std::size_t j = i + 1; j < t_.size(); ++j) {
      if (t_[j].kind != Kind::Space) return &t_[j];
    }
    return nullptr;
  }
  bool at_sentence_end(std::size_t last) const {
    const Token* next = next_solid(last);
    return next == nullptr || starts_upper(next);
  }

  void word(std::string_view w) {
    // Text kept as written keeps its neighbours too ("'quoted'", "a/b"); only
    // replacements are set apart by spaces.
    if (w == t_[cur_].text) {
      out_ += w;
      return;
    }
    out_ += ' ';
    out_ += w;
    out_ += ' ';
  }

  void number(std::string_view n) {
    word(n);
    last_number_ = n;
    last_time_ = small_int(n) >= 0 && small_int(n) <= 12;
  }

  const Unit* unit(std::string_view w) const {
    const auto u = r_.units.find(w);
    return u == r_.units.end() ? nullptr : &u->second;
  }

  // A unit written across two words: "mm Hg" (the word at `i`, one space, the next word).
  const Unit* split_unit(std::size_t i, std::string* glued_out = nullptr) const {
    if (i + 2 >= t_.size() || t_[i + 1].text != " " || t_[i + 2].kind != Kind::Word) return nullptr;
    std::string glued(t_[i].text);
    glued += t_[i + 2].text;
    if (glued_out != nullptr) *glued_out = glued;
    return unit(glued);
  }

  // Whether the word before `i` is the language's "per" ("10 mg per kg").
  bool after_per(std::size_t i) const {
    if (r_.per.empty() || i < 2 || t_[i - 1].kind != Kind::Space) return false;
    const Token& before = t_[i - 2];
    return before.kind == Kind::Word && ascii_lower(before.text) == r_.per;
  }

  // "mg/kg", "mg/kg/day", "mg/5ml": a unit, then parts that are each a unit
  // (singular), a number with a unit, or a plain word ("day", "dose"), joined
  // with the language's "per". `n` is the number before it; empty means the
  // plural ("doses in mg/mL"). nullopt when `w` is not such a unit.
  std::optional<std::string> slashed_unit(std::string_view w, std::string_view n) const {
    const auto slash = w.find('/');
    if (r_.per.empty() || slash == std::string_view::npos) return std::nullopt;
    const Unit* head = unit(w.substr(0, slash));
    if (head == nullptr) return std::nullopt;
    std::string out(n.empty() ? std::string_view(head->many) : unit_form(*head, n));
    std::string_view rest = w.substr(slash + 1);
    while (true) {
      const auto next = rest.find('/');
      const std::string_view part = rest.substr(0, next);
      if (part.empty()) return std::nullopt;
      out += ' ' + r_.per + ' ';
      if (const Unit* u = unit(part)) {
        out += u->one;
      } else if (is_digit(part[0])) {
        const std::size_t end = scan_number(part, 0);
        const Unit* u2 = unit(part.substr(end));
        if (u2 == nullptr) return std::nullopt;
        out += std::string(part.substr(0, end)) + ' ' + std::string(unit_form(*u2, part.substr(0, end)));
      } else if (part.size() >= 3 && part.find_first_of(".@_-'0123456789") == std::string_view::npos) {
        out += part;
      } else {
        return std::nullopt;
      }
      if (next == std::string_view::npos) break;
      rest.remove_prefix(next + 1);
    }
    return out;
  }

  std::string_view unit_form(const Unit& u, std::string_view n) const {
    const std::string_view whole = n.substr(0, n.find_first_of(".,"));
    const bool one = r_.singular_below_two ? (whole == "0" || whole == "1") : n == "1";
    return one ? u.one : u.many;
  }

  std::size_t punct(std::size_t i) {
    const std::string_view p = t_[i].text;
    const Token* next = next_solid(i);
    if (!pending_number_.empty()) {
      if (auto u = r_.units.find(p); u != r_.units.end()) {
        word(unit_form(u->second, pending_number_));
        return i + 1;
      }
    }
    if (p == "\u2026" || (p == "." && i + 2 < t_.size() && t_[i + 1].text == "." && t_[i + 2].text == ".")) {
      std::size_t j = i + 1;
      while (p == "." && j < t_.size() && t_[j].text == ".") ++j;
      // An ellipsis is a pause: a full stop before a new sentence, else a comma.
      if (has_output()) out_ += at_sentence_end(j - 1) ? ". " : ", ";
      return j;
    }
    const bool dash = p == "-" || p == "\u2013" || p == "\u2014";
    if (dash && !pending_number_.empty() && starts_digit(next)) {
      word(r_.to);
      return i + 1;
    }
    const bool spaced = (i == 0 || t_[i - 1].kind == Kind::Space) &&
                        (i + 1 == t_.size() || t_[i + 1].kind == Kind::Space);
    if (dash && (p != "-" || spaced)) {
      if (has_output() && next != nullptr) out_ += ", ";
      return i + 1;
    }
    if (p == "~") {
      if (starts_digit(next)) word(r_.about);
      return i + 1;
    }
    if (p == "+") {
      if (has_output() && next != nullptr && next->kind == Kind::Word) word(r_.plus);
      return i + 1;
    }
    // eSpeak (with espeakPHONEMES) reads "[[...]]" as phonemes; square
    // brackets from the article become parentheses so only the lexicon can.
    if (p == "[" || p == "]") {
      out_ += p == "[" ? '(' : ')';
      return i + 1;
    }
    if (auto s = r_.symbols.find(p); s != r_.symbols.end()) {
      if (!s->second.empty()) word(s->second);
      return i + 1;
    }
    out_ += p;
    return i + 1;
  }

  bool has_output() const { return out_.find_first_not_of(' ') != std::string::npos; }

  std::optional<std::string> lexicon(std::string_view w) const {
    if (exact_.empty()) return std::nullopt;
    if (auto hit = exact_.find(w); hit != exact_.end()) return hit->second;
    if (auto hit = folded_.find(ascii_lower(w)); hit != folded_.end()) return hit->second;
    return std::nullopt;
  }

  std::optional<std::string> acronym(std::string_view w) const {
    if (auto hit = r_.acronyms.find(w); hit != r_.acronyms.end()) return hit->second;
    for (std::string_view suffix : {std::string_view("'s"), std::string_view("\u2019s")}) {
      if (w.size() > suffix.size() && w.ends_with(suffix)) {
        if (auto hit = r_.acronyms.find(w.substr(0, w.size() - suffix.size())); hit != r_.acronyms.end()) {
          return hit->second + "'s";
        }
      }
    }
    return std::nullopt;
  }

  // Abbreviations may span tokens ("z. B.", "p. ex.", "c.-à-d."): glue up to
  // eight tokens without spaces and keep the longest key that matches.
  std::size_t abbreviation(std::size_t i) {
    std::string glued;
    std::size_t best_end = 0;
    const std::string* best = nullptr;
    bool best_may_end = false;
    enum { None, Abbrev, Title, Time } best_kind = None;
    for (std::size_t j = i; j < t_.size() && j < i + 8; ++j) {
      const Token& t = t_[j];
      if (t.kind == Kind::Space) {
        if (t_[j - 1].text != "." || t.text != " ") break;
        continue;
      }
      if (t.kind == Kind::Url || (t.kind == Kind::Punct && t.text != "." && t.text != "-")) break;
      glued += t.text;
      if (glued.size() > r_.longest_abbreviation) break;
      if (t.kind == Kind::Punct && t.text == "-") continue;
      if (auto a = r_.abbreviations.find(glued); a != r_.abbreviations.end()) {
        best = &a->second, best_end = j + 1, best_kind = Abbrev;
      } else if (auto ti = r_.titles.find(glued); ti != r_.titles.end() && starts_upper(next_solid(j))) {
        best = &ti->second, best_end = j + 1, best_kind = Title;
      } else if (auto tm = r_.time_suffixes.find(glued); tm != r_.time_suffixes.end() && pending_time_) {
        best = &tm->second, best_end = j + 1, best_kind = Time;
      } else {
        continue;
      }
      best_may_end = r_.may_end_sentence.contains(glued);
    }
    if (best_kind == None) return i;
    word(*best);
    if (best_may_end && t_[best_end - 1].text == "." && at_sentence_end(best_end - 1)) out_ += '.';
    return best_end;
  }

  // A unit after a number ("5 mg", "3 x 5", "10 mg/kg", "5 in."): the end of
  // what it spoke, or `i` when the word is no unit.
  std::size_t unit_after_number(std::size_t i) {
    const std::string_view w = t_[i].text;
    if (const Unit* u = split_unit(i)) {
      word(unit_form(*u, pending_number_));
      return i + 3;
    }
    if (auto s = slashed_unit(w, pending_number_)) {
      word(*s);
      return i + 1;
    }
    // "3 x 5 mL": a multiplication sign written as a letter.
    if ((w == "x" || w == "X") && !r_.times.empty() && starts_digit(next_solid(i))) {
      word(r_.times);
      return i + 1;
    }
    if (auto u = r_.units.find(w); u != r_.units.end()) {
      // "in" is inches in "5 in." but a preposition in "1 in 5" or "2 in the morning".
      const Token* next = next_solid(i);
      if (!r_.ambiguous_units.contains(w) || next == nullptr || next->kind != Kind::Word) {
        word(unit_form(u->second, pending_number_));
        // The period of "in." or "min." belongs to the unit, unless it also ends the sentence.
        if (i + 1 < t_.size() && t_[i + 1].text == "." && !at_sentence_end(i + 1) &&
            !starts_digit(next_solid(i + 1)) && !(i + 3 < t_.size() && t_[i + 2].text == ".")) {
          return i + 2;
        }
        return i + 1;
      }
    }
    return i;
  }

  std::size_t word_token(std::size_t i) {
    const std::string_view w = t_[i].text;
    if (auto spoken = lexicon(w)) {
      word(*spoken);
      return i + 1;
    }
    if (std::size_t end = abbreviation(i); end != i) return end;
    if (!pending_number_.empty()) {
      if (std::size_t end = unit_after_number(i); end != i) return end;
    }
    // A unit without a number: "per kg" takes the singular; units that are
    // never words ("doses in mg") the plural.
    if (const Unit* u = unit(w); u != nullptr && after_per(i) && !r_.ambiguous_units.contains(w)) {
      word(u->one);
      return i + 1;
    }
    if (r_.bare_units.contains(w)) {
      word(unit(w) != nullptr ? unit(w)->many : std::string(w));
      return i + 1;
    }
    if (const auto slash = w.find('/'); slash != std::string_view::npos && r_.bare_units.contains(w.substr(0, slash))) {
      if (auto s = slashed_unit(w, {})) {
        word(*s);
        return i + 1;
      }
    }
    if (auto o = r_.ordinals.find(w); o != r_.ordinals.end()) {
      word(o->second);
      return i + 1;
    }
    if (auto f = r_.fractions.find(w); f != r_.fractions.end()) {
      word(f->second);
      return i + 1;
    }
    if (is_digit(w[0])) {
      numeric(w);
      return i + 1;
    }
    if (auto a = acronym(w)) {
      word(*a);
      return i + 1;
    }
    if (const auto at = w.find('@'); at != std::string_view::npos && at > 0 && is_domain(w.substr(at + 1), false)) {
      std::string spoken = dotted(w.substr(0, at));
      spoken += ' ' + r_.at + ' ' + dotted(w.substr(at + 1));
      word(spoken);
      return i + 1;
    }
    if (is_domain(w, true)) {
      word(dotted(w));
      return i + 1;
    }
    word(compound(w));
    return i + 1;
  }

  // "PSA-based" -> "P.S.A based": the lexicon and acronyms also apply to the
  // parts of hyphenated and slashed words.
  std::string compound(std::string_view w) const {
    if (w.find_first_of("-/") == std::string_view::npos) return std::string(w);
    std::string out;
    bool previous_replaced = false;
    char separator = 0;
    std::size_t start = 0;
    while (start <= w.size()) {
      const std::size_t end = std::min(w.find_first_of("-/", start), w.size());
      const std::string_view part = w.substr(start, end - start);
      std::optional<std::string> spoken = lexicon(part);
      if (!spoken) spoken = acronym(part);
      if (separator != 0) out += (spoken || previous_replaced) ? ' ' : separator;
      out += spoken ? *spoken : std::string(part);
      previous_replaced = spoken.has_value();
      if (end == w.size()) break;
      separator = w[end];
      start = end + 1;
    }
    return out;
  }

  bool is_domain(std::string_view w, bool need_known_tld) const {
    const auto last_dot = w.rfind('.');
    if (last_dot == std::string_view::npos || last_dot == 0 || last_dot + 1 == w.size()) return false;
    for (char c : w) {
      const bool ok = is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '.' || c == '-';
      if (!ok) return false;
    }
    return !need_known_tld || r_.tlds.contains(ascii_lower(w.substr(last_dot + 1)));
  }

  std::string dotted(std::string_view w) const {
    std::string out;
    for (char c : w) {
      if (c == '.') {
        out += ' ' + r_.dot + ' ';
      } else if (c == '_' || c == '-') {
        out += ' ';
      } else {
        out += c;
      }
    }
    return out;
  }

  // A link is spoken as its site ("example dot com"); paths and queries are
  // noise when listening.
  std::string speak_url(std::string_view url) const {
    std::string_view host = url;
    if (const auto scheme = host.find("://"); scheme != std::string_view::npos) host.remove_prefix(scheme + 3);
    host = host.substr(0, host.find_first_of("/?#:"));
    if (const auto at = host.find('@'); at != std::string_view::npos) host.remove_prefix(at + 1);
    if (starts_with_ascii_ci(host, "www.")) host.remove_prefix(4);
    return dotted(host);
  }

  void numeric(std::string_view w) {
    if (w.size() == 10 && w[4] == '-' && w[7] == '-') {
      const int year = small_int(w.substr(0, 4));
      const int month = small_int(w.substr(5, 2));
      const int day = small_int(w.substr(8, 2));
      if (year >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= 31 && !r_.date_format.empty()) {
        word(format_date(w.substr(0, 4), month, std::to_string(day)));
        return;
      }
    }
    const std::size_t n1 = scan_number(w, 0);
    const std::string_view first = w.substr(0, n1);
    std::string_view rest = w.substr(n1);
    if (rest.size() >= 3 && rest[0] == ':' && is_digit(rest[1]) && is_digit(rest[2]) &&
        (rest.size() == 3 || !is_digit(rest[3]))) {
      const std::string_view time = w.substr(0, n1 + 3);
      rest.remove_prefix(3);
      if (rest.empty()) {
        word(time);
        last_time_ = true;
        return;
      }
      if (auto s = r_.time_suffixes.find(rest); s != r_.time_suffixes.end()) {
        word(time);
        word(s->second);
        return;
      }
      word(w);
      return;
    }
    // Blood pressure: "120/80 mmHg" is "120 over 80".
    if (rest.size() >= 2 && rest[0] == '/' && is_digit(rest[1]) && scan_number(rest, 1) == rest.size() &&
        !r_.over.empty()) {
      const Token* next = next_solid(cur_);
      std::size_t next_at = cur_ + 1;
      while (next_at < t_.size() && t_[next_at].kind == Kind::Space) ++next_at;
      if (next != nullptr && next->kind == Kind::Word && (unit(next->text) != nullptr || split_unit(next_at) != nullptr)) {
        word(std::string(first) + ' ' + r_.over);
        number(rest.substr(1));
        return;
      }
    }
    std::string_view last = first;
    std::string prefix;
    std::size_t dash = 0;
    if (rest.starts_with("-")) dash = 1;
    if (rest.starts_with("\u2013")) dash = 3;
    if (dash != 0 && rest.size() > dash && is_digit(rest[dash])) {
      const std::size_t n2 = scan_number(rest, dash);
      last = rest.substr(dash, n2 - dash);
      prefix = std::string(first) + ' ' + r_.to + ' ';
      rest.remove_prefix(n2);
    }
    if (rest.empty()) {
      if (!prefix.empty()) word(prefix);
      number(last);
      return;
    }
    if (auto u = r_.units.find(rest); u != r_.units.end()) {
      word(prefix + std::string(last) + ' ' + std::string(unit_form(u->second, last)));
      return;
    }
    if (auto s = slashed_unit(rest, last)) {
      word(prefix + std::string(last) + ' ' + *s);
      return;
    }
    if ((rest == "x" || rest == "\u00d7") && !r_.times.empty()) {
      word(prefix + std::string(last) + ' ' + r_.times);
      return;
    }
    const int hour = small_int(last);
    if (auto s = r_.time_suffixes.find(rest); s != r_.time_suffixes.end() && prefix.empty() && hour >= 0 && hour <= 12) {
      word(std::string(last) + ' ' + s->second);
      return;
    }
    word(w);
  }

  std::string format_date(std::string_view year, int month, const std::string& day) const {
    std::string out;
    const std::string_view f = r_.date_format;
    for (std::size_t k = 0; k < f.size();) {
      if (f.substr(k).starts_with("{year}")) {
        out += year, k += 6;
      } else if (f.substr(k).starts_with("{month}")) {
        out += r_.months[static_cast<std::size_t>(month - 1)], k += 7;
      } else if (f.substr(k).starts_with("{day}")) {
        out += day, k += 5;
      } else {
        out += f[k++];
      }
    }
    return out;
  }

  // Collapses spaces, trims, and pulls closing punctuation back onto the word
  // before it. Text inside [[...]] is eSpeak phonemes and is left alone.
  static std::string cleanup(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    bool pending_space = false;
    bool phonemes = false;
    for (std::size_t i = 0; i < s.size(); ++i) {
      const char c = s[i];
      if (phonemes) {
        out += c;
        if (c == ']' && i + 1 < s.size() && s[i + 1] == ']') out += s[++i], phonemes = false;
        continue;
      }
      if (c == ' ') {
        pending_space = !out.empty();
        continue;
      }
      const bool closing = std::string_view(",.;:!?)]").find(c) != std::string_view::npos;
      if (closing && (c != ']' || out.empty() || out.back() != ']')) {
        // ", ," and ",." come from a pause next to punctuation; keep the stronger mark.
        if (!out.empty() && out.back() == ',' && c != ')' && c != ']') out.pop_back();
        if (out.empty()) {
          pending_space = false;
          if (c == ',' || c == '.') continue;
        }
      } else if (pending_space) {
        out += ' ';
      }
      pending_space = false;
      if (c == '[' && i + 1 < s.size() && s[i + 1] == '[') {
        out += "[[";
        ++i;
        phonemes = true;
        continue;
      }
      out += c;
      if (c == '(' || c == '[') {
        // No space after an opening bracket.
        while (i + 1 < s.size() && s[i + 1] == ' ') ++i;
      }
    }
    return out;
  }

  const Rules& r_;
  const StringMap& exact_;
  const StringMap& folded_;
  std::vector<Token> t_;
  std::string out_;
  std::size_t cur_ = 0;  // the token being rewritten
  std::string_view pending_number_, last_number_;
  bool pending_time_ = false, last_time_ = false;
};

}  // namespace

struct Normalizer::Impl {
  std::string language;
  const Rules* rules = nullptr;
  StringMap exact;   // user lexicon, case-sensitive
  StringMap folded;  // user lexicon, ASCII case folded
};

Normalizer::Normalizer(std::string_view language, Lexicon user) : impl_(std::make_unique<Impl>()) {
  // No language is English; a language without rules of its own gets the
  // undetermined ("und") rules, which expand nothing English into it.
  std::string lang = primary_subtag(language);
  if (lang.empty()) lang = "en";
  lang = resource_language("normalize", lang, "und");
  impl_->language = lang;
  impl_->rules = &rules_for(lang);
  for (const LexiconEntry& e : user.entries) {
    const std::string spoken = e.phoneme.empty() ? e.alias : "[[" + e.phoneme + "]]";
    if (spoken.empty() || e.grapheme.empty()) continue;
    // First entry wins, as in PLS.
    impl_->exact.emplace(e.grapheme, spoken);
    impl_->folded.emplace(ascii_lower(e.grapheme), spoken);
  }
}

Normalizer::~Normalizer() = default;
Normalizer::Normalizer(Normalizer&&) noexcept = default;
Normalizer& Normalizer::operator=(Normalizer&&) noexcept = default;

std::string Normalizer::normalize(std::string_view text) const {
  Tokenizer tokenizer(text, *impl_->rules);
  Pass pass(*impl_->rules, impl_->exact, impl_->folded, tokenizer.run());
  return pass.run();
}

const std::string& Normalizer::language() const { return impl_->language; }

}  // namespace readaloud
