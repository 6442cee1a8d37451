#include "synth/voice_catalog.hpp"

#include <gtest/gtest.h>

#include "support/expect_error.hpp"

#include <cmath>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <unistd.h>

#include <toml++/toml.h>

#include "document/languages.hpp"
#include "util/embedded.hpp"
#include "util/error.hpp"

namespace readaloud {
namespace {

const std::vector<std::string> kShipped = {"de", "default", "en-gb", "en-us", "es", "fr"};

using testing_support::error_from;

/// A temporary file removed at the end of the test.
class TempFile {
 public:
  TempFile(const std::string& name, const std::string& content)
      : path_(std::filesystem::temp_directory_path() / ("readaloud-voice-test-" + std::to_string(::getpid()) + "-" + name)) {
    std::ofstream(path_) << content;
  }
  ~TempFile() {
    std::error_code ec;
    std::filesystem::remove(path_, ec);
  }
  std::string path() const { return path_.string(); }

 private:
  std::filesystem::path path_;
};

TEST(VoiceCatalog, NamesAreTheShippedFilesSorted) { EXPECT_EQ(voice_profile_names(), kShipped); }

TEST(VoiceCatalog, EveryShippedFileDefinesEveryKeyExplicitly) {
  // Shipped profiles must not lean on struct defaults: a default changing in
  // code must not silently change how a shipped voice sounds.
  const std::vector<std::string> roles = {"narration", "heading", "announcement", "warning"};
  const std::vector<std::string> role_keys = {"voice", "rate", "pitch", "range", "pause_before_ms", "pause_after_ms"};
  const std::vector<std::string> phrase_keys = {
      "warning", "list", "list_one", "item", "end_of_list", "section", "quote", "end_of_quote",
      "image", "code", "table", "row", "callout_note", "callout_important", "introduction", "untitled"};
  for (const auto& name : kShipped) {
    SCOPED_TRACE(name);
    const auto text = embedded_file("voices/" + name + ".toml");
    ASSERT_TRUE(text.has_value());
    const toml::table root = toml::parse(*text);
    for (const char* key : {"language", "description", "pause_before_heading_ms", "pause_between_paragraphs_ms",
                            "pause_after_warning_ms"})
      EXPECT_TRUE(root.contains(key)) << key;
    for (const auto& role : roles) {
      ASSERT_TRUE(root[role].is_table()) << role;
      for (const auto& key : role_keys) EXPECT_TRUE(root[role][key]) << role << "." << key;
    }
    for (const char* key : {"tones_hz", "tone_ms", "gap_ms", "fade_ms", "level_dbfs"})
      EXPECT_TRUE(root["earcon"][key]) << "earcon." << key;
    // Phrases come from the language's announcements file unless the profile has its own.
    const auto words = embedded_file("data/announcements/" + primary_subtag(root["language"].value_or(std::string())) + ".toml");
    ASSERT_TRUE(words.has_value());
    const toml::table phrases = root.contains("phrases") ? root : toml::parse(*words);
    for (const auto& key : phrase_keys) EXPECT_TRUE(phrases["phrases"][key]) << "phrases." << key;
  }
}

TEST(VoiceCatalog, EveryShippedProfileLoadsWithDistinctSlowerWarnings) {
  for (const auto& name : kShipped) {
    SCOPED_TRACE(name);
    const VoiceProfile p = load_voice_profile(name);
    EXPECT_EQ(p.name, name);
    EXPECT_FALSE(p.language.empty());
    EXPECT_FALSE(p.description.empty());
    for (const Prosody* role : {&p.narration, &p.heading, &p.announcement, &p.warning}) {
      EXPECT_FALSE(role->voice.empty());
      EXPECT_GE(role->rate_wpm, 80);
      EXPECT_LE(role->rate_wpm, 450);
    }
    // A warning-only passage must take at least 15% more time per word.
    EXPECT_GE(p.narration.rate_wpm * 100, p.warning.rate_wpm * 115);
    EXPECT_NE(p.warning.pitch, p.narration.pitch);
    EXPECT_NE(p.warning.voice, p.narration.voice);
    EXPECT_GT(p.pause_before_heading_ms, p.pause_between_paragraphs_ms);
    EXPECT_FALSE(p.earcon.tones_hz.empty());
  }
}

TEST(VoiceCatalog, ProfilesSpeakTheirOwnLanguage) {
  const VoiceProfile def = load_voice_profile("default");
  EXPECT_EQ(def.language, "en");
  EXPECT_EQ(def.narration.voice, "en-us");
  EXPECT_EQ(def.phrases, Phrases{});
  EXPECT_EQ(load_voice_profile("en-us").phrases, Phrases{});
  EXPECT_EQ(load_voice_profile("en-gb").phrases, Phrases{});
  EXPECT_EQ(load_voice_profile("en-gb").narration.voice, "en");

  const VoiceProfile es = load_voice_profile("es");
  EXPECT_EQ(es.language, "es");
  EXPECT_EQ(es.narration.voice, "es");
  EXPECT_EQ(es.phrases.warning, "Advertencia.");
  EXPECT_EQ(es.phrases.list, "Lista de {n} elementos.");
  EXPECT_EQ(es.phrases.section, "Sección {i} de {n}: {title}.");
  EXPECT_EQ(es.phrases.end_of_list, "Fin de la lista.");

  const VoiceProfile de = load_voice_profile("de");
  EXPECT_EQ(de.narration.voice, "de");
  EXPECT_EQ(de.phrases.warning, "Warnung.");
  EXPECT_EQ(de.phrases.list, "Liste mit {n} Einträgen.");

  const VoiceProfile fr = load_voice_profile("fr");
  EXPECT_EQ(fr.narration.voice, "fr");
  EXPECT_EQ(fr.phrases.warning, "Avertissement.");
  EXPECT_EQ(fr.phrases.section, "Section {i} sur {n} : {title}.");

  // No phrase of a non-English profile is left in English by accident,
  // except words both languages share.
  const Phrases en;
  for (const VoiceProfile* p : {&es, &de, &fr}) {
    SCOPED_TRACE(p->name);
    EXPECT_NE(p->phrases.warning, en.warning);
    EXPECT_NE(p->phrases.list, en.list);
    EXPECT_NE(p->phrases.list_one, en.list_one);
    EXPECT_NE(p->phrases.item, en.item);
    EXPECT_NE(p->phrases.end_of_list, en.end_of_list);
    EXPECT_NE(p->phrases.section, en.section);
    EXPECT_NE(p->phrases.quote, en.quote);
    EXPECT_NE(p->phrases.end_of_quote, en.end_of_quote);
    EXPECT_NE(p->phrases.image, en.image);
    EXPECT_NE(p->phrases.code, en.code);
    EXPECT_NE(p->phrases.table, en.table);
    EXPECT_NE(p->phrases.row, en.row);
    EXPECT_NE(p->phrases.callout_note, en.callout_note);
  }
}

TEST(VoiceCatalog, MisspeltNameSuggestsTheNearest) {
  Error e = error_from([] { load_voice_profile("en-su"); });
  EXPECT_EQ(e.kind(), ErrorKind::Usage);
  EXPECT_STREQ(e.what(), "unknown voice 'en-su' (did you mean en-us?)");

  e = error_from([] { load_voice_profile("defualt"); });
  EXPECT_STREQ(e.what(), "unknown voice 'defualt' (did you mean default?)");

  // Two names equally near are both offered.
  e = error_from([] { load_voice_profile("en-xx"); });
  EXPECT_STREQ(e.what(), "unknown voice 'en-xx' (did you mean en-gb or en-us?)");

  e = error_from([] { load_voice_profile("klingon"); });
  EXPECT_EQ(e.kind(), ErrorKind::Usage);
  EXPECT_STREQ(e.what(), "unknown voice 'klingon' (available: de, default, en-gb, en-us, es, fr)");
}

TEST(VoiceCatalog, MissingFieldsKeepTheDefaults) {
  const VoiceProfile p = parse_voice_profile("language = \"pt\"\n[warning]\nrate = 120\n", "mine", "mine.toml");
  VoiceProfile expected;
  expected.name = "mine";
  expected.language = "pt";
  expected.warning.rate_wpm = 120;
  expected.phrases = *announcements_for("pt");  // a profile without [phrases] speaks its language's
  EXPECT_EQ(p, expected);
  EXPECT_EQ(p.phrases.warning, "Atenção.");
}

TEST(VoiceCatalog, UnknownKeyIsAnInputErrorNamingTheKeyAndLine) {
  Error e = error_from(
      [] { parse_voice_profile("language = \"en\"\n\n[narration]\nrat = 150\n", "mine", "mine.toml"); });
  EXPECT_EQ(e.kind(), ErrorKind::Input);
  EXPECT_STREQ(e.what(), "mine.toml:4:1: unknown key 'narration.rat' in voice profile (did you mean narration.rate?)");

  e = error_from([] { parse_voice_profile("langauge = \"en\"\n", "mine", "mine.toml"); });
  EXPECT_STREQ(e.what(), "mine.toml:1:1: unknown key 'langauge' in voice profile (did you mean language?)");

  e = error_from([] { parse_voice_profile("[chorus]\nvoice = \"en\"\n", "mine", "mine.toml"); });
  EXPECT_STREQ(e.what(), "mine.toml:1:2: unknown key 'chorus' in voice profile");
}

TEST(VoiceCatalog, BadValuesAreInputErrorsWithPositions) {
  Error e = error_from([] { parse_voice_profile("[narration]\nrate = \"fast\"\n", "m", "m.toml"); });
  EXPECT_EQ(e.kind(), ErrorKind::Input);
  EXPECT_STREQ(e.what(), "m.toml:2:8: 'narration.rate' must be an integer");

  e = error_from([] { parse_voice_profile("[warning]\nrate = 500\n", "m", "m.toml"); });
  EXPECT_STREQ(e.what(), "m.toml:2:8: 'warning.rate' must be between 80 and 450 (got 500)");

  e = error_from([] { parse_voice_profile("[phrases]\nlist = \"{count} items\"\n", "m", "m.toml"); });
  EXPECT_STREQ(e.what(), "m.toml:2:8: 'phrases.list' has unknown placeholder '{count}' (allowed: {n})");

  e = error_from([] { parse_voice_profile("[heading]\nvoice = \"en <b>\"\n", "m", "m.toml"); });
  EXPECT_STREQ(e.what(), "m.toml:2:9: 'heading.voice' is not an eSpeak NG voice name: 'en <b>'");

  e = error_from([] { parse_voice_profile("narration = 3\n", "m", "m.toml"); });
  EXPECT_STREQ(e.what(), "m.toml:1:13: 'narration' must be a table");
}

TEST(VoiceCatalog, TomlSyntaxErrorNamesFileAndLine) {
  const Error e = error_from([] { parse_voice_profile("language = \"en\"\n[narration\n", "m", "m.toml"); });
  EXPECT_EQ(e.kind(), ErrorKind::Input);
  EXPECT_EQ(e.where().file, "m.toml");
  EXPECT_EQ(e.where().line, 2u);
  EXPECT_EQ(std::string(e.what()).rfind("m.toml:2:", 0), 0u) << e.what();
}

TEST(VoiceCatalog, LoadsAProfileFileByPath) {
  const TempFile file("slow.toml", "language = \"en\"\n[narration]\nrate = 140\n");
  const VoiceProfile p = load_voice_profile(file.path());
  EXPECT_EQ(p.name, "readaloud-voice-test-" + std::to_string(::getpid()) + "-slow");
  EXPECT_EQ(p.narration.rate_wpm, 140);

  const TempFile bad("bad.toml", "[narration]\npitch = 120\n");
  const Error e = error_from([&] { load_voice_profile(bad.path()); });
  EXPECT_EQ(e.kind(), ErrorKind::Input);
  EXPECT_EQ(std::string(e.what()), bad.path() + ":2:9: 'narration.pitch' must be between 0 and 99 (got 120)");

  const Error missing = error_from([] { load_voice_profile("/nonexistent/dir/voice.toml"); });
  EXPECT_EQ(missing.kind(), ErrorKind::Input);
  EXPECT_STREQ(missing.what(), "/nonexistent/dir/voice.toml: cannot read voice profile");
}

TEST(VoiceCatalog, ProfileNameForLanguage) {
  EXPECT_EQ(profile_name_for_language("es-MX"), "es");
  EXPECT_EQ(profile_name_for_language("es"), "es");
  EXPECT_EQ(profile_name_for_language("en-GB"), "en-gb");
  EXPECT_EQ(profile_name_for_language("en_US"), "en-us");
  EXPECT_EQ(profile_name_for_language("en"), "default");
  EXPECT_EQ(profile_name_for_language("en-AU"), "default");
  EXPECT_EQ(profile_name_for_language("DE-at"), "de");
  EXPECT_EQ(profile_name_for_language("fr-CA"), "fr");
  EXPECT_EQ(profile_name_for_language("pt-BR"), "default");
  EXPECT_EQ(profile_name_for_language(""), "default");
  EXPECT_EQ(profile_name_for_language("default"), "default");
}

TEST(VoiceCatalog, WithRateScalesEveryRoleKeepingRatios) {
  const VoiceProfile base = load_voice_profile("default");
  ASSERT_EQ(base.narration.rate_wpm, 175);
  const VoiceProfile fast = with_rate(base, 350);
  EXPECT_EQ(fast.narration.rate_wpm, 350);
  EXPECT_EQ(fast.heading.rate_wpm, 2 * base.heading.rate_wpm);
  EXPECT_EQ(fast.announcement.rate_wpm, 2 * base.announcement.rate_wpm);
  EXPECT_EQ(fast.warning.rate_wpm, 2 * base.warning.rate_wpm);
  // Pauses halve with the doubled speed; nothing else changes.
  EXPECT_EQ(fast.pause_before_heading_ms, (base.pause_before_heading_ms + 1) / 2);
  EXPECT_EQ(fast.warning.pause_after_ms, (base.warning.pause_after_ms + 1) / 2);
  VoiceProfile restored = fast;
  for (auto [r, b] : {std::pair{&restored.narration, &base.narration}, std::pair{&restored.heading, &base.heading},
                      std::pair{&restored.announcement, &base.announcement},
                      std::pair{&restored.warning, &base.warning}}) {
    r->rate_wpm = b->rate_wpm;
    r->pause_before_ms = b->pause_before_ms;
    r->pause_after_ms = b->pause_after_ms;
  }
  restored.pause_before_heading_ms = base.pause_before_heading_ms;
  restored.pause_between_paragraphs_ms = base.pause_between_paragraphs_ms;
  restored.pause_after_warning_ms = base.pause_after_warning_ms;
  EXPECT_EQ(restored, base);
  // Pauses never shrink below kMinPauseScale or grow past kMaxPauseScale.
  EXPECT_EQ(with_rate(base, 450).pause_before_heading_ms,
            static_cast<int>(std::lround(base.pause_before_heading_ms * kMinPauseScale)));
  EXPECT_EQ(with_rate(base, 80).pause_before_heading_ms,
            static_cast<int>(std::lround(base.pause_before_heading_ms * kMaxPauseScale)));

  // At the top speed the warning stays slower; faster roles clamp to 450.
  const VoiceProfile top = with_rate(base, 450);
  EXPECT_EQ(top.narration.rate_wpm, 450);
  EXPECT_EQ(top.warning.rate_wpm, 360);  // 140 * 450 / 175
  EXPECT_EQ(top.announcement.rate_wpm, 450);
  EXPECT_EQ(with_rate(base, 80).warning.rate_wpm, 80);

  for (int bad : {79, 451, 0, -175}) {
    const Error e = error_from([&] { with_rate(base, bad); });
    EXPECT_EQ(e.kind(), ErrorKind::Usage);
    EXPECT_EQ(std::string(e.what()),
              "speech rate must be between 80 and 450 words per minute (got " + std::to_string(bad) + ")");
  }
}

}  // namespace
}  // namespace readaloud

namespace readaloud {
namespace {

TEST(VoiceForLanguage, EveryLanguageHasEspeakVoiceAndAnnouncementsWhereShipped) {
  EXPECT_EQ(espeak_voice_for_language("pt-BR"), "pt-br");
  EXPECT_EQ(espeak_voice_for_language("pt"), "pt");
  EXPECT_EQ(espeak_voice_for_language("zh-Hant"), "cmn");
  EXPECT_EQ(espeak_voice_for_language("zh-HK"), "yue");
  EXPECT_EQ(espeak_voice_for_language("es-AR"), "es-419");
  EXPECT_EQ(espeak_voice_for_language("no"), "nb");
  EXPECT_THROW(espeak_voice_for_language("tlh"), Error);
  try {
    espeak_voice_for_language("gl");
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::Usage);
    EXPECT_NE(std::string(e.message()).find("nearest it can speak: pt"), std::string::npos) << e.message();
  }
  const LanguageVoice it = voice_for_language("it");
  EXPECT_FALSE(it.full_profile);
  EXPECT_EQ(it.espeak_voice, "it");
  EXPECT_EQ(it.profile.heading.voice, "it+m3");
  EXPECT_EQ(it.profile.phrases.warning, "Attenzione.");
  EXPECT_EQ(it.profile.narration.rate_wpm, load_voice_profile("default").narration.rate_wpm);
  EXPECT_TRUE(voice_for_language("hi").english_announcements);
  EXPECT_EQ(voice_for_language("es-MX").espeak_voice, "es-419");
  EXPECT_TRUE(voice_for_language("es-MX").full_profile);
  EXPECT_EQ(voice_for_language("es").profile.phrases.warning, "Advertencia.");
}

}  // namespace
}  // namespace readaloud
