"""`extract` prints the cleaned article before narration. Its JSON, fed back
to inspect, gives the same narration script as the page itself; Markdown and
text show the same article; errors follow inspect's exit codes."""
import json
import os
import unittest

from common import FIXTURES, SRC, TempDirTest, run

INPUTS = [
    os.path.join(SRC, "data", "sample", "nasal-rinsing.txt"),
    os.path.join(FIXTURES, "e2e", "cold-water-swimming.txt"),
    os.path.join(FIXTURES, "equivalence", "sunburn.md"),
    os.path.join(FIXTURES, "equivalence", "sunburn.html"),
    os.path.join(FIXTURES, "html", "chrome-heavy.html"),
    os.path.join(FIXTURES, "pages", "health-center-peanut.html"),
    os.path.join(FIXTURES, "pages", "wp-tomatoes.html"),
    os.path.join(FIXTURES, "pagetext", "selectall-health-center-hayfever.txt"),
    os.path.join(FIXTURES, "pagetext", "selectall-wp-sourdough.txt"),
    os.path.join(FIXTURES, "pagetext", "health-center-peanut.txt"),
]


def script(path):
    code, out, err = run(["inspect", path, "--json"])
    assert code == 0, (path, err)
    return json.loads(out)


class ExtractTest(TempDirTest):
    def extract(self, path, to):
        code, out, err = run(["extract", path, "--to", to])
        self.assertEqual(code, 0, err)
        return out

    def test_json_round_trip_gives_the_same_script(self):
        for path in INPUTS:
            with self.subTest(path=os.path.basename(path)):
                extracted = os.path.join(self.tmp, "article.json")
                with open(extracted, "w", encoding="utf-8") as f:
                    f.write(self.extract(path, "json"))
                self.assertEqual(script(extracted), script(path))

    def test_markdown_round_trip_speaks_the_same_words(self):
        for path in INPUTS:
            with self.subTest(path=os.path.basename(path)):
                md = os.path.join(self.tmp, "article.md")
                with open(md, "w", encoding="utf-8") as f:
                    f.write(self.extract(path, "markdown"))
                spoken = lambda doc: [s["text"] for c in doc["chapters"] for s in c["segments"]
                                      if s["role"] != "announcement"]
                self.assertEqual(spoken(script(md)), spoken(script(path)))

    def test_text_starts_with_the_title_and_holds_the_article(self):
        text = self.extract(os.path.join(FIXTURES, "pagetext", "selectall-health-center-hayfever.txt"), "text")
        lines = text.splitlines()
        self.assertEqual(lines[0], "Rinsing the nose may ease hay fever, small trial suggests")
        self.assertIn("Use only boiled, distilled or sterile water for rinsing.", text)
        for junk in ("Font Size", "Allergy Facts", "Health Center", "All rights reserved", "Privacy"):
            self.assertNotIn(junk, text)

    def test_text_prints_the_subtitle_under_the_title(self):
        text = self.extract(os.path.join(FIXTURES, "pages", "magazine-backmatter-cycling.html"), "text")
        lines = text.splitlines()
        self.assertEqual(lines[0], "Cycling through winter: five habits that keep you riding")
        self.assertEqual(lines[1], "")
        self.assertEqual(lines[2], "Cold mornings put most riders off by December, but a little preparation goes a long way.")
        self.assertEqual(text.count("Cold mornings put most riders off"), 1)
        # The box's own label is read, and numbered headings keep their numbers.
        self.assertIn("\nImportant: Black ice forms first on bridges", text)
        self.assertIn("\n3. Slow down on the bends\n", text)
        for junk in ("LIVE", "Image:", "value our journalism", "Sources", "instructors' guidance",
                     "About the author", "eleven winters", "Most read"):
            self.assertNotIn(junk, text)

    def test_text_reads_captions_as_narration_does(self):
        # A photo's caption is the picture's: spoken, and printed, only with
        # --describe-images, after its alt text. JSON keeps it either way.
        page = os.path.join(FIXTURES, "pages", "lazy-images-seed-bank.html")
        caption = "A technician checks sprouting trays under grow lights."
        plain = self.extract(page, "text")
        self.assertNotIn(caption, plain)
        spoken = " ".join(seg["text"] for ch in script(page)["chapters"] for seg in ch["segments"])
        self.assertNotIn("sprouting trays", spoken)
        code, described, err = run(["extract", page, "--to", "text", "--describe-images"])
        self.assertEqual(code, 0, err)
        self.assertIn("Image: Seedlings in trays\n" + caption, described)
        self.assertNotIn("Omar Haddad", described)
        code, out, err = run(["inspect", page, "--json", "--describe-images"])
        self.assertEqual(code, 0, err)
        spoken = " ".join(seg["text"] for ch in json.loads(out)["chapters"] for seg in ch["segments"])
        self.assertIn("sprouting trays", spoken)
        self.assertIn(caption, self.extract(page, "json"))

    def test_markdown_and_json_carry_the_metadata(self):
        page = os.path.join(FIXTURES, "pagetext", "selectall-health-center-hayfever.txt")
        md = self.extract(page, "markdown")
        self.assertTrue(md.startswith("---\nauthor: \"Tomas Lindqvist\"\n"), md[:80])
        self.assertIn("\n# Rinsing the nose may ease hay fever, small trial suggests\n", md)
        doc = json.loads(self.extract(page, "json"))
        self.assertEqual(doc["title"], "Rinsing the nose may ease hay fever, small trial suggests")
        self.assertEqual(doc["author"], "Tomas Lindqvist")

    def test_default_is_markdown_and_stdin_works(self):
        path = os.path.join(FIXTURES, "e2e", "cold-water-swimming.txt")
        code, out, err = run(["extract", path])
        self.assertEqual(code, 0, err)
        with open(path, "rb") as f:
            code2, out2, err2 = run(["extract", "-", "--from", "plain"], stdin=f.read())
        self.assertEqual(code2, 0, err2)
        self.assertEqual(out, out2)
        self.assertIn("# Cold water swimming for beginners\n", out)

    def test_errors_follow_inspect(self):
        missing = os.path.join(self.tmp, "missing.txt")
        code, out, err = run(["extract", missing])
        self.assertEqual(code, 3)
        self.assertEqual(out, "")
        self.assertIn("missing.txt", err)
        self.assertEqual(len(err.strip().splitlines()), 1, err)
        code, out, err = run(["extract", os.path.join(FIXTURES, "e2e", "empty.txt")])
        self.assertEqual(code, 3)
        code, out, err = run(["extract", os.path.join(FIXTURES, "e2e", "cold-water-swimming.txt"), "--to", "pdf"])
        self.assertEqual(code, 2)
        self.assertIn("--to", err)
        self.assertEqual(out, "")

    def test_charset_warning_names_the_file_on_one_line(self):
        page = os.path.join(FIXTURES, "pages", "charset-ut-frost.html")
        code, out, err = run(["extract", page, "--to", "text"])
        self.assertEqual(code, 0, err)
        lines = err.strip().splitlines()
        self.assertEqual(len(lines), 1, err)
        self.assertTrue(lines[0].startswith(page + ": warning: "), err)
        self.assertIn("'ut'", lines[0])
        self.assertTrue(out.strip())


if __name__ == "__main__":
    unittest.main()
