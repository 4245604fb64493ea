"""The command's unit of work: clean one file (or one batch of JSON lines).

Everything here is a plain function of picklable arguments, so the same code
runs in the main process (``-j 1``) and in worker processes (``-j N``).
"""

from __future__ import annotations

import difflib
import json
import os
import re
import stat
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from ._io import (
    Decoded,
    DecodeProblem,
    atomic_write,
    decode,
    describe_encode_error,
    detect_newline,
    encode,
    encoding_label,
)
from ._pipeline import Pipeline

__all__ = [
    "Job",
    "JsonlResult",
    "Outcome",
    "clean_jsonl_lines",
    "finish_write",
    "process_bytes",
    "process_file",
    "unified_diff",
]

_LINE_RE = re.compile(r"[^\n]*\n|[^\n]+\Z")
_WS_RE = re.compile(r"[ \t\n\r]*")
_DECODER = json.JSONDecoder()


@dataclass(frozen=True)
class Job:
    """What to do with each file; the same for every file of a run."""

    pipeline: Pipeline
    write: bool = False  # rewrite changed files in place
    output: bool = False  # return the cleaned bytes (for stdout or -o)
    diff: bool = False
    explain: str | None = None  # None, "text" or "json"
    encoding: str | None = None  # write in this encoding instead of the file's own
    newline: str | None = None  # write these line ends instead of the file's own
    input_encoding: str | None = None  # read in this encoding instead of detecting it
    jsonl_fields: tuple[str, ...] = ()  # JSON Lines mode when not empty
    on_error: str = "stop"  # JSON Lines: "stop", "skip" or "keep"


@dataclass
class Outcome:
    """What happened to one file."""

    path: str
    status: str  # "unchanged", "changed", "skipped" or "error"
    message: str = ""
    size: int = 0
    data: bytes | None = None
    diff: str = ""
    report: str = ""
    label: str = ""
    #: Problems that did not stop the file (JSON Lines under --on-error skip/keep).
    notes: list[str] = field(default_factory=list)
    internal: bool = False
    #: The directory a file was written into (its fsync is left to the caller).
    written: str | None = None
    #: The cleaned bytes still to be written over the file (``defer_write``):
    #: :func:`finish_write` writes them.
    pending: bytes | None = None


def unified_diff(before: str, after: str, path: str) -> str:
    """A unified diff of two texts, with git's marker for a missing final newline."""
    a = _LINE_RE.findall(before)
    b = _LINE_RE.findall(after)
    out: list[str] = []
    for line in difflib.unified_diff(a, b, f"{path}\toriginal", f"{path}\tcleaned"):
        out.append(line)
        if not line.endswith("\n"):
            out.append("\n\\ No newline at end of file\n")
    return "".join(out)


def _read(path: str) -> bytes:
    # Unbuffered: one read of the whole file, and no terminal check on open.
    with open(path, "rb", buffering=0) as handle:
        return handle.readall()


def _why(exc: OSError) -> str:
    return exc.strerror or str(exc)


def _restore_newline(cleaned: str, like: str) -> str:
    """Give ``cleaned`` (``\\n`` line ends) the line ends and final-newline state of ``like``."""
    if cleaned.endswith("\n") and not like.endswith(("\n", "\r")):
        cleaned = cleaned[:-1]
    nl = detect_newline(like)
    return cleaned.replace("\n", nl) if nl != "\n" else cleaned


#: The largest cleaned file whose writing ``defer_write`` leaves to the caller;
#: a larger one is written where it was cleaned (sending its bytes between
#: processes would cost more than the wait, and would hold them in memory).
DEFER_LIMIT = 1 << 18


def process_file(
    job: Job, path: str, explicit: bool = True, *, defer_write: bool = False
) -> Outcome:
    """Clean one file as ``job`` says; never raises for a problem with the file.

    ``explicit`` is False for a file found by walking a directory: a binary
    one is then skipped with a note rather than refused. With
    ``defer_write``, a file to rewrite (of at most :data:`DEFER_LIMIT` bytes)
    is not written here: its bytes are left in ``Outcome.pending`` for
    :func:`finish_write` (the command's worker processes clean, and the main
    process writes, so that the writing — which the file system does about
    one file at a time — overlaps the cleaning).
    """
    try:
        data = _read(path)
    except OSError as exc:
        return Outcome(path, "error", _why(exc))
    return process_bytes(job, data, path, explicit, writable=True, defer_write=defer_write)


def process_bytes(
    job: Job,
    data: bytes,
    path: str,
    explicit: bool = True,
    *,
    writable: bool = False,
    defer_write: bool = False,
) -> Outcome:
    """Clean ``data`` (the contents of ``path``); write it back only if ``writable``."""
    try:
        outcome = _process(job, data, path, explicit, writable)
    except Exception as exc:  # a bug, not a bad file: report it and go on
        return Outcome(path, "error", _internal_error(exc), internal=True)
    if not defer_write or (outcome.pending is not None and len(outcome.pending) > DEFER_LIMIT):
        finish_write(outcome)
    return outcome


def finish_write(outcome: Outcome) -> None:
    """Write ``outcome.pending`` over its file, if there is anything to write.

    On failure the file is as it was and the outcome becomes an error.
    """
    data, outcome.pending = outcome.pending, None
    if data is None:
        return
    try:
        directory, problem = _write(outcome.path, data)
    except Exception as exc:  # a bug, not a bad file
        outcome.status, outcome.message, outcome.internal = "error", _internal_error(exc), True
        return
    if problem:
        outcome.status = "error"
        outcome.message = problem
    outcome.written = directory


def _internal_error(exc: Exception) -> str:
    return f"internal error: {type(exc).__name__}: {exc}"


def _process(job: Job, data: bytes, path: str, explicit: bool, writable: bool) -> Outcome:
    result = Outcome(path, "unchanged", size=len(data))
    if job.jsonl_fields:
        jr = clean_jsonl_lines(job, data.splitlines(keepends=True))
        if jr.stopped is not None:
            result.status = "error"
            result.message = jr.stopped
            return result
        result.notes = jr.problems
        out = b"".join(jr.lines)
        before_text = data.decode("utf-8", errors="replace")
        after_text = out.decode("utf-8", errors="replace")
    else:
        try:
            decoded = decode(data, encoding=job.input_encoding)
        except DecodeProblem as exc:
            result.status = "skipped" if exc.binary and not explicit else "error"
            result.message = str(exc)
            return result
        result.label = encoding_label(decoded)
        if job.explain:
            explanation = job.pipeline.explain(decoded.text)
            cleaned = explanation.text
            if job.explain == "json":
                record = {"path": path, **explanation.to_dict()}
                result.report = json.dumps(record, ensure_ascii=False)
            else:
                result.report = explanation.report(name=path)
        else:
            cleaned = job.pipeline(decoded.text)
        try:
            out = encode(cleaned, decoded, encoding=job.encoding, newline=job.newline)
        except UnicodeEncodeError as exc:
            result.status = "error"
            result.message = describe_encode_error(exc, job.encoding or _name(decoded))
            return result
        except LookupError as exc:
            result.status = "error"
            result.message = str(exc)
            return result
        before_text = decoded.text
        after_text = cleaned.replace("\n", job.newline or decoded.newline)
    if job.output:
        result.data = out
    if out == data:
        return result
    result.status = "changed"
    if job.diff:
        result.diff = unified_diff(before_text, after_text, path)
    if job.write and writable:
        result.pending = out
    return result


def _name(decoded: Decoded) -> str:
    return decoded.encoding


def _write(path: str, data: bytes) -> tuple[str | None, str | None]:
    """Write ``data`` over ``path``: the directory written, or a message saying why not.

    When it cannot be done the file is as it was. The directory is not
    ``fsync``ed here: the command does that once per directory at the end.
    """
    try:
        st = os.stat(path)
    except OSError as exc:
        return None, _why(exc)
    if not st.st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH) or not os.access(
        path, os.W_OK
    ):
        return None, "file is read-only; left as it was"
    try:
        return atomic_write(path, data, sync_directory=False), None
    except OSError as exc:
        return None, f"cannot write: {_why(exc)}; left as it was"


# ----- JSON Lines --------------------------------------------------------------


@dataclass
class JsonlResult:
    lines: list[bytes]
    problems: list[str]
    stopped: str | None = None
    changed: int = 0


def _members(text: str) -> list[tuple[str, int, int, Any]]:
    """(key, start, end, value) of each member of a JSON object text already known valid."""
    i = _WS_RE.match(text, 0).end()  # type: ignore[union-attr]
    i = _WS_RE.match(text, i + 1).end()  # type: ignore[union-attr]
    members: list[tuple[str, int, int, Any]] = []
    if text[i : i + 1] == "}":
        return members
    while True:
        key, i = json.decoder.scanstring(text, i + 1)  # type: ignore[attr-defined]
        i = _WS_RE.match(text, i).end()  # type: ignore[union-attr]
        i = _WS_RE.match(text, i + 1).end()  # type: ignore[union-attr]  # past ':'
        value, j = _DECODER.raw_decode(text, i)
        members.append((key, i, j, value))
        i = _WS_RE.match(text, j).end()  # type: ignore[union-attr]
        if text[i] == "}":
            return members
        i = _WS_RE.match(text, i + 1).end()  # type: ignore[union-attr]


def _clean_record(job: Job, text: str) -> str:
    """The record with its named fields cleaned; every other byte as it was."""
    pieces: list[str] = []
    last = 0
    for key, start, end, value in _members(text):
        if key not in job.jsonl_fields or not isinstance(value, str):
            if key in job.jsonl_fields and value is not None:
                raise ValueError(f"field {key!r} is {type(value).__name__}, not a string")
            continue
        cleaned = _restore_newline(job.pipeline(value), value)
        if cleaned == value:
            continue
        raw = text[start:end]
        ascii_only = "\\u" in raw and raw.isascii()
        pieces.append(text[last:start])
        pieces.append(json.dumps(cleaned, ensure_ascii=ascii_only))
        last = end
    if not pieces:
        return text
    pieces.append(text[last:])
    return "".join(pieces)


def clean_jsonl_lines(job: Job, lines: Sequence[bytes], first: int = 1) -> JsonlResult:
    """Clean a run of JSON Lines (each with its line end); ``first`` is the first's number."""
    result = JsonlResult([], [])
    for number, raw in enumerate(lines, first):
        body = raw.rstrip(b"\r\n")
        end = raw[len(body) :]
        bom = b""
        if number == 1 and body.startswith(b"\xef\xbb\xbf"):
            bom, body = body[:3], body[3:]
        if not body.strip():
            result.lines.append(raw)
            continue
        try:
            text = body.decode("utf-8")
            parsed = json.loads(text)
            if not isinstance(parsed, dict):
                raise ValueError(f"a JSON {type(parsed).__name__}, not an object")
            cleaned = _clean_record(job, text)
        except UnicodeDecodeError as exc:
            problem = f"line {number}: not valid UTF-8 (byte offset {exc.start})"
        except json.JSONDecodeError as exc:
            problem = f"line {number}: invalid JSON: {exc.msg} (column {exc.colno})"
        except ValueError as exc:
            problem = f"line {number}: {exc}"
        else:
            if cleaned != text:
                result.changed += 1
                result.lines.append(bom + cleaned.encode("utf-8") + end)
            else:
                result.lines.append(raw)
            continue
        if job.on_error == "stop":
            result.stopped = problem
            return result
        result.problems.append(problem)
        if job.on_error == "keep":
            result.lines.append(raw)
    return result
