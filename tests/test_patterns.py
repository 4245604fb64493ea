"""Shared patterns, each run straight against good and bad examples."""

from __future__ import annotations

import pytest

from textclean._patterns import (
    BLOCKQUOTE_RE,
    HEADING_RE,
    LIST_ITEM_RE,
    TABLE_ROW_RE,
    TABLE_SEPARATOR_RE,
    THEMATIC_BREAK_RE,
    is_structural_line,
)
from textclean._verbatim import BLOCK

CASES = {
    "heading": (
        HEADING_RE,
        ["# Заголовок", "### H3", "   ## indented", "#", "###### six", "#\u00a0no-break"],
        ["#hashtag", "####### seven", "    # code indent", "текст # нет"],
    ),
    "list item": (
        LIST_ITEM_RE,
        [
            "- пункт",
            "* item",
            "+ item",
            "1. один",
            "12) twelve",
            "  - nested",
            "> - quoted",
            "• bullet",
            "-",
        ],
        ["-5 °C", "--", "1.5 million", "—  dash", "word - word", "2024-11-24"],
    ),
    "block quote": (
        BLOCKQUOTE_RE,
        ["> цитата", ">", "  > indented", ">> nested"],
        ["a > b", "-> arrow"],
    ),
    "table row": (TABLE_ROW_RE, ["| a | b |", "  | x", "|---|"], ["a | b", "x|y"]),
    "table separator": (
        TABLE_SEPARATOR_RE,
        ["|---|---|", "| :-- | --: |", "--- | ---", "|-|"],
        ["---", "| a | b |", "- item", "a - b"],
    ),
    "thematic break": (
        THEMATIC_BREAK_RE,
        ["---", "***", "___", "- - -", "  ----"],
        ["--", "-- x", "**bold**", "— — —"],
    ),
}


@pytest.mark.parametrize(
    ("pattern", "text"),
    [pytest.param(p, t, id=f"{k}:{t}") for k, (p, good, _) in CASES.items() for t in good],
)
def test_pattern_matches(pattern, text: str) -> None:  # type: ignore[no-untyped-def]
    assert pattern.search(text)


@pytest.mark.parametrize(
    ("pattern", "text"),
    [pytest.param(p, t, id=f"{k}:{t}") for k, (p, _, bad) in CASES.items() for t in bad],
)
def test_pattern_does_not_match(pattern, text: str) -> None:  # type: ignore[no-untyped-def]
    assert not pattern.search(text)


@pytest.mark.parametrize(
    "line", ["# H", "- item", "1. one", "> quote", "| a |", "---", BLOCK, f"  {BLOCK}"]
)
def test_structural_lines(line: str) -> None:
    assert is_structural_line(line)


@pytest.mark.parametrize("line", ["текст", "", "   ", "слово - слово", "#tag", "-5 градусов"])
def test_plain_lines(line: str) -> None:
    assert not is_structural_line(line)


def test_no_structural_marker_starts_with_a_letter() -> None:
    # is_structural_line() returns False early for a line whose first
    # character (after spaces and tabs) is a letter: check that every
    # pattern it would otherwise try agrees, for every letter there is.
    import sys

    from textclean._patterns import (
        BLOCKQUOTE_RE,
        HEADING_RE,
        LIST_ITEM_RE,
        TABLE_ROW_RE,
        THEMATIC_BREAK_RE,
    )

    patterns = (HEADING_RE, LIST_ITEM_RE, BLOCKQUOTE_RE, TABLE_ROW_RE, THEMATIC_BREAK_RE)
    for cp in range(sys.maxunicode + 1):
        ch = chr(cp)
        if ch.isalpha():
            for line in (ch + " x", " \t" + ch + ". x"):
                assert not any(p.match(line) for p in patterns), (hex(cp), line)
