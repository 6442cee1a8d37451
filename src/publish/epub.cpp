#include "publish/epub.hpp"

#include "publish/book_markup.hpp"
#include "util/markup.hpp"

namespace readaloud {
namespace {

constexpr const char* kActiveClass = "-epub-media-overlay-active";

std::string n1(std::size_t index) { return std::to_string(index + 1); }

std::string meta(const std::string& property, const std::string& value, const std::string& refines = "") {
  return "    <meta property=\"" + property + "\"" + (refines.empty() ? "" : " refines=\"#" + refines + "\"") + ">" +
         xml_text(value) + "</meta>\n";
}

std::string xhtml_open(const Book& book, const std::string& title) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n"
         "<html xmlns=\"http://www.w3.org/1999/xhtml\" xmlns:epub=\"http://www.idpf.org/2007/ops\" xml:lang=\"" +
         xml_attr(book.language) + "\" lang=\"" + xml_attr(book.language) + "\">\n<head>\n<meta charset=\"UTF-8\" />\n<title>" +
         xml_text(title) + "</title>\n<link rel=\"stylesheet\" type=\"text/css\" href=\"book.css\" />\n</head>\n";
}

std::string accessibility_metadata(const Book& book) {
  std::string out;
  out += meta("schema:accessMode", "textual");
  out += meta("schema:accessMode", "auditory");
  out += meta("schema:accessModeSufficient", "textual");
  out += meta("schema:accessModeSufficient", "auditory");
  out += meta("schema:accessModeSufficient", "textual,auditory");
  for (const char* feature : {"synchronizedAudioText", "structuralNavigation", "tableOfContents", "readingOrder"})
    out += meta("schema:accessibilityFeature", feature);
  out += meta("schema:accessibilityHazard", "none");
  out += meta("schema:accessibilitySummary",
              "The full text of the article with synthesised narration synchronised sentence by sentence (Media "
              "Overlays). Headings follow the article's sections for navigation; risk warnings are marked in the "
              "text with a visible \"" + book.warning_label + "\" label, not by colour alone.");
  out += meta("dcterms:conformsTo", "EPUB Accessibility 1.1 - WCAG 2.1 Level AA");
  out += meta("a11y:certifiedBy", book.generator);
  return out;
}

std::string metadata(const Book& book) {
  std::string out = "  <metadata xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n";
  out += "    <dc:identifier id=\"uid\">" + xml_text(book.identifier) + "</dc:identifier>\n";
  out += "    <dc:title>" + xml_text(book.title) + "</dc:title>\n";
  out += "    <dc:language>" + xml_text(book.language) + "</dc:language>\n";
  out += "    <dc:creator>" + xml_text(book.creator) + "</dc:creator>\n";
  out += "    <dc:publisher>" + xml_text(book.publisher) + "</dc:publisher>\n";
  out += "    <dc:date>" + xml_text(book.date) + "</dc:date>\n";
  out += meta("dcterms:modified", book.modified);
  for (std::size_t i = 0; i < book.sections.size(); ++i)
    out += meta("media:duration", clock_value(book.sections[i].duration_s), "mo" + n1(i));
  out += meta("media:duration", clock_value(book.duration_s()));
  if (!book.narrator.empty()) out += meta("media:narrator", book.narrator);
  out += meta("media:active-class", kActiveClass);
  out += accessibility_metadata(book);
  out += "  </metadata>\n";
  return out;
}

}  // namespace

std::string epub_package(const Book& book) {
  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                    "<package xmlns=\"http://www.idpf.org/2007/opf\" version=\"3.0\" unique-identifier=\"uid\" xml:lang=\"" +
                    xml_attr(book.language) + "\">\n";
  out += metadata(book);
  out += "  <manifest>\n"
         "    <item id=\"nav\" href=\"nav.xhtml\" media-type=\"application/xhtml+xml\" properties=\"nav\"/>\n"
         "    <item id=\"css\" href=\"book.css\" media-type=\"text/css\"/>\n";
  for (std::size_t i = 0; i < book.sections.size(); ++i) {
    const std::string stem = section_stem(i), n = n1(i);
    out += "    <item id=\"c" + n + "\" href=\"" + stem + ".xhtml\" media-type=\"application/xhtml+xml\" media-overlay=\"mo" +
           n + "\"/>\n";
    out += "    <item id=\"mo" + n + "\" href=\"" + stem + ".smil\" media-type=\"application/smil+xml\"/>\n";
    out += "    <item id=\"au" + n + "\" href=\"" + section_audio(i) + "\" media-type=\"audio/mpeg\"/>\n";
  }
  // The navigation document is in the spine (not linear) so landmarks can point at its toc.
  out += "  </manifest>\n  <spine>\n    <itemref idref=\"nav\" linear=\"no\"/>\n";
  for (std::size_t i = 0; i < book.sections.size(); ++i) out += "    <itemref idref=\"c" + n1(i) + "\"/>\n";
  out += "  </spine>\n</package>\n";
  return out;
}

std::string epub_nav(const Book& book) {
  std::string toc = "<ol>\n";
  int depth = 1;
  for (std::size_t i = 0; i < book.sections.size(); ++i) {
    const int level = book.sections[i].level;  // make_book keeps each level at most one deeper
    if (i > 0 && level > depth) {
      toc += "\n<ol>\n";
      ++depth;
    } else if (i > 0) {
      toc += "</li>\n";
      for (; depth > level; --depth) toc += "</ol>\n</li>\n";
    }
    toc += "<li><a href=\"" + section_stem(i) + ".xhtml\">" + xml_text(book.sections[i].title) + "</a>";
  }
  if (!book.sections.empty()) toc += "</li>\n";
  for (; depth > 1; --depth) toc += "</ol>\n</li>\n";
  toc += "</ol>\n";

  std::string out = xhtml_open(book, book.title) + "<body>\n";
  out += "<nav epub:type=\"toc\" role=\"doc-toc\" id=\"toc\" aria-labelledby=\"toc-title\">\n<h1 id=\"toc-title\">" +
         xml_text(book.title) + "</h1>\n" + toc + "</nav>\n";
  out += "<nav epub:type=\"landmarks\" id=\"landmarks\" hidden=\"hidden\">\n<h2>Landmarks</h2>\n<ol>\n"
         "<li><a epub:type=\"toc\" href=\"#toc\">Contents</a></li>\n";
  if (!book.sections.empty()) out += "<li><a epub:type=\"bodymatter\" href=\"s001.xhtml\">" + xml_text(book.title) + "</a></li>\n";
  out += "</ol>\n</nav>\n</body>\n</html>\n";
  return out;
}

std::string epub_chapter(const Book& book, std::size_t index) {
  const BookSection& section = book.sections[index];
  return xhtml_open(book, section.title) + "<body>\n<section id=\"sec" + n1(index) + "\" epub:type=\"" +
         (index == 0 ? "bodymatter " : "") + "chapter\">\n" + section_body_xhtml(section, book.warning_label, true) + "</section>\n</body>\n</html>\n";
}

std::string epub_overlay(const Book& book, std::size_t index) {
  const BookSection& section = book.sections[index];
  const std::string doc = section_stem(index) + ".xhtml", audio = section_audio(index);
  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                    "<smil xmlns=\"http://www.w3.org/ns/SMIL\" xmlns:epub=\"http://www.idpf.org/2007/ops\" version=\"3.0\">\n"
                    "<body>\n<seq id=\"seq" + n1(index) + "\" epub:textref=\"" + doc + "#sec" + n1(index) + "\">\n";
  for (const auto& block : section.blocks)
    for (const auto& s : block.sentences)
      out += "<par id=\"p" + s.id.substr(1) + "\"><text src=\"" + doc + "#" + xml_attr(s.id) + "\"/><audio src=\"" +
             audio + "\" clipBegin=\"" + seconds3(s.clip_begin_s) + "s\" clipEnd=\"" + seconds3(s.clip_end_s) +
             "s\"/></par>\n";
  out += "</seq>\n</body>\n</smil>\n";
  return out;
}

std::vector<BookFile> epub_files(const Book& book) {
  std::vector<BookFile> files;
  files.push_back({"META-INF/container.xml",
                   "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                   "<container version=\"1.0\" xmlns=\"urn:oasis:names:tc:opendocument:xmlns:container\">\n"
                   "  <rootfiles>\n"
                   "    <rootfile full-path=\"EPUB/package.opf\" media-type=\"application/oebps-package+xml\"/>\n"
                   "  </rootfiles>\n</container>\n"});
  files.push_back({"EPUB/package.opf", epub_package(book)});
  files.push_back({"EPUB/nav.xhtml", epub_nav(book)});
  files.push_back({"EPUB/book.css", std::string(".") + kActiveClass +
                                        " { background-color: #ffe36e; color: #000000; }\n"
                                        ".warning { border: 3px solid #a00000; padding: 0 1em; margin: 1em 0; }\n"
                                        ".warning-label { font-weight: bold; }\n"
                                        ".announcement { font-style: italic; }\n"});
  for (std::size_t i = 0; i < book.sections.size(); ++i) {
    files.push_back({"EPUB/" + section_stem(i) + ".xhtml", epub_chapter(book, i)});
    files.push_back({"EPUB/" + section_stem(i) + ".smil", epub_overlay(book, i)});
  }
  return files;
}

}  // namespace readaloud
