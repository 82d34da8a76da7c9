# The Dask example on a real cluster: a scheduler and two worker processes on 127.0.0.1 run
# examples/dask_extract.py over a few hundred pages, bad ones among them; the merged partition
# files must hold exactly what one `pressparse -j 1 --format jsonl` run prints (order aside).
import collections
import json
import os
import pathlib
import subprocess
import sys

import pytest

from conftest import SOURCE_DIR, fixture_pages

pytest.importorskip("dask.bag")
pytest.importorskip("distributed")

EXAMPLE = SOURCE_DIR / "examples" / "dask_extract.py"
SHARED_PAGES = SOURCE_DIR.parent / "shared" / "data" / "presslv"
MAX_BYTES = 1_000_000


def canonical(line: str) -> str:
    return json.dumps(json.loads(line), sort_keys=True, ensure_ascii=False)


def make_inputs(tmp_path: pathlib.Path):
    """About 300 pages (fixtures, and real pages when present, copied under new names) and the
    bad inputs: empty, binary, too big, missing. Returns the list file."""
    pages_dir = tmp_path / "pages"
    pages_dir.mkdir()
    sources = fixture_pages()
    if SHARED_PAGES.is_dir():
        sources += sorted(SHARED_PAGES.glob("*.txt"))
    paths = []
    i = 0
    while len(paths) < 300:
        source = sources[i % len(sources)]
        target = pages_dir / f"{i:04d}-{source.name}"
        target.write_bytes(source.read_bytes())
        paths.append(target)
        i += 1
    (pages_dir / "empty.txt").write_bytes(b"")
    (pages_dir / "binary.txt").write_bytes(bytes(range(256)) * 64)
    (pages_dir / "big.txt").write_bytes(b"word " * (MAX_BYTES // 4))
    bad = [pages_dir / "empty.txt", pages_dir / "binary.txt", pages_dir / "big.txt",
           pages_dir / "missing.txt"]
    for k, path in enumerate(bad):
        paths.insert(37 * (k + 1), path)
    listing = tmp_path / "list.txt"
    listing.write_text("".join(f"{p}\n" for p in paths))
    return listing, len(paths)


def test_dask_cluster_output_equals_one_cli_run(cli, tmp_path):
    listing, count = make_inputs(tmp_path)
    expected = subprocess.run(
        [cli, "-j", "1", "--format", "jsonl", "--max-bytes", str(MAX_BYTES),
         "--files-from", str(listing)],
        capture_output=True, text=True, check=False)
    assert expected.returncode == 1, expected.stderr  # the bad inputs failed
    expected_lines = expected.stdout.splitlines()
    assert len(expected_lines) == count

    out = tmp_path / "out"
    env = dict(os.environ)  # PYTHONPATH reaches the worker processes
    run = subprocess.run(
        [sys.executable, str(EXAMPLE), "--files-from", str(listing), "--output-dir", str(out),
         "--workers", "2", "--partitions", "8", "--max-bytes", str(MAX_BYTES)],
        capture_output=True, text=True, env=env, timeout=300, check=False)
    assert run.returncode == 1, run.stderr  # some inputs failed, as with the CLI
    parts = sorted(out.glob("part-*.jsonl"))
    assert len(parts) == 8
    merged = [line for part in parts for line in part.read_text().splitlines()]
    assert collections.Counter(map(canonical, merged)) == collections.Counter(
        map(canonical, expected_lines))
    codes = sorted(json.loads(line)["error"]["code"] for line in merged
                   if "schema_version" not in json.loads(line))
    assert codes == ["binary", "empty", "not_found", "too_large"]

    # A second run into the same directory refuses rather than overwrite.
    again = subprocess.run(
        [sys.executable, str(EXAMPLE), "--files-from", str(listing), "--output-dir", str(out),
         "--partitions", "8"],
        capture_output=True, text=True, env=env, timeout=120, check=False)
    assert again.returncode == 2
    assert "refusing to overwrite" in again.stderr
    assert sorted(out.glob("part-*.jsonl")) == parts
