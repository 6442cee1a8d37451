// Cue families added when the third held-out part became a tuning part
// (docs/warnings.md, "Third held-out part"): each is tested on sentences
// invented for the test, not taken from the corpus, with near misses beside
// them, in English, Spanish, German and French; then the context rules
// (pointer lead-ins, lead-ins with no colon, callout lead-ins, elliptic
// continuations) on small articles.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "analyze/warning_cues.hpp"
#include "analyze/warning_detector.hpp"
#include "article_builders.hpp"
#include "warning_kinds.hpp"

namespace readaloud {
namespace {

using test::expect_kinds;

TEST(WarningFamilies, EnglishProtectiveImperatives) {
  expect_kinds("en", {
      {"important not to",
       {"It is important not to lift anything heavy for two weeks.", "It's vital not to share needles.",
        "Try not to scratch the blisters.", "Try to avoid sitting still for hours on a long flight."},
       {"It's important not to worry about small changes.", "Try not to panic if the baby cries at night."}},
      {"protective gear",
       {"Always wear goggles when you use the spray.", "Wear gloves when you handle raw meat.",
        "Protect your tattoo from the sun for the first month."},
       {"Wear comfortable shoes.", "Gloves come in three sizes."}},
      {"out of reach",
       {"Keep matches and lighters well out of reach.", "Store cleaning products in a locked cupboard.",
        "Put the vitamins somewhere out of children's reach."},
       {"The top shelf was out of reach for me.", "Keep your receipts."}},
      {"someone else",
       {"Ask someone else to clean the bird cage while you are pregnant.",
        "If you can, let someone else do the heavy lifting."},
       {"Someone else may answer the phone."}},
      {"cut back", {"Cut down on salty snacks, which raise your blood pressure."}, {"Cut the paper into strips."}},
      {"wound dry", {"Keep the plaster cast dry until it comes off."}, {"Keep the wound clean and pat it dry."}},
  });
}

TEST(WarningFamilies, EnglishInteractionsAndConsequences) {
  expect_kinds("en", {
      {"level or effect",
       {"Some antibiotics can push digoxin levels up.", "Alcohol can boost the effect of sleeping tablets.",
        "Certain cold remedies push your blood pressure higher."},
       {"Exercise can boost your mood.", "Sunlight raises vitamin D in summer."}},
      {"consequence",
       {"If it is not treated, a chest infection can turn into pneumonia.",
        "Using the nasal spray for months can leave you dependent on it.",
        "There have been cases of kidney damage in people using the cream.",
        "Harsh scrubbing may scar the skin permanently."},
       {"Reports of kidney damage have halved since 2010, the regulator said.",
        "Left untreated, a cold clears up on its own within a week.", "Laser treatment can remove hair."}},
      {"delayed symptoms", {"Signs of poisoning can take a day to appear."}, {"Results can take a week to come back."}},
  });
}

TEST(WarningFamilies, EnglishActNowAndSymptoms) {
  expect_kinds("en", {
      {"act now",
       {"You should be checked urgently if the swelling spreads.",
        "Ring the clinic before your visit if you have ever fainted during a blood test.",
        "We need to know before your operation if you take blood thinners.",
        "You will need regular blood tests while you take this medicine.",
        "\"Anyone with these symptoms should call their GP practice now,\" a spokesperson said.",
        "Always mention that you use this inhaler before you buy any other medicines."},
       {"We need to know in advance if you would like a parking permit.", "You don't need regular blood tests with this cream.",
        "Parents are asked to bring the red book."}},
      {"symptoms",
       {"In some babies the vaccine causes a fever and irritability.", "I also got headaches in the first week."},
       {"In some cases, the spots fade on their own.", "I also got a new job that spring."}},
  });
}

TEST(WarningFamilies, Spanish) {
  expect_kinds("es", {
      {"fuera del alcance",
       {"Mantener fuera del alcance y de la vista de los niños.", "Guardar bajo llave."},
       {"Conservar en lugar fresco."}},
      {"intervalo", {"Espere al menos 6 horas antes de la siguiente dosis."}, {"Duerma al menos 7 horas cada noche."}},
      {"síntomas tardíos", {"Los efectos pueden tardar horas en notarse."}, {"Los resultados pueden tardar una semana."}},
      {"importante no",
       {"Es importante no conducir si nota somnolencia.", "Intente no rascarse las heridas."},
       {"Es importante no preocuparse por pequeños cambios."}},
      {"protección", {"Use guantes al limpiar la arena del gato."}, {"Use ropa cómoda."}},
      {"interacción",
       {"El ibuprofeno puede aumentar el efecto de los anticoagulantes.", "Algunos diuréticos elevan los niveles de litio."},
       {"Caminar aumenta el nivel de energía."}},
      {"consecuencia", {"Si no se trata, la infección puede convertirse en neumonía."}, {"Si no se trata, el resfriado pasa solo."}},
      {"actúe ya", {"Retire el aguijón lo antes posible."}, {"Lo antes posible es mañana por la tarde."}},
  });
}

TEST(WarningFamilies, German) {
  expect_kinds("de", {
      {"Folge", {"Ein Insektenstich kann eine Hautentzündung auslösen."}, {"Die Salbe kann eine Hautentzündung lindern."}},
      {"sofort", {"Waschen Sie die Wunde so schnell wie möglich aus."}, {"Die Praxis antwortet so schnell wie möglich."}},
      {"ärztlicher Rat",
       {"Bei anhaltendem Fieber sollten Sie ärztlichen Rat einholen."},
       {"Bei Fragen können Sie ärztlichen Rat einholen."}},
      {"Schutz", {"Tragen Sie bei der Gartenarbeit Handschuhe."}, {"Tragen Sie bequeme Schuhe."}},
      {"wichtig, nicht",
       {"Es ist wichtig, nicht Auto zu fahren, wenn Sie müde sind.", "Versuchen Sie, nicht zu kratzen."},
       {"Es ist wichtig, sich keine Sorgen zu machen."}},
      {"Wechselwirkung",
       {"Ibuprofen kann den Lithiumspiegel im Blut erhöhen.", "Alkohol verstärkt die Wirkung von Schlafmitteln."},
       {"Sport kann den Energiespiegel erhöhen."}},
      {"Abstand", {"Lassen Sie mindestens 6 Stunden Abstand zwischen zwei Dosen."}, {"Mindestens 6 Stunden Schlaf sind gesund."}},
      {"Reichweite", {"Für Kinder unzugänglich aufbewahren."}, {"Kühl und trocken aufbewahren."}},
  });
}

TEST(WarningFamilies, French) {
  expect_kinds("fr", {
      {"hors de portée", {"Tenir hors de la vue et de la portée des enfants."}, {"Conserver au frais."}},
      {"intervalle", {"Laissez au moins 6 heures entre deux prises."}, {"Dormez au moins 7 heures par nuit."}},
      {"important de ne pas",
       {"Il est important de ne pas conduire si vous vous sentez somnolent.", "Essayez de ne pas gratter les boutons."},
       {"Il est important de ne pas s'inquiéter."}},
      {"protection", {"Portez des gants pour jardiner."}, {"Portez des vêtements confortables."}},
      {"interaction", {"L'alcool peut renforcer l'effet des somnifères."}, {"Le sport peut augmenter votre énergie."}},
      {"conséquence",
       {"Si elle n'est pas traitée, l'infection peut évoluer vers une pneumonie."},
       {"Si elle n'est pas traitée, la toux passe en une semaine."}},
      {"tout de suite", {"Retirez la tique le plus vite possible."}, {"Le colis arrivera le plus vite possible."}},
      {"conseil médical",
       {"Demandez conseil à votre médecin en cas de fièvre."},
       {"Demandez conseil à votre pharmacien pour choisir une crème solaire."}},
      {"symptômes tardifs", {"Les symptômes peuvent mettre plusieurs jours à apparaître."}, {"La livraison peut mettre deux jours."}},
  });
}

using test::bullets;
using test::paragraph;

// A section titled `heading` holding `blocks`: the article after detection.
Article detected(const char* language, const std::string& heading, std::vector<Block> blocks) {
  Article a = test::one_section_article(language, heading, std::move(blocks));
  detect_warnings(a, warning_cues_for(language));
  return a;
}

bool all_items_warned(const Article& a) {
  const Block& list = a.sections[0].blocks.back();
  for (const ListItem& item : list.items)
    if (!item.warning) return false;
  return !list.items.empty();
}

bool list_after(const char* language, const std::string& heading, const std::string& leadin) {
  std::vector<Block> blocks;
  if (!leadin.empty()) blocks.push_back(paragraph(leadin));
  blocks.push_back(bullets({"one thing", "another thing"}));
  return all_items_warned(detected(language, heading, std::move(blocks)));
}

TEST(WarningFamilies, LeadInsThatNameSignsOrFirstAid) {
  EXPECT_TRUE(list_after("en", "Symptoms", "Signs of hypothermia include:"));
  EXPECT_TRUE(list_after("en", "Symptoms", "Symptoms that your sodium is too low include:"));
  EXPECT_FALSE(list_after("en", "Feeding", "Signs that your baby is feeding well include:"));
  EXPECT_TRUE(list_after("en", "What to do", "If a child has hypothermia, you should:"));
  EXPECT_TRUE(list_after("en", "If a person has collapsed", ""));
  EXPECT_FALSE(list_after("en", "If you have a smartphone", ""));
}

TEST(WarningFamilies, ALeadInTheModelFlagsWarnsItsItemsToo) {
  // No lead-in cue names "If your child swallows a button battery:", but the
  // model flags it in its paragraph: the items must not drop back to the
  // plain voice after a lead-in spoken as a warning.
  const Article a = detected("en", "At home", {paragraph("If your child swallows a button battery:"),
                                               bullets({"take the packet with you", "keep them sitting up"})});
  ASSERT_EQ(a.sections[0].blocks[0].sentence_warnings.size(), 1u);
  EXPECT_TRUE(all_items_warned(a));
  EXPECT_NE(a.sections[0].blocks[1].items[0].warning->find("lead-in"), std::string::npos);
  // Its near miss: a lead-in that names good signs warns nothing.
  EXPECT_FALSE(list_after("en", "Feeding", "Signs that your baby is feeding well include:"));
}

TEST(WarningFamilies, FirstAidAndSignsLeadInsInEachLanguage) {
  EXPECT_TRUE(list_after("es", "Qué hacer", "Si alguien pierde el conocimiento, debe:"));
  EXPECT_TRUE(list_after("es", "Síntomas", "Los signos de deshidratación son:"));
  EXPECT_TRUE(list_after("es", "Si un niño se atraganta", "Siga estos pasos:"));
  EXPECT_FALSE(list_after("es", "Instalar la aplicación", "Siga estos pasos:"));
  EXPECT_TRUE(list_after("de", "Was tun?", "Wenn jemand bewusstlos ist, sollten Sie:"));
  EXPECT_TRUE(list_after("de", "Wenn ein Kind erstickt", "Gehen Sie so vor:"));
  EXPECT_FALSE(list_after("de", "Die App installieren", "Gehen Sie so vor:"));
  EXPECT_TRUE(list_after("fr", "Que faire", "Si quelqu'un perd connaissance, vous devez :"));
  EXPECT_TRUE(list_after("fr", "Symptômes", "Les signes d'une déshydratation sont :"));
  EXPECT_TRUE(list_after("fr", "Si un enfant s'étouffe", "Suivez ces étapes :"));
  EXPECT_FALSE(list_after("fr", "Installer l'application", "Suivez ces étapes :"));
}

TEST(WarningFamilies, ContinuationsInEachLanguage) {
  auto second_flagged = [](const char* language, const char* text) {
    const Article a = detected(language, "Section", {paragraph(text)});
    const auto& flagged = a.sections[0].blocks[0].sentence_warnings;
    return flagged.size() == 2 && flagged[1].reason == "continues the warning before it";
  };
  EXPECT_TRUE(second_flagged("es", "El ibuprofeno puede aumentar el efecto de los anticoagulantes. Lo mismo ocurre con la aspirina."));
  EXPECT_TRUE(second_flagged("de", "Alkohol verstärkt die Wirkung von Schlafmitteln. Das gilt auch für manche Hustensäfte."));
  EXPECT_TRUE(second_flagged("fr", "L'alcool peut renforcer l'effet des somnifères. Il en va de même pour certains sirops."));
  EXPECT_FALSE(second_flagged("fr", "Le vélo est bon pour le cœur. Il en va de même pour la natation."));
}

TEST(WarningFamilies, APointerLeadInPassesTheHeadingOn) {
  // "Do the following:" points at the list: the heading's warning reaches it,
  // and the pointer sentence itself is marked with the heading's reason.
  const Article a = detected("en", "If someone is unconscious",
                             {paragraph("Do the following:"), bullets({"check their breathing", "call 999"})});
  EXPECT_TRUE(all_items_warned(a));
  ASSERT_EQ(a.sections[0].blocks[0].sentence_warnings.size(), 1u);
  EXPECT_EQ(a.sections[0].blocks[0].sentence_warnings[0].reason.rfind("lead-in 'first aid", 0), 0u)
      << a.sections[0].blocks[0].sentence_warnings[0].reason;
  // Under a plain heading a pointer warns nothing.
  EXPECT_FALSE(list_after("en", "Installing the app", "Follow these steps:"));
  // A plain lead-in that is no pointer still stops a heading's warning.
  EXPECT_FALSE(list_after("en", "If someone is unconscious", "Most people recover within minutes:"));
}

TEST(WarningFamilies, ALeadInWithNoColon) {
  EXPECT_TRUE(list_after("en", "After the test", "Call your GP straight away if you notice"));
  EXPECT_FALSE(list_after("en", "After the test", "Our clinic offers"));
  // An unpunctuated plain paragraph does not stop a warning heading.
  EXPECT_TRUE(list_after("en", "Avoid fish high in mercury", "These include"));
  EXPECT_TRUE(list_after("es", "Después", "Acuda a urgencias si nota"));
}

TEST(WarningFamilies, ACalloutLeadsInItsList) {
  Block callout = paragraph("seek help straight away if you get");
  callout.kind = BlockKind::Callout;
  callout.callout = CalloutKind::Important;
  const Article a = detected("en", "Afterwards", {callout, bullets({"a rash", "a swollen tongue"})});
  EXPECT_TRUE(a.sections[0].blocks[0].warning);
  EXPECT_TRUE(a.sections[0].blocks[0].sentence_warnings.empty());  // the whole callout already warns
  EXPECT_TRUE(all_items_warned(a));
}

TEST(WarningFamilies, AnEllipticSentenceContinuesAWarning) {
  Article a = detected("en", "Other medicines",
                       {paragraph("Grapefruit juice can boost the effect of some statins. So can some antibiotics.")});
  const auto& flagged = a.sections[0].blocks[0].sentence_warnings;
  ASSERT_EQ(flagged.size(), 2u);
  EXPECT_EQ(flagged[1].reason, "continues the warning before it");
  a = detected("en", "Exercise", {paragraph("Cycling is good for your heart. So is swimming.")});
  EXPECT_TRUE(a.sections[0].blocks[0].sentence_warnings.empty());
}

TEST(WarningFamilies, SuffixPatternsMatchCompounds) {
  const WarningCues cues = parse_warning_cues(R"(
language = "de"
[[cue]]
name = "Entzündung"
patterns = ["*entzündung"]
)", "test.toml");
  EXPECT_EQ(match_sentence_cue("Eine Hirnhautentzündung ist selten.", cues), "Entzündung");
  EXPECT_EQ(match_sentence_cue("Entzündung", cues), "Entzündung");
  EXPECT_EQ(match_sentence_cue("Entzündungshemmer helfen.", cues), "");
}

}  // namespace
}  // namespace readaloud
