"""Why did my text change? Per-filter changes, located in the input.

Filters stay plain ``str -> str`` functions: the explanation is computed by
comparing the text before and after each step (lines first, then characters
within changed lines), and every change is mapped back through the earlier
steps to a span of the original input.
"""

from __future__ import annotations

import bisect
import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ._filter import normalize_newlines

if TYPE_CHECKING:
    from ._pipeline import Step

__all__ = ["Change", "Explanation"]

# Changed line blocks longer than this are reported as one change rather than
# compared character by character (difflib is quadratic in the worst case).
_CHAR_DIFF_LIMIT = 20_000


@dataclass(frozen=True)
class Change:
    """One change a filter made.

    ``start`` and ``end`` locate it in the input (with line ends as ``\\n``);
    ``line`` and ``column`` are 1-based. ``before`` and ``after`` are the text
    the filter saw and wrote there.
    """

    filter: str
    start: int
    end: int
    line: int
    column: int
    before: str
    after: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "filter": self.filter,
            "start": self.start,
            "end": self.end,
            "line": self.line,
            "column": self.column,
            "before": self.before,
            "after": self.after,
        }


@dataclass(frozen=True)
class Explanation:
    """The cleaned text and every change that produced it."""

    input: str
    text: str
    changes: tuple[Change, ...]
    steps: tuple[str, ...]

    @property
    def changed(self) -> bool:
        return self.text != self.input

    def counts(self) -> dict[str, int]:
        """How many changes each filter made, in pipeline order (filters with none left out)."""
        counts: dict[str, int] = {}
        for name in self.steps:
            n = sum(1 for c in self.changes if c.filter == name)
            if n:
                counts[name] = n
        return counts

    def for_filter(self, name: str) -> tuple[Change, ...]:
        return tuple(c for c in self.changes if c.filter == name)

    def to_dict(self) -> dict[str, Any]:
        return {
            "changed": self.changed,
            "counts": self.counts(),
            "changes": [c.to_dict() for c in self.changes],
        }

    def report(self, *, name: str = "<text>", limit: int = 10) -> str:
        """A readable report: one block per filter, up to ``limit`` changes each."""
        if not self.changes:
            return f"{name}: unchanged"
        lines = [f"{name}: {len(self.changes)} change(s)"]
        for filt, n in self.counts().items():
            lines.append(f"  {filt}: {n}")
            for c in self.for_filter(filt)[:limit]:
                lines.append(f"    {c.line}:{c.column}  {_show(c.before)} -> {_show(c.after)}")
            if n > limit:
                lines.append(f"    … and {n - limit} more")
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.report()


def _show(s: str, width: int = 40) -> str:
    if len(s) > width:
        s = s[: width // 2 - 1] + "…" + s[-(width // 2 - 1) :]
    return repr(s)


# An edit: (start, end) in a step's input, (start, end) in its output.
_Edit = tuple[int, int, int, int]


def _diff(before: str, after: str) -> list[_Edit]:
    """Character edits turning ``before`` into ``after``, in order."""
    a_lines = before.splitlines(keepends=True)
    b_lines = after.splitlines(keepends=True)
    a_off = _offsets(a_lines)
    b_off = _offsets(b_lines)
    edits: list[_Edit] = []
    lines = difflib.SequenceMatcher(None, a_lines, b_lines, autojunk=False)
    for tag, i1, i2, j1, j2 in lines.get_opcodes():
        if tag == "equal":
            continue
        a0, a1, b0, b1 = a_off[i1], a_off[i2], b_off[j1], b_off[j2]
        chunk_a, chunk_b = before[a0:a1], after[b0:b1]
        if tag != "replace" or len(chunk_a) + len(chunk_b) > _CHAR_DIFF_LIMIT:
            edits.append((a0, a1, b0, b1))
            continue
        chars = difflib.SequenceMatcher(None, chunk_a, chunk_b, autojunk=False)
        for ctag, c1, c2, d1, d2 in chars.get_opcodes():
            if ctag != "equal":
                edits.append((a0 + c1, a0 + c2, b0 + d1, b0 + d2))
    return edits


def _offsets(lines: list[str]) -> list[int]:
    out = [0]
    for line in lines:
        out.append(out[-1] + len(line))
    return out


def _map_back(pos: int, edits: list[_Edit], out_starts: list[int], *, is_end: bool) -> int:
    """Map a position in a step's output to its input."""
    k = bisect.bisect_right(out_starts, pos) - 1
    if k < 0:
        return pos
    a0, a1, b0, b1 = edits[k]
    if pos < b1 or (pos == b1 == b0):
        return a1 if is_end and pos > b0 else a0
    return pos - b1 + a1


def explain_steps(original: str, steps: Iterable[tuple[Step, str]]) -> Explanation:
    """Build an :class:`Explanation` from each step and the text after it."""
    source = normalize_newlines(original)
    history: list[tuple[list[_Edit], list[int]]] = []
    changes: list[Change] = []
    names: list[str] = []
    before = source
    line_starts = [0] + [i + 1 for i, ch in enumerate(source) if ch == "\n"]
    for step, after in steps:
        if step.name not in names:
            names.append(step.name)
        if after == before:
            continue
        edits = _diff(before, after)
        for a0, a1, b0, b1 in edits:
            start, end = a0, a1
            for past, starts in reversed(history):
                start = _map_back(start, past, starts, is_end=False)
                end = _map_back(end, past, starts, is_end=True)
            end = max(end, start)
            line = bisect.bisect_right(line_starts, start)
            changes.append(
                Change(
                    filter=step.name,
                    start=start,
                    end=end,
                    line=line,
                    column=start - line_starts[line - 1] + 1,
                    before=before[a0:a1],
                    after=after[b0:b1],
                )
            )
        history.append((edits, [e[2] for e in edits]))
        before = after
    return Explanation(input=source, text=before, changes=tuple(changes), steps=tuple(names))
