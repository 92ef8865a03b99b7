"""$EDITOR: `log` (and every `add`) with no text, `edit ID` with no options. The editor is a
small script that records what it was shown and writes what the test asks for."""

from __future__ import annotations

import json
import os
import shlex
import sqlite3
import stat
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

EDITOR_SCRIPT = r"""
import json, sys
cfg = json.load(open(sys.argv[1]))
path = sys.argv[2]
shown = open(path, encoding="utf-8").read()
open(cfg["seen"], "w", encoding="utf-8").write(shown)
if cfg.get("write") is not None:
    open(path, "w", encoding="utf-8").write(cfg["write"])
elif cfg.get("replace"):
    for old, new in cfg["replace"]:
        shown = shown.replace(old, new, 1)
    open(path, "w", encoding="utf-8").write(shown)
sys.exit(cfg.get("exit", 0))
"""


class Editor:
    def __init__(self, folder: Path, monkeypatch):
        self.folder = folder
        self.script = folder / "fake_editor.py"
        self.script.write_text(EDITOR_SCRIPT)
        self.config = folder / "editor.json"
        self.seen_path = folder / "seen.txt"
        self.monkeypatch = monkeypatch

    def will(
        self,
        *,
        write: str | None = None,
        replace: list[tuple[str, str]] | None = None,
        exit: int = 0,
        var: str = "EDITOR",
    ) -> Editor:
        self.config.write_text(
            json.dumps({"seen": str(self.seen_path), "write": write, "replace": replace or [], "exit": exit})
        )
        command = " ".join(shlex.quote(p) for p in (sys.executable, str(self.script), str(self.config)))
        self.monkeypatch.setenv(var, command)
        return self

    @property
    def seen(self) -> str:
        return self.seen_path.read_text(encoding="utf-8")


@pytest.fixture
def editor(tmp_path, monkeypatch) -> Editor:
    folder = tmp_path / "editor"
    folder.mkdir()
    return Editor(folder, monkeypatch)


def rows(db: Path, table: str) -> list[dict]:
    if not db.exists():
        return []
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    try:
        return [dict(r) for r in conn.execute(f"SELECT * FROM {table} ORDER BY id")]
    finally:
        conn.close()


def one_error_line(result) -> str:
    assert result.exit_code == 1, (result.stdout, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    assert "Traceback" not in result.stderr
    return lines[0]


def recovery_files(db: Path) -> list[Path]:
    folder = db.parent / "recovery"
    return sorted(folder.iterdir()) if folder.exists() else []


# -- log with no text -------------------------------------------------------------------


def test_log_without_text_opens_a_template_with_the_star_fields(cli, editor):
    editor.will(write="")
    cli("log")
    for key in ("title:", "situation:", "task:", "action:", "result:", "impact:", "skills:", "date:"):
        assert key in editor.seen
    assert "# " in editor.seen  # the hints are comments


def test_what_the_editor_writes_is_saved(cli, editor, db_path):
    editor.will(
        write=(
            "title: Led the attendance team\n"
            "date: yesterday\n"
            "situation: Chronic absence at 19%\n"
            "action: Weekly data huddles\n"
            "impact: Chronic absence down to 14%\n"
            "skills: [data use, family engagement]\n"
            "kind: committee\n"
        )
    )
    r = cli("log")
    assert r.exit_code == 0, r.stderr
    assert "Added accomplishment 1." in r.stderr
    win = cli.json("wins", "show", "1")
    assert win["title"] == "Led the attendance team"
    assert win["date"] == (date.today() - timedelta(days=1)).isoformat()
    assert win["situation"] == "Chronic absence at 19%"
    assert win["impact"] == "Chronic absence down to 14%"
    assert win["skills"] == ["data use", "family engagement"]
    assert win["kind"] == "committee"


def test_filling_in_the_template_keeps_its_comments_out(cli, editor):
    editor.will(
        replace=[("title:", 'title: "Mentored two new teachers"'), ("impact:", "impact: both renewed")]
    )
    cli("log", ok=True)
    win = cli.json("wins", "show", "1")
    assert win["title"] == "Mentored two new teachers"
    assert win["impact"] == "both renewed"
    assert win["date"] == date.today().isoformat()
    assert win["situation"] is None


def test_options_given_with_no_text_are_filled_into_the_template(cli, editor):
    editor.will(replace=[("title:", "title: Ran the book study")])
    cli("log", "--skill", "adult learning", "--impact", "9 teachers joined", ok=True)
    assert 'skills: ["adult learning"]' in editor.seen
    win = cli.json("wins", "show", "1")
    assert win["skills"] == ["adult learning"]
    assert win["impact"] == "9 teachers joined"


def test_an_unchanged_template_is_discarded_with_a_message(cli, editor, db_path):
    editor.will()  # saves nothing new
    r = cli("log")
    assert r.exit_code == 0
    assert "discarded" in r.stderr
    assert cli.json("wins", "list") == []
    assert recovery_files(db_path) == []


def test_an_emptied_template_is_discarded(cli, editor):
    editor.will(write="")
    r = cli("log")
    assert r.exit_code == 0 and "discarded" in r.stderr
    assert cli.json("wins", "list") == []


def test_a_template_with_only_comments_and_blank_fields_is_discarded(cli, editor):
    editor.will(write="# nothing here\ntitle:\nimpact:\nskills: []\nprivate: false\n")
    r = cli("log")
    assert r.exit_code == 0 and "discarded" in r.stderr
    assert cli.json("wins", "list") == []


def test_the_editor_failing_keeps_what_was_typed(cli, editor, db_path):
    editor.will(replace=[("title:", "title: Half-written entry about the PLC")], exit=3)
    r = cli("log")
    line = one_error_line(r)
    assert "status 3" in line
    [saved] = recovery_files(db_path)
    assert str(saved) in line
    assert "Half-written entry about the PLC" in saved.read_text(encoding="utf-8")
    assert stat.S_IMODE(saved.stat().st_mode) == 0o600
    assert rows(db_path, "accomplishments") == []


def test_the_editor_failing_on_an_untouched_template_keeps_nothing(cli, editor, db_path):
    editor.will(exit=1)
    line = one_error_line(cli("log"))
    assert "status 1" in line
    assert recovery_files(db_path) == []


@pytest.mark.parametrize(
    "typed, why",
    [
        ("title: Coached the grade 3 team\nkind: heroics\n", "heroics"),
        ("title: Coached the grade 3 team\ndate: 2024-13-45\n", "not a date"),
        ("title: [Coached the grade 3 team\n", "could not be read"),
        ("title: Coached the grade 3 team\nmood: great\n", "unknown field 'mood'"),
        ("impact: everyone happier\n", "title is required"),
        ("title: {nested: map}\n", "accomplishment.title: expected text, not a mapping"),
        ("title: t\nskills: [a, [b, c]]\n", "accomplishment.skills: expected a list of text"),
        ("title: t\nskills: {a: 1}\n", "accomplishment.skills: expected a list of text"),
    ],
)
def test_a_failed_save_keeps_what_was_typed_in_a_recovery_file(cli, editor, db_path, typed, why):
    editor.will(write=typed)
    line = one_error_line(cli("log"))
    assert why in line
    [saved] = recovery_files(db_path)
    assert f"kept in {saved}" in line
    assert saved.read_text(encoding="utf-8") == typed
    assert rows(db_path, "accomplishments") == []


def test_a_bug_while_saving_keeps_its_traceback_and_what_was_typed(cli, editor, db_path, monkeypatch):
    """Only the errors a command expects become one line; a bug surfaces as itself, and the
    boundary still keeps the text typed in the editor."""
    from typer.testing import CliRunner

    from careerkit.cli import build_app
    from careerkit.store import records

    def broken(*args, **kwargs):
        raise ZeroDivisionError("a bug")

    monkeypatch.setattr(records, "insert", broken)
    typed = "title: Coached the grade 3 team\n"
    editor.will(write=typed)
    argv = ["--db", str(db_path), "--init", "log"]
    result = CliRunner().invoke(build_app(argv), argv)
    assert isinstance(result.exception, ZeroDivisionError)
    [saved] = recovery_files(db_path)
    assert saved.read_text(encoding="utf-8") == typed
    assert (
        f"error: something went wrong (a bug in careerkit: the details follow); what you typed is kept in {saved}"
        in result.stderr
    )
    assert rows(db_path, "accomplishments") == []


def test_a_saved_entry_leaves_no_recovery_file(cli, editor, db_path):
    editor.will(write="title: Coached the grade 3 team\n")
    cli("log", ok=True)
    assert recovery_files(db_path) == []


def test_no_editor_set_is_a_clear_error(cli):
    line = one_error_line(cli("log"))
    assert "$EDITOR" in line


def test_an_editor_that_cannot_start_is_a_clear_error(cli, monkeypatch, tmp_path):
    monkeypatch.setenv("EDITOR", str(tmp_path / "no-such-editor"))
    line = one_error_line(cli("log"))
    assert "cannot start the editor" in line


def test_visual_wins_over_editor(cli, editor, monkeypatch):
    monkeypatch.setenv("EDITOR", "/bin/false")
    editor.will(write="title: Chose VISUAL\n", var="VISUAL")
    cli("log", ok=True)
    assert cli.json("wins", "show", "1")["title"] == "Chose VISUAL"


def test_the_temporary_file_is_removed(cli, editor, tmp_path, monkeypatch):
    monkeypatch.setenv("TMPDIR", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", None)
    editor.will(write="title: Short-lived\n")
    cli("log", ok=True)
    assert list((tmp_path / "tmp").iterdir()) == []


@pytest.mark.parametrize(
    "group, typed, table, column, expected",
    [
        (
            "feedback",
            "text: Your data meetings changed how we plan\nrelationship: supervisor\nfrom: Dana Lee\n",
            "feedback",
            "from_name",
            "Dana Lee",
        ),
        ("learn", "title: Leading PLCs institute\nhours: 14\nkind: workshop\n", "learning", "hours", 14.0),
        (
            "roles",
            "title: Instructional Coach\norganization: Oak Elementary\nstart: 2022-08\ncategory: leadership\n",
            "positions",
            "start",
            "2022-08",
        ),
        ("creds", "name: M.Ed.\nkind: degree\nlevel: master\n", "credentials", "level", "master"),
        ("network", "name: Sam Ortiz\nrelationship: sponsor\n", "network", "relationship", "sponsor"),
        ("goals", "title: Chair the SIT\ndue: 2025-06\n", "goals", "due", "2025-06"),
    ],
)
def test_every_group_adds_through_the_editor(cli, editor, db_path, group, typed, table, column, expected):
    editor.will(write=typed)
    r = cli(group, "add")
    assert r.exit_code == 0, r.stderr
    [row] = rows(db_path, table)
    assert row[column] == expected


# -- edit ID with no options ------------------------------------------------------------


def test_edit_with_no_options_opens_the_record(cli, editor):
    cli("log", "Led the PLC", "--skill", "PLC facilitation", "--date", "2024-03-12", ok=True)
    editor.will(
        replace=[
            ('title: "Led the PLC"', 'title: "Led the grade 4 PLC"'),
            ('skills: ["PLC facilitation"]', 'skills: ["PLC facilitation", "data use"]'),
        ]
    )
    r = cli("wins", "edit", "1")
    assert r.exit_code == 0, r.stderr
    assert "Updated accomplishment 1." in r.stderr
    assert 'title: "Led the PLC"' in editor.seen
    assert 'date: "2024-03-12"' in editor.seen
    win = cli.json("wins", "show", "1")
    assert win["title"] == "Led the grade 4 PLC"
    assert win["skills"] == ["PLC facilitation", "data use"]
    assert win["date"] == "2024-03-12"


def test_edit_can_clear_a_field(cli, editor):
    cli("log", "Led the PLC", "--impact", "pass rate up", ok=True)
    editor.will(replace=[('impact: "pass rate up"', "impact:")])
    cli("wins", "edit", "1", ok=True)
    assert cli.json("wins", "show", "1")["impact"] is None


def test_edit_left_unchanged_changes_nothing(cli, editor, db_path):
    cli("log", "Led the PLC", ok=True)
    before = rows(db_path, "accomplishments")
    editor.will()
    r = cli("wins", "edit", "1")
    assert r.exit_code == 0
    assert "No change" in r.stderr
    assert rows(db_path, "accomplishments") == before


def test_edit_that_fails_to_save_keeps_the_text_and_the_record(cli, editor, db_path):
    cli("log", "Led the PLC", ok=True)
    before = rows(db_path, "accomplishments")
    editor.will(replace=[('kind: "other"', 'kind: "legendary"')])
    line = one_error_line(cli("wins", "edit", "1"))
    assert "legendary" in line
    [saved] = recovery_files(db_path)
    assert "legendary" in saved.read_text(encoding="utf-8")
    assert rows(db_path, "accomplishments") == before


def test_edit_of_a_missing_id_does_not_open_the_editor(cli, editor):
    editor.will(write="title: never\n")
    line = one_error_line(cli("wins", "edit", "42"))
    assert "no accomplishment with id 42" in line
    assert not editor.seen_path.exists()


def test_feedback_edit_in_the_editor_uses_the_file_keys(cli, editor):
    cli("feedback", "add", "Great coaching", "--relationship", "colleague", "--from", "Ana", ok=True)
    editor.will(replace=[('from: "Ana"', 'from: "Ana Ruiz"')])
    cli("feedback", "edit", "1", ok=True)
    assert 'from: "Ana"' in editor.seen
    assert cli.json("feedback", "show", "1")["from"] == "Ana Ruiz"


def test_recovery_folder_is_private(cli, editor, db_path):
    editor.will(write="title: x\nkind: nope\n")
    cli("log")
    folder = db_path.parent / "recovery"
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert os.listdir(folder)


@pytest.mark.parametrize(
    "typed, private",
    [
        ("private: true", True),
        ("private: yes", True),
        ('private: "false"', False),
        ("private: false", False),
        ('private: "no"', False),
        ("private:", False),
    ],
)
def test_private_flag_in_the_editor(cli, editor, typed, private):
    editor.will(write=f"title: Flagged\n{typed}\n")
    cli("log", ok=True)
    assert cli.json("wins", "show", "1")["private"] is private


def test_a_flag_that_is_not_true_or_false(cli, editor, db_path):
    editor.will(write="title: Flagged\nprivate: perhaps\n")
    line = one_error_line(cli("log"))
    assert "accomplishment.private: expected true or false, not 'perhaps'" in line
    assert rows(db_path, "accomplishments") == []


def test_a_bad_option_fails_before_the_editor_opens(cli, editor):
    editor.will(write="title: never\n")
    line = one_error_line(cli("log", "--date", "2024-13-01"))
    assert "accomplishment.date: not a date: '2024-13-01'" in line
    assert not editor.seen_path.exists()
