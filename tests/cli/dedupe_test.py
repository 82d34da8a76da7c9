#!/usr/bin/python3
"""--dedupe on a batch of invented pages: 700 articles and 300 re-saved copies of them.

    dedupe_test.py PRESSPARSE

The copies are what re-saving a page gives: the same article with other teaser lists, another
comment count, another charset (windows-1251), the canonical address with a fragment, or under
another address. The run must give exactly 700 articles and 300 duplicate records, each naming its
original, byte-identical at -j 1 and -j 2, with the count in the summary record and --stats.
Every page is generated here from an invented vocabulary; nothing is read from elsewhere.
"""

import json
import random
import subprocess
import sys
import tempfile
from pathlib import Path

VOCABULARY = ("мост город ремонт жители вечер река дорога новый старый весна школа рынок неделя "
              "вокзал парк улица автобус библиотека стадион фестиваль урожай погода дума совет "
              "бюджет проект площадь музей театр концерт врач больница остановка трамвай").split()


def sentence(rng):
    words = [rng.choice(VOCABULARY) for _ in range(rng.randint(8, 14))]
    return words[0].capitalize() + " " + " ".join(words[1:]) + "."


def article(rng):
    title = sentence(rng)[:-1]
    paragraphs = [" ".join(sentence(rng) for _ in range(4)) for _ in range(6)]
    return title, paragraphs


def page(title, paragraphs, *, canonical=None, teasers=(), comments=0, charset="utf-8"):
    head = f'<meta charset="{charset}"><title>{title}</title>'
    if canonical:
        head += f'<link rel="canonical" href="{canonical}">'
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    related = "".join(f'<li><a href="/t/{i}">{t}</a></li>' for i, t in enumerate(teasers))
    html = (f"<!DOCTYPE html><html lang=\"ru\"><head>{head}</head><body>"
            f"<nav><a href=\"/\">Главная</a> <a href=\"/news\">Новости</a></nav>"
            f"<article><h1>{title}</h1>{body}</article>"
            f"<div class=\"comments-count\">Комментарии ({comments})</div>"
            f"<aside class=\"related\"><h2>Читайте также</h2><ul>{related}</ul></aside>"
            f"</body></html>")
    return html.encode(charset)


def main(argv):
    if len(argv) != 2:
        print("usage: dedupe_test.py PRESSPARSE", file=sys.stderr)
        return 2
    binary = str(Path(argv[1]).resolve())
    rng = random.Random(20261201)
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        originals = []
        for i in range(700):
            title, paragraphs = article(rng)
            name = f"a{i:04d}.html"
            teasers = [sentence(rng) for _ in range(3)]
            (root / name).write_bytes(page(title, paragraphs,
                                           canonical=f"https://news.example.org/a/{i}",
                                           teasers=teasers, comments=rng.randint(0, 9)))
            originals.append((name, title, paragraphs, i))
        copies = []
        for k in range(300):
            name, title, paragraphs, i = rng.choice(originals)
            kind = k % 4
            teasers = [sentence(rng) for _ in range(rng.randint(2, 5))]
            if kind == 0:  # the address with a fragment, other teasers
                data = page(title, paragraphs, canonical=f"https://news.example.org/a/{i}#comments",
                            teasers=teasers)
            elif kind == 1:  # no address; other teasers and comment count
                data = page(title, paragraphs, teasers=teasers, comments=rng.randint(10, 99))
            elif kind == 2:  # another charset
                data = page(title, paragraphs, teasers=teasers, charset="windows-1251")
            else:  # another address (a mirror), same text
                data = page(title, paragraphs, canonical=f"https://mirror.example.net/{i}",
                            teasers=teasers)
            copy = f"c{k:04d}.html"
            (root / copy).write_bytes(data)
            copies.append((copy, name))
        # Input order: every copy after its original, the rest shuffled.
        order = [o[0] for o in originals]
        rng.shuffle(order)
        position = {n: p for p, n in enumerate(order)}
        for copy, original in copies:
            at = rng.randint(position[original] + 1, len(order))
            order.insert(at, copy)
            position = {n: p for p, n in enumerate(order)}
        listing = root / "pages.list"
        listing.write_text("".join(str(root / n) + "\n" for n in order))

        outputs = {}
        for jobs in ("1", "2"):
            run = subprocess.run([binary, "-q", "-j", jobs, "--dedupe", "--summary-record",
                                  "--stats", "--files-from", str(listing)],
                                 capture_output=True, timeout=600)
            if run.returncode != 0:
                failures.append(f"-j {jobs}: exit {run.returncode}: {run.stderr[-300:]!r}")
                continue
            outputs[jobs] = run.stdout[:run.stdout.rstrip(b"\n").rfind(b"\n") + 1]  # no summary
            outputs["summary" + jobs] = run.stdout[len(outputs[jobs]):]
            if b", 300 duplicates in " not in run.stderr:
                failures.append(f"-j {jobs}: --stats does not say 300 duplicates: "
                                f"{run.stderr.decode(errors='replace').strip()}")
        if "1" in outputs and "2" in outputs and outputs["1"] != outputs["2"]:
            failures.append("-j 1 and -j 2 outputs differ")
        if "1" in outputs:
            records = [json.loads(line) for line in outputs["1"].splitlines()]
            summary = json.loads(outputs["summary1"])["summary"]
            articles = [r for r in records if "schema_version" in r]
            duplicates = [r for r in records if "duplicate_of" in r]
            if (len(articles), len(duplicates)) != (700, 300):
                failures.append(f"{len(articles)} articles and {len(duplicates)} duplicates, "
                                "not 700 and 300")
            if summary.get("duplicates") != 300 or summary.get("pages") != 1000:
                failures.append(f"summary record: {summary}")
            want = {str(root / c): str(root / o) for c, o in copies}
            for r in duplicates:
                path = r["input"]["path"]
                if want.get(path) != r["duplicate_of"]:
                    failures.append(f"{path}: duplicate_of {r['duplicate_of']}, "
                                    f"expected {want.get(path)}")
            kept = {r["input"]["path"] for r in articles}
            if kept != {str(root / o[0]) for o in originals}:
                failures.append("the articles kept are not the 700 originals")
            if any(not r.get("fingerprint") for r in articles):
                failures.append("an article without a fingerprint")
        # Markdown and text cannot carry duplicate records.
        usage = subprocess.run([binary, "--dedupe", "--format", "markdown", str(root / order[0]),
                                str(root / order[1])], capture_output=True, timeout=60)
        if usage.returncode != 2 or b"--dedupe needs a JSON format" not in usage.stderr:
            failures.append(f"--dedupe --format markdown: exit {usage.returncode}, "
                            f"{usage.stderr!r}")
    for f in failures[:20]:
        print("FAIL", f)
    print(f"dedupe: {'ok' if not failures else f'{len(failures)} failures'}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
