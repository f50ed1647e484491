"""Results kept in ``.cache/<name>/`` between runs, keyed by everything they were computed from.

A key is a digest of the code fingerprint (this package's code and the versions of the libraries
that decide a result) and the inputs, so a result is reused only where the current code would give
the same one. Entries are files (or folders) named by their key, renamed into place whole; what a
run did not use is removed by ``prune``, so the store holds what the current site needs. Deleting
``.cache/`` is always safe: the work is done again.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from collections.abc import Iterable
from pathlib import Path

from doclocale.util.atomic import link_or_copy, write_cache_file
from doclocale.util.fingerprint import code_fingerprint


def result_key(*inputs: bytes | str) -> str:
    return result_key_of(inputs)


def result_key_of(inputs: Iterable[bytes | str]) -> str:
    """The key of inputs read one at a time (a whole site's pages are never held at once)."""
    digest = hashlib.sha256(code_fingerprint())
    for part in inputs:
        data = part.encode("utf-8") if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "big") + data)
    return digest.hexdigest()


class ResultStore:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.used: set[str] = set()

    def has(self, key: str) -> bool:
        found = (self.folder / key).exists()
        if found:
            self.used.add(key)
        return found

    def get(self, key: str) -> bytes | None:
        try:
            data = (self.folder / key).read_bytes()
        except OSError:
            return None
        self.used.add(key)
        return data

    def put(self, key: str, data: bytes = b"") -> None:
        write_cache_file(self.folder / key, data)
        self.used.add(key)

    def copy_tree_out(self, key: str, target: Path) -> bool:
        """Copy a stored folder to ``target``; False when there is none."""
        source = self.folder / key
        if not source.is_dir():
            return False
        shutil.copytree(source, target, dirs_exist_ok=True, copy_function=_replacing_copy)
        self.used.add(key)
        return True

    def put_tree(self, key: str, source: Path) -> None:
        """Keep a copy of folder ``source`` (renamed into place whole; a failure only costs time)."""
        partial = self.folder / f"{key}.{os.getpid()}.partial"
        try:
            shutil.rmtree(partial, ignore_errors=True)
            shutil.copytree(source, partial, copy_function=link_or_copy)
            if not (self.folder / key).exists():
                partial.rename(self.folder / key)
        except OSError:
            pass
        finally:
            shutil.rmtree(partial, ignore_errors=True)
        self.used.add(key)

    def prune(self, keep: Iterable[str] = ()) -> None:
        """Remove every entry this run did not use nor ``keep`` names (and leftovers of interrupted writes)."""
        if not self.folder.is_dir():
            return
        wanted = self.used | set(keep)
        for entry in self.folder.iterdir():
            if entry.name not in wanted:
                shutil.rmtree(entry, ignore_errors=True) if entry.is_dir() else entry.unlink(missing_ok=True)


def _replacing_copy(source: str, target: str) -> None:
    """A copy over an existing file makes a new file: the one there may share its bytes with an entry."""
    Path(target).unlink(missing_ok=True)
    shutil.copy2(source, target)
