"""SCAFFOLD: replaced by the real filter; not for release."""

from __future__ import annotations

from .._filter import register
from .._verbatim import Verbatim  # noqa: F401


@register(
    "wraps",
    summary="(pending)",
    default=True,
)
def join_broken_wraps(text: str) -> str:
    return text
