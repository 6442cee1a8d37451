#pragma once
// Shared by the page-text rule tests: the built-in boilerplate rules, one
// line's class, and everything an article says.

#include <string>
#include <string_view>

#include "document/article.hpp"
#include "ingest/boilerplate.hpp"
#include "ingest/page_text_rules.hpp"

namespace readaloud::test {

inline const BoilerplateFilter& rules() {
  static const BoilerplateFilter filter = BoilerplateFilter::builtin();
  return filter;
}

inline PageLine classify(std::string_view line) { return classify_page_line(line, rules()); }

/// Everything the article says, its title first, one block a line.
inline std::string all_text(const Article& a) {
  std::string out = a.title + "\n";
  for (const Section& s : a.sections) {
    out += s.title + "\n";
    for (const Block& b : s.blocks) {
      out += plain_text(b.text) + "\n";
      for (const auto& item : b.items) out += plain_text(item.text) + "\n";
    }
  }
  return out;
}

}  // namespace readaloud::test
