"""Dashes: a spaced hyphen, en dash or ``--`` between words becomes the locale's dash."""

from __future__ import annotations

import re
from typing import Final

import regex

from .._filter import register
from .._patterns import EXOTIC_SPACES
from .._verbatim import INLINE

__all__ = ["fix_dashes"]

#: The spaces a dash may stand between: a space, or an exotic one (no-break,
#: thin …); a tab is a column separator, never the space around a dash.
_SPACES: Final = " " + EXOTIC_SPACES
_SPACE: Final = f"[{_SPACES}]"
#: What may stand just before the spaces: a word (letter, digit, mark, inline
#: placeholder), closing punctuation or quote, emphasis marker, or a unit sign.
_LEFT: Final = rf"[\p{{L}}\p{{N}}\p{{M}}{INLINE},.!?;:…)\]}}»”’\"'“‘›*_%‰°$€£₽¥]"
#: What may stand just after the spaces: a word, an opening bracket or quote,
#: an emphasis marker, or a sign that starts a word or an amount.
_RIGHT: Final = rf"[\p{{L}}\p{{N}}\p{{M}}{INLINE}«„“‘‚\"'(\[‹*_$€£₽¥№#@]"
#: A candidate: ``-``, ``–``, ``—`` or ``--`` (not ``---``) with a space on
#: each side. What stands around it is checked afterwards. ``_candidates``
#: finds its matches faster (a test checks it).
SPACED_DASH_RE = re.compile(rf"{_SPACE}(?P<dash>--|[-–—]){_SPACE}")
LEFT_CHAR_RE = regex.compile(_LEFT)
RIGHT_CHAR_RE = regex.compile(_RIGHT)
#: The characters ``_matches`` decides by a set (Latin, Cyrillic, general
#: punctuation and currency signs; a test checks the sets): a set is looked
#: up several times faster than a pattern is matched.
_KNOWN_RANGES: Final = (range(0x530), range(0x2000, 0x20D0))


def _known(pattern: regex.Pattern[str]) -> frozenset[str]:
    """The characters of ``_KNOWN_RANGES`` that ``pattern`` matches."""
    return frozenset(
        chr(code) for span in _KNOWN_RANGES for code in span if pattern.match(chr(code))
    )


_LEFT_KNOWN: Final = _known(LEFT_CHAR_RE)
_RIGHT_KNOWN: Final = _known(RIGHT_CHAR_RE)


def _matches(ch: str, known: frozenset[str], pattern: regex.Pattern[str]) -> bool:
    """True if ``pattern`` matches ``ch``, looked up in ``known`` where it decides."""
    if ch < "\u0530" or "\u2000" <= ch < "\u20d0":
        return ch in known
    return pattern.match(ch) is not None


#: The markers at the start of a line: indentation, block quotes and list
#: markers (``- * + • 1. 1)``), each followed by a space. A dash among them
#: is a list marker, not a dash.
LINE_MARKERS_RE = regex.compile(r"[ \t]*+(?:>[ \t]*+|(?:[-*+•]|\d{1,9}[.)])(?=[ \t]|$)[ \t]*+)*+")
#: What a line that starts with markers starts with (below U+0660, the
#: first digit outside ASCII; higher characters go to ``LINE_MARKERS_RE``).
_MARKER_STARTS: Final = " \t>-*+0123456789"
#: Signs that make an amount of the digit before them (``5%``, ``500$``).
_NUMBER_SUFFIX: Final = "%‰°$€£₽¥"
#: Signs that start an amount (``$5``).
_NUMBER_PREFIX: Final = "$€£₽¥"


def _numeric_left(text: str, end: int) -> bool:
    """True if the text just before ``end`` is a number (``5``, ``5%``, ``500 $``).

    A sign after the digits may stand after one space (``5 %``, ``500 $``:
    the currency filter writes a suffix symbol so).
    """
    ch = text[end - 1]
    if ch.isdigit():
        return True
    if ch not in _NUMBER_SUFFIX or end < 2:
        return False
    before = text[end - 2]
    if before in _SPACES:
        return end >= 3 and text[end - 3].isdigit()
    return before.isdigit()


def _numeric_right(text: str, start: int) -> bool:
    """True if the text from ``start`` is a number (``5``, ``$5``)."""
    ch = text[start]
    if ch.isdigit():
        return True
    return ch in _NUMBER_PREFIX and start + 1 < len(text) and text[start + 1].isdigit()


def _candidates(text: str) -> list[tuple[int, int]]:
    """The spans of ``SPACED_DASH_RE``'s matches in ``text``, found faster.

    Each dash is found by ``str.find`` (a fast scan for one character; a
    regular expression scans for a class, or for a space, several times
    slower) and kept if a space stands on each side; ``--`` is taken before
    ``-``. A match that overlaps an earlier one (whose space after is its
    space before) is dropped, as the scan of ``SPACED_DASH_RE`` drops it.
    """
    size = len(text)
    spaced: list[tuple[int, int]] = []
    for dash in "-–—":
        pos = text.find(dash, 1)
        while pos >= 0:
            after = pos + 1
            if text[pos - 1] in _SPACES and after < size:
                if dash == "-" and text[after] == "-":
                    after += 1  # ``--``, or ``---`` and no dash
                if after < size and text[after] in _SPACES:
                    spaced.append((pos - 1, after + 1))
            pos = text.find(dash, pos + 1)
    spaced.sort()
    kept: list[tuple[int, int]] = []
    taken = 0
    for start, end in spaced:
        if start >= taken:
            kept.append((start, end))
            taken = end
    return kept


@register(
    "dashes",
    summary="A spaced hyphen, en dash or -- between words to the locale's dash: — (de: –).",
    default=True,
    paragraph_local=True,
)
def fix_dashes(text: str, *, locale: str | None = "auto") -> str:
    """Turn a spaced hyphen, en dash or ``--`` between words into the locale's dash.

    A ``-``, ``–`` or ``--`` with a space on each side, after a word or
    punctuation and before a word, becomes ``—`` (``de``: ``–``) with one
    space on each side; a spaced ``—`` gets one space on each side too.

    >>> fix_dashes("«Думаю, так», - сказал он.", locale="ru")
    '«Думаю, так», — сказал он.'
    >>> fix_dashes("It was late -- very late.", locale="en")
    'It was late — very late.'
    >>> fix_dashes("Berlin - Hamburg", locale="de")
    'Berlin – Hamburg'

    Left alone: a dash between two numbers (``5 - 3``, ``1990 – 2000``),
    hyphens inside words, ranges and dates (``кто-то``, ``10–20``,
    ``2024-11-24``), minus signs (``-5 °C``), list markers (``- item``,
    also inside ``> ``), table separator rows, thematic breaks, a dash at
    the end of a line, code and URLs, and all text when the locale is
    ``None``; in ``de`` a spaced ``—`` stays as it is.

    >>> fix_dashes("- Привет, - сказал он. Счёт 5 - 3, кто-то, -5 °C.", locale="ru")
    '- Привет, — сказал он. Счёт 5 - 3, кто-то, -5 °C.'
    >>> fix_dashes("word - word", locale=None)
    'word - word'
    """
    if locale is None:
        return text
    candidates = _candidates(text)
    if not candidates:
        return text
    german = locale == "de"
    target = "–" if german else "—"
    out: list[str] = []
    done = 0
    line_start = scanned = 0
    info_for = -1
    markers_end = 0
    size = len(text)
    for found, found_end in candidates:
        # The whole runs of spaces around the dash, and what stands beyond them.
        start = found
        while start > done and text[start - 1] in _SPACES:
            start -= 1
        end = found_end
        while end < size and text[end] in _SPACES:
            end += 1
        if start == 0 or end == size:
            continue
        if not (
            _matches(text[start - 1], _LEFT_KNOWN, LEFT_CHAR_RE)
            and _matches(text[end], _RIGHT_KNOWN, RIGHT_CHAR_RE)
        ):
            continue
        nl = text.rfind("\n", scanned, start)
        if nl >= 0:
            line_start = nl + 1
        scanned = start
        if info_for != line_start:
            info_for = line_start
            first = text[line_start]  # the line holds the dash
            if first < "\u0660" and first not in _MARKER_STARTS:
                markers_end = line_start  # the common case, without a match
            else:
                line_end = text.find("\n", line_start)
                marks = LINE_MARKERS_RE.match(text, line_start, line_end if line_end >= 0 else size)
                markers_end = marks.end() if marks else line_start
        if start <= markers_end:
            continue  # a list marker
        # A table separator row (``|---|``) or a thematic break (``- - -``)
        # never gets here: such a line holds nothing but ``| : - * _``, spaces
        # and tabs, and none of those is a word or sign that RIGHT_CHAR_RE
        # takes after a dash (``*`` or ``_`` never shares a rule with a dash).
        dash_end = found_end - 1
        dash = text[found + 1 : dash_end]
        if german and dash == "—":
            continue  # a spaced em dash is right in German too
        if _numeric_left(text, start) and _numeric_right(text, end):
            continue  # 5 - 3, 1990 – 2000: a range or a sum, not a dash
        left = text[start : found + 1]
        right = text[dash_end:end]
        new = (left if len(left) == 1 else " ") + target + (right if len(right) == 1 else " ")
        if new != text[start:end]:
            out.append(text[done:start])
            out.append(new)
            done = end
    if not out:
        return text
    out.append(text[done:])
    return "".join(out)
