#!/usr/bin/env python3
"""The Python module against the command line on the same pages, side by side in one run.

  PYTHONPATH=BUILD/python python3 bench/python_bench.py BUILD/pressparse [SHARED_DATA] [--runs N]

Rows (see bench/README.md):
  python extract_files vs cli   the text pages (SHARED_DATA/presslv/*.txt) and the HTML pages
                                (SHARED_DATA/html/readability-test-pages/*/source.html), each
                                set listed REPEAT times: `pressparse -q -j 1 --format jsonl
                                --files-from LIST >/dev/null` (wall time of the process) and
                                `for r in pressparse.extract_files(paths, jobs=1)` (wall time),
                                runs alternating, medians of RUNS; pages/s and the difference
                                per page
  python two threads            extract() over 40 HTML pages in two Python threads at once,
                                wall time over the same work one thread after the other
  python per-page overhead      extract() on a small page vs the library alone on it in the
                                same process (extract + ordered JSON in C++): what the module
                                adds per call (bytes in, conversion of the result to Python)

Writes bench/results/YYYY-MM-DD-python-module.csv (a `# machine:` line, then
benchmark,metric,value,unit,jobs,notes) and prints the rows as a Markdown table.
"""

from __future__ import annotations

import argparse
import datetime
import os
import pathlib
import platform
import statistics
import subprocess
import sys
import tempfile
import time

import pressparse

ROOT = pathlib.Path(__file__).resolve().parents[1]


def machine_line() -> str:
    cpu = "unknown"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    return (f"# machine: nproc={os.cpu_count()}; CPU: {cpu}; Python {platform.python_version()}; "
            f"kernel {platform.release()}; load average at start: {load}; shared machine")


def cli_seconds(cli: str, listing: pathlib.Path) -> float:
    start = time.perf_counter()
    subprocess.run([cli, "-q", "-j", "1", "--format", "jsonl", "--files-from", str(listing)],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start


def module_seconds(paths: list[str]) -> float:
    start = time.perf_counter()
    count = 0
    for _ in pressparse.extract_files(paths, jobs=1):
        count += 1
    elapsed = time.perf_counter() - start
    assert count == len(paths)
    return elapsed


def side_by_side(cli: str, name: str, pages: list[pathlib.Path], repeat: int, runs: int):
    paths = [str(p) for p in pages] * repeat
    size = sum(p.stat().st_size for p in pages) * repeat
    with tempfile.TemporaryDirectory() as tmp:
        listing = pathlib.Path(tmp) / "list.txt"
        listing.write_text("".join(p + "\n" for p in paths))
        cli_times, module_times = [], []
        for _ in range(runs):
            cli_times.append(cli_seconds(cli, listing))
            module_times.append(module_seconds(paths))
    c, m = statistics.median(cli_times), statistics.median(module_times)
    n = len(paths)
    notes = (f"{len(pages)} pages ({size // repeat} bytes) listed x{repeat} = {n} pages per run; "
             f"median of {runs} alternating runs; wall time")
    return [
        (f"cli {name}", "throughput", round(n / c, 1), "pages/s", 1,
         notes + "; process included"),
        (f"python extract_files {name}", "throughput", round(n / m, 1), "pages/s", 1, notes),
        (f"python extract_files {name}", "difference per page", round((m - c) / n * 1e6, 1),
         "us", 1, "module minus cli, per page (negative: the module is faster)"),
    ]


def per_page_overhead(page: bytes, calls: int, runs: int):
    library, module = [], []
    for _ in range(runs):
        library.append(pressparse._pressparse.time_library(page, calls) / calls)
        start = time.perf_counter()
        for _ in range(calls):
            pressparse.extract(page)
        module.append((time.perf_counter() - start) / calls)
    lib, mod = statistics.median(library), statistics.median(module)
    notes = f"a {len(page)}-byte text page; {calls} calls; median of {runs} runs"
    return [
        ("python per-page overhead", "library alone", round(lib * 1e6, 1), "us", 1, notes),
        ("python per-page overhead", "extract()", round(mod * 1e6, 1), "us", 1, notes),
        ("python per-page overhead", "module overhead", round((mod - lib) * 1e6, 1), "us", 1,
         notes + "; extract() minus the library alone"),
    ]


def two_threads(pages: list[bytes], runs: int):
    """extract() on the pages in two Python threads at once vs one after the other."""
    import threading

    def work():
        for page in pages:
            pressparse.extract(page)

    sequential, parallel = [], []
    work()  # warm up
    for _ in range(runs):
        start = time.perf_counter()
        work()
        work()
        sequential.append(time.perf_counter() - start)
        threads = [threading.Thread(target=work) for _ in range(2)]
        start = time.perf_counter()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        parallel.append(time.perf_counter() - start)
    s, p = statistics.median(sequential), statistics.median(parallel)
    notes = (f"{len(pages)} HTML pages twice; median of {runs} alternating runs; "
             f"sequential {s:.3f} s, two threads {p:.3f} s; 0.5 is perfect, 1.0 the GIL held")
    return [("python two threads", "wall time ratio", round(p / s, 3), "x", 2, notes)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("cli")
    parser.add_argument("shared_data", nargs="?", default=str(ROOT.parent / "shared" / "data"))
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--repeat", type=int, default=20, help="times each list repeats")
    parser.add_argument("--out", default=None, help="CSV to write (default: dated, bench/results)")
    args = parser.parse_args()

    shared = pathlib.Path(args.shared_data)
    text = sorted((shared / "presslv").glob("*.txt"))
    html = sorted((shared / "html" / "readability-test-pages").glob("*/source.html"))
    if not text or not html:
        print(f"python_bench: no pages under {shared}", file=sys.stderr)
        return 77
    rows = []
    rows += side_by_side(args.cli, "text corpus", text, args.repeat, args.runs)
    rows += side_by_side(args.cli, "html corpus", html, max(1, args.repeat // 10), args.runs)
    small = (ROOT / "data" / "fragment.txt").read_bytes()
    rows += per_page_overhead(small, 2000, args.runs)
    rows += two_threads([p.read_bytes() for p in html[:40]], args.runs)

    out = pathlib.Path(args.out) if args.out else (
        ROOT / "bench" / "results" / f"{datetime.date.today():%Y-%m-%d}-python-module.csv")
    with open(out, "w", encoding="utf-8") as f:
        f.write(machine_line() + "\n")
        f.write("benchmark,metric,value,unit,jobs,notes\n")
        for row in rows:
            f.write(",".join(str(x) for x in row[:-1]) + f',"{row[-1]}"\n')
    print("| benchmark | metric | value | unit | jobs | notes |")
    print("|---|---|---|---|---|---|")
    for row in rows:
        print("| " + " | ".join(str(x) for x in row) + " |")
    print(f"written: {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
