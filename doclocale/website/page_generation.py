"""Before MkDocs collects the files: every translated page of ``docs/<language>/`` generated from
the catalogs, what the console says of it and, in a release, what stops the build.

Engine-free: the plugin passes its renderer and raises the engine's error on ``stop``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from doclocale.catalogs.translation_review import TranslationCheck
from doclocale.catalogs.update import site_release_problems
from doclocale.errors import PipelineError
from doclocale.settings import Settings
from doclocale.translating.generation import generate_all, release_problems
from doclocale.util.apart import Apart, Stopped
from doclocale.website.check_ahead import LOWER_PRIORITY
from doclocale.website.release_gate import failure, release_findings

#: Pages not fully translated that a build names on the console; the others are counted (a library of
#: 10,000 guides would print thousands of lines).
MOST_PAGES_LISTED = 20


@dataclass(frozen=True)
class GeneratedPages:
    checks: dict[tuple[str, str], TranslationCheck]  # (language, page) -> its second translator's check
    lines: list[str] = field(default_factory=list)  # what the console says
    details: list[str] = field(default_factory=list)  # each message not translated yet (--verbose)
    stop: str = ""  # a release build stops with this message


def generate_pages(settings: Settings, renderer, *, strict: bool, require_review: bool) -> GeneratedPages:
    builds = generate_all(settings, renderer, release=strict)
    checks = {(build.language, page): check for build in builds for page, check in build.checks.items()}
    lines = []
    for build in builds:
        lines.append(
            f"docs/{build.language}: {build.rendered} pages rendered, {len(build.pages) - build.rendered} reused"
            f" (inputs unchanged), {len(build.changed)} changed"
        )
        lines.extend(finding.format() for finding in build.refused)  # a preview shows the English and says so
    problems = release_problems(builds) + site_release_problems(settings)
    pages = [problem for problem in problems if not problem.startswith(" ")]
    if strict:
        stopping = release_findings(settings, require_review)
        if stopping or problems:
            stop = failure("entries to fix before a release (as 'make check' names them)", stopping, pages)
            return GeneratedPages(checks, lines, stop=stop)
    listed = [f"not fully translated: {page}" for page in pages]  # its messages with --verbose
    lines.extend(listed[:MOST_PAGES_LISTED])
    if len(listed) > MOST_PAGES_LISTED:
        more = len(listed) - MOST_PAGES_LISTED
        lines.append(
            f"… and {more} more {'page' if more == 1 else 'pages'} not fully translated"
            " ('make status' lists each one; --verbose prints them here)"
        )
    details = listed[MOST_PAGES_LISTED:] + [problem for problem in problems if problem.startswith(" ")]
    return GeneratedPages(checks, lines, details)


class PendingPages:
    """``generate_pages``, here or (``apart``) in a child process while the site builder renders the
    source language, which does not read the translated pages; ``result`` waits for them."""

    def __init__(self, settings: Settings, renderer, *, strict: bool, require_review: bool, apart: bool) -> None:
        arguments = (settings, renderer, strict, require_review)
        self.child = Apart(_generated_or_why_not, *arguments, LOWER_PRIORITY) if apart else None
        self.answer = _generated_or_why_not(*arguments) if self.child is None else ""

    def result(self) -> GeneratedPages | str:
        """What was generated, or why it could not be (a finding's ``path:line``, what to fix)."""
        if self.child is None:
            return self.answer
        try:
            return self.child.result()
        except Stopped as stopped:
            return f"generating the translated pages stopped without finishing ({stopped})"

    def stop(self) -> None:
        if self.child is not None:
            self.child.stop()


def _generated_or_why_not(
    settings: Settings, renderer, strict: bool, require_review: bool, niceness: int = 0
) -> GeneratedPages | str:
    os.nice(niceness)  # in a child: MkDocs keeps most of its core, these pages are needed after its first pass
    try:
        return generate_pages(settings, renderer, strict=strict, require_review=require_review)
    except PipelineError as error:
        return error.format()
