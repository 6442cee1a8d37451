#pragma once
// RSS 2.0 and Atom feeds of text articles -> one entry per item, each turned
// into an Article through the HTML parser. Untrusted input: no DTD is
// processed, no entity is expanded and nothing named in the feed is fetched.

#include <string>
#include <string_view>
#include <vector>

#include "document/article.hpp"
#include "ingest/boilerplate.hpp"

namespace readaloud {

/// One item (RSS) or entry (Atom) of an article feed, as text.
struct FeedItem {
  std::string guid;       ///< <guid> or <id>; may be empty
  std::string title;      ///< one line, controls and bidi overrides removed
  std::string link;       ///< the item's page; only an http(s) URL is kept
  std::string published;  ///< <pubDate>, <published> or <updated> as written
  std::string author;     ///< <author>, <dc:creator> or <author><name>
  std::string html;       ///< content:encoded, else <content>, else <description>/<summary>, as HTML
  bool operator==(const FeedItem&) const = default;
};

/// A parsed article feed.
struct ArticleFeed {
  std::string title;
  std::string language;   ///< <language> (RSS) or xml:lang (Atom); may be empty
  std::vector<FeedItem> items;
};

/// True when the bytes look like an RSS or Atom document (an `<rss` or
/// `<feed` root after the XML declaration, comments and a doctype).
bool looks_like_feed(std::string_view bytes);

/// Parses an RSS 2.0 or Atom feed. Errors are Error(Input) naming `name`:
/// malformed XML (with the line), a root that is neither `rss` nor `feed`,
/// a feed with no items, and any DOCTYPE that declares entities (external
/// entities would read local files, nested ones are expansion bombs), which
/// is refused before any expansion.
ArticleFeed parse_article_feed(std::string_view bytes, const std::string& name);

/// The stable identity of an item: its guid, else its link, else its title.
std::string feed_item_id(const FeedItem& item);

/// An HTML page holding the item (title as <h1>, author and date as <meta>,
/// then the item's HTML), the form in which the rest of readaloud reads it.
std::string feed_item_page(const FeedItem& item, const std::string& language);

/// The item as an Article, through parse_html().
Article feed_item_article(const FeedItem& item, const std::string& language, const BoilerplateFilter& filter);

}  // namespace readaloud
