"""Long texts cut into parts that the default filters clean independently.

A pipeline run over a text of many megabytes streams it through memory once
per filter; run over parts of about :data:`PART_SIZE` characters it works in
the processor's cache instead, and holds one part's intermediate copies
rather than the whole text's. The result must be the same, so a text is cut
only where no filter that declares itself ``paragraph_local`` acts across the
cut, and the pipeline puts the parts' results together as its final
``blank_lines`` step would (see :meth:`textclean.Pipeline.__call__`).

A cut is a run of blank lines (spaces and tabs only) after a line whose last
character other than spaces and tabs is ``.``, ``!`` or ``?``:

* ``wraps`` joins only after a letter, digit or comma, so nothing is joined
  across it; ``invisible`` joins only at a soft hyphen ending a line;
* the last token of that line is a barrier for ``watermarks`` (no run
  crosses it), and a blank line ends the paragraph that ``quotes`` pairs in
  and that tables are found in;
* the other filters work within a line;
* a URL, an e-mail address or inline code never spans a blank line.

Fenced code blocks can span blank lines, and the text a filter sees can
gain a fence after the input is checked (an entity such as ``&#96;``
decoded, an invisible character between two backticks removed, a watermark
run removed before a fence). So a text with a backtick, a tilde or an
entity for either is never cut: it is cleaned whole, as any text can be.
"""

from __future__ import annotations

import regex

__all__ = ["PART_SIZE", "paragraph_parts"]

#: The size, in characters, of the parts a long text is cleaned in (about).
#: Texts up to twice as long are cleaned whole.
PART_SIZE = 1 << 14

# A line break and the blank lines (spaces and tabs only) after it.
_BLANK_RUN_RE = regex.compile(r"\n(?:[ \t]*+\n)++")
# An HTML entity that the unicode filter may decode to a backtick or a tilde.
_FENCE_ENTITY_RE = regex.compile(r"(?i)&(?:#0*96|#x0*60|#0*126|#x0*7e|grave|diacriticalgrave)")
# What a line must end with, before a cut.
_SENTENCE_END = frozenset(".!?")


def paragraph_parts(text: str, size: int = PART_SIZE) -> list[tuple[int, int]]:
    """Where to cut ``text``: the ``(start, end)`` of each part, in order.

    Each part but the last ends with the line break of the line before a cut;
    the blank lines of the cut belong to no part. A text that is short, or
    that must not be cut (see the module's docstring), is one part.
    """
    whole = [(0, len(text))]
    if len(text) <= 2 * size or "`" in text or "~" in text:
        return whole
    if "&" in text and _FENCE_ENTITY_RE.search(text) is not None:
        return whole
    parts: list[tuple[int, int]] = []
    start = 0
    search = size
    while search < len(text) - size:
        m = _BLANK_RUN_RE.search(text, search)
        if m is None:
            break
        end = m.start()
        while end > start and text[end - 1] in " \t":
            end -= 1
        if end > start and text[end - 1] in _SENTENCE_END:
            parts.append((start, m.start() + 1))
            start = m.end()
            search = start + size
        else:
            search = m.end()
    parts.append((start, len(text)))
    return parts
