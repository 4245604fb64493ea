"""textclean: small, safe, composable filters for text scraped from the web.

>>> import textclean
>>> textclean.clean("Цена  до \\\\$1 млрд , - сказал он .")
'Цена до $1 млрд, — сказал он.\\n'

Build your own pipeline from named filters:

>>> p = textclean.Pipeline.default().without("quotes")
>>> p.names
('unicode', 'invisible', 'watermarks', 'wraps', 'spaces', 'currency', 'dashes', 'blank_lines')
"""

from __future__ import annotations

import functools

from ._explain import Change, Explanation
from ._filter import Filter, FilterError, available_filters, get_filter, register
from ._locale import LOCALES, detect_locale
from ._pipeline import Pipeline, Step
from ._verbatim import PlaceholderError, Verbatim
from ._version import __version__
from .filters import (
    DEFAULT_ORDER,
    ascii_quotes,
    currency_codes,
    fix_blank_lines,
    fix_currency,
    fix_dashes,
    fix_quotes,
    fix_spaces,
    fix_unicode,
    join_broken_wraps,
    join_hyphenated,
    remove_boilerplate,
    remove_invisible,
    remove_watermarks,
)

__all__ = [
    "DEFAULT_ORDER",
    "LOCALES",
    "Change",
    "Explanation",
    "Filter",
    "FilterError",
    "Pipeline",
    "PlaceholderError",
    "Step",
    "Verbatim",
    "__version__",
    "ascii_quotes",
    "available_filters",
    "clean",
    "currency_codes",
    "default_pipeline",
    "detect_locale",
    "explain",
    "fix_blank_lines",
    "fix_currency",
    "fix_dashes",
    "fix_quotes",
    "fix_spaces",
    "fix_unicode",
    "get_filter",
    "join_broken_wraps",
    "join_hyphenated",
    "register",
    "remove_boilerplate",
    "remove_invisible",
    "remove_watermarks",
]


@functools.lru_cache(maxsize=16)
def default_pipeline(locale: str | None = "auto") -> Pipeline:
    """The contract's default pipeline for ``locale`` (built once, then shared)."""
    return Pipeline.default(locale=locale)


def clean(text: str, *, locale: str | None = "auto") -> str:
    """Clean ``text`` with the default pipeline.

    ``locale`` is ``"auto"`` (decided by the text's letters), ``None`` (quotes
    and dashes left as they are) or one of ``ru uk be en de``.

    >>> clean('" Привет " , - сказал он')
    '«Привет», — сказал он\\n'
    >>> clean('He said - "hi"', locale="en")
    'He said — “hi”\\n'
    """
    return default_pipeline(locale)(text)


def explain(text: str, *, locale: str | None = "auto") -> Explanation:
    """Clean ``text`` with the default pipeline and say what changed, and where."""
    return default_pipeline(locale).explain(text)
