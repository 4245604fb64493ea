"""Blank lines: none at the start or end, runs collapsed, one final newline.

The patterns use the standard library's ``re``: its ``\\s`` is exactly
``str.isspace`` (the contract's "whitespace-only"), and on Cyrillic text it
runs such classes many times faster than ``regex``.
"""

from __future__ import annotations

import re

from .._filter import register

__all__ = ["fix_blank_lines"]

#: A line break followed by one or more blank lines (nothing but whitespace
#: other than ``\n``). ``[^\S\n]`` cannot match ``\n``, so each run of
#: whitespace is scanned once: linear time.
BLANK_RUN_RE = re.compile(r"\n(?:[^\S\n]*\n)+")
#: A line of whitespace that is not empty, between two line breaks.
SPACE_LINE_RE = re.compile(r"\n[^\S\n]+\n")
#: Blank lines at the start of the text.
LEADING_BLANK_RE = re.compile(r"(?:[^\S\n]*\n)+")


@register(
    "blank_lines",
    summary="Drop leading and trailing blank lines, collapse runs, end with one newline.",
    default=True,
    paragraph_local=True,
)
def fix_blank_lines(text: str, *, max_blank: int = 1) -> str:
    """Tidy blank lines: none at the start or end, at most ``max_blank`` in a row.

    A line holding only whitespace (anything ``str.isspace`` calls
    whitespace: spaces, tabs, no-break and other exotic spaces) is blank and
    becomes empty. Blank lines at the start and the end go, a run of blank
    lines between two lines of text becomes ``max_blank`` empty lines (1 by
    default; 0 removes every blank line), and the text ends with exactly one
    ``\\n``. A text with nothing but whitespace becomes the empty string.

    Left alone: every line that holds anything but whitespace, with its
    leading indentation and its trailing spaces (the spaces filter owns
    those), and fenced code blocks, whose inner blank lines are kept as they
    are.

    >>> fix_blank_lines("\\n\\n  Title\\n \\n\\t\\n\\nText\\n\\n\\n")
    '  Title\\n\\nText\\n'
    >>> fix_blank_lines("a\\n\\n\\n\\nb", max_blank=2)
    'a\\n\\n\\nb\\n'
    >>> fix_blank_lines("```\\ncode\\n\\n\\n\\nmore\\n```")
    '```\\ncode\\n\\n\\n\\nmore\\n```\\n'
    >>> fix_blank_lines(" \\n\\u00a0\\n")
    ''
    """
    if max_blank < 0:
        raise ValueError(f"max_blank must be 0 or more, not {max_blank}")
    if not text or text.isspace():
        return ""
    # The end of the last line that holds something: keep that line whole.
    last = len(text)
    while text[last - 1].isspace():
        last -= 1
    end = text.find("\n", last)
    if end >= 0:
        text = text[:end]
    if text[0].isspace():
        leading = LEADING_BLANK_RE.match(text)
        if leading is not None:
            text = text[leading.end() :]
    if "\n" in text:
        if max_blank == 1:
            if "\n\n\n" in text or SPACE_LINE_RE.search(text):
                text = BLANK_RUN_RE.sub("\n\n", text)
        else:
            keep = max_blank + 1
            text = BLANK_RUN_RE.sub(lambda m: "\n" * min(m.group().count("\n"), keep), text)
    return text + "\n"
