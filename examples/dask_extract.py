#!/usr/bin/env python3
"""Extracts many pages on a Dask cluster, one JSON Lines file per partition.

The pages (files, web archives, or directories walked for files) are spread over
the partitions of a ``dask.bag``; each partition runs through
``pressparse.extract_files`` on its worker and writes ``part-NNNNNNNN.jsonl``
(NNNNNNNN: the position of the partition's first input) to the output directory:
the lines ``pressparse --format jsonl`` writes for the same inputs, error records
included. Merged, the files hold what one ``pressparse -j 1 --format jsonl`` run
prints, in another order.

  dask_extract.py --output-dir out/ pages/                  a local cluster of 2 processes
  dask_extract.py --scheduler tcp://10.0.0.5:8786 --files-from list.txt --output-dir out/

Every worker must import ``pressparse`` (installed, or on its PYTHONPATH) and
read the input paths (a shared file system). An existing output file is never
overwritten: the run refuses to start. Exit status: 0 all pages extracted,
1 some inputs failed (their error records are in the output), 2 usage error.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import Dict, Iterable, List, Tuple


def part_name(first_index: int) -> str:
    return f"part-{first_index:08d}.jsonl"


def extract_partition(
    numbered_paths: Iterable[Tuple[int, str]], output_dir: str, jobs: int, options: Dict
) -> List[Dict]:
    """Runs one partition on a worker: writes its file, returns a one-item summary."""
    import pressparse  # imported on the worker

    numbered = list(numbered_paths)
    if not numbered:
        return []
    target = os.path.join(output_dir, part_name(numbered[0][0]))
    pages = errors = 0
    # "x": never overwrite, even a file that appeared after the run was checked.
    with open(target, "x", encoding="utf-8") as out:
        with pressparse.extract_files([p for _, p in numbered], jobs=jobs, **options) as records:
            for record in records:
                pages += 1
                errors += "schema_version" not in record and "error" in record
                out.write(json.dumps(record, ensure_ascii=False, separators=(",", ":")))
                out.write("\n")
    return [{"file": target, "pages": pages, "errors": errors}]


def list_inputs(inputs: List[str], files_from: str | None) -> List[str]:
    """The input paths in order: directories walked (sorted), list lines as given."""
    paths: List[str] = []
    if files_from:
        with open(files_from, encoding="utf-8", errors="surrogateescape") as f:
            paths.extend(line.rstrip("\r\n") for line in f if line.strip())
    for item in inputs:
        if os.path.isdir(item):
            for root, dirs, files in os.walk(item):
                dirs.sort()
                paths.extend(os.path.join(root, name) for name in sorted(files))
        else:
            paths.append(item)
    return paths


def main(argv: List[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Extract pages with pressparse on a Dask cluster, writing one JSON Lines "
        "file per partition.",
    )
    parser.add_argument("inputs", nargs="*", help="pages, web archives or directories")
    parser.add_argument("--files-from", help="a file listing input paths, one per line")
    parser.add_argument("--output-dir", required=True, help="where the part-*.jsonl files go")
    parser.add_argument("--scheduler", help="address of a running scheduler (tcp://HOST:PORT); "
                        "default: start a local cluster on 127.0.0.1")
    parser.add_argument("--workers", type=int, default=2,
                        help="worker processes of the local cluster (default 2)")
    parser.add_argument("--partitions", type=int, default=0,
                        help="partitions (default: 4 per worker, at most one per input)")
    parser.add_argument("--jobs", type=int, default=1,
                        help="pressparse worker threads per partition (default 1)")
    parser.add_argument("--input-format", choices=["auto", "text", "html"], default="auto")
    parser.add_argument("--max-bytes", type=int, default=None, help="refuse larger pages")
    args = parser.parse_args(argv)

    paths = list_inputs(args.inputs, args.files_from)
    if not paths:
        print("dask_extract: no inputs given", file=sys.stderr)
        return 2
    partitions = args.partitions or max(1, 4 * args.workers)
    partitions = min(partitions, len(paths))

    import dask.bag as db
    from distributed import Client, LocalCluster

    numbered = list(enumerate(paths))
    bag = db.from_sequence(numbered, npartitions=partitions)
    # Refuse before starting if any partition's file is there already.
    os.makedirs(args.output_dir, exist_ok=True)
    firsts = [part[0][0] for part in (list(p) for p in _partition_contents(bag)) if part]
    existing = [part_name(i) for i in firsts
                if os.path.exists(os.path.join(args.output_dir, part_name(i)))]
    if existing:
        print(f"dask_extract: {os.path.join(args.output_dir, existing[0])}: exists; refusing to "
              "overwrite (remove it or choose another --output-dir)", file=sys.stderr)
        return 2

    options = {"input_format": args.input_format}
    if args.max_bytes is not None:
        options["max_bytes"] = args.max_bytes
    output_dir = os.path.abspath(args.output_dir)

    cluster = None
    if args.scheduler:
        client = Client(args.scheduler)
    else:
        cluster = LocalCluster(n_workers=args.workers, processes=True, threads_per_worker=1,
                               host="127.0.0.1", dashboard_address=None)
        client = Client(cluster)
    try:
        summaries = bag.map_partitions(
            extract_partition, output_dir, args.jobs, options).compute()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()

    pages = sum(s["pages"] for s in summaries)
    errors = sum(s["errors"] for s in summaries)
    print(f"dask_extract: {pages} pages, {errors} errors, {len(summaries)} files in "
          f"{args.output_dir}", file=sys.stderr)
    return 1 if errors else 0


def _partition_contents(bag):
    """The inputs of each partition, computed locally (cheap: the bag holds only paths)."""
    import dask

    return dask.compute(*bag.to_delayed(), scheduler="sync")


if __name__ == "__main__":
    sys.exit(main())
