#include "ingest/page_text_rules.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <iterator>
#include <map>
#include <set>
#include <span>
#include <string>
#include <vector>

#include "util/embedded.hpp"
#include "util/error.hpp"
#include "util/text.hpp"

namespace readaloud {
namespace {

using Phrases = std::initializer_list<std::string_view>;

template <class Range>
bool contains_any(std::string_view lower, const Range& phrases) {
  return std::any_of(std::begin(phrases), std::end(phrases),
                     [&](std::string_view p) { return lower.find(p) != std::string_view::npos; });
}

bool contains_any(std::string_view lower, Phrases phrases) { return contains_any<Phrases>(lower, phrases); }

template <class Range>
bool starts_any(std::string_view lower, const Range& phrases) {
  return std::any_of(std::begin(phrases), std::end(phrases), [&](std::string_view p) { return lower.starts_with(p); });
}

bool starts_any(std::string_view lower, Phrases phrases) { return starts_any<Phrases>(lower, phrases); }

template <class Range>
bool equals_any(std::string_view lower, const Range& phrases) {
  return std::any_of(std::begin(phrases), std::end(phrases), [&](std::string_view p) { return lower == p; });
}

/// The lowercase of a capital in Latin Extended-A (Polish, Turkish, Czech
/// ...: "Ł", "Ś", "Ş"), or `cp` itself.
char32_t lower_extended_a(char32_t cp) {
  const bool even_capitals = (cp >= 0x100 && cp <= 0x137) || (cp >= 0x14A && cp <= 0x177);
  const bool odd_capitals = (cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E);
  if ((even_capitals && cp % 2 == 0) || (odd_capitals && cp % 2 == 1)) return cp + 1;
  return cp;
}

/// Lowercased: ASCII letters, the accented capitals of Latin-1 ("LEIA
/// TAMBÉM" matches "leia também") and of Latin Extended-A ("POWIĄZANE"),
/// which a shouted heading uses, and of the Cyrillic and Greek alphabets;
/// the Turkish dotted capital "İ" is "i".
std::string fold_case(std::string_view s) {
  std::string out = ascii_lower(s);
  if (std::none_of(out.begin(), out.end(), [](char c) { return (static_cast<unsigned char>(c) & 0x80) != 0; })) return out;
  std::string folded;
  folded.reserve(out.size());
  for (std::size_t i = 0; i < out.size(); ++i) {
    const auto lead = static_cast<unsigned char>(out[i]);
    const auto next = i + 1 < out.size() ? static_cast<unsigned char>(out[i + 1]) : 0;
    if (lead == 0xC3 && next >= 0x80 && next <= 0x9E && next != 0x97) {
      folded += static_cast<char>(lead);
      folded += static_cast<char>(next + 0x20);
      ++i;
    } else if ((lead == 0xC4 || lead == 0xC5) && (next & 0xC0) == 0x80) {
      const char32_t cp = (static_cast<char32_t>(lead & 0x1F) << 6) | (next & 0x3F);
      if (cp == 0x130) {
        folded += 'i';
      } else {
        const char32_t low = lower_extended_a(cp);
        folded += static_cast<char>(0xC0 | (low >> 6));
        folded += static_cast<char>(0x80 | (low & 0x3F));
      }
      ++i;
    } else if ((lead == 0xD0 && next >= 0x80 && next <= 0xAF) || (lead == 0xCE && next >= 0x91 && next <= 0xAB && next != 0xA2)) {
      // Cyrillic ("СЪГЛАСЕН") and Greek ("ΑΠΟΔΟΧΗ") capitals.
      const char32_t cp = (static_cast<char32_t>(lead & 0x1F) << 6) | (next & 0x3F);
      const char32_t low = cp < 0x410 && lead == 0xD0 ? cp + 0x50 : cp + 0x20;
      folded += static_cast<char>(0xC0 | (low >> 6));
      folded += static_cast<char>(0x80 | (low & 0x3F));
      ++i;
    } else {
      folded += out[i];
    }
  }
  return folded;
}

/// Lowercased with trailing ":" and spaces gone, for whole-line comparisons.
std::string key_of(std::string_view line) {
  std::string k = fold_case(trim(line));
  while (!k.empty() && (k.back() == ':' || k.back() == ' ')) k.pop_back();
  return k;
}

/// True when `lower` starts with the phrase `p` as whole words: "skip to" in
/// "skip to content", not "more on" in "more onions".
bool starts_word(std::string_view lower, std::string_view p) {
  if (!lower.starts_with(p)) return false;
  if (lower.size() == p.size() || !std::isalnum(static_cast<unsigned char>(p.back()))) return true;
  return !std::isalnum(static_cast<unsigned char>(lower[p.size()]));
}

bool starts_any_word(std::string_view lower, const std::vector<std::string>& phrases) {
  return std::any_of(phrases.begin(), phrases.end(), [&](const std::string& p) { return starts_word(lower, p); });
}

}  // namespace

std::vector<std::string_view> words_of(std::string_view line) {
  std::vector<std::string_view> words;
  for (std::size_t pos = 0; pos < line.size();) {
    while (pos < line.size() && (line[pos] == ' ' || line[pos] == '\t')) ++pos;
    std::size_t end = pos;
    while (end < line.size() && line[end] != ' ' && line[end] != '\t') ++end;
    if (end > pos) words.push_back(line.substr(pos, end - pos));
    pos = end;
  }
  return words;
}

const std::vector<std::string>& page_phrases(std::string_view name) {
  // Read once: every list under data/pages/, by file name without ".txt".
  static const std::map<std::string, std::vector<std::string>, std::less<>> lists = [] {
    std::map<std::string, std::vector<std::string>, std::less<>> out;
    constexpr std::string_view kFolder = "data/pages/";
    for (const EmbeddedFile& f : embedded_files()) {
      if (!f.path.starts_with(kFolder) || !f.path.ends_with(".txt")) continue;
      std::vector<std::string>& phrases =
          out[std::string(f.path.substr(kFolder.size(), f.path.size() - kFolder.size() - 4))];
      for (std::size_t pos = 0; pos < f.content.size();) {
        std::size_t end = f.content.find('\n', pos);
        if (end == std::string_view::npos) end = f.content.size();
        const std::string_view line = trim(f.content.substr(pos, end - pos));
        pos = end + 1;
        if (!line.empty() && !line.starts_with('#')) phrases.push_back(fold_case(line));
      }
    }
    return out;
  }();
  const auto it = lists.find(name);
  if (it == lists.end()) throw_runtime("built-in page-text phrases (data/pages/" + std::string(name) + ".txt) are missing from this build");
  return it->second;
}

namespace {

bool is_consent_text(std::string_view lower, std::size_t words) {
  if (words > 90) return false;
  if (contains_any(lower, page_phrases("cookie_names")) && contains_any(lower, page_phrases("consent_words"))) return true;
  return contains_any(lower, page_phrases("personal_data")) && contains_any(lower, page_phrases("partners"));
}

std::vector<std::string_view> spaced_cells(std::string_view line) {
  std::vector<std::string_view> cells;
  std::size_t pos = 0;
  while (pos < line.size()) {
    std::size_t end = line.find("  ", pos);
    if (end == std::string_view::npos) end = line.size();
    const std::string_view cell = trim(line.substr(pos, end - pos));
    if (!cell.empty()) cells.push_back(cell);
    pos = end + 2;
  }
  return cells;
}

bool digit_at(std::string_view s, std::size_t i) {
  return i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]));
}

/// "... the rust is irrelevant. – gearhead Feb 2, 2025 at 11:02": a forum
/// comment signed with a user name and a time after a dash.
bool is_comment_signature(std::string_view line) {
  constexpr std::size_t kMaxSignatureWords = 8;
  const std::string_view t = trim(line);
  std::size_t at = t.rfind(" \u2013 ");
  std::size_t skip = 5;
  if (at == std::string_view::npos) {
    at = t.rfind(" - ");
    skip = 3;
  }
  if (at == std::string_view::npos || at == 0) return false;
  // The comment itself ends in sentence punctuation; "Doors open – Saturday at 10:30" is no comment.
  const char before = t[at - 1];
  if (before != '.' && before != '?' && before != '!' && before != ')') return false;
  const std::string_view tail = t.substr(at + skip);
  if (count_words(tail) > kMaxSignatureWords || count_words(tail) < 2) return false;
  // Ends in a time ("at 11:02") or holds a date.
  const std::size_t colon = tail.rfind(':');
  const bool time = colon != std::string_view::npos && colon + 3 == tail.size() && digit_at(tail, colon - 1) &&
                    digit_at(tail, colon + 1) && digit_at(tail, colon + 2);
  return time && (has_date(tail) || tail.find(" at ") != std::string_view::npos);
}

bool is_count(std::string_view w);

/// "Listen to this article Listen · 5 min Gift this article Share 57
/// Comments": tool words (data/pages/tool_words.txt), numbers and
/// separators only, naming two tools at least.
bool is_tool_row(std::string_view lower, std::size_t words) {
  constexpr std::size_t kMaxWords = 20, kMinTools = 2;
  static constexpr std::string_view kTools[] = {"listen", "gift", "share", "save", "print", "email", "comments",
                                                "bookmark", "copy", "follow", "anhören", "teilen", "merken",
                                                "écouter", "partager", "escuchar", "compartir", "guardar",
                                                "ascolta", "condividi", "salva", "ouvir", "compartilhar",
                                                "chia", "lưu",  // Vietnamese "chia sẻ" (share), "lưu bài" (save)
                                                "download", "audio", "drucken", "imprimer", "imprimir", "stampa", "subscribe",
                                                "posłuchaj", "udostępnij", "cite", "pdf"};
  if (words < 3 || words > kMaxWords || (lower.ends_with('.') && !lower.ends_with("..."))) return false;  // "Save ..."
  std::set<std::string_view> tools;
  for (std::string_view w : words_of(lower)) {
    // "Download PDF (142 KB) Print": a file's size in brackets.
    while (!w.empty() && (w.front() == '(' || w.front() == '[')) w.remove_prefix(1);
    while (!w.empty() && (w.back() == ')' || w.back() == ']' || w.back() == ':')) w.remove_suffix(1);  // "Audio: 4 Min"
    if (std::none_of(w.begin(), w.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; }))
      continue;  // "57", "·", "|"
    if (is_count(w)) continue;  // "6.9k" likes
    const bool network = equals_any(std::string(w), page_phrases("share_networks"));  // "WhatsApp"
    if (!network && !equals_any(std::string(w), page_phrases("tool_words"))) return false;
    if (network || std::ranges::find(kTools, w) != std::end(kTools)) tools.insert(w);
  }
  return tools.size() >= kMinTools;
}

/// A counter's figure: "87", "4k", "12m".
bool is_count(std::string_view w) {
  if (w.empty() || !std::isdigit(static_cast<unsigned char>(w[0]))) return false;
  std::size_t digits = 0;
  // "6.9k": a decimal point among the digits.
  while (digits < w.size() && (std::isdigit(static_cast<unsigned char>(w[digits])) ||
                               (w[digits] == '.' && digits + 1 < w.size() && std::isdigit(static_cast<unsigned char>(w[digits + 1])))))
    ++digits;
  return digits == w.size() || (digits + 1 == w.size() && (w.back() == 'k' || w.back() == 'm'));
}

/// Two share buttons or more on one short line, never a sentence; or the
/// names of three networks or more with next to nothing else.
bool is_share_row(std::string_view lower, std::size_t words) {
  constexpr std::size_t kMaxWords = 20;
  if (words > kMaxWords || lower.ends_with('.')) return false;
  std::size_t buttons = 0;
  for (const std::string& b : page_phrases("share_buttons"))
    for (std::size_t at = lower.find(b); at != std::string_view::npos; at = lower.find(b, at + b.size()))
      buttons += at == 0 || lower[at - 1] == ' ';
  if (buttons >= 2) return true;
  // One button on its own line, as a phone's share sheet lists them: "Share
  // on Facebook", "Post on X". A network's name must follow it.
  constexpr std::size_t kMaxButtonWords = 4;
  if (words <= kMaxButtonWords)
    for (const std::string& b : page_phrases("share_buttons"))
      if (lower.starts_with(b + " ") && equals_any(std::string(trim(lower.substr(b.size()))), page_phrases("share_networks")))
        return true;
  // "Facebook X WhatsApp Email Comments (37)", "Partager : Facebook X
  // Pinterest E-mail Ajouter aux favoris": the networks' names, after a
  // label, with a few words besides.
  constexpr std::size_t kMinNetworks = 3, kMinOthersAllowed = 2;
  if (const std::size_t colon = lower.find(':'); colon != std::string_view::npos && colon < 20)
    lower.remove_prefix(colon + 1);
  std::size_t networks = 0, others = 0;
  for (std::string_view word : words_of(lower)) {
    const std::string w(word);
    if (equals_any(w, page_phrases("share_words")) || is_count(w)) continue;  // "2.4k shares", "87 comments"
    ++(equals_any(w, page_phrases("share_networks")) ? networks : others);
  }
  // "Paylaş Tweetle WhatsApp": nothing but share words and a network.
  return (networks >= kMinNetworks && others <= std::max(kMinOthersAllowed, networks - 1)) ||
         (networks >= 1 && others == 0 && words >= 2);
}

/// "... example.org", "... the NHS website": a line that ends in a site's
/// address or calls it a site, as a consent banner's heading does.
bool names_a_site(std::string_view lower) {
  const std::size_t last = lower.rfind(' ');
  const std::string_view tail = last == std::string_view::npos ? lower : lower.substr(last + 1);
  return tail.find('.') != std::string_view::npos ||
         equals_any(std::string(tail), page_phrases("site_words"));
}

/// "comments (38)": the heading of a comment section with its count (`key` as key_of() makes it).
bool is_comment_count(std::string_view key) {
  const auto digits = [](std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; });
  };
  std::size_t label_end = std::string_view::npos;
  if (key.ends_with(')')) {  // "comments (38)"
    if (const std::size_t open = key.rfind(" ("); open != std::string_view::npos &&
                                                  digits(key.substr(open + 2, key.size() - open - 3)))
      label_end = open;
  } else if (const std::size_t space = key.rfind(' '); space != std::string_view::npos && digits(key.substr(space + 1))) {
    label_end = space;  // "댓글 8", "comments 12"
  }
  return label_end != std::string_view::npos && equals_any(key.substr(0, label_end), page_phrases("comment_counts"));
}

/// A consent banner's row of buttons, whatever their order: "Accept Reject
/// Manage options", "Allow all Decline Settings". Every word is a button's
/// word, and one of them accepts or refuses.
bool is_consent_button_row(std::string_view key) {
  static constexpr std::string_view kWords[] = {"accept", "reject", "manage", "options", "settings", "preferences",
                                                "all", "agree", "decline", "allow", "deny", "necessary", "only",
                                                "essential", "cookies", "customise", "customize", "choices", "more",
                                                "and", "close", "ok"};
  static constexpr std::string_view kChoices[] = {"accept", "reject", "agree", "decline", "allow", "deny"};
  const std::vector<std::string_view> words = words_of(key);
  const auto in = [](std::span<const std::string_view> list, std::string_view w) {
    return std::find(list.begin(), list.end(), w) != list.end();
  };
  return words.size() >= 2 && std::all_of(words.begin(), words.end(), [&](std::string_view w) { return in(kWords, w); }) &&
         std::count_if(words.begin(), words.end(), [&](std::string_view w) { return in(kChoices, w); }) >= 1;
}

}  // namespace

std::string_view page_chrome_rule(std::string_view line, std::size_t words) {
  const std::string lower = fold_case(trim(line));
  const std::string key = key_of(line);
  // One or two of them: "Skip to content Skip to site index".
  if (words <= 6 && starts_any_word(lower, page_phrases("skip_links"))) return "page-skip-link";
  if (words <= 12 && starts_any_word(lower, page_phrases("skip_links")) &&
      std::ranges::count_if(page_phrases("skip_links"), [&](const std::string& p) { return lower.find(" " + p) != std::string::npos; }) > 0)
    return "page-skip-link";
  if (words <= 8 && (equals_any(key, page_phrases("banner_lines")) || is_consent_button_row(key)))
    return "page-cookie-consent";
  // A banner's heading names the site after it: "Cookies on example.org".
  if (words <= 5 && starts_any_word(lower, page_phrases("banner_starts")) && names_a_site(lower))
    return "page-cookie-consent";
  if (words <= 6 && is_comment_count(key)) return "page-comments";  // "Ý kiến bạn đọc (12)": five words
  if (words <= 4 && equals_any(key, page_phrases("widgets"))) return "page-widget";
  // A phone layout's menu button, alone or beside the sign-in link: "☰ Menu", "☰  Đăng nhập".
  if (words <= 4 && lower.starts_with("\u2630")) return "page-widget";
  if (words <= 3 && equals_any(key, page_phrases("ad_labels"))) return "page-advertisement";
  if (words <= 3 && equals_any(lower, page_phrases("edit_links"))) return "page-edit-link";
  if (is_share_row(lower, words)) return "page-share-row";
  if (is_tool_row(lower, words)) return "page-widget";
  // A new service's phase banner: "Beta This is a new service. Tell us what you think."
  if (words <= 30 && (starts_word(lower, "beta") || starts_word(lower, "alpha")) &&
      contains_any(lower, page_phrases("phase_banner_words")))
    return "page-phase-banner";
  if (words <= 10 && contains_any(lower, page_phrases("qa_controls"))) return "page-qa-controls";
  if (const std::size_t sp = lower.find(' ');
      words == 2 && digit_at(lower, 0) && sp != std::string::npos &&
      equals_any(std::string_view(lower).substr(sp + 1), page_phrases("qa_answer_counts")))
    return "page-qa-controls";
  if (is_comment_signature(line)) return "page-qa-comment";
  if (words <= 30 && contains_any(lower, page_phrases("copyright"))) return "page-footer";
  if (words <= 20 && lower.find("\u00A9") != std::string::npos) return "page-footer";
  if (words <= 30 && starts_any_word(lower, page_phrases("footer_starts"))) return "page-footer";
  if (words <= 6 && equals_any(key, page_phrases("comment_markers"))) return "page-comments";
  if (is_end_marker(line, words)) return "page-related";
  // A hatnote: "For the album of the same name, see Tinnitus (album)."
  if (words <= 25 && ((lower.starts_with("for ") && lower.find(", see ") != std::string::npos) ||
                      lower.starts_with("this article is about ")))
    return "page-hatnote";
  if (is_consent_text(lower, words)) return "page-cookie-consent";
  // "Alle akzeptieren   Nur notwendige   Einstellungen": banner buttons on one row.
  const auto cells = spaced_cells(line);
  if (cells.size() >= 2 && std::all_of(cells.begin(), cells.end(), [](std::string_view c) {
        return equals_any(key_of(c), page_phrases("banner_lines")) || ascii_lower(c).find("cookie") != std::string::npos;
      }))
    return "page-cookie-consent";
  return {};
}

bool is_qa_signature(std::string_view line, std::size_t words, bool answer_only) {
  constexpr std::size_t kMaxWords = 14;
  const std::string lower = fold_case(trim(line));
  if (words > kMaxWords || lower.ends_with('.') ||
      !starts_any_word(lower, page_phrases(answer_only ? "qa_answer_signatures" : "qa_signatures")))
    return false;
  return has_date(line) || lower.find(" ago") != std::string::npos || lower.find(" times") != std::string::npos ||
         lower.find(" at ") != std::string::npos;
}

bool is_reference_heading(std::string_view line, std::size_t words) {
  return words <= 4 && equals_any(key_of(line), page_phrases("reference_headings"));
}

bool is_end_marker(std::string_view line, std::size_t words) {
  const std::string lower = fold_case(trim(line));
  if (words <= 6 && equals_any(key_of(line), page_phrases("end_markers"))) return true;
  // "More from Health", "Tags: beginners, winter"; never a sentence ("More on fevers at ... .").
  const char last = lower.empty() ? ' ' : lower.back();
  return words <= 15 && last != '.' && last != '!' && last != '?' && starts_any_word(lower, page_phrases("end_marker_starts"));
}

namespace {
// What a bio says its subject is or does, after the name ("Jo Roe is a health writer").
constexpr std::string_view kBioVerbs[] = {" is a ", " is an ", " is the ", " is ", " was a ", " writes about ", " writes on ",
                                          " has written ", " covers ", " has covered ", " reports on ",
                                          " es un ", " es una ", " es periodista", " escribe sobre ",
                                          " ist ", " schreibt über ", " est un ", " est une ", " est journaliste",
                                          " écrit sur ", " è un ", " è una ", " è giornalista", " scrive di ",
                                          " é um ", " é uma ", " é jornalista", " escreve sobre "};
// Professions of people who write articles, in the supported languages.
constexpr std::string_view kWriterRoles[] = {
    "writer", "journalist", "reporter", "editor", "correspondent", "columnist", "author", "contributor",
    "blogger", "freelance", "periodista", "redactor", "redactora", "escritor", "escritora", "colaborador",
    "journalistin", "redakteur", "redakteurin", "korrespondent", "korrespondentin", "autor", "autorin",
    "journaliste", "rédacteur", "rédactrice", "écrivain", "auteur", "autrice", "giornalista", "redattore",
    "redattrice", "scrittore", "scrittrice", "jornalista", "redator", "redatora"};
// What a bio says its subject does besides ("writes about", "covers ").
constexpr std::string_view kWriterActivities[] = {
    "writes about", "writes on", "has written", "covers ", "has covered", "reports on", "who writes",
    "escribe sobre", "schreibt über", "écrit sur", "scrive di", "escreve sobre"};

}  // namespace

/// "Jo Bright", "Dr Ana de la Cruz", "Ruth": up to four words, the first and
/// last capitalised, no punctuation.
bool is_name(std::string_view name) {
  constexpr std::size_t kMaxNameWords = 4;
  const std::size_t words = count_words(name);
  if (words < 1 || words > kMaxNameWords || name.find_first_of(",.;:!?\"") != std::string_view::npos) return false;
  // A first name alone signs a newsletter; a pronoun opens the article's own sentences.
  static constexpr std::string_view kPronouns[] = {"he", "she", "they", "it", "this", "that", "we", "i", "er",
                                                   "sie", "es", "elle", "il", "lei", "lui", "ella", "él", "ela",
                                                   "ele", "hij", "zij", "dit", "dat", "who", "what", "there"};
  if (words == 1)
    return std::isupper(static_cast<unsigned char>(name[0])) && !equals_any(ascii_lower(trim(name)), kPronouns);
  const std::size_t last = name.rfind(' ');
  return last != std::string_view::npos && last + 1 < name.size() &&
         !std::islower(static_cast<unsigned char>(name[last + 1])) && !std::isdigit(static_cast<unsigned char>(name[last + 1]));
}

bool is_author_role(std::string_view line) {
  constexpr std::size_t kMaxWords = 8;
  const std::string_view t = trim(line);
  if (count_words(t) > kMaxWords || t.empty() || t.back() == '.') return false;
  const std::string lower = fold_case(t);
  for (std::string_view role : kWriterRoles)
    for (std::size_t at = lower.find(role); at != std::string::npos; at = lower.find(role, at + 1)) {
      const bool starts = at == 0 || !std::isalpha(static_cast<unsigned char>(lower[at - 1]));
      const std::size_t end = at + role.size();
      if (starts && (end == lower.size() || !std::isalpha(static_cast<unsigned char>(lower[end])))) return true;
    }
  return false;
}

bool is_name_and_role(std::string_view line) {
  constexpr std::size_t kMinNameWords = 2, kMaxRoleWords = 4;
  const std::string_view t = trim(line);
  const std::size_t comma = t.find(", ");
  if (comma == std::string_view::npos || t.find(',', comma + 1) != std::string_view::npos) return false;
  const std::string_view name = t.substr(0, comma), role = trim(t.substr(comma + 2));
  if (count_words(name) < kMinNameWords || !is_name(name) || role.empty() || count_words(role) > kMaxRoleWords ||
      role.find_first_of(".!?:;") != std::string_view::npos)
    return false;
  // A role in lower case ("exercise physiologist"), or a credential in capitals ("MD", "RN").
  const auto first = static_cast<unsigned char>(role[0]);
  const std::string_view word = role.substr(0, role.find(' '));
  const bool credential = word.size() >= 2 && std::all_of(word.begin(), word.end(), [](char c) {
    return std::isupper(static_cast<unsigned char>(c)) != 0;
  });
  return std::islower(first) != 0 || credential;
}

bool is_author_bio(std::string_view line) {
  constexpr std::size_t kMaxBioWords = 80;
  const std::string_view t = trim(line);
  if (t.empty() || !std::isupper(static_cast<unsigned char>(t[0])) || count_words(t) > kMaxBioWords) return false;
  const std::string lower = ascii_lower(t);
  const std::size_t sentence_end = lower.find(". ");
  const std::string_view first = std::string_view(lower).substr(0, sentence_end);
  for (std::string_view verb : kBioVerbs) {
    const std::size_t at = first.find(verb);
    // The subject is a name: a few capitalised words right at the start.
    if (at == std::string_view::npos || !is_name(t.substr(0, at))) continue;
    // A bare "is" only before a possessive: "Gillian Frost is Hale & Hearty's health editor".
    constexpr std::size_t kPossessiveReach = 40;
    if (verb == " is ") {
      const std::string_view rest = first.substr(at + verb.size(), kPossessiveReach);
      if (rest.find("'s ") == std::string_view::npos && rest.find("\u2019s ") == std::string_view::npos) continue;
    }
    // A first name alone only with "is a" or "writes" ("Ruth is a registered dietitian who writes ...").
    if (count_words(t.substr(0, at)) == 1 && verb != " is a " && verb != " is an " && !verb.starts_with(" writes ") &&
        !verb.starts_with(" escr") && !verb.starts_with(" schreibt") && !verb.starts_with(" écrit") &&
        !verb.starts_with(" scrive"))
      continue;
    if (contains_any(first.substr(at), kWriterRoles) || contains_any(first.substr(at), kWriterActivities)) return true;
  }
  return false;
}

bool is_call_to_action(std::string_view line, std::size_t words) {
  // "Subscribe", "Sign up free"; a phrase of two words or more opens a
  // longer row too: "Follow on Tunebox PodWave RSS feed".
  constexpr std::size_t kMaxWords = 5, kMaxPhraseRowWords = 10;
  if (words > kMaxPhraseRowWords) return false;
  const std::string lower = fold_case(trim(line));
  const auto& phrases = page_phrases("call_to_action");
  return std::any_of(phrases.begin(), phrases.end(), [&](const std::string& p) {
    return starts_word(lower, p) && (words <= kMaxWords || p.find(' ') != std::string::npos);
  });
}

bool is_spaced_menu_row(std::string_view line) {
  const auto cells = spaced_cells(line);
  if (cells.size() < 3) return false;
  return std::all_of(cells.begin(), cells.end(), [](std::string_view c) {
    const auto first = static_cast<unsigned char>(c.front());
    return count_words(c) <= 3 && !(first >= 'a' && first <= 'z') &&
           std::none_of(c.begin(), c.end(), [](char ch) { return std::isdigit(static_cast<unsigned char>(ch)); });
  });
}

bool is_card_fact(std::string_view line, std::size_t words) {
  const std::string_view t = trim(line);
  // "Prep: 5 min · Serves 1 · 38 reviews": facts joined on one line.
  for (std::string_view sep : {" \u00B7 ", " | "}) {
    if (t.find(sep) == std::string_view::npos || t.back() == '.') continue;
    bool all = true;
    for (std::size_t pos = 0; pos <= t.size() && all;) {
      std::size_t end = t.find(sep, pos);
      if (end == std::string_view::npos) end = t.size();
      const std::string_view part = t.substr(pos, end - pos);
      all = count_words(part) <= 4 && std::any_of(part.begin(), part.end(), [](char ch) {
              return std::isdigit(static_cast<unsigned char>(ch));
            });
      pos = end + sep.size();
    }
    if (all) return true;
  }
  if (t.empty() || words > 6 || t.back() == '.') return false;
  // A short label and a number or a single word: not "Gout: Symptoms, Causes and Treatment".
  const std::size_t colon = t.find(": ");
  if (colon != std::string_view::npos && count_words(t.substr(0, colon)) <= 3) {
    const std::string_view value = t.substr(colon + 2);
    // A numbered lesson or part names its subject: "Aula 4: Queimaduras", "Part 2: Recovery".
    const std::string_view label = t.substr(0, colon);
    const std::size_t space = label.rfind(' ');
    const std::string_view number = space == std::string_view::npos ? std::string_view{} : label.substr(space + 1);
    const auto digit = [](char ch) { return std::isdigit(static_cast<unsigned char>(ch)) != 0; };
    if (!number.empty() && std::all_of(number.begin(), number.end(), [&](char ch) { return digit(ch) || ch == '.'; }) &&
        digit(number.front()) && std::none_of(value.begin(), value.end(), digit))
      return false;
    // A listicle's count names its subject too: "Dry Mouth: 10 Common Causes", not "Prep time: 15 minutes".
    const std::size_t sp = value.find(' ');
    const std::string_view count = value.substr(0, sp);
    if (sp != std::string_view::npos && count_words(value) >= 3 && std::all_of(count.begin(), count.end(), digit) &&
        std::isupper(static_cast<unsigned char>(value[sp + 1])))
      return false;
    return count_words(value) == 1 || std::any_of(value.begin(), value.end(), [](char ch) {
             return std::isdigit(static_cast<unsigned char>(ch));
           });
  }
  return is_rating(t);
}

bool is_rating(std::string_view line) {
  // "4.6 (213 votes)", "4,8 (1.204 avaliações)", "5 from 84 votes", "★★★★☆ 4.6 (212 reviews)".
  std::string_view t = trim(line);
  while (t.starts_with("\u2605") || t.starts_with("\u2606")) t = trim(t.substr(3));
  return count_words(t) <= 6 && digit_at(t, 0) &&
         (t.find('(') != std::string_view::npos || t.find(" votes") != std::string_view::npos ||
          t.find(" ratings") != std::string_view::npos || t.find(" reviews") != std::string_view::npos);
}

namespace {

/// Whether `lower` holds a month of data/pages/month_names.txt as a word of
/// its own: "1. maj 2028", not "majd" (Hungarian "then").
bool holds_month_name(std::string_view lower) {
  const std::vector<std::string>& months = page_phrases("month_names");
  return std::any_of(months.begin(), months.end(), [&](const std::string& m) { return holds_phrase(lower, m); });
}

}  // namespace

bool holds_phrase(std::string_view text, std::string_view phrase) {
  const auto word_char = [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' || (static_cast<unsigned char>(c) & 0x80) != 0;
  };
  for (std::size_t at = text.find(phrase); at != std::string_view::npos; at = text.find(phrase, at + 1)) {
    const std::size_t after = at + phrase.size();
    if ((at == 0 || !word_char(text[at - 1])) && (after == text.size() || !word_char(text[after]))) return true;
  }
  return false;
}

bool has_date(std::string_view line) {
  const std::string lower = ascii_lower(line);
  bool year = false, numeric = false;
  for (std::size_t i = 0; i + 4 <= lower.size(); ++i) {
    const bool four = digit_at(lower, i) && digit_at(lower, i + 1) && digit_at(lower, i + 2) && digit_at(lower, i + 3);
    if (!four || digit_at(lower, i + 4) || (i > 0 && digit_at(lower, i - 1))) continue;
    const std::string_view y = std::string_view(lower).substr(i, 2);
    if (y != "19" && y != "20") continue;
    year = true;
    // A separator next to the year: "2025-03-12", "12/03/2025", "19.02.2025".
    const char before = i > 0 ? lower[i - 1] : ' ', after = i + 4 < lower.size() ? lower[i + 4] : ' ';
    numeric = numeric || ((before == '-' || before == '/' || before == '.') && digit_at(lower, i - 2)) ||
              ((after == '-' || after == '/') && digit_at(lower, i + 5)) ||
              // "2026.11.24" (ko, zh)
              (after == '.' && digit_at(lower, i + 5) &&
               ((i + 6 < lower.size() && lower[i + 6] == '.') || (i + 7 < lower.size() && lower[i + 7] == '.'))) ||
              std::string_view(lower).substr(i + 4).starts_with("\u5E74") ||  // 2025年 (zh, ja)
              std::string_view(lower).substr(i + 4).starts_with("\uB144");    // 2025년 (ko)
  }
  if (!year) return false;
  static constexpr std::array<std::string_view, 40> kMonths{
      "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
      "enero", "febrero", "abril", "mayo", "junio", "julio", "agosto", "octubre", "noviembre", "diciembre",
      "januar", "mai ", "juni", "juli", "okt", "dez", "janvier", "février", "avril", "juin", "juillet", "août",
      "gennaio", "maggio", "giugno", "luglio", "ottobre", "dicembre"};
  return numeric || std::any_of(kMonths.begin(), kMonths.end(),
                                [&](std::string_view m) { return lower.find(m) != std::string::npos; }) ||
         contains_any(lower, {"março", "maio", "junho", "julho", "setembro", "outubro", "novembro", "dezembro",
                              "fevereiro", "janeiro", "settembre", "novembre", "febbraio", "aprile", "ene ",
                              "abr ", "ago ", "dic ", "set ", "fev ", "out ", "mei ",
                              // Arabic month names (Egyptian and Gulf use)
                              "\u064A\u0646\u0627\u064A\u0631", "\u0641\u0628\u0631\u0627\u064A\u0631",
                              "\u0645\u0627\u0631\u0633", "\u0623\u0628\u0631\u064A\u0644", "\u0645\u0627\u064A\u0648",
                              "\u064A\u0648\u0646\u064A\u0648", "\u064A\u0648\u0644\u064A\u0648",
                              "\u0623\u063A\u0633\u0637\u0633", "\u0633\u0628\u062A\u0645\u0628\u0631",
                              "\u0623\u0643\u062A\u0648\u0628\u0631", "\u0646\u0648\u0641\u0645\u0628\u0631",
                              "\u062F\u064A\u0633\u0645\u0628\u0631"}) ||
         holds_month_name(fold_case(line));
}

bool starts_like_byline(std::string_view line) {
  const std::string_view t = trim(line);
  // Chinese, Japanese and Korean bylines and sources: "作者：", "来源：", "記者", "기자".
  for (std::string_view cjk : {"\u4F5C\u8005", "\u6765\u6E90", "\u8BB0\u8005", "\u7F16\u8F91", "\u6587/",
                               "\u8457\u8005", "\u8A18\u8005", "\u57F7\u7B46", "\uAE30\uC790"})
    if (t.starts_with(cjk)) return true;
  // "كتب: هالة منصور" (wrote:), an Arabic byline.
  if (t.starts_with("\u0643\u062A\u0628:") || t.starts_with("\u0643\u062A\u0628\u062A:")) return true;
  // A Korean or Japanese reporter's name before the title: "김서진 기자", "山田太郎 記者".
  if (count_words(t) <= 3 && (t.ends_with(" \uAE30\uC790") || t.ends_with(" \u8A18\u8005"))) return true;
  const std::string lower = fold_case(t);
  // A name or a date follows the lead word: "por Ana", "Published 6:00", not "por qué";
  // a Cyrillic or Greek capital will do too ("Текст: Оксана").
  const std::size_t space = t.find(' ');
  const auto capital_or_digit = [&](std::size_t i) {
    const auto c = static_cast<unsigned char>(t[i]);
    const auto next = i + 1 < t.size() ? static_cast<unsigned char>(t[i + 1]) : 0;
    return std::isupper(c) || std::isdigit(c) || (c == 0xD0 && next >= 0x80 && next <= 0xAF) ||
           (c == 0xCE && next >= 0x91 && next <= 0xAB);
  };
  bool named = false;
  for (std::size_t i = space; space != std::string_view::npos && i < t.size() && !named; ++i) named = capital_or_digit(i);
  if (!named) return false;
  // "Words by Ilse Brandt", "Text and photos by Ana Ruiz".
  const std::size_t by = lower.find(" by ");
  if (by != std::string::npos && by <= 20 && count_words(t.substr(0, by)) <= 3 && by + 4 < t.size() &&
      std::isupper(static_cast<unsigned char>(t[by + 4])))
    return true;
  // "Published2 hours ago": a text browser runs the label into its value.
  for (std::string_view label : {"published", "updated", "posted", "publicerad", "publisert", "udgivet"})
    if (lower.starts_with(label) && lower.size() > label.size() && std::isdigit(static_cast<unsigned char>(lower[label.size()])))
      return true;
  return starts_any(lower, {"by ", "posted ", "published ", "updated ", "written by ", "posted on ", "por ", "von ",
                            "par ", "le ", "di ", "publicado", "actualizado", "veröffentlicht",
                            "aktualisiert", "publié", "mis à jour", "pubblicato", "aggiornato", "atualizado",
                            "redacción", "redazione", "stand: ", "vérifié le", "revisado", "geprüft am",
                            "última actualización", "ultimo aggiornamento", "dernière mise à jour",
                            "last updated", "last reviewed", "reviewed on", "revisto em", "última atualização",
                            "written by:", "door ", "aangepast", "bijgewerkt", "gepubliceerd", "publicerad ",
                            "uppdaterad ", "publisert ", "oppdatert ", "udgivet ", "opdateret ",
                            // an expert's answer on a Q&A page: "Risponde il Dott. Marco Ferretti, odontoiatra"
                            "answered by ", "author: ", "authors: ", "autor: ", "autore: ", "risponde il ",
                            "risponde la ", "responde el ", "responde la ", "responde o ", "responde a ",
                            "répond le ", "répond la ", "es antwortet ",
                            // Danish, Norwegian and Swedish "by"; the Nordic and Polish "text:" labels
                            "af ", "av ", "teksti: ", "kirjoittaja: ", "julkaistu ", "päivitetty ", "tekst: ",
                            "text: ", "autorka: ",
                            // Central and Eastern European and Indonesian labels: "Текст: Оксана ...", "Oleh Rina ..."
                            "текст: ", "автор: ", "авторка: ", "avtor: ", "avtorica: ", "autorius: ", "autorė: ",
                            "piše: ", "oleh ", "penulis: ", "redacció",
                            // a Nordic advice column's answer: "Svar af Signe Holm, praktiserende læge"
                            "svar af ", "svar fra ", "svar från "});
}

namespace {

/// The lowercased words of `text` with four letters or more (a UTF-8
/// sequence counts as one letter), without surrounding punctuation.
std::vector<std::string> content_words(std::string_view text) {
  constexpr std::size_t kMinLetters = 4;
  std::vector<std::string> out;
  std::string word;
  std::size_t letters = 0;
  const auto flush = [&] {
    if (letters >= kMinLetters) out.push_back(ascii_lower(word));
    word.clear();
    letters = 0;
  };
  for (const char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (std::isalnum(c) || c >= 0x80) {
      word += ch;
      letters += (c & 0xC0) != 0x80;  // count lead bytes only
    } else {
      flush();
    }
  }
  flush();
  return out;
}

}  // namespace

double shared_word_share(std::string_view line, std::string_view body) {
  const std::vector<std::string> words = content_words(line);
  if (words.empty()) return 0.0;
  const std::vector<std::string> in_body = content_words(body);
  std::size_t hits = 0;
  // "seed" and "seeds", "Pollen" and "Pollenflug": a shared stem of four letters or more counts.
  for (const std::string& w : words)
    hits += std::any_of(in_body.begin(), in_body.end(), [&](const std::string& b) {
      return w.size() <= b.size() ? b.starts_with(w) : w.starts_with(b);
    });
  return static_cast<double>(hits) / static_cast<double>(words.size());
}

bool is_ui_phrase(std::string_view line, std::size_t words) {
  constexpr std::size_t kMaxWords = 6;
  std::string lower = fold_case(trim(line));
  // A back link's arrow: "← Back to Hip & Knee Replacement", "‹ Return to news".
  for (std::string_view arrow : {"\u2190 ", "\u2039 ", "< "})
    if (lower.starts_with(arrow)) {
      lower = std::string(trim(std::string_view(lower).substr(arrow.size())));
      words -= words > 0;
    }
  if (words == 0 || words > kMaxWords) return false;
  while (!lower.empty() && (lower.back() == '.' || lower.back() == ':' || lower.back() == '!')) lower.pop_back();
  if (equals_any(lower, page_phrases("ui_phrases"))) return true;
  const auto& back = page_phrases("back_links");  // "Back to Health A to Z": whole words only
  return std::any_of(back.begin(), back.end(), [&](const std::string& p) {
    return lower.size() > p.size() && lower.starts_with(p) && lower[p.size()] == ' ';
  });
}

bool is_contents_label(std::string_view line) {
  return equals_any(key_of(line), page_phrases("contents_labels"));
}

bool is_contents_toggle(std::string_view line) {
  return equals_any(fold_case(trim(line)), page_phrases("contents_toggles"));
}

std::size_t count_words(std::string_view s) {
  std::size_t n = 0;
  bool in = false;
  for (char c : s) {
    const bool space = c == ' ' || c == '\t';
    if (!space && !in) ++n;
    in = !space;
  }
  return n;
}

}  // namespace readaloud
