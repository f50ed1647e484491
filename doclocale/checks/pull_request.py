"""The report where a translator works on GitHub: one annotation per finding on its PO line in
the pull request's diff (workflow commands), and a job summary with each page's progress and
the findings grouped by file, each with its plain-language hint. A finding on a language's
catalog also says what its code means in that language, where the translator guide of that
language explains it (``codes.meaning_in``).

GitHub shows annotations and the summary's list items left to right; a meaning in a right-to-left
language is wrapped in a first-strong isolate (U+2068 … U+2069) so that its words, and the
English names inside it, read in order (``tests/test_guide_layout.py`` checks it in Chromium).

Escaping follows GitHub's documentation of workflow commands: in the message ``%``, CR and LF;
in a property (file, title) also ``:`` and ``,``.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import groupby

from doclocale.catalogs.status import StatusRow
from doclocale.codes import CODES, meaning_in
from doclocale.model import Finding, Severity
from doclocale.report import Report

_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def in_translators_language(finding: Finding) -> str | None:
    """What the code means in the language of the catalog the finding is on (``locale/<language>/…``)."""
    parts = finding.location.path.split("/")
    meaning = meaning_in(finding.code, parts[1]) if len(parts) > 2 and parts[0] == "locale" else None
    return f"\u2068{meaning}\u2069" if meaning else None


def annotation(finding: Finding) -> str:
    """``::error file=…,line=…,title=…::…`` for one finding (the line only when it is known)."""
    properties = [f"file={escape_property(finding.location.path)}"]
    if finding.location.line:
        properties.append(f"line={finding.location.line}")
    properties.append(f"title={escape_property(f'{finding.code} {CODES[finding.code].family}')}")
    meaning = in_translators_language(finding)
    body = f"{meaning}\n{finding.message}" if meaning else finding.message
    if finding.excerpt:
        body += f"\nEnglish: {finding.excerpt}"
    if finding.hint:
        body += f"\nHow to fix it: {finding.hint}"
    return f"::{_LEVEL[finding.severity]} {','.join(properties)}::{escape_data(body)}"


#: Annotations of one level GitHub shows on the diff per step; the rest are only in the log and the summary.
SHOWN_PER_LEVEL = 10


def _changed_then_catalogs(changed: frozenset[str]):
    """Findings on the files the pull request changes first, then on catalogs, then the rest: GitHub
    keeps the first annotations of each level a step prints, and the translator should see their own."""

    def key(finding: Finding) -> tuple:
        path = finding.location.path
        return (path not in changed, not path.startswith("locale/"), path, finding.location.line, finding.code)

    return key


def workflow_commands(report: Report, changed: Iterable[str] = ()) -> str:
    """Every active finding as an annotation (the changed files', then catalogs', first), then the summary line."""
    ordered = sorted(report.active, key=_changed_then_catalogs(frozenset(changed)))
    return "\n".join([*(annotation(finding) for finding in ordered), report.summary()])


def _not_all_on_the_diff(findings: list[Finding]) -> list[str]:
    counts = {level: sum(_LEVEL[f.severity] == level for f in findings) for level in _LEVEL.values()}
    if max(counts.values(), default=0) <= SHOWN_PER_LEVEL:
        return []
    return [
        f"GitHub shows at most {SHOWN_PER_LEVEL} errors, {SHOWN_PER_LEVEL} warnings and {SHOWN_PER_LEVEL} notices "
        f"on the lines of the diff; all {len(findings)} findings are listed here.",
        "",
    ]


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def job_summary(report: Report, rows: Iterable[StatusRow], preview: str = "", changed: Iterable[str] = ()) -> str:
    """Markdown for ``$GITHUB_STEP_SUMMARY``: progress per language and page, then the findings by
    file, the pull request's changed files first."""
    lines = ["## Translation report", ""]
    for language, group in groupby(sorted(rows, key=lambda r: (r.language, r.domain)), key=lambda r: r.language):
        lines += [
            f"### {language}: progress",
            "",
            "| Page | Translated | Outdated (fuzzy) | Untranslated | English words left |",
            "|---|---:|---:|---:|---:|",
        ]
        for row in group:
            c = row.counts
            left = c.words_fuzzy + c.words_untranslated
            lines.append(f"| {_cell(row.domain)} | {c.translated} | {c.fuzzy} | {c.untranslated} | {left} |")
        lines.append("")
    active = sorted(report.active, key=_changed_then_catalogs(frozenset(changed)))
    lines += [f"### Findings: {report.summary()}", "", *_not_all_on_the_diff(active)]
    for path, findings in groupby(active, key=lambda f: f.location.path):
        lines += [f"**{_cell(path)}**", ""]
        for f in findings:
            where = f"line {f.location.line}" if f.location.line else "the file"
            english = f" — English: “{_cell(f.excerpt)}”" if f.excerpt else ""
            hint = f" *{_cell(f.hint)}*" if f.hint else ""
            meaning = in_translators_language(f)
            said = f"{_cell(meaning)}. {_cell(f.message)}" if meaning else _cell(f.message)
            lines.append(f"- {f.severity} {f.code} at {where}: {said}{english}.{hint}")
        lines.append("")
    if preview:
        lines += [f"**Preview:** {preview}", ""]
    return "\n".join(lines)
