"""Measurements: throughput, peak memory, quality, scaling, the command's -j, a profile."""

from __future__ import annotations

import gc
import io
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .corpus import Document, iter_documents
from .scoring import QualityTotals, score
from .tools import Tool

__all__ = [
    "JobsResult",
    "ScalingPoint",
    "ToolResult",
    "measure_jobs",
    "measure_memory",
    "measure_quality",
    "measure_scaling",
    "measure_throughput",
    "profile_textclean",
]

MB = 1024 * 1024


@dataclass
class ToolResult:
    """Everything measured for one tool."""

    tool: Tool
    bytes: int = 0
    times: list[float] = field(default_factory=list)
    peak: int = 0  # bytes, largest over the measured documents
    peak_doc_bytes: int = 0  # UTF-8 size of the document that gave the peak
    quality: QualityTotals | None = None
    error: str = ""

    @property
    def seconds(self) -> float:
        return statistics.median(self.times) if self.times else float("nan")

    @property
    def mb_per_s(self) -> float:
        return self.bytes / MB / self.seconds if self.times else float("nan")


def _applicable(tool: Tool, docs: list[Document]) -> list[tuple[str, str]]:
    return [(d.raw, d.locale) for d in docs if tool.applies(d.locale)]


def measure_throughput(result: ToolResult, docs: list[Document], repeats: int) -> None:
    """Median wall time of ``repeats`` passes over the corpus, one call per document."""
    run = result.tool.run
    assert run is not None
    work = _applicable(result.tool, docs)
    result.bytes = sum(len(t.encode("utf-8")) for t, _ in work)
    for text, loc in work[:3]:  # warm up: lazy imports, caches
        run(text, loc)
    for _ in range(repeats):
        gc.collect()
        start = time.perf_counter()
        for text, loc in work:
            run(text, loc)
        result.times.append(time.perf_counter() - start)


def measure_memory(result: ToolResult, docs: list[Document], largest: int = 3) -> None:
    """Peak extra Python heap (tracemalloc) while cleaning each of the largest documents.

    The input string is allocated before tracing starts, so the figure is what
    the tool allocates on top of it: copies, intermediate strings, the output.
    """
    run = result.tool.run
    assert run is not None
    work = sorted(
        (d for d in docs if result.tool.applies(d.locale)), key=lambda d: d.size, reverse=True
    )[:largest]
    for doc in work:
        text = doc.raw
        gc.collect()
        tracemalloc.start()
        try:
            tracemalloc.reset_peak()
            base = tracemalloc.get_traced_memory()[0]
            out = run(text, doc.locale)
            peak = tracemalloc.get_traced_memory()[1] - base
        finally:
            tracemalloc.stop()
        del out
        if peak > result.peak:
            result.peak = peak
            result.peak_doc_bytes = doc.size


def measure_quality(result: ToolResult, docs: list[Document]) -> None:
    run = result.tool.run
    assert run is not None
    totals = QualityTotals()
    for doc in docs:
        if result.tool.applies(doc.locale):
            totals.add(doc, score(doc, run(doc.raw, doc.locale)))
    result.quality = totals


def memory_on_text(run: Callable[[str, str], str], text: str, locale: str = "ru") -> int:
    """Peak extra Python heap (tracemalloc) of one call on ``text``."""
    gc.collect()
    tracemalloc.start()
    try:
        tracemalloc.reset_peak()
        base = tracemalloc.get_traced_memory()[0]
        out = run(text, locale)
        peak = tracemalloc.get_traced_memory()[1] - base
    finally:
        tracemalloc.stop()
    del out
    return peak


@dataclass
class ScalingPoint:
    size: int  # bytes of UTF-8
    runs: int
    seconds: float  # median per run

    @property
    def s_per_mb(self) -> float:
        return self.seconds / (self.size / MB)


def scaling_text(size: int, seed: int) -> str:
    """One Russian document of ``size`` bytes, made of generated documents' raw text.

    Only plain documents (no mojibake, LF line ends) are used, so the text is one
    document a scraper could really have produced, just a long one.
    """
    parts: list[str] = []
    total = 0
    for doc in iter_documents(10**12, seed=seed + 1, golden=False):
        if doc.locale != "ru" or doc.mojibake or "\r" in doc.raw:
            continue
        parts.append(doc.raw.strip("\n"))
        total += len(parts[-1].encode()) + 2
        if total >= min(size, MB):
            break
    base = "\n\n".join(parts) + "\n\n"
    text = base * (size // len(base.encode()) + 1)
    # Cut at a paragraph break near the size.
    encoded = text.encode()[:size]
    cut = encoded.rfind(b"\n\n")
    if cut > size // 2:
        encoded = encoded[: cut + 1]
    return encoded.decode("utf-8", errors="ignore")


def measure_scaling(
    run: Callable[[str, str], str],
    sizes: list[int],
    seed: int,
    budget: float = 2.0,
    log: Callable[[str], None] = print,
) -> list[ScalingPoint]:
    """Time per MB against the size of the document, on the same text at every size.

    The text is :func:`scaling_text`: about 1 MB of generated Russian
    documents (the *base*), repeated up to the largest size. A size below the
    base's is measured on the whole base cut into documents of that size (at
    paragraph breaks), so that every point of the ladder cleans the same
    sentences, artefacts and all, and only the size of the documents
    changes; from the base's size up, one document of that size. (Cutting one
    prefix per size instead would compare the first kilobyte's artefacts with
    the whole megabyte's.)
    """
    biggest = scaling_text(max(sizes), seed)
    base = scaling_text(min(max(sizes), MB), seed)
    base_bytes = len(base.encode())
    points = []
    for size in sizes:
        if size < base_bytes:
            docs = _pieces(base, size)
        else:
            docs = [biggest if size == max(sizes) else _cut(biggest, size)]
        real = sum(len(d.encode()) for d in docs)
        for doc in docs[:3]:
            run(doc, "ru")  # warm up
        times: list[float] = []
        spent = 0.0
        while not times or (spent < budget and len(times) < 1000):
            start = time.perf_counter()
            for doc in docs:
                run(doc, "ru")
            elapsed = time.perf_counter() - start
            times.append(elapsed)
            spent += elapsed
        point = ScalingPoint(real // len(docs), len(times), statistics.median(times) / len(docs))
        points.append(point)
        log(
            f"  scaling {point.size / MB:10.3f} MB: {point.s_per_mb:.4f} s/MB "
            f"({len(docs)} documents, {len(times)} runs)"
        )
    return points


def _pieces(text: str, size: int) -> list[str]:
    """``text`` cut at paragraph breaks into documents of about ``size`` bytes of UTF-8."""
    docs: list[str] = []
    encoded = text.encode()
    start = 0
    while start < len(encoded):
        end = encoded.find(b"\n\n", start + size)
        if end < 0 or len(encoded) - end < size // 2:
            end = len(encoded)
        else:
            end += 2
        docs.append(encoded[start:end].decode("utf-8"))
        start = end
    return docs


def _cut(text: str, size: int) -> str:
    encoded = text.encode()[:size]
    cut = encoded.rfind(b"\n\n")
    if cut > size // 2:
        encoded = encoded[: cut + 1]
    return encoded.decode("utf-8", errors="ignore")


@dataclass
class JobsResult:
    files: int = 0
    bytes: int = 0
    #: ``textclean -i -j N``: median wall seconds by N.
    seconds: dict[int, float] = field(default_factory=dict)
    #: ``textclean --check -j N`` (cleans, writes nothing): median wall seconds by N.
    check_seconds: dict[int, float] = field(default_factory=dict)
    #: Each round's wall seconds, by (mode, N): the runs of one round follow each other.
    rounds: dict[tuple[str, int], list[float]] = field(default_factory=dict)
    repeats: int = 0
    error: str = ""

    def ratios(self, mode: str = "-i") -> list[float]:
        """``-j 1`` over ``-j 2`` in each round (the two runs were made one after the other)."""
        one, two = self.rounds.get((mode, 1), []), self.rounds.get((mode, 2), [])
        return [a / b for a, b in zip(one, two, strict=False) if b > 0]

    @property
    def speedup(self) -> float | None:
        """The median of the rounds' ratios: a slow spell of the machine falls on both runs."""
        ratios = self.ratios("-i")
        return statistics.median(ratios) if ratios else None

    @property
    def check_speedup(self) -> float | None:
        ratios = self.ratios("--check")
        return statistics.median(ratios) if ratios else None


_CLI = "import sys; from textclean.cli import main; sys.exit(main())"


def measure_jobs(
    docs: list[Document],
    total: int,
    jobs: tuple[int, ...] = (1, 2),
    repeats: int = 7,
    log: Callable[[str], None] = print,
) -> JobsResult:
    """Wall time of ``textclean -i -j N DIR`` and ``--check -j N`` on a directory of raw documents.

    The directory holds the corpus's raw files, repeated until it has ``total``
    bytes. The command runs as a subprocess, start-up included. Each ``-i`` run
    gets a fresh copy (the command cleans in place); the copying is not timed,
    and the copy is flushed to disk (``os.sync``) before the run, so that the
    run's own ``fsync`` calls do not also write out the benchmark's copy. The
    runs of each N alternate, so that a slow spell of the machine falls on
    both: the seconds are medians, and the speed-up is the median of each
    round's ``-j 1`` over ``-j 2``.
    """
    result = JobsResult(repeats=repeats)
    try:
        import textclean.cli  # noqa: F401
    except Exception as exc:
        result.error = f"textclean.cli not importable ({type(exc).__name__}: {exc})"
        return result
    with tempfile.TemporaryDirectory(prefix="textclean-bench-") as tmp:
        source = Path(tmp, "source")
        source.mkdir()
        size = 0
        i = 0
        while size < total:
            doc = docs[i % len(docs)]
            data = doc.raw.encode("utf-8")
            (source / f"{i:06d}-{doc.name}.md").write_bytes(data)
            size += len(data)
            i += 1
        result.files, result.bytes = i, size
        env = dict(os.environ, PYTHONHASHSEED="0")
        times: dict[tuple[str, int], list[float]] = {}
        for r in range(repeats):
            for mode in ("-i", "--check"):
                for n in jobs:
                    target = source
                    if mode == "-i":
                        target = Path(tmp, f"run-{n}-{r}")
                        shutil.copytree(source, target)
                    if hasattr(os, "sync"):
                        os.sync()
                    start = time.perf_counter()
                    proc = subprocess.run(
                        [sys.executable, "-c", _CLI, "-q", mode, "-j", str(n), str(target)],
                        capture_output=True,
                        text=True,
                        env=env,
                        check=False,
                    )
                    elapsed = time.perf_counter() - start
                    if target != source:
                        shutil.rmtree(target)
                    if proc.returncode not in (0, 1):
                        result.error = (
                            f"`textclean {mode} -j {n}` exited {proc.returncode}: "
                            + (proc.stderr.strip().splitlines() or [""])[-1][:200]
                        )
                        return result
                    times.setdefault((mode, n), []).append(elapsed)
        result.rounds = times
        for (mode, n), seconds in times.items():
            into = result.seconds if mode == "-i" else result.check_seconds
            into[n] = statistics.median(seconds)
        for n in jobs:
            log(
                f"  textclean -j {n}: -i {result.seconds[n]:.2f} s, --check "
                f"{result.check_seconds[n]:.2f} s ({size / MB:.1f} MB, {i} files)"
            )
    return result


def profile_textclean(docs: list[Document], top: int = 45) -> str:
    """A profile of textclean.clean over the corpus: pyinstrument if present, else cProfile."""
    import textclean

    clean = textclean.clean
    texts = [d.raw for d in docs]
    for t in texts[:3]:
        clean(t)
    try:
        from pyinstrument import Profiler
    except ImportError:
        pass
    else:
        profiler = Profiler(interval=0.0005)
        profiler.start()
        for t in texts:
            clean(t)
        profiler.stop()
        tree = profiler.output_text(unicode=True, time="percent_of_total")
        flat = profiler.output_text(unicode=True, flat=True, time="percent_of_total")

        def keep(text: str, n: int) -> list[str]:
            lines = [line.rstrip() for line in text.splitlines() if line.strip()]
            start = next((i for i, line in enumerate(lines) if "%" in line), 0)
            return lines[start : start + n]

        lines = ["pyinstrument, share of the time by call tree:", *keep(tree, top), ""]
        lines += ["pyinstrument, share of the time spent in each function itself:"]
        return "\n".join(lines + keep(flat, 25))
    import cProfile
    import pstats

    prof = cProfile.Profile()
    prof.enable()
    for t in texts:
        clean(t)
    prof.disable()
    buf = io.StringIO()
    pstats.Stats(prof, stream=buf).sort_stats("cumulative").print_stats(top)
    return "cProfile\n" + buf.getvalue()
