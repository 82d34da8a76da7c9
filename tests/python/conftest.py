# Shared by the Python module's tests: where the built command line and the fixtures are.
# PRESSPARSE_CLI (the built `pressparse`) and PRESSPARSE_SOURCE_DIR are set by ctest.
import os
import pathlib

import pytest

SOURCE_DIR = pathlib.Path(
    os.environ.get("PRESSPARSE_SOURCE_DIR", pathlib.Path(__file__).resolve().parents[2])
)
DATA_DIR = SOURCE_DIR / "data"


@pytest.fixture(scope="session")
def cli() -> str:
    path = os.environ.get("PRESSPARSE_CLI")
    if not path:
        pytest.skip("PRESSPARSE_CLI (the built pressparse) is not set")
    return path


def fixture_pages():
    """Every page among the fixtures (data/ and data/text-forms/), sorted."""
    pages = []
    for path in sorted(DATA_DIR.rglob("*")):
        if path.is_file() and path.suffix in (".txt", ".html") and "rules" not in path.parts:
            pages.append(path)
    return pages
