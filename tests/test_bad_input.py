"""Bad-input matrix: tests/fixtures/bad_input/<case>.yml, one broken input each.

Each case edits a copy of the real project (already built), runs one command,
and expects an exit code and a message naming ``path:line`` (``line_of`` gives
the line as the text found there, so cases survive edits to the catalogs). Nothing may be
written: catalogs, generated pages and the built site stay byte-identical.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
import yaml

from doclocale.cli import main

from .conftest import copy_project

CASES = sorted((Path(__file__).parent / "fixtures" / "bad_input").glob("*.yml"))
WATCHED = ("locale", "docs/fa", "site", "mkdocs.yml")


@pytest.fixture(scope="module")
def built_project(tmp_path_factory) -> Path:
    root = copy_project(tmp_path_factory.mktemp("bad_input") / "project")
    assert main(["--config", str(root / "mkdocs.yml"), "build"]) == 0
    return root


def apply_edit(root: Path, edit: dict) -> None:
    if "replace" in edit:
        spec = edit["replace"]
        path = root / spec["file"]
        text = path.read_text(encoding="utf-8")
        assert spec["old"] in text, f"fixture out of date: {spec['old']!r} not in {spec['file']}"
        path.write_text(text.replace(spec["old"], spec["new"], 1), encoding="utf-8")
    elif "write" in edit:
        (root / edit["write"]["file"]).write_text(edit["write"]["text"], encoding="utf-8")
    else:
        spec = edit["transform"]
        path = root / spec["file"]
        kind = spec["kind"]
        if kind == "bom":
            path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
        elif kind == "crlf":
            path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
        elif kind == "cp1256":
            path.write_bytes(path.read_text(encoding="utf-8").encode("cp1256", errors="replace"))
        elif kind == "latin1":
            path.write_bytes(path.read_bytes() + "Café à la crème\n".encode("latin-1"))
        elif kind == "delete":
            path.unlink()
        elif kind == "symlink-outside":
            outside = root.parent / "outside.md"
            outside.write_text("# Not part of the docs\n", encoding="utf-8")
            path.symlink_to(outside)
        elif kind == "symlink-folder":  # a folder of catalogs replaced by a link to the English pages
            shutil.rmtree(path)
            path.symlink_to(root / "docs" / "en", target_is_directory=True)
        elif kind == "symlink-to-device":
            path.unlink()
            path.symlink_to("/dev/zero")
        elif kind == "symlink-to-secret":  # a file outside the project whose contents must never be shown
            secret = root.parent / "secret.txt"
            secret.write_text("SECRET-LINE-42 root:x:0:0\n", encoding="utf-8")
            path.unlink()
            path.symlink_to(secret)
        elif kind == "folder":
            path.unlink()
            path.mkdir()
            (path / "inside.po").write_text("", encoding="utf-8")
        elif kind == "fifo":
            path.unlink()
            os.mkfifo(path)
        elif kind == "name-not-utf8":
            (path / os.fsdecode(b"caf\xe9.po")).write_bytes((path / "about.po").read_bytes())
        elif kind == "huge-po":
            path.write_bytes(path.read_bytes() + b"# padding\n" * 2_500_000)
        elif kind == "huge":
            path.write_text("# Huge\n\n" + ("A long paragraph of text. " * 40 + "\n\n") * 10_000, encoding="utf-8")
        else:
            raise AssertionError(f"unknown transform {kind}")


def snapshot(root: Path) -> dict[str, bytes]:
    paths = [root / part for part in WATCHED if (root / part).is_file()]
    paths += [p for part in WATCHED for p in sorted((root / part).rglob("*")) if p.is_file()]
    return {str(p.relative_to(root)): p.read_bytes() for p in paths}


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_bad_input_is_refused_clearly_and_nothing_is_lost(
    case: Path, built_project: Path, tmp_path: Path, capsys
) -> None:
    spec = yaml.safe_load(case.read_text(encoding="utf-8"))
    root = tmp_path / "project"
    shutil.copytree(built_project, root, symlinks=True)
    apply_edit(root, spec["edit"])
    expect = spec["expect"]
    location = expect["location"]
    if "line_of" in expect:  # the line of the n-th occurrence of a text in the edited file
        lines = (root / location.rstrip(":")).read_text(encoding="utf-8").splitlines()
        hits = [number for number, line in enumerate(lines, 1) if expect["line_of"] in line]
        location += str(hits[expect.get("occurrence", 1) - 1] + expect.get("offset", 0))
    before = snapshot(root)
    capsys.readouterr()
    code = main(["--config", str(root / "mkdocs.yml"), *spec["command"].split()])
    output = capsys.readouterr()
    text = output.out + output.err
    assert code == expect["exit"], text
    assert location in text, text
    assert expect["message"] in text, text
    assert not expect.get("absent") or expect["absent"] not in text, text
    assert snapshot(root) == before, "a failed command changed catalogs, generated pages or the site"


def test_the_matrix_has_at_least_thirty_cases() -> None:
    assert len(CASES) >= 30
