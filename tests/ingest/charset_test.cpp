#include "ingest/charset.hpp"

#include <gtest/gtest.h>

#include "util/error.hpp"

namespace readaloud {
namespace {

TEST(Charset, FindsMetaAndHttpEquivDeclarations) {
  const CharsetDeclaration a = find_charset_declaration("<html>\n<meta charset=\"GB2312\">");
  EXPECT_TRUE(a.found);
  EXPECT_EQ(a.label, "GB2312");
  EXPECT_EQ(a.line, 2u);
  const CharsetDeclaration b =
      find_charset_declaration("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ut\">");
  EXPECT_EQ(b.label, "ut");
  const CharsetDeclaration c = find_charset_declaration("<meta content=\"text/html; charset=\">");
  EXPECT_TRUE(c.found);
  EXPECT_EQ(c.label, "");
  EXPECT_FALSE(find_charset_declaration("<p>no declaration</p>").found);
}

TEST(Charset, LabelsMapLikeBrowsers) {
  EXPECT_EQ(iconv_name_for_label("gb2312"), "GB18030");
  EXPECT_EQ(iconv_name_for_label(" GBK "), "GB18030");
  EXPECT_EQ(iconv_name_for_label("latin1"), "WINDOWS-1252");
  EXPECT_EQ(iconv_name_for_label("Shift_JIS"), "CP932");
  EXPECT_EQ(iconv_name_for_label("euc-kr"), "CP949");
  EXPECT_EQ(iconv_name_for_label("iso-8859-2"), "ISO-8859-2");
  EXPECT_EQ(iconv_name_for_label("windows-1251"), "WINDOWS-1251");
  EXPECT_EQ(iconv_name_for_label("utf-16le"), "UTF-8");
  EXPECT_EQ(iconv_name_for_label("ut"), "");
  EXPECT_EQ(iconv_name_for_label("iso-8859-99"), "");
}

TEST(Charset, ValidUtf8WinsOverALegacyDeclaration) {
  const DecodedPage p = decode_html_page("<meta charset=gb2312><p>Caf\xC3\xA9</p>", "");
  EXPECT_EQ(p.text, "<meta charset=gb2312><p>Caf\xC3\xA9</p>");
  EXPECT_EQ(p.encoding, "UTF-8");
  EXPECT_TRUE(p.warning.empty());
}

TEST(Charset, UnknownOrEmptyDeclarationWarnsAndSniffs) {
  const DecodedPage ut = decode_html_page("<meta charset=ut><p>ok \xC3\xA9</p>", "");
  EXPECT_EQ(ut.encoding, "UTF-8");
  EXPECT_NE(ut.warning.find("unknown charset 'ut'"), std::string::npos);
  const DecodedPage empty = decode_html_page("<meta content=\"text/html; charset=\"><p>caf\xE9</p>", "");
  EXPECT_EQ(empty.encoding, "WINDOWS-1252");
  EXPECT_NE(empty.warning.find("empty charset"), std::string::npos);
  EXPECT_NE(empty.text.find("caf\xC3\xA9"), std::string::npos);
}

TEST(Charset, LegacyEncodingsDecode) {
  // "中文" in GB2312, "日本" in Shift_JIS, "한국" in EUC-KR.
  EXPECT_NE(decode_html_page("<meta charset=gb2312>\xD6\xD0\xCE\xC4", "").text.find("\xE4\xB8\xAD\xE6\x96\x87"),
            std::string::npos);
  EXPECT_NE(decode_html_page("<meta charset=shift_jis>\x93\xFA\x96\x7B", "").text.find("\xE6\x97\xA5\xE6\x9C\xAC"),
            std::string::npos);
  EXPECT_NE(decode_html_page("<meta charset=euc-kr>\xC7\xD1\xB1\xB9", "").text.find("\xED\x95\x9C\xEA\xB5\xAD"),
            std::string::npos);
  // Undeclared non-UTF-8 bytes are windows-1252.
  EXPECT_EQ(decode_html_page("<p>\x93hi\x94</p>", "").encoding, "WINDOWS-1252");
}

TEST(Charset, BomWinsAndBinaryIsRefused) {
  const DecodedPage p = decode_html_page("\xEF\xBB\xBF<meta charset=windows-1252><p>\xC3\xA9</p>", "");
  EXPECT_EQ(p.source, "byte order mark");
  EXPECT_NE(p.text.find("\xC3\xA9"), std::string::npos);
  EXPECT_THROW(decode_html_page(std::string_view("<p>a\0b\xFF</p>", 10), ""), Error);
}

}  // namespace
}  // namespace readaloud
