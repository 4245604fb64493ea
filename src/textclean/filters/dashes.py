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
#: each side. What stands around it is checked afterwards (a pattern that
#: starts with a look-behind or a run of spaces scans several times slower).
#: Stdlib ``re`` (same meaning: literal classes only) scans for it three
#: times faster than ``regex``.
SPACED_DASH_RE = re.compile(rf"{_SPACE}(?P<dash>--|[-–—]){_SPACE}")
#: The fast path's test for a dash after an exotic space (a plain space
#: before a dash is found by ``in``, faster).
EXOTIC_BEFORE_DASH_RE = re.compile(f"[{EXOTIC_SPACES}][-–—]")
LEFT_CHAR_RE = regex.compile(_LEFT)
RIGHT_CHAR_RE = regex.compile(_RIGHT)
#: The markers at the start of a line: indentation, block quotes and list
#: markers (``- * + • 1. 1)``), each followed by a space. A dash among them
#: is a list marker, not a dash.
LINE_MARKERS_RE = regex.compile(r"[ \t]*+(?:>[ \t]*+|(?:[-*+•]|\d{1,9}[.)])(?=[ \t]|$)[ \t]*+)*+")
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


@register(
    "dashes",
    summary="A spaced hyphen, en dash or -- between words to the locale's dash: — (de: –).",
    default=True,
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
    if locale is None or not (
        " -" in text
        or " –" in text
        or " —" in text
        or (not text.isascii() and EXOTIC_BEFORE_DASH_RE.search(text))
    ):
        return text
    german = locale == "de"
    target = "–" if german else "—"
    out: list[str] = []
    done = 0
    line_start = scanned = 0
    info_for = -1
    markers_end = 0
    size = len(text)
    for m in SPACED_DASH_RE.finditer(text):
        # The whole runs of spaces around the dash, and what stands beyond them.
        found, found_end = m.span()
        start = found
        while start > done and text[start - 1] in _SPACES:
            start -= 1
        end = found_end
        while end < size and text[end] in _SPACES:
            end += 1
        if start == 0 or end == size:
            continue
        if not (LEFT_CHAR_RE.match(text, start - 1) and RIGHT_CHAR_RE.match(text, end)):
            continue
        nl = text.rfind("\n", scanned, start)
        if nl >= 0:
            line_start = nl + 1
        scanned = start
        if info_for != line_start:
            info_for = line_start
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
