#pragma once
// Page junk in scraped text: share buttons glued to image captions, photo
// credits, "Was this helpful?", ads, promos, review and byline lines.
// The rules are data (data/boilerplate.toml, plus user files of the same form).

#include <bitset>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "util/regex.hpp"

namespace readaloud {

/// Which rule matched a line, and whether the paragraph after the line is junk too
/// (e.g. "How we reviewed this article:" followed by its review history).
struct BoilerplateHit {
  std::string rule;
  bool drops_next_paragraph = false;
  /// A heading that opens back matter ("Sources", "About the author"), or a
  /// paragraph that closes the text ("###"): the rest of its section is junk too.
  bool drops_section = false;
};

/// An ordered list of rules; the first rule that matches a line wins.
///
/// Rule file format (TOML), one `[[rule]]` table per rule:
///   name = "share-button"                  # required; reported in Article::dropped
///   equals / starts_with / ends_with / contains = "text" or ["text", ...]
///   regex = 'regex'                         # PCRE2 (util/regex.hpp), searched in the trimmed line
///   max_words = 12                          # optional: only lines this short
///   ignore_case = true                      # optional, default true
///   drops_next_paragraph = false            # optional
///   drops_section = false                   # optional: the rest of the section goes (after a
///                                           # heading, its section; after a paragraph, the one it is in)
/// A rule needs at least one condition; every condition given must hold, and a
/// condition with a list holds when any of its strings does.
class BoilerplateFilter {
 public:
  /// Rules from the embedded data/boilerplate.toml.
  static BoilerplateFilter builtin();
  /// Adds user rules after the existing ones. Throws Error(Input) located at
  /// "file:line" for TOML syntax errors, unknown keys, bad values and bad regexes.
  void add_rules(std::string_view toml, const std::string& file);
  /// Reads a rule file and adds its rules; Error(Input) if it cannot be read.
  void add_rules_file(const std::filesystem::path& path);
  /// The rule that marks this line (or short paragraph) as page junk, or nullopt.
  /// The line is matched after clean_typography and with surrounding whitespace
  /// trimmed. Regexes are not run on lines longer than kMaxRegexLine bytes
  /// (no rule is written for such lines); they can still match the plain
  /// string conditions.
  std::optional<BoilerplateHit> match(std::string_view line) const;

  /// Where a trailing credit starts in a paragraph or caption: a bracketed
  /// one ("... the winter. (Image: Jo Roe)", the offset of its "("), or one
  /// after a full stop or a dash ("... the lake. Foto: Kees Verhoef", the
  /// offset past the full stop or of the dash's space), when its text matches
  /// a "photo-credit" rule; else npos.
  std::size_t trailing_credit(std::string_view paragraph) const;

  /// Number of rules loaded.
  std::size_t size() const { return rules_.size(); }

  static constexpr std::size_t kMaxRegexLine = 2000;

 private:
  struct Rule {
    std::string name;
    std::vector<std::string> equals, starts_with, ends_with, contains;  // lowercased when ignore_case
    std::optional<Regex> regex;
    bool regex_anchored = false;  // every alternative starts with '^': tried at the line's start only
    bool regex_on_lower = false;  // an ignore_case regex lowercased and run on the lowercased line
    std::optional<std::bitset<256>> regex_first_bytes;  // of an anchored regex, when known
    /// Compiles `pattern` with the shortcuts above; throws RegexError.
    void set_regex(const std::string& pattern);
    std::size_t max_words = 0;  // 0: no limit
    bool ignore_case = true;
    bool drops_next_paragraph = false;
    bool drops_section = false;
  };
  bool matches(const Rule& rule, std::string_view line, std::string_view lower, std::size_t words) const;
  std::size_t unbracketed_credit(std::string_view paragraph) const;

  std::vector<Rule> rules_;
  std::size_t max_words_limit_ = 0;  // the largest max_words of any rule
};

}  // namespace readaloud
