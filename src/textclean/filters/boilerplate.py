"""SCAFFOLD: replaced by the real filter; not for release."""

from __future__ import annotations

from .._filter import register
from .._verbatim import Verbatim  # noqa: F401


@register(
    "boilerplate",
    summary="(pending)",
    default=False,
    keeps_letters=False,
)
def remove_boilerplate(text: str) -> str:
    return text
