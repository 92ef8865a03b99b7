"""Bad input never gives a traceback and never damages the record: exit 1 with one clear
`error:` line (2 for bad usage), and the database exactly as it was. Odd but valid text
(emoji, right-to-left scripts, quotes, SQL) is stored and found exactly as typed."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest


def snapshot(db: Path) -> str:
    conn = sqlite3.connect(db)
    try:
        return "\n".join(conn.iterdump())
    finally:
        conn.close()


@pytest.fixture
def record(loaded, db_path):
    """The rich record, and a check that a command leaves it exactly as it was."""
    before = snapshot(db_path)

    def unchanged():
        assert snapshot(db_path) == before

    loaded.unchanged = unchanged
    return loaded


def one_error(result) -> str:
    assert result.exit_code == 1, (result.exit_code, result.stdout, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("error: ")
    assert "Traceback" not in result.stderr
    return lines[0]


@pytest.fixture
def files(tmp_path):
    folder = tmp_path / "inputs"
    folder.mkdir()
    (folder / "latin1.yaml").write_bytes("careerkit: 1\ngoals: [{title: Élève}]\n".encode("latin-1"))
    (folder / "deep.yaml").write_text(
        "careerkit: 1\naccomplishments:\n  - date: 2024-01-01\n    title: t\n"
        "    skills: [ok, {nested: [1, 2, {deeper: true}]}]\n",
        encoding="utf-8",
    )
    (folder / "a-folder.yaml").mkdir()
    (folder / "huge.json").write_text(
        json.dumps({"careerkit": 1, "goals": [{"title": "g", "notes": "n" * 10_000_000}]}), encoding="utf-8"
    )
    return folder


BAD = {
    "bad date on log": (
        ["log", "x", "--date", "2024-02-30"],
        "accomplishment.date: not a date: '2024-02-30'",
    ),
    "bad date words": (["log", "x", "--date", "the other day"], "not a date: 'the other day'"),
    "bad date on edit": (["wins", "edit", "1", "--date", "2024-13"], "not a date"),
    "bad date on a list filter": (["wins", "list", "--since", "2024-99"], "not a date"),
    "bad date on creds": (
        ["creds", "add", "x", "--kind", "license", "--expires", "soon"],
        "credential.expires",
    ),
    "missing id: show": (["wins", "show", "999"], "no accomplishment with id 999"),
    "missing id: edit": (["feedback", "edit", "999", "--context", "x"], "no feedback with id 999"),
    "missing id: rm": (["goals", "rm", "999", "--yes"], "no goal with id 999"),
    "missing id: negative": (["roles", "show", "-5"], None),
    "missing id: zero": (["roles", "show", "0"], "no position with id 0"),
    "id beyond SQLite's integers": (
        ["wins", "show", "99999999999999999999"],
        "no accomplishment with id 99999999999999999999",
    ),
    "edit beyond SQLite's integers": (
        ["wins", "edit", "99999999999999999999", "--impact", "x"],
        "no accomplishment with id 99999999999999999999",
    ),
    "missing file": (["import", "{files}/nope.yaml"], "no such file"),
    "a folder, not a file": (["import", "{files}/a-folder.yaml"], "is a folder, not a file"),
    "non-UTF-8 file": (["import", "{files}/latin1.yaml"], "is not UTF-8 text"),
    "wrong type deep inside": (
        ["import", "{files}/deep.yaml"],
        "deep.yaml: accomplishments[0].skills[1]: expected text, got a mapping",
    ),
    "10 MB field in a file": (["import", "{files}/huge.json"], "goals[0].notes: text is too long"),
    "10 MB field on the command line": (["log", "x" * 10_000_000], "accomplishment.title: text is too long"),
    "10 MB option": (
        ["feedback", "add", "ok", "-r", "parent", "--context", "y" * 10_000_000],
        "feedback.context: text is too long",
    ),
    "NUL in text": (["log", "a\x00b"], "accomplishment.title: text holds a NUL character"),
    "search without words": (["search", "*"], "nothing to search for"),
    "search of only quotes": (["search", '""'], "nothing to search for"),
}


# Usage errors: one line in the same style, exit 2 (a value outside a fixed list is one).
USAGE = {
    "unknown kind on add": (["log", "x", "--kind", "heroic"], "invalid value for '--kind' / '-k': 'heroic'"),
    "unknown kind on list": (["learn", "list", "--kind", "movie"], "'movie' is not one of 'course'"),
    "unknown kind on search": (["search", "x", "--kind", "diary"], "'diary' is not one of 'wins'"),
    "unknown credential kind": (["creds", "add", "x", "--kind", "diploma"], "'diploma' is not one of"),
    "a word for an id": (["wins", "show", "abc"], "invalid value for 'ID': 'abc' is not a valid integer"),
    "a word for a report id": (["prep", "abc"], "invalid value for 'GAP_ID': 'abc' is not a report id"),
    "a word for a gap id": (["gap", "show", "abc"], "invalid value for 'ID': 'abc'"),
    "an unknown option": (["log", "x", "--colour", "red"], "no such option: --colour"),
    "an unknown command": (["wins", "frobnicate"], "no such command 'frobnicate'"),
    "a missing id": (["wins", "show"], "missing argument 'ID'"),
}


@pytest.mark.parametrize("name", USAGE)
def test_usage_errors_are_one_line_exit_2_and_change_nothing(record, name):
    args, message = USAGE[name]
    r = record(*args)
    assert r.exit_code == 2, (r.stdout, r.stderr)
    [line] = r.stderr.strip().splitlines()
    assert line.startswith("error: ") and message in line, line
    assert line.endswith(" --help")  # where to read the usage
    assert r.stdout == ""
    record.unchanged()


@pytest.mark.parametrize("name", BAD)
def test_bad_input_is_one_line_and_changes_nothing(record, files, name):
    args, message = BAD[name]
    args = [a.replace("{files}", str(files)) for a in args]
    r = record(*args)
    if message is None:  # a usage error (click's own message): exit 2
        assert r.exit_code == 2
        assert "Traceback" not in r.stderr
    else:
        assert message in one_error(r)
    assert r.stdout == ""
    record.unchanged()


def test_a_damaged_database_file_is_one_line(cli, db_path):
    db_path.parent.mkdir(parents=True, exist_ok=True)
    db_path.write_bytes(b"this is not sqlite" * 100)
    line = one_error(cli("wins", "list"))
    assert str(db_path) in line and "not a careerkit database" in line
    assert db_path.read_bytes() == b"this is not sqlite" * 100


def test_a_database_path_that_is_a_folder(cli, db_path):
    db_path.mkdir(parents=True)
    line = one_error(cli("log", "x"))
    assert str(db_path) in line


def test_a_database_in_a_folder_that_cannot_be_made(cli, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    line = one_error(cli("--db", str(blocker / "sub" / "c.db"), "log", "x"))
    assert "cannot create the database" in line


def test_backup_of_a_missing_database(cli, db_path):
    line = one_error(cli("backup"))
    assert line == f"error: no database at {db_path}"
    assert not db_path.exists()


def test_doctor_of_a_missing_database(cli, db_path):
    assert one_error(cli("doctor")) == f"error: no database at {db_path}"


ODD_TEXT = [
    "Taught with 😀 and 👩🏽‍🏫 emoji",
    "שלום — פגישת צוות",  # Hebrew, right to left
    "اجتماع أولياء الأمور",  # Arabic
    "Mixed: שלום and hello and مرحبا",
    "\u202eRight-to-left override\u202c",
    "She said \"it's the best\" — 'really'",
    "'); DROP TABLE accomplishments;--",
    "Robert'); DELETE FROM search_index; --",
    "[bold]not markup[/bold] and [link=x]y[/link]",
    "100% of students_passed \\ with *stars* and `ticks`",
    "Zero\u200bwidth and combining e\u0301",
    "Tab\tand\nnewline",
]


@pytest.mark.parametrize("text", ODD_TEXT)
def test_odd_text_is_stored_shown_and_found_exactly(cli, text, db_path):
    r = cli("log", text, "--skill", text, "--impact", text)
    assert r.exit_code == 0, r.stderr
    win = cli.json("wins", "show", "1")
    assert (win["title"], win["skills"], win["impact"]) == (text, [text], text)
    shown = cli("wins", "show", "1", ok=True).stdout
    first_word = text.split()[0].strip("'\"[]();\u202e")
    assert first_word in shown
    conn = sqlite3.connect(db_path)
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"accomplishments", "search_index"} <= tables
    assert conn.execute("SELECT count(*) FROM search_index").fetchone()[0] == 1
    conn.close()
    r = cli("search", "--json", "--", text)
    if any(ch.isalnum() for ch in text):
        assert r.exit_code == 0, r.stderr
        assert [h["id"] for h in json.loads(r.stdout)["hits"]] == [1]


@pytest.mark.parametrize("text", ODD_TEXT)
def test_odd_text_survives_export_and_import(cli, tmp_path, text):
    cli("feedback", "add", text, "-r", "parent", "--from", text, ok=True)
    out = tmp_path / "c.yaml"
    cli("export", "-o", str(out), ok=True)
    other = type(cli)(tmp_path / "other" / "c.db")
    other("import", str(out), ok=True)
    fb = other.json("feedback", "show", "1")
    assert (fb["text"], fb["from"]) == (text, text)


def test_sql_like_text_in_every_group(cli, db_path):
    sql = "x'); DROP TABLE feedback;--"
    for args in (
        ["log", sql],
        ["feedback", "add", sql, "-r", "parent"],
        ["learn", "add", sql],
        ["roles", "add", sql, "--org", sql, "--start", "2020", "-c", "teaching"],
        ["creds", "add", sql, "--kind", "award"],
        ["network", "add", sql, "-r", "peer"],
        ["goals", "add", sql],
        ["profile", "set", "--name", sql],
    ):
        cli(*args, ok=True)
    for group in ("wins", "feedback", "learn", "roles", "creds", "network", "goals"):
        data = cli.json(group, "show", "1")
        assert sql in data.values()
    assert cli.json("profile", "show")["name"] == sql
    assert len(cli.json("search", "DROP", "TABLE")["hits"]) == 7


def test_a_text_just_under_the_limit_is_kept(cli):
    text = "x" * 1_000_000
    cli("log", "Long details", "--details", text, ok=True)
    assert len(cli.json("wins", "show", "1")["details"]) == 1_000_000


def test_a_huge_limit_is_just_no_limit(record):
    assert len(record.json("wins", "list", "--limit", "99999999999999999999")) == 5
    assert record.json("search", "writing", "--limit", "99999999999999999999")["hits"]
