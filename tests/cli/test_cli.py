"""The command, run in-process: every mode, exit code and bad input."""

from __future__ import annotations

import codecs
import json
import os
import re
import stat
from pathlib import Path

import pytest

import textclean
from textclean._io import decode, encode
from textclean.cli import build_parser

from .conftest import CLEAN, DIRTY, ROOT, run


def write(path: Path, text: str, encoding: str = "utf-8", *, bom: bytes = b"") -> bytes:
    data = bom + text.encode(encoding)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return data


def expected_bytes(data: bytes) -> bytes:
    """What the command must write for a file holding ``data``: cleaned, stored the same way."""
    decoded = decode(data)
    return encode(textclean.clean(decoded.text), decoded)


# ----- the Unix filter ------------------------------------------------------------


def test_stdin_to_stdout() -> None:
    result = run([], stdin=DIRTY.encode())
    assert result.code == 0, result.err
    assert result.text == CLEAN
    assert result.err == ""


def test_dash_reads_stdin() -> None:
    assert run(["-"], stdin=DIRTY.encode()).text == CLEAN


@pytest.mark.parametrize("data", [b"", b"\n", b"   "])
def test_empty_and_blank_input_never_crash(data: bytes) -> None:
    result = run([], stdin=data)
    assert result.code == 0, result.err
    assert result.out == expected_bytes(data)


def test_no_input_on_a_terminal_is_a_usage_error() -> None:
    result = run([], tty=True)
    assert result.code == 2
    assert result.err.startswith("textclean: no input")


def test_file_to_stdout_leaves_the_file(tmp_path: Path) -> None:
    f = tmp_path / "a.md"
    data = write(f, DIRTY)
    result = run([str(f)])
    assert result.code == 0
    assert result.text == CLEAN
    assert f.read_bytes() == data


def test_empty_file(tmp_path: Path) -> None:
    f = tmp_path / "empty.md"
    f.write_bytes(b"")
    assert run([str(f)]).out == b""
    result = run(["-i", str(f)])
    assert result.code == 0
    assert f.read_bytes() == b""


def test_output_file(tmp_path: Path) -> None:
    src = tmp_path / "a.md"
    write(src, DIRTY)
    dst = tmp_path / "out" / "b.md"
    dst.parent.mkdir()
    result = run([str(src), "-o", str(dst)])
    assert result.code == 0, result.err
    assert result.out == b""
    assert dst.read_text(encoding="utf-8") == CLEAN
    assert not list(dst.parent.glob(".*tmp"))


def test_stdin_to_output_file(tmp_path: Path) -> None:
    dst = tmp_path / "b.md"
    assert run(["-o", str(dst)], stdin=DIRTY.encode()).code == 0
    assert dst.read_text(encoding="utf-8") == CLEAN


# ----- batch modes -----------------------------------------------------------------


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    (tmp_path / ".git").mkdir()  # a repository root: config search stops here
    write(tmp_path / "dirty.md", DIRTY)
    write(tmp_path / "clean.md", CLEAN)
    write(tmp_path / "sub" / "deep.txt", DIRTY)
    write(tmp_path / "sub" / "code.py", DIRTY)  # not a kind of file a walk takes
    write(tmp_path / ".hidden.md", DIRTY)
    write(tmp_path / ".hid" / "x.md", DIRTY)
    (tmp_path / "image.md").write_bytes(b"\x89PNG\r\n\x1a\n\0\0\0")
    return tmp_path


def test_in_place_rewrites_changed_files_only(tree: Path) -> None:
    clean_file = tree / "clean.md"
    old = os.stat(clean_file)
    os.utime(clean_file, ns=(old.st_atime_ns, old.st_mtime_ns - 10**9))
    before = os.stat(clean_file).st_mtime_ns
    result = run(["-i", "."], cwd=tree)
    assert result.code == 0, result.err
    assert result.text.splitlines() == [
        "cleaned dirty.md",
        f"cleaned {os.path.join('sub', 'deep.txt')}",
    ]
    assert (tree / "dirty.md").read_text(encoding="utf-8") == CLEAN
    assert (tree / "sub" / "deep.txt").read_text(encoding="utf-8") == CLEAN
    assert os.stat(clean_file).st_mtime_ns == before
    # passed over: other kinds of file, hidden files and directories, binary files
    assert (tree / "sub" / "code.py").read_text(encoding="utf-8") == DIRTY
    assert (tree / ".hidden.md").read_text(encoding="utf-8") == DIRTY
    assert (tree / ".hid" / "x.md").read_text(encoding="utf-8") == DIRTY
    assert "textclean: image.md: skipped: binary file" in result.err
    assert re.search(r"^4 files seen, 2 changed, 0 failed, 1 skipped \(", result.err, re.M)


def test_check_lists_and_exits_1(tree: Path) -> None:
    before = {p: p.read_bytes() for p in tree.rglob("*") if p.is_file()}
    result = run(["--check", "."], cwd=tree)
    assert result.code == 1
    assert result.text.splitlines() == [
        "would clean dirty.md",
        f"would clean {os.path.join('sub', 'deep.txt')}",
    ]
    assert "2 would change" in result.err
    assert {p: p.read_bytes() for p in tree.rglob("*") if p.is_file()} == before


def test_check_exits_0_when_clean(tree: Path) -> None:
    result = run(["--check", "clean.md"], cwd=tree)
    assert result.code == 0
    assert result.out == b""
    assert run(["--check", "-q", "dirty.md"], cwd=tree).out == b""


def test_diff(tmp_path: Path) -> None:
    f = tmp_path / "a.md"
    write(f, "Слово ,  слово")  # no newline at the end
    result = run(["--diff", str(f)])
    assert result.code == 1
    diff = result.text
    assert diff.startswith(f"--- {f}\toriginal\n+++ {f}\tcleaned\n@@ ")
    assert "-Слово ,  слово\n\\ No newline at end of file\n" in diff
    assert f.read_text(encoding="utf-8") == "Слово ,  слово"
    assert run(["--diff", "-"], stdin=CLEAN.encode()).code == 0


def test_check_and_diff_together(tree: Path) -> None:
    result = run(["--check", "--diff", "dirty.md"], cwd=tree)
    assert result.code == 1
    assert "would clean dirty.md" in result.text
    assert "+++ dirty.md\tcleaned" in result.text


def test_quiet_and_verbose(tree: Path) -> None:
    quiet = run(["-q", "--check", "."], cwd=tree)
    assert quiet.code == 1
    assert quiet.out == b"" and quiet.err == ""
    loud = run(["-v", "--check", "."], cwd=tree)
    assert "unchanged clean.md (UTF-8, LF)" in loud.err
    assert "passed over .hidden.md (hidden)" in loud.err


def test_include_exclude(tree: Path) -> None:
    result = run(["--check", "--include", "*.py", "."], cwd=tree)
    assert result.text.splitlines() == [f"would clean {os.path.join('sub', 'code.py')}"]
    result = run(["--check", "--exclude", "sub/", "."], cwd=tree)
    assert result.text.splitlines() == ["would clean dirty.md"]


def test_gitignore_respected_by_default(tree: Path) -> None:
    (tree / ".gitignore").write_text("sub/\n", encoding="utf-8")
    assert run(["--check", "."], cwd=tree).text.splitlines() == ["would clean dirty.md"]
    assert len(run(["--check", "--no-gitignore", "."], cwd=tree).text.splitlines()) == 2
    # a nested .gitignore, and a negation in it
    (tree / ".gitignore").write_text("*.txt\n", encoding="utf-8")
    write(tree / "sub" / "keep.txt", DIRTY)
    (tree / "sub" / ".gitignore").write_text("!keep.txt\n", encoding="utf-8")
    lines = run(["--check", "."], cwd=tree).text.splitlines()
    assert lines == ["would clean dirty.md", f"would clean {os.path.join('sub', 'keep.txt')}"]


def test_named_files_are_taken_whatever_their_kind(tree: Path) -> None:
    result = run(["--check", "sub/code.py", ".hidden.md"], cwd=tree)
    assert result.code == 1
    assert len(result.text.splitlines()) == 2


def test_glob_argument(tree: Path) -> None:
    result = run(["--check", "**/*.txt"], cwd=tree)
    assert result.text.splitlines() == [f"would clean {os.path.join('sub', 'deep.txt')}"]
    nothing = run(["--check", "*.nothing"], cwd=tree)
    assert nothing.code == 2
    assert "textclean: *.nothing: no file matches this pattern" in nothing.err


def test_directory_without_a_batch_mode_is_a_usage_error(tree: Path) -> None:
    result = run(["."], cwd=tree)
    assert result.code == 2
    assert "is a directory" in result.err


@pytest.mark.parametrize(
    "argv",
    [
        ["-i", "--check", "a.md"],
        ["-i", "--diff", "a.md"],
        ["-i", "-"],
        ["-o", "x.md", "a.md", "b.md"],
        ["--jsonl", "--explain", "a.md"],
        ["--locale", "xx", "a.md"],
        ["--enable", "nosuchfilter", "a.md"],
        ["--option", "spaces", "a.md"],
        ["--option", "nosuch.x=1", "a.md"],
        ["--option", "quotes.nosuch=1", "a.md"],
        ["--option", "quotes.locale=1", "a.md"],
        ["--jobs", "0", "a.md"],
        ["--encoding", "no-such-codec", "a.md"],
        ["--no-such-flag"],
    ],
)
def test_usage_errors_exit_2(tmp_path: Path, argv: list[str]) -> None:
    write(tmp_path / "a.md", DIRTY)
    write(tmp_path / "b.md", DIRTY)
    result = run(argv, cwd=tmp_path)
    assert result.code == 2, result.err
    assert "textclean" in result.err
    assert (tmp_path / "a.md").read_text(encoding="utf-8") == DIRTY


def test_help_and_version() -> None:
    assert run(["--help"]).code == 0
    version = run(["--version"])
    assert version.code == 0
    assert version.text.strip() == f"textclean {textclean.__version__}"


# ----- files as they are ------------------------------------------------------------


@pytest.mark.parametrize(
    ("encoding", "bom", "newline", "label"),
    [
        ("utf-8", b"", "\n", "UTF-8, LF"),
        ("utf-8", codecs.BOM_UTF8, "\n", "UTF-8 with BOM, LF"),
        ("utf-8", b"", "\r\n", "UTF-8, CRLF"),
        ("utf-16-le", codecs.BOM_UTF16_LE, "\r\n", "UTF-16-LE, CRLF"),
        ("utf-16-be", codecs.BOM_UTF16_BE, "\n", "UTF-16-BE, LF"),
        ("cp1251", b"", "\n", "cp1251, LF"),
        ("cp1251", b"", "\r\n", "cp1251, CRLF"),
    ],
)
def test_written_back_as_it_was_stored(
    tmp_path: Path, encoding: str, bom: bytes, newline: str, label: str
) -> None:
    text = "Цена  вопроса , сказал он .\nВторая  строка .\n".replace("\n", newline)
    f = tmp_path / "a.txt"
    data = write(f, text, encoding, bom=bom)
    assert decode(data).encoding == encoding
    result = run(["-i", "-v", str(f)])
    assert result.code == 0, result.err
    assert f"changed {f} ({label})" in result.err
    new = f.read_bytes()
    assert new.startswith(bom)
    cleaned = new[len(bom) :].decode(encoding)
    assert cleaned == textclean.clean(text).replace("\n", newline)
    assert (newline == "\r\n") == ("\r\n" in cleaned)


def test_latin1_file(tmp_path: Path) -> None:
    f = tmp_path / "de.txt"
    text = "Grüße  aus  Köln , sagte er .\n"
    write(f, text, "latin-1")
    assert decode(f.read_bytes()).encoding == "latin-1"
    assert run(["-i", str(f)]).code == 0
    assert f.read_bytes() == textclean.clean(text).encode("latin-1")


def test_encoding_and_newline_overrides(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    write(f, DIRTY, "cp1251")
    assert run(["-i", "--encoding", "utf-8", "--newline", "crlf", str(f)]).code == 0
    assert f.read_bytes() == CLEAN.replace("\n", "\r\n").encode("utf-8")
    g = tmp_path / "b.txt"
    write(g, DIRTY.replace("\n", "\r\n"))
    assert run(["-i", "--encoding", "utf-8-sig", "--newline", "lf", str(g)]).code == 0
    assert g.read_bytes() == codecs.BOM_UTF8 + CLEAN.encode("utf-8")


def test_input_encoding(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    write(f, "Ελληνικά  κείμενο .\n", "iso8859-7")
    result = run(["--input-encoding", "iso8859-7", str(f)])
    assert result.code == 0
    assert result.out == textclean.clean("Ελληνικά  κείμενο .\n").encode("iso8859-7")


def test_text_the_encoding_cannot_hold(tmp_path: Path) -> None:
    f = tmp_path / "a.md"
    data = write(f, DIRTY)
    result = run(["-i", "--encoding", "ascii", str(f)])
    assert result.code == 2
    assert re.search(
        rf"^textclean: {re.escape(str(f))}: the cleaned text cannot be written "
        r"in ascii: 'С' \(U\+0421\) on line 1",
        result.err,
        re.M,
    )
    assert f.read_bytes() == data


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"PNG\0\0\x01binary", "binary file"),
        (b"ok \xff\xfe\xfd " + "Привет мир".encode() * 3, "not valid UTF-8: byte 0xFF at offset 3"),
        (codecs.BOM_UTF16_LE + b"a\x00\x00\xd8", "not valid UTF-16-LE"),
    ],
)
def test_bad_input_exits_2_and_leaves_the_file(tmp_path: Path, data: bytes, message: str) -> None:
    bad = tmp_path / "bad.md"
    bad.write_bytes(data)
    good = tmp_path / "good.md"
    write(good, DIRTY)
    result = run(["-i", str(bad), str(good)])
    assert result.code == 2
    assert re.search(
        rf"^textclean: {re.escape(str(bad))}: .*{re.escape(message)}", result.err, re.M
    )
    assert bad.read_bytes() == data
    assert good.read_text(encoding="utf-8") == CLEAN  # the rest of the batch goes on


def test_missing_file(tmp_path: Path) -> None:
    good = tmp_path / "good.md"
    write(good, DIRTY)
    result = run(["--check", str(tmp_path / "nope.md"), str(good)])
    assert result.code == 2
    assert f"textclean: {tmp_path / 'nope.md'}: No such file or directory" in result.err
    assert "would clean" in result.text


def test_read_only_file_is_reported_and_the_batch_goes_on(tmp_path: Path) -> None:
    ro = tmp_path / "ro.md"
    write(ro, DIRTY)
    ro.chmod(0o444)
    good = tmp_path / "good.md"
    write(good, DIRTY)
    result = run(["-i", str(ro), str(good)])
    assert result.code == 2
    assert f"textclean: {ro}: file is read-only; left as it was" in result.err
    assert ro.read_text(encoding="utf-8") == DIRTY
    assert good.read_text(encoding="utf-8") == CLEAN


def test_write_failure_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    f = tmp_path / "a.md"
    write(f, DIRTY)

    def refuse(src: str, dst: str) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)
    result = run(["-i", "-j", "1", str(f)])
    assert result.code == 2
    assert f"textclean: {f}: cannot write: Permission denied; left as it was" in result.err
    assert f.read_text(encoding="utf-8") == DIRTY
    assert [p.name for p in tmp_path.iterdir()] == ["a.md"]  # no temporary file left


def test_batch_syncs_each_written_directory_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Each file is fsynced before its rename; the renames are made durable
    # at the end, one fsync per directory written into (not one per file).
    import textclean.cli

    for name in ("a.md", "b.md", "sub/c.md", "sub/d.md"):
        write(tmp_path / name, DIRTY)
    write(tmp_path / "clean.md", CLEAN)
    file_syncs: list[int] = []
    dir_syncs: list[str] = []
    real_fsync = os.fsync
    monkeypatch.setattr(os, "fsync", lambda fd: (file_syncs.append(fd), real_fsync(fd))[1])
    monkeypatch.setattr(textclean.cli, "fsync_directory", dir_syncs.append)
    result = run(["-i", "-j", "1", str(tmp_path)])
    assert result.code == 0, result.err
    assert len(file_syncs) == 4
    assert dir_syncs == sorted({os.path.realpath(tmp_path), os.path.realpath(tmp_path / "sub")})
    assert (tmp_path / "sub" / "d.md").read_text(encoding="utf-8") == CLEAN


def test_permissions_kept(tmp_path: Path) -> None:
    f = tmp_path / "a.md"
    write(f, DIRTY)
    f.chmod(0o640)
    assert run(["-i", str(f)]).code == 0
    assert stat.S_IMODE(f.stat().st_mode) == 0o640
    assert f.read_text(encoding="utf-8") == CLEAN


def test_symlink_target_is_written_and_the_link_stays(tmp_path: Path) -> None:
    target = tmp_path / "real" / "a.md"
    write(target, DIRTY)
    link = tmp_path / "link.md"
    link.symlink_to(target)
    assert run(["-i", str(link)]).code == 0
    assert link.is_symlink()
    assert target.read_text(encoding="utf-8") == CLEAN
    assert not list((tmp_path / "real").glob(".*"))


def test_internal_error_exits_123(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    f = tmp_path / "a.md"
    data = write(f, DIRTY)

    def boom(self: object, text: str) -> str:
        raise RuntimeError("boom")

    monkeypatch.setattr(textclean.Pipeline, "__call__", boom)
    result = run(["-i", "-j", "1", str(f)])
    assert result.code == 123
    assert f"textclean: {f}: internal error: RuntimeError: boom" in result.err
    assert f.read_bytes() == data


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_internal_error_while_writing_exits_123(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, jobs: str
) -> None:
    import textclean._cli_work

    files = [tmp_path / "a.md", tmp_path / "b.md"]
    for f in files:
        write(f, DIRTY)

    def boom(path: str, data: bytes) -> tuple[str | None, str | None]:
        raise RuntimeError("boom")

    monkeypatch.setattr(textclean._cli_work, "_write", boom)
    result = run(["-i", "-j", jobs, str(tmp_path)])
    assert result.code == 123
    for f in files:
        assert f"textclean: {f}: internal error: RuntimeError: boom" in result.err
        assert f.read_text(encoding="utf-8") == DIRTY


# ----- choosing what runs -----------------------------------------------------------


def test_list_filters() -> None:
    result = run(["--list-filters"])
    assert result.code == 0
    lines = result.text.splitlines()
    for spec in textclean.available_filters():
        line = next(x for x in lines if x.split()[0] == spec.name)
        assert line.split()[1] == ("on" if spec.default else "off")
        assert spec.summary in line
    verbose = run(["--list-filters", "-v"]).text
    assert "locale = 'auto'" in verbose


def test_only_enable_disable(tmp_path: Path) -> None:
    f = tmp_path / "a.md"
    write(f, DIRTY)
    assert run(["--only", "spaces", str(f)]).text == textclean.Pipeline(["spaces"])(DIRTY)
    without = textclean.Pipeline.default().without("spaces")
    assert run(["--disable", "spaces", str(f)]).text == without(DIRTY)
    extra = textclean.Pipeline.default().without("spaces", "wraps")
    assert run(["--disable", "spaces,wraps", str(f)]).text == extra(DIRTY)
    both = run(["--only", "spaces", "--enable", "blank-lines", str(f)]).text
    assert both == textclean.Pipeline(["spaces", "blank_lines"])(DIRTY)


def test_locale_and_options(tmp_path: Path) -> None:
    f = tmp_path / "a.md"
    text = 'Он сказал "да" - и ушёл.\n'
    write(f, text)
    assert run(["--locale", "en", str(f)]).text == textclean.clean(text, locale="en")
    assert run(["--locale", "none", str(f)]).text == textclean.clean(text, locale=None)
    by_option = run(["--option", "quotes.locale=en", str(f)]).text
    assert by_option == textclean.Pipeline.default().configure("quotes", locale="en")(text)


def test_explain(tmp_path: Path) -> None:
    f = tmp_path / "a.md"
    data = write(f, "Первая строка.\nСлово ,  слово\n")
    result = run(["--explain", str(f)])
    assert result.code == 0
    assert result.text.startswith(f"{f}: ")
    assert re.search(r"^  spaces: \d+$", result.text, re.M)
    assert re.search(r"^    2:\d+  ", result.text, re.M)  # the line of the change
    assert f.read_bytes() == data
    as_json = json.loads(run(["--explain", "--explain-format", "json", str(f)]).text)
    assert as_json["path"] == str(f) and as_json["changed"] is True
    assert all(c["line"] == 2 for c in as_json["changes"])
    # with -i: written, and explained
    result = run(["-i", "--explain", str(f)])
    assert "cleaned" in result.text and "spaces" in result.text
    assert f.read_text(encoding="utf-8") == textclean.clean("Первая строка.\nСлово ,  слово\n")


# ----- configuration -----------------------------------------------------------------


def test_pyproject_config(tree: Path) -> None:
    (tree / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.textclean]\ndisable = ["spaces", "wraps"]\n',
        encoding="utf-8",
    )
    expected = textclean.Pipeline.default().without("spaces", "wraps")(DIRTY)
    assert run(["sub/deep.txt"], cwd=tree / ".").text == expected
    # from a directory below, searching upward
    assert run(["deep.txt"], cwd=tree / "sub").text == expected
    # the command line wins
    both = run(["--enable", "spaces", "sub/deep.txt"], cwd=tree).text
    assert both == textclean.Pipeline.default().without("wraps")(DIRTY)
    assert run(["--no-config", "dirty.md"], cwd=tree).text == CLEAN


def test_textclean_toml_and_options_and_config_flag(tree: Path) -> None:
    cfg = tree / "sub" / "textclean.toml"
    cfg.write_text('only = ["spaces"]\nlocale = "none"\n', encoding="utf-8")
    assert run(["deep.txt"], cwd=tree / "sub").text == textclean.Pipeline(["spaces"])(DIRTY)
    other = tree / "elsewhere.toml"
    other.write_text('[tool.textclean]\ndisable = ["spaces"]\n', encoding="utf-8")
    result = run(["--config", str(other), "deep.txt"], cwd=tree / "sub")
    assert result.text == textclean.Pipeline.default().without("spaces")(DIRTY)
    opts = tree / "opts.toml"
    opts.write_text('[options.quotes]\nlocale = "en"\n', encoding="utf-8")
    text = 'Он сказал "да".\n'
    write(tree / "q.md", text)
    result = run(["--config", str(opts), "q.md"], cwd=tree)
    assert result.text == textclean.Pipeline.default().configure("quotes", locale="en")(text)
    result = run(["--config", str(opts), "--option", 'quotes.locale="de"', "q.md"], cwd=tree)
    assert result.text == textclean.Pipeline.default().configure("quotes", locale="de")(text)


def test_config_search_stops_at_the_repository_root(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.textclean]\nonly = ["spaces"]\n', "utf-8")
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    write(repo / "a.md", DIRTY)
    assert run(["a.md"], cwd=repo).text == CLEAN
    # a pyproject.toml without [tool.textclean] is passed over
    (repo / "pyproject.toml").write_text('[project]\nname = "x"\n', "utf-8")
    assert run(["a.md"], cwd=repo).text == CLEAN


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("[tool.textclean]\ncolour = 1\n", "unknown key 'tool.textclean.colour'"),
        ("[tool.textclean]\nenable = 3\n", "'tool.textclean.enable' must be a list"),
        ("[tool.textclean]\nenable = ['nosuch']\n", "unknown filter 'nosuch'"),
        ("[tool.textclean.options.quotes]\nnosuch = 1\n", "has no option 'nosuch'"),
        ("[tool.textclean\n", "not valid TOML"),
    ],
)
def test_bad_config_exits_2_naming_the_problem(tree: Path, content: str, message: str) -> None:
    (tree / "pyproject.toml").write_text(content, encoding="utf-8")
    result = run(["dirty.md"], cwd=tree)
    assert result.code == 2
    assert result.err.startswith(f"textclean: {tree / 'pyproject.toml'}: "), result.err
    assert message in result.err


# ----- JSON Lines --------------------------------------------------------------------------


def test_jsonl_cleans_one_field_and_keeps_the_rest(tmp_path: Path) -> None:
    lines = [
        '{"id": 1, "text": "Слово ,  слово", "title": "Слово ,  слово", "n": 1.50}',
        '{"id":2,"meta":{"a":[1,2]},"text":"\\u0421\\u043b\\u043e\\u0432\\u043e ,  x"}',
        '{"id": 3, "text": null}',
        '{"id": 4}',
        "",
    ]
    src = ("\n".join(lines) + "\n").encode()
    result = run(["--jsonl", "--field", "text", "-"], stdin=src)
    assert result.code == 0, result.err
    out = result.text.split("\n")
    first = json.loads(out[0])
    assert first["text"] == textclean.Pipeline.default()("Слово ,  слово").rstrip("\n")
    assert out[0].endswith('"title": "Слово ,  слово", "n": 1.50}')  # other fields byte for byte
    assert out[1].startswith('{"id":2,"meta":{"a":[1,2]},"text":"\\u0421')  # ascii stays ascii
    assert json.loads(out[1])["text"] == "Слово, x"
    assert out[2:] == [*lines[2:], ""]


@pytest.mark.parametrize(
    ("on_error", "code", "kept"),
    [("stop", 2, ["1"]), ("skip", 0, ["1", "3"]), ("keep", 0, ["1", "bad", "3"])],
)
def test_jsonl_malformed_line(on_error: str, code: int, kept: list[str]) -> None:
    src = b'{"text": "1"}\n{"text": "unterminated\n{"text": "3"}\n'
    result = run(["--jsonl", "--on-error", on_error, "-j", "1"], stdin=src)
    assert result.code == code
    assert "textclean: <stdin>: line 2: invalid JSON: " in result.err
    texts = [
        json.loads(x)["text"] if x.startswith('{"text": "1"') or x.endswith('"}') else "bad"
        for x in result.text.splitlines()
    ]
    assert [t.strip() for t in texts] == kept


def test_jsonl_file_in_place_and_check(tmp_path: Path) -> None:
    f = tmp_path / "data.jsonl"
    f.write_text('{"text": "Слово ,  слово", "x": 1}\n{"text": "ok"}\n', encoding="utf-8")
    assert run(["--jsonl", "--check", str(f)]).code == 1
    assert run(["--jsonl", "-i", str(f)]).code == 0
    assert f.read_text(encoding="utf-8") == '{"text": "Слово, слово", "x": 1}\n{"text": "ok"}\n'
    assert run(["--jsonl", "--check", str(f)]).code == 0
    f.write_text('{"text": 5}\n', encoding="utf-8")
    result = run(["--jsonl", "-i", str(f)])
    assert result.code == 2
    assert "line 1: field 'text' is int, not a string" in result.err


def test_jsonl_parallel_equals_serial() -> None:
    src = "".join(
        json.dumps({"i": i, "text": f"Запись {i} ,  текст  тут ."}, ensure_ascii=False) + "\n"
        for i in range(1500)
    ).encode()
    serial = run(["--jsonl", "-j", "1"], stdin=src)
    parallel = run(["--jsonl", "-j", "2"], stdin=src)
    assert serial.code == parallel.code == 0
    assert serial.out == parallel.out
    assert serial.out != src


# ----- parallel ----------------------------------------------------------------------------------


def test_parallel_output_equals_serial(tmp_path: Path) -> None:
    for i in range(30):
        write(tmp_path / f"d{i:02}" / "a.md", DIRTY * (i % 3 + 1) if i % 4 else CLEAN)
    (tmp_path / "d05" / "bad.md").write_bytes(b"\xff\xfe\xfd" + "ёж".encode() * 5)
    serial = run(["--diff", "-j", "1", "."], cwd=tmp_path)
    parallel = run(["--diff", "-j", "2", "."], cwd=tmp_path)
    assert serial.code == parallel.code == 2
    assert serial.out == parallel.out
    strip = re.compile(r"\(\d+\.\d MB, \d+\.\d+ s\)")
    assert strip.sub("", serial.err) == strip.sub("", parallel.err)


def test_parallel_in_place_equals_serial(tmp_path: Path) -> None:
    def tree(root: Path) -> None:
        for i in range(40):
            write(root / f"d{i % 4}" / f"f{i:02}.md", DIRTY * (i % 3 + 1) if i % 5 else CLEAN)
        (root / "d1" / "bad.md").write_bytes(b"\xff\xfe\xfd" + "ёж".encode() * 5)
        ro = root / "d2" / "ro.md"
        write(ro, DIRTY)
        ro.chmod(0o444)

    tree(tmp_path / "serial")
    tree(tmp_path / "parallel")
    serial = run(["-i", "-j", "1", "."], cwd=tmp_path / "serial")
    parallel = run(["-i", "-j", "2", "."], cwd=tmp_path / "parallel")
    assert serial.code == parallel.code == 2
    assert serial.out == parallel.out
    strip = re.compile(r"\(\d+\.\d MB, \d+\.\d+ s\)")
    assert strip.sub("", serial.err) == strip.sub("", parallel.err)
    assert "ro.md: file is read-only; left as it was" in parallel.err
    for f in sorted((tmp_path / "serial").rglob("*")):
        twin = tmp_path / "parallel" / f.relative_to(tmp_path / "serial")
        assert f.is_file() == twin.is_file()
        if f.is_file():
            assert f.read_bytes() == twin.read_bytes(), f
    assert (tmp_path / "parallel" / "d3" / "f03.md").read_text(encoding="utf-8") == CLEAN


def test_parallel_writes_happen_in_the_main_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Workers clean; the main process writes (and reports a failed write).
    for i in range(12):
        write(tmp_path / f"f{i:02}.md", DIRTY)
    writers: list[int] = []
    real_replace = os.replace

    def replace(src: str, dst: str) -> None:
        writers.append(os.getpid())
        if dst.endswith("f03.md"):
            raise PermissionError(13, "Permission denied")
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    result = run(["-i", "-j", "2", str(tmp_path)])
    assert result.code == 2
    assert writers == [os.getpid()] * 12
    assert "f03.md: cannot write: Permission denied; left as it was" in result.err
    assert (tmp_path / "f03.md").read_text(encoding="utf-8") == DIRTY
    assert (tmp_path / "f04.md").read_text(encoding="utf-8") == CLEAN
    assert sorted(p.name for p in tmp_path.iterdir()) == [f"f{i:02}.md" for i in range(12)]


def test_parallel_large_files_are_written_by_their_worker(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Only small cleaned files travel back to the main process to be written.
    import textclean._cli_work

    monkeypatch.setattr(textclean._cli_work, "DEFER_LIMIT", 200)
    small = [tmp_path / f"s{i}.md" for i in range(6)]
    large = [tmp_path / f"l{i}.md" for i in range(6)]
    for f in small:
        write(f, DIRTY)
    for f in large:
        write(f, DIRTY * 20)
    log = tmp_path.parent / f"{tmp_path.name}-writers.log"
    real_replace = os.replace

    def replace(src: str, dst: str) -> None:
        with open(log, "a", encoding="utf-8") as handle:
            handle.write(f"{os.getpid()} {os.path.basename(dst)}\n")
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    result = run(["-i", "-j", "2", str(tmp_path)])
    assert result.code == 0, result.err
    writers = dict(reversed(line.split()) for line in log.read_text().splitlines())
    assert sorted(writers) == sorted(f.name for f in small + large)
    assert all(writers[f.name] == str(os.getpid()) for f in small)
    assert all(writers[f.name] != str(os.getpid()) for f in large)
    assert all(f.read_text(encoding="utf-8") == CLEAN for f in small)
    assert all(f.read_text(encoding="utf-8") == textclean.clean(DIRTY * 20) for f in large)


# ----- docs ------------------------------------------------------------------------------------


def test_docs_name_every_option_of_help() -> None:
    help_text = run(["--help"]).text
    docs = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    # every option the help's option list shows (the part before the epilog)
    listed = help_text.split("exit status:")[0]
    options = set(re.findall(r"(?<![\w-])(--?[a-zA-Z][\w-]*)", listed))
    assert "--in-place" in options and "-j" in options
    actions = {o for a in build_parser()._actions for o in a.option_strings}
    assert actions <= options
    missing = sorted(o for o in options if f"`{o}" not in docs)
    assert not missing, f"docs/cli.md does not document {missing}"
    for code in ("0", "1", "2", "123"):
        assert re.search(rf"^\|\s*`?{code}`?\s*\|", docs, re.M), f"exit code {code} undocumented"
    assert ".pre-commit-config.yaml" in docs


def test_progress_bar_draws_on_a_terminal_and_erases_itself() -> None:
    import io

    from textclean._cli_progress import Progress

    stream = io.StringIO()
    bar = Progress(3, stream, enabled=True, delay=0)
    for _ in range(3):
        bar.update(1_000_000)
    bar.close()
    drawn = stream.getvalue()
    assert "3/3 files" in drawn and "3.0 MB" in drawn
    assert drawn.endswith("\r\033[K")
    silent = io.StringIO()
    quiet = Progress(3, silent, enabled=False, delay=0)
    quiet.update(1)
    quiet.close()
    assert silent.getvalue() == ""


def test_stdout_closed_early_is_quiet() -> None:
    import subprocess
    import sys

    big = (DIRTY * 3000).encode()
    proc = subprocess.run(
        f"{sys.executable} -m textclean | head -c 10",
        shell=True,
        input=big,
        capture_output=True,
        check=False,
    )
    assert len(proc.stdout) == 10
    assert b"Traceback" not in proc.stderr
