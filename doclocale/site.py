"""Build the MkDocs site into a staging folder and swap it in only on success."""

from __future__ import annotations

import logging
import shutil

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException

from .atomic import replace_tree, staging_dir
from .settings import Settings

log = logging.getLogger(__name__)


def build_site(settings: Settings, release: bool = False) -> str | None:
    """Run a strict MkDocs build; return an error message, or None on success.

    A failed or interrupted build leaves the previous site/ untouched. ``release``
    turns on the plugin's strict mode (fail on any page not fully translated).
    """
    staging = staging_dir(settings.site_dir)
    warnings = _WarningCollector()
    logging.getLogger("mkdocs").addHandler(warnings)
    try:
        config = load_config(config_file=str(settings.root / "mkdocs.yml"), site_dir=str(staging), strict=True)
        if release:
            config.plugins["doclocale"].config.strict = True
        build(config)
    except (MkDocsException, SystemExit) as error:
        shutil.rmtree(staging, ignore_errors=True)
        details = "".join(f"\n  {message}" for message in warnings.messages)
        return f"build failed, previous {settings.relative(settings.site_dir)}/ kept: {error}{details}"
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    finally:
        logging.getLogger("mkdocs").removeHandler(warnings)
    replace_tree(staging, settings.site_dir)
    return None


class _WarningCollector(logging.Handler):
    """Keeps MkDocs' warnings so a failed build can say what failed, file by file."""

    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())
