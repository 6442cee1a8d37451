#include "ingest/html_parser.hpp"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <iostream>
#include <string>
#include <unordered_set>
#include <vector>

#include "ingest/charset.hpp"
#include "ingest/html_chrome.hpp"
#include "ingest/html_dom.hpp"
#include "ingest/html_extract.hpp"
#include "ingest/html_metadata.hpp"
#include "ingest/html_nesting.hpp"
#include "ingest/html_walk.hpp"
#include "ingest/page_text_rules.hpp"
#include "util/regex.hpp"
#include "util/text.hpp"

namespace readaloud {
namespace {

using html::PageMetadata;

constexpr std::size_t kLongParagraphWords = 15;  // the article's text has begun

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
      if (const char* dt = html::attr(t, "datetime")) return std::string(trim(dt));
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

/// Two or three short labels in a row: "Cardiologia · Informazioni per i pazienti".
bool is_label_path(std::string_view label) {
  constexpr std::size_t kMaxItems = 3, kMaxItemWords = 4;
  for (std::string_view sep : {std::string_view(" \u00B7 "), std::string_view(" | ")}) {
    if (label.find(sep) == std::string_view::npos) continue;
    std::size_t items = 0;
    for (std::size_t from = 0; from <= label.size(); ++items) {
      const std::size_t at = std::min(label.find(sep, from), label.size());
      if (html::count_words(label.substr(from, at - from)) > kMaxItemWords) return false;
      from = at + sep.size();
    }
    return items <= kMaxItems;
  }
  return false;
}

/// The headline opens the article: an <h2> or <h3> that is the title
/// (a CMS's "page-header") becomes the first heading, and a section label
/// in an untitled introduction right above it ("Cidades", a kicker) goes.
void headline_first(Article& article) {
  constexpr std::size_t kMaxLabelWords = 3;
  std::vector<Section>& sections = article.sections;
  const std::string title = ascii_lower(html::collapse(article.title));
  if (sections.size() >= 2 && sections[0].title.empty() && sections[0].blocks.size() == 1 &&
      ascii_lower(html::collapse(sections[1].title)) == title) {
    const Block& b = sections[0].blocks[0];
    // A label's paragraph, or a list of one item (a page builder's icon list).
    const bool one_item = b.kind == BlockKind::List && b.items.size() == 1;
    const std::string label = plain_text(one_item ? b.items[0].text : b.text);
    if ((b.kind == BlockKind::Paragraph || one_item) && (html::count_words(label) <= kMaxLabelWords || is_label_path(label)) &&
        !label.ends_with('.')) {
      article.dropped.push_back(Dropped{label, "section label above the headline", b.line});
      sections.erase(sections.begin());
    }
  }
  // A heading with nothing under it right over the headline: a unit's or a
  // section's title ("Servicio de Cardiología: pruebas ..." over "Holter de 24 horas").
  if (sections.size() >= 2 && !title.empty() && !sections[0].title.empty() && sections[0].blocks.empty() &&
      ascii_lower(html::collapse(sections[0].title)) != title &&
      ascii_lower(html::collapse(sections[1].title)) == title) {
    article.dropped.push_back(Dropped{sections[0].title, "section heading above the headline", sections[0].line});
    sections.erase(sections.begin());
  }
  if (!sections.empty() && !title.empty() && ascii_lower(html::collapse(sections[0].title)) == title &&
      sections[0].level > 1) {
    const int shift = sections[0].level - 1;
    for (Section& s : sections) s.level = std::max(1, s.level - shift);
  }
}

/// The title alone, or the title run together with a date and a byline
/// ("Thursday 8 October Flu clinics open by Gazette reporter") as a table
/// layout's story header: a few words around it and no sentence end.
bool is_title_line(const std::string& text, std::size_t words, const std::string& title) {
  constexpr std::size_t kMaxExtraWords = 10;
  if (title.empty()) return false;
  const std::string lower = ascii_lower(text);
  const std::string lower_title = ascii_lower(title);
  if (lower == lower_title) return true;
  constexpr std::size_t kMinTitleWords = 4;  // a one-word title turns up inside ordinary lines
  return html::count_words(title) >= kMinTitleWords && lower.find(lower_title) != std::string::npos && words <= html::count_words(title) + kMaxExtraWords &&
         !text.ends_with('.') && !text.ends_with('?') && !text.ends_with('!');
}

/// The title repeated as a paragraph under a line or two of letterhead (a
/// published document's "Running club · Section · internal" over its Title
/// paragraph): the letterhead goes with the repeat.
void drop_letterhead_above_title(Article& article) {
  constexpr std::size_t kMaxLetterhead = 2, kMaxLetterheadWords = 10;
  if (article.sections.empty()) return;
  std::vector<Block>& blocks = article.sections.front().blocks;
  for (std::size_t j = 1; j <= kMaxLetterhead && j < blocks.size(); ++j) {
    const Block& b = blocks[j - 1];
    const std::string above = plain_text(b.text);
    if (b.kind != BlockKind::Paragraph || html::count_words(above) > kMaxLetterheadWords || above.ends_with('.')) return;
    if (blocks[j].kind != BlockKind::Paragraph) return;
    const std::string text = plain_text(blocks[j].text);
    if (ascii_lower(html::collapse(text)) != ascii_lower(html::collapse(article.title))) continue;
    for (std::size_t k = 0; k < j; ++k)
      article.dropped.push_back(Dropped{plain_text(blocks[k].text), "letterhead above the title", blocks[k].line});
    blocks.erase(blocks.begin(), blocks.begin() + static_cast<std::ptrdiff_t>(j));
    return;
  }
}

/// Above the article's first long paragraph, a paragraph that repeats the
/// title or holds only a date is page furniture of a div-only template.
void drop_title_and_date_lines(Article& article) {
  drop_letterhead_above_title(article);
  for (Section& s : article.sections) {
    for (auto it = s.blocks.begin(); it != s.blocks.end();) {
      if (it->kind != BlockKind::Paragraph) return;
      const std::string text = plain_text(it->text);
      const std::size_t words = html::count_words(text);
      if (words >= kLongParagraphWords) return;
      const bool title = is_title_line(text, words, article.title);
      const bool date = words <= 6 && has_date(text) && !text.ends_with('.');
      if (!title && !date) return;
      article.dropped.push_back(Dropped{text, title ? "title repeated" : "dateline", it->line});
      it = s.blocks.erase(it);
    }
    if (!s.blocks.empty()) return;
  }
}

/// An author's bio closing the article with no class or heading to mark it
/// ("Jo Roe is a health writer based in Leeds."): not the article.
void drop_closing_bio(Article& article) {
  if (article.sections.empty() || article.sections.back().blocks.empty()) return;
  std::vector<Block>& blocks = article.sections.back().blocks;
  const Block& last = blocks.back();
  const bool only_block = article.sections.size() == 1 && blocks.size() == 1;
  if (only_block || last.kind != BlockKind::Paragraph) return;
  const std::string text = plain_text(last.text);
  if (!is_author_bio(text)) return;
  article.dropped.push_back(Dropped{text, "author-bio", last.line});
  blocks.pop_back();
}

/// Every word of the paragraph is set in italics (or <em>).
bool wholly_emphasised(const Block& b) {
  bool any = false;
  for (const Span& span : b.text) {
    if (std::all_of(span.text.begin(), span.text.end(), [](unsigned char c) { return std::isspace(c) != 0; })) continue;
    if (!span.emphasis) return false;
    any = true;
  }
  return any;
}

/// A line that sends the reader to urgent help stays wherever it stands, and
/// so does a writer's own postscript ("Edit: a few people asked ...").
bool keeps_closing_note(std::string_view text) {
  static const Regex urgent(
      R"(\b(call|dial|ring|text) (911|999|988|112|000|111|triple zero|an ambulance|emergency)|\bemergenc)"
      R"(|poison (control|centre|center)|\bcrisis\b|suicid|seek (urgent|immediate|emergency) )",
      /*ignore_case=*/true);
  static const Regex postscript(R"(^(edit|update|p\.? ?s\.?)\b)", /*ignore_case=*/true);
  return urgent.search(text) || postscript.search(text);
}

/// The notes a story ends on, each set wholly in italics: the wire's tagline
/// ("This report by ... was first published ..."), a columnist's standing
/// line, a correction, a funding statement, a fact sheet's revision note.
/// They close the article, below its last plain paragraph.
void drop_closing_italic_notes(Article& article) {
  constexpr std::size_t kMaxNotes = 3, kMaxNoteWords = 80;
  if (article.sections.empty()) return;
  std::vector<Block>& blocks = article.sections.back().blocks;
  for (std::size_t n = 0; n < kMaxNotes && blocks.size() > 1; ++n) {
    const Block& last = blocks.back();
    if (last.kind != BlockKind::Paragraph || !wholly_emphasised(last)) return;
    const std::string text = plain_text(last.text);
    if (html::count_words(text) > kMaxNoteWords || keeps_closing_note(text)) return;
    if (!std::any_of(blocks.begin(), blocks.end() - 1, [](const Block& b) {
          return b.kind == BlockKind::Paragraph && !wholly_emphasised(b);
        }))
      return;
    article.dropped.push_back(Dropped{text, "closing note in italics", last.line});
    blocks.pop_back();
  }
}

/// Runs of three words, joined by spaces: how a pull quote is compared with
/// the paragraph it repeats (its quote marks, case and punctuation may differ).
std::vector<std::string> word_triples(const std::vector<std::string>& words) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i + 2 < words.size(); ++i) out.push_back(words[i] + ' ' + words[i + 1] + ' ' + words[i + 2]);
  return out;
}

/// A pull quote repeats a line of the article in large type: a short quote
/// block most of whose runs of three words stand in other blocks of the
/// article is not read twice. The text may break the quote with "she said",
/// and the pull quote may carry its speaker's name.
void drop_repeated_quotes(Article& article) {
  constexpr std::size_t kMaxQuoteWords = 40, kMinQuoteWords = 5;
  constexpr double kMinShared = 0.6;
  std::unordered_set<std::string> told;
  for (const Section& s : article.sections)
    for (const Block& b : s.blocks) {
      if (b.kind == BlockKind::Quote) continue;
      for (std::string& t : word_triples(lowercase_words(plain_text(b.text)))) told.insert(std::move(t));
      for (const ListItem& item : b.items)
        for (std::string& t : word_triples(lowercase_words(plain_text(item.text)))) told.insert(std::move(t));
    }
  for (Section& s : article.sections)
    std::erase_if(s.blocks, [&](const Block& b) {
      if (b.kind != BlockKind::Quote) return false;
      const std::string text = plain_text(b.text);
      const std::vector<std::string> words = lowercase_words(text);
      if (words.size() > kMaxQuoteWords || words.size() < kMinQuoteWords) return false;
      const std::vector<std::string> triples = word_triples(words);
      const auto shared = std::count_if(triples.begin(), triples.end(), [&](const std::string& t) { return told.contains(t); });
      if (static_cast<double>(shared) < kMinShared * static_cast<double>(triples.size())) return false;
      article.dropped.push_back(Dropped{text, "pull quote repeating the text", b.line});
      return true;
    });
}

}  // namespace

Article parse_html(std::string_view bytes, const BoilerplateFilter& filter, const std::string& encoding,
                   std::string_view source_name) {
  const DecodedPage page = decode_html_page(bytes, encoding);
  if (!page.warning.empty())
    std::cerr << (source_name.empty() ? std::string_view("readaloud") : source_name) << ": warning: " << page.warning
              << "\n";
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
  drop_closing_bio(article);
  drop_closing_italic_notes(article);
  drop_repeated_quotes(article);
  drop_empty_headings(article);
  headline_first(article);
  drop_title_and_date_lines(article);
  return article;
}

}  // namespace readaloud
