"""Locale detection from the letters of a text (the contract's principle 6)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final, Literal

import regex

from ._verbatim import Verbatim, mask

__all__ = ["LOCALES", "Locale", "detect_locale", "detect_locale_parts", "resolve_locale"]

Locale = Literal["ru", "uk", "be", "en", "de"]
#: Every locale textclean knows the typography of.
LOCALES: Final[tuple[str, ...]] = ("ru", "uk", "be", "en", "de")

# The fast path counts UTF-8 bytes (C speed, no regex): the ASCII letters plus
# one lead byte per non-ASCII character are a superset of the letters; lead
# bytes D0 and D1 start U+0400-U+047F, which are all Cyrillic letters, and the
# ASCII letters are Latin ones. So "more than half" on these counts implies it
# on the exact counts, and only undecided texts take the exact path. One
# translate maps each byte to its class (a: ASCII letter, c: Cyrillic lead
# byte, o: other lead byte, "." anything else); counting one byte is memchr-fast.
_ASCII_LETTERS = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
_BYTE_CLASS = bytes(
    ord("a")
    if c in _ASCII_LETTERS
    else ord("c")
    if c in (0xD0, 0xD1)
    else ord("o")
    if c >= 0xC0
    else ord(".")
    for c in range(256)
)
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
    return detect_locale_parts((text,))


def detect_locale_parts(texts: Sequence[str]) -> str | None:
    """:func:`detect_locale_masked` of the texts put together (with no letters between).

    Letter counts add up, so a long text cleaned in parts gets the locale
    of the whole without ever being whole.
    """
    ascii_letters = cyrillic = other = 0
    for text in texts:
        classes = text.encode("utf-8", "surrogatepass").translate(_BYTE_CLASS)
        ascii_letters += classes.count(b"a")
        cyrillic += classes.count(b"c")
        other += classes.count(b"o")
    half = (ascii_letters + cyrillic + other) / 2
    if cyrillic > half:
        return _cyrillic(texts)
    if ascii_letters > half:
        return _latin(texts)
    letters = [NON_LETTER_RE.sub("", text) for text in texts]
    total = sum(map(len, letters))
    if not total:
        return None
    half = total / 2
    if sum(len(NON_CYRILLIC_RE.sub("", part)) for part in letters) > half:
        return _cyrillic(letters)
    if sum(len(NON_LATIN_RE.sub("", part)) for part in letters) > half:
        return _latin(letters)
    return None


def _has(texts: Sequence[str], chars: str) -> bool:
    return any(ch in text for text in texts for ch in chars)


def _cyrillic(texts: Sequence[str]) -> str:
    if _has(texts, "ўЎ"):
        return "be"
    if _has(texts, "іїєґІЇЄҐ"):
        return "uk"
    return "ru"


def _latin(texts: Sequence[str]) -> str:
    return "de" if _has(texts, "äöüßÄÖÜẞ") else "en"


def resolve_locale(locale: str | None) -> str | None:
    """Check a locale argument: a code from :data:`LOCALES`, ``"auto"`` or ``None``."""
    if locale is None or locale == "auto" or locale in LOCALES:
        return locale
    raise ValueError(
        f"unknown locale {locale!r}: expected 'auto', None or one of {', '.join(LOCALES)}"
    )
