"""The ``unicode`` filter: what the case tables cannot say."""

from __future__ import annotations

import itertools
import re

import ftfy
import pytest
from ftfy.badness import MOJIBAKE_CATEGORIES, is_bad
from hypothesis import given
from hypothesis import strategies as st

from textclean import get_filter
from textclean.filters import fix_unicode
from textclean.filters.unicode import (
    _CONFIG,
    _CONTROL_RE,
    _ENTITY_RE,
    _NEEDS_RE,
    _SUSPECT,
    _SUSPECT_RE,
    _bad_near,
    _ftfy_segment,
    _is_bad,
    _repair,
)

FUNCTION = get_filter("unicode").function

# ----- the fast mojibake gate is exactly ftfy's is_bad -----------------------


def _expand(cls: str) -> set[str]:
    return {chr(i) for i in range(0x3000) if re.fullmatch(f"[{cls}]", chr(i))}


_CATEGORY_SETS = {k: _expand(v) for k, v in MOJIBAKE_CATEGORIES.items()}
# Characters BADNESS_RE names one by one, and a few plain ones.
_LITERALS = set(
    "ÂÃÎÐØÙŒœ°µ×√≈‚€βΒΓΞΟВГРСЂўā²³¹¼½¾ŸŠš¢£ž®©·»«–—´¡àâóäêìîïòôúùû†π±∂≠™≤≥¥øÄ\xa0\xad .?!,"
)
_ALPHABET = set().union(*_CATEGORY_SETS.values()) | _LITERALS | set("aZ1_\n")


def _representatives() -> list[str]:
    """One character per class of characters both patterns treat alike."""
    groups: dict[object, str] = {}
    for c in sorted(_ALPHABET):
        sig: object = (
            (c,)
            if c in _LITERALS
            else (
                tuple(c in s for s in _CATEGORY_SETS.values()),
                c.isascii() and c.islower(),
                c.isascii() and c.isupper(),
                c.isspace(),
                bool(re.match(r"\w", c)),
            )
        )
        groups.setdefault(sig, c)
    return sorted(groups.values())


REPS = _representatives()


def test_is_bad_gate_is_exact_on_every_pair() -> None:
    for a, b in itertools.product(sorted(_ALPHABET), repeat=2):
        s = a + b
        assert _is_bad(s) == is_bad(s), repr(s)


def test_is_bad_gate_is_exact_on_every_triple_of_representatives() -> None:
    for t in itertools.product(REPS, repeat=3):
        s = "".join(t)
        assert _is_bad(s) == is_bad(s), repr(s)


@given(st.text(alphabet=st.sampled_from(sorted(_ALPHABET)), min_size=1, max_size=30))
def test_is_bad_gate_is_exact_on_random_strings(s: str) -> None:
    assert _is_bad(s) == is_bad(s)
    if is_bad(s):
        # Some suspect position has a bad window around it.
        assert any(_bad_near(s, m.start()) for m in _SUSPECT_RE.finditer(s))


def test_suspect_re_good_and_bad() -> None:
    for good in ["Ã", "\x81", "¦", "üß", "„Ü", "С»", "аÀ", "вЂ", "â€", "Â "]:
        assert _SUSPECT_RE.search(good), good
    for bad in ["Привет", "Grüsse", "«ТАСС»"[:-1], "„Müller“", "Straße", "“hi”", "слово»"]:
        assert not _SUSPECT_RE.search(bad), bad


# ----- the scan pattern is the plain alternation, rearranged -----------------


def _plain_needs_re(entities: bool, mojibake: bool) -> re.Pattern[str]:
    """_NEEDS_RE as first written: one named alternative per kind, in order."""
    return re.compile(
        "|".join(
            [f"(?P<control>{_CONTROL_RE.pattern})"]
            + ([f"(?P<entity>{_ENTITY_RE.pattern})"] if entities else [])
            + ([f"(?P<suspect>{_SUSPECT})"] if mojibake else [])
        )
    )


def _scan(pattern: re.Pattern[str], text: str) -> list[tuple[int, str | None]]:
    return [(m.start(), m.lastgroup) for m in pattern.finditer(text)]


_SCAN_ALPHABET = sorted(_ALPHABET | set("&#;x0123456789abAB\x00\x1b\x7f\x85\u2028\ufeff"))


@pytest.mark.parametrize("options", list(_NEEDS_RE))
def test_needs_re_finds_what_the_plain_alternation_finds_at_every_code_point(
    options: tuple[bool, bool],
) -> None:
    every = "".join(map(chr, range(0x110000)))
    assert _scan(_NEEDS_RE[options], every) == _scan(_plain_needs_re(*options), every)


@given(st.text(alphabet=st.sampled_from(_SCAN_ALPHABET), max_size=40))
def test_needs_re_finds_what_the_plain_alternation_finds(text: str) -> None:
    for options, pattern in _NEEDS_RE.items():
        assert _scan(pattern, text) == _scan(_plain_needs_re(*options), text)


# ----- the fast repair is exactly ftfy's -------------------------------------

_PIECES = [
    "CafÃ©",
    "РџСЂРёРІРµС‚",
    "Ð¿Ñ€Ð¸Ð²ÐµÑ‚",
    "â€œquoteâ€",
    "GrÃ¼ÃŸe",
    "&amp;",
    "&amp;lt;",
    "&#8212;",
    "&nbsp;",
    "&#x1b;",
    "&#133;",
    "AT&T",
    "\x00",
    "\x1b[31m",
    "\x92",
    "\x85",
    "\u2028",
    "\ufeff",
    "e\u0301",
    "ﬁ",
    "ＡＢＣ",
    "“x”",
    "«ТАСС»",
    "üß",
    "Привет",
    "word",
    " ",
    "\t",
    "\n",
    "½",
    "€",
    "Ã ",
]
pieces_text = st.lists(st.sampled_from(_PIECES), max_size=12).map("".join)


@pytest.mark.parametrize(
    ("entities", "mojibake", "form"),
    [(True, True, "NFC"), (False, True, "NFC"), (True, False, None), (True, True, "NFKC")],
)
@given(text=pieces_text)
def test_segment_repair_equals_ftfy(
    entities: bool, mojibake: bool, form: str | None, text: str
) -> None:
    config = _CONFIG._replace(
        unescape_html=entities,
        fix_encoding=mojibake,
        fix_c1_controls=mojibake,
        normalization=form,
    )
    for segment in text.split("\n"):
        assert _ftfy_segment(segment, entities, mojibake, form) == ftfy.fix_text_segment(  # type: ignore[arg-type]
            segment, config
        )


@given(text=pieces_text)
def test_one_round_equals_ftfy_fix_text(text: str) -> None:
    # Without the characters textclean treats beyond ftfy (VT, FF, C1 leftovers).
    assert _repair(text, _NEEDS_RE[(True, True)], True, True, "NFC") == ftfy.fix_text(text, _CONFIG)


# ----- properties and options ------------------------------------------------


@given(text=pieces_text)
def test_idempotent_on_mojibake_and_entities(text: str) -> None:
    once = fix_unicode(text)
    assert fix_unicode(once) == once


def test_normalization_option() -> None:
    assert fix_unicode("ﬁ ①", normalization="NFKC") == "fi 1"
    assert fix_unicode("ﬁ ①", normalization="nfc") == "ﬁ ①"
    assert fix_unicode("e\u0301", normalization="none") == "e\u0301"
    with pytest.raises(ValueError, match="normalization"):
        fix_unicode("x", normalization="NFD")


def test_clean_text_is_returned_as_is() -> None:
    text = "Президент «Беларуси» провел переговоры, — сообщает БЕЛТА.\n" * 50
    assert FUNCTION(text) is text


def test_placeholders_are_never_created() -> None:
    assert fix_unicode("&#xe000; &amp; &#57345;") == "&#xe000; &amp; &#57345;"
    assert fix_unicode("a\ue000b &amp;") == "a\ue000b &"


def test_no_repair_invents_unassigned_characters() -> None:
    assert fix_unicode("а Î€") == "а Î€"
    once = fix_unicode("а Î\x80")
    assert "\u0380" not in once and "\x80" not in once
    assert fix_unicode(once) == once


def test_only_bad_lines_change() -> None:
    text = "Grüße süß\nCafÃ©\n«ТАСС»\n"
    assert fix_unicode(text) == "Grüße süß\nCafé\n«ТАСС»\n"


@pytest.mark.parametrize(
    "hostile",
    [
        "Ã" * 200_000,
        "Ã©" * 100_000,
        "РџСЂ" * 50_000,
        "&amp;" * 40_000,
        "&" * 200_000,
        "üß" * 100_000,
        "„Ü" * 100_000,
        "\x00\x1b[" * 70_000,
        ("CafÃ© &amp; x\n" * 15_000),
        "e\u0301" * 100_000,
    ],
    ids=lambda s: repr(s[:8]),
)
def test_hostile_input_finishes(hostile: str) -> None:
    once = fix_unicode(hostile)
    assert isinstance(once, str)
