"""What the theme needs to show about a page's translation, as plain data."""

from __future__ import annotations

import re
from dataclasses import dataclass
from posixpath import relpath
from urllib.parse import urlsplit

from babel import Locale
from babel.support import Translations
from jinja2 import Environment
from markupsafe import escape

from doclocale.catalogs.translation_review import CheckState, TranslationCheck
from doclocale.reading.review import format_review_date, is_guide, review_dates
from doclocale.settings import Settings
from doclocale.translating.substitute import MISSING_KEY, OUTDATED_KEY, PageState, page_state


@dataclass(frozen=True)
class PageNotice:
    state: PageState
    source_url: str  # relative link from this page to the same page in the source language
    source_language: str
    outdated: int = 0
    missing: int = 0

    @property
    def visible(self) -> bool:
        return self.state is not PageState.COMPLETE

    @property
    def untranslated(self) -> bool:
        """Nothing on the page is translated (templates test this, not the state's name)."""
        return self.state is PageState.UNTRANSLATED


def counterpart_url(page_url: str, language: str, source_language: str) -> str:
    """Relative URL from a translated page to its source-language page."""
    prefix = f"{language}/"
    target = page_url[len(prefix) :] if page_url.startswith(prefix) else page_url
    here = page_url if page_url.endswith("/") or not page_url else page_url.rsplit("/", 1)[0] + "/"
    rel = relpath("/" + (target or ""), "/" + here)
    if rel == ".":
        return "./"
    return rel + ("/" if target.endswith("/") and not rel.endswith("/") else "")


def page_notice(settings: Settings, language: str, meta: dict, page_url: str) -> PageNotice:
    state = page_state(meta) if language != settings.source_language else PageState.COMPLETE
    return PageNotice(
        state=state,
        source_url=counterpart_url(page_url, language, settings.source_language),
        source_language=settings.source_language,
        outdated=int(meta.get(OUTDATED_KEY, 0) or 0),
        missing=int(meta.get(MISSING_KEY, 0) or 0),
    )


def alternate_links(settings: Settings, page_url: str) -> list[tuple[str, str]]:
    """(hreflang, absolute URL) for every language of a page, plus x-default (the source)."""
    languages = (settings.source_language,) + settings.languages
    base = _without_language(settings, page_url)
    links = [
        (code, settings.site_url + (base if code == settings.source_language else f"{code}/{base}"))
        for code in languages
    ]
    return links + [("x-default", settings.site_url + base)]


def language_switch(settings: Settings, names: dict[str, str], page_url: str | None) -> list[dict[str, str]]:
    """The header's language switch (Material's ``config.extra.alternate``): each language's copy
    of the page, or each language's home page from a home page or from a 404 page (``None``).
    Made from mkdocs.yml alone, so every build, and every shard, shows every language."""
    base = "" if page_url is None else _without_language(settings, page_url)
    root = urlsplit(settings.site_url).path.rstrip("/")
    switch = []
    for code in (settings.source_language, *settings.languages):
        if base:
            link = base if code == settings.source_language else f"{code}/{base}"
        else:
            link = f"{root}/" if code == settings.source_language else f"{root}/{code}/"
        switch.append({"name": names.get(code, code), "link": link, "lang": code})
    return switch


def _without_language(settings: Settings, page_url: str) -> str:
    for code in settings.languages:
        if page_url.startswith(f"{code}/") or page_url == code:
            return page_url[len(code) :].lstrip("/")
    return page_url


def set_html_direction(html: str, direction: str) -> str:
    """Put ``dir`` on the <html> element (Material sets it on <body> only, so the
    browser's own UI and anything outside <body> would read left to right)."""
    return (
        html.replace("<html ", f'<html dir="{direction}" ', 1)
        if ' dir="' not in html[: html.find(">", html.find("<html"))]
        else html
    )


_TOGGLE_AUTOCOMPLETE = re.compile(r'(<input class="md-toggle"[^>]*type="checkbox"[^>]*?) autocomplete="off">')


def valid_theme_markup(html: str) -> str:
    """Material's header toggles are checkboxes with ``autocomplete``, which HTML allows on
    text-like inputs only (the W3C checker's one error on every page); the attribute goes."""
    return _TOGGLE_AUTOCOMPLETE.sub(r"\1>", html)


def source_path(src_uri: str, settings: Settings) -> str:
    """'fa/guides/x.md' -> 'guides/x.md': the page's path inside its language folder."""
    first, _, rest = src_uri.partition("/")
    return rest if first in (settings.source_language,) + settings.languages else src_uri


def translation_check_context(check: TranslationCheck, language: str) -> dict:
    """What a translated guide's footer says of its translation: checked by whom and when (in
    the page's calendar and digits), or not checked, also when it changed after the check."""
    if check.state is not CheckState.CHECKED or check.date is None:
        return {"checked": False}
    return {
        "checked": True,
        "by": check.by,
        "date_iso": check.date.isoformat(),
        "date_text": format_review_date(check.date, language),
    }


def page_context(
    settings: Settings, language: str, source_page: str, page_url: str, meta: dict, check: TranslationCheck
) -> dict:
    """The keys every page's template reads from this project (overrides/main.html), but the
    handout's, which only the plugin knows."""
    guide = is_guide(source_page)
    return {
        "doclocale": page_notice(settings, language, meta, page_url),
        "doclocale_alternates": alternate_links(settings, page_url),
        "doclocale_guide": guide,
        "doclocale_review": review_dates(meta, language) if guide else None,
        # every translated page says whether a second translator checked it
        "doclocale_translation_check": (
            translation_check_context(check, language) if language != settings.source_language else None
        ),
        "doclocale_handout": None,
    }


def install_site_strings(env: Environment, translations: Translations, language: str) -> None:
    """The theme's gettext calls answered from the site catalog. Catalog strings are data: escaped
    before a template inserts them anywhere."""
    t = translations  # install_gettext_callables is added to the environment by jinja2.ext.i18n
    env.install_gettext_callables(  # type: ignore[attr-defined]
        gettext=lambda text: escape(t.gettext(text)),
        ngettext=lambda one, many, n: escape(t.ngettext(one, many, n)),
        pgettext=lambda context, text: escape(t.pgettext(context, text)),
        npgettext=lambda context, one, many, n: escape(t.npgettext(context, one, many, n)),
        newstyle=True,
    )
    env.globals["doclocale_language"] = language
    env.globals["doclocale_direction"] = Locale.parse(language).text_direction
