"""Safety: a translation must never inject markup or script into the site."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..inline import parse_inline

DANGEROUS_TAGS = {"script", "iframe", "style", "object", "embed", "form", "input", "link", "meta", "base", "svg", "math"}
_EVENT_HANDLER = re.compile(r"\bon[a-z]+\s*=", re.I)
_BAD_SCHEME = re.compile(r"^\s*(javascript|data|vbscript)\s*:", re.I)
_RAW_SCHEME = re.compile(r"(?i)\b(javascript|vbscript)\s*:|\b(data):[\w.+-]+/")


def safety_problems(msgid: str, msgstr: str) -> Iterator[str]:
    """Each way ``msgstr`` adds markup or script that ``msgid`` does not have."""
    if not msgstr:
        return
    source, target = parse_inline(msgid), parse_inline(msgstr)
    for name in sorted(target.tag_names()):
        if name in DANGEROUS_TAGS:
            yield f"translation contains a <{name}> tag"
    added = target.tag_names() - source.tag_names()
    for name in sorted(added):
        if name not in DANGEROUS_TAGS:
            yield f"translation adds raw HTML <{name}> that the English text does not have"
    if any(_EVENT_HANDLER.search(tag) for tag in target.html) or (_EVENT_HANDLER.search(msgstr) and not _EVENT_HANDLER.search(msgid)):
        yield "translation contains an event-handler attribute (on…=)"
    for url in target.links + target.images:
        if _BAD_SCHEME.match(url):
            yield f"translation links to a {url.split(':', 1)[0].strip().lower()}: URL"
    # markdown-it refuses to make links of these schemes, so look at the raw text too.
    raw = _RAW_SCHEME.search(msgstr)
    if raw and not _RAW_SCHEME.search(msgid) and not any(_BAD_SCHEME.match(url) for url in target.links + target.images):
        yield f"translation contains a {(raw.group(1) or raw.group(2)).lower()}: URL"


def check_translation_safety(msgid: str, msgstr: str) -> str | None:
    """The first safety problem of a translation, or None. Used by the generator as a gate."""
    return next(iter(safety_problems(msgid, msgstr)), None)


def check_safety(entry) -> Iterator:
    from ..model import Severity

    for problem in safety_problems(entry.msgid, entry.msgstr):
        yield entry.finding("S301", Severity.ERROR, problem, "remove it: translations are plain text and Markdown only; the site will not publish this entry")
