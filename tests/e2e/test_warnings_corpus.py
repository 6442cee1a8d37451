"""Warning detection on the project's labelled corpus (docs/warnings.md), read
with `inspect --json` as the issue's checker reads it. The first four parts
were each written before they were tuned on; they must keep recall and
precision at 0.85 or more. The learned model must be exactly what its script
makes of the parts it names, and never trained on the fifth part."""
import importlib.util
import json
import os
import re
import subprocess
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(__file__))
from common import BIN, FIXTURES, SRC, run  # noqa: E402

CORPUS = os.path.join(FIXTURES, "warnings")
spec = importlib.util.spec_from_file_location("score", os.path.join(CORPUS, "score.py"))
score = importlib.util.module_from_spec(spec)
spec.loader.exec_module(score)


class WarningsCorpus(unittest.TestCase):
    def check_held_out(self, part, at_least, min_recall=0.85, min_precision=0.85):
        st = score.score_dir(BIN, os.path.join(CORPUS, part), "")
        recall, precision = score.summary(st)
        sentences = sum(st["warn"].values()) + sum(st["plain"].values())
        self.assertGreaterEqual(sentences, at_least)
        detail = "\n".join([part, "misses:"] + st["misses"] + ["false alarms:"] + st["alarms"])
        self.assertGreaterEqual(recall, min_recall, detail)
        self.assertGreaterEqual(precision, min_precision, detail)

    def test_held_out_recall_and_precision(self):
        self.check_held_out("heldout", 200)

    def test_second_held_out_recall_and_precision(self):
        # Written later, in the styles with wording not in the cue data
        # (tables included), and measured before any tuning (docs/warnings.md).
        self.check_held_out("heldout2", 150)

    def test_third_part_recall_and_precision(self):
        # Measured once untuned (recall 0.564), then tuned on with general cue
        # families and context rules (docs/warnings.md): no longer held out,
        # but kept here so that later changes do not lose what it taught.
        self.check_held_out("heldout3", 200)

    def test_fourth_part_recall_and_precision(self):
        # Measured once untuned (recall 0.596 / precision 0.935), then tuned
        # on (cue families) and trained on (the model): docs/warnings.md.
        self.check_held_out("heldout4", 250)

    def test_seventh_part(self):
        # Measured blind, then tuned on (docs/warnings.md): recall 0.881 /
        # precision 0.850 since, 0.837 / 0.856 after the model was trained on
        # four more parts (heldout5-8 together unchanged); kept so that later
        # changes do not lose it.
        self.check_held_out("heldout7", 350, min_recall=0.83, min_precision=0.80)

    def test_eighth_part(self):
        # Written blind, measured once at recall 0.816 / precision 0.779, then
        # used to choose the model's bars (docs/warnings.md); kept so that
        # later changes do not lose it.
        self.check_held_out("heldout8", 350, min_recall=0.78, min_precision=0.75)

    def test_ninth_and_tenth_parts(self):
        # Written blind, measured once at recall 0.881 / precision 0.771 and
        # 0.866 / 0.801, then trained on (docs/warnings.md); kept so that
        # later changes do not lose what they taught.
        self.check_held_out("heldout9", 350, min_recall=0.80, min_precision=0.74)
        self.check_held_out("heldout10", 350, min_recall=0.80, min_precision=0.75)

    def test_eleventh_and_twelfth_parts(self):
        # Written blind, measured once at recall 0.801 / precision 0.846 and
        # 0.917 / 0.881 (lead-in lines then unlabelled), then trained on
        # (docs/warnings.md); kept so that later changes do not lose them.
        self.check_held_out("heldout11", 400, min_recall=0.90, min_precision=0.90)
        self.check_held_out("heldout12", 400, min_recall=0.90, min_precision=0.90)

    def test_thirteenth_and_fourteenth_parts_never_tuned_on(self):
        # Written blind and never tuned or trained on: the test, recall
        # and precision 0.85 on the part not used for tuning. Measured at
        # 0.899 / 0.920 and 0.879 / 0.960 (docs/warnings.md, "Thirteenth and
        # fourteenth parts").
        self.check_held_out("heldout13", 400)
        self.check_held_out("heldout14", 400)

    def test_every_lead_in_line_is_labelled(self):
        # An unlabelled line that opens a list ("Call 999 if your child:")
        # would count as a false alarm whenever it is emphasised (docs/warnings.md).
        parts = [os.path.join(CORPUS, p) for p in sorted(os.listdir(CORPUS))
                 if os.path.isdir(os.path.join(CORPUS, p))]
        done = subprocess.run([sys.executable, os.path.join(CORPUS, "label_leadins.py"), "--check"] + parts,
                              capture_output=True, text=True)
        self.assertEqual(done.returncode, 0, done.stdout + done.stderr)

    def test_table_rows_under_a_warning_lead_in_are_spoken_as_warnings(self):
        code, out, err = run(["inspect", os.path.join(CORPUS, "tuning", "23-procedure-biopsy-table.md"), "--json"])
        self.assertEqual(code, 0, err)
        segments = [s for c in json.loads(out)["chapters"] for s in c["segments"]]
        rows = {s["text"]: s["role"] for s in segments if "days before" in s["text"] or "Hours:" in s["text"]}
        self.assertEqual(len(rows), 5, rows)
        for text, role in rows.items():
            self.assertEqual(role, "warning" if "days before" in text else "narration", text)

    def test_corpus_is_large_enough(self):
        total = 0
        for part in ("tuning", "heldout", "heldout2", "heldout3", "heldout4", "heldout5", "heldout6",
                     "heldout7", "heldout8", "heldout9", "heldout10", "heldout11", "heldout12", "heldout13", "heldout14",
                     "train6", "train7", "train8", "train9", "train10", "train11", "train12", "train13", "train14",
                     "train15", "train16", "train17", "train18"):
            folder = os.path.join(CORPUS, part)
            for name in os.listdir(folder):
                if name.endswith(".md"):
                    total += len(score.parse(os.path.join(folder, name))[1])
        self.assertGreaterEqual(total, 9000)

    def test_levels_order_recall_and_off_marks_nothing(self):
        folder = os.path.join(CORPUS, "heldout2")
        recalls = [score.summary(score.score_dir(BIN, folder, level))[0]
                   for level in ("high-precision", "balanced", "high-recall")]
        self.assertLessEqual(recalls[0], recalls[1])
        self.assertLessEqual(recalls[1], recalls[2])
        off = score.score_dir(BIN, folder, "off")
        self.assertEqual(off["segments"], 0)

    def test_shared_sample_keeps_exactly_its_warnings(self):
        sample = os.path.join(SRC, "..", "shared", "samples", "prostate-massage-scraped.txt")
        if not os.path.exists(sample):
            self.skipTest("shared sample not present")
        code, out, err = run(["inspect", sample, "--json"])
        self.assertEqual(code, 0, err)
        warnings = [s["text"] for c in json.loads(out)["chapters"] for s in c["segments"] if s["role"] == "warning"]
        starts = ["Massaging the prostate too vigorously may", "You shouldn't use electronic",
                  "People who perform prostate massage", "Massaging the prostate too vigorously or",
                  "You shouldn't use an electronic"]
        self.assertEqual(len(warnings), len(starts), warnings)
        for text, start in zip(warnings, starts):
            self.assertTrue(text.replace("\u2019", "'").startswith(start), text)

    def test_model_file_is_what_the_training_script_makes_of_the_corpus(self):
        # data/warnings/model.txt names the parts it was trained on; training
        # again on them must give the same weights, so the model never drifts
        # from its corpus or its script (scripts/train-warnings-model.py).
        model = os.path.join(SRC, "data", "warnings", "model.txt")
        with open(model, encoding="utf-8") as f:
            header = f.read(2000).splitlines()[1]
        parts = re.search(r" from (.+) \(\d+ sentences\)", header).group(1).split(", ")
        self.assertNotIn("heldout5", parts)  # the part the thresholds were chosen on
        self.assertNotIn("heldout6", parts)  # measured once, then tuned on (cues)
        self.assertNotIn("heldout7", parts)  # measured twice, then tuned on (cues, bars)
        self.assertNotIn("heldout8", parts)  # measured once, then the bars were chosen on it
        self.assertNotIn("heldout13", parts)  # never trained or tuned on
        self.assertNotIn("heldout14", parts)  # never trained or tuned on
        with tempfile.TemporaryDirectory() as tmp:
            out = os.path.join(tmp, "model.txt")
            subprocess.run([sys.executable, os.path.join(SRC, "scripts", "train-warnings-model.py"), "--out", out]
                           + [os.path.join(CORPUS, p) for p in parts], check=True, capture_output=True)
            again, shipped = self.weights(out), self.weights(model)
        # Written with 4 places, weights under 0.02 left out: allow a
        # last-digit difference from another machine's exp(), nothing more.
        for k in again.keys() ^ shipped.keys():
            self.assertLess(abs(again.get(k, shipped.get(k))), 0.0201, k)
        worst = max(abs(again[k] - shipped[k]) for k in again.keys() & shipped.keys() if k != "languages")
        self.assertLessEqual(worst, 2e-4)
        self.assertEqual(again["languages"], shipped["languages"])

    @staticmethod
    def weights(path):
        with open(path, encoding="utf-8") as f:
            rows = [line.rstrip("\n").split("\t") for line in f if not line.startswith("#")]
        return {k: (v if k == "languages" else float(v)) for k, v in rows}

    def test_model_flags_what_the_cues_miss_at_high_recall(self):
        # A part the model was never trained on: at high-recall the model adds
        # warnings the cues alone do not find, and inspect says so.
        markdown, _ = score.parse(os.path.join(CORPUS, "heldout5", "01-leaflet-warfarin.md"))
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "leaflet.md")
            with open(path, "w", encoding="utf-8") as f:
                f.write(markdown)
            code, text, err = run(["inspect", path, "--warnings", "high-recall"])
            self.assertEqual(code, 0, err)
            self.assertIn("WARNING <model: p 0.", text)
            code, text, err = run(["inspect", path, "--warnings", "high-precision"])
            self.assertEqual(code, 0, err)
            self.assertNotIn("<model:", text)

    def test_unknown_level_is_a_usage_error(self):
        code, out, err = run(["inspect", os.path.join(CORPUS, "heldout", "01-leaflet-pain-tablets.md"), "--warnings", "loud"])
        self.assertEqual(code, 2)
        self.assertIn("--warnings", err)
        self.assertEqual(out, "")


if __name__ == "__main__":
    unittest.main()
