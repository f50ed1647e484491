"""``check --format github``: each finding becomes an annotation on its PO line in the pull
request's diff, escaped as GitHub documents workflow commands; the job summary gives each page's
progress and the findings grouped by file with their hints."""

from __future__ import annotations

from pathlib import Path

import pytest

from doclocale.catalogs.merge import read_catalog, write_catalog
from doclocale.checks.pull_request import annotation
from doclocale.cli import main
from doclocale.model import Finding, Location, Severity

GUIDE = "locale/fa/LC_MESSAGES/guides/microneedling.po"


@pytest.mark.parametrize(
    ("finding", "expected"),
    [
        (
            Finding(Location("locale/fa/LC_MESSAGES/a.po", 7), "P701", Severity.ERROR, "Arabic yeh", "type ی", "small"),
            "::error file=locale/fa/LC_MESSAGES/a.po,line=7,title=P701 Persian orthography::"
            "Arabic yeh%0AEnglish: small%0AHow to fix it: type ی",
        ),
        (  # % CR LF in the message; : and , also in properties
            Finding(Location("odd:name,1.po", 0), "C101", Severity.WARNING, "50% done\r\nnext", ""),
            "::warning file=odd%3Aname%2C1.po,title=C101 completeness::50%25 done%0D%0Anext",
        ),
        (
            Finding(Location("site/a.html", 3), "L920", Severity.INFO, "links to another site: https://x.org"),
            "::notice file=site/a.html,line=3,title=L920 built site and handouts::links to another site: https://x.org",
        ),
    ],
    ids=["error-with-english-and-hint", "escaped", "info-is-a-notice"],
)
def test_a_finding_is_an_annotation_escaped_as_github_documents(finding: Finding, expected: str) -> None:
    assert annotation(finding) == expected


def test_a_translators_mistake_is_annotated_on_its_line_with_a_summary(
    project: Path, tmp_path: Path, monkeypatch, capsys
) -> None:
    catalog = read_catalog(project / GUIDE)
    catalog.get("small wrinkles").string = "چین‌های ريز"
    catalog.get("acne and acne scars").string = ""
    write_catalog(project / GUIDE, catalog)
    line = read_catalog(project / GUIDE).get("small wrinkles").lineno
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    monkeypatch.setenv("DOCLOCALE_PREVIEW", "open the artifact 'site'")
    assert main(["--config", str(project / "mkdocs.yml"), "check", "--no-site", "--format", "github"]) == 1
    out = capsys.readouterr().out.splitlines()
    assert f"::error file={GUIDE},line={line},title=P701 Persian orthography::" in "\n".join(out)
    assert all(row.startswith(("::error ", "::warning ", "::notice ")) for row in out[:-1]), out
    text = summary.read_text(encoding="utf-8")
    assert "| guides/microneedling | 60 | 0 | 1 |" in text
    assert f"- error P701 at line {line}: Arabic yeh" in text and "open the artifact 'site'" in text
