"""Markdown to HTML the way MkDocs renders a page: Python-Markdown with the site's extensions.

The page comparison must judge what is published, so it renders with the same
extension list and settings MkDocs uses (``markdown_extensions`` and their
configs from mkdocs.yml, plus MkDocs' built-ins), after MkDocs' own front
matter split. MkDocs' link-rewriting processors are left out: they rewrite
links the same way on both pages and add no elements.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import markdown
from mkdocs.utils import meta


@dataclass
class Renderer:
    """Page text (front matter included) -> the HTML of its content."""

    extensions: Sequence
    configs: Mapping = field(default_factory=dict)
    _md: markdown.Markdown | None = field(default=None, repr=False)

    def __call__(self, page_text: str) -> str:
        if self._md is None:
            self._md = markdown.Markdown(extensions=list(self.extensions), extension_configs=dict(self.configs))
        body, _ = meta.get_data(page_text)
        html = self._md.reset().convert(body)
        return html


def renderer_from_config(config) -> Renderer:
    """From a loaded MkDocs config (the plugin's ``config``)."""
    return Renderer(list(config["markdown_extensions"]), dict(config["mdx_configs"] or {}))


def load_renderer(config_file: Path) -> Renderer:
    """From mkdocs.yml, for commands that run outside a MkDocs build."""
    from mkdocs.config import load_config  # the only MkDocs import of translating/: a build passes its own config

    return renderer_from_config(load_config(config_file=str(config_file)))
