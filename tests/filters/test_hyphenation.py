"""The opt-in ``hyphenation`` filter: what the case tables cannot say."""

from __future__ import annotations

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

import textclean
from textclean import FilterError, get_filter
from textclean.filters import join_hyphenated
from textclean.filters.hyphenation import (
    FIND_LIMIT,
    LEFT_RE,
    SITE_ANY_RE,
    SITE_RE,
    WORD_RE,
    _attested,
    _find_whole_words,
    _splits,
)

from ..strategies import articles

WHITESPACE_RE = regex.compile(r"\s++")


def squeeze(text: str) -> str:
    """The text without whitespace and without the hyphens a join may drop."""
    return WHITESPACE_RE.sub("", text).replace("-", "").replace("\u2010", "")


# ----- patterns, good and bad ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "left", "right"),
    [
        ("эконо-\nмического", "эконо", "мического"),
        ("эконо‐\nмического", "эконо", "мического"),
        ("эконо-  \n\t мического", "эконо", "мического"),
        ("эконо-\n\n \nмического", "эконо", "мического"),
        ("state-of-the-\nart", "the", "art"),
        ("x2y-\nz", "x2y", "z"),
        ("Stra-\nße", "Stra", "ße"),
    ],
)
def test_splits_good(text: str, left: str, right: str) -> None:
    found = _splits(text, str)
    assert [s.word for s in found] == [left + right]


@pytest.mark.parametrize(
    "text",
    [
        "эконо -\nмического",  # a dash, not a hyphen
        "эконо-мического",  # no line break
        "эконо–\nмического",  # an en dash
        "эконо\u00ad\nмического",  # a soft hyphen: the invisible filter's
        "1990-\nх",  # the first part ends in a digit
        "эконо-\n12",  # the continuation starts with a digit
        "эконо-\n- пункт",  # a list item
        "эконо-\n> цитата",
        "\ue000-\nfoo",  # a verbatim span is not a word fragment
        "\ue000x-\nfoo",
        "эконо-\n\ue000",
        "-\nfoo",
        "# эконо-\nмического",  # a heading
        "| эконо-\nмического |",  # a table row
        "а-\nб-\nв",  # a chain of splits
    ],
)
def test_splits_bad(text: str) -> None:
    assert _splits(text, str) == []


def test_site_res() -> None:
    for good in ["-\n", "a- \t\n"]:
        assert SITE_RE.search(good) and SITE_ANY_RE.search(good), good
    assert SITE_ANY_RE.search("\u2010\n") and not SITE_RE.search("\u2010\n")
    for bad in ["-", "- x\n", "–\n", "\u00ad\n", "—\n"]:
        assert not SITE_ANY_RE.search(bad), bad


def test_left_re_matches_backwards_from_the_hyphen() -> None:
    text = "торгово-эконо-"
    m = LEFT_RE.match(text, 0, len(text) - 1)
    assert m is not None and m.group() == "эконо"
    assert LEFT_RE.match("a -", 0, 2) is None


@pytest.mark.parametrize(
    ("haystack", "words", "want"),
    [
        ("экономического роста", {"экономического"}, {"экономического"}),
        ("внешнеэкономического роста", {"экономического"}, set()),
        ("экономическогоx", {"экономического"}, set()),
        ("торгово-экономического", {"экономического"}, {"экономического"}),
        ("a ab abc", {"ab", "b", "abc", "c"}, {"ab", "abc"}),
    ],
)
def test_attested_both_ways(haystack: str, words: set[str], want: set[str]) -> None:
    assert _attested(haystack, words) == want
    many = words | {f"zz{i}" for i in range(FIND_LIMIT + 1)}
    assert _attested(haystack, many) == want


def test_word_re_counts_whole_words() -> None:
    assert WORD_RE.findall("торгово-экономическом, it's 2024г. e\u0301") == [
        "торгово",
        "экономическом",
        "it",
        "s",
        "2024г",
        "e\u0301",
    ]


# ----- options and registration -------------------------------------------------


def test_not_in_the_default_pipeline() -> None:
    spec = get_filter("hyphenation")
    assert spec.default is False
    assert "hyphenation" not in textclean.Pipeline.default()


def test_ignore_case_option() -> None:
    text = "Сотрудни-\nчество растёт. СОТРУДНИЧЕСТВО важно."
    assert join_hyphenated(text).startswith("Сотрудничество растёт")
    assert join_hyphenated(text, ignore_case=False) == text
    attested = "Сотрудни-\nчество растёт. Сотрудничество важно."
    assert join_hyphenated(attested, ignore_case=False).startswith("Сотрудничество растёт")
    with pytest.raises(FilterError):
        join_hyphenated(text, ignore_case="yes")


def test_before_wraps_in_a_pipeline_the_paragraph_is_mended() -> None:
    pipeline = textclean.Pipeline(["wraps"]).add("hyphenation", before="wraps")
    assert pipeline.names == ("hyphenation", "wraps")
    text = "Рост эконо-\n\nмического обмена и экономического роста."
    assert pipeline(text) == "Рост экономического обмена и экономического роста."


@pytest.mark.parametrize("where", ["before", "after"])
def test_before_or_after_wraps_the_result_is_the_same_and_stable(where: str) -> None:
    text = "Рост эконо-\nмического обмена\nи эконо-\n\nмического\nроста; экономического."
    pipeline = textclean.Pipeline(["wraps"]).add("hyphenation", **{where: "wraps"})
    once = pipeline(text)
    assert once == "Рост экономического обмена и экономического роста; экономического."
    assert pipeline(once) == once


def test_keep_lines_keeps_hard_wrapped_lines() -> None:
    text = "Рост эконо-\nмического обмена\nи развития; экономического."
    assert join_hyphenated(text, keep_lines=True) == (
        "Рост экономического\nобмена\nи развития; экономического."
    )


def test_verbatim_spans_keep_their_place() -> None:
    text = "см. эконо-\nмического `код` и https://x.org экономического"
    assert join_hyphenated(text) == "см. экономического `код` и https://x.org экономического"
    assert (
        join_hyphenated(text, keep_lines=True)
        == "см. экономического\n`код` и https://x.org экономического"
    )


# ----- linear time on hostile input (no timing assertion) ---------------------

HOSTILE = [
    "a-\n" * 70_000 + "b",
    "эконо-\nмического " * 10_000 + "экономического",
    "a" * 100_000 + "-\n" + "b" * 100_000,
    "a-" + " " * 200_000 + "\nb",
    "-" * 200_000 + "\n",
    "a-" + "\n" * 200_000 + "b ab",
    "a-" + " \n" * 100_000 + "b ab",
    ("x" * 1000 + " ab-\ncd ") * 200 + " abcd",
    "ab-\ncd-" * 30_000 + " abcd cdab",
]


def test_hostile_inputs_finish() -> None:
    for text in HOSTILE:
        for keep_lines in (False, True):
            once = join_hyphenated(text, keep_lines=keep_lines)
            assert squeeze(once) == squeeze(text)
            assert join_hyphenated(once, keep_lines=keep_lines) == once


# ----- properties -----------------------------------------------------------

PIECES = st.sampled_from(
    [
        *("эконо", "мического", "экономического", "a", "b", "ab", "-", "\u2010"),
        *("\n", " ", "\n\n", "  ", "# ", "| ", ",", "»", "-\n", "\ue000", "1"),
    ]
)


@given(st.lists(PIECES, max_size=30).map("".join), st.booleans(), st.booleans())
def test_only_hyphens_and_whitespace_change_and_idempotent(
    text: str, keep_lines: bool, ignore_case: bool
) -> None:
    once = join_hyphenated(text, keep_lines=keep_lines, ignore_case=ignore_case)
    assert squeeze(once) == squeeze(text)
    assert join_hyphenated(once, keep_lines=keep_lines, ignore_case=ignore_case) == once
    assert once.count("\n") <= text.count("\n")


@given(articles())
def test_articles_only_hyphens_and_whitespace_change(text: str) -> None:
    once = join_hyphenated(text)
    assert squeeze(once) == squeeze(text)
    assert join_hyphenated(once) == once


def test_attested_falls_back_to_one_pass_when_words_hide_inside_others() -> None:
    haystack = "xab " * 5_000 + "ab"
    assert _find_whole_words(haystack, {"ab"}) is None
    assert _attested(haystack, {"ab", "zz"}) == {"ab"}
