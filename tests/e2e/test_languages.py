"""Every eSpeak NG language read in its own voice (issue 18), on the real
binary: language identification accuracy on the project's own short texts
(a tuning part and a held-out part), each language with a data file read with
its voice, its announcements and a warning, regional voices, the English
fallback, declared languages overruled by the text, and a batch render whose
chapter titles stay in their script."""
import concurrent.futures
import glob
import json
import os
import re
import tomllib
import unittest

from common import FIXTURES, SRC, TempDirTest, ffprobe, run

LANGUAGES = os.path.join(FIXTURES, "languages")
# The eSpeak NG voice each language with a data file is read with.
VOICES = {"en": "en-us", "es": "es", "de": "de", "fr": "fr", "it": "it", "pt": "pt", "nl": "nl", "pl": "pl",
          "cs": "cs", "sv": "sv", "ru": "ru", "tr": "tr", "ar": "ar", "zh": "cmn", "ja": "ja"}
MIN_ACCURACY = 0.95


def identified(path):
    """The language inspect reports, or the one it refuses as unspeakable (Galician)."""
    code, out, err = run(["inspect", "--json", path])
    m = re.search(r"cannot speak language '([^']+)'", err)
    if code == 2 and m:
        return m.group(1)
    if code != 0:
        raise AssertionError(f"{path}: exit {code}: {err}")
    return json.loads(out)["language"]


def inspect_json(path, *args):
    code, out, err = run(["inspect", "--json", path, *args])
    if code != 0:
        raise AssertionError(f"{path}: exit {code}: {err}")
    return json.loads(out)


def accuracy(split):
    """(share right, [(file, expected, got)] wrong) over one corpus part."""
    files = sorted(glob.glob(os.path.join(LANGUAGES, split, "*.txt")))
    with concurrent.futures.ThreadPoolExecutor(2) as pool:
        got = list(pool.map(identified, files))
    wrong = []
    for f, lang in zip(files, got):
        expected = os.path.basename(f)[:-4]
        if lang.split("-")[0] != expected:
            wrong.append((os.path.basename(f), expected, lang))
    return 1 - len(wrong) / len(files), wrong, len(files)


def announcements(code):
    with open(os.path.join(SRC, "data", "announcements", code + ".toml"), "rb") as f:
        return tomllib.load(f)["phrases"]


class Identification(unittest.TestCase):
    def test_tuning_part_at_least_95_percent(self):
        share, wrong, n = accuracy("tune")
        self.assertGreaterEqual(n, 21)
        self.assertGreaterEqual(share, MIN_ACCURACY, wrong)

    def test_held_out_part_at_least_95_percent(self):
        share, wrong, n = accuracy("heldout")
        self.assertGreaterEqual(n, 21)
        self.assertGreaterEqual(share, MIN_ACCURACY, wrong)

    def test_lang_option_always_wins(self):
        data = inspect_json(os.path.join(LANGUAGES, "tune", "it.txt"), "--lang", "es")
        self.assertEqual(data["language"], "es")
        self.assertEqual(data["voice"], "es")


class DeclaredLanguage(TempDirTest):
    def write_page(self, lang):
        path = os.path.join(self.tmp, "page.html")
        with open(os.path.join(LANGUAGES, "tune", "it.txt"), encoding="utf-8") as f:
            title, body = f.read().split("\n", 1)
        with open(path, "w", encoding="utf-8") as f:
            f.write(f'<!doctype html><html lang="{lang}"><head><title>{title}</title></head>'
                    f'<body><article><h1>{title}</h1><p>{body}</p></article></body></html>')
        return path

    def test_text_overrules_a_wrong_declaration_with_a_warning(self):
        page = self.write_page("en")
        code, out, err = run(["inspect", "--json", page])
        self.assertEqual(code, 0, err)
        self.assertEqual(json.loads(out)["language"], "it")
        self.assertIn("declares language 'en'", err)
        code, out, err = run(["inspect", "--json", page, "--lang", "en"])
        self.assertEqual(json.loads(out)["language"], "en")
        self.assertNotIn("declares", err)

    def test_a_plausible_declaration_wins_silently(self):
        code, out, err = run(["inspect", "--json", self.write_page("it-CH")])
        self.assertEqual(code, 0, err)
        self.assertEqual(json.loads(out)["language"], "it-CH")
        self.assertEqual(err, "")


class Voices(unittest.TestCase):
    def test_regional_variants(self):
        text = os.path.join(LANGUAGES, "tune", "pt.txt")
        for lang, voice in [("pt-BR", "pt-br"), ("pt", "pt"), ("zh", "cmn"), ("zh-HK", "yue"), ("es-MX", "es-419"),
                            ("es-ES", "es"), ("no", "nb"), ("hi", "hi"), ("fr-BE", "fr-be")]:
            with self.subTest(lang=lang):
                self.assertEqual(inspect_json(text, "--lang", lang)["voice"], voice)

    def test_language_espeak_cannot_speak_is_a_usage_error(self):
        code, out, err = run(["inspect", "--json", os.path.join(LANGUAGES, "tune", "en.txt"), "--lang", "tlh"])
        self.assertEqual(code, 2)
        self.assertEqual(out, "")
        self.assertIn("eSpeak NG cannot speak language 'tlh'", err)
        self.assertIn("nearest it can speak", err)

    def test_language_without_announcements_uses_english_once(self):
        code, out, err = run(["inspect", "--json", os.path.join(LANGUAGES, "warned", "en.md"), "--lang", "hi"])
        self.assertEqual(code, 0, err)
        data = json.loads(out)
        self.assertEqual((data["language"], data["voice"]), ("hi", "hi"))
        self.assertEqual(err.count("no announcements for language 'hi'"), 1)
        roles = [s["text"] for c in data["chapters"] for s in c["segments"] if s["role"] == "announcement"]
        self.assertIn("Warning.", roles)

    def test_voices_lists_full_profiles_and_espeak_languages(self):
        code, out, err = run(["voices"])
        self.assertEqual(code, 0, err)
        self.assertIn("Languages read with eSpeak NG's own voice", out)
        self.assertRegex(out, r"\n  pt-br +Portuguese \(Brazil\)  \(announcements: own\)")
        self.assertRegex(out, r"\n  hi +Hindi  \(announcements: English\)")
        self.assertRegex(out, r"\n  es +\[es\]")


class EachLanguage(TempDirTest):
    """Every language with a data file: its voice, its announcements and one warning."""

    def test_voice_announcements_and_warning(self):
        files = sorted(glob.glob(os.path.join(LANGUAGES, "warned", "*.md")))
        self.assertEqual(len(files), len(VOICES))
        with concurrent.futures.ThreadPoolExecutor(2) as pool:
            scripts = list(pool.map(inspect_json, files))
        for path, data in zip(files, scripts):
            code = os.path.basename(path)[:-3]
            with self.subTest(language=code):
                phrases = announcements(code)
                self.assertEqual(data["language"], code)
                self.assertEqual(data["voice"], VOICES[code])
                said = [s["text"] for c in data["chapters"] for s in c["segments"] if s["role"] == "announcement"]
                self.assertIn(phrases["warning"], said)
                self.assertIn(phrases["list"].replace("{n}", "3"), said)
                self.assertIn(phrases["table"].replace("{n}", "2"), said)
                warnings = [s["text"] for c in data["chapters"] for s in c["segments"] if s["role"] == "warning"]
                self.assertEqual(len(warnings), 1, warnings)

    def test_batch_render_keeps_chapter_titles_in_their_script(self):
        # The scripts that are not Latin: Arabic (right to left), Chinese, Japanese, Russian.
        files = [os.path.join(LANGUAGES, "warned", c + ".md") for c in ("ar", "ja", "ru", "zh")]
        code, out, err = run(["render", *files, "-o", self.tmp, "--format", "wav", "--loudness", "off",
                              "--sidecars", "none"], timeout=600)
        self.assertEqual(code, 0, err)
        outputs = out.split()
        self.assertEqual(len(outputs), len(files))
        for path in files:
            code_ = os.path.basename(path)[:-3]
            with self.subTest(language=code_):
                expected = [c["title"] for c in inspect_json(path)["chapters"]]
                titles = None
                for o in outputs:
                    got = [c.get("tags", {}).get("title", "") for c in ffprobe(o).get("chapters", [])]
                    if got == expected:
                        titles = got
                self.assertEqual(titles, expected)


if __name__ == "__main__":
    unittest.main()
