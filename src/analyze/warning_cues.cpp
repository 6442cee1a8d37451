#include "analyze/warning_cues.hpp"

#include <algorithm>
#include <cstdio>
#include <utility>

#include <toml++/toml.h>

#include "document/languages.hpp"
#include "util/embedded.hpp"
#include "util/error.hpp"
#include "util/utf8.hpp"

namespace readaloud {
namespace {

// A "..." gap spans at most this many word tokens. Long enough for "should not
// use an electronic massager of any kind without", short enough to stay in one clause.
constexpr int kGapTokens = 8;

// ---- folding and tokens ----------------------------------------------------

bool is_punctuation_or_space(char32_t cp) {
  return (cp >= 0x2000 && cp <= 0x2BFF) || (cp >= 0x3000 && cp <= 0x303F) || cp == 0xFFFD ||
         (cp >= 0xFE10 && cp <= 0xFE6F) || (cp >= 0xFF00 && cp <= 0xFF0F);
}

class Tokenizer {
 public:
  Tokenizer(const WarningCues& cues, std::vector<CueToken>& out) : cues_(cues), out_(out) {}

  void run(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size()) {
      const utf8::Decoded d = utf8::decode(text, i);
      const char32_t cp = d.code_point;
      i += d.length;
      if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9')) {
        word_ += static_cast<char>(cp);
      } else if (cp >= 'A' && cp <= 'Z') {
        word_ += static_cast<char>(cp - 'A' + 'a');
      } else if (cp == '\'' || cp == 0x2019 || cp == 0x02BC) {
        if (!word_.empty()) word_ += '\'';
      } else if (cp == 0xD7 || cp == 0xF7) {
        flush();  // × and ÷ are symbols, not letters
      } else if (cp == ',' || cp == ';' || cp == '(' || cp == ')' || cp == 0x2013 || cp == 0x2014) {
        punct(",");
      } else if (cp == ':') {
        punct(":");
      } else if ((cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0x3400 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF)) {
        // Chinese and Japanese write no spaces: each Han or Kana character is
        // a token, and their cue patterns are written character by character.
        flush();
        utf8::fold_accents(cp, word_);
        flush();
      } else if (cp >= 0xC0 && !is_punctuation_or_space(cp)) {
        // Accents dropped, so data files and input agree whether or not a
        // writer typed them; other scripts are kept, case folded.
        utf8::fold_accents(cp, word_);
      } else {
        flush();  // spaces, hyphens, dots, quotes, symbols
      }
    }
    flush();
  }

 private:
  void punct(const char* p) {
    flush();
    if (out_.empty() || out_.back().text != p) out_.push_back(CueToken{p});
  }

  void emit(std::string_view w) {
    const auto c = cues_.contractions.find(std::string(w));
    if (c == cues_.contractions.end()) {
      out_.push_back(CueToken{std::string(w)});
      return;
    }
    std::string_view v = c->second;
    while (!v.empty()) {
      const std::size_t sp = v.find(' ');
      const std::string_view part = v.substr(0, sp);
      if (!part.empty()) out_.push_back(CueToken{std::string(part)});
      if (sp == std::string_view::npos) break;
      v.remove_prefix(sp + 1);
    }
  }

  void flush() {
    while (!word_.empty() && word_.back() == '\'') word_.pop_back();
    if (word_.empty()) return;
    std::string_view w = word_;
    for (const auto& [key, value] : cues_.elisions) {
      if (w.size() > key.size() && w.substr(0, key.size()) == key) {
        emit(value);
        w.remove_prefix(key.size());
        break;
      }
    }
    emit(w);
    word_.clear();
  }

  const WarningCues& cues_;
  std::vector<CueToken>& out_;
  std::string word_;
};

bool is_word(const CueToken& t) { return t.text != "," && t.text != ":"; }

// ---- patterns --------------------------------------------------------------

[[noreturn]] void bad_data(std::string_view source, const toml::source_region& where,
                           const std::string& message) {
  throw Error(ErrorKind::Runtime, message,
              Location{std::string(source), where.begin.line, where.begin.column});
}

CuePattern compile_pattern(std::string_view text, const WarningCues& cues, std::string_view source,
                           const toml::source_region& where) {
  CuePattern p;
  p.source = std::string(text);
  bool has_required_word = false;
  std::size_t pos = 0;
  bool first = true;
  while (pos < text.size()) {
    if (text[pos] == ' ') { ++pos; continue; }
    std::size_t end = text.find(' ', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view e = text.substr(pos, end - pos);
    pos = end;
    if (first && e == "^") {
      p.anchored = true;
      first = false;
      continue;
    }
    first = false;
    if (e == "...") {
      for (int k = 0; k < kGapTokens; ++k) p.elements.push_back(CueElement{CueElement::Type::Any, {}, {}, {}, true});
      continue;
    }
    if (e == ",") { p.elements.push_back(CueElement{CueElement::Type::Comma}); continue; }
    if (e == ":") { p.elements.push_back(CueElement{CueElement::Type::Colon}); continue; }
    CueElement el;
    if (e.size() >= 2 && e.front() == '[' && e.back() == ']') {
      el.optional = true;
      e = e.substr(1, e.size() - 2);
    }
    while (!e.empty()) {
      const std::size_t bar = e.find('|');
      std::string_view alt = e.substr(0, bar);
      e = bar == std::string_view::npos ? std::string_view() : e.substr(bar + 1);
      bool prefix = false, suffix = false;
      if (!alt.empty() && alt.back() == '*') {
        prefix = true;
        alt.remove_suffix(1);
      } else if (alt.size() > 1 && alt.front() == '*') {
        suffix = true;  // German and Dutch compounds: "*entzündung"
        alt.remove_prefix(1);
      }
      std::vector<CueToken> toks = cue_tokens(alt, cues);
      if (toks.size() != 1 || !is_word(toks[0]))
        bad_data(source, where, "cue pattern \"" + p.source + "\": \"" + std::string(alt) +
                                    "\" is not a single word (write \"a b\" as two elements)");
      el.words.push_back(std::move(toks[0].text));
      el.prefix.push_back(prefix);
      el.suffix.push_back(suffix);
    }
    if (el.words.empty()) bad_data(source, where, "cue pattern \"" + p.source + "\": empty element");
    has_required_word = has_required_word || !el.optional;
    p.elements.push_back(std::move(el));
  }
  if (!has_required_word)
    bad_data(source, where, "cue pattern \"" + p.source + "\" needs at least one required word");
  if (p.elements.front().type == CueElement::Type::Any || p.elements.back().type == CueElement::Type::Any)
    bad_data(source, where, "cue pattern \"" + p.source + "\" cannot start or end with \"...\"");
  return p;
}

bool element_matches(const CueElement& e, const CueToken& t) {
  switch (e.type) {
    case CueElement::Type::Any: return is_word(t);
    case CueElement::Type::Comma: return t.text == ",";
    case CueElement::Type::Colon: return t.text == ":";
    case CueElement::Type::Word: break;
  }
  if (!is_word(t)) return false;
  for (std::size_t k = 0; k < e.words.size(); ++k) {
    const std::string& w = e.words[k];
    if (e.prefix[k] ? t.text.starts_with(w) : e.suffix[k] ? t.text.ends_with(w) : t.text == w) return true;
  }
  return false;
}

// The sentence's distinct word tokens, sorted, to rule out most patterns
// before walking them: a pattern can only match when every required word
// element has an alternative among the tokens.
class Vocabulary {
 public:
  explicit Vocabulary(const std::vector<CueToken>& toks) {
    words_.reserve(toks.size());
    for (const CueToken& t : toks)
      if (is_word(t)) words_.push_back(t.text);
    std::sort(words_.begin(), words_.end());
    words_.erase(std::unique(words_.begin(), words_.end()), words_.end());
  }

  bool may_match(const CuePattern& p) const {
    for (const CueElement& e : p.elements) {
      if (e.type != CueElement::Type::Word || e.optional) continue;
      bool found = false;
      for (std::size_t k = 0; k < e.words.size() && !found; ++k) {
        if (e.suffix[k]) {
          found = true;  // suffixes are not indexed: let the walk decide
          break;
        }
        const auto it = std::lower_bound(words_.begin(), words_.end(), std::string_view(e.words[k]));
        found = it != words_.end() && (e.prefix[k] ? it->starts_with(e.words[k]) : *it == e.words[k]);
      }
      if (!found) return false;
    }
    return true;
  }

 private:
  std::vector<std::string_view> words_;
};

struct Match {
  std::size_t begin, end;  // token indices, [begin, end)
};

// Simulates the pattern's NFA over the tokens: O(tokens x elements). Each
// active state remembers the latest start that reaches it, so every match
// reported is the shortest one ending at its end.
void find_matches(const CuePattern& p, const std::vector<CueToken>& toks, std::vector<Match>& out) {
  const std::size_t m = p.elements.size();
  std::vector<long> cur(m + 1, -1), next(m + 1, -1);
  for (std::size_t i = 0; i <= toks.size(); ++i) {
    if (i < toks.size() && (!p.anchored || i == 0 || toks[i - 1].text == ":"))
      cur[0] = std::max(cur[0], static_cast<long>(i));
    for (std::size_t j = 0; j < m; ++j)
      if (cur[j] >= 0 && p.elements[j].optional) cur[j + 1] = std::max(cur[j + 1], cur[j]);
    if (cur[m] >= 0) {
      out.push_back(Match{static_cast<std::size_t>(cur[m]), i});
      cur[m] = -1;
    }
    if (i == toks.size()) break;
    std::fill(next.begin(), next.end(), -1);
    for (std::size_t j = 0; j < m; ++j)
      if (cur[j] >= 0 && element_matches(p.elements[j], toks[i]))
        next[j + 1] = std::max(next[j + 1], cur[j]);
    std::swap(cur, next);
  }
}

// Veto ranges sorted by start, with the running maximum of their ends, so that
// "does any veto overlap [a, b)" is one binary search (a sentence can hold
// thousands of matches; comparing every pair would be quadratic).
class Vetoes {
 public:
  explicit Vetoes(std::vector<Match> ranges) : ranges_(std::move(ranges)) {
    std::sort(ranges_.begin(), ranges_.end(), [](const Match& x, const Match& y) { return x.begin < y.begin; });
    std::size_t running = 0;
    for (const Match& r : ranges_) max_end_.push_back(running = std::max(running, r.end));
  }

  bool overlap(const Match& m) const {
    // Vetoes starting before m.end; the furthest-reaching one decides.
    const auto it = std::lower_bound(ranges_.begin(), ranges_.end(), m.end,
                                     [](const Match& r, std::size_t end) { return r.begin < end; });
    const std::size_t n = static_cast<std::size_t>(it - ranges_.begin());
    return n > 0 && max_end_[n - 1] > m.begin;
  }

 private:
  std::vector<Match> ranges_;
  std::vector<std::size_t> max_end_;
};

// The first pattern match that no veto overlaps.
bool matches_unvetoed(const std::vector<CuePattern>& patterns, const std::vector<CueToken>& toks,
                      const Vocabulary& vocabulary, const Vetoes& vetoes, std::vector<Match>& scratch) {
  for (const CuePattern& p : patterns) {
    if (!vocabulary.may_match(p)) continue;
    scratch.clear();
    find_matches(p, toks, scratch);
    for (const Match& m : scratch)
      if (!vetoes.overlap(m)) return true;
  }
  return false;
}

// ---- data files ------------------------------------------------------------

std::vector<CuePattern> compile_list(const toml::node* node, const WarningCues& cues,
                                     std::string_view source, std::string_view what) {
  std::vector<CuePattern> out;
  if (node == nullptr) return out;
  const toml::array* arr = node->as_array();
  if (arr == nullptr) bad_data(source, node->source(), std::string(what) + " must be an array of strings");
  for (const toml::node& item : *arr) {
    const auto s = item.value<std::string_view>();
    if (!s) bad_data(source, item.source(), std::string(what) + " must be an array of strings");
    out.push_back(compile_pattern(*s, cues, source, item.source()));
  }
  return out;
}

CalloutKind parse_callout(const toml::node& node, std::string_view source) {
  const auto s = node.value<std::string_view>();
  if (s)
    if (const auto kind = parse_callout_kind(*s)) return *kind;
  bad_data(source, node.source(), "unknown callout kind (note, tip, important, warning, caution, danger)");
}

double parse_weight(const toml::table& t, double fallback, std::string_view source) {
  const toml::node* w = t.get("weight");
  if (w == nullptr) return fallback;
  const auto v = w->value<double>();
  if (!v || *v <= 0.0 || *v > 10.0) bad_data(source, w->source(), "weight must be a number above 0 and at most 10");
  return *v;
}

// [[cue]], [[support]] and [[leadin]] tables: a name, patterns, an optional weight.
std::vector<SentenceCue> parse_cues(const toml::table& root, const char* key, const WarningCues& cues,
                                    std::string_view source) {
  std::vector<SentenceCue> out;
  const toml::array* a = root[key].as_array();
  if (a == nullptr) return out;
  const std::string what = std::string("[[") + key + "]]";
  for (const toml::node& n : *a) {
    if (!n.is_table()) bad_data(source, n.source(), std::string(key) + " must be an array of tables (" + what + ")");
    const toml::table& t = *n.as_table();
    SentenceCue cue;
    cue.name = t["name"].value_or(std::string());
    if (cue.name.empty()) bad_data(source, n.source(), "a " + what + " needs a name");
    cue.weight = parse_weight(t, 1.0, source);
    cue.patterns = compile_list(t["patterns"].node(), cues, source, "patterns");
    if (cue.patterns.empty()) bad_data(source, n.source(), "a " + what + " needs patterns");
    out.push_back(std::move(cue));
  }
  return out;
}

WarningCues load_embedded(std::string_view language) {
  const std::string path = "data/warnings/" + std::string(language) + ".toml";
  const auto text = embedded_file(path);
  if (!text) throw_runtime("built-in data file " + path + " is missing");
  return parse_warning_cues(*text, path);
}

}  // namespace

std::vector<CueToken> cue_tokens(std::string_view text, const WarningCues& cues) {
  std::vector<CueToken> out;
  Tokenizer(cues, out).run(text);
  return out;
}

WarningCues parse_warning_cues(std::string_view toml_text, std::string_view source_name) {
  toml::table root;
  try {
    root = toml::parse(toml_text, source_name);
  } catch (const toml::parse_error& e) {
    bad_data(source_name, e.source(), std::string(e.description()));
  }
  WarningCues cues;
  cues.language = root["language"].value_or(std::string());

  // Token rewriting first: patterns are tokenised with it.
  if (const toml::table* c = root.at_path("tokens.contractions").as_table()) {
    for (const auto& [key, value] : *c) {
      const auto v = value.value<std::string>();
      if (!v) bad_data(source_name, value.source(), "a contraction must map to a string");
      WarningCues plain;  // fold both sides without any rewriting
      std::string folded_key;
      for (const CueToken& t : cue_tokens(key.str(), plain)) folded_key += t.text;
      std::string folded_value;
      for (const CueToken& t : cue_tokens(*v, plain)) folded_value += (folded_value.empty() ? "" : " ") + t.text;
      cues.contractions.emplace(std::move(folded_key), std::move(folded_value));
    }
  }
  if (const toml::table* e = root.at_path("tokens.elisions").as_table()) {
    for (const auto& [key, value] : *e) {
      const auto v = value.value<std::string>();
      if (!v || key.str().empty() || key.str().back() != '\'')
        bad_data(source_name, value.source(), "an elision maps a prefix ending in ' to a word");
      cues.elisions.emplace_back(std::string(key.str()), *v);
    }
    // Longest prefix first ("qu'" before "u'" style overlaps).
    std::sort(cues.elisions.begin(), cues.elisions.end(),
              [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
  }

  cues.section_headings = compile_list(root.at_path("sections.match").node(), cues, source_name, "sections.match");
  cues.section_exclusions =
      compile_list(root.at_path("sections.exclude").node(), cues, source_name, "sections.exclude");
  if (const toml::array* a = root["callouts"].as_array())
    for (const toml::node& n : *a) cues.callout_kinds.push_back(parse_callout(n, source_name));

  cues.sentence_cues = parse_cues(root, "cue", cues, source_name);
  cues.support_cues = parse_cues(root, "support", cues, source_name);
  cues.leadin_cues = parse_cues(root, "leadin", cues, source_name);
  cues.pointer_leadins = compile_list(root.at_path("context.pointers").node(), cues, source_name, "context.pointers");
  cues.continuations =
      compile_list(root.at_path("context.continuations").node(), cues, source_name, "context.continuations");
  if (const toml::array* a = root["negative"].as_array()) {
    for (const toml::node& n : *a) {
      if (!n.is_table()) bad_data(source_name, n.source(), "negative must be an array of tables ([[negative]])");
      const toml::table& t = *n.as_table();
      NegativeCue neg;
      neg.why = t["why"].value_or(std::string());
      if (neg.why.empty()) bad_data(source_name, n.source(), "a [[negative]] needs a why");
      neg.name = t["name"].value_or(std::string("negative"));
      neg.weight = parse_weight(t, 0.0, source_name);
      neg.patterns = compile_list(t["patterns"].node(), cues, source_name, "patterns");
      if (neg.patterns.empty()) bad_data(source_name, n.source(), "a [[negative]] needs patterns");
      cues.negative_cues.push_back(std::move(neg));
    }
  }
  return cues;
}

const WarningCues& warning_cues_for(std::string_view language) {
  // Each language is parsed and compiled once, on first use; languages
  // without a cue file of their own use English cues.
  static const LanguageCache<WarningCues> cache([](const std::string& code) { return load_embedded(code); });
  return cache.get(resource_language("warnings", language.empty() ? "en" : language));
}

bool is_question(std::string_view sentence) {
  std::size_t end = sentence.size();
  while (end > 0) {
    const char c = sentence[end - 1];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '"' || c == '\'' || c == ')' || c == ']')
      --end;
    else if (end >= 3 && (sentence.substr(end - 3, 3) == "\xE2\x80\x9D" || sentence.substr(end - 3, 3) == "\xE2\x80\x99"))
      end -= 3;
    else if (end >= 2 && sentence.substr(end - 2, 2) == "\xC2\xBB")
      end -= 2;
    else
      break;
  }
  return end > 0 && sentence[end - 1] == '?';
}

namespace {

std::string format_weight(double w) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", w);
  return buf;
}

}  // namespace

std::string CueScore::explain() const {
  std::string out = "cue: " + top;
  if (reasons.size() <= 1) return out;
  out += " (";
  for (std::size_t i = 1; i < reasons.size(); ++i) out += (i > 1 ? ", " : "") + reasons[i];
  return out + "; score " + format_weight(score) + ")";
}

CueScore score_sentence(std::string_view sentence, const WarningCues& cues) {
  CueScore result;
  if (is_question(sentence)) return result;
  const std::vector<CueToken> toks = cue_tokens(sentence, cues);
  const Vocabulary vocabulary(toks);
  std::vector<Match> vetoed, scratch;
  for (const NegativeCue& neg : cues.negative_cues)
    if (neg.weight <= 0.0)
      for (const CuePattern& p : neg.patterns)
        if (vocabulary.may_match(p)) find_matches(p, toks, vetoed);
  result.hedged = !vetoed.empty();
  const Vetoes vetoes(std::move(vetoed));
  const Vetoes none{std::vector<Match>{}};

  // Heaviest cue first, so the reason names what weighed most.
  std::vector<const SentenceCue*> matched;
  for (const SentenceCue& cue : cues.sentence_cues)
    if (matches_unvetoed(cue.patterns, toks, vocabulary, vetoes, scratch)) matched.push_back(&cue);
  if (matched.empty()) {
    // No cue, so no score; whether a damper matches still tells the model
    // that the sentence reassures, reports or counts.
    for (const NegativeCue& neg : cues.negative_cues)
      if (!result.hedged && neg.weight > 0.0)
        result.hedged = matches_unvetoed(neg.patterns, toks, vocabulary, none, scratch);
    return result;
  }
  std::stable_sort(matched.begin(), matched.end(),
                   [](const SentenceCue* a, const SentenceCue* b) { return a->weight > b->weight; });
  result.top = matched.front()->name;
  for (const SentenceCue* cue : matched) {
    result.score += cue->weight;
    result.reasons.push_back(cue->name);
  }
  for (const SentenceCue& cue : cues.support_cues)
    if (matches_unvetoed(cue.patterns, toks, vocabulary, none, scratch)) {
      result.score += cue.weight;
      result.reasons.push_back("+ " + cue.name);
    }
  for (const NegativeCue& neg : cues.negative_cues)
    if (neg.weight > 0.0 && matches_unvetoed(neg.patterns, toks, vocabulary, none, scratch)) {
      result.score -= neg.weight;
      result.reasons.push_back("- " + neg.name);
      result.hedged = true;
    }
  return result;
}

std::string match_sentence_cue(std::string_view sentence, const WarningCues& cues) {
  CueScore s = score_sentence(sentence, cues);
  return s.score >= kBalancedThreshold - 1e-9 ? s.top : std::string();
}

std::string match_leadin(std::string_view text, const WarningCues& cues) {
  const std::vector<CueToken> toks = cue_tokens(text, cues);
  const Vocabulary vocabulary(toks);
  const Vetoes none{std::vector<Match>{}};
  std::vector<Match> scratch;
  for (const SentenceCue& cue : cues.leadin_cues)
    if (matches_unvetoed(cue.patterns, toks, vocabulary, none, scratch)) return cue.name;
  return {};
}

bool matches_any(std::string_view text, const std::vector<CuePattern>& patterns, const WarningCues& cues) {
  const std::vector<CueToken> toks = cue_tokens(text, cues);
  const Vocabulary vocabulary(toks);
  const Vetoes none{std::vector<Match>{}};
  std::vector<Match> scratch;
  return matches_unvetoed(patterns, toks, vocabulary, none, scratch);
}

bool heading_names_risks(std::string_view heading, const WarningCues& cues) {
  const std::vector<CueToken> toks = cue_tokens(heading, cues);
  const Vocabulary vocabulary(toks);
  std::vector<Match> exclusions, scratch;
  for (const CuePattern& p : cues.section_exclusions)
    if (vocabulary.may_match(p)) find_matches(p, toks, exclusions);
  const Vetoes vetoes(std::move(exclusions));
  return matches_unvetoed(cues.section_headings, toks, vocabulary, vetoes, scratch);
}

}  // namespace readaloud
