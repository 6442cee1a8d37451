#include "ingest/boilerplate.hpp"

#include <algorithm>
#include <bitset>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <toml++/toml.h>

#include "ingest/decode.hpp"
#include "util/embedded.hpp"
#include "util/error.hpp"
#include "util/fd.hpp"
#include "util/text.hpp"
#include "util/utf8.hpp"

namespace readaloud {
namespace {

constexpr std::string_view kWhitespace = " \t\r\n\f\v";


/// Words in `s`, counting no further than `cap` so multi-megabyte lines stay cheap.
std::size_t count_words(std::string_view s, std::size_t cap) {
  std::size_t words = 0;
  bool in_word = false;
  for (char c : s) {
    const bool space = c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
    if (!space && !in_word && ++words > cap) return words;
    in_word = !space;
  }
  return words;
}

[[noreturn]] void rule_error(const std::string& file, const toml::source_region& where, std::string message) {
  Location loc;
  loc.file = file;
  loc.line = where.begin.line;
  throw Error(ErrorKind::Input, std::move(message), loc);
}

/// A condition's strings: one string or an array of non-empty strings.
std::vector<std::string> read_strings(const toml::node& node, const std::string& file, const std::string& what,
                                      bool lower) {
  std::vector<std::string> out;
  const auto add = [&](const toml::node& n) {
    const auto* s = n.as_string();
    if (!s) rule_error(file, n.source(), what + " must be a string or an array of strings");
    if (s->get().empty()) rule_error(file, n.source(), what + " must not be empty");
    out.push_back(lower ? utf8::lower(s->get()) : s->get());
  };
  if (const auto* arr = node.as_array()) {
    if (arr->empty()) rule_error(file, node.source(), what + " must not be an empty array");
    for (const auto& n : *arr) add(n);
  } else {
    add(node);
  }
  return out;
}

/// Whether every top-level alternative of `pattern` starts with '^', so a match can
/// only begin at the start of the line: such a rule is tried there only.
bool anchored_at_start(std::string_view pattern) {
  bool at_alternative_start = true;
  int depth = 0;
  bool in_class = false;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    const char c = pattern[i];
    if (at_alternative_start && c != '^') return false;
    at_alternative_start = false;
    if (c == '\\') {
      ++i;
    } else if (in_class) {
      in_class = c != ']';
    } else if (c == '[') {
      in_class = true;
    } else if (c == '(') {
      ++depth;
    } else if (c == ')') {
      --depth;
    } else if (c == '|' && depth == 0) {
      at_alternative_start = true;
    }
  }
  return !at_alternative_start;
}

/// `pattern` with its ASCII letters lowercased, except the letter of an escape
/// (\\D is not \\d). Run on a lowercased line, it finds what `pattern` with icase
/// finds on the line, without libstdc++'s per-character locale lookup that made
/// icase matching several times slower. nullopt for a class range that takes
/// letters of one case only in part ([A-z], [0-Z]): lowered, it would mean less.
std::optional<std::string> lowercase_pattern(std::string_view pattern) {
  const auto is_upper = [](char c) { return c >= 'A' && c <= 'Z'; };
  const auto is_lower = [](char c) { return c >= 'a' && c <= 'z'; };
  std::string out(pattern);
  bool in_class = false;
  for (std::size_t i = 0; i < out.size(); ++i) {
    const char c = out[i];
    if (c == '\\') {
      ++i;
      continue;
    }
    if (in_class && c == '-' && i > 0 && i + 1 < out.size() && out[i + 1] != ']') {
      const char lo = pattern[i - 1], hi = pattern[i + 1];
      const bool letters_apart = hi < 'A' || lo > 'z' || (lo > 'Z' && hi < 'a');
      if (!letters_apart && !(is_upper(lo) && is_upper(hi)) && !(is_lower(lo) && is_lower(hi))) return std::nullopt;
    }
    if (in_class) in_class = c != ']';
    else if (c == '[') in_class = true;
    if (is_upper(c)) out[i] = static_cast<char>(c - 'A' + 'a');
  }
  // Letters of other scripts are literals, lowered as the line is ("É" -> "é").
  std::string lowered;
  lowered.reserve(out.size());
  for (std::size_t i = 0; i < out.size();) {
    const std::size_t n = static_cast<unsigned char>(out[i]) < 0x80 ? 1 : utf8::decode(out, i).length;
    const std::string_view ch = std::string_view(out).substr(i, n);
    lowered += n == 1 ? std::string(ch) : utf8::lower(ch);
    i += n;
  }
  return lowered;
}

/// The bytes a match of `pattern` can start with, for a pattern anchored at the
/// start: a cheap test that skips most rules before a match is set up.
/// Understands literals, \d, plain [classes] and groups of alternatives; returns
/// nullopt for anything it cannot bound (a leading optional atom, \b, '.', [^...]).
class FirstBytes {
 public:
  static std::optional<std::bitset<256>> of_anchored(std::string_view pattern) {
    FirstBytes f(pattern);
    std::bitset<256> out;
    // Top level: '^' before each alternative (anchored_at_start checked that).
    do {
      if (!f.take('^') || !f.first_atom(out)) return std::nullopt;
      f.skip_alternative();
    } while (f.take('|'));
    return f.at_end() ? std::optional(out) : std::nullopt;
  }

 private:
  explicit FirstBytes(std::string_view p) : p_(p) {}
  bool at_end() const { return i_ >= p_.size(); }
  bool take(char c) {
    if (at_end() || p_[i_] != c) return false;
    ++i_;
    return true;
  }
  static void add_range(std::bitset<256>& out, unsigned char lo, unsigned char hi) {
    for (unsigned c = lo; c <= hi; ++c) out.set(c);
  }

  /// Adds the first bytes of the atom at i_; false when it may be absent or is not understood.
  bool first_atom(std::bitset<256>& out) {
    if (at_end()) return false;
    const char c = p_[i_++];
    bool known = true;
    if (c == '\\') {
      if (at_end()) return false;
      const char e = p_[i_++];
      if (e == 'd') add_range(out, '0', '9');
      else if (std::isalnum(static_cast<unsigned char>(e))) known = false;  // \b, \s, \x27 ...
      else out.set(static_cast<unsigned char>(e));
    } else if (c == '[') {
      known = char_class(out);
    } else if (c == '(') {
      if (take('?') && !take(':')) return false;  // lookaround
      do {
        if (!first_atom(out)) return false;
        skip_alternative();
      } while (take('|'));
      known = take(')');
    } else if (std::string_view(".^$|)*+?{").find(c) != std::string_view::npos) {
      known = false;
    } else {
      out.set(static_cast<unsigned char>(c));
    }
    // An atom that may repeat zero times does not bound the first byte.
    return known && !(take('?') || take('*') || (!at_end() && p_[i_] == '{' && may_repeat_zero_times()));
  }

  /// For the '{' at i_: whether the bound is {0...} (or not a bound at all).
  bool may_repeat_zero_times() const {
    std::size_t j = i_ + 1;
    while (j < p_.size() && p_[j] == '0') ++j;
    return j >= p_.size() || !std::isdigit(static_cast<unsigned char>(p_[j]));
  }

  /// A [class] after its '['; false for a negated class or escapes other than \d.
  bool char_class(std::bitset<256>& out) {
    if (take('^')) return false;
    while (!at_end() && p_[i_] != ']') {
      unsigned char lo = static_cast<unsigned char>(p_[i_++]);
      if (lo == '\\') {
        if (at_end()) return false;
        const char e = p_[i_++];
        if (e == 'd') { add_range(out, '0', '9'); continue; }
        if (std::isalnum(static_cast<unsigned char>(e))) return false;
        lo = static_cast<unsigned char>(e);
      }
      if (i_ + 1 < p_.size() && p_[i_] == '-' && p_[i_ + 1] != ']' && p_[i_ + 1] != '\\') {
        const auto hi = static_cast<unsigned char>(p_[i_ + 1]);
        i_ += 2;
        if (hi < lo) return false;
        add_range(out, lo, hi);
      } else {
        out.set(lo);
      }
    }
    return take(']');
  }

  /// Moves i_ to the '|' or ')' that ends the current alternative, or to the end.
  void skip_alternative() {
    int depth = 0;
    bool in_class = false;
    for (; !at_end(); ++i_) {
      const char c = p_[i_];
      if (c == '\\') ++i_;
      else if (in_class) in_class = c != ']';
      else if (c == '[') in_class = true;
      else if (c == '(') ++depth;
      else if (c == ')' && depth-- == 0) return;
      else if (c == '|' && depth == 0) return;
    }
  }

  std::string_view p_;
  std::size_t i_ = 0;
};

bool read_bool(const toml::node& node, const std::string& file, const std::string& what) {
  const auto* b = node.as_boolean();
  if (!b) rule_error(file, node.source(), what + " must be true or false");
  return b->get();
}

}  // namespace

void BoilerplateFilter::Rule::set_regex(const std::string& pattern) {
  // An ignore_case regex runs lowercased on the lowercased line where it can.
  const auto lowered = ignore_case ? lowercase_pattern(pattern) : std::nullopt;
  const std::string& searched = lowered ? *lowered : pattern;
  regex.emplace(searched, ignore_case && !lowered);
  regex_on_lower = lowered.has_value();
  regex_anchored = anchored_at_start(searched);
  if (regex_anchored && (regex_on_lower || !ignore_case)) regex_first_bytes = FirstBytes::of_anchored(searched);
}

BoilerplateFilter BoilerplateFilter::builtin() {
  // Parsing and compiling the regexes once per process; callers get copies.
  static const BoilerplateFilter rules = [] {
    const auto text = embedded_file("data/boilerplate.toml");
    if (!text) throw_runtime("built-in boilerplate rules (data/boilerplate.toml) are missing from this build");
    BoilerplateFilter f;
    f.add_rules(*text, "data/boilerplate.toml");
    return f;
  }();
  return rules;
}

void BoilerplateFilter::add_rules(std::string_view toml_text, const std::string& file) {
  toml::table doc;
  try {
    doc = toml::parse(toml_text, file);
  } catch (const toml::parse_error& e) {
    rule_error(file, e.source(), std::string(e.description()));
  }
  std::vector<Rule> added;
  for (const auto& [key, node] : doc) {
    if (key.str() != "rule") rule_error(file, key.source(), "unknown key '" + std::string(key.str()) + "' (expected [[rule]] tables)");
    const auto* rules = node.as_array();
    if (!rules) rule_error(file, node.source(), "'rule' must be an array of tables ([[rule]])");
    for (const auto& rule_node : *rules) {
      const auto* tbl = rule_node.as_table();
      if (!tbl) rule_error(file, rule_node.source(), "each rule must be a table ([[rule]])");
      Rule rule;
      // ignore_case decides how the other strings are stored, so read it first.
      if (const auto* ic = tbl->get("ignore_case")) rule.ignore_case = read_bool(*ic, file, "ignore_case");
      const auto* name = tbl->get("name");
      if (!name || !name->is_string() || name->as_string()->get().empty())
        rule_error(file, name ? name->source() : tbl->source(), "rule needs a non-empty string 'name'");
      rule.name = name->as_string()->get();
      const std::string label = "rule '" + rule.name + "': ";
      bool has_condition = false;
      for (const auto& [k, v] : *tbl) {
        const std::string_view key_name = k.str();
        const std::string what = label + std::string(key_name);
        if (key_name == "name" || key_name == "ignore_case") continue;
        if (key_name == "equals" || key_name == "starts_with" || key_name == "ends_with" ||
            key_name == "contains") {
          auto strings = read_strings(v, file, what, rule.ignore_case);
          auto& target = key_name == "equals"        ? rule.equals
                         : key_name == "starts_with" ? rule.starts_with
                         : key_name == "ends_with"   ? rule.ends_with
                                                     : rule.contains;
          target = std::move(strings);
          has_condition = true;
        } else if (key_name == "regex") {
          const auto* s = v.as_string();
          if (!s || s->get().empty()) rule_error(file, v.source(), what + " must be a non-empty string");
          try {
            rule.set_regex(s->get());
          } catch (const RegexError& e) {
            rule_error(file, v.source(), label + "bad regex '" + s->get() + "': " + e.what());
          }
          has_condition = true;
        } else if (key_name == "max_words") {
          const auto* n = v.as_integer();
          if (!n || n->get() < 1) rule_error(file, v.source(), what + " must be a positive integer");
          rule.max_words = static_cast<std::size_t>(n->get());
        } else if (key_name == "drops_next_paragraph") {
          rule.drops_next_paragraph = read_bool(v, file, what);
        } else if (key_name == "drops_section") {
          rule.drops_section = read_bool(v, file, what);
        } else {
          rule_error(file, k.source(),
                     label + "unknown key '" + std::string(key_name) +
                         "' (expected name, equals, starts_with, ends_with, contains, regex, max_words, "
                         "ignore_case, drops_next_paragraph or drops_section)");
        }
      }
      if (!has_condition)
        rule_error(file, tbl->source(),
                   label + "needs at least one of equals, starts_with, ends_with, contains or regex");
      added.push_back(std::move(rule));
    }
  }
  // All or nothing: a bad rule late in a file leaves the filter unchanged.
  for (auto& r : added) {
    max_words_limit_ = std::max(max_words_limit_, r.max_words);
    rules_.push_back(std::move(r));
  }
}

void BoilerplateFilter::add_rules_file(const std::filesystem::path& path) {
  std::string text;
  if (!read_whole_file(path.string(), text))
    throw_input(std::string("cannot read boilerplate rules file: ") + std::strerror(errno), Location{path.string()});
  add_rules(text, path.string());
}

bool BoilerplateFilter::matches(const Rule& rule, std::string_view line, std::string_view lower,
                                std::size_t words) const {
  const std::string_view s = rule.ignore_case ? lower : line;
  const auto any = [&](const std::vector<std::string>& options, auto&& test) {
    if (options.empty()) return true;
    for (const auto& o : options)
      if (test(o)) return true;
    return false;
  };
  if (rule.max_words && words > rule.max_words) return false;
  if (!any(rule.equals, [&](const std::string& o) { return s == o; })) return false;
  if (!any(rule.starts_with, [&](const std::string& o) { return s.starts_with(o); })) return false;
  if (!any(rule.ends_with, [&](const std::string& o) { return s.ends_with(o); })) return false;
  if (!any(rule.contains, [&](const std::string& o) { return s.find(o) != std::string_view::npos; })) return false;
  if (rule.regex) {
    if (line.size() > kMaxRegexLine) return false;
    const std::string_view text = rule.regex_on_lower ? lower : line;
    if (rule.regex_first_bytes && !rule.regex_first_bytes->test(static_cast<unsigned char>(text.front())))
      return false;
    if (!rule.regex->search(text, rule.regex_anchored)) return false;
  }
  return true;
}

std::optional<BoilerplateHit> BoilerplateFilter::match(std::string_view raw) const {
  // Other parsers hand in text straight from the page, where "Was this helpful?"
  // may hold a no-break space or a curly quote.
  const std::string cleaned = clean_typography(raw);
  const std::string_view line = trim(cleaned);
  if (line.empty()) return std::nullopt;
  // Lowered in every script, so "LEA TAMBIÉN:" meets "lea también:".
  const std::string lower = utf8::lower(line);
  // Counted once, and only as far as the largest limit, for multi-megabyte lines.
  const std::size_t words = count_words(line, max_words_limit_);
  for (const auto& rule : rules_)
    if (matches(rule, line, lower, words))
      return BoilerplateHit{rule.name, rule.drops_next_paragraph, rule.drops_section};
  return std::nullopt;
}

std::size_t BoilerplateFilter::unbracketed_credit(std::string_view paragraph) const {
  // "... the lake. Foto: Omroep Zuidrand / Kees Verhoef", "... Santa Luzia — Foto: Divulgação":
  // a credit after a full stop or a dash, with no sentence of its own.
  constexpr std::size_t kMaxCreditWords = 12;
  const std::string_view t = trim(paragraph);
  std::size_t best = std::string_view::npos, cut = 0;
  for (std::string_view sep : {". ", " \u2014 ", " \u2013 ", " - "}) {
    const std::size_t at = t.rfind(sep);
    if (at == std::string_view::npos || (best != std::string_view::npos && at + sep.size() <= best)) continue;
    best = at + sep.size();
    cut = sep == ". " ? at + 1 : at;
  }
  if (best != std::string_view::npos && best < t.size()) {
    const std::string_view credit = t.substr(best);
    std::size_t words = 1;
    for (char c : credit) words += c == ' ';
    if (words <= kMaxCreditWords && !credit.ends_with('.'))
      if (const auto hit = match(credit); hit && hit->rule == "photo-credit")
        return static_cast<std::size_t>(t.data() + cut - paragraph.data());
  }
  // "... the houses Foto: R. Matos/Secom": a credit label run on after a space
  // (the credit may hold a stop of its own).
  if (t.ends_with('.')) return std::string_view::npos;
  for (std::string_view label : {" Foto: ", " Fotos: ", " Photo: ", " Image: ", " Imagem: ", " Bild: ", " Credit: ",
                                  " Cr\u00E9dito: "}) {
    const std::size_t at = t.rfind(label);
    if (at == std::string_view::npos || at == 0) continue;
    if (const auto hit = match(t.substr(at + 1)); hit && hit->rule == "photo-credit")
      return static_cast<std::size_t>(t.data() + at - paragraph.data());
  }
  return std::string_view::npos;
}

std::size_t BoilerplateFilter::trailing_credit(std::string_view paragraph) const {
  constexpr std::size_t kMaxCreditBytes = 160;  // a credit names a person or an agency, no more
  const std::string_view t = trim(paragraph);
  if (!t.ends_with(')')) return unbracketed_credit(paragraph);
  const std::size_t open = t.rfind('(');
  // The credit follows text of its own; a paragraph that is only a credit is matched whole.
  if (open == std::string_view::npos || open == 0 || t.size() - open > kMaxCreditBytes) return std::string_view::npos;
  const auto hit = match(t.substr(open));
  if (!hit || hit->rule != "photo-credit") return std::string_view::npos;
  return static_cast<std::size_t>(t.data() + open - paragraph.data());
}

}  // namespace readaloud
