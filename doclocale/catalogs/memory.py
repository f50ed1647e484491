"""Translation memory: every translation a language already has, offered to every new English text.

Like ``msgmerge --compendium``, with where a translation came from kept: the same English
in the same context is carried as translated from the page's own obsolete ``#~`` entry
(a paragraph deleted and later restored) and from a page that no longer exists (a page
renamed or moved keeps its Persian). From another live page it arrives as a suggestion:
fuzzy, with a translator comment naming that page, so it is shown in English and counted
as outdated until a translator confirms it ("What it is" is not "What is micro-needling"
on every page). Near matches are left to Babel's fuzzy matching, which marks them too.
"""

from __future__ import annotations

from dataclasses import dataclass

from babel.messages.catalog import Catalog, Message

from doclocale.text_rules import has_words

Key = tuple[str, "str | None"]


@dataclass
class Reuse:
    carried: int = 0  # translated from a page that no longer exists (a renamed or moved page)
    revived: int = 0  # translated from this catalog's own obsolete entry (a restored text)
    suggested: int = 0  # fuzzy, from another page's translation, until a translator confirms it


@dataclass(frozen=True)
class Remembered:
    translation: str
    domain: str  # the catalog it is in


#: The translator comment on a suggestion from another page (Poedit and Weblate show it).
SUGGESTION = "suggested from {domain}.po (same English there): check it fits this page, then remove the fuzzy flag"


def _usable(message: Message) -> bool:
    return isinstance(message.id, str) and not message.fuzzy and has_words(message.id, str(message.string or ""))


class TranslationMemory:
    """(msgid, msgctxt) -> a translation and its catalog, given a catalog at a time: a live entry
    wins over an obsolete one, the last live one over earlier ones, the first obsolete one over
    later ones."""

    def __init__(self) -> None:
        self._live: dict[Key, Remembered] = {}
        self._obsolete: dict[Key, Remembered] = {}

    def add(self, domain: str, catalog: Catalog) -> None:
        for message in catalog.obsolete.values():
            if _usable(message):
                self._obsolete.setdefault((str(message.id), message.context), Remembered(str(message.string), domain))
        for message in catalog:
            if _usable(message):
                self._live[(str(message.id), message.context)] = Remembered(str(message.string), domain)

    def get(self, key: Key) -> Remembered | None:
        return self._live.get(key) or self._obsolete.get(key)


def fill_from_memory(catalog: Catalog, memory: TranslationMemory, domain: str, pages: set[str]) -> Reuse:
    """Fill the catalog's untranslated entries (and fuzzy ones without a suggestion yet) whose
    exact English is in memory: translated from its own past or from a page gone from ``pages``,
    a fuzzy suggestion from another page."""
    reuse = Reuse()
    for message in catalog:
        if not message.id or not isinstance(message.id, str) or (message.string and not message.fuzzy):
            continue
        found = memory.get((message.id, message.context))
        if found is None or found.translation == message.string:
            continue
        obsolete_key = catalog._key_for(message.id, message.context)
        if found.domain == domain or found.domain not in pages:
            message.string = found.translation
            message.flags.discard("fuzzy")
            message.previous_id = []
            if obsolete_key in catalog.obsolete:
                del catalog.obsolete[obsolete_key]
                reuse.revived += 1
            else:
                reuse.carried += 1
        elif not message.string:  # a translator's own fuzzy text is never replaced by a suggestion
            message.string = found.translation
            message.flags.add("fuzzy")
            message.user_comments = [*message.user_comments, SUGGESTION.format(domain=found.domain)]
            reuse.suggested += 1
    return reuse
