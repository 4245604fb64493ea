"""Hypothesis strategies: arbitrary unicode and article-like scraped text."""

from __future__ import annotations

from collections import Counter

from hypothesis import assume
from hypothesis import strategies as st

from textclean._verbatim import mask

WORDS = [
    # ru / uk / be / en / de words, some capitalised, some with hyphens and apostrophes
    "слово",
    "Привет",
    "мир",
    "говорит",
    "экономического",
    "кто-то",
    "Минск",
    "сотрудничества",
    "привіт",
    "їжак",
    "Європа",
    "ґанок",
    "ўсім",
    "Беларусь",
    "word",
    "Hello",
    "world",
    "don't",
    "it's",
    "state-of-the-art",
    "Straße",
    "Grüße",
    "über",
    "Äpfel",
    "NET",
    "A",
    "i",
    "co-op",
]
NUMBERS = ["12", "2024", "3.14", "1,5", "500", "1 000", "2024-11-24", "10–20", "5″", "6'", "1/2"]
PUNCT = [",", ".", ";", ":", "!", "?", "(", ")", "[", "]", "…", "%", "&", "/", "*", "#"]
QUOTES = ['"', "'", "«", "»", "„", "“", "”", "‘", "’", "‚", "‹", "›"]
DASHES = ["-", "–", "—", "--", "―", "‑"]
CURRENCY = ["$", "\\$", "€", "₽", "£", "USD", "руб.", "$ 500", "500$", "\\$1 млрд"]
SPACES = [
    " ",
    "  ",
    "\t",
    "\u00a0",
    "\u2009",
    "\u202f",
    "\u3000",
    "\u200b",
    "\u00ad",
    "\u2060",
    "\ufeff",
    "\u200d",
    "\u200c",
]
ENTITIES = ["&amp;", "&nbsp;", "&quot;", "&#8212;", "&lt;b&gt;", "AT&T"]
MOJIBAKE = ["CafÃ©", "Ð¿Ñ€Ð¸Ð²ÐµÑ‚", "РџСЂРёРІРµС‚", "â€œquoteâ€\x9d"]
WATERMARKS = [
    "WWW.BELTA.BY WWW.BELTA.BY WWW.BELTA.BY",
    "belta.by | belta.by | belta.by | belta.by",
    "© Reuters © Reuters © Reuters",
    "@news @news @news",
    "Sample Sample Sample Sample Sample",
]
URLS = [
    "https://example.com/a_b?x=1&y=2",
    "http://belta.by/news/",
    "www.test.org",
    "ftp://f.example/x--y",
]
EMAILS = ["info@belta.by", "john.doe+tag@example.co.uk"]
INLINE_CODE = ["`a  ,  b`", "``x - y``", '`"q"`', "`$ 5`"]
FENCED = [
    '```\ncode  ,  x\n\n\n"q" - y   \n```',
    "~~~py\nx = 'a' -- b\n~~~",
    "```\n\u00a0&amp; WWW.X.BY WWW.X.BY WWW.X.BY\n```",
]
LINE_PREFIXES = ["", "", "", "", "# ", "## ", "- ", "* ", "1. ", "> ", "  - ", "    ", "| "]

VERBATIM = URLS + EMAILS + INLINE_CODE

token = st.one_of(
    st.sampled_from(WORDS),
    st.sampled_from(WORDS),
    st.sampled_from(WORDS),
    st.sampled_from(NUMBERS),
    st.sampled_from(PUNCT),
    st.sampled_from(QUOTES),
    st.sampled_from(DASHES),
    st.sampled_from(CURRENCY),
    st.sampled_from(ENTITIES),
    st.sampled_from(MOJIBAKE),
    st.sampled_from(URLS),
    st.sampled_from(EMAILS),
    st.sampled_from(INLINE_CODE),
)
separator = st.one_of(
    st.just(" "), st.just(" "), st.just(" "), st.just(""), st.sampled_from(SPACES)
)


@st.composite
def lines(draw: st.DrawFn) -> str:
    prefix = draw(st.sampled_from(LINE_PREFIXES))
    parts = draw(st.lists(st.tuples(token, separator), max_size=12))
    body = "".join(t + s for t, s in parts)
    return prefix + body


@st.composite
def articles(draw: st.DrawFn) -> str:
    """Text shaped like a scraped markdown article, artefacts included."""
    blocks = draw(
        st.lists(
            st.one_of(
                lines(),
                lines(),
                lines(),
                st.sampled_from(WATERMARKS),
                st.sampled_from(FENCED),
                st.sampled_from(["", "", " ", "\t"]),
            ),
            max_size=12,
        )
    )
    newline = draw(st.sampled_from(["\n", "\n", "\r\n"]))
    end = draw(st.sampled_from(["", "\n", "\n\n"]))
    return newline.join(blocks) + end


@st.composite
def articles_with_verbatim(draw: st.DrawFn) -> tuple[str, list[str]]:
    """An article with distinct verbatim spans set into it; returns the text and the spans."""
    pieces: list[str] = []
    spans: list[str] = []
    for _ in range(draw(st.integers(1, 6))):
        pieces.append(draw(lines().filter(lambda line: "`" not in line)))
        kind = draw(st.sampled_from(["inline", "fenced"]))
        if kind == "fenced":
            span = draw(st.sampled_from(FENCED))
            pieces.append("\n" + span + "\n")
        else:
            # distinct: the same URL three times in a row is a watermark, not a span to keep
            span = draw(st.sampled_from([v for v in VERBATIM if v not in spans]))
            pieces.append(" " + span + " ")
        spans.append(span)
    pieces.append(draw(lines().filter(lambda line: "`" not in line)))
    text = "".join(pieces)
    # the contract keeps a single URL; three of the same in a row are a watermark
    assume(all(text.count(span) == 1 for span in spans if span in URLS + EMAILS))
    # and each planted span is verbatim where it stands
    assume(not Counter(spans) - Counter(mask(text).spans))
    return text, spans


any_text = st.text(alphabet=st.characters(codec=None), max_size=200)
