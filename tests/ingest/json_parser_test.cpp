#include "ingest/json_parser.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "document/article_json.hpp"
#include "document/article_markdown.hpp"
#include "ingest/boilerplate.hpp"
#include "ingest/html_parser.hpp"
#include "ingest/markdown_parser.hpp"
#include "util/error.hpp"

namespace readaloud {
namespace {

Block block(BlockKind kind, std::string text) {
  Block b;
  b.kind = kind;
  if (!text.empty()) b.text = make_text(std::move(text));
  return b;
}

Block callout(CalloutKind kind, std::string text) {
  Block b = block(BlockKind::Callout, std::move(text));
  b.callout = kind;
  return b;
}

Section section(std::string title, int level, std::vector<Block> blocks) {
  Section s;
  s.title = std::move(title);
  s.level = level;
  s.blocks = std::move(blocks);
  return s;
}

/// The message of the Error(Input) that parsing `json` throws.
std::string error_of(const std::string& json, Location* where = nullptr) {
  try {
    parse_json_article(json);
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::Input);
    if (where) *where = e.where();
    return e.message();
  }
  ADD_FAILURE() << "no error for " << json;
  return {};
}

std::string read_fixture(const std::string& name) {
  std::ifstream in(std::string(READALOUD_SOURCE_DIR) + "/tests/fixtures/" + name, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(JsonParser, ReadsMetadataSectionsAndEveryBlockType) {
  const char* json = R"({
    "title": "Sleep  well", "subtitle": "A guide", "author": "A. Writer",
    "language": "en-GB", "published": "2024-05-01", "extra": {"ignored": true},
    "sections": [
      {"blocks": [{"type": "paragraph", "text": "  Intro \u201cquoted\u201d text.  "}]},
      {"heading": "Habits", "blocks": [
        {"type": "list", "ordered": true, "start": 3, "items": ["Dark room", "Cool air"]},
        {"type": "warning", "text": "Do not drive when drowsy."},
        {"type": "quote", "text": "Sleep is the best meditation."},
        {"type": "callout", "kind": "Tip", "text": "Keep a notebook by the bed."},
        {"type": "image", "alt": "A bedroom", "caption": "Keep it dark"},
        {"type": "code", "language": "sh"},
        {"type": "table", "header": ["Age", "Hours"], "rows": [["Adult", "7-9"]]},
        {"type": "paragraph", "text": ""}
      ]},
      {"heading": "Notes", "level": 4}
    ]})";
  Article expected;
  expected.title = "Sleep well";
  expected.subtitle = "A guide";
  expected.author = "A. Writer";
  expected.language = "en-GB";
  expected.published = "2024-05-01";
  Block list = block(BlockKind::List, "");
  list.ordered = true;
  list.start = 3;
  list.items = {ListItem{make_text("Dark room")}, ListItem{make_text("Cool air")}};
  Block image = block(BlockKind::Image, "A bedroom");
  image.caption = make_text("Keep it dark");
  Block table = block(BlockKind::Table, "");
  table.header = {make_text("Age"), make_text("Hours")};
  table.rows = {{make_text("Adult"), make_text("7-9")}};
  expected.sections = {
      section("", 1, {block(BlockKind::Paragraph, "Intro \"quoted\" text.")}),
      section("Habits", 2,
              {list, callout(CalloutKind::Warning, "Do not drive when drowsy."),
               block(BlockKind::Quote, "Sleep is the best meditation."),
               callout(CalloutKind::Tip, "Keep a notebook by the bed."), image, block(BlockKind::Code, "sh"), table}),
      section("Notes", 4, {})};
  EXPECT_EQ(parse_json_article(json), expected);
}

TEST(JsonParser, NestedItemsBecomeDepths) {
  Article a = parse_json_article(R"({"title": "T", "sections": [{"blocks": [{"type": "list", "items": [
      "a", {"text": "b", "items": ["c", {"text": "d", "items": ["e"]}]}, "f"]}]}]})");
  ASSERT_EQ(a.sections.size(), 1u);
  ASSERT_EQ(a.sections[0].blocks.size(), 1u);
  std::vector<ListItem> expected{{make_text("a"), 0}, {make_text("b"), 0}, {make_text("c"), 1},
                                 {make_text("d"), 1}, {make_text("e"), 2}, {make_text("f"), 0}};
  EXPECT_EQ(a.sections[0].blocks[0].items, expected);
}

TEST(JsonParser, DeeplyNestedItemsDoNotRecurse) {
  std::string json = R"({"title": "T", "sections": [{"blocks": [{"type": "list", "items": [)";
  const int depth = 5000;
  for (int i = 0; i < depth; ++i) json += R"({"text": "x", "items": [)";
  json += R"("bottom")";
  for (int i = 0; i < depth; ++i) json += "]}";
  json += "]}]}]}";
  Article a = parse_json_article(json);
  const auto& items = a.sections.at(0).blocks.at(0).items;
  ASSERT_EQ(items.size(), static_cast<std::size_t>(depth + 1));
  EXPECT_EQ(items[0].depth, 0);
  EXPECT_EQ(items[31].depth, 31);
  EXPECT_EQ(items.back(), (ListItem{make_text("bottom"), 31}));
}

TEST(JsonParser, WrongTypesNameTheirJsonPointer) {
  EXPECT_EQ(error_of(R"({"title": "T", "sections": [{}, {}, {"blocks": [{"type": 3}]}]})"),
            "/sections/2/blocks/0/type: expected a string");
  EXPECT_EQ(error_of(R"({"title": 5, "sections": []})"), "/title: expected a string");
  EXPECT_EQ(error_of(R"({"title": "T", "sections": {}})"), "/sections: expected an array");
  EXPECT_EQ(error_of(R"({"title": "T", "sections": [{"heading": "H", "level": 7}]})"),
            "/sections/0/level: expected an integer from 1 to 6");
  EXPECT_EQ(error_of(R"({"title": "T", "sections": [{"blocks": [{"type": "list", "items": ["a", [1]]}]}]})"),
            "/sections/0/blocks/0/items/1: expected a string or an object {\"text\", \"items\"}");
  EXPECT_EQ(error_of(R"({"title": "T", "sections": [{"blocks": [{"type": "list", "ordered": "yes", "items": []}]}]})"),
            "/sections/0/blocks/0/ordered: expected a boolean");
  EXPECT_EQ(error_of("[1, 2]"), "(root): expected an object with \"title\" and \"sections\"");
}

TEST(JsonParser, MissingRequiredMembersAreNamed) {
  EXPECT_EQ(error_of(R"({"sections": []})"), "/title: missing; expected a string");
  EXPECT_EQ(error_of(R"({"title": "T"})"), "/sections: missing; expected an array");
  EXPECT_EQ(error_of(R"({"title": "T", "sections": [{"blocks": [{"type": "quote"}]}]})"),
            "/sections/0/blocks/0/text: missing; expected a string");
}

TEST(JsonParser, UnknownTypesListTheValidOnes) {
  EXPECT_EQ(error_of(R"({"title": "T", "sections": [{"blocks": [{"type": "paragraf", "text": "x"}]}]})"),
            "/sections/0/blocks/0/type: unknown block type \"paragraf\" (did you mean \"paragraph\"?); "
            "valid types: paragraph, list, warning, callout, quote, image, code, table");
  EXPECT_EQ(error_of(R"({"title": "T", "sections": [{"blocks": [{"type": "callout", "kind": "alarm", "text": "x"}]}]})"),
            "/sections/0/blocks/0/kind: unknown callout kind \"alarm\"; "
            "valid kinds: note, tip, important, warning, caution, danger");
}

TEST(JsonParser, TruncatedJsonNamesLineAndColumn) {
  Location where;
  std::string message = error_of("{\n  \"title\": \"T\",\n  \"sections\": [", &where);
  EXPECT_EQ(message.rfind("invalid JSON: syntax error while parsing value - unexpected end of input", 0), 0u)
      << message;
  EXPECT_EQ(where.line, 3u);
  EXPECT_EQ(where.column, 16u);

  message = error_of("{\"title\": \"caf\xC3\xA9\", \"x\": tru }", &where);
  EXPECT_EQ(message, "invalid JSON: syntax error while parsing value - invalid literal; last read: '\"x\": tru '");
  EXPECT_EQ(where.line, 1u);
  EXPECT_EQ(where.column, 27u);  // the space that ended "tru"; columns count characters, not bytes
}

TEST(JsonParser, SameArticleAsMarkdownApartFromLineNumbers) {
  std::string json = read_fixture("json/nasal-rinsing.json");
  std::string md = read_fixture("markdown/nasal-rinsing.md");
  ASSERT_FALSE(json.empty());
  ASSERT_FALSE(md.empty());
  Article from_json = parse_json_article(json);
  Article from_md = parse_markdown(md);
  // JSON has no lines, and Markdown's photo credit has no JSON counterpart.
  for (auto& s : from_md.sections) {
    s.line = 0;
    for (auto& b : s.blocks) b.line = 0;
  }
  ASSERT_EQ(from_md.dropped.size(), 1u);
  from_md.dropped.clear();
  EXPECT_EQ(from_json, from_md);
}

TEST(JsonParser, ACalloutMarkedOnlyByMarkupPrintsNoLabel) {
  // An HTML box marked by its class alone: the JSON says so, reading it back
  // keeps it, and the text output prints its words without "Warning:".
  const Article html = parse_html("<article><h1>Burns</h1><p>Cool a burn under running water for twenty minutes, "
                                  "and keep the person warm while you do.</p><div class=\"callout-warning\"><p>Call "
                                  "911 if the burn is larger than the person's hand.</p></div><p>Warning: never use "
                                  "ice.</p></article>",
                                  BoilerplateFilter::builtin());
  const std::string json = article_json(html);
  EXPECT_NE(json.find("\"label_shown\": false"), std::string::npos) << json;
  const Article back = parse_json_article(json);
  const std::string text = article_text(back, false);
  EXPECT_NE(text.find("\nCall 911 if the burn"), std::string::npos) << text;
  EXPECT_NE(text.find("\nWarning: never use ice."), std::string::npos) << text;
  EXPECT_EQ(error_of(R"({"title": "T", "sections": [{"blocks": [{"type": "callout", "kind": "tip", "text": "x",
      "label_shown": "no"}]}]})"),
            "/sections/0/blocks/0/label_shown: expected a boolean");
}

}  // namespace
}  // namespace readaloud
