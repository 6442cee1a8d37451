#include "publish/feed.hpp"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <toml++/toml.h>

#include "util/error.hpp"
#include "util/markup.hpp"
#include "util/text.hpp"
#include "util/uuid.hpp"

namespace readaloud {
namespace {

constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
constexpr const char* kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};

std::string iso_from(std::time_t t) {
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

bool valid_fields(const std::tm& tm) {
  return tm.tm_year > -1900 && tm.tm_mon >= 0 && tm.tm_mon < 12 && tm.tm_mday >= 1 && tm.tm_mday <= 31 &&
         tm.tm_hour >= 0 && tm.tm_hour < 24 && tm.tm_min >= 0 && tm.tm_min < 60 && tm.tm_sec >= 0 && tm.tm_sec <= 60;
}

// "+0100", "-05:00", "Z", "GMT", "UT", or US zone names; seconds east of UTC.
std::optional<long> zone_offset(std::string zone) {
  while (!zone.empty() && zone.front() == ' ') zone.erase(0, 1);
  if (zone.empty() || zone == "Z" || zone == "GMT" || zone == "UT" || zone == "UTC") return 0;
  static const std::pair<const char*, int> kNamed[] = {{"EST", -5}, {"EDT", -4}, {"CST", -6}, {"CDT", -5},
                                                       {"MST", -7}, {"MDT", -6}, {"PST", -8}, {"PDT", -7}};
  for (const auto& [name, hours] : kNamed)
    if (zone == name) return hours * 3600L;
  int h = 0, m = 0;
  char sign = zone[0];
  if ((sign == '+' || sign == '-') &&
      (std::sscanf(zone.c_str() + 1, "%2d:%2d", &h, &m) == 2 || std::sscanf(zone.c_str() + 1, "%2d%2d", &h, &m) == 2))
    return (sign == '-' ? -1 : 1) * (h * 3600L + m * 60L);
  return std::nullopt;
}

std::optional<std::string> parse_iso(const std::string& s) {
  std::tm tm{};
  int n = 0;
  if (std::sscanf(s.c_str(), "%4d-%2d-%2d%n", &tm.tm_year, &tm.tm_mon, &tm.tm_mday, &n) != 3 || n != 10)
    return std::nullopt;
  std::string rest = s.substr(10);
  if (!rest.empty() && (rest[0] == 'T' || rest[0] == ' ')) {
    int used = 0;
    if (std::sscanf(rest.c_str() + 1, "%2d:%2d%n", &tm.tm_hour, &tm.tm_min, &used) != 2) return std::nullopt;
    rest = rest.substr(1 + used);
    if (!rest.empty() && rest[0] == ':') {
      if (std::sscanf(rest.c_str() + 1, "%2d%n", &tm.tm_sec, &used) != 1) return std::nullopt;
      rest = rest.substr(1 + used);
      while (!rest.empty() && (rest[0] == '.' || std::isdigit(static_cast<unsigned char>(rest[0])))) rest.erase(0, 1);
    }
  }
  tm.tm_year -= 1900;
  tm.tm_mon -= 1;
  const auto offset = zone_offset(rest);
  if (!offset || !valid_fields(tm)) return std::nullopt;
  return iso_from(timegm(&tm) - *offset);
}

std::optional<std::string> parse_rfc822(std::string s) {
  if (const auto comma = s.find(','); comma != std::string::npos) s = s.substr(comma + 1);
  std::tm tm{};
  char month[4] = {};
  int used = 0;
  if (std::sscanf(s.c_str(), " %2d %3s %4d %2d:%2d%n", &tm.tm_mday, month, &tm.tm_year, &tm.tm_hour, &tm.tm_min,
                  &used) != 5)
    return std::nullopt;
  std::string rest = s.substr(used);
  if (!rest.empty() && rest[0] == ':') {
    int more = 0;
    if (std::sscanf(rest.c_str() + 1, "%2d%n", &tm.tm_sec, &more) != 1) return std::nullopt;
    rest = rest.substr(1 + more);
  }
  tm.tm_mon = -1;
  for (int i = 0; i < 12; ++i)
    if (std::string_view(month) == kMonths[i]) tm.tm_mon = i;
  if (tm.tm_year < 100) tm.tm_year += 2000;
  tm.tm_year -= 1900;
  const auto offset = zone_offset(rest);
  if (!offset || !valid_fields(tm)) return std::nullopt;
  return iso_from(timegm(&tm) - *offset);
}

// The name space of podcast:guid, fixed by the Podcasting 2.0 namespace.
constexpr Uuid kPodcastGuidNamespace = uuid_literal("ead4c236-bf58-58c6-a2c6-a6b28d128cb6");

std::string element(const char* name, const std::string& text) {
  return std::string("<") + name + ">" + xml_text(text) + "</" + name + ">";
}

std::string item_description(const Episode& e) {
  std::string html;
  if (!e.summary.empty()) html += "<p>" + xml_text(e.summary) + "</p>";
  if (!e.chapters.empty()) {
    html += "<p>Chapters:</p><ul>";
    for (const auto& c : e.chapters) html += "<li>" + clock_time(c.start_s) + " " + xml_text(c.title) + "</li>";
    html += "</ul>";
  }
  return html;
}

std::string rss_item(const Channel& ch, const Episode& e) {
  std::string x = "  <item>\n";
  x += "   " + element("title", e.title) + "\n";
  x += "   <guid isPermaLink=\"false\">" + xml_text(e.guid) + "</guid>\n";
  x += "   " + element("link", episode_url(ch, e, "")) + "\n";
  x += "   " + element("pubDate", rfc822_date(e.published)) + "\n";
  if (!e.author.empty()) x += "   " + element("itunes:author", e.author) + "\n";
  x += "   <enclosure url=\"" + xml_attr(episode_url(ch, e, e.audio)) + "\" length=\"" +
       std::to_string(e.audio_bytes) + "\" type=\"audio/mpeg\"/>\n";
  x += "   " + element("itunes:duration", std::to_string(static_cast<long long>(std::llround(e.duration_s)))) + "\n";
  x += "   <itunes:episodeType>full</itunes:episodeType>\n";
  x += "   <itunes:explicit>" + std::string(ch.explicit_content ? "true" : "false") + "</itunes:explicit>\n";
  x += "   <description>" + xml_cdata(item_description(e)) + "</description>\n";
  if (!e.chapters_json.empty())
    x += "   <podcast:chapters url=\"" + xml_attr(episode_url(ch, e, e.chapters_json)) +
         "\" type=\"application/json+chapters\"/>\n";
  const std::string lang = e.language.empty() ? ch.language : e.language;
  if (!e.captions_vtt.empty())
    x += "   <podcast:transcript url=\"" + xml_attr(episode_url(ch, e, e.captions_vtt)) +
         "\" type=\"text/vtt\" language=\"" + xml_attr(lang) + "\" rel=\"captions\"/>\n";
  if (!e.transcript.empty())
    x += "   <podcast:transcript url=\"" + xml_attr(episode_url(ch, e, e.transcript)) +
         "\" type=\"text/plain\" language=\"" + xml_attr(lang) + "\"/>\n";
  return x + "  </item>\n";
}

std::string channel_category(const std::string& category) {
  const auto slash = category.find('/');
  if (slash == std::string::npos) return "  <itunes:category text=\"" + xml_attr(category) + "\"/>\n";
  return "  <itunes:category text=\"" + xml_attr(category.substr(0, slash)) + "\"><itunes:category text=\"" +
         xml_attr(category.substr(slash + 1)) + "\"/></itunes:category>\n";
}

}  // namespace

void load_channel_config(const std::filesystem::path& file, Channel& ch, std::string& cover_path) {
  std::error_code ec;
  if (!std::filesystem::exists(file, ec)) return;
  toml::table t;
  try {
    t = toml::parse_file(file.string());
  } catch (const toml::parse_error& e) {
    throw_input(std::string(e.description()), Location{file.string(), e.source().begin.line, e.source().begin.column});
  }
  auto text = [&](const char* key, std::string& out) {
    if (const auto* node = t.get(key)) {
      const auto value = node->value<std::string>();
      if (!value) throw_input(std::string("'") + key + "' must be a string", Location{file.string()});
      out = clean_label(*value);
    }
  };
  auto flag = [&](const char* key, bool& out) {
    if (const auto* node = t.get(key)) {
      const auto value = node->value<bool>();
      if (!value) throw_input(std::string("'") + key + "' must be true or false", Location{file.string()});
      out = *value;
    }
  };
  text("base_url", ch.base_url);
  text("title", ch.title);
  text("description", ch.description);
  text("link", ch.link);
  text("language", ch.language);
  text("author", ch.author);
  text("owner_name", ch.owner_name);
  text("owner_email", ch.owner_email);
  text("category", ch.category);
  text("cover", cover_path);
  flag("explicit", ch.explicit_content);
  flag("locked", ch.locked);
}

std::string podcast_guid(std::string_view url) {
  if (const auto scheme = url.find("://"); scheme != std::string_view::npos) url.remove_prefix(scheme + 3);
  while (!url.empty() && url.back() == '/') url.remove_suffix(1);
  return uuid_text(uuid_v5(kPodcastGuidNamespace, url));
}

std::optional<std::string> normalize_date(std::string_view text) {
  std::string s(trim(text));
  if (s.empty()) return std::nullopt;
  if (std::isdigit(static_cast<unsigned char>(s[0])) && s.size() >= 10 && s[4] == '-') return parse_iso(s);
  return parse_rfc822(s);
}

std::string rfc822_date(std::string_view iso) {
  std::tm tm{};
  std::string s(iso);
  if (std::sscanf(s.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday, &tm.tm_hour, &tm.tm_min,
                  &tm.tm_sec) != 6)
    return s;
  tm.tm_year -= 1900;
  tm.tm_mon -= 1;
  const std::time_t t = timegm(&tm);
  gmtime_r(&t, &tm);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%s, %02d %s %04d %02d:%02d:%02d GMT", kDays[tm.tm_wday], tm.tm_mday,
                kMonths[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
  return buf;
}

std::string now_utc() {
  return iso_from(std::chrono::system_clock::to_time_t(std::chrono::system_clock::now()));
}

std::string clock_time(double seconds) {
  const long long total = static_cast<long long>(std::floor(std::max(0.0, seconds)));
  char buf[32];
  if (total >= 3600)
    std::snprintf(buf, sizeof buf, "%lld:%02lld:%02lld", total / 3600, total / 60 % 60, total % 60);
  else
    std::snprintf(buf, sizeof buf, "%lld:%02lld", total / 60, total % 60);
  return buf;
}

std::string episode_url(const Channel& ch, const Episode& e, const std::string& file) {
  return ch.base_url + "/" + e.slug + "/" + file;
}

std::string rss_feed(const Channel& ch, std::vector<Episode> episodes, const std::string& last_build) {
  std::sort(episodes.begin(), episodes.end(), [](const Episode& a, const Episode& b) {
    return a.published != b.published ? a.published > b.published : a.id < b.id;
  });
  const std::string feed_url = ch.base_url + "/feed.xml";
  const std::string link = ch.link.empty() ? ch.base_url + "/" : ch.link;
  std::string x = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  x += "<rss version=\"2.0\" xmlns:itunes=\"http://www.itunes.com/dtds/podcast-1.0.dtd\" "
       "xmlns:podcast=\"https://podcastindex.org/namespace/1.0\" xmlns:atom=\"http://www.w3.org/2005/Atom\">\n";
  x += " <channel>\n";
  x += "  " + element("title", ch.title) + "\n";
  x += "  " + element("description", ch.description) + "\n";
  x += "  " + element("link", link) + "\n";
  x += "  <atom:link href=\"" + xml_attr(feed_url) + "\" rel=\"self\" type=\"application/rss+xml\"/>\n";
  x += "  " + element("language", ch.language) + "\n";
  x += "  " + element("generator", std::string("readaloud ") + READALOUD_VERSION) + "\n";
  x += "  " + element("lastBuildDate", last_build) + "\n";
  if (!ch.cover_file.empty()) {
    const std::string cover = ch.base_url + "/" + ch.cover_file;
    x += "  <itunes:image href=\"" + xml_attr(cover) + "\"/>\n";
    x += "  <image><url>" + xml_text(cover) + "</url>" + element("title", ch.title) + element("link", link) + "</image>\n";
  }
  x += channel_category(ch.category);
  x += "  <itunes:explicit>" + std::string(ch.explicit_content ? "true" : "false") + "</itunes:explicit>\n";
  x += "  <itunes:type>episodic</itunes:type>\n";
  if (!ch.author.empty()) x += "  " + element("itunes:author", ch.author) + "\n";
  if (!ch.owner_email.empty() || !ch.owner_name.empty())
    x += "  <itunes:owner>" + element("itunes:name", ch.owner_name.empty() ? ch.author : ch.owner_name) +
         element("itunes:email", ch.owner_email) + "</itunes:owner>\n";
  x += "  " + element("podcast:guid", podcast_guid(feed_url)) + "\n";
  x += "  <podcast:locked" +
       (ch.owner_email.empty() ? std::string() : " owner=\"" + xml_attr(ch.owner_email) + "\"") + ">" +
       (ch.locked ? "yes" : "no") + "</podcast:locked>\n";
  for (const auto& e : episodes) x += rss_item(ch, e);
  x += " </channel>\n</rss>\n";
  return x;
}

}  // namespace readaloud
