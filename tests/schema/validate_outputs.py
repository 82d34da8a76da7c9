#!/usr/bin/python3
"""Checks schema/article.schema.json against what pressparse really prints, and shows it bites.

    validate_outputs.py PRESSPARSE REPO_ROOT

Runs PRESSPARSE on every page in REPO_ROOT/data/ (each file that is not *.expected.json) and
validates its output, and every data/*.expected.json, against the schema (draft 2020-12, format
checking on). Validates hand-written error and summary records (and an article) against
#/$defs/record, and checks that deliberately broken documents are rejected. The last line is
"N passed, M failed"; the exit status is 1 on any failure.

Needs only Debian's python3-jsonschema (4.10).
"""

import copy
import json
import pathlib
import subprocess
import sys

import jsonschema

passed = 0
failed = 0


def report(ok, name, detail=""):
    global passed, failed
    if ok:
        passed += 1
        print(f"ok   {name}")
    else:
        failed += 1
        print(f"FAIL {name}{': ' + detail if detail else ''}")


def first_error(validator, instance):
    """The most relevant validation error, as one line, or None when the instance is valid."""
    error = jsonschema.exceptions.best_match(validator.iter_errors(instance))
    if error is None:
        return None
    where = "/".join(str(p) for p in error.absolute_path) or "(root)"
    return f"at {where}: {error.message}"


def expect_valid(validator, instance, name):
    error = first_error(validator, instance)
    report(error is None, name, error or "")


def expect_invalid(validator, instance, name):
    report(first_error(validator, instance) is not None, name + " is rejected",
           "the schema accepted it")


def main(argv):
    if len(argv) != 3:
        print("usage: validate_outputs.py PRESSPARSE REPO_ROOT", file=sys.stderr)
        return 2
    binary, root = str(pathlib.Path(argv[1]).resolve()), pathlib.Path(argv[2]).resolve()
    schema = json.loads((root / "schema" / "article.schema.json").read_text(encoding="utf-8"))
    cls = jsonschema.Draft202012Validator
    cls.check_schema(schema)
    article = cls(schema, format_checker=cls.FORMAT_CHECKER)
    # The same document with #/$defs/record as its root, so that every "#/$defs/…" reference
    # still resolves inside it (works on any jsonschema version, no resolver needed).
    record = cls(dict(schema, **{"$ref": "#/$defs/record"}), format_checker=cls.FORMAT_CHECKER)

    # 1. The CLI's output on every fixture page, and every expected file.
    data = root / "data"
    pages = sorted(p for p in data.iterdir()
                   if p.is_file() and not p.name.endswith(".expected.json"))
    expected = sorted(data.glob("*.expected.json"))
    if not pages or not expected:
        report(False, "fixtures", f"no pages or no expected files in {data}")
    outputs = []
    for page in pages:
        name = f"output of data/{page.name}"
        try:
            run = subprocess.run([binary, str(page.relative_to(root))], cwd=root,
                                 capture_output=True, timeout=60)
        except (OSError, subprocess.TimeoutExpired) as e:
            report(False, name, str(e))
            continue
        if run.returncode != 0:
            report(False, name, f"exit status {run.returncode}: "
                   + run.stderr.decode("utf-8", "replace").strip())
            continue
        try:
            output = json.loads(run.stdout.decode("utf-8"))
        except ValueError as e:
            report(False, name, f"not JSON: {e}")
            continue
        outputs.append(output)
        expect_valid(article, output, name)
    for path in expected:
        expect_valid(article, json.loads(path.read_text(encoding="utf-8")),
                     f"data/{path.name}")

    # 2. Batch records, against #/$defs/record.
    base = copy.deepcopy(outputs[0]) if outputs else json.loads(
        expected[0].read_text(encoding="utf-8"))
    error_record = {
        "input": {"path": "pages/missing.txt"},
        "error": {"code": "not_found", "message": "no such file"},
    }
    # Real JSON Lines from a batch run: articles, an error record and the summary record.
    try:
        run = subprocess.run([binary, "--summary-record", "-q", "data/sample.txt", "data/no-such-page.txt"],
                             cwd=root, capture_output=True, timeout=60)
        lines = run.stdout.decode("utf-8").splitlines()
        report(run.returncode == 1 and len(lines) == 3, "batch run with a failing input",
               f"exit {run.returncode}, {len(lines)} lines")
        for i, line in enumerate(lines):
            expect_valid(record, json.loads(line), f"batch JSON Lines record {i + 1}")
    except (OSError, subprocess.TimeoutExpired, ValueError) as e:
        report(False, "batch run", str(e))
    summary_record = {"summary": {"pages": 120, "errors": 2, "warnings": 7, "duplicates": 3,
                                  "seconds": 1.5, "pages_per_second": 80.0,
                                  "mb_per_second": 0.36}}
    duplicate_record = {"input": {"path": "pages/copy.html"}, "duplicate_of": "pages/first.html"}
    # Real duplicate records from a --dedupe run: the same page twice.
    try:
        run = subprocess.run([binary, "--dedupe", "-q", "data/sample.txt", "data/sample.txt"],
                             cwd=root, capture_output=True, timeout=60)
        lines = run.stdout.decode("utf-8").splitlines()
        report(run.returncode == 0 and len(lines) == 2 and
               json.loads(lines[1]).get("duplicate_of") == "data/sample.txt",
               "--dedupe run of one page twice", f"exit {run.returncode}, {lines[1:]}")
        for i, line in enumerate(lines):
            expect_valid(record, json.loads(line), f"--dedupe JSON Lines record {i + 1}")
    except (OSError, subprocess.TimeoutExpired, ValueError, IndexError) as e:
        report(False, "--dedupe run", str(e))
    warc_article = copy.deepcopy(base)
    warc_article["input"]["warc"] = {
        "target_uri": "https://example.invalid/novosti/12345",
        "date": "2026-07-14T07:00:00Z",
        "record_id": "<urn:uuid:00000000-0000-4000-8000-000000000000>",
    }
    expect_valid(record, error_record, "error record as a record")
    expect_valid(record, summary_record, "summary record as a record")
    expect_valid(record, duplicate_record, "duplicate record as a record")
    expect_invalid(article, duplicate_record, "duplicate record as an article")
    expect_invalid(record, {"input": {"path": "x"}, "duplicate_of": 3}, "duplicate_of not a path")
    expect_invalid(record, dict(base, fingerprint="XYZ"), "fingerprint not 16 hex digits")
    expect_valid(record, base, "article as a record")
    expect_valid(article, warc_article, "article with input.warc")
    expect_valid(record, warc_article, "article with input.warc as a record")
    expect_invalid(article, error_record, "error record as an article")
    expect_invalid(article, summary_record, "summary record as an article")

    # 3. Broken documents the schema must reject.
    def broken(change):
        doc = copy.deepcopy(base)
        change(doc)
        return doc

    def with_block(block):
        return lambda d: d["body"].append(block)

    def set_key(key, value):
        return lambda d: d.__setitem__(key, value)

    cases = [
        ("article without 'warnings'", broken(lambda d: d.pop("warnings"))),
        ("article without 'comments'", broken(lambda d: d.pop("comments"))),
        ("article with an extra key", broken(set_key("author", "X"))),
        ("schema_version 2", broken(set_key("schema_version", 2))),
        ("date_source 'footer'", broken(set_key("date_source", "footer"))),
        ("paragraph with credit",
         broken(with_block({"type": "paragraph", "text": "Текст.", "credit": "LETA"}))),
        ("caption without credit",
         broken(with_block({"type": "caption", "text": "Мост", "image": None}))),
        ("caption without image",
         broken(with_block({"type": "caption", "text": "Мост", "credit": None}))),
        ("paragraph with image",
         broken(with_block({"type": "paragraph", "text": "Текст.",
                            "image": "https://example.invalid/a.jpg"}))),
        ("caption image relative",
         broken(with_block({"type": "caption", "text": "Мост", "credit": None,
                            "image": "/img/a.jpg"}))),
        ("article without 'description'", broken(lambda d: d.pop("description"))),
        ("article without 'tags'", broken(lambda d: d.pop("tags"))),
        ("image relative", broken(set_key("image", "img/a.jpg"))),
        ("image protocol-relative", broken(set_key("image", "//cdn.example.invalid/a.jpg"))),
        ("image data: URI", broken(set_key("image", "data:image/gif;base64,R0lGOD"))),
        ("tags not an array", broken(set_key("tags", "a, b"))),
        ("tag empty", broken(set_key("tags", [""]))),
        ("description a number", broken(set_key("description", 3))),
        ("paragraph with text null", broken(with_block({"type": "paragraph", "text": None}))),
        ("block of type 'image'", broken(with_block({"type": "image", "text": "x"}))),
        ("date '14.07.2026'", broken(set_key("date", "14.07.2026"))),
        ("date without an offset", broken(set_key("date", "2026-07-14T09:42:00"))),
        ("date with minutes only", broken(set_key("date", "2026-07-14T09:42+03:00"))),
        ("date with a trailing line break", broken(set_key("date", "2026-07-14\n"))),
        ("date '2026-02-30' (format check)", broken(set_key("date", "2026-02-30"))),
        ("negative comments", broken(set_key("comments", -1))),
        ("related title empty",
         broken(lambda d: d["related"].append({"title": "", "lead": None}))),
        ("reader comment without text",
         broken(lambda d: d["reader_comments"].append({"author": "A", "date": None}))),
        ("reader comment with empty text",
         broken(lambda d: d["reader_comments"].append({"author": None, "date": None,
                                                        "text": ""}))),
        ("reader comment with an extra key",
         broken(lambda d: d["reader_comments"].append({"author": None, "date": None,
                                                        "text": "x", "score": 5}))),
        ("article without 'reader_comments'", broken(lambda d: d.pop("reader_comments"))),
        ("input format 'pdf'", broken(lambda d: d["input"].__setitem__("format", "pdf"))),
        ("warc without record_id", broken(lambda d: d["input"].__setitem__(
            "warc", {"target_uri": "https://example.invalid/", "date": "2026-07-14"}))),
        ("stats without words", broken(lambda d: d["stats"].pop("words"))),
    ]
    for name, doc in cases:
        expect_invalid(article, doc, name)
    bad_summary = copy.deepcopy(summary_record)
    del bad_summary["summary"]["seconds"]
    expect_invalid(record, bad_summary, "summary without seconds")
    expect_invalid(record, {"input": error_record["input"], "error": {"code": "empty"}},
                   "error record without message")
    expect_invalid(record, dict(base, error={"code": "x", "message": "y"}),
                   "article with an error key")
    # Valid variants that must still pass: the other date forms and a credit-only caption.
    expect_valid(article, broken(set_key("date", "2026-01-15T23:00:00Z")), "date with Z")
    expect_valid(article, broken(set_key("date", "2026-01-15")), "date without a time")
    expect_valid(article, broken(with_block({"type": "caption", "text": None, "credit": None,
                                             "image": None})),
                 "caption with text, credit and image null")
    expect_valid(article, broken(with_block({"type": "caption", "text": "Мост", "credit": None,
                                             "image": "https://example.invalid/a.jpg?w=2"})),
                 "caption with an image")
    expect_valid(article, broken(lambda d: d.update(
        description="Коротко.", image="HTTP://example.invalid/a.jpg", tags=["мост", "Мадона"])),
        "description, image and tags")
    expect_valid(article, broken(lambda d: d["reader_comments"].extend([
        {"author": "Анна", "date": "14 июля, 2026 10:05", "text": "Наконец-то.\nСпасибо."},
        {"author": None, "date": None, "text": "Согласен."}])), "reader comments")

    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
