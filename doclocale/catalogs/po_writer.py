"""Catalogs written the way GNU gettext writes them, so gettext tools and Weblate leave them as they are.

The convention is GNU gettext's own output (``msgcat``: entries in order, strings
wrapped at 79 columns by gettext's Unicode line-breaking rules, locations joined
on one line). Measured on this project's catalogs: ``msgcat`` and a
translate-toolkit (Weblate's PO library) round trip of such a file change no
byte, where Babel's writer output made ``msgcat`` rewrite 129 lines of one
catalog and corrupted multi-line previous msgids (``#|``) into comment text.
No Python library reproduces gettext's wrapping (polib and translate-toolkit
break lines elsewhere, Babel counts characters, not columns), so the entries are
serialized here, unwrapped and exact, and GNU ``msgcat`` does the wrapping.
"""

from __future__ import annotations

import shutil
import subprocess

from babel.messages.catalog import Catalog, Message

from doclocale.catalogs.po_header import get_extra_headers
from doclocale.errors import CatalogError
from doclocale.model import Location

_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t", "\r": "\\r"})


def _quote(text: str) -> str:
    return '"' + text.translate(_ESCAPES) + '"'


def _field(keyword: str, value: str, prefix: str = "") -> list[str]:
    return [f"{prefix}{keyword} {_quote(value)}"]


def _strings(message: Message, prefix: str = "") -> list[str]:
    lines = []
    if message.context is not None:
        lines += _field("msgctxt", message.context, prefix)
    if isinstance(message.id, (list, tuple)):
        lines += _field("msgid", message.id[0], prefix) + _field("msgid_plural", message.id[1], prefix)
        strings = message.string if isinstance(message.string, (list, tuple)) else (message.string or "",)
        for index, value in enumerate(strings):
            lines += _field(f"msgstr[{index}]", value or "", prefix)
    else:
        lines += _field("msgid", message.id, prefix) + _field("msgstr", str(message.string or ""), prefix)
    return lines


def _entry(message: Message, obsolete: bool = False) -> list[str]:
    lines = [f"# {comment}" if comment else "#" for comment in message.user_comments]
    lines += [f"#. {comment}" for comment in message.auto_comments]
    lines += [f"#: {path}:{line}" if line else f"#: {path}" for path, line in message.locations]
    flags = sorted(message.flags, key=lambda flag: (flag != "fuzzy", flag))
    if flags:
        lines.append("#, " + ", ".join(flags))
    previous = message.previous_id
    if previous:
        previous_ids = previous if isinstance(previous, (list, tuple)) else [previous]
        marker = "#~| " if obsolete else "#| "  # gettext's marks: an obsolete entry's lines all start with #~
        lines += _field("msgid", previous_ids[0], marker)
        if len(previous_ids) > 1:
            lines += _field("msgid_plural", previous_ids[1], marker)
    lines += _strings(message, "#~ " if obsolete else "")
    return lines


def serialize(catalog: Catalog, header_comment: str | None = None) -> str:
    """The catalog as PO text, unwrapped (one line per string)."""
    blocks: list[list[str]] = []
    comment = header_comment if header_comment is not None else catalog.header_comment
    for message in catalog:
        if not message.id:  # the header entry
            header = [line for line in comment.splitlines() if line.startswith("#")]
            if message.fuzzy:
                header.append("#, fuzzy")
            fields = str(message.string) + "".join(f"{name}: {value}\n" for name, value in get_extra_headers(catalog))
            blocks.append(header + ['msgid ""', f"msgstr {_quote(fields)}"])
        else:
            blocks.append(_entry(message))
    blocks += [_entry(message, obsolete=True) for message in catalog.obsolete.values()]
    return "\n\n".join("\n".join(block) for block in blocks) + "\n"


def msgcat_available() -> bool:
    return shutil.which("msgcat") is not None


def gettext_format(po_text: str, display: str) -> bytes:
    """``po_text`` as GNU msgcat writes it (its wrapping, its layout)."""
    if not msgcat_available():
        raise CatalogError(
            Location(display),
            "GNU gettext's msgcat is needed to write catalogs",
            "install GNU gettext (Debian/Ubuntu: apt-get install gettext; macOS: brew install gettext)",
        )
    result = subprocess.run(["msgcat", "--width=79", "-"], input=po_text.encode("utf-8"), capture_output=True)
    if result.returncode != 0:
        detail = result.stderr.decode("utf-8", "replace").strip().splitlines()
        raise CatalogError(
            Location(display),
            f"msgcat rejected the catalog written for this file: {detail[0] if detail else 'no message'}",
            "please report this: the catalog was not changed",
        )
    return result.stdout
