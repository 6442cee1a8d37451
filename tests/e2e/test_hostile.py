"""Issue 19: hostile input never becomes markup, a request or a path.

Every hostile fixture (tests/fixtures/hostile/) is rendered to every audio
format with every sidecar and in split mode; each output is read back by a
reader of its own format (json, ffprobe for tags, WebVTT, SRT and
ffmetadata, a strict reader of our own for CUE and M3U8), and the hostile
text must come back as the same text, never as extra cues, chapters,
entries or paths."""
import concurrent.futures
import html
from html.parser import HTMLParser
import json
import os
import re
import subprocess
import tempfile
import time
import unittest
import xml.etree.ElementTree as ET
import zipfile

from common import BIN, FIXTURES, ffprobe, run

HERE = os.path.join(FIXTURES, "hostile")
ARTICLES = ["hostile.json", "hostile.md", "hostile.html", "hostile.txt"]
ODD_NAMES = ["dots-title.md", "con-title.txt", "symbols-title.md"]
FORMATS = ["mp3", "opus", "ogg", "flac", "wav", "m4b"]
BOOKS = ["daisy", "epub"]
JAR = "/usr/share/java/epubcheck.jar"
EPUBCHECK = ["java", "-jar", JAR] if os.path.exists(JAR) else ["epubcheck"]
RESERVED = {"con", "prn", "aux", "nul"} | {f"com{i}" for i in range(1, 10)} | {f"lpt{i}" for i in range(1, 10)}
BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")

_tmp = None
RESULTS = {}  # (fixture, fmt) -> (folder, code, stdout, stderr)


def without_long_line(name):
    """A copy of a fixture with its 10,000-character line (one sentence said
    hundreds of times) cut to one sentence: every title and heading stays.
    The long line is checked in MP3 with every sidecar; the other formats are
    checked for their tags and DAISY for its markup, which it does not touch,
    at a tenth of the audio (EPUB keeps it: its page shows the text)."""
    with open(os.path.join(HERE, name), encoding="utf-8") as f:
        text = f.read()
    short = re.sub(r"([A-Z][^.\n<>\"]{5,80}\. ?)\1{10,}", r"\1", text)
    assert len(short) < len(text) / 4, name
    path = os.path.join(_tmp.name, "short", name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(short)
    return path


def setUpModule():
    global _tmp
    _tmp = tempfile.TemporaryDirectory(prefix="readaloud-hostile-")
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        jobs = {}
        for name in ARTICLES:
            short = without_long_line(name)
            for fmt in FORMATS:
                folder = os.path.join(_tmp.name, name, fmt)
                source = os.path.join(HERE, name) if fmt == "mp3" else short
                jobs[(name, fmt)] = (folder, pool.submit(run, [
                    "render", source, "-o", folder, "--format", fmt, "--sidecars", "all",
                    "--split-chapters", "--rate", "450", "--progress", "none"]))
            for fmt in BOOKS:
                folder = os.path.join(_tmp.name, name, fmt)
                source = os.path.join(HERE, name) if fmt == "epub" else short
                jobs[(name, fmt)] = (folder, pool.submit(run, [
                    "render", source, "-o", folder, "--format", fmt, "--rate", "450",
                    "--progress", "none"]))
        for (key, (folder, job)) in jobs.items():
            RESULTS[key] = (folder, *job.result())


def tearDownModule():
    _tmp.cleanup()


def produced(key):
    folder, code, out, err = RESULTS[key]
    assert code == 0, f"{key}: exit {code}: {err}"
    return folder, [line for line in out.splitlines() if line]


def slug_of(paths):
    return os.path.splitext(os.path.basename(paths[0]))[0]


def vtt_cues(path):
    """Cues as FFmpeg's WebVTT demuxer sees them, written back out as WebVTT
    with the cue text copied (no conversion, which would read backslash
    escapes), then split strictly: times line, text lines, blank line; the
    text's character references are read as a WebVTT parser reads them."""
    vtt = subprocess.run(["ffmpeg", "-v", "error", "-i", path, "-c", "copy", "-f", "webvtt", "-"],
                         capture_output=True, check=True).stdout.decode("utf-8")
    blocks = [b for b in re.split(r"\n\s*\n", vtt.strip()) if b.strip()]
    assert blocks[0] == "WEBVTT", blocks[0]
    cues = []
    for block in blocks[1:]:
        lines = block.split("\n")
        m = re.fullmatch(r"((?:\d\d:)?\d\d:\d\d\.\d\d\d) --> ((?:\d\d:)?\d\d:\d\d\.\d\d\d)", lines[0])
        assert m, block
        cues.append((m.group(1), m.group(2), html.unescape("\n".join(lines[1:]))))
    return cues


def parse_srt(text):
    """[(start, end, text)] from SubRip text, strictly: number, times, text lines, blank."""
    cues = []
    for block in [b for b in re.split(r"\n\s*\n", text.strip()) if b.strip()]:
        lines = block.split("\n")
        assert re.fullmatch(r"\d+", lines[0]), block
        m = re.fullmatch(r"(\d\d:\d\d:\d\d,\d\d\d) --> (\d\d:\d\d:\d\d,\d\d\d)", lines[1])
        assert m, block
        cues.append((m.group(1), m.group(2), "\n".join(lines[2:])))
    return cues


class Paths(unittest.TestCase):
    def test_every_name_stays_inside_the_output_folder_and_is_portable(self):
        for key in RESULTS:
            folder, paths = produced(key)
            root = os.path.realpath(folder)
            for p in paths:
                real = os.path.realpath(p)
                self.assertTrue(real.startswith(root + os.sep), (key, p))
                for part in os.path.relpath(real, root).split(os.sep):
                    self.assertLessEqual(len(part.encode("utf-8")), 200, p)
                    self.assertNotIn(part.split(".")[0].lower(), RESERVED, p)
                    self.assertFalse(part.endswith((".", " ")), p)
                    self.assertIsNone(CONTROL.search(part), p)
                self.assertTrue(os.path.isfile(real) or (key[1] == "daisy" and os.path.isdir(real)), p)

    def test_odd_titles_get_distinct_safe_names(self):
        with tempfile.TemporaryDirectory(prefix="readaloud-odd-") as out:
            stems = []
            for name in ODD_NAMES:
                code, stdout, err = run(["render", os.path.join(HERE, name), "-o", out, "--progress", "none"])
                self.assertEqual(code, 0, err)
                stem = os.path.splitext(os.path.basename(stdout.splitlines()[0]))[0]
                self.assertNotIn(stem.lower(), RESERVED | {"", ".", "..", "article"}, name)
                stems.append(stem.lower())
            self.assertEqual(len(set(stems)), len(stems), stems)  # nothing overwrote another


class Sidecars(unittest.TestCase):
    def check_article(self, name):
        folder, paths = produced((name, "mp3"))
        slug = slug_of(paths)
        base = os.path.join(folder, slug)
        with open(base + ".chapters.json", encoding="utf-8") as f:
            chapters = json.load(f)["chapters"]
        titles = [c["title"] for c in chapters]
        for t in titles:
            self.assertIsNone(BIDI.search(t), t)
            self.assertIsNone(CONTROL.search(t), t)
            self.assertNotIn("\n", t)

        # WebVTT chapters: exactly one cue per chapter, holding its title as text.
        cues = vtt_cues(base + ".chapters.vtt")
        self.assertEqual([c[2] for c in cues], titles)

        # Captions: WebVTT and SRT agree cue for cue; no injected cue.
        vtt = vtt_cues(base + ".vtt")
        with open(base + ".srt", encoding="utf-8") as f:
            srt = parse_srt(f.read())
        self.assertEqual(len(vtt), len(srt))
        self.assertEqual([c[2] for c in vtt], [c[2] for c in srt])
        self.assertNotIn("Injected cue", [c[2] for c in vtt])

        # ffmetadata: FFmpeg's own demuxer sees the same chapters and titles.
        meta = subprocess.run(["ffprobe", "-v", "error", "-f", "ffmetadata", "-show_chapters", "-of", "json",
                               base + ".ffmetadata"], capture_output=True, check=True).stdout
        self.assertEqual([c["tags"]["title"] for c in json.loads(meta)["chapters"]], titles)

        # CUE: one TRACK per chapter, every line a known command, quoted values closed.
        with open(base + ".cue", encoding="utf-8") as f:
            cue_lines = f.read().splitlines()
        for line in cue_lines:
            self.assertRegex(line.strip(), r'^(REM \w+ .*|PERFORMER ".*"|TITLE "[^"]*"|FILE "[^"]*" \w+|'
                                           r'TRACK \d\d AUDIO|INDEX 01 \d\d:\d\d:\d\d)$')
        self.assertEqual(sum(1 for l in cue_lines if l.strip().startswith("TRACK")), len(titles))

        # M3U8: one #EXTINF and one path per part, every path a part on disk.
        with open(base + ".m3u8", encoding="utf-8") as f:
            m3u = f.read().splitlines()
        self.assertEqual(m3u[0], "#EXTM3U")
        entries = [l for l in m3u[1:] if not l.startswith("#")]
        self.assertEqual(sum(1 for l in m3u if l.startswith("#EXTINF:")), len(titles))
        self.assertEqual(len(entries), len(titles))
        for e in entries:
            self.assertTrue(os.path.isfile(os.path.join(folder, e)), e)
        for l in m3u[1:]:
            self.assertTrue(l.startswith("#EXTINF:") or l in entries, l)

        # Transcript: no control characters or bidi overrides.
        with open(base + ".txt", encoding="utf-8") as f:
            text = f.read()
        self.assertIsNone(CONTROL.search(text.replace("\n", "")))
        return titles

    def test_json(self):
        titles = self.check_article("hostile.json")
        self.assertIn("<script>alert('title')</script>", titles[0])  # kept as text, not dropped

    def test_markdown(self):
        self.check_article("hostile.md")

    def test_html(self):
        self.check_article("hostile.html")

    def test_plain_text(self):
        self.check_article("hostile.txt")


def strict_xml(data, where):
    """An element tree parsed by expat with no DTD loading; an undeclared entity is an error."""
    parser = ET.XMLParser()
    try:
        parser.feed(data)
        return parser.close()
    except ET.ParseError as e:
        raise AssertionError(f"{where}: not well-formed XML: {e}")


def local(tag):
    return tag.rsplit("}", 1)[-1]


def text_of(element):
    return re.sub(r"\s+", " ", "".join(element.itertext())).strip()


def chapter_titles(name):
    folder, paths = produced((name, "mp3"))
    with open(os.path.join(folder, slug_of(paths) + ".chapters.json"), encoding="utf-8") as f:
        return [c["title"] for c in json.load(f)["chapters"]]


def document_title(name):
    """The article's title as readaloud reports it: the title tag of its MP3."""
    folder, paths = produced((name, "mp3"))
    tags = {k.lower(): v for k, v in ffprobe(paths[0])["format"].get("tags", {}).items()}
    return tags["title"]


def book_members(name, fmt):
    """{member name: bytes} of a rendered book: the EPUB's zip members or the DAISY folder's files."""
    folder, paths = produced((name, fmt))
    if fmt == "epub":
        with zipfile.ZipFile(paths[0]) as z:
            return folder, paths[0], {i.filename: z.read(i) for i in z.infolist()}
    root = paths[0]
    members = {}
    for base, _, files in os.walk(root):
        for f in files:
            with open(os.path.join(base, f), "rb") as fh:
                members[os.path.relpath(os.path.join(base, f), root)] = fh.read()
    return folder, root, members


class Books(unittest.TestCase):
    """DAISY and EPUB from every hostile article: every XML member parses strictly, carries no
    injected element, handler or script link, and gives the titles back as text."""

    def check_markup(self, tree, where):
        for el in tree.iter():
            tag = local(el.tag) if isinstance(el.tag, str) else ""
            self.assertNotIn(tag.lower(), {"script", "iframe", "object", "embed", "img"}, where)
            for attr, value in el.attrib.items():
                self.assertFalse(local(attr).lower().startswith("on"), (where, attr, value))
                if local(attr).lower() in ("href", "src"):
                    self.assertNotRegex(value.strip().lower(), r"^(javascript|data|vbscript):", (where, value))
                    self.assertNotRegex(value, r"^(https?:)?//", (where, value))  # nothing fetched from afar
                if local(attr) in ("content", "title", "alt"):
                    self.assertIsNone(CONTROL.search(value), (where, attr))

    def check_names(self, names, where):
        folded = set()
        for n in names:
            self.assertFalse(n.startswith("/") or "\\" in n, (where, n))
            for part in n.split("/"):
                self.assertNotIn(part, ("", ".", ".."), (where, n))
                self.assertLessEqual(len(part.encode("utf-8")), 200, (where, n))
                self.assertNotIn(part.split(".")[0].lower(), RESERVED, (where, n))
                self.assertFalse(part.endswith((".", " ")), (where, n))
                self.assertIsNone(CONTROL.search(part), (where, n))
                self.assertIsNone(BIDI.search(part), (where, n))
            self.assertNotIn(n.casefold(), folded, (where, n))
            folded.add(n.casefold())

    def check_book(self, name, fmt):
        titles = chapter_titles(name)
        folder, root, members = book_members(name, fmt)
        self.check_names(list(members), (name, fmt))
        self.check_names([os.path.relpath(root, folder)], (name, fmt))
        trees = {}
        for member, data in members.items():
            if member.endswith((".html", ".xhtml", ".smil", ".opf", ".xml")):
                trees[member] = strict_xml(data, (name, fmt, member))
                self.check_markup(trees[member], (name, fmt, member))
        for t in titles:
            self.assertIsNone(BIDI.search(t), t)
            self.assertIsNone(CONTROL.search(t), t)
        return titles, trees

    def test_daisy(self):
        for name in ARTICLES:
            titles, trees = self.check_book(name, "daisy")
            body = next(e for e in trees["ncc.html"] if local(e.tag) == "body")
            headings = [text_of(h) for h in body if re.fullmatch(r"h[1-6]", local(h.tag))]
            self.assertEqual(headings, titles, name)
            head = next(e for e in trees["ncc.html"] if local(e.tag) == "head")
            meta = {m.get("name"): m.get("content") for m in head if local(m.tag) == "meta" and m.get("name")}
            title = document_title(name)
            self.assertEqual(meta["dc:title"], title, name)
            self.assertEqual(text_of(next(e for e in head if local(e.tag) == "title")), title, name)
            for key in ("dc:title", "dc:creator", "dc:publisher"):
                self.assertIsNone(BIDI.search(meta.get(key, "")), (name, key))
            self.assertTrue(any(m.endswith(".smil") for m in trees), name)

    def test_epub(self):
        for name in ARTICLES:
            titles, trees = self.check_book(name, "epub")
            nav = next(t for m, t in trees.items() if m.endswith("nav.xhtml"))
            toc = next(e for e in nav.iter() if local(e.tag) == "nav" and "toc" in
                       (e.get("{http://www.idpf.org/2007/ops}type") or ""))
            self.assertEqual([text_of(a) for a in toc.iter() if local(a.tag) == "a"], titles, name)
            opf = next(t for m, t in trees.items() if m.endswith(".opf"))
            dc = {}
            for e in opf.iter():
                if e.tag.startswith("{http://purl.org/dc/elements/1.1/}"):
                    dc.setdefault(local(e.tag), []).append(text_of(e))
            self.assertEqual(dc["title"][0], document_title(name), name)
            for value in dc.get("title", []) + dc.get("creator", []):
                self.assertIsNone(BIDI.search(value), (name, value))
                self.assertIsNone(CONTROL.search(value), (name, value))

    def test_epubcheck_accepts_the_json_book(self):
        folder, paths = produced(("hostile.json", "epub"))
        p = subprocess.run(EPUBCHECK + [paths[0]], capture_output=True, text=True, timeout=120)
        out = p.stdout + p.stderr
        self.assertEqual(p.returncode, 0, out)
        self.assertNotRegex(out, r"(ERROR|WARNING|FATAL)\(", out)


class FeedsIn(unittest.TestCase):
    """Untrusted feeds: an external entity reads no local file; an expansion bomb ends at once."""

    @staticmethod
    def measured(args):
        """(exit code, stderr, peak memory in KB) of one run of readaloud, from wait4."""
        with tempfile.TemporaryFile() as err_file:
            p = subprocess.Popen([BIN] + args, stdout=subprocess.DEVNULL, stderr=err_file)
            _, status, usage = os.wait4(p.pid, 0)
            p.returncode = os.waitstatus_to_exitcode(status)
            err_file.seek(0)
            return p.returncode, err_file.read().decode("utf-8", "replace").strip(), usage.ru_maxrss

    def publish(self, feed, site):
        return self.measured(["publish", os.path.join(HERE, feed), "-o", site, "--base-url", "https://example.org/",
                              "--rate", "450", "--progress", "none"])

    def test_external_entity_reads_no_file(self):
        with tempfile.TemporaryDirectory(prefix="readaloud-xxe-") as tmp:
            code, err, _ = self.publish("xxe-feed.xml", os.path.join(tmp, "site"))
            self.assertIn(code, (0, 3), err)
            with open("/etc/passwd", encoding="utf-8", errors="replace") as f:
                secret = [l for l in f.read().splitlines() if l.strip()][:3]
            for base, _, files in os.walk(tmp):
                for name in files:
                    with open(os.path.join(base, name), encoding="utf-8", errors="replace") as f:
                        data = f.read()
                    self.assertNotIn("root:x:0:0", data, name)
                    for line in secret:
                        self.assertNotIn(line, data, name)
            self.assertNotIn("root:x:0:0", err)

    def test_expansion_bomb_ends_in_a_clear_error(self):
        with tempfile.TemporaryDirectory(prefix="readaloud-bomb-") as tmp:
            start = time.monotonic()
            code, err, maxrss_kb = self.publish("bomb-feed.xml", os.path.join(tmp, "site"))
            self.assertLess(time.monotonic() - start, 1.0)
            self.assertEqual(code, 3, err)
            self.assertEqual(len(err.strip().splitlines()), 1, err)
            self.assertIn("bomb-feed.xml", err)
            # Beyond what the program needs to start (large under sanitizers), under 100 MB.
            _, _, baseline_kb = self.measured(["--help"])
            self.assertLess(maxrss_kb - baseline_kb, 100 * 1024)
            self.assertFalse(os.path.exists(os.path.join(tmp, "site", "feed.xml")))


class PageScan(HTMLParser):
    """Every element of an HTML page, as (tag, attributes), read by Python's HTML parser."""
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements = []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))


class PublishedSite(unittest.TestCase):
    """The hostile articles published as a podcast site: the feed parses
    strictly with the titles as text, and the pages carry no injected markup."""

    @classmethod
    def setUpClass(cls):
        cls.site = os.path.join(_tmp.name, "site")
        code, _, err = run(["publish"] + [os.path.join(HERE, n) for n in ARTICLES] +
                           ["-o", cls.site, "--base-url", "https://example.org/pod/", "--rate", "450",
                            "--progress", "none"])
        assert code == 0, err

    def test_feed_parses_strictly_with_titles_as_text(self):
        with open(os.path.join(self.site, "feed.xml"), "rb") as f:
            root = strict_xml(f.read(), "feed.xml")
        items = [e for e in root.iter() if local(e.tag) == "item"]
        titles = sorted(text_of(next(c for c in item if local(c.tag) == "title")) for item in items)
        self.assertEqual(titles, sorted(document_title(n) for n in ARTICLES))
        for e in root.iter():
            self.assertNotIn(local(e.tag).lower(), {"script", "img", "iframe"})
            for value in e.attrib.values():
                self.assertFalse(value.strip().lower().startswith(("javascript:", "data:")), value)

    def test_pages_carry_no_injected_markup(self):
        pages = [os.path.join(self.site, "index.html")]
        pages += [os.path.join(self.site, d, "index.html") for d in sorted(os.listdir(self.site))
                  if os.path.isfile(os.path.join(self.site, d, "index.html"))]
        self.assertEqual(len(pages), 1 + len(ARTICLES))
        for page in pages:
            scan = PageScan()
            with open(page, encoding="utf-8") as f:
                scan.feed(f.read())
            tags = [t for t, _ in scan.elements]
            self.assertIn("meta", tags)
            self.assertTrue(any(a.get("http-equiv", "").lower() == "content-security-policy"
                                for t, a in scan.elements if t == "meta"), page)
            self.assertLessEqual(tags.count("script"), 2, page)  # the page's own code and its cue data
            for tag, attrs in scan.elements:
                self.assertNotIn(tag, {"img", "iframe", "object", "embed", "svg"}, page)
                for name, value in attrs.items():
                    self.assertFalse(name.startswith("on"), (page, name))
                    if name in ("href", "src") and value:
                        self.assertFalse(value.strip().lower().startswith(("javascript:", "data:", "vbscript:")),
                                         (page, value))
                        if "://" in value:
                            self.assertRegex(value, r"^https?://", page)
                            self.assertIn("noopener", attrs.get("rel", ""), (page, value))
            if page.endswith(os.path.join("", "index.html")) and os.path.dirname(page) != self.site:
                self.assertEqual(tags.count("script"), 2, page)


class AudioTags(unittest.TestCase):
    def test_every_format_carries_the_same_clean_titles(self):
        for name in ARTICLES:
            folder, paths = produced((name, "mp3"))
            with open(os.path.join(folder, slug_of(paths) + ".chapters.json"), encoding="utf-8") as f:
                titles = [c["title"] for c in json.load(f)["chapters"]]
            for fmt in FORMATS:
                folder, paths = produced((name, fmt))
                info = ffprobe(paths[0])
                got = [c.get("tags", {}).get("title", "") for c in info.get("chapters", [])]
                self.assertEqual(got, titles, (name, fmt))
                tags = {k.lower(): v for k, v in info["format"].get("tags", {}).items()}
                for key in ("title", "artist"):
                    if key in tags:
                        self.assertIsNone(BIDI.search(tags[key]), (name, fmt, key))
                        self.assertIsNone(CONTROL.search(tags[key]), (name, fmt, key))


if __name__ == "__main__":
    unittest.main()
