#pragma once
// Text normalisation for speech, per language: abbreviations, units, ranges,
// numbers, symbols, URLs, plus the user's lexicon. Rules are data compiled
// into the binary (data/normalize/<lang>.toml).

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace readaloud {

/// One user pronunciation: a written form spoken as `alias` (plain text) or
/// as `phoneme` (eSpeak NG phoneme mnemonics, passed as [[...]]).
struct LexiconEntry {
  std::string grapheme;
  std::string alias;
  std::string phoneme;
  bool operator==(const LexiconEntry&) const = default;
};

struct Lexicon {
  std::vector<LexiconEntry> entries;
  bool operator==(const Lexicon&) const = default;
};

/// Reads a W3C PLS 1.0 lexicon. Throws Error(Input) naming the file and line.
Lexicon load_pls_lexicon(const std::filesystem::path& path);
/// Reads a TOML word list: `[words]` table of `"word" = "spoken form"`.
Lexicon load_toml_lexicon(const std::filesystem::path& path);

/// Converts an IPA transcription to eSpeak NG phoneme mnemonics ("ˈpiː" ->
/// "'pi:"), or nullopt when it holds a symbol outside the supported table.
std::optional<std::string> ipa_to_espeak(std::string_view ipa);

/// Normalises text for one language. Construct once per article; cheap to call.
class Normalizer {
 public:
  /// `language` is a BCP 47 tag; unknown languages fall back to English rules.
  explicit Normalizer(std::string_view language = "en", Lexicon user = {});
  ~Normalizer();
  Normalizer(Normalizer&&) noexcept;
  Normalizer& operator=(Normalizer&&) noexcept;

  /// The text as it should be spoken ("200–400 mg" -> "200 to 400 milligrams").
  std::string normalize(std::string_view text) const;

  /// The primary language subtag in use ("en", "es", "de", "fr").
  const std::string& language() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace readaloud
