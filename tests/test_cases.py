"""Data-driven cases: ``tests/cases/<filter>/changes.json`` and ``keeps.json``.

Each case is ``{"label", "in", "out", "options", "comment", "xfail"}``; in
``keeps.json`` there is no ``out``: the filter must return the input as it
is. ``tests/cases/pipeline/`` holds cases for the default pipeline
(``textclean.clean``), whose output always ends with one newline.
A case with ``"xfail": "why"`` is a known failure (strict).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import textclean
from textclean import get_filter

from .conftest import CASES


def _load() -> list[Any]:
    params = []
    for path in sorted(CASES.glob("*/*.json")):
        target = path.parent.name
        kind = path.stem
        for case in json.loads(path.read_text(encoding="utf-8")):
            marks = (
                [pytest.mark.xfail(reason=case["xfail"], strict=True)] if "xfail" in case else []
            )
            params.append(
                pytest.param(target, kind, case, id=f"{target}/{kind}/{case['label']}", marks=marks)
            )
    return params


CASE_PARAMS = _load()


def _run(target: str, text: str, options: dict[str, Any]) -> str:
    if target == "pipeline":
        return textclean.clean(text, **options)
    return get_filter(target)(text, **options)


@pytest.mark.parametrize(("target", "kind", "case"), CASE_PARAMS)
def test_case(target: str, kind: str, case: dict[str, Any]) -> None:
    options = case.get("options", {})
    got = _run(target, case["in"], options)
    if kind == "keeps":
        assert "out" not in case, "a keeps case has no 'out': the input must come back as it is"
        want = case["in"]
        if target == "pipeline" and want.strip():
            want = want if want.endswith("\n") else want + "\n"
    else:
        want = case["out"]
    assert got == want
    assert _run(target, got, options) == got, "not idempotent on this case"


def test_every_filter_has_cases_in_both_directions() -> None:
    for spec in textclean.available_filters():
        folder = CASES / spec.name
        changes = json.loads((folder / "changes.json").read_text(encoding="utf-8"))
        keeps = json.loads((folder / "keeps.json").read_text(encoding="utf-8"))
        assert len(changes) >= 8, f"{spec.name}: too few cases that change text"
        assert len(keeps) >= len(changes), f"{spec.name}: fewer must-not-change cases than changes"


def test_case_labels_are_unique() -> None:
    seen: set[str] = set()
    for path in CASES.glob("*/*.json"):
        for case in json.loads(path.read_text(encoding="utf-8")):
            key = f"{path.parent.name}/{path.stem}/{case['label']}"
            assert key not in seen, f"duplicate label {key}"
            seen.add(key)
            assert set(case) <= {"label", "in", "out", "options", "comment", "xfail"}, key


def test_case_files_are_for_known_filters() -> None:
    names = {f.name for f in textclean.available_filters()} | {"pipeline"}
    for folder in CASES.iterdir():
        if folder.is_dir():
            assert folder.name in names, f"tests/cases/{folder.name}: no such filter"
    assert Path(CASES / "pipeline" / "keeps.json").exists()
