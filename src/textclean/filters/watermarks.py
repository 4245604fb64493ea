"""Watermarks: a run of one unit repeated (``WWW.BELTA.BY WWW.BELTA.BY WWW.BELTA.BY``).

Terms used below (the docs page ``docs/filters/watermarks.md`` has the full story):

* A *token* is a stretch of non-space characters. A token is a *unit token*
  when it is made of word characters plus the punctuation a domain, handle or
  URL can contain (:data:`UNIT_TOKEN_RE`): ``belta.by``, ``https://x.by/a?b=1``,
  ``@belta_news``, ``©Reuters``, ``©``, ``#news``, ``don't``. ``no,`` and
  ``Ура!`` are not: they are *barriers*, which a run never crosses and which
  are never deleted. ``|``, ``·``, ``•`` and ``/`` standing alone are
  *separators*: glue between units.
* A *unit* is 1 to ``max_unit_words`` consecutive unit tokens that contain a
  letter; units are compared with ``str.casefold``. A *strong* unit is one
  domain / URL / @handle / ``©Name`` token, or a unit with a ``©`` token
  (``© Reuters``); it needs ``min_domain_repeats`` repetitions, any other
  unit ``min_repeats``.
* A line break counts as a space, over blank lines too (the ``wraps`` filter
  may join such lines later), except before a list item, block-quote line or
  heading, after a heading, and around table rows, code blocks and thematic
  breaks, which are never touched (see :class:`_Document`).

The algorithm is one left-to-right pass with a stack of tokens that records,
for each period p <= ``max_unit_words``, how far the p-periodic stretch ending
at each entry reaches back. A stretch is removed when the next token breaks it
and it qualifies; removal exposes the tokens below, which the next token may
extend, so ``a a a X X X X X a a`` loses everything in the same call. Every
maximal stretch left on the stack is then too short, hence the output has no
run left (idempotence), and each token is pushed O(1) times (linear time).

Only the stretches between two barriers that may hold a run are read: a
first check at C speed (:mod:`textclean.filters._repeats`) finds where a run
may start, and a long text is cleaned in parts no run crosses (:func:`_parts`).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Sequence

import regex

from .._filter import FilterError, register
from .._patterns import TABLE_ROW_RE, TABLE_SEPARATOR_RE, THEMATIC_BREAK_RE
from .._verbatim import BLOCK, Verbatim
from ._repeats import SEPARATORS as _SEPARATORS
from ._repeats import Repeats as _Repeats

__all__ = [
    "DOMAIN_RE",
    "HANDLE_RE",
    "UNIT_TOKEN_RE",
    "remove_watermarks",
]

# ---------------------------------------------------------------------------
# Patterns

# Word characters of a unit token (letters, digits, combining marks, "_").
_W = r"[\p{L}\p{N}\p{M}_]"
# Punctuation a domain, handle or URL can hold between word characters.
_P = r"[.\-'’:/?=&%#~+@]"
#: A unit token, whole: ``©`` alone, or an optional ``©``/``@``/``#`` lead,
#: word characters with single stretches of URL punctuation between them, and
#: an optional final ``/``. It never ends in ``.``, ``,``, ``!`` and the like.
UNIT_TOKEN_RE = regex.compile(rf"(?:©|[©@#]?+{_W}++(?:{_P}++{_W}++)*+/?+)\Z")

# A host name label: letters and digits, inner hyphens allowed.
_LABEL = r"[\p{L}\p{N}]++(?:-++[\p{L}\p{N}]++)*+"
# A TLD-ish ending: 2-24 Latin letters, a punycode label, or a Cyrillic TLD.
_TLD = (
    r"(?:[a-z]{2,24}+(?![\p{L}\p{N}])|xn--[a-z0-9]++(?:-++[a-z0-9]++)*+"
    r"|(?:рф|бел|укр|рус|срб|мкд|қаз|москва|онлайн|сайт|орг|ком)(?![\p{L}\p{N}]))"
)
#: A domain or URL token, whole: optional scheme, dotted labels ending in a
#: TLD-ish label, optional port, optional path/query/fragment.
DOMAIN_RE = regex.compile(
    rf"(?i)(?:(?:https?|ftp)://)?+(?:{_LABEL}\.)+?{_TLD}(?::[0-9]{{1,5}}+)?+(?:[/?#]\S*+)?+\Z"
)
#: An @handle token, whole (``@belta_news``, ``@user.name``).
HANDLE_RE = regex.compile(r"@[\p{L}\p{N}_]++(?:\.[\p{L}\p{N}_]++)*+\Z")

_LETTER_RE = regex.compile(r"\p{L}")
_TOKEN_RE = regex.compile(r"\S++")
# The same tokens, found from the end of the line backwards.
_LAST_TOKEN_RE = regex.compile(r"(?r)\S++")
_NONSPACE_RE = regex.compile(r"\S")
# The characters str.isspace takes for spaces and regex's \s does not.
_INFO_SEPARATORS = "\x1c\x1d\x1e\x1f"
# A line's markdown lead: indentation, block-quote markers, then one list
# marker or heading marker followed by a space (or the end of the line).
_PREFIX_RE = regex.compile(
    r"[ \t]*+(?P<quote>(?:>[ \t]*+)*+)(?P<marker>(?:[-*+•]|[0-9]{1,9}[.)]|#{1,6})(?:[ \t]++|\Z))?+"
)


_MAX_UNIT_WORDS = 8

# ---------------------------------------------------------------------------
# Tokens and the run stack

_UNIT, _SEP, _BARRIER = 0, 1, 2


class _Tokens:
    """Per-token facts, in parallel lists indexed by token id.

    Only the key is worked out as a token is read: whether it has a letter
    and whether it is strong matter only for a stretch that repeats, so
    :class:`_Runs` asks for them then (most tokens never repeat).
    """

    __slots__ = ("key", "line", "removed", "start", "text")

    def __init__(self) -> None:
        self.text: list[str] = []
        self.key: list[str] = []
        self.removed: list[bool] = []
        self.line: list[int] = []
        self.start: list[int] = []

    def add(self, token: str, line: int, start: int) -> int:
        """Record the token at offset ``start`` of the line at offset ``line``; return its id."""
        self.text.append(token)
        self.key.append(token.casefold())
        self.removed.append(False)
        self.line.append(line)
        self.start.append(start)
        return len(self.key) - 1

    def letter(self, tid: int) -> bool:
        """Whether the token has a letter."""
        return _LETTER_RE.search(self.text[tid]) is not None

    def copy(self, tid: int) -> bool:
        """Whether the token starts with ``©``."""
        return self.text[tid][0] == "©"

    def strong(self, tid: int) -> bool:
        """Whether the token alone is a strong unit: ``©Name``, an @handle or a domain."""
        token = self.text[tid]
        first = token[0]
        return self.letter(tid) and (
            first == "©"
            or (first == "@" and HANDLE_RE.match(token) is not None)
            or ("." in token and DOMAIN_RE.match(token) is not None)
        )


class _Mark:
    """Stands in the stack for a markdown line's marker: a token that equals nothing.

    The marker cuts the line off from what comes before it, unless every unit
    of the line goes: then the line goes, and the mark is dropped as soon as
    it is on top of the stack and its line is over, so the neighbours meet.
    """

    __slots__ = ("line", "units")

    def __init__(self, line: int, units: bool) -> None:
        self.line = line
        self.units = units


class _Runs:
    """The stack of tokens still open to a run, with the periodic stretches at each entry.

    ``ext[p][i]`` is how many entries ``j <= i`` in a row satisfy
    ``key[j] == key[j - p]``; the p-periodic stretch ending at ``i`` is then
    ``ext[p][i] + p`` entries long. Marks (one ``object()`` per markdown line)
    sit in the stack like tokens that equal nothing.
    """

    def __init__(self, tokens: _Tokens, periods: int, strong_min: int, weak_min: int) -> None:
        self.t = tokens
        self.periods = periods
        self.strong_min = strong_min
        self.weak_min = weak_min
        self.keys: list[object] = []
        self.ids: list[int] = []
        self.ext: list[list[int]] = [[] for _ in range(periods + 1)]
        #: The line being read; marks of earlier lines are over.
        self.line = 0

    # -- stack primitives --------------------------------------------------
    def _append(self, tid: int, key: object) -> None:
        keys = self.keys
        n = len(keys)
        for p in range(1, self.periods + 1):
            column = self.ext[p]
            column.append(column[n - 1] + 1 if n >= p and keys[n - p] == key else 0)
        keys.append(key)
        self.ids.append(tid)

    def _truncate(self, size: int) -> None:
        del self.keys[size:]
        del self.ids[size:]
        for p in range(1, self.periods + 1):
            del self.ext[p][size:]

    def clear(self) -> None:
        """Forget the stack: what is on it can never join a run again."""
        self._truncate(0)

    # -- runs ---------------------------------------------------------------
    def _find(self, key: object) -> tuple[int, int] | None:
        """The stack slice to delete: a qualifying stretch at the top that ``key`` breaks.

        ``key=None`` breaks every stretch (end of a segment).
        """
        keys, ids, t = self.keys, self.ids, self.t
        n = len(keys)
        for p in range(1, self.periods + 1):
            if 2 * p > n:
                break
            if key is not None and keys[n - p] == key:
                continue  # the stretch goes on
            length = self.ext[p][n - 1] + p
            if length < 2 * p:
                continue
            start = n - length
            unit = keys[start : start + p]
            if p > 1 and not _primitive(unit):
                continue  # a repetition of a shorter unit: found at that period
            unit_ids = ids[start : start + p]
            if not any(map(t.letter, unit_ids)):
                continue
            if p == 1 and t.strong(unit_ids[0]):
                if length >= self.strong_min:
                    return start, n
                continue
            first_copy = next((j for j in range(p) if t.copy(unit_ids[j])), -1)
            if first_copy >= 0:  # "© Name": the unit starts at its "©"
                reps = (length - first_copy) // p
                if reps >= self.strong_min:
                    lo = start + first_copy
                    return lo, lo + reps * p
                continue
            reps = length // p
            if reps >= self.weak_min:
                return start, start + reps * p
        return None

    def _remove(self, lo: int, hi: int) -> list[tuple[int, object]]:
        """Delete stack entries ``lo:hi``; return the entries above ``hi`` (to push again)."""
        rest = list(zip(self.ids[hi:], self.keys[hi:], strict=True))
        removed = self.t.removed
        for tid in self.ids[lo:hi]:
            removed[tid] = True
        self._truncate(lo)
        return rest

    def _drop_marks(self) -> None:
        """Pop the marks on top whose line is over and lost every unit."""
        keys = self.keys
        while keys and isinstance(top := keys[-1], _Mark) and top.units and top.line < self.line:
            self._truncate(len(keys) - 1)

    def push(self, tid: int, key: object) -> None:
        """Push a token (or a mark), first deleting every qualifying stretch it breaks."""
        keys = self.keys
        n = len(keys)
        if not keys or not isinstance(keys[-1], _Mark):
            # The common case, checked cheaply: at every period the stretch on
            # top goes on or is shorter than two copies, so nothing qualifies
            # and the token goes on top (:meth:`_append`, done as it checks).
            ext = self.ext
            for p in range(1, min(self.periods, n) + 1):
                column = ext[p]
                if keys[n - p] == key:
                    column.append(column[-1] + 1)
                elif column[-1] >= p:  # a stretch of two copies or more ends
                    for q in range(1, p):
                        ext[q].pop()
                    break
                else:
                    column.append(0)
            else:
                for p in range(n + 1, self.periods + 1):
                    ext[p].append(0)
                keys.append(key)
                self.ids.append(tid)
                return
        pending: list[tuple[int, object]] = [(tid, key)]
        while pending:
            tid, key = pending[-1]
            self._drop_marks()
            hit = self._find(key)
            if hit is None:
                pending.pop()
                self._append(tid, key)
            else:
                pending.extend(reversed(self._remove(*hit)))

    def finish(self) -> None:
        """Delete every qualifying stretch at the top (a hard boundary follows)."""
        self._drop_marks()
        while (hit := self._find(None)) is not None:
            for tid, key in self._remove(*hit):
                self.push(tid, key)
            self._drop_marks()


# The proper divisors of each period: the shorter units a unit may repeat.
_DIVISORS = tuple(tuple(d for d in range(1, p) if p % d == 0) for p in range(_MAX_UNIT_WORDS + 1))


def _primitive(unit: Sequence[object]) -> bool:
    """False if ``unit`` is a shorter unit repeated (``a b a b``)."""
    p = len(unit)
    return not any(all(unit[j] == unit[j % d] for j in range(d, p)) for d in _DIVISORS[p])


# ---------------------------------------------------------------------------
# Lines

_GAP = frozenset(" \t")
#: The characters a line's markdown lead (:data:`_PREFIX_RE`) can start with.
_PREFIX_LEADS = frozenset(" \t>-*+•#0123456789")


class _LineInfo:
    """One line's markdown facts, read once: where it is, what kind, where its tokens start."""

    __slots__ = ("blank", "body", "end", "heading", "marked", "opaque", "start", "text")

    def __init__(self, text: str, start: int, end: int, table: bool) -> None:
        self.start, self.end = start, end
        self.text = line = text[start:end]
        # str.isspace also takes U+001C..U+001F for spaces, regex does not.
        self.blank = (not line or line.isspace()) and _NONSPACE_RE.search(line) is None
        self.opaque = not self.blank and (table or _is_opaque(line))
        if line and line[0] not in _PREFIX_LEADS:  # no indentation, quote or marker
            self.marked = self.heading = False
            self.body = start
            return
        prefix = _PREFIX_RE.match(line)
        assert prefix is not None  # every part of it is optional
        marker = prefix.group("marker")
        self.marked = marker is not None or ">" in prefix.group("quote")
        self.heading = marker is not None and marker[0] == "#"
        #: Where the line's tokens start (absolute offset).
        self.body = start + prefix.end()


# An item of a line: (start, end, kind, token) with absolute offsets.
_Item = tuple[int, int, int, str]


def _kind(token: str) -> int:
    if token.isalnum():  # letters and digits only: a unit token (tests check each character)
        return _UNIT
    if token in _SEPARATORS:
        return _SEP
    return _UNIT if UNIT_TOKEN_RE.match(token) else _BARRIER


class _Document:
    """The text seen as lines, read only where a hit points, and the run stack over it.

    Lines are found by offset (a line is named by the offset of its first
    character) and read on demand. A stretch of tokens between two barriers
    (or cuts, see :meth:`cuts_after`) is a *segment*: the stack is empty at
    its start and end, so a segment in which no run starts loses nothing and
    is never read (:meth:`segment_start`, :meth:`run`).
    """

    def __init__(self, text: str, runs: _Runs, tokens: _Tokens) -> None:
        self.text = text
        self.runs = runs
        self.tokens = tokens
        self.lines: dict[int, _LineInfo] = {}
        #: The kind of each token met so far (a run repeats its tokens).
        self.kinds: dict[str, int] = {}
        #: Every item of a line read whole, with token ids of its units.
        self.read: dict[int, list[tuple[_Item, int]]] = {}
        self.tables = "|" in text and "-" in text
        #: Whether str.split finds the same tokens as _TOKEN_RE: the only
        #: spaces for str.isspace that regex does not take are U+001C..U+001F.
        self.splits = not any(map(text.__contains__, _INFO_SEPARATORS))
        self.table_paragraphs: dict[int, bool] = {}

    # -- lines ---------------------------------------------------------------
    def line(self, start: int) -> _LineInfo:
        """The line that starts at offset ``start``."""
        found = self.lines.get(start)
        if found is None:
            text = self.text
            end = text.find("\n", start)
            if end < 0:
                end = len(text)
            table = self.tables and "|" in text[start:end] and self._in_table(start)
            found = self.lines[start] = _LineInfo(text, start, end, table)
        return found

    def line_at(self, pos: int) -> _LineInfo:
        return self.line(self.text.rfind("\n", 0, pos) + 1)

    def previous(self, line: _LineInfo) -> _LineInfo | None:
        if line.start == 0:
            return None
        return self.line(self.text.rfind("\n", 0, line.start - 1) + 1)

    def _in_table(self, start: int) -> bool:
        """Whether the paragraph of the line at ``start`` has a pipe-table separator row."""
        text = self.text
        first = start
        while first > 0:
            above = text.rfind("\n", 0, first - 1) + 1
            if _NONSPACE_RE.search(text, above, first - 1) is None:
                break
            first = above
        known = self.table_paragraphs.get(first)
        if known is None:
            known = False
            at = first
            while True:
                end = text.find("\n", at)
                if end < 0:
                    end = len(text)
                line = text[at:end]
                if _NONSPACE_RE.search(line) is None:
                    break
                if "|" in line and TABLE_SEPARATOR_RE.match(line) is not None:
                    known = True
                    break
                if end == len(text):
                    break
                at = end + 1
            self.table_paragraphs[first] = known
        return known

    def items(self, line: _LineInfo, start: int, stop: bool) -> list[_Item]:
        """The tokens of ``line`` from offset ``start``; with ``stop``, up to the first barrier."""
        found: list[_Item] = []
        base = line.start
        kinds = self.kinds
        if self.splits:
            # The same tokens as _TOKEN_RE's, each found after the last one.
            text = line.text
            end = start - base
            for token in text[end:].split():
                at = text.find(token, end)
                end = at + len(token)
                kind = kinds.get(token)
                if kind is None:
                    kind = kinds[token] = _kind(token)
                found.append((base + at, base + end, kind, token))
                if stop and kind == _BARRIER:
                    break
            return found
        for m in _TOKEN_RE.finditer(line.text, start - base):
            token = m.group()
            kind = kinds.get(token)
            if kind is None:
                kind = kinds[token] = _kind(token)
            found.append((base + m.start(), base + m.end(), kind, token))
            if stop and kind == _BARRIER:
                break
        return found

    def last_barrier(self, line: _LineInfo, end: int) -> tuple[bool, int]:
        """Reading ``line`` back from offset ``end``: (whether the first word met is a barrier,
        the end offset of the last barrier before ``end`` or -1)."""
        text, base = line.text, line.start
        first = True
        stop = end - base
        while (m := _LAST_TOKEN_RE.search(text, line.body - base, stop)) is not None:
            kind = _kind(m.group())
            if kind == _BARRIER:
                return first, base + m.end()
            if kind == _UNIT:
                first = False
            stop = m.start()
        return False, -1

    def cuts_after(self, line: _LineInfo) -> bool:
        """True if nothing after this (non-blank) line can ever join a run with anything before it.

        An opaque line, a heading that stays (with a barrier or without
        units) and a line whose last word is a barrier.
        """
        if line.opaque:
            return True
        if line.heading:
            kinds = [item[2] for item in self.items(line, line.body, False)]
            return _BARRIER in kinds or _UNIT not in kinds
        return self.last_barrier(line, line.end)[0]

    # -- where to start ------------------------------------------------------
    def unit_at(self, line: _LineInfo, pos: int) -> bool:
        """Whether a unit token of ``line`` starts at ``pos`` (where a run may start)."""
        if line.opaque or pos < line.body:
            return False
        if pos > line.body and _NONSPACE_RE.match(self.text, pos - 1) is not None:
            return False  # inside a longer token (split at a character regex takes for a letter)
        m = _TOKEN_RE.match(line.text, pos - line.start)
        return m is not None and _kind(m.group()) == _UNIT

    def segment_start(self, line: _LineInfo, pos: int) -> tuple[_LineInfo, int]:
        """Where the segment holding the token at ``pos`` starts: a line and an offset in it.

        The offset is the end of a barrier, or -1 for the start of the line
        (before its mark).
        """
        _, after = self.last_barrier(line, pos)
        if after >= 0:
            return line, after
        first = line
        while (line := self.previous(line)) is not None:  # type: ignore[assignment]
            if line.blank:
                continue
            if line.opaque:
                break
            if line.heading:
                if self.cuts_after(line):
                    break
                first = line
                continue
            cut, after = self.last_barrier(line, line.end)
            if cut:
                break
            if after >= 0:
                return line, after
            first = line
        return first, -1

    def region_start(self, line: _LineInfo) -> _LineInfo:
        """The first line of the region holding ``line``: the line after the last cut."""
        first = line
        while (line := self.previous(line)) is not None:  # type: ignore[assignment]
            if line.blank:
                continue
            if self.cuts_after(line):
                break
            first = line
        return first

    # -- reading onto the stack ---------------------------------------------
    def run(self, line: _LineInfo, after: int, whole: bool) -> int:
        """Push lines onto the stack from ``line`` (from offset ``after``, or its start if -1).

        Stops at the end of the segment, or with ``whole`` at the end of the
        region; returns the offset where it stopped.
        """
        runs, tokens, text = self.runs, self.tokens, self.text
        add, push, key_of = tokens.add, runs.push, tokens.key
        while True:
            runs.line = line.start
            if line.opaque:
                runs.finish()
                runs.clear()
                return line.end
            if not line.blank:
                mid = after >= 0
                items = self.items(line, after if mid else line.body, not whole)
                barrier = mid or any(item[2] == _BARRIER for item in items)
                units: list[int] = []
                if line.marked and not mid:
                    has_units = any(item[2] == _UNIT for item in items)
                    runs.push(-1, _Mark(line.start, has_units and not barrier))
                last = _BARRIER if mid else None
                read: list[tuple[_Item, int]] = []
                for item in items:
                    start, end, kind, token = item
                    tid = -1
                    if kind == _UNIT:
                        tid = add(token, line.start, start)
                        units.append(tid)
                        push(tid, key_of[tid])
                    elif kind == _BARRIER:
                        runs.finish()
                        runs.clear()
                        if not whole:
                            return end
                    if kind != _SEP:
                        last = kind
                    read.append((item, tid))
                if not mid and (whole or not barrier):
                    self.read[line.start] = read
                if line.heading:
                    runs.line = line.end + 1
                    runs.finish()
                    if barrier or not all(tokens.removed[tid] for tid in units):
                        runs.clear()
                    cut = barrier or not units
                else:
                    cut = last == _BARRIER
                if cut:
                    break
            if line.end >= len(text):
                break
            line = self.line(line.end + 1)
            after = -1
        runs.line = line.end + 1
        runs.finish()
        runs.clear()
        return line.end

    def rebuilt(self) -> dict[int, str | None]:
        """The lines that lost units, by start offset: their new text, or None when they go."""
        removed = self.tokens.removed
        out: dict[int, str | None] = {}
        gone: set[int] | None = None
        for start in set(itertools.compress(self.tokens.line, removed)):
            line = self.line(start)
            read = self.read.get(start)
            if read is not None:
                items = [
                    (s - start, e - start, kind, tid >= 0 and removed[tid])
                    for (s, e, kind, _), tid in read
                ]
            else:  # read in part (a segment between barriers): tokenise it again
                if gone is None:
                    gone = set(itertools.compress(self.tokens.start, removed))
                # Only the removed units and the separators matter to _rebuild:
                # any other token stays, whatever its kind.
                body = line.body - start
                items = [
                    (m.start(), m.end(), _SEP if m.group() in _SEPARATORS else _BARRIER, False)
                    for m in _TOKEN_RE.finditer(line.text, body)
                ]
                items = [(s, e, k, s + start in gone) for s, e, k, _ in items]
            out[start] = _rebuild(line.text, items)
        return out


def _is_opaque(line: str) -> bool:
    """A line no run may touch or cross: code, table rows, thematic breaks."""
    # Each pattern is tried only where its first required character is: a
    # table row or separator row has a "|", a thematic break starts with
    # "-", "*" or "_" after its spaces.
    return (
        BLOCK in line
        or (
            "|" in line
            and (TABLE_ROW_RE.match(line) is not None or TABLE_SEPARATOR_RE.match(line) is not None)
        )
        or (line.lstrip(" ")[:1] in _BREAK_LEADS and THEMATIC_BREAK_RE.match(line) is not None)
    )


#: The characters a thematic break is made of.
_BREAK_LEADS = frozenset("-*_")


def _has_separator(gap: str) -> bool:
    return any(ch in _SEPARATORS for ch in gap)


def _rebuild(line: str, found: list[tuple[int, int, int, bool]]) -> str | None:
    """The line without its removed units, seams tidied; None if nothing is left.

    ``found``: the line's tokens as (start, end, kind, removed), offsets in ``line``.
    """
    words = [item for item in found if item[2] != _SEP]
    if all(item[3] for item in words):
        return None
    out = [line[: found[0][0]]]  # indentation and markers, kept as they are
    prev_end = -1  # end of the last kept word
    block_start = block_end = -1  # first and last removed word since then
    for start, end, _, gone in words:
        if gone:
            if block_start < 0:
                block_start = start
            block_end = end
            continue
        if prev_end < 0:
            if block_start < 0:
                out.append(line[found[0][0] : start])
        elif block_start < 0:
            out.append(line[prev_end:start])
        else:
            left, right = line[prev_end:block_start], line[block_end:start]
            out.append(left if _has_separator(left) and _has_separator(right) else " ")
        out.append(line[start:end])
        prev_end, block_start = end, -1
    if block_start < 0:
        out.append(line[prev_end:])
    return "".join(out)


def _glued_quote(text: str) -> bool:
    """Whether some line's block-quote marker touches its first word (``>word``).

    Such a word is one token for ``str.split`` (``>word``) but ``word`` on the
    stack, so the fast path may miss a run that starts with it: the filter
    then reads every segment of a region that has a hit, as the reference does.
    """
    at = text.find(">")
    while at >= 0:
        start = text.rfind("\n", 0, at) + 1
        end = text.find("\n", at)
        if end < 0:
            end = len(text)
        line = text[start:end]
        prefix = _PREFIX_RE.match(line)
        assert prefix is not None  # every part of it is optional
        cut = prefix.end()
        if line[cut - 1 : cut] == ">" and _NONSPACE_RE.match(line, cut) is not None:
            return True
        at = text.find(">", end)
    return False


def _located(text: str, words: list[str], cursor: tuple[int, int], index: int) -> int:
    """The offset of ``words[index]`` in ``text``, searching from ``cursor`` (index, offset).

    The cursor's offset is where ``words[cursor_index]`` starts, or a token
    boundary with that many words before it; the word is found as the right
    count of whole-token occurrences after it.
    """
    word = words[index]
    skip = words[cursor[0] : index].count(word)
    pos, size, length = cursor[1], len(word), len(text)
    while True:
        pos = text.find(word, pos)
        assert pos >= 0
        end = pos + size
        if (pos == 0 or text[pos - 1].isspace()) and (end == length or text[end].isspace()):
            if not skip:
                return pos
            skip -= 1
            pos = end
        else:
            pos += 1


def _count_words(text: str) -> int:
    """How many tokens of ``text`` are not separators."""
    found = text.split()
    return len(found) - sum(map(_SEPARATORS.__contains__, found))


def _joined(text: str, changed: dict[int, str | None]) -> str:
    """``text`` with the lines at the given offsets replaced, or dropped when None.

    The same as splitting on newlines, replacing and joining with newlines,
    without splitting the whole text.
    """
    out: list[str] = []
    cursor = 0  # the start of the first line not yet copied
    for start in sorted(changed):
        if start > cursor:
            out.append(text[cursor : start - 1])  # the unchanged lines before, joined
        new = changed[start]
        if new is not None:
            out.append(new)
        end = text.find("\n", start)
        cursor = len(text) + 1 if end < 0 else end + 1
    if cursor <= len(text):
        out.append(text[cursor:])
    return "\n".join(out)


# ---------------------------------------------------------------------------
# The filter


def _check(name: str, value: int, low: int, high: int) -> None:
    if not low <= value <= high:
        raise FilterError(
            f"option {name!r} of filter 'watermarks' must be {low}..{high}, not {value}"
        )


@register(
    "watermarks",
    summary="Remove runs of one repeated unit: WWW.BELTA.BY WWW.BELTA.BY WWW.BELTA.BY",
    default=True,
    keeps_letters=False,
    verbatim=Verbatim.CODE,
    paragraph_local=True,
)
def remove_watermarks(
    text: str,
    *,
    min_domain_repeats: int = 3,
    min_repeats: int = 5,
    max_unit_words: int = 4,
) -> str:
    """Remove watermarks: runs of one unit repeated.

    A domain, URL, @handle or ``© Name`` repeated ``min_domain_repeats``
    times or more, or any other unit of 1 to ``max_unit_words`` words with a
    letter repeated ``min_repeats`` times or more, compared case-insensitively,
    separated by spaces or by `` | ``, `` · ``, `` • ``, `` / ``. The run goes,
    with its line when nothing else is left of it; an inline run leaves one
    space at the seam.

    >>> remove_watermarks("Title\\nWWW.BELTA.BY WWW.BELTA.BY WWW.BELTA.BY\\nText.\\n")
    'Title\\nText.\\n'
    >>> remove_watermarks("текст belta.by | belta.by | belta.by продолжение")
    'текст продолжение'
    >>> remove_watermarks("© Reuters © Reuters © Reuters")
    ''

    It leaves alone shorter runs, repetitions with other punctuation, words
    without letters, table rows and code:

    >>> remove_watermarks("See belta.by belta.by. Very very very good.")
    'See belta.by belta.by. Very very very good.'
    >>> remove_watermarks("Ура! Ура! Ура! Ура! Ура! 1 1 1 1 1")
    'Ура! Ура! Ура! Ура! Ура! 1 1 1 1 1'
    >>> remove_watermarks("| x.by | x.by | x.by |")
    '| x.by | x.by | x.by |'

    Options: ``min_domain_repeats`` and ``min_repeats`` (at least 2) and
    ``max_unit_words`` (1 to 8); other values raise :class:`FilterError`.
    """
    _check("min_domain_repeats", min_domain_repeats, 2, 1 << 62)
    _check("min_repeats", min_repeats, 2, 1 << 62)
    _check("max_unit_words", max_unit_words, 1, _MAX_UNIT_WORDS)
    options = (min_domain_repeats, min_repeats, max_unit_words)
    if len(text) <= 2 * _PART:
        return _remove(text, *options)
    # A long text is cleaned a part at a time: the same result (no run
    # crosses a part's end, see _parts), and the token lists stay small.
    return "".join(_remove(part, *options) for part in _parts(text))


#: The size of the parts a long text is cleaned in (characters, roughly).
_PART = 32_768
#: A line break followed by a blank line: where a part may end.
_PARAGRAPH_END_RE = regex.compile(r"\n(?=[^\S\n]*+\n)")


def _parts(text: str) -> Iterator[str]:
    """Consecutive slices of ``text``, about :data:`_PART` long, that no run crosses.

    A part ends with the line break of a line that cuts (:func:`_cuts`: its
    last token is a barrier, or it is code, a table row or a rule) when a
    blank line follows. Nothing after such a line joins a run with anything
    before it, and the blank line ends the paragraph, so table detection
    (per paragraph) sees the same lines too: each part is cleaned exactly as
    it would be inside the whole text.
    """
    start = 0
    search = _PART
    while search < len(text) - _PART:
        m = _PARAGRAPH_END_RE.search(text, search)
        if m is None:
            break
        end = m.end()  # just after the line break
        line = text[text.rfind("\n", 0, m.start()) + 1 : m.start()]
        if _NONSPACE_RE.search(line) is not None and _cuts(line):
            yield text[start:end]
            start = end
            search = end + _PART
        else:
            search = end
    yield text[start:]


def _cuts(line: str) -> bool:
    """True if no run can join anything before the end of ``line`` to anything after it.

    As :meth:`_Document.cuts_after` decides for a line, or more strictly: an
    opaque line, or one whose last token that is not a separator is a barrier.
    """
    if _is_opaque(line):
        return True
    prefix = _PREFIX_RE.match(line)
    assert prefix is not None  # every part of it is optional
    start, end = prefix.end(), len(line)
    while (m := _LAST_TOKEN_RE.search(line, start, end)) is not None:
        token = m.group()
        if token not in _SEPARATORS:
            return UNIT_TOKEN_RE.match(token) is None
        end = m.start()
    return False


def _remove(text: str, min_domain_repeats: int, min_repeats: int, max_unit_words: int) -> str:
    """:func:`remove_watermarks` on one text or part, with checked options."""
    reps = 2 if min(min_domain_repeats, min_repeats) < 3 else 3
    repeats = _Repeats(text, max_unit_words, reps)
    hit = repeats.first(0)
    if hit < 0:
        return text

    tokens = _Tokens()
    doc = _Document(text, _Runs(tokens, max_unit_words, min_domain_repeats, min_repeats), tokens)
    whole = _glued_quote(text)
    words = repeats.words
    cursor = (0, 0)  # (index in words, offset): a token boundary with that many words before
    while hit >= 0:
        pos = _located(text, words, cursor, hit)
        line = doc.line_at(pos)
        if whole:
            end = doc.run(doc.region_start(line), -1, True)
        elif doc.unit_at(line, pos):
            first, after = doc.segment_start(line, pos)
            end = doc.run(first, after, False)
        else:  # a barrier, a marker or code: no run starts here
            end = pos + len(words[hit])
        assert end > pos  # a segment or region runs through the hit's token
        cursor = (hit + _count_words(text[pos:end]), end)
        hit = repeats.first(cursor[0])
    changed = doc.rebuilt()
    return _joined(text, changed) if changed else text
