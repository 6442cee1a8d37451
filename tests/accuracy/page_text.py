#!/usr/bin/env python3
"""Extraction accuracy of readaloud on whole-page text dumps (select-all
copies and text-browser dumps of web pages): NAME.txt + NAME.expected.txt
(the title line, then the article text as it should be read).

Usage: page_text.py READALOUD_BIN FOLDER [-v]

The extracted text is what `readaloud extract NAME.txt --to text` prints.
Scores with the shingle metric of tests/accuracy/shingles.py (per-page
precision and recall, averaged; F1 from the two means) and prints the
medians, the 10th percentile of precision and title accuracy (first line,
spaces collapsed, case and quote style ignored)."""
import glob
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import shingles  # noqa: E402


def norm(s):
    return shingles.title_key(s)


def main(argv):
    verbose = "-v" in argv
    args = [a for a in argv if a != "-v"]
    if len(args) != 2:
        sys.stderr.write(__doc__)
        return 2
    binary, folder = args
    pages = sorted(p for p in glob.glob(os.path.join(folder, "*.txt")) if not p.endswith(".expected.txt"))
    if not pages:
        sys.stderr.write("page_text.py: no .txt pages in %s\n" % folder)
        return 2
    ps, rs, titles, failed = [], [], 0, 0
    for page in pages:
        with open(page[:-4] + ".expected.txt", encoding="utf-8") as f:
            reference = f.read()
        r = subprocess.run([binary, "extract", page, "--to", "text"], capture_output=True, text=True)
        if r.returncode != 0:
            failed += 1
            p, rec, ok = 0.0, 0.0, False
            if verbose:
                print("%-44s FAILED: %s" % (os.path.basename(page), r.stderr.strip()))
        else:
            p, rec = shingles.score(reference, r.stdout)
            title = r.stdout.splitlines()[0] if r.stdout else ""
            ok = norm(title) == norm(reference.splitlines()[0])
            if verbose:
                print("%-44s P %.3f  R %.3f  title %s" % (os.path.basename(page), p, rec,
                                                         "ok" if ok else "WRONG (%r)" % title))
        titles += ok
        ps.append(p)
        rs.append(rec)
    mp, mr = sum(ps) / len(ps), sum(rs) / len(rs)
    f1 = 2 * mp * mr / (mp + mr) if mp + mr else 0.0
    print("pages %d (failed %d), text from extract --to text" % (len(pages), failed))
    print("precision %.3f  recall %.3f  F1 %.3f" % (mp, mr, f1))
    print("median precision %.3f  median recall %.3f  p10 precision %.3f" %
          (shingles.percentile(ps, 50), shingles.percentile(rs, 50), shingles.percentile(ps, 10)))
    print("title right %d/%d (%.0f%%)" % (titles, len(pages), 100.0 * titles / len(pages)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
