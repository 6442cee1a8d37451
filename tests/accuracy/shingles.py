#!/usr/bin/env python3
"""Article-extraction accuracy by 4-word shingles, as extraction benchmarks
score it: per page, precision = shared shingles / shingles extracted and
recall = shared shingles / shingles in the reference; both are averaged over
the pages and F1 is taken from the two means.

Usage:
  shingles.py REF EXTRACTED [REF EXTRACTED ...]   pairs of text files
  shingles.py --pairs LIST                        LIST: "REF<TAB>EXTRACTED" lines
  -v / --verbose                                  also one line per page

Words are runs of letters and digits, lowercased; each CJK character (Han,
kana, hangul) is a word of its own, since those scripts do not separate words
with spaces. A page with fewer than 4 words is one shingle of all its words.
An empty extraction scores precision 0 and recall 0 (a failed page)."""
import re
import statistics
import sys

SIZE = 4
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff"
_WORD = re.compile(r"[" + _CJK + r"]|[^\W" + _CJK + r"]+")


# Curly quotes as straight ones: readaloud straightens them in all text it
# reads (clean_typography in src/ingest/decode.cpp), so a title differing
# only in its quote marks is the same title, as the shingles ignore them too.
_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'",
                         "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"'})


def title_key(title):
    """A title as titles are compared: spaces collapsed, case and quote style ignored."""
    return " ".join(title.translate(_QUOTES).split()).lower()


def words(text):
    return _WORD.findall(text.lower())


def shingles(text):
    w = words(text)
    if not w:
        return set()
    if len(w) < SIZE:
        return {tuple(w)}
    return {tuple(w[i:i + SIZE]) for i in range(len(w) - SIZE + 1)}


def score(reference, extracted):
    """(precision, recall) of one page."""
    ref, ext = shingles(reference), shingles(extracted)
    if not ext or not ref:
        return (0.0, 0.0) if ref else (1.0 if not ext else 0.0, 1.0)
    shared = len(ref & ext)
    return shared / len(ext), shared / len(ref)


def percentile(values, p):
    """The p-th percentile by linear interpolation (p in 0..100)."""
    s = sorted(values)
    if len(s) == 1:
        return s[0]
    k = (len(s) - 1) * p / 100.0
    lo = int(k)
    hi = min(lo + 1, len(s) - 1)
    return s[lo] + (s[hi] - s[lo]) * (k - lo)


def read(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        return f.read()


def main(argv):
    verbose = False
    args = []
    pairs = []
    i = 0
    while i < len(argv):
        a = argv[i]
        if a in ("-v", "--verbose"):
            verbose = True
        elif a == "--pairs":
            if i + 1 >= len(argv):
                sys.stderr.write("shingles.py: --pairs needs a file\n")
                return 2
            for n, line in enumerate(read(argv[i + 1]).splitlines(), 1):
                if not line.strip():
                    continue
                parts = line.split("\t")
                if len(parts) != 2:
                    sys.stderr.write("shingles.py: %s:%d: expected REF<TAB>EXTRACTED\n" % (argv[i + 1], n))
                    return 2
                pairs.append((parts[0], parts[1]))
            i += 1
        elif a in ("-h", "--help"):
            print(__doc__)
            return 0
        else:
            args.append(a)
        i += 1
    if len(args) % 2 != 0:
        sys.stderr.write("shingles.py: files must come in pairs: REF EXTRACTED\n")
        return 2
    pairs += list(zip(args[0::2], args[1::2]))
    if not pairs:
        sys.stderr.write("shingles.py: no pages given (see --help)\n")
        return 2
    ps, rs = [], []
    for ref, ext in pairs:
        try:
            p, r = score(read(ref), read(ext))
        except OSError as e:
            sys.stderr.write("shingles.py: %s\n" % e)
            return 1
        ps.append(p)
        rs.append(r)
        if verbose:
            print("%-60s P %.3f  R %.3f" % (ref, p, r))
    mp, mr = statistics.mean(ps), statistics.mean(rs)
    f1 = 2 * mp * mr / (mp + mr) if mp + mr > 0 else 0.0
    print("pages %d" % len(pairs))
    print("precision %.3f  recall %.3f  F1 %.3f" % (mp, mr, f1))
    print("median precision %.3f  median recall %.3f  p10 precision %.3f  p10 recall %.3f" %
          (statistics.median(ps), statistics.median(rs), percentile(ps, 10), percentile(rs, 10)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
