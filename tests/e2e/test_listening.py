"""Listening quality (issue 5), measured on the real binary: loudness and true
peak with ffmpeg's EBU R128 meter, durations at several speech rates, voice
profiles and languages, units spoken in words, lexicons, verbosity and
resampling. Renders shared by several tests run once, two at a time."""
import concurrent.futures
import json
import os
import re
import subprocess
import tempfile
import unittest

from common import FIXTURES, TempDirTest, chapters, decoded_duration, ffprobe, loudness, run

LISTENING = os.path.join(FIXTURES, "listening")
HILL = os.path.join(LISTENING, "hill-walking.txt")
FEVER = os.path.join(LISTENING, "fever-units.txt")
SAUNA_ES = os.path.join(LISTENING, "sauna-es.txt")

# Render name -> extra arguments, all of the hill-walking fixture (about 35 s
# of speech at 175 wpm: long enough for a gated loudness measurement).
HILL_RENDERS = {
    "default": [],
    "rate350": ["--rate", "350"],
    "rate450": ["--rate", "450"],
    "loud20": ["--loudness", "-20"],
    "podcast": ["--preset", "podcast"],
    "off": ["--loudness", "off"],
    "sr44100": ["--sample-rate", "44100"],
}

# A short text per profile language, spoken by `render --voice NAME`.
SHORT_TEXT = {
    "en": "Rinse the cut with clean water.\n\nCover it with a plaster and keep it dry for a day.\n",
    "es": "Lave la herida con agua limpia.\n\nCúbrala con una tirita y manténgala seca durante un día.\n",
    "de": "Spülen Sie die Wunde mit sauberem Wasser.\n\nDecken Sie sie mit einem Pflaster ab und halten Sie sie einen Tag trocken.\n",
    "fr": "Rincez la plaie à l'eau propre.\n\nCouvrez-la d'un pansement et gardez-la au sec pendant une journée.\n",
}

_tmp = None
RENDERED = {}  # name -> {".mp3": path, ...}


def _render(name, args, stdin=None):
    out = os.path.join(_tmp.name, name)
    code, stdout, err = run(["render", *args, "-o", out, "--progress", "none"], stdin=stdin)
    if code != 0:
        raise AssertionError(f"render {name} {args} exited {code}: {err}")
    return name, {os.path.splitext(p)[1] if not p.endswith(".chapters.json") else ".chapters.json": p
                  for p in stdout.splitlines()}


def voice_profiles():
    """[(name, language tag)] from `readaloud voices`."""
    code, out, err = run(["voices"])
    assert code == 0, err
    block = out[out.index("Voice profiles"):].split("\n\n")[0].splitlines()[1:]
    return [(m.group(1), m.group(2)) for m in (re.match(r"\s+(\S+)\s+\[([^\]]+)\]", line) for line in block) if m]


def setUpModule():
    global _tmp
    _tmp = tempfile.TemporaryDirectory(prefix="readaloud-listening-")
    jobs = [(name, [HILL, *args], None) for name, args in HILL_RENDERS.items()]
    for name, tag in voice_profiles():
        text = SHORT_TEXT[tag.split("-")[0].lower()]
        jobs.append(("voice-" + name, ["-", "--from", "plain", "--voice", name, "--title", "Voice " + name],
                     text.encode("utf-8")))
    jobs.append(("fever", [FEVER, "--sidecars", "txt"], None))
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        for name, files in pool.map(lambda j: _render(*j), jobs):
            RENDERED[name] = files


def tearDownModule():
    _tmp.cleanup()


def script(path, *args):
    code, out, err = run(["inspect", path, "--json", *args])
    assert code == 0, err
    return json.loads(out)


def segments(doc, role=None):
    return [s["text"] for c in doc["chapters"] for s in c["segments"] if role is None or s["role"] == role]


def chapter(doc, title):
    return next(c for c in doc["chapters"] if c["title"] == title)


class LoudnessTest(unittest.TestCase):
    def assert_level(self, name, target):
        lufs, peak = loudness(RENDERED[name][".mp3"])
        self.assertAlmostEqual(lufs, target, delta=1.0, msg=f"{name}: {lufs} LUFS")
        self.assertLessEqual(peak, -1.0, f"{name}: true peak {peak} dBTP")

    def test_default_is_minus_16_lufs(self):
        self.assert_level("default", -16.0)

    def test_target_minus_20(self):
        self.assert_level("loud20", -20.0)
        self.assertLess(loudness(RENDERED["loud20"][".mp3"])[0], loudness(RENDERED["default"][".mp3"])[0] - 3)

    def test_podcast_preset(self):
        files = RENDERED["podcast"]
        self.assertEqual(sorted(files), [".chapters.json", ".mp3", ".txt"])
        info = ffprobe(files[".mp3"])
        stream = info["streams"][0]
        self.assertEqual(info["format"]["format_name"], "mp3")
        self.assertEqual(stream["channels"], 1)
        self.assertEqual(int(stream["sample_rate"]), 44100)
        self.assertEqual(int(stream["bit_rate"]), 64000)
        self.assert_level("podcast", -16.0)
        with open(files[".chapters.json"], encoding="utf-8") as f:
            self.assertEqual([c["title"] for c in json.load(f)["chapters"]],
                             ["Hill walking in autumn", "Packing", "Risks"])

    def test_loudness_off_leaves_the_level_alone(self):
        lufs, _ = loudness(RENDERED["off"][".mp3"])
        self.assertGreater(abs(lufs - -16.0), 1.5, f"--loudness off still gave {lufs} LUFS")
        # Same speech, only the gain differs.
        self.assertAlmostEqual(decoded_duration(RENDERED["off"][".mp3"]),
                               decoded_duration(RENDERED["default"][".mp3"]), delta=0.5)


class RateTest(unittest.TestCase):
    def test_duration_scales_with_rate(self):
        d175, d350, d450 = (decoded_duration(RENDERED[n][".mp3"]) for n in ("default", "rate350", "rate450"))
        self.assertGreater(d175, 25.0)
        self.assertTrue(0.40 <= d350 / d175 <= 0.62, f"175: {d175:.2f} s, 350: {d350:.2f} s")
        self.assertLess(d450, 0.95 * d350, f"350: {d350:.2f} s, 450: {d450:.2f} s")

    def test_warnings_keep_their_relative_slowdown(self):
        # "Packing" and "Risks" hold the same three sentences; in "Risks" they
        # are warnings (slower, plus an earcon and "Warning."). The warning
        # chapter stays clearly longer at every rate, by a similar ratio.
        ratios = {}
        for name in ("default", "rate350", "rate450"):
            spans = {t: e - s for s, e, t in chapters(RENDERED[name][".mp3"])}
            ratios[name] = spans["Risks"] / spans["Packing"]
        for name, ratio in ratios.items():
            self.assertGreater(ratio, 1.15, f"{name}: {ratios}")
        self.assertAlmostEqual(ratios["rate350"], ratios["default"], delta=0.15 * ratios["default"], msg=str(ratios))
        self.assertAlmostEqual(ratios["rate450"], ratios["default"], delta=0.2 * ratios["default"], msg=str(ratios))

    def test_rate_out_of_range_is_a_usage_error(self):
        code, _, err = run(["inspect", HILL, "--rate", "451"])
        self.assertEqual(code, 2)
        self.assertIn("between 80 and 450 words per minute", err)


class SampleRateTest(unittest.TestCase):
    def test_44100_keeps_chapter_times(self):
        base, resampled = RENDERED["default"][".mp3"], RENDERED["sr44100"][".mp3"]
        self.assertEqual(int(ffprobe(base)["streams"][0]["sample_rate"]), 22050)
        self.assertEqual(int(ffprobe(resampled)["streams"][0]["sample_rate"]), 44100)
        a, b = chapters(base), chapters(resampled)
        self.assertEqual([t for _, _, t in a], [t for _, _, t in b])
        self.assertEqual(len(a), 3)
        for (s1, e1, _), (s2, e2, _) in zip(a, b):
            self.assertAlmostEqual(s1, s2, delta=0.03)
            self.assertAlmostEqual(e1, e2, delta=0.03)
        self.assertAlmostEqual(decoded_duration(base), decoded_duration(resampled), delta=0.05)


class LanguageTest(unittest.TestCase):
    def check_spanish_candle(self, doc):
        self.assertEqual(doc["language"], "es")
        self.assertIn("Advertencia.", segments(doc, "announcement"))
        self.assertIn("Lista de 2 elementos.", segments(doc, "announcement"))
        risks = chapter(doc, "Riesgos")
        self.assertTrue(risks["warning"])
        self.assertEqual([s["text"] for s in risks["segments"] if s["role"] == "warning"],
                         ["Una vela olvidada puede provocar un incendio.", "El humo irrita los ojos.",
                          "Nunca deje una vela encendida mientras duerme."])

    def test_spanish_scraped_article_with_lang(self):
        doc = script(SAUNA_ES, "--lang", "es")
        self.assertEqual(doc["language"], "es")
        announcements = segments(doc, "announcement")
        self.assertIn("Advertencia.", announcements)
        self.assertIn("Lista de 2 elementos.", announcements)
        for english in ("Warning.", "List of", "Item ", "Section "):
            self.assertFalse([a for a in announcements if english in a], announcements)
        risks = chapter(doc, "Riesgos")
        self.assertTrue(risks["warning"])
        warned = [s["text"] for s in risks["segments"] if s["role"] == "warning"]
        self.assertEqual(warned, [
            "El calor intenso puede provocar mareos y desmayos.",
            "La deshidratación aparece antes de lo que se espera.",
            "Nunca entre en la sauna después de beber alcohol, porque el calor y el alcohol juntos pueden ser peligrosos.",
            "Las personas con problemas de corazón no deben usar la sauna sin hablar antes con su médico.",
        ])
        self.assertEqual([s["role"] for s in risks["segments"] if s["text"].startswith("Advertencia")],
                         ["announcement", "announcement"])
        self.assertNotIn("Muchos gimnasios incluyen la sauna en la cuota mensual.", segments(doc, "warning"))
        self.assertFalse(chapter(doc, "Beneficios")["warning"])
        self.assertFalse([w for w in segments(doc, "warning") if "espalda" in w or "duermen" in w])

    def test_language_from_front_matter_html_and_json(self):
        docs = {ext: script(os.path.join(LISTENING, "vela-es" + ext)) for ext in (".md", ".html", ".json")}
        for ext, doc in docs.items():
            with self.subTest(ext):
                self.check_spanish_candle(doc)
        self.assertEqual(docs[".html"], docs[".md"])
        self.assertEqual(docs[".json"], docs[".md"])

    def test_lang_option_overrides_the_input(self):
        doc = script(os.path.join(LISTENING, "vela-es.html"), "--lang", "en")
        self.assertEqual(doc["language"], "en")
        self.assertIn("List of 2 items.", segments(doc, "announcement"))

    def test_german_and_french(self):
        de = script(os.path.join(LISTENING, "handwashing-de.txt"), "--lang", "de")
        self.assertEqual(de["language"], "de")
        self.assertIn("Liste mit 2 Einträgen.", segments(de, "announcement"))
        self.assertTrue(chapter(de, "Risiken")["warning"])
        self.assertEqual(segments(de, "warning"), [
            "Desinfektionsmittel ist giftig, wenn es getrunken wird.",
            "Bewahren Sie es außerhalb der Reichweite von Kindern auf."])
        self.assertIn("Warnung.", segments(de, "announcement"))
        fr = script(os.path.join(LISTENING, "handwashing-fr.txt"), "--lang", "fr")
        self.assertEqual(fr["language"], "fr")
        self.assertIn("Liste de 2 éléments.", segments(fr, "announcement"))
        self.assertTrue(chapter(fr, "Risques")["warning"])
        self.assertEqual(segments(fr, "warning"), [
            "Le gel hydroalcoolique est toxique s'il est avalé.", "Gardez-le hors de portée des enfants."])
        self.assertIn("Avertissement.", segments(fr, "announcement"))


class VoicesTest(TempDirTest):
    def test_misspelt_voice_suggests_the_nearest(self):
        for command in (["render", HILL, "-o", self.tmp], ["inspect", HILL]):
            code, out, err = run([*command, "--voice", "en-su"])
            self.assertEqual(code, 2, err)
            self.assertEqual(out, "")
            self.assertIn("did you mean en-us", err)
            self.assertEqual(len(err.strip().splitlines()), 1, err)
        code, _, err = run(["inspect", HILL, "--voice", "frr"])
        self.assertEqual(code, 2)
        self.assertIn("did you mean fr", err)
        self.assertEqual(self.files(), [], "no output for a usage error")

    def test_voices_lists_profiles_and_espeak_languages(self):
        profiles = dict(voice_profiles())
        for name in ("default", "en-us", "en-gb", "es", "de", "fr"):
            self.assertIn(name, profiles)
        self.assertEqual({tag.split("-")[0].lower() for tag in profiles.values()}, {"en", "es", "de", "fr"})
        code, out, _ = run(["voices"])
        espeak = out[out.index("eSpeak NG voices"):]
        # Every language eSpeak NG itself lists is offered.
        listed = subprocess.run(["espeak-ng", "--voices"], capture_output=True, check=True).stdout.decode()
        names = [line.split()[1] for line in listed.splitlines()[1:] if line.strip()]
        self.assertGreater(len(names), 50)
        for name in names:
            self.assertRegex(espeak, r"(?m)^\s+" + re.escape(name) + r"\s", name)

    def test_every_profile_renders_its_language(self):
        profiles = voice_profiles()
        self.assertGreaterEqual(len(profiles), 6)
        for name, tag in profiles:
            with self.subTest(name):
                mp3 = RENDERED["voice-" + name][".mp3"]
                info = ffprobe(mp3)
                self.assertEqual(info["format"]["format_name"], "mp3")
                words = len(SHORT_TEXT[tag.split("-")[0].lower()].split()) + 2  # and the title
                seconds = decoded_duration(mp3)
                # 175 wpm with pauses: between 0.5x and 2x the words' time.
                self.assertGreater(seconds, 0.5 * words / 175 * 60, seconds)
                self.assertLess(seconds, 2.0 * words / 175 * 60 + 2.0, seconds)
                lufs, peak = loudness(mp3)
                self.assertAlmostEqual(lufs, -16.0, delta=1.5, msg=name)
                self.assertLessEqual(peak, -1.0, name)


# Unit abbreviations that must never reach the synthesiser.
RAW_UNITS = re.compile(r"\b(mg|mL|ml|mcg|mmHg|bpm|BPM|kg|IU|hrs|L|dL|mmol|BMI)\b|°|%|\be\.g\b|\bi\.e\b|https?:|www\.|@|/")


class UnitsTest(unittest.TestCase):
    def test_units_are_spoken_in_words(self):
        doc = script(FEVER)
        spoken = segments(doc)
        for text in spoken:
            self.assertIsNone(RAW_UNITS.search(text), text)
        for expected in [
            "A normal body temperature is about 98.6 degrees Fahrenheit (37 degrees Celsius). Most doctors call "
            "anything above 100.4 degrees Fahrenheit, or 38 degrees Celsius, a fever.",
            "A resting heart rate of 60 to 100 beats per minute is normal, and a fever can push it up by 10 beats "
            "per minute for each degree. Blood pressure usually stays near 120 over 80 millimeters of mercury.",
            "Adults can take 200 to 400 milligrams of ibuprofen every 4 to 6 hours.",
            "Paracetamol comes as a liquid with 120 milligrams in 5 milliliters, that is 24 milligrams per milliliter.",
            "Vitamin D at 25 micrograms (1,000 international units) a day is sometimes suggested, for example in winter.",
            "Children need a smaller dose, for example, 10 to 15 milligrams per kilogram of body weight.",
            "Adults with a B.M.I over 30 may need a different dose. About 20 percent of adults who take ibuprofen "
            "daily notice stomach upset, and 1 in 5 say it passes within 2 days.",
            "Drink 2 to 3 liters of fluids a day, or about 250 milliliters every hour you are awake. A dose of "
            "1 milligram is one thousand micrograms.",
            "Do not take more than 3,200 milligrams of ibuprofen in 24 hours, because higher doses can cause serious "
            "stomach bleeding.",
            "More on fevers at example dot org or write to nurse at example dot org.",
        ]:
            self.assertIn(expected, spoken)

    def test_transcript_has_no_raw_units(self):
        with open(RENDERED["fever"][".txt"], encoding="utf-8") as f:
            lines = [line for line in f.read().splitlines() if line.strip()]
        self.assertEqual(lines[0], "Managing a fever in adults")
        for line in lines:
            self.assertIsNone(RAW_UNITS.search(line), line)
        self.assertIn("Adults can take 200 to 400 milligrams of ibuprofen every 4 to 6 hours.", lines)
        # The transcript says what inspect says.
        self.assertEqual([l for l in lines if l not in ("Warning.",)],
                         [t for t in segments(script(FEVER)) if t != "Warning."])

    def test_units_in_spanish(self):
        with tempfile.NamedTemporaryFile("w", suffix=".md", encoding="utf-8", delete=False) as f:
            f.write("---\nlang: es\n---\n\n# Fiebre\n\nTome 200–400 mg cada 8 h, p. ej. con 5 mL de agua. "
                    "La presión normal es 120/80 mmHg y el pulso 60–100 lpm. Dosis: 10 mg/kg/día.\n")
        try:
            text = segments(script(f.name), "narration")
        finally:
            os.unlink(f.name)
        self.assertEqual(text, ["Tome 200 a 400 miligramos cada 8 horas, por ejemplo con 5 mililitros de agua. "
                                "La presión normal es 120 sobre 80 milímetros de mercurio y el pulso 60 a 100 "
                                "latidos por minuto. Dosis: 10 miligramos por kilogramo por día."])


class LexiconTest(unittest.TestCase):
    def test_pls_and_toml_lexicons_change_what_is_spoken(self):
        plain = segments(script(FEVER))
        self.assertIn("Adults can take 200 to 400 milligrams of ibuprofen every 4 to 6 hours.", plain)
        pls = segments(script(FEVER, "--lexicon", os.path.join(LISTENING, "fever-terms.pls")))
        self.assertIn("Adults can take 200 to 400 milligrams of eye bew pro fen every 4 to 6 hours.", pls)
        self.assertIn("[[p,ar@s'i:t@m0l]] comes as a liquid with 120 milligrams in 5 milliliters, that is 24 "
                      "milligrams per milliliter.", pls)
        toml = segments(script(FEVER, "--lexicon", os.path.join(LISTENING, "fever-words.toml")))
        self.assertIn("Adults can take 200 to 400 milligrams of eye-bew-PRO-fen every 4 to 6 hours.", toml)
        self.assertIn("para-SEE-ta-mol comes as a liquid with 120 milligrams in 5 milliliters, that is 24 "
                      "milligrams per milliliter.", toml)
        self.assertEqual(len(pls), len(plain))
        self.assertEqual(sum(a != b for a, b in zip(plain, toml)), 4)

    def test_bad_lexicon_names_file_and_line(self):
        for name, line in (("broken.pls", 6), ("broken.toml", 3)):
            path = os.path.join(LISTENING, name)
            for command in (["inspect", FEVER], ["render", FEVER, "-o", os.path.join(_tmp.name, "bad")]):
                with self.subTest(name=name, command=command[0]):
                    code, out, err = run([*command, "--lexicon", path])
                    self.assertEqual(code, 3, err)
                    self.assertEqual(out, "")
                    self.assertRegex(err, "^readaloud: error: " + re.escape(path) + ":" + str(line) + r":\d+: ")
                    self.assertEqual(len(err.strip().splitlines()), 1, err)
        self.assertFalse(os.path.exists(os.path.join(_tmp.name, "bad")) and os.listdir(os.path.join(_tmp.name, "bad")))


class VerbosityTest(unittest.TestCase):
    def test_minimal_normal_full(self):
        minimal, normal, full = (script(FEVER, "--verbosity", v) for v in ("minimal", "normal", "full"))
        # Minimal: headings only, but never without the warning announcement.
        self.assertEqual(segments(minimal, "announcement"), ["Warning."])
        self.assertEqual(segments(minimal, "heading"), ["Managing a fever in adults", "Medicines that help", "Risks"])
        self.assertEqual(segments(normal, "announcement"), ["List of 4 items.", "Warning."])
        self.assertEqual(segments(full, "heading"), [
            "Section 1 of 3: Managing a fever in adults.", "Section 2 of 3: Medicines that help.",
            "Section 3 of 3: Risks."])
        self.assertEqual(segments(full, "announcement"), [
            "List of 4 items.", "Item 1.", "Item 2.", "Item 3.", "Item 4.", "End of list.", "Warning."])
        # The same narration at every verbosity.
        self.assertEqual(segments(minimal, "narration"), segments(full, "narration"))
        self.assertEqual(segments(minimal, "warning"), segments(full, "warning"))
        # Full puts "Item n." right before each item.
        medicines = [s["text"] for s in chapter(full, "Medicines that help")["segments"]]
        self.assertEqual(medicines[2], "Item 1.")
        self.assertTrue(medicines[3].startswith("Adults can take 200 to 400 milligrams"))

    def test_warning_announced_at_every_verbosity_in_spanish(self):
        for v in ("minimal", "normal", "full"):
            with self.subTest(v):
                doc = script(SAUNA_ES, "--lang", "es", "--verbosity", v)
                self.assertIn("Advertencia.", segments(doc, "announcement"))
                self.assertTrue(chapter(doc, "Riesgos")["warning"])
        full = script(SAUNA_ES, "--lang", "es", "--verbosity", "full")
        self.assertIn("Elemento 1.", segments(full, "announcement"))
        self.assertIn("Fin de la lista.", segments(full, "announcement"))
        self.assertTrue(any(h.startswith("Sección 2 de ") for h in segments(full, "heading")))


if __name__ == "__main__":
    unittest.main()
