#include "cli/extract_command.hpp"

#include <iostream>

#include "document/article_json.hpp"
#include "document/article_markdown.hpp"
#include "ingest/ingest.hpp"
#include "render/render.hpp"
#include "util/error.hpp"
#include "util/text.hpp"

namespace readaloud::cli {

struct ExtractCommand::Raw {
  std::string input;
  std::string to = "markdown";
  std::string from, encoding, lang;
  std::vector<std::string> rules;
  bool describe_images = false;
};

namespace {

constexpr const char* kExamples = R"(
Examples:
  readaloud extract page.html                      (Markdown: check what will be read)
  readaloud extract page.txt --to json > a.json    (edit, then: readaloud render a.json)
  readaloud extract page.html --to text
)";

/// The plain text, with the subtitle (standfirst) on its own line under the title.
std::string text_with_subtitle(const Article& article, bool images) {
  std::string text = article_text(article, images);
  if (!article.subtitle.empty()) text.insert(article.title.size() + 1, "\n" + article.subtitle + "\n");
  return text;
}

}  // namespace

ExtractCommand::ExtractCommand(CLI::App& app) : raw_(std::make_unique<Raw>()) {
  cmd_ = app.add_subcommand("extract", "Print the cleaned article (before narration) as Markdown, JSON or text");
  cmd_->add_option("INPUT", raw_->input, "Article file, or - for standard input")->required();
  cmd_->add_option("--to", raw_->to, "Output: markdown, json (docs/json-article.md) or text (default: markdown)");
  cmd_->add_option("--from", raw_->from, "Input format: plain, markdown, html or json (default: by extension)");
  cmd_->add_option("--encoding", raw_->encoding, "Input encoding, e.g. windows-1252 or latin1 (default: UTF-8)");
  cmd_->add_option("--rules", raw_->rules, "Extra boilerplate rules file (TOML); repeatable")
      ->expected(1)
      ->allow_extra_args(false);
  cmd_->add_option("--lang", raw_->lang, "Language of the article, e.g. en, es, de, fr (default: from the input)");
  cmd_->add_flag("--describe-images", raw_->describe_images,
                 "With --to text: print images as render --describe-images reads them (\"Image: <alt text>\" and the caption)");
  cmd_->footer(kExamples);
}

ExtractCommand::~ExtractCommand() = default;

bool ExtractCommand::parsed() const { return cmd_->parsed(); }

int ExtractCommand::run() {
  const std::string to = ascii_lower(raw_->to);
  if (to != "markdown" && to != "md" && to != "json" && to != "text" && to != "txt")
    throw_usage("unknown --to '" + raw_->to + "' (use markdown, json or text)");
  RenderOptions options;
  if (!raw_->from.empty()) {
    options.ingest.format = parse_input_format(raw_->from);
    if (!options.ingest.format) throw_usage("unknown input format '" + raw_->from + "' (use plain, markdown, html or json)");
  }
  options.ingest.encoding = raw_->encoding;
  for (const auto& r : raw_->rules) options.ingest.rules_files.emplace_back(r);
  if (!raw_->lang.empty()) options.language = raw_->lang;
  // The same preparation as inspect and render, so the article printed is the one they narrate.
  const Article article = readable_article(raw_->input, read_input(raw_->input), options);
  if (to == "json") std::cout << article_json(article);
  else if (to == "text" || to == "txt") std::cout << text_with_subtitle(article, raw_->describe_images);
  else std::cout << article_markdown(article);
  std::cout.flush();
  if (!std::cout) throw Error(ErrorKind::Runtime, "cannot write to standard output");
  return 0;
}

}  // namespace readaloud::cli
