"""Pattern fragments and line classifiers shared by several filters.

Filter-specific patterns live at the top of each filter's module; what more
than one filter needs lives here, compiled once. Every pattern has good/bad
examples in ``tests/test_patterns.py``.
"""

from __future__ import annotations

import regex

from ._verbatim import BLOCK, INLINE

__all__ = [
    "BLOCKQUOTE_RE",
    "EXOTIC_SPACES",
    "HEADING_RE",
    "INLINE_SPACES",
    "LIST_ITEM_RE",
    "TABLE_ROW_RE",
    "TABLE_SEPARATOR_RE",
    "THEMATIC_BREAK_RE",
    "WORD_CHAR",
    "is_structural_line",
]

#: Spaces that are not U+0020 or a tab: no-break, Ogham, the U+2000 block
#: (en quad to hair space), narrow no-break, medium mathematical, ideographic.
#: Zero-width characters are not among them (the invisible filter's).
EXOTIC_SPACES = "\u00a0\u1680" + "".join(map(chr, range(0x2000, 0x200B))) + "\u202f\u205f\u3000"
#: Every space that can sit inside a line.
INLINE_SPACES = " \t" + EXOTIC_SPACES

#: One character of a word: a letter, a digit, a combining mark, or an inline
#: verbatim placeholder (inline code, URL and e-mail behave as words).
WORD_CHAR = rf"[\p{{L}}\p{{N}}\p{{M}}{INLINE}]"

#: An ATX heading: up to three spaces, one to six ``#``, then a space (of any
#: kind: the spaces filter turns a no-break one into a plain one later) or the end.
HEADING_RE = regex.compile(rf"^ {{0,3}}#{{1,6}}(?:[{INLINE_SPACES}]|$)")
#: A list item's marker (``-``, ``*``, ``+``, ``1.``, ``1)``), after any
#: indentation and block-quote markers, followed by a space or the end.
LIST_ITEM_RE = regex.compile(r"^[ \t]*+(?:>[ \t]*+)*+(?:[-*+•]|\d{1,9}[.)])(?:[ \t]|$)")
#: A block-quote line.
BLOCKQUOTE_RE = regex.compile(r"^[ \t]*+>")
#: A table row: starts with ``|`` after optional indentation.
TABLE_ROW_RE = regex.compile(r"^[ \t]*+\|")
#: A table separator row such as ``|---|:--:|`` or ``--- | ---``.
TABLE_SEPARATOR_RE = regex.compile(r"^[ \t]*+(?=[^\n]*-)(?=[^\n]*\|)[|:\- \t]++$")
#: A thematic break (``---``, ``***``, ``___``), which is not a dash either.
THEMATIC_BREAK_RE = regex.compile(
    r"^ {0,3}(?:(?:-[ \t]*+){3,}+|(?:\*[ \t]*+){3,}+|(?:_[ \t]*+){3,}+)$"
)


def is_structural_line(line: str) -> bool:
    """True for a line that starts a markdown block of its own.

    Such a line (heading, list item, block quote, table row, thematic break,
    or a fenced code block's placeholder) is never joined onto the line
    before it.
    """
    stripped = line.lstrip(" \t")
    if not stripped:
        return False
    if stripped[0] == BLOCK:
        return True
    if stripped[0].isalpha():
        return False  # every marker below starts with a character that is not a letter
    return bool(
        HEADING_RE.match(line)
        or LIST_ITEM_RE.match(line)
        or BLOCKQUOTE_RE.match(line)
        or TABLE_ROW_RE.match(line)
        or THEMATIC_BREAK_RE.match(line)
    )
