"""The pipeline: a named, ordered, immutable and picklable sequence of filters."""

from __future__ import annotations

from collections.abc import Callable, Generator, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, TypeAlias

from . import _parts
from ._filter import (
    Filter,
    FilterError,
    check_text,
    get_filter,
    normalize_newlines,
    run_per_segment,
)
from ._locale import detect_locale_masked, detect_locale_parts, resolve_locale
from ._verbatim import Verbatim, mask, unmask

if TYPE_CHECKING:
    from ._explain import Explanation

__all__ = ["MAX_ROUNDS", "Pipeline", "Step", "StepLike"]

#: How many times at most a pipeline runs over a text to reach a fixed point.
MAX_ROUNDS = 4


@dataclass(frozen=True)
class Step:
    """A filter with its options."""

    filter: Filter
    options: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        checked = self.filter.check_options(dict(self.options))
        object.__setattr__(self, "options", MappingProxyType(checked))

    @property
    def name(self) -> str:
        return self.filter.name

    def __repr__(self) -> str:
        opts = ", ".join(f"{k}={v!r}" for k, v in self.options.items())
        return f"Step({self.name!r}{', ' + opts if opts else ''})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Step):
            return NotImplemented
        return self.filter is other.filter and dict(self.options) == dict(other.options)

    def __hash__(self) -> int:
        return hash((self.name, tuple(sorted(self.options.items(), key=lambda kv: kv[0]))))

    def __reduce__(self) -> tuple[Any, ...]:
        return (Step, (self.filter, dict(self.options)))


StepLike: TypeAlias = "str | Filter | Step | Callable[..., str] | tuple[str, Mapping[str, Any]]"


def _to_step(item: StepLike) -> Step:
    if isinstance(item, Step):
        return item
    if isinstance(item, tuple):
        name, options = item
        return Step(get_filter(name), options)
    return Step(get_filter(item))


@dataclass(frozen=True)
class Pipeline:
    """An immutable sequence of configured filters, applied in order.

    Build one from filter names, filter functions, :class:`Step` objects or
    ``(name, options)`` pairs; every change returns a new pipeline.

    >>> p = Pipeline.default().without("quotes").configure("dashes", locale="en")
    >>> "quotes" in p, p.names[:3]
    (False, ('unicode', 'invisible', 'watermarks'))
    >>> Pipeline(["spaces", "blank_lines"])("a  ,  b\\n\\n\\n")
    'a, b\\n'
    """

    steps: tuple[Step, ...]
    locale: str | None = "auto"
    name: str = "custom"
    _plan: _Plan = field(init=False, repr=False, compare=False)
    _rechecks: _Rechecks = field(init=False, repr=False, compare=False)
    _in_parts: bool = field(init=False, repr=False, compare=False)

    def __init__(
        self,
        steps: Iterable[StepLike] = (),
        *,
        locale: str | None = "auto",
        name: str = "custom",
    ) -> None:
        built = tuple(_to_step(s) for s in steps)
        seen: set[str] = set()
        for step in built:
            if step.name in seen:
                raise FilterError(f"filter {step.name!r} appears twice in the pipeline")
            seen.add(step.name)
        object.__setattr__(self, "steps", built)
        object.__setattr__(self, "locale", resolve_locale(locale))
        object.__setattr__(self, "name", name)
        self._build_plan()

    # The plan is derived from the fields: it is left out of pickles and
    # rebuilt on load (its functions are not importable by name).
    def __getstate__(self) -> dict[str, Any]:
        return {"steps": self.steps, "locale": self.locale, "name": self.name}

    def __setstate__(self, state: dict[str, Any]) -> None:
        for key, value in state.items():
            object.__setattr__(self, key, value)
        self._build_plan()

    def _build_plan(self) -> None:
        plan = _plan(self.steps, self.locale)
        object.__setattr__(self, "_plan", plan)
        rechecks = tuple(
            (verbatim, planned)
            for (verbatim, group), step_group in zip(plan, _grouped(self.steps), strict=True)
            for planned, step in zip(group, step_group, strict=True)
            if step.filter.recheck
        )
        object.__setattr__(self, "_rechecks", rechecks)
        object.__setattr__(self, "_in_parts", _cleans_in_parts(self.steps))

    # ----- construction ---------------------------------------------------
    @classmethod
    def default(cls, *, locale: str | None = "auto") -> Pipeline:
        """The contract's default pipeline."""
        from .filters import DEFAULT_ORDER

        return cls(DEFAULT_ORDER, locale=locale, name="default")

    def _replace(self, steps: Iterable[Step]) -> Pipeline:
        return Pipeline(steps, locale=self.locale, name=self.name)

    @property
    def names(self) -> tuple[str, ...]:
        """The names of the filters, in order."""
        return tuple(s.name for s in self.steps)

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and name.replace("-", "_") in self.names

    def __iter__(self) -> Iterator[Step]:
        return iter(self.steps)

    def __len__(self) -> int:
        return len(self.steps)

    def _index(self, name: str | Filter | Callable[..., str]) -> int:
        wanted = get_filter(name).name
        for i, step in enumerate(self.steps):
            if step.name == wanted:
                return i
        raise FilterError(
            f"filter {wanted!r} is not in the pipeline (it has {', '.join(self.names)})"
        )

    def __getitem__(self, name: str) -> Step:
        return self.steps[self._index(name)]

    def without(self, *names: str) -> Pipeline:
        """The pipeline less the named filters."""
        drop = {self.steps[self._index(n)].name for n in names}
        return self._replace(s for s in self.steps if s.name not in drop)

    def only(self, *names: str) -> Pipeline:
        """The pipeline keeping just the named filters, in its own order."""
        keep = {self.steps[self._index(n)].name for n in names}
        return self._replace(s for s in self.steps if s.name in keep)

    def add(
        self,
        item: StepLike,
        *,
        before: str | None = None,
        after: str | None = None,
        **options: Any,
    ) -> Pipeline:
        """The pipeline with one more filter: at the end, or ``before``/``after`` another."""
        if before is not None and after is not None:
            raise FilterError("give before= or after=, not both")
        step = _to_step(item)
        if options:
            step = Step(step.filter, {**step.options, **options})
        steps = list(self.steps)
        if before is not None:
            steps.insert(self._index(before), step)
        elif after is not None:
            steps.insert(self._index(after) + 1, step)
        else:
            steps.append(step)
        return self._replace(steps)

    def enable(self, *items: StepLike) -> Pipeline:
        """The pipeline with more filters, each placed where it belongs.

        A built-in filter goes before the first step that runs after it in
        ``textclean.filters.FULL_ORDER``; any other filter goes at the end. A
        filter already in the pipeline stays as it is.

        >>> Pipeline.default().enable("hyphenation", "boilerplate").names[2:6]
        ('watermarks', 'boilerplate', 'hyphenation', 'wraps')
        """
        from .filters import FULL_ORDER

        rank = {n: i for i, n in enumerate(FULL_ORDER)}
        steps = list(self.steps)
        for item in items:
            step = _to_step(item)
            if any(s.name == step.name for s in steps):
                continue
            mine = rank.get(step.name)
            at = len(steps)
            if mine is not None:
                for i, existing in enumerate(steps):
                    if rank.get(existing.name, -1) > mine:
                        at = i
                        break
            steps.insert(at, step)
        return self._replace(steps)

    def configure(self, name: str, **options: Any) -> Pipeline:
        """The pipeline with new options for one filter (merged over its current ones)."""
        i = self._index(name)
        steps = list(self.steps)
        steps[i] = Step(steps[i].filter, {**steps[i].options, **options})
        return self._replace(steps)

    def reorder(self, names: Iterable[str]) -> Pipeline:
        """The same filters in a new order; ``names`` must name each of them once."""
        order = [self.steps[self._index(n)] for n in names]
        if sorted(s.name for s in order) != sorted(self.names):
            raise FilterError(
                f"reorder() must name every filter of the pipeline once: {', '.join(self.names)}"
            )
        return self._replace(order)

    def with_locale(self, locale: str | None) -> Pipeline:
        """The same filters with another locale (``"auto"``, ``None`` or a code)."""
        return Pipeline(self.steps, locale=locale, name=self.name)

    # ----- running ----------------------------------------------------------
    def __call__(self, text: str) -> str:
        """Clean ``text``: every step in order; line ends become ``\\n``.

        The result is a fixed point: a filter marked ``recheck`` is applied
        once more to the result, and when that changes it the whole pipeline
        runs again (at most :data:`MAX_ROUNDS` times in all). A long text is
        cleaned in parts when every step allows it, with the same result
        (see :meth:`_run_in_parts`).
        """
        text = normalize_newlines(check_text(text, "textclean"))
        if self._in_parts and len(text) > 2 * _parts.PART_SIZE:
            spans = _parts.paragraph_parts(text, _parts.PART_SIZE)
            if len(spans) > 1:
                cleaned = self._run_in_parts(text, spans)
                if cleaned is not None:
                    return cleaned
        for _ in range(MAX_ROUNDS):
            text, last = self._run_once(text)
            if not self._needs_another_round(text, last):
                break
        return text

    def _run_once(self, text: str) -> tuple[str, tuple[Verbatim, str] | None]:
        """One pass of every step; also the last group's kinds and masked result."""
        run = self._round(text)
        del text
        try:
            work = next(run)
            while True:  # the round stops (once) where it needs the locale
                work = run.send(detect_locale_masked(work))
        except StopIteration as done:
            result: tuple[str, tuple[Verbatim, str] | None] = done.value
            return result

    def _round(self, text: str, start: int = 0, end: int | None = None) -> _Round:
        """One pass of every step over ``text[start:end]``, as a generator.

        Where a step needs the locale detected, it yields the masked text as
        it stands and expects the locale to be sent back; the steps then go
        on. It returns the result and the last group's kinds and masked text.
        """
        if start or end is not None:
            text = text[start:end]
        locale: str | _Unset | None = _UNSET
        last: tuple[Verbatim, str] | None = None
        for verbatim, steps in self._plan:
            last = None  # (it holds a copy of the text: let it go)
            masked = mask(text, verbatim)
            work = masked.text
            # The spans are in ``masked``: drop the unmasked text, so that a
            # step's input and output are the only whole copies alive.
            del text
            for step in steps:
                if step[2] and isinstance(locale, _Unset):  # it needs the locale
                    locale = yield work
                work = _apply(step, work, locale)
            text = unmask(work, masked)
            last = (verbatim, work)
            del work, masked
        return text, last

    def _run_in_parts(self, text: str, spans: list[tuple[int, int]]) -> str | None:
        """Clean ``text`` a part at a time; None if a part needs another round.

        The pipeline's filters are all ``paragraph_local`` and it ends with
        ``blank_lines`` (one blank line at most), so each part is cleaned as
        it would be inside the whole, and the whole's result is the parts'
        results with one blank line between them. Two things are the whole's:
        the locale, detected from the letters of every part at the step that
        needs it (letter counts add up), and the fixed point — when a part
        would need another round, the text is cleaned whole instead.
        """
        runs = [self._round(text, start, end) for start, end in spans]
        # Each part runs up to the step that needs the locale (if one does).
        finished: dict[int, tuple[str, tuple[Verbatim, str] | None]] = {}
        waiting: list[str] = []
        for i, run in enumerate(runs):
            try:
                waiting.append(next(run))
            except StopIteration as done:
                finished[i] = done.value
        locale = detect_locale_parts(waiting) if waiting else None
        del waiting
        cleaned: list[str] = []
        runs.reverse()
        for i in range(len(spans)):
            run = runs.pop()  # (and the part's intermediate copies go with it)
            if i in finished:
                part, last = finished.pop(i)
            else:
                try:
                    run.send(locale)
                    raise AssertionError("a round asks for the locale once")  # pragma: no cover
                except StopIteration as done:
                    part, last = done.value
            del run
            if self._needs_another_round(part, last):
                return None
            if part:
                cleaned.append(part)
        return "\n".join(cleaned)

    def _needs_another_round(self, text: str, last: tuple[Verbatim, str] | None = None) -> bool:
        """Would a ``recheck`` filter change ``text``? (Reuses the last mask when it fits.)"""
        locale: str | _Unset | None = _UNSET
        for verbatim, step in self._rechecks:
            work = last[1] if last and last[0] == verbatim else mask(text, verbatim).text
            if step[2] and isinstance(locale, _Unset):
                locale = detect_locale_masked(work)
            if _apply(step, work, locale) != work:
                return True
        return False

    def run_steps(self, text: str) -> Iterator[tuple[Step, str]]:
        """Yield each step with the text as it stands after that step.

        The steps come round again, as in :meth:`__call__`, while a recheck
        finds more to do.
        """
        text = normalize_newlines(check_text(text, "textclean"))
        planned = [p for _, group in self._plan for p in group]  # in the order of the steps
        for _ in range(MAX_ROUNDS):
            locale: str | _Unset | None = _UNSET
            for step, ready in zip(self.steps, planned, strict=True):
                masked = mask(text, step.filter.verbatim)
                if ready[2] and isinstance(locale, _Unset):
                    locale = detect_locale_masked(masked.text)
                text = unmask(_apply(ready, masked.text, locale), masked)
                yield step, text
            if not self._needs_another_round(text):
                break

    def explain(self, text: str) -> Explanation:
        """Clean ``text`` and say which filters changed what, and where.

        >>> e = Pipeline.default().explain("слово , слово\\n")
        >>> e.text
        'слово, слово\\n'
        >>> e.counts()
        {'spaces': 1}
        """
        from ._explain import explain_steps

        check_text(text, "textclean")
        return explain_steps(text, self.run_steps(text))

    def __repr__(self) -> str:
        return f"Pipeline({list(self.names)!r}, locale={self.locale!r}, name={self.name!r})"


class _Unset:
    """The type of :data:`_UNSET`: no locale detected yet in this round."""


_UNSET = _Unset()

#: One step ready to run: the filter's function, its options (with the locale
#: resolved unless it is "auto"), whether the locale must be detected first,
#: and whether it runs per stretch between placeholders.
_PlannedStep: TypeAlias = tuple[Callable[..., str], Mapping[str, Any], bool, bool]
_Plan: TypeAlias = tuple[tuple[Verbatim, tuple[_PlannedStep, ...]], ...]
#: The steps marked ``recheck``, each with the kinds it runs masked.
_Rechecks: TypeAlias = tuple[tuple[Verbatim, _PlannedStep], ...]


#: One round of the steps over a text or a part (see :meth:`Pipeline._round`).
_Round: TypeAlias = Generator[str, "str | None", tuple[str, tuple[Verbatim, str] | None]]


def _apply(step: _PlannedStep, work: str, locale: str | _Unset | None) -> str:
    """Run one planned step on masked text (``locale``: the round's, when it needs one)."""
    function, options, auto_locale, per_segment = step
    if auto_locale:
        assert not isinstance(locale, _Unset)  # detected before the step
        options = {**options, "locale": locale}
    if per_segment:
        return run_per_segment(function, work, options)
    return function(work, **options)


def _cleans_in_parts(steps: tuple[Step, ...]) -> bool:
    """Whether a long text may be cleaned in parts: see :meth:`Pipeline._run_in_parts`."""
    return (
        bool(steps)
        and all(step.filter.paragraph_local for step in steps)
        and steps[-1].name == "blank_lines"
        and steps[-1].options.get("max_blank", 1) == 1
    )


def _grouped(steps: tuple[Step, ...]) -> list[list[Step]]:
    """Consecutive steps that protect the same verbatim kinds, together."""
    groups: list[list[Step]] = []
    for step in steps:
        if groups and groups[-1][0].filter.verbatim == step.filter.verbatim:
            groups[-1].append(step)
        else:
            groups.append([step])
    return groups


def _plan(steps: tuple[Step, ...], locale: str | None) -> _Plan:
    """The steps grouped by the verbatim kinds they need masked, ready to run.

    Consecutive steps that protect the same kinds share one mask. Worked out
    once per pipeline, so that a call costs nothing per step but the filter.
    """
    return tuple(
        (group[0].filter.verbatim, tuple(_planned(step, locale) for step in group))
        for group in _grouped(steps)
    )


def _planned(step: Step, locale: str | None) -> _PlannedStep:
    f = step.filter
    options: dict[str, Any] = dict(step.options)
    auto = False
    if f.locale_aware:
        wanted = options.get("locale", locale)
        auto = wanted == "auto"
        if auto:
            options.pop("locale", None)
        else:
            options["locale"] = wanted
    return (f.function, MappingProxyType(options), auto, f.per_segment)
