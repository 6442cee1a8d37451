#include "ingest/html_metadata.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <span>
#include <string_view>

#include "ingest/html_dom.hpp"
#include "util/text.hpp"

namespace readaloud::html {
namespace {

using nlohmann::json;

/// JSON-LD blocks nested deeper than this are skipped (no real page comes close).
constexpr int kMaxJsonDepth = 64;
/// Separators between a headline and the site's name in <title>.
constexpr std::string_view kSeparators[] = {" | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " :: ",
                                            " \xC2\xB7 ", "\xEF\xBD\x9C", "_", " : "};

bool set(Sourced& field, const std::string& value, const char* source) {
  if (!field.empty() || value.empty()) return false;
  field = {value, source};
  return true;
}

std::string lower_collapsed(const std::string& s) { return ascii_lower(collapse(s)); }

int json_depth(std::string_view s) {
  int depth = 0, max = 0;
  for (char c : s) {
    if (c == '{' || c == '[') max = std::max(max, ++depth);
    else if (c == '}' || c == ']') --depth;
  }
  return max;
}

/// A JSON value as text: a string, or the "name" of an object, or names of an array joined.
std::string json_text(const json& v) {
  if (v.is_string()) return collapse(v.get<std::string>());
  if (v.is_object() && v.contains("name")) return json_text(v["name"]);
  if (v.is_array()) {
    std::string out;
    for (const auto& item : v) {
      const std::string t = json_text(item);
      if (t.empty()) continue;
      if (!out.empty()) out += ", ";
      out += t;
    }
    return out;
  }
  return {};
}

bool has_type(const json& obj, std::initializer_list<std::string_view> wanted) {
  if (!obj.is_object() || !obj.contains("@type")) return false;
  const auto matches = [&](const json& t) {
    if (!t.is_string()) return false;
    const std::string s = t.get<std::string>();
    return std::any_of(wanted.begin(), wanted.end(), [&](std::string_view w) { return s == w; });
  };
  const json& type = obj["@type"];
  if (type.is_array()) return std::any_of(type.begin(), type.end(), matches);
  return matches(type);
}

/// The objects of a JSON-LD block: top level, arrays and @graph.
void collect_objects(const json& v, std::vector<const json*>& out) {
  if (v.is_array()) {
    for (const auto& item : v) collect_objects(item, out);
  } else if (v.is_object()) {
    out.push_back(&v);
    if (v.contains("@graph")) collect_objects(v["@graph"], out);
  }
}

void read_json_ld_object(const json& o, PageMetadata& m) {
  if (has_type(o, {"WebSite", "Organization", "NewsMediaOrganization"})) {
    set(m.site_name, json_text(o.value("name", json())), "JSON-LD WebSite name");
    return;
  }
  // A Q&A page is titled by its question: {"@type":"QAPage","mainEntity":{"@type":"Question","name":...}}.
  if (has_type(o, {"QAPage"}) && o.contains("mainEntity") && o["mainEntity"].is_object() &&
      has_type(o["mainEntity"], {"Question"})) {
    set(m.title, json_text(o["mainEntity"].value("name", json())), "JSON-LD QAPage question");
    return;
  }
  const bool article = has_type(o, {"Article", "NewsArticle", "BlogPosting", "Report", "ScholarlyArticle",
                                    "TechArticle", "LiveBlogPosting", "MedicalWebPage", "AnalysisNewsArticle",
                                    "OpinionNewsArticle", "ReportageNewsArticle", "MedicalScholarlyArticle",
                                    "SocialMediaPosting", "Blog", "WebPage", "Recipe", "HowTo"});
  if (!article) return;
  const bool page = has_type(o, {"WebPage"}) && !o.contains("articleBody");
  if (!page) set(m.title, json_text(o.value("headline", json())), "JSON-LD headline");
  set(m.author, json_text(o.value("author", json())), "JSON-LD author");
  set(m.published, json_text(o.value("datePublished", json())), "JSON-LD datePublished");
  set(m.language, json_text(o.value("inLanguage", json())), "JSON-LD inLanguage");
  if (o.contains("publisher")) set(m.site_name, json_text(o["publisher"]), "JSON-LD publisher");
  if (m.article_body.empty() && o.contains("articleBody") && o["articleBody"].is_string())
    m.article_body = o["articleBody"].get<std::string>();
}

void read_json_ld(std::string_view text, PageMetadata& m) {
  if (json_depth(text) > kMaxJsonDepth) return;
  const json doc = json::parse(text.begin(), text.end(), nullptr, false);
  if (doc.is_discarded()) return;
  std::vector<const json*> objects;
  collect_objects(doc, objects);
  // Articles first, so a page's own headline wins over a WebSite's name.
  for (const json* o : objects)
    if (!has_type(*o, {"WebSite", "Organization", "NewsMediaOrganization"})) read_json_ld_object(*o, m);
  for (const json* o : objects) read_json_ld_object(*o, m);
}

std::string locale_to_tag(std::string s) {
  std::replace(s.begin(), s.end(), '_', '-');
  return s;
}

/// Facts from <meta> and <title>, gathered in one pass before the cascade.
struct HeadFacts {
  std::string title_tag, og_title, og_site, app_name, meta_author, article_author, published, meta_date,
      content_language, og_locale, micro_headline, micro_author, micro_date;
  std::string doc_title;  ///< a published document's Title paragraph, above every <h1>
  std::string dc_title;   ///< <meta name="dcterms.title">, a government page's own title
  std::string titled;     ///< the first headline-sized element a class names a title ("detail-title")
  std::vector<std::string> titled_h1s;  ///< <h1>s a class names the article's title ("entry-title", "headline")
  std::vector<std::string> big_fonts;  ///< an old table layout's large text (<font size="5">) before any <h1>
};

/// An old layout's headline size: <font size="5">, "6", "7", "+2" or more.
bool is_headline_font(const GumboNode* n) {
  if (tag_of(n) != GUMBO_TAG_FONT) return false;
  const char* size = attr(n, "size");
  if (size == nullptr) return false;
  const std::string_view v = trim(size);
  if (v == "5" || v == "6" || v == "7") return true;
  return v.size() == 2 && v[0] == '+' && v[1] >= '2' && v[1] <= '4';
}

/// A document published from an online editor or a word processor marks its
/// title as a paragraph style: <p class="title">, <p class=MsoTitle>.
bool is_document_title(const GumboNode* n) {
  if (tag_of(n) != GUMBO_TAG_P || attr(n, "class") == nullptr) return false;
  const std::vector<std::string> tokens = class_tokens(n);
  return std::any_of(tokens.begin(), tokens.end(), [](const std::string& t) { return t == "title" || t == "msotitle"; });
}

void read_meta(const GumboNode* n, HeadFacts& f) {
  const char* content = attr(n, "content");
  if (content == nullptr) return;
  const std::string name = ascii_lower(attr(n, "name") ? attr(n, "name") : "");
  const std::string property = ascii_lower(attr(n, "property") ? attr(n, "property") : "");
  const std::string itemprop = attr(n, "itemprop") ? attr(n, "itemprop") : "";
  const std::string equiv = ascii_lower(attr(n, "http-equiv") ? attr(n, "http-equiv") : "");
  const std::string value = collapse(content);
  const auto keep = [&](std::string& into) {
    if (into.empty()) into = value;
  };
  if (name == "author") keep(f.meta_author);
  if (property == "article:author" && value.find("://") == npos) keep(f.article_author);
  if (property == "og:title" || name == "og:title") keep(f.og_title);
  if (name == "dcterms.title" || name == "dc.title") keep(f.dc_title);
  if (property == "og:site_name") keep(f.og_site);
  if (name == "application-name") keep(f.app_name);
  if (property == "article:published_time" || name == "article:published_time") keep(f.published);
  if (name == "date" || name == "dc.date" || name == "publish-date" || name == "pubdate") keep(f.meta_date);
  if (equiv == "content-language") keep(f.content_language);
  if (property == "og:locale") keep(f.og_locale);
  if (itemprop == "datePublished") keep(f.micro_date);
  if (itemprop == "headline") keep(f.micro_headline);
}

/// The <h2>s read as possible headlines: those near the top of the page.
constexpr std::size_t kHeadlineH2s = 12;
constexpr std::size_t kMinHeadlineWords = 3;  // a sidebar's "Moderators" box title is none

/// Four CJK characters or more (three bytes each): a headline in a script
/// written without spaces, a word to count_words().
bool cjk_headline(const std::string& text) {
  return std::count_if(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) >= 0xE3; }) >= 4;
}

/// Three words or more, or a CJK headline: a sidebar box's "Moderators" is no headline.
bool headline_sized(const std::string& text) { return count_words(text) >= kMinHeadlineWords || cjk_headline(text); }

/// Whether `whole` (a <title>'s part) opens with `head` and a separator
/// ("sepsis: the signs to know - fact sheet" with "sepsis: the signs to know").
bool opens_before_separator(const std::string& whole, const std::string& head) {
  return std::any_of(std::begin(kSeparators), std::end(kSeparators),
                     [&](std::string_view sep) { return whole.starts_with(head + std::string(sep)); });
}

/// Whether `h1` is `part` after a kicker and a colon: "市疾控中心提醒：春季谨防霉变甘蔗中毒"
/// for "春季谨防霉变甘蔗中毒", "Health alert: Beware of mouldy sugar cane" for "beware of mouldy sugar cane".
bool told_after_kicker(const std::string& h1, const std::string& part) {
  if (part.empty() || h1.size() <= part.size() || !h1.ends_with(part)) return false;
  const std::string_view kicker = std::string_view(h1).substr(0, h1.size() - part.size());
  return kicker.size() > 3 && (kicker.ends_with(": ") || kicker.ends_with("\xEF\xBC\x9A"));
}

/// Whether either heading holds the other whole: one adds a kicker to the
/// other, or is the other cut short; neither is a rewording.
bool one_holds_the_other(const std::string& a, const std::string& b) { return a.find(b) != npos || b.find(a) != npos; }

/// Whether a class or id token names a title or headline: "art_title",
/// "entry-title", "headline", and run together, "detailTitle" and
/// "storyHeadline" ("detailtitle" once lowercased); never "subtitle".
bool token_names_title(std::string_view token) {
  for (std::size_t pos = 0; pos <= token.size();) {
    const std::size_t end = std::min(token.find_first_of("-_", pos), token.size());
    const std::string_view piece = token.substr(pos, end - pos);
    if ((piece.ends_with("title") && !piece.ends_with("subtitle")) || piece.ends_with("headline")) return true;
    pos = end + 1;
  }
  return false;
}

/// An element whose class names a title or headline: "art_title", "entry-title", "headline".
bool names_title(const GumboNode* n) {
  if (n->type != GUMBO_NODE_ELEMENT || attr(n, "class") == nullptr) return false;
  const std::vector<std::string> tokens = class_tokens(n);
  return std::any_of(tokens.begin(), tokens.end(), [](const std::string& t) { return token_names_title(t); });
}

/// A heading whose class names the article's title ("entry-title",
/// "article__title", "blog-article__title", "headline", "hdv-titulo"), not
/// the site's ("site-title", "blog-title"), a section's or a dialog's
/// ("didomi-popup-notice-title").
bool names_article_title(const GumboNode* n) {
  if (n->type != GUMBO_NODE_ELEMENT || attr(n, "class") == nullptr) return false;
  static constexpr std::string_view kTitle[] = {"titre", "titulo", "titel", "titolo"};
  static constexpr std::string_view kOther[] = {"site", "logo", "brand", "blog", "masthead", "section", "page", "module"};
  static constexpr std::string_view kArticle[] = {"article", "post", "entry", "story", "news"};
  static constexpr std::string_view kDialog[] = {"popup", "notice", "modal", "dialog", "consent", "cookie", "banner"};
  const auto has = [](const std::string& t, std::span<const std::string_view> parts) {
    return std::any_of(parts.begin(), parts.end(), [&](std::string_view part) { return token_has_part(t, part); });
  };
  const std::vector<std::string> tokens = class_tokens(n);
  if (std::any_of(tokens.begin(), tokens.end(), [&](const std::string& t) { return has(t, kDialog); })) return false;
  return std::any_of(tokens.begin(), tokens.end(), [&](const std::string& t) {
    return (token_names_title(t) || has(t, kTitle)) && (!has(t, kOther) || has(t, kArticle));
  });
}

/// A heading's text without a kicker set into it: "<span class="kicker">'I
/// THOUGHT IT WAS THE CURRY'</span> Dad-of-three, 41, blamed ...".
std::string heading_text(const GumboNode* n) {
  const GumboVector* kids = children_of(n);
  const auto kicker = [](const GumboNode* k) {
    if (!is_element(k)) return false;
    const std::vector<std::string> tokens = class_tokens(k);
    return std::any_of(tokens.begin(), tokens.end(), [](const std::string& t) {
      return token_has_part(t, "kicker") || token_has_part(t, "eyebrow");
    });
  };
  if (kids == nullptr || std::none_of(kids->data, kids->data + kids->length, [&](void* k) {
        return kicker(static_cast<const GumboNode*>(k));
      }))
    return subtree_text(n, 4096);
  std::string text;
  for (unsigned i = 0; i < kids->length; ++i)
    if (const GumboNode* k = child_at(kids, i); !kicker(k)) text += subtree_text(k, 4096);
  return headline_sized(collapse(text)) ? text : subtree_text(n, 4096);
}

/// One pass over the whole document: <title>, <meta>, JSON-LD, microdata, <h1>s.
void scan(const GumboNode* document, HeadFacts& f, PageMetadata& m) {
  std::vector<const GumboNode*> stack{document};
  while (!stack.empty()) {
    const GumboNode* n = stack.back();
    stack.pop_back();
    const GumboTag tag = tag_of(n);
    if (tag == GUMBO_TAG_TITLE && f.title_tag.empty()) f.title_tag = subtree_text(n, 4096);
    if (tag == GUMBO_TAG_META) read_meta(n, f);
    if (tag == GUMBO_TAG_H1) {
      m.h1s.push_back(std::string(without_permalink_mark(heading_text(n))));
      if (names_article_title(n)) f.titled_h1s.push_back(m.h1s.back());
    }
    if (m.h1s.empty() && f.doc_title.empty() && is_document_title(n)) f.doc_title = collapse(subtree_text(n, 4096));
    if (m.h1s.empty() && f.big_fonts.size() < kHeadlineH2s && is_headline_font(n))
      if (std::string text = collapse(subtree_text(n, 4096)); headline_sized(text)) f.big_fonts.push_back(std::move(text));
    // The first <h2>s, and elements a class names a title ("art_title",
    // "post-title"): a table-layout page's headline has no heading element.
    const bool headline_slot = m.h2s.size() < kHeadlineH2s && tag != GUMBO_TAG_TITLE && tag != GUMBO_TAG_H1;
    const bool titled = headline_slot && names_title(n);
    if (headline_slot && (tag == GUMBO_TAG_H2 || titled))
      if (std::string text(without_permalink_mark(subtree_text(n, 4096))); headline_sized(text)) {
        if (f.titled.empty() && titled) f.titled = collapse(text);
        m.h2s.push_back(std::move(text));
      }
    if (tag == GUMBO_TAG_SCRIPT) {
      const char* type = attr(n, "type");
      if (type != nullptr && ascii_lower(trim(type)) == "application/ld+json") {
        const GumboVector* kids = children_of(n);
        if (kids->length > 0 && child_at(kids, 0)->type == GUMBO_NODE_TEXT)
          read_json_ld(child_at(kids, 0)->v.text.text, m);
      }
      continue;
    }
    if (const char* prop = attr(n, "itemprop"); prop != nullptr && tag != GUMBO_TAG_META) {
      const std::string_view p(prop);
      if (p == "headline" && f.micro_headline.empty()) f.micro_headline = subtree_text(n, 4096);
      if (p == "author" && f.micro_author.empty()) f.micro_author = subtree_text(n, 512);
    }
    const GumboVector* kids = children_of(n);
    if (kids == nullptr) continue;
    for (unsigned i = kids->length; i-- > 0;) stack.push_back(child_at(kids, i));
  }
}

const GumboNode* html_element(const GumboNode* document) {
  const GumboVector* top = children_of(document);
  for (unsigned i = 0; i < top->length; ++i)
    if (tag_of(child_at(top, i)) == GUMBO_TAG_HTML) return child_at(top, i);
  return nullptr;
}

/// A structured headline cut short of the visible one ("X" where the <h1>
/// reads "X – latest updates"): the <h1> wins when og:title or <title>
/// carries it whole, since only a site name is ever stripped from a title.
void prefer_fuller_h1(const HeadFacts& f, PageMetadata& m) {
  if (m.title.value.empty()) return;
  const std::string short_title = lower_collapsed(m.title.value);
  const std::string og = lower_collapsed(f.og_title);
  const std::string tag = lower_collapsed(f.title_tag);
  for (const std::string& h1 : m.h1s) {
    const std::string l = lower_collapsed(h1);
    if (l.size() <= short_title.size() || !l.starts_with(short_title)) continue;
    const std::string_view rest = std::string_view(l).substr(short_title.size());
    const bool separated = std::any_of(std::begin(kSeparators), std::end(kSeparators),
                                       [&](std::string_view sep) { return rest.starts_with(sep); });
    // Or the structured headline stops mid-phrase, cut to a search engine's
    // length: "'Grandma, it's me': how scammers fake family emergencies" for
    // "... emergencies to target older relatives". The <h1> runs on in words.
    const bool cut_short = m.title.source.starts_with("JSON-LD") && rest.starts_with(' ') &&
                           count_words(rest) >= 2 && std::none_of(std::begin(kSeparators), std::end(kSeparators),
                                                                  [&](std::string_view sep) { return rest.find(sep) != npos; });
    if (!separated && !cut_short) continue;
    if (separated && og.find(l) == npos && tag.find(l) == npos) continue;
    m.title = {collapse(h1), "<h1> fuller than the structured headline"};
    return;
  }
}

/// Words of five letters or more, lower-cased: the words two headlines of
/// one story share ("naproxen", "surgery") without "with" or "your".
std::vector<std::string> long_words(const std::string& text) { return lowercase_words(text, 5); }

/// Whether the two word lists have a word in common.
bool shares_word(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  return std::any_of(a.begin(), a.end(), [&](const std::string& w) { return std::ranges::find(b, w) != b.end(); });
}

/// Whether `h1` is <title>'s site or section part (" - Health Center - Site"),
/// not its headline.
bool is_title_tail(const std::string& h1, const std::string& title_tag, const std::string& site) {
  const std::string l = lower_collapsed(h1);
  if (l == lower_collapsed(site)) return true;
  const std::string tag = lower_collapsed(title_tag);
  return std::any_of(std::begin(kSeparators), std::end(kSeparators), [&](std::string_view sep) {
    const std::size_t at = tag.find(std::string(sep) + l);
    return at != npos && at > 0;
  });
}

/// A health library's entry shows its name alone: "Cellulitis" (`visible`,
/// lower-cased) for the JSON-LD headline "Cellulitis (Skin Infection):
/// Symptoms, ..." (`told`).
bool names_entry_of(const std::string& visible, const std::string& told) {
  return !visible.empty() && told.size() > visible.size() + 2 && told.starts_with(visible) &&
         std::string_view("(:,").find(told[visible.size() + (told[visible.size()] == ' ')]) != npos;
}

// Defined with the <title> checks below.
std::string longest_title_part(const std::string& title_tag);
bool tells_headline(const std::string& heading, const std::string& part);

/// Whether `shown`, a headline in a script written without spaces, is a
/// shorter wording of `told`: most of its pairs of characters ("牙齒",
/// "敏感", "常見", "問題") are in `told`. Twelve bytes or more (four
/// characters), none of them a space.
bool cjk_shortened(const std::string& shown, const std::string& told) {
  constexpr std::size_t kMinBytes = 12;
  constexpr double kMinShare = 0.6;
  if (shown.size() < kMinBytes || shown.find(' ') != npos || static_cast<unsigned char>(shown[0]) < 0xE0) return false;
  std::vector<std::size_t> starts;  // where each character begins
  for (std::size_t i = 0; i < shown.size(); ++i)
    if ((static_cast<unsigned char>(shown[i]) & 0xC0) != 0x80) starts.push_back(i);
  starts.push_back(shown.size());
  std::size_t pairs = 0, found = 0;
  for (std::size_t k = 0; k + 2 < starts.size(); ++k, ++pairs)
    found += told.find(shown.substr(starts[k], starts[k + 2] - starts[k])) != npos;
  return pairs > 0 && static_cast<double>(found) >= kMinShare * static_cast<double>(pairs);
}

/// The visible headline when og:title is a social-media variant ("Naproxen —
/// what you need to know" over "Naproxen: a guide to taking it safely"): the
/// page's only <h1> of two words or more that is not its site or section
/// name and shares a word of five letters or more with og:title, or tells
/// <title>'s headline (or, in Chinese or Japanese, words og:title shorter:
/// cjk_shortened). An <h1>
/// that differs from og:title only in its spaces (a line break in the
/// headline) is og:title itself. A structured-data headline that repeats
/// og:title is the same social variant and does not stop it.
void prefer_visible_h1(const HeadFacts& f, PageMetadata& m) {
  const auto squeezed = [](const std::string& s) {
    std::string out;
    for (char c : lower_collapsed(s))
      if (c != ' ') out += c;
    return out;
  };
  if (f.og_title.empty() || (!m.title.empty() && squeezed(m.title.value) != squeezed(f.og_title))) return;
  const std::vector<std::string> told = long_words(f.og_title);
  const std::string title_part = longest_title_part(clean_title(f.title_tag, m.site_name.value, {}));
  const std::string* found = nullptr;
  for (const std::string& h1 : m.h1s) {
    if (squeezed(h1) == squeezed(f.og_title)) return;
    const bool cjk = cjk_shortened(collapse(h1), f.og_title);
    if ((count_words(h1) < 2 && !cjk) || is_title_tail(h1, f.title_tag, m.site_name.value)) continue;
    const std::vector<std::string> words = long_words(h1);
    // Or it tells <title>'s headline, which og:title words otherwise ("Hypos:
    // spotting and treating low blood sugar" for "Hypos (low blood sugar):
    // symptoms and treatment | Site" under og:title "Having a hypo? …").
    if (!cjk && !tells_headline(h1, title_part) && !shares_word(words, told)) continue;
    if (found != nullptr) return;  // two candidates: the cascade decides
    found = &h1;
  }
  if (found != nullptr) m.title = {collapse(*found), "<h1> over a different og:title"};
}

/// A condition page's only <h1> names its entry and <title> opens with it
/// ("COPD flare-ups: what to do when your symptoms get worse | Site", or
/// "Obstipação - Site" alone), while og:title or a JSON-LD headline words the
/// page for sharing ("What to do if your COPD flares up", "Obstipação: o que
/// é, causas e tratamento"): the <h1> is the title the reader sees. Not when
/// <title> holds the structured title: a blog's "Blog name: Post title", its
/// <h1> the blog's name and og:title the post's.
void prefer_h1_opening_title(const HeadFacts& f, PageMetadata& m) {
  if (m.h1s.size() != 1 || (m.title.source != "og:title" && m.title.source != "JSON-LD headline")) return;
  const std::string& h1 = m.h1s.front();
  const std::string l = lower_collapsed(h1), told = lower_collapsed(m.title.value);
  const std::string part = lower_collapsed(clean_title(f.title_tag, m.site_name.value, {}));
  if (l.empty() || told.empty() || part.find(told) != npos ||
      (one_holds_the_other(l, told) && !names_entry_of(l, told)))
    return;
  constexpr std::size_t kSharedWordBytes = 4;  // "COPD"
  const std::vector<std::string> said = lowercase_words(told, kSharedWordBytes), shown = lowercase_words(l, kSharedWordBytes);
  const bool shares = shares_word(said, shown);
  // <title> may add a section after the entry: "Bunions - Print - Site".
  const bool whole = (part == l || opens_before_separator(part, l)) && names_entry_of(l, told);
  const bool opens = count_words(h1) >= 2 && part.starts_with(l + ": ") && shares;
  if (whole || opens) m.title = {collapse(h1), "<h1> opening <title>"};
}

/// Two wordings of one headline: "Gout: symptoms, causes, and treatment" and
/// "Gout: symptoms, causes, diagnosis, and treatment". All but one word of the
/// shorter in the longer, and the shorter at least two thirds of its length
/// in words (three words or more).
bool nearly_the_same(const std::string& a, const std::string& b) {
  std::vector<std::string> x = lowercase_words(a), y = lowercase_words(b);
  if (x.size() > y.size()) std::swap(x, y);
  if (x.size() < 3 || x.size() * 3 < y.size() * 2) return false;
  std::size_t missing = 0;
  for (const std::string& w : x) missing += std::find(y.begin(), y.end(), w) == y.end();
  return missing <= 1 && missing * 5 < x.size();
}

/// The longest part of a <title> cut at its separators, lower-cased:
/// "head lice: what families need to know" in "Head Lice: What Families
/// Need to Know | Health Services | Harrow Valley School District".
std::string longest_title_part(const std::string& title_tag) {
  std::vector<std::string> parts{lower_collapsed(title_tag)};
  for (std::string_view sep : kSeparators) {
    std::vector<std::string> cut;
    for (const std::string& p : parts)
      for (std::size_t pos = 0;;) {
        const std::size_t at = p.find(sep, pos);
        cut.emplace_back(trim(std::string_view(p).substr(pos, at == npos ? npos : at - pos)));
        if (at == npos) break;
        pos = at + sep.size();
      }
    parts = std::move(cut);
  }
  return *std::max_element(parts.begin(), parts.end(),
                           [](const std::string& a, const std::string& b) { return a.size() < b.size(); });
}

/// Whether `heading` tells the story of `part` (a <title>'s headline part):
/// holds it, words it nearly the same, or has three in five of its long
/// words ("В трёх поликлиниках Новоборска откроются кабинеты помощи тем, кто
/// решил бросить курить" for "в трёх поликлиниках откроются кабинеты помощи
/// курильщикам"). Not much longer than it either.
bool tells_headline(const std::string& heading, const std::string& part) {
  constexpr std::size_t kMinLongWords = 3;
  const std::string l = lower_collapsed(heading);
  if (l.size() > 3 * part.size() + 40) return false;
  if (l.find(part) != npos) return true;
  if (l.size() > 2 * part.size() + 20) return false;
  if (nearly_the_same(l, part)) return true;
  const std::vector<std::string> told = long_words(part), have = long_words(l);
  if (told.size() < kMinLongWords) return false;
  const auto shared = std::count_if(told.begin(), told.end(), [&](const std::string& w) {
    return std::find(have.begin(), have.end(), w) != have.end();
  });
  return static_cast<std::size_t>(shared) * 5 >= told.size() * 3;
}

/// A headline marked on the page itself (itemprop="headline" on the <h1>)
/// is what the reader sees; a JSON-LD headline that differs from it is the
/// search-engine title ("… : Fridge, Cold Water & Cooking From Frozen").
void prefer_marked_headline(const HeadFacts& f, PageMetadata& m) {
  if (m.title.source != "JSON-LD headline" || f.micro_headline.empty() ||
      lower_collapsed(f.micro_headline) == lower_collapsed(m.title.value))
    return;
  const std::vector<std::string> told = long_words(m.title.value), shown = long_words(f.micro_headline);
  if (shares_word(told, shown))
    m.title = {collapse(f.micro_headline), "microdata headline over a different JSON-LD headline"};
}

/// The one <h1> whose class names it the article's title is the headline the
/// reader sees; a JSON-LD headline worded otherwise is written for search
/// engines ("Sciatica Overview" for "Sciatica: Causes, Symptoms, and Ways to
/// Ease the Pain"). Not when the <h1> holds the structured headline whole (a
/// kicker before it) or is held by it (cut short).
void prefer_titled_h1(const HeadFacts& f, PageMetadata& m) {
  if (m.title.source != "JSON-LD headline" || f.titled_h1s.size() != 1) return;
  const std::string& h1 = f.titled_h1s.front();
  const std::string visible = lower_collapsed(h1), told = lower_collapsed(m.title.value);
  // A slideshow shows the start of a longer headline: "Dry Mouth: 10 Common Causes" for "… and How to Find Relief".
  constexpr std::size_t kMinPrefixWords = 3;
  const bool names_entry = names_entry_of(visible, told) ||
                           (told.size() > visible.size() + 2 && told.starts_with(visible) &&
                            told[visible.size()] == ' ' && count_words(h1) >= kMinPrefixWords);
  if (names_entry) {
    m.title = {collapse(h1), "title-classed <h1> naming the entry of a JSON-LD headline"};
    return;
  }
  if (!headline_sized(h1) || one_holds_the_other(visible, told)) return;
  m.title = {collapse(h1), "title-classed <h1> over a different JSON-LD headline"};
}

/// Whether a word of one (four letters or more) opens a word of the other:
/// "kind" and "kinderen", "bedwetting" and "bedwetter".
bool shares_stem(const std::string& a, const std::string& b) {
  const std::vector<std::string> as = lowercase_words(a, 4), bs = lowercase_words(b, 4);
  for (const std::string& x : as)
    for (const std::string& y : bs)
      if (x.starts_with(y) || y.starts_with(x)) return true;
  return false;
}

/// The page's one <h1>, a headline, sharing a long word or a word's stem
/// with a JSON-LD headline worded otherwise: the headline the reader sees,
/// the other the one written for search engines ("Hives (Urticaria):
/// Causes, Treatment, and When to Get Help" for "Hives: What Causes Them,
/// How to Calm the Itch, and When It's an Emergency"). Not when either holds
/// the other whole.
void prefer_only_h1(PageMetadata& m) {
  if (m.title.source != "JSON-LD headline" || m.h1s.size() != 1) return;
  const std::string& h1 = m.h1s.front();
  const std::string visible = lower_collapsed(h1), told = lower_collapsed(m.title.value);
  if (!headline_sized(h1) || one_holds_the_other(visible, told)) return;
  const std::vector<std::string> said = long_words(m.title.value), shown = long_words(h1);
  if (shares_word(said, shown) || shares_stem(h1, m.title.value))
    m.title = {collapse(h1), "the only <h1> over a different JSON-LD headline"};
}

bool names_a_section(const std::string& h1);  // with the cascade below

/// og:title and the page's <h1> agree on a headline that a JSON-LD headline
/// words otherwise ("Hemorrojder" shown and shared, "Hemorrojder – symtom,
/// egenvård och behandling" for search engines): the title the reader sees.
/// Not a site's or section's name in the <h1>.
void prefer_h1_agreeing_with_og(const HeadFacts& f, PageMetadata& m) {
  if (m.title.source != "JSON-LD headline" || f.og_title.empty()) return;
  // og:title with the site's name after it ("Rosacea - Wellpedia") agrees too.
  const std::string og = lower_collapsed(clean_title(f.og_title, m.site_name.value, m.h1s));
  if (og == lower_collapsed(m.title.value)) return;
  for (const std::string& h1 : m.h1s) {
    const std::string l = lower_collapsed(h1);
    if (l != og || names_a_section(h1) || is_title_tail(h1, f.title_tag, m.site_name.value)) continue;
    m.title = {collapse(h1), "<h1> and og:title over a different JSON-LD headline"};
    return;
  }
}

/// The only <h1> that <title> opens with, before a separator, over a JSON-LD
/// headline worded otherwise that shares its subject: the name the page
/// shows and its tab agree ("Echocardiogram (Echo)" and "Echocardiogram
/// (Echo) | Tests & Procedures | ..." over "Echocardiogram: Purpose, Types,
/// Preparation and Results").
void prefer_h1_opening_title_tag(const HeadFacts& f, PageMetadata& m) {
  if (m.title.source != "JSON-LD headline" || m.h1s.size() != 1) return;
  const std::string& h1 = m.h1s.front();
  const std::string l = lower_collapsed(h1);
  const std::string part = lower_collapsed(clean_title(f.title_tag, m.site_name.value, {}));
  if (l.empty() || names_a_section(h1) || !shares_stem(h1, m.title.value)) return;
  if (part == l || opens_before_separator(part, l))
    m.title = {collapse(h1), "the only <h1>, opening <title>, over a different JSON-LD headline"};
}

/// The one <h1> whose class names it the article's title over an og:title
/// worded otherwise, as over a JSON-LD headline (prefer_titled_h1): "Why do I
/// stay up late when I'm exhausted?" shown, "Revenge bedtime procrastination:
/// why it happens and how to stop" shared.
void prefer_titled_h1_over_og(const HeadFacts& f, PageMetadata& m) {
  if (m.title.source != "og:title" || f.titled_h1s.size() != 1 || m.h1s.size() != 1) return;
  const std::string& h1 = f.titled_h1s.front();
  // Not a blog's name, which <title> holds beside the post's ("Crumbs and Kettles: Reviving ...").
  const std::string l = lower_collapsed(h1);
  if (!headline_sized(h1) || names_a_section(h1) || one_holds_the_other(l, lower_collapsed(m.title.value)) ||
      lower_collapsed(f.title_tag).find(l) != npos)
    return;
  m.title = {collapse(h1), "title-classed <h1> over a different og:title"};
}

/// With nothing else naming the page, its only <h1>, a headline, sharing a
/// long word with <title> though <title> does not hold it: the headline
/// worded for the page, <title> for a browser tab ("Chikungunya: Prevention
/// and Control" on "… :: Health Department :: Chikungunya Advisory").
void only_h1_sharing_title_word(const HeadFacts& f, PageMetadata& m) {
  if (!m.title.empty() || m.h1s.size() != 1) return;
  const std::string& h1 = m.h1s.front();
  if (!headline_sized(h1) || names_a_section(h1) || is_title_tail(h1, f.title_tag, m.site_name.value)) return;
  if (shares_word(long_words(h1), long_words(f.title_tag))) set(m.title, collapse(h1), "the only <h1>, sharing a word with <title>");
}

/// The page's only <h1>, a headline of four words or more, when <title>
/// names only the site and a section of two or three words ("Health Library |
/// Riverbend Health System" over "Lipomas: Soft Lumps of Fat Under the Skin").
void only_h1_under_section_title(PageMetadata& m, const std::string& cleaned) {
  constexpr std::size_t kMinWords = 4, kMinSectionWords = 2, kMaxSectionWords = 3;
  if (!m.title.empty() || m.h1s.size() != 1) return;
  const std::string& h1 = m.h1s.front();
  const std::size_t section_words = count_words(cleaned);
  if (count_words(h1) < kMinWords || names_a_section(h1) || section_words < kMinSectionWords ||
      section_words > kMaxSectionWords || lower_collapsed(h1).find(lower_collapsed(cleaned)) != npos)
    return;
  set(m.title, collapse(h1), "the only <h1> under a section's <title>");
}

/// The page's only <h1>, a headline that neither <title> nor the site's name
/// holds, worded otherwise than og:title but of the same subject: the
/// visible headline ("Plast je kind nog in bed?" under og:title "Bedplassen?
/// Tips en een tegemoetkoming …" and <title> "Bedplassen bij kinderen …").
/// A blog's name in the <h1> is in <title> or the site's name; an appeal's
/// ("Our winter appeal") shares no word's stem with either.
void the_only_h1_over_og_title(const HeadFacts& f, PageMetadata& m) {
  if (!m.title.empty() || m.h1s.size() != 1 || f.og_title.empty()) return;
  const std::string& h1 = m.h1s.front();
  const std::string l = lower_collapsed(h1), site = m.site_name.value;
  if (!headline_sized(h1) || names_a_section(h1) || is_title_tail(h1, f.title_tag, site)) return;
  if (lower_collapsed(f.title_tag).find(l) != npos || lower_collapsed(site).find(l) != npos) return;
  if (shares_stem(h1, f.og_title) || shares_stem(h1, clean_title(f.title_tag, site, {})))
    set(m.title, collapse(h1), "the only <h1>, a headline <title> does not hold");
}

/// The first <h2> or title-classed element that tells `part`, <title>'s
/// headline part (headline_sized), or nullptr.
const std::string* h2_telling(const PageMetadata& m, const std::string& part) {
  if (!headline_sized(part)) return nullptr;
  for (const std::string& h2 : m.h2s)
    if (tells_headline(h2, part)) return &h2;
  return nullptr;
}

/// og:title or <title> that runs a community's or section's name into the
/// headline ("t/ShoulderRehab - 14 months with …"): the headline alone,
/// when the page shows it as a heading.
void headline_inside_title(PageMetadata& m) {
  if (m.title.source != "og:title" && !m.title.source.starts_with("<title>")) return;
  const std::string whole = lower_collapsed(m.title.value);
  for (const std::string& h : m.h2s) {
    const std::string l = lower_collapsed(h);
    const bool part = l.size() + 3 < whole.size() && std::any_of(std::begin(kSeparators), std::end(kSeparators), [&](std::string_view sep) {
      return whole.starts_with(l + std::string(sep)) || whole.ends_with(std::string(sep) + l);
    });
    if (part && headline_sized(h)) {
      m.title = {collapse(h), "heading inside " + m.title.source};
      return;
    }
  }
}

/// A structured headline worded a little differently from the visible one
/// ("… cabinet to 'move them today'" over "… cabinet 'move them today'"):
/// the listener's title is the one the page shows. An <h1> that holds the
/// structured headline whole adds a kicker to it ("Atemwegsinfekte …"), and
/// one held by it is cut short: neither is a rewording.
void prefer_reworded_h1(PageMetadata& m) {
  for (const std::string& h1 : m.h1s) {
    const std::string visible = lower_collapsed(h1), told = lower_collapsed(m.title.value);
    if (!told.empty() && count_words(h1) >= 4 && !one_holds_the_other(visible, told) &&
        nearly_the_same(visible, told)) {
      m.title = {collapse(h1), "<h1> rewording the structured headline"};
      return;
    }
  }
}

/// An <h1> that names a section of the site, not a story: "News Flash".
bool names_a_section(const std::string& h1) {
  static constexpr std::string_view kSections[] = {
      "news flash", "news", "latest news", "news releases", "news release", "press releases", "press release",
      "announcements", "blog", "noticias", "notícias", "aktuelles", "nachrichten", "pressemitteilungen",
      "actualités", "communiqués", "notizie", "comunicati stampa", "nieuws", "persberichten"};
  const std::string l = lower_collapsed(h1);
  return std::find(std::begin(kSections), std::end(kSections), l) != std::end(kSections);
}

void title_cascade(const HeadFacts& f, PageMetadata& m) {
  // A published document's sections are its <h1>s: its Title paragraph names it.
  if (m.h1s.size() != 1) set(m.title, f.doc_title, "the document's Title paragraph");
  // A government page states its title for catalogues: the <h1> that it names.
  for (const std::string& h1 : m.h1s)
    if (!f.dc_title.empty() && lower_collapsed(h1) == lower_collapsed(f.dc_title))
      set(m.title, collapse(h1), "<h1> matching dcterms.title");
  // A news module's page: its <h1> is the module's name, the story's title an element a class names so.
  if (!m.h1s.empty() && std::all_of(m.h1s.begin(), m.h1s.end(), names_a_section))
    set(m.title, f.titled, "title-classed heading under a section-name <h1>");
  prefer_fuller_h1(f, m);
  prefer_marked_headline(f, m);
  prefer_titled_h1(f, m);
  prefer_only_h1(m);
  prefer_h1_agreeing_with_og(f, m);
  prefer_h1_opening_title_tag(f, m);
  set(m.title, f.micro_headline, "microdata headline");
  const std::string site = m.site_name.value;
  // The visible headline wins over a social-media variant in og:title when
  // <title> carries it too: it must be most of <title>'s headline part, so a
  // site name or section label in an <h1> is not taken.
  const std::string headline_part = lower_collapsed(clean_title(f.title_tag, site, {}));
  for (const std::string& h1 : m.h1s) {
    const std::string l = lower_collapsed(h1);
    // Or <title> opens with it, a section label after it: "Sepsis: the signs to know - Fact sheet - Trust".
    const bool opens_title = opens_before_separator(headline_part, l);
    if ((count_words(l) >= 2 || cjk_headline(l)) && ((headline_part.find(l) != npos && (l.size() * 3 >= headline_part.size() * 2 || opens_title)) ||
                                nearly_the_same(l, headline_part) || told_after_kicker(l, headline_part)) &&
        set(m.title, collapse(h1), "<h1> matching <title>"))
      break;
  }
  prefer_visible_h1(f, m);
  the_only_h1_over_og_title(f, m);
  set(m.title, clean_title(f.og_title, site, m.h1s), "og:title");
  prefer_titled_h1_over_og(f, m);
  prefer_h1_opening_title(f, m);
  // When no <h1> carries the headline (the page has none, or its <h1> is
  // the site's or the section's name), an <h2> that tells <title>'s
  // headline part is the visible headline, often fuller ("Chocolate, grapes
  // and other festive foods that can poison your dog" for "Festive foods
  // that can poison your dog").
  const std::string part = longest_title_part(clean_title(f.title_tag, site, {}));
  const std::string* h2_headline = h2_telling(m, part);
  const std::string tag = lower_collapsed(f.title_tag);
  for (const std::string& h1 : m.h1s) {
    if (h1.empty() || tag.find(lower_collapsed(h1)) == npos) continue;
    if (h2_headline != nullptr && is_title_tail(h1, f.title_tag, site) && !tells_headline(h1, part)) continue;
    if (set(m.title, h1, "<h1> matching <title>")) break;
  }
  only_h1_sharing_title_word(f, m);
  if (h2_headline != nullptr) set(m.title, collapse(*h2_headline), "<h2> matching <title>");
  // A table layout without an <h1> sets its headline in a large font, and
  // its site's name too; <title> names only the site and the section
  // ("Millbrook Lane Surgery - Practice News"): the first large text it does not hold.
  for (const std::string& big : f.big_fonts)
    if (m.h1s.empty() && tag.find(lower_collapsed(big)) == npos &&
        set(m.title, big, "large-font headline (no <h1>)"))
      break;
  headline_inside_title(m);
  prefer_reworded_h1(m);
  const std::string cleaned = clean_title(f.title_tag, site, {});
  only_h1_under_section_title(m, cleaned);
  if (!cleaned.empty() && lower_collapsed(cleaned) != lower_collapsed(site))
    set(m.title, cleaned, cleaned == collapse(f.title_tag) ? "<title>" : "<title> without the site name");
}

}  // namespace

namespace {
/// "Ashby Lane Allotment Society :: Newsletter :: Wasps and hornets on the
/// plots": a site name and a section before the headline. Three parts or
/// more on " :: ", which orders a title from the site down like a breadcrumb
/// (" - " and " | " put the site last as often), the last the longest in
/// characters and in words: the last; else empty.
std::string last_of_site_first(std::string_view title, std::string_view sep) {
  if (sep != " :: ") return {};
  std::vector<std::string_view> parts;
  for (std::size_t pos = 0;;) {
    const std::size_t at = title.find(sep, pos);
    parts.push_back(trim(title.substr(pos, at == npos ? npos : at - pos)));
    if (at == npos) break;
    pos = at + sep.size();
  }
  if (parts.size() < 3) return {};
  // Longer than every other part, in words too: "Having a colonoscopy ::
  // Patient information :: Calderbrook Hospitals" ends in its site.
  for (std::size_t i = 0; i + 1 < parts.size(); ++i)
    if (parts[i].size() >= parts.back().size() || count_words(parts[i]) >= count_words(parts.back())) return {};
  return std::string(parts.back());
}
}  // namespace

std::string clean_title(const std::string& raw, const std::string& site, const std::vector<std::string>& h1s) {
  const std::string title = collapse(raw);
  if (title.empty()) return title;
  const std::string lower = ascii_lower(title);
  // An <h1> the title holds, unless a longer part of it is something else:
  // a forum's community name in "t/ShoulderRehab - 14 months with …".
  const std::string longest = longest_title_part(title);
  for (const std::string& h1 : h1s)
    if (const std::string l = lower_collapsed(h1);
        !l.empty() && lower.find(l) != npos && (longest.find(l) != npos || l.size() >= longest.size()))
      return collapse(h1);
  const std::string lsite = lower_collapsed(site);
  for (std::string_view sep : kSeparators) {
    if (lsite.empty()) break;
    if (lower.ends_with(std::string(sep) + lsite)) return std::string(trim(title.substr(0, title.size() - lsite.size() - sep.size())));
    if (lower.starts_with(lsite + std::string(sep))) return std::string(trim(title.substr(lsite.size() + sep.size())));
  }
  std::size_t best = npos, best_len = 0;
  for (std::string_view sep : kSeparators) {
    const std::size_t at = title.rfind(sep);
    if (at != npos && at > 0 && (best == npos || at > best)) best = at, best_len = sep.size();
  }
  if (best == npos) return title;
  if (const std::string last = last_of_site_first(title, std::string_view(title).substr(best, best_len)); !last.empty())
    return last;
  // "春季谨防霉变甘蔗中毒_健康提示_枫林市疾控中心": a headline, its column
  // and its site between underscores, which no headline holds.
  if (title.compare(best, best_len, "_") == 0 && title.find('_') > 0) return std::string(trim(title.substr(0, title.find('_'))));
  const std::string_view suffix = std::string_view(title).substr(best + best_len);
  if (count_words(suffix) > 5) return title;
  return std::string(trim(std::string_view(title).substr(0, best)));
}

PageMetadata read_metadata(const GumboNode* document) {
  PageMetadata m;
  HeadFacts f;
  if (const GumboNode* html = html_element(document); html != nullptr)
    if (const char* lang = attr(html, "lang")) set(m.language, std::string(trim(lang)), "<html lang>");
  scan(document, f, m);
  set(m.site_name, f.og_site, "og:site_name");
  set(m.site_name, f.app_name, "application-name");
  title_cascade(f, m);
  set(m.author, f.meta_author, "<meta name=author>");
  set(m.author, f.micro_author, "microdata author");
  set(m.author, f.article_author, "article:author");
  // article:published_time is the page's own statement; JSON-LD (read in
  // scan) may have set the date first, so it is put back in front.
  if (!f.published.empty()) m.published = {f.published, "article:published_time"};
  set(m.published, f.micro_date, "microdata datePublished");
  set(m.published, f.meta_date, "<meta name=date>");
  set(m.language, f.content_language, "Content-Language");
  set(m.language, locale_to_tag(f.og_locale), "og:locale");
  return m;
}

}  // namespace readaloud::html
