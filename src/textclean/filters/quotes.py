"""Quotes: paired quotes of any style to the locale's, or to plain ASCII.

``quotes`` (default) finds the quotation marks of a paragraph, decides for
each whether it opens or closes by what stands on either side of it, pairs
them with a stack, and writes each pair in the locale's marks: ``ru``/``uk``/
``be`` «outer „inner“», ``en`` “outer ‘inner’”, ``de`` „outer ‚inner‘“
(nesting level 1 is outer, 2 inner, deeper levels alternate). A paragraph
whose double quotes cannot be paired unambiguously is left as it is.

``ascii_quotes`` (opt-in) turns every typographic quote into ``"`` or ``'``.
"""

from __future__ import annotations

from typing import Final

import regex

from .._filter import register
from .._patterns import (
    BLOCKQUOTE_RE,
    HEADING_RE,
    LIST_ITEM_RE,
    TABLE_ROW_RE,
    THEMATIC_BREAK_RE,
    is_structural_line,
)
from .._verbatim import BLOCK, INLINE

__all__ = ["ascii_quotes", "fix_quotes"]

#: Double quotation marks of every style the filter recognises.
DOUBLE_QUOTES: Final = '"«»„“”'
#: Single quotation marks (and the single guillemets).
SINGLE_QUOTES: Final = "'‘’‚‹›"
QUOTES: Final = DOUBLE_QUOTES + SINGLE_QUOTES

#: Any quotation mark: the fast path's test.
QUOTE_CHAR_RE = regex.compile(f"[{QUOTES}]")
#: A run of quotation marks, with the markdown emphasis markers ``*``/``_``
#: next to them. Every mark of a run shares the run's surroundings, so
#: ``"«`` or ``**"`` are judged by what stands outside them. The look-behind
#: lets a match start only at the start of a run (linear time).
#: A single quote between two word characters (``don't``, ``м'ясо``, ``5'11``)
#: is an apostrophe or a prime, never a quotation mark, and starts no run.
QUOTE_RUN_RE = regex.compile(
    rf"(?<![{QUOTES}*_])"
    rf"(?!(?<=[\p{{L}}\p{{N}}\p{{M}}{INLINE}])[{SINGLE_QUOTES}](?=[\p{{L}}\p{{N}}\p{{M}}{INLINE}]))"
    rf"[*_]*+[{QUOTES}][{QUOTES}*_]*+"
)
#: An English apostrophe inside a word, written ``'`` or ``‘``: it becomes ``’``.
#: Not after an inline placeholder: a URL ends before a straight quote, and
#: ``https://x.org/it's`` must not become ``…/it’s``.
APOSTROPHE_RE = regex.compile(r"(?<=[\p{L}\p{N}\p{M}])['‘](?=[\p{L}\p{M}])")
#: A blank line between two quotes: the paragraph ends there.
BLANK_LINE_RE = regex.compile(r"\n[ \t]*+\n")
#: A line with nothing but block-quote markers: a blank line inside a quote.
QUOTE_BLANK_LINE_RE = regex.compile(r"[ \t>]*+")
#: What follows a leading English apostrophe of elision (``'90s``, ``'n'``,
#: ``'em``, ``'til``, ``'cause``, ``'tis``, ``'twas``, ``'bout``): matched
#: just after the apostrophe.
ELISION_RE = regex.compile(
    r"(?:\d\d(?:s)?+(?![\p{L}\p{N}'’])"
    r"|(?:em|til|cause|tis|twas|bout)(?![\p{L}\p{N}])"
    r"|n(?=['’](?![\p{L}\p{N}])))",
    regex.IGNORECASE,
)
#: Something a pair must enclose to count as a quotation: a character that
#: is neither a space nor a quote nor an emphasis marker.
CONTENT_RE = regex.compile(rf"[^\s{QUOTES}*_]")

#: Marks per locale: (outer open, outer close, inner open, inner close).
MARKS: Final[dict[str, tuple[str, str, str, str]]] = {
    "ru": ("«", "»", "„", "“"),
    "uk": ("«", "»", "„", "“"),
    "be": ("«", "»", "„", "“"),
    "en": ("“", "”", "‘", "’"),
    "de": ("„", "“", "‚", "‘"),
}

# Classes of the character just outside a run of quotes.
_WS, _OPEN, _DASH, _CLOSE, _SOFT, _WORD = range(6)
_BEFORE_OPEN: Final = "([{/"
_AFTER_OPEN: Final = "([{"
_DASHES: Final = "-‐‒–—―"
_BEFORE_CLOSE: Final = ".,;:!?)]}…"
_AFTER_SOFT: Final = ".…"
_AFTER_CLOSE: Final = ",;:!?)]}/" + _DASHES

# Roles a quote can take from its surroundings.
_OPENS, _CLOSES, _EITHER, _SPACED_CLOSE, _INNER, _NONE = range(6)

#: Role by (class before, class after). Spaces inside a pair are allowed
#: on the inner side only: `" Привет "` pairs, then loses the two spaces.
_ROLE: Final[dict[tuple[int, int], int]] = {
    (_WS, _WS): _EITHER,
    (_WS, _OPEN): _OPENS,
    (_WS, _CLOSE): _SPACED_CLOSE,
    (_WS, _SOFT): _EITHER,
    (_WS, _WORD): _OPENS,
    (_OPEN, _WS): _OPENS,
    (_OPEN, _OPEN): _OPENS,
    (_OPEN, _CLOSE): _NONE,
    (_OPEN, _SOFT): _OPENS,
    (_OPEN, _WORD): _OPENS,
    (_DASH, _WS): _EITHER,
    (_DASH, _OPEN): _OPENS,
    (_DASH, _CLOSE): _NONE,
    (_DASH, _SOFT): _EITHER,
    (_DASH, _WORD): _OPENS,
    (_CLOSE, _WS): _CLOSES,
    (_CLOSE, _OPEN): _EITHER,
    (_CLOSE, _CLOSE): _CLOSES,
    (_CLOSE, _SOFT): _CLOSES,
    (_CLOSE, _WORD): _EITHER,
    (_WORD, _WS): _CLOSES,
    (_WORD, _OPEN): _CLOSES,
    (_WORD, _CLOSE): _CLOSES,
    (_WORD, _SOFT): _CLOSES,
    (_WORD, _WORD): _INNER,
}

#: The direction a glyph suggests when its surroundings leave it open.
_HINT_OPEN: Final = "«„‚‹"
_HINT_CLOSE: Final = "»›"


_BEFORE_TABLE: Final[dict[str, int]] = {
    "|": _WS,
    **dict.fromkeys(_BEFORE_OPEN, _OPEN),
    **dict.fromkeys(_DASHES, _DASH),
    **dict.fromkeys(_BEFORE_CLOSE, _CLOSE),
}
_AFTER_TABLE: Final[dict[str, int]] = {
    "|": _WS,
    **dict.fromkeys(_AFTER_OPEN, _OPEN),
    **dict.fromkeys(_AFTER_SOFT, _SOFT),
    **dict.fromkeys(_AFTER_CLOSE, _CLOSE),
}


def _before(ch: str) -> int:
    """The class of the character just before a run of quotes."""
    found = _BEFORE_TABLE.get(ch)
    if found is not None:
        return found
    return _WS if ch.isspace() else _WORD


def _after(ch: str) -> int:
    """The class of the character just after a run of quotes."""
    found = _AFTER_TABLE.get(ch)
    if found is not None:
        return found
    return _WS if ch.isspace() else _WORD


# ----- paragraphs --------------------------------------------------------------


def _single_line_block(line: str) -> bool:
    """A line that is a block by itself: heading, table row, rule, code block."""
    stripped = line.lstrip(" \t>")
    return bool(
        stripped.startswith(BLOCK)
        or HEADING_RE.match(line)
        or HEADING_RE.match(stripped)
        or TABLE_ROW_RE.match(line)
        or THEMATIC_BREAK_RE.match(line)
    )


def _starts_unit(line: str, prev: str) -> bool:
    """True if ``line`` cannot continue the paragraph of the line ``prev``."""
    if QUOTE_BLANK_LINE_RE.fullmatch(line) or _single_line_block(prev):
        return True
    if not is_structural_line(line):
        return False
    # A block-quote line continues the block-quote paragraph above it.
    return not (
        BLOCKQUOTE_RE.match(line) and BLOCKQUOTE_RE.match(prev) and not LIST_ITEM_RE.match(line)
    )


def _new_unit(text: str, a: int, b: int) -> bool:
    """True if a paragraph boundary lies between positions ``a`` and ``b``."""
    nl = text.find("\n", a, b)
    if nl < 0:
        return False
    if BLANK_LINE_RE.search(text, nl, b):
        return True
    prev = text[text.rfind("\n", 0, a) + 1 : nl]
    pos = nl + 1
    while pos <= b:
        end = text.find("\n", pos)
        if end < 0:
            end = len(text)
        line = text[pos:end]
        if _starts_unit(line, prev):
            return True
        prev = line
        pos = end + 1
    return False


# ----- one paragraph -------------------------------------------------------------


class _Quote:
    """One quotation mark of a paragraph: where, which, and its role by context."""

    __slots__ = ("content", "double", "glyph", "pos", "role")

    def __init__(self, pos: int, glyph: str, role: int, content: int) -> None:
        self.pos = pos
        self.glyph = glyph
        self.double = glyph in DOUBLE_QUOTES
        self.role = role
        #: How many stretches between quotes, up to this one, hold content:
        #: a pair encloses content when its closer's count exceeds its opener's.
        self.content = content


class _Pairing:
    """The pairs of one paragraph and what the pairing had to guess."""

    __slots__ = ("guessed", "pairs", "single_unpaired")

    def __init__(self) -> None:
        self.pairs: list[tuple[_Quote, _Quote]] = []
        #: Some quote's role came from the stack or its glyph, not its
        #: surroundings, or some pair was dropped for enclosing nothing.
        self.guessed = False
        #: Some single quote opened and was never closed.
        self.single_unpaired = False


def _pair(quotes: list[_Quote], digits: set[int]) -> _Pairing:
    """Pair the quotes of one paragraph; no pairs when its double quotes are ambiguous."""
    result = _Pairing()
    stack: list[_Quote] = []
    open_count = {True: 0, False: 0}
    pairs: list[tuple[_Quote, _Quote]] = []
    bad = {True: False, False: False}
    for q in quotes:
        role = q.role
        if role in (_INNER, _NONE):
            bad[True] |= q.double
            continue
        if role == _EITHER:
            result.guessed = True
            if q.glyph in _HINT_OPEN:
                role = _OPENS
            elif q.glyph in _HINT_CLOSE or (stack and stack[-1].double == q.double):
                role = _CLOSES
            else:
                role = _OPENS
        if role == _OPENS:
            stack.append(q)
            open_count[q.double] += 1
            continue
        if not open_count[q.double]:
            # A closer with nothing to close: a prime after a digit (5″, 6')
            # or an apostrophe (students'), else an unpaired double quote.
            if q.double and not (role == _CLOSES and q.pos in digits):
                bad[True] = True
            continue
        while True:
            top = stack.pop()
            open_count[top.double] -= 1
            if top.double == q.double:
                break
            bad[top.double] = True
        pairs.append((top, q))
    for left in stack:
        bad[left.double] = True
    if bad[True]:
        return result
    if bad[False]:
        result.single_unpaired = True
        pairs = [p for p in pairs if p[0].double]
    result.pairs = [p for p in pairs if p[1].content > p[0].content]
    result.guessed |= len(result.pairs) != len(pairs)
    return result


def _pair_edits(
    text: str, pairs: list[tuple[_Quote, _Quote]], marks: tuple[str, str, str, str]
) -> tuple[list[tuple[int, int, str]], bool, bool]:
    """The edits that write ``pairs`` in ``marks``, dropping spaces just inside them.

    Spaces go only where a word, bracket or punctuation mark (or another
    quote) takes their place beside the mark. Also says whether some pair
    changes between double and single marks, and whether spaces went.
    """
    events: list[tuple[int, bool, _Quote]] = []
    for opener, closer in pairs:
        events.append((opener.pos, True, opener))
        events.append((closer.pos, False, closer))
    events.sort(key=lambda e: e[0])
    single_out = marks[2] in SINGLE_QUOTES
    moved = spaced = False
    edits: list[tuple[int, int, str]] = []
    depth = 0
    size = len(text)
    for pos, is_open, q in events:
        if is_open:
            depth += 1
        outer = depth % 2 == 1
        moved |= not q.double or (single_out and not outer)
        if is_open:
            end = pos + 1
            while end < size and text[end] in " \t":
                end += 1
            if end < size and end > pos + 1 and _after(text[end]) in (_WORD, _OPEN, _SOFT):
                spaced = True
            else:
                end = pos + 1
            edits.append((pos, end, marks[0] if outer else marks[2]))
        else:
            depth -= 1
            start = pos
            while start > 0 and text[start - 1] in " \t":
                start -= 1
            if 0 < start < pos and _before(text[start - 1]) in (_WORD, _CLOSE):
                spaced = True
            else:
                start = pos
            edits.append((start, pos + 1, marks[1] if outer else marks[3]))
    return edits, moved, spaced


# ----- the filters ---------------------------------------------------------------


@register(
    "quotes",
    summary="Paired quotes of any style to the locale's «…„…“…» / “…‘…’…” / „…‚…‘…“.",
    default=True,
)
def fix_quotes(text: str, *, locale: str | None = "auto") -> str:
    """Write paired quotes in the locale's marks, with no space just inside a pair.

    Any style is recognised: ``"…"``, ``'…'``, ``«…»``, ``»…«``, ``„…“``,
    ``„…”``, ``“…”``, ``‘…’``, ``‚…‘``, ``‹…›``. Whether a mark opens or
    closes is decided by what stands beside it; marks are paired with a stack
    per paragraph (a quotation may span lines); the nesting level chooses the
    marks: ``ru``/``uk``/``be`` «outer „inner“», ``en`` “outer ‘inner’”,
    ``de`` „outer ‚inner‘“, deeper levels alternating outer and inner.

    >>> fix_quotes('" Привет "', locale="ru")
    '«Привет»'
    >>> fix_quotes('«Он сказал "привет" мне»', locale="ru")
    '«Он сказал „привет“ мне»'
    >>> fix_quotes('"She said \\'hi\\' to me"', locale="en")
    '“She said ‘hi’ to me”'
    >>> fix_quotes('Er sagte »Hallo«.', locale="de")
    'Er sagte „Hallo“.'

    In ``en`` an apostrophe inside a word becomes ``’``; in other locales it
    stays as it is:

    >>> fix_quotes("don't, O'Neil, rock 'n' roll, the '90s", locale="en")
    'don’t, O’Neil, rock ’n’ roll, the ’90s'
    >>> fix_quotes("М'ясо і п’ять", locale="uk")
    "М'ясо і п’ять"

    Left alone: unpaired quotes and every quote of a paragraph whose double
    quotes cannot be paired, primes after digits, code and URLs, and all
    text when the locale is ``None``:

    >>> fix_quotes('Рост 5\\' 11" и экран 6″.', locale="ru")
    'Рост 5\\' 11" и экран 6″.'
    >>> fix_quotes('Он сказал "да и ушёл.', locale="ru")
    'Он сказал "да и ушёл.'
    >>> fix_quotes('"quoted"', locale=None)
    '"quoted"'
    """
    if locale is None or locale not in MARKS or not QUOTE_CHAR_RE.search(text):
        return text
    marks = MARKS[locale]
    english = locale == "en"
    if english:
        text = APOSTROPHE_RE.sub("’", text)
    out: list[str] = []
    done = 0
    first = last_end = -1
    for run in QUOTE_RUN_RE.finditer(text):
        start, end = run.span()
        if first < 0:
            first = start
        elif _new_unit(text, last_end, start):
            done = _emit(text, first, last_end, done, out, marks, english)
            first = start
        last_end = end
    if first >= 0:
        done = _emit(text, first, last_end, done, out, marks, english)
    if not out:
        return text
    out.append(text[done:])
    return "".join(out)


def _emit(
    text: str,
    first: int,
    last: int,
    done: int,
    out: list[str],
    marks: tuple[str, str, str, str],
    english: bool,
) -> int:
    """Convert the paragraph whose quotes run from ``first`` to ``last``.

    The paragraph is taken from the start of its first line to the end of
    its last, so every quote sees the same surroundings as in the whole text.
    Appends to ``out`` (only when something changed) and returns the new
    ``done`` offset.
    """
    a = text.rfind("\n", 0, first) + 1
    b = text.find("\n", last)
    if b < 0:
        b = len(text)
    unit = text[a:b]
    converted, elisions, check = _convert(unit, marks, english)
    if check and _convert(converted, marks, english)[0] != converted:
        # Converting again would pair the marks differently: an ambiguous
        # paragraph (stray apostrophes or primes among mixed styles). Leave
        # its quotes as they are.
        converted = elisions
    if converted == unit:
        return done
    out.append(text[done:a])
    out.append(converted)
    return b


def _convert(unit: str, marks: tuple[str, str, str, str], english: bool) -> tuple[str, str, bool]:
    """One paragraph with its pairs converted, and with only its elisions converted.

    The flag says whether the conversion must be checked by converting it
    again. It need not be when every quote took its role from its
    surroundings alone, no space was dropped, and either every quote is
    paired or no pair changes between double and single marks: converting
    again then pairs the same marks the same way.
    """
    size = len(unit)
    elisions: list[tuple[int, int, str]] = []
    quotes: list[_Quote] = []
    digits: set[int] = set()
    elided = -1
    content = 0
    last = 0
    for run in QUOTE_RUN_RE.finditer(unit):
        start, end = run.span()
        before_ch = unit[start - 1] if start else " "
        after_ch = unit[end] if end < size else " "
        role = _ROLE[(_before(before_ch), _after(after_ch))]
        for pos in range(start, end):
            glyph = unit[pos]
            if glyph in "*_" or pos == elided:
                continue
            if glyph in SINGLE_QUOTES and end - start == 1:
                if role == _INNER:
                    continue  # a prime between digits (5'11) or the like
                if english and glyph in "'’" and role in (_OPENS, _EITHER):
                    elision = ELISION_RE.match(unit, pos + 1)
                    if elision is not None:
                        if glyph == "'":
                            elisions.append((pos, pos + 1, "’"))
                        after = elision.end()
                        if unit[after : after + 1] in ("'", "’"):
                            elided = after  # the second mark of 'n'
                            if unit[after] == "'":
                                elisions.append((after, after + 1, "’"))
                        continue
            if before_ch.isdigit():
                digits.add(pos)
            if CONTENT_RE.search(unit, last, pos):
                content += 1
            last = pos + 1
            quotes.append(_Quote(pos, glyph, role, content))
    only_elisions = _apply(unit, elisions)
    pairing = _pair(quotes, digits)
    if not pairing.pairs:
        return only_elisions, only_elisions, False
    edits, moved, spaced = _pair_edits(unit, pairing.pairs, marks)
    unpaired = 2 * len(pairing.pairs) != len(quotes)
    check = pairing.guessed or pairing.single_unpaired or spaced or (unpaired and moved)
    return _apply(unit, sorted(elisions + edits)), only_elisions, check


def _apply(text: str, edits: list[tuple[int, int, str]]) -> str:
    """``text`` with each ``(start, end, mark)`` span replaced; spans sorted, disjoint."""
    if not edits:
        return text
    out: list[str] = []
    done = 0
    for start, end, mark in edits:
        out.append(text[done:start])
        out.append(mark)
        done = end
    out.append(text[done:])
    return "".join(out)


#: Typographic quotes and their ASCII forms. Primes (″ ′) are not quotes and
#: stay; the modifier-letter apostrophe ʼ is a letter and stays.
ASCII_QUOTES: Final[dict[int, str]] = str.maketrans(
    {
        "«": '"',
        "»": '"',
        "„": '"',
        "“": '"',
        "”": '"',
        "‟": '"',
        "‘": "'",
        "’": "'",
        "‚": "'",
        "‛": "'",
        "‹": "'",
        "›": "'",
    }
)
TYPOGRAPHIC_QUOTE_RE = regex.compile("[«»„“”‟‘’‚‛‹›]")


@register(
    "ascii_quotes",
    summary="Every typographic quote and apostrophe to plain ASCII \" or '.",
    default=False,
)
def ascii_quotes(text: str) -> str:
    """Turn every typographic quote into a plain ASCII ``"`` or ``'``.

    « » „ “ ” ‟ become ``"``; ‘ ’ ‚ ‛ ‹ › (and so the apostrophe ’) become
    ``'``. Not locale-aware, and pairing does not matter: every mark goes.

    >>> ascii_quotes("«Он сказал „да“», — it’s “fine”")
    '"Он сказал "да"", — it\\'s "fine"'

    Left alone: primes (``5′``, ``6″``), the modifier letter ``ʼ``, code
    and URLs, and text with no typographic quote:

    >>> ascii_quotes("Рост 6′ 2″, `«x»`")
    'Рост 6′ 2″, `«x»`'
    """
    if not TYPOGRAPHIC_QUOTE_RE.search(text):
        return text
    return text.translate(ASCII_QUOTES)
