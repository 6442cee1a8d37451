#include "util/suggest.hpp"

#include <gtest/gtest.h>

#include "util/text.hpp"

namespace readaloud {
namespace {

TEST(EditDistance, CountsEditsIgnoringCaseAndSwapsAsOne) {
  EXPECT_EQ(edit_distance("", ""), 0u);
  EXPECT_EQ(edit_distance("abc", ""), 3u);
  EXPECT_EQ(edit_distance("paragrap", "paragraph"), 1u);
  EXPECT_EQ(edit_distance("Paragraph", "paragraph"), 0u);
  EXPECT_EQ(edit_distance("en-su", "en-us"), 1u);  // neighbours swapped
  EXPECT_EQ(edit_distance("kitten", "sitting"), 3u);
}

TEST(Nearest, FindsOnlyNearMissesInTheirOrder) {
  const std::vector<std::string> names{"chapters.json", "chapters.vtt", "vtt", "srt", "cue", "txt"};
  EXPECT_EQ(nearest("chapter.json", names, 2), (std::vector<std::string>{"chapters.json"}));
  EXPECT_EQ(nearest("vt", names, 1, 5), (std::vector<std::string>{"vtt"}));
  EXPECT_EQ(nearest("xt", names, 1, 5), (std::vector<std::string>{"txt"}));
  EXPECT_TRUE(nearest("completely-else", names, 2).empty());
  EXPECT_EQ(nearest("tt", names, 1, 5), (std::vector<std::string>{"vtt", "txt"}));  // ties, in the candidates' order
}

TEST(DidYouMean, QuotesTheNearestOrSaysNothing) {
  EXPECT_EQ(did_you_mean("podcats", {"podcast"}, 2), " (did you mean 'podcast'?)");
  EXPECT_EQ(did_you_mean("podcats", {"podcast"}, 2, '"'), " (did you mean \"podcast\"?)");
  EXPECT_EQ(did_you_mean("audiobook", {"podcast"}, 2), "");
}

TEST(Trim, RemovesAsciiWhitespaceAtTheEndsOnly) {
  EXPECT_EQ(trim(" \t\r\n\f\va b\v\f\n\r\t "), "a b");
  EXPECT_EQ(trim("   "), "");
  EXPECT_EQ(trim(""), "");
  EXPECT_EQ(trim("\xC2\xA0x\xC2\xA0"), "\xC2\xA0x\xC2\xA0");  // no-break spaces are text
  EXPECT_TRUE(is_ascii_space('\v'));
  EXPECT_FALSE(is_ascii_space('x'));
}

}  // namespace
}  // namespace readaloud
