"""Translation memory: every translation a language already has, offered to every new English text.

Like ``msgmerge --compendium``: the same English in the same context is carried as
translated (a page renamed or moved keeps its Persian), and a paragraph deleted and
later restored gets its translation back from its obsolete ``#~`` entry. Near
matches are left to Babel's fuzzy matching, which marks them for review.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from babel.messages.catalog import Catalog, Message

from doclocale.text_rules import has_words

Key = tuple[str, "str | None"]


@dataclass
class Reuse:
    carried: int = 0  # translated from another catalog's entry (a moved or copied text)
    revived: int = 0  # translated from this catalog's own obsolete entry (a restored text)


def _usable(message: Message) -> bool:
    return isinstance(message.id, str) and not message.fuzzy and has_words(message.id, str(message.string or ""))


def build_memory(catalogs: Iterable[Catalog]) -> dict[Key, str]:
    """(msgid, msgctxt) -> translation; a live entry wins over an obsolete one."""
    catalogs = list(catalogs)
    memory: dict[Key, str] = {}
    for catalog in catalogs:
        for message in catalog.obsolete.values():
            if _usable(message):
                memory.setdefault((str(message.id), message.context), str(message.string))
    for catalog in catalogs:
        for message in catalog:
            if _usable(message):
                memory[(str(message.id), message.context)] = str(message.string)
    return memory


def fill_from_memory(catalog: Catalog, memory: dict[Key, str]) -> Reuse:
    """Translate the catalog's untranslated and fuzzy entries whose exact English is in memory."""
    reuse = Reuse()
    for message in catalog:
        if not message.id or not isinstance(message.id, str) or (message.string and not message.fuzzy):
            continue
        found = memory.get((message.id, message.context))
        if not found:
            continue
        message.string = found
        message.flags.discard("fuzzy")
        message.previous_id = []
        obsolete_key = catalog._key_for(message.id, message.context)
        if obsolete_key in catalog.obsolete:
            del catalog.obsolete[obsolete_key]
            reuse.revived += 1
        else:
            reuse.carried += 1
    return reuse
