"""A catalogue of bad inputs and faults: each ends in one clear line on
standard error naming the file, a documented exit code, nothing on standard
output, no file left in the output folder, and any older output intact."""
import json
import os
import resource
import signal
import subprocess
import sys
import time
import unittest

from common import BIN, FIXTURES, TempDirTest, run

COLD = os.path.join(FIXTURES, "e2e", "cold-water-swimming.txt")


class BadInputTest(TempDirTest):
    def write(self, name, data):
        path = os.path.join(self.tmp, name)
        with open(path, "wb") as f:
            f.write(data)
        return path

    def fails(self, path, code, *needles, extra=()):
        out_dir = os.path.join(self.tmp, "out")
        return self.assert_fails(["render", path, "-o", out_dir, "--progress", "none", *extra], code, needles,
                                 out_dir, timeout=60)

    def succeeds(self, path, *extra):
        out_dir = os.path.join(self.tmp, "out")
        got, out, err = run(["inspect", path, "--json", *extra], timeout=120)
        self.assertEqual(got, 0, err)
        return out

    def test_unreadable_file(self):
        path = self.write("secret.txt", b"Title\n\nSome text here.\n")
        os.chmod(path, 0)
        if os.geteuid() == 0:
            self.skipTest("root can read any file")
        self.fails(path, 3, path)

    def test_binary_data(self):
        path = self.write("fake.txt", b"%PDF-1.4\n\x00\x01\x02binary\x00stuff")
        self.fails(path, 3, path, "binary")

    def test_invalid_utf8_names_the_byte(self):
        path = self.write("latin.txt", b"Caf\xe9 culture\n\nIt is nice.\n")
        line = self.fails(path, 3, path, "UTF-8", "byte 3")
        self.assertIn("--encoding", line)

    def test_windows_1252_with_encoding_option(self):
        path = self.write("cp1252.txt", b"Caf\xe9 culture and health\n\nDrinking coffee \x93in moderation\x94 is fine.\n")
        out = self.succeeds(path, "--encoding", "windows-1252")
        self.assertIn("Caf\u00e9 culture and health", out)

    def test_utf16_with_bom(self):
        text = "Tea and sleep\n\nTea late at night can keep you awake.\n"
        path = self.write("utf16.txt", b"\xff\xfe" + text.encode("utf-16-le"))
        self.assertIn("Tea late at night", self.succeeds(path))

    def test_huge_single_line(self):
        path = self.write("line.txt", b"Long line\n\n" + b"This sentence repeats without a break. " * 100000 + b"\n")
        self.succeeds(path)  # its time is a benchmark: tests/bench/scaling.py

    def test_thousands_of_headings(self):
        body = "".join(f"Heading number {i}\n\nA short paragraph about topic {i}.\n\n" for i in range(3000))
        path = self.write("headings.txt", ("Many headings\n\n" + body).encode())
        self.succeeds(path)

    def test_deeply_nested_markdown(self):
        quotes = self.write("quotes.md", b"# Deep\n\n" + b">" * 5000 + b" deep text\n")
        self.succeeds(quotes)
        lists = self.write("lists.md", b"# Deep\n\n" + b"".join(b"  " * i + b"- item\n" for i in range(3000)))
        self.succeeds(lists)

    def test_deeply_nested_html(self):
        path = self.write("deep.html", b"<html><body><h1>Deep</h1>" + b"<div>" * 100000 + b"text" + b"</div>" * 100000 + b"</body></html>")
        # Nesting past 512 elements is flattened, as browsers do: the text is kept.
        script = json.loads(self.succeeds(path))
        texts = [seg["text"] for ch in script["chapters"] for seg in ch["segments"]]
        self.assertEqual(texts, ["Deep", "text"])

    def test_pdf_renamed_txt(self):
        # A real PDF header: the second line is binary but holds no NUL byte.
        path = self.write("article.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n")
        line = self.fails(path, 3, path, "PDF", "not text")
        self.assertNotIn("--encoding", line)

    def test_zip_renamed_md(self):
        path = self.write("article.md", b"PK\x03\x04\x14\x00\x06\x00\x08\x00word/document.xml")
        self.fails(path, 3, path, "ZIP", "not text")

    def test_binary_on_standard_input(self):
        out_dir = os.path.join(self.tmp, "out")
        got, out, err = run(["render", "-", "-o", out_dir, "--progress", "none"], stdin=b"%PDF-1.4\n\x00\x01")
        self.assertEqual(got, 3, err)
        self.assertEqual(out, "")
        self.assertEqual(err.strip().splitlines(), ["readaloud: error: -: binary data (a PDF document), not text"])
        self.assertEqual(self.files(out_dir), [])

    def test_nul_bytes_in_markdown(self):
        path = self.write("nul.md", b"# Title\n\nSome text.\n\nMore \x00 text.\n")
        line = self.fails(path, 3, path, "binary", "NUL")
        self.assertIn(":5", line)  # the line of the NUL byte

    def test_nul_bytes_in_json(self):
        path = self.write("nul.json", b'{"title": "T", "sections": [\n{"heading": "A\x00"}]}')
        self.fails(path, 3, path, "binary", "NUL")

    def test_utf16_big_endian_with_bom(self):
        text = "Sleep and screens\n\nScreens late at night can keep you awake.\n"
        path = self.write("utf16be.txt", b"\xfe\xff" + text.encode("utf-16-be"))
        self.assertIn("Screens late at night", self.succeeds(path))

    def test_latin1_with_encoding_option(self):
        path = self.write("latin1.md", b"# Caf\xe9 au lait\n\nA cup of caf\xe9 is fine.\n")
        self.assertIn("A cup of caf\u00e9 is fine.", self.succeeds(path, "--encoding", "latin1"))

    def test_unknown_encoding_is_a_usage_error(self):
        self.fails(COLD, 2, "klingon", extra=("--encoding", "klingon"))

    def test_half_downloaded_html(self):
        # The download stopped inside a tag's attribute: what arrived is spoken.
        path = self.write("cut.html", b"<!DOCTYPE html><html><head><title>Cut short | Health Site</title></head>"
                                      b"<body><article><h1>Cut short</h1><p>The first paragraph arrived whole.</p>"
                                      b"<p>The second stops in a <a href=\"https://exa")
        script = json.loads(self.succeeds(path))
        self.assertEqual(script["title"], "Cut short")
        texts = [seg["text"] for ch in script["chapters"] for seg in ch["segments"]]
        self.assertIn("The first paragraph arrived whole.", texts)

    def test_json_array_at_top_level(self):
        path = self.write("list.json", b'[{"title": "T", "sections": []}]')
        self.fails(path, 3, path, "(root)", "expected an object")

    def test_json_nested_deeply(self):
        path = self.write("deep.json", b"[" * 100000 + b"]" * 100000)
        self.fails(path, 3, path, "(root)", "expected an object")
        items = b'{"text": "x", "items": [' * 3000 + b"]}" * 3000
        path = self.write("deep-list.json", b'{"title": "Deep list", "sections": [{"heading": "A", "blocks": '
                                            b'[{"type": "list", "items": [' + items + b"]}]}]}")
        script = json.loads(self.succeeds(path))
        self.assertEqual(script["title"], "Deep list")

    def test_big_book_inspects(self):
        """A generated book of a few megabytes inspects completely. (How the
        time grows with the size is a benchmark: tests/bench/scaling.py.)"""
        paragraph = ("Cold water makes the heart beat faster and the breath come quicker. "
                     "Swimmers who go in slowly give the body time to adjust to the shock. ") * 3 + "\n\n"
        parts = ["A very long book about cold water\n\n"]
        for n in range(1, 120):
            parts.append(f"Part {n} of the swim\n\n" + paragraph * 20)
        path = self.write("book.txt", "".join(parts).encode())
        got, out, err = run(["inspect", path], timeout=600)
        self.assertEqual(got, 0, err)
        self.assertIn("Part 1 of the swim", out)
        self.assertIn("Part 119 of the swim", out)

    def test_json_wrong_type(self):
        path = self.write("bad.json", b'{"title": "T", "sections": [{"heading": "A", "blocks": [{"type": 5}]}]}')
        self.fails(path, 3, path, "/sections/0/blocks/0/type")

    def test_truncated_json(self):
        path = self.write("cut.json", b'{"title": "T", "sections": [{"heading": "A",\n "blocks": [')
        self.fails(path, 3, path, ":2")

    def test_unknown_input_format(self):
        self.fails(COLD, 2, "rtf", extra=("--from", "rtf"))

    def test_unknown_voice_suggests(self):
        line = self.fails(COLD, 2, "en-su", "did you mean", extra=("--voice", "en-su"))
        self.assertIn("en-us", line)

    def test_output_folder_is_a_file(self):
        blocker = self.write("blocker", b"not a folder")
        got, out, err = run(["render", COLD, "-o", blocker, "--progress", "none"])
        self.assertEqual(got, 1, err)
        self.assertEqual(out, "")
        self.assertIn(blocker, err)
        with open(blocker, "rb") as f:
            self.assertEqual(f.read(), b"not a folder")

    def test_output_folder_cannot_be_written(self):
        if os.geteuid() == 0:
            # Root writes anywhere on a normal file system; /proc/self is a
            # folder that no one can create files in.
            folder = "/proc/self"
        else:
            folder = os.path.join(self.tmp, "locked")
            os.mkdir(folder, 0o500)
        got, out, err = run(["render", COLD, "-o", folder, "--progress", "none"], timeout=60)
        self.assertEqual(got, 1, err)
        self.assertEqual(out, "")
        lines = err.strip().splitlines()
        self.assertEqual(len(lines), 1, err)
        self.assertIn(folder, lines[0])

    def test_output_parent_cannot_be_written(self):
        if os.geteuid() == 0:
            parent = "/proc/self"  # see above
        else:
            parent = os.path.join(self.tmp, "locked")
            os.mkdir(parent, 0o500)
        folder = os.path.join(parent, "new-folder")
        got, out, err = run(["render", COLD, "-o", folder, "--progress", "none"], timeout=60)
        self.assertEqual(got, 1, err)
        self.assertEqual(out, "")
        lines = err.strip().splitlines()
        self.assertEqual(len(lines), 1, err)
        self.assertIn(folder, lines[0])
        self.assertFalse(os.path.exists(folder))

    def test_output_folder_cannot_be_created(self):
        blocker = self.write("blocker", b"x")
        got, out, err = run(["render", COLD, "-o", os.path.join(blocker, "sub"), "--progress", "none"])
        self.assertEqual(got, 1, err)
        self.assertEqual(out, "")
        self.assertEqual(len(err.strip().splitlines()), 1)


class FaultTest(TempDirTest):
    def older_output(self):
        """Renders once, then returns {name: bytes} of the good older files."""
        got, out, err = run(["render", COLD, "-o", self.tmp, "--progress", "none"])
        self.assertEqual(got, 0, err)
        older = {}
        for name in self.files():
            with open(os.path.join(self.tmp, name), "rb") as f:
                older[name] = f.read()
        return older

    def assert_intact(self, older):
        self.assertEqual(self.files(), sorted(older), "no temporary or partial file left")
        for name, data in older.items():
            with open(os.path.join(self.tmp, name), "rb") as f:
                self.assertEqual(f.read(), data, name)

    def test_file_size_limit(self):
        older = self.older_output()

        def limit():
            resource.setrlimit(resource.RLIMIT_FSIZE, (20000, 20000))

        p = subprocess.run([BIN, "render", COLD, "-o", self.tmp, "--progress", "none"],
                           capture_output=True, preexec_fn=limit, timeout=120)
        self.assertEqual(p.returncode, 1, p.stderr)
        self.assertEqual(p.stdout, b"")
        err = p.stderr.decode().strip().splitlines()
        self.assertEqual(len(err), 1, err)
        self.assertTrue(err[0].startswith("readaloud: error: "), err)
        self.assertIn("File too large", err[0])
        self.assert_intact(older)

    def interrupt(self, sig, code):
        older = self.older_output()
        long_text = os.path.join(self.tmp, "..", os.path.basename(self.tmp) + "-long.txt")
        with open(COLD, encoding="utf-8") as f:
            text = f.read()
        with open(long_text, "w", encoding="utf-8") as f:
            f.write(text + ("\n\nMore about swimming\n\n" + "Swimmers talk about the water for a long time. " * 40) * 60)
        try:
            # Same title, so the render targets the same names as the older output.
            p = subprocess.Popen([BIN, "render", long_text, "-o", self.tmp, "--progress", "none"],
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            time.sleep(1.0)
            self.assertIsNone(p.poll(), "the long render should still be running")
            p.send_signal(sig)
            out, err = p.communicate(timeout=10)
            self.assertEqual(p.returncode, code, err)
            self.assertEqual(out, b"")
            self.assert_intact(older)
        finally:
            os.remove(long_text)

    def test_full_disk(self):
        """A small tmpfs stands in for a full disk (needs root to mount)."""
        disk = os.path.join(self.tmp, "disk")
        os.mkdir(disk)
        if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", disk],
                          capture_output=True).returncode != 0:
            self.skipTest("cannot mount a small tmpfs here")
        try:
            older = os.path.join(disk, "cold-water-swimming-for-beginners.mp3")
            with open(older, "wb") as f:
                f.write(b"an older good output" * 50)
            p = subprocess.run([BIN, "render", COLD, "-o", disk, "--progress", "none"], capture_output=True, timeout=120)
            self.assertEqual(p.returncode, 1, p.stderr)
            self.assertEqual(p.stdout, b"")
            err = p.stderr.decode().strip().splitlines()
            self.assertEqual(err, [f"readaloud: error: {older}: write failed: No space left on device"])
            self.assertEqual(os.listdir(disk), ["cold-water-swimming-for-beginners.mp3"])
            with open(older, "rb") as f:
                self.assertEqual(f.read(), b"an older good output" * 50)
        finally:
            subprocess.run(["umount", disk], capture_output=True)

    def test_sigint(self):
        self.interrupt(signal.SIGINT, 130)

    def test_sigterm(self):
        self.interrupt(signal.SIGTERM, 143)


if __name__ == "__main__":
    unittest.main()
