"""The plugin's options under ``plugins: - doclocale:`` in mkdocs.yml; the build commands set the last ones."""

from __future__ import annotations

from mkdocs.config import config_options
from mkdocs.config.base import Config


class DocLocaleConfig(Config):
    strict = config_options.Type(bool, default=False)  # release mode: untranslated text fails the build
    # release mode: guides checked by a second translator
    require_translation_review = config_options.Type(bool, default=False)
    handouts = config_options.Type(bool, default=True)  # printable PDFs of the guides (README, "Printed handouts")
    # One language's share of the site (README, "Sharded builds"): the source language and this
    # one are built, the search index is left to the merge. Set by ``doclocale shard``.
    shard = config_options.Type(str, default="")
    # Compute make check's costly findings in a second process while MkDocs renders (``build --check-ahead``).
    check_ahead = config_options.Type(bool, default=False)
    # Processes the check ahead may use (0: every core). 1 for a large library's build
    # (``build.SEARCH_APART_FROM``): MkDocs fills one core, and each worker would add its own memory.
    check_ahead_workers = config_options.Type(int, default=0)
    # False: the command that started the build writes the search index once MkDocs' process has
    # ended (a large library's build, ``build.SEARCH_APART_FROM``).
    search_index = config_options.Type(bool, default=True)
    # Generate docs/<language>/ in a child process while MkDocs renders the source language, which
    # does not read them (``doclocale build``, below ``build.SEARCH_APART_FROM``, not in a release).
    generate_apart = config_options.Type(bool, default=False)
