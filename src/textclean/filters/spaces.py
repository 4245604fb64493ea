"""SCAFFOLD: replaced by the real filter; not for release."""

from __future__ import annotations

from .._filter import register
from .._verbatim import Verbatim  # noqa: F401


@register(
    "spaces",
    summary="(pending)",
    default=True,
)
def fix_spaces(text: str) -> str:
    return text
