"""Start-up is the cost of a capture command: `log`, `wins add` and `--help` must not import the
heavy libraries. Checked with `python -X importtime` (which modules, never how long)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

HEAVY = {
    "pydantic",
    "pydantic_core",
    "rich",
    "sqlite_utils",
    "yaml",
    "jinja2",
    "typst",
    "docx",
    "pygments",
    "markdown_it",
}


def imported_modules(args: list[str], db: Path) -> set[str]:
    env = dict(os.environ, CAREERKIT_DB=str(db))
    r = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "careerkit", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert r.returncode == 0, r.stderr[-3000:]
    modules = set()
    for line in r.stderr.splitlines():
        if line.startswith("import time:") and "|" in line:
            name = line.rsplit("|", 1)[1].strip()
            if name != "package":
                modules.add(name)
    assert "careerkit.cli" in modules  # the parse found the import lines
    return modules


@pytest.fixture
def ready_db(cli, db_path) -> Path:
    """A database already at the current schema: opening it needs no migration."""
    cli("wins", "list", ok=True)
    return db_path


@pytest.mark.parametrize(
    "args",
    [
        ["log", "Led the PLC"],
        ["log", "Led the PLC", "--skill", "PLC", "--impact", "up 11 points", "--date", "yesterday"],
        ["wins", "add", "Chaired the committee", "--kind", "committee"],
        ["feedback", "add", "Thank you", "-r", "parent"],
        ["--help"],
        ["wins", "--help"],
    ],
    ids=" ".join,
)
def test_capture_and_help_import_nothing_heavy(ready_db, args):
    modules = imported_modules(args, ready_db)
    heavy = sorted(m for m in modules if m.split(".")[0] in HEAVY)
    assert heavy == [], f"{' '.join(args)} imported {heavy}"


def test_the_check_can_see_a_heavy_import(cli, ready_db):
    """`wins show` prints a rich table: the same parse must report rich there."""
    cli("log", "Led the PLC", ok=True)
    modules = imported_modules(["wins", "show", "1"], ready_db)
    assert any(m.split(".")[0] == "rich" for m in modules)


@pytest.mark.parametrize("args", [["wins", "list"], ["creds", "list"], ["search", "PLC"]], ids=" ".join)
def test_piped_lists_are_plain_lines_without_rich(cli, ready_db, args):
    """Piped, a list is aligned lines written as they come: no rich layout to import."""
    cli("log", "Led the PLC", ok=True)
    cli("creds", "add", "Teaching licence", "--kind", "license", ok=True)
    modules = imported_modules(args, ready_db)
    assert not any(m.split(".")[0] == "rich" for m in modules), f"{' '.join(args)} imported rich"
