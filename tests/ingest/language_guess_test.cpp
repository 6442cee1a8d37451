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
                "relax. It is not for everyone: talk to your doctor if you have a heart condition or are pregnant.")),
            "en");
  EXPECT_EQ(guess_language(article_of(
                "La sauna es una habitación caliente. Puede sentarse en ella durante unos minutos y el calor ayuda "
                "a que los músculos se relajen. No es para todos: hable con su médico si tiene una enfermedad del "
                "corazón o está embarazada, y beba agua por la tarde para que el cuerpo se recupere.")),
            "es");
  EXPECT_EQ(guess_language(article_of(
                "Die Sauna ist ein warmer Raum. Sie können einige Minuten darin sitzen, und die Wärme hilft den "
                "Muskeln, sich zu entspannen. Sie ist nicht für jeden geeignet: Sprechen Sie mit der Ärztin, wenn "
                "Sie eine Herzkrankheit haben, und trinken Sie danach das Wasser auf dem Tisch.")),
            "de");
  EXPECT_EQ(guess_language(article_of(
                "Le sauna est une pièce chaude. Vous pouvez vous y asseoir pendant quelques minutes et la chaleur "
                "aide les muscles à se détendre. Il ne convient pas à tout le monde : parlez-en au médecin si vous "
                "avez une maladie du cœur, et buvez de l'eau dans les heures qui suivent pour le corps.")),
            "fr");
}

TEST(GuessLanguage, SaysNothingWithoutEnoughEvidence) {
  EXPECT_EQ(guess_language(article_of("Sauna.")), "");
  EXPECT_EQ(guess_language(Article{}), "");
}

}  // namespace
}  // namespace readaloud
