// html_dom: text helpers and safe access to gumbo's tree, on tiny pages.
#include "ingest/html_dom.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

namespace readaloud::html {
namespace {

// The first element with id `id` under `n`, depth first.
const GumboNode* by_id(const GumboNode* n, const char* id) {
  if (is_element(n)) {
    const char* v = attr(n, "id");
    if (v != nullptr && std::string(v) == id) return n;
  }
  const GumboVector* kids = children_of(n);
  if (kids == nullptr) return nullptr;
  for (unsigned i = 0; i < kids->length; ++i)
    if (const GumboNode* hit = by_id(child_at(kids, i), id)) return hit;
  return nullptr;
}

TEST(HtmlDom, CollapseFoldsWhitespaceAndTypography) {
  EXPECT_EQ(collapse("  a\n\t b \u00A0 c  "), "a b c");
  EXPECT_EQ(collapse("\u201Cquoted\u201D"), "\"quoted\"");
  EXPECT_EQ(collapse(" \n "), "");
}

TEST(HtmlDom, ShortenCutsAtAWordAndMarksTheCut) {
  EXPECT_EQ(shorten("short text", 80), "short text");
  const std::string cut = shorten("one two three four five six", 12);
  EXPECT_LE(cut.size(), 15u);
  EXPECT_TRUE(cut.ends_with("...")) << cut;
  EXPECT_TRUE(std::string("one two three four five six").starts_with(cut.substr(0, cut.size() - 3))) << cut;
}

TEST(HtmlDom, CountsWordsAndCodePoints) {
  EXPECT_EQ(count_words("  one two\tthree "), 3u);
  EXPECT_EQ(count_words(""), 0u);
  EXPECT_EQ(count_chars("caf\u00E9"), 4u);
  EXPECT_EQ(count_chars("\u4E2D\u6587"), 2u);
}

TEST(HtmlDom, TokenPartsAreBoundedByHyphensAndUnderscores) {
  EXPECT_TRUE(token_has_part("ad-slot", "ad"));
  EXPECT_TRUE(token_has_part("top_ad", "ad"));
  EXPECT_TRUE(token_has_part("ad", "ad"));
  EXPECT_FALSE(token_has_part("header", "ad"));
  EXPECT_FALSE(token_has_part("download", "ad"));
  const std::vector<std::string> tokens{"page", "share-bar"};
  const std::vector<std::string> parts{"nav", "share"};
  ASSERT_NE(find_part(tokens, parts), nullptr);
  EXPECT_EQ(*find_part(tokens, parts), "share");
  EXPECT_EQ(find_part(tokens, {"nav"}), nullptr);
}

TEST(HtmlDom, ReadsElementsAttributesClassesAndLines) {
  const GumboOutputPtr doc = parse_document(
      "<html><body>\n<div id=\"box\" class=\"Story  Main-Body\" role=\"Main Extra\">\n"
      "<p id=\"p\">Hello <b>bold</b> <img alt=\"a cat\"></p><x-widget id=\"w\">w</x-widget></div></body></html>");
  const GumboNode* box = by_id(doc->document, "box");
  ASSERT_NE(box, nullptr);
  EXPECT_EQ(tag_of(box), GUMBO_TAG_DIV);
  EXPECT_EQ(tag_name(box), "div");
  EXPECT_EQ(line_of(box), 2u);
  const std::vector<std::string> tokens = class_tokens(box);
  EXPECT_NE(std::find(tokens.begin(), tokens.end(), "story"), tokens.end());
  EXPECT_NE(std::find(tokens.begin(), tokens.end(), "main-body"), tokens.end());
  EXPECT_NE(std::find(tokens.begin(), tokens.end(), "box"), tokens.end());  // the id counts too
  EXPECT_EQ(role_of(box), "main");
  EXPECT_EQ(attr(box, "missing"), nullptr);
  EXPECT_EQ(tag_name(by_id(doc->document, "w")), "x-widget");
  EXPECT_EQ(subtree_text(by_id(doc->document, "p")), "Hello bold a cat");
}

TEST(HtmlDom, BlockAndSilentTags) {
  EXPECT_TRUE(is_block_tag(GUMBO_TAG_P));
  EXPECT_TRUE(is_block_tag(GUMBO_TAG_DIV));
  EXPECT_FALSE(is_block_tag(GUMBO_TAG_SPAN));
  EXPECT_TRUE(is_silent_tag(GUMBO_TAG_TITLE));
  EXPECT_FALSE(is_silent_tag(GUMBO_TAG_P));
}

TEST(HtmlDom, TextNodesHaveNoChildrenNorAttributes) {
  const GumboOutputPtr doc = parse_document("<p id=\"p\">\nplain words</p>");
  const GumboNode* p = by_id(doc->document, "p");
  ASSERT_NE(p, nullptr);
  const GumboNode* text = child_at(children_of(p), 0);
  EXPECT_FALSE(is_element(text));
  EXPECT_EQ(children_of(text), nullptr);
  EXPECT_EQ(attr(text, "id"), nullptr);
  EXPECT_EQ(tag_of(text), GUMBO_TAG_UNKNOWN);
  EXPECT_EQ(line_of(text), 1u);
}

}  // namespace
}  // namespace readaloud::html
