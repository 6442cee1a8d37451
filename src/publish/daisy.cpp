#include "publish/daisy.hpp"

#include <algorithm>

#include "publish/book_markup.hpp"
#include "util/markup.hpp"

namespace readaloud {
namespace {

constexpr const char* kXhtmlDoctype =
    "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
    "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Transitional//EN\" "
    "\"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd\">\n";

std::string meta(const std::string& name, const std::string& content) {
  return "<meta name=\"" + xml_attr(name) + "\" content=\"" + xml_attr(content) + "\" />\n";
}

std::string html_open(const Book& book) {
  return std::string(kXhtmlDoctype) + "<html xmlns=\"http://www.w3.org/1999/xhtml\" xml:lang=\"" +
         xml_attr(book.language) + "\" lang=\"" + xml_attr(book.language) + "\">\n<head>\n" +
         "<meta http-equiv=\"Content-type\" content=\"text/html; charset=utf-8\" />\n<title>" + xml_text(book.title) +
         "</title>\n";
}

std::string first_par(const BookSection& section, std::size_t index) {
  for (const auto& block : section.blocks)
    if (!block.sentences.empty()) return section_stem(index) + ".smil#p" + block.sentences.front().id.substr(1);
  return section_stem(index) + ".smil";
}

int depth(const Book& book) {
  int d = 1;
  for (const auto& s : book.sections) d = std::max(d, s.level);
  return d;
}

// The title entry is the first section when that is the article's level-1
// opening; otherwise an entry of its own, pointing at the same place.
bool title_is_first_section(const Book& book) {
  return !book.sections.empty() && book.sections.front().level == 1;
}

std::string ncc_body(const Book& book) {
  std::string body;
  int n = 0;
  auto entry = [&](int level, const std::string& cls, const std::string& href, const std::string& text) {
    const std::string tag = "h" + std::to_string(level);
    body += "<" + tag + (cls.empty() ? "" : " class=\"" + cls + "\"") + " id=\"n" + std::to_string(++n) +
            "\"><a href=\"" + xml_attr(href) + "\">" + xml_text(text) + "</a></" + tag + ">\n";
  };
  const bool first_is_title = title_is_first_section(book);
  if (!first_is_title) entry(1, "title", book.sections.empty() ? "" : first_par(book.sections[0], 0), book.title);
  for (std::size_t i = 0; i < book.sections.size(); ++i)
    entry(book.sections[i].level, i == 0 && first_is_title ? "title" : "", first_par(book.sections[i], i),
          book.sections[i].title);
  return body;
}

}  // namespace

std::string daisy_ncc(const Book& book) {
  const std::size_t items = book.sections.size() + (title_is_first_section(book) ? 0 : 1);
  std::string out = html_open(book);
  out += meta("dc:title", book.title);
  out += meta("dc:creator", book.creator);
  out += meta("dc:date", book.date);
  out += meta("dc:format", "Daisy 2.02");
  out += meta("dc:identifier", book.identifier);
  out += meta("dc:language", book.language);
  out += meta("dc:publisher", book.publisher);
  out += meta("ncc:charset", "utf-8");
  out += meta("ncc:depth", std::to_string(depth(book)));
  out += meta("ncc:files", std::to_string(2 + 2 * book.sections.size()));
  out += meta("ncc:footnotes", "0");
  out += meta("ncc:generator", book.generator);
  out += meta("ncc:maxPageNormal", "0");
  out += meta("ncc:multimediaType", "audioFullText");
  if (!book.narrator.empty()) out += meta("ncc:narrator", book.narrator);
  out += meta("ncc:pageFront", "0");
  out += meta("ncc:pageNormal", "0");
  out += meta("ncc:pageSpecial", "0");
  out += meta("ncc:prodNotes", "0");
  out += meta("ncc:setInfo", "1 of 1");
  out += meta("ncc:sidebars", "0");
  out += meta("ncc:tocItems", std::to_string(items));
  out += meta("ncc:totalTime", hms_rounded(book.duration_s()));
  out += "</head>\n<body>\n" + ncc_body(book) + "</body>\n</html>\n";
  return out;
}

std::string daisy_content(const Book& book) {
  std::string out = html_open(book);
  out += meta("dc:title", book.title);
  out += meta("dc:identifier", book.identifier);
  out += meta("dc:format", "Daisy 2.02");
  out += "<style type=\"text/css\">\n"
         ".warning { border: 3px solid #a00000; padding: 0 1em; margin: 1em 0; }\n"
         ".warning-label { font-weight: bold; }\n"
         ".announcement { font-style: italic; }\n"
         "</style>\n</head>\n<body>\n";
  for (const auto& section : book.sections) out += section_body_xhtml(section, book.warning_label, false);
  out += "</body>\n</html>\n";
  return out;
}

std::string daisy_smil(const Book& book, std::size_t index, double elapsed_s) {
  const BookSection& section = book.sections[index];
  std::string out =
      "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
      "<!DOCTYPE smil PUBLIC \"-//W3C//DTD SMIL 1.0//EN\" \"http://www.w3.org/TR/REC-smil/SMIL10.dtd\">\n"
      "<smil>\n<head>\n";
  out += meta("dc:format", "Daisy 2.02");
  out += meta("dc:title", book.title);
  out += meta("dc:identifier", book.identifier);
  out += meta("ncc:generator", book.generator);
  out += meta("ncc:totalElapsedTime", hms_rounded(elapsed_s));
  out += meta("ncc:timeInThisSmil", hms_rounded(section.duration_s));
  out += "<layout>\n<region id=\"txtView\" />\n</layout>\n</head>\n<body>\n";
  out += "<seq dur=\"" + seconds3(section.duration_s) + "s\">\n";
  const std::string audio = section_audio(index);
  for (const auto& block : section.blocks)
    for (const auto& s : block.sentences) {
      const std::string n = s.id.substr(1);  // "3_12"
      out += "<par endsync=\"last\" id=\"p" + n + "\">\n<text src=\"content.html#" + xml_attr(s.id) + "\" id=\"x" + n +
             "\" />\n<audio src=\"" + audio + "\" clip-begin=\"npt=" + seconds3(s.clip_begin_s) + "s\" clip-end=\"npt=" +
             seconds3(s.clip_end_s) + "s\" id=\"a" + n + "\" />\n</par>\n";
    }
  out += "</seq>\n</body>\n</smil>\n";
  return out;
}

std::vector<BookFile> daisy_files(const Book& book) {
  std::vector<BookFile> files;
  files.push_back({"ncc.html", daisy_ncc(book)});
  files.push_back({"content.html", daisy_content(book)});
  double elapsed = 0;
  for (std::size_t i = 0; i < book.sections.size(); ++i) {
    files.push_back({section_stem(i) + ".smil", daisy_smil(book, i, elapsed)});
    elapsed += book.sections[i].duration_s;
  }
  return files;
}

}  // namespace readaloud
