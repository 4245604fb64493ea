"""Invisible characters: zero-width spaces, soft hyphens, word joiners, stray BOMs."""

from __future__ import annotations

import re
import unicodedata

import regex

from .._filter import register
from .._patterns import HEADING_RE, TABLE_ROW_RE, is_structural_line

__all__ = ["remove_invisible"]

SOFT_HYPHEN = "\u00ad"

#: The characters removed wherever they are. Each is invisible and carries
#: no meaning in running text: zero-width space, soft hyphen, word joiner,
#: the byte order mark (zero-width no-break space), and the invisible math
#: operators (function application, times, separator, plus), which only
#: ever reach scraped prose by copy and paste.
INVISIBLE = "\u200b\u00ad\u2060\ufeff\u2061\u2062\u2063\u2064"
# What may sit between a soft hyphen and its line break, or start the next line.
_GAP = " \t" + INVISIBLE
#: A line's block-quote markers (``> ``, ``> > ``), with the spaces around them.
QUOTE_PREFIX_RE = regex.compile(r"[ \t]*+(?:>[ \t]*+)++")

# ``ch in text`` is a fast C scan for most characters, but for U+2060-U+2064
# it stops at every ASCII "`", "a"-"d" of a text stored two bytes a
# character (it looks for the low byte first): one ``regex`` scan for the
# single range is cheaper than those four ``in`` tests.
_COMMON = "\u200b\u00ad\ufeff"
_WORD_JOINER_AND_MATH = "\u2060\u2061\u2062\u2063\u2064"
_WORD_JOINER_AND_MATH_RE = regex.compile("[\u2060-\u2064]")
assert sorted(_COMMON + _WORD_JOINER_AND_MATH) == sorted(INVISIBLE)
#: A soft hyphen in the run of spaces and invisibles that ends a line: the
#: lines where a word may be broken (see :func:`_join_next`).
_BREAK_RE = re.compile(f"\u00ad[{_GAP}]*\n")


@register(
    "invisible",
    summary="Remove zero-width spaces, soft hyphens, word joiners and stray BOMs.",
    default=True,
    paragraph_local=True,
)
def remove_invisible(text: str) -> str:
    """Remove invisible characters; join a word a soft hyphen splits across lines.

    Removed wherever they stand: zero-width space (U+200B), soft hyphen
    (U+00AD), word joiner (U+2060), the byte order mark (U+FEFF) and the
    invisible math operators U+2061-U+2064.

    A soft hyphen that ends a line, after a letter, marks a word broken
    across the line: the two halves are joined (spaces and tabs around the
    break go too) when the next line goes on with a letter. Across blank
    lines the halves are joined only when the next part starts with a
    lowercase letter. Nothing is joined onto a heading or a table row, nor
    is a heading, list item, block quote, table row or code block pulled up;
    but inside a block quote the next line of the same quote continues the
    word (``> пре\u00ad`` then ``> зидент`` → ``> президент``).

    Left alone: the zero-width joiner and non-joiner (U+200D, U+200C: emoji,
    Persian, Indic scripts), directional marks and isolates (U+200E, U+200F,
    U+202A-U+202E, U+2066-U+2069, U+061C), the combining grapheme joiner
    (U+034F), the Mongolian vowel separator (U+180E), variation selectors,
    and code, URLs and e-mail addresses.

    >>> remove_invisible("pre\\u00adsi\\u200bdent\\ufeff")
    'president'
    >>> remove_invisible("the pre\\u00ad\\nsident said")
    'the president said'
    >>> remove_invisible("👩\\u200d💻 and می\\u200cخواهم stay")
    '👩\\u200d💻 and می\\u200cخواهم stay'
    >>> remove_invisible("a list\\u00ad\\n- item")
    'a list\\n- item'
    >>> remove_invisible("> the pre\\u00ad\\n> sident said")
    '> the president said'
    """
    present = [ch for ch in _COMMON if ch in text]
    if _WORD_JOINER_AND_MATH_RE.search(text):
        present += [ch for ch in _WORD_JOINER_AND_MATH if ch in text]
    if not present:
        return text
    if SOFT_HYPHEN in present and "\n" in text:
        text = _join_soft_hyphen_breaks(text)
    # One str.replace per character present: each is a C scan, several
    # times faster than str.translate, which looks every character up.
    for ch in present:
        text = text.replace(ch, "")
    return text


def _join_soft_hyphen_breaks(text: str) -> str:
    """Join the words soft hyphens break across lines, visiting only the lines ending in one."""
    first = _BREAK_RE.search(text)
    if first is None:
        return text
    lines = text.split("\n")
    out: list[str] = []
    done = 0  # lines[:done] are in out
    line_no, pos = 0, 0
    for m in _BREAK_RE.finditer(text, first.start()):
        line_no += text.count("\n", pos, m.start())
        pos = m.start()
        if line_no < done:
            continue  # joined onto an earlier line already
        out.extend(lines[done:line_no])
        # A chain of joins (``a\u00ad\nb\u00ad\nc``) is collected in
        # pieces and joined once: linear time however long the chain.
        i, line = line_no, lines[line_no]
        pieces: list[str] = []
        while i + 1 < len(lines):
            joined = _join_next(line, lines, i)
            if joined is None:
                break
            head, i, line = joined
            pieces.append(head)
        pieces.append(line)
        out.append("".join(pieces))
        done = i + 1
    out.extend(lines[done:])
    return "\n".join(out)


def _join_next(line: str, lines: list[str], i: int) -> tuple[str, int, str] | None:
    """Where the word that ``line`` (at ``lines[i]``, maybe joined already) breaks goes on.

    Returns ``line`` cut before its soft hyphen, the index of the line
    that continues the word and that line's text from the continuation on,
    or None when ``line`` does not end in a soft hyphen after a letter or
    nothing may be joined to it. Inside a block quote, the next line of the
    same quote (``> пре\u00ad`` then ``> зидент``) continues the word.
    """
    if SOFT_HYPHEN not in line:
        return None
    head = line.rstrip(_GAP)
    if not head or not _is_letter(head[-1]) or SOFT_HYPHEN not in line[len(head) :]:
        return None
    if HEADING_RE.match(lines[i]) or TABLE_ROW_RE.match(lines[i]):
        return None
    quoted = _quoted_continuation(lines[i], lines[i + 1])
    if quoted is not None:
        return head, i + 1, quoted
    k = i + 1
    while k < len(lines) and not lines[k].strip(_GAP):
        k += 1
    if k == len(lines):
        return None
    first = lines[k].lstrip(_GAP)[0]
    if not _is_letter(first) or (k > i + 1 and not first.islower()):
        return None
    if is_structural_line(lines[k]):
        return None
    return head, k, lines[k].lstrip(_GAP)


def _quoted_continuation(line: str, following: str) -> str | None:
    """The text that continues ``line``'s word on ``following``, both in the same block quote.

    None unless both lines carry the same quote markers (spaces aside) and
    ``following`` goes on with a letter that starts no list item or heading.
    """
    if ">" not in line or ">" not in following:
        return None
    mine, theirs = QUOTE_PREFIX_RE.match(line), QUOTE_PREFIX_RE.match(following)
    if mine is None or theirs is None:
        return None
    if theirs.group().count(">") != mine.group().count(">"):
        return None
    own = line[mine.end() :]
    if HEADING_RE.match(own) or TABLE_ROW_RE.match(own):
        return None  # a heading or table row inside the quote takes nothing
    rest = following[theirs.end() :].lstrip(_GAP)
    if not rest or not _is_letter(rest[0]) or is_structural_line(rest):
        return None
    return rest


def _is_letter(ch: str) -> bool:
    return ch.isalpha() or unicodedata.category(ch)[0] == "M"
