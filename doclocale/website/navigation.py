"""The navigation one page carries, independent of the size of the library.

Material's ``navigation.prune`` leaves out the children of sections the page is not in, but
keeps every section title: a library of 200 sections of 50 guides would put 200 links on
every guide page. Here, inside a section the page is in, other sub-sections are left out
too when that section has its own index page (``navigation.indexes``): the index lists
them, one click away. A page then carries its own section's pages and its parents' titles,
whatever the number of guides.
"""

from __future__ import annotations

import copy

from markupsafe import escape

from doclocale.catalogs.templates import NAV_SECTION


def _has_index(section) -> bool:
    first = section.children[0] if section.children else None
    return bool(first is not None and first.is_page and first.file.name == "index")


def page_navigation(items: list) -> list:
    """The items to render for the current page (the sections' ``active`` flags say where it is)."""
    return [_pruned(item) if item.is_section and item.active else item for item in items]


def _pruned(section):
    children = section.children
    if _has_index(section):
        children = [child for child in children if not child.is_section or child.active]
    clone = copy.copy(section)  # the site's navigation is shared by every page: never changed
    clone.children = [_pruned(child) if child.is_section and child.active else child for child in children]
    return clone


def set_language_switch(config, switch: list[dict[str, str]]) -> None:
    """Material reads ``config.extra.alternate``; static-i18n sets it both as an item and as an
    attribute (which templates see first), so both are replaced."""
    config.extra["alternate"] = switch
    config.extra.alternate = switch


def translate_sections(item, translations) -> None:
    """Folder titles in the navigation come from the site catalog too."""
    if item.is_section:
        item.title = escape(translations.pgettext(NAV_SECTION, item.title))
        for child in item.children:
            translate_sections(child, translations)
