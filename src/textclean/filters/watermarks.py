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
  breaks, which are never touched (see :class:`_Reader`).

The algorithm is one left-to-right pass with a stack of tokens that records,
for each period p <= ``max_unit_words``, how far the p-periodic stretch ending
at each entry reaches back. A stretch is removed when the next token breaks it
and it qualifies; removal exposes the tokens below, which the next token may
extend, so ``a a a X X X X X a a`` loses everything in the same call. Every
maximal stretch left on the stack is then too short, hence the output has no
run left (idempotence), and each token is pushed O(1) times (linear time).
"""

from __future__ import annotations

import bisect
import itertools
import operator
from collections.abc import Sequence

import regex

from .._filter import FilterError, register
from .._patterns import TABLE_ROW_RE, TABLE_SEPARATOR_RE, THEMATIC_BREAK_RE
from .._verbatim import BLOCK, Verbatim

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
_SEPARATORS = frozenset("|·•/")
# A line's markdown lead: indentation, block-quote markers, then one list
# marker or heading marker followed by a space (or the end of the line).
_PREFIX_RE = regex.compile(
    r"[ \t]*+(?P<quote>(?:>[ \t]*+)*+)(?P<marker>(?:[-*+•]|[0-9]{1,9}[.)]|#{1,6})(?:[ \t]++|\Z))?+"
)


_MAX_UNIT_WORDS = 8


class _Repeats:
    """Where a run may start: the fast path, and the finder of the lines worth reading.

    Every run holds at least ``reps`` whole copies of its unit, with only
    whitespace and separators between its tokens; so if no stretch of p
    tokens (p <= ``max_words``) repeats ``reps`` times in a row in the
    casefolded token list, nothing can go. One casefold, one split and, per
    period, one comparison of the token list with itself shifted by p, all in
    C: about the cost of one ``re.sub`` pass. ``first`` then finds the hits in
    order, each map scanned forward once.
    """

    def __init__(self, text: str, max_words: int, reps: int) -> None:
        tokens = text.casefold().split()
        # Positions of the non-separator tokens, when there are separators.
        self.index: list[int] | None = None
        if not _SEPARATORS.isdisjoint(tokens):
            # Both lists built by C iterators: no Python code per token.
            kept = list(map(operator.not_, map(_SEPARATORS.__contains__, tokens)))
            self.index = list(itertools.compress(range(len(tokens)), kept))
            tokens = list(itertools.compress(tokens, kept))
        eq = operator.eq
        self.maps = [bytes(map(eq, tokens, tokens[p:])) for p in range(1, max_words + 1)]
        self.needles = [b"\x01" * (p * (reps - 1)) for p in range(1, max_words + 1)]
        self.hits = [m.find(n) for m, n in zip(self.maps, self.needles, strict=True)]

    def first(self, start: int) -> int:
        """The first token (index in ``text.split()``) at or after ``start`` where a run may begin.

        -1 if there is none. Calls must come with non-decreasing ``start``.
        """
        index = self.index
        at = start if index is None else bisect.bisect_left(index, start)
        best = -1
        for k, hit in enumerate(self.hits):
            if 0 <= hit < at:
                hit = self.hits[k] = self.maps[k].find(self.needles[k], at)
            if hit >= 0 and (best < 0 or hit < best):
                best = hit
        if best < 0 or index is None:
            return best
        return index[best]


# ---------------------------------------------------------------------------
# Tokens and the run stack

_UNIT, _SEP, _BARRIER = 0, 1, 2


class _Tokens:
    """Per-token facts, in parallel lists indexed by token id.

    Only the key is worked out as a token is read: whether it has a letter
    and whether it is strong matter only for a stretch that repeats, so
    :class:`_Runs` asks for them then (most tokens never repeat).
    """

    __slots__ = ("key", "removed", "text")

    def __init__(self) -> None:
        self.text: list[str] = []
        self.key: list[str] = []
        self.removed: list[bool] = []

    def add(self, token: str) -> int:
        self.text.append(token)
        self.key.append(token.casefold())
        self.removed.append(False)
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

# An item of a line: (start, end, kind, token id or -1).
_Item = tuple[int, int, int, int]


class _Line:
    """One line, read: its markdown kind and its tokens."""

    __slots__ = ("barrier", "heading", "items", "marked", "opaque", "units")

    def __init__(self, line: str, opaque: bool, tokens: _Tokens) -> None:
        self.opaque = opaque
        self.items: list[_Item] = []
        self.units: list[int] = []
        self.marked = self.heading = self.barrier = False
        if opaque:
            return
        prefix = _PREFIX_RE.match(line)
        assert prefix is not None  # every part of it is optional
        marker = prefix.group("marker")
        self.marked = marker is not None or ">" in prefix.group("quote")
        self.heading = marker is not None and marker[0] == "#"
        for m in _TOKEN_RE.finditer(line, prefix.end()):
            token = m.group()
            if token in _SEPARATORS:
                self.items.append((m.start(), m.end(), _SEP, -1))
            elif UNIT_TOKEN_RE.match(token):
                tid = tokens.add(token)
                self.items.append((m.start(), m.end(), _UNIT, tid))
                self.units.append(tid)
            else:
                self.items.append((m.start(), m.end(), _BARRIER, -1))
                self.barrier = True

    def cuts_after(self) -> bool:
        """True if nothing after this line can ever join a run with anything before it."""
        if self.opaque:
            return True
        if self.heading and (self.barrier or not self.units):
            return True  # a heading that stays is never joined to the next line
        last = next((item[2] for item in reversed(self.items) if item[2] != _SEP), None)
        return last == _BARRIER


class _Reader:
    """Reads lines into the run stack: where a line break is a space and where it cuts.

    A line break counts as a space — over blank lines too, since ``wraps``
    may join such lines later — except before a list item, block quote or
    heading (a mark, see :class:`_Mark`), after a heading, and around
    opaque lines (code, tables, thematic breaks). A barrier token cuts.
    """

    def __init__(self, text: str, lines: list[str], tokens: _Tokens, runs: _Runs) -> None:
        self.lines = lines
        self.tokens = tokens
        self.runs = runs
        self.read: dict[int, _Line] = {}
        self.table = _table_lines(text, lines)

    def line(self, li: int) -> _Line | None:
        """Line ``li`` read, or None for a blank line."""
        found = self.read.get(li)
        if found is None:
            text = self.lines[li]
            if _NONSPACE_RE.search(text) is None:
                return None
            opaque = li in self.table or _is_opaque(text)
            found = self.read[li] = _Line(text, opaque, self.tokens)
        return found

    def cuts_after(self, li: int) -> bool | None:
        """``line(li).cuts_after()``, or None for a blank line, without reading every token.

        A line that cuts is not part of the run above it: only its last
        token matters, so a line not read yet is looked at from its end.
        """
        found = self.read.get(li)
        if found is not None:
            return found.cuts_after()
        text = self.lines[li]
        if _NONSPACE_RE.search(text) is None:
            return None
        if li in self.table or _is_opaque(text):
            return True
        prefix = _PREFIX_RE.match(text)
        assert prefix is not None  # every part of it is optional
        marker = prefix.group("marker")
        if marker is not None and marker[0] == "#":
            line = self.line(li)  # a heading: it depends on every token
            assert line is not None
            return line.cuts_after()
        # As _Line.cuts_after: whether the last token that is not a separator is a barrier.
        start, end = prefix.end(), len(text)
        while (m := _LAST_TOKEN_RE.search(text, start, end)) is not None:
            token = m.group()
            if token not in _SEPARATORS:
                return UNIT_TOKEN_RE.match(token) is None
            end = m.start()
        return False

    def around(self, li: int) -> tuple[int, int]:
        """The lines to read for a run that starts on line ``li``: from a cut to a cut."""
        first = li
        for k in range(li - 1, -1, -1):
            cut = self.cuts_after(k)
            if cut is not None:
                if cut:
                    break
                first = k
        last = li
        while last + 1 < len(self.lines):
            here = self.line(last)
            if here is not None and here.cuts_after():
                break
            last += 1
        return first, last + 1

    def run(self, first: int, last: int) -> None:
        """Find and delete the runs of ``lines[first:last]`` (cut off from the rest)."""
        runs, removed = self.runs, self.tokens.removed
        for li in range(first, last):
            line = self.line(li)
            runs.line = li
            if line is None:
                continue  # a blank line is a space
            if line.opaque:
                runs.finish()
                runs.clear()
                continue
            if line.marked:
                runs.push(-1, _Mark(li, bool(line.units) and not line.barrier))
            for _, _, kind, tid in line.items:
                if kind == _UNIT:
                    runs.push(tid, self.tokens.key[tid])
                elif kind == _BARRIER:
                    runs.finish()
                    runs.clear()
            if line.heading:
                runs.line = li + 1
                runs.finish()
                if line.barrier or not all(removed[tid] for tid in line.units):
                    runs.clear()  # the heading stays: nothing joins it
        runs.line = last
        runs.finish()
        runs.clear()

    def changed(self) -> dict[int, str | None]:
        """The lines that lost units: their new text, or None when they go."""
        removed = self.tokens.removed
        return {
            li: _rebuild(self.lines[li], line.items, removed)
            for li, line in self.read.items()
            if any(removed[tid] for tid in line.units)
        }


def _is_opaque(line: str) -> bool:
    """A line no run may touch or cross: code, table rows, thematic breaks."""
    return (
        BLOCK in line
        or TABLE_ROW_RE.match(line) is not None
        or TABLE_SEPARATOR_RE.match(line) is not None
        or THEMATIC_BREAK_RE.match(line) is not None
    )


def _table_lines(text: str, lines: list[str]) -> set[int]:
    """Lines with a ``|`` in a paragraph that has a table separator row (pipe tables)."""
    found: set[int] = set()
    if "|" not in text or "-" not in text:
        return found
    count = len(lines)
    for li, line in enumerate(lines):
        if li in found or "|" not in line or TABLE_SEPARATOR_RE.match(line) is None:
            continue
        first = li
        while first > 0 and _NONSPACE_RE.search(lines[first - 1]) is not None:
            first -= 1
        last = li + 1
        while last < count and _NONSPACE_RE.search(lines[last]) is not None:
            last += 1
        found.update(k for k in range(first, last) if "|" in lines[k])
    return found


def _has_separator(gap: str) -> bool:
    return any(ch in _SEPARATORS for ch in gap)


def _rebuild(line: str, found: list[_Item], removed: list[bool]) -> str | None:
    """The line without its removed units, seams tidied; None if nothing is left."""
    words = [item for item in found if item[2] != _SEP]
    if all(item[2] == _UNIT and removed[item[3]] for item in words):
        return None
    out = [line[: found[0][0]]]  # indentation and markers, kept as they are
    prev_end = -1  # end of the last kept word
    block_start = block_end = -1  # first and last removed word since then
    for start, end, kind, tid in words:
        if kind == _UNIT and removed[tid]:
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
    reps = 2 if min(min_domain_repeats, min_repeats) < 3 else 3
    repeats = _Repeats(text, max_unit_words, reps)
    hit = repeats.first(0)
    if hit < 0:
        return text

    lines = text.split("\n")
    # before[i]: how many tokens of text.split() come before line i.
    before = list(itertools.accumulate(map(len, map(str.split, lines)), initial=0))
    tokens = _Tokens()
    reader = _Reader(
        text, lines, tokens, _Runs(tokens, max_unit_words, min_domain_repeats, min_repeats)
    )
    li = 0
    while hit >= 0:
        li = bisect.bisect_right(before, hit, li) - 1
        first, last = reader.around(li)
        reader.run(first, last)
        if last >= len(lines):
            break
        hit = repeats.first(before[last])
    changed = reader.changed()

    if not changed:
        return text
    out: list[str] = []
    for i, line in enumerate(lines):
        new = changed.get(i, line)
        if new is not None:
            out.append(new)
    return "\n".join(out)
