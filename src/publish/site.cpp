#include "publish/site.hpp"

#include <algorithm>
#include <cmath>

#include "publish/player.hpp"
#include "util/markup.hpp"

namespace readaloud {
namespace {

// "3 min 12 s", for people; the <time> element carries the machine form.
std::string spoken_duration(double s) {
  const long long total = std::llround(s);
  std::string out;
  if (total >= 3600) out += std::to_string(total / 3600) + " h ";
  if (total >= 60) out += std::to_string(total / 60 % 60) + " min ";
  return out + std::to_string(total % 60) + " s";
}

std::string episode_html(const Episode& e) {
  std::string html = "<li>\n<article aria-labelledby=\"e-" + xml_attr(e.slug) + "\">\n";
  html += "<h2 id=\"e-" + xml_attr(e.slug) + "\"><a href=\"" + xml_attr(e.slug) + "/index.html\">" + xml_text(e.title) +
          "</a></h2>\n<p class=\"meta\"><time datetime=\"" + xml_attr(e.published) + "\">" +
          xml_text(e.published.substr(0, 10)) + "</time> · <time datetime=\"PT" + std::to_string(std::llround(e.duration_s)) +
          "S\">" + spoken_duration(e.duration_s) + "</time> · " + std::to_string(e.chapters.size()) +
          (e.chapters.size() == 1 ? " chapter" : " chapters");
  if (e.warnings > 0) html += " · <span class=\"label\">Warning</span> " + std::to_string(e.warnings) + " marked";
  html += "</p>\n";
  if (!e.summary.empty()) html += "<p>" + xml_text(e.summary) + "</p>\n";
  html += "<p><a href=\"" + xml_attr(e.slug) + "/" + xml_attr(e.audio) + "\">Download the audio (MP3)</a></p>\n";
  return html + "</article>\n</li>\n";
}

}  // namespace

std::string site_index(const Channel& ch, std::vector<Episode> episodes) {
  std::sort(episodes.begin(), episodes.end(), [](const Episode& a, const Episode& b) {
    return a.published != b.published ? a.published > b.published : a.id < b.id;
  });
  const std::string_view css = site_stylesheet();
  std::string html = "<!DOCTYPE html>\n<html lang=\"" + xml_attr(ch.language) + "\">\n<head>\n<meta charset=\"utf-8\">\n"
                     "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                     "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src " +
                     xml_attr(csp_hash(css)) + "; img-src 'self'; base-uri 'none'; form-action 'none'\">\n" +
                     "<meta name=\"referrer\" content=\"no-referrer\">\n<title>" + xml_text(ch.title) + "</title>\n" +
                     "<link rel=\"alternate\" type=\"application/rss+xml\" title=\"" + xml_attr(ch.title) +
                     "\" href=\"feed.xml\">\n<style>" + std::string(css) + "</style>\n</head>\n<body>\n<header>\n<h1>" +
                     xml_text(ch.title) + "</h1>\n<p>" + xml_text(ch.description) + "</p>\n" +
                     "<p><a href=\"feed.xml\">Podcast feed (RSS)</a>: add it to a podcast app to get every episode.</p>\n" +
                     "</header>\n<main>\n";
  if (episodes.empty()) html += "<p>No episodes yet.</p>\n";
  else {
    html += "<ol class=\"episodes\" aria-label=\"Episodes, newest first\">\n";
    for (const auto& e : episodes) html += episode_html(e);
    html += "</ol>\n";
  }
  return html + "</main>\n</body>\n</html>\n";
}

}  // namespace readaloud
