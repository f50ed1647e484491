"""Write files and folders so that a crash never leaves half-written output."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path


def _read_umask() -> int:
    umask = os.umask(0)  # the only way to read it; done once, at import, before any thread runs
    os.umask(umask)
    return umask


_UMASK = _read_umask()


def _mode_for(path: Path) -> int:
    """The file's own permissions when it exists, else what the umask gives a new file."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        return 0o666 & ~_UMASK


def write_bytes_atomic(path: Path, data: bytes) -> None:
    """Write to a temporary file beside ``path``, then rename it over ``path``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        os.fchmod(handle, _mode_for(path))  # mkstemp makes 0600: a catalog others cannot read
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())  # the bytes are on disk before the name points at them
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    sync_folder(path.parent)  # and the rename itself survives a power cut


def link_or_copy(source: str | Path, target: str | Path) -> None:
    """``target`` shares ``source``'s file (a hard link: no bytes copied), or is a copy on another disk.
    Either file must then only ever be replaced by a new one (renamed into place), never written in place:
    the site's copies of cached results, and the caches themselves, are written that way."""
    Path(target).unlink(missing_ok=True)
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def write_cache_file(path: Path, data: bytes) -> None:
    """A result kept in .cache/ to save time: renamed into place whole (readers never see half of it),
    not synced to disk, and a failure only means the work is done again next time."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(f"{path.name}.{os.getpid()}.partial")
        partial.write_bytes(data)
        partial.replace(path)
    except OSError:
        pass


def sync_folder(folder: Path) -> None:
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def write_files_atomic(files: list[tuple[Path, bytes]]) -> None:
    """Write several files as a set: every one is written beside its target first, and only
    when all are on disk are they renamed into place (a failure leaves every target as it was)."""
    temporaries: list[tuple[Path, Path]] = []
    try:
        for path, data in files:
            path.parent.mkdir(parents=True, exist_ok=True)
            handle, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
            temporaries.append((Path(name), path))
            os.fchmod(handle, _mode_for(path))
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
                stream.flush()
                os.fsync(stream.fileno())
    except BaseException:
        for temporary, _ in temporaries:
            temporary.unlink(missing_ok=True)
        raise
    for temporary, path in temporaries:
        os.replace(temporary, path)
    for folder in {path.parent for _, path in temporaries}:
        sync_folder(folder)


def staging_dir(target: Path) -> Path:
    """An empty folder beside ``target`` to build its replacement in.

    Its name carries this process's id. Staging folders left by a run that was
    killed are removed first; those of a run still going (two builds started at
    once) are left alone.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    for stale in list(target.parent.glob(f".{target.name}.new-*")) + list(target.parent.glob(f".{target.name}.old-*")):
        if not _owner_alive(stale.name):
            shutil.rmtree(stale, ignore_errors=True)
    staging = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}.new-{os.getpid()}-"))
    staging.chmod(0o777 & ~_UMASK)  # mkdtemp makes it private; the result is a normal folder
    return staging


def _owner_alive(name: str) -> bool:
    """Does the process whose id is in a staging folder's name still run?"""
    parts = name.rsplit(".", 1)[-1].split("-")
    if len(parts) < 3 or not parts[1].isdigit():
        return False  # an older name without an owner: stale
    pid = int(parts[1])
    if pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def replace_tree(staging: Path, target: Path) -> None:
    """Swap a fully written ``staging`` folder in for ``target`` with two renames."""
    if not target.exists():
        os.rename(staging, target)
        return
    retired = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}.old-{os.getpid()}-"))
    os.rename(target, retired / "tree")
    try:
        os.rename(staging, target)
    except BaseException:
        os.rename(retired / "tree", target)
        raise
    shutil.rmtree(retired, ignore_errors=True)
