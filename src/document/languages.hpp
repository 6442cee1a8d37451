#pragma once
// The language registry: which languages readaloud has its own data for, and
// the one place each language's data files are found and loaded.
//
// A language is supported when data/announcements/<code>.toml exists; its
// other resources (data/warnings, data/normalize, data/abbreviations) are
// optional and fall back to English, except where a stage says otherwise.
// Every stage loads a resource through LanguageCache, so each file is parsed
// once per process.

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace readaloud {

/// "pt-BR" -> "pt", "zh_Hant_TW" -> "zh"; lowercase ASCII.
std::string primary_subtag(std::string_view tag);

/// A tag in BCP 47 case: "PT_br" -> "pt-BR", "zh-hant" -> "zh-Hant",
/// "es-419" -> "es-419". "" stays "".
std::string canonical_tag(std::string_view tag);

/// Codes of the supported languages (data/announcements/*.toml stems), sorted.
const std::vector<std::string>& supported_languages();

/// Whether `tag`'s primary subtag is a supported language.
bool is_supported_language(std::string_view tag);

/// The embedded text of data/<kind>/<primary subtag of tag>.toml, or nullopt.
/// `kind` is "announcements", "warnings", "normalize" or "abbreviations".
std::optional<std::string_view> language_resource(std::string_view kind, std::string_view tag);

/// The language whose `kind` file serves `tag`: its primary subtag when that
/// file exists, else `fallback` (usually "en").
std::string resource_language(std::string_view kind, std::string_view tag, std::string_view fallback = "en");

/// ISO 639-2/T (three letters) for a tag's primary subtag ("de" -> "deu"),
/// for formats that need it (ID3 TLAN, MP4); "" when unknown.
std::string iso639_2(std::string_view tag);

/// A close relative that eSpeak NG speaks, for a language it does not:
/// "gl" -> "pt", "ast" -> "es", "fo" -> "is"; "" when none is known. Used to
/// name the nearest voice, and to read identified text in that voice.
std::string_view spoken_relative(std::string_view tag);

/// One value per language code, built on first use by `load` and kept for the
/// process. Thread-safe; references stay valid.
template <class T>
class LanguageCache {
 public:
  explicit LanguageCache(std::function<T(const std::string&)> load) : load_(std::move(load)) {}

  /// The value for `code` (already resolved by the caller, e.g. with resource_language).
  const T& get(const std::string& code) const {
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = values_.find(code);
    if (it == values_.end()) it = values_.emplace(code, std::make_unique<T>(load_(code))).first;
    return *it->second;
  }

 private:
  std::function<T(const std::string&)> load_;
  mutable std::mutex mutex_;
  mutable std::map<std::string, std::unique_ptr<T>> values_;
};

}  // namespace readaloud
