"""The MkDocs side: a few handlers that call the library.

static-i18n builds the site once per language; these handlers run in each of
those builds. Pages are generated once, in the source-language pass, before
MkDocs collects files, so plain ``mkdocs build`` / ``mkdocs serve`` always
publish the current catalogs.
"""

from __future__ import annotations

import logging
from pathlib import Path

from babel import Locale
from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority

from .errors import PipelineError
from .pipeline import NAV_SECTION, generate_all, release_problems, site_translations
from .presentation import alternate_links, page_notice, set_html_direction, source_path
from .review import is_guide, review_dates
from .search import SearchIndexError, folding_rules, write_search_index
from .settings import load_settings

log = logging.getLogger("mkdocs.plugins.doclocale")


class DocLocaleConfig(Config):
    strict = config_options.Type(bool, default=False)  # release mode: untranslated text fails the build


class DocLocalePlugin(BasePlugin[DocLocaleConfig]):
    def __init__(self) -> None:
        self.source_site_name: str | None = None
        self.language = ""
        self.translations = None
        self.finished_builds = 0

    @event_priority(-200)  # after static-i18n has set this pass's language
    def on_config(self, config):
        try:
            self.settings = load_settings(Path(config.config_file_path))
        except PipelineError as error:
            raise PluginError(error.format()) from error
        self.language = config.theme.get("language") or self.settings.source_language
        if self.source_site_name is None:
            self.source_site_name = config.site_name
        self.translations = site_translations(self.settings, self.language)
        config.site_name = self.translations.gettext(self.source_site_name)
        return config

    def on_pre_build(self, config) -> None:
        if self.language != self.settings.source_language:
            return
        self.finished_builds = 0
        try:
            builds = generate_all(self.settings)
        except PipelineError as error:
            raise PluginError(error.format()) from error
        for build in builds:
            log.info("docs/%s: %d pages rendered, %d reused (inputs unchanged), %d changed", build.language, build.rendered, len(build.pages) - build.rendered, len(build.changed))
        problems = release_problems(builds)
        if problems and self.config.strict:
            raise PluginError("release mode: pages are not fully translated:\n" + "\n".join(problems))
        for problem in problems:
            log.info("not fully translated: %s", problem)

    def on_env(self, env, config, files):
        env.add_extension("jinja2.ext.i18n")
        env.install_gettext_translations(self.translations, newstyle=True)
        env.globals["doclocale_language"] = self.language
        env.globals["doclocale_direction"] = Locale.parse(self.language).text_direction
        return env

    def on_page_markdown(self, markdown, page, config, files):
        # The sitemap's <lastmod> is the medical review date where a page has one,
        # not the day of the build: two builds of the same sources give the same bytes.
        # (Other pages use MkDocs' build date, which SOURCE_DATE_EPOCH fixes; the
        # Makefile sets it to the last commit.)
        reviewed = page.meta.get("last_reviewed")
        if reviewed:
            page.update_date = str(reviewed)[:10]
        return markdown

    def on_nav(self, nav, config, files):
        for item in nav.items:
            translate_sections(item, self.translations)
        return nav

    def on_page_context(self, context, page, config, nav):
        context["doclocale"] = page_notice(self.settings, self.language, page.meta, page.url)
        context["doclocale_alternates"] = alternate_links(self.settings, page.url)
        source_page = source_path(page.file.src_uri, self.settings)
        context["doclocale_guide"] = is_guide(source_page)
        context["doclocale_review"] = review_dates(page.meta, self.language) if is_guide(source_page) else None
        context["doclocale_search_rules"] = folding_rules(self.language)
        return context

    @event_priority(-200)  # after static-i18n has built the other languages
    def on_post_build(self, config) -> None:
        # static-i18n runs each other language's build inside the source-language
        # build's post-build step, so the last of these calls sees every language.
        self.finished_builds += 1
        if self.finished_builds == 1 + len(self.settings.languages):
            try:
                count = write_search_index(Path(config.site_dir))
            except SearchIndexError as error:
                raise PluginError(str(error)) from error
            log.info("search index: %d pages", count)

    def on_post_page(self, output, page, config):
        return set_html_direction(output, Locale.parse(self.language).text_direction)


def translate_sections(item, translations) -> None:
    """Folder titles in the navigation come from the site catalog too."""
    if item.is_section:
        item.title = translations.pgettext(NAV_SECTION, item.title)
        for child in item.children:
            translate_sections(child, translations)
