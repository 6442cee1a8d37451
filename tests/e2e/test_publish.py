"""`readaloud publish`: the site it writes, read back by independent tools:
the feed by feedparser (python3-feedparser), audio by ffprobe/ffmpeg, the
pages by an XML-free look at their files (the browser test opens them)."""
import hashlib
import json
import os
import shutil
import time
import unittest
from urllib.parse import urlparse

import feedparser

from common import FIXTURES, TempDirTest, decoded_duration, run

PUB = os.path.join(FIXTURES, "publish")
BASE = "https://audio.example.org/health"


def snapshot(site):
    """{relative path: sha256} of every file in the site."""
    out = {}
    for root, _, files in os.walk(site):
        for f in files:
            p = os.path.join(root, f)
            with open(p, "rb") as fh:
                out[os.path.relpath(p, site)] = hashlib.sha256(fh.read()).hexdigest()
    return out


def read(path):
    with open(path, encoding="utf-8") as fh:
        return fh.read()


def local(site, url):
    """The file in the site that a feed URL names."""
    assert url.startswith(BASE + "/"), url
    return os.path.join(site, urlparse(url).path[len(urlparse(BASE).path) + 1:])


class PublishTest(TempDirTest):
    def publish(self, inputs, site, *extra):
        return run(["publish", *inputs, "-o", site, "--base-url", BASE, "--jobs", "2", "--progress", "none", *extra])

    def copy_articles(self):
        folder = os.path.join(self.tmp, "articles")
        shutil.copytree(os.path.join(PUB, "articles"), folder)
        return folder

    def test_feed_read_back_and_incremental(self):
        articles = self.copy_articles()
        site = os.path.join(self.tmp, "site")
        code, out, err = self.publish([articles], site, "--feed-title", "Health <Desk> & Co",
                                      "--author", "Health Desk", "--owner-email", "desk@example.org",
                                      "--category", "Health & Fitness/Medicine")
        self.assertEqual(code, 0, err)
        self.assertIn("3 rendered, 0 unchanged, 0 removed", err)
        printed = out.splitlines()
        self.assertIn(os.path.join(site, "feed.xml"), printed)
        self.assertIn(os.path.join(site, "index.html"), printed)
        self.assertEqual(len([p for p in printed if p.endswith(".mp3")]), 3)

        feed = feedparser.parse(os.path.join(site, "feed.xml"))
        self.assertFalse(feed.bozo, feed.get("bozo_exception"))
        ch = feed.feed
        self.assertEqual(ch.title, "Health <Desk> & Co")
        self.assertEqual(ch.language, "en")
        self.assertEqual(ch.link, BASE + "/")
        self.assertEqual(ch.author, "Health Desk")
        self.assertEqual(ch.publisher_detail.email, "desk@example.org")
        self.assertEqual(ch.tags[0].term, "Health & Fitness")
        self.assertIn(ch.itunes_explicit, (False, None))
        self.assertTrue(ch.generator.startswith("readaloud"))
        self.assertTrue(ch.updated)
        self.assertRegex(ch.podcast_guid, r"^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")
        self.assertEqual(ch.podcast_locked["owner"], "desk@example.org")
        self.assertEqual(len(feed.entries), 3)
        titles = {e.title: e for e in feed.entries}
        self.assertEqual(set(titles), {"Washing your hands well", "Sleeping better", "A short walk every day"})
        self.assertEqual(titles["Sleeping better"].published_parsed[:3], (2024, 3, 5))
        for e in feed.entries:
            self.assertTrue(e.id)
            self.assertEqual(e.guidislink, False)
            self.assertTrue(e.published)
            self.assertEqual(e.itunes_episodetype, "full")
            enclosure = e.enclosures[0]
            self.assertEqual(enclosure.type, "audio/mpeg")
            audio = local(site, enclosure.href)
            self.assertEqual(int(enclosure.length), os.path.getsize(audio))
            self.assertAlmostEqual(int(e.itunes_duration), decoded_duration(audio), delta=1.0)
            self.assertIn("Chapters:", e.description)
            self.assertTrue(os.path.isfile(local(site, e.link + "index.html")))
        # podcast:chapters and podcast:transcript are not parsed by feedparser
        # into fields: read them from the raw feed with the same parser's XML.
        raw = read(os.path.join(site, "feed.xml"))
        import xml.etree.ElementTree as ET
        ns = {"podcast": "https://podcastindex.org/namespace/1.0"}
        root = ET.fromstring(raw)
        self.assertEqual(root.find("./channel/podcast:locked", ns).text, "no")
        items = root.findall("./channel/item")
        for item in items:
            chapters = item.find("podcast:chapters", ns)
            self.assertEqual(chapters.get("type"), "application/json+chapters")
            with open(local(site, chapters.get("url")), encoding="utf-8") as fh:
                self.assertEqual(json.load(fh)["version"], "1.2.0")
            transcripts = {t.get("type"): t.get("url") for t in item.findall("podcast:transcript", ns)}
            self.assertEqual(set(transcripts), {"text/vtt", "text/plain"})
            for url in transcripts.values():
                self.assertTrue(os.path.isfile(local(site, url)), url)
            with open(local(site, transcripts["text/vtt"]), encoding="utf-8") as fh:
                self.assertTrue(fh.read().startswith("WEBVTT"))
        guids = {e.title: e.id for e in feed.entries}
        dates = {e.title: e.published for e in feed.entries}

        # No change: nothing rendered, not one byte changed.
        before = snapshot(site)
        time.sleep(1.1)
        code, out, err = self.publish([articles], site, "--feed-title", "Health <Desk> & Co",
                                      "--author", "Health Desk", "--owner-email", "desk@example.org",
                                      "--category", "Health & Fitness/Medicine")
        self.assertEqual(code, 0, err)
        self.assertIn("0 rendered, 3 unchanged, 0 removed", err)
        self.assertEqual(out, "")
        self.assertEqual(snapshot(site), before)

        # One article edited: one render, same guid and pubDate.
        with open(os.path.join(articles, "walking.txt"), "a", encoding="utf-8") as fh:
            fh.write("\nDrink some water when you get home.\n")
        code, out, err = self.publish([articles], site, "--feed-title", "Health <Desk> & Co",
                                      "--author", "Health Desk", "--owner-email", "desk@example.org",
                                      "--category", "Health & Fitness/Medicine")
        self.assertEqual(code, 0, err)
        self.assertIn("1 rendered, 2 unchanged, 0 removed", err)
        feed2 = feedparser.parse(os.path.join(site, "feed.xml"))
        self.assertEqual({e.title: e.id for e in feed2.entries}, guids)
        self.assertEqual({e.title: e.published for e in feed2.entries}, dates)

        # One article removed: it leaves the feed and its folder goes.
        os.remove(os.path.join(articles, "sleep.md"))
        code, out, err = self.publish([articles], site, "--feed-title", "Health <Desk> & Co")
        self.assertEqual(code, 0, err)
        self.assertIn("0 rendered, 2 unchanged, 1 removed", err)
        feed3 = feedparser.parse(os.path.join(site, "feed.xml"))
        self.assertEqual(len(feed3.entries), 2)
        self.assertFalse(os.path.exists(os.path.join(site, "sleeping-better")))

        # --force renders everything again, guids kept.
        code, out, err = self.publish([articles], site, "--force")
        self.assertEqual(code, 0, err)
        self.assertIn("2 rendered, 0 unchanged, 0 removed", err)
        feed4 = feedparser.parse(os.path.join(site, "feed.xml"))
        self.assertEqual({e.title: e.id for e in feed4.entries},
                         {t: g for t, g in guids.items() if t != "Sleeping better"})

    def test_player_and_index_pages(self):
        site = os.path.join(self.tmp, "site")
        code, _, err = self.publish([os.path.join(PUB, "articles", "hand-washing.md")], site)
        self.assertEqual(code, 0, err)
        page = read(os.path.join(site, "washing-your-hands-well", "index.html"))
        self.assertIn('<audio id="audio" controls', page)
        self.assertIn('<track kind="chapters" src="washing-your-hands-well.chapters.vtt"', page)
        self.assertIn('<track kind="captions" src="washing-your-hands-well.vtt"', page)
        self.assertIn('http-equiv="Content-Security-Policy"', page)
        self.assertIn('role="note"', page)
        for handler in ("onclick=", "onerror=", "onload=", "innerHTML", "http://", "src=\"http"):
            self.assertNotIn(handler, page.split('<script type="application/json"')[0])
        index = read(os.path.join(site, "index.html"))
        self.assertIn('href="washing-your-hands-well/index.html"', index)
        self.assertIn('href="feed.xml"', index)

    def test_rss_and_atom_feeds_as_input(self):
        for name, titles, first_date in [
                ("articles.rss", {"Flu jabs are open", "Drinking enough water", "Looking after your back"},
                 {"Flu jabs are open": (2024, 10, 7), "Drinking enough water": (2024, 10, 15)}),
                ("articles.atom", {"Storing medicines safely", "Finishing a course of antibiotics",
                                   "Asking about side effects"},
                 {"Storing medicines safely": (2024, 11, 1), "Finishing a course of antibiotics": (2024, 11, 10),
                  "Asking about side effects": (2024, 11, 20)})]:
            with self.subTest(feed=name):
                site = os.path.join(self.tmp, name)
                code, _, err = self.publish([os.path.join(PUB, "feeds", name)], site)
                self.assertEqual(code, 0, err)
                feed = feedparser.parse(os.path.join(site, "feed.xml"))
                self.assertEqual({e.title for e in feed.entries}, titles)
                for e in feed.entries:
                    if e.title in first_date:
                        self.assertEqual(tuple(e.published_parsed[:3]), first_date[e.title])
                # The javascript: link of an Atom entry never reaches a page.
                for root, _, files in os.walk(site):
                    for f in files:
                        if f.endswith(".html"):
                            self.assertNotIn("javascript:", read(os.path.join(root, f)))

    def test_hostile_feeds(self):
        site = os.path.join(self.tmp, "xxe")
        code, out, err = self.publish([os.path.join(PUB, "feeds", "xxe.rss")], site)
        self.assertEqual(code, 3, err)
        self.assertIn("xxe.rss", err)
        self.assertIn("DOCTYPE", err)
        hostname = read("/etc/hostname").strip()
        if os.path.isdir(site):
            for root, _, files in os.walk(site):
                for f in files:
                    with open(os.path.join(root, f), "rb") as fh:
                        self.assertNotIn(hostname.encode(), fh.read())
        started = time.monotonic()
        code, out, err = self.publish([os.path.join(PUB, "feeds", "bomb.rss")], os.path.join(self.tmp, "bomb"))
        self.assertLess(time.monotonic() - started, 1.0)
        self.assertEqual(code, 3, err)
        self.assertEqual(len(err.strip().splitlines()), 1, err)
        self.assertIn("bomb.rss", err)

    def test_usage_errors(self):
        code, _, err = run(["publish", os.path.join(PUB, "articles"), "-o", os.path.join(self.tmp, "s")])
        self.assertEqual(code, 2)
        self.assertIn("--base-url", err)
        code, _, err = run(["publish", os.path.join(PUB, "articles"), "-o", os.path.join(self.tmp, "s"),
                            "--base-url", "javascript:alert(1)"])
        self.assertEqual(code, 2)


if __name__ == "__main__":
    unittest.main()
