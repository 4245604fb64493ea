"""Helpers for the command's tests: run it in-process or as a real subprocess."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

import textclean
from textclean.cli import main

ROOT = Path(__file__).resolve().parents[2]

#: Text every default pipeline must change (doubled spaces, space before a comma/full stop).
DIRTY = "Слово ,  слово  и ещё раз .\n\nHello  ,  world !\n"
#: Text the default pipeline leaves as it is.
CLEAN = textclean.clean(DIRTY)


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "slow: builds a virtualenv with pre-commit (needs PyPI); takes a minute"
    )


@dataclass
class Result:
    code: int
    out: bytes
    err: str

    @property
    def text(self) -> str:
        return self.out.decode("utf-8")


def run(
    argv: list[str], *, stdin: bytes = b"", cwd: Path | None = None, tty: bool = False
) -> Result:
    """Run ``main(argv)`` in this process with captured standard streams."""

    class In(io.TextIOWrapper):
        def isatty(self) -> bool:
            return tty

    out = io.BytesIO()
    err = io.BytesIO()
    saved = sys.stdin, sys.stdout, sys.stderr
    old_cwd = os.getcwd()
    streams = (
        In(io.BytesIO(stdin), encoding="utf-8"),
        io.TextIOWrapper(out, encoding="utf-8", write_through=True),
        io.TextIOWrapper(err, encoding="utf-8", write_through=True),
    )
    sys.stdin, sys.stdout, sys.stderr = streams
    try:
        if cwd is not None:
            os.chdir(cwd)
        code = main(argv)
        sys.stdout.flush()
        sys.stderr.flush()
    finally:
        os.chdir(old_cwd)
        sys.stdin, sys.stdout, sys.stderr = saved
    result = Result(code, out.getvalue(), err.getvalue().decode("utf-8"))
    for stream in streams:
        stream.detach()
    return result


def command() -> list[str]:
    """The installed console script, or ``python -m textclean`` if it is not on the path."""
    script = Path(sys.executable).parent / "textclean"
    return [str(script)] if script.exists() else [sys.executable, "-m", "textclean"]


def run_process(
    argv: list[str], *, stdin: bytes = b"", cwd: Path | None = None, timeout: float = 60
) -> Result:
    """Run the real command as a subprocess."""
    done = subprocess.run(
        [*command(), *argv],
        input=stdin,
        capture_output=True,
        cwd=cwd,
        timeout=timeout,
        check=False,
    )
    return Result(done.returncode, done.stdout, done.stderr.decode("utf-8", "replace"))


@pytest.fixture(autouse=True)
def _guard_dirty_text() -> None:
    assert CLEAN != DIRTY, "the default pipeline no longer changes DIRTY: pick a dirtier text"
