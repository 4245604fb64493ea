"""Doctests in README.md and docs/*.md see textclean and Pipeline without importing them."""

from __future__ import annotations

from typing import Any

import pytest


@pytest.fixture(autouse=True)
def _doctest_names(doctest_namespace: dict[str, Any]) -> None:
    import textclean

    doctest_namespace["textclean"] = textclean
    doctest_namespace["Pipeline"] = textclean.Pipeline
