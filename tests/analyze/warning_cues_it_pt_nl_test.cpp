// Italian, Portuguese and Dutch warning cue data (data/warnings/{it,pt,nl}.toml):
// each kind of warning (avoid, limits, who must not, act now, consequences,
// lead-ins for lists) beside near misses (negation, statistics, benefits)
// that must stay narration.

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
using test::Kind;

// A two-item list after `leadin` (a paragraph, may be empty) in a section
// titled `heading`: whether both items were marked as warnings.
bool list_warned(const char* language, const std::string& heading, const std::string& leadin,
                 const std::vector<std::string>& items) {
  std::vector<Block> blocks;
  if (!leadin.empty()) blocks.push_back(test::paragraph(leadin));
  blocks.push_back(test::bullets(items));
  Article a = test::one_section_article(language, heading, std::move(blocks));
  detect_warnings(a, warning_cues_for(language), WarningLevel::Balanced);
  const Block& out = a.sections[0].blocks.back();
  return out.items[0].warning.has_value() && out.items[1].warning.has_value();
}

TEST(WarningCuesItalian, Kinds) {
  expect_kinds("it", {
      {"avoid", {"Non beva alcolici durante la terapia.", "Eviti di guidare dopo aver preso il farmaco."},
       {"Beva molta acqua durante la giornata.", "Non si preoccupi se le urine diventano più scure."}},
      {"limit", {"Non superi la dose di 3 grammi al giorno.", "Non prenda più di quattro compresse in 24 ore."}, {}},
      {"who must not",
       {"Le donne in gravidanza non devono assumere questo farmaco.",
        "Questo medicinale non è adatto ai bambini sotto i 12 anni."},
       {"Questo farmaco non è pericoloso per la maggior parte degli adulti."}},
      {"act now",
       {"Se compare gonfiore al viso, chiami subito il 118.",
        "Vada immediatamente al pronto soccorso se ha dolore al petto."},
       {}},
      {"consequence",
       {"Il sovradosaggio può causare danni gravi al fegato.",
        "L'uso prolungato può provocare danni permanenti ai reni.", "Il fumo aumenta il rischio di ictus."},
       {"Non aumenta il rischio di infarto.",
        "Uno studio ha rilevato che il fumo aumenta il rischio di ictus del 30 per cento.",
        "L'esercizio fisico può ridurre il rischio di malattie cardiache.",
        "Camminare ogni giorno previene il rischio di diabete."}},
  });
  EXPECT_TRUE(list_warned("it", "Come si usa", "Interrompa il trattamento e consulti un medico se nota:",
                          {"eruzioni cutanee", "gonfiore delle labbra"}));
  EXPECT_TRUE(list_warned("it", "Effetti indesiderati", "", {"nausea", "mal di testa"}));
  EXPECT_FALSE(list_warned("it", "Ingredienti", "Ogni compressa contiene:", {"paracetamolo", "amido di mais"}));
}

TEST(WarningCuesPortuguese, Kinds) {
  expect_kinds("pt", {
      {"avoid", {"Não beba álcool durante o tratamento.", "Evite conduzir depois de tomar o medicamento."},
       {"Beba muita água ao longo do dia.", "Não se preocupe se a urina ficar mais escura."}},
      {"limit", {"Não ultrapasse a dose de 3 gramas por dia.", "Não tome mais de quatro comprimidos em 24 horas."}, {}},
      {"who must not",
       {"As grávidas não devem tomar este medicamento.",
        "Este medicamento não é adequado para crianças com menos de 12 anos."},
       {"Este medicamento não é perigoso para a maioria dos adultos."}},
      {"act now",
       {"Se a cara inchar, ligue imediatamente para o 112.", "Vá imediatamente às urgências se tiver dor no peito."},
       {}},
      {"consequence",
       {"Uma sobredosagem pode causar danos graves no fígado.",
        "O uso prolongado pode provocar lesões permanentes nos rins.", "Fumar aumenta o risco de AVC."},
       {"Não aumenta o risco de enfarte.",
        "Um estudo concluiu que fumar aumenta o risco de AVC em 30 por cento.",
        "O exercício físico pode reduzir o risco de doenças cardíacas.",
        "Caminhar todos os dias previne o risco de diabetes."}},
  });
  EXPECT_TRUE(list_warned("pt", "Como tomar", "Pare o tratamento e consulte um médico se notar:",
                          {"manchas na pele", "inchaço dos lábios"}));
  EXPECT_TRUE(list_warned("pt", "Efeitos secundários", "", {"náuseas", "dores de cabeça"}));
  EXPECT_FALSE(list_warned("pt", "Composição", "Cada comprimido contém:", {"paracetamol", "amido de milho"}));
}

TEST(WarningCuesDutch, Kinds) {
  expect_kinds("nl", {
      {"avoid", {"Drink geen alcohol tijdens de behandeling.", "Rijd geen auto nadat u het middel hebt ingenomen."},
       {"Drink verspreid over de dag veel water.", "Maak u geen zorgen als uw urine donkerder wordt."}},
      {"limit", {"Neem niet meer dan 3 gram per dag.", "Gebruik nooit meer dan vier tabletten in 24 uur."}, {}},
      {"who must not",
       {"Zwangere vrouwen mogen dit middel niet gebruiken.", "Kinderen mogen geen aspirine krijgen.",
        "Dit middel is niet geschikt voor kinderen jonger dan 12 jaar."},
       {"Dit middel is niet gevaarlijk voor de meeste volwassenen."}},
      {"act now",
       {"Als uw gezicht opzwelt, bel dan direct 112.",
        "Ga meteen naar de spoedeisende hulp als u pijn op de borst hebt."},
       {}},
      {"consequence",
       {"Een overdosis kan ernstige schade aan de lever veroorzaken.",
        "Langdurig gebruik kan blijvende schade aan de nieren geven.", "Roken verhoogt het risico op een beroerte."},
       {"Het verhoogt het risico op een hartaanval niet.",
        "Uit een studie blijkt dat roken het risico op een beroerte met 30 procent verhoogt.",
        "Bewegen kan het risico op hart- en vaatziekten verlagen.",
        "Elke dag wandelen verkleint het risico op diabetes."}},
  });
  EXPECT_TRUE(list_warned("nl", "Hoe gebruikt u het", "Stop met de behandeling en raadpleeg een arts als u merkt:",
                          {"huiduitslag", "dikke lippen"}));
  EXPECT_TRUE(list_warned("nl", "Bijwerkingen", "", {"misselijkheid", "hoofdpijn"}));
  EXPECT_FALSE(list_warned("nl", "Samenstelling", "Elke tablet bevat:", {"paracetamol", "maiszetmeel"}));
}

}  // namespace
}  // namespace readaloud
