#pragma once
// The learned half of warning detection: a logistic regression over the
// words of a sentence and of its context, trained on the project's labelled
// corpus by scripts/train-warnings-model.py (weights in data/warnings/model.txt).
// It catches warnings worded in ways no cue lists; the cue rules keep the
// final say on what they recognise (src/analyze/warning_detector.cpp).

#include <string>
#include <string_view>
#include <vector>

#include "analyze/warning_level.hpp"

namespace readaloud {

/// Where a sentence stands: in a list item or table row (with the lead-in
/// sentence before the list, if it ends in ":"), under which heading.
struct SentenceContext {
  bool in_list = false;
  std::string_view lead_in;
  std::string_view heading;
};

/// The model's judgement of one sentence.
struct ModelVerdict {
  double probability = 0.0;       ///< that the sentence is a warning
  std::vector<std::string> why;   ///< the features that pushed it up most, as words ("'avoid'", "lead-in 'include'")
  /// "model: p 0.83 from 'avoid', 'out of', lead-in 'include'", the reason inspect prints.
  std::string explain() const;
};

/// Weights by feature name, read from a model file.
class WarningModel {
 public:
  /// Parses a model file: "# comments", "languages<TAB>en es ...", then
  /// "feature<TAB>weight" lines. Throws Error(Runtime) naming `origin` and the
  /// line on a malformed one.
  static WarningModel parse(std::string_view text, const std::string& origin);

  /// The built-in model (data/warnings/model.txt), parsed once.
  static const WarningModel& builtin();

  /// Whether the model was trained on text in `language` (primary subtag).
  bool covers(std::string_view language) const;

  /// Scores `sentence` in `context`. Linear in the sentence's length.
  ModelVerdict judge(std::string_view sentence, const SentenceContext& context) const;

 private:
  // A feature's weight; its name is keys_[offset, offset + size). One flat,
  // sorted table parses in a few milliseconds where a hash map of 47,000
  // strings took about 20 on every render.
  struct Weight {
    std::size_t offset;
    std::size_t size;
    double weight;
  };
  std::string_view key(const Weight& w) const;
  const double* weight(std::string_view feature) const;  ///< null when the model has no such feature

  std::string keys_;             // every feature name, end to end
  std::vector<Weight> weights_;  // sorted by key
  double bias_ = 0.0;
  std::vector<std::string> languages_;
};

/// The probability a sentence needs at a level for the model to flag it.
struct ModelThreshold {
  double with_cue;    ///< when a cue matched it, too weakly to flag it
  double alone;       ///< when no cue matched it
  double veto = 0.0;  ///< below this, the model overrules cues that flagged it
};

/// The model's thresholds at `level`; infinite for Off and HighPrecision,
/// where only cues decide.
ModelThreshold model_threshold(WarningLevel level);

/// The model's words: case folded, accents removed (utf8::fold_accents),
/// runs of a-z and 0-9. Exposed for tests.
std::vector<std::string> model_words(std::string_view text);

}  // namespace readaloud
