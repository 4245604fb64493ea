"""The report: the machine and versions, the tables, the targets, and a chart."""

from __future__ import annotations

import datetime as dt
import math
import os
import platform
import re
import subprocess
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from .corpus import ARTEFACT_KINDS, Document
from .measure import MB, JobsResult, ScalingPoint, ToolResult
from .tools import FLOOR, TEXTCLEAN

__all__ = ["Report", "environment", "render_markdown", "update_doc", "write_chart"]

START = "<!-- results:start -->"
END = "<!-- results:end -->"
ROOT = Path(__file__).resolve().parent.parent


@dataclass
class Report:
    """Everything one run measured."""

    args: dict[str, object]
    env: dict[str, str]
    docs: list[Document]
    results: list[ToolResult]
    filters: list[ToolResult] = field(default_factory=list)
    scaling: list[ScalingPoint] = field(default_factory=list)
    jobs: JobsResult | None = None
    profile: str = ""
    elapsed: float = 0.0
    #: (document bytes, textclean's peak) on one large scaling document.
    big_memory: tuple[int, int] | None = None

    def result(self, name: str) -> ToolResult | None:
        return next((r for r in self.results if r.tool.name == name), None)


def _git(*args: str) -> str:
    try:
        out = subprocess.run(
            ["git", *args], cwd=ROOT, capture_output=True, text=True, check=False, timeout=10
        )
    except (OSError, subprocess.SubprocessError):
        return ""
    return out.stdout.strip()


def _cpu() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _memory() -> str:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                return f"{int(line.split()[1]) / 1024 / 1024:.0f} GiB"
    except OSError:
        pass
    return "?"


def environment() -> dict[str, str]:
    """The machine, the interpreter and the commit the run measured."""
    commit = _git("rev-parse", "--short", "HEAD")
    dirty = _git("status", "--porcelain", "--untracked-files=no", "--", "src")
    return {
        "date": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "commit": (commit + (" + uncommitted changes in src/" if dirty else "")) or "?",
        "cpu": _cpu(),
        "cores": str(os.cpu_count()),
        "memory": _memory(),
        "os": f"{platform.system()} {platform.release()}",
        "python": f"{platform.python_implementation()} {platform.python_version()}",
    }


# ----------------------------------------------------------------------------
# Markdown
# ----------------------------------------------------------------------------


def _pct(x: float | None, digits: int = 1) -> str:
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "–"
    return f"{100 * x:.{digits}f}%"


def _num(x: float, digits: int = 1) -> str:
    return "–" if math.isnan(x) else f"{x:,.{digits}f}"


def _mb(n: int) -> str:
    return f"{n / MB:.2f} MB" if n >= MB // 10 else f"{n / 1024:.1f} KB"


def _targets(rep: Report) -> list[tuple[str, str, bool | None]]:
    """(target, measured, met) for each of the issue's targets."""
    out: list[tuple[str, str, bool | None]] = []
    tc = rep.result(TEXTCLEAN)
    floor = rep.result(FLOOR)
    peers = [r for r in rep.results if r.tool.kind == "peer" and r.times]
    if tc and tc.times:
        if peers:
            best = max(peers, key=lambda r: r.mb_per_s)
            ratio = tc.mb_per_s / best.mb_per_s
            out.append(
                (
                    "throughput ≥ 3× the fastest multi-step peer",
                    f"{ratio:.2f}× {best.tool.name} "
                    f"({tc.mb_per_s:.1f} vs {best.mb_per_s:.1f} MB/s)",
                    ratio >= 3,
                )
            )
        if floor and floor.times:
            ratio = tc.mb_per_s / floor.mb_per_s
            out.append(
                (
                    "throughput ≥ 0.5× one re.sub pass",
                    f"{ratio:.3f}× ({tc.mb_per_s:.1f} vs {floor.mb_per_s:.1f} MB/s)",
                    ratio >= 0.5,
                )
            )
    if tc and tc.quality:
        q = tc.quality
        out.append(
            (
                "≥ 99% of documents exactly equal to their truth",
                f"{_pct(q.exact_share)} ({q.exact}/{q.docs})",
                q.exact_share >= 0.99,
            )
        )
        out.append(
            (
                "0 documents with damaged letters or digits",
                f"{q.damaged} ({', '.join(q.damaged_names[:5]) or 'none'})",
                q.damaged == 0,
            )
        )
    if tc and tc.peak:
        largest = max(d.size for d in rep.docs)
        ratio = tc.peak / largest
        out.append(
            (
                "peak memory ≤ 3× the largest document",
                f"{ratio:.2f}× ({_mb(tc.peak)} for a {_mb(largest)} document)",
                ratio <= 3,
            )
        )
    if rep.big_memory:
        size, peak = rep.big_memory
        out.append(
            (
                "peak memory ≤ 3× the document, on one large document",
                f"{peak / size:.2f}× ({_mb(peak)} for a {_mb(size)} document)",
                peak <= 3 * size,
            )
        )
    if len(rep.scaling) >= 2:
        per = [p.s_per_mb for p in rep.scaling]
        spread = max(per) / min(per) - 1
        out.append(
            (
                f"time per MB flat within 20% from {_mb(rep.scaling[0].size)} "
                f"to {_mb(rep.scaling[-1].size)}",
                f"max/min − 1 = {spread:.0%}",
                spread <= 0.2,
            )
        )
    if rep.jobs is not None:
        sp = rep.jobs.speedup
        check = rep.jobs.check_speedup
        measured = f"{sp:.2f}×" if sp else f"not measured: {rep.jobs.error or 'no result'}"
        if sp and check:
            measured += f" (`--check`, which writes nothing: {check:.2f}×)"
        out.append(
            (
                "`-j 2` ≥ 1.7× `-j 1` on a directory (`textclean -i`)",
                measured,
                (sp >= 1.7) if sp else None,
            )
        )
    return out


def render_markdown(rep: Report) -> str:
    env = rep.env
    lines: list[str] = []
    add = lines.append
    corpus_bytes = sum(d.size for d in rep.docs)
    locales = Counter(d.locale for d in rep.docs)
    add(f"Run of {env['date']} on commit `{env['commit']}`.")
    add("")
    add(
        f"Machine: {env['cpu']}, {env['cores']} cores, {env['memory']}; {env['os']}; "
        f"{env['python']}. Whole run: {rep.elapsed:.0f} s."
    )
    add("")
    add(
        f"Corpus: {len(rep.docs)} documents, {_mb(corpus_bytes)} of UTF-8 "
        f"(seed {rep.args.get('seed')}; "
        + ", ".join(f"{k} {v}" for k, v in sorted(locales.items()))
        + f"); largest document {_mb(max(d.size for d in rep.docs))}. "
        f"Throughput is the median of {rep.args.get('repeats')} passes over the corpus."
    )
    add("")
    add("### Speed, memory and quality")
    add("")
    add(
        "| tool | version | MB/s | × floor | peak memory | × doc | exact | damaged docs "
        "| artefacts repaired |"
    )
    add("|---|---|--:|--:|--:|--:|--:|--:|--:|")
    floor = rep.result(FLOOR)
    for r in rep.results:
        if r.tool.run is None:
            add(f"| {r.tool.name} | missing | {r.tool.missing[:80]} | | | | | | |")
            continue
        if r.error:
            add(f"| {r.tool.name} | {r.tool.version} | failed: {r.error[:80]} | | | | | | |")
            continue
        xf = r.mb_per_s / floor.mb_per_s if floor and floor.times else float("nan")
        q = r.quality
        peak = _mb(r.peak) if r.peak else "–"
        xdoc = f"{r.peak / r.peak_doc_bytes:.1f}" if r.peak else "–"
        name = f"**{r.tool.name}**" if r.tool.name == TEXTCLEAN else r.tool.name
        if r.tool.locales != ("ru", "uk", "en", "de"):
            name += " (" + ", ".join(r.tool.locales) + ")"
        add(
            f"| {name} | {r.tool.version} | {_num(r.mb_per_s)} | {_num(xf, 2)} | {peak} | {xdoc} "
            f"| {_pct(q.exact_share) if q else '–'} | {_pct(q.damaged_share) if q else '–'} "
            f"| {_pct(q.repaired_share()) if q else '–'} |"
        )
    add("")
    add(
        "*peak memory*: the most Python heap a call allocated on top of its input "
        "(tracemalloc), over the 3 largest documents; *× doc*: that peak over the "
        "UTF-8 size of the document. Definitions of *exact*, *damaged* and *repaired*: "
        "see [How quality is scored](#how-quality-is-scored)."
    )
    add("")

    scored = [r for r in rep.results if r.quality]
    if scored:
        add("### Artefacts repaired, by kind")
        add("")
        totals = scored[0].quality
        assert totals is not None
        add("| artefact | injected | " + " | ".join(r.tool.name for r in scored) + " |")
        add("|---|--:|" + "--:|" * len(scored))
        for kind in ARTEFACT_KINDS:
            n = max((r.quality.injected.get(kind, 0) for r in scored if r.quality), default=0)
            if not n:
                continue
            cells = [_pct(r.quality.repaired_share(kind), 0) for r in scored if r.quality]
            add(f"| {kind} | {n} | " + " | ".join(cells) + " |")
        add("")

    if rep.filters:
        add("### Each filter alone")
        add("")
        total = sum(r.seconds for r in rep.filters if r.times)
        add("| filter | MB/s | share of the filters' time | peak memory | × doc |")
        add("|---|--:|--:|--:|--:|")
        for r in rep.filters:
            share = r.seconds / total if r.times and total else float("nan")
            peak = _mb(r.peak) if r.peak else "–"
            xdoc = f"{r.peak / r.peak_doc_bytes:.1f}" if r.peak else "–"
            add(f"| {r.tool.name.strip()} | {_num(r.mb_per_s)} | {_pct(share)} | {peak} | {xdoc} |")
        add("")
        add(
            "Each filter alone is its public function (it masks and unmasks the "
            "verbatim spans itself); memory as in the first table."
        )
        add("")

    if rep.scaling:
        add("### Scaling: documents of 1 KB → largest, the same text")
        add("")
        base = rep.scaling[0].s_per_mb
        add("| document | runs | s per MB | MB/s | relative to the smallest |")
        add("|--:|--:|--:|--:|--:|")
        for p in rep.scaling:
            add(
                f"| {_mb(p.size)} | {p.runs} | {p.s_per_mb:.4f} | {1 / p.s_per_mb:.1f} "
                f"| {p.s_per_mb / base:.2f} |"
            )
        add("")

    if rep.jobs is not None:
        add("### The command on a directory")
        add("")
        j = rep.jobs
        if j.seconds:
            add(
                f"`textclean -i -j N DIR` on {j.files} files, {_mb(j.bytes)} (subprocess, "
                f"start-up included, median of {j.repeats} rounds, the runs alternating), and "
                "`--check -j N` on the same files (it cleans them and writes nothing):"
            )
            add("")
            add("| jobs | `-i` seconds | MB/s | `--check` seconds | MB/s |")
            add("|--:|--:|--:|--:|--:|")
            for n, s in sorted(j.seconds.items()):
                c = j.check_seconds.get(n)
                check = f"{c:.2f} | {j.bytes / MB / c:.1f}" if c else "– | –"
                add(f"| {n} | {s:.2f} | {j.bytes / MB / s:.1f} | {check} |")
            if j.speedup and j.check_speedup:
                add("")
                spread = ", ".join(f"{r:.2f}" for r in sorted(j.ratios("-i")))
                add(
                    f"`-j 2` over `-j 1`, the median of each round's ratio: "
                    f"{j.speedup:.2f}× with `-i` (the rounds: {spread}), "
                    f"{j.check_speedup:.2f}× with `--check`."
                )
            add("")
        if j.error:
            add(f"Not measured: {j.error}")
            add("")

    add("### Targets")
    add("")
    add("| target | measured | met |")
    add("|---|---|:-:|")
    for target, measured, met in _targets(rep):
        mark = "yes" if met else ("no" if met is False else "–")
        add(f"| {target} | {measured} | {mark} |")
    add("")

    if rep.profile:
        add("### Where textclean spends its time")
        add("")
        add("```")
        add(rep.profile.rstrip())
        add("```")
        add("")

    add("Peers and the calls used:")
    add("")
    for r in rep.results:
        if r.tool.kind in ("peer", "floor", "textclean"):
            call = r.tool.call or "–"
            add(f"- {r.tool.name}: `{call}`")
    add("")
    return "\n".join(lines)


def update_doc(path: Path, body: str) -> None:
    """Put ``body`` between the results markers of ``path`` (appending them if absent)."""
    text = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n"
    block = f"{START}\n\n{body.rstrip()}\n\n{END}"
    if START in text and END in text:
        pattern = re.compile(re.escape(START) + r".*?" + re.escape(END), re.DOTALL)
        text = pattern.sub(lambda _: block, text, count=1)
    else:
        text = text.rstrip("\n") + "\n\n## Results\n\n" + block + "\n"
    path.write_text(text, encoding="utf-8")


def write_chart(rep: Report, path: Path) -> str | None:
    """A PNG of throughput and quality per tool; returns why not, if it can't."""
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except Exception as exc:
        return f"matplotlib missing ({exc})"
    rows = [r for r in rep.results if r.tool.run is not None and r.times]
    names = [r.tool.name for r in rows]
    fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(12, 0.45 * len(rows) + 2))
    palette = {TEXTCLEAN: "#d62728", FLOOR: "#7f7f7f"}
    colours = [palette.get(n, "#1f77b4") for n in names]
    speeds = [r.mb_per_s for r in rows]
    ax1.barh(names, speeds, color=colours)
    ax1.set_xscale("log")
    ax1.invert_yaxis()
    ax1.set_xlabel("MB/s of UTF-8 input (log scale)")
    ax1.set_title("Throughput")
    for y, v in enumerate(speeds):
        ax1.text(v, y, f" {v:.1f}", va="center", fontsize=8)
    qrows = [r for r in rows if r.quality]
    qnames = [r.tool.name for r in qrows]
    rep_share = [100 * (r.quality.repaired_share() or 0) for r in qrows if r.quality]
    exact = [100 * r.quality.exact_share for r in qrows if r.quality]
    damaged = [100 * r.quality.damaged_share for r in qrows if r.quality]
    ys = range(len(qrows))
    h = 0.27
    ax2.barh([y - h for y in ys], rep_share, height=h, label="artefacts repaired")
    ax2.barh(list(ys), exact, height=h, label="documents exactly right")
    ax2.barh([y + h for y in ys], damaged, height=h, label="documents damaged")
    ax2.set_yticks(list(ys), qnames)
    ax2.invert_yaxis()
    ax2.set_xlim(0, 100)
    ax2.set_xlabel("%")
    ax2.set_title("Quality")
    ax2.legend(loc="lower right", fontsize=8)
    fig.suptitle(
        f"textclean benchmarks — {rep.env['date']}, commit {rep.env['commit'].split()[0]}, "
        f"{rep.env['cpu']}, {rep.env['python']}",
        fontsize=9,
    )
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return None
