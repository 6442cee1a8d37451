#include "output/chapters_json.hpp"

#include <nlohmann/json.hpp>

#include "output/time_format.hpp"

namespace readaloud {

std::string chapters_json(const Timeline& timeline) {
  nlohmann::ordered_json chapters = nlohmann::ordered_json::array();
  for (const TimedChapter& c : timeline.chapters) {
    nlohmann::ordered_json entry;
    // Whole milliseconds divided by 1000 print as the shortest decimal
    // (1.5, 62.25), never 1.4999999.
    entry["startTime"] = static_cast<double>(sample_to_ms(c.start_sample, timeline.sample_rate)) / 1000.0;
    entry["title"] = c.title;
    chapters.push_back(std::move(entry));
  }
  nlohmann::ordered_json doc;
  doc["version"] = "1.2.0";
  doc["chapters"] = std::move(chapters);
  // Replace rather than throw on invalid UTF-8 in a title.
  return doc.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

}  // namespace readaloud
