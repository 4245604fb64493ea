"""The ``spaces`` filter: what the case tables cannot say."""

from __future__ import annotations

import regex
from hypothesis import example, given
from hypothesis import strategies as st

import textclean
from textclean.filters import fix_spaces
from textclean.filters.spaces import (
    _NEVER_IN_PREFIX,
    EXOTIC_RE,
    EXOTIC_SPACES,
    ODD_SPACES,
    PAIR_RE,
    PREFIX_RE,
    _candidates,
)

from ..conftest import FIXTURES

NOT_SPACE_RE = regex.compile(r"[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]++")

# ----- patterns, good and bad ------------------------------------------------


def test_pair_re() -> None:
    for good in [
        "a  b",
        "a ,",
        "a .",
        "a :",
        "a ;",
        "a !",
        "a ?",
        "a )",
        "a ]",
        "a \n",
        "( x",
        "[ x",
    ]:
        assert PAIR_RE.search(good), good
        tabbed = good.replace(" ", "\t", 1)
        assert PAIR_RE.search(tabbed) or "\t" in tabbed, tabbed
    for bad in ["a b", "a, b", "(x)", "[x]", "a -", "a «", "5 %", "a\nb", "a…"]:
        assert not PAIR_RE.search(bad), bad


def test_odd_spaces_are_every_exotic_space_and_the_tab() -> None:
    assert len(EXOTIC_SPACES) == 16
    assert sorted(ODD_SPACES) == sorted(EXOTIC_SPACES + "\t")
    for ch in EXOTIC_SPACES:
        assert EXOTIC_RE.fullmatch(ch), hex(ord(ch))
    for bad in " \u200b\u200c\u200d\u2060\ufeff\u00ad\u2028\u180e\n":
        assert bad not in ODD_SPACES, hex(ord(bad))
        assert not EXOTIC_RE.search(bad), hex(ord(bad))


def _defined_candidates(text: str) -> list[int]:
    pairs = [i for i in range(len(text)) if PAIR_RE.match(text, i)]
    return sorted(pairs + [i for i, ch in enumerate(text) if ch in ODD_SPACES])


@given(st.text(alphabet=" \t\n\u00a0\u2000\u3000([,;:!?.…)]x", max_size=30))
@example("   ,")
@example("( (  [ ]")
def test_candidates_are_where_the_definition_matches(text: str) -> None:
    # The fast searches may skip a pair that overlaps an earlier one ("   ,"
    # has three): its space is in the run of the earlier one, fixed with it.
    found = _candidates(text)
    defined = _defined_candidates(text)
    assert set(found) <= set(defined)
    for i in set(defined) - set(found):
        assert text[i] == " " and i > 0 and text[i - 1] in " ([" and i - 1 in found, (text, i)


def test_letters_and_never_in_prefix_characters_are_never_in_a_prefix() -> None:
    # _fix skips the prefix look for spaces after such a character.
    every = "".join(map(chr, range(0x110000)))
    letters = [ch for ch in every if ch.isalpha()] + sorted(_NEVER_IN_PREFIX)
    starts = regex.compile(rf"[{regex.escape(ODD_SPACES)} >\-*+•#.)\d]")
    assert not [ch for ch in letters if starts.match(ch)]
    for ch in letters:
        m = PREFIX_RE.match(f"{ch}  x")
        assert m is not None and m.end() == 0, hex(ord(ch))


def test_prefix_re() -> None:
    cases = {
        "    code": "    ",
        "\tx": "\t",
        "- item": "- ",
        "1. one": "1. ",
        "12) two": "12) ",
        "## Title": "## ",
        "> - a": "> - ",
        ">   - b": ">   - ",
        "> > q": "> > ",
        "  * x": "  * ",
        "-   ": "",  # whitespace up to the line end is trailing, not a prefix
        ">  \n": "",
        "word": "",
        "1.5 million": "",
        "#hashtag": "",
    }
    for line, prefix in cases.items():
        m = PREFIX_RE.match(line)
        assert m is not None and m.group() == prefix, line


# ----- behaviour ---------------------------------------------------------------


def test_every_exotic_space_becomes_a_space() -> None:
    for ch in EXOTIC_SPACES:
        assert fix_spaces(f"a{ch}b") == "a b", hex(ord(ch))
        assert fix_spaces(f"a{ch}{ch} b") == "a b", hex(ord(ch))


def test_zero_width_characters_are_not_spaces() -> None:
    text = "a\u200bb\u200c\u200dc\u2060d"
    assert fix_spaces(text) == text


def test_leading_exotic_spaces_are_dropped_but_ascii_indentation_kept() -> None:
    assert fix_spaces("\u00a0\u00a0text") == "text"
    assert fix_spaces("  \u00a0\ttext") == "  \ttext"
    assert fix_spaces("\u3000\u3000日本語") == "日本語"


def test_exotic_space_after_a_quote_marker_is_its_space() -> None:
    # The marker keeps one space: ">\u00a0text" is "> text", never ">text".
    assert fix_spaces(">\u00a0\u00a0quote") == "> quote"
    assert fix_spaces(">\u00a0>\u2009- item") == "> > - item"
    assert fix_spaces("\u00a0>\u00a0quote") == "> quote"
    assert fix_spaces("> \u00a0quote") == "> quote"
    assert fix_spaces(">\u00a0\n") == ">\n"
    # Plain spaces after the marker are indentation and stay.
    assert fix_spaces(">  \u00a0  quote") == ">    quote"


def test_lines_are_never_joined_or_split() -> None:
    text = "a ,\n, b\n  \n\t\n( \n) c"
    out = fix_spaces(text)
    assert out.count("\n") == text.count("\n")
    assert out == "a,\n, b\n\n\n(\n) c"


def test_trailing_space_at_the_very_end() -> None:
    assert fix_spaces("end ") == "end"
    assert fix_spaces("end\u00a0") == "end"
    assert fix_spaces(" ") == ""
    assert fix_spaces("a\n ") == "a\n"


def test_verbatim_spans_are_words() -> None:
    assert fix_spaces("see `code` , and https://x.org/a .") == "see `code`, and https://x.org/a."
    assert fix_spaces("x ( `a  b` )") == "x (`a  b`)"
    fenced = "```\na  ,  b   \n```\n"
    assert fix_spaces(fenced) == fenced


def test_golden_article_needs_no_space_fix() -> None:
    clean = FIXTURES.joinpath("belta-baku-talks.clean.md").read_text(encoding="utf-8")
    assert fix_spaces(clean) == clean


def test_in_the_pipeline_only_spaces_fix_the_contract_example() -> None:
    assert textclean.explain("слово , слово\n").counts() == {"spaces": 1}


# ----- properties ----------------------------------------------------------------

SOUP = st.lists(
    st.sampled_from(
        [
            *[" ", "  ", "\t", "\u00a0", "\u2009", "\u3000", "\n", ",", ";", ":", "!", "?", "."],
            *["…", "...", "(", ")", "[", "]", "|", "-", "*", "#", ">", "1.", "- ", "> "],
            *["a", "Я", "5", "\ue000", "\ue001", "»", '"', "'", "![", ":)", "[ ]"],
        ]
    ),
    max_size=40,
).map("".join)


@given(SOUP)
@example("a ( , b")
@example("( )")
@example(" ,  .")
@example("x ,  . ,a")
@example("2 : 1 :  ")
@example("> \u00a0- ,  x")
def test_punctuation_soup_is_idempotent_and_keeps_everything_but_spaces(text: str) -> None:
    once = fix_spaces(text)
    assert fix_spaces(once) == once
    assert NOT_SPACE_RE.sub("", once) == NOT_SPACE_RE.sub("", text)
    assert once.count("\n") == text.count("\n")


@given(SOUP)
def test_no_line_ends_in_a_space_and_no_exotic_space_is_left(text: str) -> None:
    out = fix_spaces(text)
    for line in out.split("\n"):
        assert not line.endswith((" ", "\t")), line
    assert not EXOTIC_RE.search(out)


@given(SOUP)
def test_no_doubled_space_after_the_indentation(text: str) -> None:
    for line in fix_spaces(text).split("\n"):
        m = PREFIX_RE.match(line)
        body = line[m.end() if m else 0 :]
        assert "  " not in body and "\t" not in body, line


# ----- linear time (no timing assertion: a quadratic filter would hang here) ----


def test_hostile_inputs_finish() -> None:
    size = 200_000
    for unit in [" ", " .", " ,", "( ", "[ ", "1 : ", "|  ", "> ", "\u00a0", " ...", "- ", ":( "]:
        text = unit * (size // len(unit))
        out = fix_spaces(text)
        assert fix_spaces(out) == out
    long_line = ("слово , " * 30_000) + "\n" + ("    " * 50_000) + "x"
    assert fix_spaces(long_line).startswith("слово, слово,")


def test_punctuation_glued_to_a_url_never_grows_it() -> None:
    # Glued, ")12" or "]‚" would be read as part of the URL on the next run.
    assert fix_spaces("https://x.org/a )12 $ 500") == "https://x.org/a )12 $ 500"
    assert fix_spaces("https://x.org/a\u00a0]x b") == "https://x.org/a ]x b"
    # "]‚" is what a URL drops from its end, so gluing it cannot grow the URL.
    assert fix_spaces("https://x.org/a\u00a0]‚ b") == "https://x.org/a]‚ b"
    assert fix_spaces("https://x.org/a]‚ b") == "https://x.org/a]‚ b"
    # a quote ends a URL, so what follows it cannot become part of the URL
    assert fix_spaces("https://x.org/a .“quote”") == "https://x.org/a.“quote”"
    assert fix_spaces("https://x.org/a .«quote»") == "https://x.org/a.«quote»"
    # Punctuation a URL drops from its end is glued as usual.
    assert fix_spaces("(см. https://x.org/a ).") == "(см. https://x.org/a)."
    assert fix_spaces("see https://x.org/a .") == "see https://x.org/a."
    assert fix_spaces("see https://x.org/a , and") == "see https://x.org/a, and"
    assert fix_spaces("see https://x.org/a ,and") == "see https://x.org/a, and"
    assert fix_spaces("`a` )b") == "`a` )b"  # inline code looks the same to the filter
    for text in ["https://example.com/a_b?x=1&y=2 )12 $ 500 ", "https://x.org/a\u00a0]‚ -- „"]:
        for locale in ("ru", "uk", "en", "de", None):
            once = textclean.clean(text, locale=locale)
            assert textclean.clean(once, locale=locale) == once
