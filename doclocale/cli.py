"""Command line: ``python -m doclocale <command>``. Thin: load settings, call the library, print.

Each command imports its modules inside its own function: importing those of every command costs
0.24 s at each start (measured on the 2-core machine), which ``status``, a quick ``check`` and every
live rebuild would pay for modules they do not use.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from pathlib import Path

from doclocale.errors import PipelineError
from doclocale.settings import load_settings


def what_users_need(record: logging.LogRecord) -> bool:
    """The console of a command: this project's own lines (counts, refusals, where the site is)
    and warnings of other libraries. Not MkDocs' own lines: its progress names the temporary
    folder a build is staged in, and every build here is strict, so its warnings and errors stop
    the build and the command prints them once, together. ``--verbose`` shows everything."""
    if record.name.startswith(("doclocale", "mkdocs.plugins.doclocale")):
        return True
    return record.levelno >= logging.WARNING and not record.name.startswith("mkdocs")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="doclocale", description="Bilingual patient-guide pipeline")
    parser.add_argument("--config", default="mkdocs.yml", type=Path, help="path to mkdocs.yml (default: %(default)s)")
    parser.add_argument(
        "--verbose", action="store_true", help="also print what MkDocs and its plugins say as they work"
    )
    commands = parser.add_subparsers(dest="command", required=True)
    build = commands.add_parser("build", help="generate translated pages and build site/")
    build.add_argument("--strict", action="store_true", help="release mode: fail if any page is not fully translated")
    build.add_argument(
        "--check-ahead",
        action="store_true",
        help="meanwhile compute what 'check' computes, on the core MkDocs leaves idle (make build does)",
    )
    update = commands.add_parser("update", help="extract English text into locale/*.pot and merge every catalog")
    update.add_argument("--check", action="store_true", help="change nothing; exit 1 if catalogs are out of date")
    status = commands.add_parser("status", help="translation progress per language and page")
    status.add_argument("--json", action="store_true", help="machine-readable output")
    init = commands.add_parser("init", help="add a language: its catalogs and its entry in mkdocs.yml")
    init.add_argument("language", help="language code, e.g. ar or de")
    init.add_argument("--name", help="the language's own name for the language switch")
    checked = commands.add_parser(
        "review-translation",
        help="record that a second translator checked a page's translation (who, when, and what they checked)",
    )
    checked.add_argument("language", help="language code, e.g. fa")
    checked.add_argument("page", help="the page under docs/en/, e.g. guides/microneedling")
    checked.add_argument("--by", required=True, help="the name of the translator who checked it")
    checked.add_argument("--date", help="the day of the check, YYYY-MM-DD (default: today)")
    pseudo = commands.add_parser(
        "pseudo", help="build a pseudo-localised copy of the site (accented, longer text) to spot untranslatable text"
    )
    pseudo.add_argument("output", type=Path, help="folder for the copy; its site/ is built")
    pseudo.add_argument(
        "--language", help="language slot to fill with pseudo text (default: the first target language)"
    )
    shots = commands.add_parser(
        "screenshots", help="PNG screenshots of every page, both languages, phone and desktop width"
    )
    shots.add_argument(
        "--out", type=Path, default=Path("screenshots"), help="folder for the PNGs (default: %(default)s)"
    )
    preview = commands.add_parser(
        "preview", help="build (and with --serve, serve live) one page in every language, in about a second"
    )
    preview.add_argument("page", help="the page under docs/en/, e.g. guides/microneedling")
    preview.add_argument("--serve", action="store_true", help="serve it at http://127.0.0.1:8000 and rebuild on save")
    changes = commands.add_parser(
        "changed-pages",
        help="a start page for a pull request's preview: links to the pages and handouts its files change",
    )
    changes.add_argument("files", nargs="*", help="the changed files, from the repository's root (default: stdin)")
    changes.add_argument(
        "--out", type=Path, default=Path("changed-pages.html"), help="the page to write (default: %(default)s)"
    )
    shard = commands.add_parser(
        "shard", help="build one language's share of the site (one CI job per language); 'merge' joins them"
    )
    shard.add_argument("language", nargs="?", help="language code, e.g. en or fa")
    shard.add_argument("--out", type=Path, help="folder for the share (default: shards/<language>)")
    shard.add_argument("--strict", action="store_true", help="release mode, as 'build --strict'")
    shard.add_argument("--list", action="store_true", help="print the languages as a JSON list (a CI matrix)")
    merge = commands.add_parser("merge", help="merge every language's shard into site/ (sitemap and search index)")
    merge.add_argument("parts", nargs="+", type=Path, help="the shard folders, one per language")
    check = commands.add_parser("check", help="run every check and print one report")
    check.add_argument(
        "--format",
        choices=("text", "json", "github"),
        default="text",
        help="github: annotations on the pull request's lines, and a job summary in $GITHUB_STEP_SUMMARY",
    )
    check.add_argument(
        "--changed",
        type=Path,
        metavar="FILE",
        help="with --format github: a list of the files the pull request changes, one per line; "
        "their findings come first (GitHub shows only the first 10 of each level on the diff)",
    )
    check.add_argument("--no-site", action="store_true", help="skip the built-site checks")
    check.add_argument(
        "--online",
        action="store_true",
        help="also check that links to other sites answer (cached a week; needs internet)",
    )
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s", stream=sys.stderr)
    if args.verbose or os.environ.get("DOCLOCALE_VERBOSE"):
        os.environ["DOCLOCALE_VERBOSE"] = "1"  # the PDF layout's own lines too, in worker processes as well
        logging.getLogger("mkdocs.plugins.doclocale").setLevel(logging.DEBUG)
    else:
        for console in logging.getLogger().handlers:
            console.addFilter(what_users_need)
    try:
        settings = load_settings(args.config)
        handler = {
            "build": run_build,
            "update": run_update,
            "status": run_status,
            "init": run_init,
            "review-translation": run_review_translation,
            "check": run_check,
            "pseudo": run_pseudo,
            "screenshots": run_screenshots,
            "preview": run_preview,
            "changed-pages": run_changed_pages,
            "shard": run_shard,
            "merge": run_merge,
        }[args.command]
        return handler(settings, args)
    except PipelineError as error:
        print(error.format(), file=sys.stderr)
        return error.exit_code


def run_build(settings, args) -> int:
    from doclocale.website.build import build_site

    build_site(settings, release=args.strict, check_ahead=args.check_ahead)
    print(
        f"built {settings.relative(settings.site_dir)}/ ({', '.join((settings.source_language,) + settings.languages)})"
    )
    return 0


def run_shard(settings, args) -> int:
    from doclocale.website.shards import build_shard, shard_languages

    if args.list:
        print(json.dumps(shard_languages(settings)))
        return 0
    if not args.language:
        print("give a language (one of: " + ", ".join(shard_languages(settings)) + ") or --list", file=sys.stderr)
        return 2
    out = args.out or settings.root / "shards" / args.language
    build_shard(settings, args.language, out, release=args.strict)
    print(f"built the {args.language} shard in {out}/")
    return 0


def run_merge(settings, args) -> int:
    from doclocale.website.shards import merge_shards

    merge_shards(settings, args.parts)
    print(f"merged {len(args.parts)} shards into {settings.relative(settings.site_dir)}/")
    return 0


def run_preview(settings, args) -> int:
    import subprocess
    import time

    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from doclocale.website.preview import preview_project

    config_file = preview_project(settings, args.page)
    started = time.perf_counter()
    build(load_config(config_file=str(config_file), site_dir=str(config_file.parent / "site")))
    took = time.perf_counter() - started
    print(f"built {settings.relative(config_file.parent)}/site/ with {args.page} only, in {took:.1f} s")
    if args.serve:
        return subprocess.call([sys.executable, "-m", "mkdocs", "serve", "-f", str(config_file)])
    return 0


def run_changed_pages(settings, args) -> int:
    from doclocale.util.atomic import write_bytes_atomic
    from doclocale.website.changed_pages import changed_pages, page_folder, start_page

    changed = changed_pages(settings, args.files or sys.stdin.read().splitlines())
    handouts = {}
    for change in changed:
        folder = page_folder(settings, change.language, change.page)
        handouts[folder] = sorted(pdf.name for pdf in (settings.site_dir / folder).glob("*.pdf"))
    out = args.out if args.out.is_absolute() else settings.root / args.out
    write_bytes_atomic(out, start_page(settings, changed, handouts).encode("utf-8"))
    print(f"{settings.relative(out)}: {len(changed)} changed pages")
    return 0


def run_update(settings, args) -> int:
    from doclocale.catalogs.update import update_catalogs

    if args.check:  # a build checking ahead is computing this answer: wait for it
        from doclocale.website.check_ahead import wait_for_check_ahead

        wait_for_check_ahead(settings.cache_dir("checks"))
    result = update_catalogs(settings, check=args.check)
    for path, count in result.orphaned.items():
        print(
            f"{path}: no English page has this catalog any more; its {count} translations are kept and offered to every page (delete the file once the moved page is checked)"
        )
    if args.check:
        for path in result.written:
            print(f"{path}: out of date with docs/{settings.source_language}/ (run 'make update')")
        for error in result.failed:
            print(error.format(), file=sys.stderr)
        return 1 if result.written or result.orphaned or result.failed else 0
    for path in result.written:
        reuse = result.reused.get(path)
        parts = [
            f"{count} {what}"
            for count, what in (
                (reuse.carried if reuse else 0, "carried from a moved or renamed page"),
                (reuse.revived if reuse else 0, "revived from obsolete entries"),
                (reuse.suggested if reuse else 0, "suggested from other pages (fuzzy until confirmed)"),
            )
            if count
        ]
        note = f" ({', '.join(parts)})" if parts else ""
        print(f"updated {path}{note}")
    for error in result.failed:
        print(error.format(), file=sys.stderr)
    if result.failed:
        print(f"{len(result.failed)} catalog(s) left as they were; the others are up to date", file=sys.stderr)
        return result.failed[0].exit_code
    if not result.written:
        print("catalogs already up to date")
    return 0


def run_status(settings, args) -> int:
    from doclocale.catalogs.status import collect_status, format_status

    rows = collect_status(settings)
    if args.json:
        print(json.dumps([row.as_dict() for row in rows], ensure_ascii=False, indent=2))
    else:
        print(format_status(rows))
    return 0


def run_init(settings, args) -> int:
    from doclocale.catalogs.languages import add_language

    for line in add_language(settings, args.config, args.language, args.name):
        print(line)
    return 0


def run_review_translation(settings, args) -> int:
    from doclocale.catalogs.translation_review import record_page_check

    print(record_page_check(settings, args.language, args.page, args.by, args.date))
    return 0


def run_pseudo(settings, args) -> int:
    from doclocale.website.pseudo_site import build_pseudo_site

    language = args.language or settings.languages[0]
    build_pseudo_site(settings, args.output, language)
    print(f"pseudo-localised site: {args.output / 'site' / language}/")
    return 0


def run_screenshots(settings, args) -> int:
    from doclocale.website.browser import take_screenshots

    if not (settings.site_dir / "index.html").exists():
        print("no built site: run 'make build' first", file=sys.stderr)
        return 2
    written = take_screenshots(settings.site_dir, args.out)
    print(f"{len(written)} screenshots in {args.out}/")
    return 0


def run_check(settings, args) -> int:
    from doclocale.checks.runner import run_checks
    from doclocale.website.check_ahead import wait_for_check_ahead

    wait_for_check_ahead(settings.cache_dir("checks"))  # the one a build started: its findings are reused
    report = run_checks(settings, include_site=not args.no_site, online=args.online)
    if args.format == "github":
        from doclocale.catalogs.status import collect_status
        from doclocale.checks.pull_request import job_summary, workflow_commands

        if args.changed and not args.changed.is_file():
            print(f"{args.changed}: no such file (the list of changed files, one per line)", file=sys.stderr)
            return 2
        changed = args.changed.read_text(encoding="utf-8").splitlines() if args.changed else []
        print(workflow_commands(report, changed))
        if summary := os.environ.get("GITHUB_STEP_SUMMARY"):
            preview = os.environ.get("DOCLOCALE_PREVIEW", "")
            with open(summary, "a", encoding="utf-8") as out:
                out.write(job_summary(report, collect_status(settings), preview, changed))
        return report.exit_code
    print(report.format_json() if args.format == "json" else report.format_text())
    return report.exit_code


if __name__ == "__main__":
    sys.exit(main())
