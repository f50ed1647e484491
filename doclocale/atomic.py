"""Write files and folders so that a crash never leaves half-written output."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path


def write_bytes_atomic(path: Path, data: bytes) -> None:
    """Write to a temporary file beside ``path``, then rename it over ``path``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_files_atomic(files: list[tuple[Path, bytes]]) -> None:
    """Write several files as a set: every one is written beside its target first, and only
    when all are on disk are they renamed into place (a failure leaves every target as it was)."""
    temporaries: list[tuple[Path, Path]] = []
    try:
        for path, data in files:
            path.parent.mkdir(parents=True, exist_ok=True)
            handle, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
            temporaries.append((Path(name), path))
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


def staging_dir(target: Path) -> Path:
    """An empty folder beside ``target`` to build its replacement in.

    Staging folders left by a run that was killed are removed first.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    for stale in list(target.parent.glob(f".{target.name}.new-*")) + list(target.parent.glob(f".{target.name}.old-*")):
        shutil.rmtree(stale, ignore_errors=True)
    staging = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}.new-"))
    umask = os.umask(0)
    os.umask(umask)
    staging.chmod(0o777 & ~umask)  # mkdtemp makes it private; the result is a normal folder
    return staging


def replace_tree(staging: Path, target: Path) -> None:
    """Swap a fully written ``staging`` folder in for ``target`` with two renames."""
    if not target.exists():
        os.rename(staging, target)
        return
    retired = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}.old-"))
    os.rename(target, retired / "tree")
    try:
        os.rename(staging, target)
    except BaseException:
        os.rename(retired / "tree", target)
        raise
    shutil.rmtree(retired, ignore_errors=True)
