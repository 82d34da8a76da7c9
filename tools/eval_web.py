#!/usr/bin/env python3
"""Evaluate pressparse over sets of web pages whose ground truth was made by people.

A set is a directory holding pages/<id>.html.gz, truth.jsonl (one JSON object per page, with
its "id") and set.json ({"name", "metric", "comments_in_truth"}). The tool runs the built
pressparse once over all pages of a set

    pressparse -q -j N --files-from LIST

and scores its JSON Lines by the set's metric, the way the field computes it:

* tokens (truth {"id", "text"}): the extracted text is every body block's "text", one per
  line, followed by the texts of "reader_comments" when set.json says the truth includes the
  page's comments. Per page, bag-of-words precision / recall / F1 over whitespace tokens (each
  token counted at most as often as it occurs on both sides), averaged over the pages. An empty
  truth scores recall 1 (and P = R = F1 = 1 when the output is empty too).
* snippets (truth {"id", "with", "without"}): with white space collapsed on both sides, each
  "with" snippet found in the text is a true positive, else a false negative; each "without"
  snippet found is a false positive. Counts are summed over the set; P, R and
  F1 = 2tp / (2tp + fp + fn).
* date-day (truth {"id", "date": "YYYY-MM-DD" or null}): the first 10 characters of the
  record's "date", as htmldate's evaluation scores it: no answer is a false negative, the
  truth's day a true positive, any other answer (an answer for a null truth included) a false
  positive.

Also counted: errors (an error record, or no record for the page), empty texts (errors
included), HTML pages read as text dumps (input.format "text" for an .html page), and, with
--schema, records that the project's JSON Schema rejects (validated against #/$defs/record,
format checking on; needs python3-jsonschema).

Also per set: of the pages that state a description (a non-empty og:description or <meta
name=description>), an absolute og:image, or an article:tag, the share whose record gives
"description", "image", "tags" (so that a regression in reading a page's metadata shows).

--baseline gates the run on the floors pinned per set name (exit 1 when one is missed):
"f1" (a minimum), "max_errors", "max_read_as_text" and "max_invalid" (maxima), and, when set,
"description_rate", "image_rate", "tags_rate" (minima). --write-baseline records the
current figures of the sets evaluated (F1 rounded down at the third decimal, counts as they
are), keeping the entries of other sets.

Exit status: 0 scored (and every floor met), 1 a floor missed, 2 a usage error or pressparse
could not be run. Standard library only (Python 3.11), and jsonschema for --schema.
"""

from __future__ import annotations

import argparse
import dataclasses
import gzip
import json
import os
import re
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

sys.dont_write_bytecode = True  # keep tools/ free of __pycache__
sys.path.insert(0, str(Path(__file__).resolve().parent))

# One tool family: the usage error, the binary and output-path checks and the floor and atomic
# writing helpers are eval_readability's.
from eval_readability import (UsageError, check_writable_parent, floor3,  # noqa: E402
                              resolve_binary, write_json_atomically)

TIMEOUT_SECONDS = 600.0
DEFAULT_SHOW_WORST = 10

EXIT_OK = 0
EXIT_GATE_FAILED = 1
EXIT_USAGE = 2

METRICS = ("tokens", "snippets", "date-day")
FLOOR_KEYS = ("f1", "max_errors", "max_read_as_text", "max_invalid")
# Optional floors: of the pages that state a description (og:description or <meta
# name=description>), an absolute og:image, or an article:tag, the share whose record has a
# description, an image, tags.
METADATA_FIELDS = ("description", "image", "tags")
OPTIONAL_FLOOR_KEYS = tuple(f"{field}_rate" for field in METADATA_FIELDS)
TSV_COLUMNS = ("set", "id", "status", "score", "detail", "page")


# --------------------------------------------------------------------------- texts and metrics

def tokens(text: str | None) -> list[str]:
    """Whitespace tokens, nothing else done to them (no case folding, punctuation kept)."""
    text = (text or "").strip()
    return re.split(r"\s+", text) if text else []


def collapse(text: str | None) -> str:
    """White space runs made one space, ends trimmed."""
    return re.sub(r"\s+", " ", text or "").strip()


def article_text(record: dict, with_comments: bool) -> str:
    """Body blocks' texts (every type, captions included), then the reader comments' texts
    when asked, one per line; blank ones left out."""
    parts = [block.get("text") or "" for block in record.get("body") or []
             if isinstance(block, dict)]
    if with_comments:
        for comment in record.get("reader_comments") or []:
            parts.append((comment.get("text") or "") if isinstance(comment, dict)
                         else str(comment))
    return "\n".join(p for p in parts if p.strip())


def token_prf(truth: str | None, extracted: str | None) -> tuple[float, float, float]:
    """One page's bag-of-words precision, recall and F1."""
    want, got = tokens(truth), tokens(extracted)
    overlap = sum((Counter(want) & Counter(got)).values())
    precision = overlap / len(got) if got else 0.0
    recall = overlap / len(want) if want else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    if not want:
        recall = 1.0
        if not got:
            precision = f1 = 1.0
    return precision, recall, f1


def snippet_counts(with_: list[str], without: list[str],
                   extracted: str | None) -> tuple[int, int, int]:
    """(found, missed, leaked) for one page's snippets."""
    text = collapse(extracted)
    found = sum(1 for s in with_ if collapse(s) in text)
    leaked = sum(1 for s in without if collapse(s) in text)
    return found, len(with_) - found, leaked


def count_prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    """Precision, recall and F1 = 2tp / (2tp + fp + fn) from summed counts; 0 when undefined."""
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 0.0
    return precision, recall, f1


def day(value) -> str | None:
    """The first 10 characters (YYYY-MM-DD) of a date string; None for no answer."""
    if not isinstance(value, str) or not value.strip():
        return None
    return value.strip()[:10]


def date_outcome(expected: str | None, got: str | None) -> str:
    """"correct" (tp), "wrong" (fp: another day, or any day for a null truth) or "missing"
    (fn: no answer)."""
    if got is None:
        return "missing"
    return "correct" if expected is not None and got == expected else "wrong"


# --------------------------------------------------------------------------- sets and records

@dataclasses.dataclass
class PageResult:
    id: str
    path: str
    status: str  # tokens/snippets: "ok" or "error"; dates: correct/wrong/missing/error
    score: float  # lower is worse: F1 (tokens), -(missed + leaked) (snippets), 1/0 (dates)
    detail: str


@dataclasses.dataclass
class SetResult:
    name: str
    metric: str
    pages: int
    precision: float
    recall: float
    f1: float
    errors: int
    empty: int
    read_as_text: int
    rejected: list[str]  # "ID: reason" per record the schema rejects (none when not validated)
    counts: dict
    results: list[PageResult]
    # Per metadata field: [pages that state it, of those the pages whose record gives it].
    metadata: dict = dataclasses.field(default_factory=dict)

    def metadata_rate(self, field: str) -> float | None:
        stated, given = self.metadata.get(field, (0, 0))
        return given / stated if stated else None

    @property
    def invalid(self) -> int:
        return len(self.rejected)


def load_set(set_dir: Path) -> tuple[dict, list[dict]]:
    try:
        meta = json.loads((set_dir / "set.json").read_text(encoding="utf-8"))
        with open(set_dir / "truth.jsonl", encoding="utf-8") as f:
            truth = [json.loads(line) for line in f if line.strip()]
    except OSError as exc:
        raise UsageError(f"{set_dir}: not a set: {exc.strerror or exc}") from None
    except ValueError as exc:
        raise UsageError(f"{set_dir}: not a set: invalid JSON ({exc})") from None
    if not isinstance(meta, dict) or meta.get("metric") not in METRICS:
        raise UsageError(f"{set_dir}: set.json names no known metric "
                         f"(one of {', '.join(METRICS)})")
    if not truth or not all(isinstance(t, dict) and isinstance(t.get("id"), str)
                            for t in truth):
        raise UsageError(f"{set_dir}: truth.jsonl has no pages, or a line without an id")
    meta.setdefault("name", set_dir.name)
    return meta, truth


def page_path(set_dir: Path, page_id: str) -> str:
    return os.path.join(str(set_dir), "pages", page_id + ".html.gz")


def parse_records(stdout: str) -> dict[str, dict]:
    """pressparse's JSON Lines, keyed by input.path; lines that are not records are ignored."""
    records = {}
    for line in stdout.splitlines():
        try:
            record = json.loads(line)
        except ValueError:
            continue
        if isinstance(record, dict) and isinstance(record.get("input"), dict):
            path = record["input"].get("path")
            if isinstance(path, str):
                records[path] = record
    return records


def run_pressparse(binary: str, paths: list[str], jobs: int,
                   timeout: float = TIMEOUT_SECONDS) -> dict[str, dict]:
    with tempfile.NamedTemporaryFile("w", suffix=".list", encoding="utf-8",
                                     delete=False) as f:
        f.write("\n".join(paths) + "\n")
        listname = f.name
    try:
        proc = subprocess.run([binary, "-q", "-j", str(jobs), "--files-from", listname],
                              stdin=subprocess.DEVNULL, capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        raise UsageError(f"pressparse took longer than {timeout:g} s") from None
    except OSError as exc:
        raise UsageError(f"could not run {binary}: {exc.strerror or exc}") from None
    finally:
        os.unlink(listname)
    # 0: every page extracted; 1: some failed (their error records are scored as errors).
    if proc.returncode not in (0, 1):
        stderr = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        status = (f"exited with {proc.returncode}" if proc.returncode > 0
                  else f"was killed by signal {-proc.returncode}")
        raise UsageError(f"pressparse {status}" + (f": {stderr[-1]}" if stderr else ""))
    return parse_records(proc.stdout.decode("utf-8", "replace"))


def load_validator(schema_path: str):
    """A validator of JSON Lines records (#/$defs/record of the schema, formats checked)."""
    try:
        import jsonschema
    except ImportError:
        raise UsageError("--schema needs the jsonschema module (python3-jsonschema)") from None
    try:
        schema = json.loads(Path(schema_path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise UsageError(f"--schema {schema_path}: {exc.strerror or exc}") from None
    except ValueError as exc:
        raise UsageError(f"--schema {schema_path}: not valid JSON ({exc})") from None
    cls = jsonschema.Draft202012Validator
    return cls(dict(schema, **{"$ref": "#/$defs/record"}), format_checker=cls.FORMAT_CHECKER)


def schema_error(validator, record: dict) -> str | None:
    """The most relevant reason the schema rejects the record, in one line, or None."""
    if validator is None:
        return None
    import jsonschema
    error = jsonschema.exceptions.best_match(validator.iter_errors(record))
    if error is None:
        return None
    where = "/".join(str(p) for p in error.absolute_path) or "(root)"
    return f"at {where}: {error.message}"


_META_TAG = re.compile(rb"<meta\b[^>]*>", re.IGNORECASE)
_ATTR = re.compile(rb"""([a-zA-Z:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""")


def stated_metadata(path: str) -> set[str]:
    """Which of description, image and tags the page states in its <meta> tags: a non-empty
    og:description or name=description, an og:image with an absolute http(s) address, an
    article:tag. An unreadable page states none."""
    try:
        with gzip.open(path, "rb") as f:
            data = f.read()
    except (OSError, EOFError):
        return set()
    found = set()
    for tag in _META_TAG.finditer(data):
        attrs = {}
        for m in _ATTR.finditer(tag.group(0)):
            value = next(v for v in m.groups()[1:] if v is not None)
            attrs.setdefault(m.group(1).lower(), value)
        key = (attrs.get(b"property") or attrs.get(b"name") or b"").strip().lower()
        content = (attrs.get(b"content") or b"").strip()
        if not content:
            continue
        if key in (b"og:description", b"description"):
            found.add("description")
        elif key == b"og:image" and re.match(rb"(?i)https?://", content):
            found.add("image")
        elif key == b"article:tag":
            found.add("tags")
    return found


def score_set(set_dir: Path, meta: dict, truth: list[dict],
              records: dict[str, dict], validator=None) -> SetResult:
    metric = meta["metric"]
    with_comments = bool(meta.get("comments_in_truth"))
    results = []
    errors = empty = read_as_text = 0
    rejected = []
    sum_p = sum_r = sum_f = 0.0
    counts = Counter()
    metadata = {field: [0, 0] for field in METADATA_FIELDS}
    for t in truth:
        path = page_path(set_dir, t["id"])
        record = records.get(path)
        failed = record is None or "error" in record
        for field in stated_metadata(path):
            metadata[field][0] += 1
            if not failed and record.get(field):
                metadata[field][1] += 1
        text = None
        reason = None if record is None else schema_error(validator, record)
        if reason:
            rejected.append(f"{t['id']}: {reason}")
        if failed:
            errors += 1
        else:
            if record.get("input", {}).get("format") == "text":
                read_as_text += 1
            text = article_text(record, with_comments)
        if not text:
            empty += 1
        if metric == "tokens":
            p, r, f = token_prf(t.get("text"), text)
            sum_p += p
            sum_r += r
            sum_f += f
            results.append(PageResult(t["id"], path, "error" if failed else "ok", f,
                                      f"P {p:.2f} R {r:.2f}"))
        elif metric == "snippets":
            found, missed, leaked = snippet_counts(t.get("with") or [], t.get("without") or [],
                                                   text)
            counts.update(tp=found, fn=missed, fp=leaked)
            results.append(PageResult(t["id"], path, "error" if failed else "ok",
                                      -(missed + leaked), f"missed {missed} leaked {leaked}"))
        else:
            expected = t.get("date")
            got = None if failed else day(record.get("date"))
            outcome = date_outcome(expected, got)
            counts.update({{"correct": "tp", "wrong": "fp", "missing": "fn"}[outcome]: 1})
            status = "error" if failed else outcome
            counts[status] += 1
            results.append(PageResult(t["id"], path, status, 1.0 if outcome == "correct" else 0.0,
                                      f"expected {expected} got {got}"))
    n = len(truth)
    if metric == "tokens":
        precision, recall, f1 = sum_p / n, sum_r / n, sum_f / n
    else:
        precision, recall, f1 = count_prf(counts["tp"], counts["fp"], counts["fn"])
    return SetResult(meta["name"], metric, n, precision, recall, f1, errors, empty,
                     read_as_text, rejected, dict(counts), results,
                     {field: tuple(v) for field, v in metadata.items()})


def evaluate(binary: str, set_dir: Path, jobs: int,
             timeout: float = TIMEOUT_SECONDS, validator=None) -> SetResult:
    meta, truth = load_set(set_dir)
    records = run_pressparse(binary, [page_path(set_dir, t["id"]) for t in truth], jobs,
                             timeout)
    return score_set(set_dir, meta, truth, records, validator)


# --------------------------------------------------------------------------- baseline

def load_baseline(path: Path) -> dict:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise UsageError(f"baseline {path}: {exc.strerror or exc}") from None
    except ValueError as exc:
        raise UsageError(f"baseline {path}: not valid JSON ({exc})") from None
    if not isinstance(data, dict):
        raise UsageError(f"baseline {path}: not a JSON object")
    for name, floors in data.items():
        if not isinstance(floors, dict):
            raise UsageError(f"baseline {path}: {name} is not an object of floors")
        unknown = sorted(set(floors) - set(FLOOR_KEYS) - set(OPTIONAL_FLOOR_KEYS))
        missing = [k for k in FLOOR_KEYS if k not in floors]
        if unknown or missing:
            raise UsageError(f"baseline {path}: {name} must have the keys "
                             f"{', '.join(FLOOR_KEYS)} (and may have "
                             f"{', '.join(OPTIONAL_FLOOR_KEYS)})")
        for key, value in floors.items():
            if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
                raise UsageError(f"baseline {path}: {name}.{key} is not a number >= 0")
            if key != "f1" and key not in OPTIONAL_FLOOR_KEYS and value != int(value):
                raise UsageError(f"baseline {path}: {name}.{key} is not a whole number")
    return data


def check_floors(result: SetResult, floors: dict) -> list[str]:
    """One line per missed floor."""
    failures = []
    if result.f1 < floors["f1"]:
        failures.append(f"{result.name}: F1 {result.f1:.4f} is below the floor "
                        f"{floors['f1']:.4f} by {floors['f1'] - result.f1:.4f}")
    for key, value, what in (("max_errors", result.errors, "errors"),
                             ("max_read_as_text", result.read_as_text, "HTML pages read as text"),
                             ("max_invalid", result.invalid, "records the schema rejects")):
        if value > floors[key]:
            failures.append(f"{result.name}: {what} {value} exceed {key} {int(floors[key])} "
                            f"by {value - int(floors[key])}")
    for field in METADATA_FIELDS:
        key, rate = f"{field}_rate", result.metadata_rate(field)
        if key in floors and rate is not None and rate < floors[key]:
            failures.append(f"{result.name}: {key} {rate:.4f} is below the floor "
                            f"{floors[key]:.4f} by {floors[key] - rate:.4f}")
    return failures


def make_floors(result: SetResult) -> dict:
    floors = {"f1": floor3(result.f1), "max_errors": result.errors,
              "max_read_as_text": result.read_as_text, "max_invalid": result.invalid}
    for field in METADATA_FIELDS:
        rate = result.metadata_rate(field)
        if rate is not None:
            floors[f"{field}_rate"] = floor3(rate)
    return floors


# --------------------------------------------------------------------------- output

def worst(result: SetResult, k: int) -> list[PageResult]:
    if result.metric == "date-day":
        bad = [r for r in result.results if r.status != "correct"]
        order = {"wrong": 0, "missing": 1, "error": 2}
        return sorted(bad, key=lambda r: (order[r.status], r.id))[:k]
    return sorted(result.results, key=lambda r: (r.score, r.id))[:k]


def print_result(result: SetResult, show_worst: int, out) -> None:
    print(f"set {result.name}: {result.pages} pages, metric {result.metric}", file=out)
    if result.metric == "date-day":
        c = result.counts
        print(f"  correct {c.get('correct', 0)}  wrong {c.get('wrong', 0)}  "
              f"missing {c.get('missing', 0)}  errors {result.errors}", file=out)
    elif result.metric == "snippets":
        c = result.counts
        print(f"  snippets found {c.get('tp', 0)}  missed {c.get('fn', 0)}  "
              f"leaked {c.get('fp', 0)}", file=out)
    print(f"  P {result.precision:.3f}  R {result.recall:.3f}  F1 {result.f1:.3f}", file=out)
    print(f"  errors {result.errors}  empty texts {result.empty}  "
          f"HTML read as text {result.read_as_text}  schema rejects {result.invalid}",
          file=out)
    rates = []
    for field in METADATA_FIELDS:
        stated, given = result.metadata.get(field, (0, 0))
        if stated:
            rates.append(f"{field} {given / stated:.3f} ({given}/{stated})")
    if rates:
        print(f"  stated metadata given: {'  '.join(rates)}", file=out)
    for line in result.rejected[:show_worst]:
        print(f"    rejected {line}", file=out)
    listed = worst(result, show_worst)
    if listed:
        print(f"  worst {len(listed)}:", file=out)
        width = max(len(r.id) for r in listed)
        for r in listed:
            if result.metric == "date-day":
                label = r.status
            elif result.metric == "snippets":
                label = f"{int(-r.score):3d}"  # snippets missed or leaked
            else:
                label = f"{r.score:6.3f}"
            if result.metric != "date-day" and r.status == "error":
                label += " error"
            print(f"    {label}  {r.id:<{width}}  {r.detail}  {r.path}", file=out)


def write_report(path: Path, sets: list[SetResult]) -> None:
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        out.write("\t".join(TSV_COLUMNS) + "\n")
        for s in sets:
            for r in worst(s, len(s.results)) if s.metric != "date-day" else s.results:
                out.write(f"{s.name}\t{r.id}\t{r.status}\t{r.score:.4f}\t{r.detail}\t"
                          f"{r.path}\n")


# --------------------------------------------------------------------------- command line

def parse_args(argv):
    parser = argparse.ArgumentParser(
        prog="eval_web.py",
        description="Score pressparse on web page sets with human-made ground truth "
                    "(SET/pages/ID.html.gz, truth.jsonl, set.json).")
    parser.add_argument("sets", nargs="+", metavar="SET_DIR")
    parser.add_argument("--pressparse", required=True, metavar="PATH",
                        help="the pressparse binary")
    parser.add_argument("--jobs", "-j", type=int, default=os.cpu_count() or 1, metavar="N",
                        help="pressparse worker threads (default: number of CPUs)")
    parser.add_argument("--baseline", metavar="FILE.json",
                        help="floors per set name: f1, max_errors, max_read_as_text, "
                             "max_invalid; "
                             "exit 1 if one is missed")
    parser.add_argument("--write-baseline", metavar="FILE.json",
                        help="write the current figures of these sets as their floors")
    parser.add_argument("--show-worst", type=int, default=DEFAULT_SHOW_WORST, metavar="N",
                        help=f"list the N worst pages of each set (default {DEFAULT_SHOW_WORST})")
    parser.add_argument("--report", metavar="FILE.tsv", help="per-page results, worst first")
    parser.add_argument("--schema", metavar="FILE.json",
                        help="validate every record against this JSON Schema's record "
                             "definition and count the ones it rejects")
    parser.add_argument("--timeout", type=float, default=TIMEOUT_SECONDS, metavar="S",
                        help=f"longest pressparse run per set (default {TIMEOUT_SECONDS:g} s)")
    return parser.parse_args(argv)


def run(argv, out=sys.stdout) -> int:
    args = parse_args(argv)
    if args.jobs < 1:
        raise UsageError("--jobs must be at least 1")
    if args.show_worst < 0:
        raise UsageError("--show-worst must be 0 or more")
    if args.timeout <= 0:
        raise UsageError("--timeout must be more than 0")
    binary = resolve_binary(args.pressparse)
    baseline = load_baseline(Path(args.baseline)) if args.baseline else None
    for option, name in (("--report", args.report), ("--write-baseline", args.write_baseline)):
        check_writable_parent(option, name)
    set_dirs = [Path(d) for d in args.sets]
    for d in set_dirs:
        meta, _ = load_set(d)
        if baseline is not None and meta["name"] not in baseline:
            raise UsageError(f"baseline {args.baseline}: no floors for set {meta['name']}")

    validator = load_validator(args.schema) if args.schema else None
    results = [evaluate(binary, d, args.jobs, args.timeout, validator) for d in set_dirs]
    for r in results:
        print_result(r, args.show_worst, out)
    if args.report:
        try:
            write_report(Path(args.report), results)
        except OSError as exc:
            raise UsageError(f"--report {args.report}: {exc.strerror or exc}") from None

    status = EXIT_OK
    if baseline is not None:
        failures = [f for r in results for f in check_floors(r, baseline[r.name])]
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
            data = load_baseline(target) if target.exists() else {}
            for r in results:
                data[r.name] = make_floors(r)
            try:
                write_json_atomically(target, dict(sorted(data.items())))
            except OSError as exc:
                raise UsageError(f"--write-baseline {target}: {exc.strerror or exc}") from None
            print(f"baseline written to {target}", file=out)
    out.flush()
    return status


def main(argv=None) -> int:
    try:
        return run(sys.argv[1:] if argv is None else argv)
    except UsageError as exc:
        print(f"eval_web.py: {exc}", file=sys.stderr)
        return EXIT_USAGE


if __name__ == "__main__":
    sys.exit(main())
