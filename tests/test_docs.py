"""The docs are kept complete by the code: every filter and option has its place."""

from __future__ import annotations

import re

import pytest

import textclean

from .conftest import ROOT

DOCS = ROOT / "docs"
FILTERS = list(textclean.available_filters())


@pytest.mark.parametrize("spec", FILTERS, ids=[f.name for f in FILTERS])
def test_every_filter_has_a_docs_page(spec: textclean.Filter) -> None:
    page = DOCS / "filters" / f"{spec.name}.md"
    assert page.exists(), f"docs/filters/{spec.name}.md is missing"
    text = page.read_text(encoding="utf-8")
    assert text.startswith(f"# `{spec.name}`"), f"{page} must start with '# `{spec.name}`'"
    for option in spec.options:
        assert f"`{option}`" in text, f"{page} does not document option {option!r}"
    assert "```" in text, f"{page} has no example"
    assert re.search(r"(?im)^## .*leaves? alone|^## .*does not change|^## .*left alone", text), (
        f"{page} does not say what the filter leaves alone"
    )


@pytest.mark.parametrize("spec", FILTERS, ids=[f.name for f in FILTERS])
def test_every_filter_docstring_has_a_runnable_example(spec: textclean.Filter) -> None:
    assert ">>> " in spec.doc, f"filter {spec.name!r} has no doctest example"
    assert spec.summary and spec.summary != "(pending)", spec.name


def filters_table() -> str:
    """The table docs/filters.md must hold, made from the registry."""
    rows = ["| filter | default | what it does |", "|---|---|---|"]
    for spec in FILTERS:
        on = "on" if spec.default else "opt-in"
        rows.append(f"| [`{spec.name}`](filters/{spec.name}.md) | {on} | {spec.summary} |")
    return "\n".join(rows) + "\n"


def test_filters_index_is_the_registry() -> None:
    index = (DOCS / "filters.md").read_text(encoding="utf-8")
    table = filters_table()
    assert table in index, f"docs/filters.md must contain exactly this table:\n{table}"


def test_changelog_exists_and_names_the_version() -> None:
    assert textclean.__version__ in (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
