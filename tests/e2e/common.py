"""Helpers for end-to-end tests: run the real binary, read its files back
with independent tools (ffprobe, ffmpeg's ebur128 meter, mutagen)."""
import json
import os
import re
import subprocess
import tempfile
import unittest

BIN = os.environ.get("READALOUD_BIN", "build/readaloud")
SRC = os.environ.get("READALOUD_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "..", ".."))
FIXTURES = os.path.join(SRC, "tests", "fixtures")


def run(args, stdin=None, cwd=None, timeout=300):
    """Runs readaloud; returns (code, stdout, stderr)."""
    p = subprocess.run([BIN] + list(args), input=stdin, capture_output=True, cwd=cwd, timeout=timeout)
    return p.returncode, p.stdout.decode("utf-8"), p.stderr.decode("utf-8")


def ffprobe(path):
    out = subprocess.run(
        ["ffprobe", "-v", "error", "-show_format", "-show_streams", "-show_chapters", "-of", "json", path],
        capture_output=True, check=True).stdout
    return json.loads(out)


def chapters(path):
    """[(start_s, end_s, title)] as ffprobe sees them."""
    info = ffprobe(path)
    return [(float(c["start_time"]), float(c["end_time"]), c.get("tags", {}).get("title", ""))
            for c in info.get("chapters", [])]


def duration(path):
    """The container's duration as ffprobe reports it (for MP3 it includes the
    encoder delay that ffprobe also reports as start_time)."""
    return float(ffprobe(path)["format"]["duration"])


def decoded_duration(path):
    """Seconds of audio that ffmpeg actually decodes (encoder delay and padding trimmed)."""
    info = ffprobe(path)
    rate = int(info["streams"][0]["sample_rate"])
    pcm = subprocess.run(["ffmpeg", "-v", "error", "-i", path, "-f", "s16le", "-ac", "1", "-"],
                         capture_output=True, check=True).stdout
    return len(pcm) / 2 / rate


def mutagen_length(path):
    out = subprocess.run(["/usr/bin/python3", "-c", "import mutagen, sys; print(mutagen.File(sys.argv[1]).info.length)", path],
                         capture_output=True, check=True).stdout
    return float(out)


def loudness(path):
    """(integrated LUFS, true peak dBTP) from ffmpeg's EBU R128 meter on the decoded file."""
    p = subprocess.run(["ffmpeg", "-nostats", "-hide_banner", "-i", path, "-filter_complex",
                        "ebur128=peak=true", "-f", "null", "-"], capture_output=True)
    err = p.stderr.decode("utf-8", "replace")
    summary = err[err.rfind("Summary:"):]
    lufs = float(re.search(r"I:\s+(-?[\d.]+) LUFS", summary).group(1))
    peak = re.search(r"Peak:\s+(-?[\d.]+|-inf) dBFS", summary).group(1)
    return lufs, float(peak)


def mutagen_chapters(path):
    """ID3 version, CHAP frames [(id, start_ms, end_ms, title)] and CTOCs, read with mutagen."""
    code = r'''
import json, sys
from mutagen.id3 import ID3
tags = ID3(sys.argv[1])
chaps = []
for f in tags.getall("CHAP"):
    title = f.sub_frames.get("TIT2")
    chaps.append([f.element_id, f.start_time, f.end_time, str(title.text[0]) if title else ""])
chaps.sort(key=lambda c: c[1])
tocs = [{"id": t.element_id, "top": bool(t.flags & 2), "ordered": bool(t.flags & 1),
         "children": list(t.child_element_ids)} for t in tags.getall("CTOC")]
print(json.dumps({"version": tags.version[1], "chapters": chaps, "tocs": tocs,
                  "title": str(tags.get("TIT2", "")), "artist": str(tags.get("TPE1", ""))}))
'''
    out = subprocess.run(["/usr/bin/python3", "-c", code, path], capture_output=True, check=True).stdout
    return json.loads(out)


class TempDirTest(unittest.TestCase):
    def setUp(self):
        self._tmp = tempfile.TemporaryDirectory(prefix="readaloud-e2e-")
        self.tmp = self._tmp.name

    def tearDown(self):
        self._tmp.cleanup()

    def files(self, folder=None):
        folder = folder or self.tmp
        return sorted(os.listdir(folder)) if os.path.isdir(folder) else []

    def assert_fails(self, args, code, needles, out_dir, stdin=None, timeout=300):
        """Runs readaloud expecting failure: the exit code, nothing on standard
        output, one 'readaloud: error:' line holding every needle, and no file
        in out_dir. Returns the error line."""
        got, out, err = run(args, stdin=stdin, timeout=timeout)
        self.assertEqual(got, code, err)
        self.assertEqual(out, "")
        lines = err.strip().splitlines()
        self.assertEqual(len(lines), 1, err)
        self.assertTrue(lines[0].startswith("readaloud: error: "), err)
        for n in needles:
            self.assertIn(n, lines[0])
        self.assertEqual(self.files(out_dir), [])
        return lines[0]
