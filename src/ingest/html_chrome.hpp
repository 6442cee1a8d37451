#pragma once
// The site-chrome rules of HTML pages (data/html_chrome.toml): which elements
// are navigation, ads, share bars, widgets and the like, which are callouts,
// and the class hints that content scoring uses. Internal to src/ingest/html_*.

#include <gumbo.h>

#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "document/article.hpp"

namespace readaloud::html {

/// The rules of data/html_chrome.toml, loaded once.
struct ChromeConfig {
  std::unordered_set<std::string> tags;
  std::unordered_set<std::string> roles;
  std::vector<std::string> class_parts;
  std::vector<std::string> credit_parts;
  std::vector<std::string> subtitle_parts;
  std::vector<std::string> kept_aside_parts;  ///< an <aside> of the article: a fact box, a summary box
  std::vector<std::string> positive_parts;  ///< content scoring: class/id hints of article text
  std::vector<std::string> negative_parts;  ///< content scoring: hints of everything else
  std::vector<std::pair<std::string, CalloutKind>> callout_kinds;
  std::vector<std::pair<std::string, CalloutKind>> callout_generic;
  std::unordered_map<std::string, CalloutKind> callout_roles;
  std::unordered_map<std::string, CalloutKind> labels;
  std::unordered_set<std::string> control_words;  ///< words of media-player and reading widgets
  std::unordered_set<std::string> body_classes;   ///< whole class/id tokens naming an article body
};

/// True when `text` is only a player's or reading widget's controls ("Listen
/// to this article Play 00:00 / 03:12 1x", "Font size A A A"): every word is a
/// control word, a time or a speed, and one at least names a control.
bool is_control_text(std::string_view text);

/// The compiled-in rules. Throws Error(Runtime) when the file is malformed.
const ChromeConfig& chrome_config();

/// A callout box and its kind. `generic`: from "callout"/"alert"-like
/// classes or roles, so a text label ("Warning:") may name the kind.
struct CalloutInfo {
  CalloutKind kind = CalloutKind::Note;
  bool generic = false;
};

/// The callout an element is, by class part or role, or nullopt.
std::optional<CalloutInfo> callout_of(const GumboNode* el, const std::vector<std::string>& tokens);

/// Whether schema.org microdata marks `el` as the article's text (itemprop="articleBody").
bool is_article_body(const GumboNode* el);

/// Whether a class or id token of `n` is one of the [holders] body classes
/// that name an article's body ("entry-content", "post-body").
bool names_article_body(const GumboNode* n);

/// The elements that hold an <h1>, an <article> of sixty words or more (not
/// a customer's review or a comment), <main> or a block whose class
/// names an article body ("entry-content", "post-body") below them: a chrome
/// class on one of those is a wrapper's ("page-with-ads", "widget Blog"), not chrome.
using ContentHolders = std::unordered_set<const GumboNode*>;

/// Found once per page in one pass (walking up from each such element and
/// stopping at an ancestor already marked).
ContentHolders find_content_holders(const GumboNode* document);

/// Whether a chrome class part matches a token: as a hyphen/underscore part
/// (token_has_part), or, for parts of 6 or more letters, at the start or end
/// of a run-together token ("cookieconsent", "relatedposts").
bool chrome_part_matches(std::string_view token, std::string_view part);

/// Why an element is chrome ("chrome: nav", "photo-credit"), or nullopt.
/// `header_is_content`: a <header> here belongs to the article (it holds the h1).
/// Hidden elements (hidden, aria-hidden, display:none) are chrome unless they
/// hold prose: such text is revealed by script ("Read more", accordions, tabs).
std::optional<std::string> chrome_reason(const GumboNode* el, const std::vector<std::string>& tokens,
                                         bool header_is_content, bool is_callout, const ContentHolders& holders);

/// Whether a subtree reads as running text: enough characters, sentence
/// punctuation, and few of them in links.
bool looks_like_prose(const GumboNode* el);

/// The <p>s of fifteen words or more under `el`, paragraphs of prose, in
/// document order: the first `enough` of them.
std::vector<const GumboNode*> prose_paragraphs(const GumboNode* el, std::size_t enough);

}  // namespace readaloud::html
