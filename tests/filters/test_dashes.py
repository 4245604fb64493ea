"""The dashes filter: options, patterns, hostile input, properties."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from textclean.filters.dashes import (
    _KNOWN_RANGES,
    _LEFT_KNOWN,
    _MARKER_STARTS,
    _RIGHT_KNOWN,
    LEFT_CHAR_RE,
    LINE_MARKERS_RE,
    RIGHT_CHAR_RE,
    SPACED_DASH_RE,
    _candidates,
    fix_dashes,
)

LOCALES = ["ru", "uk", "be", "en", "de"]
ALPHABET = [
    "-",
    "–",
    "—",
    "--",
    " ",
    " ",
    " ",
    "\u00a0",
    "\t",
    "\n",
    "a",
    "Слово",
    "5",
    "2024",
    ",",
    "»",
    "«",
    "*",
    "> ",
    "1. ",
    "|",
    "%",
    "$",
    "\ue000",
]


@pytest.mark.parametrize(
    ("locale", "want"),
    [("ru", "a — b"), ("uk", "a — b"), ("be", "a — b"), ("en", "a — b"), ("de", "a – b")],
)
def test_dash_per_locale(locale: str, want: str) -> None:
    for dash in ("-", "–", "--"):
        assert fix_dashes(f"a {dash} b", locale=locale) == want


def test_german_keeps_a_spaced_em_dash() -> None:
    assert fix_dashes("a — b", locale="de") == "a — b"
    assert fix_dashes("a  —  b", locale="ru") == "a — b"


def test_locale_none_leaves_text() -> None:
    assert fix_dashes("a - b", locale=None) == "a - b"
    assert fix_dashes("東京 - 大阪") == "東京 - 大阪"  # no locale detected


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (" - ", ["-"]),
        (" -- ", ["--"]),
        (" – ", ["–"]),
        ("\u00a0— ", ["—"]),
        (" --- ", []),
        ("a-b", []),
        (" -5", []),
        ("\t-\t", []),
    ],
)
def test_spaced_dash_pattern(text: str, found: list[str]) -> None:
    assert [m.group("dash") for m in SPACED_DASH_RE.finditer(text)] == found


@given(text=st.lists(st.sampled_from([*ALPHABET, "---", " - -", "-- -", "\u2009"])).map("".join))
def test_fast_candidates_are_the_pattern_matches(text: str) -> None:
    assert _candidates(text) == [m.span() for m in SPACED_DASH_RE.finditer(text)]


def test_known_sets_are_the_patterns() -> None:
    for span in _KNOWN_RANGES:
        for code in span:
            char = chr(code)
            assert (char in _LEFT_KNOWN) == bool(LEFT_CHAR_RE.match(char))
            assert (char in _RIGHT_KNOWN) == bool(RIGHT_CHAR_RE.match(char))


def test_lines_without_marker_starts_have_no_markers() -> None:
    for code in range(0x660):
        char = chr(code)
        if char not in _MARKER_STARTS:
            m = LINE_MARKERS_RE.match(char + " x")
            assert m is not None
            assert m.end() == 0, hex(code)


@pytest.mark.parametrize(
    ("line", "end"),
    [
        ("- item", 2),
        ("* - item", 4),
        ("> - item", 4),
        ("1. - item", 5),
        ("  - nested", 4),
        ("**bold** - x", 0),
        ("word - word", 0),
        ("-5 °C", 0),
    ],
)
def test_line_markers_pattern(line: str, end: int) -> None:
    m = LINE_MARKERS_RE.match(line)
    assert m is not None
    assert m.end() == end


@pytest.mark.parametrize(
    "hostile",
    [
        "a - " * 50_000,
        "* - " * 50_000,
        "a" + " " * 200_000 + "- b",
        "5 - 3 " * 40_000,
        "a - b\n" * 40_000,
        "- " * 100_000,
        "a\u00a0" * 100_000,
    ],
)
def test_hostile_input_finishes(hostile: str) -> None:
    assert isinstance(fix_dashes(hostile, locale="ru"), str)


@pytest.mark.parametrize("locale", LOCALES)
@given(text=st.lists(st.sampled_from(ALPHABET), max_size=30).map("".join))
def test_idempotent_and_keeps_letters_in_every_locale(locale: str, text: str) -> None:
    once = fix_dashes(text, locale=locale)
    assert fix_dashes(once, locale=locale) == once
    assert [c for c in once if c.isalnum()] == [c for c in text if c.isalnum()]
    assert once.count("\n") == text.count("\n")
