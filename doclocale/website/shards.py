"""Sharded builds: each language's share of the site built on its own (one CI job per
language), then merged into one site.

A shard builds the source language and its own language with MkDocs, as the full build
does (a translated page is compared with MkDocs' rendering of the English page), and keeps
its share: the source-language shard everything but the files the merge writes; another
language's shard its folder and the bilingual handouts it made (it renders the English
pages' content, and writes only the English guides the bilingual handouts are made from). The merge puts the shares
side by side, refuses two shards writing one file, and writes what covers every
language: the sitemap and the search index. Every shard records a digest of each
English page's content as MkDocs rendered it, and of the code, configuration and theme
that frame every page; the merge refuses shards that differ in any of them.
"""

from __future__ import annotations

import hashlib
import json
import logging
import shutil
from pathlib import Path

from doclocale.errors import BuildFailed, PipelineError, SiteError
from doclocale.model import Location
from doclocale.settings import Settings
from doclocale.util.atomic import replace_tree, staging_dir
from doclocale.util.fingerprint import code_fingerprint
from doclocale.website.build import run_mkdocs
from doclocale.website.search import write_search_index
from doclocale.website.sitemaps import format_sitemap, gzip_mtime, gzipped, merge_sitemaps, read_sitemap

SHARE = "site"  # a shard's folder: its share of site/ …
INFO = "shard.json"  # … what it is …
SITEMAPS = ("sitemap.xml", "sitemap.xml.gz")  # … and the sitemap of what it built
MERGED = ("pagefind", *SITEMAPS)  # written by the merge, for every language at once


class ShardError(SiteError):
    """A shard cannot be merged: which, why and how to make a good one."""

    def __init__(self, part: Path | str, message: str, hint: str = "") -> None:
        super().__init__(Location(str(part)), message, hint)


def shard_languages(settings: Settings) -> list[str]:
    return [settings.source_language, *settings.languages]


def build_shard(settings: Settings, language: str, out: Path, release: bool = False) -> None:
    """Build ``language``'s share of the site into ``out`` (``BuildFailed`` if it cannot).

    A failed build leaves a previous ``out`` untouched."""
    if language not in shard_languages(settings):
        raise SiteError(
            Location("mkdocs.yml"),
            f"{language} is not a language of this site",
            f"give one of {', '.join(shard_languages(settings))}",
        )
    staging = staging_dir(out.resolve())
    built = staging / "build"
    plugins = []

    def configure(config) -> None:
        plugin = config.plugins["doclocale"]
        plugin.config.shard = language
        plugins.append(plugin)
        for entry in config.plugins["i18n"].config.languages:
            entry.build = entry.locale in (settings.source_language, language)

    quiet = _UnwrittenPages()  # the English pages another language's shard leaves unwritten, on purpose
    logging.getLogger("mkdocs.commands.build").addFilter(quiet)
    try:
        failure = run_mkdocs(settings, built, release, configure)
    finally:
        logging.getLogger("mkdocs.commands.build").removeFilter(quiet)
    if failure:
        shutil.rmtree(staging, ignore_errors=True)
        raise BuildFailed(f"{out}/ (the {language} shard)", failure)
    handouts = {path.resolve().relative_to(built).as_posix() for path in plugins[0].handouts_written}
    english = {page: hashlib.sha256(html.encode()).hexdigest() for page, html in plugins[0].source_content.items()}
    english[""] = sources_digest(settings)
    for path in sorted(built.rglob("*")):
        name = path.relative_to(built).as_posix()
        if path.is_dir() or name.split("/")[0] in MERGED:
            continue
        in_own_folder = language != settings.source_language and name.startswith(f"{language}/")
        if language == settings.source_language or in_own_folder or name in handouts:
            target = staging / SHARE / name
            target.parent.mkdir(parents=True, exist_ok=True)
            path.rename(target)
    for name in SITEMAPS:
        (built / name).rename(staging / name)
    (staging / INFO).write_text(json.dumps({"language": language, "english": english}, indent=0) + "\n")
    shutil.rmtree(built)
    replace_tree(staging, out.resolve())


class _UnwrittenPages(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("Page skipped: ")


def sources_digest(settings: Settings) -> str:
    """What every page's frame is made from: the code, mkdocs.yml and the theme overrides."""
    digest = hashlib.sha256(code_fingerprint())
    overrides = settings.root / "overrides"
    for path in [settings.root / "mkdocs.yml", *sorted(overrides.rglob("*"))]:
        if path.is_file():
            digest.update(path.relative_to(settings.root).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def merge_shards(settings: Settings, parts: list[Path]) -> None:
    """Merge every language's shard into site/ (``SiteError`` names the shard that cannot be).

    Nothing is written unless every shard is there and they agree; the previous site/ is kept."""
    site = f"{settings.relative(settings.site_dir)}/"
    try:
        shards = _read_parts(settings, parts)
    except PipelineError as error:
        raise BuildFailed(site, error.format(), "merge") from error
    staging = staging_dir(settings.site_dir)
    try:
        _merge_into(staging, [shards[language] for language in shard_languages(settings)])
    except (PipelineError, OSError) as error:
        shutil.rmtree(staging, ignore_errors=True)
        reason = error.format() if isinstance(error, PipelineError) else f"{error.filename}: {error.strerror}"
        raise BuildFailed(site, reason, "merge") from error
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    replace_tree(staging, settings.site_dir)


def _read_parts(settings: Settings, parts: list[Path]) -> dict[str, Path]:
    shards: dict[str, Path] = {}
    digests: dict[str, dict[str, str]] = {}
    for part in parts:
        try:
            info = json.loads((part / INFO).read_text(encoding="utf-8"))
            language, digest = info["language"], dict(info["english"])
        except (OSError, ValueError, KeyError, TypeError) as error:
            raise ShardError(
                part, f"not a shard ({error})", f"make one with `python -m doclocale shard LANGUAGE --out {part}`"
            ) from error
        if language in shards:
            raise ShardError(
                part, f"{shards[language]} and {part} are both the {language} shard", "give each language once"
            )
        if language not in shard_languages(settings):
            raise ShardError(
                part, f"a shard of {language}, which mkdocs.yml does not list", "build the site's languages"
            )
        shards[language], digests[language] = part, digest
    missing = [language for language in shard_languages(settings) if language not in shards]
    if missing:
        raise ShardError(
            "mkdocs.yml",
            f"no shard for {', '.join(missing)}",
            f"build it with `python -m doclocale shard {missing[0]}`",
        )
    source = digests[settings.source_language]
    for language, digest in digests.items():
        differing = sorted(name for name in source.keys() | digest.keys() if source.get(name) != digest.get(name))
        if differing:
            raise ShardError(
                shards[language],
                f"the {language} shard built other {settings.source_language} pages than the "
                f"{settings.source_language} shard ({len(differing)} differ, first {differing[0] or 'the code, mkdocs.yml or overrides/'})",
                "build every shard from the same commit",
            )
    return shards


def _merge_into(staging: Path, parts: list[Path]) -> None:
    owners: dict[str, Path] = {}
    for part in parts:
        share = part / SHARE
        for path in sorted(share.rglob("*")):
            if path.is_dir():
                continue
            name = path.relative_to(share).as_posix()
            if name in owners:
                raise ShardError(part, f"{name} is in {owners[name]} and in {part}", "each file comes from one shard")
            owners[name] = part
            target = staging / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, target)
    entries = merge_sitemaps(
        [read_sitemap((part / SITEMAPS[0]).read_bytes(), str(part / SITEMAPS[0])) for part in parts]
    )
    text = format_sitemap(entries)
    (staging / SITEMAPS[0]).write_text(text, encoding="utf-8")
    mtime = max(gzip_mtime((part / SITEMAPS[1]).read_bytes(), str(part / SITEMAPS[1])) for part in parts)
    (staging / SITEMAPS[1]).write_bytes(gzipped(text, mtime))
    write_search_index(staging)
