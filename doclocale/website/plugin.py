"""The MkDocs side: its hooks, each handing what MkDocs gives it to the library.

static-i18n builds the site once per language and these hooks run in each pass. Pages are generated once, when the
source-language pass starts (``doclocale build``: in a child process while that pass renders), and are final before
the next language's pass collects its files, so plain ``mkdocs build`` / ``mkdocs serve`` publish the catalogs.
The plugin's options in mkdocs.yml are in ``plugin_options.py``.
"""

from __future__ import annotations

import copy
import logging
from dataclasses import replace
from pathlib import Path

from babel import Locale
from babel.support import Translations
from jinja2 import ChoiceLoader, DictLoader
from markupsafe import Markup, escape
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority

from doclocale.catalogs.translation_review import CheckState, TranslationCheck
from doclocale.catalogs.update import site_translations
from doclocale.errors import PipelineError
from doclocale.handouts.links import handout_context
from doclocale.handouts.pdf import GuideCopy
from doclocale.reading.review import is_guide, shown_date
from doclocale.settings import Settings, load_settings
from doclocale.translating.renderer import renderer_from_config
from doclocale.translating.substitute import STATUS_KEY, PageState, page_state
from doclocale.util.result_store import ResultStore
from doclocale.website.check_ahead import CheckAhead
from doclocale.website.live import LiveServe
from doclocale.website.navigation import page_navigation, set_language_switch, translate_sections
from doclocale.website.not_found import NotFoundPages
from doclocale.website.page_generation import GeneratedPages, PendingPages
from doclocale.website.plugin_options import DocLocaleConfig
from doclocale.website.presentation import (
    install_site_strings,
    language_switch,
    page_context,
    set_html_direction,
    source_path,
    valid_theme_markup,
)
from doclocale.website.release_gate import failure
from doclocale.website.rendered_check import RenderedPageCheck
from doclocale.website.search import folding_rules
from doclocale.website.site_finish import finish_site

log = logging.getLogger("mkdocs.plugins.doclocale")
DEFECT = "Every translation on the page passed the gate, so this is a defect of the site builder: please report it."
UNWRITTEN = "doclocale-unwritten.html"  # the template of pages a shard renders but does not write


class DocLocalePlugin(BasePlugin[DocLocaleConfig]):
    def __init__(self) -> None:
        self.source_site_name: str | None = None
        self.source_site_description: str | None = None
        self.language = ""
        self.language_names: dict[str, str] = {}
        self.translations: Translations = Translations()
        self.finished_builds = 0
        self.refused_site_strings: list = []
        self.source_content: dict[str, str] = {}  # page -> the source-language page's HTML
        self.not_found = NotFoundPages()
        self.guides: dict[str, list[GuideCopy]] = {}  # guide page -> its built copies, for the handouts
        self.translation_checks: dict[tuple[str, str], TranslationCheck] = {}  # (language, page) -> the check
        self.rendered = RenderedPageCheck()
        self.search_store = ResultStore(Path(".cache") / "unused")
        self.qr_store = ResultStore(Path(".cache") / "unused")
        self.handouts_written: list[Path] = []
        self.live = LiveServe()
        self.source_markdown: dict[str, str] = {}  # page -> the source-language page's Markdown
        self.files = None
        self.check_ahead = CheckAhead()
        self.generating: PendingPages | None = None  # docs/<language>/ being generated

    def on_startup(self, *, command, dirty) -> None:
        self.live.start(command, dirty)

    def on_serve(self, server, *, config, builder):
        self.live.watch_sources(server, Path(config.docs_dir), self.settings.languages)
        return server

    @event_priority(-200)  # after static-i18n has set this pass's language
    def on_config(self, config):
        try:
            self.settings = load_settings(Path(config.config_file_path))
            self.language = config.theme.get("language") or self.settings.source_language
            self.translations, self.refused_site_strings = site_translations(self.settings, self.language)
        except PipelineError as error:
            raise PluginError(error.format()) from error
        if self.source_site_name is None:
            self.source_site_name = config.site_name
            self.source_site_description = config.site_description
        if self.refused_site_strings and self.config.strict:
            raise PluginError(
                "release mode: site strings refused:\n" + "\n".join(f.format() for f in self.refused_site_strings)
            )
        for finding in self.refused_site_strings:
            log.info("%s", finding.format())
        self.live.configure(config)
        self.language_names = {entry.locale: entry.name for entry in config.plugins["i18n"].config.languages}
        config.site_name = escape(self.translations.gettext(self.source_site_name))
        if self.source_site_description:
            config.site_description = escape(self.translations.gettext(self.source_site_description))
        return config

    def on_pre_build(self, config) -> None:
        if self.language != self.settings.source_language:
            if self.generating is not None:  # generated while MkDocs rendered the source language
                pending, self.generating = self.generating, None
                self.take_generated(config, pending.result())
            return
        self.finished_builds = 0
        suffix = f"-{self.config.shard}" if self.config.shard else ""
        self.rendered.begin(ResultStore(self.settings.cache_dir(f"compared{suffix}")))
        self.search_store = ResultStore(self.settings.cache_dir("search"))
        self.qr_store = ResultStore(self.settings.cache_dir("qr"))
        self.guides = {}
        self.handouts_written = []
        self.live.begin()
        settings = self.built_settings()
        pending = PendingPages(
            settings,
            renderer_from_config(config),
            strict=self.config.strict,
            require_review=self.config.require_translation_review,
            apart=self.config.generate_apart and bool(settings.languages),
        )
        if pending.child is None:
            self.take_generated(config, pending.result())
        else:
            self.generating = pending

    def take_generated(self, config, generated: GeneratedPages | str) -> None:
        """The translated pages are final from here: say what was generated, or stop the build."""
        if isinstance(generated, str):
            raise PluginError(generated)
        for line in generated.lines:
            log.info("%s", line)
        if generated.stop:
            raise PluginError(generated.stop)
        if self.config.check_ahead and not self.config.shard:
            self.check_ahead.start(
                Path(config.config_file_path), self.settings.cache_dir("checks"), self.config.check_ahead_workers
            )
        self.translation_checks = generated.checks
        for line in generated.details:  # 'make status' counts them
            log.debug("%s", line)

    @property
    def direction(self) -> str:
        """This pass's text direction: ``ltr`` or ``rtl``."""
        return Locale.parse(self.language).text_direction

    def built_settings(self) -> Settings:
        """The settings of what this build writes: in a shard, one target language at most."""
        if not self.config.shard:
            return self.settings
        return replace(
            self.settings, languages=tuple(code for code in self.settings.languages if code == self.config.shard)
        )

    def on_env(self, env, config, files):
        env.add_extension("jinja2.ext.i18n")
        env.loader = ChoiceLoader([env.loader, DictLoader({UNWRITTEN: ""})])
        self.live.restore_titles(files)  # after static-i18n ordered the navigation, before pages are written
        install_site_strings(env, self.translations, self.language)
        return env

    def on_page_markdown(self, markdown, page, config, files):
        # The sitemap's <lastmod> is the medical review date where a page has one, not the day of
        # the build (SOURCE_DATE_EPOCH fixes that one): two builds of the same sources, same bytes.
        if self.language == self.settings.source_language:
            self.source_markdown[source_path(page.file.src_uri, self.settings)] = markdown
        reviewed = shown_date(page.meta)
        if reviewed:
            page.update_date = str(reviewed)[:10]
        # Front-matter text reaches templates (<title>, <meta content>, the header):
        # escaped here, so every place that inserts it gets text, never markup.
        for key in ("title", "description"):
            if isinstance(page.meta.get(key), str):
                page.meta[key] = escape(page.meta[key])
        return markdown

    def on_page_content(self, html, page, config, files):
        name = source_path(page.file.src_uri, self.settings)
        self.live.pages += 1
        if page._title_from_render:  # already HTML (entities escaped): never escape it twice
            page._title_from_render = Markup(page._title_from_render)
        if self.language == self.settings.source_language:
            self.source_content[name] = html
            if self.config.shard not in ("", self.language) and not (self.config.handouts and is_guide(name)):
                # Another language's shard needs the English page's content, not its file:
                # the page is rendered by an empty template, which MkDocs does not write.
                page.meta["template"] = UNWRITTEN
            return self.rendered.marks.around(html)
        english = self.source_content.get(name)
        if page_state(page.meta) is not PageState.UNTRANSLATED:
            html = self.rendered.content(
                name, self.language, english, html, lambda problem: self.english_instead(page, config, files, problem)
            )
        if self.direction == "rtl":
            html = self.rendered.isolated(html)
        self.files = files
        return self.rendered.marks.around(html)

    def english_instead(self, page, config, files, difference: str) -> str:
        """The page's content in English, rendered at the page's own place, with the usual notice;
        a release build stops instead."""
        name = source_path(page.file.src_uri, self.settings)
        where = f"docs/{self.language}/{name}"
        if self.config.strict:
            raise PluginError(f"{where}: the page MkDocs rendered differs from the English page: {difference}")
        # not a warning: mkdocs.yml's strict mode would stop the whole site for it
        log.info(
            "%s: published in English: the page MkDocs rendered differs from the English page (%s). %s",
            where,
            difference,
            DEFECT,
        )
        self.rendered.record(where, difference)
        page.meta[STATUS_KEY] = PageState.PARTIAL.value
        page.markdown = self.source_markdown[name]
        page.render(config, files)
        return f'<div lang="{self.settings.source_language}" dir="ltr">{page.content}</div>'

    def on_nav(self, nav, config, files):
        for item in nav.items:
            translate_sections(item, self.translations)
        return nav

    def on_page_context(self, context, page, config, nav):
        self.live.remember_title(page)
        source_page = source_path(page.file.src_uri, self.settings)
        check = self.translation_checks.get((self.language, source_page), TranslationCheck(CheckState.NOT_CHECKED))
        context.update(page_context(self.settings, self.language, source_page, page.url, page.meta, check))
        context["nav"] = copy.copy(nav)  # what this page shows: its own section, not the whole library
        context["nav"].items = page_navigation(nav.items)
        set_language_switch(config, language_switch(self.settings, self.language_names, page.url))
        context["doclocale_search_rules"] = folding_rules(self.language)
        if is_guide(source_page) and self.config.handouts:
            address = page.canonical_url or page.url
            written = Path(config.site_dir) / page.file.dest_uri
            built = GuideCopy(self.language, self.direction, page.url, written, address)
            self.guides.setdefault(source_page, []).append(built)
            languages = (self.settings.source_language, self.language, self.settings.languages)
            context["doclocale_handout"] = handout_context(page.url, address, *languages, self.qr_store)
        return context

    @event_priority(-200)  # after static-i18n has built the other languages
    def on_post_build(self, config) -> None:
        # static-i18n runs each other language's build inside the source-language
        # build's post-build step, so the last of these calls sees every language.
        self.finished_builds += 1
        if self.finished_builds == 1 + len(self.built_settings().languages):
            if self.live.rebuilding:
                log.info("%s", self.live.report())
                return
            self.rendered.finish()
            self.qr_store.prune()
            try:
                finished = finish_site(
                    self.settings,
                    Path(config.site_dir),
                    shard=self.config.shard,
                    guides=self.guides,
                    search_store=self.search_store if self.config.search_index else None,
                    published_in_english=self.rendered.published_in_english,
                    handouts_on=self.config.handouts,
                    strict=self.config.strict,
                )
            except PipelineError as error:
                raise PluginError(error.format()) from error
            for line in finished.lines:
                log.info("%s", line)
            self.handouts_written = finished.handouts
            if finished.oversized:
                raise PluginError(failure("a handout no longer fits on one sheet", finished.oversized))

    def on_build_error(self, error) -> None:
        self.check_ahead.stop()
        self.stop_generating()

    def stop_generating(self) -> None:
        """Stop pages still being generated whose answer no pass will read (the build failed, or stopped
        in a way MkDocs does not report to plugins); the site builder's runner calls it when MkDocs returns."""
        if self.generating is not None:
            self.generating.stop()
            self.generating = None

    def on_template_context(self, context, template_name, config):
        if template_name == "404.html":  # a page not found: the switch goes to each language's home page
            set_language_switch(config, language_switch(self.settings, self.language_names, None))
        return context

    def on_post_template(self, output, template_name, config):
        if template_name != "404.html":
            return output
        output = valid_theme_markup(set_html_direction(output, self.direction))
        return self.not_found.place(output, self.language, self.settings.source_language, Path(config.site_dir))

    def on_post_page(self, output, page, config):
        """The whole page as browsers and the handout renderer parse it (``rendered_check``)."""
        output = self.rendered.whole_page(
            output,
            self.language != self.settings.source_language,
            lambda problem: self.english_instead(page, config, self.files, problem),
            lambda problem: log.info("docs/%s/%s: %s. %s", self.language, page.file.src_uri, problem, DEFECT),
        )
        return valid_theme_markup(set_html_direction(output, self.direction))
