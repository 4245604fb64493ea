"""Spaces: exotic, doubled and trailing spaces, spaces on the wrong side of punctuation.

The places that may need a fix are found by a few C-speed scans (one
pattern with a literal start, ``str.find`` per odd space); the decisions,
in Python, are made only there. A text with nothing to fix is returned
after those scans.
"""

from __future__ import annotations

import re

import regex

from .._filter import register
from .._patterns import EXOTIC_SPACES
from .._verbatim import BLOCK, INLINE, URL_TRAILING

__all__ = ["EXOTIC_SPACES", "fix_spaces"]

_EX = regex.escape(EXOTIC_SPACES)
_SP = rf"[ \t{_EX}]"
_EOL = r"(?=\n|\z)"
_NOT_EOL = r"(?!\n|\z)"

#: A list item's or heading's marker (the space after it is kept, as one space).
_MARKER = r"[-*+•]|\d{1,9}[.)]|\#{1,6}"

#: Where a fix may be needed: a space or an opening bracket followed by a
#: space, a tab, punctuation that takes no space before it or a line end
#: (the definition; _candidates finds these places by faster searches) ...
PAIR_RE = re.compile(r"[ (\[][ \t,;:!?.…)\]\n]")
#: ... and a tab or an exotic space anywhere.
ODD_SPACES = "\t" + EXOTIC_SPACES
#: PAIR_RE split by its first character: a pattern that starts with a
#: literal is found by a fast scan in stdlib ``re`` (a class is tried
#: character by character, several times slower). The second character
#: is never a first one but a space, which a fix takes along with the first,
#: so the matches' not overlapping loses nothing.
SPACE_PAIR_RE = re.compile(r" [ \t,;:!?.…)\]\n]")
OPEN_PAIR_RES = {opening: re.compile(rf"\{opening}[ \t,;:!?.…)\]\n]") for opening in "(["}

#: A line's prefix, kept as indentation: leading spaces and tabs, block-quote
#: markers with the indentation after them, then a list or heading marker and
#: its space. None of its whitespace reaches the end of the line (trailing
#: spaces are stripped instead).
PREFIX_RE = regex.compile(
    rf"""
    (?P<ind>(?:{_SP}++{_NOT_EOL})?+(?:>{_SP}*+{_NOT_EOL})*+)
    (?:(?P<mark>{_MARKER})(?P<msp>{_SP}++){_NOT_EOL})?+
    """,
    regex.VERBOSE,
)

#: Exotic spaces (dropped from indentation).
EXOTIC_RE = regex.compile(rf"[{_EX}]")
#: The spaces after a block-quote marker that hold an exotic space.
QUOTE_MARKER_SPACES_RE = regex.compile(rf"(?<=>)[ \t]*+[{_EX}]{_SP}*+")

_SPACE_CHARS = frozenset(" \t" + EXOTIC_SPACES)
#: Punctuation that takes no space before it.
_NO_SPACE_BEFORE = frozenset(",;:!?.…)]")
#: What may follow ``, ! ? .`` (and ``…``) for the space before it to go: the
#: end of the line, a space, more punctuation, a closing bracket, quote or
#: emphasis marker. Anything else (a letter, a digit, ``[`` of an image …)
#: means the mark starts something, and the space before it stays.
#: Every quote character, treated alike: the quotes filter, which runs later,
#: may turn one into another, and what this filter does must not change then.
_QUOTES = frozenset("\"'«»„“”‘’‚‹›")
_FOLLOW = frozenset(",.;:!?…)]}*\n") | _QUOTES | _SPACE_CHARS
#: What may follow ``:`` and ``;``: no brackets or ``*``, so that emoticons
#: (``:)``, ``;-)``, ``:*``) keep their space; a quote only when no bracket
#: follows it (``:'(`` is an emoticon too).
_COLON_FOLLOW = frozenset(",.;:!?…\n") | _QUOTES | _SPACE_CHARS
_BRACKETS = frozenset("()[]")
_DOTS = frozenset(".…")
#: Quotes that only ever open: after a comma they start the next words.
_OPENING_QUOTES = frozenset("«„‚‹")
#: Quotes that open when a word follows right after them (``’`` is left
#: out: before a word it is an apostrophe, as in ``’90s``).
_OPENING_BEFORE_WORD = _QUOTES - {"’"}
#: What a URL drops from its end is ``_verbatim.URL_TRAILING``; and what ends it:
#: a space, or a character a URL never holds.
_URL_STOP = frozenset("<>\"'`«»“”„\n" + INLINE + BLOCK) | _SPACE_CHARS
#: Characters never in a line's prefix (PREFIX_RE), like letters: spaces
#: after them need no look at the prefix.
_NEVER_IN_PREFIX = frozenset(",;:!?…]}%/|") | _QUOTES
#: Characters before ``(`` that make it part of an emoticon (``:(``, ``;(``, ``=(``).
_EMOTICON_EYES = frozenset(":;=")


def _quote_marker_spaces(m: regex.Match[str]) -> str:
    """The spaces after ``>`` without their exotic ones, or one space if none is left."""
    return EXOTIC_RE.sub("", m.group()) or " "


def _prefix(m: regex.Match[str]) -> str:
    """A line's prefix with exotic spaces dropped and one space after its marker.

    An exotic space right after a block-quote marker is that marker's space:
    ``>\u00a0text`` becomes ``> text``, not ``>text``.
    """
    ind = m.group("ind")
    if not ind.isascii():
        if ">" in ind:
            ind = QUOTE_MARKER_SPACES_RE.sub(_quote_marker_spaces, ind)
        ind = EXOTIC_RE.sub("", ind)
    mark = m.group("mark")
    return ind if mark is None else ind + mark + " "


def _after_open(text: str, bracket_at: int, after: str) -> str:
    """The spaces after ``(`` or ``[``: none, except in ``[ ]`` and ``:( ``."""
    if text[bracket_at] == "[" and after == "]":
        return " "  # a task-list box
    before = text[bracket_at - 1] if bracket_at else ""
    if before in _EMOTICON_EYES or (
        before == "-" and bracket_at >= 2 and text[bracket_at - 2] in _EMOTICON_EYES
    ):
        return " "  # ":( " is an emoticon, not an opening bracket
    return ""


def _glue_keeps_url(text: str, at: int) -> bool:
    """True if punctuation at ``at`` may be glued to an inline span before it.

    That span may be a URL: glued to it, the characters from ``at`` to the
    next space would be read as part of it unless they are all punctuation
    a URL drops from its end (``https://x.org )12`` must not become the
    longer URL ``https://x.org)12`` when cleaned again).
    """
    n = len(text)
    # a URL never runs past a stop character, so the scan may end at one
    while at < n and text[at] in URL_TRAILING and text[at] not in _URL_STOP:
        at += 1
    return at == n or text[at] in _URL_STOP or text[at].isspace()


def _starts_word(ch: str) -> bool:
    """True for a character a word (or inline code, a URL) can start with."""
    return ch.isalnum() or ch == INLINE


def _before_punct(text: str, start: int, at: int) -> tuple[str, int]:
    """The spaces ``text[start:at]`` before the punctuation at ``at``.

    Returns the replacement and where the text after it resumes.
    """
    punct = text[at]
    if punct in ")]":
        return "", at
    n = len(text)
    pos = at + 1
    if punct in _DOTS:
        while pos < n and text[pos] in _DOTS:
            pos += 1
    after = text[pos] if pos < n else "\n"
    if punct == ",":
        if after.isalpha() or after == INLINE or after in _OPENING_QUOTES:
            return ", ", at + 1  # "слово ,слово", "сказал ,«да»": the space goes after the comma
        if after in _OPENING_BEFORE_WORD and pos + 1 < n and _starts_word(text[pos + 1]):
            return ", ", at + 1  # 'сказал ,"да"': a quote that opens before a word
    elif punct == ":" and start and text[start - 1].isdigit() and after in _SPACE_CHARS:
        while pos < n and text[pos] in _SPACE_CHARS:
            pos += 1
        if pos < n and text[pos].isdigit():
            return " ", at  # a score or a ratio, "2 : 1"
    if punct in ":;":
        if after in _QUOTES and pos + 1 < n and text[pos + 1] in _BRACKETS:
            return " ", at  # ":'(" is an emoticon
        return ("" if after in _COLON_FOLLOW else " "), at
    return ("" if after in _FOLLOW else " "), at


def _candidates(text: str) -> list[int]:
    """Where PAIR_RE matches and where the ODD_SPACES are, in order.

    Each is found by a C-speed scan: one pattern with a literal start per
    first character, and ``str.find`` (a ``memchr``) per odd space.
    """
    found = [m.start() for m in SPACE_PAIR_RE.finditer(text)]
    for opening, pattern in OPEN_PAIR_RES.items():
        if opening in text:
            found += [m.start() for m in pattern.finditer(text)]
    if not text.isascii() or "\t" in text:
        find = text.find
        for space in ODD_SPACES:
            at = find(space)
            while at >= 0:
                found.append(at)
                at = find(space, at + 1)
    found.sort()
    return found


def _replacement(text: str, start: int, end: int) -> tuple[str, int]:
    """What the spaces ``text[start:end]`` (outside a line's prefix) become.

    Returns the replacement and where the text after it resumes.
    """
    before = text[start - 1] if start else "\n"
    after = text[end] if end < len(text) else "\n"
    if after == "\n":
        return "", end  # trailing spaces (or a line of nothing but spaces)
    if before == "|" or after == "|":
        return " ", end  # never glue a table's pipe
    if before in "([":
        return _after_open(text, start - 1, after), end
    if after in _NO_SPACE_BEFORE:
        rep, end = _before_punct(text, start, end)
        if not rep and before == INLINE and not _glue_keeps_url(text, end):
            rep = " "  # "https://x.org )12": the URL would grow
        return rep, end
    return " ", end


def _fix(text: str, candidates: list[int]) -> str:
    n = len(text)
    spaces = _SPACE_CHARS
    out: list[str] = []
    append = out.append
    pos = 0  # text[:pos] is done (copied to out or replaced)
    resume = 0  # candidates before this were taken care of
    seen = 0  # line_start is the start of the line holding text[seen]
    line_start = 0
    prefix_end = -1  # end of the current line's prefix; -1: not computed yet
    pm: regex.Match[str] | None = None
    for found in candidates:
        if found < resume:
            continue
        if text[found] in "([":
            start = found + 1
        else:
            start = found
            while start > pos and text[start - 1] in spaces:
                start -= 1  # an exotic space found in the middle of its run
        end = start
        while end < n and text[end] in spaces:
            end += 1
        if end == start:
            resume = found + 1
            continue
        before = text[start - 1] if start else "\n"
        if before.isalpha():
            # the usual case: the spaces are not in a prefix, and between
            # two letters they become one space
            if end < n and text[end].isalpha():
                append(text[pos:start])
                append(" ")
                pos = resume = end
                continue
        elif before not in _NEVER_IN_PREFIX:
            nl = text.rfind("\n", seen, start)
            seen = start
            if nl >= 0:
                line_start = nl + 1
                prefix_end = -1
            if prefix_end < 0:
                pm = PREFIX_RE.match(text, line_start)
                prefix_end = pm.end() if pm is not None else line_start
            if start < prefix_end and pm is not None:
                append(text[pos:line_start])
                append(_prefix(pm))
                pos = resume = prefix_end
                continue
        append(text[pos:start])
        if end == n or text[end] == "\n":
            rep = ""  # trailing spaces (or a line of nothing but spaces)
        else:
            rep, end = _replacement(text, start, end)
        append(rep)
        pos = resume = end
    if pos < n and text[-1] in spaces:
        # a trailing space at the very end of the text, which no search saw
        append(text[pos:].rstrip(EXOTIC_SPACES + " \t"))
    else:
        append(text[pos:])
    return "".join(out)


@register(
    "spaces",
    summary="Exotic, doubled and trailing spaces; no space before , ; : ! ? . ) ] or after ( [",
    default=True,
    paragraph_local=True,
)
def fix_spaces(text: str) -> str:
    """Normalise the spaces inside each line.

    Changes: exotic spaces (no-break, thin, figure, ideographic …) become
    plain spaces; runs of spaces and tabs inside a line become one space; the
    space before ``,`` ``;`` ``:`` ``!`` ``?`` ``)`` ``]`` goes, and before
    ``.`` or ``…`` when it ends a word; the space after ``(`` and ``[`` goes;
    trailing spaces go; ``слово ,слово`` becomes ``слово, слово``.

    >>> fix_spaces("слово , слово")
    'слово, слово'
    >>> fix_spaces("a ( b )  c ,d .")
    'a (b) c, d.'
    >>> fix_spaces("1\\u00a0000\\u2009₽ ")
    '1 000 ₽'

    Leaves alone: leading indentation (spaces, tabs, and the indentation
    inside block quotes), line breaks, a space before ``.NET`` or ``.5``, an
    image's ``![``, a table's ``|``, emoticons (``:)``, ``;-)``), a task box
    ``[ ]``, scores (``2 : 1``), ``5 %``, inline code and URLs.

    >>> fix_spaces("    code\\n> - a\\n>   - b\\n| a | b |")
    '    code\\n> - a\\n>   - b\\n| a | b |'
    >>> fix_spaces("see ![img](x) and .NET :)")
    'see ![img](x) and .NET :)'
    """
    candidates = _candidates(text)
    if not candidates and not (text and text[-1] in _SPACE_CHARS):
        return text
    return _fix(text, candidates)
