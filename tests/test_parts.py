"""Long texts cleaned in parts: where they are cut, and that the result is the whole's."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import textclean
from textclean import Pipeline, _parts
from textclean._locale import detect_locale_masked, detect_locale_parts
from textclean._parts import paragraph_parts

from .conftest import FIXTURES
from .strategies import articles

# ----- where a text is cut ---------------------------------------------------------


def pieces(text: str, size: int) -> list[str]:
    return [text[a:b] for a, b in paragraph_parts(text, size)]


def test_cut_after_a_sentence_and_a_blank_line() -> None:
    text = "Раз. Два.\n\nтри, четыре\n\nПять!\n \n\t\nШесть?\n\nсемь"
    assert pieces(text, 1) == ["Раз. Два.\n", "три, четыре\n\nПять!\n", "Шесть?\n", "семь"]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("one.\ntwo.\nthree.\nfour.", id="no-blank-line"),
        pytest.param("one,\n\ntwo\n\nthree:\n\nfour", id="no-sentence-end"),
        pytest.param("one.\u00a0\n\ntwo.\u200b\n\nthree.&nbsp;\n\nfour", id="not-last"),
        pytest.param("one.\n\u00a0\ntwo,\n\nthree", id="no-break-space-line-is-not-blank-here"),
        pytest.param("one.\n\n`two`.\n\nthree.\n\nfour", id="code"),
        pytest.param("one.\n\n~~~\n\nthree.\n\nfour", id="tilde"),
        pytest.param("one.\n\n&#96;&#96;&#96;\n\nthree.\n\nfour", id="entity-for-a-backtick"),
        pytest.param("one.\n\n&#X7E;&grave;\n\nthree.\n\nfour", id="entity-for-a-tilde"),
    ],
)
def test_not_cut(text: str) -> None:
    assert paragraph_parts(text, 1) == [(0, len(text))]


def test_short_text_is_one_part() -> None:
    text = "Раз.\n\nДва.\n\nТри."
    assert paragraph_parts(text, len(text)) == [(0, len(text))]


@given(text=articles(), size=st.integers(1, 200))
def test_parts_cover_the_text_but_blank_lines(text: str, size: int) -> None:
    spans = paragraph_parts(text, size)
    assert spans[0][0] == 0
    assert spans[-1][1] == len(text)
    for (_, end), (start, _) in itertools.pairwise(spans):
        assert text[end - 1] == "\n"
        assert text[: end - 1].rstrip(" \t")[-1] in ".!?"
        assert text[end:start].strip(" \t\n") == ""
        assert "\n" in text[end:start]


# ----- the same result ---------------------------------------------------------------


@st.composite
def long_articles(draw: st.DrawFn) -> str:
    """Articles put together with the joints a cut may take, and some it must not."""
    blocks = draw(st.lists(articles(), min_size=2, max_size=6))
    joints = draw(
        st.lists(
            st.sampled_from([".\n\n", "!\n \n\t\n", "?\n\n\n", "\n\n", ",\n\n", ".\n", " "]),
            min_size=len(blocks) - 1,
            max_size=len(blocks) - 1,
        )
    )
    text = blocks[0]
    for joint, block in zip(joints, blocks[1:], strict=True):
        text += joint + block
    return text


def cleaned_whole_and_in_parts(
    pipeline: Pipeline, text: str, size: int, monkeypatch: pytest.MonkeyPatch
) -> tuple[str, str]:
    monkeypatch.setattr(_parts, "PART_SIZE", 1 << 40)
    whole = pipeline(text)
    monkeypatch.setattr(_parts, "PART_SIZE", size)
    return whole, pipeline(text)


@given(text=long_articles(), size=st.integers(1, 120))
@example(text="Ура.\n\n# Заголовок\n\nслово , слово.\n\nx.by x.by x.by", size=1)
@example(text='Он сказал.\n\n" Привет "\n\n— Да.\n\n- пункт\n\nпродолжение', size=1)
@example(text="Text.\n\nstill\n\nmore words,\n\ncontinued.\n\nEnd", size=1)
def test_in_parts_as_whole(text: str, size: int) -> None:
    with pytest.MonkeyPatch.context() as m:
        whole, parts = cleaned_whole_and_in_parts(textclean.default_pipeline(), text, size, m)
    assert parts == whole


@given(text=long_articles(), locale=st.sampled_from(["ru", "en", "de", None]))
def test_in_parts_as_whole_with_a_pinned_locale(text: str, locale: str | None) -> None:
    with pytest.MonkeyPatch.context() as m:
        pipeline = Pipeline.default(locale=locale)
        whole, parts = cleaned_whole_and_in_parts(pipeline, text, 1, m)
    assert parts == whole


def test_golden_article_in_parts(monkeypatch: pytest.MonkeyPatch) -> None:
    raw = (FIXTURES / "belta-baku-talks.raw.md").read_text(encoding="utf-8")
    clean = (FIXTURES / "belta-baku-talks.clean.md").read_text(encoding="utf-8")
    text = "\n\n".join([raw.rstrip("\n")] * 5)
    assert len(paragraph_parts(text, 200)) > 5
    whole, parts = cleaned_whole_and_in_parts(textclean.default_pipeline(), text, 200, monkeypatch)
    assert parts == whole
    assert parts.startswith(clean)


def test_a_part_that_needs_another_round_means_the_whole_text(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    pipeline = textclean.default_pipeline()
    text = "Раз , два.\n\nТри  четыре.\n\nПять.\n\nШесть."
    calls: list[str] = []
    real = Pipeline._run_once

    def counting(self: Pipeline, text: str) -> object:
        calls.append(text)
        return real(self, text)

    monkeypatch.setattr(Pipeline, "_needs_another_round", lambda self, text, last=None: True)
    monkeypatch.setattr(Pipeline, "_run_once", counting)
    monkeypatch.setattr(_parts, "PART_SIZE", 1)
    assert pipeline(text) == "Раз, два.\n\nТри четыре.\n\nПять.\n\nШесть.\n"
    assert len(calls) == 4  # every round over the whole text, after the parts gave up


@pytest.mark.parametrize(
    ("pipeline", "in_parts"),
    [
        (Pipeline.default(), True),
        (Pipeline.default(locale="ru"), True),
        (Pipeline.default().without("quotes"), True),
        (Pipeline.default().enable("boilerplate"), False),  # looks across the document
        (Pipeline.default().enable("hyphenation"), False),
        (Pipeline.default().without("blank_lines"), False),  # the joints are its to make
        (Pipeline.default().configure("blank_lines", max_blank=2), False),
        (Pipeline.default().reorder(list(reversed(Pipeline.default().names))), False),
    ],
)
def test_which_pipelines_clean_in_parts(pipeline: Pipeline, in_parts: bool) -> None:
    assert pipeline._in_parts is in_parts


@given(st.lists(articles(), max_size=5))
def test_locale_of_parts_is_the_locale_of_the_whole(texts: list[str]) -> None:
    assert detect_locale_parts(texts) == detect_locale_masked("\n\n".join(texts))
