#include "ingest/decode.hpp"

#include <gtest/gtest.h>

#include "support/expect_error.hpp"

#include <string>

#include "util/error.hpp"

namespace readaloud {
namespace {

using namespace std::string_literals;

using testing_support::error_from;

TEST(DecodeText, ValidUtf8PassesThrough) {
  EXPECT_EQ(decode_text("caf\xC3\xA9 \xE2\x80\x94 \xF0\x9F\x98\x80\nnext"), "caf\xC3\xA9 \xE2\x80\x94 \xF0\x9F\x98\x80\nnext");
  EXPECT_EQ(decode_text(""), "");
}

TEST(DecodeText, Utf8BomIsStripped) {
  EXPECT_EQ(decode_text("\xEF\xBB\xBFTitle\nText"), "Title\nText");
  EXPECT_EQ(decode_text("\xEF\xBB\xBFTitle", "UTF-8"), "Title");
}

TEST(DecodeText, LineEndsBecomeNewlines) {
  EXPECT_EQ(decode_text("a\r\nb\rc\n\r\nd"), "a\nb\nc\n\nd");
}

TEST(DecodeText, Utf16LittleEndianWithBom) {
  const std::string bytes = "\xFF\xFE" "H\0i\0\r\0\n\0\xE9\0\x14\x20"s;  // "Hi\r\né—"
  EXPECT_EQ(decode_text(bytes), "Hi\n\xC3\xA9\xE2\x80\x94");
}

TEST(DecodeText, Utf16BigEndianWithBom) {
  const std::string bytes = "\xFE\xFF" "\0H\0i\0\n\0\xE9"s;
  EXPECT_EQ(decode_text(bytes), "Hi\n\xC3\xA9");
}

TEST(DecodeText, ExplicitUtf16UsesTheBom) {
  const std::string bytes = "\xFF\xFE" "o\0k\0"s;
  EXPECT_EQ(decode_text(bytes, "utf-16"), "ok");
  EXPECT_EQ(decode_text(bytes, "UTF-16LE"), "ok");  // the BOM is kept by iconv and stripped after
}

TEST(DecodeText, InvalidUtf8NamesByteAndLine) {
  const Error e = error_from([] { decode_text("ab\ncd\nx\xE9t\xE9"); });
  EXPECT_EQ(e.kind(), ErrorKind::Input);
  EXPECT_EQ(e.message(), "invalid UTF-8 at byte 7 (line 3); try --encoding windows-1252");
  EXPECT_EQ(e.where().line, 3u);
  EXPECT_EQ(e.where().byte_offset, std::optional<std::size_t>(7));
  EXPECT_EQ(e.in_file("a.txt").what(), "a.txt:3: invalid UTF-8 at byte 7 (line 3); try --encoding windows-1252"s);
}

TEST(DecodeText, InvalidUtf8Forms) {
  const auto offset = [](const std::string& s) {
    return error_from([&] { decode_text(s); }).where().byte_offset.value_or(999);
  };
  EXPECT_EQ(offset("ok\xC0\xAF"), 2u);          // overlong "/"
  EXPECT_EQ(offset("ok\xED\xA0\x80"), 2u);      // UTF-16 surrogate
  EXPECT_EQ(offset("ok\xF4\x90\x80\x80"), 2u);  // above U+10FFFF
  EXPECT_EQ(offset("ok\xE2\x80"), 2u);          // cut off at the end
  EXPECT_EQ(offset("ok\x80"), 2u);              // stray continuation byte
  // After a UTF-8 BOM, offsets still count from the start of the file.
  EXPECT_EQ(offset("\xEF\xBB\xBFok\xFF"), 5u);
}

TEST(DecodeText, NulByteIsBinary) {
  const Error e = error_from([] { decode_text("abc\ndef\0ghi"s); });
  EXPECT_EQ(e.kind(), ErrorKind::Input);
  EXPECT_EQ(e.message(), "binary data (NUL byte at byte 7), not text");
  EXPECT_EQ(e.where().line, 2u);
  EXPECT_EQ(e.where().byte_offset, std::optional<std::size_t>(7));
}

TEST(DecodeText, NulBytesOfBomlessUtf16GetAHint) {
  const Error e = error_from([] { decode_text("H\0e\0l\0l\0o\0"s); });
  EXPECT_EQ(e.message(),
            "binary data (NUL byte at byte 1), not text; if it is UTF-16 without a BOM, try --encoding utf-16le");
}

TEST(DecodeText, Windows1252) {
  EXPECT_EQ(decode_text("caf\xE9", "windows-1252"), "caf\xC3\xA9");
  EXPECT_EQ(decode_text("\x93quoted\x94 \x96 x\r\ny", "cp1252"), "\xE2\x80\x9Cquoted\xE2\x80\x9D \xE2\x80\x93 x\ny");
  EXPECT_EQ(decode_text("caf\xE9", "Windows-1252"), "caf\xC3\xA9");
}

TEST(DecodeText, Latin1Aliases) {
  EXPECT_EQ(decode_text("na\xEFve", "latin1"), "na\xC3\xAFve");
  EXPECT_EQ(decode_text("na\xEFve", "ISO-8859-1"), "na\xC3\xAFve");
}

TEST(DecodeText, UnconvertibleByteNamesPlace) {
  const Error e = error_from([] { decode_text("ok\nab\x81", "windows-1252"); });
  EXPECT_EQ(e.kind(), ErrorKind::Input);
  EXPECT_EQ(e.message(), "cannot decode byte 0x81 at byte 5 (line 2) as windows-1252");
  EXPECT_EQ(e.where().line, 2u);
  EXPECT_EQ(e.where().byte_offset, std::optional<std::size_t>(5));
}

TEST(DecodeText, NulInSingleByteEncodingIsBinary) {
  EXPECT_EQ(error_from([] { decode_text("a\0b"s, "latin1"); }).message(),
            "binary data (NUL byte at byte 1), not text");
}

TEST(DecodeText, UnknownEncodingIsUsageError) {
  const Error e = error_from([] { decode_text("x", "klingon-8"); });
  EXPECT_EQ(e.kind(), ErrorKind::Usage);
  EXPECT_EQ(e.message(),
            "unknown encoding 'klingon-8' (try utf-8, utf-16, utf-16le, utf-16be, windows-1252 or latin1)");
}

TEST(DecodeText, ExplicitUtf8StillValidates) {
  EXPECT_EQ(error_from([] { decode_text("\xE9", "utf-8"); }).message(),
            "invalid UTF-8 at byte 0 (line 1); try --encoding windows-1252");
}

TEST(CleanTypography, QuotesBecomeAscii) {
  EXPECT_EQ(clean_typography("\xE2\x80\x9CIt\xE2\x80\x99s fine,\xE2\x80\x9D she said. \xE2\x80\x98Yes\xE2\x80\x99"),
            "\"It's fine,\" she said. 'Yes'");
}

TEST(CleanTypography, SpacesAndZeroWidth) {
  // no-break space, thin space, narrow no-break space; zero-width space, joiner, BOM, soft hyphen
  EXPECT_EQ(clean_typography("a\xC2\xA0" "b\xE2\x80\x89" "c\xE2\x80\xAF" "d"), "a b c d");
  EXPECT_EQ(clean_typography("zero\xE2\x80\x8Bwidth\xE2\x80\x8D\xEF\xBB\xBFx\xC2\xADy"), "zerowidthxy");
}

TEST(CleanTypography, OtherTextIsKept) {
  EXPECT_EQ(clean_typography("caf\xC3\xA9 \xE2\x80\x94 10\xE2\x80\x93" "20 \xC2\xBB \xE2\x80\xA6"),
            "caf\xC3\xA9 \xE2\x80\x94 10\xE2\x80\x93" "20 \xC2\xBB \xE2\x80\xA6");
  EXPECT_EQ(clean_typography("bad \xFF byte"), "bad \xFF byte");
}

}  // namespace
}  // namespace readaloud
