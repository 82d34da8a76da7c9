"""pressparse: saved news pages (text dumps and HTML) to structured articles.

The same extraction as the ``pressparse`` command, from Python. Every result is
exactly the JSON object the command prints, as Python values (dicts keep the
command's key order; see the JSON Schema for the fields):

>>> import pressparse
>>> article = pressparse.extract_file("page.html")
>>> article["headline"], article["date"]

- ``extract(data)`` reads one page from bytes or text;
- ``extract_file(path)`` reads one page from a file;
- ``extract_files(paths, jobs=N)`` reads many pages on the library's own pool of
  worker threads and yields one record per page, in input order: an article, or
  an error record ``{"input": {"path": ...}, "error": {"code", "message"}}`` as
  in the command's JSON Lines.

A single page that is not a page (missing, empty, binary, over the size cap)
raises ``InputError``, whose ``code`` is the code the command reports. The GIL
is released while pages are extracted, so threads extract in parallel.
"""

from __future__ import annotations

import os
from typing import Any, Dict, Iterable, Iterator, Optional, Union

from . import _pressparse

__all__ = [
    "DEFAULT_MAX_BYTES",
    "InputError",
    "Records",
    "__version__",
    "extract",
    "extract_file",
    "extract_files",
]

__version__: str = _pressparse.VERSION

#: The size cap of a page (64 MiB), as the command's ``--max-bytes`` default.
DEFAULT_MAX_BYTES: int = _pressparse.DEFAULT_MAX_BYTES

PathLike = Union[str, bytes, "os.PathLike[str]", "os.PathLike[bytes]"]


class InputError(Exception):
    """An input that is not a page the command would extract.

    ``code`` is the command's error code: ``not_found``, ``is_directory``,
    ``unreadable``, ``empty``, ``too_large``, ``binary`` or ``internal``.
    ``message`` is the one-line reason, ``path`` the input as ``input.path``
    names it. ``str(error)`` is ``"PATH: MESSAGE"``, as the command says it.
    """

    def __init__(self, code: str, message: str, path: str = "-") -> None:
        super().__init__(code, message, path)
        self.code = code
        self.message = message
        self.path = path

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


def _path_bytes(path: PathLike) -> bytes:
    return os.fsencode(path)


def extract(
    data: Union[bytes, str],
    *,
    path: Optional[PathLike] = None,
    url: Optional[str] = None,
    input_format: str = "auto",
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Dict[str, Any]:
    """Extracts one article from a page's bytes (or text, taken as UTF-8).

    The result is the object ``pressparse -`` prints for the same bytes on
    standard input: gzip data is inflated, the size cap applies, the format
    (``"auto"``, ``"text"`` or ``"html"``) is decided as ``--input-format``
    does. ``path`` only names the page in ``input.path`` (``"-"`` when none
    is given, as for standard input); ``url`` is the page's address when it is
    known from elsewhere (an archive record, a crawl log).

    Raises ``InputError`` for an input that is not a page (empty, binary,
    over ``max_bytes``), ``ValueError`` for a bad ``input_format`` or
    ``max_bytes``, ``TypeError`` for data that is not bytes or str.
    """
    name = b"-" if path is None else _path_bytes(path)
    return _pressparse.extract_bytes(data, name, url, input_format, max_bytes)


class Records(Iterator[Dict[str, Any]]):
    """The records of a batch, in input order, as ``extract_files`` returns them.

    An iterator and a context manager: ``close()`` (or leaving the ``with``
    block, or dropping the iterator) stops the run; pages being extracted are
    finished, the others are left.
    """

    def __init__(self, run: Any) -> None:
        self._run = run

    def __iter__(self) -> "Records":
        return self

    def __next__(self) -> Dict[str, Any]:
        return self._run.__next__()

    def close(self) -> None:
        """Stops the run and waits for the worker threads to end."""
        self._run.close()

    def __enter__(self) -> "Records":
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


def extract_files(
    paths: Iterable[PathLike],
    *,
    jobs: int = 0,
    input_format: str = "auto",
    max_bytes: int = DEFAULT_MAX_BYTES,
    recursive: bool = False,
) -> Records:
    """Extracts many pages on ``jobs`` worker threads (0: one per core).

    Yields one record per page in input order, whatever ``jobs`` is: the
    article, or ``{"input": {"path": ...}, "error": {"code": ..., "message":
    ...}}`` for an input that failed -- the lines ``pressparse -j N --format
    jsonl PATHS...`` writes, as Python values. Each path is taken as the
    command takes it: a page (gzip inflated), a web archive (``.warc``,
    ``.warc.gz``: one record per page in it), a directory (its pages with
    ``recursive=True``, an ``is_directory`` error record otherwise), ``"-"``
    for standard input. Nothing is raised for a bad input.

    The pages are read and extracted with the GIL released; a bounded number
    of records wait for the caller, so memory stays flat on any number of
    pages. Close the iterator (or use it in a ``with`` block) to stop early.
    """
    if isinstance(paths, (str, bytes, os.PathLike)):
        raise TypeError("paths must be an iterable of paths, not a single path")
    if jobs < 0:
        raise ValueError("jobs must be 0 (one per core) or a positive number")
    encoded = [_path_bytes(p) for p in paths]
    return Records(_pressparse.BatchRun(encoded, jobs, input_format, max_bytes, recursive))


def extract_file(
    path: PathLike,
    *,
    input_format: str = "auto",
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Dict[str, Any]:
    """Extracts the page in a file: the object ``pressparse PATH`` prints.

    Raises ``InputError`` (``code`` as the command reports it) when the file
    is missing, a directory, unreadable, empty, binary or over ``max_bytes``,
    and ``ValueError`` for a web archive, which holds many pages (use
    ``extract_files``).
    """
    with extract_files([path], jobs=1, input_format=input_format, max_bytes=max_bytes) as run:
        records = list(run)
    if len(records) != 1:
        raise ValueError(
            f"{os.fsdecode(path)}: holds {len(records)} pages, not one; use extract_files"
        )
    record = records[0]
    error = record.get("error")
    if error is not None and "schema_version" not in record:
        raise InputError(error["code"], error["message"], record["input"]["path"])
    return record
