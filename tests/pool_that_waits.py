"""Run as the check ahead by tests/test_check_reuse.py: a process pool whose two workers wait, as the
check's do while it runs; each worker's process id goes to the file named by $POOL_PIDS."""

from __future__ import annotations

import os
import time
from concurrent.futures import ProcessPoolExecutor


def wait(_: int) -> None:
    with open(os.environ["POOL_PIDS"], "a", encoding="utf-8") as out:
        out.write(f"{os.getpid()}\n")
    time.sleep(120)


if __name__ == "__main__":
    with ProcessPoolExecutor(2) as pool:
        list(pool.map(wait, range(2)))
