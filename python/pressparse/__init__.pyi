# Type hints of the pressparse module (the values are the command's JSON; see schema/).
import os
from typing import Any, Dict, Iterable, Iterator, Optional, Union

PathLike = Union[str, bytes, os.PathLike[str], os.PathLike[bytes]]
Record = Dict[str, Any]

__version__: str
DEFAULT_MAX_BYTES: int

class InputError(Exception):
    code: str
    message: str
    path: str
    def __init__(self, code: str, message: str, path: str = ...) -> None: ...

class Records(Iterator[Record]):
    def __iter__(self) -> Records: ...
    def __next__(self) -> Record: ...
    def close(self) -> None: ...
    def __enter__(self) -> Records: ...
    def __exit__(self, *exc_info: object) -> None: ...

def extract(
    data: Union[bytes, str],
    *,
    path: Optional[PathLike] = ...,
    url: Optional[str] = ...,
    input_format: str = ...,
    max_bytes: int = ...,
) -> Record: ...
def extract_file(
    path: PathLike, *, input_format: str = ..., max_bytes: int = ...
) -> Record: ...
def extract_files(
    paths: Iterable[PathLike],
    *,
    jobs: int = ...,
    input_format: str = ...,
    max_bytes: int = ...,
    recursive: bool = ...,
) -> Records: ...
