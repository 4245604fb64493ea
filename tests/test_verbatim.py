"""The one mechanism that keeps code, URLs and e-mail addresses byte-identical."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from textclean._verbatim import (
    BLOCK,
    EMAIL_RE,
    INLINE,
    URL_RE,
    PlaceholderError,
    Verbatim,
    mask,
    unmask,
)

from .strategies import any_text, articles


@pytest.mark.parametrize(
    ("text", "masked", "spans"),
    [
        pytest.param("a `b` c", f"a {INLINE} c", ["`b`"], id="inline-code"),
        pytest.param("a ``b ` c`` d", f"a {INLINE} d", ["``b ` c``"], id="double-backticks"),
        pytest.param("a `b\nc` d", f"a {INLINE} d", ["`b\nc`"], id="inline-code-over-a-line-break"),
        pytest.param("a `b\n\nc` d", "a `b\n\nc` d", [], id="inline-code-not-over-a-blank-line"),
        pytest.param("a `b c", "a `b c", [], id="unclosed-backtick"),
        pytest.param(
            "x\n```py\na  =  1\n\n\n```\ny",
            f"x\n{BLOCK}\ny",
            ["```py\na  =  1\n\n\n```"],
            id="fenced",
        ),
        pytest.param(
            "~~~\n```\n~~~\nz",
            f"{BLOCK}\nz",
            ["~~~\n```\n~~~"],
            id="tilde-fence-not-closed-by-backticks",
        ),
        pytest.param("````\n```\n````", BLOCK, ["````\n```\n````"], id="longer-fence"),
        pytest.param(
            "```\nnever closed\n\n",
            f"{BLOCK}\n\n",
            ["```\nnever closed"],
            id="unclosed-fence-runs-to-the-last-non-blank-line",
        ),
        pytest.param(
            "> ```\n> code\n> ```\n",
            f"> {BLOCK}\n",
            ["```\n> code\n> ```"],
            id="fence-in-block-quote",
        ),
        pytest.param("  ```\n  x\n  ```", f"  {BLOCK}", ["```\n  x\n  ```"], id="indented-fence"),
        pytest.param(
            "see https://x.org/a_(b).",
            f"see {INLINE}.",
            ["https://x.org/a_(b)"],
            id="url-balanced-paren",
        ),
        pytest.param(
            "(see https://x.org/a)", f"(see {INLINE})", ["https://x.org/a"], id="url-in-parens"
        ),
        pytest.param(
            "at www.belta.by, today", f"at {INLINE}, today", ["www.belta.by"], id="www-url"
        ),
        pytest.param("WWW.BELTA.BY", INLINE, ["WWW.BELTA.BY"], id="upper-case-www"),
        pytest.param("«https://x.org»", f"«{INLINE}»", ["https://x.org"], id="url-in-guillemets"),
        pytest.param(
            "mail john.doe+x@mail.example.com.",
            f"mail {INLINE}.",
            ["john.doe+x@mail.example.com"],
            id="email",
        ),
        pytest.param("follow @belta_news", "follow @belta_news", [], id="handle-is-not-email"),
        pytest.param(
            f"lit {INLINE} and {BLOCK}",
            f"lit {INLINE} and {BLOCK}",
            [INLINE, BLOCK],
            id="literal-placeholders",
        ),
        pytest.param(
            "`https://x.org`", INLINE, ["`https://x.org`"], id="url-inside-code-is-one-span"
        ),
        pytest.param("```WWW.0", BLOCK, ["```WWW.0"], id="url-inside-unclosed-fence"),
        pytest.param("plain text", "plain text", [], id="nothing"),
        pytest.param("**https://x.org**", f"**{INLINE}**", ["https://x.org"], id="url-in-bold"),
        pytest.param(
            "‚https://x.org/a]‚", f"‚{INLINE}]‚", ["https://x.org/a"], id="url-before-quote"
        ),
    ],
)
def test_mask(text: str, masked: str, spans: list[str]) -> None:
    m = mask(text)
    assert m.text == masked
    assert list(m.spans) == spans
    assert unmask(m.text, m) == text


def test_mask_only_the_kinds_asked_for() -> None:
    text = "`code` https://x.org a@b.cc"
    assert mask(text, Verbatim.CODE).text == f"{INLINE} https://x.org a@b.cc"
    assert mask(text, Verbatim.URL).text == f"`code` {INLINE} a@b.cc"
    assert mask(text, Verbatim.NONE).text == text


def test_unmask_refuses_a_lost_placeholder() -> None:
    m = mask("a `b` c")
    with pytest.raises(PlaceholderError):
        unmask("a c", m)


@pytest.mark.parametrize(
    "url", ["https://example.com", "http://a.b/c?d=e&f=g#h", "www.x.org", "ftp://f.example/x"]
)
def test_url_pattern_good(url: str) -> None:
    m = URL_RE.search(f"see {url} now")
    assert m is not None and m.group() == url


@pytest.mark.parametrize("text", ["example.com", "wwwx.org", "mailto", "http:/x", "x@www.y.org"])
def test_url_pattern_bad(text: str) -> None:
    assert URL_RE.search(text) is None


@pytest.mark.parametrize("email", ["a@b.cc", "john.doe+tag@example.co.uk", "x_y-z@mail-1.org"])
def test_email_pattern_good(email: str) -> None:
    m = EMAIL_RE.search(f"write to {email} today")
    assert m is not None and m.group() == email


@pytest.mark.parametrize("text", ["@handle", "a@b", "user@", "© Name"])
def test_email_pattern_bad(text: str) -> None:
    assert EMAIL_RE.search(text) is None


@given(st.one_of(any_text, articles()))
def test_mask_round_trips_any_text(text: str) -> None:
    m = mask(text)
    assert unmask(m.text, m) == text
    assert m.text.count(INLINE) + m.text.count(BLOCK) == len(m.spans)


@pytest.mark.parametrize(
    "hostile",
    [
        "`" * 50_000,
        "`a " * 30_000,
        "``" + " `x" * 30_000,
        "a" * 100_000 + "@",
        "a." * 50_000 + "@b",
        "https://" + "a" * 100_000,
        "```\n" * 20_000,
        "~~~~\n" + "~~~\n" * 20_000,
    ],
    ids=lambda s: repr(s[:12]),
)
def test_mask_hostile_input_finishes(hostile: str) -> None:
    m = mask(hostile)
    assert unmask(m.text, m) == hostile


@given(st.text(alphabet="ab.+-_@ c1é\n", max_size=60))
def test_fast_email_search_finds_what_the_pattern_finds(text: str) -> None:
    from textclean._verbatim import _emails

    assert _emails(text) == [m.span() for m in EMAIL_RE.finditer(text)]


@pytest.mark.parametrize(
    ("text", "url"),
    [
        pytest.param("0\u200bhttps://x.org", None, id="invisible-before-is-not-a-boundary"),
        pytest.param("see https://x.org\u200b now", "https://x.org", id="url-ends-at-invisible"),
        pytest.param("see https://x.\u00adorg", "https://x", id="soft-hyphen-ends-a-url"),
    ],
)
def test_urls_do_not_depend_on_invisible_characters(text: str, url: str | None) -> None:
    assert list(mask(text).spans) == ([url] if url else [])


@given(st.text(alphabet="htpsfwHTPW:/.a )x\u200b@-İ", max_size=60))
def test_fast_url_search_finds_what_the_pattern_finds(text: str) -> None:
    from textclean._verbatim import _trim_url, _urls

    want = []
    for m in URL_RE.finditer(text):
        end = _trim_url(text, m.start(), m.end())
        if end > m.start():
            want.append((m.start(), end))
    assert _urls(text) == want


@given(st.text(alphabet="wW.w x\u0175", max_size=40))
def test_fast_www_search_finds_what_the_pattern_finds(text: str) -> None:
    from textclean._verbatim import WWW_RE, _www_starts

    assert _www_starts(text) == [m.start() for m in WWW_RE.finditer(text)]


@given(st.text(alphabet=f"ab \n{INLINE}{BLOCK}", max_size=40))
def test_split_placeholders_is_a_split_on_them(text: str) -> None:
    import re

    from textclean._verbatim import split_placeholders

    assert split_placeholders(text) == re.split(f"([{INLINE}{BLOCK}])", text)
