"""The ``textclean`` command: a Unix filter, a batch cleaner and a pre-commit hook.

``main(argv)`` returns the exit status instead of exiting, so it can be
called in-process; the console script and ``python -m textclean`` pass it to
:func:`sys.exit`. See docs/cli.md for every option.
"""

from __future__ import annotations

import argparse
import codecs
import collections
import concurrent.futures
import contextlib
import itertools
import os
import sys
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import IO, Any, TextIO

from ._cli_progress import Progress
from ._cli_work import (
    Job,
    Outcome,
    clean_jsonl_lines,
    finish_write,
    process_bytes,
    process_file,
)
from ._config import Config, ConfigError, common_directory, find_config, load_config
from ._config import parse_toml_value as _toml_value
from ._files import DEFAULT_INCLUDE, Source, discover
from ._filter import FilterError, available_filters, get_filter
from ._io import NEWLINES, atomic_write, fsync_directory
from ._locale import LOCALES
from ._pipeline import Pipeline
from ._version import __version__

__all__ = [
    "EXIT_CHANGED",
    "EXIT_ERROR",
    "EXIT_INTERNAL",
    "EXIT_OK",
    "EXIT_PIPE",
    "build_parser",
    "main",
]

#: Success: everything cleaned, or (``--check``) nothing to change.
EXIT_OK = 0
#: ``--check`` or ``--diff`` found files that would change.
EXIT_CHANGED = 1
#: Bad usage, or an input that cannot be read, decoded or written.
EXIT_ERROR = 2
#: A bug in textclean (an unexpected exception while cleaning a file).
EXIT_INTERNAL = 123
#: Standard output was closed early (``textclean big.md | head``), as if by SIGPIPE.
EXIT_PIPE = 141

STDIN = "-"
_JSONL_BATCH = 256

DESCRIPTION = """\
Clean text scraped from the web: watermarks, broken line wraps, doubled
spaces, invisible characters, quotes and dashes, escaped currency.

With a FILE (or '-', or text piped in) the cleaned text goes to standard
output. With -i/--in-place, --check, --diff or --explain, FILEs may also be
directories (searched recursively) and globs.
"""

EPILOG = """\
exit status:
  0    success; under --check, nothing would change
  1    --check or --diff: some file would change
  2    bad usage, or an input that cannot be read, decoded or written
  123  internal error (a bug in textclean: please report it)

examples:
  textclean article.md > clean.md        clean one file to standard output
  curl -s URL | textclean                 clean standard input
  textclean -i docs/                      clean every .md/.txt file below docs/
  textclean --check --diff .              show what would change; exit 1 if any
  textclean --jsonl --field text in.jsonl > out.jsonl
"""


def _split_names(values: Iterable[str] | None) -> list[str]:
    names: list[str] = []
    for value in values or ():
        names.extend(v.strip() for v in value.split(",") if v.strip())
    return names


def build_parser() -> argparse.ArgumentParser:
    """The command's argument parser (its --help is what docs/cli.md documents)."""
    parser = argparse.ArgumentParser(
        prog="textclean",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "paths",
        nargs="*",
        metavar="FILE",
        help="files, directories or globs to clean; '-' or nothing for standard input",
    )

    mode = parser.add_argument_group("what to do")
    mode.add_argument(
        "-i",
        "--in-place",
        action="store_true",
        help="rewrite changed files in place (atomically) and name each one",
    )
    mode.add_argument(
        "--check",
        action="store_true",
        help="write nothing; list the files that would change; exit 1 if any would",
    )
    mode.add_argument(
        "--diff",
        action="store_true",
        help="write nothing; print a unified diff for each file that would change; exit 1 if any",
    )
    mode.add_argument(
        "--explain",
        action="store_true",
        help="say which filter changed what, with line numbers, for each file "
        "(writes nothing unless -i or -o is given)",
    )
    mode.add_argument(
        "--explain-format",
        choices=("text", "json"),
        default="text",
        help="--explain as readable text (default) or one JSON object per file",
    )
    mode.add_argument(
        "-o",
        "--output",
        metavar="PATH",
        help="write the cleaned text of the single input to PATH instead of standard output",
    )

    filters = parser.add_argument_group("choosing what runs")
    filters.add_argument(
        "--locale",
        metavar="LOCALE",
        help="the text's locale for quotes and dashes: auto (default, decided by the "
        f"letters), none, or one of {', '.join(LOCALES)}",
    )
    filters.add_argument(
        "--enable",
        action="append",
        metavar="FILTER",
        help="run this filter too (repeat, or separate names with commas)",
    )
    filters.add_argument(
        "--disable",
        action="append",
        metavar="FILTER",
        help="do not run this filter (repeat, or separate names with commas)",
    )
    filters.add_argument(
        "--only",
        action="append",
        metavar="FILTER",
        help="run only these filters, in pipeline order (repeat, or use commas)",
    )
    filters.add_argument(
        "--option",
        action="append",
        metavar="FILTER.OPTION=VALUE",
        help='set a filter option; VALUE is a TOML literal (4, true, "x", ["a", "b"]) '
        "or a plain word",
    )
    filters.add_argument(
        "--list-filters",
        action="store_true",
        help="list every filter: name, on/off by default, what it does (with -v: its options)",
    )

    files = parser.add_argument_group("files")
    files.add_argument(
        "--include",
        action="append",
        metavar="GLOB",
        help="in directories, clean the files matching GLOB (repeatable; replaces the "
        f"default: {' '.join(DEFAULT_INCLUDE)})",
    )
    files.add_argument(
        "--exclude",
        action="append",
        metavar="GLOB",
        help="in directories, pass over files and directories matching GLOB (repeatable)",
    )
    files.add_argument(
        "--no-gitignore",
        action="store_true",
        help="in directories, clean files that .gitignore would ignore",
    )
    files.add_argument(
        "--encoding",
        metavar="ENC",
        help="write in this encoding (e.g. utf-8, utf-8-sig for a BOM) instead of the input's own",
    )
    files.add_argument(
        "--input-encoding",
        metavar="ENC",
        help="read in this encoding instead of detecting it",
    )
    files.add_argument(
        "--newline",
        choices=("keep", "lf", "crlf", "cr"),
        help="line ends to write (default: keep the input's own)",
    )

    jsonl = parser.add_argument_group("JSON Lines")
    jsonl.add_argument(
        "--jsonl",
        action="store_true",
        help="the input is JSON Lines: clean one field of each record, keep the rest as it is",
    )
    jsonl.add_argument(
        "--field",
        action="append",
        metavar="NAME",
        help="the field to clean (default: text; repeat for several)",
    )
    jsonl.add_argument(
        "--on-error",
        choices=("stop", "skip", "keep"),
        default="stop",
        help="a malformed line: stop there (default, exit 2), skip it, or keep it unchanged",
    )

    run = parser.add_argument_group("configuration and output")
    run.add_argument(
        "--config",
        metavar="PATH",
        help="read settings from this pyproject.toml or textclean.toml",
    )
    run.add_argument(
        "--no-config",
        action="store_true",
        help="ignore configuration files",
    )
    run.add_argument(
        "-j",
        "--jobs",
        type=int,
        metavar="N",
        help="clean N files at once (default: every core)",
    )
    run.add_argument(
        "-q",
        "--quiet",
        action="store_true",
        help="print only errors: no file names, notes, progress bar or summary",
    )
    run.add_argument(
        "-v",
        "--verbose",
        action="count",
        default=0,
        help="also name unchanged and passed-over files, with their encoding",
    )
    run.add_argument("--version", action="version", version=f"textclean {__version__}")
    return parser


class UsageError(Exception):
    """A problem with the command line or configuration: exit 2."""


@dataclass
class Run:
    """One invocation's state: output streams, counters, exit status."""

    quiet: bool
    verbose: int
    stdout: TextIO = field(default_factory=lambda: sys.stdout)
    stderr: TextIO = field(default_factory=lambda: sys.stderr)
    seen: int = 0
    changed: int = 0
    failed: int = 0
    skipped: int = 0
    size: int = 0
    internal: bool = False
    #: Cleaned bytes waiting for -o/--output.
    pending: list[bytes] = field(default_factory=list)
    start: float = field(default_factory=time.monotonic)

    def error(self, path: str, message: str) -> None:
        self.stderr.write(f"textclean: {path}: {message}\n")
        self.stderr.flush()

    def note(self, message: str) -> None:
        if not self.quiet:
            self.stderr.write(message + "\n")

    def out(self, text: str) -> None:
        self.stdout.write(text)

    def out_bytes(self, data: bytes) -> None:
        self.stdout.flush()
        buffer: IO[bytes] = getattr(self.stdout, "buffer", None) or sys.stdout.buffer
        buffer.write(data)
        buffer.flush()


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command with ``argv`` (default: ``sys.argv[1:]``); return the exit status."""
    parser = build_parser()
    try:
        args = parser.parse_args(list(sys.argv[1:] if argv is None else argv))
    except SystemExit as exc:  # --help, --version, or a usage error argparse reported
        return exc.code if isinstance(exc.code, int) else EXIT_ERROR
    run = Run(quiet=args.quiet, verbose=0 if args.quiet else args.verbose)
    try:
        return _main(args, run)
    except UsageError as exc:
        run.stderr.write(f"textclean: {exc}\n")
        return EXIT_ERROR
    except ConfigError as exc:
        run.error(exc.path, exc.message)
        return EXIT_ERROR
    except KeyboardInterrupt:
        run.stderr.write("textclean: interrupted\n")
        return 130
    except BrokenPipeError:
        # The reader went away (e.g. `| head`): stop quietly.
        devnull = os.open(os.devnull, os.O_WRONLY)
        with contextlib.suppress(OSError, ValueError):
            os.dup2(devnull, sys.stdout.fileno())
        return EXIT_PIPE


# ----- settings ---------------------------------------------------------------


def _load_settings(args: argparse.Namespace, inputs: Sequence[str]) -> Config:
    if args.no_config:
        return Config()
    if args.config:
        if not os.path.isfile(args.config):
            raise ConfigError(args.config, "No such file")
        return load_config(args.config)
    files = [p for p in inputs if p != STDIN]
    start = common_directory(p for p in files if os.path.exists(p))
    found = find_config(start)
    return load_config(found) if found else Config()


def _parse_locale(value: str, where: str) -> str | None:
    value = value.strip().lower()
    if value in ("none", "off", ""):
        return None
    if value != "auto" and value not in LOCALES:
        raise UsageError(
            f"{where}unknown locale {value!r} (use auto, none or one of {', '.join(LOCALES)})"
        )
    return value


def _parse_options(items: Iterable[str]) -> dict[str, dict[str, Any]]:
    options: dict[str, dict[str, Any]] = {}
    for item in items:
        target, sep, raw = item.partition("=")
        name, dot, option = target.strip().rpartition(".")
        if not sep or not dot or not name or not option:
            raise UsageError(f"--option {item!r}: expected FILTER.OPTION=VALUE")
        try:
            spec = get_filter(name)
        except FilterError as exc:
            raise UsageError(f"--option {item!r}: {exc}") from None
        option = option.replace("-", "_")
        value = _toml_value(raw.strip())
        default = spec.options.get(option)
        if isinstance(default, str) and not isinstance(value, str):
            value = raw.strip()  # a string option given a bare word that looks like a number
        options.setdefault(spec.name, {})[option] = value
    return options


def _filter_order() -> dict[str, int]:
    """Where each filter goes in a pipeline: the registry's order."""
    return {spec.name: i for i, spec in enumerate(available_filters())}


def build_pipeline(args: argparse.Namespace, config: Config) -> Pipeline:
    """The pipeline the command line and the configuration ask for (the command line wins)."""
    where = f"{config.path}: " if config.path else ""
    locale_raw = args.locale if args.locale is not None else config.get("locale", "auto")
    locale = _parse_locale(locale_raw, "" if args.locale is not None else where)
    try:
        order = _filter_order()
        default = [n for n, _ in sorted(order.items(), key=lambda kv: kv[1])]
        default = [n for n in default if get_filter(n).default]
        cli_only = _split_names(args.only)
        if cli_only:
            chosen = {get_filter(n).name for n in cli_only}
        elif config.get("only"):
            chosen = {get_filter(n).name for n in config.get("only")}
        else:
            chosen = set(default)
        cli_enable = {get_filter(n).name for n in _split_names(args.enable)}
        cli_disable = {get_filter(n).name for n in _split_names(args.disable)}
        if not cli_only:
            chosen |= {get_filter(n).name for n in config.get("enable", [])} - cli_disable
            chosen -= {get_filter(n).name for n in config.get("disable", [])} - cli_enable
        chosen |= cli_enable
        chosen -= cli_disable
        options: dict[str, dict[str, Any]] = {}
        for name, opts in config.get("options", {}).items():
            options.setdefault(get_filter(name).name, {}).update(opts)
        for name, opts in _parse_options(args.option or ()).items():
            options.setdefault(name, {}).update(opts)
        steps = []
        for name in sorted(chosen, key=lambda n: order[n]):
            steps.append((name, options.get(name, {})))
        unused = sorted(set(options) - chosen)
        if unused:
            raise UsageError(
                f"options given for {', '.join(unused)}, which will not run "
                "(enable it, or drop the options)"
            )
        return Pipeline(steps, locale=locale, name="textclean")
    except ValueError as exc:  # FilterError, or a bad locale option value
        raise UsageError(f"{where}{exc}") from None


# ----- the modes ----------------------------------------------------------------


def _jobs(args: argparse.Namespace, config: Config) -> int:
    jobs = args.jobs if args.jobs is not None else config.get("jobs")
    if jobs is None:
        try:
            jobs = len(os.sched_getaffinity(0))
        except AttributeError:  # pragma: no cover - not on Linux
            jobs = os.cpu_count() or 1
    if jobs < 1:
        raise UsageError(f"--jobs must be at least 1, not {jobs}")
    return int(jobs)


def _list_filters(run: Run) -> int:
    specs = list(available_filters())
    width = max(len(s.name) for s in specs) + 2
    for spec in specs:
        run.out(f"{spec.name:<{width}}{'on ' if spec.default else 'off'}  {spec.summary}\n")
        if run.verbose:
            for option, default in spec.options.items():
                run.out(f"{'':<{width}}     {option} = {default!r}\n")
    return EXIT_OK


def _main(args: argparse.Namespace, run: Run) -> int:
    if args.list_filters:
        return _list_filters(run)
    paths: list[str] = list(args.paths)
    if not paths:
        if sys.stdin is None or sys.stdin.isatty():
            raise UsageError("no input: give FILEs, or pipe text in (see textclean --help)")
        paths = [STDIN]
    batch = args.in_place or args.check or args.diff or args.explain
    if args.in_place and (args.check or args.diff):
        raise UsageError("-i/--in-place cannot be combined with --check or --diff")
    if args.output and (args.in_place or args.check or args.diff):
        raise UsageError("-o/--output cannot be combined with -i, --check or --diff")
    if args.in_place and STDIN in paths:
        raise UsageError("-i/--in-place needs files, not standard input")
    if args.output and len(paths) != 1:
        raise UsageError("-o/--output takes a single input")
    if args.jsonl and args.explain:
        raise UsageError("--explain does not work with --jsonl")
    if paths.count(STDIN) > 1:
        raise UsageError("standard input ('-') can be read only once")
    config = _load_settings(args, paths)
    pipeline = build_pipeline(args, config)
    newline = args.newline or config.get("newline")
    if newline is not None and newline not in ("keep", *NEWLINES):
        raise UsageError(f"{config.path}: newline must be keep, lf, crlf or cr, not {newline!r}")
    encoding = args.encoding or config.get("encoding")
    input_encoding = args.input_encoding or config.get("input-encoding")
    for enc in (encoding, input_encoding):
        if enc is not None:
            try:
                codecs.lookup(enc)
            except LookupError:
                raise UsageError(f"unknown encoding {enc!r}") from None
    job = Job(
        pipeline=pipeline,
        write=args.in_place,
        output=not batch or bool(args.output),
        diff=args.diff,
        explain=args.explain_format if args.explain else None,
        encoding=encoding,
        newline=None if newline in (None, "keep") else NEWLINES[newline],
        input_encoding=input_encoding,
        jsonl_fields=tuple(_split_names(args.field) or ["text"]) if args.jsonl else (),
        on_error=args.on_error,
    )
    jobs = _jobs(args, config)

    sources: list[Source] = []
    file_args = [p for p in paths if p != STDIN]
    if file_args:
        include = args.include or config.get("include") or DEFAULT_INCLUDE
        exclude = [*config.get("exclude", []), *(args.exclude or [])]
        respect = not args.no_gitignore and config.get("respect-gitignore", True)
        found = discover(file_args, include=include, exclude=exclude, respect_gitignore=respect)
        for path, message in found.errors:
            run.error(path, message)
            run.failed += 1
        if not batch and not args.output:
            for arg in file_args:
                if os.path.isdir(arg):
                    raise UsageError(
                        f"{arg}: is a directory; use -i/--in-place, --check, --diff or --explain"
                    )
        if run.verbose:
            for path, why in found.skipped:
                run.note(f"passed over {path} ({why})")
        sources = found.sources
    content_on_stdout = job.output and not args.output

    for item in paths:
        if item == STDIN:
            if args.jsonl and content_on_stdout:
                _stream_jsonl(job, sys.stdin.buffer, "<stdin>", run, jobs)
                continue
            outcome = _process_stdin(job)
            _report(run, job, args, outcome, content_on_stdout)
    if sources:
        if args.jsonl and content_on_stdout:
            for source in sources:
                try:
                    with open(source.path, "rb") as handle:
                        run.seen += 1
                        _stream_jsonl(job, handle, source.path, run, jobs)
                except OSError as exc:
                    run.error(source.path, exc.strerror or str(exc))
                    run.failed += 1
        else:
            written: set[str] = set()
            try:
                for outcome in _run_files(job, sources, jobs, run):
                    _report(run, job, args, outcome, content_on_stdout)
                    if outcome.written is not None:
                        written.add(outcome.written)
            finally:
                # Each file was fsynced before its rename; the renames are made
                # durable here, once per directory rather than once per file.
                for directory in sorted({os.path.realpath(d) for d in written}):
                    fsync_directory(directory)
    if args.output and run.failed == 0:
        _write_output(run, args.output)
    if (batch and not run.quiet) or run.verbose:
        _summary(run, would=not args.in_place and (args.check or args.diff))
    if run.internal:
        return EXIT_INTERNAL
    if run.failed:
        return EXIT_ERROR
    if (args.check or args.diff) and run.changed:
        return EXIT_CHANGED
    return EXIT_OK


def _write_output(run: Run, target: str) -> None:
    data = b"".join(run.pending)
    run.pending.clear()
    if target == STDIN:
        run.out_bytes(data)
        return
    try:
        atomic_write(target, data)
    except OSError as exc:
        run.error(target, f"cannot write: {exc.strerror or exc}")
        run.failed += 1


def _process_stdin(job: Job) -> Outcome:
    return process_bytes(job, sys.stdin.buffer.read(), "<stdin>")


_WORKER_JOB: Job | None = None


def _init_worker(job: Job) -> None:
    global _WORKER_JOB
    _WORKER_JOB = job


def _work(items: list[tuple[str, bool]]) -> list[Outcome]:
    """A worker's share: clean a batch of files, leaving their writing to the main process."""
    assert _WORKER_JOB is not None
    return [process_file(_WORKER_JOB, path, explicit, defer_write=True) for path, explicit in items]


#: Threads of the main process that write the files the workers cleaned, and
#: how many cleaned files may wait for their write (see :func:`_written_in_order`).
_WRITERS = 4
_WRITE_AHEAD = 32


def _run_files(job: Job, sources: Sequence[Source], jobs: int, run: Run) -> Iterator[Outcome]:
    """Clean every source; yield the outcomes in the sources' order.

    With more than one job, worker processes clean batches of files and the
    main process writes the changed ones as their batches come back (see
    :func:`_written_in_order`; a file larger than ``DEFER_LIMIT`` is written
    by its worker). At most two batches per worker are in flight, so memory
    stays bounded on any number of files.
    """
    progress = Progress(
        len(sources), run.stderr, enabled=not run.quiet and _isatty(run.stderr) and not job.output
    )
    items = [(s.path, s.explicit) for s in sources]

    def done(outcome: Outcome) -> Outcome:
        progress.update(outcome.size)
        if outcome.status != "unchanged" or run.verbose:
            progress.close()
        return outcome

    try:
        if jobs <= 1 or len(items) < 2:
            for path, explicit in items:
                yield done(process_file(job, path, explicit))
            return
        workers = min(jobs, len(items))
        size = max(1, min(16, len(items) // (workers * 8)))
        batches = [items[i : i + size] for i in range(0, len(items), size)]
        with concurrent.futures.ProcessPoolExecutor(
            max_workers=workers, initializer=_init_worker, initargs=(job,)
        ) as pool:
            for outcome in _written_in_order(_cleaned(pool, batches, 2 * workers)):
                yield done(outcome)
    finally:
        progress.close()


def _cleaned(
    pool: concurrent.futures.ProcessPoolExecutor, batches: list[list[tuple[str, bool]]], ahead: int
) -> Iterator[Outcome]:
    """The outcomes of the workers' batches, in order, with ``ahead`` batches in flight."""
    pending: collections.deque[concurrent.futures.Future[list[Outcome]]] = collections.deque()
    try:
        for batch in batches:
            pending.append(pool.submit(_work, batch))
            if len(pending) >= ahead:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
    finally:
        for future in pending:
            future.cancel()


def _written_in_order(outcomes: Iterable[Outcome]) -> Iterator[Outcome]:
    """Write each outcome's pending bytes; yield the outcomes in order, each once written.

    The writes run on a few threads of this process. A write is mostly
    waiting — creating the file, its ``fsync``, the rename, which the file
    system does about one file at a time per directory — and several
    ``fsync`` calls waiting together are flushed together; the workers go on
    cleaning meanwhile. The threads start with the first write, after the
    worker processes have been started (forking a process that runs threads
    is not safe).
    """
    queue: collections.deque[tuple[Outcome, concurrent.futures.Future[None] | None]]
    queue = collections.deque()
    with concurrent.futures.ThreadPoolExecutor(
        max_workers=_WRITERS, thread_name_prefix="textclean-write"
    ) as writers:
        for outcome in outcomes:
            write = None if outcome.pending is None else writers.submit(finish_write, outcome)
            queue.append((outcome, write))
            while queue and (
                len(queue) > _WRITE_AHEAD or queue[0][1] is None or queue[0][1].done()
            ):
                yield _waited(*queue.popleft())
        while queue:
            yield _waited(*queue.popleft())


def _waited(outcome: Outcome, write: concurrent.futures.Future[None] | None) -> Outcome:
    if write is not None:
        write.result()
    return outcome


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def _report(
    run: Run, job: Job, args: argparse.Namespace, outcome: Outcome, content_on_stdout: bool
) -> None:
    run.seen += 1
    run.size += outcome.size
    path = outcome.path
    info = run.stderr if content_on_stdout else run.stdout
    for problem in outcome.notes:
        run.error(path, problem)
    if outcome.status == "error":
        run.failed += 1
        run.internal = run.internal or outcome.internal
        run.error(path, outcome.message)
        return
    if outcome.status == "skipped":
        run.skipped += 1
        run.note(f"textclean: {path}: skipped: {outcome.message}")
        return
    if outcome.report:
        info.write(outcome.report + "\n")
    if outcome.status == "changed":
        run.changed += 1
        if outcome.diff:
            run.out(outcome.diff)
        if args.in_place and not run.quiet:
            run.out(f"cleaned {path}\n")
            run.stdout.flush()
        elif args.check and not run.quiet:
            run.out(f"would clean {path}\n")
    if run.verbose:
        state = {"changed": "changed", "unchanged": "unchanged"}[outcome.status]
        label = f" ({outcome.label})" if outcome.label else ""
        run.stderr.write(f"{state} {path}{label}\n")
    if outcome.data is not None:
        if args.output:
            run.pending.append(outcome.data)
        else:
            run.out_bytes(outcome.data)


def _summary(run: Run, *, would: bool) -> None:
    elapsed = time.monotonic() - run.start
    files = "file" if run.seen == 1 else "files"
    parts = [
        f"{run.seen} {files} seen",
        f"{run.changed} {'would change' if would else 'changed'}",
        f"{run.failed} failed",
    ]
    if run.skipped:
        parts.append(f"{run.skipped} skipped")
    run.stderr.write(f"{', '.join(parts)} ({run.size / 1e6:.1f} MB, {elapsed:.2f} s)\n")
    run.stderr.flush()


# ----- JSON Lines from a stream ---------------------------------------------------------


def _batches(handle: IO[bytes]) -> Iterator[tuple[int, list[bytes]]]:
    batch: list[bytes] = []
    first = 1
    for number, line in enumerate(handle, 1):
        batch.append(line)
        if len(batch) >= _JSONL_BATCH:
            yield first, batch
            first, batch = number + 1, []
    if batch:
        yield first, batch


def _jsonl_work(item: tuple[int, list[bytes]]) -> Any:
    assert _WORKER_JOB is not None
    return clean_jsonl_lines(_WORKER_JOB, item[1], item[0])


def _stream_jsonl(job: Job, handle: IO[bytes], name: str, run: Run, jobs: int) -> None:
    """Clean JSON Lines from ``handle`` to standard output as they come, in order."""
    if name == "<stdin>":
        run.seen += 1
    batches = _batches(handle)
    head = list(itertools.islice(batches, 2))
    pool: concurrent.futures.ProcessPoolExecutor | None = None
    if jobs > 1 and len(head) > 1:  # more than one batch: worth starting workers
        pool = concurrent.futures.ProcessPoolExecutor(
            max_workers=jobs, initializer=_init_worker, initargs=(job,)
        )
    pending: collections.deque[concurrent.futures.Future[Any]] = collections.deque()

    def emit(result: Any) -> bool:
        for problem in result.problems:
            run.error(name, problem)
        run.changed += bool(result.changed)
        data = b"".join(result.lines)
        run.size += sum(len(x) for x in result.lines)
        if data and job.output and run.stdout is not None:
            run.out_bytes(data)
        if result.stopped is not None:
            run.error(name, result.stopped)
            run.failed += 1
            return False
        return True

    try:
        for first, batch in itertools.chain(head, batches):
            if pool is None:
                if not emit(clean_jsonl_lines(job, batch, first)):
                    return
                continue
            pending.append(pool.submit(_jsonl_work, (first, batch)))
            if len(pending) >= jobs * 2 and not emit(pending.popleft().result()):
                return
        while pending:
            if not emit(pending.popleft().result()):
                return
    finally:
        for future in pending:
            future.cancel()
        if pool is not None:
            pool.shutdown(cancel_futures=True)
