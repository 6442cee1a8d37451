#include "narrate/normalizer.hpp"

#include <utility>

namespace readaloud {

struct Normalizer::Impl {
  std::string language;
  Lexicon user;
};

Normalizer::Normalizer(std::string_view language, Lexicon user)
    : impl_(std::make_unique<Impl>()) {
  std::string lang(language.substr(0, language.find_first_of("-_")));
  for (char& c : lang) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  if (lang != "es" && lang != "de" && lang != "fr") lang = "en";
  impl_->language = std::move(lang);
  impl_->user = std::move(user);
}

Normalizer::~Normalizer() = default;
Normalizer::Normalizer(Normalizer&&) noexcept = default;
Normalizer& Normalizer::operator=(Normalizer&&) noexcept = default;

std::string Normalizer::normalize(std::string_view text) const {
  // Collapse runs of whitespace into one space and trim both ends.
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out.push_back(c);
  }
  return out;
}

const std::string& Normalizer::language() const { return impl_->language; }

}  // namespace readaloud
