#!/usr/bin/env python3
"""Tests for eval_readability.py (standard library unittest; all texts invented here).

Run:  python3 tools/test_eval_readability.py
  or  python3 -B -m unittest discover -s tools -p 'test_eval_readability.py'
"""

import json
import os
import stat
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

sys.dont_write_bytecode = True  # keep tools/ free of __pycache__
TOOLS = Path(__file__).resolve().parent
sys.path.insert(0, str(TOOLS))

import eval_readability as ev  # noqa: E402

TOOL = TOOLS / "eval_readability.py"


class TokenizeTest(unittest.TestCase):
    def test_casefold_and_punctuation(self):
        self.assertEqual(ev.tokenize("  Hello, WORLD!  «Straße» (x) "),
                         ["hello", "world", "strasse", "x"])

    def test_inner_punctuation_kept(self):
        self.assertEqual(ev.tokenize("don't e-mail 3.14 U.S."),
                         ["don't", "e-mail", "3.14", "u.s"])

    def test_symbols_stripped_and_empty_dropped(self):
        self.assertEqual(ev.tokenize("$100 — … +++ ©ACME 50%"), ["100", "acme", "50"])

    def test_nfc(self):
        decomposed = "Cafe\u0301"
        self.assertEqual(ev.tokenize(decomposed), ["caf\u00e9"])

    def test_whitespace_kinds(self):
        self.assertEqual(ev.tokenize("a\u00a0b\tc\nd\u2003e"), ["a", "b", "c", "d", "e"])

    def test_empty(self):
        self.assertEqual(ev.tokenize(""), [])
        self.assertEqual(ev.tokenize(" -- !! "), [])


class ScoreTest(unittest.TestCase):
    def test_identical(self):
        self.assertEqual(ev.score_texts("The cat sat.", "the CAT sat"), (1.0, 1.0, 1.0))

    def test_partial(self):
        p, r, f = ev.score_texts("the cat sat down", "the cat sat on the mat")
        self.assertAlmostEqual(p, 3 / 4)
        self.assertAlmostEqual(r, 3 / 6)
        self.assertAlmostEqual(f, 2 * 0.75 * 0.5 / 1.25)

    def test_multiset_overlap(self):
        # "the" twice extracted, once expected: only one counts.
        p, r, _ = ev.score_texts("the the", "the end")
        self.assertAlmostEqual(p, 0.5)
        self.assertAlmostEqual(r, 0.5)

    def test_no_overlap(self):
        self.assertEqual(ev.score_texts("alpha", "beta"), (0.0, 0.0, 0.0))

    def test_empty_cases(self):
        self.assertEqual(ev.score_texts("", "  ... "), (1.0, 1.0, 1.0))
        self.assertEqual(ev.score_texts("", "words"), (0.0, 0.0, 0.0))
        self.assertEqual(ev.score_texts("words", "!!"), (0.0, 0.0, 0.0))


class TextTest(unittest.TestCase):
    def test_html_text(self):
        html = ("<html><head><style>p{color:red}</style><script>var x = 1;</script></head>"
                "<body><div><p>One<b>two</b> three</p><p>four</p>five<br>six"
                "<ul><li>seven</li><li>eight&amp;nine</li></ul>"
                "<table><tr><td>ten</td><td>eleven</td></tr></table></div></body></html>")
        self.assertEqual(ev.tokenize(ev.html_text(html)),
                         ["onetwo", "three", "four", "five", "six", "seven", "eight&nine",
                          "ten", "eleven"])

    def test_body_text_includes_captions_and_credits(self):
        doc = {"headline": "Not body", "body": [
            {"type": "paragraph", "text": "First words."},
            {"type": "caption", "text": None, "credit": "Photo Agency"},
            {"type": "caption", "text": "A bridge", "credit": None},
            {"type": "subheading", "text": "Next"},
        ], "related": [{"title": "Elsewhere", "lead": None}]}
        self.assertEqual(ev.tokenize(ev.body_text(doc)),
                         ["first", "words", "photo", "agency", "a", "bridge", "next"])


class MetadataTest(unittest.TestCase):
    def test_normalize(self):
        self.assertEqual(ev.normalize_meta("  The\u00a0Big\n\tNews "), "the big news")
        self.assertEqual(ev.normalize_meta("Cafe\u0301"), "caf\u00e9")
        self.assertIsNone(ev.normalize_meta("   "))
        self.assertIsNone(ev.normalize_meta(None))

    def test_byline(self):
        self.assertEqual(ev.normalize_meta("By\n  Jane Roe", byline=True), "jane roe")
        self.assertEqual(ev.normalize_meta("by Jane Roe", byline=True), "jane roe")
        self.assertEqual(ev.normalize_meta("Byron Poe", byline=True), "byron poe")
        self.assertEqual(ev.normalize_meta("By Jane", byline=False), "by jane")

    def test_meta_ok(self):
        self.assertIsNone(ev.meta_ok("title", None, "x"))
        self.assertIsNone(ev.meta_ok("title", "", "x"))
        self.assertIsNone(ev.meta_ok("date", None, "2020-01-01"))
        self.assertTrue(ev.meta_ok("title", "A  Title", "a title"))
        self.assertFalse(ev.meta_ok("title", "A Title", None))
        self.assertTrue(ev.meta_ok("byline", "By Jane Roe", "JANE ROE"))
        self.assertFalse(ev.meta_ok("date", "2020-01-01", None))
        self.assertTrue(ev.meta_ok("date", "2020-01-01T10:00:00Z", "2020-01-01"))

    def test_byline_in_reference(self):
        f = ev.byline_in_reference
        self.assertIsNone(f(None, "Jane Roe"))
        self.assertTrue(f("By Jane Roe", "Jane Roe"))
        self.assertTrue(f("By Nathan Willis\n   March 25, 2015", "NATHAN WILLIS"))
        self.assertTrue(f("Jane Roe (http://example.invalid/jr)", "Jane Roe"))
        self.assertFalse(f("Jane Roe", "Jane"[0:3]))  # "Jan": not a whole word
        self.assertFalse(f("Jane Roe", "John Doe"))
        self.assertFalse(f("Jane Roe", None))
        # A date line alone names no author: not compared, whatever was given.
        self.assertIsNone(f("Last Updated: January 7, 2025", None))
        self.assertIsNone(f("April 28, 2019 at 6:01 am Updated April 29, 2019 at 3:33 pm", "X"))
        self.assertFalse(f("Posted by Jane Roe on May 2, 2020", None))

    def test_dates(self):
        m = ev.dates_match
        self.assertTrue(m("2021-03-04", "2021-03-04T23:59:00Z"))
        self.assertFalse(m("2021-03-05", "2021-03-04T23:59:00Z"))
        # Both with offsets: the instants decide.
        self.assertTrue(m("2021-03-04T12:00:00+02:00", "2021-03-04T10:00:00Z"))
        self.assertFalse(m("2021-03-04T12:00:00+02:00", "2021-03-04T12:00:00Z"))
        self.assertTrue(m("2021-03-05T01:30:00+03:00", "2021-03-04T22:30:00.000Z"))
        self.assertTrue(m("2021-11-01T10:52:50+01:00", "2021-11-01T10:52:50+0100"))
        # To the second, as the output writes instants: fractions are not compared.
        self.assertTrue(m("2015-03-27T13:07:55+00:00", "2015-03-27T13:07:55.096Z"))
        self.assertFalse(m("2015-03-27T13:07:56+00:00", "2015-03-27T13:07:55.096Z"))
        # One side without an offset: calendar dates as written.
        self.assertTrue(m("2019-04-28T09:01:07+03:00", "2019-04-28 06:01:07"))
        self.assertFalse(m("2019-04-29T00:30:00+03:00", "2019-04-28 21:30:00"))
        # Unparseable: first 10 characters.
        self.assertTrue(m("2020-02-02 at noon", "2020-02-02T12:00:00Z"))
        self.assertFalse(m("garbage", "2020-02-02"))


def summary_of(f1s, errors=0, title=(1, 1)):
    results = [ev.CaseResult(f"c{i}", ok=i >= errors, f1=f, precision=f, recall=f,
                             title=(i < title[0]) if i < title[1] else None)
               for i, f in enumerate(f1s)]
    return ev.summarize(results), results


class BaselineTest(unittest.TestCase):
    FLOORS = {"mean_f1": 0.6, "title_rate": 0.5, "max_errors": 1, "per_page_f1_floor": 0.5}

    def test_summary(self):
        s, _ = summary_of([0.0, 0.5, 1.0, 0.9], errors=1, title=(2, 3))
        self.assertEqual((s.cases, s.errors), (4, 1))
        self.assertAlmostEqual(s.mean_f1, 0.6)
        self.assertAlmostEqual(s.median_f1, 0.7)
        self.assertEqual((s.title.hits, s.title.total), (2, 3))
        self.assertEqual((s.byline.total, s.byline.value), (0, None))

    def test_pass(self):
        s, _ = summary_of([0.0, 0.5, 1.0, 0.9], errors=1, title=(2, 3))
        self.assertEqual(ev.check_baseline(s, self.FLOORS)[0], [])

    def test_each_floor_fails(self):
        s, _ = summary_of([0.0, 0.0, 1.0, 0.9], errors=2, title=(1, 3))
        failures, _ = ev.check_baseline(s, self.FLOORS)
        self.assertEqual(len(failures), 3)
        self.assertIn("mean_f1 0.4750 is below the floor 0.6000 by 0.1250", failures[0])
        self.assertIn("title_rate 0.3333 is below the floor 0.5000 by 0.1667", failures[1])
        self.assertIn("errors 2 exceed max_errors 1 by 1", failures[2])

    def test_date_rate_floor_only_when_set(self):
        results = [ev.CaseResult(f"c{i}", ok=True, f1=1.0, precision=1.0, recall=1.0,
                                 date=i < 3) for i in range(4)]
        s = ev.summarize(results)
        self.assertEqual(ev.check_baseline(s, self.FLOORS)[0], [])
        failures, _ = ev.check_baseline(s, dict(self.FLOORS, date_rate=0.9))
        self.assertEqual(failures, ["date_rate 0.7500 is below the floor 0.9000 by 0.1500"])
        self.assertEqual(ev.make_baseline(s, 0.5)["date_rate"], 0.75)

    def test_byline_floors_only_when_set(self):
        results = [ev.CaseResult(f"c{i}", ok=True, f1=1.0, precision=1.0, recall=1.0,
                                 byline=i < 2, byline_in_reference=i < 3) for i in range(4)]
        s = ev.summarize(results)
        self.assertEqual(ev.check_baseline(s, self.FLOORS)[0], [])
        failures, _ = ev.check_baseline(
            s, dict(self.FLOORS, byline_rate=0.6, byline_in_reference_rate=0.8))
        self.assertEqual(failures, ["byline_rate 0.5000 is below the floor 0.6000 by 0.1000",
                                    "byline_in_reference_rate 0.7500 is below the floor "
                                    "0.8000 by 0.0500"])
        floors = ev.make_baseline(s, 0.5)
        self.assertEqual((floors["byline_rate"], floors["byline_in_reference_rate"]), (0.5, 0.75))
        self.assertEqual(ev.check_baseline(s, floors)[0], [])

    def test_floor3_rounds_down_and_passes_itself(self):
        self.assertEqual(ev.floor3(0.28599), 0.285)
        self.assertEqual(ev.floor3(0.285), 0.285)
        self.assertEqual(ev.floor3(0.9999), 0.999)
        self.assertEqual(ev.floor3(1.0), 1.0)
        for f1s in ([0.1, 0.2, 0.3], [0.7, 0.29, 0.57], [1 / 3, 2 / 3, 0.58]):
            s, _ = summary_of(f1s, title=(2, 3))
            floors = ev.make_baseline(s, 0.5)
            self.assertLessEqual(floors["mean_f1"], s.mean_f1)
            self.assertEqual(ev.check_baseline(s, floors)[0], [])

    def test_make_baseline(self):
        s, _ = summary_of([0.8125, 0.5], errors=1, title=(1, 2))
        self.assertEqual(ev.make_baseline(s, 0.4),
                         {"mean_f1": 0.656, "title_rate": 0.5, "max_errors": 1,
                          "per_page_f1_floor": 0.4})

    def test_load_baseline_rejects_bad_files(self):
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp, "b.json")
            for text in ("{", "[]", '{"mean_f1": 0.5}',
                         '{"mean_f1": 0.5, "title_rate": 0.5, "max_errors": 0, "meanf1": 1}',
                         '{"mean_f1": "high", "title_rate": 0.5, "max_errors": 0}',
                         '{"mean_f1": 0.5, "title_rate": 0.5, "max_errors": 1.5}'):
                path.write_text(text)
                with self.assertRaises(ev.UsageError, msg=text):
                    ev.load_baseline(path)
            with self.assertRaises(ev.UsageError):
                ev.load_baseline(Path(tmp, "missing.json"))


# ----------------------------------------------------------------------------- end to end

FAKE_EXTRACTOR = r'''
import json, os, sys
path = sys.argv[-1]
case = os.path.basename(os.path.dirname(path))
mode = os.environ.get("FAKE_MODE", "good")
if mode == "refuse" or (mode == "mixed" and case == "beta-case"):
    sys.stderr.write("pressparse: %s: HTML input is not supported by this build\n" % path)
    sys.exit(1)
if mode == "garbage":
    print("{not json")
    sys.exit(0)
if case == "alpha-case":
    doc = {"schema_version": 1, "headline": "The  Lantern Fair",
           "source": "By Mira Okafor", "date": "2031-05-06T12:00:00+03:00",
           "body": [{"type": "paragraph", "text": "Lanterns lit the square on Friday."},
                    {"type": "caption", "text": None, "credit": "Photo: Tomas Veld"}]}
else:
    doc = {"schema_version": 1, "headline": "Quiet harbour", "source": None,
           "date": "2031-07-01",
           "body": [{"type": "paragraph", "text": "Boats rested. Gulls argued loudly."}]}
print(json.dumps(doc))
'''

CASES = {
    "alpha-case": (
        "<div><h1>The Lantern Fair</h1><p>Lanterns lit the <em>square</em> on Friday.</p>"
        "<figure><figcaption>Photo: Tomas Veld</figcaption></figure>"
        "<script>track()</script></div>",
        {"title": "The Lantern Fair", "byline": "Mira Okafor",
         "publishedTime": "2031-05-06T09:00:00Z", "siteName": None}),
    "beta-case": (
        "<div><p>Boats rested in the harbour.</p><p>Gulls argued.</p></div>",
        {"title": "A quiet harbour", "byline": None, "publishedTime": None}),
}


class EndToEndTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.root = Path(self.tmp.name)
        self.cases = self.root / "cases"
        for name, (expected_html, meta) in CASES.items():
            d = self.cases / name
            d.mkdir(parents=True)
            (d / "source.html").write_text("<html><body>invented page</body></html>")
            (d / "expected.html").write_text(expected_html)
            (d / "expected-metadata.json").write_text(json.dumps(meta))
        (self.cases / "not-a-case").mkdir()  # no source.html: ignored
        self.fake = self.root / "fake-pressparse"
        self.fake.write_text(f"#!{sys.executable}\n" + FAKE_EXTRACTOR)
        self.fake.chmod(self.fake.stat().st_mode | stat.S_IXUSR)

    def tearDown(self):
        self.tmp.cleanup()

    def tool(self, *args, mode="good"):
        env = dict(os.environ, FAKE_MODE=mode, PYTHONDONTWRITEBYTECODE="1")
        return subprocess.run(
            [sys.executable, str(TOOL), "--pressparse", str(self.fake),
             "--cases", str(self.cases), *args],
            capture_output=True, text=True, env=env, timeout=120)

    def read_report(self, path):
        lines = Path(path).read_text().splitlines()
        self.assertEqual(lines[0].split("\t"), list(ev.TSV_COLUMNS))
        return {row.split("\t")[0]: row.split("\t") for row in lines[1:]}

    def test_good_run(self):
        report = self.root / "report.tsv"
        proc = self.tool("--jobs", "2", "--report", str(report))
        self.assertEqual(proc.returncode, 0, proc.stderr)
        rows = self.read_report(report)
        self.assertEqual(sorted(rows), ["alpha-case", "beta-case"])
        # alpha: extracted = lanterns lit the square on friday photo tomas veld (9);
        # expected adds "the lantern fair" (3 more, "the" twice) -> P 9/9, R 9/12.
        self.assertEqual(rows["alpha-case"],
                         ["alpha-case", "ok", "1.0000", "0.7500", "0.8571", "1", "1", "1", ""])
        # beta: extracted 5 tokens, expected 7; overlap boats rested gulls argued = 4.
        self.assertEqual(rows["beta-case"][:8],
                         ["beta-case", "ok", "0.8000", "0.5714", "0.6667", "0", "-", "-"])
        out = proc.stdout
        self.assertIn("cases:          2", out)
        self.assertIn("errors:         0", out)
        self.assertIn("title match:    0.500 (1/2)", out)
        self.assertIn("byline match:   1.000 (1/1)", out)
        self.assertIn("date match:     1.000 (1/1)", out)
        self.assertIn("worst 2 by F1:", out)
        self.assertEqual(out.splitlines()[-1], "2 passed, 0 failed")

    def test_refused_html_counts_as_errors(self):
        report = self.root / "report.tsv"
        proc = self.tool("--report", str(report), mode="refuse")
        self.assertEqual(proc.returncode, 0, proc.stderr)
        rows = self.read_report(report)
        self.assertEqual(rows["alpha-case"],
                         ["alpha-case", "error", "0.0000", "0.0000", "0.0000", "0", "0", "0",
                          "exit 1: HTML input is not supported by this build"])
        self.assertEqual(rows["beta-case"][5:8], ["0", "-", "-"])
        self.assertIn("errors:         2", proc.stdout)
        self.assertIn("mean F1:        0.0000", proc.stdout)
        self.assertEqual(proc.stdout.splitlines()[-1], "0 passed, 2 failed")

    def test_unparsable_json_is_an_error(self):
        report = self.root / "report.tsv"
        proc = self.tool("--report", str(report), mode="garbage")
        self.assertEqual(proc.returncode, 0, proc.stderr)
        rows = self.read_report(report)
        self.assertEqual(rows["beta-case"][1], "error")
        self.assertTrue(rows["beta-case"][8].startswith("unparsable JSON"))

    def test_timeout_is_an_error(self):
        slow = self.root / "slow-pressparse"
        slow.write_text(f"#!{sys.executable}\nimport time\ntime.sleep(10)\n")
        slow.chmod(slow.stat().st_mode | stat.S_IXUSR)
        result = ev.evaluate_case(str(slow), self.cases / "alpha-case", timeout=0.5)
        self.assertFalse(result.ok)
        self.assertEqual(result.error, "timeout after 0.5 s")
        self.assertEqual((result.precision, result.recall, result.f1), (0.0, 0.0, 0.0))
        self.assertEqual((result.title, result.byline, result.date), (False, False, False))

    def test_per_page_floor_from_baseline(self):
        baseline = self.root / "b.json"
        baseline.write_text(json.dumps({"mean_f1": 0.1, "title_rate": 0.1, "max_errors": 0,
                                        "per_page_f1_floor": 0.7}))
        proc = self.tool("--baseline", str(baseline))
        self.assertEqual(proc.returncode, 0, proc.stdout + proc.stderr)
        self.assertIn("baseline: all floors met", proc.stdout)
        self.assertEqual(proc.stdout.splitlines()[-1], "1 passed, 1 failed")

    def test_write_then_gate(self):
        baseline = self.root / "b.json"
        proc = self.tool("--write-baseline", str(baseline))
        self.assertEqual(proc.returncode, 0, proc.stderr)
        floors = json.loads(baseline.read_text())
        # mean F1 = (0.857142... + 0.666666...) / 2 = 0.761904...
        self.assertEqual(floors, {"mean_f1": 0.761, "title_rate": 0.5, "max_errors": 0,
                                  "per_page_f1_floor": 0.5, "date_rate": 1.0,
                                  "byline_rate": 1.0, "byline_in_reference_rate": 1.0})

        proc = self.tool("--baseline", str(baseline))
        self.assertEqual(proc.returncode, 0, proc.stdout)

        # A regression: one page now refused.
        proc = self.tool("--baseline", str(baseline), "--write-baseline", str(baseline),
                         mode="mixed")
        self.assertEqual(proc.returncode, 1, proc.stdout)
        self.assertIn("baseline FAILED: mean_f1 0.4286 is below the floor 0.7610 by 0.3324",
                      proc.stdout)
        self.assertIn("baseline FAILED: errors 1 exceed max_errors 0 by 1", proc.stdout)
        self.assertNotIn("title_rate", proc.stdout.replace("title match", ""))
        self.assertIn("baseline not written", proc.stdout)
        self.assertEqual(json.loads(baseline.read_text())["mean_f1"], 0.761)
        self.assertEqual(proc.stdout.splitlines()[-1], "1 passed, 1 failed")

        # Rewriting keeps a raised per-page floor.
        floors["per_page_f1_floor"] = 0.65
        baseline.write_text(json.dumps(floors))
        proc = self.tool("--write-baseline", str(baseline), mode="mixed")
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertEqual(json.loads(baseline.read_text()),
                         {"mean_f1": 0.428, "title_rate": 0.5, "max_errors": 1,
                          "per_page_f1_floor": 0.65, "date_rate": 1.0, "byline_rate": 1.0,
                          "byline_in_reference_rate": 1.0})

    def test_title_floor(self):
        baseline = self.root / "b.json"
        baseline.write_text(json.dumps({"mean_f1": 0.0, "title_rate": 0.75, "max_errors": 5}))
        proc = self.tool("--baseline", str(baseline))
        self.assertEqual(proc.returncode, 1)
        self.assertIn("baseline FAILED: title_rate 0.5000 is below the floor 0.7500 by 0.2500",
                      proc.stdout)

    def test_usage_errors(self):
        missing_dir = [sys.executable, str(TOOL), "--pressparse", str(self.fake),
                       "--cases", str(self.root / "nowhere")]
        missing_bin = [sys.executable, str(TOOL), "--pressparse", str(self.root / "nope"),
                       "--cases", str(self.cases)]
        not_exec = self.root / "plain"
        not_exec.write_text("")
        plain_bin = [sys.executable, str(TOOL), "--pressparse", str(not_exec),
                     "--cases", str(self.cases)]
        no_args = [sys.executable, str(TOOL)]
        empty = self.root / "empty"
        empty.mkdir()
        no_cases = [sys.executable, str(TOOL), "--pressparse", str(self.fake),
                    "--cases", str(empty)]
        for argv in (missing_dir, missing_bin, plain_bin, no_args, no_cases):
            proc = subprocess.run(argv, capture_output=True, text=True, timeout=60)
            self.assertEqual(proc.returncode, 2, (argv, proc.stdout, proc.stderr))
            self.assertTrue(proc.stderr.strip(), argv)
        for extra in (["--jobs", "0"], ["--baseline", str(self.root / "none.json")],
                      ["--report", str(self.root / "no" / "dir.tsv")]):
            proc = self.tool(*extra)
            self.assertEqual(proc.returncode, 2, (extra, proc.stdout, proc.stderr))


if __name__ == "__main__":
    unittest.main()
