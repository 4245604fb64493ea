"""The benchmark corpus: deterministic scraped-looking documents and their truths.

A document is assembled from the clean base material in
:mod:`benchmarks.texts` (or is the golden article); that clean text is its
**truth** — what the contract says ``clean()`` must return for it, ending in
one ``\\n``. Artefacts are then injected into a copy, each one an *edit* of the
truth (a span and what replaces it) whose repair the contract fully
specifies, at realistic rates. Everything is drawn from ``random.Random(seed)``,
so the same seed and size give the same corpus, byte for byte, everywhere.

Each injected artefact is recorded with its kind and its edits (in truth
coordinates), so quality can be scored per kind (see :mod:`benchmarks.scoring`).
Two edits never share a *segment*: the stretch of the truth from the last
letter or digit before the edit to the first letter or digit after it.

>>> docs = generate(30_000, seed=1)
>>> docs == generate(30_000, seed=1)
True
>>> all(d.truth.endswith("\\n") and d.raw != d.truth for d in docs)
True
"""

from __future__ import annotations

import bisect
import json
import random
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import ftfy

from . import texts

__all__ = [
    "ARTEFACT_KINDS",
    "Artefact",
    "Document",
    "Edit",
    "generate",
    "golden_document",
    "iter_documents",
    "parse_size",
    "read_corpus",
    "write_corpus",
]

T = TypeVar("T")

LOCALES = ("ru", "uk", "en", "de")
#: Share of documents per locale (Russian and English first, as the project).
LOCALE_WEIGHTS = (0.35, 0.15, 0.35, 0.15)

#: Every artefact kind, in report order, with what it looks like.
ARTEFACT_KINDS: dict[str, str] = {
    "watermark_line": "a line (or lines) holding only a repeated domain/@handle/© unit or phrase",
    "watermark_inline": "a run of a repeated domain or @handle inside a paragraph",
    "wrap_paragraph": "a paragraph broken mid-sentence (blank line) before a lowercase word",
    "wrap_line": "a hard line break mid-sentence before a lowercase word",
    "double_space": "two or more spaces (or space and tab) between words",
    "space_punct": "a space before , ; : ! ? ) or a word-ending . — or after (",
    "trailing_space": "spaces or a tab at the end of a line",
    "exotic_space": "NBSP, thin space or narrow NBSP instead of a space",
    "zero_width": "zero-width space, word joiner or stray BOM inside or between words",
    "soft_hyphen": "soft hyphen inside a word (sometimes at a line break)",
    "straight_quotes": "a quote pair typed as straight \"…\" (or '…' for inner quotes)",
    "mixed_quotes": "a quote pair in another locale's style",
    "space_in_quotes": "spaces just inside a quote pair",
    "straight_apostrophe": "English apostrophe typed as '",
    "spaced_hyphen": "a hyphen, -- or the wrong dash with spaces used as a dash",
    "escaped_dollar": "markdown-escaped \\$",
    "currency_space": "$ 500 (space after a prefix symbol) or 500€ (no space before a suffix one)",
    "html_entity": "an HTML entity (named, decimal or hex) for a character",
    "blank_lines": "runs of blank lines, whitespace-only lines, leading blank lines, "
    "no final newline",
    "mojibake": "the whole document UTF-8 decoded as cp1252 or cp1251 (one per document)",
    "crlf": "CRLF line ends (one per document)",
}
DOC_LEVEL_KINDS = ("mojibake", "crlf")

_LOWER_START = frozenset("abcdefghijklmnopqrstuvwxyzабвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґäöüß")


@dataclass(frozen=True)
class Edit:
    """Replace ``truth[start:end]`` by ``text``."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Artefact:
    """One injected artefact: its kind and its edits (none for document-level kinds)."""

    kind: str
    edits: tuple[Edit, ...] = ()


@dataclass
class Document:
    """A generated document: what a scraper would give, and what clean() must return."""

    name: str
    locale: str
    truth: str
    raw: str
    artefacts: list[Artefact] = field(default_factory=list)
    #: Strings injected as junk that carry letters (watermark units, entities):
    #: the damage check takes them out of an output before comparing letters.
    junk: tuple[str, ...] = ()
    #: The encoding the UTF-8 text was wrongly decoded with, if mojibake'd.
    mojibake: str | None = None

    @property
    def size(self) -> int:
        """Bytes of the raw document in UTF-8."""
        return len(self.raw.encode("utf-8"))

    def counts(self) -> Counter[str]:
        return Counter(a.kind for a in self.artefacts)


# ----------------------------------------------------------------------------
# Assembling a truth from blocks
# ----------------------------------------------------------------------------


@dataclass
class _Block:
    kind: str  # h1 h2 p pv list quote code
    text: str
    start: int = 0


def _paragraph(rng: random.Random, pool: tuple[str, ...]) -> str:
    return " ".join(rng.sample(pool, rng.randint(2, min(5, len(pool)))))


def _blocks(rng: random.Random, locale: str, target: int, blog: bool) -> list[_Block]:
    blocks = [_Block("h1", "# " + rng.choice(texts.TITLES[locale]))]
    pool = texts.SENTENCES[locale]
    size = len(blocks[0].text.encode())
    used_extra = False
    while size < target:
        roll = rng.random()
        if roll < 0.06 and len(blocks) > 2 and blocks[-1].kind == "p":
            block = _Block("h2", "## " + rng.choice(texts.SUBHEADINGS[locale]))
        elif roll < 0.10 and blocks[-1].kind == "p":
            items = rng.sample(texts.LIST_ITEMS[locale], rng.randint(2, 4))
            if rng.random() < 0.5:
                lines = [f"- {item}" for item in items]
            else:
                lines = [f"{i}. {item}" for i, item in enumerate(items, 1)]
            block = _Block("list", "\n".join(lines))
        elif roll < 0.12 and blocks[-1].kind == "p":
            block = _Block("quote", rng.choice(texts.BLOCK_QUOTES[locale]))
        elif blog and not used_extra and roll < 0.20 and blocks[-1].kind == "p":
            used_extra = True
            if locale in ("en", "de") and rng.random() < 0.5:
                block = _Block("code", rng.choice(texts.CODE_BLOCKS))
            else:
                extra = rng.choice(texts.VERBATIM_SENTENCES[locale])
                block = _Block("pv", _paragraph(rng, pool) + " " + extra)
        else:
            block = _Block("p", _paragraph(rng, pool))
        blocks.append(block)
        size += len(block.text.encode()) + 2
    return blocks


def _join(blocks: list[_Block]) -> str:
    pos = 0
    parts = []
    for block in blocks:
        block.start = pos
        parts.append(block.text)
        pos += len(block.text) + 2
    return "\n\n".join(parts) + "\n"


# ----------------------------------------------------------------------------
# Injecting artefacts
# ----------------------------------------------------------------------------


class _Builder:
    """Collects edits on a truth, keeping their segments apart."""

    def __init__(self, truth: str, blocks: list[_Block], locale: str, rng: random.Random):
        self.truth = truth
        self.blocks = blocks
        self.locale = locale
        self.rng = rng
        self.artefacts: list[Artefact] = []
        self.junk: list[str] = []
        self._taken: list[tuple[int, int]] = []  # sorted, inclusive segments
        self._alnum = [i for i, ch in enumerate(truth) if ch.isalnum()]

    def segment(self, edit: Edit) -> tuple[int, int]:
        """The truth positions of the letters/digits flanking an edit (-1/len at the ends)."""
        i = bisect.bisect_left(self._alnum, edit.start)
        left = self._alnum[i - 1] if i > 0 else -1
        j = bisect.bisect_left(self._alnum, edit.end)
        right = self._alnum[j] if j < len(self._alnum) else len(self.truth)
        return left, right

    def _free(self, seg: tuple[int, int]) -> bool:
        i = bisect.bisect_left(self._taken, seg)
        if i > 0 and self._taken[i - 1][1] >= seg[0]:
            return False
        return not (i < len(self._taken) and self._taken[i][0] <= seg[1])

    def add(self, kind: str, *edits: Edit) -> bool:
        segs = [self.segment(e) for e in edits]
        if not all(self._free(s) for s in segs):
            return False
        for s in segs:
            bisect.insort(self._taken, s)
        self.artefacts.append(Artefact(kind, tuple(edits)))
        return True

    def spans(self, *kinds: str) -> Iterator[tuple[int, int]]:
        for b in self.blocks:
            if b.kind in kinds:
                yield b.start, b.start + len(b.text)

    def find(self, pattern: re.Pattern[str], *kinds: str) -> list[re.Match[str]]:
        found: list[re.Match[str]] = []
        for start, end in self.spans(*(kinds or ("p",))):
            found.extend(pattern.finditer(self.truth, start, end))
        return found

    def inject(
        self,
        kind: str,
        candidates: Sequence[T],
        count: int,
        make: Callable[[T], tuple[Edit, ...] | None],
    ) -> None:
        order = list(candidates)
        self.rng.shuffle(order)
        done = 0
        for cand in order:
            if done >= count:
                break
            edits = make(cand)
            if edits and self.add(kind, *edits):
                done += 1

    def apply(self) -> str:
        edits = sorted((e for a in self.artefacts for e in a.edits), key=lambda e: e.start)
        out = []
        pos = 0
        for e in edits:
            out.append(self.truth[pos : e.start])
            out.append(e.text)
            pos = e.end
        out.append(self.truth[pos:])
        return "".join(out)


BETWEEN_WORDS_RE = re.compile(r"(?<=[^\W_]) (?=[^\W_])")
# Not before a decimal comma or a colon inside a token ("3,2", "10:30"): only
# punctuation that ends a word is spaced off.
BEFORE_PUNCT_RE = re.compile(r"(?<=[^\W_])(?=[,;:!?).](?:\s|$))")
AFTER_PAREN_RE = re.compile(r"(?<=\()(?=[^\W_])")
WRAP_SITE_RE = re.compile(r"(?<=[^\W_,]|,) (?=[^\W\d_])")
INSIDE_WORD_RE = re.compile(r"(?<=[^\W\d_]{3})(?=[^\W\d_]{3})")
IN_WORD_RE = re.compile(r"(?<=[^\W\d_])(?=[^\W\d_])")
APOSTROPHE_RE = re.compile(r"(?<=[A-Za-z])’(?=[A-Za-z])")
DOLLAR_RE = re.compile(r"\$(?=\d)")
SUFFIX_SYMBOL_RE = re.compile(r"(?<=\d) (?=[€₽₴])")
ENTITY_CHARS_RE = re.compile(r"[«»„“”‘’—–&…№]|(?<=[^\W_]) (?=[^\W_])")
BLOCK_END_RE = re.compile(r"$")

QUOTE_SETS: dict[str, tuple[tuple[str, str], tuple[str, str]]] = {
    "ru": (("«", "»"), ("„", "“")),
    "uk": (("«", "»"), ("„", "“")),
    "en": (("“", "”"), ("‘", "’")),
    "de": (("„", "“"), ("‚", "‘")),
}
MIXED_STYLES: dict[str, tuple[tuple[str, str], ...]] = {
    "ru": (("“", "”"), ("„", "“")),
    "uk": (("“", "”"), ("„", "“")),
    "en": (("«", "»"), ("„", "“")),
    "de": (("«", "»"), ("“", "”")),
}
ENTITY_NAMES = {
    "«": "laquo",
    "»": "raquo",
    "„": "bdquo",
    "“": "ldquo",
    "”": "rdquo",
    "‘": "lsquo",
    "’": "rsquo",
    "—": "mdash",
    "–": "ndash",
    "&": "amp",
    "…": "hellip",
    " ": "nbsp",
}


@dataclass(frozen=True)
class _Pair:
    open: int
    close: int
    depth: int
    nested: bool


def _quote_pairs(text: str, start: int, end: int, locale: str) -> list[_Pair]:
    """The quote pairs of a clean paragraph, with their nesting."""
    (o1, c1), (o2, c2) = QUOTE_SETS[locale]
    pairs: list[_Pair] = []
    stack: list[tuple[str, int, bool]] = []
    for i in range(start, end):
        ch = text[i]
        # A closing quote closes the innermost pair it matches; the same
        # character can open a pair in German („…“ outer, ‚…‘ inner use “ ‘ to close).
        if stack and ch == (c1 if stack[-1][0] == o1 else c2):
            if ch == "’" and i + 1 < end and text[i + 1].isalpha():
                continue  # an apostrophe, not a closing quote
            _, pos, nested = stack.pop()
            pairs.append(_Pair(pos, i, len(stack), nested))
            if stack:
                stack[-1] = (stack[-1][0], stack[-1][1], True)
        elif ch in (o1, o2):
            stack.append((ch, i, False))
    return pairs if not stack else []


def _rate(rng: random.Random, doc_share: float, per_kb: float, kb: float) -> int:
    """How many artefacts of a kind a document gets."""
    if rng.random() >= doc_share:
        return 0
    return max(1, round(per_kb * kb * rng.uniform(0.4, 1.6)))


def _watermark_run(rng: random.Random, units: Iterable[tuple[str, int]]) -> tuple[str, str]:
    unit, least = rng.choice(list(units))
    sep = rng.choice(texts.WATERMARK_SEPARATORS)
    return unit, sep.join([unit] * rng.randint(least, least + 5))


def _inject_local(b: _Builder, kb: float, hard_wrapped: bool) -> None:
    rng = b.rng
    loc = b.locale
    truth = b.truth

    # Watermark lines at block boundaries (and at the end).
    n = _rate(rng, 0.45, 0.15, kb)
    bounds = [blk.start + len(blk.text) for blk in b.blocks]

    def wm_line(pos: int) -> tuple[Edit, ...]:
        unit, run = _watermark_run(rng, texts.WATERMARK_UNITS)
        if rng.random() < 0.2:  # a run over two lines that hold nothing else
            unit, least = rng.choice(texts.WATERMARK_UNITS)
            first = rng.randint(2, least + 2)
            second = max(2, least - first + rng.randint(0, 3))
            run = " ".join([unit] * first) + "\n" + " ".join([unit] * second)
        b.junk.append(unit)
        return (Edit(pos, pos, "\n\n" + run),)

    b.inject("watermark_line", bounds, n, wm_line)

    # Inline watermark runs (domains and handles only).
    inline_units = [u for u in texts.WATERMARK_UNITS if u[1] == 3 and not u[0].startswith("©")]

    def wm_inline(m: re.Match[str]) -> tuple[Edit, ...]:
        unit, run = _watermark_run(rng, inline_units)
        b.junk.append(unit)
        return (Edit(m.start(), m.end(), f" {run} "),)

    b.inject("watermark_inline", b.find(BETWEEN_WORDS_RE), _rate(rng, 0.15, 0.1, kb), wm_inline)

    # Broken wraps: a paragraph break or a line break before a lowercase word.
    wrap_sites = [m for m in b.find(WRAP_SITE_RE) if truth[m.end()] in _LOWER_START]
    b.inject(
        "wrap_paragraph",
        wrap_sites,
        _rate(rng, 0.45, 0.25, kb),
        lambda m: (Edit(m.start(), m.end(), "\n\n"),),
    )
    b.inject(
        "wrap_line",
        wrap_sites,
        _rate(rng, 1.0, 3.0, kb) if hard_wrapped else _rate(rng, 0.3, 0.3, kb),
        lambda m: (Edit(m.start(), m.end(), "\n"),),
    )

    # Spaces.
    b.inject(
        "double_space",
        b.find(BETWEEN_WORDS_RE),
        _rate(rng, 0.6, 1.0, kb),
        lambda m: (Edit(m.start(), m.end(), rng.choice(("  ", "  ", "   ", " \t"))),),
    )
    punct_sites = b.find(BEFORE_PUNCT_RE) + b.find(AFTER_PAREN_RE)
    b.inject(
        "space_punct",
        punct_sites,
        _rate(rng, 0.5, 0.8, kb),
        lambda m: (Edit(m.start(), m.start(), " "),),
    )
    line_ends = [m.start() for m in b.find(BLOCK_END_RE, "p", "h1", "h2")]
    b.inject(
        "trailing_space",
        line_ends,
        _rate(rng, 0.4, 0.5, kb),
        lambda p: (Edit(p, p, rng.choice((" ", "  ", " \t", "\t"))),),
    )
    b.inject(
        "exotic_space",
        b.find(BETWEEN_WORDS_RE) + b.find(re.compile(r"(?<=[^\W_]) (?=[—–] )")),
        _rate(rng, 0.5, 1.0, kb),
        lambda m: (Edit(m.start(), m.end(), rng.choice(("\u00a0",) * 6 + ("\u2009", "\u202f"))),),
    )

    # Invisible characters.
    b.inject(
        "zero_width",
        b.find(IN_WORD_RE) + b.find(BETWEEN_WORDS_RE),
        _rate(rng, 0.3, 0.3, kb),
        lambda m: (
            Edit(
                m.start(),
                m.start(),
                rng.choice(("\u200b",) * 4 + ("\u2060", "\ufeff")),
            ),
        ),
    )
    b.inject(
        "soft_hyphen",
        b.find(INSIDE_WORD_RE),
        _rate(rng, 0.2, 2.0, kb),
        lambda m: (Edit(m.start(), m.start(), "\u00ad\n" if rng.random() < 0.2 else "\u00ad"),),
    )

    # Quotes.
    pairs = [p for s, e in b.spans("p") for p in _quote_pairs(truth, s, e, loc)]
    straight_share = rng.random()
    n_pairs = len(pairs)

    def straight(p: int) -> tuple[Edit, ...] | None:
        pair = pairs[p]
        if pair.nested:
            return None
        q = "'" if pair.depth and truth[pair.open] in "‘‚" else '"'
        return (Edit(pair.open, pair.open + 1, q), Edit(pair.close, pair.close + 1, q))

    if rng.random() < 0.5:
        b.inject("straight_quotes", list(range(n_pairs)), round(n_pairs * straight_share), straight)

    def mixed(p: int) -> tuple[Edit, ...] | None:
        pair = pairs[p]
        if pair.nested or pair.depth:
            return None
        o, c = rng.choice(MIXED_STYLES[loc])
        return (Edit(pair.open, pair.open + 1, o), Edit(pair.close, pair.close + 1, c))

    if rng.random() < 0.15:
        b.inject("mixed_quotes", list(range(n_pairs)), max(1, n_pairs // 3), mixed)

    def spaced(p: int) -> tuple[Edit, ...] | None:
        pair = pairs[p]
        if pair.nested or pair.depth:
            return None
        return (Edit(pair.open + 1, pair.open + 1, " "), Edit(pair.close, pair.close, " "))

    if rng.random() < 0.1:
        b.inject("space_in_quotes", list(range(n_pairs)), max(1, n_pairs // 4), spaced)

    if loc == "en" and rng.random() < 0.5:
        sites = b.find(APOSTROPHE_RE)
        b.inject(
            "straight_apostrophe",
            sites,
            len(sites),
            lambda m: (Edit(m.start(), m.end(), "'"),),
        )

    # Dashes.
    dash = "–" if loc == "de" else "—"
    dash_sites = b.find(re.compile(f"(?<= ){dash}(?= )"), "p")
    wrong = ("-", "--") if loc == "de" else ("-", "-", "--", "–")
    if rng.random() < 0.5:
        b.inject(
            "spaced_hyphen",
            dash_sites,
            max(1, round(len(dash_sites) * rng.uniform(0.3, 1.0))),
            lambda m: (Edit(m.start(), m.end(), rng.choice(wrong)),),
        )

    # Currency.
    dollars = b.find(DOLLAR_RE)
    if rng.random() < 0.4:
        b.inject(
            "escaped_dollar",
            dollars,
            max(1, len(dollars) // 2),
            lambda m: (Edit(m.start(), m.end(), "\\$"),),
        )
    if rng.random() < 0.3:
        b.inject(
            "currency_space",
            dollars + b.find(SUFFIX_SYMBOL_RE),
            2,
            lambda m: (Edit(m.start(), m.end(), "$ " if m.group() == "$" else ""),),
        )

    # HTML entities.
    def entity(m: re.Match[str]) -> tuple[Edit, ...]:
        ch = m.group()
        roll = rng.random()
        if ch in ENTITY_NAMES and (roll < 0.6 or ch == " "):
            ent = f"&{ENTITY_NAMES[ch]};"
        elif roll < 0.8:
            ent = f"&#{ord(ch)};"
        else:
            ent = f"&#x{ord(ch):x};"
        b.junk.append(ent)
        return (Edit(m.start(), m.end(), ent),)

    entity_sites = b.find(ENTITY_CHARS_RE)
    rng.shuffle(entity_sites)
    entity_sites = [m for m in entity_sites if m.group() != " "][:40] + entity_sites[:10]
    b.inject("html_entity", entity_sites, _rate(rng, 0.15, 1.0, kb), entity)

    # Blank lines: runs between blocks, at the start, no final newline.
    if rng.random() < 0.5:
        gaps = [blk.start - 2 for blk in b.blocks[1:]]
        b.inject(
            "blank_lines",
            gaps,
            _rate(rng, 1.0, 0.4, kb),
            lambda p: (Edit(p, p + 2, rng.choice(("\n\n\n", "\n\n\n\n", "\n \n\n", "\n\n\t\n"))),),
        )
        if rng.random() < 0.5:
            b.add("blank_lines", Edit(0, 0, rng.choice(("\n", "\n\n", "  \n\n"))))
        if rng.random() < 0.5:
            end = len(truth)
            b.add("blank_lines", Edit(end - 1, end, rng.choice(("", "", "\n\n", "\n \n"))))


#: ftfy as the contract configures it for the unicode step.
FTFY_CONTRACT: dict[str, Any] = {
    "uncurl_quotes": False,
    "fix_character_width": False,
    "fix_latin_ligatures": False,
}


def _mojibake(text: str, locale: str, rng: random.Random) -> str | None:
    """An encoding the text can be garbled in such that ftfy restores it exactly.

    ``ftfy.fix_text`` decides line by line, so the whole garbled text must come
    back, through ftfy as the contract configures it, to what ftfy makes of
    the ungarbled text; otherwise the document gets no mojibake.
    """
    choices = ["sloppy-windows-1252"]
    if locale in ("ru", "uk"):
        choices.append("sloppy-windows-1251")
    encoding = rng.choice(choices)
    garbled = text.encode("utf-8").decode(encoding)
    if ftfy.fix_encoding(garbled) != text:
        return None
    if ftfy.fix_text(garbled, **FTFY_CONTRACT) != ftfy.fix_text(text, **FTFY_CONTRACT):
        return None
    return encoding


def make_document(name: str, locale: str, target: int, rng: random.Random) -> Document:
    """One generated document of about ``target`` bytes."""
    blog = rng.random() < 0.3
    blocks = _blocks(rng, locale, target, blog)
    truth = _join(blocks)
    b = _Builder(truth, blocks, locale, rng)
    _inject_local(b, len(truth.encode()) / 1024, hard_wrapped=rng.random() < 0.15)
    raw = b.apply()
    doc = Document(name, locale, truth, raw, b.artefacts, tuple(dict.fromkeys(b.junk)))
    has_verbatim = any(blk.kind in ("pv", "code") for blk in blocks)
    if not has_verbatim and rng.random() < 0.08:
        encoding = _mojibake(raw, locale, rng)
        if encoding:
            doc.raw = raw.encode("utf-8").decode(encoding)
            doc.mojibake = encoding
            doc.artefacts.append(Artefact("mojibake"))
    if rng.random() < 0.15:
        doc.raw = doc.raw.replace("\n", "\r\n")
        doc.artefacts.append(Artefact("crlf"))
    return doc


# ----------------------------------------------------------------------------
# The golden article
# ----------------------------------------------------------------------------

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def golden_document() -> Document:
    """The golden article as a corpus document, its artefacts written down by hand.

    Its raw form is rebuilt from the clean one by the same edits the
    generator uses, and checked against the fixture byte for byte.
    """
    truth = (FIXTURES / "belta-baku-talks.clean.md").read_text(encoding="utf-8")
    raw_fixture = (FIXTURES / "belta-baku-talks.raw.md").read_text(encoding="utf-8")
    wm = " ".join(["WWW.BELTA.BY"] * 8)
    title_end = truth.index("\n")
    b = _Builder(truth, [], "ru", random.Random(0))

    def at(phrase: str) -> int:
        return truth.index(phrase)

    b.add("blank_lines", Edit(0, 0, "\n\n"))
    b.add("watermark_line", Edit(title_end, title_end, "\n\n\n\n" + wm))
    for phrase in ("продвинуть взаимоотношения", "рассказал журналистам"):
        p = at(phrase) + phrase.index(" ")
        b.add("wrap_paragraph", Edit(p, p + 1, "\n\n"))
    for phrase in ("», — сказал", "», — уверен"):
        p = at(phrase) + 3
        b.add("spaced_hyphen", Edit(p, p + 1, "-"))
    for phrase in ("$1 млрд", "$500 млн"):
        p = at(phrase)
        b.add("escaped_dollar", Edit(p, p + 1, "\\$"))
    b.add("blank_lines", Edit(len(truth) - 1, len(truth), ""))
    raw = b.apply()
    if raw != raw_fixture:  # pragma: no cover - the fixture is read-only
        raise RuntimeError("the golden article's edits no longer rebuild its raw form")
    return Document("0000-ru-golden", "ru", truth, raw, b.artefacts, ("WWW.BELTA.BY",))


# ----------------------------------------------------------------------------
# The corpus
# ----------------------------------------------------------------------------

_SIZE_RE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([KMG]?)B?\s*$", re.IGNORECASE)


def parse_size(text: str) -> int:
    """Bytes from ``"1MB"``, ``"500KB"``, ``"1GB"`` or a plain number.

    >>> parse_size("1MB"), parse_size("20kb"), parse_size("1024")
    (1048576, 20480, 1024)
    """
    m = _SIZE_RE.match(text)
    if not m:
        raise ValueError(f"not a size: {text!r} (use e.g. 1MB, 100MB, 1GB)")
    unit = {"": 1, "K": 1024, "M": 1024**2, "G": 1024**3}[m.group(2).upper()]
    return int(float(m.group(1)) * unit)


def iter_documents(total: int, *, seed: int = 0, golden: bool = True) -> Iterator[Document]:
    """Documents until their raw UTF-8 size reaches ``total`` bytes."""
    rng = random.Random(seed)
    size = 0
    index = 0
    if golden:
        doc = golden_document()
        size += doc.size
        index += 1
        yield doc
    while size < total:
        locale = rng.choices(LOCALES, LOCALE_WEIGHTS)[0]
        # Log-uniform between 1 and 20 KB, as news and blog pages are.
        target = int(1024 * 20 ** rng.random())
        doc = make_document(f"{index:04d}-{locale}", locale, target, random.Random(rng.random()))
        size += doc.size
        index += 1
        yield doc


def generate(total: int, *, seed: int = 0, golden: bool = True) -> list[Document]:
    """A corpus of about ``total`` bytes (UTF-8 of the raw documents)."""
    return list(iter_documents(total, seed=seed, golden=golden))


def write_corpus(docs: Iterable[Document], directory: Path) -> int:
    """Write ``NAME.raw.md``, ``NAME.truth.md`` and ``manifest.jsonl``; return the count."""
    directory.mkdir(parents=True, exist_ok=True)
    count = 0
    with (directory / "manifest.jsonl").open("w", encoding="utf-8") as manifest:
        for doc in docs:
            (directory / f"{doc.name}.raw.md").write_text(doc.raw, encoding="utf-8", newline="")
            (directory / f"{doc.name}.truth.md").write_text(doc.truth, encoding="utf-8", newline="")
            record = {
                "name": doc.name,
                "locale": doc.locale,
                "bytes": doc.size,
                "mojibake": doc.mojibake,
                "junk": list(doc.junk),
                "counts": dict(sorted(doc.counts().items())),
                "artefacts": [
                    [a.kind, [[e.start, e.end, e.text] for e in a.edits]] for a in doc.artefacts
                ],
            }
            manifest.write(json.dumps(record, ensure_ascii=False) + "\n")
            count += 1
    return count


def read_corpus(directory: Path) -> list[Document]:
    """Read a corpus written by :func:`write_corpus`."""
    docs = []
    with (directory / "manifest.jsonl").open(encoding="utf-8") as manifest:
        for line in manifest:
            rec = json.loads(line)
            name = rec["name"]
            raw = (directory / f"{name}.raw.md").read_bytes().decode("utf-8")
            truth = (directory / f"{name}.truth.md").read_bytes().decode("utf-8")
            artefacts = [
                Artefact(kind, tuple(Edit(s, e, t) for s, e, t in edits))
                for kind, edits in rec["artefacts"]
            ]
            docs.append(
                Document(
                    name, rec["locale"], truth, raw, artefacts, tuple(rec["junk"]), rec["mojibake"]
                )
            )
    return docs
