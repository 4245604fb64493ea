"""The ``wraps`` filter: what the case tables cannot say."""

from __future__ import annotations

import regex
from hypothesis import given
from hypothesis import strategies as st

import textclean
from textclean._patterns import WORD_CHAR, is_structural_line
from textclean._verbatim import mask
from textclean.filters import join_broken_wraps
from textclean.filters.wraps import (
    BLANK_LINE_RE,
    CANDIDATE_RE,
    INDENTED_CODE_RE,
    PIPE_LINE_RE,
    SETEXT_UNDERLINE_RE,
    SPACES,
)

from ..conftest import FIXTURES
from ..strategies import articles

WHITESPACE_RE = regex.compile(r"\s++")


def squeeze(text: str) -> str:
    return WHITESPACE_RE.sub("", text)


# ----- patterns, good and bad ------------------------------------------------


def test_candidate_re() -> None:
    for good in ["a\nb", "a,\n\nb", "1 \n \n\tз", "x\ue000\nу", "é\u00a0\n\u00a0ω"]:
        assert CANDIDATE_RE.search(good), good
    for bad in ["a.\nb", "a\nB", "a\n\n1", "a\n«b", "\nb", "a b", "a:\n\nb", "a\n-b"]:
        assert not CANDIDATE_RE.search(bad), bad


def test_candidate_re_line_ends() -> None:
    for good in ["a", "Я", "ў", "ß", "7", "٣", ",", "\ue000", "e\u0301"]:
        assert CANDIDATE_RE.search(good + "\nx"), good
        assert regex.fullmatch(WORD_CHAR + "|,", good[-1]), good
    for bad in [".", ":", ";", "»", "!", "?", ")", "-", "—", "*", "|", "\ue001", " ", "_"]:
        assert not CANDIDATE_RE.search(bad + "\nx"), bad
        assert not regex.fullmatch(WORD_CHAR + "|,", bad), bad


def test_candidate_re_continuations() -> None:
    for good in ["а", "ї", "ґ", "ў", "ß", "é", "ω", "i"]:
        assert CANDIDATE_RE.search("x\n" + good), good
    for bad in ["А", "I", "Ї", "1", "東", "«", "-", "\ue000", "ǅ", "#", ">", "|"]:
        assert not CANDIDATE_RE.search("x\n" + bad), bad


def test_candidate_re_spans_the_whole_gap_after_the_spaces() -> None:
    m = CANDIDATE_RE.search("слово  \n \t\n\u00a0\n   продолжение")
    assert m is not None and m.group() == "\n \t\n\u00a0\n   "


def test_pipe_and_blank_line_res() -> None:
    text = "a\n| b |\n\n \t\nc | d\n"
    assert [m.group() for m in PIPE_LINE_RE.finditer(text)] == ["| b |", "c | d"]
    assert [m.start() for m in BLANK_LINE_RE.finditer(text)] == [8, 9, 18]


@given(st.text(alphabet=st.characters(categories=["Ll"]), min_size=1, max_size=3), st.text(SPACES))
def test_a_line_that_starts_lowercase_is_never_structural(word: str, indent: str) -> None:
    # The filter relies on this instead of calling is_structural_line for each join.
    assert not is_structural_line(indent + word + " - | > #")


def test_setext_underline_re() -> None:
    for good in ["===", "=", "---", "--", "   ----  "]:
        assert SETEXT_UNDERLINE_RE.match(good), good
    for bad in ["-", "- a", "== =", "    ===", "|---|", "text"]:
        assert not SETEXT_UNDERLINE_RE.match(bad), bad


def test_indented_code_re() -> None:
    for good in ["    code", "\tcode", "  \tcode", "     x"]:
        assert INDENTED_CODE_RE.match(good), good
    for bad in ["   text", "text", " - item"]:
        assert not INDENTED_CODE_RE.match(bad), bad


# ----- behaviour ------------------------------------------------------------


def test_golden_article_gets_exactly_its_two_joins() -> None:
    raw = (FIXTURES / "belta-baku-talks.raw.md").read_bytes().decode("utf-8")
    want = raw.replace("продвинуть\n\nвзаимоотношения", "продвинуть взаимоотношения").replace(
        "рассказал\n\nжурналистам", "рассказал журналистам"
    )
    assert want != raw
    assert join_broken_wraps(raw) == want


def test_golden_clean_form_is_left_alone() -> None:
    clean = (FIXTURES / "belta-baku-talks.clean.md").read_bytes().decode("utf-8")
    assert join_broken_wraps(clean) == clean


def test_crlf_input_is_joined_with_lf() -> None:
    assert join_broken_wraps("один\r\n\r\nдва\r\n") == "один два\n"


def test_fenced_code_inside_is_byte_for_byte() -> None:
    code = "```\nслово\nпродолжение,\n\nещё  \n```"
    text = f"пример\n\n{code}\nтекст\nдальше"
    assert join_broken_wraps(text) == f"пример\n\n{code}\nтекст дальше"


def test_in_the_default_pipeline() -> None:
    assert "wraps" in textclean.Pipeline.default()
    cleaned = textclean.clean("продвинуть\n\nвзаимоотношения")
    assert cleaned.rstrip("\n") == "продвинуть взаимоотношения"


# ----- linear time on hostile input (no timing assertion) ---------------------


HOSTILE = [
    "a\n" * 100_000,
    "a,\n\n" * 50_000,
    "a" + "\n" * 200_000 + "b",
    "a" + " \n" * 100_000 + "b",
    "a \t\u00a0\n \n" * 30_000,
    ("\n" + "    " * 10 + "x") * 5_000,
    "| a\n|---|\n" * 20_000,
    "x" * 200_000 + "\ny",
    "# h\nb\n" * 40_000,
    "a\n" + "  " * 100_000 + "b",
    "> > 1. # слово и\nпродолжение\n" * 10_000,
    "> - " * 50_000 + "# x\nпродолжение",
    "- > " * 50_000 + "| x\nпродолжение",
]


def test_hostile_inputs_finish() -> None:
    for text in HOSTILE:
        once = join_broken_wraps(text)
        assert squeeze(once) == squeeze(text)
        assert join_broken_wraps(once) == once


# ----- properties -----------------------------------------------------------

LINES = st.sampled_from(
    [
        "слово",
        "продолжение",
        "Заглавная",
        "конец.",
        "запятая,",
        "- пункт",
        "> цитата",
        "# заголовок",
        "| a | b",
        "|---|---|",
        "    отступ",
        "\tтаб",
        "  два",
        "===",
        "---",
        "\ue001",
        "ссылка \ue000",
        "",
        " ",
        "ω",
        "12",
    ]
)


@given(st.lists(LINES, max_size=14).map("\n".join))
def test_only_whitespace_changes_and_idempotent(text: str) -> None:
    once = join_broken_wraps(text)
    assert squeeze(once) == squeeze(text)
    assert join_broken_wraps(once) == once


@given(st.lists(LINES, max_size=14).map("\n".join))
def test_headings_and_structure_keep_their_lines(text: str) -> None:
    once = join_broken_wraps(text).split("\n")
    for line in text.split("\n"):
        if line.startswith(("# ", "|", "\ue001")):  # never joined to anything
            assert line in once, line
        if line.startswith(("- ", "> ")):  # may take a continuation, never appended
            assert any(out.startswith(line) for out in once), line


@given(articles())
def test_articles_only_whitespace_changes(text: str) -> None:
    once = join_broken_wraps(text)
    assert squeeze(once) == squeeze(text)
    assert once.count("\n") <= text.replace("\r\n", "\n").count("\n")


# ----- the same rule, written as a plain walk over the lines -----------------
#
# The filter only visits candidate breaks; this reference walks every line
# with the same rule, and the two must agree on any text.


def reference_join(text: str) -> str:
    from textclean._patterns import HEADING_RE, TABLE_ROW_RE, TABLE_SEPARATOR_RE
    from textclean._verbatim import BLOCK

    def ends_open(line: str) -> bool:
        body = line.rstrip(SPACES)
        return bool(body) and regex.fullmatch(WORD_CHAR + "|,", body[-1]) is not None

    lines = text.split("\n")
    out: list[str] = []
    held: list[str] = []
    open_ = in_table = prev_code = False
    prev_blank = True
    for i, line in enumerate(lines):
        body = line.lstrip(SPACES)
        if not body:
            held.append(line)
            prev_blank, prev_code, in_table = True, False, False
            continue
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        in_table = in_table or bool(TABLE_SEPARATOR_RE.match(line))
        code = BLOCK in line or bool(INDENTED_CODE_RE.match(line) and (prev_blank or prev_code))
        closed = (
            code
            or in_table
            or bool(HEADING_RE.match(line) or TABLE_ROW_RE.match(line))
            or bool(SETEXT_UNDERLINE_RE.match(nxt) or TABLE_SEPARATOR_RE.match(nxt))
        )
        prev_blank, prev_code = False, code
        if open_ and not closed and regex.match(r"\p{Ll}", body) and not is_structural_line(line):
            out[-1] = out[-1].rstrip(SPACES) + " " + body
            held.clear()
            open_ = ends_open(body)
            continue
        out.extend(held)
        held.clear()
        out.append(line)
        open_ = not closed and ends_open(line)
    out.extend(held)
    return "\n".join(out)


MARKDOWN_LINES = st.lists(
    st.one_of(LINES, st.sampled_from(["a | b", "--- | ---", "x\ue001y", "\u00a0", "    код"])),
    max_size=14,
).map("\n".join)


@given(st.one_of(MARKDOWN_LINES, articles()))
def test_agrees_with_the_line_by_line_reference(text: str) -> None:
    masked = mask(text.replace("\r", "")).text
    assert join_broken_wraps.filter.function(masked) == reference_join(masked)
