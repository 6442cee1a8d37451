// The learned half of warning detection (src/analyze/warning_model.cpp): its
// file format, its words, its arithmetic and how the detector uses it, on
// small models written for the test; then the built-in model's languages.

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "analyze/warning_cues.hpp"
#include "analyze/warning_detector.hpp"
#include "analyze/warning_model.hpp"
#include "article_builders.hpp"
#include "util/error.hpp"

namespace readaloud {
namespace {

// "w:zorble" alone in a sentence gives z = bias + 8 / norm.
const char* const kTiny =
    "# a model for the tests\n"
    "languages\ten es\n"
    "bias\t-2.0\n"
    "w:zorble\t8.0\n"
    "b:zorble_quindle\t8.0\n"
    "L:include\t3.0\n"
    "H:dangers\t1.0\n"
    "w:sunny\t-3.0\n";

double sigmoid(double z) { return 1.0 / (1.0 + std::exp(-z)); }

TEST(WarningModel, WordsAreFoldedLikeTheTrainingScript) {
  EXPECT_EQ(model_words("Don't touch the Crème Brûlée!"),
            (std::vector<std::string>{"don", "t", "touch", "the", "creme", "brulee"}));
  EXPECT_EQ(model_words("Straße, Œuvre, 112"), (std::vector<std::string>{"strasse", "oeuvre", "112"}));
  EXPECT_TRUE(model_words("¿?  — ").empty());
}

TEST(WarningModel, ProbabilityIsTheLogisticOfTheScaledFeatures) {
  const WarningModel m = WarningModel::parse(kTiny, "tiny.txt");
  // "zorble quindle": w:zorble, w:quindle, b:zorble_quindle, s:zorble, s:quindle
  // and the stems p:zorbl, p:quind -> norm sqrt(7).
  const ModelVerdict v = m.judge("Zorble quindle", {});
  EXPECT_NEAR(v.probability, sigmoid(-2.0 + 16.0 / std::sqrt(7.0)), 1e-9);
  EXPECT_EQ(v.why, (std::vector<std::string>{"'zorble quindle'", "'zorble'"}));
  EXPECT_EQ(v.explain().rfind("model: p 0.", 0), 0u) << v.explain();
  // Unknown words only dilute; a question never warns.
  EXPECT_LT(m.judge("Zorble quindle of it this sunny week", {}).probability, v.probability);
  EXPECT_EQ(m.judge("Zorble quindle?", {}).probability, 0.0);
}

TEST(WarningModel, ContextCountsOnlyInLists) {
  // A warning heading warns its lists, not every paragraph under it.
  const WarningModel m = WarningModel::parse(kTiny, "tiny.txt");
  const double plain = m.judge("rashes", SentenceContext{false, "Side effects include:", "Dangers"}).probability;
  const double listed = m.judge("rashes", SentenceContext{true, "Side effects include:", ""}).probability;
  const double headed = m.judge("rashes", SentenceContext{true, "Side effects include:", "Dangers"}).probability;
  EXPECT_EQ(plain, m.judge("rashes", {}).probability);
  EXPECT_GT(listed, plain);
  EXPECT_GT(headed, listed);
  EXPECT_NE(m.judge("rashes", SentenceContext{true, "Side effects include:", ""}).explain().find("lead-in 'include'"),
            std::string::npos);
}

TEST(WarningModel, MalformedLinesNameTheFileAndLine) {
  try {
    (void)WarningModel::parse("bias\t1\nw:x 2.0\n", "bad.txt");
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::Runtime);
    EXPECT_NE(std::string(e.what()).find("bad.txt:2"), std::string::npos) << e.what();
  }
  EXPECT_THROW((void)WarningModel::parse("w:x\tlots\n", "bad.txt"), Error);
}

TEST(WarningModel, CoversOnlyItsLanguages) {
  const WarningModel m = WarningModel::parse(kTiny, "tiny.txt");
  EXPECT_TRUE(m.covers("en"));
  EXPECT_TRUE(m.covers("es"));
  EXPECT_FALSE(m.covers("de"));
  const WarningModel& builtin = WarningModel::builtin();
  for (const char* lang : {"en", "es", "de", "fr"}) EXPECT_TRUE(builtin.covers(lang)) << lang;
  EXPECT_FALSE(builtin.covers("ja"));
}

// Whether the detector flags the paragraph's only sentence, with the tiny model.
std::string reason_for(const char* language, const std::string& text, WarningLevel level) {
  static const WarningModel m = WarningModel::parse(kTiny, "tiny.txt");
  Article a = test::one_section_article(language, "Section", {test::paragraph(text)});
  detect_warnings(a, warning_cues_for(language), level, m);
  const auto& flagged = a.sections[0].blocks[0].sentence_warnings;
  return flagged.empty() ? std::string() : flagged[0].reason;
}

TEST(WarningModel, TheDetectorFlagsWhatOnlyTheModelRecognises) {
  // No cue knows "zorble quindle"; the tiny model is sure of it (p 0.96).
  const std::string text = "Zorble the quindle, zorble quindle, then zorble again.";
  EXPECT_EQ(reason_for("en", text, WarningLevel::Balanced).rfind("model: p ", 0), 0u);
  EXPECT_EQ(reason_for("en", text, WarningLevel::HighRecall).rfind("model: p ", 0), 0u);
  EXPECT_EQ(reason_for("en", text, WarningLevel::HighPrecision), "");  // only cues decide there
  EXPECT_EQ(reason_for("en", text, WarningLevel::Off), "");
  EXPECT_EQ(reason_for("de", text, WarningLevel::Balanced), "");  // not the model's language
  EXPECT_EQ(reason_for("en", "The weather was sunny.", WarningLevel::HighRecall), "");
  // Too few words for the model alone, however sure it is (p 0.99).
  EXPECT_EQ(reason_for("en", "Zorble quindle, zorble.", WarningLevel::HighRecall), "");
}

TEST(WarningModel, CuesKeepTheirOwnReasons) {
  // A strong cue, far over the bar: the tiny model's p 0.12 cannot overrule it.
  const std::string reason = reason_for("en", "Do not take more than 8 tablets in 24 hours.", WarningLevel::Balanced);
  EXPECT_EQ(reason.rfind("cue: ", 0), 0u) << reason;
}

TEST(WarningModel, AConfidentModelOverrulesACueThatOnlyJustPassed) {
  // One cue, just over the bar; the tiny model gives it p 0.12, under the
  // balanced veto of 0.2. High-recall has no veto.
  const std::string text = "Avoid the sun at midday.";
  EXPECT_EQ(reason_for("en", text, WarningLevel::Balanced), "");
  EXPECT_EQ(reason_for("en", text, WarningLevel::HighRecall).rfind("cue: ", 0), 0u);
  // The same cue with words the model knows for warnings stays.
  const std::string known = "Avoid the zorble quindle at midday.";
  EXPECT_NE(reason_for("en", known, WarningLevel::Balanced), "");
}

}  // namespace
}  // namespace readaloud
