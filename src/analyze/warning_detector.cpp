#include "analyze/warning_detector.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "analyze/sentences.hpp"
#include "analyze/warning_model.hpp"

namespace readaloud {
namespace {

// What a risk heading adds to a sentence under it that has a cue of its own:
// enough to lift a weak consequence ("Drops can cause dizziness") over the
// balanced threshold, never enough to flag narrative with no cue at all.
constexpr double kHeadingSupport = 0.5;
constexpr std::size_t kModelMinWords = 6;

struct Context {
  const WarningCues& cues;
  double threshold;
  const WarningModel* model;  // null where the model does not decide (its language, the level)
  ModelThreshold model_bar;
};

std::string callout_label(CalloutKind kind) {
  std::string s = to_string(kind);
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
}

void clear_marks(Section& section) {
  section.warning.reset();
  for (Block& block : section.blocks) {
    block.warning.reset();
    block.sentence_warnings.clear();
    for (ListItem& item : block.items) item.warning.reset();
  }
}

std::string_view trim_view(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\n' || s.front() == '\t' || s.front() == '\r'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\n' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

std::string clip(std::string_view s, std::size_t max = 60) {
  if (s.size() <= max) return std::string(s);
  while (max > 0 && (static_cast<unsigned char>(s[max]) & 0xC0) == 0x80) --max;  // whole UTF-8 characters
  return std::string(s.substr(0, max)) + "...";
}

// The model's reason when it flags `sentence`, if it may decide here. A
// sentence in which some cue matched, below the threshold, needs less of it.
WarningReason judged(std::string_view sentence, const Context& ctx, const SentenceContext& where, bool has_cue) {
  if (!ctx.model) return std::nullopt;
  // A few words with nothing around them are too little evidence for the
  // model alone: "It shouldn't be painful.", "You're not alone."
  if (!has_cue && where.lead_in.empty() && model_words(sentence).size() < kModelMinWords) return std::nullopt;
  const ModelVerdict verdict = ctx.model->judge(sentence, where);
  if (verdict.probability < (has_cue ? ctx.model_bar.with_cue : ctx.model_bar.alone)) return std::nullopt;
  return verdict.explain();
}

// Cues scoring this much over the bar are never overruled by the model.
constexpr double kVetoMargin = 0.5;

// Whether the model, confident that a sentence the cues only just flagged
// warns of nothing ("Keep your fridge at 5 degrees or below."), overrules them.
bool vetoed(std::string_view sentence, const CueScore& s, const Context& ctx, const SentenceContext& where) {
  if (!ctx.model || ctx.model_bar.veto <= 0.0 || s.score >= ctx.threshold + kVetoMargin) return false;
  return ctx.model->judge(sentence, where).probability < ctx.model_bar.veto;
}

// Scores each sentence; `heading` is the risk section's reason, if any. The
// cues decide first; a sentence they pass over is flagged when the model is
// confident enough ("model: p 0.90 from 'leave', 'sick', 'can leave'"),
// unless the cues' reassurance, benefit or statistic rules matched it.
std::vector<SentenceWarning> scored_sentences(const std::string& text, const Context& ctx,
                                              const WarningReason& heading, const SentenceContext& where) {
  std::vector<SentenceWarning> out;
  bool previous_warned = false;
  for (const TextRange& r : split_sentences(text, ctx.cues.language)) {
    const std::string_view sentence = std::string_view(text).substr(r.begin, r.end - r.begin);
    CueScore s = score_sentence(sentence, ctx.cues);
    if (heading && s.score > 0.0) {
      s.score += kHeadingSupport;
      s.reasons.push_back("+ under " + *heading);
    }
    if (s.score > 0.0 && s.score >= ctx.threshold - 1e-9 && !vetoed(sentence, s, ctx, where)) {
      out.push_back(SentenceWarning{r.begin, r.end, s.explain()});
    } else if (const auto verdict = s.hedged ? std::nullopt : judged(sentence, ctx, where, !s.top.empty())) {
      out.push_back(SentenceWarning{r.begin, r.end, *verdict});
    } else if (previous_warned && matches_any(sentence, ctx.cues.continuations, ctx.cues)) {
      // "So can some water tablets." says again what the warning before it said.
      out.push_back(SentenceWarning{r.begin, r.end, "continues the warning before it"});
    }
    previous_warned = !out.empty() && out.back().begin == r.begin;
  }
  return out;
}

// A heading that passes a warning to the lists under it ("Avoid fish high in
// mercury", "Who should not take it"). Risk headings are handled as sections.
WarningReason heading_leadin(const Section& section, const Context& ctx) {
  if (section.title.empty()) return std::nullopt;
  const std::string name = match_leadin(section.title, ctx.cues);
  if (!name.empty()) return "lead-in '" + name + "' in the heading '" + clip(section.title) + "' on the list";
  const CueScore s = score_sentence(section.title, ctx.cues);
  if (s.score >= ctx.threshold - 1e-9) return "heading '" + clip(section.title) + "' on the list: " + s.explain();
  return std::nullopt;
}

// The lead-in sentence of a list or table, as paragraph_leadin() decides it.
struct LeadIn {
  WarningReason reason;  // the warning the list inherits from it
  bool found = false;    // whether there is one that decides for the list
  std::string text;      // the sentence, when it ends in ":" (the model's context)
};

// Decides the lead-in of the list at blocks[index]: the last sentence of the
// paragraph just before it, when that ends in ":" (or in no full stop and
// warns). A lead-in that warns is itself a warning sentence of its paragraph
// ("Warning. Call your doctor if your child: has a fever, ..."); a pointer
// ("Follow these steps:") takes `from_heading`.
LeadIn paragraph_leadin(Section& section, std::size_t index, const Context& ctx, const WarningReason& from_heading) {
  LeadIn out;
  if (index == 0) return out;
  Block& paragraph = section.blocks[index - 1];
  // An "Important:" line is often parsed as a callout: it leads in all the same.
  if (paragraph.kind != BlockKind::Paragraph && paragraph.kind != BlockKind::Callout &&
      paragraph.kind != BlockKind::Quote)
    return out;
  const std::string text = plain_text(paragraph.text);
  const std::vector<TextRange> sentences = split_sentences(text, ctx.cues.language);
  if (sentences.empty()) return out;
  const TextRange r = sentences.back();
  const std::string_view last = trim_view(std::string_view(text).substr(r.begin, r.end - r.begin));
  if (last.empty()) return out;
  // A sentence that runs on into the list ("...if in the next few hours you
  // develop") is a lead-in too, but only one that matches a lead-in cue:
  // scraped text often drops full stops after plain sentences and warnings.
  const bool colon = last.back() == ':';
  if (colon) out.text = last;
  if (!colon && (last.back() == '.' || last.back() == '!' || last.back() == '?')) return out;
  const char* const what = section.blocks[index].kind == BlockKind::Table ? "' on the table" : "' on the list";
  const std::string name = match_leadin(last, ctx.cues);
  if (!colon && name.empty()) return out;
  const CueScore s = score_sentence(last, ctx.cues);
  WarningReason reason;
  if (!name.empty())
    reason = "lead-in '" + name + what;
  else if (s.score >= ctx.threshold - 1e-9)
    reason = "lead-in '" + clip(last) + what + ": " + s.explain();
  // "Follow these steps:" only points at the list: the heading decides, for
  // the list and for the pointer itself.
  const bool pointer = !reason && colon && matches_any(last, ctx.cues.pointer_leadins, ctx.cues);
  if (pointer && from_heading) reason = from_heading;
  if (pointer) out.text.clear();  // it says nothing about the items: no context for the model
  std::vector<SentenceWarning>& flagged = paragraph.sentence_warnings;
  // A lead-in its paragraph already flagged (by the model, or by cues that
  // name no lead-in: "If your child swallows a button battery:") warns
  // its items too: the listener hears one warning, not a warning cut short.
  if (!reason && colon && !pointer && !paragraph.warning && !flagged.empty() && flagged.back().begin == r.begin)
    reason = "lead-in '" + clip(last) + what + ": " + flagged.back().reason;
  out.found = reason || (colon && !pointer);
  if (!out.found) return out;
  if (reason && !paragraph.warning && (flagged.empty() || flagged.back().begin != r.begin))
    flagged.push_back(SentenceWarning{r.begin, r.end, *reason});
  out.reason = reason;
  return out;
}

void mark_list(Block& block, const WarningReason& inherited, const Context& ctx, const SentenceContext& where) {
  if (inherited) {
    block.warning = inherited;
    for (ListItem& item : block.items) item.warning = inherited;
    return;
  }
  for (ListItem& item : block.items) {
    const std::vector<SentenceWarning> flagged = scored_sentences(plain_text(item.text), ctx, std::nullopt, where);
    if (!flagged.empty()) item.warning = flagged.front().reason;
  }
}

// A table's header row passes a warning to its rows when a cell is a lead-in
// ("Do not", "Side effects", "Warning signs").
WarningReason header_leadin(const Block& table, const Context& ctx) {
  for (const InlineText& cell : table.header) {
    const std::string text = plain_text(cell);
    const std::string name = match_leadin(text, ctx.cues);
    if (!name.empty()) return "lead-in '" + name + "' in the header '" + clip(trim_view(text)) + "' on the table";
  }
  return std::nullopt;
}

// Tables are marked like lists: every row inherits a warning from the section,
// the lead-in sentence or the heading; otherwise each row is scored cell by
// cell, and a flagged row is kept in sentence_warnings as {row, row + 1}.
void mark_table(Block& block, const WarningReason& inherited, const Context& ctx, const SentenceContext& where) {
  const WarningReason reason = inherited ? inherited : header_leadin(block, ctx);
  if (reason) {
    block.warning = reason;
    return;
  }
  // Cues cell by cell; the model, trained on whole rows, on the row's text.
  const Context cues_only{ctx.cues, ctx.threshold, nullptr, ctx.model_bar};
  for (std::size_t r = 0; r < block.rows.size(); ++r) {
    std::string row;
    WarningReason reason;
    for (const InlineText& cell : block.rows[r]) {
      const std::string text = plain_text(cell);
      row += text + " ";
      const std::vector<SentenceWarning> flagged = scored_sentences(text, cues_only, std::nullopt, where);
      if (!flagged.empty()) {
        reason = flagged.front().reason;
        break;
      }
    }
    if (!reason) reason = judged(row, ctx, where, false);
    if (reason) block.sentence_warnings.push_back(SentenceWarning{r, r + 1, "row: " + *reason});
  }
}

void mark_blocks(Section& section, bool is_title, const Context& ctx) {
  // The article's title names its topic ("Side effects of statins"): no lead-in.
  const WarningReason from_heading = section.warning || is_title ? std::nullopt : heading_leadin(section, ctx);
  // Only the first paragraph under a risk heading gets its support: scraped
  // text loses later headings, so the section may run on into other topics.
  bool first_paragraph = true;
  // The model's heading context; the article's title is its topic, not a
  // heading over this text, so a page read with or without it scores alike.
  const std::string_view heading = is_title ? std::string_view() : std::string_view(section.title);
  for (std::size_t i = 0; i < section.blocks.size(); ++i) {
    Block& block = section.blocks[i];
    const WarningReason support = first_paragraph ? section.warning : std::nullopt;
    if (block.kind == BlockKind::Paragraph) first_paragraph = false;
    switch (block.kind) {
      case BlockKind::Callout:
        if (std::find(ctx.cues.callout_kinds.begin(), ctx.cues.callout_kinds.end(), block.callout) !=
            ctx.cues.callout_kinds.end()) {
          block.warning = "callout: " + callout_label(block.callout);
          break;
        }
        [[fallthrough]];  // a Note or Tip can still hold a warning sentence
      case BlockKind::Paragraph:
      case BlockKind::Quote:
        block.sentence_warnings =
            scored_sentences(plain_text(block.text), ctx, support, SentenceContext{false, {}, heading});
        break;
      case BlockKind::List:
      case BlockKind::Table: {
        // The lead-in sentence is marked even in a risk section ("Common side
        // effects:"); the section's reason still wins for the list.
        const LeadIn leadin = paragraph_leadin(section, i, ctx, from_heading);
        const WarningReason inherited = section.warning ? section.warning : leadin.found ? leadin.reason : from_heading;
        // A lead-in the cues judged harmless ("Signs that your baby is feeding
        // well include:") also stops the heading: the model then judges each
        // item on its own words, without that context.
        const bool harmless_leadin = leadin.found && !leadin.reason;
        const SentenceContext where{true, harmless_leadin ? std::string_view() : std::string_view(leadin.text),
                                    harmless_leadin ? std::string_view() : heading};
        if (block.kind == BlockKind::List)
          mark_list(block, inherited, ctx, where);
        else
          mark_table(block, inherited, ctx, where);
        break;
      }
      case BlockKind::Image:
      case BlockKind::Code:
        break;
    }
  }
}

}  // namespace

void detect_warnings(Article& article, const WarningCues& cues, WarningLevel level, const WarningModel& model) {
  const ModelThreshold bar = model_threshold(level);
  const bool model_decides = std::isfinite(bar.with_cue) && model.covers(cues.language);
  const Context ctx{cues, warning_threshold(level), model_decides ? &model : nullptr, bar};
  // The open risk section, if any: its level and reason. Tracked in a loop
  // over the flat section list, so heading depth costs no recursion.
  WarningReason open_reason;
  int open_level = 0;
  for (Section& section : article.sections) {
    clear_marks(section);
    if (level == WarningLevel::Off) continue;
    if (open_reason && section.level <= open_level) open_reason.reset();
    // The article's own title names its topic ("Side effects of statins"), not a
    // risk section; marking it would turn the whole article into one warning.
    if (section.title != article.title && heading_names_risks(section.title, cues)) {
      section.warning = "section: " + section.title;
      // An h1 is usually the article title too: it marks only itself.
      if (section.level >= 2) {
        open_reason = section.warning;
        open_level = section.level;
      }
    } else {
      section.warning = open_reason;
    }
    mark_blocks(section, section.title == article.title, ctx);
  }
}

}  // namespace readaloud
