"""Two clean builds of the same sources give byte-identical sites, whatever the
file-system order or the system locale."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from .conftest import copy_project


def build(root: Path, env: dict) -> dict[str, bytes]:
    subprocess.run(
        [sys.executable, "-m", "doclocale", "build"],
        cwd=root,
        env={**os.environ, **env},
        check=True,
        capture_output=True,
    )
    site = root / "site"
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def test_two_clean_builds_are_byte_identical(tmp_path: Path) -> None:
    first = build(copy_project(tmp_path / "one"), {"LC_ALL": "C.UTF-8", "SOURCE_DATE_EPOCH": "1790000000"})
    second_root = copy_project(tmp_path / "two")
    # A different locale, and the English pages created in reverse order.
    pages = sorted((second_root / "docs/en").rglob("*.md"), reverse=True)
    contents = {p: p.read_bytes() for p in pages}
    for page in pages:
        page.unlink()
    for page in pages:
        page.write_bytes(contents[page])
    second = build(second_root, {"LC_ALL": "C", "LANG": "fa_IR.UTF-8", "SOURCE_DATE_EPOCH": "1790000000"})
    assert first.keys() == second.keys()
    different = [name for name in first if first[name] != second[name]]
    assert not different, different
