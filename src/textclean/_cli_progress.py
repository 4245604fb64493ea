"""A one-line progress bar for long batches, drawn on a terminal only."""

from __future__ import annotations

import time
from typing import TextIO

__all__ = ["Progress"]


class Progress:
    """``[#####-----]  120/1000 files  3.1 MB  2.0 s`` redrawn in place on ``stream``.

    Drawn only when ``enabled`` (the caller decides: a terminal, not ``-q``),
    at most ten times a second, and only once the batch has run for
    ``delay`` seconds, so short runs print nothing. :meth:`close` erases it.
    """

    def __init__(self, total: int, stream: TextIO, *, enabled: bool, delay: float = 0.5) -> None:
        self.total = total
        self.stream = stream
        self.enabled = enabled and total > 1
        self.start = time.monotonic()
        self.delay = delay
        self.done = 0
        self.size = 0
        self._last = 0.0
        self._drawn = False

    def update(self, size: int) -> None:
        self.done += 1
        self.size += size
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self.start < self.delay or (now - self._last < 0.1 and self.done < self.total):
            return
        self._last = now
        width = 24
        filled = width * self.done // max(self.total, 1)
        bar = "#" * filled + "-" * (width - filled)
        line = (
            f"\r[{bar}] {self.done}/{self.total} files  "
            f"{self.size / 1e6:.1f} MB  {now - self.start:.1f} s"
        )
        self.stream.write(line)
        self.stream.flush()
        self._drawn = True

    def close(self) -> None:
        if self._drawn:
            self.stream.write("\r\033[K")
            self.stream.flush()
            self._drawn = False
