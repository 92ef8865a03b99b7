"""What is typed in the editor survives a failed save: kept beside the database, or in the
temporary folder when that cannot be written (and the message says where); a pasted posting
is kept when the analysis fails; `careerkit recovery list|retry|rm` saves it again."""

from __future__ import annotations

import json
import shlex
import sqlite3
import sys
import tempfile
from pathlib import Path

import pytest
from conftest import FIXTURES

EDITOR = r"""
import sys
text = open(sys.argv[1], encoding="utf-8").read()
open(sys.argv[2], "w", encoding="utf-8").write(text)
"""


@pytest.fixture
def editor(tmp_path, monkeypatch):
    """An editor that writes the text in `editor.text` into the file it is given."""
    script = tmp_path / "editor.py"
    script.write_text(EDITOR)
    typed = tmp_path / "typed.txt"

    class Ed:
        def will(self, text: str) -> None:
            typed.write_text(text, encoding="utf-8")
            monkeypatch.setenv(
                "EDITOR", " ".join(shlex.quote(p) for p in (sys.executable, str(script), str(typed)))
            )

    return Ed()


@pytest.fixture
def temp(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


@pytest.fixture
def full_disk(monkeypatch):
    """SQLITE_FULL: the database may not grow past its pages (as on a full disk)."""
    from careerkit.store import db as store_db

    real = store_db.connect
    state = {"on": False}

    def capped(path, **kw):
        conn = real(path, **kw)
        if state["on"]:
            pages = conn.execute("PRAGMA page_count").fetchone()[0]
            conn.execute(f"PRAGMA max_page_count = {pages}")
        return conn

    monkeypatch.setattr(store_db, "connect", capped)
    return state


def _count(db: Path, table: str) -> int:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    finally:
        conn.close()


TYPED = "title: Rebuilt the reading intervention schedule\nimpact: 40 more minutes a week\n" + (
    "details: " + "d" * 150_000 + "\n"
)


def test_a_full_disk_keeps_the_text_in_the_temporary_folder_and_says_where(
    cli, db_path, editor, temp, full_disk
):
    cli("log", "first", ok=True)
    (db_path.parent / "recovery").write_text("")  # recovery/ cannot be a folder: no room there
    full_disk["on"] = True
    editor.will(TYPED)
    r = cli("log")
    assert r.exit_code == 1
    [kept] = list(temp.iterdir())
    assert kept.name.startswith("careerkit-recovery-add-accomplishment-")
    assert kept.read_text(encoding="utf-8") == TYPED
    assert f"kept in {kept}" in r.stderr
    assert _count(db_path, "accomplishments") == 1
    # recovery list finds it; retry saves it once there is room, and removes the file
    listed = json.loads(cli("recovery", "list", "--json").stdout)
    assert [(x["what"], x["kind"], x["path"]) for x in listed] == [("add", "accomplishment", str(kept))]
    full_disk["on"] = False
    r = cli("recovery", "retry", "1")
    assert r.exit_code == 0, r.stderr
    assert _count(db_path, "accomplishments") == 2
    assert not kept.exists()
    assert json.loads(cli("recovery", "list", "--json").stdout) == []


def test_the_editor_file_is_never_left_empty_and_lost(cli, db_path, editor, temp, full_disk):
    """The recovery file is written whole or not at all: never the 0-byte file of before."""
    cli("log", "first", ok=True)
    full_disk["on"] = True
    editor.will(TYPED)
    r = cli("log")
    assert r.exit_code == 1
    kept = [p for p in (db_path.parent / "recovery").iterdir()]
    assert len(kept) == 1 and kept[0].read_text(encoding="utf-8") == TYPED
    assert list(temp.iterdir()) == []  # the editor's file is removed once the text is safe


def test_a_pasted_posting_is_kept_when_the_analysis_fails(cli, db_path, editor, temp, full_disk):
    cli("import", str(FIXTURES / "career-gap.yaml"), ok=True)
    # Long enough that saving it needs pages the full database does not have.
    posting = (
        (FIXTURES / "postings-verdict" / "coach.txt").read_text() + "\nAbout us\n" + "We teach. " * 15_000
    )
    full_disk["on"] = True
    editor.will(posting)
    r = cli("gap", "analyze")
    assert r.exit_code == 1
    assert "what you typed is kept in" in r.stderr
    [row] = json.loads(cli("recovery", "list", "--json").stdout)
    assert row["what"] == "posting"
    assert Path(row["path"]).read_text() == posting
    full_disk["on"] = False
    r = cli("recovery", "retry", str(row["number"]), "--json")
    assert r.exit_code == 0, r.stderr
    assert json.loads(r.stdout)["posting"]["title"]
    assert _count(db_path, "gap_reports") == 1
    assert not Path(row["path"]).exists()


def test_a_failed_edit_is_retried_after_fixing_it_in_the_editor(cli, db_path, editor):
    cli("log", "Led the PLC", ok=True)
    editor.will('title: "Led the PLC all year"\ndate: 2024-03-01\nkind: "legendary"\n')
    r = cli("wins", "edit", "1")
    assert r.exit_code == 1 and "legendary" in r.stderr
    [row] = json.loads(cli("recovery", "list", "--json").stdout)
    assert (row["what"], row["kind"], row["id"]) == ("edit", "accomplishment", 1)
    r = cli("recovery", "retry", "1")  # as it is: still invalid, the file stays
    assert r.exit_code == 1 and "--edit" in r.stderr
    assert Path(row["path"]).exists()
    editor.will('title: "Led the PLC all year"\ndate: 2024-03-01\nkind: "other"\n')
    r = cli("recovery", "retry", "1", "--edit")
    assert r.exit_code == 0, r.stderr
    assert cli.json("wins", "show", "1")["title"] == "Led the PLC all year"
    assert not Path(row["path"]).exists()


def test_recovery_list_and_rm(cli, db_path, editor):
    cli("log", "x", ok=True)
    editor.will("title: t\nkind: nope\n")
    cli("feedback", "add")
    editor.will("title: t\nkind: nope\n")
    cli("log")
    text = cli("recovery", "list").stdout
    assert "a new feedback" in text and "a new accomplishment" in text
    rows = json.loads(cli("recovery", "list", "--json").stdout)
    assert len(rows) == 2
    cli("recovery", "rm", "1", ok=True)
    assert len(json.loads(cli("recovery", "list", "--json").stdout)) == 1
    r = cli("recovery", "retry", "9")
    assert r.exit_code == 1 and "careerkit recovery list" in r.stderr
