"""The side-by-side benchmark behind scripts/bench.sh. Timings are best-of-N
wall-clock seconds; memory is the peak resident set of the process."""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
BIN = os.path.join(ROOT, "build", "readaloud")
SAMPLE = os.path.join(ROOT, "data", "sample", "nasal-rinsing.txt")
RUNS = int(sys.argv[1]) if len(sys.argv) > 1 else 3


def timed(cmd, shell=False, **kw):
    """(best wall seconds, peak RSS of the last run in MB)."""
    best, peak = float("inf"), 0.0
    for _ in range(RUNS):
        start = time.perf_counter()
        p = subprocess.Popen(cmd, shell=shell, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, **kw)
        _, status, usage = os.wait4(p.pid, 0)
        p.returncode = os.waitstatus_to_exitcode(status)
        elapsed = time.perf_counter() - start
        if p.returncode != 0:
            raise SystemExit(f"failed ({p.returncode}): {cmd}\n{p.stderr.read().decode()}")
        best = min(best, elapsed)
        peak = usage.ru_maxrss / 1024.0
    return best, peak


def spoken_text(article, out):
    subprocess.run([BIN, "render", article, "-o", out, "--sidecars", "txt", "--progress", "none", "--loudness", "off"],
                   check=True, stdout=subprocess.DEVNULL)
    txt = [f for f in os.listdir(out) if f.endswith(".txt")][0]
    path = os.path.join(out, "spoken.txt")
    shutil.move(os.path.join(out, txt), path)
    for f in os.listdir(out):
        if f != "spoken.txt":
            os.remove(os.path.join(out, f))
    return path


def long_article(times, path):
    with open(SAMPLE, encoding="utf-8") as f:
        text = f.read()
    body = text.split("\n\n", 2)[2]  # keep one title; repeat the body
    parts = [text] + [re.sub(r"^(Benefits|Risks|Dry air|Seasonal allergies|Sinus infections)$",
                             lambda m: f"{m.group(1)} part {i}", body, flags=re.M) for i in range(2, times + 1)]
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n\n".join(parts))


def main():
    tmp = tempfile.mkdtemp(prefix="readaloud-bench-")
    try:
        out = os.path.join(tmp, "out")
        os.mkdir(out)
        text = spoken_text(SAMPLE, out)
        rows = []

        ours, _ = timed([BIN, "render", SAMPLE, "-o", out, "--format", "wav", "--progress", "none"])
        floor, _ = timed(["espeak-ng", "-v", "en-us", "-f", text, "-w", os.path.join(tmp, "floor.wav")])
        rows.append(("(a) WAV: readaloud / espeak-ng -w", ours, floor, ours / floor, "<= 1.25"))

        ours, _ = timed([BIN, "render", SAMPLE, "-o", out, "--format", "mp3", "--bitrate", "64", "--progress", "none"])
        pipe = (f"espeak-ng -v en-us -f {text} --stdout | ffmpeg -loglevel error -y -f wav -i - "
                f"-c:a libmp3lame -b:a 64k -ac 1 {os.path.join(tmp, 'pipe.mp3')}")
        theirs, _ = timed(pipe, shell=True)
        rows.append(("(b) MP3: readaloud / espeak-ng | ffmpeg", ours, theirs, ours / theirs, "<= 0.75"))

        ten = os.path.join(tmp, "ten-times.txt")
        long_article(10, ten)
        t1, m1 = timed([BIN, "render", SAMPLE, "-o", out, "--progress", "none"])
        t10, m10 = timed([BIN, "render", ten, "-o", out, "--progress", "none"])
        rows.append(("(c) peak memory MB: 10x / 1x sample", m10, m1, m10 / m1, "<= 1.5, 10x < 100 MB"))

        batch = os.path.join(tmp, "batch")
        os.mkdir(batch)
        with open(SAMPLE, encoding="utf-8") as f:
            sample = f.read()
        head, rest = sample.split("\n\n", 1)
        short = rest.split("Benefits", 1)[0]
        inputs = []
        for i in range(16):
            p = os.path.join(batch, f"short-{i:02d}.txt")
            with open(p, "w", encoding="utf-8") as f:
                f.write(f"Short article number {i}\n\n" + short)
            inputs.append(p)
        j1, _ = timed([BIN, "render", *inputs, "-o", out, "--jobs", "1", "--progress", "none"])
        j2, _ = timed([BIN, "render", *inputs, "-o", out, "--jobs", "2", "--progress", "none"])
        rows.append(("(d) batch of 16: throughput 2 jobs / 1 job", 1 / j2, 1 / j1, j1 / j2, ">= 1.6"))

        print(f"{'comparison':48} {'ours':>9} {'other':>9} {'ratio':>7}  target")
        for name, a, b, r, target in rows:
            print(f"{name:48} {a:9.3f} {b:9.3f} {r:7.2f}  {target}")
        print(f"(c) detail: 1x sample {t1:.2f} s, {m1:.1f} MB; 10x sample {t10:.2f} s, {m10:.1f} MB")
        print(f"(d) detail: 1 job {j1:.2f} s, 2 jobs {j2:.2f} s for 16 articles")

        bench_bin = os.path.join(ROOT, "build", "tests", "bench", "bench_parsers")
        if os.path.exists(bench_bin):
            print()
            subprocess.run([bench_bin, "--benchmark_min_time=0.2"], check=True)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
