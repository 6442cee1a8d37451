#include "util/text.hpp"

#include <gtest/gtest.h>

namespace readaloud {
namespace {

TEST(AsciiLower, LowersAsciiLettersOnly) {
  EXPECT_EQ(ascii_lower("Risks AND Side-Effects 2"), "risks and side-effects 2");
  EXPECT_EQ(ascii_lower("\xC3\x89TAPE"), "\xC3\x89tape");  // "ÉTAPE": the É stays as it is
  EXPECT_EQ(ascii_lower(""), "");
}

}  // namespace
}  // namespace readaloud
