"""`inspect` shows the structure, what was dropped and why, and exactly what
will be spoken; `--json` prints the narration script described in the README."""
import json
import os
import unittest

from common import FIXTURES, TempDirTest, run

COLD = os.path.join(FIXTURES, "e2e", "cold-water-swimming.txt")


def script(path, *args):
    code, out, err = run(["inspect", path, "--json", *args])
    assert code == 0, err
    return json.loads(out)


def segments(doc, role=None):
    return [s["text"] for c in doc["chapters"] for s in c["segments"] if role is None or s["role"] == role]


class InspectTest(TempDirTest):
    def test_json_script_shape(self):
        doc = script(COLD)
        self.assertEqual(list(doc.keys()), ["title", "language", "voice", "chapters"])
        self.assertEqual(doc["title"], "Cold water swimming for beginners")
        self.assertEqual(doc["language"], "en")
        self.assertEqual([c["title"] for c in doc["chapters"]],
                         ["Cold water swimming for beginners", "Possible benefits", "How to start", "Risks"])
        self.assertEqual([c["warning"] for c in doc["chapters"]], [False, False, False, True])
        for c in doc["chapters"]:
            self.assertEqual(list(c.keys()), ["title", "level", "warning", "segments"])
            self.assertEqual(c["segments"][0]["role"], "heading")
            for s in c["segments"]:
                self.assertIn(s["role"], ["heading", "narration", "announcement", "warning"])
                self.assertTrue(s["text"].strip())

    def test_warnings_both_ways(self):
        warned = segments(script(COLD), "warning")
        joined = " ".join(warned)
        for expected in ["Cold shock can make you gasp", "Hypothermia can set in",
                         "Never swim alone in cold water", "shouldn't try cold water swimming without"]:
            self.assertIn(expected, joined)
        for not_warning in ["mood", "sleep", "small fee", "changing huts", "late summer"]:
            self.assertNotIn(not_warning, joined)
        self.assertIn("Warning.", segments(script(COLD), "announcement"))

    def test_no_boilerplate_is_spoken(self):
        spoken = " ".join(segments(script(COLD)))
        for junk in ["Share on", "Shutterstock", "Was this helpful", "Advertisement", "Read more", "»"]:
            self.assertNotIn(junk, spoken)

    def test_text_report_lists_dropped_text_with_reasons(self):
        code, out, err = run(["inspect", COLD])
        self.assertEqual(code, 0, err)
        dropped = out[out.index("Dropped"):out.index("What will be spoken")]
        for junk in ["Share on Facebook", "Tom Hale/Shutterstock", "Was this helpful?", "Advertisement", "Read more:"]:
            self.assertIn(junk, dropped)
        self.assertEqual(dropped.count("Was this helpful?"), 2)
        self.assertIn("WARNING", out)

    def test_same_narration_from_every_format(self):
        base = os.path.join(FIXTURES, "equivalence", "sunburn")
        docs = {ext: script(base + ext) for ext in (".txt", ".md", ".html", ".json")}
        for ext in (".md", ".html", ".json"):
            self.assertEqual(docs[ext], docs[".txt"], ext)
        self.assertIn("Do not pop blisters, because broken skin can become infected.", segments(docs[".txt"], "warning"))

    def test_standard_input_is_sniffed(self):
        with open(os.path.join(FIXTURES, "equivalence", "sunburn.html"), "rb") as f:
            code, out, err = run(["inspect", "-", "--json"], stdin=f.read())
        self.assertEqual(code, 0, err)
        self.assertEqual(json.loads(out), script(os.path.join(FIXTURES, "equivalence", "sunburn.txt")))


if __name__ == "__main__":
    unittest.main()
