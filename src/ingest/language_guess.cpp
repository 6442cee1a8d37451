#include "ingest/language_guess.hpp"

#include <algorithm>
#include <array>
#include <string_view>

namespace readaloud {
namespace {

// Short function words that are frequent in one language and rare in the
// others (words shared across them, such as "de" or "la", are left out).
struct Profile {
  const char* language;
  std::array<std::string_view, 14> words;
};

constexpr Profile kProfiles[] = {
    {"en", {"the", "and", "of", "to", "is", "your", "you", "with", "that", "for", "are", "this", "can", "or"}},
    {"es", {"el", "los", "las", "del", "que", "y", "por", "con", "para", "una", "al", "su", "puede", "se"}},
    {"de", {"der", "die", "und", "das", "ist", "nicht", "mit", "sie", "ein", "eine", "zu", "den", "auf", "sich"}},
    {"fr", {"le", "les", "des", "et", "est", "une", "pour", "dans", "vous", "pas", "du", "au", "sur", "qui"}},
};

constexpr std::size_t kMaxWords = 3000;
constexpr int kMinHits = 4;

void count_words(std::string_view text, std::array<int, std::size(kProfiles)>& hits, std::size_t& seen) {
  std::string word;
  auto flush = [&] {
    if (word.empty()) return;
    ++seen;
    for (std::size_t i = 0; i < std::size(kProfiles); ++i)
      if (std::find(kProfiles[i].words.begin(), kProfiles[i].words.end(), word) != kProfiles[i].words.end())
        ++hits[i];
    word.clear();
  };
  for (char c : text) {
    if (seen >= kMaxWords) return;
    unsigned char u = static_cast<unsigned char>(c);
    if ((u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || u >= 0x80) {
      word += static_cast<char>(u >= 'A' && u <= 'Z' ? u - 'A' + 'a' : u);
      if (word.size() > 32) word.clear();  // not a function word; keeps work bounded
    } else {
      flush();
    }
  }
  flush();
}

}  // namespace

std::string guess_language(const Article& article) {
  std::array<int, std::size(kProfiles)> hits{};
  std::size_t seen = 0;
  for (const auto& section : article.sections) {
    count_words(section.title, hits, seen);
    for (const auto& block : section.blocks) {
      count_words(plain_text(block.text), hits, seen);
      for (const auto& item : block.items) count_words(plain_text(item.text), hits, seen);
      if (seen >= kMaxWords) break;
    }
    if (seen >= kMaxWords) break;
  }
  std::size_t best = 0, second = 1;
  if (hits[second] > hits[best]) std::swap(best, second);
  for (std::size_t i = 2; i < hits.size(); ++i) {
    if (hits[i] > hits[best]) {
      second = best;
      best = i;
    } else if (hits[i] > hits[second]) {
      second = i;
    }
  }
  // A clear winner: enough evidence, and well ahead of the runner-up.
  if (hits[best] < kMinHits || hits[best] < 2 * hits[second]) return {};
  return kProfiles[best].language;
}

}  // namespace readaloud
