"""``make check``'s costly findings and ``update --check``'s answer, computed while MkDocs renders the site.

MkDocs renders in one process, so on a machine with two cores one of them waits. The checks
that cost most (each English page's readability, each catalog's entry checks, each generated
page's parity) read only the English pages, the catalogs and the generated pages, which are
final once the build has generated ``docs/<language>/``. From then on a second process runs
``update --check`` and ``check --no-site`` at a lower priority (``run_ahead``), with nothing
printed: the update's answer goes to its stamp (``catalogs.update_stamp``), the findings to the
check's store (``checks.memo``), each keyed by its inputs. The build does not wait for it; an
``update --check`` or a ``make check`` started while it runs waits for it
(``wait_for_check_ahead``) and then reuses its answer instead of computing it. A failed build stops it. Inputs edited in the
meantime cost nothing but time: findings are kept by their inputs, so the check computes what
changed.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

#: How much lower than the build the check runs (``nice``): MkDocs keeps its core.
LOWER_PRIORITY = 5
#: The longest a check waits for the one a build started, in seconds (then it computes what is left).
LONGEST_WAIT = 600.0
#: What the second process runs (``python -m``): this module.
AHEAD_MODULE = "doclocale.website.check_ahead"
#: Where the running check's process id is kept, under .cache/checks/.
PID_FILE = "ahead.pid"


class CheckAhead:
    def __init__(self) -> None:
        self.process: subprocess.Popen | None = None
        self.pid_file: Path | None = None

    def start(self, config_file: Path, cache: Path, workers: int = 0) -> None:
        """Run ``run_ahead`` for ``config_file``; ``cache`` is the check's .cache/checks/;
        ``workers``: the processes it may use (0: every core, ``util.parallel.workers``)."""
        self.stop()
        environment = {key: value for key, value in os.environ.items() if key != "DOCLOCALE_VERBOSE"}
        if workers:
            environment["DOCLOCALE_WORKERS"] = str(workers)
        self.process = subprocess.Popen(
            [sys.executable, "-m", AHEAD_MODULE, str(config_file)],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=environment,
            preexec_fn=lambda: os.nice(LOWER_PRIORITY),  # noqa: PLW1509 (only nice, before exec)
        )
        cache.mkdir(parents=True, exist_ok=True)
        self.pid_file = cache / PID_FILE
        self.pid_file.write_text(str(self.process.pid), encoding="utf-8")

    def stop(self) -> None:
        """Stop a check still running (the build failed: its pages are not the site's), and its
        workers: a worker whose parent is gone would wait for work forever."""
        if self.process is not None and self.process.poll() is None:
            workers = _children(self.process.pid)
            self.process.terminate()
            for pid in workers:
                try:
                    os.kill(pid, signal.SIGTERM)
                except ProcessLookupError:
                    pass
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if self.pid_file is not None:
            self.pid_file.unlink(missing_ok=True)
        self.process = self.pid_file = None


def _children(pid: int) -> list[int]:
    """The processes ``pid`` started (Linux)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            if int(stat.read_text().rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(stat.parent.name))
        except (OSError, IndexError, ValueError):
            continue
    return found


def wait_for_check_ahead(cache: Path, longest: float = LONGEST_WAIT) -> float:
    """Wait until the check a build started has finished (at most ``longest`` seconds); the seconds waited."""
    pid_file = cache / PID_FILE
    try:
        pid = int(pid_file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return 0.0
    if pid == os.getpid():
        return 0.0  # this is that check
    started = time.monotonic()
    while _is_our_check(pid) and time.monotonic() - started < longest:
        time.sleep(0.05)
    if not _is_our_check(pid):
        pid_file.unlink(missing_ok=True)
    return time.monotonic() - started


def _is_our_check(pid: int) -> bool:
    """The process is alive and is this project's check (a process id can be reused)."""
    try:
        command = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z" and AHEAD_MODULE.encode() in command  # Z: finished, not yet reaped


def run_ahead(config_file: Path) -> None:
    """What the second process computes: ``update --check``, then ``check --no-site``, each
    keeping its answer by its inputs (one that fails is left to the command run later)."""
    from doclocale.catalogs.update import update_catalogs
    from doclocale.checks.runner import run_checks
    from doclocale.errors import PipelineError
    from doclocale.settings import load_settings

    settings = load_settings(config_file)
    for step in (lambda: update_catalogs(settings, check=True), lambda: run_checks(settings)):
        try:
            step()
        except PipelineError:
            continue


if __name__ == "__main__":  # started by ``CheckAhead.start``
    run_ahead(Path(sys.argv[1]))
