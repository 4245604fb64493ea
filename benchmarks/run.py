"""The command: ``python -m benchmarks [options]`` and ``python -m benchmarks generate DIR``.

One run generates the corpus (or reads one), then on that same corpus measures
throughput and peak memory of textclean, each of its filters, the peers and
the ``re.sub`` floor; the quality of every tool; textclean's scaling from a
1 KB to a 100 MB document; the command with ``-j 1`` and ``-j 2``; and a
profile of textclean. It prints the tables and writes them into
docs/benchmarks.md with a chart in docs/benchmarks.png.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from . import corpus as corpus_mod
from . import measure, report, tools

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "benchmarks.md"
CHART = ROOT / "docs" / "benchmarks.png"


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="python -m benchmarks",
        description="Benchmark textclean against its peers: speed, memory, quality, scaling.",
        epilog="`python -m benchmarks generate DIR [--size S] [--seed N]` only writes a corpus.",
    )
    p.add_argument("--size", default="1MB", help="corpus size: 100KB … 1GB (default 1MB)")
    p.add_argument("--seed", type=int, default=0, help="corpus seed (default 0)")
    p.add_argument("--corpus", type=Path, help="read this corpus directory instead of generating")
    p.add_argument("--repeats", type=int, default=5, help="timed passes per tool (default 5)")
    p.add_argument("--peers", help="comma-separated peers to run (default: all)")
    p.add_argument("--no-peers", action="store_true", help="textclean and the floor only")
    p.add_argument("--no-filters", action="store_true", help="skip each filter alone")
    p.add_argument(
        "--scaling-max", default="100MB", help="largest single document for scaling (100MB)"
    )
    p.add_argument(
        "--scaling-budget",
        type=float,
        default=2.0,
        help="seconds of repeats per scaling size (at least one run each; default 2)",
    )
    p.add_argument("--no-scaling", action="store_true")
    p.add_argument("--jobs-size", default="8MB", help="directory size for -j 1 vs -j 2 (8MB)")
    p.add_argument("--no-jobs", action="store_true")
    p.add_argument("--no-profile", action="store_true")
    p.add_argument(
        "--write",
        type=Path,
        default=DOC,
        help="markdown file whose results section is replaced (default docs/benchmarks.md)",
    )
    p.add_argument("--chart", type=Path, default=CHART, help="PNG chart (docs/benchmarks.png)")
    p.add_argument("--no-write", action="store_true", help="print only; write no file")
    p.add_argument("--quick", action="store_true", help="a smoke run: 200KB, 3 repeats, 1 MB max")
    return p


def _generate(argv: Sequence[str]) -> int:
    p = argparse.ArgumentParser(prog="python -m benchmarks generate")
    p.add_argument("directory", type=Path)
    p.add_argument("--size", default="1MB")
    p.add_argument("--seed", type=int, default=0)
    a = p.parse_args(argv)
    total = corpus_mod.parse_size(a.size)
    n = corpus_mod.write_corpus(corpus_mod.iter_documents(total, seed=a.seed), a.directory)
    print(f"wrote {n} documents (raw, truth, manifest.jsonl) to {a.directory}")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["generate"]:
        return _generate(argv[1:])
    a = _parser().parse_args(argv)
    if a.quick:
        a.size, a.repeats, a.scaling_max, a.jobs_size = "200KB", 3, "1MB", "2MB"
    if a.repeats < 1:
        raise SystemExit("--repeats must be at least 1")
    started = time.perf_counter()

    def log(msg: str) -> None:
        print(msg, file=sys.stderr, flush=True)

    if a.corpus:
        docs = corpus_mod.read_corpus(a.corpus)
        log(f"read {len(docs)} documents from {a.corpus}")
    else:
        docs = corpus_mod.generate(corpus_mod.parse_size(a.size), seed=a.seed)
        log(f"generated {len(docs)} documents ({a.size}, seed {a.seed})")

    all_tools = [tools.textclean_tool()]
    if a.no_peers:
        all_tools += [t for t in tools.peer_tools([]) if t.kind == "floor"]
    else:
        wanted = a.peers.split(",") if a.peers else None
        all_tools += tools.peer_tools(wanted)

    results = []
    for tool in all_tools:
        r = measure.ToolResult(tool)
        results.append(r)
        if tool.run is None:
            log(f"{tool.name}: MISSING — {tool.missing}")
            continue
        try:
            measure.measure_throughput(r, docs, a.repeats)
            measure.measure_memory(r, docs)
            measure.measure_quality(r, docs)
        except Exception as exc:  # a peer that crashes is reported, not fatal
            r.error = f"{type(exc).__name__}: {exc}"
            log(f"{tool.name}: FAILED — {r.error}")
            continue
        q = r.quality
        assert q is not None
        log(
            f"{tool.name:>14}: {r.mb_per_s:8.1f} MB/s  exact {q.exact_share:6.1%}  "
            f"damaged {q.damaged_share:6.1%}  repaired {q.repaired_share() or 0:6.1%}"
        )

    filters = []
    if not a.no_filters:
        for tool in tools.filter_tools():
            r = measure.ToolResult(tool)
            measure.measure_throughput(r, docs, a.repeats)
            measure.measure_memory(r, docs)
            filters.append(r)
            log(f"{tool.name:>14}: {r.mb_per_s:8.1f} MB/s  peak {r.peak / measure.MB:.2f} MB")

    rep = report.Report(vars(a), report.environment(), docs, results, filters)
    tc_run = all_tools[0].run
    assert tc_run is not None
    if not a.no_scaling:
        top = corpus_mod.parse_size(a.scaling_max)
        ladder = [1024 * 10**k for k in range(3)] + [1024**2 * 10**k for k in range(4)]
        sizes = [s for s in ladder if s < top] + [top]
        log("scaling (documents of each size, the same text):")
        rep.scaling = measure.measure_scaling(
            tc_run, sizes, a.seed, budget=a.scaling_budget, log=log
        )
        big_text = measure.scaling_text(min(top, 10 * 1024**2), a.seed)
        big = len(big_text.encode("utf-8"))
        rep.big_memory = (big, measure.memory_on_text(tc_run, big_text))
        del big_text
        log(f"  peak memory on a {big / 1024**2:.1f} MB document: {rep.big_memory[1] / big:.2f}x")
    if not a.no_jobs:
        log("the command on a directory:")
        rep.jobs = measure.measure_jobs(docs, corpus_mod.parse_size(a.jobs_size), log=log)
        if rep.jobs.error:
            log(f"  {rep.jobs.error}")
    if not a.no_profile:
        rep.profile = measure.profile_textclean(docs)
    rep.elapsed = time.perf_counter() - started

    body = report.render_markdown(rep)
    print(body)
    if not a.no_write:
        report.update_doc(a.write, body)
        why = report.write_chart(rep, a.chart)
        log(f"wrote {a.write}" + (f" (no chart: {why})" if why else f" and {a.chart}"))
    return 0
