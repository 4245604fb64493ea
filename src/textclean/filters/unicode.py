"""Unicode repair: mojibake, HTML entities, control characters, normalisation.

The repair itself is ftfy's, configured once at import with the fixes that
damage typography or CJK text switched off (quote uncurling, character
width, Latin ligatures). What this module adds is *when* ftfy runs: ftfy
works line by line, and almost every line of real text needs nothing, so
one scan of the whole text finds the few lines that may need it, an exact
check of each such line decides, and only those lines go through ftfy.

ftfy decides a line is mojibake with ``ftfy.badness.is_bad``, one large
regular expression that runs at about 4 MB/s. Every one of its alternatives
needs either a character that is (nearly) only ever mojibake, or two
"suspect" characters side by side, or a suspect character right after one
of a few Cyrillic or Greek letters. :data:`_SUSPECT_RE` looks for exactly
that, built from ftfy's own character categories, so it runs at well over
50 MB/s and lets ``is_bad`` see only the places it could fire on. The scan
(:func:`_gate`) looks in the same pass for control characters, HTML
entities and characters that may make a line not NFC, so on clean text the
whole filter is that one scan. The filter gets masked text whole: a
verbatim placeholder ends a line as a line break does, so ftfy never sees
one, and the text is not cut into pieces around them and joined again.

Once a line is known to need repair, most of ftfy's time went into running
``is_bad`` again on its own result and into fixers that had nothing to do;
:func:`_fix_encoding` and :func:`_ftfy_segment` are ftfy's steps with the
fast ``is_bad``, a plain UTF-8 decode tried first (see :func:`_decode_once`),
and each fixer skipped when a C-speed test shows it would return its input
unchanged; and a repaired line known to be a fixed point is not looked at
again.

The scanning patterns use the standard library's ``re`` rather than
``regex``: on Cyrillic text ``regex`` runs large non-ASCII character
classes 10-20x slower, and these scans are the whole cost of the filter on
clean text.
"""

from __future__ import annotations

import functools
import itertools
import operator
import re
import unicodedata
from typing import Literal

import ftfy
import regex
from ftfy import chardata, fixes
from ftfy.badness import BADNESS_RE as _BADNESS_RE
from ftfy.badness import MOJIBAKE_CATEGORIES as _CAT
from ftfy.badness import is_bad
from ftfy.chardata import HTML_ENTITY_RE

from .._filter import register
from .._verbatim import BLOCK, INLINE, PLACEHOLDERS

__all__ = ["fix_unicode"]

_Form = Literal["NFC", "NFKC"]

#: The normalisation forms the ``normalization`` option accepts.
_FORMS: dict[str, _Form | None] = {"nfc": "NFC", "nfkc": "NFKC", "none": None}

#: ftfy's configuration, built once. The fixes that are off would damage
#: text we want kept: curly quotes (the quotes filter owns them), full-width
#: forms and ligatures (CJK text, typography). ``unescape_html`` is True
#: rather than "auto": scraped markdown may hold a literal ``<`` and still
#: need its entities decoded. The options of :func:`fix_unicode` switch
#: ``unescape_html``, ``fix_encoding``/``fix_c1_controls`` and
#: ``normalization`` off or over per call (see :func:`_ftfy_segment`).
_CONFIG = ftfy.TextFixerConfig(
    unescape_html=True,
    remove_terminal_escapes=True,
    fix_encoding=True,
    restore_byte_a0=True,
    replace_lossy_sequences=True,
    decode_inconsistent_utf8=True,
    fix_c1_controls=True,
    fix_latin_ligatures=False,
    fix_character_width=False,
    uncurl_quotes=False,
    fix_line_breaks=True,
    fix_surrogates=True,
    remove_control_chars=True,
    normalization="NFC",
    explain=False,
)

# --- what makes a line worth handing to ftfy --------------------------------

# Control characters other than tab and line feed (C0, DEL, C1), the Unicode
# line and paragraph separators, surrogates, the byte order mark, and the
# other format characters ftfy's remove_control_chars deletes. These cover
# ftfy's line-break, surrogate, terminal-escape (ESC), C1 and control fixes.
_CONTROLS = "\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff\u206a-\u206f\ufff9-\ufffc"
_CONTROL_RE = re.compile(f"[{_CONTROLS}]")
#: An HTML entity, exactly as ftfy's unescape_html finds them.
_ENTITY_RE = HTML_ENTITY_RE

# A character that is (nearly) only ever mojibake: C1 controls, ftfy's
# "bad" and box-drawing classes, and the lead characters of ftfy's one- and
# two-character special cases.
_ALONE = _CAT["c1"] + _CAT["bad"] + _CAT["box"] + "ŒœÂÃÎÐØÙ√Ђ"
# Characters that are mojibake only next to another of their kind.
_PAIRED = (
    _CAT["law"]
    + _CAT["currency"]
    + _CAT["start_punctuation"]
    + _CAT["end_punctuation"]
    + _CAT["numeric"]
    + _CAT["upper_accented"]
    + _CAT["lower_accented"]
    + _CAT["kaomoji"]
)
#: A place where ftfy's is_bad may match: a lone mojibake character, two
#: paired characters side by side, a paired character after one of the
#: letters ftfy's three-character Windows-1251/1253 cases start with, or an
#: accented capital after a Cyrillic or Greek lowercase letter. Every match
#: of ``ftfy.badness.BADNESS_RE`` contains one (tests/filters/test_unicode.py
#: checks this exhaustively for pairs and at random for longer strings).
_SUSPECT_AFTER = (
    f"(?:(?<=[{_ALONE}])|(?=[{_PAIRED}])|(?<=[ВГРСΒΓΞΟβ][{_PAIRED}])"
    f"|(?<=[{_CAT['lower_common']}][{_CAT['upper_accented']}]))"
)
_SUSPECT = f"[{_ALONE}{_PAIRED}]{_SUSPECT_AFTER}"
_SUSPECT_RE = re.compile(_SUSPECT)


_BMP_SIZE = 0x10000
_ASTRAL = "\U00010000-\U0010ffff"


# The character tables below are built at first use from ``unicodedata``
# (so that they follow Python's Unicode version), each in a few
# milliseconds: a C-level ``map`` over the BMP gives a flag byte per code
# point, and a bytes pattern finds the runs of set flags.
_Runs = list[tuple[int, int]]


@functools.cache
def _bmp() -> str:
    """Every character of the BMP, in order."""
    return "".join(map(chr, range(_BMP_SIZE)))


def _runs(flags: bytes) -> _Runs:
    """The runs ``(start, end)`` of code points whose flag byte is 1."""
    return [m.span() for m in re.finditer(b"\x01+", flags)]


def _gaps(runs: _Runs) -> _Runs:
    """The runs of BMP code points outside ``runs``."""
    ends = [0] + [end for _, end in runs]
    starts = [start for start, _ in runs] + [_BMP_SIZE]
    return [(lo, hi) for lo, hi in zip(ends, starts, strict=True) if hi > lo]


def _class(runs: _Runs) -> str:
    """A character-class body for ``runs``."""
    return "".join(
        re.escape(chr(lo)) + (f"-{re.escape(chr(hi - 1))}" if hi - 1 > lo else "")
        for lo, hi in runs
    )


@functools.cache
def _not_nfc() -> str:
    """Every BMP character that can make a text not NFC, as a character-class body.

    A text all of whose characters have combining class 0 and NFC quick-check
    "yes" is in NFC (UAX #15). The others are those with a nonzero combining
    class, those NFC changes, and those that may compose with the character
    before them: the second character of a canonical decomposition and the
    Hangul medial vowels and final consonants.
    """
    bmp = _bmp()
    combining = map(unicodedata.combining, bmp)
    nfc = map(functools.partial(unicodedata.is_normalized, "NFC"), bmp)
    flags = bytearray(map(operator.or_, map(bool, combining), map(operator.not_, nfc)))
    for lo, hi in [(0x1161, 0x1176), (0x11A8, 0x11C3)]:
        flags[lo:hi] = b"\x01" * (hi - lo)
    nfd = map(functools.partial(unicodedata.is_normalized, "NFD"), bmp)
    for c in itertools.compress(bmp, map(operator.not_, nfd)):
        decomposition = unicodedata.decomposition(c)
        if decomposition and not decomposition.startswith("<"):
            for h in decomposition.split()[1:]:
                flags[int(h, 16)] = 1
    return _class(_runs(bytes(flags)))


@functools.cache
def _gate(entities: bool, mojibake: bool, nfc: bool) -> re.Pattern[str]:
    """The scan for whatever may make a line need ftfy (the module docstring says what).

    A control character (or, with ``nfc``, a character that may make the
    line not NFC: see :func:`_not_nfc`; every character beyond the BMP is
    taken as one, its line's exact check tells), an entity, or a suspect
    character; every line ftfy would change holds a match
    (tests/filters/test_unicode.py checks each kind). It is written as "one
    character of any kind, then which kind it is" (a look-behind at that
    character) rather than as a plain alternation: a pattern that starts
    with one character class lets ``re`` skip, in C, every character outside
    it, where the alternation tries each position in turn (about six times
    slower on clean text).
    """
    alone = _CONTROLS + (_not_nfc() + _ASTRAL if nfc else "")
    first = alone
    kinds = [f"(?<=[{alone}])"]
    if entities:
        # The entity pattern with its leading "&" taken out of it.
        assert _ENTITY_RE.pattern.startswith("&")
        first += "&"
        kinds.append(f"(?<=&){_ENTITY_RE.pattern[1:]}")
    if mojibake:
        first += _ALONE + _PAIRED
        kinds.append(f"(?<=[{_ALONE}{_PAIRED}]){_SUSPECT_AFTER}")
    first_class = f"[{first}]"
    if nfc:
        # The same class, as "not one of the other BMP characters": ``re``
        # tests a BMP class with one table look-up, but a range beyond the
        # BMP is one more test for every character (a third slower).
        runs = [m.span() for m in re.finditer(f"[{first}]+", _bmp())]
        first_class = f"[^{_class(_gaps(runs))}]"
    return re.compile(f"{first_class}(?:{'|'.join(kinds)})")


# With NFKC, a span of text that is not NFKC has every line checked.
_EVERY_LINE_RE = re.compile(f"^|(?<=[{PLACEHOLDERS}])", re.MULTILINE)
# Where a line ends: its line break, or a placeholder (ftfy never sees one).
_LINE_ENDS = "\n" + PLACEHOLDERS
_LINE_END_RE = re.compile(f"[{_LINE_ENDS}]")

# Vertical tab and form feed are line breaks in the wild (Word writes VT for
# a manual line break); ftfy would delete VT and keep FF, which joins words
# or leaves an invisible control behind. Both become "\n".
_LINE_BREAK_CONTROLS = str.maketrans({"\x0b": "\n", "\x0c": "\n"})
# C1 controls ftfy leaves in place (those Windows-1252 leaves undefined, or
# all of them when mojibake repair is off): never wanted in clean text.
_C1_RE = re.compile("[\x80-\x9f]")


def _one_class_first(pattern: bytes) -> re.Pattern[bytes]:
    """``pattern``, an alternation whose every branch starts with a byte class, as one class first.

    ``[ab]x|[cd]y`` becomes ``[abcd](?:(?<=[ab])x|(?<=[cd])y)``: a match
    wherever the original has one (a match starts at the same byte), found
    by a C scan over the bytes outside ``[abcd]`` instead of trying each
    branch at each position (the same trick as :func:`_gate`).
    """
    firsts: list[bytes] = []
    branches: list[bytes] = []
    for branch in pattern.split(b"|"):
        end = branch.index(b"]") + 1
        assert branch.startswith(b"[") and b"[" not in branch[1:end], branch
        firsts.append(branch[1 : end - 1])
        branches.append(b"(?<=" + branch[:end] + b")" + branch[end:])
    return re.compile(b"[" + b"".join(firsts) + b"](?:" + b"|".join(branches) + b")")


#: ftfy's ``ALTERED_UTF8_RE`` (a UTF-8 sequence with a space for a byte
#: A0), for the test whether ``restore_byte_a0`` has anything to do.
_ALTERED_UTF8_RE = _one_class_first(chardata.ALTERED_UTF8_RE.pattern)

# Unassigned and private-use characters, which no true repair produces.
_JUNK_RE = regex.compile(r"[\p{Cn}\p{Co}]")


@functools.cache
def _maybe_junk_re() -> re.Pattern[str]:
    """A character :data:`_JUNK_RE` may match: any Unicode 3.2 leaves unassigned or private.

    Unicode never unassigns a character, and its private-use areas are fixed,
    so whatever Unicode version ``regex`` knows, :data:`_JUNK_RE` matches
    only characters this matches; and it scans several times faster.
    """
    categories = map(unicodedata.ucd_3_2_0.category, _bmp())
    junk = _runs(bytes(map(frozenset(["Cn", "Co"]).__contains__, categories)))
    return re.compile(f"[^{_class(_gaps(junk))}]")


# Suspect characters on one line checked one window at a time; beyond this,
# the whole line is checked at once.
_MAX_WINDOWS = 16
# A repair that has not settled after this many rounds is left as it stands.
_MAX_ROUNDS = 4


def _form(normalization: str) -> _Form | None:
    try:
        return _FORMS[normalization.lower()]
    except KeyError:
        raise ValueError(
            f"normalization must be 'NFC', 'NFKC' or 'none', not {normalization!r}"
        ) from None


@register(
    "unicode",
    summary="Repair mojibake, decode HTML entities, drop control characters, normalise to NFC.",
    default=True,
    keeps_letters=False,
    recheck=True,
    paragraph_local=True,
)
def fix_unicode(
    text: str,
    *,
    entities: bool = True,
    mojibake: bool = True,
    normalization: str = "NFC",
) -> str:
    """Repair broken Unicode: mojibake, HTML entities, control characters, NFC.

    The repair is ftfy's, line by line, with its quote-uncurling,
    character-width and ligature fixes switched off:

    * mojibake (UTF-8 read as Windows-1252, Latin-1, Windows-1251 and the
      other single-byte encodings ftfy knows) is decoded back;
    * HTML entities and numeric character references (``&amp;``,
      ``&#8212;``, ``&nbsp;``) become their characters, even on a line that
      also holds a literal ``<``;
    * control characters go: C0 controls but tab and line feed, DEL, C1
      controls (first read as the Windows-1252 characters they usually
      stand for), terminal colour escapes, the byte order mark, U+206A-206F
      and U+FFF9-FFFC; vertical tab, form feed and the Unicode line and
      paragraph separators become ``\\n``;
    * UTF-16 surrogate pairs become the character they encode;
    * the text is normalised to NFC.

    Options: ``entities`` decodes HTML entities, ``mojibake`` repairs wrong
    encodings (and reads C1 controls as Windows-1252), ``normalization`` is
    ``"NFC"``, ``"NFKC"`` or ``"none"``.

    Left alone: curly and straight quotes, full-width and half-width forms,
    ligatures such as ``ﬁ``, zero-width joiners and directional marks, tabs,
    line breaks, text that only looks odd (``AT&T``, ``Q&A``, an unknown
    ``&foo;``), and code spans, fenced code, URLs and e-mail addresses. A
    line whose repair would produce one of the private-use characters
    textclean reserves (U+E000, U+E001) is left exactly as it was.

    >>> fix_unicode("CafÃ© &amp; РџСЂРёРІРµС‚")
    'Café & Привет'
    >>> fix_unicode("Tom &amp; Jerry, AT&T, `&amp;` and “ﬁne” ＡＢＣ")
    'Tom & Jerry, AT&T, `&amp;` and “ﬁne” ＡＢＣ'
    >>> fix_unicode("e\\u0301te\\x00\\x1b[31m red\\x1b[0m")
    'éte red'
    >>> fix_unicode("&lt;b&gt;", entities=False)
    '&lt;b&gt;'
    """
    form = _form(normalization)
    gate = _gate(entities, mojibake, form == "NFC")
    spans = [(0, len(text))]
    for _ in range(_MAX_ROUNDS):
        fixed, spans = _repair_round(text, spans, gate, entities, mojibake, form)
        if fixed == text:
            break
        text = fixed
    return text


def _repair_round(
    text: str,
    spans: list[tuple[int, int]],
    gate: re.Pattern[str],
    entities: bool,
    mojibake: bool,
    form: _Form | None,
) -> tuple[str, list[tuple[int, int]]]:
    """One round of ftfy.fix_text's line-by-line repair, looking only within ``spans``.

    Each span is a run of whole lines; a line ends after its "\\n" or
    before a placeholder. :func:`_gate` finds the lines that may need
    repair; :func:`_repair_line` returns the others unchanged. Returns the
    repaired text and the spans of it that the next round must look at: the
    repaired lines not known to be stable (every other line is one already
    found to need nothing), or the whole text when a repaired line lost its
    line break and ran into the next one.
    """
    pieces: list[str] = []
    changed: list[tuple[int, int]] = []
    done = 0  # text[:done] is in pieces
    shift = 0  # how much longer the pieces are than text[:done]
    whole = False
    for lo, hi in spans:
        scan = gate
        if form == "NFKC" and not unicodedata.is_normalized(form, text[lo:hi]):
            scan = _EVERY_LINE_RE
        pos = lo  # where a line starts, at or before the next match
        m = scan.search(text, lo, hi)
        while m is not None:
            # No match holds a line break or a placeholder: it marks one line.
            q = m.start()
            start = max(pos, *(text.rfind(c, pos, q) + 1 for c in _LINE_ENDS))
            after = _LINE_END_RE.search(text, q)
            end = len(text) if after is None else after.start() + (after.group() == "\n")
            line = text[start:end]
            fixed, stable = _repair_line(line, entities, mojibake, form)
            if fixed != line:
                pieces += (text[done:start], fixed)
                if not stable:
                    changed.append((start + shift, start + shift + len(fixed)))
                shift += len(fixed) - len(line)
                done = end
                whole = whole or (line.endswith("\n") and not fixed.endswith("\n"))
            if end >= hi:
                break
            pos = max(end, q + 1)  # past an empty line before a placeholder, too
            m = scan.search(text, pos, hi)
    if not pieces:
        return text, []
    pieces.append(text[done:])
    fixed_text = "".join(pieces)
    return fixed_text, [(0, len(fixed_text))] if whole else changed


def _repair_segment(segment: str, entities: bool, mojibake: bool, form: _Form | None) -> str:
    """ftfy's repair of one line (with its line break), plus textclean's extras.

    A line ftfy would leave alone comes back unchanged.
    """
    return _repair_line(segment, entities, mojibake, form)[0]


def _repair_line(
    segment: str, entities: bool, mojibake: bool, form: _Form | None
) -> tuple[str, bool]:
    """:func:`_repair_segment`, and True if repairing the result would change nothing.

    That is known when ftfy's steps left it :func:`_settled` with nothing
    more to decode, none of textclean's extras stepped in, and it is still
    one line.
    """
    source = segment
    if "\x0b" in source or "\x0c" in source:  # str.translate is slow: only when needed
        source = source.translate(_LINE_BREAK_CONTROLS)
    fixed, settled = _fix_segment(source, entities, mojibake, form)
    if (
        mojibake
        and fixed != source
        and _maybe_junk_re().search(fixed)
        and _JUNK_RE.search(fixed)
        and _junk(fixed) > _junk(source)
    ):
        # A "repair" that invents unassigned or private-use characters is a
        # misreading of text that was never mojibake (it happens on garbage
        # such as "а Î€"): keep the other fixes, not that one.
        fixed, _ = _fix_segment(source, entities, False, form)
        settled = False
    if not settled and _C1_RE.search(fixed):
        fixed = _C1_RE.sub("", fixed)
    if INLINE in fixed or BLOCK in fixed:
        # An entity or a decoding produced a placeholder character: refuse.
        return segment, False
    return fixed, settled and "\n" not in fixed[:-1]


def _junk(text: str) -> int:
    return len(_JUNK_RE.findall(text))


def _ftfy_segment(text: str, entities: bool, mojibake: bool, form: _Form | None) -> str:
    """What ``ftfy.fix_text_segment(text, config)`` returns, faster.

    ``config`` is :data:`_CONFIG` with ``unescape_html=entities``,
    ``fix_encoding=fix_c1_controls=mojibake`` and ``normalization=form``.
    tests/filters/test_unicode.py checks that the two agree.
    """
    return _fix_segment(text, entities, mojibake, form)[0]


def _fix_segment(text: str, entities: bool, mojibake: bool, form: _Form | None) -> tuple[str, bool]:
    """:func:`_ftfy_segment`, and True if the result is known to be a fixed point.

    That is: :func:`_settled`, with no entity left to decode, so that the
    repair of the result would return it unchanged.

    This is ftfy 6's ``fix_and_explain`` loop step for step, with ftfy's own
    fixers, except that a step is skipped when a cheap test shows it would
    return the text unchanged: entity decoding without an "&", the C1 fix
    and the control-character fixes without a character of
    :data:`_CONTROLS`, normalisation of normalised text, and the rest of
    the round when the text is :func:`_settled` (known from the round before
    when that round decoded no entity, found no control character, changed
    nothing after ftfy's ``fix_encoding``, and left text that is not
    mojibake).
    """
    settled = False
    while True:
        before = text
        if entities and "&" in text:
            text = fixes.unescape_html(text)
        unescaped = text != before
        if not unescaped and settled:
            return text, True
        # _settled, keeping what ftfy's fix_encoding would look at again.
        bad = None
        if not _CONTROL_RE.search(text) and (form is None or unicodedata.is_normalized(form, text)):
            bad = mojibake and _is_bad(text)
            if not bad:
                # The rest of this round changes nothing; so does the next
                # one unless an entity is left to decode (``&amp;lt;``).
                if not unescaped or not (entities and _ENTITY_RE.search(text)):
                    return text, True
                continue
        if mojibake:
            text, bad = _fix_encoding_and_badness(text, bad)
        controls = bool(_CONTROL_RE.search(text))
        if controls:
            if mojibake and _C1_RE.search(text):
                text = fixes.fix_c1_controls(text)
            text = fixes.fix_line_breaks(text)
            text = fixes.fix_surrogates(text)
            text = fixes.remove_terminal_escapes(text)
            text = fixes.remove_control_chars(text)
        denormal = False
        if form is not None and not unicodedata.is_normalized(form, text):
            text = unicodedata.normalize(form, text)
            denormal = True
        # Known settled for the next round, if nothing in this one did anything.
        settled = not (unescaped or bad or controls or denormal)
        if text == before:
            return text, settled


def _fix_encoding(text: str) -> str:
    """``ftfy.fix_encoding(text)``, with the fast :func:`_is_bad` for ftfy's own."""
    return _fix_encoding_and_badness(text)[0]


def _fix_encoding_and_badness(text: str, bad: bool | None = None) -> tuple[str, bool]:
    """``ftfy.fix_encoding(text)``, and whether ftfy's ``is_bad`` still holds for it.

    ftfy's loop, step for step: while the text is not ASCII and looks like
    mojibake, take one decoding step (:func:`_decode_once`) until that
    changes nothing. ``bad``, when known, is ``is_bad(text)``.
    """
    if bad is None:
        bad = _is_bad(text)
    while bad and not text.isascii():
        fixed = _decode_once(text)
        if fixed == text:
            return text, True
        text = fixed
        bad = _is_bad(text)
    return text, False


def _decode_once(text: str) -> str:
    """One step of ``ftfy.fix_encoding`` on text that ``is_bad``, with its default options.

    ftfy 6's ``_fix_encoding_one_step_and_explain`` without the explanation:
    the first single-byte encoding the text fits whose bytes decode as UTF-8
    (after restoring spaces that were no-break spaces and marking lost
    bytes), else UTF-8 embedded in other text, else Latin-1 read as
    Windows-1252, else the C1 fix. The test for the no-break-space fix is
    :data:`_ALTERED_UTF8_RE`, and the lossy-sequence fix, which needs a byte
    0x1A or a "?", is skipped without one.
    """
    possible = []
    for encoding in chardata.CHARMAP_ENCODINGS:
        if not chardata.possible_encoding(text, encoding):
            continue
        possible.append(encoding)
        encoded = text.encode(encoding)
        if b"\x1a" not in encoded and 0xED not in encoded and 0xC0 not in encoded:
            # Every match of the no-break-space and lossy-sequence patterns
            # but a lone 0x1A is a malformed UTF-8 sequence: bytes that
            # decode need neither fix (nor the UTF-8 variants' decoder).
            try:
                return encoded.decode("utf-8")
            except UnicodeDecodeError:
                pass
        try:
            if encoding != "macroman" and _ALTERED_UTF8_RE.search(encoded):
                encoded = fixes.restore_byte_a0(encoded)
            if encoding.startswith("sloppy") and (b"\x1a" in encoded or b"?" in encoded):
                encoded = fixes.replace_lossy_sequences(encoded)
            decoding = "utf-8-variants" if 0xED in encoded or 0xC0 in encoded else "utf-8"
            return encoded.decode(decoding)
        except UnicodeDecodeError:
            pass
    if chardata.UTF8_DETECTOR_RE.search(text):
        fixed = _decode_inconsistent_utf8(text)
        if fixed != text:
            return fixed
    if "latin-1" in possible:
        if "windows-1252" in possible:  # as in ftfy, though it never lists it
            return text
        try:
            fixed = text.encode("latin-1").decode("windows-1252")
            if fixed != text:
                return fixed
        except UnicodeDecodeError:
            pass
    if chardata.C1_CONTROL_RE.search(text):
        return fixes.fix_c1_controls(text)
    return text


def _decode_inconsistent_utf8(text: str) -> str:
    """``ftfy.fixes.decode_inconsistent_utf8``, with the fast ``is_bad`` and ``fix_encoding``."""

    def fix_embedded_mojibake(match: re.Match[str]) -> str:
        substr = match.group(0)
        # Shorter than the text, so that this does not recurse forever.
        if len(substr) < len(text) and _is_bad(substr):
            return _fix_encoding(substr)
        return substr

    return chardata.UTF8_DETECTOR_RE.sub(fix_embedded_mojibake, text)


def _settled(text: str, mojibake: bool, form: _Form | None) -> bool:
    """True if every ftfy step after entity decoding would leave ``text`` as it is.

    No control or separator character (the C1, line-break, surrogate,
    terminal-escape and control-character fixes have nothing to do), already
    normalised, and, when mojibake is repaired, not what ftfy's ``is_bad``
    calls mojibake (without which ftfy's ``fix_encoding`` returns its input).
    """
    if _CONTROL_RE.search(text):
        return False
    if form is not None and not unicodedata.is_normalized(form, text):
        return False
    return not (mojibake and _is_bad(text))


def _is_bad(text: str) -> bool:
    """``ftfy.badness.is_bad(text)``, looking only near suspect characters.

    Every match of ftfy's BADNESS_RE is at most seven characters long and
    holds a position :data:`_SUSPECT_RE` matches, so searching six
    characters either side of each such position finds a match if there is
    one, and finds nothing that is not one (the pattern's only anchor, ``^``,
    never matches at a search's start position, and a match that starts at
    0 lies within reach of a suspect position six characters on). Past
    :data:`_MAX_WINDOWS` suspects, one search of the whole text costs less.
    """
    for i, m in enumerate(_SUSPECT_RE.finditer(text)):
        if i == _MAX_WINDOWS:
            return is_bad(text)
        q = m.start()
        if _BADNESS_RE.search(text, max(q - 6, 0), q + 7):
            return True
    return False
