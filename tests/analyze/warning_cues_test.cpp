#include "analyze/warning_cues.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "util/error.hpp"

namespace readaloud {
namespace {

struct Case {
  const char* sentence;
  const char* cue;  // expected cue name; "" when the sentence must not be flagged
};

void expect_cues(const WarningCues& cues, const std::vector<Case>& cases) {
  for (const Case& c : cases) EXPECT_EQ(match_sentence_cue(c.sentence, cues), c.cue) << c.sentence;
}

TEST(WarningCues, EnglishCueFamilies) {
  expect_cues(warning_cues_for("en"), {
      {"Untrained helpers can do serious harm to the inner ear.", "can do serious harm"},
      {"Rinsing too hard can cause permanent damage to the eardrum.", "can cause serious damage"},
      {"A severe allergic reaction can be life-threatening.", "life-threatening"},
      {"Untreated sepsis can be fatal.", "can be fatal"},
      {"There is a small risk of death.", "can be fatal"},
      {"An overdose damages the liver.", "overdose"},
      {"You shouldn\xE2\x80\x99t use a steam inhaler without supervision.", "should not ... without"},
      {"You should not stop taking antidepressants without talking to your doctor.", "should not ... without"},
      {"Children should never take aspirin.", "should not"},
      {"Never put a cotton swab deep into the ear.", "never"},
      {"Do not exceed 4 g of paracetamol a day.", "do not"},
      {"Don\xE2\x80\x99t share your device with others.", "do not"},
      {"If you are pregnant, do not take this supplement.", "do not"},
      {"Seek emergency care if your lips swell.", "seek emergency care"},
      {"Get medical help right away if you faint.", "seek emergency care"},
      {"Call 911 if you have chest pain.", "seek emergency care"},
      {"Massaging too firmly could increase your symptoms.", "could increase your symptoms"},
      {"Stop using the cream and see a doctor if a rash appears.", "stop using ... and see a doctor"},
      {"Long-term use may increase the risk of stomach bleeding.", "may increase the risk of"},
      {"Avoid this herb if you are pregnant or breastfeeding.", "avoid ... if you are pregnant"},
      {"Mixing these cleaners is dangerous.", "dangerous"},
      {"This plant is toxic to cats.", "toxic"},
      {"Keep out of reach of children.", "keep out of reach of children"},
      {"Warning: this product contains nuts.", "warning:"},
      // Upper case and curly quotes around the sentence do not matter.
      {"\xE2\x80\x9C" "DO NOT drive after taking it.\xE2\x80\x9D", "do not"},
  });
}

TEST(WarningCues, EnglishNearMisses) {
  expect_cues(warning_cues_for("en"), {
      {"This may reduce your symptoms.", ""},
      {"Pain when urinating", ""},
      {"Most insurance plans won't cover the cost.", ""},
      {"It shouldn't be painful.", ""},
      {"You shouldn\xE2\x80\x99t need more than a few sessions.", ""},
      {"You don't need a referral.", ""},
      {"Never heard of it?", ""},
      {"You're not alone.", ""},
      {"Studies do not support this.", ""},
      {"Medical research doesn't widely support the therapy.", ""},
      {"Don't worry if a little water runs into your throat.", ""},
      {"Never hesitate to ask your pharmacist.", ""},
      {"Don't be afraid to ask questions.", ""},
      {"You should not worry, since most cases resolve without treatment.", ""},
      {"Is it dangerous?", ""},
      {"Can an overdose happen?", ""},
      {"The procedure is not dangerous.", ""},
      {"It is rarely fatal.", ""},
      {"There is no risk of overdose.", ""},
      {"Smoking does not increase the risk of this condition.", ""},
      {"People with diabetes are at higher risk of infection.", ""},
      {"Some people get medical treatment abroad.", ""},
      {"Your doctor may ask you not to eat before the test.", ""},
      {"Most cases clear up without antibiotics.", ""},
      {"Use emergency contraception within 72 hours.", ""},
  });
}

TEST(WarningCues, NegativeRuleOnlyVetoesWhatItOverlaps) {
  const WarningCues& en = warning_cues_for("en");
  // "not dangerous" is vetoed, the overdose in the same sentence is not.
  EXPECT_EQ(match_sentence_cue("The herb is not dangerous, but an overdose is.", en), "overdose");
}

TEST(WarningCues, Spanish) {
  expect_cues(warning_cues_for("es"), {
      {"Un masaje demasiado fuerte puede causar da\xC3\xB1os graves.", "puede causar da\xC3\xB1os graves"},
      {"No debe usar un masajeador el\xC3\xA9" "ctrico sin formaci\xC3\xB3n.", "no debe ... sin"},
      {"Nunca use agua del grifo sin hervir.", "nunca"},
      {"Busque atenci\xC3\xB3n m\xC3\xA9" "dica de inmediato si tiene fiebre.", "busque atenci\xC3\xB3n m\xC3\xA9" "dica"},
      {"Busque atencion medica si empeora.", "busque atenci\xC3\xB3n m\xC3\xA9" "dica"},  // without accents
      {"Esta mezcla es peligrosa.", "peligroso"},
      {"Una sobredosis puede ser mortal.", "potencialmente mortal"},
      {"Si est\xC3\xA1 embarazada, no tome este suplemento.", "no use"},
      {"Esto puede reducir sus s\xC3\xADntomas.", ""},
      {"Dolor al orinar", ""},
      {"La mayor\xC3\xAD" "a de los seguros no cubren el costo.", ""},
      {"No necesita una derivaci\xC3\xB3n.", ""},
      {"No deber\xC3\xAD" "a doler.", ""},
      {"Los estudios no respaldan esto.", ""},
      {"\xC2\xBFNunca oy\xC3\xB3 hablar de esto?", ""},
      {"No es peligroso.", ""},
      {"Nunca se ha demostrado que funcione.", ""},
  });
}

TEST(WarningCues, German) {
  expect_cues(warning_cues_for("de"), {
      {"Eine zu kr\xC3\xA4" "ftige Massage kann schwere Sch\xC3\xA4" "den verursachen.", "kann schwere Sch\xC3\xA4" "den verursachen"},
      {"Sie sollten elektrische Massageger\xC3\xA4te nicht ohne Schulung verwenden.", "sollten nicht ... ohne"},
      {"Suchen Sie sofort einen Arzt auf, wenn Sie Fieber bekommen.", "suchen Sie sofort einen Arzt auf"},
      {"Benutzen Sie niemals Leitungswasser.", "nehmen Sie nicht"},
      {"Das sollte man niemals tun.", "niemals"},
      {"Eine \xC3\x9C" "berdosis ist lebensgef\xC3\xA4hrlich.", "lebensgef\xC3\xA4hrlich"},
      {"Der Pilz ist giftig.", "giftig"},
      {"Das kann Ihre Beschwerden lindern.", ""},
      {"Schmerzen beim Wasserlassen", ""},
      {"Die meisten Krankenkassen \xC3\xBC" "bernehmen die Kosten nicht.", ""},
      {"Sie brauchen keine \xC3\x9C" "berweisung.", ""},
      {"Studien belegen das nicht.", ""},
      {"Noch nie davon geh\xC3\xB6rt?", ""},
      {"Die Behandlung ist nicht gef\xC3\xA4hrlich.", ""},
      {"Das ist v\xC3\xB6llig ungef\xC3\xA4hrlich.", ""},
      {"Es sollte nicht wehtun.", ""},
      {"Schwere Komplikationen sind selten.", ""},
  });
}

TEST(WarningCues, French) {
  expect_cues(warning_cues_for("fr"), {
      {"Un massage trop vigoureux peut causer des dommages graves.", "peut causer des dommages graves"},
      {"Vous ne devez pas utiliser un masseur \xC3\xA9lectrique sans formation.", "ne doit pas ... sans"},
      {"Consultez imm\xC3\xA9" "diatement un m\xC3\xA9" "decin si vous avez de la fi\xC3\xA8vre.", "consultez imm\xC3\xA9" "diatement"},
      {"N\xE2\x80\x99utilisez jamais l\xE2\x80\x99" "eau du robinet.", "n'utilisez pas"},
      {"Ne jamais d\xC3\xA9passer la dose prescrite.", "n'utilisez pas"},
      {"Une surdose peut \xC3\xAAtre mortelle.", "mortel"},
      {"Ce produit est dangereux pour les enfants.", "dangereux"},
      {"Cela peut r\xC3\xA9" "duire vos sympt\xC3\xB4mes.", ""},
      {"Douleur en urinant", ""},
      {"La plupart des assurances ne remboursent pas ce soin.", ""},
      {"Vous n'avez pas besoin d'ordonnance.", ""},
      {"Les \xC3\xA9tudes ne le confirment pas.", ""},
      {"Cela n'a jamais \xC3\xA9t\xC3\xA9 d\xC3\xA9montr\xC3\xA9.", ""},
      {"Jamais entendu parler ?", ""},
      {"Ne vous inqui\xC3\xA9tez pas.", ""},
      {"Ce n'est pas dangereux.", ""},
      {"Cela ne devrait pas \xC3\xAAtre douloureux.", ""},
  });
}

TEST(WarningCues, Headings) {
  const WarningCues& en = warning_cues_for("en");
  for (const char* h : {"Risks", "What are the risks?", "Side effects", "Possible side effects", "Adverse reactions",
                        "Precautions", "Warnings", "Dangers", "Contraindications", "Complications",
                        "When to see a doctor", "When to seek emergency care", "Safety",
                        "Drug interactions", "Who should not take ibuprofen", "Who shouldn't use it",
                        "Risks and risk factors"})
    EXPECT_TRUE(heading_names_risks(h, en)) << h;
  for (const char* h : {"Risk factors", "Benefits", "Symptoms", "Causes", "Overview", "How to reduce your risk",
                        "Emergency contraception", "Food safety tips", "Painful urination",
                        // A question heading is not a warning by itself (issue 13).
                        "Is it safe?"})
    EXPECT_FALSE(heading_names_risks(h, en)) << h;

  EXPECT_TRUE(heading_names_risks("Efectos secundarios", warning_cues_for("es")));
  EXPECT_TRUE(heading_names_risks("Cu\xC3\xA1ndo consultar al m\xC3\xA9" "dico", warning_cues_for("es")));
  EXPECT_FALSE(heading_names_risks("Factores de riesgo", warning_cues_for("es")));
  EXPECT_FALSE(heading_names_risks("Beneficios", warning_cues_for("es")));
  EXPECT_TRUE(heading_names_risks("Nebenwirkungen", warning_cues_for("de")));
  EXPECT_TRUE(heading_names_risks("Wann zum Arzt?", warning_cues_for("de")));
  EXPECT_FALSE(heading_names_risks("Risikofaktoren", warning_cues_for("de")));
  EXPECT_FALSE(heading_names_risks("Das Risiko senken", warning_cues_for("de")));
  EXPECT_TRUE(heading_names_risks("Contre-indications", warning_cues_for("fr")));
  EXPECT_TRUE(heading_names_risks("Quand consulter ?", warning_cues_for("fr")));
  EXPECT_FALSE(heading_names_risks("Facteurs de risque", warning_cues_for("fr")));
  EXPECT_FALSE(heading_names_risks("Contraception d'urgence", warning_cues_for("fr")));
}

TEST(WarningCues, LanguageSelection) {
  EXPECT_EQ(warning_cues_for("en").language, "en");
  EXPECT_EQ(warning_cues_for("en-US").language, "en");
  EXPECT_EQ(warning_cues_for("ES").language, "es");
  EXPECT_EQ(warning_cues_for("de-DE").language, "de");
  EXPECT_EQ(warning_cues_for("fr_CA").language, "fr");
  EXPECT_EQ(warning_cues_for("xx").language, "en");  // no cue file: English
  EXPECT_EQ(warning_cues_for("").language, "en");
  // Built once: the same object every time.
  EXPECT_EQ(&warning_cues_for("de"), &warning_cues_for("de-AT"));
  const auto& kinds = warning_cues_for("en").callout_kinds;
  EXPECT_EQ(kinds, (std::vector<CalloutKind>{CalloutKind::Warning, CalloutKind::Caution, CalloutKind::Danger,
                                             CalloutKind::Important}));
}

std::vector<std::string> texts(const std::vector<CueToken>& tokens) {
  std::vector<std::string> out;
  for (const CueToken& t : tokens) out.push_back(t.text);
  return out;
}

TEST(WarningCues, Tokens) {
  using S = std::vector<std::string>;
  EXPECT_EQ(texts(cue_tokens("You shouldn\xE2\x80\x99t, it\xE2\x80\x99s LIFE-threatening: \"stop\"!", warning_cues_for("en"))),
            (S{"you", "should", "not", ",", "it", "is", "life", "threatening", ":", "stop"}));
  EXPECT_EQ(texts(cue_tokens("N\xE2\x80\x99utilisez pas l'\xC3\x89TUVE (\xC5\x93uf) aujourd'hui", warning_cues_for("fr"))),
            (S{"ne", "utilisez", "pas", "le", "etuve", ",", "oeuf", ",", "aujourd'hui"}));
  EXPECT_EQ(texts(cue_tokens("Gro\xC3\x9F" "e \xC3\x9C" "berdosis", warning_cues_for("de"))), (S{"grosse", "uberdosis"}));
}

TEST(WarningCues, ParseErrorsNameTheLine) {
  try {
    parse_warning_cues("language = \"xx\"\n[[cue]]\nname = \"a\"\npatterns = [\"life-threatening\"]\n", "data/warnings/xx.toml");
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::Runtime);
    EXPECT_EQ(e.where().line, 4u);
    EXPECT_EQ(std::string(e.what()),
              "data/warnings/xx.toml:4:13: cue pattern \"life-threatening\": \"life-threatening\" is not a single "
              "word (write \"a b\" as two elements)");
  }
  EXPECT_THROW(parse_warning_cues("[[cue]]\nname = \"a\"\npatterns = [\"[maybe]\"]\n", "x"), Error);
  EXPECT_THROW(parse_warning_cues("[[cue]]\nname = \"a\"\npatterns = [\"... harm\"]\n", "x"), Error);
  EXPECT_THROW(parse_warning_cues("callouts = [\"alert\"]\n", "x"), Error);
  EXPECT_THROW(parse_warning_cues("language = \n", "x"), Error);
}

TEST(WarningCues, CustomPatternSyntax) {
  const WarningCues cues = parse_warning_cues(R"(
[tokens.contractions]
"can't" = "can not"
[[cue]]
name = "gap"
patterns = ["must ... without"]
[[cue]]
name = "anchored"
patterns = ["^ halt"]
[[cue]]
name = "prefix and optional"
patterns = ["harm* [the] skin"]
[[negative]]
why = "test"
patterns = ["not harmful"]
)", "test.toml");
  expect_cues(cues, {
      {"You must one two three four five six seven eight without.", "gap"},
      {"You must one two three four five six seven eight nine without.", ""},  // gap is 8 words
      {"You must act, then go without.", ""},                                  // gaps stop at a comma
      {"Halt now.", "anchored"},
      {"Please halt now.", ""},
      {"Note: halt now.", "anchored"},  // ^ also matches after a colon
      {"It harms the skin.", "prefix and optional"},
      {"Harmful skin creams exist.", "prefix and optional"},
      {"It is not harmful skin care.", ""},  // vetoed: the negative overlaps
  });
}

TEST(WarningCues, LongSentenceIsLinear) {
  // One 400,000-word sentence with many partial matches must finish quickly.
  std::string s;
  for (int i = 0; i < 100000; ++i) s += "you should not ";
  s += "without.";
  EXPECT_EQ(match_sentence_cue(s, warning_cues_for("en")), "should not ... without");
}

}  // namespace
}  // namespace readaloud

namespace readaloud {
namespace {

TEST(WarningCues, ManyVetoesStayFast) {
  // 50,000 vetoed cues and one real one at the end: the veto check must not be quadratic.
  std::string s;
  for (int i = 0; i < 50000; ++i) s += "not dangerous and ";
  s += "an overdose.";
  EXPECT_EQ(match_sentence_cue(s, warning_cues_for("en")), "overdose");
  std::string t;
  for (int i = 0; i < 50000; ++i) t += "not dangerous and ";
  EXPECT_EQ(match_sentence_cue(t + "fine.", warning_cues_for("en")), "");
}

}  // namespace
}  // namespace readaloud
