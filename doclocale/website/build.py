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

from doclocale.errors import BuildFailed
from doclocale.settings import Settings
from doclocale.util.atomic import replace_tree, staging_dir

log = logging.getLogger(__name__)


def build_site(settings: Settings, release: bool = False, check_ahead: bool = False) -> None:
    """Run a strict MkDocs build into site/; ``BuildFailed`` says why it could not.

    A failed or interrupted build leaves the previous site/ untouched. ``release``
    turns on the plugin's strict mode (fail on any page not fully translated);
    ``check_ahead`` computes ``make check``'s costly findings meanwhile (``check_ahead.py``).
    """
    staging = staging_dir(settings.site_dir)
    configure = (
        (lambda config: setattr(config.plugins["doclocale"].config, "check_ahead", True)) if check_ahead else None
    )
    failure = run_mkdocs(settings, staging, release, configure)
    if failure:
        raise BuildFailed(f"{settings.relative(settings.site_dir)}/", failure)
    replace_tree(staging, settings.site_dir)


def run_mkdocs(
    settings: Settings, folder: Path, release: bool, configure: Callable[[MkDocsConfig], None] | None = None
) -> str | None:
    """One strict MkDocs build into ``folder``; on failure the folder is removed and the
    reason (MkDocs' error and every warning it logged) returned. ``configure`` adjusts the
    loaded configuration first (a shard build)."""
    warnings = _WarningCollector()
    logging.getLogger("mkdocs").addHandler(warnings)
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
    return None


class _WarningCollector(logging.Handler):
    """Keeps MkDocs' warnings so a failed build can say what failed, file by file."""

    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())
