"""Locale detection, exactly as the contract's principle 6."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import textclean
from textclean import detect_locale

from .strategies import any_text


@pytest.mark.parametrize(
    ("text", "locale"),
    [
        pytest.param("Президент встретился с журналистами.", "ru", id="ru"),
        pytest.param("Прэзідэнт сустрэўся з журналістамі.", "be", id="be-by-short-u"),
        pytest.param("Ўсё", "be", id="be-capital-short-u"),
        pytest.param("Президент зустрівся з журналістами.", "uk", id="uk-by-i"),
        pytest.param("Їжак", "uk", id="uk-by-yi"),
        pytest.param("Європа", "uk", id="uk-by-ye"),
        pytest.param("ґанок", "uk", id="uk-by-ghe"),
        pytest.param("Беларусь і Украіна", "uk", id="i-without-short-u-is-uk"),
        pytest.param("The president met reporters.", "en", id="en"),
        pytest.param("Der Präsident traf Journalisten.", "de", id="de-by-umlaut"),
        pytest.param("Straße", "de", id="de-by-eszett"),
        pytest.param("Der Staat", "en", id="german-without-umlaut-is-en"),
        pytest.param("Президент met the press in Москва today", "en", id="mostly-latin"),
        pytest.param("東京都の人口", None, id="cjk-none"),
        pytest.param("Αθήνα", None, id="greek-none"),
        pytest.param("12345 !!! ...", None, id="no-letters"),
        pytest.param("", None, id="empty"),
        pytest.param("abc где", None, id="even-mix-is-none"),
        pytest.param("Привет `some english code here` мир", "ru", id="code-not-counted"),
        pytest.param(
            "Смотри https://www.example.com/english/words/here", "ru", id="url-not-counted"
        ),
    ],
)
def test_detect_locale(text: str, locale: str | None) -> None:
    assert detect_locale(text) == locale


def test_detect_locale_rejects_bytes() -> None:
    with pytest.raises(TypeError, match="bytes"):
        detect_locale(b"abc")  # type: ignore[arg-type]


@given(any_text)
def test_detect_locale_never_raises(text: str) -> None:
    assert detect_locale(text) in (None, *textclean.LOCALES)


def test_unknown_locale_is_refused_with_the_choices() -> None:
    with pytest.raises(ValueError, match="ru, uk, be, en, de"):
        textclean.clean("x", locale="fr")


def test_locale_can_be_pinned() -> None:
    text = 'He said "yes" - ok'
    assert textclean.clean(text, locale="ru") == "He said «yes» — ok\n"
    assert textclean.clean(text, locale="en") == "He said “yes” — ok\n"
    assert textclean.clean(text, locale="de") == "He said „yes“ – ok\n"
    assert textclean.clean(text, locale=None) == 'He said "yes" - ok\n'


def _exact(text: str) -> str | None:
    """The contract's rule, written the slow, obvious way."""
    import regex

    from textclean._verbatim import mask

    letters = [c for c in mask(text).text if regex.match(r"\p{L}", c)]
    if not letters:
        return None
    cyr = sum(1 for c in letters if regex.match(r"\p{Script=Cyrillic}", c))
    lat = sum(1 for c in letters if regex.match(r"\p{Script=Latin}", c))
    low = "".join(letters).lower()
    if cyr > len(letters) / 2:
        return "be" if "ў" in low else "uk" if any(c in low for c in "іїєґ") else "ru"
    if lat > len(letters) / 2:
        return "de" if any(c in low for c in "äöüß") else "en"
    return None


@given(
    st.text(
        alphabet="абвгдеўіїєґАБВЎІЇЄҐ abcdefäöüßABCÄÖÜẞ ½²Ⅻ①٣5_- ᴫꙀÆǅªº東αβ×\u0301\u0483",
        max_size=40,
    )
)
def test_fast_detection_agrees_with_the_rule(text: str) -> None:
    assert detect_locale(text) == _exact(text)
