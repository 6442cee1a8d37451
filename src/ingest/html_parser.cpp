#include "ingest/html_parser.hpp"

#include <iostream>
#include <string>
#include <vector>

#include "ingest/charset.hpp"
#include "ingest/html_chrome.hpp"
#include "ingest/html_dom.hpp"
#include "ingest/html_extract.hpp"
#include "ingest/html_metadata.hpp"
#include "ingest/html_nesting.hpp"
#include "ingest/html_walk.hpp"

namespace readaloud {
namespace {

using html::PageMetadata;

std::size_t text_bytes(const Article& a) {
  std::size_t n = 0;
  for (const auto& s : a.sections) {
    n += s.title.size();
    for (const auto& b : s.blocks) {
      if (b.kind != BlockKind::Image && b.kind != BlockKind::Code) n += plain_text(b.text).size();
      n += plain_text(b.caption).size();
      for (const auto& i : b.items) n += plain_text(i.text).size();
      for (const auto& c : b.header) n += plain_text(c).size();
      for (const auto& r : b.rows)
        for (const auto& c : r) n += plain_text(c).size();
    }
  }
  return n;
}

const GumboNode* find_child(const GumboNode* parent, GumboTag tag) {
  const GumboVector* kids = html::children_of(parent);
  for (unsigned i = 0; kids != nullptr && i < kids->length; ++i)
    if (html::tag_of(html::child_at(kids, i)) == tag) return html::child_at(kids, i);
  return nullptr;
}

/// Every element with `tag` under `root`, outermost only.
std::vector<const GumboNode*> find_all(const GumboNode* root, GumboTag tag) {
  std::vector<const GumboNode*> found;
  std::vector<const GumboNode*> stack{root};
  while (!stack.empty()) {
    const GumboNode* n = stack.back();
    stack.pop_back();
    if (html::tag_of(n) == tag) {
      found.push_back(n);
      continue;
    }
    const GumboVector* kids = html::children_of(n);
    for (unsigned i = kids ? kids->length : 0; i-- > 0;) stack.push_back(html::child_at(kids, i));
  }
  return found;
}

/// The first <time datetime> inside the article's elements (usually its byline).
std::string first_time(const std::vector<const GumboNode*>& roots) {
  for (const GumboNode* root : roots)
    for (const GumboNode* t : find_all(root, GUMBO_TAG_TIME))
      if (const char* dt = html::attr(t, "datetime")) return std::string(html::trim(dt));
  return {};
}

/// The article from JSON-LD articleBody: paragraphs split at blank lines
/// (or at single newlines when the body has no blank line).
void use_article_body(Article& article, const std::string& body) {
  for (const auto& s : article.sections)
    for (const auto& b : s.blocks)
      if (b.kind != BlockKind::Image)
        article.dropped.push_back(Dropped{html::shorten(plain_text(b.text)), "page shell (JSON-LD articleBody used)", b.line});
  article.sections.assign(1, Section{});
  const bool blank_lines = body.find("\n\n") != std::string::npos;
  std::size_t start = 0;
  while (start <= body.size()) {
    std::size_t end = body.find(blank_lines ? "\n\n" : "\n", start);
    if (end == std::string::npos) end = body.size();
    std::string text = html::collapse(std::string_view(body).substr(start, end - start));
    if (!text.empty()) {
      Block p;
      p.text = make_text(std::move(text));
      article.sections[0].blocks.push_back(std::move(p));
    }
    start = end + 1;
  }
}

/// Walks the page; when that finds nothing, the text scripts would have
/// shown: <noscript> fallbacks, then the whole body.
/// Returns the elements the text came from.
std::vector<const GumboNode*> extract_text(Article& article, const BoilerplateFilter& filter, const GumboNode* body,
                                           const html::ContentHolders& holders) {
  const html::ContentChoice choice = html::choose_content(body, holders);
  html::WalkPlan plan{body, choice.roots, &holders, true};
  html::walk_content(article, filter, plan);
  article.sources["content"] = choice.how;
  if (text_bytes(article) > 0) return choice.roots;
  if (auto noscripts = find_all(body, GUMBO_TAG_NOSCRIPT); !noscripts.empty()) {
    Article retry;
    plan.roots = noscripts;
    html::walk_content(retry, filter, plan);
    if (text_bytes(retry) > 0) {
      retry.sources = article.sources;
      retry.sources["content"] = "<noscript>";
      article = std::move(retry);
      return noscripts;
    }
  }
  if (choice.roots.size() == 1 && choice.roots[0] == body) return choice.roots;
  Article whole;
  plan.roots = {body};
  html::walk_content(whole, filter, plan);
  if (text_bytes(whole) == 0) return choice.roots;
  whole.sources = article.sources;
  whole.sources["content"] = "<body> (the scored block held no text)";
  article = std::move(whole);
  return plan.roots;
}

void apply_metadata(Article& article, const PageMetadata& meta, const std::vector<const GumboNode*>& roots) {
  const auto put = [&](std::string& field, const html::Sourced& value, const char* key) {
    if (value.empty()) return;
    field = value.value;
    article.sources[key] = value.source;
  };
  if (!article.title.empty()) article.sources["title"] = "<h1> in the article";
  put(article.title, meta.title, "title");
  put(article.author, meta.author, "author");
  put(article.published, meta.published, "published");
  put(article.site_name, meta.site_name, "site_name");
  put(article.language, meta.language, "language");
  if (article.published.empty()) {
    article.published = first_time(roots);
    if (!article.published.empty()) article.sources["published"] = "<time datetime>";
  }
}

}  // namespace

Article parse_html(std::string_view bytes, const BoilerplateFilter& filter, const std::string& encoding) {
  const DecodedPage page = decode_html_page(bytes, encoding);
  if (!page.warning.empty()) std::cerr << "readaloud: warning: " << page.warning << "\n";
  const std::string text = html::limit_nesting(page.text, kMaxHtmlDepth);
  const html::GumboOutputPtr output = html::parse_document(text);

  Article article;
  article.sources["encoding"] = page.encoding + " (" + page.source + ")";
  const PageMetadata meta = html::read_metadata(output->document);
  const GumboNode* html_el = find_child(output->document, GUMBO_TAG_HTML);
  const GumboNode* body = html_el ? find_child(html_el, GUMBO_TAG_BODY) : nullptr;
  std::vector<const GumboNode*> roots;
  if (body != nullptr) {
    const html::ContentHolders holders = html::find_content_holders(output->document);
    roots = extract_text(article, filter, body, holders);
  }
  if (!meta.article_body.empty() && text_bytes(article) * 2 < meta.article_body.size()) {
    use_article_body(article, meta.article_body);
    article.sources["content"] = "JSON-LD articleBody";
  }
  apply_metadata(article, meta, roots);
  return article;
}

}  // namespace readaloud
