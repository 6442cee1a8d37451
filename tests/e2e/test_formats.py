"""Issue 4, "How it will be checked": one article the project has not seen,
rendered in all six audio formats with every sidecar, cover art and tags, and
in split mode; everything is read back with ffprobe, ffmpeg and mutagen, and
the MP4 and RIFF structures with small readers of our own."""
import array
import concurrent.futures
import hashlib
import json
import os
import re
import struct
import subprocess
import sys
import tempfile
import unittest

from common import FIXTURES, decoded_duration, ffprobe, run

HERE = os.path.join(FIXTURES, "formats")
ARTICLE = os.path.join(HERE, "balance-training.txt")
COVER_PNG = os.path.join(HERE, "cover.png")
COVER_JPG = os.path.join(HERE, "cover.jpg")
SLUG = "balance-training-after-60"
HEADINGS = ["Balance training after 60", "Why balance matters", "Exercises to try",
            "Tracking your progress", "Risks"]
PART_NAMES = ["01-balance-training-after-60", "02-why-balance-matters", "03-exercises-to-try",
              "04-tracking-your-progress", "05-risks"]
FORMATS = ["mp3", "opus", "ogg", "flac", "wav", "m4b"]
LOSSLESS = {"flac", "wav"}
SIDECARS = [".chapters.json", ".chapters.vtt", ".vtt", ".srt", ".cue", ".txt", ".ffmetadata"]
# Characters that each format escapes or encodes differently.
META = {"title": "Café talk: balance & falls", "artist": "Zoë Ng", "album": "Healthy Habits; season 2",
        "date": "2024-05-01"}
SPLIT_TITLE = "Stand tall"

_tmp = None
WHOLE = {}   # format -> (folder, code, stdout, stderr)
SPLIT = {}
SPOKEN = []  # the words of `inspect --json`, in order
FIGURES = []  # measurements printed for the lead at the end


def setUpModule():
    global _tmp
    _tmp = tempfile.TemporaryDirectory(prefix="readaloud-formats-")
    jobs = {}
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        for fmt in FORMATS:
            whole = os.path.join(_tmp.name, "whole", fmt)
            split = os.path.join(_tmp.name, "split", fmt)
            jobs[("whole", fmt)] = (whole, pool.submit(run, [
                "render", ARTICLE, "-o", whole, "--format", fmt, "--sidecars", "all", "--cover", COVER_PNG,
                "--title", META["title"], "--author", META["artist"], "--album", META["album"],
                "--date", META["date"], "--progress", "none"]))
            jobs[("split", fmt)] = (split, pool.submit(run, [
                "render", ARTICLE, "-o", split, "--format", fmt, "--split-chapters", "--cover", COVER_JPG,
                "--title", SPLIT_TITLE, "--progress", "none"]))
        inspect = pool.submit(run, ["inspect", ARTICLE, "--json"])
    for (kind, fmt), (folder, job) in jobs.items():
        (WHOLE if kind == "whole" else SPLIT)[fmt] = (folder, *job.result())
    code, out, err = inspect.result()
    assert code == 0, err
    for chapter in json.loads(out)["chapters"]:
        for segment in chapter["segments"]:
            SPOKEN.extend(segment["text"].split())


def tearDownModule():
    if FIGURES:
        sys.stderr.write("\n" + "\n".join(FIGURES) + "\n")
    _tmp.cleanup()


# ---------------------------------------------------------------- readers

def sha(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


MUTAGEN = r'''
import base64, hashlib, json, sys
import mutagen
from mutagen.flac import Picture
from mutagen.mp4 import MP4
sha = lambda b: hashlib.sha256(bytes(b)).hexdigest()
def seconds(clock):
    h, m, s = clock.split(":")
    return int(h) * 3600 + int(m) * 60 + float(s)
out = {}
for p in sys.argv[1:]:
    m = mutagen.File(p)
    r = {"tags": {}, "pictures": [], "chapters": []}
    t = m.tags
    if isinstance(m, MP4):
        one = lambda k: str(t[k][0]) if k in t else None
        r["tags"] = {"title": one("\xa9nam"), "artist": one("\xa9ART"), "album": one("\xa9alb"),
                     "date": one("\xa9day")}
        if "trkn" in t:
            r["tags"]["track"] = "%d/%d" % tuple(t["trkn"][0])
        r["pictures"] = [sha(c) for c in t.get("covr", [])]
        r["chapters"] = [[c.start, c.title] for c in (m.chapters or [])]
    elif t is not None and hasattr(t, "getall"):  # ID3: MP3, and the WAV "id3 " chunk
        one = lambda k: str(t[k]) if k in t else None
        r["tags"] = {"title": one("TIT2"), "artist": one("TPE1"), "album": one("TALB"), "date": one("TDRC"),
                     "track": one("TRCK")}
        r["pictures"] = [sha(f.data) for f in t.getall("APIC")]
        r["chapters"] = sorted([c.start_time / 1000, str(c.sub_frames["TIT2"])] for c in t.getall("CHAP"))
    elif t is not None:  # Vorbis comments: FLAC, Ogg Vorbis, Ogg Opus
        one = lambda k: t[k][0] if k in t else None
        track = one("tracknumber")
        if track and one("tracktotal"):
            track += "/" + one("tracktotal")
        r["tags"] = {"title": one("title"), "artist": one("artist"), "album": one("album"), "date": one("date"),
                     "track": track}
        pics = list(m.pictures) if hasattr(m, "pictures") else [
            Picture(base64.b64decode(b)) for b in t.get("metadata_block_picture", [])]
        r["pictures"] = [sha(pic.data) for pic in pics]
        n = 1
        while "chapter%03d" % n in t:
            r["chapters"].append([seconds(one("chapter%03d" % n)), one("chapter%03dname" % n)])
            n += 1
    out[p] = r
print(json.dumps(out))
'''


def mutagen_read(paths):
    """{path: {"tags": {...}, "pictures": [sha256], "chapters": [[start_s, title]]}} read by mutagen."""
    out = subprocess.run(["/usr/bin/python3", "-c", MUTAGEN, *paths], capture_output=True, check=True).stdout
    return json.loads(out)


def probe_tags(info):
    """Format and stream tags together, keys lowercased (Ogg keeps its comments on the stream)."""
    tags = {}
    for stream in info["streams"]:
        tags.update({k.lower(): v for k, v in stream.get("tags", {}).items()})
    tags.update({k.lower(): v for k, v in info["format"].get("tags", {}).items()})
    return tags


def probe_chapters(info):
    return [(float(c["start_time"]), float(c["end_time"]), c.get("tags", {}).get("title", ""))
            for c in info.get("chapters", [])]


def attached_pictures(info):
    return [s for s in info["streams"] if s.get("disposition", {}).get("attached_pic") == 1]


def envelope(path, rate=8000, frame=40):
    """Mean absolute level per 5 ms frame of the decoded audio."""
    pcm = subprocess.run(["ffmpeg", "-v", "error", "-i", path, "-map", "0:a", "-ac", "1", "-ar", str(rate),
                          "-f", "s16le", "-"], capture_output=True, check=True).stdout
    samples = array.array("h")
    samples.frombytes(pcm[:len(pcm) // 2 * 2])
    return [sum(map(abs, samples[i:i + frame])) / frame for i in range(0, len(samples) - frame + 1, frame)]


def best_lag(reference, other, max_lag=24):
    """The shift of `other` against `reference`, in frames, that matches them best."""
    def cost(lag):
        pairs = zip(reference[max(0, -lag):], other[max(0, lag):])
        return sum(abs(a - b) for a, b in pairs)
    return min(range(-max_lag, max_lag + 1), key=cost)


def wav_chunks(path):
    """[(id, body)] of a RIFF/WAVE file's top-level chunks."""
    with open(path, "rb") as f:
        data = f.read()
    assert data[:4] == b"RIFF" and data[8:12] == b"WAVE"
    assert struct.unpack("<I", data[4:8])[0] == len(data) - 8, "RIFF size must match the file"
    chunks, pos = [], 12
    while pos + 8 <= len(data):
        cid, size = data[pos:pos + 4], struct.unpack("<I", data[pos + 4:pos + 8])[0]
        chunks.append((cid.decode("latin-1"), data[pos + 8:pos + 8 + size]))
        pos += 8 + size + (size & 1)
    assert pos == len(data), "chunks must fill the file exactly"
    return chunks


def wav_cue_chapters(path):
    """[(start_s, label)] from the `cue ` chunk and the LIST/adtl `labl` chunks."""
    rate, cues, labels = None, {}, {}
    for cid, body in wav_chunks(path):
        if cid == "fmt ":
            rate = struct.unpack("<I", body[4:8])[0]
        elif cid == "cue ":
            for i in range(struct.unpack("<I", body[:4])[0]):
                ident, _, fcc, _, _, offset = struct.unpack("<II4sIII", body[4 + 24 * i:28 + 24 * i])
                assert fcc == b"data"
                cues[ident] = offset
        elif cid == "LIST" and body[:4] == b"adtl":
            pos = 4
            while pos + 8 <= len(body):
                sub, size = body[pos:pos + 4], struct.unpack("<I", body[pos + 4:pos + 8])[0]
                if sub == b"labl":
                    ident = struct.unpack("<I", body[pos + 8:pos + 12])[0]
                    labels[ident] = body[pos + 12:pos + 8 + size].rstrip(b"\0").decode("utf-8")
                pos += 8 + size + (size & 1)
    return [(cues[i] / rate, labels.get(i)) for i in sorted(cues)]


def mp4_boxes(data, start, end):
    pos = start
    while pos + 8 <= end:
        size, kind = struct.unpack(">I4s", data[pos:pos + 8])
        header = 8
        if size == 1:
            size, header = struct.unpack(">Q", data[pos + 8:pos + 16])[0], 16
        elif size == 0:
            size = end - pos
        yield kind.decode("latin-1"), pos + header, pos + size
        pos += size


def mp4_child(data, span, *path):
    for kind in path:
        span = next(((s, e) for k, s, e in mp4_boxes(data, *span) if k == kind), None)
        if span is None:
            return None
    return span


def apple_chapters(path):
    """[(start_s, title)] from the QuickTime chapter track: the text track that
    the audio track names in its tref/chap box (what Apple's players read)."""
    with open(path, "rb") as f:
        data = f.read()
    moov = mp4_child(data, (0, len(data)), "moov")
    tracks, chapter_ids = {}, []
    for kind, s, e in mp4_boxes(data, *moov):
        if kind != "trak":
            continue
        tkhd = mp4_child(data, (s, e), "tkhd")
        version = data[tkhd[0]]
        track_id = struct.unpack(">I", data[tkhd[0] + (20 if version == 1 else 12):][:4])[0]
        handler = data[mp4_child(data, (s, e), "mdia", "hdlr")[0] + 8:][:4].decode("latin-1")
        tracks[track_id] = (handler, s, e)
        chap = mp4_child(data, (s, e), "tref", "chap")
        if handler == "soun" and chap:
            chapter_ids += struct.unpack(">%dI" % ((chap[1] - chap[0]) // 4), data[chap[0]:chap[1]])
    assert len(chapter_ids) == 1, "the audio track must name one chapter track"
    handler, s, e = tracks[chapter_ids[0]]
    assert handler == "text", handler
    mdhd = mp4_child(data, (s, e), "mdia", "mdhd")
    scale = struct.unpack(">I", data[mdhd[0] + (20 if data[mdhd[0]] == 1 else 12):][:4])[0]
    stbl = (s, e)
    stbl = mp4_child(data, stbl, "mdia", "minf", "stbl")

    def table(kind, fmt, skip=8):
        s0, _ = mp4_child(data, stbl, kind)
        count = struct.unpack(">I", data[s0 + skip - 4:s0 + skip])[0]
        width = struct.calcsize(">" + fmt)
        return [struct.unpack(">" + fmt, data[s0 + skip + i * width:s0 + skip + (i + 1) * width])
                for i in range(count)]
    durations = [d for n, d in table("stts", "II") for _ in range(n)]
    s0, _ = mp4_child(data, stbl, "stsz")
    fixed, count = struct.unpack(">II", data[s0 + 4:s0 + 12])
    sizes = [fixed] * count if fixed else [x for (x,) in table("stsz", "I", 12)]
    offsets = [o for (o,) in (table("stco", "I") if mp4_child(data, stbl, "stco") else table("co64", "Q"))]
    per_chunk = table("stsc", "III")
    positions = []
    for chunk, offset in enumerate(offsets, start=1):
        n = [spc for first, spc, _ in per_chunk if first <= chunk][-1]
        for _ in range(n):
            positions.append(offset)
            offset += sizes[len(positions) - 1]
    out, t = [], 0
    for pos, size, duration in zip(positions, sizes, durations):
        length = struct.unpack(">H", data[pos:pos + 2])[0]
        out.append((t / scale, data[pos + 2:pos + 2 + length].decode("utf-8")))
        t += duration
    return out


def parse_captions(path):
    """[(start_s, end_s, text)] from a WebVTT or SRT file, entities decoded."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    cues = []
    for block in re.split(r"\n\s*\n", text.strip()):
        lines = block.split("\n")
        at = next((i for i, line in enumerate(lines) if "-->" in line), None)
        if at is None:
            continue
        m = re.match(r"(\d+):(\d\d):(\d\d)[.,](\d{3}) --> (\d+):(\d\d):(\d\d)[.,](\d{3})$", lines[at])
        assert m, lines[at]
        v = [int(x) for x in m.groups()]
        body = " ".join(lines[at + 1:]).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
        cues.append((v[0] * 3600 + v[1] * 60 + v[2] + v[3] / 1000, v[4] * 3600 + v[5] * 60 + v[6] + v[7] / 1000,
                     body))
    return cues


def probe_packets(path):
    out = subprocess.run(["ffprobe", "-v", "error", "-show_entries", "packet=pts_time,duration_time", "-of", "json",
                          path], capture_output=True, check=True).stdout
    return [(float(p["pts_time"]), float(p["duration_time"])) for p in json.loads(out).get("packets", [])]


def parse_ffmetadata(text):
    """(global tags, [(start_s, end_s, title)]) from FFmpeg's metadata format."""
    tags, chapters, current = {}, [], None
    for line in text.split("\n"):
        if not line or line.startswith(";") or line.startswith("#"):
            continue
        if line == "[CHAPTER]":
            current = {}
            chapters.append(current)
            continue
        key, value, escaped = "", None, False
        for c in line:
            if escaped:
                escaped = False
            elif c == "\\":
                escaped = True
                continue
            elif c == "=" and value is None:
                value = ""
                continue
            if value is None:
                key += c
            else:
                value += c
        (current if current is not None else tags)[key.lower()] = value
    out = []
    for c in chapters:
        num, den = (int(x) for x in c.get("timebase", "1/1000").split("/"))
        out.append((int(c["start"]) * num / den, int(c["end"]) * num / den, c.get("title")))
    return tags, out


def json_chapters(folder):
    with open(os.path.join(folder, SLUG + ".chapters.json"), encoding="utf-8") as f:
        doc = json.load(f)
    return [(c["startTime"], c["title"]) for c in doc["chapters"]]


def audio(fmt):
    return os.path.join(WHOLE[fmt][0], SLUG + "." + fmt)


def sidecar(fmt, suffix):
    return os.path.join(WHOLE[fmt][0], SLUG + suffix)


# ---------------------------------------------------------------- tests

class WholeFiles(unittest.TestCase):
    def test_outputs_listed_and_no_temporaries(self):
        for fmt in FORMATS:
            with self.subTest(fmt=fmt):
                folder, code, out, err = WHOLE[fmt]
                self.assertEqual(code, 0, err)
                self.assertEqual(err, "")
                names = [SLUG + "." + fmt] + [SLUG + s for s in SIDECARS]
                self.assertEqual(out.splitlines(), [os.path.join(folder, n) for n in names])
                self.assertEqual(sorted(os.listdir(folder)), sorted(names), "no stray or temporary files")

    def test_same_chapters_in_every_format(self):
        reference = json_chapters(WHOLE["mp3"][0])
        self.assertEqual([t for _, t in reference], HEADINGS)
        self.assertEqual(reference[0][0], 0.0)
        seen = {}
        for fmt in FORMATS:
            with self.subTest(fmt=fmt):
                planned = json_chapters(WHOLE[fmt][0])
                info = ffprobe(audio(fmt))
                got = probe_chapters(info)
                seen[fmt] = got
                self.assertEqual([t for _, _, t in got], HEADINGS)
                # The metadata agrees with the plan of the same render: to the ms.
                tolerance = 0.001 if fmt in LOSSLESS else 0.030
                for (start, _, _), (planned_start, _) in zip(got, planned):
                    self.assertAlmostEqual(start, planned_start, delta=tolerance)
                # ... and with every other format, whatever eSpeak varies between runs.
                for (start, _, _), (ref_start, _) in zip(got, reference):
                    self.assertAlmostEqual(start, ref_start, delta=0.060)
                # Chapters tile the programme, and the last one ends with the audio.
                for (_, end, _), (start, _, _) in zip(got, got[1:]):
                    self.assertAlmostEqual(end, start, delta=0.001)
                self.assertAlmostEqual(got[-1][1], decoded_duration(audio(fmt)), delta=0.060)
        FIGURES.append("chapter starts (s) per format: " + "; ".join(
            "%s %s" % (fmt, ",".join("%.3f" % s for s, _, _ in seen[fmt])) for fmt in FORMATS))

    def test_second_reader_sees_the_same_chapters(self):
        read = mutagen_read([audio(f) for f in FORMATS if f != "wav"])
        for fmt in FORMATS:
            with self.subTest(fmt=fmt):
                planned = json_chapters(WHOLE[fmt][0])
                if fmt == "wav":
                    got = wav_cue_chapters(audio(fmt))
                elif fmt == "m4b":
                    got = [tuple(c) for c in read[audio(fmt)]["chapters"]]  # Nero chpl
                    apple = apple_chapters(audio(fmt))
                    self.assertEqual([t for _, t in apple], HEADINGS)
                    for (start, _), (planned_start, _) in zip(apple, planned):
                        self.assertAlmostEqual(start, planned_start, delta=0.030)
                else:
                    got = [tuple(c) for c in read[audio(fmt)]["chapters"]]
                self.assertEqual([t for _, t in got], HEADINGS)
                for (start, _), (planned_start, _) in zip(got, planned):
                    self.assertAlmostEqual(start, planned_start, delta=0.001 if fmt in LOSSLESS else 0.030)

    def test_lossy_audio_lines_up_with_the_lossless_audio(self):
        # Chapter marks are only right if the decoded audio is where the
        # plan put it: encoder delay must be trimmed, not added.
        reference = envelope(audio("wav"))
        for fmt in FORMATS:
            if fmt == "wav":
                continue
            with self.subTest(fmt=fmt):
                lag = best_lag(reference, envelope(audio(fmt)))
                self.assertLessEqual(abs(lag) * 0.005, 0.030 if fmt not in LOSSLESS else 0.001,
                                     "%s audio is shifted by %d ms" % (fmt, lag * 5))

    def test_tags_and_cover(self):
        read = mutagen_read([audio(f) for f in FORMATS])
        cover = sha(COVER_PNG)
        for fmt in FORMATS:
            with self.subTest(fmt=fmt):
                info = ffprobe(audio(fmt))
                tags = probe_tags(info)
                for key, value in META.items():
                    self.assertEqual(tags.get(key), value, key)
                m = read[audio(fmt)]
                for key, value in META.items():
                    self.assertEqual(m["tags"].get(key), value, key)
                self.assertEqual(len(attached_pictures(info)), 1)
                self.assertEqual(attached_pictures(info)[0]["codec_name"], "png")
                self.assertEqual(m["pictures"], [cover], "the cover is embedded byte for byte")

    def test_m4b_is_an_audiobook_with_a_chapter_track(self):
        path = audio("m4b")
        with open(path, "rb") as f:
            head = f.read(12)
        self.assertEqual(head[4:12], b"ftypM4B ")
        info = ffprobe(path)
        self.assertEqual(info["format"]["tags"]["major_brand"], "M4B ")
        kinds = [(s["codec_type"], s.get("codec_name")) for s in info["streams"]]
        self.assertEqual(kinds, [("audio", "aac"), ("data", "bin_data"), ("video", "png")])
        self.assertEqual(info["streams"][0]["tags"]["language"], "eng", "ISO 639-2 from the article's 'en'")
        self.assertEqual(len(apple_chapters(path)), len(HEADINGS))

    def test_captions_load_in_ffprobe_in_order_and_cover_the_audio(self):
        for fmt in FORMATS:
            with self.subTest(fmt=fmt):
                duration = decoded_duration(audio(fmt))
                vtt, srt = sidecar(fmt, ".vtt"), sidecar(fmt, ".srt")
                with open(vtt, encoding="utf-8") as f:
                    self.assertTrue(f.read().startswith("WEBVTT\n"))
                cues = parse_captions(vtt)
                self.assertEqual(parse_captions(srt), cues, "SRT and WebVTT carry the same captions")
                for path in (vtt, srt):
                    packets = probe_packets(path)
                    self.assertEqual(len(packets), len(cues), path)
                    for (pts, dur), (start, end, _) in zip(packets, cues):
                        self.assertAlmostEqual(pts, start, delta=0.0005)
                        self.assertAlmostEqual(pts + dur, end, delta=0.0005)
                self.assertEqual(cues[0][0], 0.0)
                for start, end, text in cues:
                    self.assertLess(start, end)
                    self.assertTrue(text.strip())
                for (_, end, _), (start, _, _) in zip(cues, cues[1:]):
                    self.assertLessEqual(end, start, "captions never overlap")
                self.assertLessEqual(cues[-1][1], duration + 0.001)
                covered = sum(end - start for start, end, _ in cues)
                self.assertGreaterEqual(covered, 0.9 * duration)
                words = " ".join(text for _, _, text in cues).split()
                self.assertEqual(words, SPOKEN, "captions are the spoken text, in order")
                with open(sidecar(fmt, ".txt"), encoding="utf-8") as f:
                    self.assertEqual(f.read().split(), SPOKEN)
                if fmt == "wav":
                    FIGURES.append("captions: %d cues covering %.1f%% of %.3f s" % (
                        len(cues), 100 * covered / duration, duration))

    def test_webvtt_chapters(self):
        for fmt in FORMATS:
            with self.subTest(fmt=fmt):
                path = sidecar(fmt, ".chapters.vtt")
                planned = json_chapters(WHOLE[fmt][0])
                cues = parse_captions(path)
                self.assertEqual([t for _, _, t in cues], HEADINGS)
                packets = probe_packets(path)
                self.assertEqual(len(packets), len(planned))
                for (pts, _), (start, _) in zip(packets, planned):
                    self.assertAlmostEqual(pts, start, delta=0.001)

    def test_cue_sheet(self):
        for fmt in FORMATS:
            with self.subTest(fmt=fmt):
                with open(sidecar(fmt, ".cue"), encoding="utf-8") as f:
                    sheet = f.read()
                files = re.findall(r'^FILE "(.*)" (\w+)$', sheet, re.M)
                self.assertEqual(files, [(SLUG + "." + fmt, "MP3" if fmt == "mp3" else "WAVE")])
                self.assertTrue(os.path.exists(os.path.join(WHOLE[fmt][0], files[0][0])))
                self.assertIn('TITLE "%s"\n' % META["title"], sheet)
                self.assertIn('PERFORMER "%s"\n' % META["artist"], sheet)
                tracks = re.findall(r'^  TRACK (\d\d) AUDIO\n    TITLE "(.*)"\n    INDEX 01 (\d\d):(\d\d):(\d\d)$',
                                    sheet, re.M)
                self.assertEqual(len(re.findall(r"TRACK", sheet)), len(HEADINGS))
                self.assertEqual([int(n) for n, *_ in tracks], list(range(1, len(HEADINGS) + 1)))
                self.assertEqual([t for _, t, *_ in tracks], HEADINGS)
                for (_, _, mm, ss, ff), (start, _) in zip(tracks, json_chapters(WHOLE[fmt][0])):
                    self.assertLess(int(ss), 60)
                    self.assertLess(int(ff), 75)
                    index = int(mm) * 60 + int(ss) + int(ff) / 75
                    self.assertAlmostEqual(index, start, delta=1 / 75 + 0.001)

    def test_ffmetadata_parses_back(self):
        for fmt in FORMATS:
            with self.subTest(fmt=fmt):
                path = sidecar(fmt, ".ffmetadata")
                p = subprocess.run(["ffmpeg", "-v", "error", "-i", audio(fmt), "-i", path, "-map_metadata", "1",
                                    "-map_chapters", "1", "-f", "ffmetadata", "-"], capture_output=True)
                self.assertEqual(p.returncode, 0, p.stderr.decode())
                tags, chapters = parse_ffmetadata(p.stdout.decode("utf-8"))
                for key, value in META.items():
                    self.assertEqual(tags.get(key), value, key)
                self.assertEqual([t for _, _, t in chapters], HEADINGS)
                for (start, _, _), (planned, _) in zip(chapters, json_chapters(WHOLE[fmt][0])):
                    self.assertAlmostEqual(start, planned, delta=0.001)
                for (_, end, _), (start, _, _) in zip(chapters, chapters[1:]):
                    self.assertAlmostEqual(end, start, delta=0.001)


class SplitMode(unittest.TestCase):
    def test_parts(self):
        jpg = sha(COVER_JPG)
        for fmt in FORMATS:
            with self.subTest(fmt=fmt):
                folder, code, out, err = SPLIT[fmt]
                self.assertEqual(code, 0, err)
                self.assertEqual(err, "")
                parts = [os.path.join(folder, SLUG, n + "." + fmt) for n in PART_NAMES]
                whole = os.path.join(folder, SLUG + "." + fmt)
                playlist = os.path.join(folder, SLUG + ".m3u8")
                listed = out.splitlines()
                self.assertEqual(sorted(listed), sorted(
                    [whole, playlist] + parts + [os.path.join(folder, SLUG + s) for s in (".chapters.json", ".txt")]))
                self.assertEqual([p for p in listed if p in parts], parts, "parts listed in chapter order")
                # Nothing else, and no temporaries, in either folder.
                self.assertEqual(sorted(os.listdir(folder)), sorted(
                    [SLUG, SLUG + "." + fmt, SLUG + ".m3u8", SLUG + ".chapters.json", SLUG + ".txt"]))
                self.assertEqual(sorted(os.listdir(os.path.join(folder, SLUG))), [n + "." + fmt for n in PART_NAMES])

                # The playlist lists the parts in order, relative to itself.
                with open(playlist, encoding="utf-8") as f:
                    lines = f.read().splitlines()
                self.assertEqual(lines[0], "#EXTM3U")
                entries = list(zip(lines[1::2], lines[2::2]))
                self.assertEqual([p for _, p in entries], [SLUG + "/" + n + "." + fmt for n in PART_NAMES])
                self.assertEqual([e.split(",", 1)[1] for e, _ in entries], HEADINGS)

                # Tags: track n/N, the chapter as title, the programme as album; the cover.
                read = mutagen_read(parts)
                planned = json_chapters(folder)
                decoded = []
                probed = []
                for i, part in enumerate(parts):
                    m = read[part]
                    self.assertEqual(m["tags"]["track"], "%d/%d" % (i + 1, len(parts)), part)
                    self.assertEqual(m["tags"]["title"], HEADINGS[i])
                    self.assertEqual(m["tags"]["album"], SPLIT_TITLE)
                    self.assertEqual(m["pictures"], [jpg])
                    info = ffprobe(part)
                    self.assertTrue(probe_tags(info).get("track", "").startswith(str(i + 1)))
                    self.assertEqual([t for _, _, t in probe_chapters(info)], [HEADINGS[i]])
                    decoded.append(decoded_duration(part))
                    probed.append(float(info["format"]["duration"]))
                    span = (planned[i + 1][0] if i + 1 < len(planned) else decoded_duration(whole)) - planned[i][0]
                    # AAC pads its last frame (1024 samples), which ffmpeg 5.1 still decodes from MP4.
                    self.assertAlmostEqual(decoded[-1], span, delta=0.050 if fmt == "m4b" else 0.002)
                    self.assertEqual(int(entries[i][0][len("#EXTINF:"):].split(",")[0]), round(span))
                whole_decoded = decoded_duration(whole)
                self.assertAlmostEqual(sum(decoded), whole_decoded, delta=0.5)
                whole_probed = float(ffprobe(whole)["format"]["duration"])
                FIGURES.append("split %-4s parts decoded %.3f s vs whole %.3f s; ffprobe format.duration sum %.3f s "
                               "vs whole %.3f s" % (fmt, sum(decoded), whole_decoded, sum(probed), whole_probed))


if __name__ == "__main__":
    unittest.main()
