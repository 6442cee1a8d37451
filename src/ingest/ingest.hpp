#pragma once
// The front door of ingest: read an input (file or stdin), work out its
// format, decode it, and run the matching parser.

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "document/article.hpp"

namespace readaloud {

enum class InputFormat { Plain, Markdown, Html, Json };

/// "plain"/"txt"/"text", "markdown"/"md", "html"/"htm", "json"; case-insensitive.
std::optional<InputFormat> parse_input_format(std::string_view name);
const char* to_string(InputFormat format);

/// The format an extension implies (.txt, .md/.markdown, .html/.htm, .json), if any.
std::optional<InputFormat> format_from_extension(const std::filesystem::path& path);

/// Guesses the format of content with no telling extension (standard input).
/// Throws Error(Input) when the bytes are not text at all.
InputFormat sniff_format(std::string_view bytes);

struct IngestOptions {
  std::optional<InputFormat> format;   ///< --from; otherwise extension, then sniffing
  std::string encoding;                ///< --encoding; "" = auto
  std::vector<std::filesystem::path> rules_files;  ///< --rules: extra boilerplate rules
};

/// The bytes of an input: a path, or "-" for standard input.
/// Throws Error(Input) naming the file: missing, a folder, unreadable.
std::string read_input(const std::string& path);

/// Parses the bytes of `name` (used for errors, format detection and the
/// fallback title) into an Article. Throws Error(Input) naming the file for
/// empty input, undecodable bytes, and input with no article text.
Article ingest(const std::string& name, std::string_view bytes, const IngestOptions& options);

}  // namespace readaloud
