"""A catalogue of bad inputs and faults: each ends in one clear line on
standard error naming the file, a documented exit code, nothing on standard
output, no file left in the output folder, and any older output intact."""
import os
import resource
import signal
import subprocess
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
        got, out, err = run(["render", path, "-o", out_dir, "--progress", "none", *extra], timeout=60)
        self.assertEqual(got, code, err)
        self.assertEqual(out, "")
        lines = err.strip().splitlines()
        self.assertEqual(len(lines), 1, err)
        self.assertTrue(lines[0].startswith("readaloud: error: "), err)
        for n in needles:
            self.assertIn(n, lines[0])
        self.assertEqual(self.files(out_dir), [])
        return lines[0]

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
        start = time.monotonic()
        self.succeeds(path)
        self.assertLess(time.monotonic() - start, 60)

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
        out_dir = os.path.join(self.tmp, "out")
        got, out, err = run(["inspect", path, "--json"], timeout=60)
        self.assertIn(got, (0, 3), err)
        if got == 3:
            self.assertEqual(out, "")
            self.assertIn(path, err)

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
        self.assertIn("write failed", err[0])
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

    def test_sigint(self):
        self.interrupt(signal.SIGINT, 130)

    def test_sigterm(self):
        self.interrupt(signal.SIGTERM, 143)


if __name__ == "__main__":
    unittest.main()
