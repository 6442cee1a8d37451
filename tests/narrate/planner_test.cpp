#include "narrate/planner.hpp"

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

namespace readaloud {
namespace {

// Every pause in the test profile is distinct, so the expected scripts show
// exactly which rule chose each pause.
VoiceProfile test_profile() {
  VoiceProfile p;
  p.name = "test";
  p.language = "en";
  p.narration.pause_before_ms = 10;
  p.narration.pause_after_ms = 201;
  p.heading.pause_before_ms = 11;
  p.heading.pause_after_ms = 202;
  p.announcement.pause_before_ms = 12;
  p.announcement.pause_after_ms = 203;
  p.warning.pause_before_ms = 13;
  p.warning.pause_after_ms = 204;  // overridden by pause_after_warning_ms
  p.pause_before_heading_ms = 901;
  p.pause_between_paragraphs_ms = 451;
  p.pause_after_warning_ms = 701;
  return p;
}

// Segment builders with the test profile's role pauses; `after` overrides
// the pause after where a rule changes it.
Segment heading(std::string text, int before, int after = 202) { return {Role::Heading, std::move(text), before, after, false}; }
Segment narration(std::string text, int after = 201) { return {Role::Narration, std::move(text), 10, after, false}; }
Segment announcement(std::string text, int after = 203) { return {Role::Announcement, std::move(text), 12, after, false}; }
Segment warning_announcement() { return {Role::Announcement, "Warning.", 12, 203, true}; }
Segment warning(std::string text, int after = 701) { return {Role::Warning, std::move(text), 13, after, false}; }

std::string dump(const Script& s) {
  std::ostringstream out;
  out << "script title=\"" << s.title << "\" language=" << s.language << " author=\"" << s.author
      << "\" published=\"" << s.published << "\"\n";
  for (const Chapter& c : s.chapters) {
    out << "chapter \"" << c.title << "\" level=" << c.level << (c.warning ? " WARNING" : "") << "\n";
    for (const Segment& g : c.segments)
      out << "  " << (g.earcon_before ? "(earcon) " : "") << to_string(g.role) << " [" << g.pause_before_ms << "/"
          << g.pause_after_ms << "] \"" << g.text << "\"\n";
  }
  return out.str();
}

void expect_script(const Script& actual, const Script& expected) {
  EXPECT_EQ(dump(actual), dump(expected));  // readable diff
  EXPECT_TRUE(actual == expected);
}

/// Flags `sentence` (found in the paragraph's plain text) as a warning.
void flag(Block& block, std::string_view sentence) {
  const std::string text = plain_text(block.text);
  const std::size_t at = text.find(sentence);
  ASSERT_NE(at, std::string::npos) << sentence;
  block.sentence_warnings.push_back({at, at + sentence.size(), "cue: test"});
}

Block paragraph(std::string text) {
  Block b;
  b.kind = BlockKind::Paragraph;
  b.text = make_text(std::move(text));
  return b;
}

Block list(std::vector<std::string> items, bool ordered = false) {
  Block b;
  b.kind = BlockKind::List;
  b.ordered = ordered;
  for (auto& t : items) b.items.push_back({make_text(std::move(t)), 0, std::nullopt});
  return b;
}

Block callout(CalloutKind kind, std::string text) {
  Block b;
  b.kind = BlockKind::Callout;
  b.callout = kind;
  b.text = make_text(std::move(text));
  if (kind == CalloutKind::Warning) b.warning = "callout: Warning";
  return b;
}

Section section(std::string title, int level, std::vector<Block> blocks) {
  Section s;
  s.title = std::move(title);
  s.level = level;
  s.blocks = std::move(blocks);
  return s;
}

// An original fixture in the shape of a scraped health article: untitled
// intro, a section with a mid-paragraph warning, an image and a note, and a
// risk section with a warned list and a warning callout.
Article ankle_article() {
  Article a;
  a.title = "Caring for a sprained ankle";
  a.author = "Test Writer";
  a.published = "2024-05-01";

  Block care = paragraph(
      "Rest the ankle and keep it raised. Do not walk on an ankle that cannot bear any weight. Ice helps with "
      "swelling.");
  flag(care, "Do not walk on an ankle that cannot bear any weight.");
  Block image;
  image.kind = BlockKind::Image;
  image.text = make_text("A wrapped ankle on a pillow");
  image.caption = make_text("Raising the ankle reduces swelling.");

  Block risks = list({"Wrapping too tightly can cut off blood flow.", "Heat in the first days can add swelling."});
  risks.warning = "section: Risks";
  for (auto& item : risks.items) item.warning = "section: Risks";

  a.sections.push_back(section("", 1, {paragraph("A sprain is a stretched or torn ligament. Most heal with rest.")}));
  a.sections.push_back(
      section("Home care", 2, {care, image, callout(CalloutKind::Note, "Gentle movement helps recovery.")}));
  Section risk = section("Risks", 2, {risks, callout(CalloutKind::Warning, "Seek care if the foot turns cold.")});
  risk.warning = "section: Risks";
  a.sections.push_back(risk);
  return a;
}

Script script_header() {
  Script s;
  s.title = "Caring for a sprained ankle";
  s.language = "en";
  s.author = "Test Writer";
  s.published = "2024-05-01";
  return s;
}

Script plan(const Article& a, Verbosity v, bool describe_images = false, const VoiceProfile& p = test_profile()) {
  const Normalizer normalizer("en");
  return plan_narration(a, p, NarrationOptions{v, describe_images}, normalizer);
}

TEST(Planner, NormalVerbosity) {
  Script expected = script_header();
  expected.chapters = {
      {"Caring for a sprained ankle", 1, false,
       {heading("Caring for a sprained ankle", 11),
        narration("A sprain is a stretched or torn ligament. Most heal with rest.", 451)}},
      {"Home care", 2, false,
       {heading("Home care", 901), narration("Rest the ankle and keep it raised."), warning_announcement(),
        warning("Do not walk on an ankle that cannot bear any weight."), narration("Ice helps with swelling.", 451),
        announcement("Note."), narration("Gentle movement helps recovery.", 451)}},
      {"Risks", 2, true,
       {heading("Risks", 901), warning_announcement(), announcement("List of 2 items."),
        warning("Wrapping too tightly can cut off blood flow."), warning("Heat in the first days can add swelling."),
        warning_announcement(), warning("Seek care if the foot turns cold.")}},
  };
  expect_script(plan(ankle_article(), Verbosity::Normal), expected);
}

TEST(Planner, MinimalVerbosityKeepsOnlyHeadingsAndWarnings) {
  Script expected = script_header();
  expected.chapters = {
      {"Caring for a sprained ankle", 1, false,
       {heading("Caring for a sprained ankle", 11),
        narration("A sprain is a stretched or torn ligament. Most heal with rest.", 451)}},
      {"Home care", 2, false,
       {heading("Home care", 901), narration("Rest the ankle and keep it raised."), warning_announcement(),
        warning("Do not walk on an ankle that cannot bear any weight."), narration("Ice helps with swelling.", 451),
        narration("Gentle movement helps recovery.", 451)}},
      {"Risks", 2, true,
       {heading("Risks", 901), warning_announcement(), warning("Wrapping too tightly can cut off blood flow."),
        warning("Heat in the first days can add swelling."), warning_announcement(),
        warning("Seek care if the foot turns cold.")}},
  };
  expect_script(plan(ankle_article(), Verbosity::Minimal), expected);
}

TEST(Planner, FullVerbosityAnnouncesStructure) {
  Script expected = script_header();
  expected.chapters = {
      {"Caring for a sprained ankle", 1, false,
       {heading("Section 1 of 3: Caring for a sprained ankle.", 11),
        narration("A sprain is a stretched or torn ligament. Most heal with rest.", 451)}},
      {"Home care", 2, false,
       {heading("Section 2 of 3: Home care.", 901), narration("Rest the ankle and keep it raised."),
        warning_announcement(), warning("Do not walk on an ankle that cannot bear any weight."),
        narration("Ice helps with swelling.", 451), announcement("Note."),
        narration("Gentle movement helps recovery.", 451)}},
      {"Risks", 2, true,
       {heading("Section 3 of 3: Risks.", 901), warning_announcement(), announcement("List of 2 items."),
        announcement("Item 1."), warning("Wrapping too tightly can cut off blood flow."), announcement("Item 2."),
        warning("Heat in the first days can add swelling."), announcement("End of list.", 451),
        warning_announcement(), warning("Seek care if the foot turns cold.")}},
  };
  expect_script(plan(ankle_article(), Verbosity::Full), expected);
}

TEST(Planner, DescribeImagesSpeaksAltThenCaption) {
  for (Verbosity v : {Verbosity::Minimal, Verbosity::Normal, Verbosity::Full}) {
    SCOPED_TRACE(to_string(v));
    const Script without = plan(ankle_article(), v, false);
    Script expected = without;
    auto& segs = expected.chapters[1].segments;
    // The image sits after the paragraph that ends with "Ice helps with swelling."
    ASSERT_EQ(segs[4].text, "Ice helps with swelling.");
    const auto at = segs.begin() + 5;
    segs.insert(at, {announcement("Image: A wrapped ankle on a pillow."),
                     narration("Raising the ankle reduces swelling.", 451)});
    expect_script(plan(ankle_article(), v, true), expected);
  }
}

TEST(Planner, ConsecutiveWarningSentencesShareOneAnnouncement) {
  Article a;
  Block b = paragraph("Stop at once. Call a doctor. Then rest. Never share the pills.");
  flag(b, "Stop at once.");
  flag(b, "Call a doctor.");
  flag(b, "Never share the pills.");
  a.sections.push_back(section("Safety", 1, {b}));
  const Script s = plan(a, Verbosity::Minimal);
  ASSERT_EQ(s.chapters.size(), 1u);
  EXPECT_EQ(s.chapters[0].title, "Safety");
  const std::vector<Segment> expected = {heading("Safety", 11),       warning_announcement(),
                                         warning("Stop at once."),    warning("Call a doctor."),
                                         narration("Then rest."),     warning_announcement(),
                                         warning("Never share the pills.")};
  EXPECT_EQ(s.chapters[0].segments, expected);
}

TEST(Planner, ListWarningRunsGetOneAnnouncementEach) {
  Article a;
  Block l = list({"Drink water.", "Do not drive.", "Do not drink alcohol.", "Sleep well.", "Stop if dizzy."});
  for (int i : {1, 2, 4}) l.items[i].warning = "cue: test";
  a.sections.push_back(section("Tips", 1, {l}));
  const std::vector<Segment> expected = {
      heading("Tips", 11),      announcement("List of 5 items."), narration("Drink water."),
      warning_announcement(),   warning("Do not drive."),         warning("Do not drink alcohol."),
      narration("Sleep well."), warning_announcement(),           warning("Stop if dizzy.")};
  EXPECT_EQ(plan(a, Verbosity::Normal).chapters[0].segments, expected);
}

TEST(Planner, OrderedListsNumberItemsFromTheirStartOnlyInFull) {
  Article a;
  Block l = list({"Wash your hands.", "Fill the bottle."}, true);
  l.start = 3;
  Block one = list({"Breathe out."});
  a.sections.push_back(section("Steps", 1, {l, one}));
  std::vector<Segment> expected = {heading("Steps", 11),          announcement("List of 2 items."),
                                   narration("Wash your hands."), narration("Fill the bottle.", 451),
                                   announcement("List of 1 item."), narration("Breathe out.", 451)};
  EXPECT_EQ(plan(a, Verbosity::Normal).chapters[0].segments, expected);
  expected = {heading("Section 1 of 1: Steps.", 11),
              announcement("List of 2 items."),
              announcement("Item 3."),
              narration("Wash your hands."),
              announcement("Item 4."),
              narration("Fill the bottle."),
              announcement("End of list.", 451),
              announcement("List of 1 item."),
              announcement("Item 1."),
              narration("Breathe out."),
              announcement("End of list.", 451)};
  EXPECT_EQ(plan(a, Verbosity::Full).chapters[0].segments, expected);
}

TEST(Planner, SubItemsFollowTheirParentWithoutItemAnnouncements) {
  Article a;
  Block l = list({"Pack a kit.", "Tape.", "Gauze.", "Check the date."});
  l.items[1].depth = 1;
  l.items[2].depth = 1;
  a.sections.push_back(section("Kit", 1, {l}));
  const std::vector<Segment> expected = {
      heading("Section 1 of 1: Kit.", 11), announcement("List of 2 items."), announcement("Item 1."),
      narration("Pack a kit."),            narration("Tape."),               narration("Gauze."),
      announcement("Item 2."),             narration("Check the date."),     announcement("End of list.", 451)};
  EXPECT_EQ(plan(a, Verbosity::Full).chapters[0].segments, expected);
}

TEST(Planner, QuotesCodeTablesAndCallouts) {
  Article a;
  Block quote;
  quote.kind = BlockKind::Quote;
  quote.text = make_text("Rest is the best medicine.");
  Block code;
  code.kind = BlockKind::Code;
  code.text = make_text("python");
  Block table;
  table.kind = BlockKind::Table;
  table.header = {make_text("Dose"), make_text("Time")};
  table.rows = {{make_text("Half a tablet"), make_text("Morning")}, {make_text(""), make_text("Night.")}};
  Block important = callout(CalloutKind::Important, "Keep the receipt.");
  Block caution = callout(CalloutKind::Caution, "Hot water can scald.");  // not marked by the analyzer
  a.sections.push_back(section("Extras", 1, {quote, code, table, important, caution}));

  std::vector<Segment> expected = {heading("Extras", 11),
                                   narration("Rest is the best medicine.", 451),
                                   announcement("Code block skipped.", 451),
                                   announcement("Table with 2 rows."),
                                   narration("Row 1. Dose: Half a tablet. Time: Morning."),
                                   narration("Row 2. Time: Night.", 451),
                                   announcement("Important."),
                                   narration("Keep the receipt.", 451),
                                   warning_announcement(),
                                   warning("Hot water can scald.")};
  EXPECT_EQ(plan(a, Verbosity::Normal).chapters[0].segments, expected);

  expected = {heading("Section 1 of 1: Extras.", 11),
              announcement("Quote."),
              narration("Rest is the best medicine."),
              announcement("End of quote.", 451),
              announcement("Code block skipped.", 451),
              announcement("Table with 2 rows."),
              narration("Row 1. Dose: Half a tablet. Time: Morning."),
              narration("Row 2. Time: Night.", 451),
              announcement("Important."),
              narration("Keep the receipt.", 451),
              warning_announcement(),
              warning("Hot water can scald.")};
  EXPECT_EQ(plan(a, Verbosity::Full).chapters[0].segments, expected);

  expected = {heading("Extras", 11),
              narration("Rest is the best medicine.", 451),
              narration("Row 1. Dose: Half a tablet. Time: Morning."),
              narration("Row 2. Time: Night.", 451),
              narration("Keep the receipt.", 451),
              warning_announcement(),
              warning("Hot water can scald.")};
  EXPECT_EQ(plan(a, Verbosity::Minimal).chapters[0].segments, expected);
}

TEST(Planner, UntitledSectionsAndMetadata) {
  Article a;
  a.language = "es-MX";
  a.sections.push_back(section("", 3, {paragraph("Hola.")}));
  a.sections.push_back(section("  ", 9, {}));
  Script s = plan(a, Verbosity::Normal);
  Script expected;
  expected.language = "es-MX";
  expected.chapters = {{"Introduction", 3, false, {heading("Introduction", 11), narration("Hola.", 451)}},
                       {"Section 2", 6, false, {heading("Section 2", 901)}}};
  expect_script(s, expected);

  // The profile's language when the article has none.
  VoiceProfile p = test_profile();
  p.language = "de";
  a.language.clear();
  EXPECT_EQ(plan(a, Verbosity::Normal, false, p).language, "de");
  EXPECT_TRUE(plan(Article{}, Verbosity::Full).chapters.empty());
}

TEST(Planner, TheStandfirstFollowsTheTitleOnce) {
  Article a;
  a.title = "Night buses";
  a.subtitle = "What changes in May";
  a.sections.push_back(section("Night buses", 1, {paragraph("Routes change.")}));
  a.sections.push_back(section("Fares", 2, {paragraph("Fares stay.")}));
  Script s = plan(a, Verbosity::Normal);
  ASSERT_EQ(s.chapters[0].segments.size(), 3u);
  EXPECT_EQ(s.chapters[0].segments[1].text, "What changes in May");
  EXPECT_EQ(s.chapters[0].segments[2].text, "Routes change.");
  EXPECT_EQ(s.chapters[1].segments.size(), 2u);

  // Not again when the text opens with it, however it is spelled.
  a.sections[0].blocks = {paragraph("What changes in May: routes change.")};
  s = plan(a, Verbosity::Normal);
  ASSERT_EQ(s.chapters[0].segments.size(), 2u);
  EXPECT_EQ(s.chapters[0].segments[1].text, "What changes in May: routes change.");
}

TEST(Planner, EveryTextIsNormalisedAndEmptySegmentsAreDropped) {
  Article a;
  a.title = "Dosing";
  Block b = paragraph("Take 200–400 mg daily. Dr. Lee agrees.");
  flag(b, "Dr. Lee agrees.");
  a.sections.push_back(section("Dose & timing", 1, {b, paragraph("   "), paragraph("—")}));
  const std::vector<Segment> expected = {heading("Dose and timing", 11), narration("Take 200 to 400 milligrams daily."),
                                         warning_announcement(), warning("Doctor Lee agrees.", 701)};
  const Script s = plan(a, Verbosity::Normal);
  EXPECT_EQ(s.chapters[0].title, "Dose & timing");  // chapter markers show the written title
  EXPECT_EQ(s.chapters[0].segments, expected);
}

TEST(Planner, PhrasesComeFromTheProfile) {
  VoiceProfile p = test_profile();
  p.phrases.warning = "Advertencia.";
  p.phrases.list = "Lista de {n} elementos.";
  p.phrases.section = "Sección {i} de {n}: {title}.";
  Article a;
  Block l = list({"Uno.", "Dos."});
  l.items[1].warning = "cue: test";
  a.sections.push_back(section("Riesgos", 1, {l}));
  const std::vector<Segment> expected = {heading("Sección 1 de 1: Riesgos.", 11),
                                         announcement("Lista de 2 elementos."),
                                         announcement("Item 1."),
                                         narration("Uno."),
                                         {Role::Announcement, "Advertencia.", 12, 203, true},
                                         announcement("Item 2."),
                                         warning("Dos."),
                                         announcement("End of list.", 451)};
  EXPECT_EQ(plan(a, Verbosity::Full, false, p).chapters[0].segments, expected);
}

TEST(Planner, SentenceWarningOffsetsAreClampedAndMerged) {
  Article a;
  Block b = paragraph("Calm words. Danger here. More calm.");
  b.sentence_warnings = {{12, 24, "b"}, {0, 5, "a"}, {15, 20, "overlap"}, {30, 9999, "past the end"}, {8, 8, "empty"}};
  a.sections.push_back(section("Edge", 1, {b}));
  const std::vector<Segment> expected = {
      heading("Edge", 11),         warning_announcement(), warning("Calm"), narration("words."),
      warning_announcement(),      warning("Danger here."), narration("More"), warning_announcement(),
      warning("calm.", 701)};
  EXPECT_EQ(plan(a, Verbosity::Normal).chapters[0].segments, expected);
}

TEST(Planner, LongListsStayFlat) {
  // Deep nesting is flat in the model; a long, deep list must plan without recursion.
  Article a;
  Block l;
  l.kind = BlockKind::List;
  for (int i = 0; i < 20000; ++i) l.items.push_back({make_text("Step."), i, std::nullopt});
  a.sections.push_back(section("Deep", 1, {l}));
  const Script s = plan(a, Verbosity::Full);
  // Heading, list announcement, item 1, 20000 items, end of list.
  EXPECT_EQ(s.chapters[0].segments.size(), 20004u);
  EXPECT_EQ(s.chapters[0].segments[1].text, "List of 1 item.");
}

TEST(Planner, ParseVerbosity) {
  EXPECT_EQ(parse_verbosity("minimal"), Verbosity::Minimal);
  EXPECT_EQ(parse_verbosity("normal"), Verbosity::Normal);
  EXPECT_EQ(parse_verbosity("Full"), Verbosity::Full);
  EXPECT_EQ(parse_verbosity("verbose"), std::nullopt);
  EXPECT_EQ(parse_verbosity(""), std::nullopt);
}

TEST(Planner, AGallerysCaptionsAreReadWithoutTheImages) {
  // A photo story: each slide's caption is the text, the paragraphs few.
  Article a;
  a.title = "Eight causes of mouth ulcers";
  std::vector<Block> blocks = {paragraph("Most mouth ulcers heal on their own.")};
  for (const char* c : {"Biting the inside of your cheek is the most common trigger of all.",
                        "Stress and late nights can set off ulcers in people who get them often.",
                        "Sour and spicy foods can sting, and may trigger ulcers in some people."}) {
    Block image;
    image.kind = BlockKind::Image;
    image.text = make_text("A slide");
    image.caption = make_text(c);
    blocks.push_back(image);
  }
  a.sections.push_back(section("", 1, blocks));
  ASSERT_TRUE(captions_carry_text(a));
  std::string spoken;
  const Script script = plan(a, Verbosity::Normal);
  for (const Segment& seg : script.chapters[0].segments) spoken += seg.text + "\n";
  EXPECT_NE(spoken.find("Stress and late nights"), std::string::npos) << spoken;
  EXPECT_EQ(spoken.find("A slide"), std::string::npos) << spoken;  // the alt text waits for --describe-images
  // One picture's caption beside a story is the picture's, read only with the images.
  EXPECT_FALSE(captions_carry_text(ankle_article()));
}

}  // namespace
}  // namespace readaloud
