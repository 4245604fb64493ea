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

import functools
import re
from typing import Final

import regex

from .._filter import register
from .._patterns import (
    BLOCKQUOTE_RE,
    HEADING_RE,
    INLINE_SPACES,
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
#: Where a run of quotation marks starts to be found fast: its first mark
#: and the rest of the run. Stdlib ``re`` scans for a plain character class
#: several times faster than ``regex`` scans for ``QUOTE_RUN_RE``; ``_runs``
#: adds the emphasis markers before the mark and drops apostrophes, which
#: gives exactly ``QUOTE_RUN_RE``'s matches (a test checks it).
QUOTE_START_RE = re.compile(f"[{QUOTES}][{QUOTES}*_]*")
#: The emphasis markers that end just before a position (matched backwards).
EMPHASIS_BEFORE_RE = regex.compile(r"[*_]++", flags=regex.REVERSE)
#: A single quote between two word characters: an apostrophe or a prime.
INNER_SINGLE_RE = regex.compile(
    rf"(?<=[\p{{L}}\p{{N}}\p{{M}}{INLINE}])[{SINGLE_QUOTES}](?=[\p{{L}}\p{{N}}\p{{M}}{INLINE}])"
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
_MARKS_AND_EMPHASIS: Final = QUOTES + "*_"
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


def _runs(text: str, begin: int = 0, stop: int | None = None) -> list[tuple[int, int]]:
    """The spans of ``QUOTE_RUN_RE``'s matches in ``text[begin:stop]``, found faster.

    ``begin`` and ``stop`` must not cut a run.
    """
    runs: list[tuple[int, int]] = []
    for found in QUOTE_START_RE.finditer(text, begin, len(text) if stop is None else stop):
        start, end = found.span()
        if end - start == 1 and text[start] in SINGLE_QUOTES and INNER_SINGLE_RE.match(text, start):
            continue  # don't, м'ясо, 5'11: no quotation mark
        # The emphasis markers just before the mark belong to its run (the
        # scan never stops a run before a marker, so they belong to no other).
        if start and text[start - 1] in "*_":
            markers = EMPHASIS_BEFORE_RE.match(text, 0, start)
            start = start - 1 if markers is None else markers.start()  # never None here
        runs.append((start, end))
    return runs


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

#: One quotation mark, as a plain tuple (an object per quote costs more than
#: the rest of its handling): its position in the text, its glyph, whether it
#: is a double quote, its role by context, its content count, and whether a
#: digit stands just before its run. The content count is how many stretches
#: between quotes, up to this one, hold content: a pair encloses content when
#: its closer's count exceeds its opener's.
_Quote = tuple[int, str, bool, int, int, bool]
#: A replacement: ``(start, end, new text)``.
_Edit = tuple[int, int, str]


def _scan(
    text: str, first: int, runs: list[tuple[int, int]], english: bool
) -> tuple[list[_Quote], list[_Edit]]:
    """The quotes of the paragraph that starts at ``first`` and holds ``runs``.

    Works in the coordinates of the whole text: a run at the paragraph's
    edge sees a line break (or the text's edge) beside it there, which is
    classed as the space the paragraph alone would put there. Also returns
    the edits that write the English elisions (``'90s``, ``'n'``).
    """
    size = len(text)
    quotes: list[_Quote] = []
    elisions: list[_Edit] = []
    elided = -1
    content = 0
    last = first  # where the stretch since the last quote starts
    for start, end in runs:
        before_ch = text[start - 1] if start else " "
        after_ch = text[end] if end < size else " "
        before = _BEFORE_TABLE.get(before_ch)
        if before is None:
            before = _WS if before_ch.isspace() else _WORD
        after = _AFTER_TABLE.get(after_ch)
        if after is None:
            after = _WS if after_ch.isspace() else _WORD
        role = _ROLE[(before, after)]
        digit = before_ch.isdigit()
        lone = end - start == 1
        for pos in range(start, end):
            glyph = text[pos]
            if glyph in "*_" or pos == elided:
                continue
            if lone and glyph in SINGLE_QUOTES:
                if role == _INNER:
                    continue  # a prime between digits (5'11) or the like
                if english and glyph in "'’" and role in (_OPENS, _EITHER):
                    elision = ELISION_RE.match(text, pos + 1)
                    if elision is not None:
                        if glyph == "'":
                            elisions.append((pos, pos + 1, "’"))
                        tail = elision.end()
                        if text[tail : tail + 1] in ("'", "’"):
                            elided = tail  # the second mark of 'n'
                            if text[tail] == "'":
                                elisions.append((tail, tail + 1, "’"))
                        continue
            # Content between the last quote and this one can only lie before
            # this run (a run holds nothing but marks). The character just
            # before the run is no mark: if it is no space either, it is
            # content; so is a first character of the stretch that is neither
            # space nor mark (regex's \s is within str.isspace).
            if last < start and (
                not before_ch.isspace()
                or not (text[last].isspace() or text[last] in _MARKS_AND_EMPHASIS)
                or CONTENT_RE.search(text, last, start)
            ):
                content += 1
            last = pos + 1
            quotes.append((pos, glyph, glyph in DOUBLE_QUOTES, role, content, digit))
    return quotes, elisions


def _pair(quotes: list[_Quote]) -> tuple[list[tuple[_Quote, _Quote]], bool, bool]:
    """Pair the quotes of one paragraph; no pairs when its double quotes are ambiguous.

    Also says whether the pairing had to guess (some quote's role came from
    the stack or its glyph, not its surroundings, or some pair was dropped
    for enclosing nothing), and whether some single quote opened and was
    never closed.
    """
    guessed = False
    stack: list[_Quote] = []
    open_count = [0, 0]  # open single, double quotes (indexed by the bool)
    bad = [False, False]  # unpaired single, double quotes
    pairs: list[tuple[_Quote, _Quote]] = []
    for q in quotes:
        double = q[2]
        role = q[3]
        if role in (_INNER, _NONE):
            if double:
                bad[1] = True
            continue
        if role == _EITHER:
            guessed = True
            glyph = q[1]
            if glyph in _HINT_OPEN:
                role = _OPENS
            elif glyph in _HINT_CLOSE or (stack and stack[-1][2] == double):
                role = _CLOSES
            else:
                role = _OPENS
        if role == _OPENS:
            stack.append(q)
            open_count[double] += 1
            continue
        if not open_count[double]:
            # A closer with nothing to close: a prime after a digit (5″, 6')
            # or an apostrophe (students'), else an unpaired double quote.
            if double and not (role == _CLOSES and q[5]):
                bad[1] = True
            continue
        while True:
            top = stack.pop()
            open_count[top[2]] -= 1
            if top[2] == double:
                break
            bad[top[2]] = True
        pairs.append((top, q))
    for left in stack:
        bad[left[2]] = True
    if bad[1]:
        return [], guessed, False
    if bad[0]:
        pairs = [p for p in pairs if p[0][2]]
    kept = [p for p in pairs if p[1][4] > p[0][4]]
    return kept, guessed or len(kept) != len(pairs), bad[0]


def _pair_edits(
    text: str, pairs: list[tuple[_Quote, _Quote]], marks: tuple[str, str, str, str]
) -> tuple[list[_Edit], bool, bool]:
    """The edits that write ``pairs`` in ``marks``, dropping spaces just inside them.

    Spaces (plain, tabs and exotic ones such as a no-break space) go only
    where a word, bracket or punctuation mark (or another quote) takes their
    place beside the mark. Also says whether some pair
    changes between double and single marks, and whether spaces went.
    """
    events: list[tuple[int, bool, bool]] = []
    for opener, closer in pairs:
        events.append((opener[0], True, opener[2]))
        events.append((closer[0], False, closer[2]))
    events.sort()  # positions are distinct
    single_out = marks[2] in SINGLE_QUOTES
    moved = spaced = False
    edits: list[_Edit] = []
    depth = 0
    size = len(text)
    for pos, is_open, double in events:
        if is_open:
            depth += 1
        outer = depth % 2 == 1
        moved |= not double or (single_out and not outer)
        if is_open:
            end = pos + 1
            while end < size and text[end] in INLINE_SPACES:
                end += 1
            if end < size and end > pos + 1 and _after(text[end]) in (_WORD, _OPEN, _SOFT):
                spaced = True
            else:
                end = pos + 1
            edits.append((pos, end, marks[0] if outer else marks[2]))
        else:
            depth -= 1
            start = pos
            while start > 0 and text[start - 1] in INLINE_SPACES:
                start -= 1
            if 0 < start < pos and _before(text[start - 1]) in (_WORD, _CLOSE):
                spaced = True
            else:
                start = pos
            edits.append((start, pos + 1, marks[1] if outer else marks[3]))
    return edits, moved, spaced


def _paragraph(
    text: str,
    first: int,
    runs: list[tuple[int, int]],
    marks: tuple[str, str, str, str],
    english: bool,
) -> tuple[list[_Edit], list[_Edit], bool]:
    """The edits that convert one paragraph, and the edits of its elisions alone.

    The flag says whether the conversion must be checked by converting it
    again. It need not be when every quote took its role from its
    surroundings alone, no space was dropped, and either every quote is
    paired or no pair changes between double and single marks: converting
    again then pairs the same marks the same way.
    """
    quotes, elisions = _scan(text, first, runs, english)
    pairs, guessed, single_unpaired = _pair(quotes)
    if not pairs:
        return elisions, elisions, False
    edits, moved, spaced = _pair_edits(text, pairs, marks)
    unpaired = 2 * len(pairs) != len(quotes)
    check = guessed or single_unpaired or spaced or (unpaired and moved)
    return sorted(elisions + edits), elisions, check


# ----- the fast paths ------------------------------------------------------------
#
# Most paragraphs with quotes already hold the locale's marks, properly
# paired; many others hold simple pairs in other marks. Both are recognised
# by stdlib ``re`` patterns (C speed) for pairs that the pairing above treats
# the obvious way: each run of marks takes its role from its surroundings
# alone (no guess, or, for an outermost pair with spaces inside, a guess the
# check by converting again confirms), every pair opens and closes on one
# line, encloses content, and pairs marks of one kind (double or single). A
# line of such pairs is balanced, so is every paragraph of such lines, and
# the pairing writes each of their marks by its nesting depth alone.
#
# ``fix_quotes`` blanks out the pairs already right and the apostrophes
# (``_unsettled``); the blocks (text between blank lines, which no paragraph
# crosses) with a mark left are converted by depth if :func:`simple_re` takes
# them, else by the pairing. Stdlib ``re`` finds a pattern that starts with
# one literal character by a fast scan (several times faster than a scan
# for a character class), and ``str.find`` and ``in`` are faster still: the
# whole-text patterns start with a literal mark, and the marks left are
# found by ``in`` and ``find``.

#: Word characters between which a single quote is an apostrophe: a subset
#: of ``[\p{L}\p{N}\p{M}]`` (a test checks it) that stdlib ``re`` knows.
_WORD_MORE: Final = "\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u0400-\u0481\u0483-\u052f"
_WORD_CHARS: Final = "0-9A-Za-z" + _WORD_MORE
_Q: Final = re.escape(QUOTES)
#: What may stand just before a run of marks that opens: a space, ``|``, an
#: opening bracket, a slash or a dash (``_BEFORE_TABLE``).
_OPEN_BEFORE: Final = r"\s|(\[{/\-‐‒–—―"
#: What may stand just after a run of marks that closes: a space, ``|``,
#: closing punctuation or a dash (``_AFTER_TABLE``).
_CLOSE_AFTER: Final = r"\s|.…,;:!?)\]}/\-‐‒–—―"
#: The stretch of a line between two marks.
_STRETCH: Final = rf"[^{_Q}\n]*"
#: A single quote between two word characters: no mark (``INNER_SINGLE_RE``).
_APOSTROPHE: Final = f"(?<=[{_WORD_CHARS}])['’](?=[{_WORD_CHARS}])"
#: The deepest nesting the fast paths take (deeper paragraphs take the full
#: pairing, with the same result). Depth 2 covers quotes within quotes; each
#: level more makes the patterns about four times longer (3: ~110 ms to
#: compile at import, for no measurable gain on the benchmark corpus).
_FAST_DEPTH: Final = 2
#: What stands for each character of a pair kept, and for an apostrophe, in
#: the text of ``_unsettled``: no mark, no line break.
_FILL: Final = "\x00"


#: A kind of pair for the patterns below: the classes of its opening and
#: closing marks, and a condition checked just after its opening mark.
_Kind = tuple[str, str, str]


def _pair_pattern(kinds: list[list[_Kind]], depth: int = 1, first: bool = False) -> str:
    """A pattern for one pair at nesting ``depth`` (1 is outermost), with its content.

    ``kinds[depth - 1]`` lists the kinds of pair allowed at that depth; no
    pair is deeper than ``len(kinds)``. A mark opens if what follows its run
    is a word or an opening bracket, and closes if what follows is a space,
    punctuation or the end; the run's other edge is checked at its first
    mark: before a ``first`` pair (one that starts its parent's content)
    stands the parent's opening mark, before any other pair a space,
    bracket or dash. A pair holds a character or a pair first, so a run
    never holds marks of both roles.
    """
    alternatives = []
    for open_class, close_class, guard in kinds[depth - 1]:
        # Looked at behind the mark: a pattern that starts with a literal is
        # found by a fast scan, one that starts with a look-behind is not.
        before = "" if first else f"(?<![^{_OPEN_BEFORE}]{open_class})"
        opens = f"(?=[^{_CLOSE_AFTER}{_Q}*_])"
        if depth < len(kinds):
            start = f"(?:{_pair_pattern(kinds, depth + 1, True)}|{opens})"
            inner = f"(?:{_APOSTROPHE}|{_pair_pattern(kinds, depth + 1)})"
        else:
            start, inner = opens, _APOSTROPHE
        closes = f"(?<=[^{_OPEN_BEFORE}*_]){close_class}(?![^{_CLOSE_AFTER}{_Q}])"
        alternatives.append(
            f"{open_class}{before}{guard}{start}{_STRETCH}(?:{inner}{_STRETCH})*{closes}"
        )
    return "(?:" + "|".join(alternatives) + ")"


def _spaced_pair_pattern(kinds: list[list[_Kind]]) -> str:
    """A pattern for an outermost pair that may have spaces just inside it.

    Such a mark's role is a guess from its glyph (the pairing then checks
    the paragraph by converting it again): a mark that opens must not look
    like a closing one (``»``), a mark that closes not like an opening one
    (``«``). Spaces go only between the mark and a word or bracket (never
    another mark) just inside the pair. The converted paragraph holds tight
    pairs only, which convert to themselves.
    """
    alternatives = []
    spaces = f"[{re.escape(INLINE_SPACES)}]+"
    for open_class, close_class, guard in kinds[0]:
        tight_open = f"{open_class}(?<![^{_OPEN_BEFORE}]{open_class}){guard}"
        spaced_open = f"(?![{_HINT_CLOSE}]){open_class}(?<![^{_OPEN_BEFORE}]{open_class}){spaces}"
        opens = f"(?=[^{_CLOSE_AFTER}{_Q}*_])"
        if len(kinds) > 1:
            tight_open += f"(?:{_pair_pattern(kinds, 2, True)}|{opens})"
            inner = f"(?:{_APOSTROPHE}|{_pair_pattern(kinds, 2)})"
        else:
            tight_open += opens
            inner = _APOSTROPHE
        tight_close = f"(?<=[^{_OPEN_BEFORE}*_]){close_class}"
        spaced_close = f"(?<=[^{_OPEN_BEFORE}{_Q}*_]){spaces}(?![{_HINT_OPEN}]){close_class}"
        alternatives.append(
            f"(?:{tight_open}|{spaced_open}{opens}){_STRETCH}(?:{inner}{_STRETCH})*"
            f"(?:{tight_close}|{spaced_close})(?![^{_CLOSE_AFTER}{_Q}])"
        )
    return "(?:" + "|".join(alternatives) + ")"


def _kept_pattern(marks: tuple[str, str, str, str]) -> re.Pattern[str]:
    """A pair the filter keeps as it is: in ``marks``, outer and inner alternating."""
    outer = [(re.escape(marks[0]), re.escape(marks[1]), "")]
    inner = [(re.escape(marks[2]), re.escape(marks[3]), "")]
    return re.compile(_pair_pattern([outer if d % 2 else inner for d in range(1, _FAST_DEPTH + 1)]))


def _simple_pattern(english: bool) -> re.Pattern[str]:
    """Text whose pairs the filter writes by depth alone, in any marks of one kind.

    In English a ``'`` or ``’`` that opens may be an elision (``'90s``,
    ``'em``, ``'n'``): it opens a pair here only before an ASCII letter
    that starts no elision.
    """
    single = f"[{re.escape(SINGLE_QUOTES)}]"
    guard = "(?:(?<=[‘‚‹›])|(?=[A-Za-z])(?![BCENTbcent]))" if english else ""
    kinds = [
        (f"[{re.escape(DOUBLE_QUOTES)}]", f"[{re.escape(DOUBLE_QUOTES)}]", ""),
        (single, single, guard),
    ]
    pair = _spaced_pair_pattern([kinds] * _FAST_DEPTH)
    return re.compile(f"[^{_Q}]*(?:(?:{_APOSTROPHE}|{pair})[^{_Q}]*)*")


# The two fast-path patterns are long (compiling them all takes ~50 ms), so
# each is compiled on first use rather than at import: a command that only
# starts worker processes, or a program that never cleans quotes, does not
# pay for them.


@functools.cache
def kept_pair_re(locale: str) -> re.Pattern[str]:
    """A pair the filter keeps as it is, in ``locale``'s marks."""
    return _kept_pattern(MARKS[locale])


@functools.cache
def simple_re(english: bool) -> re.Pattern[str]:
    """Text whose marks the filter writes by depth alone (English or not)."""
    return _simple_pattern(english)


#: In text :func:`simple_re` takes: an apostrophe, or a run of marks that opens
#: or closes (the named group says which).
SIMPLE_RUN_RE = re.compile(
    f"[{_Q}](?:(?<=[{_WORD_CHARS}]['’])(?=[{_WORD_CHARS}])(?P<apostrophe>)"
    f"|[{_Q}]*(?:(?=[^{_CLOSE_AFTER}])(?P<open>)|(?P<close>)))"
)
#: Per mark: that mark as an apostrophe (``_APOSTROPHE``), starting with the literal.
APOSTROPHE_AT_RE: Final = {
    mark: re.compile(f"{mark}(?<=[{_WORD_CHARS}]{mark})(?=[{_WORD_CHARS}])") for mark in "'’"
}
#: Per mark: an English apostrophe (``APOSTROPHE_RE``) written so, between
#: characters that stdlib ``re`` knows.
FAST_APOSTROPHE_RE: Final = {
    mark: re.compile(f"{mark}(?<=[{_WORD_CHARS}]{mark})(?=[A-Za-z{_WORD_MORE}])") for mark in "'‘"
}
#: Per mark: that mark beside a character outside ASCII and ``_WORD_CHARS``,
#: which stdlib ``re`` cannot class: ``APOSTROPHE_RE`` decides there.
UNSURE_APOSTROPHE_RE: Final = {
    mark: re.compile(
        f"{mark}(?:(?<=[^\\x00-\\x7f{_WORD_MORE}]{mark})|(?=[^\\x00-\\x7f{_WORD_MORE}]))"
    )
    for mark in "'‘"
}


def _apostrophes(text: str) -> str:
    """``APOSTROPHE_RE.sub("’", text)``, by stdlib ``re`` where its classes decide."""
    for mark in "'‘":
        if mark in text and UNSURE_APOSTROPHE_RE[mark].search(text):
            return APOSTROPHE_RE.sub("’", text)
    for mark in "'‘":
        if mark in text:
            text = FAST_APOSTROPHE_RE[mark].sub("’", text)
    return text


def _blank(found: re.Match[str]) -> str:
    """As many ``_FILL`` as ``found`` is long."""
    return _FILL * (found.end() - found.start())


def _unsettled(text: str, locale: str) -> tuple[str, list[str]]:
    """``text`` with each pair kept as it is and each apostrophe filled with ``_FILL``.

    Also the marks that are left: none when the filter keeps the text as
    it is. The fill keeps every other character where it is, so positions
    in the text left are positions in ``text``.
    """
    left = text
    if MARKS[locale][0] in left:
        left = kept_pair_re(locale).sub(_blank, left)
    for mark in "'’":
        if mark in left:
            left = APOSTROPHE_AT_RE[mark].sub(_FILL, left)
    return left, [mark for mark in QUOTES if mark in left]


# ----- the filters ---------------------------------------------------------------


@register(
    "quotes",
    summary="Paired quotes of any style to the locale's «…„…“…» / “…‘…’…” / „…‚…‘…“.",
    default=True,
    paragraph_local=True,
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
    if locale is None or locale not in MARKS:
        return text
    if english := locale == "en":
        text = _apostrophes(text)
    left, marks_left = _unsettled(text, locale)
    if not marks_left:
        return text
    marks = MARKS[locale]
    simple = simple_re(english)
    edits: list[_Edit] = []
    size = len(text)
    # Where each mark left is next found.
    upcoming = {mark: left.find(mark) for mark in marks_left}
    while upcoming:
        # The block between the blank lines around the next mark left: no
        # paragraph crosses a blank line, and no run of marks touches one.
        mark_at = min(upcoming.values())
        start = text.rfind("\n\n", 0, mark_at)
        start = 0 if start < 0 else start + 2
        end = text.find("\n\n", mark_at)
        if end < 0:
            end = size
        # The marks of the block lie between ``first`` and ``last``: the pairs
        # kept and the apostrophes are ``_FILL`` in ``left``.
        first = left.find(_FILL, start, mark_at)
        if first < 0:
            first = mark_at
        last = max(left.rfind(mark, mark_at, end) for mark in (_FILL, *upcoming))
        stop = min(last + 2, end)  # a character beyond the last mark
        taken = simple.match(text, first, stop)  # never None: the pattern takes ""
        if taken is not None and taken.end() == stop:
            _convert_simple(text, first, stop, marks, edits)
        else:
            _convert_block(text, start, end, marks, english, edits)
        for mark, at in list(upcoming.items()):
            if at < end:
                at = left.find(mark, end)
                if at < 0:
                    del upcoming[mark]
                else:
                    upcoming[mark] = at
    return _apply(text, edits)


def _convert_simple(
    text: str, start: int, end: int, marks: tuple[str, str, str, str], edits: list[_Edit]
) -> None:
    """Add the edits that convert ``text[start:end]``, which :func:`simple_re` takes whole.

    Every mark is written by its nesting depth (the pairing of each
    paragraph comes to that: see the fast paths above), and the spaces just
    inside an outermost pair go. A run outside every pair opens one; inside
    a pair, what follows the run tells (``SIMPLE_RUN_RE``).
    """
    depth = 0
    for found in SIMPLE_RUN_RE.finditer(text, start, end):
        kind = found.lastgroup
        if kind == "apostrophe":
            continue
        run_start, run_end = found.span()
        written = ""
        if not depth or kind == "open":
            for _ in range(run_start, run_end):
                depth += 1
                written += marks[0] if depth % 2 else marks[2]
            while text[run_end] in INLINE_SPACES:  # never at the end: a word follows
                run_end += 1
        else:
            for _ in range(run_start, run_end):
                written += marks[1] if depth % 2 else marks[3]
                depth -= 1
            while text[run_start - 1] in INLINE_SPACES:  # never at the start: a word stands
                run_start -= 1
        if written != text[run_start:run_end]:
            edits.append((run_start, run_end, written))


def _convert_block(
    text: str,
    start: int,
    end: int,
    marks: tuple[str, str, str, str],
    english: bool,
    edits: list[_Edit],
) -> None:
    """Add the edits that convert the paragraphs of ``text[start:end]``.

    The runs of marks are grouped by paragraph, and each paragraph converted
    in the whole text's coordinates (no slicing).
    """
    runs = _runs(text, start, end)
    first = 0
    for i in range(1, len(runs)):
        # Runs on one line are in one paragraph: only a line break can part them.
        gap_start = runs[i - 1][1]
        gap_end = runs[i][0]
        if text.find("\n", gap_start, gap_end) >= 0 and _new_unit(text, gap_start, gap_end):
            _emit(text, runs[first:i], marks, english, edits)
            first = i
    if runs:
        _emit(text, runs[first:], marks, english, edits)


def _emit(
    text: str,
    runs: list[tuple[int, int]],
    marks: tuple[str, str, str, str],
    english: bool,
    edits: list[_Edit],
) -> None:
    """Add to ``edits`` those that convert the paragraph holding ``runs``.

    The paragraph runs from the start of its first run's line to the end of
    its last run's line; every quote sees the same surroundings in the whole
    text as in the paragraph alone.
    """
    a = text.rfind("\n", 0, runs[0][0]) + 1
    converted, elisions, check = _paragraph(text, a, runs, marks, english)
    if check:
        b = text.find("\n", runs[-1][1])
        unit = _apply(text, converted, a, len(text) if b < 0 else b)
        again = _runs(unit)
        if again and _apply(unit, _paragraph(unit, 0, again, marks, english)[0]) != unit:
            # Converting again would pair the marks differently: an ambiguous
            # paragraph (stray apostrophes or primes among mixed styles). Leave
            # its quotes as they are.
            converted = elisions
    edits.extend(converted)


def _apply(text: str, edits: list[_Edit], start: int = 0, stop: int | None = None) -> str:
    """``text[start:stop]`` with each ``(start, end, mark)`` span replaced.

    The spans are sorted, disjoint, and lie within ``start``..``stop``.
    """
    if stop is None:
        stop = len(text)
    if not edits:
        return text if start == 0 and stop == len(text) else text[start:stop]
    out: list[str] = []
    done = start
    for begin, end, mark in edits:
        out.append(text[done:begin])
        out.append(mark)
        done = end
    out.append(text[done:stop])
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
#: ``ASCII_QUOTES`` as (mark, ASCII form) pairs: ``str.replace`` of one
#: character runs many times faster than ``str.translate`` on text outside
#: Latin-1, and the ASCII forms are no marks, so the order does not matter.
_ASCII_FORMS: Final = tuple((chr(code), plain) for code, plain in ASCII_QUOTES.items())


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
    for mark, plain in _ASCII_FORMS:
        if mark in text:
            text = text.replace(mark, plain)
    return text
