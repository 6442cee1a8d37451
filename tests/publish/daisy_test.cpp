// The DAISY 2.02 writer and the book model it is written from: metadata
// counts, references that resolve, timing sums, warnings in the text, and
// hostile text that comes back as text.

#include <gtest/gtest.h>

#include <map>
#include <pugixml.hpp>
#include <set>

#include "publish/book.hpp"
#include "publish/daisy.hpp"
#include "util/markup.hpp"

namespace readaloud {
namespace {

// A script and the timeline it was spoken as: 3 chapters (levels 1, 2, 4),
// a list announcement, and a warning run with its spoken label.
Script sample_script(const std::string& title = "Cold water & <you>") {
  Script s;
  s.title = title;
  s.language = "en";
  s.voice = "en-us";
  s.author = "Health Desk";
  s.published = "2024-03-14";
  s.chapters.push_back({title, 1, false,
                        {{Role::Heading, title}, {Role::Narration, "First sentence. Second one here."}}});
  s.chapters.push_back({"Risks", 2, false,
                        {{Role::Heading, "Risks"},
                         {Role::Announcement, "List of 2 items."},
                         {Role::Narration, "Item one."},
                         {Role::Announcement, "Warning.", 0, 0, true},
                         {Role::Warning, "Do not swim alone."}}});
  s.chapters.push_back({"Deep", 4, false, {{Role::Heading, "Deep"}, {Role::Narration, "The end."}}});
  return s;
}

Timeline sample_timeline(const Script& s) {
  // 1000 samples per second; every sentence a second long, chapters back to back.
  Timeline t;
  t.sample_rate = 1000;
  long long at = 0;
  auto cue = [&](const std::string& text) {
    t.cues.push_back(Cue{at, at + 1000, text});
    at += 1000;
  };
  auto chapter = [&](std::size_t i) { t.chapters.push_back(TimedChapter{s.chapters[i].title, s.chapters[i].level, false, at, 0}); };
  chapter(0);
  cue(s.title);
  cue("First sentence.");
  cue("Second one here.");
  chapter(1);
  cue("Risks");
  cue("List of 2 items.");
  cue("Item one.");
  cue("Warning.");
  cue("Do not swim alone.");
  chapter(2);
  cue("Deep");
  cue("The end.");
  t.total_samples = at;
  for (std::size_t i = 0; i < t.chapters.size(); ++i)
    t.chapters[i].end_sample = i + 1 < t.chapters.size() ? t.chapters[i + 1].start_sample : at;
  return t;
}

Book sample_book(const std::string& title = "Cold water & <you>") {
  const Script s = sample_script(title);
  BookInfo info;
  info.narrator = "eSpeak NG en-us";
  return make_book(s, sample_timeline(s), info);
}

pugi::xml_document parse(const std::string& text) {
  pugi::xml_document doc;
  const auto result = doc.load_string(text.c_str(), pugi::parse_default | pugi::parse_doctype);
  EXPECT_TRUE(result) << result.description() << "\n" << text;
  return doc;
}

std::map<std::string, std::vector<std::string>> metadata(const pugi::xml_document& doc) {
  std::map<std::string, std::vector<std::string>> out;
  for (auto m : doc.child("html").child("head").children("meta"))
    if (m.attribute("name")) out[m.attribute("name").value()].push_back(m.attribute("content").value());
  return out;
}

TEST(MakeBook, CuesGoToTheirChaptersAndSegments) {
  const Book book = sample_book();
  ASSERT_EQ(book.sections.size(), 3u);
  const auto& risks = book.sections[1];
  ASSERT_EQ(risks.blocks.size(), 5u);
  EXPECT_EQ(risks.blocks[0].kind, BookBlockKind::Heading);
  EXPECT_EQ(risks.blocks[1].kind, BookBlockKind::Announcement);
  EXPECT_EQ(risks.blocks[2].kind, BookBlockKind::Text);
  EXPECT_EQ(risks.blocks[3].kind, BookBlockKind::WarningLabel);
  EXPECT_EQ(risks.blocks[4].kind, BookBlockKind::Warning);
  // Two sentences of one segment stay one block.
  ASSERT_EQ(book.sections[0].blocks.size(), 2u);
  EXPECT_EQ(book.sections[0].blocks[1].sentences.size(), 2u);
  // Clips are relative to the section's own file.
  EXPECT_DOUBLE_EQ(risks.blocks[0].sentences[0].clip_begin_s, 0.0);
  EXPECT_DOUBLE_EQ(risks.blocks[4].sentences[0].clip_end_s, 5.0);
  EXPECT_DOUBLE_EQ(risks.duration_s, 5.0);
  EXPECT_DOUBLE_EQ(book.duration_s(), 10.0);
  EXPECT_EQ(book.date, "2024-03-14");
  EXPECT_EQ(book.modified, "2024-03-14T00:00:00Z");
}

TEST(MakeBook, LevelsNeverSkipAndIdsAreUnique) {
  const Book book = sample_book();
  EXPECT_EQ(book.sections[2].level, 3);  // 4 after 2 becomes 3
  std::set<std::string> ids;
  for (const auto& s : book.sections)
    for (const auto& b : s.blocks)
      for (const auto& t : b.sentences) EXPECT_TRUE(ids.insert(t.id).second) << t.id;
}

TEST(MakeBook, IdentifierIsStableAndFollowsTheOptions) {
  const Script s = sample_script();
  EXPECT_EQ(book_identifier(s, "epub"), book_identifier(s, "epub"));
  EXPECT_NE(book_identifier(s, "epub"), book_identifier(s, "daisy"));
  EXPECT_EQ(book_identifier(s, "epub").rfind("urn:uuid:", 0), 0u);
  EXPECT_EQ(book_identifier(s, "epub")[9 + 14], '5');  // version 5
  // Pinned: a book keeps its identifier across versions of readaloud.
  EXPECT_EQ(book_identifier(s, "epub"), "urn:uuid:26c00e12-5b78-5fd9-a871-93263f1148e5");
  BookInfo info;
  info.identifier = "isbn:978-0-00-000000-0";
  EXPECT_EQ(make_book(s, sample_timeline(s), info).identifier, "isbn:978-0-00-000000-0");
}

TEST(MakeBook, ClockFormats) {
  EXPECT_EQ(hms_rounded(3725.4), "1:02:05");
  EXPECT_EQ(hms_rounded(59.5), "0:01:00");
  EXPECT_EQ(clock_value(83.4567), "0:01:23.457");
  EXPECT_EQ(seconds3(1.5), "1.500");
  EXPECT_EQ(section_stem(0), "s001");
  EXPECT_EQ(section_audio(11), "s012.mp3");
}

TEST(Daisy, NccHasEveryRequiredMetadataItemOnce) {
  const Book book = sample_book();
  const auto doc = parse(daisy_ncc(book));
  const auto meta = metadata(doc);
  for (const char* once : {"dc:title", "dc:identifier", "dc:format", "dc:date", "dc:publisher", "dc:language",
                           "dc:creator", "ncc:charset", "ncc:pageFront", "ncc:pageNormal", "ncc:pageSpecial",
                           "ncc:tocItems", "ncc:totalTime", "ncc:multimediaType", "ncc:generator", "ncc:narrator",
                           "ncc:depth", "ncc:files", "ncc:maxPageNormal", "ncc:setInfo"}) {
    ASSERT_EQ(meta.count(once), 1u) << once;
    EXPECT_EQ(meta.at(once).size(), 1u) << once;
  }
  EXPECT_EQ(meta.at("dc:format")[0], "Daisy 2.02");
  EXPECT_EQ(meta.at("ncc:multimediaType")[0], "audioFullText");
  EXPECT_EQ(meta.at("ncc:totalTime")[0], "0:00:10");
  EXPECT_EQ(meta.at("ncc:pageNormal")[0], "0");
  EXPECT_EQ(meta.at("ncc:depth")[0], "3");
  EXPECT_EQ(meta.at("ncc:files")[0], "8");  // ncc, content, 3 SMIL, 3 MP3
  EXPECT_EQ(meta.at("ncc:narrator")[0], "eSpeak NG en-us");
}

TEST(Daisy, NccEntriesAreTheSectionsAndResolveToPars) {
  const Book book = sample_book();
  const auto files = daisy_files(book);
  std::map<std::string, pugi::xml_document> smil;
  for (const auto& f : files) {
    if (f.name.ends_with(".smil")) {
      EXPECT_TRUE(smil[f.name].load_string(f.content.c_str()));
    }
  }
  const auto ncc = parse(files[0].content);
  std::vector<std::pair<std::string, std::string>> entries;  // tag, text
  for (auto e : ncc.child("html").child("body").children()) {
    entries.emplace_back(e.name(), e.child("a").text().get());
    const std::string href = e.child("a").attribute("href").value();
    const auto hash = href.find('#');
    ASSERT_NE(hash, std::string::npos) << href;
    ASSERT_TRUE(smil.count(href.substr(0, hash))) << href;
    const auto par = smil[href.substr(0, hash)].find_node([&](pugi::xml_node n) {
      return std::string(n.name()) == "par" && n.attribute("id").value() == href.substr(hash + 1);
    });
    EXPECT_TRUE(par) << href;
  }
  const std::vector<std::pair<std::string, std::string>> want = {
      {"h1", "Cold water & <you>"}, {"h2", "Risks"}, {"h3", "Deep"}};
  EXPECT_EQ(entries, want);
  EXPECT_STREQ(ncc.child("html").child("body").first_child().attribute("class").value(), "title");
  EXPECT_EQ(metadata(ncc).at("ncc:tocItems")[0], std::to_string(entries.size()));
}

TEST(Daisy, TitleEntryOfItsOwnWhenTheBookOpensBelowLevelOne) {
  Book book = sample_book();
  book.sections[0].level = 2;  // as a hand-made book could be
  const auto ncc = parse(daisy_ncc(book));
  auto first = ncc.child("html").child("body").first_child();
  EXPECT_STREQ(first.name(), "h1");
  EXPECT_STREQ(first.attribute("class").value(), "title");
  EXPECT_EQ(metadata(ncc).at("ncc:tocItems")[0], "4");
}

TEST(Daisy, SmilParsCoverEverySentenceWithCorrectTimes) {
  const Book book = sample_book();
  const auto files = daisy_files(book);
  const auto content = parse(files[1].content);
  std::set<std::string> ids;
  for (auto n : content.select_nodes("//*[@id]")) ids.insert(n.node().attribute("id").value());
  double elapsed = 0, total = 0;
  std::size_t pars = 0;
  for (std::size_t i = 0; i < book.sections.size(); ++i) {
    const auto smil = parse(files[2 + i].content);
    std::map<std::string, std::string> meta;
    for (auto m : smil.child("smil").child("head").children("meta"))
      meta[m.attribute("name").value()] = m.attribute("content").value();
    EXPECT_EQ(meta["dc:format"], "Daisy 2.02");
    EXPECT_EQ(meta["ncc:totalElapsedTime"], hms_rounded(elapsed));
    EXPECT_EQ(meta["ncc:timeInThisSmil"], hms_rounded(book.sections[i].duration_s));
    auto seq = smil.child("smil").child("body").child("seq");
    EXPECT_EQ(std::string(seq.attribute("dur").value()), seconds3(book.sections[i].duration_s) + "s");
    double last_end = 0;
    for (auto par : seq.children("par")) {
      ++pars;
      const std::string src = par.child("text").attribute("src").value();
      ASSERT_EQ(src.rfind("content.html#", 0), 0u) << src;
      EXPECT_TRUE(ids.count(src.substr(13))) << src;
      auto audio = par.child("audio");
      EXPECT_EQ(std::string(audio.attribute("src").value()), section_audio(i));
      const double begin = std::stod(std::string(audio.attribute("clip-begin").value()).substr(4));
      const double end = std::stod(std::string(audio.attribute("clip-end").value()).substr(4));
      EXPECT_GE(begin, last_end - 1e-9);
      EXPECT_GT(end, begin);
      last_end = end;
      total += end - begin;
    }
    EXPECT_NEAR(last_end, book.sections[i].duration_s, 1e-3);
    elapsed += book.sections[i].duration_s;
  }
  EXPECT_EQ(pars, 10u);
  EXPECT_NEAR(total, book.duration_s(), 1e-3);
}

TEST(Daisy, WarningsAreMarkedAndLabelledInTheText) {
  const auto content = parse(daisy_content(sample_book()));
  const auto warning = content.select_node("//div[@class='warning']").node();
  ASSERT_TRUE(warning);
  EXPECT_STREQ(warning.select_node(".//*[@class='warning-label']").node().child("strong").child("span").text().get(),
               "Warning.");
  EXPECT_STREQ(warning.select_node(".//p[not(@class)]/span").node().text().get(), "Do not swim alone.");
  // Only the warning run is inside: the list item before it is not.
  EXPECT_FALSE(warning.find_node([](pugi::xml_node n) { return std::string(n.text().get()) == "Item one."; }));
}

TEST(Daisy, HostileTextStaysText) {
  const std::string hostile = "A\x01<script>alert(1)</script>\xE2\x80\xAE]]>\"'&amp; -->";
  const Book book = sample_book(hostile);
  const std::string clean = clean_label(hostile);
  for (const auto& f : daisy_files(book)) {
    const auto doc = parse(f.content);
    EXPECT_FALSE(doc.find_node([](pugi::xml_node n) { return std::string(n.name()) == "script"; })) << f.name;
  }
  const auto ncc = parse(daisy_ncc(book));
  EXPECT_EQ(metadata(ncc).at("dc:title")[0], clean);
  EXPECT_EQ(std::string(ncc.child("html").child("head").child("title").text().get()), clean);
  EXPECT_EQ(std::string(ncc.child("html").child("body").first_child().child("a").text().get()), clean);
  EXPECT_EQ(clean.find('\x01'), std::string::npos);
  EXPECT_EQ(clean.find("\xE2\x80\xAE"), std::string::npos);
}

}  // namespace
}  // namespace readaloud
