"""The ``unicode`` filter: what the case tables cannot say."""

from __future__ import annotations

import itertools
import re
import unicodedata

import ftfy
import pytest
from ftfy import chardata
from ftfy.badness import MOJIBAKE_CATEGORIES, is_bad
from hypothesis import given
from hypothesis import strategies as st

from textclean import get_filter
from textclean.filters import fix_unicode
from textclean.filters.unicode import (
    _ALTERED_UTF8_RE,
    _CONFIG,
    _CONTROLS,
    _ENTITY_RE,
    _JUNK_RE,
    _SUSPECT,
    _SUSPECT_RE,
    _fix_encoding,
    _ftfy_segment,
    _gate,
    _is_bad,
    _maybe_junk_re,
    _not_nfc,
    _repair_round,
    _repair_segment,
    _settled,
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


@given(st.text(alphabet=st.sampled_from(sorted(_ALPHABET)), min_size=1, max_size=60))
def test_is_bad_gate_is_exact_on_random_strings(s: str) -> None:
    assert _is_bad(s) == is_bad(s)


def test_is_bad_gate_is_exact_past_its_window_limit() -> None:
    for s in ["üß" * 20, "üß" * 20 + "Ã©", "Ã©" + "üß" * 20, "„Ü " * 30 + "CafÃ©"]:
        assert _is_bad(s) == is_bad(s), s


def test_suspect_re_good_and_bad() -> None:
    for good in ["Ã", "\x81", "¦", "üß", "„Ü", "С»", "аÀ", "вЂ", "â€", "Â "]:
        assert _SUSPECT_RE.search(good), good
    for bad in ["Привет", "Grüsse", "«ТАСС»"[:-1], "„Müller“", "Straße", "“hi”", "слово»"]:
        assert not _SUSPECT_RE.search(bad), bad


# ----- the gate finds what the plain alternation finds ---------------------

_ASTRAL = "\U00010000-\U0010ffff"
GATE_OPTIONS = list(itertools.product([True, False], repeat=3))


def _plain_gate(entities: bool, mojibake: bool, nfc: bool) -> re.Pattern[str]:
    """_gate as first written: one alternative per kind, in order."""
    alone = _CONTROLS + (_not_nfc() + _ASTRAL if nfc else "")
    return re.compile(
        "|".join(
            [f"[{alone}]"]
            + ([_ENTITY_RE.pattern] if entities else [])
            + ([_SUSPECT] if mojibake else [])
        )
    )


def _starts(pattern: re.Pattern[str], text: str) -> list[int]:
    return [m.start() for m in pattern.finditer(text)]


_SCAN_ALPHABET = sorted(
    _ALPHABET | set("&#;x0123456789abAB\x00\x1b\x7f\x85\u2028\ufeff\u0301\u1161\U0001d165😀")
)


@pytest.mark.parametrize("options", GATE_OPTIONS)
def test_gate_finds_what_the_plain_alternation_finds_at_every_code_point(
    options: tuple[bool, bool, bool],
) -> None:
    every = "".join(map(chr, range(0x110000)))
    assert _starts(_gate(*options), every) == _starts(_plain_gate(*options), every)


@given(st.text(alphabet=st.sampled_from(_SCAN_ALPHABET), max_size=40))
def test_gate_finds_what_the_plain_alternation_finds(text: str) -> None:
    for options in GATE_OPTIONS:
        assert _starts(_gate(*options), text) == _starts(_plain_gate(*options), text)


def test_not_nfc_holds_every_character_that_can_change_under_nfc() -> None:
    not_nfc = re.compile(f"[{_not_nfc()}]")
    for cp in range(0x10000):
        c = chr(cp)
        if unicodedata.combining(c) or not unicodedata.is_normalized("NFC", c):
            assert not_nfc.match(c), hex(cp)
        decomposition = unicodedata.decomposition(c)
        if decomposition and not decomposition.startswith("<"):
            for h in decomposition.split()[1:]:
                assert not_nfc.match(chr(int(h, 16))), (hex(cp), h)
    # Hangul: a leading consonant and a vowel compose, and so do a syllable
    # without a final consonant and a final consonant.
    for pair in ["\u1100\u1161", "\uac00\u11a8"]:
        assert not unicodedata.is_normalized("NFC", pair)
        assert not_nfc.search(pair)


_NFC_ALPHABET = sorted(
    set("aeoAEOuUиеИЕкгçÇ가각<=>")
    | set("\u1100\u1161\u11a8\u0300\u0301\u0306\u0308\u0327\u0338")
    | set("\u09c7\u09be\u0b47\u0b3e\u212b\uf900")
)


@given(st.text(alphabet=st.sampled_from(_NFC_ALPHABET), max_size=12))
def test_text_the_gate_passes_is_nfc(text: str) -> None:
    if not _gate(False, False, True).search(text):
        assert unicodedata.is_normalized("NFC", text)


def test_junk_prefilter_holds_every_junk_character() -> None:
    every = "".join(map(chr, range(0x110000)))
    maybe = _maybe_junk_re()
    for c in _JUNK_RE.findall(every):
        assert maybe.match(c), hex(ord(c))


def test_altered_utf8_pattern_matches_where_ftfys_does() -> None:
    alphabet = bytes(
        [0x20, 0x41, 0x80, 0x85, 0xA0, 0xA1, 0xBF, 0xC2, 0xC4, 0xD0, 0xE0, 0xE2, 0xE4, 0xF0]
    )
    for n in range(1, 5):
        for t in itertools.product(alphabet, repeat=n):
            b = bytes(t)
            assert bool(_ALTERED_UTF8_RE.search(b)) == bool(chardata.ALTERED_UTF8_RE.search(b)), b


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
    "Ã\xa0",
    "Ð ",
    "â€\x9d",
    "â€�",
    "\ufffd",
    "?",
    "Ã?",
    "\x1a",
    "í•œêµ­",
    "ÃƒÂ©",
    "РЎР»РѕРІРѕ Ð¿Ñ€Ð¸",
    "\x0b",
    "\x0c",
    "&#10;",
    "\ue000",
    "\ue001",
    "ﬁ",
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
def test_fix_encoding_equals_ftfy(text: str) -> None:
    for segment in text.split("\n"):
        assert _fix_encoding(segment) == ftfy.fix_encoding(segment)


@given(text=pieces_text.filter(lambda t: not any(c in t for c in "\x0b\x0c\x1a\x9d\ue000\ue001")))
def test_one_round_equals_ftfy_fix_text(text: str) -> None:
    # Without the characters textclean treats beyond ftfy (VT, FF, C1 leftovers).
    fixed, _ = _repair_round(text, [(0, len(text))], _gate(True, True, True), True, True, "NFC")
    assert fixed == ftfy.fix_text(text, _CONFIG)


def _reference(text: str, entities: bool, mojibake: bool, form: str | None) -> str:
    """fix_unicode as plainly as it can be said: each stretch between placeholders
    on its own, in rounds over every line, no gate."""
    return "".join(
        _plain_rounds(part, entities, mojibake, form) if i % 2 == 0 else part
        for i, part in enumerate(re.split("([\ue000\ue001])", text))
    )


def _plain_rounds(text: str, entities: bool, mojibake: bool, form: str | None) -> str:
    for _ in range(4):
        parts = text.split("\n")
        lines = [part + "\n" for part in parts[:-1]] + [parts[-1]]
        fixed = "".join(
            _repair_segment(line, entities, mojibake, form)  # type: ignore[arg-type]
            if (entities and _ENTITY_RE.search(line)) or not _settled(line, mojibake, form)  # type: ignore[arg-type]
            else line
            for line in lines
        )
        if fixed == text:
            break
        text = fixed
    return text


@pytest.mark.parametrize(
    ("entities", "mojibake", "normalization"),
    [(True, True, "NFC"), (False, True, "NFC"), (True, False, "none"), (True, True, "NFKC")],
)
@given(text=pieces_text)
def test_fix_unicode_equals_the_plain_line_by_line_rounds(
    entities: bool, mojibake: bool, normalization: str, text: str
) -> None:
    form = None if normalization == "none" else normalization
    assert FUNCTION(
        text, entities=entities, mojibake=mojibake, normalization=normalization
    ) == _reference(text, entities, mojibake, form)


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


def test_placeholders_end_lines() -> None:
    # The registered function gets masked text: each stretch between
    # placeholders is repaired on its own.
    assert FUNCTION("CafÃ©\ue000CafÃ©\ue001&amp;") == "Café\ue000Café\ue001&"
    assert FUNCTION("Ã\ue000©") == "Ã\ue000©"
    assert (
        FUNCTION("\ue000\ue001ﬁ\ue000\n\ue001", normalization="NFKC")
        == "\ue000\ue001fi\ue000\n\ue001"
    )


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
