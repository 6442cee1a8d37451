"""Sharded publish with plain processes (`--shard K/N` started together into
one site folder, then `publish --assemble`), compared with a one-process
publish of the same articles; a shard killed mid-render and restarted;
bad --shard values. The same checks on a real scheduler: test_slurm.py."""
import hashlib
import json
import os
import shutil
import signal
import subprocess
import time
import unittest

from common import BIN, FIXTURES, TempDirTest, decoded_duration, run

ARTICLES = os.path.join(FIXTURES, "cluster", "articles")
BASE = "https://audio.example.org/health"
# Every run here stamps this time (lastBuildDate), so whole files can be compared.
os.environ["SOURCE_DATE_EPOCH"] = "1764900000"
ENV = dict(os.environ)
SAME_TITLE = "---\ntitle: Notes on washing hands\ndate: 2024-05-0{n}\n---\n\n# Notes on washing hands\n\n" \
             "Wash with soap for twenty seconds.\n\n## Drying\n\nDry your hands well; damp hands pass germs on.\n"


def shard_of(article_id, count):
    """The documented assignment: SHA-256 of the id, first 8 bytes, mod N, plus 1."""
    return int(hashlib.sha256(article_id.encode()).hexdigest()[:16], 16) % count + 1


def tree(site):
    """{relative path: bytes} of the published files (the work area aside)."""
    out = {}
    for root, dirs, files in os.walk(site):
        dirs[:] = [d for d in dirs if d != ".readaloud"]
        for f in files:
            with open(os.path.join(root, f), "rb") as fh:
                out[os.path.relpath(os.path.join(root, f), site)] = fh.read()
    return out


def publish_args(articles, site, *extra):
    return ["publish", articles, "-o", site, "--base-url", BASE, "--jobs", "1", "--progress", "none", *extra]


class ShardsTest(TempDirTest):
    def make_articles(self, count):
        """`count` fixture articles plus two with the same title whose ids
        fall in different shards of 4, so their slugs ("...", "...-2") can
        only match a one-process run if each shard names from the whole list."""
        folder = os.path.join(self.tmp, "articles")
        os.makedirs(folder)
        for name in sorted(os.listdir(ARTICLES))[:count]:
            shutil.copy(os.path.join(ARTICLES, name), folder)
        first = "hands/notes-a.md"
        second = next(f"hands/notes-{c}.md" for c in "bcdefghijklmnop"
                      if shard_of(f"hands/notes-{c}.md", 4) != shard_of(first, 4))
        os.makedirs(os.path.join(folder, "hands"))
        for n, rel in enumerate((first, second), 1):
            with open(os.path.join(folder, rel), "w", encoding="utf-8") as fh:
                fh.write(SAME_TITLE.format(n=n))
        return folder

    def run_shards(self, articles, site, count, *extra):
        procs = [subprocess.Popen([BIN, *publish_args(articles, site, "--shard", f"{k}/{count}", *extra)],
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=ENV)
                 for k in range(1, count + 1)]
        outs = []
        for p in procs:
            out, err = p.communicate(timeout=120)
            self.assertEqual(p.returncode, 0, err.decode())
            outs.append((out.decode(), err.decode()))
        return outs

    def test_four_shards_at_once_then_assemble_equal_one_process(self):
        articles = self.make_articles(12)
        single, sharded = os.path.join(self.tmp, "single"), os.path.join(self.tmp, "sharded")
        p = subprocess.run([BIN, *publish_args(articles, single)], capture_output=True, env=ENV, timeout=120)
        self.assertEqual(p.returncode, 0, p.stderr.decode())

        outs = self.run_shards(articles, sharded, 4)
        self.assertFalse(os.path.exists(os.path.join(sharded, "feed.xml")), "a shard wrote the feed")
        self.assertFalse(os.path.exists(os.path.join(sharded, "index.html")), "a shard wrote the index")
        ids = []
        for k, (out, err) in enumerate(outs, 1):
            part_file = os.path.join(sharded, ".readaloud", "parts", f"shard-{k}-of-4.json")
            with open(part_file, encoding="utf-8") as fh:
                part = json.load(fh)
            self.assertTrue(part["complete"])
            self.assertEqual(part["failures"], [])
            for e in part["episodes"]:
                self.assertEqual(shard_of(e["id"], 4), k, e["id"])
                # The shard printed the files of its own articles only.
                self.assertIn(os.path.join(sharded, e["slug"], e["files"]["audio"]), out)
            self.assertEqual(out.count(".mp3\n"), len(part["episodes"]), out)
            self.assertIn(f"shard {k}/4: {len(part['episodes'])} rendered", err)
            ids += [e["id"] for e in part["episodes"]]
        self.assertEqual(len(ids), 14)
        self.assertEqual(len(set(ids)), 14)

        code, out, err = run(["publish", "--assemble", sharded])
        self.assertEqual(code, 0, err)
        self.assertIn("assembled 14 episodes from 4 parts", err)
        one, many = tree(single), tree(sharded)
        self.assertEqual(sorted(one), sorted(many))
        self.assertEqual(many["feed.xml"], one["feed.xml"])
        self.assertEqual(many["index.html"], one["index.html"])
        with open(os.path.join(single, ".readaloud", "manifest.json"), "rb") as a, \
                open(os.path.join(sharded, ".readaloud", "manifest.json"), "rb") as b:
            self.assertEqual(b.read(), a.read())
        slugs = [p.split("/")[0] for p in one if p.endswith(".mp3")]
        self.assertIn("notes-on-washing-hands", slugs)
        self.assertIn("notes-on-washing-hands-2", slugs)
        for path in one:
            if path.endswith(".chapters.json"):
                self.assertEqual(many[path], one[path], path)  # chapters identical
        for path in sorted(p for p in one if p.endswith(".mp3"))[:4]:
            self.assertAlmostEqual(decoded_duration(os.path.join(sharded, path)),
                                   decoded_duration(os.path.join(single, path)), delta=1.0)

        # Assembling again reads the same parts and writes the same bytes.
        feed = os.path.join(sharded, "feed.xml")
        before = os.stat(feed).st_mtime_ns
        time.sleep(0.02)
        code, _, err = run(["publish", "--assemble", sharded])
        self.assertEqual(code, 0, err)
        self.assertEqual(tree(sharded), many)
        self.assertEqual(os.stat(feed).st_mtime_ns, before)

        self.check_assemble_refusals(sharded)

    def check_assemble_refusals(self, site):
        parts = os.path.join(site, ".readaloud", "parts")
        third = os.path.join(parts, "shard-3-of-4.json")
        os.rename(third, third + ".away")
        code, _, err = run(["publish", "--assemble", site])
        self.assertEqual(code, 1, err)
        self.assertIn("missing manifest parts (shards not run): shard-3-of-4.json", err)
        os.rename(third + ".away", third)
        stale = os.path.join(parts, "shard-2-of-3.json")
        shutil.copy(third, stale)
        code, _, err = run(["publish", "--assemble", site])
        self.assertEqual(code, 1, err)
        self.assertIn("parts of different shard counts (3, 4)", err)
        os.remove(stale)
        self.assertEqual(run(["publish", "--assemble", site])[0], 0)

    def test_failures_are_listed_and_stop_the_assemble(self):
        articles = os.path.join(self.tmp, "articles")
        os.makedirs(articles)
        for name in sorted(os.listdir(ARTICLES))[:2]:
            shutil.copy(os.path.join(ARTICLES, name), articles)
        open(os.path.join(articles, "empty.md"), "w").close()
        site = os.path.join(self.tmp, "site")
        code, _, err = run(publish_args(articles, site, "--shard", "1/1"))
        self.assertEqual(code, 3, err)
        with open(os.path.join(site, ".readaloud", "parts", "shard-1-of-1.json"), encoding="utf-8") as fh:
            part = json.load(fh)
        self.assertEqual([(f["id"], f["input"]) for f in part["failures"]],
                         [("empty.md", os.path.join(articles, "empty.md"))])
        self.assertIn("file is empty", part["failures"][0]["error"])
        self.assertEqual(len(part["episodes"]), 2)
        code, _, err = run(["publish", "--assemble", site])
        self.assertEqual(code, 1, err)
        self.assertIn("not published: ", err)
        self.assertIn("empty.md: file is empty", err)
        self.assertFalse(os.path.exists(os.path.join(site, "feed.xml")))
        code, _, err = run(["publish", "--assemble", site, "--allow-failures"])
        self.assertEqual(code, 0, err)
        with open(os.path.join(site, "feed.xml"), encoding="utf-8") as fh:
            self.assertEqual(fh.read().count("<item>"), 2)

    def test_killed_shard_renders_only_what_it_had_not_finished(self):
        articles = self.make_articles(12)
        site = os.path.join(self.tmp, "site")
        args = [BIN, *publish_args(articles, site, "--shard", "1/2")]
        # A scheduler kills the task's whole process group, workers included.
        p = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=ENV,
                             start_new_session=True)
        first = []
        for line in p.stdout:
            first.append(line.decode().rstrip("\n"))
            if first[-1].endswith("/index.html"):  # the last file of the first episode
                os.killpg(p.pid, signal.SIGKILL)
                break
        p.wait(timeout=60)
        p.stdout.close()
        self.assertEqual(p.returncode, -signal.SIGKILL)
        part_file = os.path.join(site, ".readaloud", "parts", "shard-1-of-2.json")
        with open(part_file, encoding="utf-8") as fh:
            part = json.load(fh)
        self.assertFalse(part["complete"])
        done = {e["slug"] for e in part["episodes"]}
        self.assertGreaterEqual(len(done), 1)
        mine = [f for f in self.ids(articles) if shard_of(f, 2) == 1]
        self.assertLess(len(done), len(mine), "the shard finished before it was killed")
        audio = {slug: os.stat(os.path.join(site, slug, slug + ".mp3")) for slug in done}
        # Assembling now must refuse: shard 1 is unfinished, shard 2 never ran.
        code, _, err = run(["publish", "--assemble", site])
        self.assertEqual(code, 1, err)

        p = subprocess.run(args, capture_output=True, env=ENV, timeout=120)
        self.assertEqual(p.returncode, 0, p.stderr.decode())
        again = p.stdout.decode().splitlines()
        rendered = {os.path.basename(os.path.dirname(line)) for line in again if line.endswith(".mp3")}
        self.assertEqual(len(rendered), len(mine) - len(done), again)
        self.assertFalse(rendered & done, "a finished article was rendered again")
        self.assertIn(f"{len(mine) - len(done)} rendered, {len(done)} unchanged", p.stderr.decode())
        for slug, st in audio.items():
            now = os.stat(os.path.join(site, slug, slug + ".mp3"))
            self.assertEqual((now.st_ino, now.st_mtime_ns), (st.st_ino, st.st_mtime_ns), slug)
        self.assertEqual(os.listdir(os.path.join(site, ".readaloud")), ["parts"], "work folder left behind")
        self.assertEqual(run(publish_args(articles, site, "--shard", "2/2"))[0], 0)
        code, _, err = run(["publish", "--assemble", site])
        self.assertEqual(code, 0, err)
        self.assertIn("assembled 14 episodes", err)

    @staticmethod
    def ids(articles):
        out = []
        for root, _, files in os.walk(articles):
            out += [os.path.relpath(os.path.join(root, f), articles) for f in files]
        return out

    def test_bad_shard_values_are_usage_errors(self):
        articles = os.path.join(self.tmp, "articles")
        os.makedirs(articles)
        shutil.copy(os.path.join(ARTICLES, sorted(os.listdir(ARTICLES))[0]), articles)
        site = os.path.join(self.tmp, "site")
        clean = {k: v for k, v in os.environ.items()
                 if k not in ("SLURM_ARRAY_TASK_ID", "JOB_COMPLETION_INDEX", "PARALLEL_SEQ")}
        cases = [(["--shard", "5/4"], "shard 5 is not within 1 to 4"),
                 (["--shard", "0/4"], "shard 0 is not within 1 to 4"),
                 (["--shard", "1/0"], "shard count must be 1"),
                 (["--shard", "two/4"], "expected K/N"),
                 (["--shard", "1/4", "--shard-count", "3"], "disagrees with --shard-count 3"),
                 (["--shard", "auto"], "none of SLURM_ARRAY_TASK_ID, JOB_COMPLETION_INDEX or PARALLEL_SEQ"),
                 (["--shard", "auto", "--shard-count", "x"], "--shard-count must be a whole number"),
                 (["--shard-count", "4"], "--shard-count needs --shard")]
        for extra, needle in cases:
            for cmd in (publish_args(articles, site, *extra),
                        ["render", os.path.join(articles, os.listdir(articles)[0]), "-o", site, *extra]):
                p = subprocess.run([BIN, *cmd], capture_output=True, env=clean, timeout=60)
                err = p.stderr.decode()
                self.assertEqual(p.returncode, 2, (cmd, err))
                self.assertEqual(len(err.splitlines()), 1, err)
                self.assertIn(needle, err)
        self.assertFalse(os.path.exists(site), "a refused command wrote something")
        # auto takes K and N from the scheduler's variables.
        env = dict(clean, JOB_COMPLETION_INDEX="0")
        p = subprocess.run([BIN, *publish_args(articles, site, "--shard", "auto", "--shard-count", "1")],
                           capture_output=True, env=env, timeout=120)
        self.assertEqual(p.returncode, 0, p.stderr.decode())
        self.assertTrue(os.path.exists(os.path.join(site, ".readaloud", "parts", "shard-1-of-1.json")))

    def test_render_shards_name_files_as_one_process_does(self):
        articles = self.make_articles(3)
        inputs = sorted(os.path.join(root, f) for root, _, files in os.walk(articles) for f in files)
        one, many = os.path.join(self.tmp, "one"), os.path.join(self.tmp, "many")
        self.assertEqual(run(["render", *inputs, "-o", one, "--progress", "none", "-q"])[0], 0)
        for k in (1, 2, 3):
            code, out, err = run(["render", *inputs, "-o", many, "--shard", f"{k}/3", "--progress", "none"])
            self.assertEqual(code, 0, err)
        self.assertEqual(sorted(os.listdir(many)), sorted(os.listdir(one)))
        self.assertIn("notes-on-washing-hands-2.mp3", os.listdir(one))


if __name__ == "__main__":
    unittest.main()
