"""The real command as a subprocess: the console script, exit codes, a killed batch."""

from __future__ import annotations

import codecs
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import textclean

from .conftest import CLEAN, DIRTY, command, run_process


def test_console_script_filters_stdin() -> None:
    result = run_process([], stdin=DIRTY.encode())
    assert result.code == 0, result.err
    assert result.text == CLEAN


def test_python_dash_m() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "textclean", "--version"], capture_output=True, check=False
    )
    assert done.returncode == 0
    assert done.stdout.decode().strip() == f"textclean {textclean.__version__}"


def test_every_exit_code_on_real_files(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / "dirty.md").write_text(DIRTY, encoding="utf-8")
    (tmp_path / "clean.md").write_text(CLEAN, encoding="utf-8")
    (tmp_path / "cp.txt").write_bytes(DIRTY.replace("\n", "\r\n").encode("cp1251"))
    (tmp_path / "u16.txt").write_bytes(codecs.BOM_UTF16_LE + DIRTY.encode("utf-16-le"))
    (tmp_path / "bad.txt").write_bytes("ёлка".encode() + b"\xff\n")
    (tmp_path / "bin.md").write_bytes(b"\0\1\2")

    assert run_process(["--check", "clean.md"], cwd=tmp_path).code == 0
    check = run_process(["--check", "dirty.md", "cp.txt", "u16.txt"], cwd=tmp_path)
    assert check.code == 1
    assert check.text.splitlines() == [
        "would clean dirty.md",
        "would clean cp.txt",
        "would clean u16.txt",
    ]
    bad = run_process(["--check", "bad.txt"], cwd=tmp_path)
    assert bad.code == 2
    assert bad.err.startswith("textclean: bad.txt: not valid UTF-8")
    binary = run_process(["bin.md"], cwd=tmp_path)
    assert binary.code == 2
    assert binary.err.startswith("textclean: bin.md: binary file")
    assert run_process(["--bogus"], cwd=tmp_path).code == 2
    missing = run_process(["nope.md"], cwd=tmp_path)
    assert missing.code == 2
    assert missing.err == "textclean: nope.md: No such file or directory\n"

    # a directory with a mix: cleaned where possible, reported where not, exit 2
    mixed = run_process(["-i", "."], cwd=tmp_path)
    assert mixed.code == 2
    assert sorted(mixed.text.splitlines()) == [
        "cleaned cp.txt",
        "cleaned dirty.md",
        "cleaned u16.txt",
    ]
    assert "textclean: bad.txt: not valid UTF-8" in mixed.err
    assert "textclean: bin.md: skipped: binary file" in mixed.err
    assert (tmp_path / "cp.txt").read_bytes() == CLEAN.replace("\n", "\r\n").encode("cp1251")
    assert (tmp_path / "u16.txt").read_bytes() == codecs.BOM_UTF16_LE + CLEAN.encode("utf-16-le")
    assert run_process(["--check", "."], cwd=tmp_path).code == 2  # bad.txt still there
    (tmp_path / "bad.txt").unlink()
    assert run_process(["--check", "."], cwd=tmp_path).code == 0


def test_parallel_equals_serial_as_a_process(tmp_path: Path) -> None:
    for i in range(24):
        text = DIRTY * (i + 1) if i % 3 else CLEAN
        (tmp_path / f"f{i:02}.md").write_text(text, encoding="utf-8")
    serial = run_process(["--diff", "-q", "-j", "1", "."], cwd=tmp_path)
    parallel = run_process(["--diff", "-q", "-j", "2", "."], cwd=tmp_path)
    assert serial.code == parallel.code == 1
    assert serial.out == parallel.out


def _variants() -> list[str]:
    paragraph = (
        "Министр  иностранных дел , как сообщает агентство , провёл  переговоры .\n"
        "The minister  said , that talks  went well .\n\n\n"
    )
    return [paragraph * n for n in (100, 110, 120)]


def _batch(corpus: Path) -> tuple[list[Path], set[bytes], set[bytes]]:
    """300 files to clean (a few MB: long enough to be stopped halfway), the old and new bytes."""
    variants = _variants()
    old = {v.encode("utf-8") for v in variants}
    new = {textclean.clean(v).encode("utf-8") for v in variants}
    assert not old & new
    corpus.mkdir(exist_ok=True)
    files = []
    for i in range(300):
        path = corpus / f"{i:03}.md"
        path.write_text(variants[i % len(variants)], encoding="utf-8")
        files.append(path)
    return files, old, new


def _started(jobs: int, corpus: Path) -> subprocess.Popen[bytes]:
    """``textclean -i -j JOBS CORPUS``, once it has replaced its first file."""
    proc = subprocess.Popen(
        [*command(), "-i", "-j", str(jobs), str(corpus)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    assert proc.stdout is not None
    first = proc.stdout.readline()  # printed once the first file has been replaced
    assert first.startswith(b"cleaned "), first
    return proc


def _stop(proc: subprocess.Popen[bytes]) -> None:
    proc.kill()
    proc.wait(timeout=30)
    if proc.stdout is not None:
        proc.stdout.close()


def _cleaned(files: list[Path], old: set[bytes], new: set[bytes]) -> list[bool]:
    """Which files hold the new bytes; each must hold the old or the new ones."""
    states = []
    for path in files:
        data = path.read_bytes()
        assert data in old or data in new, f"{path} is neither old nor new ({len(data)} bytes)"
        states.append(data in new)
    return states


def test_a_killed_batch_leaves_every_file_old_or_new(tmp_path: Path) -> None:
    """SIGKILL in the middle of ``-i``: every file is exactly the old or the new bytes."""
    rounds = [(1, 0.0), (1, 0.15), (2, 0.05)]  # (jobs, extra delay after the first write)
    for number, (jobs, delay) in enumerate(rounds):
        corpus = tmp_path / f"round{number}"
        files, old, new = _batch(corpus)
        proc = _started(jobs, corpus)
        try:
            time.sleep(delay)
            os.kill(proc.pid, signal.SIGKILL)
        finally:
            _stop(proc)
        time.sleep(0.2)  # worker processes orphaned by the kill finish their file or die
        states = _cleaned(files, old, new)
        assert any(states), "no file was rewritten before the kill"
        assert not all(states), "the batch finished before the kill: make it longer"
        leftovers = [p.name for p in corpus.iterdir() if p not in files]
        assert all(n.startswith(".") and n.endswith(".textclean-tmp") for n in leftovers)
        if number == 0:
            # a second run finishes the job and passes over any temporary file
            again = run_process(["-i", "-q", str(corpus)])
            assert again.code == 0, again.err
            assert all(path.read_bytes() in new for path in files)


@pytest.mark.parametrize("jobs", [1, 2])
def test_an_interrupted_batch_stops_cleanly(tmp_path: Path, jobs: int) -> None:
    """Ctrl-C in the middle of ``-i``: exit 130, every file old or new, no temporary file left."""
    files, old, new = _batch(tmp_path)
    proc = _started(jobs, tmp_path)
    try:
        os.kill(proc.pid, signal.SIGINT)
        assert proc.stdout is not None
        proc.stdout.read()  # the files it finished writing meanwhile
        assert proc.wait(timeout=60) == 130
    finally:
        _stop(proc)
    states = _cleaned(files, old, new)
    assert any(states) and not all(states)
    assert sorted(tmp_path.iterdir()) == files  # no temporary file left behind
