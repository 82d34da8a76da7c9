#!/usr/bin/env python3
"""Evaluate pressparse's extraction quality over a directory of readability-style cases.

Each case is a directory holding source.html (the page), expected.html (the article as a
reference extractor kept it) and expected-metadata.json (title, byline, publishedTime, ...).
For every case the tool runs

    pressparse --input-format html CASE/source.html

and scores the JSON it prints:

* body text: bag-of-words precision / recall / F1 of the text of every block in "body"
  (captions and their credits included) against the text content of expected.html;
* metadata: "headline" vs title, "source" vs byline, "date" vs publishedTime, each only where
  the expected value is present; and "byline in ref.": "source" is the reference byline or a
  run of whole words of it (the reference is the byline element's text, labels, dates and
  addresses included, where pressparse gives the name alone); a reference that is a date line
  alone names no author and is not compared there.

A non-zero exit, a timeout or output that is not a JSON object is an error page (scores 0).
Results go to a per-case TSV (--report) and a summary on stdout whose last line is
"N passed, M failed". --baseline gates the run on floors (exit 1 when one is missed):
mean_f1, title_rate, max_errors, per_page_f1_floor, and date_rate, byline_rate and
byline_in_reference_rate when the file sets them;
--write-baseline records the current figures, rounded down, as the new floors.

Standard library only (Python 3.11).
"""

from __future__ import annotations

import argparse
import calendar
import concurrent.futures
import dataclasses
import json
import os
import re
import shutil
import stat
import statistics
import subprocess
import sys
import tempfile
import unicodedata
from collections import Counter
from datetime import datetime
from decimal import ROUND_FLOOR, Decimal
from html.parser import HTMLParser
from pathlib import Path

TIMEOUT_SECONDS = 30.0
DEFAULT_PAGE_FLOOR = 0.5
DEFAULT_SHOW_WORST = 10

EXIT_OK = 0
EXIT_GATE_FAILED = 1
EXIT_USAGE = 2

BASELINE_REQUIRED = ("mean_f1", "title_rate", "max_errors")
BASELINE_KEYS = BASELINE_REQUIRED + ("per_page_f1_floor", "date_rate", "byline_rate",
                                     "byline_in_reference_rate")

TSV_COLUMNS = ("case", "status", "precision", "recall", "f1",
               "title_ok", "byline_ok", "date_ok", "error")


class UsageError(Exception):
    """A problem with the command line or its files: exit status 2."""


# --------------------------------------------------------------------------- tokens and scores

def _is_punct_or_symbol(ch: str) -> bool:
    return unicodedata.category(ch)[0] in ("P", "S")


def tokenize(text: str) -> list[str]:
    """Whitespace tokens after NFC and casefolding, with leading/trailing punctuation and
    symbols (Unicode categories P* and S*) stripped; tokens left empty are dropped."""
    tokens = []
    for raw in unicodedata.normalize("NFC", text).casefold().split():
        start, end = 0, len(raw)
        while start < end and _is_punct_or_symbol(raw[start]):
            start += 1
        while end > start and _is_punct_or_symbol(raw[end - 1]):
            end -= 1
        if start < end:
            tokens.append(raw[start:end])
    return tokens


def prf(extracted: list[str], expected: list[str]) -> tuple[float, float, float]:
    """Bag-of-words precision, recall and F1 with multiset overlap.

    Both empty: (1, 1, 1). Only one empty: (0, 0, 0) - the undefined ratio counts as 0."""
    if not extracted and not expected:
        return 1.0, 1.0, 1.0
    if not extracted or not expected:
        return 0.0, 0.0, 0.0
    overlap = sum((Counter(extracted) & Counter(expected)).values())
    precision = overlap / len(extracted)
    recall = overlap / len(expected)
    if overlap == 0:
        return precision, recall, 0.0
    return precision, recall, 2 * precision * recall / (precision + recall)


def score_texts(extracted: str, expected: str) -> tuple[float, float, float]:
    return prf(tokenize(extracted), tokenize(expected))


# --------------------------------------------------------------------------- texts

# Tags whose start or end separates words. Everything else (a, b, span, em, ...) is inline:
# "foo<b>bar</b>" is the one word "foobar".
BLOCK_TAGS = frozenset("""
    address article aside blockquote body br caption center col colgroup dd details dialog dir
    div dl dt fieldset figcaption figure footer form frame frameset h1 h2 h3 h4 h5 h6 head header
    hgroup hr html legend li main menu nav noscript ol optgroup option p pre section summary
    table tbody td tfoot th thead title tr ul
""".split())
SKIPPED_TAGS = frozenset(("script", "style"))


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip_depth = 0

    def handle_starttag(self, tag, attrs):
        if tag in SKIPPED_TAGS:
            self.skip_depth += 1
        elif tag in BLOCK_TAGS:
            self.parts.append(" ")

    def handle_endtag(self, tag):
        if tag in SKIPPED_TAGS:
            self.skip_depth = max(0, self.skip_depth - 1)
        elif tag in BLOCK_TAGS:
            self.parts.append(" ")

    def handle_data(self, data):
        if not self.skip_depth:
            self.parts.append(data)


def html_text(html: str) -> str:
    """Text content of an HTML document: script and style skipped, block-level tags separate
    words, character references decoded."""
    collector = _TextCollector()
    collector.feed(html)
    collector.close()
    return "".join(collector.parts)


def body_text(doc: dict) -> str:
    """The text of every block of a pressparse document's body, credits included."""
    parts = []
    for block in doc.get("body") or []:
        if not isinstance(block, dict):
            continue
        for key in ("text", "credit"):
            value = block.get(key)
            if isinstance(value, str):
                parts.append(value)
    return "\n".join(parts)


# --------------------------------------------------------------------------- metadata

def normalize_meta(value, byline: bool = False) -> str | None:
    """NFC, white space collapsed and trimmed, casefolded; for a byline a leading "by " goes.
    None (absent) for anything that is not a string or is empty after normalising."""
    if not isinstance(value, str):
        return None
    text = " ".join(unicodedata.normalize("NFC", value).split()).casefold()
    if byline and text.startswith("by "):
        text = text[3:].lstrip()
    return text or None


def _parse_iso(value: str) -> datetime | None:
    text = value.strip()
    if text[-1:] in ("Z", "z"):
        text = text[:-1] + "+00:00"
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        return None


def dates_match(actual: str, expected: str) -> bool:
    """Two ISO 8601 strings name the same publication date.

    When both carry a time with a UTC offset, the instants must be equal to the second (the same instant
    written in two offsets may fall on two calendar dates, and is still the same date of
    publication). Otherwise the calendar dates, as written, must be equal. A string that
    datetime.fromisoformat cannot read is compared on its first 10 characters."""
    actual, expected = actual.strip(), expected.strip()
    a, e = _parse_iso(actual), _parse_iso(expected)
    if a is None or e is None:
        return actual[:10] == expected[:10]
    if a.tzinfo is not None and e.tzinfo is not None:
        # The output names instants to the second (schema iso_date): fractions are not compared.
        return a.replace(microsecond=0) == e.replace(microsecond=0)
    return a.date() == e.date()


def meta_ok(kind: str, expected, actual) -> bool | None:
    """None when the expected value is absent (not compared), else whether actual matches."""
    if kind == "date":
        if not isinstance(expected, str) or not expected.strip():
            return None
        return isinstance(actual, str) and bool(actual.strip()) and dates_match(actual, expected)
    want = normalize_meta(expected, byline=(kind == "byline"))
    if want is None:
        return None
    return normalize_meta(actual, byline=(kind == "byline")) == want


def byline_in_reference(expected, actual) -> bool | None:
    """None when no byline is expected; else whether the byline given is the reference's or a
    run of whole words of it ("Nathan Willis" in "By Nathan Willis March 25, 2015"). Readability's
    reference is the text of the page's byline element, label, date, address or job title
    included; a cleaned name agrees with it this way and not exactly."""
    want = normalize_meta(expected, byline=True)
    if want is None or names_no_one(want):
        return None
    got = normalize_meta(actual, byline=True)
    if got is None:
        return False
    return f" {got} " in f" {want} "


# Words of a byline element that only dates it ("Last updated: January 7, 2025 at 6:01 am").
_DATE_WORDS = frozenset(
    [m.casefold() for m in calendar.month_name[1:] + calendar.month_abbr[1:]]
    + [d.casefold() for d in calendar.day_name[:] + calendar.day_abbr[:]]
    + ["updated", "last", "published", "posted", "modified", "on", "at", "am", "pm", "a.m.",
       "p.m.", "utc", "gmt"])


def names_no_one(reference: str) -> bool:
    """Whether a normalised reference byline is a date line alone: every word a number, a
    month or day name or a dating word. Such a reference names no author to agree with."""
    words = [w.strip(".,:;|()") for w in reference.split()]
    return all(not w or w.isdigit() or re.fullmatch(r"[\d:./-]+", w) or w in _DATE_WORDS
               for w in words)


# (result field, pressparse JSON key, expected-metadata.json key)
META_FIELDS = (("title", "headline", "title"),
               ("byline", "source", "byline"),
               ("date", "date", "publishedTime"))


# --------------------------------------------------------------------------- running cases

@dataclasses.dataclass
class CaseResult:
    case: str
    ok: bool
    precision: float = 0.0
    recall: float = 0.0
    f1: float = 0.0
    title: bool | None = None
    byline: bool | None = None
    byline_in_reference: bool | None = None
    date: bool | None = None
    error: str = ""


def _one_line(text: str) -> str:
    return " ".join(text.split())


def run_extractor(binary: str, source: Path, timeout: float = TIMEOUT_SECONDS):
    """Run pressparse on one page. Returns (document, None) or (None, error message)."""
    try:
        proc = subprocess.run([binary, "--input-format", "html", str(source)],
                              stdin=subprocess.DEVNULL, capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None, f"timeout after {timeout:g} s"
    except OSError as exc:
        return None, f"could not run {binary}: {exc.strerror or exc}"
    if proc.returncode != 0:
        stderr = proc.stderr.decode("utf-8", "replace").strip()
        # "pressparse: PATH: reason" -> "reason"
        prefix = f"pressparse: {source}: "
        first = stderr.splitlines()[0] if stderr else ""
        if first.startswith(prefix):
            first = first[len(prefix):]
        status = (f"exit {proc.returncode}" if proc.returncode > 0
                  else f"killed by signal {-proc.returncode}")
        return None, _one_line(f"{status}: {first}" if first else status)
    try:
        doc = json.loads(proc.stdout.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        return None, _one_line(f"unparsable JSON: {exc}")
    if not isinstance(doc, dict) or not isinstance(doc.get("body", []), list):
        return None, "unparsable JSON: not a pressparse document (object with a body list)"
    return doc, None


def evaluate_case(binary: str, case_dir: Path, timeout: float = TIMEOUT_SECONDS) -> CaseResult:
    name = case_dir.name
    try:
        expected_html = (case_dir / "expected.html").read_text(encoding="utf-8",
                                                               errors="replace")
        metadata = json.loads((case_dir / "expected-metadata.json").read_text(encoding="utf-8"))
        if not isinstance(metadata, dict):
            raise ValueError("expected-metadata.json is not an object")
    except (OSError, ValueError) as exc:
        return CaseResult(name, ok=False, error=_one_line(f"bad case: {exc}"))

    doc, error = run_extractor(binary, case_dir / "source.html", timeout)
    result = CaseResult(name, ok=doc is not None, error=error or "")
    for field, doc_key, meta_key in META_FIELDS:
        verdict = meta_ok(field, metadata.get(meta_key), doc.get(doc_key) if doc else None)
        setattr(result, field, verdict)
    result.byline_in_reference = byline_in_reference(metadata.get("byline"),
                                                     doc.get("source") if doc else None)
    if doc is not None:
        result.precision, result.recall, result.f1 = score_texts(body_text(doc),
                                                                 html_text(expected_html))
    return result


def find_cases(cases_dir: Path) -> list[Path]:
    return sorted((d for d in cases_dir.iterdir() if (d / "source.html").is_file()),
                  key=lambda d: d.name)


def evaluate_all(binary: str, cases: list[Path], jobs: int,
                 timeout: float = TIMEOUT_SECONDS) -> list[CaseResult]:
    with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as pool:
        results = list(pool.map(lambda d: evaluate_case(binary, d, timeout), cases))
    return sorted(results, key=lambda r: r.case)


# --------------------------------------------------------------------------- summary and gate

@dataclasses.dataclass
class Rate:
    hits: int
    total: int

    @property
    def value(self) -> float | None:
        return self.hits / self.total if self.total else None

    def __str__(self) -> str:
        if not self.total:
            return "n/a (0 cases with an expected value)"
        return f"{self.value:.3f} ({self.hits}/{self.total})"


@dataclasses.dataclass
class Summary:
    cases: int
    errors: int
    mean_precision: float
    mean_recall: float
    mean_f1: float
    median_f1: float
    title: Rate
    byline: Rate
    date: Rate
    byline_in_reference: Rate = dataclasses.field(default_factory=lambda: Rate(0, 0))


def summarize(results: list[CaseResult]) -> Summary:
    n = len(results)

    def mean(values):
        return sum(values) / n if n else 0.0

    def rate(field):
        verdicts = [getattr(r, field) for r in results if getattr(r, field) is not None]
        return Rate(sum(1 for v in verdicts if v), len(verdicts))

    return Summary(
        cases=n,
        errors=sum(1 for r in results if not r.ok),
        mean_precision=mean([r.precision for r in results]),
        mean_recall=mean([r.recall for r in results]),
        mean_f1=mean([r.f1 for r in results]),
        median_f1=statistics.median([r.f1 for r in results]) if n else 0.0,
        title=rate("title"), byline=rate("byline"), date=rate("date"),
        byline_in_reference=rate("byline_in_reference"))


def load_baseline(path: Path) -> dict:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise UsageError(f"baseline {path}: {exc.strerror or exc}") from None
    except ValueError as exc:
        raise UsageError(f"baseline {path}: not valid JSON ({exc})") from None
    if not isinstance(data, dict):
        raise UsageError(f"baseline {path}: not a JSON object")
    unknown = sorted(set(data) - set(BASELINE_KEYS))
    if unknown:
        raise UsageError(f"baseline {path}: unknown key(s) {', '.join(unknown)} "
                         f"(expected {', '.join(BASELINE_KEYS)})")
    missing = [k for k in BASELINE_REQUIRED if k not in data]
    if missing:
        raise UsageError(f"baseline {path}: missing key(s) {', '.join(missing)}")
    for key, value in data.items():
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise UsageError(f"baseline {path}: {key} is not a number")
    if data["max_errors"] != int(data["max_errors"]) or data["max_errors"] < 0:
        raise UsageError(f"baseline {path}: max_errors is not a whole number >= 0")
    return data


def check_baseline(summary: Summary, baseline: dict) -> tuple[list[str], list[str]]:
    """Returns (failures, notes): one line per missed floor, and remarks."""
    failures, notes = [], []
    if summary.mean_f1 < baseline["mean_f1"]:
        failures.append(f"mean_f1 {summary.mean_f1:.4f} is below the floor "
                        f"{baseline['mean_f1']:.4f} by {baseline['mean_f1'] - summary.mean_f1:.4f}")
    title_rate = summary.title.value
    if title_rate is None:
        notes.append("title_rate not checked: no case has an expected title")
    elif title_rate < baseline["title_rate"]:
        failures.append(f"title_rate {title_rate:.4f} is below the floor "
                        f"{baseline['title_rate']:.4f} by {baseline['title_rate'] - title_rate:.4f}")
    date_rate = summary.date.value
    if "date_rate" in baseline and date_rate is not None and date_rate < baseline["date_rate"]:
        failures.append(f"date_rate {date_rate:.4f} is below the floor "
                        f"{baseline['date_rate']:.4f} by {baseline['date_rate'] - date_rate:.4f}")
    for key, rate in (("byline_rate", summary.byline.value),
                      ("byline_in_reference_rate", summary.byline_in_reference.value)):
        if key in baseline and rate is not None and rate < baseline[key]:
            failures.append(f"{key} {rate:.4f} is below the floor "
                            f"{baseline[key]:.4f} by {baseline[key] - rate:.4f}")
    if summary.errors > baseline["max_errors"]:
        failures.append(f"errors {summary.errors} exceed max_errors {int(baseline['max_errors'])} "
                        f"by {summary.errors - int(baseline['max_errors'])}")
    return failures, notes


def floor3(value: float) -> float:
    """Round down to 3 decimals, on the shortest decimal form of the float, so that the
    result never exceeds the value it came from (0.285 stays 0.285, 0.2859 becomes 0.285)."""
    return float(Decimal(repr(value)).quantize(Decimal("0.001"), rounding=ROUND_FLOOR))


def make_baseline(summary: Summary, per_page_f1_floor: float) -> dict:
    baseline = {
        "mean_f1": floor3(summary.mean_f1),
        "title_rate": floor3(summary.title.value or 0.0),
        "max_errors": summary.errors,
        "per_page_f1_floor": per_page_f1_floor,
    }
    if summary.date.value is not None:
        baseline["date_rate"] = floor3(summary.date.value)
    if summary.byline.value is not None:
        baseline["byline_rate"] = floor3(summary.byline.value)
    if summary.byline_in_reference.value is not None:
        baseline["byline_in_reference_rate"] = floor3(summary.byline_in_reference.value)
    return baseline


def write_json_atomically(path: Path, data: dict) -> None:
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump(data, out, indent=2)
            out.write("\n")
        # mkstemp makes the file 0600; give it the replaced file's mode, else rw-r--r--.
        os.chmod(tmp, stat.S_IMODE(path.stat().st_mode) if path.exists() else 0o644)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


# --------------------------------------------------------------------------- output

def _flag(value: bool | None) -> str:
    return "-" if value is None else ("1" if value else "0")


def write_report(path: Path, results: list[CaseResult]) -> None:
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        out.write("\t".join(TSV_COLUMNS) + "\n")
        for r in results:
            out.write("\t".join((
                r.case, "ok" if r.ok else "error",
                f"{r.precision:.4f}", f"{r.recall:.4f}", f"{r.f1:.4f}",
                _flag(r.title), _flag(r.byline), _flag(r.date),
                _one_line(r.error))) + "\n")


def print_summary(summary: Summary, results: list[CaseResult], show_worst: int, out) -> None:
    print(f"cases:          {summary.cases}", file=out)
    print(f"errors:         {summary.errors}", file=out)
    reasons = Counter(r.error for r in results if not r.ok)
    for reason, count in reasons.most_common(5):
        print(f"  {count:4d} x {reason}", file=out)
    if len(reasons) > 5:
        print(f"  ... and {len(reasons) - 5} other error message(s)", file=out)
    print(f"mean precision: {summary.mean_precision:.4f}", file=out)
    print(f"mean recall:    {summary.mean_recall:.4f}", file=out)
    print(f"mean F1:        {summary.mean_f1:.4f}", file=out)
    print(f"median F1:      {summary.median_f1:.4f}", file=out)
    print(f"title match:    {summary.title}", file=out)
    print(f"byline match:   {summary.byline}", file=out)
    print(f"byline in ref.: {summary.byline_in_reference}", file=out)
    print(f"date match:     {summary.date}", file=out)
    if show_worst > 0 and results:
        worst = sorted(results, key=lambda r: (r.f1, r.case))[:show_worst]
        print(f"worst {len(worst)} by F1:", file=out)
        width = max(len(r.case) for r in worst)
        for r in worst:
            detail = (f"error: {r.error}" if not r.ok
                      else f"P {r.precision:.3f}  R {r.recall:.3f}")
            print(f"  {r.f1:.4f}  {r.case:<{width}}  {detail}", file=out)


# --------------------------------------------------------------------------- command line

def parse_args(argv):
    parser = argparse.ArgumentParser(
        prog="eval_readability.py",
        description="Score pressparse's HTML extraction against readability-style test cases "
                    "(CASE/source.html, expected.html, expected-metadata.json).")
    parser.add_argument("--pressparse", required=True, metavar="PATH",
                        help="the pressparse binary")
    parser.add_argument("--cases", required=True, metavar="DIR",
                        help="directory with one sub-directory per case")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, metavar="N",
                        help="cases run at once (default: number of CPUs)")
    parser.add_argument("--report", metavar="FILE.tsv", help="write a per-case TSV report")
    parser.add_argument("--baseline", metavar="FILE.json",
                        help="floors to gate on: mean_f1, title_rate, max_errors, "
                             "per_page_f1_floor; exit 1 if one is missed")
    parser.add_argument("--write-baseline", metavar="FILE.json",
                        help="write the current figures (rounded down) as floors")
    parser.add_argument("--show-worst", type=int, default=DEFAULT_SHOW_WORST, metavar="K",
                        help=f"list the K worst cases by F1 (default {DEFAULT_SHOW_WORST})")
    return parser.parse_args(argv)


def resolve_binary(name: str) -> str:
    path = Path(name)
    if os.sep not in name and not path.exists():
        found = shutil.which(name)
        if found is None:
            raise UsageError(f"pressparse binary not found: {name}")
        return found
    if not path.is_file():
        raise UsageError(f"pressparse binary not found: {name}")
    if not os.access(path, os.X_OK):
        raise UsageError(f"pressparse binary is not executable: {name}")
    return str(path.resolve())


def check_writable_parent(option: str, name: str | None) -> None:
    if name is None:
        return
    parent = Path(name).resolve().parent
    if not parent.is_dir():
        raise UsageError(f"{option}: directory {parent} does not exist")


def run(argv, out=sys.stdout, timeout: float = TIMEOUT_SECONDS) -> int:
    args = parse_args(argv)
    if args.jobs < 1:
        raise UsageError("--jobs must be at least 1")
    if args.show_worst < 0:
        raise UsageError("--show-worst must be 0 or more")
    binary = resolve_binary(args.pressparse)
    cases_dir = Path(args.cases)
    if not cases_dir.is_dir():
        raise UsageError(f"cases directory not found: {args.cases}")
    cases = find_cases(cases_dir)
    if not cases:
        raise UsageError(f"no cases (sub-directories with a source.html) in {args.cases}")
    baseline = load_baseline(Path(args.baseline)) if args.baseline else None
    check_writable_parent("--report", args.report)
    check_writable_parent("--write-baseline", args.write_baseline)
    page_floor = (baseline.get("per_page_f1_floor", DEFAULT_PAGE_FLOOR) if baseline
                  else DEFAULT_PAGE_FLOOR)
    # per_page_f1_floor to write: kept from the file being replaced, else from --baseline.
    keep_floor = page_floor
    if args.write_baseline and Path(args.write_baseline).exists():
        keep_floor = load_baseline(Path(args.write_baseline)).get("per_page_f1_floor",
                                                                   DEFAULT_PAGE_FLOOR)

    results = evaluate_all(binary, cases, args.jobs, timeout)
    summary = summarize(results)

    if args.report:
        try:
            write_report(Path(args.report), results)
        except OSError as exc:
            raise UsageError(f"--report {args.report}: {exc.strerror or exc}") from None

    print_summary(summary, results, args.show_worst, out)

    status = EXIT_OK
    if baseline is not None:
        failures, notes = check_baseline(summary, baseline)
        for note in notes:
            print(f"baseline: {note}", file=out)
        for failure in failures:
            print(f"baseline FAILED: {failure}", file=out)
        if failures:
            status = EXIT_GATE_FAILED
        else:
            print(f"baseline: all floors met ({args.baseline})", file=out)

    if args.write_baseline:
        target = Path(args.write_baseline)
        if status != EXIT_OK:
            print(f"baseline not written to {target}: the run missed a floor of "
                  f"{args.baseline}", file=out)
        else:
            try:
                write_json_atomically(target, make_baseline(summary, keep_floor))
            except OSError as exc:
                raise UsageError(f"--write-baseline {target}: {exc.strerror or exc}") from None
            print(f"baseline written to {target}", file=out)

    passed = sum(1 for r in results if r.ok and r.f1 >= page_floor)
    print(f"{passed} passed, {len(results) - passed} failed", file=out)
    out.flush()
    return status


def main(argv=None) -> int:
    try:
        return run(sys.argv[1:] if argv is None else argv)
    except UsageError as exc:
        print(f"eval_readability.py: {exc}", file=sys.stderr)
        return EXIT_USAGE


if __name__ == "__main__":
    sys.exit(main())
