"""SCAFFOLD: replaced by the real filter; not for release."""

from __future__ import annotations

from .._filter import register
from .._verbatim import Verbatim  # noqa: F401


@register(
    "unicode",
    summary="(pending)",
    default=True,
    keeps_letters=False,
    per_segment=True,
)
def fix_unicode(text: str) -> str:
    return text
