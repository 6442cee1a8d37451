// Cue families added when the sixth and seventh held-out parts became tuning
// parts (docs/warnings.md, "Sixth and seventh parts"): harm told as rare, mild
// or passing; a choice talked over with a professional; who tends to fall ill;
// comfort in mid-sentence. Every sentence is invented for the test; warnings
// that share words with a family stay warnings beside its near misses.

#include <gtest/gtest.h>

#include <string>

#include "analyze/warning_cues.hpp"
#include "analyze/warning_detector.hpp"
#include "analyze/warning_model.hpp"
#include "article_builders.hpp"
#include "warning_kinds.hpp"

namespace readaloud {
namespace {

using test::expect_kinds;

TEST(WarningFamilies5, English) {
  expect_kinds("en", {
      {"harm with rarity or mildness beside it, still a warning",
       {"Serious reactions are rare, but call 999 straight away if your lips or tongue swell.",
        "Do not drive for 24 hours, even if the drowsiness is mild."},
       {"Serious complications are rare under a trained therapist, according to the survey.",
        "Mild aching where the cup sat is common and usually settles within a day.",
        "You may feel a little sick for a few hours.",
        "Most people can manage a bout of gastroenteritis at home with fluids and rest."}},
      {"talking a choice over, and a professional tied to a condition",
       {"If you take blood thinners, tell your doctor before the procedure."},
       {"Talk to your doctor about whether acupuncture could help your back pain.",
        "Ask your pharmacist whether this brand is suitable for you."}},
      {"who tends to fall ill, and harm put on the reader",
       {"After the operation you are more likely to get a blood clot, so keep moving your legs."},
       {"Older adults are more likely to become seriously ill with flu.",
        "Vaccines protect against several infections that can cause deafness."}},
      {"comfort in mid-sentence",
       {"Do not panic-buy antibiotics; never take someone else's tablets."},
       {"Green poo is common on iron syrup, so don't worry if you see it."}},
  });
}

TEST(WarningFamilies5, SpanishGermanFrench) {
  expect_kinds("es", {
      {"raro o leve",
       {"Las reacciones graves son raras, pero acuda a urgencias si le cuesta respirar."},
       {"Las complicaciones graves son raras."}},
  });
  expect_kinds("de", {
      {"selten, und eine Statistik",
       {"Schwere Nebenwirkungen sind selten; brechen Sie die Einnahme bei Atemnot sofort ab und rufen Sie den Notarzt."},
       {"Schwere Komplikationen sind selten.",
        "Schwere Blutungen treten bei weniger als einer von tausend Behandlungen auf."}},
  });
  expect_kinds("fr", {
      {"rare, bénin, sans danger",
       {"Les complications sont rares, mais appelez le 15 si la fièvre dépasse 40 degrés."},
       {"Les effets indésirables graves sont rares.", "Pas de panique : le risque reste faible.",
        "Un vieux radiateur en bon état ne présente pas de danger immédiat."}},
  });
}

TEST(WarningFamilies5, ReassuranceKeepsTheModelOut) {
  // A model sure of every sentence that says "bleeding": the cues' comfort
  // and rarity rules still keep it from flagging reassurance.
  const WarningModel sure = WarningModel::parse("languages\ten\nbias\t4.0\nw:bleeding\t4.0\n", "sure.txt");
  auto flagged = [&](const std::string& text) {
    Article a = test::one_section_article("en", "Section", {test::paragraph(text)});
    detect_warnings(a, warning_cues_for("en"), WarningLevel::Balanced, sure);
    return !a.sections[0].blocks[0].sentence_warnings.empty();
  };
  EXPECT_TRUE(flagged("A little bleeding from the gums happens to lots of us after flossing."));
  EXPECT_FALSE(flagged("A little bleeding from the gums is normal, so don't worry if you see it."));
  EXPECT_FALSE(flagged("Heavy bleeding after the procedure is rare and usually easy to stop."));
  EXPECT_FALSE(flagged("Salt water rinses help against bleeding gums after a tooth is pulled."));
}

}  // namespace
}  // namespace readaloud
