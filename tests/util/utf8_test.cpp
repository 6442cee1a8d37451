#include "util/utf8.hpp"

#include <gtest/gtest.h>

namespace readaloud {
namespace {

TEST(Utf8, DecodesEachLengthAndMarksInvalidBytes) {
  const std::string s = "a\xC3\xA9\xE2\x80\x94\xF0\x9F\x98\x80";  // a é — 😀
  utf8::Decoded d = utf8::decode(s, 0);
  EXPECT_EQ(d.code_point, U'a');
  EXPECT_EQ(d.length, 1u);
  d = utf8::decode(s, 1);
  EXPECT_EQ(d.code_point, U'\u00E9');
  EXPECT_EQ(d.length, 2u);
  d = utf8::decode(s, 3);
  EXPECT_EQ(d.code_point, U'\u2014');
  EXPECT_EQ(d.length, 3u);
  d = utf8::decode(s, 6);
  EXPECT_EQ(d.code_point, U'\U0001F600');
  EXPECT_EQ(d.length, 4u);
  for (const std::string bad : {"\x80", "\xC0\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xE2\x80", "\xFF"}) {
    d = utf8::decode(bad, 0);
    EXPECT_FALSE(d.valid) << bad;
    EXPECT_EQ(d.code_point, U'\uFFFD');
    EXPECT_EQ(d.length, 1u);  // a scan always moves on
  }
}

TEST(Utf8, FindsTheFirstInvalidByte) {
  EXPECT_TRUE(utf8::is_valid("plain \xC3\xA9t\xC3\xA9"));
  EXPECT_EQ(utf8::find_invalid("ok\xC3(", 0), 2u);
  EXPECT_EQ(utf8::find_invalid("\xC3\xA9\xC3\xA9\x80", 2), 4u);
  EXPECT_EQ(utf8::find_invalid(""), std::string_view::npos);
}

TEST(Utf8, AppendEncodesAndReplacesSurrogates) {
  std::string out;
  for (char32_t cp : {U'A', U'\u00E9', U'\u20AC', U'\U0001F600'}) utf8::append(out, cp);
  EXPECT_EQ(out, "A\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80");
  out.clear();
  utf8::append(out, 0xD800);
  EXPECT_EQ(out, "\xEF\xBF\xBD");
}

TEST(Utf8, CutsOnlyAtCharacterBoundaries) {
  const std::string s = "ab\xE2\x82\xAC" "cd";  // ab€cd
  EXPECT_EQ(utf8::cut(s, 100), s);
  EXPECT_EQ(utf8::cut(s, 2), "ab");
  EXPECT_EQ(utf8::cut(s, 3), "ab");
  EXPECT_EQ(utf8::cut(s, 4), "ab");
  EXPECT_EQ(utf8::cut(s, 5), "ab\xE2\x82\xAC");
  EXPECT_EQ(utf8::cut(s, 0), "");
}

TEST(Utf8, FoldsCaseAcrossScripts) {
  EXPECT_EQ(utf8::fold_case("Stra\xC3\x9F" "e"), "strasse");
  EXPECT_EQ(utf8::fold_case("\xC3\x89T\xC3\x89"), "\xC3\xA9t\xC3\xA9");            // ÉTÉ -> été
  EXPECT_EQ(utf8::fold_case("\xD0\x9C\xD0\x98\xD0\xA0"), "\xD0\xBC\xD0\xB8\xD1\x80");  // МИР -> мир
  EXPECT_EQ(utf8::fold_case("a\xFF" "b"), "a\xEF\xBF\xBD" "b");                   // invalid byte -> U+FFFD
}

TEST(Utf8, FoldsAccentsAndLatinLettersWithoutDecomposition) {
  EXPECT_EQ(utf8::fold_accents("Cr\xC3\xA8me Br\xC3\xBBl\xC3\xA9" "e"), "creme brulee");
  EXPECT_EQ(utf8::fold_accents("\xC3\x86sir \xC3\x98re \xC3\x9Eorn \xC5\x92uvre \xC5\x81\xC3\xB3" "d\xC5\xBA"),
            "aesir ore thorn oeuvre lodz");
  EXPECT_EQ(utf8::fold_accents("Se\xC3\xB1or"), "senor");
  // Other scripts stay (case folded), Hangul composed as it was.
  EXPECT_EQ(utf8::fold_accents("\xEA\xB1\xB4\xEA\xB0\x95"), "\xEA\xB1\xB4\xEA\xB0\x95");  // 건강
  std::string one;
  utf8::fold_accents(U'\u00C5', one);
  utf8::fold_accents(U'Z', one);
  EXPECT_EQ(one, "az");
}

TEST(Utf8, FindsLettersOfEveryScript) {
  for (std::string_view word : {"a", "é", "я", "शब्द", "คำ", "ຄຳ", "ትምህርት", "vệ", "漢字", "한글"})
    EXPECT_TRUE(utf8::has_letter(word)) << word;
  for (std::string_view none : {"", "12", "→ •", "© 2027", "१२", "— …", "。"}) EXPECT_FALSE(utf8::has_letter(none)) << none;
}

TEST(Utf8, LowersEveryScriptOneCharacterForOne) {
  EXPECT_EQ(utf8::lower("LEA TAMBIÉN: Ü"), "lea también: ü");
  EXPECT_EQ(utf8::lower("ЧИТАЙТЕ ΣΟΦΊΑ"), "читайте σοφία");
  EXPECT_EQ(utf8::lower("Straße 漢字"), "straße 漢字");  // no folding beyond lowercase
  EXPECT_EQ(utf8::lower(std::string("A\xFF" "B")), std::string("a\xFF" "b"));  // invalid bytes kept
}

TEST(Utf8, TellsScriptsWithCaseFromScriptsWithout) {
  for (std::string_view cased : {"a", "Ü", "я", "Ω", "ա"}) EXPECT_TRUE(utf8::has_cased_letter(cased)) << cased;
  for (std::string_view caseless : {"자고 일어났는데", "शब्द", "كلمة", "מילה", "คำ", "漢字", "12 →"})
    EXPECT_FALSE(utf8::has_cased_letter(caseless)) << caseless;
}

TEST(Utf8, WrappedChineseAndJapaneseJoinWithoutASpace) {
  EXPECT_TRUE(utf8::joins_without_space("\xE5\x90\x8E\xE8\x83\x8C\xE7\x97\x92", "\xE5\xBE\x97\xE7\x9D\xA1"));  // 后背痒 + 得睡
  EXPECT_TRUE(utf8::joins_without_space("\xE3\x81\xA7\xE3\x81\x99", "\xE3\x80\x82"));  // です + 。
  EXPECT_FALSE(utf8::joins_without_space("\xEC\x9D\xB4\xEC\x9C\xA0\xEB\x8A\x94", "\xEC\x8A\xB5\xEB\x8F\x84"));  // Korean keeps its space
  EXPECT_FALSE(utf8::joins_without_space("dry skin", "\xE5\xBE\x97"));
  EXPECT_FALSE(utf8::joins_without_space("", "\xE5\xBE\x97"));
}

}  // namespace
}  // namespace readaloud
