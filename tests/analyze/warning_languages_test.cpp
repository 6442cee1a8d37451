// The kinds of warning the scored model knows (avoid, dose, consequence,
// contraindication, interaction, act now, symptoms, lead-in lists) in each
// language with cue data, each beside near misses (negation, statistics,
// benefits, research caveats) that must stay narration.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "analyze/warning_cues.hpp"
#include "analyze/warning_detector.hpp"
#include "util/error.hpp"
#include "article_builders.hpp"
#include "warning_kinds.hpp"

namespace readaloud {
namespace {

using test::expect_kinds;
using test::Kind;

using test::bullets;
using test::one_section_article;
using test::paragraph;

// A list after `leadin` (a paragraph ending in ":"), in a section titled
// `heading`: whether every item was marked.
bool list_warned(const char* language, const std::string& heading, const std::string& leadin,
                 WarningLevel level = WarningLevel::Balanced) {
  std::vector<Block> blocks;
  if (!leadin.empty()) blocks.push_back(paragraph(leadin));
  blocks.push_back(bullets({"one thing", "another thing"}));
  Article a = one_section_article(language, heading, std::move(blocks));
  detect_warnings(a, warning_cues_for(language), level);
  const Block& list = a.sections[0].blocks.back();
  return list.items[0].warning.has_value() && list.items[1].warning.has_value();
}

TEST(WarningKinds, English) {
  expect_kinds("en", {
      {"avoid",
       {"Avoid raw fish and shellfish.", "Keep out of the sight and reach of children.",
        "In hot weather, avoid walking in the middle of the day.", "Be sure not to touch your eye with the dropper."},
       {"Avoiding stress can help your sleep.", "Don't worry if you miss a day."}},
      {"dose",
       {"Never take more than 3 tablets in 24 hours.", "Limit tuna to 6 ounces a week.",
        "Leave at least 8 hours between doses."},
       {"People who ate no more than one egg a week were 5 percent less likely to have a stroke."}},
      {"consequence",
       {"Too much vitamin A can harm your baby.", "Gout can damage your joints.",
        "Large amounts of caffeine may put them at an increased risk of seizures."},
       {"Regular walking may reduce the risk of dying from stroke.",
        "Coffee drinkers had a 10 percent lower risk of death."}},
      {"contraindication",
       {"Babies should not have honey before their first birthday.",
        "These drops are not recommended for children under 2.",
        "Metronidazole should not be taken with alcohol."},
       {"It shouldn't be painful.", "You don't need a referral."}},
      {"interaction",
       {"St John's wort interacts with many common medicines."},
       {"Paracetamol is fine to take alongside it."}},
      {"act now",
       {"Call your doctor if you notice black stools.", "Use the auto-injector immediately.",
        "Go to the emergency department or phone 999.", "Take your antibiotics exactly as prescribed."},
       {"Ask your doctor for a list of recommendations.", "Book an appointment with your GP within 48 hours."}},
      {"symptoms",
       {"Adults have reported irritability, anxiety and drowsiness.", "You may feel dizzy, faint or lightheaded.",
        "Anaphylaxis can make it very hard to breathe."},
       {"Walkers reported fewer symptoms of depression.", "Most fevers are not harmful.",
        "Life-threatening food allergies have been on the rise for three decades, a study found."}},
  });
}

TEST(WarningKinds, Spanish) {
  expect_kinds("es", {
      {"avoid", {"Evite el pescado crudo durante el embarazo."}, {"Evitar el estrés ayuda a dormir mejor."}},
      {"dose", {"No tome más de 3 comprimidos al día."}, {"Los participantes tomaron 3 comprimidos al día."}},
      {"consequence",
       {"Demasiada vitamina A puede dañar a su bebé."},
       {"Caminar puede reducir el riesgo de morir por un ictus."}},
      {"contraindication",
       {"Los bebés no deben tomar miel antes del primer año.", "Este medicamento no es adecuado para niños."},
       {"No es peligroso para la mayoría de las personas."}},
      {"interaction", {"Este remedio puede interactuar con muchos medicamentos."}, {"El paracetamol se puede tomar a la vez."}},
      {"act now",
       {"Si nota heces negras, llame a su médico inmediatamente.", "Llame al 112 si le cuesta respirar."},
       {"Un estudio encontró un 10 por ciento menos de riesgo entre los bebedores de café."}},
      {"symptoms",
       {"Puede sentirse mareado o débil después de la inyección."},
       {"Las alergias alimentarias han ido en aumento, según un informe."}},
  });
}

TEST(WarningKinds, German) {
  expect_kinds("de", {
      {"avoid", {"Vermeiden Sie rohen Fisch in der Schwangerschaft."}, {"Stress zu vermeiden hilft beim Schlafen."}},
      {"dose", {"Nehmen Sie nicht mehr als 3 Tabletten am Tag."}, {"Die Teilnehmer tranken 3 Tassen am Tag."}},
      {"consequence",
       {"Zu viel Vitamin A kann Ihr Baby schädigen."},
       {"Regelmäßiges Gehen kann das Risiko senken, an einem Schlaganfall zu sterben."}},
      {"contraindication",
       {"Babys dürfen vor dem ersten Geburtstag keinen Honig bekommen.",
        "Das Mittel ist nicht geeignet für Kinder unter 12 Jahren."},
       {"Das ist für die meisten Menschen nicht gefährlich."}},
      {"interaction", {"Johanniskraut hat Wechselwirkungen mit vielen Medikamenten."}, {"Paracetamol kann man dazu nehmen."}},
      {"act now",
       {"Rufen Sie sofort Ihren Arzt an, wenn Sie schwarzen Stuhl bemerken.", "Rufen Sie den Notruf 112 an."},
       {"Kaffeetrinker hatten laut einer Studie ein um 10 Prozent geringeres Risiko."}},
      {"symptoms",
       {"Ihnen kann schwindelig werden oder Sie können sich schwach fühlen."},
       {"Lebensmittelallergien haben laut einem Bericht zugenommen."}},
  });
}

TEST(WarningKinds, French) {
  expect_kinds("fr", {
      {"avoid", {"Évitez le poisson cru pendant la grossesse."}, {"Éviter le stress aide à mieux dormir."}},
      {"dose", {"Ne prenez pas plus de 3 comprimés par jour."}, {"Les participants prenaient 3 comprimés par jour."}},
      {"consequence",
       {"Trop de vitamine A peut nuire à votre bébé."},
       {"La marche peut réduire le risque de mourir d'un AVC."}},
      {"contraindication",
       {"Les bébés ne doivent pas manger de miel avant un an.", "Ce médicament est déconseillé aux enfants."},
       {"Ce n'est pas dangereux pour la plupart des gens."}},
      {"interaction", {"Le millepertuis peut interagir avec de nombreux médicaments."}, {"Le paracétamol peut être pris en même temps."}},
      {"act now",
       {"Si vous remarquez des selles noires, appelez votre médecin immédiatement.", "Appelez le 15 ou le 112."},
       {"Selon une étude, les buveurs de café avaient un risque inférieur de 10 pour cent."}},
      {"symptoms",
       {"Vous pourriez vous sentir étourdi ou faible."},
       {"Les allergies alimentaires sont en hausse, selon un rapport."}},
  });
}

// The forms that real leaflets use without an explicit danger word: limits
// worded as "do not exceed" or "at most", consequences told as an effect on
// breathing or a baby's development, "not intended for", act-now instructions,
// and side effects that "some people" get. Near misses beside each.
TEST(WarningKinds, ImpliedHarmFormsInEachLanguage) {
  expect_kinds("en", {
      {"dose", {"Do not go over the stated dose.", "Use the spray for a maximum of 5 days."},
       {"The study lasted a maximum of 5 years, researchers said."}},
      {"consequence", {"Large doses could affect your baby's development.", "The swelling can narrow the airway."},
       {"Regular exercise can improve your breathing."}},
      {"contraindication", {"This cream is not for use in children under 12."}, {"Running is not for everyone."}},
      {"act now", {"Tell the radiographer if you might be pregnant."}, {"Tell your friends about the app."}},
      {"symptoms", {"Some people get nosebleeds or a dry nose."}, {"Some people get better without treatment."}},
      {"avoid", {"Steer clear of raw eggs."}, {"Keep your receipts."}},
  });
  expect_kinds("es", {
      {"dose", {"No supere la dosis recomendada.", "Tome como máximo 2 comprimidos al día."},
       {"El estudio duró como máximo 2 años."}},
      {"consequence", {"El alcohol puede afectar al desarrollo de su bebé.", "Puede dificultar la respiración."},
       {"El ejercicio puede mejorar su respiración."}},
      {"contraindication", {"Este medicamento no está indicado en menores de 12 años."},
       {"El precio no está indicado claramente en la etiqueta."}},
      {"act now", {"Acuda a urgencias si tiene dolor en el pecho."}, {"Acuda a la farmacia con su receta."}},
      {"symptoms", {"Algunas personas sienten náuseas o mareos."}, {"Algunas personas sienten alivio al día siguiente."}},
      {"interaction", {"No lo tome con alcohol."}, {"Se puede tomar con o sin comida."}},
  });
  expect_kinds("de", {
      {"dose", {"Überschreiten Sie nicht die empfohlene Dosis.", "Nehmen Sie höchstens 2 Tabletten am Tag."},
       {"Die Studie dauerte höchstens 2 Jahre."}},
      {"consequence", {"Alkohol kann die Entwicklung Ihres Babys beeinträchtigen.", "Das kann die Atmung erschweren."},
       {"Sport kann Ihre Atmung verbessern."}},
      {"contraindication", {"Das Spray ist nicht für Kinder unter 6 Jahren bestimmt."},
       {"Der Kurs ist nicht für Anfänger gedacht, sagt der Verein."}},
      {"act now", {"Gehen Sie sofort in die Notaufnahme, wenn Sie Brustschmerzen haben."},
       {"Gehen Sie mit dem Rezept in die Apotheke."}},
      {"symptoms", {"Manche Menschen bekommen Kopfschmerzen oder Übelkeit."},
       {"Manche Menschen bekommen schnell einen Termin."}},
      {"interaction", {"Nehmen Sie das Mittel nicht zusammen mit Alkohol ein."}, {"Sie können es mit oder ohne Essen nehmen."}},
  });
  expect_kinds("fr", {
      {"dose", {"Ne dépassez pas la dose recommandée.", "Prenez au maximum 2 comprimés par jour."},
       {"L'étude a duré au maximum 2 ans."}},
      {"consequence", {"L'alcool peut affecter le développement de votre bébé.", "Cela peut gêner la respiration."},
       {"Le sport peut améliorer votre respiration."}},
      {"contraindication", {"Ce spray n'est pas destiné aux enfants de moins de 6 ans."},
       {"Ce livre n'est pas destiné aux spécialistes."}},
      {"act now", {"Rendez-vous aux urgences si vous avez une douleur dans la poitrine."},
       {"Rendez-vous à la pharmacie avec votre ordonnance."}},
      {"symptoms", {"Certaines personnes ont des nausées ou des vertiges."},
       {"Certaines personnes ont des questions sur le traitement."}},
      {"interaction", {"Ne le prenez pas avec de l'alcool."}, {"Vous pouvez le prendre avec ou sans repas."}},
  });
}

TEST(WarningKinds, LeadInListsInEachLanguage) {
  EXPECT_TRUE(list_warned("en", "Getting help", "Call your doctor right away if your child:"));
  EXPECT_TRUE(list_warned("en", "Fish", "Pregnant women should avoid:"));
  EXPECT_TRUE(list_warned("en", "After the procedure", "Rare complications include:"));
  EXPECT_TRUE(list_warned("en", "Avoid fish high in mercury", ""));
  EXPECT_FALSE(list_warned("en", "Getting started", "Good sources of iron include:"));
  EXPECT_FALSE(list_warned("en", "Is it safe?", ""));
  // A plain lead-in stops the heading's inheritance.
  EXPECT_FALSE(list_warned("en", "Avoid fish high in mercury", "These fish are low in mercury:"));

  EXPECT_TRUE(list_warned("es", "Ayuda", "Llame a su médico si su hijo:"));
  EXPECT_TRUE(list_warned("es", "Pescado", "Las embarazadas deben evitar:"));
  EXPECT_FALSE(list_warned("es", "Alimentos", "Buenas fuentes de hierro son:"));
  EXPECT_TRUE(list_warned("de", "Hilfe", "Rufen Sie Ihren Arzt an, wenn Ihr Kind:"));
  EXPECT_TRUE(list_warned("de", "Fisch", "Schwangere sollten Folgendes vermeiden:"));
  EXPECT_FALSE(list_warned("de", "Lebensmittel", "Gute Eisenquellen sind:"));
  EXPECT_TRUE(list_warned("fr", "Aide", "Appelez votre médecin si votre enfant :"));
  EXPECT_TRUE(list_warned("fr", "Poisson", "Les femmes enceintes doivent éviter :"));
  EXPECT_FALSE(list_warned("fr", "Aliments", "Bonnes sources de fer :"));
}

// A table after `leadin`: whether the whole table was marked.
bool table_warned(const char* language, const std::string& leadin) {
  Block t;
  t.kind = BlockKind::Table;
  t.header = {make_text("A"), make_text("B")};
  t.rows = {{make_text("one"), make_text("two")}};
  Article a = one_section_article(language, "Section", {paragraph(leadin), t});
  detect_warnings(a, warning_cues_for(language));
  return a.sections[0].blocks.back().warning.has_value();
}

TEST(WarningKinds, LeadInTablesInEachLanguage) {
  EXPECT_TRUE(table_warned("en", "Call 999 if they have any of these:"));
  EXPECT_FALSE(table_warned("en", "The clinic is open on these days:"));
  EXPECT_TRUE(table_warned("es", "Llame a su médico si nota:"));
  EXPECT_FALSE(table_warned("es", "Buenas fuentes de hierro son:"));
  EXPECT_TRUE(table_warned("de", "Rufen Sie Ihren Arzt an, wenn Sie Folgendes bemerken:"));
  EXPECT_FALSE(table_warned("de", "Gute Eisenquellen sind:"));
  EXPECT_TRUE(table_warned("fr", "Appelez votre médecin si vous remarquez :"));
  EXPECT_FALSE(table_warned("fr", "Bonnes sources de fer :"));
}

TEST(WarningKinds, AWarningHeadingWarnsItsListNotItsNarrative) {
  Article a;
  a.title = "Fish in pregnancy";
  Section s;
  s.title = "Avoid fish high in mercury";
  s.level = 2;
  s.blocks.push_back(paragraph("Mercury builds up in large fish that live a long time. Salmon is low in mercury."));
  s.blocks.push_back(bullets({"shark", "swordfish"}));
  a.sections.push_back(s);
  detect_warnings(a, warning_cues_for("en"));
  EXPECT_FALSE(a.sections[0].warning);
  EXPECT_TRUE(a.sections[0].blocks[0].sentence_warnings.empty());
  ASSERT_TRUE(a.sections[0].blocks[1].items[0].warning);
  EXPECT_EQ(a.sections[0].blocks[1].items[0].warning->rfind("lead-in 'avoid' in the heading", 0), 0u)
      << *a.sections[0].blocks[1].items[0].warning;
}

TEST(WarningKinds, AWarningLeadInIsItselfAWarningSentence) {
  Article a;
  a.title = "Fever";
  Section s;
  s.blocks.push_back(paragraph("Most fevers pass. Call your doctor if your child:"));
  s.blocks.push_back(bullets({"is under 3 months old", "has a rash"}));
  a.sections.push_back(s);
  detect_warnings(a, warning_cues_for("en"));
  const auto& flagged = a.sections[0].blocks[0].sentence_warnings;
  ASSERT_EQ(flagged.size(), 1u);
  EXPECT_EQ(flagged[0].begin, 18u);
  // Its own score names the reason first; the list names the lead-in.
  EXPECT_EQ(flagged[0].reason.rfind("cue: contact a professional", 0), 0u) << flagged[0].reason;
  EXPECT_EQ(a.sections[0].blocks[1].items[1].warning, WarningReason("lead-in 'see a doctor if' on the list"));
}

TEST(WarningKinds, LevelsMoveTheThreshold) {
  // "can cause headaches" is a weak consequence (0.4 + 0.6): a warning at
  // balanced and high-recall, not at high-precision; off marks nothing.
  const char* text = "This cream can cause headaches.";
  auto flagged = [&](WarningLevel level) {
    Article a;
    a.title = "Cream";
    Section s;
    s.blocks.push_back(paragraph(text));
    a.sections.push_back(s);
    detect_warnings(a, warning_cues_for("en"), level);
    return !a.sections[0].blocks[0].sentence_warnings.empty();
  };
  EXPECT_TRUE(flagged(WarningLevel::HighRecall));
  EXPECT_TRUE(flagged(WarningLevel::Balanced));
  EXPECT_FALSE(flagged(WarningLevel::HighPrecision));
  EXPECT_FALSE(flagged(WarningLevel::Off));
  EXPECT_FALSE(list_warned("en", "Side effects", "", WarningLevel::Off));
  EXPECT_EQ(parse_warning_level("high-precision"), WarningLevel::HighPrecision);
  EXPECT_THROW(parse_warning_level("loud"), Error);
}

TEST(WarningKinds, ReasonsExplainTheScore) {
  const CueScore s = score_sentence("Avoid raw fish if you can.", warning_cues_for("en"));
  EXPECT_EQ(s.top, "imperative 'avoid' addressed to the reader");
  const std::string why = s.explain();
  EXPECT_EQ(why.rfind("cue: imperative 'avoid' addressed to the reader (", 0), 0u) << why;
  EXPECT_NE(why.find("+ addressed to the reader"), std::string::npos) << why;
  EXPECT_NE(why.find("score "), std::string::npos) << why;
}

}  // namespace
}  // namespace readaloud
