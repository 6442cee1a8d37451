// Cue families added when the fourth held-out part became a tuning part for
// the rules (docs/warnings.md, "Fourth part"). Every sentence here is invented
// for the test, not taken from the corpus; each family has near misses beside
// it, in each of English, Spanish, German and French where the family exists.
// List lead-ins are checked with an empty model, so that only the rules decide.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "analyze/warning_cues.hpp"
#include "analyze/warning_detector.hpp"
#include "analyze/warning_model.hpp"
#include "article_builders.hpp"
#include "warning_kinds.hpp"

namespace readaloud {
namespace {

using test::expect_kinds;

TEST(WarningFamilies4, English) {
  expect_kinds("en", {
      {"prohibition for a stated time",
       {"For 48 hours after the anaesthetic, do not drink alcohol or make big decisions.",
        "Until the numbness wears off, you must not chew on that side."},
       {"For two days after the scan, you can eat normally.", "After the meal, we walked home."}},
      {"without exceeding",
       {"Take one sachet every 4 hours without exceeding six in a day.",
        "Use the spray as needed, without going over eight puffs."},
       {"The hospital stayed within its budget without going into debt."}},
      {"level or effect",
       {"This antibiotic can make blood thinners work more strongly.",
        "Cannabis makes the sleepiness from painkillers much stronger."},
       {"Coffee makes me work more quickly.", "Practice makes your swing stronger.",
        "Decongestant nasal sprays are not known to push blood pressure up.",
        "There is no known interaction with ibuprofen."}},
      {"an infection that travels",
       {"Untreated syphilis can spread to the brain.", "A tooth abscess may spread to the bloodstream."},
       {"Laughter can spread to the whole room.", "News can spread to the whole town."}},
  });
}

TEST(WarningFamilies4, Spanish) {
  expect_kinds("es", {
      {"sin superar",
       {"Tome un sobre cada 8 horas, sin superar los 3 sobres al día.", "No usar durante más de 7 días seguidos."},
       {"Aprobó el examen sin problemas.", "No hace falta tomar más agua."}},
      {"mientras llega la ayuda",
       {"Mientras llega la ambulancia, acueste a la persona de lado."},
       {"Mientras llega el verano, acueste al bebé más temprano.", "La ambulancia llega en diez minutos."}},
      {"no le dé", {"No le dé aspirina a un niño.", "No les deje solos cerca del agua."}, {"No le gusta la leche."}},
  });
}

TEST(WarningFamilies4, German) {
  expect_kinds("de", {
      {"ohne zu überschreiten",
       {"Nehmen Sie eine Tablette, ohne die Tageshöchstmenge zu überschreiten."},
       {"Ohne Eile kommen wir auch ans Ziel."}},
      {"bis Hilfe kommt",
       {"Bis der Rettungsdienst eintrifft, legen Sie die Person in die stabile Seitenlage."},
       {"Bis der Sommer kommt, legen Sie die Winterkleidung in den Schrank."}},
      {"Wirkung abschwächen",
       {"Das Antibiotikum kann die Wirkung der Pille abschwächen.", "Blutverdünner können dann stärker wirken."},
       {"Die Creme wirkt schneller auf feuchter Haut.", "Das Kind kann stärker werden."}},
  });
}

TEST(WarningFamilies4, French) {
  expect_kinds("fr", {
      {"sans dépasser",
       {"Prenez une gélule le soir, sans dépasser deux gélules par jour."},
       {"Il a réussi sans effort."}},
      {"impératif négatif",
       {"Ne continuez pas le traitement au-delà de 5 jours.",
        "Après l'opération, ne reprenez pas le sport avant un mois.",
        "Au-dessus de 2 000 mètres, n'augmentez jamais l'altitude trop vite."},
       {"Vous ne reprenez pas le travail le lundi.", "Après le repas, nous sommes rentrés."}},
      {"en attendant les secours",
       {"En attendant les secours, couvrez la personne avec une couverture."},
       {"En attendant le dîner, couvrez la casserole."}},
      {"peut entraîner la mort",
       {"Une hypothermie sévère peut entraîner la mort.", "Cette infection peut provoquer des séquelles."},
       {"Ce traitement peut entraîner une amélioration rapide."}},
  });
}


// Whether every item of a list after `leadin` (under a plain heading) is a
// warning when only the rules decide.
bool list_warned(const char* language, const std::string& leadin) {
  Article a = test::one_section_article(language, "Section",
                                        {test::paragraph(leadin), test::bullets({"one thing", "another thing"})});
  const WarningModel no_model;
  detect_warnings(a, warning_cues_for(language), WarningLevel::Balanced, no_model);
  for (const ListItem& item : a.sections[0].blocks.back().items)
    if (!item.warning) return false;
  return true;
}

TEST(WarningFamilies4, LeadInsInEachLanguage) {
  EXPECT_TRUE(list_warned("en", "Stop exercising and sit down if you:"));
  EXPECT_TRUE(list_warned("en", "Ring the ward, or at night go to the emergency department, if you notice:"));
  EXPECT_TRUE(list_warned("en", "Too much iron can show up as:"));
  EXPECT_TRUE(list_warned("en", "Suspect meningitis if a child has:"));
  EXPECT_TRUE(list_warned("en", "This medicine must not be taken:"));
  EXPECT_FALSE(list_warned("en", "Stop at the front desk if you need:"));
  EXPECT_FALSE(list_warned("en", "Here is what to pack if you like:"));
  EXPECT_TRUE(list_warned("es", "Sospeche una intoxicación si el niño presenta:"));
  EXPECT_FALSE(list_warned("es", "Recuerde estos consejos si viaja:"));
  EXPECT_TRUE(list_warned("de", "Das Medikament darf nicht angewendet werden:"));
  EXPECT_FALSE(list_warned("de", "Die Creme kann so angewendet werden:"));
  EXPECT_TRUE(list_warned("fr", "Arrêtez l'effort et faites appel à un médecin si vous ressentez :"));
  EXPECT_TRUE(list_warned("fr", "Redescendez sans attendre si vous avez :"));
  // "si|en cas" once read as two elements: "consultez … si" never led in.
  EXPECT_TRUE(list_warned("fr", "Consultez votre médecin si vous avez :"));
  EXPECT_TRUE(list_warned("fr", "Prévenez l'infirmière en cas de :"));
  EXPECT_FALSE(list_warned("fr", "Voici ce que vous pouvez emporter si vous partez :"));
}

// "No known interaction" and "not shown to raise the risk" are reassurance in
// every language; the interaction itself stays a warning.
TEST(WarningFamilies4, HedgedInteractionsInSpanishGermanFrench) {
  test::expect_kinds("es", {{"hedged interaction",
                             {"Puede interactuar con la warfarina y aumentar el riesgo de hemorragia."},
                             {"No tiene interacciones conocidas con la warfarina.",
                              "No se ha demostrado que aumente el riesgo de hemorragia."}}});
  test::expect_kinds("de", {{"hedged interaction",
                             {"Das Mittel kann die Wirkung von Blutverdünnern verstärken."},
                             {"Es gibt keine bekannten Wechselwirkungen mit Blutverdünnern."}}});
  test::expect_kinds("fr", {{"hedged interaction",
                             {"Ce médicament peut renforcer l'effet des anticoagulants."},
                             {"Aucune interaction connue avec les anticoagulants.",
                              "Il n'est pas connu pour augmenter le risque de saignement."}}});
}

}  // namespace
}  // namespace readaloud
