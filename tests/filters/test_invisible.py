"""The ``invisible`` filter: what the case tables cannot say."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from textclean.filters import remove_invisible
from textclean.filters.invisible import INVISIBLE

# ZWNJ, ZWJ, directional marks, embeddings and isolates, ALM, CGJ, MVS, VS16.
KEPT = (
    "\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
    "\u2066\u2067\u2068\u2069\u061c\u034f\u180e\ufe0f"
)

words = st.text(alphabet="абвгдежзийклмнопрстуфхцчшщъыьэюяіїєґўabcxyzäöüß", min_size=1, max_size=8)


def test_every_listed_character_goes() -> None:
    for ch in INVISIBLE:
        assert remove_invisible(f"a{ch}b") == "ab", hex(ord(ch))


def test_kept_characters_stay() -> None:
    for ch in KEPT:
        assert remove_invisible(f"a{ch}b") == f"a{ch}b", hex(ord(ch))


def test_clean_text_is_returned_as_is() -> None:
    text = "Обычный текст без невидимых символов.\n" * 20
    assert remove_invisible(text) == text


@given(left=words, right=words, gap=st.sampled_from(["\n", " \n", "\n  ", "\t\n\t", "\u200b\n"]))
def test_soft_hyphen_at_a_line_break_joins_the_word(left: str, right: str, gap: str) -> None:
    assert remove_invisible(f"x {left}\u00ad{gap}{right} y") == f"x {left}{right} y"


@given(
    left=words,
    right=words,
    prefix=st.sampled_from(["- ", "* ", "1. ", "> ", "# ", "| ", "\ue001"]),
)
def test_never_joined_onto_a_structural_line(left: str, right: str, prefix: str) -> None:
    text = f"{left}\u00ad\n{prefix}{right}"
    out = remove_invisible(text)
    assert out.split("\n")[1].startswith(prefix.strip() or prefix)
    assert "\u00ad" not in out


@given(text=st.text(alphabet=st.sampled_from(list("ab \n-#|>\t") + list(INVISIBLE) + list(KEPT))))
def test_idempotent_and_only_invisibles_or_gaps_go(text: str) -> None:
    once = remove_invisible(text)
    assert remove_invisible(once) == once
    assert not any(ch in once for ch in INVISIBLE)
    assert [c for c in once if c not in " \t\n"] == [
        c for c in text if c not in INVISIBLE and c not in " \t\n"
    ]


@pytest.mark.parametrize(
    "hostile",
    [
        "\u00ad" * 200_000,
        "a\u00ad\n" * 70_000,
        "a\u00ad" + "\n" * 200_000 + "b",
        "a\u00ad\n\n\n\n" * 40_000,
        "a" + "\u00ad \t" * 70_000 + "\nb",
        "\u200b\u2060\ufeff" * 70_000,
    ],
    ids=lambda s: repr(s[:8]),
)
def test_hostile_input_finishes(hostile: str) -> None:
    once = remove_invisible(hostile)
    assert remove_invisible(once) == once
