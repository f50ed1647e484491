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
