"""Locale detection from the letters of a text (the contract's principle 6)."""

from __future__ import annotations

import re
from typing import Final, Literal

import regex

from ._verbatim import Verbatim, mask

__all__ = ["LOCALES", "Locale", "detect_locale", "resolve_locale"]

Locale = Literal["ru", "uk", "be", "en", "de"]
#: Every locale textclean knows the typography of.
LOCALES: Final[tuple[str, ...]] = ("ru", "uk", "be", "en", "de")

# The fast path, in stdlib re (which is many times faster than regex on
# Cyrillic). WORDISH_RE removes what is not a letter or a non-decimal number,
# so what is left is a superset of the letters; the basic Cyrillic and Latin
# ranges hold letters of those scripts only, so their counts are subsets.
# "More than half" on these counts therefore implies it on the exact ones.
NON_WORDISH_RE = re.compile(r"[\W\d_]+")
NON_BASIC_CYRILLIC_RE = re.compile(r"[^\u0400-\u04ff]+")
NON_BASIC_LATIN_RE = re.compile(r"[^A-Za-z\u00c0-\u024f]+")
# The exact counts, for texts the fast path cannot decide.
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
    wordish = NON_WORDISH_RE.sub("", text)
    if not wordish:
        return None
    half = len(wordish) / 2
    if len(NON_BASIC_CYRILLIC_RE.sub("", wordish)) > half:
        return _cyrillic(wordish)
    if len(NON_BASIC_LATIN_RE.sub("", wordish)) > half:
        return _latin(wordish)
    letters = NON_LETTER_RE.sub("", wordish)
    half = len(letters) / 2
    if not letters:
        return None
    if len(NON_CYRILLIC_RE.sub("", letters)) > half:
        return _cyrillic(letters)
    if len(NON_LATIN_RE.sub("", letters)) > half:
        return _latin(letters)
    return None


def _cyrillic(letters: str) -> str:
    lower = letters.lower()
    if "ў" in lower:
        return "be"
    if any(ch in lower for ch in "іїєґ"):
        return "uk"
    return "ru"


def _latin(letters: str) -> str:
    lower = letters.lower()
    return "de" if any(ch in lower for ch in "äöüß") else "en"


def resolve_locale(locale: str | None) -> str | None:
    """Check a locale argument: a code from :data:`LOCALES`, ``"auto"`` or ``None``."""
    if locale is None or locale == "auto" or locale in LOCALES:
        return locale
    raise ValueError(
        f"unknown locale {locale!r}: expected 'auto', None or one of {', '.join(LOCALES)}"
    )
