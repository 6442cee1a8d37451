#include "ingest/language_guess.hpp"

#include <gtest/gtest.h>

namespace readaloud {
namespace {

Article article_of(const std::string& text) {
  Article a;
  Section s;
  s.title = "Title";
  Block b;
  b.text = make_text(text);
  s.blocks.push_back(b);
  a.sections.push_back(s);
  return a;
}

TEST(GuessLanguage, RecognisesEachShippedLanguage) {
  EXPECT_EQ(guess_language(article_of(
                "The sauna is a warm room. You can sit in it for a few minutes, and the heat helps your muscles "
                "relax. It is not for everyone: talk to your doctor if you have a heart condition or are pregnant.")).language,
            "en");
  EXPECT_EQ(guess_language(article_of(
                "La sauna es una habitación caliente. Puede sentarse en ella durante unos minutos y el calor ayuda "
                "a que los músculos se relajen. No es para todos: hable con su médico si tiene una enfermedad del "
                "corazón o está embarazada, y beba agua por la tarde para que el cuerpo se recupere.")).language,
            "es");
  EXPECT_EQ(guess_language(article_of(
                "Die Sauna ist ein warmer Raum. Sie können einige Minuten darin sitzen, und die Wärme hilft den "
                "Muskeln, sich zu entspannen. Sie ist nicht für jeden geeignet: Sprechen Sie mit der Ärztin, wenn "
                "Sie eine Herzkrankheit haben, und trinken Sie danach das Wasser auf dem Tisch.")).language,
            "de");
  EXPECT_EQ(guess_language(article_of(
                "Le sauna est une pièce chaude. Vous pouvez vous y asseoir pendant quelques minutes et la chaleur "
                "aide les muscles à se détendre. Il ne convient pas à tout le monde : parlez-en au médecin si vous "
                "avez une maladie du cœur, et buvez de l'eau dans les heures qui suivent pour le corps.")).language,
            "fr");
}

TEST(IdentifyLanguage, ScriptsNeverFallToEnglish) {
  EXPECT_EQ(identify_language("Привет").language, "ru");
  EXPECT_EQ(identify_language("病人应该多喝水。").language, "zh");
  EXPECT_EQ(identify_language("水をたくさん飲んでください。").language, "ja");
  EXPECT_EQ(identify_language("물을 많이 드세요.").language, "ko");
  EXPECT_EQ(identify_language("اشرب الكثير من الماء.").language, "ar");
  EXPECT_EQ(identify_language("שתו הרבה מים.").language, "he");
  EXPECT_EQ(identify_language("खूब पानी पिएं।").language, "hi");
  EXPECT_EQ(identify_language("Πίνετε πολύ νερό.").language, "el");
  EXPECT_EQ(identify_language("ดื่มน้ำมาก ๆ").language, "th");
}

TEST(DecideLanguage, DeclaredWinsUnlessTheTextClearlyDisagrees) {
  LanguageGuess italian{"it", 99, true, false};
  EXPECT_EQ(decide_language("it-CH", italian).language, "it-CH");
  EXPECT_EQ(decide_language("", italian).language, "it");
  const LanguageDecision wrong = decide_language("en", italian);
  EXPECT_EQ(wrong.language, "it");
  EXPECT_NE(wrong.note.find("declares language 'en'"), std::string::npos);
  // Close relatives and unsure guesses keep the declared language.
  EXPECT_EQ(decide_language("no", LanguageGuess{"da", 90, true, false}).language, "no");
  EXPECT_EQ(decide_language("gl", LanguageGuess{"pt", 90, true, false}).language, "gl");
  EXPECT_EQ(decide_language("en", LanguageGuess{"it", 99, false, false}).language, "en");
  EXPECT_EQ(decide_language("EN_us", LanguageGuess{}).language, "en-US");
}

TEST(GuessLanguage, SaysNothingWithoutEnoughEvidence) {
  EXPECT_EQ(guess_language(article_of("Sauna.")).language, "");
  EXPECT_EQ(guess_language(Article{}).language, "");
}

}  // namespace
}  // namespace readaloud
