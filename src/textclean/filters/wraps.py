"""Broken line wraps: a sentence cut by a line break is put back together.

Scraped pages often break a paragraph in the middle of a sentence, with a
single line break or with one or more blank lines
(``продвинуть\\n\\nвзаимоотношения``). A line whose last non-space character
is a letter, a digit or a comma, followed by a line that starts with a
lowercase letter, is such a break: the two are joined with one space.

Markdown structure is never joined: a heading (also inside a list item or
block quote) neither takes a continuation nor is appended anywhere; a line
that starts a list item, block quote, table row, thematic break or code
block stays on its own line (a lowercase line *after* a list item or a
block quote line is that item's continuation and joins it); table rows and
code never take a continuation.
"""

from __future__ import annotations

from bisect import bisect_right

import regex

from .._filter import register
from .._patterns import HEADING_RE, INLINE_SPACES, TABLE_ROW_RE, TABLE_SEPARATOR_RE, WORD_CHAR
from .._verbatim import BLOCK, INLINE

__all__ = ["join_broken_wraps"]

#: Characters that count as space around a line: tab and every Unicode space
#: separator (``Zs``). A line made of nothing else is blank.
SPACES = INLINE_SPACES
_S = regex.escape(SPACES)
#: What a line that takes a continuation ends with: a word character (a
#: letter, digit, mark or inline verbatim span) or a comma, as one class.
_OPEN_END = WORD_CHAR[:-1] + ",]"

#: A candidate break: a line break that follows a word character or a
#: comma (and maybe trailing spaces), then any blank lines and the next
#: line's indentation, up to a lowercase letter (any script) that starts the
#: continuation. The match starts at the line break (so the engine scans for
#: a literal ``\n``), and the look-behind only looks back over spaces, so
#: each run of whitespace is scanned once (linear time). Only these places
#: are looked at; the filter does not walk the text line by line.
CANDIDATE_RE = regex.compile(rf"\n(?<={_OPEN_END}[{_S}]*+\n)[{_S}\n]*+(?=\p{{Ll}})")
#: A line with a ``|`` in it (a table row or separator, maybe).
PIPE_LINE_RE = regex.compile(r"(?m)^[^\n|]*+\|[^\n]*+")
#: A blank line: nothing but spaces.
BLANK_LINE_RE = regex.compile(rf"(?m)^[{_S}]*+$")
#: A setext heading underline; the line above it is a heading.
SETEXT_UNDERLINE_RE = regex.compile(r"^ {0,3}(?:=++|-{2,}+)[ \t]*+$")
#: The container markers a line starts with: block-quote markers and list
#: markers, each followed by a space, with the indentation around them. A
#: heading or table row inside a list item or quote follows them.
CONTAINER_RE = regex.compile(r"(?:[ \t]*+(?:>|(?:[-*+•]|[0-9]{1,9}[.)])(?=[ \t])))*+[ \t]*+")
# The first characters of a line that may start a container marker.
_CONTAINER_LEADS = frozenset(" \t>-*+•0123456789")
#: Indentation of four columns or more: after a blank line, an indented code block.
INDENTED_CODE_RE = regex.compile(r"^(?: {0,3}\t| {4})")
#: A link reference definition, ``[label]: URL`` (the URL is masked): text
#: appended to it would turn it into a paragraph.
LINK_DEFINITION_RE = regex.compile(rf"^ {{0,3}}\[[^\]\n]++\]:[ \t]*+{INLINE}")


@register(
    "wraps",
    summary="Join a line or paragraph broken mid-sentence to its lowercase continuation.",
    default=True,
    paragraph_local=True,
)
def join_broken_wraps(text: str) -> str:
    """Join a line broken in the middle of a sentence to its continuation.

    A line (or paragraph) whose last non-space character is a letter, a
    digit, a comma or an inline verbatim span (URL, e-mail, inline code),
    followed by one or more line breaks and a line that starts with a
    lowercase letter, is joined to that line with exactly one space: the
    first line's trailing spaces, the blank lines between and the
    continuation's indentation go. Chains join in one pass.

    >>> join_broken_wraps("призваны продвинуть\\n\\nвзаимоотношения двух стран.")
    'призваны продвинуть взаимоотношения двух стран.'
    >>> join_broken_wraps("a line,   \\n   and\\nits end")
    'a line, and its end'
    >>> join_broken_wraps("- пункт списка, который\\nпродолжается здесь")
    '- пункт списка, который продолжается здесь'

    Left alone: a line that ends with other punctuation, a continuation that
    starts with anything but a lowercase letter (so a wrap before a
    capitalised word, ``der\\nStaat``, is not joined: a new sentence looks the
    same), headings, and any line that starts a list item, block quote, table
    row or code block. Table rows and code never take a continuation, nor
    does a heading or table row inside a block quote or list item.

    >>> join_broken_wraps("Das ist der\\nStaat.")
    'Das ist der\\nStaat.'
    >>> join_broken_wraps("Первое предложение.\\nвторое.")
    'Первое предложение.\\nвторое.'
    >>> join_broken_wraps("# Заголовок\\nпродолжение")
    '# Заголовок\\nпродолжение'
    >>> join_broken_wraps("> цитата\\n> продолжение")
    '> цитата\\n> продолжение'
    >>> join_broken_wraps("> # Заголовок\\nпродолжение")
    '> # Заголовок\\nпродолжение'
    """
    if "\n" not in text:
        return text
    lines = _Lines(text)
    out: list[str] = []
    pos = 0
    joined_line = -1  # where the continuation joined last starts
    for m in CANDIDATE_RE.finditer(text):
        gap_start, body = m.span()
        while text[gap_start - 1] in SPACES:  # the first line's trailing spaces go too
            gap_start -= 1
        first = text.rfind("\n", 0, gap_start) + 1
        # A continuation joined just before is open (it was checked as such);
        # any other first line must be one that takes a continuation.
        if first != joined_line and lines.closed(first, gap_start):
            continue
        cont = text.rfind("\n", gap_start, body) + 1
        if lines.refuses(cont, body, blank_before=text.count("\n", gap_start, body) > 1):
            continue
        out.append(text[pos:gap_start])
        out.append(" ")
        pos = body
        joined_line = cont
    if not out:
        return text
    out.append(text[pos:])
    return "".join(out)


class _Lines:
    """What the filter needs to know about the lines around a candidate break.

    Every check reads the raw text near the break; the two that depend on
    earlier lines (inside a table? inside indented code?) are answered from
    an index built once or from a memo, so the whole pass stays linear.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.has_block = BLOCK in text
        self.has_pipe = "|" in text
        self.code: dict[int, bool] = {}
        self.separators: list[int] | None = None
        self.blanks: list[int] = []

    def line_at(self, start: int) -> str:
        end = self.text.find("\n", start)
        return self.text[start:] if end < 0 else self.text[start:end]

    def closed(self, start: int, end: int) -> bool:
        """True if the line at ``start`` (its content ends at ``end``) takes no continuation.

        A heading, a table row (or any line of a table), code, or a link
        reference definition.
        """
        text = self.text
        lead = text[start]
        if lead in " \t#|":
            line = text[start:end]
            if HEADING_RE.match(line) is not None or TABLE_ROW_RE.match(line) is not None:
                return True
        if lead in _CONTAINER_LEADS and self.in_container_closed(start, end):
            return True
        if "[" in text[start : start + 4] and LINK_DEFINITION_RE.match(text[start:end]):
            return True
        if self.has_block and text.find(BLOCK, start, end) >= 0:
            return True
        if lead in " \t" and self.is_code(start):
            return True
        return self.has_pipe and self.in_table(start)

    def in_container_closed(self, start: int, end: int) -> bool:
        """True if the line is a heading or table row inside a quote or list item."""
        text = self.text
        if text.find("#", start, end) < 0 and text.find("|", start, end) < 0:
            return False  # the common case, decided by two scans in C
        markers = CONTAINER_RE.match(text, start, end)
        assert markers is not None  # every part of it is optional
        inner = markers.end()
        if inner == start:
            return False
        # A heading marker is at most seven characters ("###### "); a table
        # row starts with "|" (the markers' spaces are consumed).
        head = text[inner : min(end, inner + 8)]
        return head[:1] == "|" or HEADING_RE.match(head) is not None

    def refuses(self, start: int, body: int, *, blank_before: bool) -> bool:
        """True if the line at ``start`` (its text begins at ``body``) may not be appended.

        Its first character is a lowercase letter, so it does not start a
        heading, list item, block quote or table row (``is_structural_line``
        is false for it; a test keeps that true). It may still be code, a
        setext heading's text, or a table's header row.
        """
        text = self.text
        end = text.find("\n", body)
        if end < 0:
            end = len(text)
        if self.has_block and text.find(BLOCK, start, end) >= 0:
            return True
        if blank_before and INDENTED_CODE_RE.match(text[start:body]) is not None:
            return True  # an indented code block after a blank line
        after = end + 1
        if after >= len(text) or text[after] not in " \t=-|:":
            return False
        following = self.line_at(after)  # a heading's underline or a table's separator?
        return SETEXT_UNDERLINE_RE.match(following) is not None or (
            "|" in following and TABLE_SEPARATOR_RE.match(following) is not None
        )

    def in_table(self, start: int) -> bool:
        """True if the line at ``start`` follows a table's separator row in the same block."""
        if self.separators is None:
            self.separators = []
            if "|" in self.text:
                self.separators = [
                    m.start()
                    for m in PIPE_LINE_RE.finditer(self.text)
                    if TABLE_SEPARATOR_RE.match(m.group())
                ]
            if self.separators:
                self.blanks = [m.start() for m in BLANK_LINE_RE.finditer(self.text)]
        k = bisect_right(self.separators, start) - 1
        if k < 0:
            return False
        b = bisect_right(self.blanks, start) - 1
        return b < 0 or self.blanks[b] < self.separators[k]

    def is_code(self, start: int) -> bool:
        """True if the line at ``start`` is code: a fenced block, or indented code.

        A line indented by four columns is indented code when the line before
        it is blank (or there is none) or is indented code itself.
        """
        text = self.text
        walked: list[int] = []
        result = False
        while True:
            if start in self.code:
                result = self.code[start]
                break
            walked.append(start)
            line = self.line_at(start)
            if BLOCK in line:
                result = True
                break
            if INDENTED_CODE_RE.match(line) is None:
                result = False
                break
            if start == 0:
                result = True
                break
            before = text.rfind("\n", 0, start - 1) + 1
            if not text[before : start - 1].strip(SPACES):
                result = True
                break
            start = before
        for line_start in walked:
            self.code[line_start] = result
        return result
