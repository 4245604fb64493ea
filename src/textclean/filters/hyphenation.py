"""Hyphenated line breaks: ``эконо-\\nмического`` → ``экономического``, when attested.

A word split over two lines with a hyphen is joined only when the joined word
also occurs, whole, somewhere in the same text; otherwise the hyphen may be a
real one (``state-of-the-\\nart``, ``Wirtschafts-\\nund Sozialpolitik``) and the
text is left as it is. Opt-in: not in the default pipeline.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

import regex

from .._filter import register
from .._patterns import HEADING_RE, TABLE_ROW_RE
from .._verbatim import BLOCK, INLINE

__all__ = ["join_hyphenated"]

#: The hyphens a word is split with at a line end: ASCII hyphen-minus and
#: U+2010 HYPHEN. (The soft hyphen U+00AD is the ``invisible`` filter's.)
HYPHENS = "-\u2010"

#: Where a hyphenated line break may be: a hyphen, optional spaces, a line
#: break. A literal start lets the engine scan fast; the second form is
#: used only when the text has a U+2010.
SITE_RE = regex.compile(r"-[ \t]*+\n")
SITE_ANY_RE = regex.compile(rf"[{HYPHENS}][ \t]*+\n")
#: The first part of the word: the whole run of letters, marks and digits that
#: ends at the hyphen (matched backwards from it, so only that run is read).
LEFT_RE = regex.compile(r"(?r)[\p{L}\p{M}\p{N}]++")
#: A letter or mark: what the first part must end with.
LETTER_RE = regex.compile(r"[\p{L}\p{M}]")
#: After the hyphen's line: one or more line breaks (blank lines allowed),
#: the next line's indentation, and ``right``: a run of letters, marks and
#: digits that starts with a letter. ``tail`` is what sticks to it up to the
#: next space (punctuation, closing quotes), ``gap`` the spaces after that.
RIGHT_RE = regex.compile(
    r"(?P<breaks>\n(?:[ \t]*+\n)*+)[ \t]*+"
    r"(?P<right>\p{L}[\p{L}\p{M}\p{N}]*+)"
    rf"(?P<tail>[^\s{BLOCK}]*+)"
    r"(?P<gap>[ \t]*+)"
)
#: The same for a hyphen on a block-quote line: the next line of the same
#: quote (its ``>`` markers, checked to be as many, stay where they are).
QUOTED_RIGHT_RE = regex.compile(
    r"(?P<breaks>\n)(?P<quote>[ \t]*+(?:>[ \t]*+)++)"
    r"(?P<right>\p{L}[\p{L}\p{M}\p{N}]*+)"
    rf"(?P<tail>[^\s{BLOCK}]*+)"
    r"(?P<gap>[ \t]*+)"
)
#: A line's block-quote markers, with the spaces around them.
QUOTE_PREFIX_RE = regex.compile(r"[ \t]*+(?:>[ \t]*+)*+")
#: A word, as the vocabulary counts words: a run of letters, marks and digits.
WORD_RE = regex.compile(r"[\p{L}\p{M}\p{N}]++")
#: Up to this many distinct joined words are looked up with ``str.find``;
#: more, and the text's vocabulary is built once instead.
FIND_LIMIT = 32


@register(
    "hyphenation",
    summary="Join a word hyphenated across a line break when the whole word occurs in the text.",
    default=False,
)
def join_hyphenated(text: str, *, ignore_case: bool = True, keep_lines: bool = False) -> str:
    """Join a word split over two lines with a hyphen, if the text attests it.

    ``эконо-\\nмического`` becomes ``экономического`` only when
    ``экономического`` occurs as a whole word elsewhere in the same text
    (compared case-insensitively unless ``ignore_case=False``). The hyphen,
    the line break (and any blank lines) and the indentation go, and the rest
    of the second line follows the joined word after one space, as the
    ``wraps`` filter would join it. With ``keep_lines=True`` only the word
    fragment moves up and the rest of the second line stays on its own line
    (for hard-wrapped text that should stay wrapped); a line left empty goes.

    >>> text = "Рост экономического потенциала и эконо-\\nмического обмена."
    >>> join_hyphenated(text)
    'Рост экономического потенциала и экономического обмена.'
    >>> join_hyphenated(text, keep_lines=True)
    'Рост экономического потенциала и экономического\\nобмена.'
    >>> join_hyphenated("Send an e-\\nmail today. Email is fast.")
    'Send an email today. Email is fast.'

    Inside a block quote the word goes on on the next line of the same quote:

    >>> join_hyphenated("> The govern-\\n> ment said. Government is big.")
    '> The government said. Government is big.'

    Left alone: a split whose joined word does not occur in the text (a real
    compound hyphen at a line end), a hyphen with a space before it (a dash),
    a split inside a heading or a table row, and one whose second part is
    itself split again at its line end.

    >>> join_hyphenated("a state-of-the-\\nart design")
    'a state-of-the-\\nart design'
    >>> join_hyphenated("Wirtschafts-\\nund Sozialpolitik")
    'Wirtschafts-\\nund Sozialpolitik'
    """
    if "\n" not in text or ("-" not in text and "\u2010" not in text):
        return text
    fold: Callable[[str], str] = str.casefold if ignore_case else str
    splits = _splits(text, fold)
    if not splits:
        return text
    attested = _attested(text.casefold() if ignore_case else text, {s.word for s in splits})
    out: list[str] = []
    pos = 0
    for s in splits:
        if s.word not in attested:
            continue
        out.append(text[pos : s.start])
        out.append(s.joined)
        if keep_lines:
            out.append(s.breaks)
        elif not s.line_ends:  # the rest of the line follows the word
            out.append(" ")
        pos = s.end
    if not out:
        return text
    out.append(text[pos:])
    return "".join(out)


class _Split(NamedTuple):
    """A word split by a hyphen at a line end, and what joining it writes."""

    start: int  # where the word's first part starts
    end: int  # after the second part, what sticks to it and the spaces after
    word: str  # the joined word, as it is looked up (case-folded or not)
    joined: str  # the joined word and what sticks to it
    breaks: str  # what ``keep_lines`` writes after it: the line breaks, and the
    # next line's indentation if the rest of that line stays (if not, the line goes)
    line_ends: bool  # nothing but spaces follows on the second part's line


def _splits(text: str, fold: Callable[[str], str]) -> list[_Split]:
    """Every hyphenated line break that could be joined, in order.

    Like one left-to-right scan: a split's second part (and what sticks to
    it) is used up, so the next split is looked for after it.
    """
    found: list[_Split] = []
    used = 0
    sites = SITE_ANY_RE if "\u2010" in text else SITE_RE
    for site in sites.finditer(text):
        hyphen = site.start()
        left = LEFT_RE.match(text, 0, hyphen)
        if left is None or left.start() < used or LETTER_RE.match(text, hyphen - 1) is None:
            continue
        start = left.start()
        if start > 0 and text[start - 1] == INLINE:
            continue  # a verbatim span is not a word fragment
        after = _right_part(text, site.end() - 1, hyphen)
        if after is None:
            continue
        end = used = after.end()
        right_start, right_end = after.span("right")
        token = text[right_start : after.end("tail")]
        if token[-1] in HYPHENS:
            continue  # a chain of splits, or a dangling hyphen: leave it
        if _in_heading_or_table(text, hyphen):
            continue
        first = text[start:hyphen]
        line_ends = end == len(text) or text[end] == "\n"
        found.append(
            _Split(
                start=start,
                end=end,
                word=fold(first + text[right_start:right_end]),
                joined=first + token,
                breaks=after.group("breaks")[:-1]
                if line_ends
                else text[site.end() - 1 : right_start],
                line_ends=line_ends,
            )
        )
    return found


def _attested(haystack: str, words: set[str]) -> set[str]:
    """Those of ``words`` that occur in ``haystack`` as whole words.

    A few words are looked up one by one; for many words, or when the words
    keep turning up inside longer ones, the haystack's words are collected
    in one pass instead.
    """
    if len(words) <= FIND_LIMIT:
        found = _find_whole_words(haystack, words)
        if found is not None:
            return found
    return words.intersection(WORD_RE.findall(haystack))


def _find_whole_words(haystack: str, words: set[str]) -> set[str] | None:
    """Look ``words`` up with ``str.find``; None if they turn up inside other words too often."""
    found: set[str] = set()
    budget = 64 + len(haystack) // 256
    end = len(haystack)
    for word in words:
        i = haystack.find(word)
        while i >= 0:
            j = i + len(word)
            if (i == 0 or WORD_RE.match(haystack, i - 1, i) is None) and (
                j == end or WORD_RE.match(haystack, j, j + 1) is None
            ):
                found.add(word)
                break
            budget -= 1
            if budget < 0:
                return None
            i = haystack.find(word, i + 1)
    return found


def _right_part(text: str, newline: int, hyphen: int) -> regex.Match[str] | None:
    """The second part of the word after the line break at ``newline``.

    On a block-quote line it is on the next line, of the same quote or
    with no quote marker (a lazy continuation); else on the next line that
    is not blank.
    """
    start = text.rfind("\n", 0, hyphen) + 1
    prefix = QUOTE_PREFIX_RE.match(text, start, hyphen)
    assert prefix is not None  # every part of it is optional
    depth = prefix.group().count(">")
    if not depth:
        return RIGHT_RE.match(text, newline)
    after = QUOTED_RIGHT_RE.match(text, newline)
    if after is not None:
        return after if after.group("quote").count(">") == depth else None
    # A lazy continuation (no marker) goes on the quote; a blank line ends it.
    after = RIGHT_RE.match(text, newline)
    return after if after is not None and after.group("breaks") == "\n" else None


def _in_heading_or_table(text: str, at: int) -> bool:
    """True if position ``at`` is on a heading or a table row (in a block quote too)."""
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    line = text[start : end if end >= 0 else len(text)]
    prefix = QUOTE_PREFIX_RE.match(line)
    assert prefix is not None  # every part of it is optional
    line = line[prefix.end() :]
    return HEADING_RE.match(line) is not None or TABLE_ROW_RE.match(line) is not None
