"""The public API: what is exported, how pipelines are built, and bad input."""

from __future__ import annotations

import pickle

import pytest

import textclean
from textclean import FilterError, Pipeline, Step, get_filter


def test_all_is_exactly_the_public_api() -> None:
    assert sorted(textclean.__all__) == sorted(
        [
            "DEFAULT_ORDER",
            "LOCALES",
            "Change",
            "Explanation",
            "Filter",
            "FilterError",
            "Pipeline",
            "PlaceholderError",
            "Step",
            "Verbatim",
            "__version__",
            "ascii_quotes",
            "available_filters",
            "clean",
            "currency_codes",
            "default_pipeline",
            "detect_locale",
            "explain",
            "fix_blank_lines",
            "fix_currency",
            "fix_dashes",
            "fix_quotes",
            "fix_spaces",
            "fix_unicode",
            "get_filter",
            "join_broken_wraps",
            "join_hyphenated",
            "register",
            "remove_boilerplate",
            "remove_invisible",
            "remove_watermarks",
        ]
    )
    for name in textclean.__all__:
        assert hasattr(textclean, name), name


def test_default_pipeline_is_the_contract_order() -> None:
    assert Pipeline.default().names == (
        "unicode",
        "invisible",
        "watermarks",
        "wraps",
        "spaces",
        "currency",
        "quotes",
        "dashes",
        "blank_lines",
    )
    assert [f.name for f in textclean.available_filters() if f.default] == list(
        textclean.DEFAULT_ORDER
    )


def test_opt_in_filters_are_registered_and_off_by_default() -> None:
    opt_in = {f.name for f in textclean.available_filters() if not f.default}
    assert opt_in == {"boilerplate", "hyphenation", "ascii_quotes", "currency_codes"}


@pytest.mark.parametrize("bad", [b"bytes", None, 42, ["text"], bytearray(b"x")])
def test_non_str_input_raises_type_error_naming_the_type(bad: object) -> None:
    with pytest.raises(TypeError, match=type(bad).__name__):
        textclean.clean(bad)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=type(bad).__name__):
        textclean.fix_spaces(bad)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=type(bad).__name__):
        Pipeline.default().explain(bad)  # type: ignore[arg-type]


def test_bytes_error_says_how_to_decode() -> None:
    with pytest.raises(TypeError, match="decode"):
        textclean.clean(b"x")  # type: ignore[arg-type]


def test_filters_are_found_by_name_function_or_object() -> None:
    spec = get_filter("blank_lines")
    assert get_filter("blank-lines") is spec
    assert get_filter(textclean.fix_blank_lines) is spec
    assert get_filter(spec) is spec
    with pytest.raises(FilterError, match=r"unknown filter 'nope'.*known filters: .*spaces"):
        get_filter("nope")


def test_pipeline_building_is_immutable() -> None:
    p = Pipeline.default()
    q = p.without("quotes", "dashes")
    assert "quotes" in p and "quotes" not in q
    assert q.names == (
        "unicode",
        "invisible",
        "watermarks",
        "wraps",
        "spaces",
        "currency",
        "blank_lines",
    )
    r = q.add("hyphenation", after="wraps").add("ascii_quotes", before="blank_lines")
    assert r.names.index("hyphenation") == r.names.index("wraps") + 1
    assert r.names[-2:] == ("ascii_quotes", "blank_lines")
    assert p.only("spaces", "unicode").names == ("unicode", "spaces")
    assert p.reorder(reversed(p.names)).names == tuple(reversed(p.names))
    with pytest.raises(FilterError, match="every filter"):
        p.reorder(["spaces"])
    with pytest.raises(FilterError, match="twice"):
        p.add("spaces")
    with pytest.raises(FilterError, match="not in the pipeline"):
        q.without("quotes")
    with pytest.raises(AttributeError):
        p.steps = ()  # type: ignore[misc]


def test_pipeline_from_names_functions_steps_and_pairs() -> None:
    p = Pipeline(
        [
            "unicode",
            textclean.fix_spaces,
            Step(get_filter("dashes"), {"locale": "de"}),
            ("blank_lines", {}),
        ]
    )
    assert p.names == ("unicode", "spaces", "dashes", "blank_lines")
    assert p["dashes"].options == {"locale": "de"}
    assert p("a - b  , c") == "a – b, c\n"


def test_configure_checks_option_names_and_types() -> None:
    p = Pipeline.default()
    assert p.configure("quotes", locale="en")["quotes"].options == {"locale": "en"}
    with pytest.raises(FilterError, match="filter 'spaces' has no option 'bogus'"):
        p.configure("spaces", bogus=1)
    with pytest.raises(ValueError, match="unknown locale"):
        p.configure("quotes", locale="xx")
    with pytest.raises(FilterError, match="filter 'spaces' has no option"):
        textclean.fix_spaces("a", bogus=True)


def test_pipelines_pickle_and_compare() -> None:
    p = Pipeline.default(locale="uk").configure("dashes", locale="de").without("currency")
    q = pickle.loads(pickle.dumps(p))
    assert q == p
    assert q.names == p.names and q.locale == "uk"
    assert q("a - b") == p("a - b")
    assert pickle.loads(pickle.dumps(get_filter("spaces"))) is get_filter("spaces")


def test_pipeline_locale_applies_unless_a_step_pins_its_own() -> None:
    p = Pipeline(["quotes", "dashes"], locale="en").configure("dashes", locale="de")
    assert p('"a" - b') == "“a” – b"


def test_clean_returns_newline_line_ends() -> None:
    assert textclean.clean("A\r\nB\rC") == "A\nB\nC\n"


def test_empty_and_whitespace_only_text() -> None:
    assert textclean.clean("") == ""
    assert textclean.clean(" \n\t \n") == ""


def test_explain_reports_filters_counts_and_places() -> None:
    text = "# Заголовок\n\nслово , слово\n\nWWW.X.BY WWW.X.BY WWW.X.BY\n"
    e = textclean.explain(text)
    assert e.text == textclean.clean(text)
    assert e.changed
    counts = e.counts()
    assert counts["spaces"] == 1 and "watermarks" in counts
    space = e.for_filter("spaces")[0]
    assert (space.line, space.column) == (3, 6)
    assert text[space.start : space.end] == " "
    assert space.before == " " and space.after == ""
    report = e.report(name="doc.md")
    assert report.startswith("doc.md: ") and "spaces: 1" in report and "3:6" in report
    as_data = e.to_dict()
    assert as_data["counts"] == counts and as_data["changes"][0]["filter"]


def test_explain_maps_later_changes_back_through_earlier_ones() -> None:
    text = "\n\n\nслово , слово\n"
    e = Pipeline(["blank_lines", "spaces"]).explain(text)
    (change,) = e.for_filter("spaces")
    assert text[change.start : change.end] == " " and change.line == 4 and change.column == 6


def test_explain_of_clean_text_is_empty() -> None:
    e = textclean.explain("Всё чисто.\n")
    assert not e.changed and e.changes == () and e.report() == "<text>: unchanged"


def test_register_a_custom_filter() -> None:
    from textclean import register

    @register("test_upper_x", summary="x to X (test only)")
    def upper_x(text: str, *, letter: str = "x") -> str:
        return text.replace(letter, letter.upper())

    try:
        assert upper_x("axb `x`") == "aXb `x`"
        p = Pipeline.default().add("test_upper_x")
        assert p("x\n") == "X\n"
        assert get_filter("test_upper_x").options == {"letter": "x"}
        with pytest.raises(ValueError, match="registered already"):
            register("test_upper_x", summary="again")(upper_x)
    finally:
        from textclean._filter import _REGISTRY

        del _REGISTRY["test_upper_x"]


def test_enable_places_opt_in_filters_where_they_belong() -> None:
    p = Pipeline.default().enable("currency_codes", "hyphenation", "ascii_quotes", "boilerplate")
    assert p.names == textclean.filters.FULL_ORDER
    assert Pipeline.default().enable("spaces") == Pipeline.default()
    assert Pipeline(["spaces"]).enable("unicode", "blank_lines").names == (
        "unicode",
        "spaces",
        "blank_lines",
    )


def test_available_filters_follow_the_full_order() -> None:
    assert tuple(f.name for f in textclean.available_filters()) == textclean.filters.FULL_ORDER


def test_bad_locale_option_is_a_filter_error() -> None:
    with pytest.raises(FilterError, match="option 'locale' of filter 'quotes'"):
        Pipeline.default().configure("quotes", locale="xx")


def test_pipeline_reaches_a_fixed_point_when_a_recheck_finds_more() -> None:
    # ftfy sees mojibake only once the doubled space has gone (found by hypothesis).
    text = "а  Î\x91"
    once = textclean.clean(text)
    assert once == "а Α\n"
    assert textclean.clean(once) == once
    assert textclean.explain(text).text == once
