"""The ``boilerplate`` filter: what the case tables cannot say."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from textclean.filters import remove_boilerplate
from textclean.filters.boilerplate import BUTTONS, PHRASES

line = st.sampled_from(
    [
        "",
        "Advertisement",
        "ADVERTISEMENT.",
        "Реклама",
        "Фото: БЕЛТА",
        "Читайте также: новости",
        "Share | Tweet",
        "# Read more",
        "| a | b |",
        "|---|---|",
        "- Да",
        "— Да.",
        "    code()",
        "Обычный абзац текста о переговорах в Баку.",
        "Short line",
        "\ue000 link",
        "\ue001",
    ]
)


@pytest.mark.parametrize(
    "options", [{}, {"min_repeats": 2}, {"min_repeats": 0}, {"max_words": 1}, {"builtin": False}]
)
@given(parts=st.lists(line, max_size=25))
def test_idempotent_and_protected_lines_survive(
    options: dict[str, object], parts: list[str]
) -> None:
    text = "\n".join(parts)
    once = remove_boilerplate(text, **options)  # type: ignore[arg-type]
    assert remove_boilerplate(once, **options) == once  # type: ignore[arg-type]
    for protected in ["# Read more", "| a | b |", "|---|---|", "- Да", "— Да.", "    code()"]:
        assert once.count(protected) == text.count(protected), protected
    assert [c for c in once if c in "\ue000\ue001"] == [c for c in text if c in "\ue000\ue001"]


def test_every_builtin_phrase_and_button_is_recognised() -> None:
    for phrase in PHRASES:
        assert remove_boilerplate(f"A.\n{phrase.capitalize()}: x\nB.\n") == "A.\nB.\n", phrase
    for button in BUTTONS:
        assert remove_boilerplate(f"A.\n{button.upper()}\nB.\n") == "A.\nB.\n", button


def test_options() -> None:
    text = "A.\nMore from us\nB.\n"
    assert remove_boilerplate(text, phrases=("more from us",)) == "A.\nB.\n"
    assert remove_boilerplate("A.\nLike\nB.\n", buttons=("like",)) == "A.\nB.\n"
    assert remove_boilerplate("Читайте также: x\n", builtin=False) == "Читайте также: x\n"
    assert remove_boilerplate("x\nAd\nAd\n", min_repeats=2) == "x\n"
    assert remove_boilerplate("x\nOne two\nOne two\nOne two\n", max_words=1) == (
        "x\nOne two\nOne two\nOne two\n"
    )
    with pytest.raises(ValueError, match="min_repeats"):
        remove_boilerplate("x", min_repeats=1)
    with pytest.raises(ValueError, match="max_words"):
        remove_boilerplate("x", max_words=0)


def test_blank_line_around_a_removed_line() -> None:
    assert remove_boilerplate("A\n\nРеклама\n\nB") == "A\n\nB"
    assert remove_boilerplate("Реклама\n\nB") == "B"
    assert remove_boilerplate("A\nРеклама\nB") == "A\nB"
    assert remove_boilerplate("A\n\nРеклама\nB") == "A\n\nB"


@pytest.mark.parametrize(
    "hostile",
    [
        "Share\n" * 40_000,
        "Реклама\n\n" * 40_000,
        "word " * 50_000,
        "Читайте также " + "x " * 100_000,
        "\n".join(f"line {i}" for i in range(40_000)),
        "a\n" * 100_000,
    ],
    ids=lambda s: repr(s[:8]),
)
def test_hostile_input_finishes(hostile: str) -> None:
    once = remove_boilerplate(hostile)
    assert remove_boilerplate(once) == once
