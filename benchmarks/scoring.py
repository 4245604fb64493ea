"""Scoring a tool's output against a document's truth.

Three figures per document, defined so that they can be checked by hand:

**Exact**: the output equals the truth, byte for byte.

**Damage**: the letters and digits (``str.isalnum``) of the output, in order,
differ from those of the truth — a letter lost, added, changed, transliterated
or lower-cased. Two allowances keep damage apart from *not repairing*: every
occurrence of an injected junk string that carries letters (a watermark unit,
an HTML entity such as ``&laquo;``; any whitespace may stand for the spaces
inside a unit) is taken out of the output first, so a
watermark or an entity left in place is an unrepaired artefact, not damage;
and in a mojibake document, output letters equal to those of the raw input
(mojibake left as it was) are not damage either. Anything else is.

**Repaired artefacts**: an artefact is an edit of the truth (a span and what
replaced it). Its *segment* is the stretch of the truth from the last letter or
digit before the edit to the first letter or digit after it (the document's
start or end where there is none). The artefact is repaired when the output
holds exactly the truth's segment between the same two letters: the injected
form is gone and the truth's form is there, at that place, and nothing else
between those letters changed. The two letters are found in the output by
aligning the words (runs of letters and digits) of the truth and of the
output; a letter inside a word the output lost or altered cannot be found, and
the artefact then counts as not repaired. Artefacts with several edits (a quote
pair) are repaired when every edit is. The generator keeps segments apart, so
each artefact is scored on its own. CRLF line ends are scored once per
document (repaired when the output has no ``\\r``), and local segments are
compared after turning ``\\r\\n`` into ``\\n``, so a tool that keeps CRLF is not
also marked down on every segment that spans a line end. Mojibake counts once
per document, repaired when the output's letters and digits equal the truth's.
"""

from __future__ import annotations

import bisect
import difflib
import re
from collections import Counter
from dataclasses import dataclass, field

from .corpus import Document, Edit

__all__ = ["DocScore", "QualityTotals", "alnum", "score"]

WORD_RE = re.compile(r"[^\W_]+")


def alnum(text: str) -> str:
    """The letters and digits of ``text``, in order."""
    return "".join(WORD_RE.findall(text))


def _strip_junk(text: str, junk: tuple[str, ...]) -> str:
    """``text`` less every occurrence of the junk strings (any whitespace inside them)."""
    if not junk:
        return text
    parts = sorted(junk, key=len, reverse=True)
    pattern = "|".join(r"\s+".join(re.escape(w) for w in j.split()) for j in parts)
    return re.sub(pattern, " ", text)


class _Aligner:
    """Maps letter/digit positions of the truth onto the output."""

    def __init__(self, truth: str, output: str):
        self.t_spans = [m.span() for m in WORD_RE.finditer(truth)]
        self.t_starts = [s for s, _ in self.t_spans]
        o_matches = list(WORD_RE.finditer(output))
        self.o_spans = [m.span() for m in o_matches]
        t_words = [truth[s:e] for s, e in self.t_spans]
        o_words = [m.group() for m in o_matches]
        self.map: dict[int, int] = {}
        if t_words == o_words:
            self.identity = True
        else:
            self.identity = False
            sm = difflib.SequenceMatcher(None, t_words, o_words, autojunk=False)
            for tag, i1, i2, j1, _ in sm.get_opcodes():
                if tag == "equal":
                    for k in range(i2 - i1):
                        self.map[i1 + k] = j1 + k

    def locate(self, pos: int) -> int | None:
        """The output position of the truth's letter at ``pos``."""
        i = bisect.bisect_right(self.t_starts, pos) - 1
        j = i if self.identity else self.map.get(i)
        if j is None:
            return None
        return self.o_spans[j][0] + (pos - self.t_starts[i])


def _segment(truth: str, alnum_pos: list[int], edit: Edit) -> tuple[int, int]:
    i = bisect.bisect_left(alnum_pos, edit.start)
    left = alnum_pos[i - 1] if i > 0 else -1
    j = bisect.bisect_left(alnum_pos, edit.end)
    right = alnum_pos[j] if j < len(alnum_pos) else len(truth)
    return left, right


@dataclass
class DocScore:
    """The score of one output."""

    exact: bool
    damaged: bool
    injected: Counter[str]
    repaired: Counter[str]


def score(doc: Document, output: str) -> DocScore:
    """Score ``output`` (a tool's result for ``doc.raw``) against ``doc.truth``."""
    truth = doc.truth
    exact = output == truth
    injected: Counter[str] = Counter(a.kind for a in doc.artefacts)
    if exact:
        return DocScore(True, False, injected, Counter(injected))

    t_alnum = alnum(truth)
    o_alnum = alnum(_strip_junk(output, doc.junk))
    letters_ok = o_alnum == t_alnum
    damaged = not letters_ok
    if damaged and doc.mojibake is not None:
        damaged = o_alnum != alnum(_strip_junk(doc.raw, doc.junk))

    repaired: Counter[str] = Counter()
    local = output.replace("\r\n", "\n")
    aligner = _Aligner(truth, local)
    alnum_pos = [i for i, ch in enumerate(truth) if ch.isalnum()]
    for art in doc.artefacts:
        if art.kind == "crlf":
            ok = "\r" not in output
        elif art.kind == "mojibake":
            ok = letters_ok
        else:
            ok = all(_edit_ok(truth, local, aligner, alnum_pos, e) for e in art.edits)
        if ok:
            repaired[art.kind] += 1
    return DocScore(False, damaged, injected, repaired)


def _edit_ok(truth: str, out: str, aligner: _Aligner, alnum_pos: list[int], edit: Edit) -> bool:
    left, right = _segment(truth, alnum_pos, edit)
    if left < 0:
        o_left = 0
        t_left = 0
    else:
        located = aligner.locate(left)
        if located is None:
            return False
        o_left, t_left = located, left
    if right >= len(truth):
        o_right, t_right = len(out), len(truth)
    else:
        located = aligner.locate(right)
        if located is None:
            return False
        o_right, t_right = located + 1, right + 1
    return out[o_left:o_right] == truth[t_left:t_right]


@dataclass
class QualityTotals:
    """Quality figures of one tool over a corpus."""

    docs: int = 0
    exact: int = 0
    damaged: int = 0
    injected: Counter[str] = field(default_factory=Counter)
    repaired: Counter[str] = field(default_factory=Counter)
    damaged_names: list[str] = field(default_factory=list)
    inexact_names: list[str] = field(default_factory=list)

    def add(self, doc: Document, s: DocScore) -> None:
        self.docs += 1
        self.exact += s.exact
        self.damaged += s.damaged
        self.injected.update(s.injected)
        self.repaired.update(s.repaired)
        if s.damaged:
            self.damaged_names.append(doc.name)
        if not s.exact:
            self.inexact_names.append(doc.name)

    @property
    def exact_share(self) -> float:
        return self.exact / self.docs if self.docs else 0.0

    @property
    def damaged_share(self) -> float:
        return self.damaged / self.docs if self.docs else 0.0

    def repaired_share(self, kind: str | None = None) -> float | None:
        if kind is None:
            total = sum(self.injected.values())
            return sum(self.repaired.values()) / total if total else None
        n = self.injected.get(kind, 0)
        return self.repaired.get(kind, 0) / n if n else None
