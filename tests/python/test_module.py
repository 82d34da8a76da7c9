# The Python module against the command line: the same JSON for every fixture, the same error
# codes, records in input order at any number of workers, early closing, no leaks, and the GIL
# released while a page is extracted.
import gc
import gzip
import json
import os
import subprocess
import threading
import time

import pytest

import pressparse
from conftest import DATA_DIR, fixture_pages

SAMPLE = DATA_DIR / "sample.txt"


def canonical(value) -> str:
    """JSON text keeping key order: equal only when values and key order are."""
    return json.dumps(value, ensure_ascii=False)


def run_cli(cli, *args, stdin=None):
    return subprocess.run([cli, *map(str, args)], input=stdin, capture_output=True, check=False)


@pytest.mark.parametrize("page", fixture_pages(), ids=lambda p: p.name)
def test_every_fixture_equals_the_cli(cli, page):
    printed = run_cli(cli, page)
    assert printed.returncode == 0, printed.stderr
    expected = json.loads(printed.stdout)
    assert canonical(pressparse.extract_file(str(page))) == canonical(expected)
    # The same bytes given directly: what `pressparse -` prints for them on stdin.
    data = page.read_bytes()
    from_stdin = json.loads(run_cli(cli, "-", stdin=data).stdout)
    assert canonical(pressparse.extract(data)) == canonical(from_stdin)


def test_bytes_and_str_give_the_same_article():
    data = SAMPLE.read_bytes()
    assert canonical(pressparse.extract(data)) == canonical(pressparse.extract(data.decode()))
    assert canonical(pressparse.extract(bytearray(data))) == canonical(pressparse.extract(data))
    assert canonical(pressparse.extract(memoryview(data))) == canonical(pressparse.extract(data))


def test_path_names_the_input():
    data = SAMPLE.read_bytes()
    assert pressparse.extract(data)["input"]["path"] == "-"
    assert pressparse.extract(data, path="pages/a.txt")["input"]["path"] == "pages/a.txt"
    # Bytes that are not UTF-8 are kept, as the command line shows them.
    assert pressparse.extract(data, path=b"caf\xe9.txt")["input"]["path"] == "caf\\xe9.txt"


def test_gzip_pages_are_inflated(cli, tmp_path):
    page = tmp_path / "sample.txt.gz"
    page.write_bytes(gzip.compress(SAMPLE.read_bytes()))
    expected = json.loads(run_cli(cli, page).stdout)
    assert canonical(pressparse.extract_file(page)) == canonical(expected)
    assert pressparse.extract(page.read_bytes())["body"] == expected["body"]


def test_url_is_the_pages_address():
    article = pressparse.extract(SAMPLE.read_bytes(), url="https://example.com/a/1")
    assert article["url"] == "https://example.com/a/1"


@pytest.mark.parametrize("input_format", ["text", "html"])
def test_input_format_as_the_cli_reads_it(cli, input_format):
    page = DATA_DIR / "no-byline.html"
    expected = json.loads(run_cli(cli, "--input-format", input_format, page).stdout)
    got = pressparse.extract_file(page, input_format=input_format)
    assert got["input"]["format"] == input_format
    assert canonical(got) == canonical(expected)
    assert canonical(pressparse.extract(page.read_bytes(), path=str(page),
                                        input_format=input_format)) == canonical(expected)


def test_bad_arguments_are_value_and_type_errors():
    with pytest.raises(ValueError, match="input_format"):
        pressparse.extract(b"x", input_format="pdf")
    with pytest.raises(ValueError, match="input_format"):
        pressparse.extract_files([str(SAMPLE)], input_format="pdf")
    with pytest.raises(ValueError, match="max_bytes"):
        pressparse.extract(b"x", max_bytes=0)
    with pytest.raises(ValueError):
        pressparse.extract_files([str(SAMPLE)], jobs=pressparse._pressparse.MAX_JOBS + 1)
    with pytest.raises(TypeError):
        pressparse.extract(12345)
    with pytest.raises(TypeError):
        pressparse.extract_files(str(SAMPLE))


def error_of(cli, path):
    """The code and message of the command's error record for one path."""
    record = json.loads(run_cli(cli, "--format", "jsonl", path).stdout)
    return record["error"]["code"], record["error"]["message"]


@pytest.mark.parametrize("kind", ["missing", "empty", "binary", "directory", "too_large"])
def test_single_page_errors_raise_input_error_with_the_cli_code(cli, tmp_path, kind):
    page = tmp_path / kind
    max_bytes = pressparse.DEFAULT_MAX_BYTES
    if kind == "empty":
        page.write_bytes(b"")
    elif kind == "binary":
        page.write_bytes(bytes(range(256)) * 16)
    elif kind == "directory":
        page.mkdir()
    elif kind == "too_large":
        page.write_bytes(SAMPLE.read_bytes())
        max_bytes = 100
    code, message = error_of(cli, page) if kind != "too_large" else ("too_large", None)
    if kind == "too_large":
        printed = run_cli(cli, "--format", "jsonl", "--max-bytes", 100, page)
        message = json.loads(printed.stdout)["error"]["message"]
    with pytest.raises(pressparse.InputError) as raised:
        pressparse.extract_file(page, max_bytes=max_bytes)
    assert (raised.value.code, raised.value.message) == (code, message)
    assert raised.value.path == str(page)
    assert str(raised.value) == f"{page}: {message}"
    if page.is_file():
        with pytest.raises(pressparse.InputError) as raised:
            pressparse.extract(page.read_bytes(), max_bytes=max_bytes)
        assert raised.value.code == code


def batch_inputs(tmp_path, pages):
    """The fixtures with bad inputs mixed in: missing, empty, binary, a directory."""
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.bin").write_bytes(b"\x00\x01\x02" * 1000)
    (tmp_path / "dir").mkdir()
    bad = [tmp_path / "missing.txt", tmp_path / "empty.txt", tmp_path / "binary.bin",
           tmp_path / "dir"]
    inputs = []
    for i, page in enumerate(pages):
        inputs.append(str(page))
        if i % 4 == 0:
            inputs.append(str(bad[(i // 4) % len(bad)]))
    return inputs


@pytest.mark.parametrize("jobs", [1, 2, 4])
def test_extract_files_is_the_cli_json_lines_in_order(cli, tmp_path, jobs):
    inputs = batch_inputs(tmp_path, fixture_pages() * 2)
    printed = run_cli(cli, "-j", 1, "--format", "jsonl", *inputs)
    assert printed.returncode == 1  # some inputs failed
    expected = [json.loads(line) for line in printed.stdout.splitlines()]
    got = list(pressparse.extract_files(inputs, jobs=jobs))
    assert [canonical(r) for r in got] == [canonical(r) for r in expected]
    assert [r["input"]["path"] for r in got] == inputs
    assert sum("error" in r and "schema_version" not in r for r in got) >= 4


def test_extract_files_takes_directories_and_path_objects(cli):
    printed = run_cli(cli, "-r", "-j", 1, "--format", "jsonl", DATA_DIR / "text-forms")
    expected = [json.loads(line) for line in printed.stdout.splitlines()]
    got = list(pressparse.extract_files([DATA_DIR / "text-forms"], jobs=2, recursive=True))
    assert [canonical(r) for r in got] == [canonical(r) for r in expected]
    assert list(pressparse.extract_files([])) == []


def warc_record(n: int, payload: bytes) -> bytes:
    block = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
             b"Content-Length: " + str(len(payload)).encode() + b"\r\n\r\n" + payload)
    return (b"WARC/1.0\r\nWARC-Type: response\r\n"
            b"WARC-Target-URI: http://example.org/page%d\r\n" % n +
            b"WARC-Date: 2026-01-01T00:00:00Z\r\n"
            b"WARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-%012d>\r\n" % n +
            b"Content-Type: application/http; msgtype=response\r\n"
            b"Content-Length: " + str(len(block)).encode() + b"\r\n\r\n" + block + b"\r\n\r\n")


def test_web_archives_give_a_record_per_page(cli, tmp_path):
    pages = [p.read_bytes() for p in fixture_pages() if p.suffix == ".html"]
    archive = tmp_path / "crawl.warc.gz"
    archive.write_bytes(gzip.compress(b"".join(warc_record(i, page)
                                               for i, page in enumerate(pages))))
    inputs = [str(SAMPLE), str(archive), str(SAMPLE)]
    printed = run_cli(cli, "-j", 1, "--format", "jsonl", *inputs)
    expected = [json.loads(line) for line in printed.stdout.splitlines()]
    assert len(expected) == len(pages) + 2
    got = list(pressparse.extract_files(inputs, jobs=2))
    assert [canonical(r) for r in got] == [canonical(r) for r in expected]
    assert got[1]["input"]["warc"]["target_uri"] == "http://example.org/page0"
    with pytest.raises(ValueError, match="use extract_files"):
        pressparse.extract_file(archive)


def test_closing_early_neither_hangs_nor_leaks_threads():
    before = threading.active_count()
    inputs = [str(SAMPLE)] * 2000
    for jobs in (1, 2, 4):
        records = pressparse.extract_files(inputs, jobs=jobs)
        for i, _ in enumerate(records):
            if i == 3:
                break
        records.close()
        assert list(records) == []  # a closed run yields nothing more
        with pressparse.extract_files(inputs, jobs=jobs) as records:
            next(records)
        # Dropped without closing: the run stops when the iterator goes.
        records = pressparse.extract_files(inputs, jobs=jobs)
        next(records)
        del records
        gc.collect()
    assert threading.active_count() == before
    tasks = len(os.listdir("/proc/self/task"))
    assert tasks <= before + 1, "worker threads outlived their run"


def resident_kib() -> int:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") // 1024


@pytest.mark.skipif(os.environ.get("PRESSPARSE_SANITIZED") == "1",
                    reason="under AddressSanitizer freed memory is held in quarantine")
def test_repeated_calls_do_not_leak():
    data = SAMPLE.read_bytes()

    def calls(n):
        for _ in range(n):
            pressparse.extract(data)
            try:
                pressparse.extract(b"")
            except pressparse.InputError:
                pass
        for _ in range(n // 100):
            list(pressparse.extract_files([str(SAMPLE), "missing"] * 5, jobs=2))

    calls(200)
    gc.collect()
    after_200 = resident_kib()
    calls(2000)
    gc.collect()
    after_2000 = resident_kib()
    # A leak of even one small dict a call would show as megabytes here.
    assert after_2000 - after_200 < 4 * 1024, (after_200, after_2000)


def test_the_gil_is_released_while_extracting():
    """While one thread is inside extract() on a long page, another runs Python code.

    Holding the GIL would stop the main thread for the whole call (its longest pause about the
    call's length); released, its pauses are scheduling delays. Not a speed test: how much
    faster two threads are than one is measured in bench/python_bench.py.
    """
    page = (DATA_DIR / "lists-captions.html").read_bytes() * 150
    window = []

    def work():
        start = time.perf_counter()
        for _ in range(3):
            pressparse.extract(page)
        window.extend([start, time.perf_counter()])

    worker = threading.Thread(target=work)
    ticks = []
    worker.start()
    while worker.is_alive():
        ticks.append(time.perf_counter())
        time.sleep(0.001)
    worker.join()
    start, end = window
    inside = [t for t in ticks if start <= t <= end]
    assert len(inside) >= 2, "the main thread never ran while pages were extracted"
    longest_pause = max(b - a for a, b in zip([start] + inside, inside + [end]))
    assert longest_pause < 0.5 * (end - start) / 3, (longest_pause, end - start)


def test_help_and_docstrings():
    assert "extract_files" in pressparse.__doc__
    for f in (pressparse.extract, pressparse.extract_file, pressparse.extract_files):
        assert f.__doc__ and len(f.__doc__) > 200
    assert pressparse.InputError.__doc__
    assert pressparse.__version__
