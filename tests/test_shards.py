"""Sharded builds: each language built in its own process (one CI job per language), merged into
the site a single build makes, byte for byte; a merge that cannot be right is refused."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from doclocale.checks.links import check_site
from doclocale.cli import main
from doclocale.model import Severity
from doclocale.settings import load_settings

from .conftest import copy_project


def files(root: Path) -> dict[str, bytes]:
    return {path.relative_to(root).as_posix(): path.read_bytes() for path in sorted(root.rglob("*")) if path.is_file()}


@pytest.fixture(scope="module")
def sharded(tmp_path_factory) -> Path:
    """The real content, one shard per language built at the same time in two processes, then merged."""
    root = copy_project(tmp_path_factory.mktemp("sharded") / "project")
    config = str(root / "mkdocs.yml")
    listed = subprocess.run(
        [sys.executable, "-m", "doclocale", "--config", config, "shard", "--list"], capture_output=True, text=True
    )
    assert listed.stdout.strip() == '["en", "fa"]'
    jobs = [
        subprocess.Popen(
            [sys.executable, "-m", "doclocale", "--config", config, "shard", language, "--out", f"parts/{language}"],
            cwd=root,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for language in ("en", "fa")
    ]
    for job in jobs:
        out, err = job.communicate(timeout=600)
        assert job.returncode == 0, err
    assert main(["--config", config, "merge", str(root / "parts/en"), str(root / "parts/fa")]) == 0
    return root


def test_merged_shards_are_the_single_build_byte_for_byte(sharded: Path, built_site: Path) -> None:
    merged, single = files(sharded / "site"), files(built_site)
    assert sorted(merged) == sorted(single)
    assert [name for name in single if merged[name] != single[name]] == []
    assert {"sitemap.xml", "pagefind/pagefind-entry.json", "fa/404.html"} <= set(merged)


def test_each_shard_holds_only_its_share(sharded: Path) -> None:
    english, persian = files(sharded / "parts/en/site"), files(sharded / "parts/fa/site")
    assert not set(english) & set(persian)
    assert not any(name.startswith(("fa/", "pagefind/")) for name in english)
    outside = sorted(name for name in persian if not name.startswith("fa/"))
    assert outside == ["guides/microneedling/microneedling-en-fa.pdf"]  # the bilingual handout beside the English page
    assert len([name for name in english if name.endswith(".html")]) >= 5


def test_merged_site_passes_the_site_checks(sharded: Path) -> None:
    """Cross-language links, hreflang, the switch and the sitemap hold across shards."""
    findings = check_site(load_settings(sharded / "mkdocs.yml"))
    assert [f.format() for f in findings if f.severity is Severity.ERROR] == []


def _copy_parts(sharded: Path, target: Path) -> Path:
    shutil.copytree(sharded / "parts", target)
    return target


def _built_elsewhere(part: Path, what: str) -> None:
    """The shard's record of the English it built, as if one page (or the frame: "") had differed."""
    import json

    info = json.loads((part / "shard.json").read_text())
    info["english"][what] = "0" * 64
    (part / "shard.json").write_text(json.dumps(info))


REFUSALS = {
    # name: (what is done to the parts, the shards given to the merge, words the message must have)
    "a language missing": (None, ["en"], "no shard for fa"),
    "a language twice": (None, ["en", "fa", "fa"], "both the fa shard"),
    "not a shard": (lambda parts: (parts / "fa" / "shard.json").unlink(), ["en", "fa"], "not a shard"),
    "one file in two shards": (
        lambda parts: shutil.copy(parts / "en/site/index.html", parts / "fa/site/index.html"),
        ["en", "fa"],
        "index.html is in",
    ),
    "shards of different English pages": (
        lambda parts: _built_elsewhere(parts / "fa", "about.md"),
        ["en", "fa"],
        "first about.md",
    ),
    "shards of different code or theme": (
        lambda parts: _built_elsewhere(parts / "fa", ""),
        ["en", "fa"],
        "first the code, mkdocs.yml or overrides/",
    ),
    "a broken sitemap": (
        lambda parts: (parts / "fa" / "sitemap.xml").write_text("<urlset"),
        ["en", "fa"],
        "not a sitemap",
    ),
}


@pytest.mark.parametrize("case", sorted(REFUSALS))
def test_a_merge_that_cannot_be_right_is_refused_and_keeps_the_site(
    case: str, sharded: Path, tmp_path: Path, capsys
) -> None:
    tamper, given, words = REFUSALS[case]
    parts = _copy_parts(sharded, tmp_path / "parts")
    if tamper:
        tamper(parts)
    before = files(sharded / "site")
    code = main(["--config", str(sharded / "mkdocs.yml"), "merge", *(str(parts / name) for name in given)])
    message = capsys.readouterr().err
    assert code == 1
    assert words in message and "previous site/ kept" in message, message
    assert "Traceback" not in message
    assert files(sharded / "site") == before
    assert not [p for p in sharded.iterdir() if p.name.startswith(".site.")], "a staging folder was left behind"


def test_the_shards_untampered_merge_again(sharded: Path, tmp_path: Path, capsys) -> None:
    """The passing case of the refusals above: the same copies, untouched, merge."""
    parts = _copy_parts(sharded, tmp_path / "parts")
    before = files(sharded / "site")
    assert main(["--config", str(sharded / "mkdocs.yml"), "merge", str(parts / "fa"), str(parts / "en")]) == 0
    assert files(sharded / "site") == before  # order of the arguments does not matter


def test_a_shard_of_an_unknown_language_is_refused(sharded: Path, capsys) -> None:
    assert main(["--config", str(sharded / "mkdocs.yml"), "shard", "de", "--out", os.devnull]) == 1
    assert (
        "mkdocs.yml: error: de is not a language of this site\n    hint: give one of en, fa" in capsys.readouterr().err
    )


def test_the_sharded_workflow_runs_what_this_repository_has() -> None:
    """Every `make` target the GitHub Actions matrix runs exists, and the matrix comes from `shard --list`."""
    import yaml

    root = Path(__file__).resolve().parent.parent
    workflow = yaml.safe_load((root / ".github/workflows/sharded.yml").read_text(encoding="utf-8"))
    runs = [step["run"] for job in workflow["jobs"].values() for step in job["steps"] if "run" in step]
    targets = {line.split()[1] for run in runs for line in run.splitlines() if line.startswith("make ")}
    makefile = (root / "Makefile").read_text(encoding="utf-8")
    assert targets == {".venv/.installed", "shard", "merge", "check"}
    assert all(
        f"\n{target}:" in makefile or makefile.startswith(f"{target}:") for target in targets - {".venv/.installed"}
    )
    assert "$(STAMP):" in makefile and "STAMP  := $(VENV)/.installed" in makefile
    assert "shard --list" in " ".join(runs)
    assert (
        workflow["jobs"]["shard"]["strategy"]["matrix"]["language"] == "${{ fromJSON(needs.languages.outputs.list) }}"
    )


def test_the_readme_sharded_commands_run_in_order(tmp_path: Path) -> None:
    """DEPLOYING.md's "Sharded builds" commands, exactly as written, one after the other in one copy."""
    import re

    root = Path(__file__).resolve().parent.parent
    readme = (root / "DEPLOYING.md").read_text(encoding="utf-8")
    block = re.search(r"## Sharded builds.*?```sh\n(.*?)```", readme, re.S).group(1)
    commands = [line.split("  #")[0].strip() for line in block.splitlines() if line.strip()]
    assert commands == ["make shard SHARD=en", "make shard SHARD=fa", "make merge"]
    project = copy_project(tmp_path / "project")
    shutil.copy2(root / "Makefile", project / "Makefile")
    (project / ".venv").symlink_to(Path(sys.prefix))
    for command in commands:
        result = subprocess.run(
            command.replace("make ", "make -o .venv/.installed ", 1),
            shell=True,
            cwd=project,
            capture_output=True,
            text=True,
            timeout=600,
        )
        assert result.returncode == 0, f"{command}\n{result.stderr[-2000:]}"
    assert "merged 2 shards into site/" in result.stdout
    assert (project / "site/fa/guides/microneedling/index.html").is_file()
