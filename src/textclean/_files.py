"""Which files a batch run cleans: paths, directories (recursive) and globs.

Files named on the command line (or matched by a glob given there) are
always taken. Files found by walking a directory are taken when they match
an include glob and no exclude glob, are not hidden (no part of their path
below the walked directory starts with ``.``), and are not ignored by a
``.gitignore`` (from the repository root down to their directory, plus
``.git/info/exclude``). Globs use ``.gitignore`` syntax (``*.md``,
``drafts/``, ``/top.txt``, ``**/old/*.txt``) and are matched against the path
below the walked directory. Symbolic links to files are taken (the target is
read and written); symbolic links to directories are not followed.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

import pathspec

__all__ = ["DEFAULT_INCLUDE", "Discovery", "Source", "discover"]

#: What a directory walk takes by default: prose, not code or data.
DEFAULT_INCLUDE: tuple[str, ...] = ("*.md", "*.markdown", "*.txt", "*.text")

_GLOB_CHARS = frozenset("*?[")


@dataclass(frozen=True)
class Source:
    """One file to clean: its path as shown to the user, and whether it was named."""

    path: str
    explicit: bool


@dataclass
class Discovery:
    sources: list[Source] = field(default_factory=list)
    #: (path, why) for each file or directory a walk passed over.
    skipped: list[tuple[str, str]] = field(default_factory=list)
    #: (path, message) for each argument that names nothing.
    errors: list[tuple[str, str]] = field(default_factory=list)


def _spec(lines: Iterable[str]) -> pathspec.GitIgnoreSpec:
    return pathspec.GitIgnoreSpec.from_lines(list(lines))


def _repo_root(directory: str) -> str | None:
    current = os.path.abspath(directory)
    while True:
        if os.path.exists(os.path.join(current, ".git")):
            return current
        parent = os.path.dirname(current)
        if parent == current:
            return None
        current = parent


class _GitIgnores:
    """The .gitignore files that apply below a repository (or walk) root."""

    def __init__(self, root: str) -> None:
        self.root = root
        self._cache: dict[str, pathspec.GitIgnoreSpec | None] = {}
        info = os.path.join(root, ".git", "info", "exclude")
        self._info = _load(info)

    def _spec_for(self, directory: str) -> pathspec.GitIgnoreSpec | None:
        if directory not in self._cache:
            self._cache[directory] = _load(os.path.join(directory, ".gitignore"))
        return self._cache[directory]

    def ignored(self, path: str, *, is_dir: bool) -> bool:
        """Whether git would ignore ``path`` (absolute, below the root)."""
        suffix = "/" if is_dir else ""
        directory = os.path.dirname(path)
        # The deepest .gitignore with a matching pattern decides.
        while True:
            spec = self._spec_for(directory)
            if spec is not None:
                rel = os.path.relpath(path, directory).replace(os.sep, "/")
                verdict = spec.check_file(rel + suffix).include
                if verdict is not None:
                    return verdict
            if directory == self.root or len(directory) <= len(self.root):
                break
            directory = os.path.dirname(directory)
        if self._info is not None:
            rel = os.path.relpath(path, self.root).replace(os.sep, "/")
            return bool(self._info.check_file(rel + suffix).include)
        return False


def _load(path: str) -> pathspec.GitIgnoreSpec | None:
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            return _spec(handle.read().splitlines())
    except OSError:
        return None


def discover(
    args: Sequence[str],
    *,
    include: Sequence[str] = DEFAULT_INCLUDE,
    exclude: Sequence[str] = (),
    respect_gitignore: bool = True,
) -> Discovery:
    """Expand ``args`` into the files to clean, in a stable order."""
    found = Discovery()
    seen: set[str] = set()
    include_spec = _spec(include)
    exclude_spec = _spec(exclude)

    def take(path: str, explicit: bool) -> None:
        key = os.path.abspath(path)
        if key not in seen:
            seen.add(key)
            found.sources.append(Source(path, explicit))

    for arg in args:
        if os.path.isdir(arg):
            _walk(arg, found, take, include_spec, exclude_spec, respect_gitignore)
        elif os.path.lexists(arg):
            take(arg, True)
        elif _GLOB_CHARS & set(arg):
            matches = sorted(glob.glob(arg, recursive=True))
            if not matches:
                found.errors.append((arg, "no file matches this pattern"))
            for match in matches:
                if os.path.isdir(match):
                    _walk(match, found, take, include_spec, exclude_spec, respect_gitignore)
                else:
                    take(match, True)
        else:
            found.errors.append((arg, "No such file or directory"))
    return found


def _walk(
    top: str,
    found: Discovery,
    take: Callable[[str, bool], None],
    include: pathspec.GitIgnoreSpec,
    exclude: pathspec.GitIgnoreSpec,
    respect_gitignore: bool,
) -> None:
    top_abs = os.path.abspath(top)
    ignores: _GitIgnores | None = None
    if respect_gitignore:
        ignores = _GitIgnores(_repo_root(top_abs) or top_abs)
    for dirpath, dirnames, filenames in os.walk(top):
        dirnames.sort()
        keep: list[str] = []
        for name in dirnames:
            full = os.path.normpath(os.path.join(dirpath, name))
            rel = os.path.relpath(full, top).replace(os.sep, "/")
            if name.startswith("."):
                found.skipped.append((full, "hidden"))
            elif exclude.match_file(rel + "/"):
                found.skipped.append((full, "excluded"))
            elif ignores is not None and ignores.ignored(os.path.abspath(full), is_dir=True):
                found.skipped.append((full, "ignored by .gitignore"))
            else:
                keep.append(name)
        dirnames[:] = keep
        for name in sorted(filenames):
            full = os.path.normpath(os.path.join(dirpath, name))
            rel = os.path.relpath(full, top).replace(os.sep, "/")
            if name.startswith("."):
                found.skipped.append((full, "hidden"))
            elif not include.match_file(rel):
                continue  # not a kind of file we clean: no note, there may be thousands
            elif exclude.match_file(rel):
                found.skipped.append((full, "excluded"))
            elif ignores is not None and ignores.ignored(os.path.abspath(full), is_dir=False):
                found.skipped.append((full, "ignored by .gitignore"))
            else:
                take(full, False)
