// User lexicons (PLS and TOML) and what eSpeak NG makes of their entries.

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ostream>
#include <string>

#include <espeak-ng/speak_lib.h>
#include <gtest/gtest.h>

#include "narrate/normalizer.hpp"
#include "util/error.hpp"

namespace readaloud {
namespace {

}  // namespace

/// Readable failure output for lexicon comparisons.
void PrintTo(const LexiconEntry& e, std::ostream* os) {
  *os << "{\"" << e.grapheme << "\", alias \"" << e.alias << "\", phoneme \"" << e.phoneme << "\"}";
}
void PrintTo(const Lexicon& l, std::ostream* os) {
  for (const auto& e : l.entries) PrintTo(e, os);
}

namespace {

std::filesystem::path fixture(std::string_view name) {
  return std::filesystem::path(READALOUD_SOURCE_DIR) / "tests/fixtures/lexicon" / name;
}

template <typename Load>
Error error_from(Load load, std::string_view name) {
  try {
    load(fixture(name));
  } catch (const Error& e) {
    return e;
  }
  ADD_FAILURE() << name << " loaded without an error";
  return Error(ErrorKind::Runtime, "no error");
}

TEST(Lexicon, PlsAliasEspeakAndIpaPhonemes) {
  const Lexicon lexicon = load_pls_lexicon(fixture("terms.pls"));
  const Lexicon expected{{
      {"PSA", "P.S.A", ""},
      {"tamsulosin", "", "t,amsu:l'oUsIn"},
      {"Cialis", "", "si'A:lIs"},
      {"cialis", "", "si'A:lIs"},
  }};
  EXPECT_EQ(lexicon, expected);
}

TEST(Lexicon, PlsIpaDefaultAlphabet) {
  const Lexicon lexicon = load_pls_lexicon(fixture("ipa.pls"));
  const Lexicon expected{{{"prostate", "", "'pr0steIt"}, {"chai", "", "tSaI"}}};
  EXPECT_EQ(lexicon, expected);
}

TEST(Lexicon, IpaTable) {
  EXPECT_EQ(ipa_to_espeak("ˈθɪŋk"), "'TINk");
  EXPECT_EQ(ipa_to_espeak("ˌdʒʌstˈɪs"), ",dZVst'Is");
  EXPECT_EQ(ipa_to_espeak("ˈæ.ðɚ"), "'aD3");
  EXPECT_EQ(ipa_to_espeak("ʃuːˈʒaʊ"), "Su:'ZaU");
  EXPECT_EQ(ipa_to_espeak("ǃ"), std::nullopt);
}

TEST(Lexicon, PlsMalformedXmlGivesLine) {
  const Error e = error_from(load_pls_lexicon, "malformed.pls");
  EXPECT_EQ(e.kind(), ErrorKind::Input);
  EXPECT_EQ(e.where().file, fixture("malformed.pls").string());
  EXPECT_EQ(e.where().line, 6u);
  EXPECT_EQ(e.message(), "malformed PLS lexicon: Start-end tags mismatch");
}

TEST(Lexicon, PlsUnknownIpaSymbolNamesLexeme) {
  const Error e = error_from(load_pls_lexicon, "unknown-ipa.pls");
  EXPECT_EQ(e.kind(), ErrorKind::Input);
  EXPECT_EQ(e.where().line, 7u);
  EXPECT_EQ(e.message(), "lexeme \"clicky\": IPA \"ǃaki\" has a symbol with no eSpeak NG equivalent");
}

TEST(Lexicon, PlsLexemeWithoutPronunciation) {
  const Error e = error_from(load_pls_lexicon, "no-pronunciation.pls");
  EXPECT_EQ(e.kind(), ErrorKind::Input);
  EXPECT_EQ(e.where().line, 3u);
  EXPECT_EQ(e.message(), "lexeme \"lonely\" has neither <alias> nor <phoneme>");
}

TEST(Lexicon, MissingFile) {
  const Error e = error_from(load_pls_lexicon, "absent.pls");
  EXPECT_EQ(e.kind(), ErrorKind::Input);
  EXPECT_EQ(e.message(), "cannot read lexicon file: No such file or directory");
}

TEST(Lexicon, TomlWordsAndPhonemes) {
  const Lexicon lexicon = load_toml_lexicon(fixture("words.toml"));
  // toml++ tables are ordered by key, so [phonemes] comes before [words].
  const Lexicon expected{{
      {"Flomax", "", "fl'oUmaks"},
      {"BPH", "benign prostatic hyperplasia", ""},
      {"PSA", "P S A", ""},
  }};
  EXPECT_EQ(lexicon, expected);
}

TEST(Lexicon, TomlErrorsGiveLines) {
  Error e = error_from(load_toml_lexicon, "malformed.toml");
  EXPECT_EQ(e.kind(), ErrorKind::Input);
  EXPECT_EQ(e.where().line, 3u);
  EXPECT_EQ(e.message().rfind("malformed TOML lexicon: ", 0), 0u) << e.message();

  e = error_from(load_toml_lexicon, "not-a-string.toml");
  EXPECT_EQ(e.where().line, 3u);
  EXPECT_EQ(e.message(), "\"dose\" must map to a non-empty string");

  e = error_from(load_toml_lexicon, "unknown-table.toml");
  EXPECT_EQ(e.where().line, 4u);
  EXPECT_EQ(e.message(), "unknown table [word] in TOML lexicon (expected [words] or [phonemes])");
}

// What eSpeak NG makes of normalised text, through its C API. eSpeak's state
// is process-global, so it is initialised once for this suite.
class EspeakPhonemes : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    ASSERT_GT(espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, 0, nullptr, 0), 0);
    espeak_SetSynthCallback([](short*, int, espeak_EVENT*) { return 0; });
    ASSERT_EQ(espeak_SetVoiceByName("en-us"), EE_OK);
  }

  /// Phonemes of plain text (espeak_TextToPhonemes reads [[...]] as text).
  static std::string text_phonemes(const std::string& text) {
    const void* p = text.c_str();
    std::string out;
    while (p != nullptr) {
      const char* clause = espeak_TextToPhonemes(&p, espeakCHARS_UTF8, 0);
      if (clause != nullptr && *clause != '\0') out += (out.empty() ? "" : " ") + std::string(clause);
    }
    return out;
  }

  /// Phonemes that synthesis uses with espeakPHONEMES, as the engine sets it,
  /// so [[...]] is honoured. Read from eSpeak's phoneme trace.
  static std::string spoken_phonemes(const std::string& text) {
    char* buffer = nullptr;
    std::size_t size = 0;
    FILE* trace = open_memstream(&buffer, &size);
    espeak_SetPhonemeTrace(espeakPHONEMES_SHOW, trace);
    espeak_Synth(text.c_str(), text.size() + 1, 0, POS_CHARACTER, 0, espeakCHARS_UTF8 | espeakPHONEMES,
                 nullptr, nullptr);
    espeak_Synchronize();
    espeak_SetPhonemeTrace(0, nullptr);
    std::fclose(trace);
    std::string out(buffer, size);
    std::free(buffer);
    while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
    return out;
  }
};

TEST_F(EspeakPhonemes, AliasIsSpelledLetters) {
  const Normalizer n("en", load_pls_lexicon(fixture("terms.pls")));
  const std::string text = n.normalize("Your PSA level");
  EXPECT_EQ(text, "Your P.S.A level");
  EXPECT_EQ(text_phonemes(text), "jU@ p,i:;,Es'eI l'Ev@L");
}

TEST_F(EspeakPhonemes, SpacedLettersReadALoneAAsTheArticle) {
  // Why the built-in acronyms use "P.S.A" rather than "P S A".
  const Normalizer n("en", load_toml_lexicon(fixture("words.toml")));
  const std::string text = n.normalize("Your PSA level");
  EXPECT_EQ(text, "Your P S A level");
  EXPECT_EQ(text_phonemes(text), "jU@ p'i:; 'Es a# l'Ev@L");
  EXPECT_EQ(text_phonemes(Normalizer("en").normalize("an ED drug")), "a#n ,i:d'i: dr'Vg");
}

TEST_F(EspeakPhonemes, PhonemeEntriesAreSpokenAsWritten) {
  const Normalizer n("en", load_pls_lexicon(fixture("terms.pls")));
  const std::string text = n.normalize("Take tamsulosin or Cialis daily");
  EXPECT_EQ(text, "Take [[t,amsu:l'oUsIn]] or [[si'A:lIs]] daily");
  // eSpeak 1.51 puts a short pause ("_:_:") after a phoneme block that a
  // function word follows; the phonemes themselves are kept as written.
  EXPECT_EQ(spoken_phonemes(text), "t'eIk t,amsu:l'oUsIn_:_: O@ si;'A:lIs d'eIli");
  // Without a lexicon eSpeak guesses another stress.
  EXPECT_EQ(spoken_phonemes("tamsulosin"), "t'amsu:l,0sIn");
}

}  // namespace
}  // namespace readaloud
