#include "ingest/page_text_rules.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <iterator>
#include <string>
#include <vector>

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

/// Lowercased (ASCII letters) with trailing ":" and spaces gone, for whole-line comparisons.
std::string key_of(std::string_view line) {
  std::string k = ascii_lower(trim(line));
  while (!k.empty() && (k.back() == ':' || k.back() == ' ')) k.pop_back();
  return k;
}

// Skip links lead every accessible page; a line that starts with one is never prose.
constexpr std::string_view kSkipLinks[] = {"skip to ", "jump to content", "jump to navigation", "ir al contenido",
                             "ir a contenido", "ir al menú", "saltar al contenido", "saltar a la navegación",
                             "zum inhalt", "direkt zum inhalt", "springe zum", "zur navigation",
                             "zum hauptinhalt", "zur suche", "aller au contenu", "aller au menu",
                             "aller à la recherche", "passer au contenu", "vai al contenuto", "salta al contenuto",
                             "vai al menu", "pular para o conteúdo", "ir para o conteúdo", "ir para o menu"};

// Buttons and headings of consent banners, and footer links, compared whole.
constexpr std::string_view kBannerLines[] = {
    "accept additional cookies", "reject additional cookies", "view cookies", "allow all cookies",
    "use necessary cookies only", "necessary cookies only", "accept cookies", "reject", "decline",
    "we value your privacy", "your privacy", "privacy settings", "privacy preferences",
    // es
    "aceptar", "aceptar todo", "aceptar todas", "aceptar y cerrar", "aceptar y continuar", "rechazar",
    "rechazar todo", "rechazar todas", "configurar", "configurar cookies", "configuración de cookies",
    "personalizar", "más opciones", "valoramos tu privacidad", "tu privacidad es importante para nosotros",
    "su privacidad es importante para nosotros", "aviso legal", "política de privacidad", "política de cookies",
    "protección de datos", "mapa web", "accesibilidad",
    // de
    "akzeptieren", "alle akzeptieren", "zustimmen", "ablehnen", "alle ablehnen", "einverstanden",
    "nur notwendige", "nur notwendige cookies", "einstellungen", "einstellungen verwalten", "details anzeigen",
    "datenschutzeinstellungen", "privatsphäre-einstellungen", "privatsphäre", "impressum", "datenschutz",
    "cookie-einstellungen", "agb", "mediadaten",
    // fr
    "accepter", "tout accepter", "refuser", "tout refuser", "continuer sans accepter", "paramétrer",
    "personnaliser", "mentions légales", "politique de confidentialité", "gestion des cookies",
    "gérer mes cookies", "données personnelles", "nous contacter",
    // it
    "accetta", "accetta tutti", "accetto", "rifiuta", "rifiuta tutti", "personalizza",
    "scopri di più e personalizza", "note legali", "cookie policy", "privacy policy",
    // pt
    "aceitar", "aceitar cookies", "aceitar todos", "recusar", "rejeitar", "configurações de cookies",
    "política de privacidade", "termos de uso", "fale conosco", "pular para o conteúdo"};

// Widgets above a headline, which the title search looks past.
constexpr std::string_view kWidgets[] = {"font size", "text size", "textgröße", "schriftgröße", "tamaño de letra",
                                         "tamaño del texto", "taille du texte", "dimensione testo", "tamanho da fonte",
                                         "stampa", "imprimir", "imprimer", "drucken", "salva", "salvar", "guardar",
                                         "merken", "teilen", "kommentieren", "partager", "condividi", "compartilhar",
                                         "copy link", "copiar enlace", "link kopieren", "copier le lien",
                                         "copia link", "copiar link", "listen", "listen to this article",
                                         "escuchar", "anhören", "écouter", "ascolta", "ouvir",
                                         // a live blog's list of its own updates
                                         "key events", "key updates", "latest updates", "live updates"};

// Headings that open what follows an article: related links, tags, reference lists.
constexpr std::string_view kEndMarkers[] = {
    "related", "related articles", "related stories", "related posts", "related content", "related topics",
    "related links", "top stories", "most read", "most popular", "more stories", "you might also like",
    "you may also like", "recommended", "recommended for you", "further reading", "external links", "see also",
    "references", "referencias", "fuentes", "bibliografía", "quellen", "literatur", "quellenangaben",
    "références", "bibliographie", "riferimenti", "fonti", "referências", "fontes", "read next", "explore the topic", "more on this story", "around the web", "popular now",
    "te puede interesar", "te recomendamos", "lo más leído", "lo más visto", "más información",
    "noticias relacionadas", "temas", "archivado en", "etiquetas", "enlaces relacionados", "contenido relacionado",
    "también te puede interesar", "mehr zum thema", "meistgelesen", "das könnte sie auch interessieren",
    "weitere artikel", "auch interessant", "themen", "schlagworte", "verwandte artikel", "lesen sie auch",
    "à lire aussi", "a lire aussi", "sur le même sujet", "les plus lus", "articles similaires", "voir aussi",
    "dans la même rubrique", "sujets associés", "lire aussi", "leggi anche", "più letti", "potrebbe interessarti",
    "ti potrebbe interessare", "articoli correlati", "argomenti", "veja também", "mais lidas", "leia também",
    "notícias relacionadas", "você pode gostar", "tópicos", "posts relacionados", "share this", "share this article",
    "share this story", "share this post", "share", "compartir", "compartir en redes", "compartilhe",
    "compartilhar", "teilen", "artikel teilen", "partager", "partager cet article", "condividi",
    "condividi l'articolo", "follow us", "media contact", "media contacts", "press contact"};
constexpr std::string_view kEndMarkerStarts[] = {"more from ", "more in ", "more on ", "filed under:", "categories:",
                                                 "tags:", "tags :", "labels:", "topics:", "posted in ", "etiquetas:", "schlagworte:",
                                                 "étiquettes :", "étiquettes:", "\u00C9tiquettes :",
                                                 "\u00C9tiquettes:", "schlagwörter:",
                                                 "mots-clés", "tag:", "categorías:", "categorias:", "kategorien:",
                                                 "catégories :", "catégories:", "categorie:",
                                                 "veröffentlicht in ", "publié dans ", "pubblicato in ",
                                                 "media contact:", "press contact:",
                                                 "follow us", "síguenos", "folgen sie uns", "suivez-nous",
                                                 "seguici", "siga-nos", "other recipes", "more recipes",
                                                 "otras recetas", "más recetas", "weitere rezepte", "autres recettes",
                                                 "d'autres recettes", "altre ricette", "outras receitas",
                                                 "mais receitas"};
// Where a blog's comment section starts, in the languages the shared rules leave out.
constexpr std::string_view kCommentMarkers[] = {
    "deja un comentario", "deja una respuesta", "comentarios", "deixe um comentário", "deixe seu comentário",
    "deixe uma resposta", "comentários", "lascia un commento", "lascia un commento!", "commenti",
    "kommentar schreiben", "kommentare", "schreibe einen kommentar", "laisser un commentaire",
    "commentaires", "laisser une réponse"};
// Lines of a page footer that read like sentences.
constexpr std::string_view kFooterStarts[] = {"this page was last edited", "text is available under",
                                              "page last reviewed", "next review due", "all content is available under",
                                              "content is available under"};

constexpr std::string_view kCopyright[] = {"diritti riservati", "direitos reservados", "todos los derechos",
                             "alle rechte vorbehalten", "tous droits réservés", "all rights reserved"};

// A banner paragraph mentions cookies together with what they are for or what the reader agrees to.
constexpr std::string_view kConsentWords[] = {
    "accept", "agree", "consent", "setting", "preference", "partner", "advertis", "personali", "analy",
    "experience", "improve", "tracking", "third part", "acept", "consentimiento", "configura", "naveg",
    "utilizamos", "usamos", "privacidad", "terceros", "publicidad", "preferencias", "akzept", "zustimm",
    "stimmen sie", "einwillig", "einverstanden", "verwenden", "nutzt", "nutzen", "datenschutz", "utilisons",
    "paramétr", "publicité", "mesurer", "utilizziamo", "consenso", "accett", "acconsent", "terze parti",
    "finalità", "aceit", "concorda", "terceiros", "privacidade"};

// With "partners": the consent framework's own wording ("store and/or access
// information on a device") counts as personal data.
constexpr std::string_view kPersonalData[] = {"personal data", "datos personales", "personenbezogene daten",
                                "données personnelles", "dati personali", "dados pessoais",
                                "information on your device", "information on a device",
                                "informationen auf einem gerät", "informationen auf ihrem gerät",
                                "informations sur un appareil", "información en un dispositivo",
                                "informazioni su un dispositivo", "informações num dispositivo"};
constexpr std::string_view kPartners[] = {"partner", "socios", "parceiros", "terze parti", "terceros", "third part"};

bool is_consent_text(std::string_view lower, std::size_t words) {
  if (words > 90) return false;
  if (lower.find("cookie") != std::string_view::npos && contains_any(lower, kConsentWords)) return true;
  return contains_any(lower, kPersonalData) && contains_any(lower, kPartners);
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

std::size_t words_in(std::string_view s) {
  std::size_t n = 0;
  bool in = false;
  for (char c : s) {
    const bool space = c == ' ' || c == '\t';
    if (!space && !in) ++n;
    in = !space;
  }
  return n;
}

bool digit_at(std::string_view s, std::size_t i) {
  return i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]));
}

}  // namespace

std::string_view page_chrome_rule(std::string_view line, std::size_t words) {
  const std::string lower = ascii_lower(trim(line));
  if (words <= 6 && starts_any(lower, kSkipLinks)) return "page-skip-link";
  if (words <= 8 && equals_any(key_of(line), kBannerLines)) return "page-cookie-consent";
  if (words <= 4 && equals_any(key_of(line), kWidgets)) return "page-widget";
  if (words <= 30 && contains_any(lower, kCopyright)) return "page-footer";
  if (words <= 20 && lower.find("\u00A9") != std::string::npos) return "page-footer";
  if (words <= 30 && starts_any(lower, kFooterStarts)) return "page-footer";
  if (words <= 6 && equals_any(key_of(line), kCommentMarkers)) return "page-comments";
  if (is_end_marker(line, words)) return "page-related";
  // A hatnote: "For the album of the same name, see Tinnitus (album)."
  if (words <= 25 && ((lower.starts_with("for ") && lower.find(", see ") != std::string::npos) ||
                      lower.starts_with("this article is about ")))
    return "page-hatnote";
  if (is_consent_text(lower, words)) return "page-cookie-consent";
  // "Alle akzeptieren   Nur notwendige   Einstellungen": banner buttons on one row.
  const auto cells = spaced_cells(line);
  if (cells.size() >= 2 && std::all_of(cells.begin(), cells.end(), [](std::string_view c) {
        return equals_any(key_of(c), kBannerLines) || ascii_lower(c).find("cookie") != std::string::npos;
      }))
    return "page-cookie-consent";
  return {};
}

bool is_end_marker(std::string_view line, std::size_t words) {
  const std::string lower = ascii_lower(trim(line));
  if (words <= 6 && equals_any(key_of(line), kEndMarkers)) return true;
  // "More from Health", "Tags: beginners, winter"; never a sentence ("More on fevers at ... .").
  const char last = lower.empty() ? ' ' : lower.back();
  return words <= 15 && last != '.' && last != '!' && last != '?' && starts_any(lower, kEndMarkerStarts);
}

namespace {
// What a bio says its subject is or does, after the name ("Jo Roe is a health writer").
constexpr std::string_view kBioVerbs[] = {" is a ", " is an ", " is the ", " was a ", " writes about ", " writes on ",
                                          " has written ", " covers ", " has covered ", " reports on ",
                                          " es un ", " es una ", " es periodista", " escribe sobre ",
                                          " ist ", " schreibt über ", " est un ", " est une ", " est journaliste",
                                          " écrit sur ", " è un ", " è una ", " è giornalista", " scrive di ",
                                          " é um ", " é uma ", " é jornalista", " escreve sobre "};
// Professions of people who write articles, in the supported languages.
constexpr std::string_view kBioRoles[] = {
    "writer", "journalist", "reporter", "editor", "correspondent", "columnist", "author", "contributor",
    "blogger", "freelance", "periodista", "redactor", "redactora", "escritor", "escritora", "colaborador",
    "journalistin", "redakteur", "autor", "autorin", "journaliste", "rédacteur", "rédactrice", "écrivain",
    "auteur", "autrice", "giornalista", "redattore", "redattrice", "scrittore", "scrittrice", "jornalista",
    "redator", "redatora", "writes about", "writes on", "has written", "covers ", "has covered",
    "reports on", "escribe sobre", "schreibt über",
    "écrit sur", "scrive di", "escreve sobre"};

/// "Jo Bright", "Dr Ana de la Cruz": two to four words, the first and last capitalised, no punctuation.
bool is_name(std::string_view name) {
  constexpr std::size_t kMaxNameWords = 4;
  const std::size_t words = words_in(name);
  if (words < 2 || words > kMaxNameWords || name.find_first_of(",.;:!?\"") != std::string_view::npos) return false;
  const std::size_t last = name.rfind(' ');
  return last != std::string_view::npos && last + 1 < name.size() &&
         !std::islower(static_cast<unsigned char>(name[last + 1])) && !std::isdigit(static_cast<unsigned char>(name[last + 1]));
}
}  // namespace

bool is_author_bio(std::string_view line) {
  constexpr std::size_t kMaxBioWords = 80;
  const std::string_view t = trim(line);
  if (t.empty() || !std::isupper(static_cast<unsigned char>(t[0])) || words_in(t) > kMaxBioWords) return false;
  const std::string lower = ascii_lower(t);
  const std::size_t sentence_end = lower.find(". ");
  const std::string_view first = std::string_view(lower).substr(0, sentence_end);
  for (std::string_view verb : kBioVerbs) {
    const std::size_t at = first.find(verb);
    // The subject is a name: a few capitalised words right at the start.
    if (at == std::string_view::npos || !is_name(t.substr(0, at))) continue;
    if (contains_any(first.substr(at), kBioRoles)) return true;
  }
  return false;
}

bool is_call_to_action(std::string_view line, std::size_t words) {
  constexpr std::size_t kMaxWords = 5;
  static constexpr std::string_view kActions[] = {
      "subscribe", "sign in", "sign up", "log in", "login", "register", "donate", "join now", "join us",
      "get the app", "download the app", "try it free", "start your free", "suscríbete", "suscribirse",
      "iniciar sesión", "regístrate", "abonnieren", "anmelden", "jetzt abonnieren", "s'abonner",
      "abonnez-vous", "se connecter", "abbonati", "accedi", "assine", "assinar", "entrar"};
  if (words > kMaxWords) return false;
  const std::string lower = ascii_lower(trim(line));
  return std::any_of(std::begin(kActions), std::end(kActions), [&](std::string_view a) {
    return lower.starts_with(a) && (lower.size() == a.size() || !std::isalpha(static_cast<unsigned char>(lower[a.size()])));
  });
}

bool is_spaced_menu_row(std::string_view line) {
  const auto cells = spaced_cells(line);
  if (cells.size() < 3) return false;
  return std::all_of(cells.begin(), cells.end(), [](std::string_view c) {
    const auto first = static_cast<unsigned char>(c.front());
    return words_in(c) <= 3 && !(first >= 'a' && first <= 'z') &&
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
      all = words_in(part) <= 4 && std::any_of(part.begin(), part.end(), [](char ch) {
              return std::isdigit(static_cast<unsigned char>(ch));
            });
      pos = end + sep.size();
    }
    if (all) return true;
  }
  if (t.empty() || words > 6 || t.back() == '.') return false;
  // A short label and a number or a single word: not "Gout: Symptoms, Causes and Treatment".
  const std::size_t colon = t.find(": ");
  if (colon != std::string_view::npos && words_in(t.substr(0, colon)) <= 3) {
    const std::string_view value = t.substr(colon + 2);
    return words_in(value) == 1 || std::any_of(value.begin(), value.end(), [](char ch) {
             return std::isdigit(static_cast<unsigned char>(ch));
           });
  }
  return is_rating(t);
}

bool is_rating(std::string_view line) {
  // "4.6 (213 votes)", "4,8 (1.204 avaliações)", "5 from 84 votes".
  const std::string_view t = trim(line);
  return words_in(t) <= 6 && digit_at(t, 0) &&
         (t.find('(') != std::string_view::npos || t.find(" votes") != std::string_view::npos ||
          t.find(" ratings") != std::string_view::npos || t.find(" reviews") != std::string_view::npos);
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
                              "abr ", "ago ", "dic ", "set ", "fev ", "out "});
}

bool starts_like_byline(std::string_view line) {
  const std::string_view t = trim(line);
  // Chinese, Japanese and Korean bylines and sources: "作者：", "来源：", "記者", "기자".
  for (std::string_view cjk : {"\u4F5C\u8005", "\u6765\u6E90", "\u8BB0\u8005", "\u7F16\u8F91", "\u6587/",
                               "\u8457\u8005", "\u8A18\u8005", "\u57F7\u7B46", "\uAE30\uC790"})
    if (t.starts_with(cjk)) return true;
  const std::string lower = ascii_lower(t);
  // A name or a date follows the lead word: "por Ana", "Published 6:00", not "por qué".
  const std::size_t space = t.find(' ');
  if (space == std::string_view::npos ||
      std::none_of(t.begin() + static_cast<std::ptrdiff_t>(space), t.end(), [](char ch) {
        return std::isupper(static_cast<unsigned char>(ch)) || std::isdigit(static_cast<unsigned char>(ch));
      }))
    return false;
  // "Words by Ilse Brandt", "Text and photos by Ana Ruiz".
  const std::size_t by = lower.find(" by ");
  if (by != std::string::npos && by <= 20 && words_in(t.substr(0, by)) <= 3 && by + 4 < t.size() &&
      std::isupper(static_cast<unsigned char>(t[by + 4])))
    return true;
  return starts_any(lower, {"by ", "posted ", "published ", "updated ", "written by ", "posted on ", "por ", "von ",
                            "par ", "le ", "di ", "publicado", "actualizado", "veröffentlicht",
                            "aktualisiert", "publié", "mis à jour", "pubblicato", "aggiornato", "atualizado",
                            "redacción", "redazione", "stand: ", "vérifié le", "revisado", "geprüft am",
                            "última actualización", "ultimo aggiornamento", "dernière mise à jour",
                            "last updated", "last reviewed", "reviewed on", "revisto em", "última atualização"});
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
  static constexpr std::string_view kPhrases[] = {
      "follow", "unfollow", "follow publication", "published in", "member-only story", "forward to a friend",
      "email to a friend", "send to a friend", "accept", "accept all", "reject all", "decline", "i agree",
      "got it", "ok", "okay", "sign up for our newsletter", "newsletter", "listen", "open in app", "share",
      "seguir", "publicado en", "reenviar a un amigo", "aceptar", "rechazar", "folgen", "veröffentlicht in",
      "an einen freund senden", "akzeptieren", "ablehnen", "suivre", "publié dans", "envoyer à un ami",
      "accepter", "refuser", "segui", "pubblicato in", "invia a un amico", "accetta", "rifiuta",
      "publicado em", "enviar a um amigo", "aceitar", "recusar", "volgen", "gepubliceerd in",
      "stuur door aan een vriend", "accepteren", "weigeren"};
  if (words == 0 || words > kMaxWords) return false;
  std::string lower = ascii_lower(trim(line));
  while (!lower.empty() && (lower.back() == '.' || lower.back() == ':' || lower.back() == '!')) lower.pop_back();
  return std::any_of(std::begin(kPhrases), std::end(kPhrases), [&](std::string_view p) { return lower == p; });
}

}  // namespace readaloud
