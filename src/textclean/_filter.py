"""Filters and the registry that names them.

A filter is a pure ``str -> str`` function with keyword-only options. It is
written against the *masked* text (see :mod:`textclean._verbatim`) and
declared with :func:`register`, which records it in the one registry that
the pipeline, the command, the docs and the tests all read, and returns a
public function that masks, filters and unmasks::

    @register("spaces", summary="…", default=True)
    def fix_spaces(text: str, *, collapse: bool = True) -> str:
        ...

A new filter is that function and nothing else.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, TypeVar

from ._locale import detect_locale_masked, resolve_locale
from ._verbatim import BLOCK, INLINE, Verbatim, mask, split_placeholders, unmask

__all__ = [
    "Filter",
    "FilterError",
    "available_filters",
    "get_filter",
    "normalize_newlines",
    "register",
]

F = TypeVar("F", bound=Callable[..., str])

_REGISTRY: dict[str, Filter] = {}


class FilterError(ValueError):
    """An unknown filter name, or an option a filter does not have or accept."""


def normalize_newlines(text: str) -> str:
    """Turn ``\\r\\n`` and lone ``\\r`` line ends into ``\\n``."""
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


def check_text(text: object, what: str) -> str:
    """Return ``text`` if it is a ``str``; raise a clear ``TypeError`` otherwise."""
    if isinstance(text, str):
        return text
    hint = (
        " (decode bytes first, e.g. data.decode('utf-8'))"
        if isinstance(text, bytes | bytearray)
        else ""
    )
    raise TypeError(f"{what} expects str, not {type(text).__name__}{hint}")


@dataclass(frozen=True, eq=False)
class Filter:
    """One named cleaning step.

    ``function`` works on masked text; calling the filter object masks the
    verbatim spans named by ``verbatim``, runs ``function`` and unmasks.
    """

    name: str
    function: Callable[..., str]
    summary: str
    default: bool = False
    verbatim: Verbatim = Verbatim.ALL
    #: False for the filters the contract allows to delete or change letters
    #: and digits (unicode repair, watermarks, and opt-ins that say so).
    keeps_letters: bool = True
    #: Run ``function`` separately on each stretch of text between verbatim
    #: placeholders (for character-level repairs that must not see them).
    per_segment: bool = False
    #: The filter's decisions depend on context that later filters change
    #: (ftfy's mojibake guess changes with spacing); the pipeline applies it
    #: once more to its final output and runs again if that changes anything.
    recheck: bool = False
    #: The filter never acts across a blank line that follows a line ending
    #: in ``.``, ``!`` or ``?`` (outside code), so a long text may be cleaned
    #: in parts cut there (see ``textclean._parts``). Declare it only when
    #: that holds; it makes no difference to the result, only to the speed.
    paragraph_local: bool = False
    options: Mapping[str, Any] = field(default_factory=dict)

    @property
    def locale_aware(self) -> bool:
        return "locale" in self.options

    @property
    def doc(self) -> str:
        return inspect.getdoc(self.function) or ""

    def check_options(self, options: Mapping[str, Any]) -> dict[str, Any]:
        """Validate option names and value types; return them as a new dict."""
        checked: dict[str, Any] = {}
        for key, value in options.items():
            if key not in self.options:
                known = ", ".join(self.options) or "none"
                raise FilterError(
                    f"filter {self.name!r} has no option {key!r} (its options: {known})"
                )
            default = self.options[key]
            if key == "locale":
                try:
                    resolve_locale(value)
                except ValueError as exc:
                    raise FilterError(f"option 'locale' of filter {self.name!r}: {exc}") from None
            elif default is not None and not _same_kind(value, default):
                raise FilterError(
                    f"option {key!r} of filter {self.name!r} expects "
                    f"{type(default).__name__}, not {type(value).__name__} ({value!r})"
                )
            checked[key] = tuple(value) if isinstance(value, list) else value
        return checked

    def run_masked(self, text: str, options: Mapping[str, Any]) -> str:
        """Run the filter on already-masked text, with already-checked options."""
        if self.per_segment:
            return run_per_segment(self.function, text, options)
        return self.function(text, **options)

    def __call__(self, text: str, /, **options: Any) -> str:
        text = normalize_newlines(check_text(text, f"filter {self.name!r}"))
        options = self.check_options(options)
        masked = mask(text, self.verbatim)
        if self.locale_aware and options.get("locale", self.options["locale"]) == "auto":
            options["locale"] = detect_locale_masked(masked.text)
        return unmask(self.run_masked(masked.text, options), masked)

    def __repr__(self) -> str:
        return f"<textclean filter {self.name!r}>"

    def __reduce__(self) -> str | tuple[Any, ...]:
        if _REGISTRY.get(self.name) is self:
            return (get_filter, (self.name,))
        return super().__reduce__()


def _same_kind(value: object, default: object) -> bool:
    if isinstance(default, bool):
        return isinstance(value, bool)
    if isinstance(default, float):
        return isinstance(value, int | float) and not isinstance(value, bool)
    if isinstance(default, tuple):
        return isinstance(value, tuple | list)
    return isinstance(value, type(default)) and not (
        isinstance(value, bool) and not isinstance(default, bool)
    )


def run_per_segment(function: Callable[..., str], text: str, options: Mapping[str, Any]) -> str:
    """Run ``function`` on each stretch of ``text`` between verbatim placeholders."""
    if INLINE not in text and BLOCK not in text:
        return function(text, **options)
    parts = split_placeholders(text)
    return "".join(
        part if i % 2 or not part else function(part, **options) for i, part in enumerate(parts)
    )


def _keyword_options(function: Callable[..., str]) -> dict[str, Any]:
    options: dict[str, Any] = {}
    for param in inspect.signature(function).parameters.values():
        if param.kind is param.KEYWORD_ONLY:
            if param.default is param.empty:
                raise TypeError(f"filter option {param.name!r} needs a default")
            options[param.name] = param.default
    return options


def register(
    name: str,
    *,
    summary: str,
    default: bool = False,
    verbatim: Verbatim = Verbatim.ALL,
    keeps_letters: bool = True,
    per_segment: bool = False,
    recheck: bool = False,
    paragraph_local: bool = False,
) -> Callable[[F], F]:
    """Register a filter function under ``name`` and return its public form.

    The public function has the same signature and docstring; it accepts any
    text, masks the verbatim spans, and resolves ``locale="auto"``.
    """

    def decorate(function: F) -> F:
        if name in _REGISTRY:
            raise ValueError(f"a filter named {name!r} is registered already")
        spec = Filter(
            name=name,
            function=function,
            summary=summary,
            default=default,
            verbatim=verbatim,
            keeps_letters=keeps_letters,
            per_segment=per_segment,
            recheck=recheck,
            paragraph_local=paragraph_local,
            options=MappingProxyType(_keyword_options(function)),
        )
        _REGISTRY[name] = spec

        @functools.wraps(function)
        def public(text: str, /, **options: Any) -> str:
            return spec(text, **options)

        public.filter = spec  # type: ignore[attr-defined]
        return public  # type: ignore[return-value]

    return decorate


def _load_builtin_filters() -> None:
    from . import filters  # noqa: F401  (importing registers the built-in filters)


def get_filter(name: str | Callable[..., str] | Filter) -> Filter:
    """Look a filter up by name (``-`` and ``_`` alike) or by its public function."""
    if isinstance(name, Filter):
        return name
    spec = getattr(name, "filter", None)
    if isinstance(spec, Filter):
        return spec
    if not isinstance(name, str):
        raise FilterError(f"not a filter: {name!r}")
    _load_builtin_filters()
    key = name.strip().replace("-", "_")
    try:
        return _REGISTRY[key]
    except KeyError:
        known = ", ".join(sorted(_REGISTRY))
        raise FilterError(f"unknown filter {name!r} (known filters: {known})") from None


def available_filters() -> Iterator[Filter]:
    """Every registered filter in the order it runs when enabled (``filters.FULL_ORDER``),
    then any filters registered by users, by name."""
    _load_builtin_filters()
    from .filters import FULL_ORDER

    order = {n: i for i, n in enumerate(FULL_ORDER)}
    yield from sorted(_REGISTRY.values(), key=lambda f: (order.get(f.name, len(order)), f.name))
