#pragma once
// Shared by the per-language warning tests: sentences of each kind of warning
// must reach the balanced threshold, their near misses must stay below it.

#include <gtest/gtest.h>

#include <vector>

#include "analyze/warning_cues.hpp"
#include "analyze/warning_detector.hpp"

namespace readaloud::test {

struct Kind {
  const char* kind;
  std::vector<const char*> warnings;
  std::vector<const char*> near_misses;
};

inline void expect_kinds(const char* language, const std::vector<Kind>& kinds) {
  const WarningCues& cues = warning_cues_for(language);
  ASSERT_EQ(cues.language, language);
  for (const Kind& k : kinds) {
    for (const char* s : k.warnings) {
      const CueScore score = score_sentence(s, cues);
      EXPECT_GE(score.score, kBalancedThreshold) << language << " " << k.kind << ": " << s << " -> " << score.explain();
    }
    for (const char* s : k.near_misses) {
      const CueScore score = score_sentence(s, cues);
      EXPECT_LT(score.score, kBalancedThreshold) << language << " " << k.kind << " near miss: " << s << " -> "
                                                  << score.explain();
    }
  }
}

}  // namespace readaloud::test
