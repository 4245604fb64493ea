"""SCAFFOLD: replaced by the real filter; not for release."""

from __future__ import annotations

from .._filter import register
from .._verbatim import Verbatim


@register(
    "watermarks",
    summary="(pending)",
    default=True,
    keeps_letters=False,
    verbatim=Verbatim.CODE,
)
def remove_watermarks(text: str) -> str:
    return text
