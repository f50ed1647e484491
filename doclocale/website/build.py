"""Build the MkDocs site into a staging folder and swap it in only on success."""

from __future__ import annotations

import logging
import shutil
from collections.abc import Callable
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import MkDocsException

from doclocale.errors import BuildFailed, PipelineError
from doclocale.reading.sources import find_pages
from doclocale.settings import Settings
from doclocale.util.apart import Apart, Stopped
from doclocale.util.atomic import replace_tree, staging_dir
from doclocale.util.result_store import ResultStore
from doclocale.website.search import write_search_index

log = logging.getLogger(__name__)


#: From this many English pages on, MkDocs runs in a process of its own and the search index is
#: written once that process has ended: at 10,000 guides the site builder holds about 470 MB when
#: the build ends, and Pagefind needs 820 MB more beside it (BENCHMARKS.md). Below it, one process
#: costs less than starting another.
SEARCH_APART_FROM = 2000


def build_site(settings: Settings, release: bool = False, check_ahead: bool = False) -> None:
    """Run a strict MkDocs build into site/; ``BuildFailed`` says why it could not.

    A failed or interrupted build leaves the previous site/ untouched. ``release``
    turns on the plugin's strict mode (fail on any page not fully translated);
    ``check_ahead`` computes ``make check``'s costly findings meanwhile (``check_ahead.py``).
    """
    staging = staging_dir(settings.site_dir)
    try:
        apart = len(find_pages(settings)) >= SEARCH_APART_FROM
    except PipelineError:
        apart = False  # the build says what is wrong with docs/, as it always does

    def configure(config) -> None:
        options = config.plugins["doclocale"].config
        options.check_ahead = check_ahead
        options.check_ahead_workers = 1 if apart else 0
        options.search_index = not apart
        options.generate_apart = not apart and not release  # a release stops as soon as a page cannot be published

    failure = (run_mkdocs_apart if apart else run_mkdocs)(settings, staging, release, configure)
    if failure:
        raise BuildFailed(f"{settings.relative(settings.site_dir)}/", failure)
    if apart:
        try:
            index_site(settings, staging)
        except PipelineError as error:
            shutil.rmtree(staging, ignore_errors=True)
            raise BuildFailed(f"{settings.relative(settings.site_dir)}/", error.format()) from error
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
    replace_tree(staging, settings.site_dir)


def index_site(settings: Settings, site: Path) -> None:
    """The search index of a built site, kept in .cache/search/ as the plugin keeps it."""
    store = ResultStore(settings.cache_dir("search"))
    count = write_search_index(site, store)
    store.prune()
    logging.getLogger("mkdocs.plugins.doclocale").info("search index: %s pages", count)


def run_mkdocs_apart(
    settings: Settings, folder: Path, release: bool, configure: Callable[[MkDocsConfig], None] | None = None
) -> str | None:
    """``run_mkdocs`` in a child process (forked: the configuration needs no pickling); its memory is
    given back when it ends."""
    child = Apart(run_mkdocs, settings, folder, release, configure)
    try:
        return child.result()
    except Stopped as stopped:
        shutil.rmtree(folder, ignore_errors=True)
        return f"the site builder stopped without finishing ({stopped})"
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise


def run_mkdocs(
    settings: Settings, folder: Path, release: bool, configure: Callable[[MkDocsConfig], None] | None = None
) -> str | None:
    """One strict MkDocs build into ``folder``; on failure the folder is removed and the
    reason (MkDocs' error and every warning it logged) returned. ``configure`` adjusts the
    loaded configuration first (a shard build)."""
    warnings = _WarningCollector()
    logging.getLogger("mkdocs").addHandler(warnings)
    config = None
    try:
        config = load_config(config_file=str(settings.root / "mkdocs.yml"), site_dir=str(folder), strict=True)
        if release:
            config.plugins["doclocale"].config.strict = True
        if configure:
            configure(config)
        build(config)
    except (MkDocsException, SystemExit) as error:
        shutil.rmtree(folder, ignore_errors=True)
        if str(error) == "Aborted with a BuildError!" and warnings.messages:
            return "\n".join(warnings.messages)  # the error itself says what stopped the build
        return f"{error}" + "".join(f"\n  {message}" for message in warnings.messages)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    finally:
        logging.getLogger("mkdocs").removeHandler(warnings)
        plugin = config.plugins.get("doclocale") if config is not None else None
        if plugin is not None:
            plugin.stop_generating()  # a generation no pass collected (the build stopped early)
    return None


class _WarningCollector(logging.Handler):
    """Keeps MkDocs' warnings so a failed build can say what failed, file by file."""

    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())
