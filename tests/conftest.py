import textwrap
from pathlib import Path

import pytest


@pytest.fixture
def write(tmp_path):
    """Write a claim file (dedented) under tmp_path and return its path."""
    def write(name: str, text: str) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
        return path
    return write
