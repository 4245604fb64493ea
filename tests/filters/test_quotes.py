"""The quotes and ascii_quotes filters: options, patterns, hostile input, properties."""

from __future__ import annotations

import re

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

from textclean.filters.quotes import (
    _WORD_CHARS,
    _WORD_MORE,
    APOSTROPHE_RE,
    ELISION_RE,
    QUOTE_RUN_RE,
    _runs,
    ascii_quotes,
    fix_quotes,
)

LOCALES = ["ru", "uk", "be", "en", "de"]
QUOTE_ALPHABET = (
    list("\"'«»„“”‘’‚‹›") * 3
    + list("ab5 .,;:!?()-—*_|>\n")
    + [
        "Привет",
        "don't",
        "\n\n",
        "- ",
        "# ",
        " ",
    ]
)


def test_marks_per_locale() -> None:
    text = "\"Outer 'inner' text\""
    assert fix_quotes(text, locale="ru") == "«Outer „inner“ text»"
    assert fix_quotes(text, locale="uk") == "«Outer „inner“ text»"
    assert fix_quotes(text, locale="be") == "«Outer „inner“ text»"
    assert fix_quotes(text, locale="en") == "“Outer ‘inner’ text”"
    assert fix_quotes(text, locale="de") == "„Outer ‚inner‘ text“"


def test_deeper_levels_alternate() -> None:
    text = '"a "b "c" b" a"'
    assert fix_quotes(text, locale="ru") == "«a „b «c» b“ a»"


def test_locale_none_and_auto() -> None:
    assert fix_quotes('"Привет"', locale=None) == '"Привет"'
    assert fix_quotes('"Привет"') == "«Привет»"
    assert fix_quotes('"東京"') == '"東京"'  # no locale detected: left as it is


def test_apostrophes_only_in_english() -> None:
    assert fix_quotes("don't", locale="en") == "don’t"
    for locale in ("ru", "uk", "be", "de"):
        assert fix_quotes("м'ясо don't", locale=locale) == "м'ясо don't"


@pytest.mark.parametrize(
    ("text", "good"),
    [
        ("'90s", True),
        ("'90", True),
        ("'em", True),
        ("'til", True),
        ("'n'", True),
        ("'Cause", True),
        ("'90s'", False),
        ("'1990", False),
        ("'emma", False),
        ("'no'", False),
    ],
)
def test_elision_pattern(text: str, good: bool) -> None:
    assert (ELISION_RE.match(text, 1) is not None) is good


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("don't", 1),
        ("O'Neil", 1),
        ("5'11", 0),
        ("'a'", 0),
        ("a' b", 0),
        ("a‘b", 1),
        ("\ue000's", 0),
    ],
)
def test_apostrophe_pattern(text: str, count: int) -> None:
    assert len(APOSTROPHE_RE.findall(text)) == count


@pytest.mark.parametrize(
    ("text", "runs"),
    [
        ('"a"', ['"', '"']),
        ("don't", []),
        ("м'ясо", []),
        ('**"a"**', ['**"', '"**']),
        ('"«a»"', ['"«', '»"']),
        ("a' b", ["'"]),
    ],
)
def test_quote_run_pattern(text: str, runs: list[str]) -> None:
    assert [m.group() for m in QUOTE_RUN_RE.finditer(text)] == runs


@given(
    text=st.lists(st.sampled_from([*QUOTE_ALPHABET, "\ue000", "м'", "5'1", "a'\ue000"])).map(
        "".join
    )
)
def test_fast_run_scan_finds_what_the_pattern_finds(text: str) -> None:
    assert _runs(text) == [m.span() for m in QUOTE_RUN_RE.finditer(text)]


@pytest.mark.parametrize(
    "hostile",
    [
        "« " * 50_000 + "» " * 50_000,
        '"(' * 50_000 + ')"' * 50_000,
        '" ' * 100_000,
        '"a" ' * 50_000,
        '"' * 200_000,
        "*" * 100_000 + '"' + "*" * 100_000,
        '- "a\n' * 40_000,
        '"\n' * 100_000,
        "don't '" * 30_000,
    ],
)
def test_hostile_input_finishes(hostile: str) -> None:
    for locale in ("ru", "en"):
        assert isinstance(fix_quotes(hostile, locale=locale), str)


@pytest.mark.parametrize("locale", LOCALES)
@given(text=st.lists(st.sampled_from(QUOTE_ALPHABET), max_size=30).map("".join))
def test_idempotent_and_keeps_letters_in_every_locale(locale: str, text: str) -> None:
    once = fix_quotes(text, locale=locale)
    assert fix_quotes(once, locale=locale) == once
    assert [c for c in once if c.isalnum()] == [c for c in text if c.isalnum()]


def test_ascii_quotes() -> None:
    assert ascii_quotes("«a „b“» ‘c’ it’s ‹d›") == "\"a \"b\"\" 'c' it's 'd'"
    assert ascii_quotes("6′ 2″ ʼ") == "6′ 2″ ʼ"


@given(text=st.lists(st.sampled_from([*QUOTE_ALPHABET, "′", "″", "ʼ"]), max_size=30).map("".join))
def test_ascii_quotes_leaves_no_typographic_quote(text: str) -> None:
    out = ascii_quotes(text)
    assert not set(out) & set("«»„“”‘’‚‹›")
    assert ascii_quotes(out) == out


def test_fast_word_class_is_within_the_word_classes() -> None:
    fast_word = re.compile(f"[{_WORD_CHARS}]")
    fast_letter = re.compile(f"[A-Za-z{_WORD_MORE}]")
    word = regex.compile(r"[\p{L}\p{N}\p{M}]")
    letter = regex.compile(r"[\p{L}\p{M}]")
    for code in range(0x110000):
        char = chr(code)
        if fast_word.match(char):
            assert word.match(char), hex(code)
        if fast_letter.match(char):
            assert letter.match(char), hex(code)
        if code < 0x80:  # ASCII: the fast classes are exact
            assert bool(fast_word.match(char)) == bool(word.match(char)), hex(code)
            assert bool(fast_letter.match(char)) == bool(letter.match(char)), hex(code)
