"""The ``currency`` and ``currency_codes`` filters: what the case tables cannot say."""

from __future__ import annotations

import pytest
import regex
from hypothesis import example, given
from hypothesis import strategies as st

import textclean
from textclean import FilterError
from textclean.filters import currency_codes, fix_currency
from textclean.filters.currency import (
    CODE_RE,
    CODE_TO_SYMBOL,
    DIGIT_RE,
    ESCAPED_DOLLAR_RE,
    MAPPED_SYMBOL_RE,
    SYMBOL_RE,
    SYMBOL_TO_CODE,
    _is_digit,
    _respace,
)

from ..conftest import FIXTURES

SPACES_RE = regex.compile(r"[ \t\u00a0\u2009\u202f]++")

# ----- patterns, good and bad ------------------------------------------------


def test_escaped_dollar_re() -> None:
    for good in ["\\$", "a\\$5", "\\\\\\$"]:
        assert ESCAPED_DOLLAR_RE.search(good), good
    for bad in ["$", "\\\\$", "\\€", "\\ $", "\\\\\\\\$"]:
        assert not ESCAPED_DOLLAR_RE.search(bad), bad


def test_symbol_re_takes_every_currency_symbol() -> None:
    for sym in "$€£₽₴¥₹₸₩₺₪₿¢₠₱﹩＄":
        m = SYMBOL_RE.search(f"5 {sym} x")
        assert m is not None and m.group("sym") == sym and m.group("digit") == "5", sym
    for bad in ["%", "‰", "#", "USD", "§"]:
        assert not SYMBOL_RE.search(bad), bad


def test_mapped_symbol_re_and_code_re() -> None:
    for sym in [*SYMBOL_TO_CODE, "$", "¥"]:
        assert MAPPED_SYMBOL_RE.search(f"{sym}5"), sym
    assert not MAPPED_SYMBOL_RE.search("¢5")
    for good in ["USD 5", "5 EUR", "5EUR", "EUR5"]:
        assert CODE_RE.search(good), good
    for bad in ["usd 5", "USDT 5", "xUSD 5", "ÄUSD"]:
        m = CODE_RE.search(bad)
        assert m is None or m.group("sym") not in CODE_TO_SYMBOL, bad


def test_is_digit_is_the_patterns_digit() -> None:
    # _is_digit skips the pattern for letters: no letter may be a digit to it
    for code in range(0x110000):
        ch = chr(code)
        assert _is_digit(ch) == (DIGIT_RE.fullmatch(ch) is not None), hex(code)


def _by_symbol_re(text: str) -> str:
    """fix_currency the slow way: SYMBOL_RE tried at every position."""

    def respace(m: regex.Match[str]) -> str:
        digit_at = m.start() if m.group("digit") is not None else -1
        new = _respace(m.string, digit_at, m.start("sym"), m.end())
        return m.group() if new is None else new

    return SYMBOL_RE.sub(respace, text)


@given(st.text(alphabet="$€¥5١ \t\u00a0x.\n", max_size=25))
@example("5 5 $ 5")
@example("5  $  $ 5")
@example("١$ 2")
def test_symbols_are_where_symbol_re_matches(text: str) -> None:
    # fix_currency rebuilds SYMBOL_RE's matches at the symbols it finds
    assert fix_currency(text) == _by_symbol_re(text)


def test_tables_are_inverse() -> None:
    assert {v: k for k, v in CODE_TO_SYMBOL.items()} == dict(SYMBOL_TO_CODE)


# ----- currency: behaviour -----------------------------------------------------


def test_golden_article_currency() -> None:
    raw = FIXTURES.joinpath("belta-baku-talks.raw.md").read_text(encoding="utf-8")
    out = fix_currency(raw)
    assert "\\$" not in out
    assert "до $1 млрд" in out and "в $500 млн" in out
    assert out.replace("$", "") == raw.replace("\\$", "").replace("$", "")


def test_backslash_runs() -> None:
    assert fix_currency("\\$5") == "$5"
    assert fix_currency("\\\\$5") == "\\\\$5"
    assert fix_currency("\\\\\\$5") == "\\\\$5"
    assert fix_currency("\\\\\\\\$5") == "\\\\\\\\$5"


def test_escaped_dollar_inside_code_stays() -> None:
    text = "`\\$ 5` and\n```\n\\$ 5\n500$\n```\n"
    assert fix_currency(text) == text


def test_symbol_and_amount_never_join_across_lines() -> None:
    for text in ["$\n500", "500\n$", "500 \n$"]:
        assert fix_currency(text) == text


def test_pipeline_spaces_then_currency() -> None:
    assert textclean.clean("Цена $ 500 и 300$ .") == "Цена $500 и 300 $.\n"
    assert textclean.clean("1\u00a0000$") == "1 000 $\n"


# ----- currency_codes: options and behaviour -----------------------------------


@pytest.mark.parametrize(
    "options",
    [
        {"direction": "up"},
        {"direction": "TO_CODES"},
        {"dollar": "usd"},
        {"dollar": "US"},
        {"yen": "YEN1"},
    ],
)
def test_invalid_options_raise_filter_error_naming_the_value(options: dict[str, str]) -> None:
    with pytest.raises(FilterError) as err:
        currency_codes("$5", **options)
    assert repr(next(iter(options.values()))) in str(err.value)


def test_option_types_are_checked_by_the_core() -> None:
    with pytest.raises(FilterError):
        currency_codes("$5", direction=1)


def test_currency_codes_is_opt_in() -> None:
    spec = textclean.get_filter("currency_codes")
    assert not spec.default and not spec.keeps_letters
    assert "currency_codes" not in textclean.Pipeline.default()


def test_every_mapped_symbol_round_trips() -> None:
    for sym, code in SYMBOL_TO_CODE.items():
        for text, coded in [(f"{sym}5", f"{code} 5"), (f"5 {sym}", f"5 {code}")]:
            assert currency_codes(text) == coded
            assert currency_codes(coded, direction="to_symbols") == text


def test_dollar_and_yen_options_round_trip() -> None:
    assert currency_codes("$5 and ¥7", dollar="AUD", yen="CNY") == "AUD 5 and CNY 7"
    back = currency_codes("AUD 5 and CNY 7", direction="to_symbols", dollar="AUD", yen="CNY")
    assert back == "$5 and ¥7"
    assert currency_codes("AUD 5", direction="to_symbols") == "AUD 5"


def test_pipeline_with_codes_after_currency() -> None:
    p = textclean.Pipeline.default().add("currency_codes", after="currency")
    assert p("до \\$1 млрд и 500$") == "до USD 1 млрд и 500 USD\n"


# ----- properties ----------------------------------------------------------------

SOUP = st.lists(
    st.sampled_from(
        [
            *["$", "\\$", "\\", "€", "₽", "¥", "¢", "£", "US", "USD", "EUR", "RUB", "JPY", "C"],
            *[" ", "  ", "\u00a0", "\t", "\n", "5", "500", "1 000", "1,5", "2.5", "x", "–", "%"],
            *[".", ",", "\ue000"],
        ]
    ),
    max_size=30,
).map("".join)


@given(SOUP)
@example("$5$")
@example("$ 5$")
@example("5$10")
@example("\\\\\\$ 5")
@example("$ 5 $ 6")
def test_currency_soup_is_idempotent_and_moves_only_spaces(text: str) -> None:
    once = fix_currency(text)
    assert fix_currency(once) == once
    assert SPACES_RE.sub("", once).replace("\\", "") == SPACES_RE.sub("", text).replace("\\", "")


@given(SOUP, st.sampled_from(["to_codes", "to_symbols"]))
@example("$5$", "to_codes")
@example("USD 5 USD", "to_symbols")
@example("USD5USD", "to_symbols")
@example("USD5 USD", "to_symbols")
def test_codes_soup_is_idempotent_in_both_directions(text: str, direction: str) -> None:
    once = currency_codes(text, direction=direction)
    assert currency_codes(once, direction=direction) == once


@given(st.lists(st.sampled_from(["$", "€", "₽", "£", "¥"]), min_size=1, max_size=5))
def test_clean_amounts_round_trip(symbols: list[str]) -> None:
    text = " и ".join(f"{s}{i + 1}" if i % 2 else f"{i + 1} {s}" for i, s in enumerate(symbols))
    coded = currency_codes(text)
    assert not any(s in coded for s in symbols)
    assert currency_codes(coded, direction="to_symbols") == text


# ----- linear time ----------------------------------------------------------------


def test_hostile_inputs_finish() -> None:
    size = 200_000
    for unit in ["\\", "\\$", "5", "5$", "$ ", "5 ", "$5", "USD", "5 USD ", " ", "1"]:
        text = unit * (size // len(unit))
        for f in (fix_currency, currency_codes):
            out = f(text)
            assert f(out) == out
        out = currency_codes(text, direction="to_symbols")
        assert currency_codes(out, direction="to_symbols") == out
    assert fix_currency("1" * size + "$").endswith("1 $")
    assert fix_currency("\\" * size + "$") == "\\" * size + "$"
