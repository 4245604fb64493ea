"""SCAFFOLD: replaced by the real filter; not for release."""

from __future__ import annotations

from .._filter import register


@register("quotes", summary="(pending)", default=True)
def fix_quotes(text: str, *, locale: str | None = "auto") -> str:
    return text


@register("ascii_quotes", summary="(pending)")
def ascii_quotes(text: str) -> str:
    return text
