"""The watermarks filter's first check: where a run of one repeated unit may start.

Most texts have no watermark, and most of those that have one have it in a
few places; this check finds those places (or that there are none) at C
speed, before :mod:`textclean.filters.watermarks` tokenises anything. See
:class:`Repeats`.
"""

from __future__ import annotations

import itertools
import operator
import re
from collections.abc import Iterable

__all__ = ["LONG_FOLDS", "SEPARATORS", "Repeats"]

#: Tokens that glue the copies of a unit together: ``a | a | a``.
SEPARATORS = frozenset("|·•/")
# Each separator standing alone as a token for str.split (stdlib \s is
# str.isspace): one pattern per character, as a literal first is found
# faster than a class.
_SEPARATOR_TOKEN_RES = [
    (separator, re.compile(re.escape(separator) + r"(?<!\S.)(?!\S)", re.DOTALL))
    for separator in sorted(SEPARATORS)
]

# Characters whose casefold is longer than one character (``ß`` -> ``ss``):
# only with one of them in the text can two tokens that are equal once
# casefolded differ in length. They are all in the Basic Multilingual Plane
# (a test checks the whole range), which is scanned in a few milliseconds.
LONG_FOLDS = "".join(c for c in map(chr, range(0x10000)) if len(c.casefold()) > 1)
# The high bytes of those characters in UTF-16 (all in the BMP), "ß" aside.
_LONG_FOLD_BLOCKS = bytes(sorted({ord(c) >> 8 for c in LONG_FOLDS if c != "ß"}))


def _folds_longer(text: str) -> bool:
    """Whether ``text`` has a character whose casefold is longer than itself."""
    if "ß" in text:
        return True
    # Looking for each of the 104 characters costs more than looking, in the
    # high bytes of the UTF-16 code units, for the 6 blocks they live in.
    high = text.encode("utf-16-le", "surrogatepass")[1::2]
    return any(map(high.__contains__, _LONG_FOLD_BLOCKS)) and any(
        map(text.__contains__, LONG_FOLDS)
    )


def _fold_lengths(tokens: list[str], text: str) -> bytearray:
    """The casefolded length of each token, one byte each (capped at 255)."""
    folds: Iterable[str] = tokens
    if _folds_longer(text):
        folds = list(map(str.casefold, tokens))
    try:
        return bytearray(map(len, folds))
    except ValueError:  # a token longer than 255: equal lengths stay equal when capped
        return bytearray(map(min, map(len, folds), itertools.repeat(255)))


class Repeats:
    """Where a run may start: the fast path, and the finder of the places worth reading.

    Every run holds at least ``reps`` whole copies of its unit, with only
    whitespace and separators between its tokens; so if no stretch of p
    tokens (p <= ``max_words``) repeats ``reps`` times in a row in the
    casefolded list of tokens other than separators (``words``), nothing can
    go. A *hit* is the start of such a stretch.

    Comparing the casefolded token list with itself shifted by each p costs
    one casefold and one pass per period; instead the casefolded lengths of
    the tokens are packed one byte each into an integer, and one XOR with
    itself shifted by p bytes gives, per period, a map whose zero bytes are
    the tokens as long as the one p places on (all in C). Those maps point at
    the few places worth comparing token by token (:meth:`_confirmed`). On a
    text where too many places look alike (``"ab cd ef gh ..."``), the maps
    are built from the casefolded tokens themselves instead, as exact as the
    comparisons and still linear.
    """

    def __init__(self, text: str, max_words: int, reps: int) -> None:
        for separator, alone in _SEPARATOR_TOKEN_RES:
            if separator in text:  # standing alone, it becomes a space: the same words
                text = alone.sub(" ", text)
        words = text.split()
        self.words = words
        self.spans = [p * (reps - 1) for p in range(1, max_words + 1)]
        lengths = _fold_lengths(words, text)
        packed = int.from_bytes(lengths, "little")
        size = len(lengths)
        self.maps = [
            (packed ^ (packed >> (8 * p))).to_bytes(size, "little") for p in range(1, max_words + 1)
        ]
        self.needles = [bytes(span) for span in self.spans]
        self.exact = sum(map(bytes.count, self.maps, self.needles)) > size // 16 + 32
        if self.exact:
            folded = list(map(str.casefold, words))
            eq = operator.ne  # a zero byte where the tokens are equal, as above
            self.maps = [bytes(map(eq, folded, folded[p:])) for p in range(1, max_words + 1)]
        self.hits = [self._next(k, 0) for k in range(max_words)]

    def _next(self, k: int, start: int) -> int:
        """The first confirmed hit at period ``k + 1`` at or after ``start``; -1 if none."""
        found, needle, words = self.maps[k], self.needles[k], self.words
        period = k + 1
        hit = found.find(needle, start)
        if self.exact:
            return hit
        while hit >= 0:
            first, other = words[hit], words[hit + period]
            # Most places that only look alike differ at once.
            if (first == other or first.casefold() == other.casefold()) and self._confirmed(
                hit, period
            ):
                return hit
            hit = found.find(needle, hit + 1)
        return -1

    def _confirmed(self, start: int, period: int) -> bool:
        """Whether ``words[start:]`` really is ``span`` tokens equal to the ones ``period`` on."""
        words = self.words
        span = self.spans[period - 1]
        here = words[start : start + span]
        there = words[start + period : start + period + span]
        return here == there or all(
            map(operator.eq, map(str.casefold, here), map(str.casefold, there))
        )

    def first(self, start: int) -> int:
        """The first hit (index in ``words``) at or after ``start``; -1 if there is none.

        Calls must come with non-decreasing ``start``.
        """
        hits = self.hits
        best = -1
        for k, hit in enumerate(hits):
            if 0 <= hit < start:
                hit = hits[k] = self._next(k, start)
            if hit >= 0 and (best < 0 or hit < best):
                best = hit
        return best
