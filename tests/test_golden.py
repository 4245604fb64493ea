"""The golden article: a real scraped page and, byte for byte, its cleaned form."""

from __future__ import annotations

from pathlib import Path

import textclean

from .conftest import FIXTURES

RAW = FIXTURES / "belta-baku-talks.raw.md"
CLEAN = FIXTURES / "belta-baku-talks.clean.md"


def read(path: Path) -> str:
    return path.read_bytes().decode("utf-8")


def test_golden_article_is_cleaned_exactly() -> None:
    assert textclean.clean(read(RAW)) == read(CLEAN)


def test_golden_clean_form_is_a_fixed_point() -> None:
    assert textclean.clean(read(CLEAN)) == read(CLEAN)


def test_golden_article_with_crlf_line_ends() -> None:
    assert textclean.clean(read(RAW).replace("\n", "\r\n")) == read(CLEAN)


def test_golden_article_locale_is_detected_as_russian() -> None:
    assert textclean.detect_locale(read(RAW)) == "ru"
    assert textclean.clean(read(RAW), locale="ru") == read(CLEAN)


def test_each_default_filter_is_idempotent_on_the_golden_article() -> None:
    text = read(RAW)
    for step in textclean.Pipeline.default():
        once = step.filter(text, **step.options)
        assert step.filter(once, **step.options) == once, step.name
        text = once
    assert text == read(CLEAN)


def test_golden_explanation_names_the_filters_that_worked() -> None:
    explanation = textclean.explain(read(RAW))
    assert explanation.text == read(CLEAN)
    counts = explanation.counts()
    assert set(counts) == {"watermarks", "wraps", "dashes", "currency", "blank_lines"}
    assert counts["dashes"] == 2
    assert counts["currency"] == 2
    watermark = explanation.for_filter("watermarks")[0]
    assert watermark.line == 7
    assert "WWW.BELTA.BY" in read(RAW)[watermark.start : watermark.end]
