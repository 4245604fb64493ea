"""The benchmark suite in CI: a small corpus, seconds, no timing assertions.

It checks that the generator is deterministic and writes clean truths, that
the scoring tells repaired from unrepaired and damaged from undamaged, that
the harness runs end to end, and that textclean's quality figures hold on a
generated corpus: ≥ 99% of documents exactly equal to their truth, none with
damaged letters or digits.
"""

from __future__ import annotations

import doctest
import re
from pathlib import Path

import pytest
from benchmarks.corpus import ARTEFACT_KINDS, Document, generate, golden_document
from benchmarks.run import main
from benchmarks.scoring import QualityTotals, score

import textclean
from benchmarks import corpus, report, scoring, tools

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def docs() -> list[Document]:
    return generate(300_000, seed=0)


def test_generator_is_deterministic() -> None:
    a = generate(60_000, seed=7)
    assert a == generate(60_000, seed=7)
    assert a != generate(60_000, seed=8)


def test_sizes_and_locales(docs: list[Document]) -> None:
    total = sum(d.size for d in docs)
    assert 300_000 <= total < 330_000
    assert {d.locale for d in docs} == {"ru", "uk", "en", "de"}
    assert all(d.size < 40 * 1024 for d in docs)


def test_every_artefact_kind_is_injected(docs: list[Document]) -> None:
    seen = {a.kind for d in docs for a in d.artefacts}
    assert seen == set(ARTEFACT_KINDS)


CODE_RE = re.compile(r"^```.*?^```$", re.MULTILINE | re.DOTALL)


@pytest.mark.parametrize("seed", [0, 1])
def test_truths_are_clean(seed: int) -> None:
    for doc in generate(150_000, seed=seed):
        t = doc.truth
        prose = re.sub(r"`[^`\n]*`", "code", CODE_RE.sub("", t))
        assert t.endswith("\n") and not t.endswith("\n\n"), doc.name
        assert not t.startswith("\n"), doc.name
        assert "\r" not in t and "\n\n\n" not in t, doc.name
        assert not re.search(r"[ \t]$", t, re.MULTILINE), doc.name
        assert "  " not in prose and "\t" not in prose, doc.name
        assert not re.search("[\u00a0\u2009\u202f\u200b\u2060\ufeff\u00ad<]", t), doc.name
        assert not re.search(r"&#?\w+;", t), doc.name
        assert not re.search(r" [,;:!?.)]", prose), doc.name
        assert "\\$" not in t and "$ " not in prose, doc.name
        foreign = {"ru": "”‘’‚", "uk": "”‘‚", "en": "«»„‚", "de": "«»”’"}[doc.locale]
        assert not re.search(f"[\"'{foreign}]", prose), doc.name
        assert textclean.detect_locale(t) == doc.locale, doc.name


def test_golden_article_is_in_the_corpus() -> None:
    gold = golden_document()
    fixtures = ROOT / "fixtures"
    assert gold.raw == (fixtures / "belta-baku-talks.raw.md").read_text(encoding="utf-8")
    assert gold.truth == (fixtures / "belta-baku-talks.clean.md").read_text(encoding="utf-8")
    assert generate(1000, seed=0)[0].name == gold.name


def test_corpus_round_trips_through_files(tmp_path: Path, docs: list[Document]) -> None:
    few = docs[:12]
    assert corpus.write_corpus(few, tmp_path) == 12
    assert corpus.read_corpus(tmp_path) == few


def test_scoring_oracle_and_identity(docs: list[Document]) -> None:
    oracle, identity = QualityTotals(), QualityTotals()
    for doc in docs:
        oracle.add(doc, score(doc, doc.truth))
        identity.add(doc, score(doc, doc.raw))
    assert oracle.exact_share == 1.0 and oracle.damaged == 0
    assert all(oracle.repaired_share(k) == 1.0 for k in ARTEFACT_KINDS)
    # Leaving the raw text as it is repairs nothing, and damages nothing.
    assert identity.exact == 0 and identity.damaged == 0
    assert sum(identity.repaired.values()) == 0


def test_scoring_sees_damage(docs: list[Document]) -> None:
    doc = next(d for d in docs if not d.mojibake and len(d.truth) > 2000)
    assert score(doc, doc.truth.lower()).damaged
    assert score(doc, doc.truth.replace("о", "o")).damaged or doc.locale in ("en", "de")
    letter = next(i for i in range(500, len(doc.truth)) if doc.truth[i].isalnum())
    space = doc.truth.index(" ", 500)
    assert score(doc, doc.truth[:letter] + doc.truth[letter + 1 :]).damaged
    assert score(doc, doc.truth[:letter] + "x" + doc.truth[letter + 1 :]).damaged
    assert not score(doc, doc.truth[:space] + "  " + doc.truth[space + 1 :]).damaged
    # Junk left in place is an unrepaired artefact, not damage.
    assert not score(doc, doc.raw).damaged


def test_scoring_is_local(docs: list[Document]) -> None:
    """Fixing one artefact counts that one, and only that one."""
    doc = next(
        d for d in docs if not d.mojibake and not d.counts()["crlf"] and len(d.artefacts) > 5
    )
    art = next(a for a in doc.artefacts if len(a.edits) == 1 and a.edits[0].text.strip(" ") != "")
    # Rebuild the raw with that one artefact undone.
    others = [e for a in doc.artefacts if a is not art for e in a.edits]
    text, pos = [], 0
    for e in sorted(others, key=lambda e: e.start):
        text += [doc.truth[pos : e.start], e.text]
        pos = e.end
    text.append(doc.truth[pos:])
    s = score(doc, "".join(text))
    assert sum(s.repaired.values()) == 1 and s.repaired[art.kind] == 1


def test_modules_doctests() -> None:
    for mod in (corpus, scoring, tools, report):
        assert doctest.testmod(mod).failed == 0


def test_harness_end_to_end(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc, chart = tmp_path / "bench.md", tmp_path / "bench.png"
    doc.write_text(
        "# Benchmarks\n\nhand-written text\n\n<!-- results:start -->\nold\n<!-- results:end -->\n"
    )
    argv = ["--size", "40KB", "--repeats", "1", "--peers", "ftfy,nonexistent"]
    argv += ["--no-jobs", "--no-profile", "--scaling-max", "20KB", "--scaling-budget", "0.05"]
    argv += ["--write", str(doc), "--chart", str(chart)]
    assert main(argv) == 0
    out = capsys.readouterr().out
    for needle in (
        "| **textclean** |",
        "| ftfy |",
        "| re.sub floor |",
        "| filter | MB/s | share of the filters' time | peak memory | × doc |",
        "### Targets",
        "watermark_line",
    ):
        assert needle in out
    written = doc.read_text()
    assert written.startswith("# Benchmarks\n\nhand-written text\n") and "old" not in written
    assert "| **textclean** |" in written


def test_jobs_measure_and_report(docs: list[Document]) -> None:
    from benchmarks import measure

    jobs = measure.measure_jobs(docs[:20], 30_000, repeats=1, log=lambda line: None)
    assert jobs.error == ""
    assert jobs.files >= 1 and jobs.bytes >= 30_000
    assert set(jobs.seconds) == set(jobs.check_seconds) == {1, 2}
    assert jobs.speedup is not None and jobs.check_speedup is not None
    rep = report.Report(args={}, env=report.environment(), docs=docs[:20], results=[], jobs=jobs)
    text = report.render_markdown(rep)
    assert "| jobs | `-i` seconds | MB/s | `--check` seconds | MB/s |" in text
    assert "`-j 2` ≥ 1.7× `-j 1` on a directory (`textclean -i`)" in text


def _scaffolds() -> list[str]:
    return [n for n in textclean.DEFAULT_ORDER if textclean.get_filter(n).summary == "(pending)"]


@pytest.mark.skipif(bool(_scaffolds()), reason=f"filters still scaffolds: {_scaffolds()}")
def test_textclean_quality_holds(docs: list[Document]) -> None:
    totals = QualityTotals()
    for doc in docs:
        totals.add(doc, score(doc, textclean.clean(doc.raw)))
    assert totals.damaged_names == []
    assert totals.exact_share >= 0.99, totals.inexact_names


def test_missing_peer_is_reported() -> None:
    listed = tools.peer_tools(["ftfy"])
    assert [t.name for t in listed] == ["ftfy", tools.FLOOR]
