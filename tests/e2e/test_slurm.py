"""Sharded publish on a real scheduler: a one-node Slurm cluster (Debian's
slurm-wlm and munge, started by slurm_cluster.py in a temporary folder) runs
the batch scripts of docs/cluster.md, taken from the page as they are: a job
array of 4 shards over 24 articles, then the assemble job that depends on it.
The site must match a one-process publish of the same articles. A machine
where the daemons cannot start fails this test, saying why."""
import json
import os
import re
import shutil
import subprocess
import sys
import unittest

import feedparser

from common import BIN, FIXTURES, SRC, TempDirTest, decoded_duration
from slurm_cluster import SlurmCluster, SlurmUnavailable

ARTICLES = os.path.join(FIXTURES, "cluster", "articles")
SETTINGS = """base_url = "https://audio.example.org/health"
title = "Health Desk"
author = "Health Desk"
owner_email = "desk@example.org"
"""
SHARDS = 4
EPOCH = "1764900000"
JOB_TIMEOUT_S = 400  # four shards of six short articles take about 20 s; far more under ASan


def doc_script(name):
    """The bash block of docs/cluster.md whose first comment names `name`."""
    with open(os.path.join(SRC, "docs", "cluster.md"), encoding="utf-8") as fh:
        doc = fh.read()
    for block in re.findall(r"```bash\n(.*?)```", doc, re.S):
        if block.startswith(f"#!/bin/bash\n# {name}:"):
            return block
    raise AssertionError(f"docs/cluster.md has no bash block for {name}")


def site_facts(site):
    """What the two sites must agree on, read from the files: per slug the
    manifest's episode, the chapters JSON, the decoded duration of the MP3;
    and the feed's items by guid."""
    with open(os.path.join(site, ".readaloud", "manifest.json"), encoding="utf-8") as fh:
        manifest = json.load(fh)
    episodes = {}
    for e in manifest["episodes"]:
        folder = os.path.join(site, e["slug"])
        with open(os.path.join(folder, e["files"]["chapters_json"]), encoding="utf-8") as fh:
            chapters = [(c["title"], float(c["startTime"])) for c in json.load(fh)["chapters"]]
        episodes[e["slug"]] = {"id": e["id"], "guid": e["guid"], "title": e["title"],
                               "published": e["published"], "duration": e["duration"],
                               "decoded": decoded_duration(os.path.join(folder, e["files"]["audio"])),
                               "chapters": chapters}
    feed = feedparser.parse(os.path.join(site, "feed.xml"))
    assert not feed.bozo, feed.get("bozo_exception")
    items = {x.id: {"title": x.title, "link": x.link, "published": x.published,
                    "duration": int(x.itunes_duration), "href": x.enclosures[0].href}
             for x in feed.entries}
    return episodes, items


class SlurmTest(TempDirTest):
    def test_job_array_then_assemble_matches_one_process(self):
        articles = os.path.join(self.tmp, "articles")
        shutil.copytree(ARTICLES, articles)
        sites = {name: os.path.join(self.tmp, name) for name in ("slurm", "single")}
        for site in sites.values():
            os.makedirs(site)
            with open(os.path.join(site, "publish.toml"), "w", encoding="utf-8") as fh:
                fh.write(SETTINGS)
        logs = os.path.join(self.tmp, "logs")
        os.makedirs(logs)
        for name in ("publish.sbatch", "assemble.sbatch"):
            with open(os.path.join(self.tmp, name), "w", encoding="utf-8") as fh:
                fh.write(doc_script(name))

        try:
            cluster = SlurmCluster()
            cluster.start()
        except SlurmUnavailable as e:
            cluster.stop()
            self.fail(f"cannot start a Slurm cluster on this machine: {e}")
        single = None
        try:
            # The scripts call `readaloud` from PATH, as on a real cluster.
            # Both runs stamp the same time (lastBuildDate), so whole files can be compared;
            # sbatch passes the environment on to the jobs.
            env = cluster.env(PATH=os.path.dirname(os.path.abspath(BIN)) + os.pathsep + os.environ["PATH"],
                              SOURCE_DATE_EPOCH=EPOCH)
            array = cluster.sbatch([f"--array=0-{SHARDS - 1}", f"--chdir={self.tmp}",
                                    f"--output={logs}/publish-%A_%a.log",
                                    os.path.join(self.tmp, "publish.sbatch"), articles, sites["slurm"]], env)
            assemble = cluster.sbatch([f"--dependency=afterok:{array}", "--kill-on-invalid-dep=yes",
                                       f"--chdir={self.tmp}", f"--output={logs}/assemble-%j.log",
                                       os.path.join(self.tmp, "assemble.sbatch"), sites["slurm"]], env)
            # The reference renders while the cluster works.
            single = subprocess.Popen([BIN, "publish", articles, "-o", sites["single"], "--jobs", "1",
                                       "--progress", "none"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                      env=dict(os.environ, SOURCE_DATE_EPOCH=EPOCH))
            states = cluster.wait([array, assemble], JOB_TIMEOUT_S)
            _, single_err = single.communicate(timeout=JOB_TIMEOUT_S)
            job_logs = self.read_logs(logs)
            self.assertEqual([s[1:] for s in states[array]], [("COMPLETED", "0:0")] * SHARDS,
                             f"{states}\n{job_logs}")
            self.assertEqual([t[0] for t in states[array]], [str(i) for i in range(SHARDS)])
            self.assertEqual(states[assemble], [(None, "COMPLETED", "0:0")], f"{states}\n{job_logs}")
        finally:
            if single is not None and single.poll() is None:
                single.kill()
                single.wait()
            cluster.stop()
        self.assertFalse(os.path.exists(cluster.conf), "the cluster's folder was not removed")
        self.assertEqual(single.returncode, 0, single_err.decode())

        self.check_parts(sites["slurm"], job_logs)
        slurm_eps, slurm_items = site_facts(sites["slurm"])
        single_eps, single_items = site_facts(sites["single"])
        self.assertEqual(len(single_eps), 24)
        self.assertEqual(sorted(slurm_eps), sorted(single_eps))
        for slug, want in single_eps.items():
            got = slurm_eps[slug]
            for key in ("id", "guid", "title", "published"):
                self.assertEqual(got[key], want[key], f"{slug}: {key}")
            self.assertAlmostEqual(got["duration"], want["duration"], delta=1.0, msg=slug)
            self.assertAlmostEqual(got["decoded"], want["decoded"], delta=1.0, msg=slug)
            self.assertAlmostEqual(got["decoded"], got["duration"], delta=1.0, msg=slug)
            # Publish speaks each article in a fresh process, so its timing
            # does not depend on which articles a task spoke before it.
            self.assertEqual(got["chapters"], want["chapters"], slug)
            self.assertGreaterEqual(len(want["chapters"]), 3, slug)
        self.assertEqual(slurm_items, single_items)
        self.assertEqual(len(slurm_items), 24)
        for name in ("feed.xml", "index.html", os.path.join(".readaloud", "manifest.json")):
            with open(os.path.join(sites["slurm"], name), "rb") as a, open(os.path.join(sites["single"], name), "rb") as b:
                self.assertEqual(a.read(), b.read(), f"{name} differs from the one-process publish")
        with open(os.path.join(sites["slurm"], "index.html"), encoding="utf-8") as fh:
            index = fh.read()
        for slug in single_eps:
            self.assertIn(f'href="{slug}/index.html"', index)
        print("slurm: 24 episodes match; chapters, feed, index and manifest identical",
              file=sys.stderr)

    def check_parts(self, site, job_logs):
        """Each array task wrote its own part; the parts split the articles."""
        parts_dir = os.path.join(site, ".readaloud", "parts")
        names = sorted(os.listdir(parts_dir)) if os.path.isdir(parts_dir) else []
        self.assertEqual(names, [f"shard-{k}-of-{SHARDS}.json" for k in range(1, SHARDS + 1)], job_logs)
        ids = []
        for name in names:
            with open(os.path.join(parts_dir, name), encoding="utf-8") as fh:
                part = json.load(fh)
            shard_ids = [e["id"] for e in part["episodes"]]
            self.assertTrue(shard_ids, f"{name} is empty")
            ids += shard_ids
        self.assertEqual(sorted(ids), sorted(os.listdir(ARTICLES)))

    @staticmethod
    def read_logs(folder):
        out = []
        for name in sorted(os.listdir(folder)):
            with open(os.path.join(folder, name), encoding="utf-8", errors="replace") as fh:
                out.append(f"--- {name}\n{fh.read()[-3000:]}")
        return "\n".join(out)


if __name__ == "__main__":
    unittest.main()
