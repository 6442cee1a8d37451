// The EPUB 3 writer: package metadata (overlay durations that add up,
// accessibility), a navigation document nested by level, warnings as
// doc-notice, overlays that cover every sentence, and the zip container
// read back with libzip.

#include <gtest/gtest.h>
#include <zip.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <pugixml.hpp>
#include <set>

#include "publish/book.hpp"
#include "publish/epub.hpp"
#include "util/markup.hpp"

namespace readaloud {
namespace {

namespace fs = std::filesystem;

Book sample_book(const std::string& title = "Cold water & <you>") {
  Book b;
  b.title = title;
  b.language = "es";
  b.identifier = "urn:uuid:00000000-0000-5000-8000-000000000000";
  b.creator = "Health Desk";
  b.publisher = "Health Desk";
  b.date = "2024-03-14";
  b.modified = "2024-03-14T00:00:00Z";
  b.narrator = "eSpeak NG es";
  b.warning_label = "Advertencia";
  auto sentence = [](std::string id, std::string text, double a, double z) { return BookSentence{id, text, a, z}; };
  b.sections.push_back({title, 1, false, 2.5,
                        {{BookBlockKind::Heading, {sentence("t1_1", title, 0, 1)}},
                         {BookBlockKind::Text, {sentence("t1_2", "Uno.", 1, 1.7), sentence("t1_3", "Dos.", 1.7, 2.5)}}}});
  b.sections.push_back({"Riesgos", 2, false, 3.25,
                        {{BookBlockKind::Heading, {sentence("t2_1", "Riesgos", 0, 1)}},
                         {BookBlockKind::Warning, {sentence("t2_2", "No nade solo.", 1, 3.25)}}}});
  b.sections.push_back({"Fondo", 3, false, 1.0, {{BookBlockKind::Heading, {sentence("t3_1", "Fondo", 0, 1)}}}});
  b.sections.push_back({"Fin", 1, true, 1.5,
                        {{BookBlockKind::Heading, {sentence("t4_1", "Fin", 0, 0.5)}},
                         {BookBlockKind::Text, {sentence("t4_2", "Cuidado.", 0.5, 1.5)}}}});
  return b;
}

pugi::xml_document parse(const std::string& text) {
  pugi::xml_document doc;
  const auto result = doc.load_string(text.c_str());
  EXPECT_TRUE(result) << result.description() << "\n" << text;
  return doc;
}

double clock_seconds(const std::string& v) {  // "H:MM:SS.mmm"
  const auto a = v.find(':'), b = v.find(':', a + 1);
  return std::stod(v.substr(0, a)) * 3600 + std::stod(v.substr(a + 1, b - a - 1)) * 60 + std::stod(v.substr(b + 1));
}

TEST(Epub, PackageDurationsAddUpAndEveryChapterHasItsOverlay) {
  const Book book = sample_book();
  const auto doc = parse(epub_package(book));
  auto package = doc.child("package");
  EXPECT_STREQ(package.attribute("version").value(), "3.0");
  double sum = 0, total = -1;
  std::multimap<std::string, std::string> meta;
  for (auto m : package.child("metadata").children("meta")) {
    const std::string property = m.attribute("property").value();
    meta.emplace(property, m.text().get());
    if (property == "media:duration") {
      if (m.attribute("refines")) sum += clock_seconds(m.text().get());
      else total = clock_seconds(m.text().get());
    }
  }
  EXPECT_NEAR(sum, 8.25, 1e-3);
  EXPECT_NEAR(total, sum, 1e-3);
  EXPECT_EQ(meta.count("media:duration"), 5u);
  EXPECT_EQ(meta.find("media:active-class")->second, "-epub-media-overlay-active");
  EXPECT_EQ(meta.find("media:narrator")->second, "eSpeak NG es");
  EXPECT_EQ(meta.find("dcterms:modified")->second, "2024-03-14T00:00:00Z");
  EXPECT_EQ(meta.count("schema:accessMode"), 2u);
  EXPECT_EQ(meta.count("schema:accessModeSufficient"), 3u);
  std::set<std::string> features;
  for (auto [it, end] = meta.equal_range("schema:accessibilityFeature"); it != end; ++it) features.insert(it->second);
  EXPECT_EQ(features, (std::set<std::string>{"synchronizedAudioText", "structuralNavigation", "tableOfContents",
                                              "readingOrder"}));
  EXPECT_EQ(meta.find("schema:accessibilityHazard")->second, "none");
  EXPECT_EQ(meta.count("schema:accessibilitySummary"), 1u);
  EXPECT_EQ(meta.find("dcterms:conformsTo")->second, "EPUB Accessibility 1.1 - WCAG 2.1 Level AA");

  std::map<std::string, pugi::xml_node> items;
  for (auto item : package.child("manifest").children("item")) items[item.attribute("id").value()] = item;
  std::size_t spine = 0;
  for (auto ref : package.child("spine").children("itemref")) {
    if (std::string(ref.attribute("idref").value()) == "nav") {
      EXPECT_STREQ(ref.attribute("linear").value(), "no");
      continue;
    }
    auto item = items.at(ref.attribute("idref").value());
    ASSERT_TRUE(item.attribute("media-overlay")) << item.attribute("href").value();
    auto overlay = items.at(item.attribute("media-overlay").value());
    EXPECT_STREQ(overlay.attribute("media-type").value(), "application/smil+xml");
    ++spine;
  }
  EXPECT_EQ(spine, 4u);
}

TEST(Epub, NavNestsByLevelAndHasLandmarks) {
  const auto doc = parse(epub_nav(sample_book()));
  auto toc = doc.select_node("//nav[@id='toc']").node();
  ASSERT_TRUE(toc);
  EXPECT_STREQ(toc.attribute("epub:type").value(), "toc");
  // ol > li(Cold) > ol > li(Riesgos) > ol > li(Fondo); then li(Fin) at the top.
  auto top = toc.child("ol");
  std::vector<std::string> top_titles;
  for (auto li : top.children("li")) top_titles.push_back(li.child("a").text().get());
  EXPECT_EQ(top_titles, (std::vector<std::string>{"Cold water & <you>", "Fin"}));
  auto riesgos = top.child("li").child("ol").child("li");
  EXPECT_STREQ(riesgos.child("a").text().get(), "Riesgos");
  EXPECT_STREQ(riesgos.child("ol").child("li").child("a").attribute("href").value(), "s003.xhtml");
  auto landmarks = doc.select_node("//nav[@epub:type='landmarks']").node();
  ASSERT_TRUE(landmarks);
  EXPECT_TRUE(landmarks.select_node(".//a[@epub:type='bodymatter']"));
}

TEST(Epub, WarningsAreDocNoticesWithAVisibleLabel) {
  const Book book = sample_book();
  const auto risks = parse(epub_chapter(book, 1));
  auto notice = risks.select_node("//*[@role='doc-notice']").node();
  ASSERT_TRUE(notice);
  EXPECT_STREQ(notice.select_node(".//*[@class='warning-label']").node().child("strong").text().get(), "Advertencia");
  EXPECT_TRUE(notice.select_node(".//span[@id='t2_2']"));
  // A warning section: everything after its heading is in the notice.
  const auto end = parse(epub_chapter(book, 3));
  EXPECT_TRUE(end.select_node("//*[@role='doc-notice']//span[@id='t4_2']"));
  EXPECT_FALSE(end.select_node("//*[@role='doc-notice']//h1"));
  EXPECT_STREQ(end.child("html").attribute("xml:lang").value(), "es");
}

TEST(Epub, OverlayParsCoverEverySentence) {
  const Book book = sample_book();
  for (std::size_t i = 0; i < book.sections.size(); ++i) {
    const auto chapter = parse(epub_chapter(book, i));
    const auto overlay = parse(epub_overlay(book, i));
    std::set<std::string> ids, referenced;
    for (auto n : chapter.select_nodes("//*[@id]")) ids.insert(n.node().attribute("id").value());
    double last = 0;
    for (auto par : overlay.select_nodes("//par")) {
      const std::string src = par.node().child("text").attribute("src").value();
      ASSERT_EQ(src.rfind(section_stem(i) + ".xhtml#", 0), 0u) << src;
      referenced.insert(src.substr(src.find('#') + 1));
      auto audio = par.node().child("audio");
      EXPECT_EQ(std::string(audio.attribute("src").value()), section_audio(i));
      const double begin = std::stod(audio.attribute("clipBegin").value());
      const double end = std::stod(audio.attribute("clipEnd").value());
      EXPECT_GE(begin, last - 1e-9);
      EXPECT_GT(end, begin);
      last = end;
    }
    std::set<std::string> sentences;
    for (const auto& block : book.sections[i].blocks)
      for (const auto& s : block.sentences) sentences.insert(s.id);
    EXPECT_EQ(referenced, sentences);
    for (const auto& id : referenced) EXPECT_TRUE(ids.count(id)) << id;
  }
}

TEST(Epub, HostileTitleStaysText) {
  const std::string hostile = clean_label("<script>x</script>]]>\"' & -->");
  const Book book = sample_book(hostile);
  for (const auto& f : epub_files(book)) {
    if (!f.name.ends_with(".css")) {
      const auto doc = parse(f.content);
      EXPECT_FALSE(doc.select_node("//script")) << f.name;
    }
  }
  const auto package = parse(epub_package(book));
  EXPECT_EQ(std::string(package.child("package").child("metadata").child("dc:title").text().get()), hostile);
}

TEST(Epub, ContainerHasMimetypeFirstAndStored) {
  const fs::path dir = fs::temp_directory_path() / ("readaloud-epub-test-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const Book book = sample_book();
  std::vector<fs::path> audio;
  for (std::size_t i = 0; i < book.sections.size(); ++i) {
    audio.push_back(dir / ("a" + std::to_string(i)));
    std::ofstream(audio.back()) << "audio " << i;
  }
  const auto files = epub_files(book);
  write_epub(dir / "book.epub", files, audio, book.modified);

  int error = 0;
  zip_t* z = zip_open((dir / "book.epub").c_str(), ZIP_RDONLY, &error);
  ASSERT_NE(z, nullptr);
  zip_stat_t st;
  ASSERT_EQ(zip_stat_index(z, 0, 0, &st), 0);
  EXPECT_STREQ(st.name, "mimetype");
  EXPECT_EQ(st.comp_method, ZIP_CM_STORE);
  EXPECT_EQ(st.size, 20u);
  EXPECT_EQ(zip_get_num_entries(z, 0), static_cast<zip_int64_t>(1 + files.size() + audio.size()));
  for (const auto& f : files) EXPECT_GE(zip_name_locate(z, f.name.c_str(), 0), 0) << f.name;
  ASSERT_EQ(zip_stat(z, "EPUB/s004.mp3", 0, &st), 0);
  EXPECT_EQ(st.comp_method, ZIP_CM_STORE);
  EXPECT_EQ(st.size, 7u);
  zip_close(z);
  // The first local header: "mimetype" at offset 30, its content right after, no extra field.
  std::ifstream in(dir / "book.epub", std::ios::binary);
  std::string head(58, '\0');
  in.read(head.data(), 58);
  EXPECT_EQ(head.substr(30, 28), "mimetypeapplication/epub+zip");
  fs::remove_all(dir);
}

}  // namespace
}  // namespace readaloud
