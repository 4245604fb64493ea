"""Boilerplate lines: read-also teasers, share bars, and short lines said over and over."""

from __future__ import annotations

import functools

from .._filter import register
from .._patterns import HEADING_RE, LIST_ITEM_RE, TABLE_ROW_RE, is_structural_line
from .._verbatim import PLACEHOLDERS

__all__ = ["remove_boilerplate"]

#: Line beginnings that point to other articles (read also, see also, more
#: on the topic), compared word by word, case-insensitively (``ё`` = ``е``).
#: Such a phrase followed by a lowercase word with no punctuation between
#: is a sentence of the article (``Read more carefully``, ``По теме доклада
#: выступил…``), not a teaser.
POINTERS: tuple[str, ...] = (
    # ru
    "читайте также",
    "читать также",
    "смотрите также",
    "еще по теме",
    "по теме",
    # uk
    "читайте також",
    "дивіться також",
    # be
    "чытайце таксама",
    "глядзіце таксама",
    # en
    "read also",
    "also read",
    "read more",
    "see also",
    "related articles",
    # de
    "lesen sie auch",
    "auch interessant",
    "mehr zum thema",
)
#: Line beginnings that mark a call to subscribe, follow or share.
CALLS: tuple[str, ...] = (
    # ru
    "читайте нас в",
    "подписывайтесь на",
    "подпишитесь на наш",
    "следите за нашими новостями",
    "присоединяйтесь к нам в",
    # uk
    "підписуйтесь на",
    "підписуйтеся на",
    "читайте нас у",
    # be
    "падпісвайцеся на",
    "чытайце нас у",
    # en
    "share this article",
    "share this",
    "follow us on",
    "subscribe to our",
    "sign up for our newsletter",
    # de
    "folgen sie uns",
    "abonnieren sie unseren",
    "jetzt teilen",
)
#: Every built-in line beginning that marks a teaser or a call.
PHRASES: tuple[str, ...] = POINTERS + CALLS

#: Words that make up a share bar or an advertisement label.
BUTTONS: tuple[str, ...] = (
    "поделиться",
    "поделитесь",
    "реклама",
    "печать",
    "распечатать",
    "поділитися",
    "падзяліцца",
    "рэклама",
    "share",
    "tweet",
    "email",
    "e-mail",
    "print",
    "advertisement",
    "teilen",
    "drucken",
    "anzeige",
    "werbung",
)

#: Social networks, which make a share bar with a button word or with each other.
NETWORKS: frozenset[str] = frozenset(
    (
        "facebook",
        "twitter",
        "vk",
        "вконтакте",
        "одноклассники",
        "telegram",
        "телеграм",
        "whatsapp",
        "viber",
        "linkedin",
        "pinterest",
        "reddit",
        "xing",
    )
)

#: A line that starts with a phrase is a teaser only up to this many words.
PHRASE_LINE_MAX_WORDS = 30
# What separates the entries of a share bar.
_BAR_SEPARATORS = str.maketrans(dict.fromkeys("|·•/,;", " "))


@register(
    "boilerplate",
    summary="Remove read-also teasers, share bars and short lines repeated in a document.",
    default=False,
    keeps_letters=False,
)
def remove_boilerplate(
    text: str,
    *,
    phrases: tuple[str, ...] = (),
    buttons: tuple[str, ...] = (),
    builtin: bool = True,
    min_repeats: int = 3,
    max_words: int = 6,
) -> str:
    """Remove boilerplate lines: teasers, share bars, short lines repeated in the text.

    A line goes, whole, when it is one of:

    * a teaser or call to subscribe: it starts with a known phrase
      (``Читайте также``, ``Read more``, ``Lesen Sie auch``…; up to 30
      words), also as a list item or in emphasis; a read-also phrase
      followed straight by a lowercase word starts a sentence, which stays
      (``Read more carefully, he said``);
    * a share bar or ad label: every word of it is a button word
      (``Поделиться``, ``Share``, ``Реклама``, ``Anzeige``…) or a social
      network, with at least one button word or two networks;
    * a short line (1 to ``max_words`` words, with a letter) that occurs
      ``min_repeats`` times or more in the text (compared case-insensitively,
      whitespace and edge punctuation ignored): every occurrence goes.

    When the removed line stood between two blank lines, one of them goes
    with it. ``phrases`` and ``buttons`` add to the built-in lists;
    ``builtin=False`` uses only yours; ``min_repeats=0`` turns the
    repetition rule off.

    Left alone, always: headings, table rows (separator rows included),
    lines indented as code, code blocks, lines holding a URL, e-mail address
    or code span (verbatim text is never dropped), lines that are the only
    occurrence of themselves unless a phrase or share bar, and, for the
    repetition rule, list items, block quotes and dialogue lines (``— Да.``).

    >>> remove_boilerplate("Текст.\\n\\nЧитайте также: Новости\\n\\nЕщё текст.\\n")
    'Текст.\\n\\nЕщё текст.\\n'
    >>> remove_boilerplate("A.\\nAdvertisement\\nB.\\nADVERTISEMENT\\nC.\\nAdvertisement\\n")
    'A.\\nB.\\nC.\\n'
    >>> remove_boilerplate("# Read more\\nShare prices rose.\\n")
    '# Read more\\nShare prices rose.\\n'
    """
    if min_repeats < 0 or min_repeats == 1:
        raise ValueError(f"min_repeats must be 0 (off) or 2 or more, not {min_repeats}")
    if max_words < 1:
        raise ValueError(f"max_words must be 1 or more, not {max_words}")
    if not text:
        return text
    starts, words = _phrase_index(phrases, buttons, builtin)
    lines = text.split("\n")
    keys: list[str | None] = []
    counts: dict[str, int] = {}
    drop = [False] * len(lines)
    for i, line in enumerate(lines):
        key = None
        if _protected(line):
            pass
        elif _is_teaser(line, starts, words):
            drop[i] = True
        elif min_repeats and not is_structural_line(line):
            key = _repeat_key(line, max_words)
            if key is not None:
                counts[key] = counts.get(key, 0) + 1
        keys.append(key)
    if min_repeats:
        for i, key in enumerate(keys):
            if key is not None and counts[key] >= min_repeats:
                drop[i] = True
    if not any(drop):
        return text
    out: list[str] = []
    skip_blank = False
    for i, line in enumerate(lines):
        if drop[i]:
            # Between two blank lines (or a blank line and the start): let
            # the next blank line go too, so a gap stays one gap.
            skip_blank = skip_blank or not out or _blank(out[-1])
            continue
        if skip_blank and _blank(line) and (not out or _blank(out[-1])):
            skip_blank = False
            continue
        skip_blank = False
        out.append(line)
    return "\n".join(out)


def _blank(line: str) -> bool:
    return not line or line.isspace()


def _protected(line: str) -> bool:
    """Lines no rule may remove."""
    if not line or line.isspace():
        return True
    if any(ch in line for ch in PLACEHOLDERS) or "`" in line:
        return True
    if line.startswith(("    ", "\t")) and not LIST_ITEM_RE.match(line):
        return True  # indented code
    return bool(HEADING_RE.match(line) or TABLE_ROW_RE.match(line))


def _words(line: str) -> list[str]:
    """The words of a line, case-folded, ``ё`` as ``е``, edge punctuation stripped."""
    out = []
    for token in line.casefold().replace("ё", "е").split():
        word = _strip_edges(token)
        if word:
            out.append(word)
    return out


def _strip_edges(token: str) -> str:
    start, end = 0, len(token)
    while start < end and not token[start].isalnum():
        start += 1
    while end > start and not token[end - 1].isalnum():
        end -= 1
    return token[start:end]


def _body(line: str) -> str:
    """A line without its list or block-quote marker."""
    m = LIST_ITEM_RE.match(line)
    if m is not None:
        return line[m.end() :]
    return line.lstrip(" \t>")


#: A phrase as the index holds it: its words, and whether it is a pointer
#: (which a lowercase word right after it turns into a sentence).
_Phrase = tuple[list[str], bool]


@functools.lru_cache(maxsize=32)
def _phrase_index(
    phrases: tuple[str, ...], buttons: tuple[str, ...], builtin: bool
) -> tuple[dict[str, list[_Phrase]], frozenset[str]]:
    """Phrases by their first word, and the set of button words."""
    starts: dict[str, list[_Phrase]] = {}
    marked = [(p, True) for p in POINTERS] + [(p, False) for p in CALLS] if builtin else []
    for phrase, pointer in marked + [(p, False) for p in phrases]:
        words = _words(phrase)
        if words:
            starts.setdefault(words[0], []).append((words, pointer))
    words_set = frozenset(
        w for b in (BUTTONS if builtin else ()) + tuple(buttons) for w in _words(b)
    )
    return starts, words_set


def _is_teaser(line: str, starts: dict[str, list[_Phrase]], buttons: frozenset[str]) -> bool:
    """A read-also teaser, a subscribe call, or a share bar."""
    body = _body(line)
    tokens = body.split(maxsplit=PHRASE_LINE_MAX_WORDS)
    if len(tokens) > PHRASE_LINE_MAX_WORDS:
        return False
    words = _words(body)
    if not words:
        return False
    for phrase, pointer in starts.get(words[0], ()):
        if words[: len(phrase)] == phrase:
            if pointer and _sentence_goes_on(tokens, len(phrase)):
                continue
            return True
    if len(words) > 12:
        return False
    bar = _words(body.translate(_BAR_SEPARATORS))
    if not bar or not all(w in buttons or w in NETWORKS for w in bar):
        return False
    return len(bar) >= 2 or bar[0] in buttons


def _sentence_goes_on(tokens: list[str], count: int) -> bool:
    """True if the phrase of ``count`` words that starts ``tokens`` runs on into a sentence.

    That is: nothing but a comma stands after its last word, and the next
    token starts with a lowercase letter (``Read more carefully``,
    ``Смотрите также, как…``). ``Читайте также:``, ``**Read more**``,
    ``Lesen Sie auch Die Lage…`` and a phrase alone are teasers.
    """
    seen = 0
    for k, token in enumerate(tokens):
        if not _strip_edges(token):
            continue  # a token of punctuation only is no word
        seen += 1
        if seen < count:
            continue
        end = len(token)
        while end and not token[end - 1].isalnum():
            end -= 1
        if token[end:] not in ("", ","):
            return False
        rest = next((t for t in tokens[k + 1 :] if t), "")
        return rest[:1].islower()
    return False


def _repeat_key(line: str, max_words: int) -> str | None:
    """The key a short line is counted under, or None if the line is not eligible."""
    stripped = line.strip()
    if stripped[0] in "—–-":
        return None  # dialogue
    if len(stripped.split(maxsplit=max_words)) > max_words:
        return None
    words = _words(stripped)
    if not words:
        return None
    if not any(ch.isalpha() for w in words for ch in w):
        return None
    return " ".join(words)
