"""Terminology: required translations of key terms, and terms never to translate."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from doclocale.catalogs.locale_files import read_locale_bytes
from doclocale.checks.entry import Entry
from doclocale.errors import CatalogError
from doclocale.model import Finding, Location, Severity
from doclocale.reading.inline import parse_inline
from doclocale.reading.page_parser import load_yaml

_SHAPE = "glossary needs a 'terms:' mapping and a 'do_not_translate:' list"
_SHAPE_HINT = "under 'terms:' write lines 'English term: translation'; under 'do_not_translate:' lines '- term'"
#: Largest glossary read (a glossary is a short list of key terms).
MAX_GLOSSARY_BYTES = 1_000_000


_WORD = re.compile(r"[\w-]+")


@dataclass(frozen=True)
class Glossary:
    terms: dict[str, str] = field(default_factory=dict)  # English term -> required translation
    keep: frozenset[str] = frozenset()  # terms written the same in every language
    # Terms by their first word, so an entry is matched against the terms its words can start,
    # not against the whole glossary: a check linear in the entry, whatever the glossary's size.
    _index: dict = field(default_factory=dict, init=False, repr=False, compare=False)

    def candidates(self, text: str) -> tuple[list[str], list[str]]:
        """(terms, keep terms) whose first word ``text`` has, in the glossary's order."""
        if not self._index:
            for group, listed in (("terms", list(self.terms)), ("keep", sorted(self.keep))):
                for position, term in enumerate(listed):
                    first = _WORD.match(term.lower())
                    self._index.setdefault((group, first.group() if first else ""), []).append((position, term))
            self._index.setdefault(("built", ""), [])
        words = {word.lower() for word in _WORD.findall(text)} | {""}
        found: dict[str, list[str]] = {"terms": [], "keep": []}
        for group in found:
            hits = [hit for word in words for hit in self._index.get((group, word), ())]
            found[group] = [term for _, term in sorted(hits)]
        return found["terms"], found["keep"]


def read_glossary(path: Path, display: str) -> Glossary:
    try:
        raw = read_locale_bytes(path, display, MAX_GLOSSARY_BYTES, "glossary", "keep it to the key terms of the guides")
    except FileNotFoundError:
        return Glossary()
    try:
        data = load_yaml(raw.decode("utf-8")) or {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise CatalogError(
            Location(display, mark.line + 1 if mark else 1),
            f"glossary is not valid YAML: {getattr(error, 'problem', None) or error}",
            "each line is 'English term: translation'",
        ) from error
    except UnicodeDecodeError as error:
        raise CatalogError(Location(display), "glossary is not valid UTF-8", "save it as UTF-8") from error
    if not isinstance(data, dict):
        raise CatalogError(Location(display, 1), _SHAPE, _SHAPE_HINT)
    terms = data.get("terms") or {}
    keep = data.get("do_not_translate") or []
    if not isinstance(terms, dict) or not isinstance(keep, list):
        raise CatalogError(Location(display, 1), _SHAPE, _SHAPE_HINT)
    return Glossary({str(k).lower(): str(v) for k, v in terms.items()}, frozenset(str(k) for k in keep))


def _squash(text: str) -> str:
    return re.sub(r"[\s\u200c]+", "", text)


def check_glossary(entry: Entry, glossary: Glossary) -> Iterator[Finding]:
    if not entry.msgstr or entry.fuzzy:
        return
    source = " ".join(parse_inline(entry.msgid).texts).lower()
    target = _squash(entry.msgstr)
    terms, keep = glossary.candidates(source + " " + entry.msgid)
    for term in terms:
        required = glossary.terms[term]
        if re.search(rf"(?<![\w-]){re.escape(term)}(?![\w-])", source) and _squash(required) not in target:
            yield entry.finding(
                "G501",
                Severity.ERROR,
                f"glossary term '{term}' should be translated as '{required}'",
                f"use '{required}' (see the glossary), or add '# qa-ignore: G501' with a reason",
            )
    for term in keep:
        if re.search(rf"(?<!\w){re.escape(term)}(?!\w)", entry.msgid) and term not in entry.msgstr:
            yield entry.finding(
                "G502", Severity.ERROR, f"'{term}' must stay as it is in the translation", f"write '{term}' unchanged"
            )
