"""``locale/`` is data, read and written inside ``locale/`` only.

Translators can change anything in ``locale/``: a folder replaced by a symbolic link
once made ``make update`` write a catalog into ``docs/en/`` (and the next build
published it), a link to ``/dev/zero`` was read until memory ran out, and a link to
another file was read and its first line printed. So, before anything under
``locale/`` is read or written:

- ``check_locale_tree`` walks it once, following no link: a symbolic link, a
  device, pipe or socket, a folder named like a catalog, or a name that is not
  UTF-8 is an error naming the path and what to do;
- ``read_locale_bytes`` reads one file by size first (``lstat``), then at most that
  many bytes, never through a link (``O_NOFOLLOW``).

Errors name the file, never its contents.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from doclocale.errors import CatalogError
from doclocale.model import Location

#: Names that must be plain files wherever they are under locale/.
FILE_SUFFIXES = (".po", ".pot", ".yml", ".yaml", ".mo")
_LINK_HINT = (
    "files under locale/ must be plain files and folders: replace the link with the file itself"
    " (translation tools and git never need links here)"
)


def _shown(path: Path, root: Path) -> str:
    """The path as users see it, whatever bytes its name has."""
    raw = os.fsencode(path.relative_to(root.parent))
    return raw.decode("utf-8", "replace")


def check_locale_tree(locale_dir: Path) -> None:
    """Raise ``CatalogError`` for the first thing under ``locale_dir`` that is not plain data."""
    # locale/ itself may be a link (the one-page preview links the project's): what translators
    # change is what is inside it.
    if not locale_dir.is_dir():
        return
    for folder, folders, files in os.walk(locale_dir, followlinks=False):
        folders.sort()
        for name in sorted(folders) + sorted(files):
            path = os.path.join(folder, name)  # strings: the walk runs before every live rebuild
            try:
                name.encode("utf-8")
            except UnicodeEncodeError:
                raise CatalogError(
                    Location(_shown(Path(path), locale_dir)),
                    "the file name is not UTF-8",
                    "rename it with letters a-z, digits and - only",
                ) from None
            mode = os.lstat(path).st_mode
            if stat.S_ISLNK(mode):
                raise CatalogError(Location(_shown(Path(path), locale_dir)), "is a symbolic link", _LINK_HINT)
            if stat.S_ISDIR(mode) and name.endswith(FILE_SUFFIXES):
                raise CatalogError(
                    Location(_shown(Path(path), locale_dir)),
                    "is a folder where a file is expected",
                    "remove or rename the folder; a catalog is one file saved by your translation tool",
                )
            if not stat.S_ISDIR(mode) and not stat.S_ISREG(mode):
                raise CatalogError(
                    Location(_shown(Path(path), locale_dir)),
                    "is not a regular file (a device, pipe or socket)",
                    "remove it; only catalogs and the glossary belong in locale/",
                )


def read_locale_bytes(path: Path, display: str, limit: int, what: str, hint: str = "") -> bytes:
    """At most ``limit`` bytes of a plain file; a link, a folder, a special file or a larger file is
    a ``CatalogError`` raised before anything is read. ``FileNotFoundError`` passes through."""
    mode = os.lstat(path)
    if stat.S_ISLNK(mode.st_mode):
        raise CatalogError(Location(display), "is a symbolic link", _LINK_HINT)
    if stat.S_ISDIR(mode.st_mode):
        raise CatalogError(Location(display), f"is a folder where a {what} is expected", "remove or rename the folder")
    if not stat.S_ISREG(mode.st_mode):
        raise CatalogError(Location(display), "is not a regular file (a device, pipe or socket)", "remove it")
    too_large = CatalogError(
        Location(display),
        f"{what} is larger than {limit // 1_000_000} MB",
        hint or f"check that the file is a {what}; one {what} stays well under that size",
    )
    if mode.st_size > limit:
        raise too_large
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    with os.fdopen(descriptor, "rb") as stream:
        data = stream.read(limit + 1)
    if len(data) > limit:
        raise too_large
    return data


def check_write_target(path: Path, locale_dir: Path, display: str) -> None:
    """A file about to be written must be reached from ``locale_dir`` through plain folders and
    not be a link itself, so that no write lands outside ``locale/``."""
    current = locale_dir
    for part in path.relative_to(locale_dir).parts:
        current = current / part
        try:
            mode = os.lstat(current).st_mode
        except FileNotFoundError:
            return  # created by the writer as a plain folder or file
        if stat.S_ISLNK(mode):
            raise CatalogError(Location(display), f"{_shown(current, locale_dir)} is a symbolic link", _LINK_HINT)
