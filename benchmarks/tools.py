"""The tools under test: textclean (whole pipeline and each filter) and its peers.

Every tool is a plain ``str -> str`` callable, built once (patterns compiled,
objects constructed) before anything is timed. A peer that cannot be imported
is still listed, with the reason, and reported as missing.

The calls, chosen to be a fair "clean this scraped text" for each peer:

- ``ftfy``: ``ftfy.fix_text(text)`` with its defaults.
- ``clean-text``: ``cleantext.clean(text, fix_unicode=True, to_ascii=False,
  lower=False, normalize_whitespace=True, no_line_breaks=False,
  strip_lines=True, keep_two_line_breaks=True, lang=...)`` and every
  ``no_*`` replacement off: case and Unicode kept, paragraphs kept
  (``lang="de"`` for German, ``"en"`` otherwise).
- ``textacy``: ``textacy.preprocessing.make_pipeline`` of its normalisers
  ``normalize.unicode(form="NFC")``, ``normalize.bullet_points``,
  ``normalize.hyphenated_words``, ``normalize.quotation_marks``,
  ``normalize.whitespace`` (``repeating_chars`` needs a character to act on,
  so it is left out).
- ``unstructured``: ``group_broken_paragraphs`` (which needs the line breaks,
  so it goes first), then ``clean(extra_whitespace=True)`` on each paragraph
  (unstructured cleans one element at a time; on a whole document
  ``extra_whitespace`` would turn every line break into a space), then
  ``replace_unicode_quotes``.
- ``sacremoses``: ``MosesPunctNormalizer(lang=...).normalize(text)`` with the
  document's language.
- ``typus``: ``typus.ru_typus`` for Russian, ``typus.en_typus`` for English;
  it has no Ukrainian or German, so it is timed and scored on the Russian and
  English documents only.
- ``re.sub floor``: ``re.compile(r"[ \\t]{2,}").sub(" ", text)`` — one pass of
  the standard library's regex engine over the text: the machine's floor.
"""

from __future__ import annotations

import importlib
import importlib.metadata
import re
from collections.abc import Callable
from dataclasses import dataclass

__all__ = ["FLOOR", "TEXTCLEAN", "Tool", "filter_tools", "peer_tools", "textclean_tool"]

TEXTCLEAN = "textclean"
FLOOR = "re.sub floor"


@dataclass
class Tool:
    """A tool to time and score."""

    name: str
    kind: str  # "textclean" | "filter" | "peer" | "floor"
    #: ``run(text, locale)``; ``None`` when the tool is missing.
    run: Callable[[str, str], str] | None
    version: str = ""
    locales: tuple[str, ...] = ("ru", "uk", "en", "de")
    call: str = ""
    missing: str = ""

    def applies(self, locale: str) -> bool:
        return locale in self.locales


def _version(dist: str) -> str:
    try:
        return importlib.metadata.version(dist)
    except importlib.metadata.PackageNotFoundError:
        return "?"


def textclean_tool() -> Tool:
    import textclean

    clean = textclean.clean

    def run(text: str, locale: str) -> str:
        return clean(text)

    return Tool(TEXTCLEAN, "textclean", run, textclean.__version__, call="textclean.clean(text)")


def filter_tools() -> list[Tool]:
    """Each filter of the default pipeline, alone (its public function: mask, run, unmask)."""
    import textclean

    tools = []
    for name in textclean.DEFAULT_ORDER:
        filt = textclean.get_filter(name)

        def run(text: str, locale: str, _f: Callable[..., str] = filt) -> str:
            return _f(text)

        tools.append(Tool(f"  {name}", "filter", run, call=f"get_filter({name!r})(text)"))
    return tools


def _ftfy() -> Tool:
    import ftfy

    fix_text = ftfy.fix_text
    return Tool(
        "ftfy", "peer", lambda t, loc: fix_text(t), _version("ftfy"), call="ftfy.fix_text(text)"
    )


def _clean_text() -> Tool:
    import logging

    logging.getLogger("cleantext").setLevel(logging.ERROR)
    from cleantext import clean

    def run(text: str, locale: str) -> str:
        return str(
            clean(
                text,
                fix_unicode=True,
                to_ascii=False,
                lower=False,
                normalize_whitespace=True,
                no_line_breaks=False,
                strip_lines=True,
                keep_two_line_breaks=True,
                lang="de" if locale == "de" else "en",
            )
        )

    return Tool(
        "clean-text",
        "peer",
        run,
        _version("clean-text"),
        call="clean(text, fix_unicode=True, to_ascii=False, lower=False, "
        "keep_two_line_breaks=True, no_*=False)",
    )


def _textacy() -> Tool:
    from textacy import preprocessing as tp

    pipeline = tp.make_pipeline(  # type: ignore[attr-defined]
        lambda t: tp.normalize.unicode(t, form="NFC"),
        tp.normalize.bullet_points,
        tp.normalize.hyphenated_words,
        tp.normalize.quotation_marks,
        tp.normalize.whitespace,
    )
    return Tool(
        "textacy",
        "peer",
        lambda t, loc: str(pipeline(t)),
        _version("textacy"),
        call="make_pipeline(unicode NFC, bullet_points, hyphenated_words, "
        "quotation_marks, whitespace)",
    )


def _unstructured() -> Tool:
    from unstructured.cleaners.core import (
        clean,
        group_broken_paragraphs,
        replace_unicode_quotes,
    )

    para_re = re.compile(r"\n\s*\n")

    def run(text: str, locale: str) -> str:
        grouped = group_broken_paragraphs(text)
        paras = [clean(p, extra_whitespace=True) for p in para_re.split(grouped)]
        return str(replace_unicode_quotes("\n\n".join(paras)))

    return Tool(
        "unstructured",
        "peer",
        run,
        _version("unstructured"),
        call="replace_unicode_quotes(clean(extra_whitespace) per paragraph of "
        "group_broken_paragraphs(text))",
    )


def _sacremoses() -> Tool:
    from sacremoses import MosesPunctNormalizer

    normalizers = {loc: MosesPunctNormalizer(lang=loc) for loc in ("ru", "uk", "en", "de")}
    return Tool(
        "sacremoses",
        "peer",
        lambda t, loc: str(normalizers[loc].normalize(t)),
        _version("sacremoses"),
        call="MosesPunctNormalizer(lang=locale).normalize(text)",
    )


def _typus() -> Tool:
    import typus

    fns = {"ru": typus.ru_typus, "en": typus.en_typus}
    return Tool(
        "typus",
        "peer",
        lambda t, loc: str(fns[loc](t)),
        _version("typus"),
        locales=("ru", "en"),
        call="ru_typus(text) / en_typus(text) (ru, en documents only)",
    )


def _floor() -> Tool:
    spaces_re = re.compile(r"[ \t]{2,}")
    return Tool(
        FLOOR,
        "floor",
        lambda t, loc: spaces_re.sub(" ", t),
        call='re.compile(r"[ \\t]{2,}").sub(" ", text)',
    )


PEERS: dict[str, tuple[str, Callable[[], Tool]]] = {
    "ftfy": ("ftfy", _ftfy),
    "clean-text": ("clean-text", _clean_text),
    "textacy": ("textacy", _textacy),
    "unstructured": ("unstructured", _unstructured),
    "sacremoses": ("sacremoses", _sacremoses),
    "typus": ("typus", _typus),
}


def peer_tools(names: list[str] | None = None) -> list[Tool]:
    """The peers (``names`` to pick some), then the floor; missing ones say why."""
    import io
    import sys
    import warnings

    tools = []
    for name, (_dist, build) in PEERS.items():
        if names is not None and name not in names:
            continue
        stderr, sys.stderr = sys.stderr, io.StringIO()  # some peers chat on import
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                tools.append(build())
        except Exception as exc:  # ImportError and whatever a broken install raises
            tools.append(Tool(name, "peer", None, missing=f"{type(exc).__name__}: {exc}"))
        finally:
            sys.stderr = stderr
    tools.append(_floor())
    return tools


def import_name(module: str) -> bool:
    try:
        importlib.import_module(module)
    except Exception:
        return False
    return True
