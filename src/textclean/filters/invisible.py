"""SCAFFOLD: replaced by the real filter; not for release."""

from __future__ import annotations

from .._filter import register
from .._verbatim import Verbatim  # noqa: F401


@register(
    "invisible",
    summary="(pending)",
    default=True,
)
def remove_invisible(text: str) -> str:
    return text
