"""Every command the README and the documents beside it give runs as written on a copy of the project
(no activated venv)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT, copy_project

DOCUMENTS = ("README.md", "ARCHITECTURE.md", "CONTRIBUTING.md", "DEPLOYING.md", "BENCHMARKS.md", "TRANSLATING.md")
README = "\n".join((ROOT / name).read_text(encoding="utf-8") for name in DOCUMENTS)
#: Commands that run a server, take minutes, or are the set-up itself: documented, not run here.
LONG_OR_INTERACTIVE = (
    "make serve",
    "make test",
    "make build",
    "make screenshots",
    "make lock",
    "make lighthouse",
    "make mutants",
    "make preview",
    "bench_",
    "profile_stages",
    "corpus_report",
    "readability_report",
    "page_weight",
    "pytest",
    "make shard",  # these two need each other: tests/test_shards.py runs the README's block in order
    "make merge",
)


def documented_commands() -> list[str]:
    """Commands in the README's command table and its shell blocks."""
    table = re.findall(r"^\| `([^`]+)` \|", README, re.M)
    blocks = [
        line.split("  #")[0].strip()
        for block in re.findall(r"```sh\n(.*?)```", README, re.S)
        for line in block.splitlines()
        if line.strip() and not line.startswith("#")
    ]
    return [command for command in table + blocks if command.startswith(("make", ".venv/bin/"))]


SAFE = [command for command in documented_commands() if not any(part in command for part in LONG_OR_INTERACTIVE)]


def test_the_readme_documents_its_commands_with_the_project_interpreter() -> None:
    commands = documented_commands()
    assert len(commands) >= 10
    assert not re.search(r"`python -m doclocale", README), "use .venv/bin/python: a bare python is not the project's"


@pytest.mark.parametrize("command", SAFE)
def test_a_documented_command_runs_as_written(command: str, tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    for name in ("Makefile", "pyproject.toml", "scripts", "tests/corpus"):
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, project / name)
    (project / ".venv").symlink_to(Path(sys.prefix))  # the set-up `make build` did, shared
    if command.startswith("make "):  # the venv exists: make must not reinstall it into this copy
        command = command.replace("make ", "make -o .venv/.installed ", 1)
    result = subprocess.run(command, shell=True, cwd=project, capture_output=True, text=True, timeout=600)
    assert result.returncode in (0, 1), f"{command}\n{result.stdout[-2000:]}\n{result.stderr[-2000:]}"
    assert "Traceback" not in result.stderr, result.stderr


def test_the_readme_is_short_enough_to_read_in_full() -> None:
    lines = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    assert len(lines) <= 150, len(lines)
