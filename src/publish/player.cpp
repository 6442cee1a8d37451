#include "publish/player.hpp"

#include <cmath>
#include <cstdio>

#include "publish/feed.hpp"
#include "util/digest.hpp"
#include "util/embedded.hpp"
#include "util/error.hpp"
#include "util/markup.hpp"

namespace readaloud {
namespace {

std::string_view embedded_or_throw(std::string_view path) {
  const auto content = embedded_file(path);
  if (!content) throw_runtime("missing embedded file " + std::string(path));
  return *content;
}

// Times as "%.3f": the cue JSON holds numbers only, so no text can close the
// <script> element it sits in.
std::string seconds(double s) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3f", s);
  return buf;
}

std::string cue_json(const PlayerText& text) {
  std::string json = "{\"cues\":[";
  for (std::size_t i = 0; i < text.sentences.size(); ++i)
    json += (i ? ",[" : "[") + seconds(text.sentences[i].start_s) + "," + seconds(text.sentences[i].end_s) + "]";
  return json + "]}";
}

std::string sentences_html(const PlayerText& text, const TextBlock& block, bool& first) {
  std::string html;
  for (std::size_t n = 0; n < block.sentences.size(); ++n) {
    const std::size_t i = block.sentences[n];
    html += std::string(n ? " " : "") + "<span class=\"s\" data-i=\"" + std::to_string(i) + "\" tabindex=\"" +
            (first ? "0" : "-1") + "\">" + xml_text(text.sentences[i].text) + "</span>";
    first = false;
  }
  return html;
}

struct WarningLink {
  std::string id;
  std::string text;
};

// A short label for the list of warnings at the top of the page.
std::string excerpt(const PlayerText& text, const TextBlock& block) {
  std::string s = block.sentences.empty() ? std::string() : text.sentences[block.sentences.front()].text;
  if (s.size() > 120) {
    std::size_t cut = 117;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;  // keep UTF-8 whole
    s = s.substr(0, cut) + "…";
  }
  return s;
}

std::string chapter_html(const PlayerText& text, std::size_t c, bool& first, std::vector<WarningLink>& warnings) {
  const TextChapter& chapter = text.chapters[c];
  std::string html = "<div class=\"chapter-text\" id=\"c" + std::to_string(c + 1) + "\">\n";
  std::size_t b = 0;
  if (!chapter.blocks.empty() && chapter.blocks.front().kind == TextKind::Heading) {
    html += "<h3>" + sentences_html(text, chapter.blocks.front(), first) + "</h3>\n";
    b = 1;
  } else {
    html += "<h3>" + xml_text(chapter.title) + "</h3>\n";
  }
  std::string body;
  for (; b < chapter.blocks.size(); ++b) {
    const TextBlock& block = chapter.blocks[b];
    const bool marked = block.warning && !chapter.warning;
    std::string cls = block.kind == TextKind::Announcement ? "announcement" : "";
    if (marked) {
      const std::string id = "w" + std::to_string(warnings.size() + 1);
      warnings.push_back({id, excerpt(text, block)});
      body += "<p role=\"note\" class=\"warning\" id=\"" + id + "\"><strong class=\"label\">Warning</strong> ";
    } else {
      body += cls.empty() ? "<p>" : "<p class=\"" + cls + "\">";
    }
    body += sentences_html(text, block, first) + "</p>\n";
  }
  if (chapter.warning) {
    const std::string id = "w" + std::to_string(warnings.size() + 1);
    warnings.push_back({id, chapter.title});
    html += "<div role=\"note\" class=\"warning\" id=\"" + id + "\"><p><strong class=\"label\">Warning</strong> " +
            "This part is a warning.</p>\n" + body + "</div>\n";
  } else {
    html += body;
  }
  return html + "</div>\n";
}

std::string chapters_nav(const Episode& e) {
  std::string html = "<nav aria-labelledby=\"chapters-h\">\n<h2 id=\"chapters-h\">Chapters</h2>\n<ol class=\"chapters\">\n";
  for (const auto& c : e.chapters)
    html += "<li><button type=\"button\" class=\"chapter\" data-start=\"" + seconds(c.start_s) +
            "\"><span class=\"time\">" + clock_time(c.start_s) + "</span> <span class=\"title\">" + xml_text(c.title) +
            "</span>" + (c.warning ? " <span class=\"label\">Warning</span>" : "") + "</button></li>\n";
  return html + "</ol>\n</nav>\n";
}

std::string player_controls(const Episode& e) {
  const std::string lang = xml_attr(e.language.empty() ? "en" : e.language);
  std::string html = "<section aria-label=\"Player\" class=\"player\">\n";
  html += "<audio id=\"audio\" controls preload=\"metadata\" src=\"" + xml_attr(e.audio) + "\">\n";
  if (!e.chapters_vtt.empty())
    html += "<track kind=\"chapters\" src=\"" + xml_attr(e.chapters_vtt) + "\" srclang=\"" + lang +
            "\" label=\"Chapters\">\n";
  if (!e.captions_vtt.empty())
    html += "<track kind=\"captions\" src=\"" + xml_attr(e.captions_vtt) + "\" srclang=\"" + lang +
            "\" label=\"Captions\">\n";
  html += "<a href=\"" + xml_attr(e.audio) + "\">Download the audio</a>\n</audio>\n";
  html += "<div class=\"controls\">\n<label for=\"speed\">Speed</label>\n<select id=\"speed\">\n";
  for (const char* v : {"0.75", "1", "1.25", "1.5", "1.75", "2", "2.5", "3"})
    html += std::string("<option value=\"") + v + "\"" + (std::string_view(v) == "1" ? " selected" : "") + ">" + v +
            "×</option>\n";
  html += "</select>\n<label><input type=\"checkbox\" id=\"follow\" checked> Follow the text while it is read</label>\n</div>\n";
  html += "<p id=\"status\" class=\"hint\" role=\"status\" aria-live=\"polite\"></p>\n</section>\n";
  return html;
}

std::string head(const std::string& title, const std::string& script) {
  const std::string_view css = site_stylesheet();
  std::string csp = "default-src 'none'; style-src " + csp_hash(css) + "; media-src 'self'; img-src 'self'; " +
                    "base-uri 'none'; form-action 'none'";
  if (!script.empty()) csp += "; script-src " + csp_hash(script);
  return "<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
         "<meta http-equiv=\"Content-Security-Policy\" content=\"" + xml_attr(csp) + "\">\n"
         "<meta name=\"referrer\" content=\"no-referrer\">\n<title>" + xml_text(title) + "</title>\n<style>" +
         std::string(css) + "</style>\n</head>\n";
}

}  // namespace

std::string csp_hash(std::string_view content) { return "'sha256-" + base64(sha256(content)) + "'"; }

std::string_view site_stylesheet() { return embedded_or_throw("data/player/player.css"); }

std::string player_page(const Episode& e, const PlayerText& text, const std::string& site_title) {
  const std::string script(embedded_or_throw("data/player/player.js"));
  std::string body;
  bool first = true;
  std::vector<WarningLink> warnings;
  for (std::size_t c = 0; c < text.chapters.size(); ++c) body += chapter_html(text, c, first, warnings);

  std::string html = "<!DOCTYPE html>\n<html lang=\"" + xml_attr(e.language.empty() ? "en" : e.language) + "\">\n";
  html += head(e.title + " – " + site_title, script);
  html += "<body>\n<a class=\"skip\" href=\"#text\">Skip to the text</a>\n<header>\n";
  html += "<nav aria-label=\"Site\"><a href=\"../index.html\">All episodes</a> · <a href=\"../feed.xml\">Podcast feed (RSS)</a></nav>\n";
  html += "<h1>" + xml_text(e.title) + "</h1>\n<p class=\"meta\">";
  if (!e.author.empty()) html += "By " + xml_text(e.author) + " · ";
  html += "<time datetime=\"" + xml_attr(e.published) + "\">" + xml_text(e.published.substr(0, 10)) + "</time> · " +
          "Duration " + clock_time(e.duration_s) + "</p>\n</header>\n<main>\n";
  html += player_controls(e);
  if (!warnings.empty()) {
    html += "<section aria-labelledby=\"warnings-h\" class=\"warning\">\n<h2 id=\"warnings-h\"><span class=\"label\">Warning</span> " +
            std::string("Warnings in this article</h2>\n<ul>\n");
    for (const auto& w : warnings) html += "<li><a href=\"#" + w.id + "\">" + xml_text(w.text) + "</a></li>\n";
    html += "</ul>\n</section>\n";
  }
  html += chapters_nav(e);
  html += "<section id=\"text\" aria-labelledby=\"text-h\">\n<h2 id=\"text-h\">Text</h2>\n"
          "<p class=\"hint\">Click a sentence to play from there. With the keyboard: Tab to the text, move with the "
          "arrow keys, press Enter to play.</p>\n" + body + "</section>\n";
  html += "<p class=\"downloads\">Downloads: <a href=\"" + xml_attr(e.audio) + "\">audio (MP3)</a>";
  if (!e.transcript.empty()) html += " · <a href=\"" + xml_attr(e.transcript) + "\">transcript</a>";
  if (!e.captions_vtt.empty()) html += " · <a href=\"" + xml_attr(e.captions_vtt) + "\">captions (WebVTT)</a>";
  if (!e.chapters_json.empty()) html += " · <a href=\"" + xml_attr(e.chapters_json) + "\">chapters (JSON)</a>";
  html += "</p>\n";
  if (is_web_url(e.link))
    html += "<p><a href=\"" + xml_attr(e.link) + "\" rel=\"noopener noreferrer nofollow\">The original article</a></p>\n";
  html += "</main>\n<script type=\"application/json\" id=\"cue-data\">" + cue_json(text) + "</script>\n";
  html += "<script>" + script + "</script>\n</body>\n</html>\n";
  return html;
}

}  // namespace readaloud
