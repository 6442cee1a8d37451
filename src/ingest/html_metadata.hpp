#pragma once
// The metadata of an HTML page (title, author, date, site name, language),
// each found by a cascade of sources and recorded with the source it came
// from, and the JSON-LD article text for pages whose DOM is only a shell.
// Internal to src/ingest/html_*.

#include <gumbo.h>

#include <string>
#include <vector>

namespace readaloud::html {

/// A metadata value and where it came from ("JSON-LD headline", "og:title"...).
struct Sourced {
  std::string value;
  std::string source;
  bool empty() const { return value.empty(); }
};

/// Everything the page says about itself, before the content walk.
struct PageMetadata {
  Sourced title;
  Sourced author;
  Sourced published;
  Sourced site_name;
  Sourced language;
  /// JSON-LD articleBody (paragraphs separated by blank lines), if any.
  std::string article_body;
  /// Text of every <h1> in the page, in order (for matching the title).
  std::vector<std::string> h1s;
  /// Text of the page's first <h2>s, in order: on a page whose <h1> is the
  /// site's or a section's name, or that has none, one may be the headline.
  std::vector<std::string> h2s;
};

/// Reads the metadata of a parsed page. The title cascade: JSON-LD headline,
/// microdata headline, og:title, the <h1> that matches <title>, an <h2> that
/// holds <title>'s headline part, then <title> with its site name removed (the caller then takes the article's <h1>). Author: JSON-LD, <meta
/// name=author>, microdata, article:author. Date: article:published_time,
/// JSON-LD datePublished, microdata, <meta name=date>. Site name: og:site_name,
/// JSON-LD publisher or WebSite, application-name. Language: <html lang>,
/// JSON-LD inLanguage, Content-Language, og:locale.
PageMetadata read_metadata(const GumboNode* document);

/// `title` without the site's name: the part matching one of `h1s`, else
/// without "<sep> `site`" / "`site` <sep>", else without a short last part
/// after " | ", " - ", " – ", " — ", " :: ", " · " (five words at most).
std::string clean_title(const std::string& title, const std::string& site, const std::vector<std::string>& h1s);

}  // namespace readaloud::html
