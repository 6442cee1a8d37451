// The language registry: tag spelling, the data files each language has, the
// ISO 639-2 codes formats need, and the relatives read for languages eSpeak
// NG cannot speak.

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "document/languages.hpp"

namespace readaloud {
namespace {

TEST(Languages, PrimarySubtag) {
  EXPECT_EQ(primary_subtag("pt-BR"), "pt");
  EXPECT_EQ(primary_subtag("zh_Hant_TW"), "zh");
  EXPECT_EQ(primary_subtag("EN"), "en");
  EXPECT_EQ(primary_subtag(""), "");
}

TEST(Languages, CanonicalTagFollowsBcp47Case) {
  EXPECT_EQ(canonical_tag("PT_br"), "pt-BR");
  EXPECT_EQ(canonical_tag("zh-hant"), "zh-Hant");
  EXPECT_EQ(canonical_tag("zh_hant_tw"), "zh-Hant-TW");
  EXPECT_EQ(canonical_tag("es-419"), "es-419");
  EXPECT_EQ(canonical_tag("en-x-ab"), "en-x-ab");
  EXPECT_EQ(canonical_tag(""), "");
}

TEST(Languages, EveryLanguageWithAnnouncementsHasItsOtherFiles) {
  const auto& codes = supported_languages();
  for (const char* code : {"en", "es", "de", "fr", "it", "pt", "nl", "pl", "cs", "sv", "ru", "zh", "ja", "ar", "tr"})
    EXPECT_TRUE(std::binary_search(codes.begin(), codes.end(), code)) << code;
  for (const std::string& code : codes)
    for (const char* kind : {"announcements", "warnings", "normalize", "abbreviations"}) {
      EXPECT_TRUE(language_resource(kind, code)) << kind << "/" << code;
      EXPECT_EQ(resource_language(kind, code + "-XX"), code) << kind;
    }
  EXPECT_TRUE(is_supported_language("pt-BR"));
  EXPECT_FALSE(is_supported_language("hi"));
  EXPECT_EQ(resource_language("warnings", "hi"), "en");
  EXPECT_EQ(resource_language("normalize", "hi", "und"), "und");
  EXPECT_FALSE(language_resource("warnings", ""));
}

TEST(Languages, Iso639Part2) {
  EXPECT_EQ(iso639_2("de"), "deu");
  EXPECT_EQ(iso639_2("pt-BR"), "por");
  EXPECT_EQ(iso639_2("zh-Hant"), "zho");
  EXPECT_EQ(iso639_2("cmn"), "cmn");
  EXPECT_EQ(iso639_2("gl"), "glg");
  EXPECT_EQ(iso639_2("qq"), "");
}

TEST(Languages, SpokenRelatives) {
  EXPECT_EQ(spoken_relative("gl"), "pt");
  EXPECT_EQ(spoken_relative("gl-ES"), "pt");
  EXPECT_EQ(spoken_relative("ast"), "es");
  EXPECT_EQ(spoken_relative("tl"), "id");  // Tagalog, which eSpeak NG lacks
  EXPECT_EQ(spoken_relative("fil-PH"), "id");
  EXPECT_EQ(spoken_relative("fo"), "is");
  // Languages eSpeak NG speaks, and ones with no close relative, have none.
  EXPECT_EQ(spoken_relative("pt"), "");
  EXPECT_EQ(spoken_relative("tlh"), "");
}

}  // namespace
}  // namespace readaloud
