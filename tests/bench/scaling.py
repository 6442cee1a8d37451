"""Scaling benchmark (wall clock, so not a test): a generated 40 MB book
(READALOUD_BIG_MB) must inspect within 60 s and in time that grows with its
size, not its square; a 4 MB single line must render within 60 s. Prints the
figures; exits 1 when a target is missed.
Usage: READALOUD_BIN=build/readaloud /usr/bin/python3 tests/bench/scaling.py"""
import os
import subprocess
import sys
import tempfile
import time

BIN = os.environ.get("READALOUD_BIN", "build/readaloud")
PARAGRAPH = ("Cold water makes the heart beat faster and the breath come quicker. "
             "Swimmers who go in slowly give the body time to adjust to the shock. ") * 3 + "\n\n"
CHAPTER = "Part {n} of the swim\n\n" + PARAGRAPH * 20


def book(path, mb):
    parts, total, n = ["A very long book about cold water\n\n"], 0, 0
    while total < mb * 1_000_000:
        n += 1
        text = CHAPTER.replace("{n}", str(n))
        parts.append(text)
        total += len(text)
    with open(path, "w") as f:
        f.write("".join(parts))


def timed(args):
    start = time.monotonic()
    done = subprocess.run([BIN, *args], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=1800)
    if done.returncode != 0:
        sys.exit(f"{args}: exit {done.returncode}: {done.stderr.decode()[-300:]}")
    return time.monotonic() - start


def main():
    megabytes = float(os.environ.get("READALOUD_BIG_MB", "40"))
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        seconds = {}
        for mb in (megabytes / 10, megabytes):
            path = os.path.join(tmp, f"book-{mb:g}.txt")
            book(path, mb)
            seconds[mb] = timed(["inspect", path])
            os.remove(path)
            print(f"inspect: {mb:g} MB in {seconds[mb]:.1f} s")
        whole, tenth = seconds[megabytes], seconds[megabytes / 10]
        if whole >= 60:
            failures.append(f"{megabytes:g} MB inspect took {whole:.1f} s (target < 60 s)")
        if whole >= 20 * max(tenth, 0.5):
            failures.append("inspect time grows faster than the input")
        line = os.path.join(tmp, "line.txt")
        with open(line, "wb") as f:
            f.write(b"Long line\n\n" + b"This sentence repeats without a break. " * 100000 + b"\n")
        render = timed(["render", line, "-o", os.path.join(tmp, "out"), "--progress", "none"])
        print(f"render: a 4 MB single line in {render:.1f} s")
        if render >= 60:
            failures.append(f"the single-line render took {render:.1f} s (target < 60 s)")
    for f in failures:
        print("MISSED:", f)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
