#include "ingest/html_nesting.hpp"

#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "ingest/html_dom.hpp"
#include "util/text.hpp"

namespace readaloud::html {
namespace {

bool is_name_char(char c) {
  return is_ascii_alpha(c) || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == ':' || c == '.';
}

bool is_foreign(const std::string& name) { return name == "svg" || name == "math"; }

/// One start or end tag as the tokenizer sees it.
struct Tag {
  std::string name;
  bool closing = false;
  bool self_closing = false;
  std::size_t end = 0;  // one past '>'
};

class NestingLimiter {
 public:
  NestingLimiter(std::string_view in, std::size_t max_depth) : in_(in), max_depth_(max_depth) {
    out_.reserve(in.size());
  }

  std::string run() {
    while (i_ < in_.size()) {
      const std::size_t lt = in_.find('<', i_);
      if (lt == npos) {
        copy_to(in_.size());
        break;
      }
      copy_to(lt);
      if (skip_markup_declaration()) continue;
      Tag tag;
      if (!read_tag(tag)) {
        copy_to(i_ + 1);  // a lone '<' is text
        continue;
      }
      if (tag.closing) close(tag);
      else open(tag);
    }
    return std::move(out_);
  }

 private:
  void copy_to(std::size_t end) {
    out_.append(in_.substr(i_, end - i_));
    i_ = end;
  }
  void leave_out_to(std::size_t end) {
    for (std::size_t k = i_; k < end; ++k)
      if (in_[k] == '\n') out_ += '\n';
    i_ = end;
  }

  /// Comments, doctypes and processing instructions are copied whole.
  bool skip_markup_declaration() {
    if (in_.substr(i_, 4) == "<!--") {
      const std::size_t e = in_.find("-->", i_ + 4);
      copy_to(e == npos ? in_.size() : e + 3);
      return true;
    }
    if (i_ + 1 < in_.size() && (in_[i_ + 1] == '!' || in_[i_ + 1] == '?')) {
      const std::size_t e = in_.find('>', i_);
      copy_to(e == npos ? in_.size() : e + 1);
      return true;
    }
    return false;
  }

  /// Reads the tag at i_; false when '<' does not start one.
  bool read_tag(Tag& tag) const {
    const std::size_t n = in_.size();
    tag.closing = i_ + 1 < n && in_[i_ + 1] == '/';
    const std::size_t name_start = i_ + (tag.closing ? 2 : 1);
    if (name_start >= n || !is_ascii_alpha(in_[name_start])) return false;
    std::size_t name_end = name_start;
    while (name_end < n && is_name_char(in_[name_end])) ++name_end;
    tag.name = ascii_lower(in_.substr(name_start, name_end - name_start));
    // The end of the tag; '>' inside a quoted attribute value does not count.
    std::size_t e = name_end;
    char quote = 0;
    bool after_eq = false;
    for (; e < n; ++e) {
      const char c = in_[e];
      if (quote != 0) {
        if (c == quote) quote = 0;
        continue;
      }
      if (c == '>') break;
      if (c == '=') after_eq = true;
      else if ((c == '"' || c == '\'') && after_eq) quote = c, after_eq = false;
      else if (!is_html_space(c)) after_eq = false;
    }
    tag.self_closing = e < n && e > name_end && in_[e - 1] == '/';
    tag.end = e < n ? e + 1 : n;
    return true;
  }

  void close(const Tag& tag) {
    if (auto s = suppressed_.find(tag.name); s != suppressed_.end() && s->second > 0) {
      --s->second;
      leave_out_to(tag.end);
      return;
    }
    for (std::size_t k = open_.size(); k-- > 0;) {
      if (open_[k] != tag.name) continue;
      for (std::size_t j = k; j < open_.size(); ++j) foreign_ -= is_foreign(open_[j]) ? 1 : 0;
      open_.resize(k);
      break;
    }
    copy_to(tag.end);
  }

  void open(const Tag& tag) {
    static const std::unordered_set<std::string_view> kVoid = {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
        "source", "track", "wbr", "keygen", "basefont", "bgsound", "frame", "image"};
    static const std::unordered_set<std::string_view> kUncounted = {
        "p", "li", "dt", "dd", "tr", "td", "th", "thead", "tbody", "tfoot", "option", "optgroup",
        "rb", "rt", "rp", "rtc", "colgroup", "caption", "html", "head", "body"};
    static const std::unordered_set<std::string_view> kRawText = {
        "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes"};
    if (kRawText.count(tag.name) != 0 && !tag.self_closing) {
      copy_to(tag.end);
      copy_to(raw_text_end(tag.name));
      return;
    }
    if (kVoid.count(tag.name) != 0 || kUncounted.count(tag.name) != 0 || (tag.self_closing && foreign_ > 0)) {
      copy_to(tag.end);
      return;
    }
    if (open_.size() >= max_depth_) {
      ++suppressed_[tag.name];
      leave_out_to(tag.end);
      return;
    }
    open_.push_back(tag.name);
    foreign_ += is_foreign(tag.name) ? 1 : 0;
    copy_to(tag.end);
  }

  /// Raw text (script, style...) runs to the matching end tag.
  std::size_t raw_text_end(const std::string& name) const {
    const std::size_t n = in_.size();
    for (std::size_t p = i_;;) {
      p = in_.find("</", p);
      if (p == npos) return n;
      const std::size_t after = p + 2 + name.size();
      if (after <= n && ascii_lower(in_.substr(p + 2, name.size())) == name &&
          (after == n || !is_name_char(in_[after])))
        return p;
      p += 2;
    }
  }

  std::string_view in_;
  std::size_t max_depth_;
  std::string out_;
  std::size_t i_ = 0;
  std::vector<std::string> open_;
  std::unordered_map<std::string, std::size_t> suppressed_;
  std::size_t foreign_ = 0;  // open <svg>/<math>: there "<x/>" is empty
};

}  // namespace

std::string limit_nesting(std::string_view in, std::size_t max_depth) { return NestingLimiter(in, max_depth).run(); }

}  // namespace readaloud::html
