#!/usr/bin/python3
"""Trains the warning model (data/warnings/model.txt) on the labelled corpus.

A logistic regression over the words and word stems of a sentence and of its context (the
lead-in of the list or table it belongs to, the heading above it). The
detector (src/analyze/warning_model.cpp) computes the same features and adds
the model's verdict to its cue rules. The corpus format is in docs/warnings.md.

Usage: train-warnings-model.py [--out PATH] [--eval DIR] TRAIN_DIR...
  --eval DIR   also print recall and precision per sentence on DIR at each
               threshold (a part never trained on)
Deterministic: the same corpus gives the same file.
"""
import argparse
import collections
import math
import os
import random
import re
import sys
import unicodedata

MARKER = re.compile(r"\{([WN]):([a-z-]+)\}[ \t]*")
LIST_LINE = re.compile(r"\s*([-*+]\s|\d+[.)]\s|\|)")
EPOCHS = 30
RATE = 0.5
L2 = 3e-3
STEM = 5  # words longer than this also count by their first STEM letters
PRUNE = 0.02  # weights smaller than this are left out of the file
# Latin letters without a decomposition, spelled as src/util/utf8.cpp's
# fold_accents() spells them.
UNDECOMPOSED = str.maketrans({"æ": "ae", "ø": "o", "þ": "th", "ð": "d", "œ": "oe", "ł": "l", "đ": "d", "ı": "i"})


def words(text):
    """Case-folded, accent-stripped runs of a-z and 0-9 (the C++ side folds
    with utf8proc the same way)."""
    folded = unicodedata.normalize("NFKD", text.casefold())
    folded = "".join(c for c in folded if not unicodedata.combining(c)).translate(UNDECOMPOSED)
    return re.findall(r"[a-z0-9]+", folded)


def features(sentence, in_list, lead_in, heading):
    counts = collections.Counter()
    w = words(sentence)
    for t in w:
        counts["w:" + t] += 1
    for a, b in zip(w, w[1:]):
        counts["b:" + a + "_" + b] += 1
    for t in w[:3]:
        counts["s:" + t] += 1
    for t in w:  # a crude stem, so "avoiding" and "avoided" share what "avoid" learnt
        if len(t) > STEM:
            counts["p:" + t[:STEM]] += 1
    if in_list:
        # A warning heading warns its lists, not every paragraph under it
        # (docs/warnings.md): the heading is context for list items only.
        counts["list"] += 1
        for t in words(lead_in):
            counts["L:" + t] += 1
        for t in words(heading):
            counts["H:" + t] += 1
    norm = math.sqrt(sum(v * v for v in counts.values())) or 1.0
    out = {k: v / norm for k, v in counts.items()}
    out["bias"] = 1.0
    return out


def labelled_sentences(path):
    """(is_warning, sentence, in_list, lead_in, heading) for every marker."""
    with open(path, encoding="utf-8") as f:
        lines = f.read().splitlines()
    heading, lead_in, rows = "", "", []
    for line in lines:
        stripped = line.strip()
        found = list(MARKER.finditer(line))
        if stripped.startswith("#"):
            # The "# " title names the article's topic: no heading context
            # (as in warning_detector.cpp, where the title's section has none).
            level_one = not stripped.startswith("##")
            heading = "" if level_one else MARKER.sub("", stripped.lstrip("#")).strip()
            lead_in = ""
        in_list = bool(LIST_LINE.match(line))
        for i, m in enumerate(found):
            end = found[i + 1].start() if i + 1 < len(found) else len(line)
            text = line[m.end():end].strip().strip("|").strip()
            rows.append((m.group(1) == "W", text, in_list, lead_in if in_list else "", heading))
        if found and not in_list and not stripped.startswith("#"):
            last = line[found[-1].end():].strip()
            lead_in = last if last.endswith(":") else ""
    return rows


def corpus(folders):
    rows = []
    for folder in folders:
        for name in sorted(os.listdir(folder)):
            if name.endswith(".md"):
                rows += labelled_sentences(os.path.join(folder, name))
    return rows


def sigmoid(z):
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def train(rows):
    weights = collections.defaultdict(float)
    examples = [(features(s, li, lead, h), y) for y, s, li, lead, h in rows]
    rng = random.Random(1)
    for _ in range(EPOCHS):
        rng.shuffle(examples)
        for f, y in examples:
            g = sigmoid(sum(weights[k] * v for k, v in f.items())) - y
            for k, v in f.items():
                weights[k] -= RATE * (g * v + L2 * weights[k])
    return weights


def evaluate(weights, rows):
    probs = [sigmoid(sum(weights.get(k, 0.0) * v for k, v in features(s, li, lead, h).items()))
             for _, s, li, lead, h in rows]
    positives = sum(y for y, *_ in rows)
    for t in (0.5, 0.6, 0.7, 0.8, 0.9):
        tp = sum(1 for (y, *_), p in zip(rows, probs) if p >= t and y)
        fp = sum(1 for (y, *_), p in zip(rows, probs) if p >= t and not y)
        print(f"  threshold {t:.1f}: recall {tp / positives:.3f}  precision {tp / max(1, tp + fp):.3f}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default=os.path.normpath(
        os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "warnings", "model.txt")))
    ap.add_argument("--eval")
    ap.add_argument("--languages", default="en es de fr", help="the corpus's languages: the model is used only for these")
    ap.add_argument("train", nargs="+")
    args = ap.parse_args()
    rows = corpus(args.train)
    weights = train(rows)
    kept = sorted((k, w) for k, w in weights.items() if abs(w) >= PRUNE or k == "bias")
    with open(args.out + ".tmp", "w", encoding="utf-8") as f:
        f.write("# Warning model: logistic-regression weights, one feature per line.\n")
        f.write("# Written by scripts/train-warnings-model.py from " +
                ", ".join(os.path.basename(os.path.normpath(d)) for d in args.train) +
                f" ({len(rows)} sentences); do not edit by hand.\n")
        f.write("languages\t" + args.languages + "\n")
        for k, w in kept:
            f.write(f"{k}\t{w:.4f}\n")
    os.replace(args.out + ".tmp", args.out)
    print(f"{len(rows)} sentences, {sum(y for y, *_ in rows)} warnings; {len(kept)} weights -> {args.out}")
    if args.eval:
        print(f"sentence-level figures on {args.eval} (model alone):")
        evaluate(weights, corpus([args.eval]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
