"""Unicode repair: mojibake, HTML entities, control characters, normalisation.

The repair itself is ftfy's, configured once at import with the fixes that
damage typography or CJK text switched off (quote uncurling, character
width, Latin ligatures). What this module adds is *when* ftfy runs: ftfy
works line by line, and almost every line of real text needs nothing, so a
cheap scan finds the few lines that may need it and only those go through
ftfy. The scan is exact: a line it skips is one ftfy would return unchanged.

ftfy decides a line is mojibake with ``ftfy.badness.is_bad``, one large
regular expression that runs at about 4 MB/s. Every one of its alternatives
needs either a character that is (nearly) only ever mojibake, or two
"suspect" characters side by side, or a suspect character right after one
of a few Cyrillic or Greek letters. :data:`_SUSPECT_RE` looks for exactly
that, built from ftfy's own character categories, so it runs at well over
50 MB/s and lets ``is_bad`` see only the lines it could fire on.

The scanning patterns use the standard library's ``re`` rather than
``regex``: on Cyrillic text ``regex`` runs large non-ASCII character
classes 10-20x slower, and these scans are the whole cost of the filter on
clean text.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Literal

import ftfy
import regex
from ftfy import fixes
from ftfy.badness import BADNESS_RE as _BADNESS_RE
from ftfy.badness import MOJIBAKE_CATEGORIES as _CAT
from ftfy.badness import is_bad
from ftfy.chardata import HTML_ENTITY_RE

from .._filter import register
from .._verbatim import BLOCK, INLINE

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


def _needs_pattern(entities: bool, mojibake: bool) -> str:
    """Whatever may make a line need ftfy; the group that matched says which.

    The same as ``(?P<control>[…])|(?P<entity>&…)|(?P<suspect>[…]…)`` tried
    in that order, written as "one character of any of the three kinds, then
    which kind it is" (a look-behind at that character): a pattern that
    starts with one character class lets ``re`` skip, in C, every character
    outside it, where the plain alternation tries each position in turn
    (about six times slower on clean text). Every match starts at that
    character, as before.
    """
    first = _CONTROLS
    kinds = [f"(?P<control>(?<=[{_CONTROLS}]))"]
    if entities:
        # The entity pattern with its leading "&" taken out of it.
        assert _ENTITY_RE.pattern.startswith("&")
        first = "&" + first
        kinds.append(f"(?P<entity>(?<=&){_ENTITY_RE.pattern[1:]})")
    if mojibake:
        first += _ALONE + _PAIRED
        kinds.append(f"(?P<suspect>(?<=[{_ALONE}{_PAIRED}]){_SUSPECT_AFTER})")
    return f"[{first}](?:{'|'.join(kinds)})"


_NEEDS_RE: dict[tuple[bool, bool], re.Pattern[str]] = {
    (entities, mojibake): re.compile(_needs_pattern(entities, mojibake))
    for entities in (True, False)
    for mojibake in (True, False)
}

# Vertical tab and form feed are line breaks in the wild (Word writes VT for
# a manual line break); ftfy would delete VT and keep FF, which joins words
# or leaves an invisible control behind. Both become "\n".
_LINE_BREAK_CONTROLS = str.maketrans({"\x0b": "\n", "\x0c": "\n"})
# C1 controls ftfy leaves in place (those Windows-1252 leaves undefined, or
# all of them when mojibake repair is off): never wanted in clean text.
_C1_RE = re.compile("[\x80-\x9f]")

# Unassigned and private-use characters, which no true repair produces.
_JUNK_RE = regex.compile(r"[\p{Cn}\p{Co}]")
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
    per_segment=True,
    recheck=True,
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
    needs_re = _NEEDS_RE[(entities, mojibake)]
    for _ in range(_MAX_ROUNDS):
        fixed = _repair(text, needs_re, entities, mojibake, form)
        if fixed == text:
            break
        text = fixed
    return text


def _repair(
    text: str, needs_re: re.Pattern[str], entities: bool, mojibake: bool, form: _Form | None
) -> str:
    """One round: repair each line that may need it, as ftfy.fix_text would."""
    first = needs_re.search(text)
    denormal = form is not None and not unicodedata.is_normalized(form, text)
    if first is None and not denormal:
        return text
    # ftfy.fix_text works on lines with their "\n"; so do we.
    segments = text.split("\n")
    for i in range(len(segments) - 1):
        segments[i] += "\n"
    todo: list[int] | range = (
        range(len(segments))
        if first is None or denormal
        else _lines_to_check(text, segments, needs_re, first)
    )
    for i in todo:
        segment = segments[i]
        if not (entities and _ENTITY_RE.search(segment)) and _settled(segment, mojibake, form):
            continue
        segments[i] = _repair_segment(segment, entities, mojibake, form)
    return "".join(segments)


def _lines_to_check(
    text: str, segments: list[str], needs_re: re.Pattern[str], first: re.Match[str]
) -> list[int]:
    """The lines that hold a control, an entity, or a suspect character with mojibake around it.

    ``first`` is the first match of ``needs_re`` in ``text``. No match runs
    over a line break ("\\n" is in none of the classes), so a match marks
    one line; once a line is in, or found clean, the scan goes on from the
    next line rather than through the rest of its matches.
    """
    todo: list[int] = []
    line, pos = 0, 0
    windows = 0  # windows looked at in this line
    m: re.Match[str] | None = first
    while m is not None:
        q = m.start()
        newlines = text.count("\n", pos, q)
        if newlines:
            line += newlines
            windows = 0
        pos = q
        if m.lastgroup == "suspect":
            windows += 1
            if windows <= _MAX_WINDOWS:
                if not _bad_near(text, q):
                    m = needs_re.search(text, m.end())
                    continue
                todo.append(line)
            elif is_bad(segments[line]):
                # Many suspects on one line: one exact check of the line
                # costs less than a window for each.
                todo.append(line)
        else:
            todo.append(line)
        # The line is decided: go on after its line break.
        pos = text.find("\n", q)
        if pos < 0:
            break
        m = needs_re.search(text, pos + 1)
    return todo


def _bad_near(text: str, q: int) -> bool:
    """Whether ftfy's BADNESS_RE matches in the line of ``text`` around position ``q``.

    It looks at six characters either side of ``q`` within q's line (with its
    line break), which holds every match that covers ``q`` (see
    :func:`_is_bad`). A match of ``^`` at the window's start may be a false
    alarm; that only costs the exact check of the line.
    """
    lo = max(q - 6, 0)
    window = text[lo : q + 7]
    k = q - lo
    left = window.rfind("\n", 0, k) + 1
    right = window.find("\n", k) + 1 or len(window)
    return _BADNESS_RE.search(window[left:right]) is not None


def _repair_segment(segment: str, entities: bool, mojibake: bool, form: _Form | None) -> str:
    """ftfy's repair of one line (with its line break), plus textclean's extras."""
    source = segment
    if "\x0b" in source or "\x0c" in source:  # str.translate is slow: only when needed
        source = source.translate(_LINE_BREAK_CONTROLS)
    fixed = _ftfy_segment(source, entities, mojibake, form)
    if mojibake and _JUNK_RE.search(fixed) and _junk(fixed) > _junk(source):
        # A "repair" that invents unassigned or private-use characters is a
        # misreading of text that was never mojibake (it happens on garbage
        # such as "а Î€"): keep the other fixes, not that one.
        fixed = _ftfy_segment(source, entities, False, form)
    if _C1_RE.search(fixed):
        fixed = _C1_RE.sub("", fixed)
    if INLINE in fixed or BLOCK in fixed:
        # An entity or a decoding produced a placeholder character: refuse.
        return segment
    return fixed


def _junk(text: str) -> int:
    return len(_JUNK_RE.findall(text))


def _ftfy_segment(text: str, entities: bool, mojibake: bool, form: _Form | None) -> str:
    """What ``ftfy.fix_text_segment(text, config)`` returns, faster.

    ``config`` is :data:`_CONFIG` with ``unescape_html=entities``,
    ``fix_encoding=fix_c1_controls=mojibake`` and ``normalization=form``.
    This is ftfy 6's ``fix_and_explain`` loop step for step, with ftfy's own
    fixers, except that the steps after entity decoding are skipped when
    :func:`_settled` says each of them would return the text unchanged.
    tests/filters/test_unicode.py checks that the two agree.
    """
    while True:
        before = text
        if entities:
            text = fixes.unescape_html(text)
        if _settled(text, mojibake, form):
            # The rest of this round changes nothing; so does the next one
            # unless an entity is left to decode (``&amp;lt;``).
            if text == before or not (entities and _ENTITY_RE.search(text)):
                return text
            continue
        if mojibake:
            text = ftfy.fix_encoding(text, _CONFIG)
            text = fixes.fix_c1_controls(text)
        text = fixes.fix_line_breaks(text)
        text = fixes.fix_surrogates(text)
        text = fixes.remove_terminal_escapes(text)
        text = fixes.remove_control_chars(text)
        if form is not None:
            text = unicodedata.normalize(form, text)
        if text == before:
            return text


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
    0 lies within reach of a suspect position six characters on).
    """
    for m in _SUSPECT_RE.finditer(text):
        q = m.start()
        if _BADNESS_RE.search(text, max(q - 6, 0), q + 7):
            return True
    return False
