// html_metadata: each metadata value by its cascade, with its source, on tiny pages.
#include "ingest/html_metadata.hpp"

#include <gtest/gtest.h>

#include <string>

#include "ingest/html_dom.hpp"

namespace readaloud::html {
namespace {

PageMetadata read(const std::string& page) {
  const GumboOutputPtr doc = parse_document(page);
  return read_metadata(doc->document);
}

TEST(HtmlMetadata, JsonLdHeadlineWinsOverOgTitleAndTitle) {
  const PageMetadata m = read(
      "<html lang=\"en-GB\"><head><title>Site | Other</title>"
      "<meta property=\"og:title\" content=\"OG headline\">"
      "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"LD headline\","
      "\"datePublished\":\"2025-03-04\",\"author\":{\"@type\":\"Person\",\"name\":\"Ana Ruiz\"}}</script>"
      "</head><body><h1>Body heading</h1></body></html>");
  EXPECT_EQ(m.title.value, "LD headline");
  EXPECT_EQ(m.title.source, "JSON-LD headline");
  EXPECT_EQ(m.author.value, "Ana Ruiz");
  EXPECT_EQ(m.published.value, "2025-03-04");
  EXPECT_EQ(m.language.value, "en-GB");
  ASSERT_EQ(m.h1s.size(), 1u);
  EXPECT_EQ(m.h1s[0], "Body heading");
}

TEST(HtmlMetadata, OgTitleThenTitleWithoutTheSiteName) {
  const PageMetadata og = read(
      "<head><title>Ignored</title><meta property=\"og:title\" content=\"Open graph title\">"
      "<meta property=\"og:site_name\" content=\"Daily Ledger\"></head><body><p>x</p></body>");
  EXPECT_EQ(og.title.value, "Open graph title");
  EXPECT_EQ(og.title.source, "og:title");
  EXPECT_EQ(og.site_name.value, "Daily Ledger");

  const PageMetadata plain = read(
      "<head><title>Why we yawn | Field &amp; Mind</title><meta property=\"og:site_name\" content=\"Field &amp; Mind\">"
      "</head><body><p>x</p></body>");
  EXPECT_EQ(plain.title.value, "Why we yawn");
}

TEST(HtmlMetadata, VisibleHeadlineMatchingTitleWinsOverASocialOgTitle) {
  const PageMetadata m = read(
      "<head><title>Knee pain after running: the research | Runner Weekly</title>"
      "<meta property=\"og:title\" content=\"Why your knees ache (and what helps)\"></head>"
      "<body><h1>Knee pain after running: the research</h1></body>");
  EXPECT_EQ(m.title.value, "Knee pain after running: the research");
  EXPECT_EQ(m.title.source, "<h1> matching <title>");

  // A site name in an <h1> is only a small part of <title>: og:title stays.
  const PageMetadata site = read(
      "<head><title>Why we yawn when others do | Field Notes</title>"
      "<meta property=\"og:title\" content=\"Why we yawn when others do\"></head>"
      "<body><h1>Field Notes</h1></body>");
  EXPECT_EQ(site.title.value, "Why we yawn when others do");
  EXPECT_EQ(site.title.source, "og:title");
}

TEST(HtmlMetadata, DateFromArticlePublishedTime) {
  const PageMetadata m = read(
      "<head><meta property=\"article:published_time\" content=\"2024-11-02T08:00:00Z\">"
      "<meta name=\"author\" content=\"Sam Lee\"></head><body><p>x</p></body>");
  EXPECT_EQ(m.published.value, "2024-11-02T08:00:00Z");
  EXPECT_EQ(m.author.value, "Sam Lee");
}

TEST(HtmlMetadata, ArticleBodyFromJsonLd) {
  const PageMetadata m = read(
      "<head><script type=\"application/ld+json\">{\"@type\":\"Article\",\"headline\":\"H\","
      "\"articleBody\":\"First paragraph.\\n\\nSecond paragraph.\"}</script></head><body></body>");
  EXPECT_NE(m.article_body.find("First paragraph."), std::string::npos);
  EXPECT_NE(m.article_body.find("Second paragraph."), std::string::npos);
}

TEST(HtmlMetadata, PageWithoutMetadataGivesEmptyValues) {
  const PageMetadata m = read("<body><p>Only text.</p></body>");
  EXPECT_TRUE(m.title.empty());
  EXPECT_TRUE(m.author.empty());
  EXPECT_TRUE(m.published.empty());
  EXPECT_TRUE(m.article_body.empty());
}

TEST(HtmlMetadata, CleanTitleRemovesTheSiteName) {
  EXPECT_EQ(clean_title("Heat warning issued - Daily Ledger", "Daily Ledger", {}), "Heat warning issued");
  EXPECT_EQ(clean_title("Daily Ledger | Heat warning issued", "Daily Ledger", {}), "Heat warning issued");
  EXPECT_EQ(clean_title("Heat warning issued | Ledger", "", {}), "Heat warning issued");
  // The part that matches an <h1> wins.
  EXPECT_EQ(clean_title("News - Heat warning issued - Ledger", "", {"Heat warning issued"}), "Heat warning issued");
  // A title without a separator stays whole.
  EXPECT_EQ(clean_title("Heat warning issued", "Daily Ledger", {}), "Heat warning issued");
}

TEST(HtmlMetadata, VisibleHeadlineFullerThanTheJsonLdHeadlineWins) {
  const PageMetadata m = read(
      "<html><head><title>Gales live: ferries cancelled \xE2\x80\x93 as it happened | Harbour News</title>"
      "<meta property=\"og:title\" content=\"Gales live: ferries cancelled \xE2\x80\x93 as it happened\">"
      "<meta property=\"og:site_name\" content=\"Harbour News\">"
      "<script type=\"application/ld+json\">{\"@type\":\"LiveBlogPosting\",\"headline\":\"Gales live: ferries "
      "cancelled\"}</script></head><body><h1>Gales live: ferries cancelled \xE2\x80\x93 as it happened</h1>"
      "</body></html>");
  EXPECT_EQ(m.title.value, "Gales live: ferries cancelled \xE2\x80\x93 as it happened");
  // A heading the metadata does not confirm leaves the JSON-LD headline alone.
  const PageMetadata n = read(
      "<html><head><title>Ferries cancelled | Harbour News</title>"
      "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"Ferries cancelled\"}"
      "</script></head><body><h1>Ferries cancelled \xE2\x80\x93 see the map</h1></body></html>");
  EXPECT_EQ(n.title.value, "Ferries cancelled");
}

TEST(HtmlMetadata, VisibleHeadlineWinsOverADifferentOgTitleSharingItsSubject) {
  const PageMetadata m = read(
      "<head><title>Naproxen: uses, dosage and side effects - MedGuide</title>"
      "<meta property=\"og:title\" content=\"Naproxen \u2014 what you need to know\"></head>"
      "<body><h1>Naproxen: a guide to taking it safely</h1></body>");
  EXPECT_EQ(m.title.value, "Naproxen: a guide to taking it safely");
  EXPECT_EQ(m.title.source, "<h1> over a different og:title");

  // A blog's name in the <h1>, sharing no word with og:title: og:title stays.
  const PageMetadata blog = read(
      "<head><title>Crumbs and Kettles: Reviving a neglected starter</title>"
      "<meta property=\"og:title\" content=\"Reviving a neglected starter\"></head>"
      "<body><h1><a href=\"/\">Crumbs and Kettles</a></h1></body>");
  EXPECT_EQ(blog.title.value, "Reviving a neglected starter");

  // A headline broken over two lines is og:title itself.
  const PageMetadata broken = read(
      "<head><meta property=\"og:title\" content=\"City pools extend hours as heat lingers\"></head>"
      "<body><h1>City pools extend hours<br>as heat lingers</h1></body>");
  EXPECT_EQ(broken.title.value, "City pools extend hours as heat lingers");
  ASSERT_EQ(broken.h1s.size(), 1u);
  EXPECT_EQ(broken.h1s[0], "City pools extend hours as heat lingers");

  // Two headings that could be the headline: the cascade decides.
  const PageMetadata two = read(
      "<head><meta property=\"og:title\" content=\"Storm warning for the coast\"></head>"
      "<body><h1>Storm closes coast road</h1><h1>Coast storm: what we know</h1></body>");
  EXPECT_EQ(two.title.value, "Storm warning for the coast");
}

TEST(HtmlMetadata, AnEntryNameH1OpeningTitleWinsOverASharingVariant) {
  // <title> opens with the <h1>, og:title words the page for sharing.
  const PageMetadata m = read(
      "<head><title>Gout flare-ups: what to do when a joint swells | Joint Care UK</title>"
      "<meta property=\"og:title\" content=\"What to do if your gout flares up\"></head>"
      "<body><h1 class=\"hero__title\">Gout flare-ups</h1></body>");
  EXPECT_EQ(m.title.value, "Gout flare-ups");
  EXPECT_EQ(m.title.source, "<h1> opening <title>");

  // <title> is the <h1> and the site; the JSON-LD headline names the entry and goes on.
  const PageMetadata entry = read(
      "<head><title>Azia - Linha Norte 24</title><meta property=\"og:site_name\" content=\"Linha Norte 24\">"
      "<script type=\"application/ld+json\">{\"@type\":\"MedicalWebPage\","
      "\"headline\":\"Azia: o que \u00e9, causas e tratamento\"}</script></head>"
      "<body><h1>Azia</h1></body>");
  EXPECT_EQ(entry.title.value, "Azia");

  // A blog's "Name: Post" <title> holds og:title: the post's title stays.
  const PageMetadata blog = read(
      "<head><title>Oak Lane Notes: Oak pollen season is here</title>"
      "<meta property=\"og:title\" content=\"Oak pollen season is here\"></head>"
      "<body><h1><a href=\"/\">Oak Lane Notes</a></h1></body>");
  EXPECT_EQ(blog.title.value, "Oak pollen season is here");

  // Nor when the sharing title shares no word with the <h1>, nor <title> tells it.
  const PageMetadata other = read(
      "<head><title>Sleeping in the day after work | Work Health</title>"
      "<meta property=\"og:title\" content=\"How to rest after a late rota\"></head>"
      "<body><h1>Night shifts</h1></body>");
  EXPECT_EQ(other.title.value, "How to rest after a late rota");
}

TEST(HtmlMetadata, AShorterChineseH1WinsOverItsLongerOgTitle) {
  // 牙齒敏感常見問題 under og:title 牙齒敏感怎麼辦？冷熱酸痛常見問題｜Site
  const PageMetadata m = read(
      "<head><meta property=\"og:title\" content=\"\u7259\u9f52\u654f\u611f\u600e\u9ebc\u8fa6\uff1f\u51b7\u71b1"
      "\u9178\u75db\u5e38\u898b\u554f\u984c\uff5c\u68ee\u65e5\u7259\u91ab\"></head>"
      "<body><h1>\u7259\u9f52\u654f\u611f\u5e38\u898b\u554f\u984c</h1></body>");
  EXPECT_EQ(m.title.value, "\u7259\u9f52\u654f\u611f\u5e38\u898b\u554f\u984c");
  // An <h1> of other characters (the clinic's name) does not win.
  const PageMetadata other = read(
      "<head><meta property=\"og:title\" content=\"\u7259\u9f52\u654f\u611f\u600e\u9ebc\u8fa6\"></head>"
      "<body><h1>\u68ee\u65e5\u7259\u91ab\u806f\u76df</h1></body>");
  EXPECT_EQ(other.title.value, "\u7259\u9f52\u654f\u611f\u600e\u9ebc\u8fa6");
}

TEST(HtmlMetadata, AnH1TellingTitlesHeadlineWinsOverAnOgTitleWordedOtherwise) {
  const PageMetadata m = read(
      "<head><title>Hypos (low blood sugar): symptoms and treatment | Diabetes Compass</title>"
      "<meta property=\"og:title\" content=\"Having a hypo? What to do, step by step\"></head>"
      "<body><h1>Hypos: spotting and treating low blood sugar</h1></body>");
  EXPECT_EQ(m.title.value, "Hypos: spotting and treating low blood sugar");
  // An <h1> that tells neither keeps og:title.
  const PageMetadata other = read(
      "<head><title>Hypos (low blood sugar): symptoms and treatment | Diabetes Compass</title>"
      "<meta property=\"og:title\" content=\"Having a hypo? What to do, step by step\"></head>"
      "<body><h1>Our winter appeal</h1></body>");
  EXPECT_EQ(other.title.value, "Having a hypo? What to do, step by step");
}

TEST(HtmlMetadata, DctermsTitleNewsModulesAndAPublishedDocumentsTitleParagraph) {
  const PageMetadata gov = read(
      "<head><title>Wood smoke and health: lower the risks - Health Agency</title>"
      "<meta name=\"dcterms.title\" content=\"Wood smoke and your health\"></head>"
      "<body><h1 property=\"name\">Wood smoke and your health</h1></body>");
  EXPECT_EQ(gov.title.value, "Wood smoke and your health");
  EXPECT_EQ(gov.title.source, "<h1> matching dcterms.title");

  const PageMetadata module = read(
      "<head><title>News Flash \xE2\x80\xA2 Pell County Health District</title></head>"
      "<body><h1 class=\"pageTitle\">News Flash</h1><h2 class=\"detail-title\">Spring is the time to test your well"
      "</h2></body>");
  EXPECT_EQ(module.title.value, "Spring is the time to test your well");

  // A site's own "News" page with no story title stays as it was.
  const PageMetadata listing = read("<head><title>News - Pell County</title></head><body><h1>News</h1></body>");
  EXPECT_EQ(listing.title.value, "News");

  const PageMetadata doc = read(
      "<head><title>Swim guide (final)</title></head><body><p class=\"c3 title\">Winter swimming safely</p>"
      "<h1>Before you go</h1><p>x</p><h1>In the water</h1></body>");
  EXPECT_EQ(doc.title.value, "Winter swimming safely");
}

TEST(HtmlMetadata, AStructuredHeadlineCutShortAndALargeFontHeadlineWithoutAnH1) {
  const PageMetadata cut = read(
      "<head><title>Grandparent scams: how to spot the call - Encore</title>"
      "<script type=\"application/ld+json\">{\"@type\":\"Article\",\"headline\":\"'Grandma, it's me': how scammers "
      "fake family emergencies\"}</script></head><body><h1>'Grandma, it's me': how scammers fake family emergencies to "
      "target older relatives</h1></body>");
  EXPECT_EQ(cut.title.value, "'Grandma, it's me': how scammers fake family emergencies to target older relatives");
  EXPECT_EQ(cut.title.source, "<h1> fuller than the structured headline");

  const PageMetadata table = read(
      "<head><title>Millbrook Lane Surgery - Practice News</title></head><body><table><tr><td>"
      "<font size=\"6\"><b>Millbrook Lane Surgery</b></font></td></tr><tr><td><font size=\"5\"><b>Christmas and "
      "New Year: please order your prescriptions early</b></font><p>x</p></td></tr></table></body>");
  EXPECT_EQ(table.title.value, "Christmas and New Year: please order your prescriptions early");
  EXPECT_EQ(table.title.source, "large-font headline (no <h1>)");
}

TEST(HtmlMetadata, AnH1AgreeingWithOgTitleAnOnlyH1SharingAWordAndACjkH1OpeningTitle) {
  // og:title and the <h1> agree; the JSON-LD headline is worded for search engines.
  const PageMetadata agreed = read(
      "<head><title>Hemorrojder - Vardkompassen</title><meta property=\"og:title\" content=\"Hemorrojder\">"
      "<script type=\"application/ld+json\">{\"@type\":\"MedicalWebPage\",\"headline\":\"Hemorrojder - symtom, "
      "egenvard och behandling\"}</script></head><body><h1>Hemorrojder</h1></body>");
  EXPECT_EQ(agreed.title.value, "Hemorrojder");
  EXPECT_EQ(agreed.title.source, "<h1> and og:title over a different JSON-LD headline");

  // Nothing else names the page: its only <h1> shares "Chikungunya" with <title>.
  const PageMetadata shared = read(
      "<head><title>Larkfield Municipal Corporation :: Health Department :: Chikungunya Advisory</title></head>"
      "<body><h2>Larkfield Municipal Corporation</h2><h1>Chikungunya: Prevention and Control</h1></body>");
  EXPECT_EQ(shared.title.value, "Chikungunya: Prevention and Control");
  EXPECT_EQ(shared.title.source, "the only <h1>, sharing a word with <title>");

  // A Japanese <h1> that <title> opens with, before its section and site, beats og:title.
  const PageMetadata cjk = read(
      "<head><title>\u3042\u305b\u3082\u3000\u5BFE\u7B56\uFF5C\u75C5\u6C17\u306E\u8A71\uFF5C"
      "\u307F\u3069\u308A\u5C0F\u5150\u79D1\u30AF\u30EA\u30CB\u30C3\u30AF</title>"
      "<meta property=\"og:title\" content=\"\u3042\u305B\u3082\u306E\u539F\u56E0\u3068\u30B1\u30A2\">"
      "</head><body><h1>\u3042\u305b\u3082\u3000\u5BFE\u7B56</h1></body>");
  EXPECT_EQ(cjk.title.value, "\u3042\u305b\u3082 \u5BFE\u7B56");
  EXPECT_EQ(cjk.title.source, "<h1> matching <title>");
}

TEST(HtmlMetadata, AWikisShortDescriptionAndAPrintVersionsSectionAfterTheEntry) {
  // og:title with the site's name after it still agrees with the <h1>.
  const PageMetadata wiki = read(
      "<head><title>Rosacea - Healthwiki</title><meta property=\"og:title\" content=\"Rosacea - Healthwiki\">"
      "<script type=\"application/ld+json\">{\"@type\":\"Article\",\"headline\":\"long-term skin condition of "
      "the face\"}</script></head><body><h1>Rosacea</h1></body>");
  EXPECT_EQ(wiki.title.value, "Rosacea");
  // <title> opens with the entry, a section after it.
  const PageMetadata print = read(
      "<head><title>Gout - Print - Elm Hospitals</title><meta property=\"og:title\" content=\"Gout: symptoms, "
      "causes and treatment | Elm Hospitals\"><script type=\"application/ld+json\">{\"@type\":\"Article\","
      "\"headline\":\"Gout: symptoms, causes and treatment\"}</script></head><body><h1>Gout</h1></body>");
  EXPECT_EQ(print.title.value, "Gout");
}

TEST(HtmlMetadata, UnderscoresOrderHeadlineColumnAndSiteAndAnH1AddsAKicker) {
  // A Chinese government site's <title>: headline, column and site between underscores.
  EXPECT_EQ(clean_title("春季谨防霉变甘蔗中毒_健康提示_枫林市疾控中心", "", {}), "春季谨防霉变甘蔗中毒");
  // The <h1> says who warns, then the headline <title> carries: the <h1> is the title.
  const PageMetadata zh = read("<head><title>春季谨防霉变甘蔗中毒_健康提示_枫林市疾控中心</title></head>"
                               "<body><h1>市疾控中心提醒：春季谨防霉变甘蔗中毒</h1></body>");
  EXPECT_EQ(zh.title.value, "市疾控中心提醒：春季谨防霉变甘蔗中毒");
  const PageMetadata en = read("<head><title>Beware of mouldy sugar cane | City Health</title></head>"
                               "<body><h1>Health alert: Beware of mouldy sugar cane</h1></body>");
  EXPECT_EQ(en.title.value, "Health alert: Beware of mouldy sugar cane");
}

TEST(HtmlMetadata, TheOnlyH1OverAnOgTitleWordedOtherwiseButNotABlogsName) {
  const PageMetadata nl = read(
      "<head><title>Bedplassen bij kinderen: oorzaken en tips | Lindebloem</title><meta property=\"og:title\" "
      "content=\"Bedplassen? Tips en een tegemoetkoming voor de plaswekker\"></head><body><h1>Plast je kind nog in "
      "bed?</h1></body>");
  EXPECT_EQ(nl.title.value, "Plast je kind nog in bed?");
  // A blog's name in its only <h1>, which the site's name holds.
  const PageMetadata blog = read(
      "<head><title>Rinsing your nose the right way : Ieum Blog</title><meta property=\"og:title\" content=\"Rinsing "
      "your nose the right way\"><meta property=\"og:site_name\" content=\"Ieum Blog | A Pharmacist's Health "
      "Notes\"></head><body><h1>A Pharmacist's Health Notes</h1></body>");
  EXPECT_EQ(blog.title.value, "Rinsing your nose the right way");
}

TEST(HtmlMetadata, TheOnlyH1OpeningTitleBeatsAJsonLdHeadlineWordedOtherwise) {
  const PageMetadata m = read(
      "<head><title>Echocardiogram (Echo) | Tests &amp; Procedures | Larkfield Health</title>"
      "<script type=\"application/ld+json\">{\"@type\":\"MedicalWebPage\",\"headline\":\"Echocardiogram: Purpose, "
      "Types, Preparation and Results\"}</script></head><body><h1>Echocardiogram (Echo)</h1></body>");
  EXPECT_EQ(m.title.value, "Echocardiogram (Echo)");
  EXPECT_EQ(m.title.source, "the only <h1>, opening <title>, over a different JSON-LD headline");
  // A section's name in the <h1> that <title> opens with leaves the headline alone.
  const PageMetadata section = read(
      "<head><title>News | Larkfield Health</title><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
      "\"headline\":\"New heart unit opens at Larkfield\"}</script></head><body><h1>News</h1></body>");
  EXPECT_EQ(section.title.value, "New heart unit opens at Larkfield");
}

TEST(HtmlMetadata, ATitleClassedH1BeatsAnOgTitleWordedOtherwiseButNotABlogsName) {
  const PageMetadata m = read(
      "<head><title>Revenge bedtime procrastination: why it happens and how to stop \u2014 Hushwell</title>"
      "<meta property=\"og:title\" content=\"Revenge bedtime procrastination: why it happens and how to stop\">"
      "</head><body><h1 class=\"PlasmicArticle__title\">Why do I stay up late when I'm exhausted?</h1></body>");
  EXPECT_EQ(m.title.value, "Why do I stay up late when I'm exhausted?");
  EXPECT_EQ(m.title.source, "title-classed <h1> over a different og:title");
  // A blog's name in a title-classed <h1>, which <title> holds beside the post's.
  const PageMetadata blog = read(
      "<head><title>Crumbs and Kettles: Reviving a neglected sourdough starter</title><meta property=\"og:title\" "
      "content=\"Reviving a neglected sourdough starter\"></head><body><h1 class=\"title\">Crumbs and Kettles</h1>"
      "</body>");
  EXPECT_EQ(blog.title.value, "Reviving a neglected sourdough starter");
}

TEST(HtmlMetadata, TheOnlyH1WinsOverATitleNamingOnlyASection) {
  const PageMetadata m = read(
      "<head><title>Health Library | Riverbend Health System</title></head><body><p>Health Library</p>"
      "<h1 class=\"kw-title\">Lipomas: Soft Lumps of Fat Under the Skin</h1><p>x</p></body>");
  EXPECT_EQ(m.title.value, "Lipomas: Soft Lumps of Fat Under the Skin");
  EXPECT_EQ(m.title.source, "the only <h1> under a section's <title>");
}

}  // namespace
}  // namespace readaloud::html
