"""Verbatim spans: the parts of a text that no filter may touch.

Every filter works on a *masked* text, where each verbatim span has been
replaced by one placeholder character, and the spans are put back afterwards.
This is the one mechanism that keeps code and addresses byte-identical; no
filter protects anything on its own.

* A fenced code block (```` ``` ```` or ``~~~``, from its opening fence line
  to its closing fence line, or to the last non-blank line of the text when
  it is never closed) becomes :data:`BLOCK`. The placeholder stands alone on its line(s),
  so line-based filters see one opaque line.
* Inline code (a run of backticks up to the next run of the same length in
  the same paragraph), a URL and an e-mail address each become :data:`INLINE`,
  which filters treat as a word.
* A placeholder character that was already in the input is itself a span, so
  that any text masks and unmasks to exactly itself.

Placeholders are restored in order; a filter must neither drop nor duplicate
them (:func:`unmask` checks this and refuses a result that breaks the rule).
"""

from __future__ import annotations

import bisect
import enum
import functools
from typing import NamedTuple

import regex

__all__ = [
    "BLOCK",
    "INLINE",
    "PLACEHOLDERS",
    "Masked",
    "Verbatim",
    "mask",
    "placeholder_positions",
    "split_placeholders",
    "unmask",
]

#: Placeholder for a fenced code block; it always fills whole lines.
BLOCK = "\ue001"
#: Placeholder for inline code, a URL or an e-mail address; it behaves like a word.
INLINE = "\ue000"
#: Both placeholder characters, for use inside character classes.
PLACEHOLDERS = BLOCK + INLINE


class Verbatim(enum.Flag):
    """Kinds of verbatim span a filter can ask to have protected."""

    NONE = 0
    FENCED_CODE = enum.auto()
    INLINE_CODE = enum.auto()
    URL = enum.auto()
    EMAIL = enum.auto()
    CODE = FENCED_CODE | INLINE_CODE
    ALL = FENCED_CODE | INLINE_CODE | URL | EMAIL


# An opening fence: optional indentation or block-quote markers, then three or
# more backticks or tildes. A backtick fence's info string has no backtick.
FENCE_OPEN_RE = regex.compile(r"(?m)^[ \t>]*+(?P<fence>`{3,}+(?=[^`\n]*+$)|~{3,}+)")
# A backtick run, as the unit inline code is delimited by.
BACKTICKS_RE = regex.compile(r"`++")
# The blank lines at the end of a text (an unclosed fence's span stops before them).
TRAILING_BLANK_LINES_RE = regex.compile(r"(?:\n[^\S\n]*+)++\Z")
# A blank line (only spaces or tabs between two line breaks).
BLANK_LINE_RE = regex.compile(r"\n[ \t]*+\n")
#: The characters the invisible filter removes. A URL never holds one, and one
#: before a URL does not count as its boundary, so that removing them cannot
#: change what is a URL.
INVISIBLE = "\u200b\u00ad\u2060\ufeff\u2061-\u2064"
# A URL: a scheme or "www." at a word boundary, then non-space characters; the
# trailing punctuation is trimmed afterwards by _trim_url.
URL_RE = regex.compile(
    rf"(?<![\w.@/\-][{INVISIBLE}]*+)(?:(?:https?|ftp)://|www\.)"
    rf"[^\s<>\"'`«»“”„\ue000\ue001{INVISIBLE}]++",
    regex.IGNORECASE,
)
# "www." in any case, as URL_RE sees it (its IGNORECASE folds only "w" and "W"
# together); _www_starts finds the same places with str.find.
WWW_RE = regex.compile(r"(?i)www\.")
_SCHEMES = ("https", "http", "ftp")
# An e-mail address: the definition. _emails() finds exactly these spans
# starting from each "@" (a property test checks that), instead of trying the
# pattern at every word.
EMAIL_RE = regex.compile(r"(?<![\w.+\-])[\w.+\-]++@[\w\-]++(?:\.[\w\-]++)++")
# Pieces of EMAIL_RE for the fast search: one character of a local part, and
# the "@domain" that follows it.
EMAIL_LOCAL_CHAR_RE = regex.compile(r"[\w.+\-]")
EMAIL_DOMAIN_RE = regex.compile(r"@[\w\-]++(?:\.[\w\-]++)++")
#: What a URL drops from its end: sentence punctuation, closing brackets and
#: quotes, and (as in GFM) emphasis markers.
URL_TRAILING = ".,;:!?'\"»“”‘’‚‹›)]}…*_~"


_FENCED_CODE = Verbatim.FENCED_CODE.value
_INLINE_CODE = Verbatim.INLINE_CODE.value
_URL = Verbatim.URL.value
_EMAIL = Verbatim.EMAIL.value


class Masked(NamedTuple):
    """A text with its verbatim spans replaced by placeholders.

    (A named tuple: made three times per pipeline run, it must be cheap.)
    """

    text: str
    spans: tuple[str, ...]


def _fenced_blocks(text: str) -> list[tuple[int, int]]:
    """Spans of fenced code blocks, from the fence to the end of the closing line."""
    found: list[tuple[int, int]] = []
    pos = 0
    while True:
        m = FENCE_OPEN_RE.search(text, pos)
        if m is None:
            return found
        fence = m.group("fence")
        start = m.start("fence")
        line_end = text.find("\n", m.end())
        if line_end < 0:
            found.append((start, len(text)))
            return found
        close = _closing_fence(fence[0], len(fence)).search(text, line_end + 1)
        if close is None:
            trailing = TRAILING_BLANK_LINES_RE.search(text, line_end)
            end = len(text) if trailing is None else trailing.start()
        else:
            end = close.end()
        found.append((start, end))
        pos = end


@functools.lru_cache(maxsize=64)
def _closing_fence(char: str, length: int) -> regex.Pattern[str]:
    """The closing line of a fence opened with ``length`` times ``char``."""
    return regex.compile(r"(?m)^[ \t>]*+" + regex.escape(char) + f"{{{length},}}+" + r"[ \t]*+$")


def _inline_code(text: str, taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans of inline code, CommonMark style, in O(n log n)."""
    runs = [(m.start(), m.end()) for m in BACKTICKS_RE.finditer(text)]
    if len(runs) < 2:
        return []
    blanks = [m.start() for m in BLANK_LINE_RE.finditer(text)]
    by_length: dict[int, list[int]] = {}
    for i, (s, e) in enumerate(runs):
        by_length.setdefault(e - s, []).append(i)
    found: list[tuple[int, int]] = []
    i = 0
    while i < len(runs):
        s, e = runs[i]
        if _inside(s, taken):
            i += 1
            continue
        same = by_length[e - s]
        k = bisect.bisect_right(same, i)
        if k < len(same):
            j = same[k]
            cs, ce = runs[j]
            b = bisect.bisect_left(blanks, e)
            if (b == len(blanks) or blanks[b] >= cs) and not _overlaps(s, ce, taken):
                found.append((s, ce))
                i = j + 1
                continue
        i += 1
    return found


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    k = bisect.bisect_right(spans, (pos, 1 << 62)) - 1
    return k >= 0 and spans[k][0] <= pos < spans[k][1]


def _crosses(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    k = bisect.bisect_left(spans, (start, -1))
    return k < len(spans) and spans[k][0] < end


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    """True if ``[start, end)`` overlaps any of the sorted, disjoint ``spans``."""
    return _inside(start, spans) or _crosses(start, end, spans)


def _trim_url(text: str, start: int, end: int) -> int:
    """Drop trailing punctuation from a URL match, keeping balanced brackets."""
    while end > start and text[end - 1] in URL_TRAILING:
        ch = text[end - 1]
        if ch == ")" and text.count("(", start, end) >= text.count(")", start, end):
            break
        end -= 1
    return end


def _www_starts(text: str) -> list[int]:
    """Where :data:`WWW_RE` matches, found with ``str.find`` (C speed, no regex scan).

    Every match ends in ``w.`` or ``W.``; those are rare in prose, so looking
    back from each of them is far cheaper than a case-insensitive search.
    """
    starts: list[int] = []
    for tail in ("w.", "W."):
        at = text.find(tail, 2)
        while at >= 0:
            if text[at - 2 : at] in _WW:
                starts.append(at - 2)
            at = text.find(tail, at + 2)
    starts.sort()
    return starts


_WW = frozenset({"ww", "wW", "Ww", "WW"})


def _url_starts(text: str) -> list[int]:
    """Every place a URL may start: a scheme before "://", or "www." (any case)."""
    starts = _www_starts(text)
    colon = text.find("://")
    if colon < 0:
        return starts
    while colon >= 0:
        before = text[max(0, colon - 5) : colon].lower()
        for scheme in _SCHEMES:
            if before.endswith(scheme):
                starts.append(colon - len(scheme))
                break
        colon = text.find("://", colon + 3)
    return sorted(starts)


def _urls(text: str) -> list[tuple[int, int]]:
    """The spans :data:`URL_RE` finds, trimmed, trying the pattern only where a URL may start."""
    found: list[tuple[int, int]] = []
    pos = 0
    for start in _url_starts(text):
        if start < pos:
            continue
        m = URL_RE.match(text, start)
        if m is None:
            continue
        end = _trim_url(text, m.start(), m.end())
        if end > m.start():
            found.append((m.start(), end))
        pos = m.end()
    return found


def _emails(text: str) -> list[tuple[int, int]]:
    """The spans :data:`EMAIL_RE` finds, found from each ``@`` (no scan of every word)."""
    found: list[tuple[int, int]] = []
    last_end = 0
    at = text.find("@")
    while at >= 0:
        start = at
        while start > last_end and EMAIL_LOCAL_CHAR_RE.match(text, start - 1):
            start -= 1
        boundary_ok = start == 0 or not EMAIL_LOCAL_CHAR_RE.match(text, start - 1)
        domain = EMAIL_DOMAIN_RE.match(text, at) if start < at and boundary_ok else None
        if domain is not None:
            found.append((start, domain.end()))
            last_end = domain.end()
            at = text.find("@", last_end)
        else:
            at = text.find("@", at + 1)
    return found


def _collect(text: str, kinds: int) -> tuple[list[tuple[int, int]], set[int]]:
    """The verbatim spans of ``text``, sorted, and the starts of those that are blocks.

    ``kinds`` is a :class:`Verbatim` value as an int (flag arithmetic on the
    enum costs more than the cheap ``in`` checks that rule most kinds out).
    """
    spans: list[tuple[int, int]] = []
    # One-character checks first: str.find of one character is several times
    # faster than of a longer needle.
    backtick = "`" in text
    if kinds & _FENCED_CODE and ((backtick and "```" in text) or ("~" in text and "~~~" in text)):
        spans = _fenced_blocks(text)
    blocks = {start for start, _ in spans}
    if kinds & _INLINE_CODE and backtick:
        spans = sorted(spans + _inline_code(text, spans))
    extra: list[tuple[int, int]] = []
    if kinds & _URL:
        for start, end in _urls(text):
            if not _overlaps(start, end, spans):
                extra.append((start, end))
    if kinds & _EMAIL and "@" in text:
        merged = sorted(spans + extra)
        for start, end in _emails(text):
            if not _overlaps(start, end, merged):
                extra.append((start, end))
    for ch in PLACEHOLDERS:
        start = text.find(ch)
        while start >= 0:
            if not _inside(start, spans):
                extra.append((start, start + 1))
                if ch == BLOCK:
                    blocks.add(start)
            start = text.find(ch, start + 1)
    if extra:
        spans = sorted(spans + extra)
    return spans, blocks


# The length up to which mask() first checks for any sign of a span at all.
_SHORT = 2048


def mask(text: str, kinds: Verbatim = Verbatim.ALL) -> Masked:
    """Replace the verbatim spans of ``text`` with placeholders.

    >>> m = mask("run `ls -l` or see https://example.com/a.")
    >>> m.text
    'run \\ue000 or see \\ue000.'
    >>> m.spans
    ('`ls -l`', 'https://example.com/a')
    >>> unmask(m.text, m) == "run `ls -l` or see https://example.com/a."
    True
    """
    if len(text) <= _SHORT and not (
        "`" in text
        or "@" in text
        or "~" in text
        or INLINE in text
        or BLOCK in text
        or "://" in text
        or "w." in text
        or "W." in text
    ):
        # A short text where no span of any kind can start: skip the searches,
        # whose calls cost more than these scans. (On a long text the scans
        # dominate, and most long texts have one of these somewhere.)
        return Masked(text, ())
    spans, blocks = _collect(text, kinds.value)
    if not spans:
        return Masked(text, ())
    parts: list[str] = []
    pos = 0
    for start, end in spans:
        parts.append(text[pos:start])
        parts.append(BLOCK if start in blocks else INLINE)
        pos = end
    parts.append(text[pos:])
    return Masked("".join(parts), tuple(text[s:e] for s, e in spans))


class PlaceholderError(RuntimeError):
    """A filter dropped or duplicated a verbatim placeholder (a bug in that filter)."""


def unmask(text: str, masked: Masked) -> str:
    """Put the verbatim spans of ``masked`` back into ``text`` (a filtered ``masked.text``)."""
    if not masked.spans:
        return text
    at = placeholder_positions(text)
    if len(at) != len(masked.spans):
        raise PlaceholderError(
            f"expected {len(masked.spans)} verbatim placeholders, found {len(at)}"
        )
    out: list[str] = []
    pos = 0
    for span, start in zip(masked.spans, at, strict=True):
        out.append(text[pos:start])
        out.append(span)
        pos = start + 1
    out.append(text[pos:])
    return "".join(out)


def placeholder_positions(text: str) -> list[int]:
    """Where the placeholders of a masked text are, in order.

    A few ``str.find`` calls: placeholders are rare, and this is several times
    faster than splitting the text with a pattern.
    """
    found: list[int] = []
    for ch in PLACEHOLDERS:
        at = text.find(ch)
        while at >= 0:
            found.append(at)
            at = text.find(ch, at + 1)
    found.sort()
    return found


def split_placeholders(text: str) -> list[str]:
    """The stretches of a masked text between its placeholders, and the placeholders.

    As ``re.split`` with a capturing group: stretches at even indices (maybe
    empty), placeholders at odd ones.
    """
    parts: list[str] = []
    pos = 0
    for at in placeholder_positions(text):
        parts.append(text[pos:at])
        parts.append(text[at])
        pos = at + 1
    parts.append(text[pos:])
    return parts
