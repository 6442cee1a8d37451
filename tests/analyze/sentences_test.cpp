#include "analyze/sentences.hpp"

#include "analyze/abbreviations.hpp"
#include "util/error.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace readaloud {
namespace {

// The sentences as strings, so failures show text rather than offsets.
std::vector<std::string> sentences(std::string_view text, std::string_view language = "en") {
  std::vector<std::string> out;
  for (const TextRange& r : split_sentences(text, language)) out.emplace_back(text.substr(r.begin, r.end - r.begin));
  return out;
}

using Strings = std::vector<std::string>;

TEST(SplitSentences, ExactRangesTrimmed) {
  const std::string_view text = "  Rinse daily.  Dry the tip!\nAsk first?  ";
  EXPECT_EQ(split_sentences(text),
            (std::vector<TextRange>{{2, 14}, {16, 28}, {29, 39}}));
}

TEST(SplitSentences, EmptyAndBlank) {
  EXPECT_TRUE(split_sentences("").empty());
  EXPECT_TRUE(split_sentences(" \n\t ").empty());
  EXPECT_EQ(sentences("No final stop"), (Strings{"No final stop"}));
}

TEST(SplitSentences, Abbreviations) {
  EXPECT_EQ(sentences("Use a mild rinse, e.g. Saline works. Dr. Patel agrees, i.e. Twice a day is fine."),
            (Strings{"Use a mild rinse, e.g. Saline works.", "Dr. Patel agrees, i.e. Twice a day is fine."}));
  EXPECT_EQ(sentences("Mr. Ortiz and Mrs. Chen met at St. Mary's clinic. Rest vs. Exercise was the topic."),
            (Strings{"Mr. Ortiz and Mrs. Chen met at St. Mary's clinic.", "Rest vs. Exercise was the topic."}));
  // "etc." ends a sentence before a capital, but not before a lowercase word.
  EXPECT_EQ(sentences("Bring socks, towels, etc. The room is cold. Pens, paper, etc. are provided."),
            (Strings{"Bring socks, towels, etc.", "The room is cold.", "Pens, paper, etc. are provided."}));
  EXPECT_EQ(sentences("See ref. No. 4 in the list. Done."), (Strings{"See ref. No. 4 in the list.", "Done."}));
}

TEST(SplitSentences, ForeignAbbreviations) {
  EXPECT_EQ(sentences("Nehmen Sie z. B. Ibuprofen. Das hilft.", "de"), (Strings{"Nehmen Sie z. B. Ibuprofen.", "Das hilft."}));
  EXPECT_EQ(sentences("La Dra. Ruiz lo explica. Lo dice.", "es"), (Strings{"La Dra. Ruiz lo explica.", "Lo dice."}));
  EXPECT_EQ(sentences("Mme. Roy aussi. Bien.", "fr"), (Strings{"Mme. Roy aussi.", "Bien."}));
}

TEST(SplitSentences, Decimals) {
  EXPECT_EQ(sentences("Take 2.5 mg at night. Do not take 7.5 mg."),
            (Strings{"Take 2.5 mg at night.", "Do not take 7.5 mg."}));
  EXPECT_EQ(sentences("The dose was 5 mg. 10 people reacted."), (Strings{"The dose was 5 mg.", "10 people reacted."}));
}

TEST(SplitSentences, Initials) {
  EXPECT_EQ(sentences("The study by J. K. Rowan and Mary T. Okafor ran for a year. It ended."),
            (Strings{"The study by J. K. Rowan and Mary T. Okafor ran for a year.", "It ended."}));
  // A lone capital after a lowercase word ends the sentence.
  EXPECT_EQ(sentences("Eat foods rich in vitamin C. Oranges count."),
            (Strings{"Eat foods rich in vitamin C.", "Oranges count."}));
  EXPECT_EQ(sentences("It is approved in the U.S. Europe may follow."),
            (Strings{"It is approved in the U.S. Europe may follow."}));
}

TEST(SplitSentences, Ellipses) {
  EXPECT_EQ(sentences("It works... mostly. Then it stops\xE2\x80\xA6 Nobody knows why."),
            (Strings{"It works... mostly.", "Then it stops\xE2\x80\xA6", "Nobody knows why."}));
  EXPECT_EQ(sentences("Wait... What now?! Stop."), (Strings{"Wait...", "What now?!", "Stop."}));
}

TEST(SplitSentences, ClosingQuotesAndBrackets) {
  EXPECT_EQ(sentences("She said \"Stop now.\" Then she left. (It was late.) Fine."),
            (Strings{"She said \"Stop now.\"", "Then she left.", "(It was late.)", "Fine."}));
  EXPECT_EQ(sentences("\xE2\x80\x9C" "Never again!" "\xE2\x80\x9D" " he said. \xC2\xAB" "Jam\xC3\xA1s." "\xC2\xBB" " Bien."),
            (Strings{"\xE2\x80\x9C" "Never again!" "\xE2\x80\x9D" " he said.", "\xC2\xAB" "Jam\xC3\xA1s." "\xC2\xBB", "Bien."}));
  // A quoted exclamation followed by a lowercase word continues the sentence.
  EXPECT_EQ(sentences("\"Ouch!\" she cried. Done."), (Strings{"\"Ouch!\" she cried.", "Done."}));
}

TEST(SplitSentences, QuestionsAndSpanish) {
  EXPECT_EQ(sentences("\xC2\xBF" "Es seguro? S\xC3\xAD. \xC2\xA1" "Cuidado!"),
            (Strings{"\xC2\xBF" "Es seguro?", "S\xC3\xAD.", "\xC2\xA1" "Cuidado!"}));
}

TEST(SplitSentences, BlankLineSeparatesAndNoBreakSpaces) {
  EXPECT_EQ(sentences("Heading without stop\n\nBody text here"), (Strings{"Heading without stop", "Body text here"}));
  EXPECT_EQ(sentences("One line\nwraps here. Next."), (Strings{"One line\nwraps here.", "Next."}));
  // U+00A0 around the text is trimmed like a space.
  EXPECT_EQ(sentences("\xC2\xA0" "First.\xC2\xA0" "Second.\xC2\xA0"), (Strings{"First.", "Second."}));
}

// One row of an abbreviation table: a text, its language and the sentences expected.
struct Row {
  const char* language;
  const char* text;
  Strings expected;
};

void check_rows(const std::vector<Row>& rows) {
  for (const Row& row : rows) EXPECT_EQ(sentences(row.text, row.language), row.expected) << row.language << ": " << row.text;
}

TEST(SplitSentencesTables, Months) {
  check_rows({
      {"en", "Feb. 23, 2015 -- Peanut allergies rose. Doctors noticed.",
       {"Feb. 23, 2015 -- Peanut allergies rose.", "Doctors noticed."}},
      {"en", "It closed in Feb. The clinic moved.", {"It closed in Feb.", "The clinic moved."}},
      {"es", "El 23 de feb. 2015 cambi\xC3\xB3. Luego no.", {"El 23 de feb. 2015 cambi\xC3\xB3.", "Luego no."}},
      {"es", "Desde Ene. 5 hay cola. Ya.", {"Desde Ene. 5 hay cola.", "Ya."}},
      {"de", "Am 23. Februar kam die Studie. Sie war klein.", {"Am 23. Februar kam die Studie.", "Sie war klein."}},
      {"de", "Seit Okt. 2020 gilt das. Nun nicht mehr.", {"Seit Okt. 2020 gilt das.", "Nun nicht mehr."}},
      {"de", "Es waren 23. Danach kam nichts.", {"Es waren 23.", "Danach kam nichts."}},
      {"fr", "Depuis janv. 2020 rien. Puis tout.", {"Depuis janv. 2020 rien.", "Puis tout."}},
  });
}

TEST(SplitSentencesTables, Titles) {
  check_rows({
      {"en", "Ask Dr. Smith first. Then wait.", {"Ask Dr. Smith first.", "Then wait."}},
      {"en", "Prof. Lee and Mrs. Hale agree. Good.", {"Prof. Lee and Mrs. Hale agree.", "Good."}},
      {"es", "Hable con el Sr. G\xC3\xB3mez hoy. Bien.", {"Hable con el Sr. G\xC3\xB3mez hoy.", "Bien."}},
      {"es", "La Lic. Vera atiende. Llame.", {"La Lic. Vera atiende.", "Llame."}},
      {"de", "Fragen Sie Hr. Weber oder Dr. med. Brandt. Danke.",
       {"Fragen Sie Hr. Weber oder Dr. med. Brandt.", "Danke."}},
      {"fr", "Le Dr. Martin a dit M. Dupont viendra. Merci.", {"Le Dr. Martin a dit M. Dupont viendra.", "Merci."}},
      {"fr", "Mlle. Roy et Mme. Caron arrivent. Bien.", {"Mlle. Roy et Mme. Caron arrivent.", "Bien."}},
  });
}

TEST(SplitSentencesTables, Acronyms) {
  check_rows({
      {"en", "The U.S. Food and Drug Administration agreed. It acted.",
       {"The U.S. Food and Drug Administration agreed.", "It acted."}},
      {"es", "En EE.UU. Nadie lo sabe. Bien.", {"En EE.UU. Nadie lo sabe.", "Bien."}},
      {"de", "Die U.S. Beh\xC3\xB6rde warnt. Gut.", {"Die U.S. Beh\xC3\xB6rde warnt.", "Gut."}},
      {"fr", "Aux U.S.A. Tout change. Oui.", {"Aux U.S.A. Tout change.", "Oui."}},
  });
}

TEST(SplitSentencesTables, LatinAndReferenceWords) {
  check_rows({
      {"en", "Rinse often, e.g. twice a day. Stop.", {"Rinse often, e.g. twice a day.", "Stop."}},
      {"en", "Rinse often, e.g. Twice a day. Stop.", {"Rinse often, e.g. Twice a day.", "Stop."}},
      {"en", "Drug vs. Placebo was tested. Done.", {"Drug vs. Placebo was tested.", "Done."}},
      {"en", "Use salt, i.e. Sodium chloride. Done.", {"Use salt, i.e. Sodium chloride.", "Done."}},
      {"es", "Use sal, p.ej. Sal marina. Listo.", {"Use sal, p.ej. Sal marina.", "Listo."}},
      {"es", "F\xC3\xA1rmaco vs. Placebo. Listo.", {"F\xC3\xA1rmaco vs. Placebo.", "Listo."}},
      {"de", "Salz, vgl. Kapitel drei. Gut.", {"Salz, vgl. Kapitel drei.", "Gut."}},
      {"de", "Nehmen Sie ggf. Wasser dazu. Gut.", {"Nehmen Sie ggf. Wasser dazu.", "Gut."}},
      {"de", "Das hei\xC3\x9Ft d.h. Ruhe halten. Gut.", {"Das hei\xC3\x9Ft d.h. Ruhe halten.", "Gut."}},
      {"fr", "Du sel, p.ex. Sel marin. Bien.", {"Du sel, p.ex. Sel marin.", "Bien."}},
      {"fr", "Voir cf. Chapitre deux. Bien.", {"Voir cf. Chapitre deux.", "Bien."}},
  });
}

TEST(SplitSentencesTables, NumberWords) {
  check_rows({
      {"en", "See No. 5 in the list. Then stop.", {"See No. 5 in the list.", "Then stop."}},
      {"en", "Read vol. 3 first. Then rest.", {"Read vol. 3 first.", "Then rest."}},
      {"en", "He said no. Five people left.", {"He said no.", "Five people left."}},
      {"en", "Read pp. 12-14 first. Then rest.", {"Read pp. 12-14 first.", "Then rest."}},
      {"es", "Vea la p\xC3\xA1g. 12 ahora. Bien.", {"Vea la p\xC3\xA1g. 12 ahora.", "Bien."}},
      {"es", "Es el n\xC3\xBAm. 3 de la lista. Bien.", {"Es el n\xC3\xBAm. 3 de la lista.", "Bien."}},
      {"de", "Siehe Nr. 5 und Abs. 2 dazu. Gut.", {"Siehe Nr. 5 und Abs. 2 dazu.", "Gut."}},
      {"de", "Siehe Art. 3 des Gesetzes. Gut.", {"Siehe Art. 3 des Gesetzes.", "Gut."}},
      {"fr", "Voir le no. 4 et la fig. 2 ici. Bien.", {"Voir le no. 4 et la fig. 2 ici.", "Bien."}},
  });
}

TEST(SplitSentencesTables, InitialsDecimalsTimes) {
  check_rows({
      {"en", "Written by J. R. Hale. It is short.", {"Written by J. R. Hale.", "It is short."}},
      {"en", "Take 2.5 mg at 10.30 daily. Stop at 7:45 p.m. and rest.",
       {"Take 2.5 mg at 10.30 daily.", "Stop at 7:45 p.m. and rest."}},
      {"es", "Tome 2,5 mg o 0.5 ml. A las 10.30 no.", {"Tome 2,5 mg o 0.5 ml.", "A las 10.30 no."}},
      {"de", "Von Johann S. Bach stammt es. Gut.", {"Von Johann S. Bach stammt es.", "Gut."}},
      {"de", "Nehmen Sie 1.5 g um 8.15 Uhr. Gut.", {"Nehmen Sie 1.5 g um 8.15 Uhr.", "Gut."}},
      {"fr", "Selon Jean P. Roux la dose est 0.5 mg. Bien.", {"Selon Jean P. Roux la dose est 0.5 mg.", "Bien."}},
  });
}

TEST(SplitSentencesTables, CjkStops) {
  check_rows({
      {"zh", "\xE8\xBF\x87\xE6\x95\x8F\xE5\xBE\x88\xE5\xB8\xB8\xE8\xA7\x81\xE3\x80\x82\xE8\xAF\xB7\xE5\xB0\x8F\xE5\xBF\x83\xEF\xBC\x81\xE5\xA5\xBD\xE5\x90\x97\xEF\xBC\x9F",
       {"\xE8\xBF\x87\xE6\x95\x8F\xE5\xBE\x88\xE5\xB8\xB8\xE8\xA7\x81\xE3\x80\x82", "\xE8\xAF\xB7\xE5\xB0\x8F\xE5\xBF\x83\xEF\xBC\x81",
        "\xE5\xA5\xBD\xE5\x90\x97\xEF\xBC\x9F"}},
      // A closing corner bracket stays with its sentence.
      {"ja", "\xE3\x80\x8C\xE3\x81\xAF\xE3\x81\x84\xE3\x80\x82\xE3\x80\x8D\xE3\x81\x9D\xE3\x81\x86\xE3\x80\x82",
       {"\xE3\x80\x8C\xE3\x81\xAF\xE3\x81\x84\xE3\x80\x82\xE3\x80\x8D", "\xE3\x81\x9D\xE3\x81\x86\xE3\x80\x82"}},
  });
}

TEST(SplitSentencesTables, OtherScriptsStops) {
  check_rows({
      // Hindi ends a sentence with the danda, written before a space as "." is.
      {"hi", "मुंह का छाला दो हफ्ते में ठीक होता है। अगर न हो, तो डॉ. वर्मा को दिखाएं।",
       {"मुंह का छाला दो हफ्ते में ठीक होता है।", "अगर न हो, तो डॉ. वर्मा को दिखाएं।"}},
      // Arabic asks with ؟; Urdu ends with ۔.
      {"ar", "هل تشعر بالدوار؟ اشرب الماء.", {"هل تشعر بالدوار؟", "اشرب الماء."}},
      {"ur", "پانی پیئیں۔ آرام کریں۔", {"پانی پیئیں۔", "آرام کریں۔"}},
  });
}

TEST(SplitSentencesTables, UnknownLanguageUsesEnglish) {
  EXPECT_EQ(sentences("Ask Dr. Smith. Feb. 23 works.", "xx"), (Strings{"Ask Dr. Smith.", "Feb. 23 works."}));
  EXPECT_EQ(abbreviations_for("xx-YY").language, "en");
  EXPECT_EQ(abbreviations_for("de-AT").language, "de");
}

TEST(Abbreviations, ParsesTheDocumentedFormat) {
  const Abbreviations a = parse_abbreviations("always = [\"Dr\"]\nbefore_number = [\"no\"]\n", "x.toml");
  EXPECT_TRUE(a.always.contains("dr"));
  EXPECT_TRUE(a.before_number.contains("no"));
  EXPECT_TRUE(a.ordinal_before.empty());
}

TEST(Abbreviations, RejectsUnknownKeysAndBadValuesWithALocation) {
  try {
    parse_abbreviations("always = [\"dr\"]\nnever = [\"x\"]\n", "it.toml");
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("it.toml:2"), std::string::npos) << e.what();
    EXPECT_EQ(e.kind(), ErrorKind::Input);
  }
  EXPECT_THROW(parse_abbreviations("always = [1]\n", "x.toml"), Error);
  EXPECT_THROW(parse_abbreviations("always = \"dr\"\n", "x.toml"), Error);
  EXPECT_THROW(parse_abbreviations("always = [\n", "x.toml"), Error);
}

TEST(Abbreviations, EverySupportedListLoads) {
  for (const char* lang : {"en", "es", "de", "fr", "hi"}) {
    const Abbreviations& a = abbreviations_for(lang);
    EXPECT_EQ(a.language, lang);
    EXPECT_FALSE(a.always.empty()) << lang;
    EXPECT_FALSE(a.before_number.empty()) << lang;
  }
}

TEST(SplitSentences, LongInputIsLinear) {
  // 200,000 short sentences and one 1 MB "word": must finish quickly and not recurse.
  std::string text;
  for (int i = 0; i < 200000; ++i) text += "Stop now. ";
  text += "A" + std::string(1 << 20, 'a');
  text += ".";
  const auto ranges = split_sentences(text);
  ASSERT_EQ(ranges.size(), 200001u);
  EXPECT_EQ(ranges.back().end, text.size());
}

}  // namespace
}  // namespace readaloud
