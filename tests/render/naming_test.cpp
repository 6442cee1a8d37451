#include "render/naming.hpp"

#include <gtest/gtest.h>

namespace readaloud {
namespace {

TEST(Slugify, LatinTitlesAsBefore) {
  EXPECT_EQ(slugify("Café & Co."), "cafe-co");
  EXPECT_EQ(slugify("Don't Panic: A Guide"), "dont-panic-a-guide");
  EXPECT_EQ(slugify("  Side effects -- and what to do  "), "side-effects-and-what-to-do");
  EXPECT_EQ(slugify("Crème Brûlée, Señor"), "creme-brulee-senor");
  EXPECT_EQ(slugify("Ærø Łódź"), "aero-lodz");
}

TEST(Slugify, TitlesWithoutLatinLettersGetAStableHashedName) {
  const std::string greek = slugify("Υγεία και ασφάλεια");
  const std::string cjk = slugify("健康与安全");
  EXPECT_EQ(greek.size(), std::string("article-").size() + 8);
  EXPECT_TRUE(greek.starts_with("article-"));
  EXPECT_TRUE(cjk.starts_with("article-"));
  EXPECT_NE(greek, cjk);                       // never one shared "article"
  EXPECT_EQ(greek, slugify("Υγεία και ασφάλεια"));  // the same title, the same name
  EXPECT_TRUE(slugify("!!! ???").starts_with("article-"));
  EXPECT_TRUE(slugify("").starts_with("article-"));
  EXPECT_EQ(slugify("Кефир 2024"), "2024");  // the Latin part is kept
}

TEST(Slugify, NeverAReservedNameAndNeverTooLong) {
  EXPECT_EQ(slugify("CON"), "con-article");
  EXPECT_EQ(slugify("Nul"), "nul-article");
  EXPECT_EQ(slugify("com1"), "com1-article");
  EXPECT_EQ(slugify("LPT9"), "lpt9-article");
  EXPECT_EQ(slugify("Console"), "console");
  const std::string long_title(500, 'a');
  EXPECT_LE(slugify(long_title).size(), kMaxSlugBytes);
  std::string words;
  for (int i = 0; i < 60; ++i) words += "word ";
  const std::string slug = slugify(words);
  EXPECT_LE(slug.size(), kMaxSlugBytes);
  EXPECT_NE(slug.back(), '-');
}

TEST(ReservedFileNames, WindowsDevicesAndTrailingDotsOrSpaces) {
  for (const char* name : {"con", "CON", "prn.txt", "aux", "NUL.mp3", "com0", "COM9", "lpt1", "name.", "name "})
    EXPECT_TRUE(is_reserved_file_name(name)) << name;
  for (const char* name : {"cone", "com", "com10", "lpt", "con-article", "article", ""})
    EXPECT_FALSE(is_reserved_file_name(name)) << name;
}

TEST(UniqueNames, NumbersRepeatsCaseInsensitivelyAndSkipsTakenNames) {
  EXPECT_EQ(unique_names({"title", "other", "title", "title"}),
            (std::vector<std::string>{"title", "other", "title-2", "title-3"}));
  EXPECT_EQ(unique_names({"Title", "title"}), (std::vector<std::string>{"Title", "title-2"}));
  EXPECT_EQ(unique_names({"a-2", "a", "a"}), (std::vector<std::string>{"a-2", "a", "a-3"}));
  EXPECT_EQ(unique_names({"", "a", ""}), (std::vector<std::string>{"", "a", ""}));
}

}  // namespace
}  // namespace readaloud
