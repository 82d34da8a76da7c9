#!/usr/bin/env python3
"""Tests for eval_web.py (standard library unittest; all pages and truths invented here).

Run:  python3 tools/test_eval_web.py
"""

import gzip
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

import eval_web as ew  # noqa: E402

TOOL = TOOLS / "eval_web.py"


class TextTest(unittest.TestCase):
    def test_tokens_split_on_white_space_only(self):
        self.assertEqual(ew.tokens("  The cat,\tsat.\u00a0Down\n"), ["The", "cat,", "sat.", "Down"])
        self.assertEqual(ew.tokens(""), [])
        self.assertEqual(ew.tokens(None), [])
        self.assertEqual(ew.tokens(" \n "), [])

    def test_collapse(self):
        self.assertEqual(ew.collapse("  a \n\t b  "), "a b")
        self.assertEqual(ew.collapse(None), "")

    def test_article_text(self):
        record = {"body": [{"type": "paragraph", "text": "First line."},
                           {"type": "caption", "text": "A caption"},
                           {"type": "paragraph", "text": "  "},
                           {"type": "paragraph"}],
                  "reader_comments": [{"text": "Nice."}, "Plain string comment", {}]}
        self.assertEqual(ew.article_text(record, False), "First line.\nA caption")
        self.assertEqual(ew.article_text(record, True),
                         "First line.\nA caption\nNice.\nPlain string comment")
        self.assertEqual(ew.article_text({"body": [{"text": "x"}]}, True), "x")
        self.assertEqual(ew.article_text({}, True), "")


class TokenScoreTest(unittest.TestCase):
    def test_identical(self):
        self.assertEqual(ew.token_prf("the cat sat", "the\ncat  sat"), (1.0, 1.0, 1.0))

    def test_case_and_punctuation_count(self):
        p, r, f = ew.token_prf("The cat sat.", "the cat sat")
        self.assertAlmostEqual(p, 1 / 3)
        self.assertAlmostEqual(r, 1 / 3)
        self.assertAlmostEqual(f, 1 / 3)

    def test_partial_and_multiset(self):
        # truth 6 tokens, output 4; "the" twice in the truth, once in the output.
        p, r, f = ew.token_prf("the cat sat on the mat", "the cat sat down")
        self.assertAlmostEqual(p, 3 / 4)
        self.assertAlmostEqual(r, 3 / 6)
        self.assertAlmostEqual(f, 2 * 0.75 * 0.5 / 1.25)
        p, r, _ = ew.token_prf("the end", "the the")
        self.assertAlmostEqual(p, 0.5)
        self.assertAlmostEqual(r, 0.5)

    def test_empty_sides(self):
        self.assertEqual(ew.token_prf("", ""), (1.0, 1.0, 1.0))
        self.assertEqual(ew.token_prf("", "extra words"), (0.0, 1.0, 0.0))
        self.assertEqual(ew.token_prf("some words", None), (0.0, 0.0, 0.0))
        self.assertEqual(ew.token_prf("alpha", "beta"), (0.0, 0.0, 0.0))


class SnippetTest(unittest.TestCase):
    def test_counts(self):
        text = "Lanterns lit\nthe square.  Share this page"
        self.assertEqual(ew.snippet_counts(["lit the  square", "harbour"], ["Share this", "Menu"],
                                           text), (1, 1, 1))
        self.assertEqual(ew.snippet_counts(["a"], [], None), (0, 1, 0))
        self.assertEqual(ew.snippet_counts([], [], "anything"), (0, 0, 0))

    def test_count_prf(self):
        p, r, f = ew.count_prf(tp=6, fp=2, fn=4)
        self.assertAlmostEqual(p, 6 / 8)
        self.assertAlmostEqual(r, 6 / 10)
        self.assertAlmostEqual(f, 12 / 18)
        self.assertEqual(ew.count_prf(0, 0, 0), (0.0, 0.0, 0.0))


class DateTest(unittest.TestCase):
    def test_day(self):
        self.assertEqual(ew.day("2021-03-04T10:00:00+02:00"), "2021-03-04")
        self.assertEqual(ew.day(" 2021-03-04 "), "2021-03-04")
        self.assertIsNone(ew.day(""))
        self.assertIsNone(ew.day(None))
        self.assertIsNone(ew.day(20210304))

    def test_outcome(self):
        self.assertEqual(ew.date_outcome("2021-03-04", "2021-03-04"), "correct")
        self.assertEqual(ew.date_outcome("2021-03-04", "2021-03-05"), "wrong")
        self.assertEqual(ew.date_outcome("2021-03-04", None), "missing")
        # No date in the truth: any answer is wrong, none is a miss (htmldate's default).
        self.assertEqual(ew.date_outcome(None, "2021-03-04"), "wrong")
        self.assertEqual(ew.date_outcome(None, None), "missing")


def make_set(root, name, metric, truth, comments=False):
    d = Path(root) / name
    (d / "pages").mkdir(parents=True)
    (d / "set.json").write_text(json.dumps({"name": name, "metric": metric,
                                            "comments_in_truth": comments}))
    (d / "truth.jsonl").write_text("".join(json.dumps(t) + "\n" for t in truth))
    for t in truth:
        (d / "pages" / (t["id"] + ".html.gz")).write_bytes(b"")
    return d


def record(path, fmt="html", body=(), comments=None, date=None):
    rec = {"input": {"path": path, "format": fmt},
           "body": [{"type": "paragraph", "text": t} for t in body]}
    if comments is not None:
        rec["reader_comments"] = [{"text": c} for c in comments]
    if date is not None:
        rec["date"] = date
    return rec


class ScoreSetTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()

    def tearDown(self):
        self.tmp.cleanup()

    def test_tokens_set(self):
        truth = [{"id": "a", "text": "one two three four"},
                 {"id": "b", "text": "alpha beta"},
                 {"id": "c", "text": "gone"},
                 {"id": "d", "text": "never run"}]
        d = make_set(self.tmp.name, "toy", "tokens", truth, comments=True)
        meta, loaded = ew.load_set(d)
        p = {t["id"]: ew.page_path(d, t["id"]) for t in truth}
        records = {p["a"]: record(p["a"], body=["one two"], comments=["three four"]),
                   p["b"]: record(p["b"], fmt="text", body=["alpha gamma"]),
                   p["c"]: {"input": {"path": p["c"]}, "error": {"code": "empty"}}}
        s = ew.score_set(d, meta, loaded, records)
        self.assertEqual((s.name, s.metric, s.pages), ("toy", "tokens", 4))
        self.assertEqual((s.errors, s.empty, s.read_as_text), (2, 2, 1))
        self.assertAlmostEqual(s.precision, (1 + 0.5) / 4)
        self.assertAlmostEqual(s.recall, (1 + 0.5) / 4)
        self.assertAlmostEqual(s.f1, (1 + 0.5) / 4)
        self.assertEqual([r.id for r in ew.worst(s, 3)], ["c", "d", "b"])
        self.assertEqual([r.status for r in s.results], ["ok", "ok", "error", "error"])

    def test_comments_left_out_unless_in_truth(self):
        truth = [{"id": "a", "text": "one two"}]
        d = make_set(self.tmp.name, "toy", "tokens", truth)
        meta, loaded = ew.load_set(d)
        path = ew.page_path(d, "a")
        s = ew.score_set(d, meta, loaded,
                         {path: record(path, body=["one two"], comments=["spam spam"])})
        self.assertEqual(s.f1, 1.0)

    def test_snippets_set(self):
        truth = [{"id": "a", "with": ["lit the square", "gulls argued"], "without": ["Share"]},
                 {"id": "b", "with": ["boats rested"], "without": ["Menu", "Log in"]}]
        d = make_set(self.tmp.name, "snips", "snippets", truth)
        meta, loaded = ew.load_set(d)
        pa, pb = ew.page_path(d, "a"), ew.page_path(d, "b")
        records = {pa: record(pa, body=["Lanterns lit the", "square. Share"]),
                   pb: record(pb, body=["The boats rested.", "Log in"])}
        s = ew.score_set(d, meta, loaded, records)
        # tp 2 (lit the square, boats rested), fn 1 (gulls argued), fp 2 (Share, Log in).
        self.assertEqual({k: s.counts[k] for k in ("tp", "fp", "fn")}, {"tp": 2, "fp": 2, "fn": 1})
        self.assertAlmostEqual(s.precision, 0.5)
        self.assertAlmostEqual(s.recall, 2 / 3)
        self.assertAlmostEqual(s.f1, 4 / 7)
        self.assertEqual([r.detail for r in ew.worst(s, 1)], ["missed 1 leaked 1"])

    def test_dates_set(self):
        truth = [{"id": "a", "date": "2020-01-02"}, {"id": "b", "date": "2020-01-02"},
                 {"id": "c", "date": "2020-01-02"}, {"id": "d", "date": None},
                 {"id": "e", "date": "2020-01-02"}]
        d = make_set(self.tmp.name, "days", "date-day", truth)
        meta, loaded = ew.load_set(d)
        p = {t["id"]: ew.page_path(d, t["id"]) for t in truth}
        records = {p["a"]: record(p["a"], date="2020-01-02T23:30:00+02:00"),
                   p["b"]: record(p["b"], date="2020-01-03"),
                   p["c"]: record(p["c"]),
                   p["d"]: record(p["d"], date="2019-05-05")}
        s = ew.score_set(d, meta, loaded, records)
        self.assertEqual({k: s.counts.get(k, 0) for k in ("tp", "fp", "fn")},
                         {"tp": 1, "fp": 2, "fn": 2})
        self.assertEqual({k: s.counts.get(k, 0) for k in ("correct", "wrong", "missing", "error")},
                         {"correct": 1, "wrong": 2, "missing": 1, "error": 1})
        self.assertEqual(s.errors, 1)
        self.assertAlmostEqual(s.precision, 1 / 3)
        self.assertAlmostEqual(s.recall, 1 / 3)
        self.assertAlmostEqual(s.f1, 2 / 6)
        self.assertEqual([r.id for r in ew.worst(s, 10)], ["b", "d", "c", "e"])

    def test_schema_rejections_are_counted(self):
        try:
            import jsonschema  # noqa: F401
        except ImportError:
            self.skipTest("python3-jsonschema is not installed")
        schema = Path(self.tmp.name) / "schema.json"
        # A record's date must be a calendar date or a date-time with its offset.
        schema.write_text(json.dumps({
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "$defs": {"record": {"type": "object", "properties": {"date": {
                "type": "string",
                "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}(T[0-9:]{8}([+-][0-9]{2}:[0-9]{2}))?$"}}}}}))
        validator = ew.load_validator(str(schema))
        truth = [{"id": "a", "date": "2020-01-02"}, {"id": "b", "date": "2020-01-02"},
                 {"id": "c", "date": "2020-01-02"}]
        d = make_set(self.tmp.name, "days", "date-day", truth)
        meta, loaded = ew.load_set(d)
        p = {t["id"]: ew.page_path(d, t["id"]) for t in truth}
        records = {p["a"]: record(p["a"], date="2020-01-02T10:00:00+02:00"),
                   p["b"]: record(p["b"], date="2020-01-02T10:00:00"),
                   p["c"]: record(p["c"], date="2020-01-02")}
        s = ew.score_set(d, meta, loaded, records, validator)
        self.assertEqual(s.invalid, 1)
        self.assertTrue(s.rejected[0].startswith("b: at date: "), s.rejected)
        self.assertEqual(ew.score_set(d, meta, loaded, records).invalid, 0)
        with self.assertRaises(ew.UsageError):
            ew.load_validator(str(Path(self.tmp.name) / "none.json"))

    def test_stated_metadata_rates(self):
        truth = [{"id": "a", "text": "x"}, {"id": "b", "text": "x"}, {"id": "c", "text": "x"}]
        d = make_set(self.tmp.name, "toy", "tokens", truth)
        pages = {
            "a": b'<meta property="og:description" content="A summary."><meta property="og:image"'
                 b' content="https://cdn.example/a.jpg"><meta property="article:tag" content="x">',
            "b": b"<META NAME=description CONTENT='Another.'><meta property=og:image "
                 b'content="/relative.jpg"><meta property="article:tag" content=" ">',
            "c": b"<p>no metadata</p>",
        }
        for page_id, html in pages.items():
            Path(ew.page_path(d, page_id)).write_bytes(gzip.compress(html))
        self.assertEqual(ew.stated_metadata(ew.page_path(d, "a")), {"description", "image", "tags"})
        self.assertEqual(ew.stated_metadata(ew.page_path(d, "b")), {"description"})
        self.assertEqual(ew.stated_metadata(ew.page_path(d, "c")), set())
        meta, loaded = ew.load_set(d)
        p = {t["id"]: ew.page_path(d, t["id"]) for t in truth}
        records = {p["a"]: dict(record(p["a"], body=["x"]), description="A summary.",
                                image=None, tags=["x"]),
                   p["b"]: dict(record(p["b"], body=["x"]), description=None)}
        s = ew.score_set(d, meta, loaded, records)
        self.assertEqual(s.metadata, {"description": (2, 1), "image": (1, 0), "tags": (1, 1)})
        self.assertEqual(s.metadata_rate("description"), 0.5)
        self.assertEqual(ew.make_floors(s)["image_rate"], 0.0)
        self.assertEqual(ew.check_floors(s, {"f1": 0, "max_errors": 9, "max_read_as_text": 9,
                                             "max_invalid": 9, "description_rate": 0.6}),
                         ["toy: description_rate 0.5000 is below the floor 0.6000 by 0.1000"])

    def test_parse_records(self):
        out = "\n".join([json.dumps({"input": {"path": "x"}, "body": []}), "not json",
                         json.dumps({"summary": {}}), json.dumps([1]), ""])
        self.assertEqual(list(ew.parse_records(out)), ["x"])

    def test_bad_sets(self):
        bad = Path(self.tmp.name) / "bad"
        bad.mkdir()
        with self.assertRaises(ew.UsageError):
            ew.load_set(bad)
        (bad / "set.json").write_text(json.dumps({"name": "bad", "metric": "vibes"}))
        (bad / "truth.jsonl").write_text(json.dumps({"id": "a", "text": ""}) + "\n")
        with self.assertRaises(ew.UsageError):
            ew.load_set(bad)
        (bad / "set.json").write_text(json.dumps({"name": "bad", "metric": "tokens"}))
        (bad / "truth.jsonl").write_text(json.dumps({"text": "no id"}) + "\n")
        with self.assertRaises(ew.UsageError):
            ew.load_set(bad)


def result_of(f1=0.8, errors=0, as_text=0, invalid=0):
    rejected = [f"p{i}: at date: bad" for i in range(invalid)]
    return ew.SetResult("toy", "tokens", 10, f1, f1, f1, errors, 0, as_text, rejected, {}, [])


class BaselineTest(unittest.TestCase):
    FLOORS = {"f1": 0.75, "max_errors": 1, "max_read_as_text": 2, "max_invalid": 0}

    def test_pass(self):
        self.assertEqual(ew.check_floors(result_of(0.75, 1, 2), self.FLOORS), [])

    def test_each_floor_fails(self):
        self.assertEqual(ew.check_floors(result_of(f1=0.7), self.FLOORS),
                         ["toy: F1 0.7000 is below the floor 0.7500 by 0.0500"])
        self.assertEqual(ew.check_floors(result_of(errors=3), self.FLOORS),
                         ["toy: errors 3 exceed max_errors 1 by 2"])
        self.assertEqual(ew.check_floors(result_of(as_text=3), self.FLOORS),
                         ["toy: HTML pages read as text 3 exceed max_read_as_text 2 by 1"])
        self.assertEqual(ew.check_floors(result_of(invalid=2), self.FLOORS),
                         ["toy: records the schema rejects 2 exceed max_invalid 0 by 2"])

    def test_make_floors_round_down_and_pass(self):
        r = result_of(0.81479, 2, 5)
        floors = ew.make_floors(r)
        self.assertEqual(floors, {"f1": 0.814, "max_errors": 2, "max_read_as_text": 5,
                                  "max_invalid": 0})
        self.assertEqual(ew.check_floors(r, floors), [])

    def test_load_baseline_rejects_bad_files(self):
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "b.json"
            good = {"toy": dict(self.FLOORS)}
            path.write_text(json.dumps(good))
            self.assertEqual(ew.load_baseline(path), good)
            bad = ["[]", "{", json.dumps({"toy": 1}),
                   json.dumps({"toy": {"f1": 0.5, "max_errors": 0}}),
                   json.dumps({"toy": dict(self.FLOORS, extra=1)}),
                   json.dumps({"toy": dict(self.FLOORS, f1="high")}),
                   json.dumps({"toy": dict(self.FLOORS, max_errors=1.5)}),
                   json.dumps({"toy": dict(self.FLOORS, max_read_as_text=-1)}),
                   json.dumps({"toy": dict(self.FLOORS, f1=True)})]
            for text in bad:
                path.write_text(text)
                with self.assertRaises(ew.UsageError, msg=text):
                    ew.load_baseline(path)
            with self.assertRaises(ew.UsageError):
                ew.load_baseline(Path(tmp) / "none.json")


# Stands in for pressparse: reads the list after --files-from and prints one record per path,
# built from the page's id. FAKE_MODE=worse drops a word and refuses one page; crash exits 2.
FAKE_PRESSPARSE = r'''
import json, os, sys
args = sys.argv[1:]
assert args[:2] == ["-q", "-j"] and args[3] == "--files-from", args
mode = os.environ.get("FAKE_MODE", "good")
if mode == "crash":
    print("pressparse: cannot start", file=sys.stderr)
    sys.exit(2)
texts = {"p1": "red green blue", "p2": "one two three four"}
status = 0
for path in open(args[4]).read().split("\n"):
    if not path:
        continue
    pid = os.path.basename(path)[:-len(".html.gz")]
    text = texts[pid]
    if mode == "worse":
        if pid == "p2":
            print(json.dumps({"input": {"path": path}, "error": {"code": "binary"}}))
            status = 1
            continue
        text = " ".join(text.split()[1:])
    fmt = "text" if pid == "p2" else "html"
    print(json.dumps({"input": {"path": path, "format": fmt},
                      "body": [{"type": "paragraph", "text": text}]}))
sys.exit(status)
'''


class EndToEndTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.root = Path(self.tmp.name)
        self.set = make_set(self.root, "toy", "tokens",
                            [{"id": "p1", "text": "red green blue"},
                             {"id": "p2", "text": "one two three four five six seven eight"}])
        self.fake = self.root / "fake-pressparse"
        self.fake.write_text(f"#!{sys.executable}\n" + FAKE_PRESSPARSE)
        self.fake.chmod(self.fake.stat().st_mode | stat.S_IXUSR)
        self.baseline = self.root / "baseline.json"

    def tearDown(self):
        self.tmp.cleanup()

    def tool(self, *args, mode="good", binary=None):
        env = dict(os.environ, FAKE_MODE=mode, PYTHONDONTWRITEBYTECODE="1")
        return subprocess.run(
            [sys.executable, str(TOOL), "--pressparse", str(binary or self.fake), "--jobs", "2",
             *args], capture_output=True, text=True, env=env, timeout=120)

    def test_report_and_worst(self):
        report = self.root / "pages.tsv"
        proc = self.tool("--show-worst", "1", "--report", str(report), str(self.set))
        self.assertEqual(proc.returncode, 0, proc.stderr)
        # p1: 1.0; p2: P 4/4 R 4/8 F1 2/3 -> mean P 1, R 0.75, F1 0.833.
        self.assertIn("set toy: 2 pages, metric tokens", proc.stdout)
        self.assertIn("P 1.000  R 0.750  F1 0.833", proc.stdout)
        self.assertIn("errors 0  empty texts 0  HTML read as text 1", proc.stdout)
        self.assertIn("worst 1:", proc.stdout)
        self.assertIn(" 0.667  p2  P 1.00 R 0.50", proc.stdout)
        rows = report.read_text().splitlines()
        self.assertEqual(rows[0].split("\t"), list(ew.TSV_COLUMNS))
        self.assertEqual([r.split("\t")[1] for r in rows[1:]], ["p2", "p1"])

    def test_write_then_gate(self):
        other = {"elsewhere": {"f1": 0.5, "max_errors": 0, "max_read_as_text": 0,
                               "max_invalid": 0}}
        self.baseline.write_text(json.dumps(other))
        proc = self.tool("--write-baseline", str(self.baseline), str(self.set))
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertEqual(json.loads(self.baseline.read_text()),
                         dict(other, toy={"f1": 0.833, "max_errors": 0, "max_read_as_text": 1,
                                          "max_invalid": 0}))
        proc = self.tool("--baseline", str(self.baseline), str(self.set))
        self.assertEqual(proc.returncode, 0, proc.stdout)
        self.assertIn("baseline: all floors met", proc.stdout)

        proc = self.tool("--baseline", str(self.baseline), "--write-baseline",
                         str(self.baseline), str(self.set), mode="worse")
        self.assertEqual(proc.returncode, 1, proc.stdout + proc.stderr)
        # p1 now "green blue": P 1, R 2/3, F1 0.8; p2 an error: 0 -> F1 0.4.
        self.assertIn("baseline FAILED: toy: F1 0.4000 is below the floor 0.8330 by 0.4330",
                      proc.stdout)
        self.assertIn("baseline FAILED: toy: errors 1 exceed max_errors 0 by 1", proc.stdout)
        self.assertIn("baseline not written", proc.stdout)
        self.assertEqual(json.loads(self.baseline.read_text())["toy"]["f1"], 0.833)

    def test_set_without_floors(self):
        self.baseline.write_text(json.dumps({}))
        proc = self.tool("--baseline", str(self.baseline), str(self.set))
        self.assertEqual(proc.returncode, 2)
        self.assertIn("no floors for set toy", proc.stderr)

    def test_pressparse_failing_to_run(self):
        proc = self.tool(str(self.set), mode="crash")
        self.assertEqual(proc.returncode, 2)
        self.assertEqual(proc.stderr.strip(),
                         "eval_web.py: pressparse exited with 2: pressparse: cannot start")
        slow = self.root / "slow"
        slow.write_text(f"#!{sys.executable}\nimport time\ntime.sleep(10)\n")
        slow.chmod(slow.stat().st_mode | stat.S_IXUSR)
        proc = self.tool("--timeout", "0.5", str(self.set), binary=slow)
        self.assertEqual(proc.returncode, 2)
        self.assertIn("longer than 0.5 s", proc.stderr)

    def test_usage_errors(self):
        plain = self.root / "plain"
        plain.write_text("")
        for argv in ([str(self.root / "nowhere")], ["--jobs", "0", str(self.set)],
                     ["--baseline", str(self.root / "none.json"), str(self.set)],
                     ["--report", str(self.root / "no" / "dir.tsv"), str(self.set)], []):
            proc = self.tool(*argv)
            self.assertEqual(proc.returncode, 2, (argv, proc.stdout, proc.stderr))
            self.assertTrue(proc.stderr.strip(), argv)
        for binary in (self.root / "nope", plain):
            proc = self.tool(str(self.set), binary=binary)
            self.assertEqual(proc.returncode, 2, proc.stderr)


if __name__ == "__main__":
    unittest.main()
