"""Batch rendering with worker processes: every input rendered, one failure
reported without stopping the others, a closing summary, plain progress lines
on standard error and only paths on standard output."""
import os
import unittest

from common import FIXTURES, TempDirTest, chapters, run


class BatchTest(TempDirTest):
    def make_inputs(self, count):
        with open(os.path.join(FIXTURES, "e2e", "cold-water-swimming.txt"), encoding="utf-8") as f:
            text = f.read()
        paths = []
        for i in range(count):
            path = os.path.join(self.tmp, f"input-{i}.txt")
            with open(path, "w", encoding="utf-8") as f:
                f.write(text.replace("Cold water swimming for beginners", f"Winter swim number {i}", 1))
            paths.append(path)
        return paths

    def test_batch_with_one_failure(self):
        inputs = self.make_inputs(3)
        missing = os.path.join(self.tmp, "missing.txt")
        out_dir = os.path.join(self.tmp, "out")
        code, out, err = run(["render", inputs[0], missing, inputs[1], inputs[2], "-o", out_dir,
                              "--jobs", "2", "--progress", "plain"])
        self.assertEqual(code, 3, err)
        produced = out.splitlines()
        for i in range(3):
            self.assertIn(os.path.join(out_dir, f"winter-swim-number-{i}.mp3"), produced)
        self.assertEqual(len(produced), 9)  # mp3, chapters.json, txt for each
        self.assertTrue(all(os.path.exists(p) for p in produced))
        self.assertEqual(sorted(os.listdir(out_dir)), sorted(os.path.basename(p) for p in produced))
        lines = err.splitlines()
        self.assertIn(f"readaloud: error: {missing}: no such file", lines)
        self.assertEqual(sum(1 for l in lines if " rendered: winter-swim-number-" in l), 3)
        self.assertEqual(lines[-1], f"readaloud: 3 rendered, 1 failed: {missing}")
        self.assertEqual([t for _, _, t in chapters(os.path.join(out_dir, "winter-swim-number-1.mp3"))],
                         ["Winter swim number 1", "Possible benefits", "How to start", "Risks"])

    def test_one_job_gives_the_same_files(self):
        inputs = self.make_inputs(2)
        out1, out2 = os.path.join(self.tmp, "one"), os.path.join(self.tmp, "two")
        code1, paths1, err1 = run(["render", *inputs, "-o", out1, "--jobs", "1", "--progress", "none"])
        code2, paths2, err2 = run(["render", *inputs, "-o", out2, "--jobs", "2", "--progress", "none"])
        self.assertEqual((code1, code2), (0, 0), err1 + err2)
        self.assertEqual(sorted(os.listdir(out1)), sorted(os.listdir(out2)))
        self.assertEqual(err1.strip(), "readaloud: 2 rendered, 0 failed")

    def test_same_titles_get_distinct_names(self):
        inputs = self.make_inputs(1) * 2
        out_dir = os.path.join(self.tmp, "same")
        code, out, err = run(["render", *inputs, "-o", out_dir, "--jobs", "2", "--progress", "none"])
        self.assertEqual(code, 0, err)
        self.assertEqual(sorted(p for p in out.splitlines() if p.endswith(".mp3")),
                         [os.path.join(out_dir, "winter-swim-number-0-2.mp3"),
                          os.path.join(out_dir, "winter-swim-number-0.mp3")])
        self.assertEqual(len(os.listdir(out_dir)), 6)

    def test_quiet_prints_errors_only(self):
        inputs = self.make_inputs(2)
        code, out, err = run(["render", *inputs, "-o", os.path.join(self.tmp, "q"), "--quiet"])
        self.assertEqual(code, 0)
        self.assertEqual(err, "")
        self.assertEqual(len(out.splitlines()), 6)


if __name__ == "__main__":
    unittest.main()
