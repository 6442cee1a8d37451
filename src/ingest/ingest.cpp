#include "ingest/ingest.hpp"
#include "util/fd.hpp"
#include "util/text.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include "document/clean_text.hpp"
#include "ingest/boilerplate.hpp"
#include "ingest/decode.hpp"
#include "ingest/html_parser.hpp"
#include "ingest/json_parser.hpp"
#include "ingest/language_guess.hpp"
#include "ingest/markdown_parser.hpp"
#include "ingest/plaintext_parser.hpp"
#include "util/error.hpp"

namespace readaloud {
namespace fs = std::filesystem;

namespace {

bool blank(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isspace(c); });
}

std::string_view skip_space_and_bom(std::string_view s) {
  if (s.substr(0, 3) == "\xEF\xBB\xBF") s.remove_prefix(3);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  return s;
}

bool has_text(const Article& article) {
  for (const auto& section : article.sections)
    if (!section.blocks.empty() || !section.title.empty()) return true;
  return false;
}

std::string title_from_name(const std::string& name) {
  if (name == "-") return "Standard input";
  std::string stem = fs::path(name).stem().string();
  std::replace(stem.begin(), stem.end(), '-', ' ');
  std::replace(stem.begin(), stem.end(), '_', ' ');
  if (!stem.empty()) stem[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(stem[0])));
  return stem;
}

// Markdown and JSON carry page junk too when they were made from web pages
// ("Was this helpful?", "Share this article"): the same rules apply to their
// paragraphs. (Plain text and HTML apply them while parsing, line by line.)
void drop_boilerplate_blocks(Article& article, const BoilerplateFilter& filter) {
  for (auto& section : article.sections) {
    std::vector<Block> kept;
    kept.reserve(section.blocks.size());
    for (auto& block : section.blocks) {
      if (block.kind == BlockKind::Paragraph || block.kind == BlockKind::Quote) {
        const std::string text = plain_text(block.text);
        if (auto hit = filter.match(text)) {
          article.dropped.push_back(Dropped{text, hit->rule, block.line});
          continue;
        }
      }
      kept.push_back(std::move(block));
    }
    section.blocks = std::move(kept);
  }
}

}  // namespace

std::optional<InputFormat> parse_input_format(std::string_view name) {
  std::string n = ascii_lower(name);
  if (n == "plain" || n == "txt" || n == "text") return InputFormat::Plain;
  if (n == "markdown" || n == "md") return InputFormat::Markdown;
  if (n == "html" || n == "htm") return InputFormat::Html;
  if (n == "json") return InputFormat::Json;
  return std::nullopt;
}

const char* to_string(InputFormat format) {
  switch (format) {
    case InputFormat::Plain: return "plain";
    case InputFormat::Markdown: return "markdown";
    case InputFormat::Html: return "html";
    case InputFormat::Json: return "json";
  }
  return "?";
}

std::optional<InputFormat> format_from_extension(const fs::path& path) {
  std::string ext = ascii_lower(path.extension().string());
  if (ext == ".txt" || ext == ".text") return InputFormat::Plain;
  if (ext == ".md" || ext == ".markdown") return InputFormat::Markdown;
  if (ext == ".html" || ext == ".htm" || ext == ".xhtml") return InputFormat::Html;
  if (ext == ".json") return InputFormat::Json;
  return std::nullopt;
}

InputFormat sniff_format(std::string_view bytes) {
  std::string_view s = skip_space_and_bom(bytes);
  if (s.empty()) return InputFormat::Plain;  // the emptiness check reports it
  std::string head = ascii_lower(s.substr(0, 512));
  if (head.starts_with("<!doctype html") || head.starts_with("<html") ||
      head.find("<body") != std::string::npos || head.find("<article") != std::string::npos ||
      head.find("<p>") != std::string::npos || head.find("<h1") != std::string::npos)
    return InputFormat::Html;
  if (s.front() == '{' || s.front() == '[') return InputFormat::Json;
  if (s.front() == '<')
    throw_input("cannot tell the format of this input (it looks like markup but not HTML); use --from");
  if (s.starts_with("---\n") || s.starts_with("---\r\n") || s.starts_with("# ") ||
      head.find("\n# ") != std::string::npos || head.find("\n## ") != std::string::npos ||
      head.find("](") != std::string::npos || head.find("**") != std::string::npos)
    return InputFormat::Markdown;
  return InputFormat::Plain;
}

std::string read_input(const std::string& path) {
  if (path == "-") {
    std::ostringstream buffer;
    buffer << std::cin.rdbuf();
    return buffer.str();
  }
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    if (errno == ENOENT) throw_input("no such file", {path});
    throw_input(std::string("cannot read: ") + std::strerror(errno), {path});
  }
  if (S_ISDIR(st.st_mode)) throw_input("is a folder, not a file", {path});
  std::string bytes;
  if (!read_whole_file(path, bytes)) throw_input(std::string("cannot read: ") + std::strerror(errno), {path});
  return bytes;
}

Article ingest(const std::string& name, std::string_view bytes, const IngestOptions& options) {
  try {
    if (blank(bytes)) throw_input(bytes.empty() ? "file is empty" : "file holds only whitespace");

    InputFormat format = InputFormat::Plain;
    if (options.format) format = *options.format;
    else if (auto by_ext = format_from_extension(name)) format = *by_ext;
    else format = sniff_format(bytes);

    BoilerplateFilter filter = BoilerplateFilter::builtin();
    for (const auto& rules : options.rules_files) filter.add_rules_file(rules);

    Article article;
    switch (format) {
      case InputFormat::Html:
        article = parse_html(bytes, filter, options.encoding, name);
        break;
      case InputFormat::Plain:
        article = parse_plaintext(decode_text(bytes, options.encoding), filter);
        break;
      case InputFormat::Markdown:
        article = parse_markdown(decode_text(bytes, options.encoding));
        drop_boilerplate_blocks(article, filter);
        break;
      case InputFormat::Json:
        article = parse_json_article(decode_text(bytes, options.encoding));
        drop_boilerplate_blocks(article, filter);
        break;
    }
    clean_untrusted_text(article);
    if (!has_text(article)) throw_input("no article text found (everything was empty or page boilerplate)");
    if (article.title.empty()) article.title = title_from_name(name);
    LanguageDecision language = guess_language(article);
    article.language = std::move(language.language);
    article.language_note = std::move(language.note);
    return article;
  } catch (const Error& e) {
    throw e.in_file(name);
  }
}

}  // namespace readaloud
