"""The ``blank_lines`` filter: what the case tables cannot say."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from textclean.filters import fix_blank_lines
from textclean.filters.blank_lines import BLANK_RUN_RE, LEADING_BLANK_RE, SPACE_LINE_RE

lines = st.lists(
    st.one_of(
        st.sampled_from(["", " ", "\t", "\u00a0", "\u3000 ", "\x0c", "  "]),
        st.sampled_from(["текст", "  indented", "- item", "# Heading", "word  ", "\ue001"]),
    ),
    max_size=20,
)


def test_patterns_good_and_bad() -> None:
    for good in ["\n\n", "\n \n", "\n\t\u00a0\n\n"]:
        assert BLANK_RUN_RE.fullmatch(good), repr(good)
    for bad in ["\n", "\nx\n", " \n"]:
        assert not BLANK_RUN_RE.fullmatch(bad), repr(bad)
    assert SPACE_LINE_RE.search("a\n \nb") and not SPACE_LINE_RE.search("a\n\nb")
    assert LEADING_BLANK_RE.match(" \n\t\nx").end() == 4  # type: ignore[union-attr]
    assert LEADING_BLANK_RE.match("  x") is None


@pytest.mark.parametrize("max_blank", [0, 1, 2, 3])
@given(parts=lines, end=st.sampled_from(["", "\n", "\n\n", " \n "]))
def test_shape_of_the_result(max_blank: int, parts: list[str], end: str) -> None:
    text = "\n".join(parts) + end
    once = fix_blank_lines(text, max_blank=max_blank)
    assert fix_blank_lines(once, max_blank=max_blank) == once
    content = [line for line in text.split("\n") if line and not line.isspace()]
    if not content:
        assert once == ""
        return
    assert once.endswith("\n") and not once.endswith("\n\n")
    out_lines = once[:-1].split("\n")
    assert [line for line in out_lines if line] == content
    assert out_lines[0] and out_lines[-1]
    assert all(line == "" or not line.isspace() for line in out_lines)
    assert "\n" * (max_blank + 2) not in once


def test_negative_max_blank_is_refused() -> None:
    with pytest.raises(ValueError, match="max_blank"):
        fix_blank_lines("a", max_blank=-1)


@pytest.mark.parametrize(
    "hostile",
    [
        "\n" * 200_000,
        " \n" * 100_000,
        " " * 200_000 + "x",
        "x" + " \t" * 100_000,
        "a\n\n\n" * 50_000,
    ],
    ids=lambda s: repr(s[:8]),
)
def test_hostile_input_finishes(hostile: str) -> None:
    once = fix_blank_lines(hostile)
    assert fix_blank_lines(once) == once
