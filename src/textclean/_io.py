"""Bytes in, bytes out for the command: encoding detection and atomic writes.

The library works on ``str`` with ``\\n`` line ends. The command reads files
as bytes, decides their encoding, byte order mark and newline style here,
and writes the cleaned text back the same way, atomically.

Detection order (first match wins):

1. empty file: UTF-8, ``\\n``;
2. a byte order mark: UTF-8 with BOM, UTF-32 or UTF-16 (either byte order);
3. a NUL byte or many control bytes: binary, refused;
4. strict UTF-8;
5. bytes that are *mostly* valid UTF-8 (at least half of the non-ASCII bytes
   form valid UTF-8 sequences): broken UTF-8, refused;
6. a single-byte text: cp1251 when, decoded as cp1251, most non-ASCII
   letters sit in words made of Cyrillic letters only (or, with no such
   letters, when bytes 0x80-0x9F occur, which are punctuation in cp1251 but
   control characters in latin-1); latin-1 otherwise.
"""

from __future__ import annotations

import codecs
import contextlib
import os
import re
import stat
import tempfile
from dataclasses import dataclass

__all__ = [
    "DecodeProblem",
    "Decoded",
    "atomic_write",
    "decode",
    "describe_encode_error",
    "detect_newline",
    "encode",
    "encoding_label",
    "fsync_directory",
]

# Valid UTF-8 multi-byte sequences (RFC 3629), used to tell broken UTF-8 from
# a single-byte encoding.
_UTF8_SEQ_RE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]"
    rb"|\xe0[\xa0-\xbf][\x80-\xbf]"
    rb"|[\xe1-\xec\xee\xef][\x80-\xbf]{2}"
    rb"|\xed[\x80-\x9f][\x80-\xbf]"
    rb"|\xf0[\x90-\xbf][\x80-\xbf]{2}"
    rb"|[\xf1-\xf3][\x80-\xbf]{3}"
    rb"|\xf4[\x80-\x8f][\x80-\xbf]{2}"
)
_HIGH_BYTE_RE = re.compile(rb"[\x80-\xff]")
# C0 control bytes that do not occur in text (tab, newlines, form feed,
# vertical tab, backspace and escape are allowed).
_CONTROL_RE = re.compile(rb"[\x01-\x07\x0e-\x1a\x1c-\x1f]")
_C1_RE = re.compile(rb"[\x80-\x9f]")
_WORD_RE = re.compile(r"[^\W\d_]+")

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: it starts with FF FE
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

NEWLINES = {"lf": "\n", "crlf": "\r\n", "cr": "\r"}


class DecodeProblem(ValueError):
    """The bytes are not text textclean can read; ``binary`` says why."""

    def __init__(self, message: str, *, binary: bool = False) -> None:
        super().__init__(message)
        self.binary = binary


@dataclass(frozen=True)
class Decoded:
    """A file's text and how it was stored."""

    text: str
    encoding: str  # a Python codec name, without BOM handling ("utf-8", "utf-16-le", "cp1251")
    bom: bytes  # the byte order mark the file started with, or b""
    newline: str  # "\n", "\r\n" or "\r": the file's dominant line end


def encoding_label(decoded: Decoded) -> str:
    """A human name for how ``decoded`` was stored, e.g. ``"UTF-8 with BOM, CRLF"``."""
    name = {"utf-8": "UTF-8", "cp1251": "cp1251", "latin-1": "latin-1"}.get(
        decoded.encoding, decoded.encoding.upper()
    )
    if decoded.bom and decoded.encoding == "utf-8":
        name += " with BOM"
    nl = {"\n": "LF", "\r\n": "CRLF", "\r": "CR"}[decoded.newline]
    return f"{name}, {nl}"


def detect_newline(text: str) -> str:
    """The most frequent line end of ``text`` (``\\n`` when it has none; ties go to ``\\n``)."""
    if "\r" not in text:
        return "\n"
    crlf = text.count("\r\n")
    cr = text.count("\r") - crlf
    lf = text.count("\n") - crlf
    best = max(lf, crlf, cr)
    if lf == best:
        return "\n"
    return "\r\n" if crlf == best else "\r"


def _position(data: bytes, offset: int) -> str:
    line = data.count(b"\n", 0, offset) + 1
    return f"byte 0x{data[offset]:02X} at offset {offset} (line {line})"


def decode(data: bytes, *, encoding: str | None = None) -> Decoded:
    """Decode file contents, detecting the encoding unless ``encoding`` is given.

    >>> d = decode("Привет\\r\\n".encode("cp1251"))
    >>> d.text, d.encoding, d.newline
    ('Привет\\r\\n', 'cp1251', '\\r\\n')
    >>> decode(b"caf\\xe9\\n").encoding
    'latin-1'
    >>> decode(b"\\xef\\xbb\\xbfok\\n").bom
    b'\\xef\\xbb\\xbf'
    """
    if encoding is not None:
        return _decode_as(data, encoding)
    if not data:
        return Decoded("", "utf-8", b"", "\n")
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(codec)
            except UnicodeDecodeError as exc:
                raise DecodeProblem(
                    f"not valid {codec.upper()} after its byte order mark "
                    f"({exc.reason} at offset {exc.start + len(bom)})"
                ) from None
            return Decoded(text, codec, bom, detect_newline(text))
    sample = data[:65536]
    if b"\0" in data:
        raise DecodeProblem("binary file (it contains NUL bytes)", binary=True)
    if len(_CONTROL_RE.findall(sample)) > max(8, len(sample) // 20):
        raise DecodeProblem("binary file (it contains many control bytes)", binary=True)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        high = len(_HIGH_BYTE_RE.findall(data))
        in_sequences = sum(len(m) for m in _UTF8_SEQ_RE.findall(data))
        if in_sequences * 2 >= high:
            raise DecodeProblem(
                f"not valid UTF-8: {_position(data, exc.start)}; "
                "give --input-encoding if it is another encoding"
            ) from None
        codec = _single_byte_codec(data)
        text = data.decode(codec)
        return Decoded(text, codec, b"", detect_newline(text))
    return Decoded(text, "utf-8", b"", detect_newline(text))


def _decode_as(data: bytes, encoding: str) -> Decoded:
    try:
        codec = codecs.lookup(encoding).name
    except LookupError:
        raise DecodeProblem(f"unknown encoding {encoding!r}") from None
    bom = b""
    if codec in ("utf-8", "utf-8-sig"):
        codec = "utf-8"
        if data.startswith(codecs.BOM_UTF8):
            bom = codecs.BOM_UTF8
    elif codec in ("utf-16", "utf-32"):
        for mark, name in _BOMS:
            if name.startswith(codec) and data.startswith(mark):
                bom, codec = mark, name
                break
        else:
            codec += "-le"
    try:
        text = data[len(bom) :].decode(codec)
    except UnicodeDecodeError as exc:
        raise DecodeProblem(
            f"not valid {encoding}: {_position(data, exc.start + len(bom))}"
        ) from None
    return Decoded(text, codec, bom, detect_newline(text))


def _single_byte_codec(data: bytes) -> str:
    """cp1251 or latin-1, by which one makes words of a single script."""
    try:
        as_cyrillic = data.decode("cp1251")
    except UnicodeDecodeError:  # 0x98 is undefined in cp1251
        return "latin-1"
    pure = mixed = 0
    for word in _WORD_RE.findall(as_cyrillic):
        if word.isascii():
            continue
        high = sum(1 for ch in word if not ch.isascii())
        if all("\u0400" <= ch <= "\u04ff" for ch in word):
            pure += high
        else:
            mixed += high
    if pure or mixed:
        return "cp1251" if pure > mixed else "latin-1"
    return "cp1251" if _C1_RE.search(data) else "latin-1"


def encode(
    text: str,
    like: Decoded,
    *,
    encoding: str | None = None,
    newline: str | None = None,
) -> bytes:
    """Encode ``text`` (``\\n`` line ends) the way ``like`` was stored.

    ``encoding`` (a codec name; ``utf-8-sig`` writes a BOM) and ``newline``
    (``"\\n"``, ``"\\r\\n"`` or ``"\\r"``) override the original's. Raises
    :class:`UnicodeEncodeError` when a character has no place in the encoding.
    """
    nl = like.newline if newline is None else newline
    if nl != "\n":
        text = text.replace("\n", nl)
    if encoding is None:
        return like.bom + text.encode(like.encoding)
    # "utf-8-sig", "utf-16" and "utf-32" write a BOM (the last two in native byte order).
    return text.encode(codecs.lookup(encoding).name)


def describe_encode_error(exc: UnicodeEncodeError, encoding: str) -> str:
    """A message naming the first character that ``encoding`` cannot hold, and where."""
    ch = exc.object[exc.start]
    before = exc.object[: exc.start]
    line = len(before.splitlines()) + (1 if not before or before.endswith(("\n", "\r")) else 0)
    return (
        f"the cleaned text cannot be written in {encoding}: {ch!r} (U+{ord(ch):04X}) "
        f"on line {line}; give --encoding utf-8 to convert the file"
    )


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


_DEFAULT_MODE = 0o666 & ~_umask()


def atomic_write(path: str, data: bytes, *, sync_directory: bool = True) -> str:
    """Replace the file at ``path`` with ``data``, atomically; return the directory written.

    The data go to a temporary file in the same directory, are flushed to
    disk and renamed over the target, so a reader (or a run killed at any
    moment) sees the old file or the new one, never a partial one. The
    target keeps its permission bits (and owner, where allowed). A symbolic
    link is followed: its target is written and the link stays a link.

    The directory is then ``fsync``ed, which makes the rename itself durable.
    That is not needed for atomicity (until it is on disk, a crash brings
    back the old file, whole), so a batch passes ``sync_directory=False``
    and calls :func:`fsync_directory` once per directory at the end.
    """
    target, st = _resolved(path)
    directory = os.path.dirname(target) or "."
    fd, tmp = tempfile.mkstemp(
        prefix=f".{os.path.basename(target)}.", suffix=".textclean-tmp", dir=directory
    )
    try:
        try:
            _write_all(fd, data)
            os.fsync(fd)
            mode = stat.S_IMODE(st.st_mode) if st is not None else _DEFAULT_MODE
            os.fchmod(fd, mode)
            if st is not None and (st.st_uid, st.st_gid) != (os.getuid(), os.getgid()):
                # Not allowed? Then the file becomes ours, as with any editor.
                with contextlib.suppress(OSError):
                    os.fchown(fd, st.st_uid, st.st_gid)
        finally:
            os.close(fd)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    if sync_directory:
        fsync_directory(directory)
    return directory


def _resolved(path: str) -> tuple[str, os.stat_result | None]:
    """The file to write for ``path`` (a symbolic link's target) and its status, if it exists."""
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        return path, None
    if not stat.S_ISLNK(st.st_mode):
        return path, st
    target = os.path.realpath(path)
    try:
        return target, os.stat(target)
    except FileNotFoundError:  # a dangling link: its target is created
        return target, None


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def fsync_directory(directory: str) -> None:
    """Flush a directory's entries to disk (best effort: some systems refuse)."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
