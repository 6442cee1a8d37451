"""The side-by-side benchmark behind scripts/bench.sh. Timings are best-of-N
wall-clock seconds, ours and theirs alternating in one run, with the least
CPU time (user + system, child processes included) beside them: on a busy
machine CPU time says more than wall time. Memory is the peak resident set
of the process.

For each input (the shared real-world sample when present, and a held-out
article written for the benchmark) every format is timed against what a user
would script: espeak-ng --stdout piped into ffmpeg with the same codec,
bitrate and sample rate; WAV against espeak-ng -w; the DAISY and EPUB books
against our own MP3 render of the same article. Then a 20x longer article
against the 1x one (time and peak memory), and batch throughput."""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
BIN = os.environ.get("READALOUD_BIN", os.path.join(ROOT, "build", "readaloud"))
BUNDLED = os.path.join(ROOT, "data", "sample", "nasal-rinsing.txt")
SHARED = os.path.join(ROOT, "..", "shared", "samples", "prostate-massage-scraped.txt")
HELD_OUT = os.path.join(ROOT, "tests", "fixtures", "bench", "held-out-hand-tremor.txt")
RUNS = int(sys.argv[1]) if len(sys.argv) > 1 else 3

# format -> (readaloud options, ffmpeg encoder options, target ratio)
FORMATS = [
    ("mp3", ["--bitrate", "64"], "-c:a libmp3lame -b:a 64k -ar 22050", 0.5),
    ("m4b", ["--bitrate", "64"], "-c:a aac -b:a 64k -ar 22050 -f ipod", 0.5),
    ("opus", ["--bitrate", "64"], "-c:a libopus -b:a 64k -ar 48000", 0.5),
    ("ogg", [], "-c:a libvorbis -q:a 4 -ar 22050", 0.5),
    ("flac", [], "-c:a flac -ar 22050", 0.5),
]


# Least CPU seconds (user + system) of the last side_by_side(), ours and theirs.
last_cpu = (0.0, 0.0)


def run_once(cmd, shell=False):
    """Wall seconds, peak memory (MB) and CPU seconds of one run. With a shell
    pipeline, CPU time covers every process of it (they are the shell's children)."""
    start = time.perf_counter()
    p = subprocess.Popen(cmd, shell=shell, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(p.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"failed: {cmd}\n{p.stderr.read().decode()}")
    return elapsed, usage.ru_maxrss / 1024.0, usage.ru_utime + usage.ru_stime


def side_by_side(ours, theirs, runs=RUNS):
    """Best-of-runs for two commands, alternating so load falls on both alike."""
    global last_cpu
    a = b = ca = cb = float("inf")
    peak = 0.0
    for _ in range(runs):
        t, m, c = run_once(ours)
        a, peak, ca = min(a, t), max(peak, m), min(ca, c)
        t, _, c = run_once(theirs, shell=isinstance(theirs, str))
        b, cb = min(b, t), min(cb, c)
    last_cpu = (ca, cb)
    return a, b, peak


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
    with open(BUNDLED, encoding="utf-8") as f:
        text = f.read()
    body = text.split("\n\n", 2)[2]  # keep one title; repeat the body
    parts = [text] + [re.sub(r"^(Benefits|Risks|Dry air|Seasonal allergies|Sinus infections)$",
                             lambda m: f"{m.group(1)} part {i}", body, flags=re.M) for i in range(2, times + 1)]
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n\n".join(parts))


def audio_seconds(folder):
    for f in os.listdir(folder):
        if f.endswith(".wav"):
            out = subprocess.run(["ffprobe", "-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0",
                                  os.path.join(folder, f)], capture_output=True, text=True).stdout
            return float(out)
    return 0.0


def format_rows(label, article, tmp):
    out = os.path.join(tmp, "out-" + label.replace(" ", "-"))
    os.makedirs(out, exist_ok=True)
    text = spoken_text(article, out)
    rows = []
    ours, theirs, _ = side_by_side([BIN, "render", article, "-o", out, "--format", "wav", "--progress", "none"],
                                   ["espeak-ng", "-v", "en-us", "-f", text, "-w", os.path.join(tmp, "floor.wav")])
    seconds = audio_seconds(out)
    rows.append((f"{label}: WAV vs espeak-ng -w", ours, theirs, 1.0, last_cpu))
    for fmt, opts, ffmpeg, target in FORMATS:
        pipe = (f"espeak-ng -v en-us -f {text} --stdout | ffmpeg -loglevel error -y -f wav -i - "
                f"-ac 1 {ffmpeg} {os.path.join(tmp, 'pipe.' + fmt)}")
        ours, theirs, _ = side_by_side([BIN, "render", article, "-o", out, "--format", fmt, *opts, "--progress", "none"],
                                       pipe)
        rows.append((f"{label}: {fmt.upper()} vs espeak-ng | ffmpeg", ours, theirs, target, last_cpu))
        if fmt == "mp3":
            mp3_command = [BIN, "render", article, "-o", out, "--format", "mp3", "--progress", "none"]
        if fmt == "m4b":
            # ffmpeg's default AAC coder is twoloop; ours is fast (see README).
            fast = pipe.replace("-c:a aac", "-c:a aac -aac_coder fast")
            fast_runs = [run_once(fast, shell=True) for _ in range(RUNS)]
            theirs_fast = min(r[0] for r in fast_runs)
            rows.append((f"{label}: M4B vs ... | ffmpeg -aac_coder fast", ours, theirs_fast, None,
                         (last_cpu[0], min(r[2] for r in fast_runs))))
    # Talking books against the MP3 render of the same article (target <= 1.2x).
    for book in ("daisy", "epub"):
        ours, theirs, _ = side_by_side([BIN, "render", article, "-o", out, "--format", book, "--progress", "none"],
                                       mp3_command)
        rows.append((f"{label}: {book.upper()} vs our MP3", ours, theirs, 1.2, last_cpu))
    return rows, seconds


def main():
    tmp = tempfile.mkdtemp(prefix="readaloud-bench-")
    try:
        load = os.getloadavg()[0]
        rows = []
        inputs = [("shared sample", SHARED)] if os.path.exists(SHARED) else []
        inputs.append(("held-out", HELD_OUT))
        lengths = []
        for label, article in inputs:
            r, seconds = format_rows(label, article, tmp)
            rows += r
            lengths.append(f"{label} {seconds:.0f} s of audio")

        out = os.path.join(tmp, "out-long")
        os.mkdir(out)
        twenty = os.path.join(tmp, "twenty-times.txt")
        long_article(20, twenty)
        t1 = m1 = t20 = m20 = float("inf")
        for _ in range(max(1, RUNS - 1)):
            t, m, _ = run_once([BIN, "render", BUNDLED, "-o", out, "--progress", "none"])
            t1, m1 = min(t1, t), min(m1, m)
            t, m, _ = run_once([BIN, "render", twenty, "-o", out, "--progress", "none"])
            t20, m20 = min(t20, t), min(m20, m)
        rows.append(("20x article: time vs 1x (MP3)", t20, t1, 21.0, None))

        batch = os.path.join(tmp, "batch")
        os.mkdir(batch)
        with open(BUNDLED, encoding="utf-8") as f:
            sample = f.read()
        short = sample.split("\n\n", 1)[1].split("Benefits", 1)[0]
        inputs16 = []
        for i in range(16):
            p = os.path.join(batch, f"short-{i:02d}.txt")
            with open(p, "w", encoding="utf-8") as f:
                f.write(f"Short article number {i}\n\n" + short)
            inputs16.append(p)
        j1 = run_once([BIN, "render", *inputs16, "-o", out, "--jobs", "1", "--progress", "none"])[0]
        j2 = run_once([BIN, "render", *inputs16, "-o", out, "--jobs", "2", "--progress", "none"])[0]

        print(f"{'comparison':50} {'ours':>8} {'other':>8} {'ratio':>6}  {'target':15} {'cpu ours':>8} {'other':>8}")
        for name, a, b, target, cpu in rows:
            verdict = "" if target is None else ("<= %.2f %s" % (target, "ok" if a / b <= target else "MISSED"))
            cpu_text = "" if cpu is None else f"{cpu[0]:8.3f} {cpu[1]:8.3f}"
            print(f"{name:50} {a:8.3f} {b:8.3f} {a / b:6.2f}  {verdict:15} {cpu_text}")
        print(f"20x article: {t20:.2f} s, peak {m20:.1f} MB (target < 100 MB); 1x: {t1:.2f} s, {m1:.1f} MB")
        print(f"batch of 16: 1 job {j1:.2f} s, 2 jobs {j2:.2f} s, throughput x{j1 / j2:.2f} (target >= 1.6)")
        print(f"inputs: {'; '.join(lengths)}; best of {RUNS}; load average at start {load:.2f}, "
              f"at end {os.getloadavg()[0]:.2f}")

        bench_bin = os.path.join(os.path.dirname(BIN), "tests", "bench", "bench_parsers")
        if os.path.exists(bench_bin):
            print()
            subprocess.run([bench_bin, "--benchmark_min_time=0.2"], check=True)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
