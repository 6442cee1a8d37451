"""Talking books end to end: --format epub checked by epubcheck, --format
daisy checked against the DAISY 2.02 rules (metadata counts, tocItems,
references, total time, clip ends), xmllint and a RelaxNG grammar written
for the project, sentence timing measured in the decoded audio, and
interrupted renders that leave nothing behind."""
import concurrent.futures
import hashlib
import json
import math
import os
import re
import shutil
import signal
import struct
import subprocess
import sys
import tempfile
import time
import unittest
import xml.etree.ElementTree as ET
import zipfile

sys.path.insert(0, os.path.dirname(__file__))
from common import BIN, FIXTURES, loudness, run  # noqa: E402

BOOKS = os.path.join(FIXTURES, "books")
SHAPES = ["one-chapter.md", "nested.md", "warnings.md", "spanish.md"]
SLUGS = {"one-chapter.md": "stretching-before-a-walk", "nested.md": "keeping-a-home-first-aid-kit",
         "warnings.md": "using-a-heat-pad", "spanish.md": "beber-agua-en-verano"}
XHTML = "{http://www.w3.org/1999/xhtml}"
# Debian's /usr/bin/epubcheck is the jar itself, runnable only where binfmt_misc knows jars.
JAR = "/usr/share/java/epubcheck.jar"
EPUBCHECK = ["java", "-jar", JAR] if os.path.exists(JAR) else ["epubcheck"]
REQUIRED_ONCE = ["dc:title", "dc:identifier", "dc:format", "dc:date", "dc:publisher", "ncc:charset",
                 "ncc:pageFront", "ncc:pageNormal", "ncc:pageSpecial", "ncc:tocItems", "ncc:totalTime",
                 "ncc:multimediaType", "ncc:generator", "ncc:narrator", "ncc:depth", "ncc:files"]
REQUIRED_SOME = ["dc:language", "dc:creator"]


def hms(text):
    h, m, s = text.split(":")
    return int(h) * 3600 + int(m) * 60 + float(s)


def npt(text):
    return float(re.fullmatch(r"npt=([\d.]+)s", text).group(1))


def pcm(path):
    """Mono 22050 Hz float samples of an audio file, decoded by ffmpeg."""
    raw = subprocess.run(["ffmpeg", "-v", "error", "-i", path, "-f", "s16le", "-ac", "1", "-ar", "22050", "-"],
                         capture_output=True, check=True).stdout
    return [v / 32768.0 for v in struct.unpack("<%dh" % (len(raw) // 2), raw)]


def rms_db(samples):
    if not samples:
        return -120.0
    return 10 * math.log10(max(1e-12, sum(x * x for x in samples) / len(samples)))


def tree_hash(path):
    h = hashlib.sha256()
    for root, dirs, files in sorted(os.walk(path)):
        dirs.sort()
        for name in sorted(files):
            with open(os.path.join(root, name), "rb") as f:
                h.update(name.encode() + f.read())
    return h.hexdigest()


def file_hash(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def vtt_starts(path):
    starts = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            m = re.match(r"(\d+):(\d\d):(\d\d)\.(\d\d\d) --> ", line) or re.match(r"(\d\d):(\d\d)\.(\d\d\d) --> ", line)
            if m and len(m.groups()) == 4:
                starts.append(int(m[1]) * 3600 + int(m[2]) * 60 + int(m[3]) + int(m[4]) / 1000)
            elif m:
                starts.append(int(m[1]) * 60 + int(m[2]) + int(m[3]) / 1000)
    return starts


class Daisy:
    """A rendered DAISY book read back: the NCC, its SMIL files and the content document."""

    def __init__(self, folder):
        self.folder = folder
        self.ncc = ET.parse(os.path.join(folder, "ncc.html")).getroot()
        self.meta = {}
        for m in self.ncc.iter(XHTML + "meta"):
            if m.get("name"):
                self.meta.setdefault(m.get("name"), []).append(m.get("content"))
        self.entries = [e for e in self.ncc.find(XHTML + "body")]
        self.smil = {}
        for e in self.entries:
            name = e.find(XHTML + "a").get("href").split("#")[0]
            if name not in self.smil:
                self.smil[name] = ET.parse(os.path.join(folder, name)).getroot()


class BookTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="readaloud-books-")
        inputs = [os.path.join(BOOKS, s) for s in SHAPES]
        for fmt in ("epub", "daisy"):
            code, out, err = run(["render", *inputs, "-o", cls.tmp, "--format", fmt, "--progress", "none", "-j", "2"])
            assert code == 0, err
            cls.printed = getattr(cls, "printed", {})
            cls.printed[fmt] = out.splitlines()

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def test_paths_printed_are_the_books(self):
        # Workers finish in any order; each prints its book's path when done.
        self.assertEqual(sorted(self.printed["epub"]), sorted(os.path.join(self.tmp, SLUGS[s] + ".epub") for s in SHAPES))
        self.assertEqual(sorted(self.printed["daisy"]), sorted(os.path.join(self.tmp, SLUGS[s]) for s in SHAPES))
        leftovers = [n for n in os.listdir(self.tmp) if n.startswith(".")]
        self.assertEqual(leftovers, [])

    def test_epubcheck_reports_nothing(self):
        # Two epubchecks at a time: each is mostly JVM start-up.
        def check(shape):
            path = os.path.join(self.tmp, SLUGS[shape] + ".epub")
            p = subprocess.run(EPUBCHECK + [path], capture_output=True, timeout=300)
            return p.returncode, (p.stdout + p.stderr).decode("utf-8", "replace")
        with concurrent.futures.ThreadPoolExecutor(2) as pool:
            for shape, (code, text) in zip(SHAPES, pool.map(check, SHAPES)):
                self.assertEqual(code, 0, (shape, text))
                self.assertIn("No errors or warnings detected", text, (shape, text))

    def test_epub_overlays_cover_every_sentence(self):
        for shape in SHAPES:
            with zipfile.ZipFile(os.path.join(self.tmp, SLUGS[shape] + ".epub")) as z:
                self.assertEqual(z.infolist()[0].filename, "mimetype")
                self.assertEqual(z.infolist()[0].compress_type, zipfile.ZIP_STORED)
                docs = [n for n in z.namelist() if n.endswith(".xhtml") and not n.endswith("nav.xhtml")]
                for doc in docs:
                    root = ET.fromstring(z.read(doc))
                    sentences = {e.get("id") for e in root.iter() if e.get("id") and re.fullmatch(r"t\d+_\d+", e.get("id"))}
                    smil = ET.fromstring(z.read(doc[:-len(".xhtml")] + ".smil"))
                    refs = [t.get("src").split("#")[1] for t in smil.iter("{http://www.w3.org/ns/SMIL}text")]
                    self.assertEqual(sorted(refs), sorted(sentences), doc)
                    self.assertTrue(sentences, doc)

    def test_daisy_metadata_and_entries(self):
        for shape in SHAPES:
            book = Daisy(os.path.join(self.tmp, SLUGS[shape]))
            for name in REQUIRED_ONCE:
                self.assertEqual(len(book.meta.get(name, [])), 1, (shape, name))
            for name in REQUIRED_SOME:
                self.assertGreaterEqual(len(book.meta.get(name, [])), 1, (shape, name))
            self.assertEqual(book.meta["dc:format"], ["Daisy 2.02"])
            self.assertEqual(book.meta["ncc:multimediaType"], ["audioFullText"])
            self.assertEqual(int(book.meta["ncc:tocItems"][0]), len(book.entries))
            self.assertEqual(book.entries[0].tag, XHTML + "h1")
            self.assertEqual(book.entries[0].get("class"), "title")
            files = [n for n in os.listdir(book.folder)]
            self.assertEqual(int(book.meta["ncc:files"][0]), len(files))
            # The headings are the article's sections at their levels.
            code, out, err = run(["inspect", os.path.join(BOOKS, shape), "--json"])
            chapters = json.loads(out)["chapters"]
            self.assertEqual([(int(e.tag[-1]), "".join(e.itertext())) for e in book.entries],
                             [(c["level"], c["title"]) for c in chapters])
            self.assertEqual(int(book.meta["ncc:depth"][0]), max(c["level"] for c in chapters))

    def test_daisy_references_and_times(self):
        for shape in SHAPES:
            book = Daisy(os.path.join(self.tmp, SLUGS[shape]))
            content = ET.parse(os.path.join(book.folder, "content.html")).getroot()
            ids = {e.get("id") for e in content.iter() if e.get("id")}
            total = 0.0
            elapsed = 0.0
            for e in book.entries:
                name, frag = e.find(XHTML + "a").get("href").split("#")
                pars = {p.get("id") for p in book.smil[name].iter("par")}
                self.assertIn(frag, pars, (shape, name, frag))
            for name in sorted(book.smil):
                smil = book.smil[name]
                meta = {m.get("name"): m.get("content") for m in smil.iter("meta")}
                self.assertEqual(meta["dc:format"], "Daisy 2.02")
                self.assertLessEqual(abs(hms(meta["ncc:totalElapsedTime"]) - elapsed), 0.5, (shape, name))
                seq = smil.find("body/seq")
                dur = float(seq.get("dur").rstrip("s"))
                self.assertLessEqual(abs(hms(meta["ncc:timeInThisSmil"]) - dur), 0.5)
                decoded = len(pcm(os.path.join(book.folder, name[:-5] + ".mp3"))) / 22050
                last_end = 0.0
                for par in seq.findall("par"):
                    src = par.find("text").get("src")
                    self.assertTrue(src.startswith("content.html#"), src)
                    self.assertIn(src.split("#")[1], ids, (shape, src))
                    audio = par.find("audio")
                    self.assertEqual(audio.get("src"), name[:-5] + ".mp3")
                    begin, end = npt(audio.get("clip-begin")), npt(audio.get("clip-end"))
                    self.assertGreaterEqual(begin, last_end - 1e-6, (shape, name, begin))
                    self.assertGreater(end, begin)
                    self.assertLessEqual(end, decoded + 0.001, (shape, name, end, decoded))
                    last_end = end
                    total += end - begin
                elapsed += dur
            self.assertLessEqual(abs(hms(book.meta["ncc:totalTime"][0]) - total), 0.5, shape)

    def test_daisy_audio_is_cbr_mp3(self):
        book = os.path.join(self.tmp, SLUGS["nested.md"])
        for name in sorted(n for n in os.listdir(book) if n.endswith(".mp3")):
            out = subprocess.run(["/usr/bin/python3", "-c",
                                  "import mutagen.mp3, sys; i = mutagen.mp3.MP3(sys.argv[1]).info; "
                                  "print(i.bitrate_mode == mutagen.mp3.BitrateMode.CBR, round(i.bitrate / 1000))",
                                  os.path.join(book, name)], capture_output=True, check=True).stdout.decode().split()
            self.assertEqual(out, ["True", "64"], name)

    def test_sections_together_have_the_render_loudness(self):
        book = os.path.join(self.tmp, SLUGS["nested.md"])
        listing = os.path.join(self.tmp, "sections.txt")
        with open(listing, "w") as f:
            for name in sorted(n for n in os.listdir(book) if n.endswith(".mp3")):
                f.write("file '%s'\n" % os.path.join(book, name))
        whole = os.path.join(self.tmp, "sections.wav")
        subprocess.run(["ffmpeg", "-v", "error", "-y", "-f", "concat", "-safe", "0", "-i", listing, whole], check=True)
        lufs, peak = loudness(whole)
        self.assertLess(abs(lufs + 16), 1.0, lufs)

    def test_daisy_warnings_are_marked_in_the_text(self):
        for shape in ("warnings.md", "spanish.md"):
            content = ET.parse(os.path.join(self.tmp, SLUGS[shape], "content.html")).getroot()
            warnings = [d for d in content.iter(XHTML + "div") if d.get("class") == "warning"]
            self.assertTrue(warnings, shape)
            for w in warnings:
                label = [e for e in w.iter() if e.get("class") == "warning-label"]
                self.assertTrue(label and "".join(label[0].itertext()).strip(), shape)
            text = " ".join("".join(w.itertext()) for w in warnings)
            self.assertIn("burn your skin" if shape == "warnings.md" else "golpe de calor", text)

    def test_daisy_wellformed_and_grammar(self):
        grammar = os.path.join(BOOKS, "daisy202.rnc")
        self.assertTrue(shutil.which("jing") and shutil.which("xmllint"), "scripts/setup.sh installs jing and libxml2-utils")
        for shape in SHAPES:
            folder = os.path.join(self.tmp, SLUGS[shape])
            files = sorted(os.path.join(folder, n) for n in os.listdir(folder) if n.endswith((".html", ".smil")))
            p = subprocess.run(["xmllint", "--noout", "--nonet", *files], capture_output=True)
            self.assertEqual(p.returncode, 0, p.stderr.decode())
            # jing would fetch the DOCTYPE's DTD from w3.org: validate copies
            # without it (the DOCTYPE itself is checked here as text).
            copies = os.path.join(self.tmp, "jing-" + SLUGS[shape])
            os.makedirs(copies, exist_ok=True)
            for f in files:
                if f.endswith("content.html"):
                    continue
                with open(f, encoding="utf-8") as src:
                    text = src.read()
                doctype = re.search(r"<!DOCTYPE [^>]*>\n", text).group(0)
                self.assertIn("XHTML 1.0" if f.endswith(".html") else "SMIL 1.0", doctype)
                with open(os.path.join(copies, os.path.basename(f)), "w", encoding="utf-8") as dst:
                    dst.write(text.replace(doctype, ""))
            p = subprocess.run(["jing", "-c", grammar, *sorted(os.path.join(copies, n) for n in os.listdir(copies))],
                               capture_output=True)
            self.assertEqual(p.returncode, 0, p.stdout.decode())

    def test_clips_start_at_captions_and_hold_speech(self):
        shape = "nested.md"
        code, out, err = run(["render", os.path.join(BOOKS, shape), "-o", os.path.join(self.tmp, "plain"),
                              "--sidecars", "vtt", "--progress", "none"])
        self.assertEqual(code, 0, err)
        captions = vtt_starts(os.path.join(self.tmp, "plain", SLUGS[shape] + ".vtt"))
        book = Daisy(os.path.join(self.tmp, SLUGS[shape]))
        starts = []
        offset = 0.0
        for name in sorted(book.smil):
            seq = book.smil[name].find("body/seq")
            samples = pcm(os.path.join(book.folder, name[:-5] + ".mp3"))
            for par in seq.findall("par"):
                audio = par.find("audio")
                begin, end = npt(audio.get("clip-begin")), npt(audio.get("clip-end"))
                starts.append(offset + begin)
                clip = samples[int(begin * 22050):int(end * 22050)]
                self.assertGreater(rms_db(clip), -40, (name, begin, end))
                # Speech within the clip's first 300 ms, and no silence longer than 1.5 s inside it.
                self.assertGreater(max(rms_db(clip[i:i + 441]) for i in range(0, min(len(clip), 6615), 441)), -40,
                                   (name, begin))
                silent = longest = 0
                for i in range(0, len(clip), 441):
                    silent = silent + 1 if rms_db(clip[i:i + 441]) < -50 else 0
                    longest = max(longest, silent)
                self.assertLess(longest * 0.02, 1.5, (name, begin, end))
            offset += float(seq.get("dur").rstrip("s"))
        self.assertEqual(len(starts), len(captions))
        for got, want in zip(starts, captions):
            self.assertLess(abs(got - want), 0.030, (got, want))

    def test_split_chapters_is_refused_with_a_book(self):
        for fmt in ("daisy", "epub"):
            code, out, err = run(["render", os.path.join(BOOKS, "one-chapter.md"), "-o", self.tmp, "--format", fmt,
                                  "--split-chapters"])
            self.assertEqual(code, 2)
            self.assertEqual(out, "")
            self.assertIn("--split-chapters has no meaning with --format " + fmt, err)

    def test_identifier_is_stable_and_settable(self):
        one = Daisy(os.path.join(self.tmp, SLUGS["one-chapter.md"])).meta["dc:identifier"][0]
        out_dir = os.path.join(self.tmp, "again")
        code, out, err = run(["render", os.path.join(BOOKS, "one-chapter.md"), "-o", out_dir, "--format", "daisy",
                              "--progress", "none"])
        self.assertEqual(code, 0, err)
        self.assertEqual(Daisy(os.path.join(out_dir, SLUGS["one-chapter.md"])).meta["dc:identifier"][0], one)
        code, out, err = run(["render", os.path.join(BOOKS, "one-chapter.md"), "-o", out_dir, "--format", "daisy",
                              "--progress", "none", "--identifier", "urn:isbn:9780000000000", "--publisher", "Me & Co"])
        self.assertEqual(code, 0, err)
        book = Daisy(os.path.join(out_dir, SLUGS["one-chapter.md"]))
        self.assertEqual(book.meta["dc:identifier"], ["urn:isbn:9780000000000"])
        self.assertEqual(book.meta["dc:publisher"], ["Me & Co"])

    def test_a_folder_that_is_not_a_book_is_never_replaced(self):
        out_dir = os.path.join(self.tmp, "clash")
        folder = os.path.join(out_dir, SLUGS["one-chapter.md"])
        os.makedirs(folder)
        with open(os.path.join(folder, "01-mine.mp3"), "wb") as f:
            f.write(b"not a book")
        code, out, err = run(["render", os.path.join(BOOKS, "one-chapter.md"), "-o", out_dir, "--format", "daisy",
                              "--progress", "none"])
        self.assertEqual(code, 1)
        self.assertIn("is not a DAISY book", err)
        self.assertEqual(os.listdir(folder), ["01-mine.mp3"])
        self.assertEqual(sorted(os.listdir(out_dir)), [SLUGS["one-chapter.md"]])

    def interrupt(self, fmt):
        out_dir = os.path.join(self.tmp, "interrupt-" + fmt)
        os.makedirs(out_dir)
        source = os.path.join(BOOKS, "one-chapter.md")
        code, out, err = run(["render", source, "-o", out_dir, "--format", fmt, "--progress", "none"])
        self.assertEqual(code, 0, err)
        target = out.strip()
        before = tree_hash(target) if os.path.isdir(target) else file_hash(target)
        long_text = os.path.join(self.tmp, "long-" + fmt + ".md")
        with open(source, encoding="utf-8") as f:
            text = f.read()
        with open(long_text, "w", encoding="utf-8") as f:
            f.write(text + ("\n\n## More\n\n" + "Walk a little further every week and rest when you need to. " * 30) * 40)
        p = subprocess.Popen([BIN, "render", long_text, "-o", out_dir, "--format", fmt, "--progress", "none"],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        time.sleep(1.5)
        self.assertIsNone(p.poll(), "the long render should still be running")
        p.send_signal(signal.SIGINT)
        out, err = p.communicate(timeout=30)
        self.assertEqual(p.returncode, 130, err)
        self.assertEqual(out, b"")
        self.assertEqual(sorted(os.listdir(out_dir)), [os.path.basename(target)])
        after = tree_hash(target) if os.path.isdir(target) else file_hash(target)
        self.assertEqual(after, before)

    def test_interrupted_daisy_render_keeps_the_older_book(self):
        self.interrupt("daisy")

    def test_interrupted_epub_render_keeps_the_older_book(self):
        self.interrupt("epub")


if __name__ == "__main__":
    unittest.main()
