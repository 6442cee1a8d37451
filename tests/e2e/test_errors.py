"""Bad input and bad options: one clear line on standard error naming the
file, the documented exit code, nothing on standard output, no file left."""
import os
import unittest

from common import FIXTURES, TempDirTest, run


class ErrorTest(TempDirTest):
    def fails(self, args, code, *needles, stdin=None):
        out_dir = os.path.join(self.tmp, "out")
        args = list(args) + ["-o", out_dir] if args[0] == "render" else list(args)
        return self.assert_fails(args, code, needles, out_dir, stdin=stdin)

    def test_missing_file(self):
        line = self.fails(["render", "nope/missing.txt"], 3, "nope/missing.txt", "no such file")
        self.assertEqual(line, "readaloud: error: nope/missing.txt: no such file")

    def test_empty_file(self):
        path = os.path.join(FIXTURES, "e2e", "empty.txt")
        self.fails(["render", path], 3, path, "empty")

    def test_whitespace_only_file(self):
        path = os.path.join(FIXTURES, "e2e", "whitespace.txt")
        self.fails(["render", path], 3, path, "whitespace")

    def test_directory(self):
        self.fails(["render", FIXTURES], 3, FIXTURES, "folder")

    def test_inspect_missing_file(self):
        self.fails(["inspect", "missing.md"], 3, "missing.md")

    def test_unknown_option(self):
        self.fails(["render", "--no-such-option"], 2, "--no-such-option")

    def test_unknown_format(self):
        self.fails(["render", "--format", "mp4"], 2, "mp4")

    def test_repeatable_options_take_one_value_each(self):
        rules = os.path.join(self.tmp, "rules.toml")
        with open(rules, "w", encoding="utf-8") as f:
            f.write('[[rule]]\nname = "podcast-plug"\nstarts_with = "Listen to our podcast"\n')
        article = os.path.join(FIXTURES, "e2e", "cold-water-swimming.txt")
        got, out, err = run(["inspect", "--rules", rules, article, "--json"])
        self.assertEqual(got, 0, err)
        self.assertIn('"Cold water swimming for beginners"', out)

    def test_no_subcommand(self):
        got, out, err = run([])
        self.assertEqual(got, 2)
        self.assertEqual(out, "")

    def test_help_and_version(self):
        got, out, _ = run(["render", "--help"])
        self.assertEqual(got, 0)
        self.assertIn("Examples:", out)
        got, out, _ = run(["--version"])
        self.assertEqual(got, 0)
        self.assertTrue(out.startswith("readaloud "))


if __name__ == "__main__":
    unittest.main()
