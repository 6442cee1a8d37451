#include "ingest/feed_parser.hpp"

#include <pugixml.hpp>
#include <sstream>

#include "ingest/html_parser.hpp"
#include "util/error.hpp"
#include "util/markup.hpp"
#include "util/text.hpp"
#include "util/xml.hpp"

namespace readaloud {
namespace {

// The text of an element: its character data and CDATA sections, in order.
std::string text_of(const pugi::xml_node& node) {
  std::string out;
  for (const auto& child : node.children())
    if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) out += child.value();
  return out;
}

pugi::xml_node child_named(const pugi::xml_node& parent, std::string_view name) {
  for (const auto& child : parent.children())
    if (child.type() == pugi::node_element && (child.name() == name || xml_local_name(child) == name)) return child;
  return {};
}

std::string trimmed(std::string_view s) { return std::string(trim(s)); }

std::string web_link(std::string url) {
  url = trimmed(url);
  return is_web_url(url) ? url : std::string();
}

FeedItem rss_item(const pugi::xml_node& item) {
  FeedItem out;
  out.guid = trimmed(text_of(child_named(item, "guid")));
  out.title = clean_label(trimmed(text_of(child_named(item, "title"))));
  out.link = web_link(text_of(child_named(item, "link")));
  out.published = clean_label(trimmed(text_of(child_named(item, "pubDate"))));
  if (out.published.empty()) out.published = clean_label(trimmed(text_of(child_named(item, "dc:date"))));
  out.author = text_of(child_named(item, "dc:creator"));
  if (out.author.empty()) out.author = text_of(child_named(item, "author"));
  out.author = clean_label(trimmed(out.author));
  for (const char* field : {"content:encoded", "description"}) {
    out.html = text_of(child_named(item, field));
    if (!trimmed(out.html).empty()) break;
  }
  return out;
}

// Atom text constructs: type="html" carries escaped HTML, "xhtml" a <div> of
// markup, and "text" (the default) plain text.
std::string atom_html(const pugi::xml_node& node) {
  const std::string_view type = node.attribute("type").value();
  if (type == "xhtml") {
    std::ostringstream markup;
    for (const auto& child : node.children()) child.print(markup, "", pugi::format_raw);
    return markup.str();
  }
  if (type == "html" || type == "text/html") return text_of(node);
  return "<p>" + xml_text(text_of(node)) + "</p>";
}

FeedItem atom_entry(const pugi::xml_node& entry) {
  FeedItem out;
  out.guid = trimmed(text_of(child_named(entry, "id")));
  out.title = clean_label(trimmed(text_of(child_named(entry, "title"))));
  for (const auto& link : entry.children())
    if (xml_local_name(link) == "link") {
      const std::string_view rel = link.attribute("rel").value();
      if (rel.empty() || rel == "alternate") {
        out.link = web_link(link.attribute("href").value());
        if (!out.link.empty()) break;
      }
    }
  for (const char* field : {"published", "updated"}) {
    out.published = clean_label(trimmed(text_of(child_named(entry, field))));
    if (!out.published.empty()) break;
  }
  out.author = clean_label(trimmed(text_of(child_named(child_named(entry, "author"), "name"))));
  for (const char* field : {"content", "summary"})
    if (auto node = child_named(entry, field)) {
      out.html = atom_html(node);
      if (!trimmed(out.html).empty()) break;
    }
  return out;
}

// The line of a byte offset, for parse errors.
std::size_t line_of(std::string_view bytes, std::ptrdiff_t offset) {
  std::size_t line = 1;
  for (std::ptrdiff_t i = 0; i < offset && i < static_cast<std::ptrdiff_t>(bytes.size()); ++i)
    if (bytes[static_cast<std::size_t>(i)] == '\n') ++line;
  return line;
}

}  // namespace

bool looks_like_feed(std::string_view bytes) {
  // Skip a BOM, the declaration, comments, processing instructions and a doctype.
  std::size_t i = bytes.starts_with("\xEF\xBB\xBF") ? 3 : 0;
  for (int guard = 0; guard < 64 && i < bytes.size(); ++guard) {
    i = bytes.find('<', i);
    if (i == std::string_view::npos) return false;
    const std::string_view rest = bytes.substr(i);
    if (rest.starts_with("<?") || rest.starts_with("<!")) {
      const auto close = bytes.find(rest.starts_with("<!--") ? "-->" : ">", i);
      if (close == std::string_view::npos) return false;
      i = close + 1;
      continue;
    }
    for (std::string_view root : {"<rss", "<feed", "<atom:feed"})
      if (rest.starts_with(root) && rest.size() > root.size() &&
          std::string_view(" \t\r\n>").find(rest[root.size()]) != std::string_view::npos)
        return true;
    return false;
  }
  return false;
}

ArticleFeed parse_article_feed(std::string_view bytes, const std::string& name) {
  pugi::xml_document doc;
  // parse_doctype only keeps the DOCTYPE as a node so it can be refused:
  // pugixml never expands entities a DTD declares.
  const auto result = doc.load_buffer(bytes.data(), bytes.size(), pugi::parse_default | pugi::parse_doctype);
  if (!result)
    throw_input(std::string("not a well-formed feed: ") + result.description(),
                Location{name, line_of(bytes, result.offset)});
  for (const auto& node : doc.children())
    if (node.type() == pugi::node_doctype && std::string_view(node.value()).find("ENTITY") != std::string_view::npos)
      throw_input("the feed declares entities in a DOCTYPE; refused (external or nested entities are never expanded)",
                  Location{name});
  ArticleFeed feed;
  const pugi::xml_node root = doc.document_element();
  if (xml_local_name(root) == "rss") {
    const auto channel = child_named(root, "channel");
    feed.title = clean_label(trimmed(text_of(child_named(channel, "title"))));
    feed.language = clean_label(trimmed(text_of(child_named(channel, "language"))));
    for (const auto& item : channel.children())
      if (xml_local_name(item) == "item") feed.items.push_back(rss_item(item));
  } else if (xml_local_name(root) == "feed") {
    feed.title = clean_label(trimmed(text_of(child_named(root, "title"))));
    feed.language = clean_label(root.attribute("xml:lang").value());
    for (const auto& entry : root.children())
      if (xml_local_name(entry) == "entry") feed.items.push_back(atom_entry(entry));
  } else {
    throw_input("not an RSS or Atom feed (root element <" + std::string(root.name()) + ">)", Location{name});
  }
  if (feed.items.empty()) throw_input("the feed has no items", Location{name});
  return feed;
}

std::string feed_item_id(const FeedItem& item) {
  if (!item.guid.empty()) return item.guid;
  if (!item.link.empty()) return item.link;
  return item.title;
}

std::string feed_item_page(const FeedItem& item, const std::string& language) {
  std::string page = "<!DOCTYPE html>\n<html";
  if (!language.empty()) page += " lang=\"" + xml_attr(language) + "\"";
  page += "><head><meta charset=\"utf-8\"><title>" + xml_text(item.title) + "</title>\n";
  if (!item.author.empty()) page += "<meta name=\"author\" content=\"" + xml_attr(item.author) + "\">\n";
  if (!item.published.empty())
    page += "<meta property=\"article:published_time\" content=\"" + xml_attr(item.published) + "\">\n";
  // The item's HTML goes in as HTML: only the HTML parser reads this page.
  page += "</head><body><article><h1>" + xml_text(item.title) + "</h1>\n" + item.html + "\n</article></body></html>\n";
  return page;
}

Article feed_item_article(const FeedItem& item, const std::string& language, const BoilerplateFilter& filter) {
  return parse_html(feed_item_page(item, language), filter);
}

}  // namespace readaloud
