"""Locale detection from the letters of a text (the contract's principle 6)."""

from __future__ import annotations

from typing import Final, Literal

import regex

from ._verbatim import Verbatim, mask

__all__ = ["LOCALES", "Locale", "detect_locale", "resolve_locale"]

Locale = Literal["ru", "uk", "be", "en", "de"]
#: Every locale textclean knows the typography of.
LOCALES: Final[tuple[str, ...]] = ("ru", "uk", "be", "en", "de")

NON_LETTER_RE = regex.compile(r"\P{L}++")
NON_CYRILLIC_RE = regex.compile(r"\P{Script=Cyrillic}++")
NON_LATIN_RE = regex.compile(r"\P{Script=Latin}++")


def detect_locale(text: str) -> str | None:
    """Decide the locale of ``text`` by its letters.

    Letters inside verbatim spans (code, URLs, e-mail addresses) are not
    counted. When more than half of the letters are Cyrillic the locale is
    ``"be"`` if ``ў`` occurs, else ``"uk"`` if any of ``і ї є ґ`` occurs, else
    ``"ru"``. When more than half are Latin it is ``"de"`` if any of
    ``ä ö ü ß`` occurs, else ``"en"``. Anything else (no letters, another
    script, an even mix) has no locale: ``None``.

    >>> detect_locale("Привет, мир")
    'ru'
    >>> detect_locale("Прывітанне, ўсім")
    'be'
    >>> detect_locale("Привіт, світ")
    'uk'
    >>> detect_locale("Grüße aus Berlin")
    'de'
    >>> detect_locale("Hello, world")
    'en'
    >>> detect_locale("東京都") is None
    True
    """
    if not isinstance(text, str):
        raise TypeError(f"detect_locale() expects str, not {type(text).__name__}")
    return detect_locale_masked(mask(text, Verbatim.ALL).text)


def detect_locale_masked(text: str) -> str | None:
    """:func:`detect_locale` for a text whose verbatim spans are already masked."""
    letters = NON_LETTER_RE.sub("", text)
    if not letters:
        return None
    half = len(letters) / 2
    if len(NON_CYRILLIC_RE.sub("", letters)) > half:
        lower = letters.lower()
        if "ў" in lower:
            return "be"
        if any(ch in lower for ch in "іїєґ"):
            return "uk"
        return "ru"
    if len(NON_LATIN_RE.sub("", letters)) > half:
        lower = letters.lower()
        if any(ch in lower for ch in "äöüß"):
            return "de"
        return "en"
    return None


def resolve_locale(locale: str | None) -> str | None:
    """Check a locale argument: a code from :data:`LOCALES`, ``"auto"`` or ``None``."""
    if locale is None or locale == "auto" or locale in LOCALES:
        return locale
    raise ValueError(
        f"unknown locale {locale!r}: expected 'auto', None or one of {', '.join(LOCALES)}"
    )
