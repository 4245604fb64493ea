"""The watermarks filter: patterns, options, idempotence on generated runs, hostile input."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from textclean import FilterError
from textclean.filters import join_broken_wraps
from textclean.filters import watermarks as wm
from textclean.filters.watermarks import (
    DOMAIN_RE,
    HANDLE_RE,
    UNIT_TOKEN_RE,
    remove_watermarks,
)

from ..conftest import FIXTURES

# --- patterns, good and bad ------------------------------------------------

DOMAINS_GOOD = [
    "belta.by",
    "BELTA.BY",
    "www.belta.by",
    "WWW.BELTA.BY",
    "https://belta.by",
    "http://www.belta.by/",
    "https://belta.by/news/a_b?x=1&y=2#top",
    "ftp://files.example.org",
    "example.com:8080/path",
    "sub-domain.news.co.uk",
    "президент.рф",
    "белта.бел",
    "xn--d1acufc.xn--p1ai",
    "spiegel.de",
    "www.belta",  # TLD-ish: any 2 to 24 Latin letters end a domain
]
DOMAINS_BAD = [
    "belta",
    "belta.",
    ".by",
    "3.14",
    "10.0.0.1",
    "e.g",
    "v1.2",
    "belta.by.",
    "belta..by",
    "-belta.by",
    "belta-.by",
    "https://",
    "belta.b",
    "@belta.by",
    "г.1",
]


@pytest.mark.parametrize("token", DOMAINS_GOOD)
def test_domain_re_accepts(token: str) -> None:
    assert DOMAIN_RE.match(token), token


@pytest.mark.parametrize("token", DOMAINS_BAD)
def test_domain_re_rejects(token: str) -> None:
    assert not DOMAIN_RE.match(token), token


@pytest.mark.parametrize("token", ["@belta_news", "@News", "@user.name", "@ТАСС"])
def test_handle_re_accepts(token: str) -> None:
    assert HANDLE_RE.match(token)


@pytest.mark.parametrize("token", ["@", "belta_news", "@user.", "@@x", "@a-b", "info@belta.by"])
def test_handle_re_rejects(token: str) -> None:
    assert not HANDLE_RE.match(token)


UNIT_TOKENS_GOOD = [
    "belta.by",
    "WWW.BELTA.BY",
    "https://belta.by/a?b=1",
    "http://www.belta.by/",
    "@belta_news",
    "©Reuters",
    "©",
    "#news",
    "don't",
    "кто-то",
    "Straße",
    "2024",
    "info@belta.by",
]
UNIT_TOKENS_BAD = [
    "no,",
    "Ура!",
    "Sample.",
    "belta.by.",
    "«belta.by»",
    "(c)",
    "—",
    "-",
    "z.B.",
    "\ue000",
    "a\ue000",
]


@pytest.mark.parametrize("token", UNIT_TOKENS_GOOD)
def test_unit_token_re_accepts(token: str) -> None:
    assert UNIT_TOKEN_RE.match(token)


@pytest.mark.parametrize("token", UNIT_TOKENS_BAD)
def test_unit_token_re_rejects(token: str) -> None:
    assert not UNIT_TOKEN_RE.match(token)


def may_have_runs(text: str, words: int, reps: int) -> bool:
    return wm._Repeats(text, words, reps).first(0) >= 0


@pytest.mark.parametrize(
    "text",
    ["x x x", "x | x · x", "a b a b a b", "a b c a b c a b c", "a b c d a b c d a b c d", "X x X"],
)
def test_fast_path_lets_runs_through(text: str) -> None:
    assert may_have_runs(text, 4, 3)
    assert may_have_runs(text.split()[0] + " " + text.split()[0], 4, 2)


@pytest.mark.parametrize(
    "text",
    [
        "x x",
        "a b a b a",
        "a b c d e a b c d e a b c d e",
        "xx x x",
        "x y x y x",
        "the cat the dog the",
    ],
)
def test_fast_path_rules_out(text: str) -> None:
    assert not may_have_runs(text, 4, 3)


def test_fast_path_follows_max_unit_words() -> None:
    text = "a b c d e a b c d e a b c d e"
    assert may_have_runs(text, 5, 3)
    assert not may_have_runs("a b a b", 4, 3)
    assert may_have_runs("a b a b", 4, 2)


def test_fast_path_finds_hits_in_order() -> None:
    text = "w w | w\n\nx y z\n\na b | a b · a b\nq\n\nc c c"
    repeats = wm._Repeats(text, 4, 3)
    words = repeats.words  # the tokens other than separators
    assert words == [t for t in text.split() if t not in "|·"]
    assert repeats.first(0) == 0
    assert words[repeats.first(1)] == "a"
    assert repeats.first(repeats.first(1) + 1) == words.index("c")
    assert repeats.first(len(words)) == -1


SPACES = [" ", "\t", "\n", "\xa0", "\u2009", "\x1c", "\x85", "\u3000", ""]


@given(
    pieces=st.lists(
        st.sampled_from(["|", "·", "•", "/", "a", "x/", "/y", "||", "а·б", *SPACES]), max_size=30
    )
)
def test_separator_patterns_drop_exactly_the_separator_tokens(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert wm._Repeats(text, 4, 3).words == [t for t in text.split() if t not in set("|·•/")]


def test_info_separators_are_the_only_spaces_regex_and_split_disagree_on() -> None:
    chars = map(chr, range(0x110000))
    differ = [c for c in chars if c.isspace() != (wm._TOKEN_RE.match(c) is None)]
    assert "".join(differ) == wm._INFO_SEPARATORS


def test_letters_and_digits_are_word_characters_of_unit_tokens() -> None:
    # _kind takes a token with str.isalnum for a unit token without the pattern.
    alnum = [c for c in map(chr, range(0x110000)) if c.isalnum()]
    assert all(UNIT_TOKEN_RE.match(c) for c in alnum)
    assert all(UNIT_TOKEN_RE.match("x" + c + "1") for c in alnum)


@given(pieces=st.lists(st.sampled_from(["a", "Ab", "x.by", "no,", "|", *SPACES]), max_size=30))
def test_line_items_by_split_equal_items_by_pattern(pieces: list[str]) -> None:
    text = "".join(pieces).replace("\n", " ") + " end"
    for stop in (False, True):
        found = []
        for splits in (True, False):
            doc = wm._Document(text, wm._Runs(wm._Tokens(), 4, 3, 5), wm._Tokens())
            doc.splits = splits and doc.splits
            line = doc.line(0)
            found.append(doc.items(line, line.body, stop))
        assert found[0] == found[1]


# Distinct tokens, all of one length: every place looks like a run by length.
SAME_LENGTHS = " ".join(f"w{i:03d}" for i in range(300))


@pytest.mark.parametrize(
    "text",
    [
        "STRASSE straße Straße x",  # casefold makes them equal, and longer
        "ﬁne FINE fine",
        SAME_LENGTHS + " x.by X.BY x.by",  # equal lengths everywhere: the exact maps
        "a" * 300 + " " + "A" * 300 + " " + "a" * 300,  # longer than a byte
    ],
)
def test_fast_path_compares_casefolded_tokens(text: str) -> None:
    assert may_have_runs(text, 4, 3)


@pytest.mark.parametrize("text", ["more than five", "a b c", SAME_LENGTHS, "xa Xb xa XB xa"])
def test_fast_path_confirms_equal_lengths(text: str) -> None:
    assert not may_have_runs(text, 4, 3)


# --- options ------------------------------------------------------------------


def test_option_min_domain_repeats() -> None:
    assert remove_watermarks("a belta.by belta.by b", min_domain_repeats=2) == "a b"
    assert remove_watermarks("a belta.by belta.by belta.by b", min_domain_repeats=4) == (
        "a belta.by belta.by belta.by b"
    )


def test_option_min_repeats() -> None:
    assert remove_watermarks("so very very very", min_repeats=3) == "so"
    assert remove_watermarks("Sample " * 5, min_repeats=6) == "Sample " * 5


def test_option_max_unit_words() -> None:
    text = "one two three one two three one two three one two three one two three"
    assert remove_watermarks(text) == ""
    assert remove_watermarks(text, max_unit_words=2) == text
    five = " ".join(["a b c d e"] * 5)
    assert remove_watermarks(five) == five
    assert remove_watermarks(five, max_unit_words=5) == ""


@pytest.mark.parametrize(
    "options",
    [
        {"min_repeats": 1},
        {"min_repeats": 0},
        {"min_domain_repeats": 1},
        {"min_domain_repeats": -3},
        {"max_unit_words": 0},
        {"max_unit_words": 9},
    ],
)
def test_bad_option_values_raise(options: dict[str, Any]) -> None:
    with pytest.raises(FilterError):
        remove_watermarks("x x x x x", **options)


def test_bad_option_type_raises() -> None:
    with pytest.raises(FilterError):
        remove_watermarks("x", min_repeats="5")


# --- the golden article ------------------------------------------------------


def test_golden_watermark_line_goes_and_nothing_else() -> None:
    raw = (FIXTURES / "belta-baku-talks.raw.md").read_bytes().decode("utf-8")
    lines = raw.split("\n")
    assert lines[6].startswith("WWW.BELTA.BY")
    assert remove_watermarks(raw) == "\n".join(lines[:6] + lines[7:])


# --- idempotence and shape on generated runs ---------------------------------

UNITS = ["a", "b", "Ab", "x.by", "X.BY", "@n", "©", "R", "1", "no,", "Ура!", "\ue000"]
GLUE = [" ", " ", " ", "  ", "\t", " | ", " · ", " / ", "\n", "\n- ", "\n> ", "\n\n", "\n# "]


@st.composite
def runs_text(draw: st.DrawFn) -> str:
    """Text built from a few units, often repeated, joined by spaces, separators and lines."""
    pieces: list[str] = []
    for _ in range(draw(st.integers(0, 12))):
        unit = draw(st.lists(st.sampled_from(UNITS), min_size=1, max_size=3))
        times = draw(st.integers(1, 7))
        glue = draw(st.sampled_from(GLUE))
        pieces.append(glue.join([" ".join(unit)] * times))
    joins = draw(st.lists(st.sampled_from(GLUE), min_size=len(pieces), max_size=len(pieces)))
    return "".join(p + j for p, j in zip(pieces, joins, strict=True))


def alnum(s: str) -> list[str]:
    return [c for c in s if c.isalnum()]


def is_subsequence(small: list[str], big: list[str]) -> bool:
    it = iter(big)
    return all(c in it for c in small)


@given(text=runs_text())
@example(text="a a a X X X X X a a")
@example(text="a a a\n- b b b b b\na a")
@example(text="x.by x.by\n- b b b b b\nx.by")
@example(text="Reuters © Reuters © Reuters © Reuters")
@example(text="a b a b a b a b a b a b b b b b a")
@example(text="a\n\n- a a a a a\na a a a")
@example(text="a a a a a - b")
@example(text="a a a a a | --- |\nx | y")
@example(text="Привет, a a\na a a конец")
@example(text="- x a a\n\na a a\n# b b b b b\na")
@example(text="> x.by\n- x.by x.by x.by\nx.by x.by")
def test_idempotent_on_generated_runs(text: str) -> None:
    once = remove_watermarks(text)
    assert remove_watermarks(once) == once
    assert is_subsequence(alnum(once), alnum(text))
    assert once.count("\ue000") == text.count("\ue000")
    assert "  " not in once or "  " in text


@given(text=runs_text(), low=st.integers(2, 6), high=st.integers(2, 7), words=st.integers(1, 8))
def test_idempotent_with_any_options(text: str, low: int, high: int, words: int) -> None:
    options = {"min_domain_repeats": low, "min_repeats": high, "max_unit_words": words}
    once = remove_watermarks(text, **options)
    assert remove_watermarks(once, **options) == once


@given(text=runs_text())
@example(text="Привет, a a\na a a конец")
@example(text="- пункт a a\na a a конец")
def test_stable_after_wraps_joins_lines(text: str) -> None:
    """The wraps filter runs next and joins lines: that must not make a new run."""
    joined = join_broken_wraps(remove_watermarks(text))
    assert remove_watermarks(joined) == joined


@st.composite
def nested_runs(draw: st.DrawFn) -> str:
    """Runs inside runs: removing the inner one makes the outer one whole."""
    text = " ".join([draw(st.sampled_from(["a", "b c", "x.by", "© R"]))] * draw(st.integers(3, 6)))
    for _ in range(draw(st.integers(1, 4))):
        unit = draw(st.sampled_from(["p", "q r", "y.by", "s t u", "@h"]))
        left, right = draw(st.integers(0, 4)), draw(st.integers(0, 4))
        glue = draw(st.sampled_from([" ", "\n", " | "]))
        text = glue.join([unit] * left + [text] + [unit] * right)
    return text


@given(text=nested_runs())
def test_idempotent_on_nested_runs(text: str) -> None:
    once = remove_watermarks(text)
    assert remove_watermarks(once) == once


def every_token(self: wm._Repeats, start: int) -> int:
    """A stand-in for ``_Repeats.first``: every token is a hit."""
    return start if start < len(self.words) else -1


@given(text=st.one_of(runs_text(), nested_runs()))
def test_fast_path_never_hides_a_run(text: str) -> None:
    """With the fast path switched off (every paragraph tokenised), the result is the same."""
    want = remove_watermarks(text)
    with pytest.MonkeyPatch.context() as m:
        m.setattr(wm._Repeats, "first", every_token)
        assert remove_watermarks(text) == want


@given(text=st.one_of(runs_text(), nested_runs()))
def test_segments_as_whole_regions(text: str) -> None:
    """Reading only the segments with a hit gives what reading their whole regions gives."""
    want = remove_watermarks(text)
    with pytest.MonkeyPatch.context() as m:
        m.setattr(wm, "_glued_quote", lambda text: True)
        assert remove_watermarks(text) == want
        m.setattr(wm._Repeats, "first", every_token)
        assert remove_watermarks(text) == want


@given(
    text=st.lists(st.one_of(runs_text(), nested_runs()), min_size=1, max_size=6).map("\n\n".join),
    part=st.integers(1, 60),
    low=st.integers(2, 5),
)
@example(text="a a.\n\na a a a a", part=1, low=5)
@example(text="x.by x.by\n\nx.by", part=1, low=3)
@example(text="| a |\n|---|\n\n| x.by | x.by | x.by |", part=1, low=3)
def test_long_text_in_parts_as_whole(text: str, part: int, low: int) -> None:
    """A long text cleaned a part at a time gives what cleaning it whole gives."""
    options = {"min_domain_repeats": low, "min_repeats": low + 1}
    want = remove_watermarks(text, **options)
    with pytest.MonkeyPatch.context() as m:
        m.setattr(wm, "_PART", part)
        assert "".join(wm._parts(text)) == text
        assert remove_watermarks(text, **options) == want


@pytest.mark.parametrize(
    ("text", "options", "want"),
    [
        # ">a" is one token for the fast path but "a" on the stack: the run of
        # "a" has no hit of its own, yet goes with the region the hit on "x" opens.
        ("x x x z. y\n>a a a", {"min_repeats": 3}, "z. y"),
        ("x x x z. y\n>a a a a a", {}, "x x x z. y"),
        ("Text. x.by x.by x.by end.\n>a a a a a", {}, "Text. end."),
        ("x x x. q\n>q q q", {"min_repeats": 3}, "x x x. q\n>q q q"),
    ],
)
def test_quote_marker_glued_to_a_word(text: str, options: dict[str, Any], want: str) -> None:
    assert remove_watermarks(text, **options) == want


# --- hostile input: linear time (no timing assertion; a quadratic run would hang) ----

N = 200_000


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("one word", "a " * (N // 2)),
        ("one domain", "belta.by " * (N // 9)),
        ("two-word unit", "a b " * (N // 4)),
        ("four-word unit, 4 times", ("a b c d " * 4 + "x ") * (N // 34)),
        ("lines", "WWW.X.BY\n" * (N // 9)),
        ("list items", "- a a a a a\n" * (N // 12)),
        ("plain and list lines", "a\n- b b b b b\n" * (N // 14)),
        ("nested", " ".join(["a"] * 4 + ["b"] * 4 + ["c"] * 5 + ["b", "a"]) * (N // 30)),
        ("one long token", "a." * (N // 2)),
        ("separators", "a | | | | " * (N // 10)),
        ("near misses", "x x y " * (N // 6)),
        ("long tokens", " ".join(["b" * 1000 + str(i % 7) for i in range(N // 1000)])),
        ("no spaces", "ab" * (N // 2)),
        ("copyright", "© R " * (N // 4)),
        ("many paragraphs with a run", "x.by x.by x.by\n\nText.\n\n" * (N // 24)),
        ("one paragraph, many runs", "Text. x.by x.by x.by end.\n" * (N // 26)),
        ("lines without punctuation", "word other\n" * (N // 11) + "x.by x.by x.by"),
        ("headings", "# a a a a a\na\n" * (N // 14)),
    ],
)
def test_hostile_input_finishes(name: str, text: str) -> None:
    once = remove_watermarks(text)
    assert remove_watermarks(once) == once


def test_long_casefolds_are_all_in_the_bmp() -> None:
    # LONG_FOLDS is built from the BMP alone, to keep the import cheap.
    import sys

    from textclean.filters._repeats import LONG_FOLDS

    beyond = [c for c in map(chr, range(0x10000, sys.maxunicode + 1)) if len(c.casefold()) > 1]
    assert beyond == []
    assert "ß" in LONG_FOLDS
    assert "ﬀ" in LONG_FOLDS
