"""The built-in filters. Importing this package registers every one of them.

Each module holds one filter (or a filter and its opt-in sibling); its
patterns sit at the top of the module, compiled once.
"""

from __future__ import annotations

from .blank_lines import fix_blank_lines
from .boilerplate import remove_boilerplate
from .currency import currency_codes, fix_currency
from .dashes import fix_dashes
from .hyphenation import join_hyphenated
from .invisible import remove_invisible
from .quotes import ascii_quotes, fix_quotes
from .spaces import fix_spaces
from .unicode import fix_unicode
from .watermarks import remove_watermarks
from .wraps import join_broken_wraps

#: The contract's default pipeline, in the order it runs. Each filter sees
#: the text its predecessors left: unicode repair first (entities may hide
#: spaces and quotes), invisible characters before watermarks (a zero-width
#: space can split a watermark's units), watermarks before wraps (removing a
#: watermark line can leave a broken wrap behind), currency before dashes
#: (``- \\$5``: an escaped dollar is not yet a word to put a dash before),
#: blank lines last.
DEFAULT_ORDER: tuple[str, ...] = (
    "unicode",
    "invisible",
    "watermarks",
    "wraps",
    "spaces",
    "currency",
    "quotes",
    "dashes",
    "blank_lines",
)

#: Every built-in filter in the order it runs when enabled: the opt-in
#: filters sit where their work belongs (boilerplate lines go before wraps
#: are joined; a hyphenated break is mended before wraps; plain quotes are
#: made after typographic ones; codes after currency spacing).
FULL_ORDER: tuple[str, ...] = (
    "unicode",
    "invisible",
    "watermarks",
    "boilerplate",
    "hyphenation",
    "wraps",
    "spaces",
    "currency",
    "currency_codes",
    "quotes",
    "ascii_quotes",
    "dashes",
    "blank_lines",
)

__all__ = [
    "DEFAULT_ORDER",
    "FULL_ORDER",
    "ascii_quotes",
    "currency_codes",
    "fix_blank_lines",
    "fix_currency",
    "fix_dashes",
    "fix_quotes",
    "fix_spaces",
    "fix_unicode",
    "join_broken_wraps",
    "join_hyphenated",
    "remove_boilerplate",
    "remove_invisible",
    "remove_watermarks",
]
