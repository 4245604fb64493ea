"""The command's configuration file: ``[tool.textclean]`` or ``textclean.toml``.

The search starts in the directory that holds every input (the current
directory for standard input) and goes upward. In each directory a
``textclean.toml`` (keys at its top level, or under ``[tool.textclean]``)
wins over a ``pyproject.toml``; a ``pyproject.toml`` without a
``[tool.textclean]`` table is passed over. The search stops after the
repository root (a directory holding ``.git``), or at the file system root.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib  # type: ignore[import-not-found,unused-ignore]

__all__ = ["KEYS", "Config", "ConfigError", "find_config", "load_config", "parse_toml_value"]


class ConfigError(ValueError):
    """A configuration file that cannot be used; ``path`` names it."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = path
        self.message = message


#: Every key ``[tool.textclean]`` accepts, with the TOML type it takes.
KEYS: dict[str, str] = {
    "locale": "string",
    "enable": "list of filter names",
    "disable": "list of filter names",
    "only": "list of filter names",
    "options": "table of tables: options.FILTER.OPTION = value",
    "include": "list of globs",
    "exclude": "list of globs",
    "respect-gitignore": "boolean",
    "encoding": "string",
    "input-encoding": "string",
    "newline": "string",
    "jobs": "integer",
}


@dataclass(frozen=True)
class Config:
    """The settings a configuration file gave (keys spelled with ``-``)."""

    path: str | None = None
    values: Mapping[str, Any] = field(default_factory=dict)

    def get(self, key: str, default: Any = None) -> Any:
        return self.values.get(key, default)


def _is_repo_root(directory: str) -> bool:
    return os.path.exists(os.path.join(directory, ".git"))


def _read_toml(path: str) -> dict[str, Any]:
    try:
        with open(path, "rb") as handle:
            data: dict[str, Any] = tomllib.load(handle)
            return data
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(path, f"not valid TOML: {exc}") from None
    except OSError as exc:
        raise ConfigError(path, exc.strerror or str(exc)) from None


def _section(path: str, data: dict[str, Any], *, whole_file: bool) -> dict[str, Any] | None:
    tool = data.get("tool")
    if isinstance(tool, dict) and "textclean" in tool:
        section = tool["textclean"]
        if not isinstance(section, dict):
            raise ConfigError(path, "[tool.textclean] must be a table")
        return section
    if whole_file:
        return {k: v for k, v in data.items() if k != "tool"}
    return None


def common_directory(paths: Iterable[str]) -> str:
    """The deepest directory that holds every path (the current one when there are none)."""
    dirs = []
    for p in paths:
        full = os.path.abspath(p)
        dirs.append(full if os.path.isdir(full) else os.path.dirname(full))
    if not dirs:
        return os.getcwd()
    return os.path.commonpath(dirs)


def find_config(start: str) -> str | None:
    """The configuration file that applies to ``start`` (a directory), or None."""
    directory = os.path.abspath(start)
    while True:
        candidate = os.path.join(directory, "textclean.toml")
        if os.path.isfile(candidate):
            return candidate
        candidate = os.path.join(directory, "pyproject.toml")
        if os.path.isfile(candidate):
            data = _read_toml(candidate)
            if _section(candidate, data, whole_file=False) is not None:
                return candidate
        parent = os.path.dirname(directory)
        if _is_repo_root(directory) or parent == directory:
            return None
        directory = parent


def load_config(path: str) -> Config:
    """Read and check the configuration in ``path``; unknown keys are an error."""
    data = _read_toml(path)
    whole = os.path.basename(path) != "pyproject.toml"
    section = _section(path, data, whole_file=whole)
    if section is None:
        raise ConfigError(path, "has no [tool.textclean] table")
    prefix = "" if whole and "tool" not in data else "tool.textclean."
    values: dict[str, Any] = {}
    for raw_key, value in section.items():
        key = raw_key.replace("_", "-")
        if key not in KEYS:
            raise ConfigError(
                path,
                f"unknown key {prefix + raw_key!r} (known keys: {', '.join(KEYS)})",
            )
        values[key] = _check(path, prefix + raw_key, key, value)
    return Config(path, values)


def _check(path: str, shown: str, key: str, value: Any) -> Any:
    kind = KEYS[key]
    if key in ("enable", "disable", "only", "include", "exclude"):
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ConfigError(path, f"{shown!r} must be a {kind}")
        return list(value)
    if key == "options":
        if not isinstance(value, dict) or not all(isinstance(v, dict) for v in value.values()):
            raise ConfigError(path, f"{shown!r} must be a {kind}")
        return {name: dict(opts) for name, opts in value.items()}
    if key == "respect-gitignore":
        if not isinstance(value, bool):
            raise ConfigError(path, f"{shown!r} must be a boolean")
        return value
    if key == "jobs":
        if not isinstance(value, int) or isinstance(value, bool) or value < 1:
            raise ConfigError(path, f"{shown!r} must be a positive integer")
        return value
    if not isinstance(value, str):
        raise ConfigError(path, f"{shown!r} must be a string")
    return value


def parse_toml_value(raw: str) -> Any:
    """A command-line value read as a TOML literal, or as a plain string if it is not one.

    >>> parse_toml_value("4"), parse_toml_value("true"), parse_toml_value('["a", "b"]')
    (4, True, ['a', 'b'])
    >>> parse_toml_value("guillemets")
    'guillemets'
    """
    try:
        return tomllib.loads(f"v = {raw}")["v"]
    except tomllib.TOMLDecodeError:
        return raw
