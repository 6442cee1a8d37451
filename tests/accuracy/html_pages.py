#!/usr/bin/env python3
"""Extraction accuracy of readaloud on a folder of HTML pages with stored
expected text (NAME.html + NAME.expected.txt: the title line, then the
article text as it should be read).

Usage: html_pages.py READALOUD_BIN FOLDER [-v]

For each page the extracted text is what `readaloud extract --to text`
prints when the build has that command, else what `inspect --json` says will
be spoken (the title, then heading, narration and warning segments). Prints
shingle precision/recall/F1 (tests/accuracy/shingles.py) and title accuracy
(the first line, compared with spaces collapsed and case and quote style ignored)."""
import glob
import json
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import shingles  # noqa: E402


def has_extract(binary):
    r = subprocess.run([binary, "--help"], capture_output=True, text=True)
    return any(line.split()[:1] == ["extract"] for line in r.stdout.splitlines())


def extracted(binary, page, use_extract):
    """(title, text) or (None, error message)."""
    if use_extract:
        r = subprocess.run([binary, "extract", page, "--to", "text"], capture_output=True, text=True)
        if r.returncode != 0:
            return None, r.stderr.strip()
        lines = r.stdout.splitlines()
        return (lines[0] if lines else ""), r.stdout
    r = subprocess.run([binary, "inspect", page, "--json"], capture_output=True, text=True)
    if r.returncode != 0:
        return None, r.stderr.strip()
    doc = json.loads(r.stdout)
    out = [doc["title"]]
    for i, chapter in enumerate(doc["chapters"]):
        for j, seg in enumerate(chapter["segments"]):
            if seg["role"] == "announcement":
                continue
            if i == 0 and j == 0 and seg["role"] == "heading" and seg["text"] == doc["title"]:
                continue
            out.append(seg["text"])
    return doc["title"], "\n".join(out)


def norm(s):
    return shingles.title_key(s)


def main(argv):
    verbose = "-v" in argv
    args = [a for a in argv if a != "-v"]
    if len(args) != 2:
        sys.stderr.write(__doc__)
        return 2
    binary, folder = args
    pages = sorted(glob.glob(os.path.join(folder, "*.html")))
    if not pages:
        sys.stderr.write("html_pages.py: no .html pages in %s\n" % folder)
        return 2
    use_extract = has_extract(binary)
    ps, rs, titles, failed = [], [], 0, 0
    for page in pages:
        with open(page[:-5] + ".expected.txt", encoding="utf-8") as f:
            reference = f.read()
        title, text = extracted(binary, page, use_extract)
        if title is None:
            failed += 1
            p, r = 0.0, 0.0
            if verbose:
                print("%-40s FAILED: %s" % (os.path.basename(page), text))
        else:
            p, r = shingles.score(reference, text)
            ok = norm(title) == norm(reference.splitlines()[0])
            titles += ok
            if verbose:
                print("%-40s P %.3f  R %.3f  title %s%s" % (os.path.basename(page), p, r, "ok" if ok else "WRONG",
                                                          "" if ok else " (%r)" % title))
        ps.append(p)
        rs.append(r)
    mp, mr = sum(ps) / len(ps), sum(rs) / len(rs)
    f1 = 2 * mp * mr / (mp + mr) if mp + mr else 0.0
    print("pages %d (failed %d), text from %s" % (len(pages), failed, "extract --to text" if use_extract else "inspect --json"))
    print("precision %.3f  recall %.3f  F1 %.3f" % (mp, mr, f1))
    print("median precision %.3f  median recall %.3f  p10 precision %.3f" %
          (shingles.percentile(ps, 50), shingles.percentile(rs, 50), shingles.percentile(ps, 10)))
    print("title right %d/%d (%.0f%%)" % (titles, len(pages), 100.0 * titles / len(pages)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
