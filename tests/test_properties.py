"""Properties every filter and the default pipeline must have, on any text."""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import textclean
from textclean import Filter

from .strategies import any_text, articles, articles_with_verbatim

FILTERS = list(textclean.available_filters())
IDS = [f.name for f in FILTERS]


def alnum(s: str) -> list[str]:
    return [c for c in s if c.isalnum()]


def assert_in_order(spans: list[str], text: str) -> None:
    pos = 0
    for span in spans:
        found = text.find(span, pos)
        assert found >= 0, f"verbatim span {span!r} was changed or lost"
        pos = found + len(span)


@pytest.mark.parametrize("spec", FILTERS, ids=IDS)
@given(text=st.one_of(any_text, articles()))
@example(text="")
@example(text="\n\n")
@example(text="\ue000\ue001 `x` \ue000")
def test_filter_never_raises_and_is_idempotent(spec: Filter, text: str) -> None:
    once = spec(text)
    assert isinstance(once, str)
    assert spec(once) == once


@pytest.mark.parametrize("spec", [f for f in FILTERS if f.keeps_letters], ids=lambda f: f.name)
@given(text=st.one_of(any_text, articles()))
def test_filter_keeps_letters_and_digits(spec: Filter, text: str) -> None:
    assert alnum(spec(text)) == alnum(text)


@pytest.mark.parametrize("spec", FILTERS, ids=IDS)
@given(case=articles_with_verbatim())
def test_filter_leaves_verbatim_spans_alone(spec: Filter, case: tuple[str, list[str]]) -> None:
    text, spans = case
    assert_in_order(spans, spec(text))


@given(text=st.one_of(any_text, articles()))
@example(text="")
@example(text=" \n\t\n")
def test_clean_is_idempotent_and_ends_with_one_newline(text: str) -> None:
    once = textclean.clean(text)
    assert textclean.clean(once) == once
    assert "\r" not in once
    if once:
        assert once.endswith("\n") and not once.endswith("\n\n")


@given(case=articles_with_verbatim())
def test_clean_leaves_verbatim_spans_alone(case: tuple[str, list[str]]) -> None:
    text, spans = case
    assert_in_order(spans, textclean.clean(text))


@pytest.mark.parametrize("locale", ["ru", "uk", "be", "en", "de", None])
@given(text=articles())
def test_clean_is_idempotent_in_every_locale(locale: str | None, text: str) -> None:
    once = textclean.clean(text, locale=locale)
    assert textclean.clean(once, locale=locale) == once
