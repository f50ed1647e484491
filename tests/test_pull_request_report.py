"""``check --format github``: each finding becomes an annotation on its PO line in the pull
request's diff, escaped as GitHub documents workflow commands; the job summary gives each page's
progress and the findings grouped by file with their hints."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest

from doclocale.catalogs.merge import Counts, read_catalog, write_catalog
from doclocale.catalogs.status import StatusRow
from doclocale.checks.pull_request import annotation, job_summary, workflow_commands
from doclocale.cli import main
from doclocale.model import Finding, Location, Severity
from doclocale.report import Report

GUIDE = "locale/fa/LC_MESSAGES/guides/microneedling.po"


@pytest.mark.parametrize(
    ("finding", "expected"),
    [
        (
            Finding(Location("locale/fa/LC_MESSAGES/a.po", 7), "P701", Severity.ERROR, "Arabic yeh", "type ی", "small"),
            "::error file=locale/fa/LC_MESSAGES/a.po,line=7,title=P701 Persian orthography::"
            "\u2068ی عربی (ي ى) به جای ی فارسی\u2069%0AArabic yeh%0AEnglish: small%0AHow to fix it: type ی",
        ),
        (  # % CR LF in the message; : and , also in properties
            Finding(Location("odd:name,1.po", 0), "C101", Severity.WARNING, "50% done\r\nnext", ""),
            "::warning file=odd%3Aname%2C1.po,title=C101 completeness::50%25 done%0D%0Anext",
        ),
        (
            Finding(Location("site/a.html", 3), "L920", Severity.INFO, "links to another site: https://x.org"),
            "::notice file=site/a.html,line=3,title=L920 built site and handouts::links to another site: https://x.org",
        ),
        (
            Finding(Location("locale/fa/LC_MESSAGES/_site.po", 40), "S303", Severity.ERROR, "has <b>", "plain text"),
            "::error file=locale/fa/LC_MESSAGES/_site.po,line=40,title=S303 safety (the build's own gate)::"
            "\u2068در عنوان یا توضیح صفحه یا در یکی از متن‌های خود سایت، نویسهٔ قالب‌بندی (مانند ‎< > { }‎) یا جای‌نگه‌داری آمده است که در متن انگلیسی نیست: "
            "پذیرفته نمی‌شود\u2069%0Ahas <b>%0AHow to fix it: plain text",
        ),
        (
            Finding(Location("docs/en/guides/a.md", 1), "V104", Severity.ERROR, "review was due on 2026-01-01"),
            "::error file=docs/en/guides/a.md,line=1,title=V104 medical review::review was due on 2026-01-01",
        ),
    ],
    ids=["error-with-english-and-hint", "escaped", "info-is-a-notice", "site-strings", "english-page"],
)
def test_a_finding_is_an_annotation_escaped_as_github_documents(finding: Finding, expected: str) -> None:
    assert annotation(finding) == expected


def test_the_job_summary_reads_as_expected() -> None:
    """Each kind of entry and finding, rendered as the run's summary (fixture: tests/fixtures/github/)."""
    counts = Counts(translated=10, fuzzy=2, untranslated=1, words_translated=90, words_fuzzy=12, words_untranslated=7)
    rows = [StatusRow("fa", "guides/a", counts), StatusRow("fa", "_site", Counts(translated=3, words_translated=5))]
    report = Report()
    report.extend(
        [
            Finding(
                Location("locale/fa/LC_MESSAGES/guides/a.po", 12),
                "P701",
                Severity.ERROR,
                "Arabic yeh",
                "type ی",
                "Pain",
            ),
            Finding(
                Location("locale/fa/LC_MESSAGES/guides/a.po", 30),
                "C102",
                Severity.WARNING,
                "marked fuzzy",
                "",
                "Rest | sleep",
            ),
            Finding(
                Location("docs/en/index.md", 1), "D101", Severity.ERROR, "the home page does not list a guide", "add it"
            ),
        ]
    )
    expected = Path(__file__).parent / "fixtures" / "github" / "summary.md"
    assert job_summary(report, rows, "the artifact 'preview'") == expected.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("changed", "expected"),
    [
        ([], ["locale/fa/LC_MESSAGES/a.po", "locale/fa/LC_MESSAGES/b.po", "docs/en/index.md"]),
        (
            ["locale/fa/LC_MESSAGES/b.po"],
            ["locale/fa/LC_MESSAGES/b.po", "locale/fa/LC_MESSAGES/a.po", "docs/en/index.md"],
        ),
        (
            ["docs/en/index.md", "mkdocs.yml"],
            ["docs/en/index.md", "locale/fa/LC_MESSAGES/a.po", "locale/fa/LC_MESSAGES/b.po"],
        ),
    ],
    ids=["catalogs-first", "the-changed-catalog-first", "the-changed-page-first"],
)
def test_the_pull_requests_own_files_are_annotated_first(changed: list[str], expected: list[str]) -> None:
    """GitHub keeps only the first annotations of each level: the files the pull request changes come
    first, then catalogs, then the rest; the summary lists the files in the same order."""
    report = Report(
        findings=[
            Finding(Location("docs/en/index.md", 1), "D101", Severity.ERROR, "the home page does not list a guide"),
            Finding(Location("locale/fa/LC_MESSAGES/b.po", 3), "P701", Severity.ERROR, "Arabic yeh"),
            Finding(Location("locale/fa/LC_MESSAGES/a.po", 9), "P701", Severity.ERROR, "Arabic yeh"),
        ]
    )
    files = [line.split(",")[0].split("file=")[1] for line in workflow_commands(report, changed).splitlines()[:-1]]
    assert files == expected
    summary = job_summary(report, [], changed=changed)
    assert [line.strip("*") for line in summary.splitlines() if line.startswith("**")] == expected


@pytest.mark.parametrize(("errors", "said"), [(10, False), (11, True)])
def test_the_summary_says_when_github_leaves_findings_off_the_diff(errors: int, said: bool) -> None:
    report = Report(
        findings=[
            Finding(Location("locale/fa/LC_MESSAGES/a.po", n), "P701", Severity.ERROR, "y") for n in range(errors)
        ]
    )
    assert (f"all {errors} findings are listed here" in job_summary(report, [])) is said


def test_a_translators_mistake_is_annotated_on_its_line_with_a_summary(
    project: Path, tmp_path: Path, monkeypatch, capsys
) -> None:
    catalog = read_catalog(project / GUIDE)
    catalog.get("small wrinkles").string = "چین‌های ريز"
    catalog.get("acne scars, and acne at times when you have no active pimples").string = ""
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
    assert f"- error P701 at line {line}: \u2068ی عربی (ي ى) به جای ی فارسی\u2069. Arabic yeh" in text
    assert "open the artifact 'site'" in text


WORKFLOW = Path(__file__).resolve().parent.parent / ".github/workflows/pull-request.yml"


def workflow_commands_in_order(runner_temp: Path) -> list[list[str]]:
    """The pull-request job's commands, as this project's command line runs them; the list of changed
    files (``git diff`` into ``$RUNNER_TEMP/changed-files``) stays a step of its own."""
    import yaml

    steps = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))["jobs"]["translation"]["steps"]
    runs = [step["run"] for step in steps if "run" in step and not step["run"].startswith("sudo apt-get")]
    commands = []
    for run in runs:
        run = run.replace('"$RUNNER_TEMP/', f"{runner_temp}/").replace('changed-files"', "changed-files")
        if run == "make build":
            commands.append(["build"])
        elif run.startswith("git diff --name-only HEAD^1 HEAD > "):
            commands.append(["git-diff", run.split(" > ")[1]])
        else:
            assert run.startswith(".venv/bin/python -m doclocale "), run
            commands.append(run.removeprefix(".venv/bin/python -m doclocale ").split())
    return commands


@pytest.mark.parametrize(
    ("msgstr", "code", "level", "exit_code"),
    [("", "C101", "warning", 0), ("چین‌های ريز", "P701", "error", 1)],
    ids=["untranslated-passes-with-an-annotation", "broken-fails-on-its-line"],
)
def test_the_pull_request_workflow_answers_on_the_line(
    project: Path, tmp_path: Path, monkeypatch, capsys, msgstr: str, code: str, level: str, exit_code: int
) -> None:
    changed = f"{tmp_path}/changed-files"
    commands = workflow_commands_in_order(tmp_path)
    # the changed files, the preview build, every check (the changed files' findings first), the start page
    assert commands == [
        ["git-diff", changed],
        ["build"],
        ["check", "--format", "github", "--changed", changed],
        ["changed-pages", "<", changed],
    ]
    monkeypatch.setenv("DOCLOCALE_HANDOUTS", "false")
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    catalog = read_catalog(project / GUIDE)
    catalog.get("small wrinkles").string = msgstr
    write_catalog(project / GUIDE, catalog)
    line = read_catalog(project / GUIDE).get("small wrinkles").lineno
    codes = []
    for command in commands:
        if command[0] == "git-diff":
            Path(command[1]).write_text(f"{GUIDE}\n", encoding="utf-8")  # what git diff lists
            continue
        if "<" in command:
            monkeypatch.setattr("sys.stdin", io.StringIO(Path(command[-1]).read_text(encoding="utf-8")))
            command = command[:-2]
        codes.append(main(["--config", str(project / "mkdocs.yml"), *command]))
    assert codes == [0, exit_code, 0]
    out = capsys.readouterr().out
    annotated = [row.split(",")[0].split("file=")[1] for row in out.splitlines() if row.startswith("::")]
    assert annotated == sorted(annotated, key=lambda path: path != GUIDE), out  # the changed catalog first
    assert f"::{level} file={GUIDE},line={line},title={code} " in out, out
    start = (project / "changed-pages.html").read_text(encoding="utf-8")
    assert re.findall(r'href="([^"]+)"', start) == ["site/fa/guides/microneedling/index.html"]
    assert (project / "site/fa/guides/microneedling/index.html").is_file()


def test_a_missing_list_of_changed_files_is_named(project: Path, tmp_path: Path, capsys) -> None:
    missing = tmp_path / "changed-files"
    argv = ["--config", str(project / "mkdocs.yml"), "check", "--no-site", "--format", "github", "--changed"]
    assert main([*argv, str(missing)]) == 2
    assert capsys.readouterr().err == f"{missing}: no such file (the list of changed files, one per line)\n"


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        (["locale/fa/LC_MESSAGES/guides/microneedling.po"], ["fa guides/microneedling"]),
        (["docs/en/about.md"], ["en about", "fa about"]),
        (["locale/fa/LC_MESSAGES/_site.po"], ["fa index"]),  # the site's own words: every page; the home page
        (["overrides/main.html", "doclocale/cli.py"], ["en index", "fa index"]),
        (["locale/guides/microneedling.pot", "locale/fa/glossary.yml", "docs/en/img/skin.svg"], []),
        (["locale/xx/LC_MESSAGES/about.po", "locale/fa/LC_MESSAGES/about.po"], ["fa about"]),  # not a site language
    ],
    ids=["catalog", "english-page", "site-strings", "theme-or-code", "no-page", "unknown-language"],
)
def test_the_preview_start_page_lists_the_pages_the_files_change(settings, files: list[str], expected) -> None:
    from doclocale.website.changed_pages import changed_pages

    assert [f"{c.language} {c.page}" for c in changed_pages(settings, files)] == expected


@pytest.mark.parametrize(
    ("levels", "expected"),
    [
        ([], "0 errors, 0 warnings, 0 notes, 0 silenced with qa-ignore"),
        ([Severity.ERROR, Severity.WARNING, Severity.INFO], "1 error, 1 warning, 1 note, 0 silenced with qa-ignore"),
        ([Severity.ERROR] * 2 + [Severity.INFO] * 3, "2 errors, 0 warnings, 3 notes, 0 silenced with qa-ignore"),
    ],
    ids=["none", "one-of-each", "several"],
)
def test_the_report_counts_in_words_a_reader_expects(levels: list[Severity], expected: str) -> None:
    """The last line of `make check` and of the pull request's log: "1 error", not "1 errors"."""
    findings = [Finding(Location("a.po", n), "P701", level, "y") for n, level in enumerate(levels, 1)]
    assert Report(findings=findings).summary() == expected
