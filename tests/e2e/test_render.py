"""Renders articles with the real binary and checks the MP3, its ID3 chapters
(ffprobe and mutagen), the Podcasting 2.0 chapters JSON and the transcript."""
import json
import os
import unittest

from common import (FIXTURES, TempDirTest, chapters, decoded_duration, ffprobe, loudness, mutagen_chapters,
                    mutagen_length, run)

BOILERPLATE = ["Share on", "Getty", "Shutterstock", "Was this helpful", "Advertisement",
               "Read more", "Keep reading", "Check out", "»"]


class RenderTest(TempDirTest):
    def render(self, *args):
        code, out, err = run(["render", *args, "-o", self.tmp, "--progress", "none"])
        self.assertEqual(code, 0, err)
        return out.splitlines()

    def test_low_bitrates_give_a_plain_cbr_stream(self):
        # Below 56 kbps a 22.05 kHz frame cannot hold LAME's Info tag: the file
        # is then plain CBR, decodable, at its bitrate, with every chapter.
        src = os.path.join(FIXTURES, "e2e", "cold-water-swimming.txt")
        for kbps in (32, 48):
            mp3 = self.render(src, "--bitrate", str(kbps))[0]
            info = ffprobe(mp3)
            self.assertEqual(info["format"]["format_name"], "mp3")
            self.assertAlmostEqual(int(info["format"]["bit_rate"]) / 1000, kbps, delta=3)
            seen = chapters(mp3)
            self.assertGreater(len(seen), 1)
            # No Info tag: decoders keep the encoder delay (about 50 ms).
            self.assertAlmostEqual(seen[-1][1], decoded_duration(mp3), delta=0.15)
            os.remove(mp3)

    def check_article(self, paths, slug, headings):
        self.assertEqual(paths, [os.path.join(self.tmp, slug + ext) for ext in (".mp3", ".chapters.json", ".txt")])
        self.assertEqual(self.files(), sorted(os.path.basename(p) for p in paths), "no stray or temporary files")
        mp3, chapters_json, txt = paths

        info = ffprobe(mp3)
        stream = info["streams"][0]
        self.assertEqual(info["format"]["format_name"], "mp3")
        self.assertEqual(stream["channels"], 1)
        self.assertEqual(int(stream["sample_rate"]), 22050)
        self.assertAlmostEqual(int(info["format"]["bit_rate"]) / 1000, 64, delta=4)

        # Chapters as a player sees them.
        seen = chapters(mp3)
        self.assertEqual([t for _, _, t in seen], headings)
        starts = [s for s, _, _ in seen]
        self.assertEqual(starts[0], 0.0)
        self.assertEqual(starts, sorted(starts))
        self.assertEqual(len(set(starts)), len(starts))
        # The last chapter ends where the audio ends: as decoded, as mutagen
        # reads the LAME header, and as ffprobe reports it (duration less the
        # encoder delay it shows as start_time).
        self.assertAlmostEqual(seen[-1][1], decoded_duration(mp3), delta=0.05)
        self.assertAlmostEqual(seen[-1][1], mutagen_length(mp3), delta=0.05)
        fmt = info["format"]
        self.assertAlmostEqual(seen[-1][1], float(fmt["duration"]) - float(fmt["start_time"]), delta=0.05)

        # The same chapters through mutagen: ID3v2.4 CHAP frames and a top-level ordered CTOC.
        tags = mutagen_chapters(mp3)
        self.assertEqual(tags["version"], 4)
        self.assertEqual([c[3] for c in tags["chapters"]], headings)
        self.assertEqual(len(tags["tocs"]), 1)
        toc = tags["tocs"][0]
        self.assertTrue(toc["top"] and toc["ordered"])
        self.assertEqual(toc["children"], [c[0] for c in tags["chapters"]])
        for (s, e, _), (_, ms_start, ms_end, _) in zip(seen, tags["chapters"]):
            self.assertAlmostEqual(ms_start / 1000, s, delta=0.002)
            self.assertAlmostEqual(ms_end / 1000, e, delta=0.002)

        # Podcasting 2.0 JSON chapters agree with the ID3 chapters.
        with open(chapters_json, encoding="utf-8") as f:
            pc = json.load(f)
        self.assertEqual(pc["version"], "1.2.0")
        self.assertEqual([c["title"] for c in pc["chapters"]], headings)
        for c, (s, _, _) in zip(pc["chapters"], seen):
            self.assertAlmostEqual(c["startTime"], s, delta=0.002)

        # The transcript holds what is spoken, and no page junk.
        with open(txt, encoding="utf-8") as f:
            spoken = f.read()
        for junk in BOILERPLATE:
            self.assertNotIn(junk, spoken)
        for h in headings:
            self.assertIn(h, spoken)

        # Loudness -16 LUFS, true peak at most -1 dBTP, on the decoded MP3.
        lufs, peak = loudness(mp3)
        self.assertAlmostEqual(lufs, -16.0, delta=1.0)
        self.assertLessEqual(peak, -1.0)
        return spoken

    def test_bundled_sample(self):
        paths = self.render()
        spoken = self.check_article(paths, "nasal-rinsing-with-a-neti-pot", [
            "Nasal rinsing with a neti pot", "Benefits", "Seasonal allergies", "Sinus infections", "Dry air", "Risks"])
        self.assertIn("Warning.", spoken)

    def same_programme_on_one_core_and_many(self, inputs, jobs):
        """--jobs 1 speaks everything in one process; more jobs split a long
        article between speech processes. Same chapters, captions, length and
        loudness either way. Not to the sample: eSpeak NG's output for a
        segment depends slightly on what it spoke before (up to 0.07 s in
        400 s measured), and each process starts afresh."""
        results = []
        for n in ("1", jobs):
            folder = os.path.join(self.tmp, "jobs-" + n)
            code, out, err = run(["render", *inputs, "-o", folder, "--format", "wav", "--sidecars",
                                  "chapters.json,srt", "--progress", "none", "--jobs", n])
            self.assertEqual(code, 0, err)
            paths = out.splitlines()
            wav = [p for p in paths if p.endswith(".wav")][0]
            with open([p for p in paths if p.endswith(".chapters.json")][0], encoding="utf-8") as f:
                marks = json.load(f)["chapters"]
            with open([p for p in paths if p.endswith(".srt")][0], encoding="utf-8") as f:
                captions = f.read()
            results.append((wav, marks, captions))
        (wav1, marks1, srt1), (wav2, marks2, srt2) = results
        self.assertEqual([m["title"] for m in marks1], [m["title"] for m in marks2])
        for a, b in zip(marks1, marks2):
            self.assertAlmostEqual(a["startTime"], b["startTime"], delta=0.05 + 0.001 * a["startTime"])
        cue_text = lambda srt: [block.split("\n", 2)[2] for block in srt.strip().split("\n\n")]
        self.assertEqual(cue_text(srt1), cue_text(srt2))
        length = decoded_duration(wav1)
        self.assertAlmostEqual(length, decoded_duration(wav2), delta=0.05 + 0.001 * length)
        self.assertAlmostEqual(loudness(wav1)[0], loudness(wav2)[0], delta=0.2)

    def test_one_core_and_two_give_the_same_programme(self):
        self.same_programme_on_one_core_and_many([], "2")

    def test_one_core_and_four_give_the_same_programme(self):
        # Three copies of the bundled sample's body under new headings: long
        # enough for four speech processes.
        with open(os.path.join(os.environ["READALOUD_SOURCE_DIR"], "data", "sample", "nasal-rinsing.txt"),
                  encoding="utf-8") as f:
            text = f.read()
        title, body = text.split("\n\n", 1)
        long_text = "\n\n".join([text] + [f"Part {i}\n\n{body}" for i in (2, 3)])
        path = os.path.join(self.tmp, "long.txt")
        with open(path, "w", encoding="utf-8") as f:
            f.write(long_text)
        self.same_programme_on_one_core_and_many([path], "4")

    def test_scraped_fixture(self):
        paths = self.render(os.path.join(FIXTURES, "e2e", "cold-water-swimming.txt"))
        self.check_article(paths, "cold-water-swimming-for-beginners", [
            "Cold water swimming for beginners", "Possible benefits", "How to start", "Risks"])

    def test_standard_input(self):
        with open(os.path.join(FIXTURES, "e2e", "cold-water-swimming.txt"), "rb") as f:
            code, out, err = run(["render", "-", "-o", self.tmp, "--progress", "none"], stdin=f.read())
        self.assertEqual(code, 0, err)
        self.assertEqual(out.splitlines()[0], os.path.join(self.tmp, "cold-water-swimming-for-beginners.mp3"))

    def test_rerender_replaces_older_output(self):
        target = os.path.join(self.tmp, "cold-water-swimming-for-beginners.mp3")
        fixture = os.path.join(FIXTURES, "e2e", "cold-water-swimming.txt")
        self.render(fixture)
        first = os.stat(target).st_ino
        self.render(fixture)
        self.assertNotEqual(os.stat(target).st_ino, first, "renamed into place, not rewritten")
        self.assertEqual(len(self.files()), 3)


if __name__ == "__main__":
    unittest.main()
