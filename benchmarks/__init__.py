"""textclean's benchmark suite: speed, memory and cleaning quality against its peers.

Run ``python -m benchmarks`` from the repository root (``--help`` for the
options); docs/benchmarks.md says what is measured and how. Modules:

- :mod:`benchmarks.texts` — clean base paragraphs in ru, uk, en, de;
- :mod:`benchmarks.corpus` — the seeded generator of documents and truths;
- :mod:`benchmarks.scoring` — exact match, damage, artefacts repaired;
- :mod:`benchmarks.tools` — textclean, its filters, the peers and the floor;
- :mod:`benchmarks.measure` — throughput, memory, quality, scaling, ``-j``;
- :mod:`benchmarks.report` — the tables, the targets and the chart.
"""
