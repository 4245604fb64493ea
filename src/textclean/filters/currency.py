"""Currency: escaped dollars, the space between a symbol and its amount, and
(opt-in) currency symbols to ISO codes and back.

Where a symbol stands is the source's choice: a symbol before its amount is
a prefix and sits tight (``$500``), a symbol after its amount is a suffix and
stands after one space (``500 $``). Nothing is moved across the amount.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping

import regex

from .._filter import FilterError, register
from .._patterns import EXOTIC_SPACES

__all__ = ["CODE_TO_SYMBOL", "SYMBOL_TO_CODE", "currency_codes", "fix_currency"]

_EX = "\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000"
_SP = rf"[ \t{_EX}]"
_ONE_SPACE = frozenset(" " + EXOTIC_SPACES)
#: The characters of ``_SP``.
_SPACES = frozenset(" \t" + EXOTIC_SPACES)

#: The first backslash of a markdown-escaped dollar: an odd run of
#: backslashes before ``$`` (an even run is escaped backslashes, and the
#: dollar after them is not escaped); replaced by nothing. The look-behind
#: after that backslash makes a match start only at the start of a run
#: (linear time). Stdlib ``re``: its search for the backslash is a fast scan.
ESCAPED_DOLLAR_RE = re.compile(r"\\(?<!\\\\)(?=(?:\\\\)*\$)")

#: A currency symbol (``\p{Sc}``) with the spaces after it and, when it
#: follows a digit, that digit and the spaces between them.
SYMBOL_RE = regex.compile(
    rf"(?:(?P<digit>\p{{Nd}})(?P<before>{_SP}*+))?+(?P<sym>\p{{Sc}})(?P<after>{_SP}*+)"
)

#: Any currency symbol: where ``fix_currency`` looks (SYMBOL_RE, tried at every
#: position because of its optional digit, is the definition it follows).
ANY_SYMBOL_RE = regex.compile(r"\p{Sc}")
#: A decimal digit, as in the patterns.
DIGIT_RE = regex.compile(r"\p{Nd}")

#: Symbols with one meaning; ``$`` and ``¥`` come from the options.
SYMBOL_TO_CODE: Mapping[str, str] = {
    "€": "EUR",
    "£": "GBP",
    "₽": "RUB",
    "₴": "UAH",
    "₹": "INR",
    "₸": "KZT",
    "₩": "KRW",
    "₺": "TRY",
    "₪": "ILS",
    "₿": "BTC",
}
CODE_TO_SYMBOL: Mapping[str, str] = {code: sym for sym, code in SYMBOL_TO_CODE.items()}

#: A mapped symbol (for ``to_codes``), with its amount-side context as in SYMBOL_RE.
MAPPED_SYMBOL_RE = regex.compile(
    rf"(?:(?P<digit>\p{{Nd}})(?P<before>{_SP}*+))?+(?P<sym>[$¥{''.join(SYMBOL_TO_CODE)}])(?P<after>{_SP}*+)"
)
#: A three-letter upper-case code standing as a word (for ``to_symbols``).
CODE_RE = regex.compile(
    rf"(?:(?P<digit>\p{{Nd}})(?P<before>{_SP}*+))?+"
    rf"(?<![\p{{L}}\p{{M}}_])(?P<sym>[A-Z]{{3}})(?![\p{{L}}\p{{M}}_])(?P<after>{_SP}*+)"
)
_CODE_SHAPE_RE = regex.compile(r"[A-Z]{3}")


def _char(text: str, pos: int) -> str:
    return text[pos] if 0 <= pos < len(text) else "\n"


def _is_word_char(ch: str) -> bool:
    return ch.isalpha() or ch == "_"


def _after_symbol(text: str, digit_at: int) -> bool:
    """True if the amount whose last digit is at ``digit_at`` follows a currency symbol."""
    i = digit_at
    stop = max(0, digit_at - 40)
    while i > stop and (text[i - 1].isdigit() or text[i - 1] in ".,"):
        i -= 1
    return i > 0 and unicodedata.category(text[i - 1]) == "Sc"


def _latex_like(text: str, digit_at: int) -> bool:
    """True for ``$5$``: the amount before a ``$`` is itself opened by a ``$``."""
    i = digit_at
    stop = max(0, digit_at - 40)
    while i > stop and (text[i - 1].isdigit() or text[i - 1] in ".,"):
        i -= 1
    return i > 0 and text[i - 1] == "$"


def _closed_by_dollar(text: str, amount_at: int) -> bool:
    """True for ``$5$``: the amount after a ``$`` is closed by another ``$``."""
    i = amount_at
    stop = min(len(text), amount_at + 40)
    while i < stop and (text[i].isdigit() or text[i] in ".,"):
        i += 1
    return i < len(text) and text[i] == "$"


def _is_digit(ch: str) -> bool:
    """True for a decimal digit, as ``\\p{Nd}`` in the patterns (``regex`` may know
    newer digits than ``str.isdecimal``; no letter is one)."""
    if ch.isascii():
        return "0" <= ch <= "9"
    return not ch.isalpha() and DIGIT_RE.match(ch) is not None


def _symbol_positions(text: str) -> list[int]:
    """Where the currency symbols are (a plain-text ``find`` loop when only ``$`` can be)."""
    if not text.isascii():
        return [m.start() for m in ANY_SYMBOL_RE.finditer(text)]
    found = []
    at = text.find("$")
    while at >= 0:
        found.append(at)
        at = text.find("$", at + 1)
    return found


def _respace(text: str, digit_at: int, at: int, end: int) -> str | None:
    """The new spacing of the symbol at ``at`` (its spaces end at ``end``), or None.

    ``digit_at`` is the digit before it (only spaces between), or -1: the
    symbol is a suffix of that amount, else a prefix. The replacement covers
    ``text[digit_at:end]`` for a suffix, ``text[at:end]`` for a prefix.
    """
    sym = text[at]
    after = text[at + 1 : end]
    next_char = _char(text, end)
    if digit_at < 0:
        return sym if after and next_char.isdigit() else None  # a prefix: "$ 500" -> "$500"
    # a suffix: "500$" -> "500 $"
    before = text[digit_at + 1 : at]
    if not after and next_char.isdigit():
        return None  # "5$10": which amount is it for? leave it
    if _is_word_char(_char(text, digit_at - 1)):
        return None  # "A4$", "mp3 $": not an amount
    if sym == "$" and not before and _latex_like(text, digit_at):
        return None  # "$5$"
    if len(before) == 1 and before in _ONE_SPACE:
        return None
    return text[digit_at] + " " + sym + after


def _space_symbols(text: str, symbols: list[int]) -> str:
    """``SYMBOL_RE.sub`` with ``_respace``, done only at the symbols.

    Each symbol is one match of ``SYMBOL_RE``: it takes the spaces after it,
    and a digit before it with the spaces between, unless the previous match
    took them.
    """
    n = len(text)
    out: list[str] = []
    done = 0  # text[:done] is in out
    prev_end = 0  # the end of the previous symbol's match
    for at in symbols:
        end = at + 1
        while end < n and text[end] in _SPACES:
            end += 1
        start = at
        while start > prev_end and text[start - 1] in _SPACES:
            start -= 1
        digit_at = start - 1 if start > prev_end and _is_digit(text[start - 1]) else -1
        prev_end = end
        if digit_at < 0:
            if end == at + 1:
                continue  # "$500", "US$": no spaces and no amount before it, nothing to do
        elif start == at - 1 and text[start] != "\t":
            continue  # "500 $": one space already
        new = _respace(text, digit_at, at, end)
        if new is not None:
            start = at if digit_at < 0 else digit_at
            out.append(text[done:start])
            out.append(new)
            done = end
    if not out:
        return text
    out.append(text[done:])
    return "".join(out)


def _unescape(text: str) -> str:
    if "\\" not in text or "\\$" not in text:  # one character is found much faster
        return text
    return ESCAPED_DOLLAR_RE.sub("", text)


@register(
    "currency",
    summary="Escaped \\$ unescaped; prefix symbols tight ($500), suffix ones after a space (500 $)",
    default=True,
    paragraph_local=True,
)
def fix_currency(text: str) -> str:
    r"""Fix escaped dollars and the space between a currency symbol and its amount.

    Changes: a markdown-escaped ``\$`` becomes ``$``; a symbol before its
    amount loses the spaces between them (``$ 500`` → ``$500``); a symbol
    after its amount stands after one space (``500$`` → ``500 $``).

    >>> fix_currency(r"до \$1 млрд и \$500 млн")
    'до $1 млрд и $500 млн'
    >>> fix_currency("Цена $ 500 и 300$, или 20  €")
    'Цена $500 и 300 $, или 20 €'

    Leaves alone: where the symbol stands (before or after the amount), codes
    (``500 USD``), a ``$`` with no amount (``$ ls``), ``$x$``, ranges
    (``$5–10``), an escaped backslash before a dollar (``\\$``), and ``\€``
    (markdown escapes only ASCII punctuation).

    >>> fix_currency(r"$ ls, $x$, $5–10, 500 USD, 5 $, \\$5")
    '$ ls, $x$, $5–10, 500 USD, 5 $, \\\\$5'
    """
    text = _unescape(text)
    symbols = _symbol_positions(text)
    return _space_symbols(text, symbols) if symbols else text


def _convert(m: regex.Match[str], table: Mapping[str, str], *, tight_prefix: bool) -> str:
    """Replace a symbol or code attached to an amount, keeping its side."""
    text = m.string
    whole = m.group()
    new = table.get(m.group("sym"))
    if new is None:
        return whole
    after = m.group("after")
    next_char = _char(text, m.end())
    digit = m.group("digit")
    if digit is not None:
        if not after and next_char.isdigit():
            return whole  # "5$10": which amount is it for? leave it
        if _is_word_char(_char(text, m.start() - 1)):
            return whole
        if tight_prefix and _after_symbol(text, m.start()):
            # "$5 USD": the amount has its currency before it already. (Without
            # this, "USD5 USD" would become "$5 USD" and, cleaned again, "$5 $".)
            return whole
        if m.group("sym") == "$" and not m.group("before") and _latex_like(text, m.start()):
            return whole  # "$5$"
        return digit + " " + new + after  # a suffix: "500 $" <-> "500 USD"
    start = m.start("sym")
    if start > 0 and (_is_word_char(text[start - 1]) or text[start - 1] == "\\"):
        return whole  # "US$5", "\$5"
    if next_char.isdigit():
        if m.group("sym") == "$" and not after and _closed_by_dollar(text, m.end()):
            return whole  # "$5$"
        head = whole[: start - m.start()]
        return head + new + ("" if tight_prefix else " ")  # "$500" <-> "USD 500"
    return whole


@register(
    "currency_codes",
    summary="Currency symbols attached to an amount to ISO codes, or codes to symbols",
    keeps_letters=False,
)
def currency_codes(
    text: str, *, direction: str = "to_codes", dollar: str = "USD", yen: str = "JPY"
) -> str:
    """Turn currency symbols into ISO 4217 codes (``to_codes``) or back (``to_symbols``).

    Only a symbol or code attached to an amount is converted, and it keeps its
    side of the amount: ``$500`` ↔ ``USD 500``, ``500 €`` ↔ ``500 EUR``.
    ``dollar`` and ``yen`` name the codes of ``$`` and ``¥`` (``CAD``, ``CNY`` …).

    >>> currency_codes("$500 и 20 € или ₽ 100")
    'USD 500 и 20 EUR или RUB 100'
    >>> currency_codes("USD 500 и 20 EUR", direction="to_symbols")
    '$500 и 20 €'
    >>> currency_codes("C$5 or $5", dollar="CAD")
    'C$5 or CAD 5'

    Leaves alone: symbols and codes with no amount (``$ ls``, ``the EUR rate``),
    compound dollars (``US$5``), symbols with no single code (``¢``).
    """
    if direction not in ("to_codes", "to_symbols"):
        raise FilterError(
            f"option 'direction' of filter 'currency_codes' must be 'to_codes' or "
            f"'to_symbols', not {direction!r}"
        )
    for name, code in (("dollar", dollar), ("yen", yen)):
        if not _CODE_SHAPE_RE.fullmatch(code):
            raise FilterError(
                f"option {name!r} of filter 'currency_codes' must be a three-letter "
                f"ISO code such as 'USD', not {code!r}"
            )
    if direction == "to_codes":
        to_code = {**SYMBOL_TO_CODE, "$": dollar, "¥": yen}
        if "$" not in text and (text.isascii() or ANY_SYMBOL_RE.search(text) is None):
            return text
        return MAPPED_SYMBOL_RE.sub(lambda m: _convert(m, to_code, tight_prefix=False), text)
    to_symbol = {**CODE_TO_SYMBOL, dollar: "$", yen: "¥"}
    return CODE_RE.sub(lambda m: _convert(m, to_symbol, tight_prefix=True), text)
