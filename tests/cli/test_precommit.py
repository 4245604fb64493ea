"""The pre-commit hooks, installed by the real ``pre-commit`` tool (slow: it builds a virtualenv).

``pre-commit try-repo`` installs this repository's hooks (including uncommitted
changes) into a virtualenv with pip, which fetches textclean's dependencies
and build backend from PyPI.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import CLEAN, DIRTY, ROOT

PRE_COMMIT = shutil.which("pre-commit", path=str(Path(sys.executable).parent)) or shutil.which(
    "pre-commit"
)


def git(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=True)


@pytest.mark.slow
@pytest.mark.skipif(
    PRE_COMMIT is None,
    reason="pre-commit is not installed (it is in the test extra: pip install -e '.[test]')",
)
def test_hooks_clean_a_staged_file_with_real_pre_commit(tmp_path: Path) -> None:
    assert PRE_COMMIT is not None
    repo = tmp_path / "work"
    repo.mkdir()
    git("init", "-q", cwd=repo)
    git("config", "user.email", "test@example.invalid", cwd=repo)
    git("config", "user.name", "Test", cwd=repo)
    git("config", "commit.gpgsign", "false", cwd=repo)
    (repo / "article.md").write_text(DIRTY, encoding="utf-8")
    (repo / "script.py").write_text('x = "a  ,  b"\n', encoding="utf-8")  # not a text type
    git("add", "article.md", "script.py", cwd=repo)
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache"), "PRE_COMMIT_COLOR": "never"}
    env.pop("VIRTUAL_ENV", None)

    def try_repo(hook: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [PRE_COMMIT, "try-repo", str(ROOT), hook, "--verbose"],
            cwd=repo,
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )

    check = try_repo("textclean-check")
    assert check.returncode == 1, check.stdout + check.stderr
    assert "would clean article.md" in check.stdout
    assert "+++ article.md\tcleaned" in check.stdout
    assert (repo / "article.md").read_text(encoding="utf-8") == DIRTY

    fix = try_repo("textclean")
    assert fix.returncode == 1, fix.stdout + fix.stderr  # pre-commit: "files were modified"
    assert "cleaned article.md" in fix.stdout
    assert (repo / "article.md").read_text(encoding="utf-8") == CLEAN
    assert (repo / "script.py").read_text(encoding="utf-8") == 'x = "a  ,  b"\n'

    git("add", "article.md", cwd=repo)
    again = try_repo("textclean")
    assert again.returncode == 0, again.stdout + again.stderr
    git("commit", "-q", "-m", "cleaned by the hook", cwd=repo)
    committed = git("show", "HEAD:article.md", cwd=repo).stdout
    assert committed == CLEAN
