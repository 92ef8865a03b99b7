"""`careerkit import` and `careerkit export`: the career file in YAML and JSON; all or nothing,
precise messages, adding to a record, --replace after a backup, private output files."""

from __future__ import annotations

import json
import sqlite3
import stat
from pathlib import Path

import pytest
import yaml

from careerkit.store.io import load_yaml

RICH_COUNTS = {
    "positions": 3,
    "credentials": 5,
    "accomplishments": 5,
    "feedback": 3,
    "learning": 2,
    "network": 2,
    "goals": 2,
}


def snapshot(db: Path) -> str:
    """Everything in the database as SQL text: equal snapshots, unchanged database."""
    if not db.exists():
        return ""
    conn = sqlite3.connect(db)
    try:
        return "\n".join(conn.iterdump())
    finally:
        conn.close()


def counts(db: Path) -> dict[str, int]:
    conn = sqlite3.connect(db)
    try:
        return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in RICH_COUNTS}
    finally:
        conn.close()


def error_lines(result) -> list[str]:
    assert result.exit_code == 1, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    lines = result.stderr.rstrip("\n").splitlines()
    assert lines[0].startswith("error: ")
    return lines


def write(tmp_path: Path, name: str, text: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


# -- import ------------------------------------------------------------------------------


def test_import_yaml(cli, sample_file, db_path):
    r = cli("import", str(sample_file))
    assert r.exit_code == 0, r.stderr
    assert r.stderr.strip() == (
        "Imported 22 entries (3 positions, 5 credentials, 5 accomplishments, "
        "3 feedback, 2 learning, 2 network, 2 goals) and the profile."
    )
    assert r.stdout == ""
    assert counts(db_path) == RICH_COUNTS
    assert cli.json("profile", "show")["name"] == "Alex Morgan"


def test_import_json(cli, tmp_path, sample_file, db_path):
    data = load_yaml(sample_file.read_text(encoding="utf-8"))
    path = write(tmp_path, "career.json", json.dumps(data))
    cli("import", str(path), ok=True)
    assert counts(db_path) == RICH_COUNTS


def test_import_from_standard_input(cli, sample_file, db_path):
    cli("import", "-", input=sample_file.read_text(encoding="utf-8"), ok=True)
    assert counts(db_path) == RICH_COUNTS
    cli("import", "-", input='{"careerkit": 1, "goals": [{"title": "From JSON on stdin"}]}', ok=True)
    assert cli.json("goals", "list")[-1]["title"] == "From JSON on stdin"


def test_import_with_a_byte_order_mark(cli, tmp_path):
    path = write(tmp_path, "bom.yaml", "\ufeffcareerkit: 1\ngoals: [{title: BOM}]\n".encode("utf-8"))
    cli("import", str(path), ok=True)
    assert cli.json("goals", "list")[0]["title"] == "BOM"


def test_format_option_overrides_the_name(cli, tmp_path):
    path = write(tmp_path, "career.txt", '{"careerkit": 1, "goals": [{"title": "g"}]}')
    r = cli("import", str(path))
    assert error_lines(r) == [
        "error: cannot tell the format of "
        f"{str(path)!r} from its name: use .yaml, .yml or .json, or say --format yaml|json"
    ]
    cli("import", str(path), "--format", "json", ok=True)
    assert len(cli.json("goals", "list")) == 1


def test_import_adds_to_existing_records(cli, sample_file, db_path):
    cli("log", "Already here", ok=True)
    cli("import", str(sample_file), ok=True)
    once = len(cli.json("search", "calibration")["hits"])
    cli("import", str(sample_file), ok=True)
    got = counts(db_path)
    assert got["accomplishments"] == 11
    assert got["positions"] == 6
    assert cli.json("wins", "show", "1")["title"] == "Already here"
    assert once > 0 and len(cli.json("search", "calibration")["hits"]) == 2 * once


def test_import_replace_takes_a_backup_first(cli, sample_file, db_path):
    cli("log", "Only in the old record", ok=True)
    r = cli("import", str(sample_file), "--replace")
    assert r.exit_code == 0, r.stderr
    [backup] = list((db_path.parent / "backups").iterdir())
    assert f"The record before the import is saved in {backup}" in r.stderr
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600
    conn = sqlite3.connect(backup)
    assert conn.execute("SELECT title FROM accomplishments").fetchall() == [("Only in the old record",)]
    conn.close()
    assert counts(db_path) == RICH_COUNTS
    assert cli.json("search", "old", "record")["hits"] == []
    titles = [w["title"] for w in cli.json("wins", "list")]
    assert "Only in the old record" not in titles


def test_replace_with_a_bad_file_changes_nothing_and_takes_no_backup(cli, tmp_path, db_path):
    cli("log", "Keep me", ok=True)
    before = snapshot(db_path)
    path = write(tmp_path, "bad.yaml", "careerkit: 1\ngoals: [{title: ok}, {notes: no title}]\n")
    error_lines(cli("import", str(path), "--replace"))
    assert snapshot(db_path) == before
    assert not (db_path.parent / "backups").exists()


def test_import_is_all_or_nothing(cli, tmp_path, sample_file, db_path):
    cli("log", "Before", ok=True)
    before = snapshot(db_path)
    data = load_yaml(sample_file.read_text(encoding="utf-8"))
    data["goals"].append({"title": "Bad goal", "due": "2025-13"})
    path = write(tmp_path, "almost.json", json.dumps(data))
    lines = error_lines(cli("import", str(path)))
    assert lines == ["error: almost.json: goals[2].due: not a date: '2025-13' (nothing imported)"]
    assert snapshot(db_path) == before


def test_a_failure_while_writing_rolls_back(cli, sample_file, db_path, monkeypatch):
    """Checked files can still fail as they are written (here: a later section); nothing stays."""
    cli("log", "Before", ok=True)
    before = snapshot(db_path)
    from careerkit.errors import InvalidInput
    from careerkit.store import io

    real = io._Importer.insert

    def failing(self, section, row, keep_id):
        if section.table == "network":
            raise InvalidInput("the disk went away")
        return real(self, section, row, keep_id)

    monkeypatch.setattr(io._Importer, "insert", failing)
    assert error_lines(cli("import", str(sample_file))) == ["error: the disk went away"]
    assert snapshot(db_path) == before


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "careerkit: 1\naccomplishments:\n  - {date: 2024-01-01, title: a}\n  - {date: 2024-01-02, title: b}\n"
            "  - {date: 2024-01-03, title: c}\n  - {date: 2024-13-01, title: d}\n",
            "accomplishments[3].date: not a date: '2024-13-01'",
        ),
        (
            "careerkit: 1\naccomplishments:\n  - date: 2024-01-01\n    title: t\n    skills: [a, {deep: [1, 2]}]\n",
            "accomplishments[0].skills[1]: expected text, got a mapping",
        ),
        (
            "careerkit: 1\nnetwork:\n  - {name: Sam, relationship: sponsor, email: s@example.org}\n",
            "network[0].email: unknown key",
        ),
        (
            "careerkit: 1\nprofile: {name: J, links: [{label: x, url: y, title: z}]}\n",
            "profile.links[0].title: unknown key",
        ),
        (
            "careerkit: 1\nprofile: {name: J, links: [{label: x}]}\n",
            "profile.links[0].url: required key missing",
        ),
        (
            "careerkit: 1\nlearning:\n  - {date: 2024, title: t, hours: lots}\n",
            "learning[0].hours: not a number, got 'lots'",
        ),
        (
            "careerkit: 1\nlearning:\n  - {date: 2024, title: t, hours: -1}\n",
            "learning[0].hours: must be 0 or more, got -1",
        ),
        (
            "careerkit: 1\nfeedback:\n  - {date: 2024, text: t, relationship: boss}\n",
            "feedback[0].relationship: 'boss' is not one of: supervisor, colleague, direct-report, parent, "
            "student, mentor, other",
        ),
        (
            "careerkit: 1\nfeedback:\n  - {date: 2024, text: t}\n",
            "feedback[0].relationship: required key missing",
        ),
        (
            "careerkit: 1\naccomplishments:\n  - {date: 2024, title: t, private: maybe}\n",
            "accomplishments[0].private: expected true or false, got 'maybe'",
        ),
        ("careerkit: 1\npositions: {title: x}\n", "positions: expected a list, got a mapping"),
        (
            "careerkit: 1\ngoals:\n  - just a title\n",
            "goals[0]: expected a mapping of keys, got 'just a title'",
        ),
        ("careerkit: 1\ngoals:\n  - title: '   '\n", "goals[0].title: must not be empty"),
        (
            "careerkit: 1\ncredentials:\n  - {kind: degree, name: BA, expires: someday}\n",
            "credentials[0].expires: not a date: 'someday'",
        ),
        (
            "careerkit: 1\npositions:\n  - {title: T, organization: O, start: 2020-02-30, category: teaching}\n",
            "positions[0].start: not a date: '2020-02-30'",
        ),
        ("careerkit: 1\nhobbies: [chess]\n", "hobbies: unknown key"),
        ("careerkit: 1\nprofile: {name: J}\ncareerkit: 1\n", "careerkit: appears twice"),
    ],
)
def test_precise_messages(cli, tmp_path, db_path, text, expected):
    cli("log", "Before", ok=True)
    before = snapshot(db_path)
    path = write(tmp_path, "career.yaml", text)
    lines = error_lines(cli("import", str(path)))
    assert lines == [f"error: career.yaml: {expected} (nothing imported)"]
    assert snapshot(db_path) == before


def test_every_problem_is_listed(cli, tmp_path, db_path):
    text = (
        "careerkit: 1\n"
        "accomplishments:\n"
        "  - {date: 2024-13-01, title: a, bogus: 1}\n"
        "learning:\n"
        "  - {date: 2024, title: t, hours: lots}\n"
    )
    path = write(tmp_path, "many.yaml", text)
    lines = error_lines(cli("import", str(path)))
    assert lines == [
        "error: many.yaml: 3 problems, nothing imported",
        "  accomplishments[0].date: not a date: '2024-13-01'",
        "  accomplishments[0].bogus: unknown key",
        "  learning[0].hours: not a number, got 'lots'",
    ]
    assert not db_path.exists() or counts(db_path)["accomplishments"] == 0


@pytest.mark.parametrize(
    "name, data, expected",
    [
        (
            "career.yaml",
            "careerkit: 1\ngoals: [{title: x}\n",
            "career.yaml: not valid YAML at line 3, column 1",
        ),
        (
            "career.json",
            '{"careerkit": 1, "goals": [}',
            "career.json: not valid JSON: Expecting value at line 1, column 28",
        ),
        ("career.yaml", "- careerkit: 1\n", "career.yaml: expected a mapping with 'careerkit: 2' at the top"),
        ("career.yaml", "", "career.yaml: expected a mapping with 'careerkit: 2' at the top"),
        ("career.yaml", "goals: []\n", "career.yaml: missing 'careerkit: 2' (the format version) at the top"),
        ("career.yaml", "careerkit: 1\nfoo: &a [*a]\n", "career.yaml: "),
    ],
)
def test_unreadable_career_files(cli, tmp_path, name, data, expected):
    path = write(tmp_path, name, data)
    lines = error_lines(cli("import", str(path)))
    assert len(lines) == 1
    assert lines[0].startswith(f"error: {expected}")


def test_a_missing_file(cli, tmp_path):
    assert error_lines(cli("import", str(tmp_path / "nope.yaml"))) == [
        f"error: no such file: {tmp_path / 'nope.yaml'}"
    ]


def test_a_folder_is_not_a_file(cli, tmp_path):
    folder = tmp_path / "folder.yaml"
    folder.mkdir()
    assert error_lines(cli("import", str(folder))) == [f"error: {folder} is a folder, not a file"]


def test_an_unreadable_file(cli, tmp_path, monkeypatch):
    path = write(tmp_path, "secret.yaml", "careerkit: 1\n")
    real_read, real_open = Path.read_bytes, Path.open

    def denied(self, *args, **kwargs):
        if self.name == "secret.yaml":
            raise PermissionError(13, "Permission denied", str(self))
        return (real_read if not args and not kwargs else real_open)(self, *args, **kwargs)

    monkeypatch.setattr(Path, "read_bytes", denied)
    monkeypatch.setattr(Path, "open", denied)
    assert error_lines(cli("import", str(path))) == [f"error: cannot read {path}: Permission denied"]


def test_a_non_utf8_file(cli, tmp_path, db_path):
    path = write(tmp_path, "latin1.yaml", "careerkit: 1\ngoals: [{title: Élève}]\n".encode("latin-1"))
    lines = error_lines(cli("import", str(path)))
    assert len(lines) == 1
    assert lines[0].startswith(f"error: {path} is not UTF-8 text (byte ")
    assert lines[0].endswith("save it as UTF-8 and try again")
    assert not db_path.exists() or counts(db_path)["goals"] == 0


def test_a_binary_file(cli, tmp_path):
    path = write(tmp_path, "photo.yaml", b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    assert error_lines(cli("import", str(path))) == [f"error: {path} is a binary file, not text"]


def test_non_utf8_standard_input(cli):
    r = cli("import", "-", input="careerkit: 1\ngoals: [{title: é}]\n".encode("latin-1"))
    assert error_lines(r) == ["error: standard input is not UTF-8 text"]


def test_unknown_format(cli, sample_file):
    r = cli("import", str(sample_file), "--format", "toml")
    assert r.exit_code == 2
    assert r.stderr.startswith("error: invalid value for '--format' / '-f': 'toml' is not one of 'yaml'")


def test_a_10_mb_text_field_is_refused(cli, tmp_path, db_path):
    cli("log", "Before", ok=True)
    before = snapshot(db_path)
    data = {
        "careerkit": 1,
        "accomplishments": [{"date": "2024-01-01", "title": "t", "details": "x" * 10_000_000}],
    }
    path = write(tmp_path, "huge.json", json.dumps(data))
    assert error_lines(cli("import", str(path))) == [
        "error: huge.json: accomplishments[0].details: text is too long (10,000,000 characters; "
        "at most 1,000,000) (nothing imported)"
    ]
    assert snapshot(db_path) == before


def test_a_nul_character_is_refused(cli, tmp_path):
    path = write(tmp_path, "nul.json", json.dumps({"careerkit": 1, "goals": [{"title": "a\u0000b"}]}))
    assert error_lines(cli("import", str(path))) == [
        "error: nul.json: goals[0].title: text holds a NUL character (nothing imported)"
    ]


def test_numbers_typed_as_text_are_kept_as_text(cli, tmp_path):
    path = write(
        tmp_path,
        "n.yaml",
        "careerkit: 1\nlearning:\n  - {date: 2024, title: 1984, hours: 3}\n"
        "profile: {name: J, phone: 5550100}\n",
    )
    cli("import", str(path), ok=True)
    assert cli.json("learn", "show", "1")["title"] == "1984"
    assert cli.json("profile", "show")["phone"] == "5550100"


def test_yaml_dates_of_every_precision(cli, tmp_path):
    path = write(
        tmp_path,
        "d.yaml",
        "careerkit: 1\naccomplishments:\n"
        "  - {date: 2024-03-12, title: a}\n  - {date: 2024-03, title: b}\n"
        "  - {date: 2024, title: c}\n  - {date: '2023-01-05', title: d}\n",
    )
    cli("import", str(path), ok=True)
    dates = {w["title"]: w["date"] for w in cli.json("wins", "list")}
    assert dates == {"a": "2024-03-12", "b": "2024-03", "c": "2024", "d": "2023-01-05"}


def test_empty_and_null_sections_are_fine(cli, tmp_path):
    path = write(tmp_path, "e.yaml", "careerkit: 1\npositions:\ngoals: []\n")
    r = cli("import", str(path), ok=True)
    assert r.stderr.strip() == "Imported 0 entries."


# -- export ------------------------------------------------------------------------------


def test_export_to_standard_output_is_yaml(loaded):
    r = loaded("export", ok=True)
    data = load_yaml(r.stdout)
    assert data["careerkit"] == 2
    assert [p["title"] for p in data["positions"]][0] == "Grade 7 English Teacher"
    assert r.stderr == ""


def test_export_json(loaded):
    data = json.loads(loaded("export", "--format", "json", ok=True).stdout)
    assert len(data["accomplishments"]) == 5


def test_export_keeps_ids_and_timestamps(loaded):
    """Format 2: every entry carries its id (links name them) and when it was written."""
    data = load_yaml(loaded("export", ok=True).stdout)
    for section in RICH_COUNTS:
        ids = [entry["id"] for entry in data[section]]
        assert ids == sorted(ids) and len(set(ids)) == len(ids)
        for entry in data[section]:
            assert {"id", "created", "updated"} <= set(entry)


@pytest.mark.parametrize(
    "name, fmt, parse",
    [
        ("career.yaml", None, load_yaml),
        ("career.yml", None, load_yaml),
        ("career.json", None, json.loads),
        ("career.txt", "json", json.loads),
        ("career.data", None, load_yaml),
    ],
)
def test_export_to_a_file_is_private(loaded, tmp_path, name, fmt, parse):
    out = tmp_path / name
    args = ["export", "-o", str(out)] + (["--format", fmt] if fmt else [])
    r = loaded(*args, ok=True)
    assert r.stdout == ""
    assert r.stderr.strip() == f"Wrote {out}"
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert parse(out.read_text(encoding="utf-8"))["profile"]["name"] == "Alex Morgan"


def test_export_over_a_readable_file_makes_it_private(loaded, tmp_path):
    (tmp_path / "out").mkdir()
    out = tmp_path / "out" / "career.yaml"
    out.write_text("old")
    out.chmod(0o644)
    assert loaded("export", "-o", str(out)).exit_code == 1  # exists: not without --force
    loaded("export", "-o", str(out), "--force", ok=True)
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert out.read_text(encoding="utf-8").startswith("careerkit: 2")
    assert [p.name for p in out.parent.iterdir()] == ["career.yaml"]  # no temporary file left


def test_export_into_a_missing_folder(loaded, tmp_path):
    assert error_lines(loaded("export", "-o", str(tmp_path / "no" / "career.yaml"))) == [
        f"error: no such folder: {tmp_path / 'no'}"
    ]


def test_export_unknown_format(loaded):
    r = loaded("export", "--format", "toml")
    assert r.exit_code == 2
    assert r.stderr.startswith(
        "error: invalid value for '--format' / '-f': 'toml' is not one of 'yaml', 'json'"
    )


def test_export_without_private_entries(loaded):
    data = load_yaml(loaded("export", "--no-private", ok=True).stdout)
    assert len(data["accomplishments"]) == 4
    assert len(data["feedback"]) == 2
    assert not any(e.get("private") for e in data["accomplishments"] + data["feedback"])
    full = load_yaml(loaded("export", ok=True).stdout)
    assert len(full["accomplishments"]) == 5


def test_export_of_an_empty_record(cli):
    assert load_yaml(cli("export", ok=True).stdout) == {"careerkit": 2}


def test_export_keeps_multiline_text_readable(cli):
    cli("log", "t", "--details", "line one\nline two", ok=True)
    out = cli("export", ok=True).stdout
    assert "details: |-\n    line one\n    line two" in out
    assert yaml.safe_load(out)["accomplishments"][0]["details"] == "line one\nline two"


def test_two_replacing_imports_keep_both_backups(cli, sample_file, db_path):
    cli("log", "The very first record", ok=True)
    cli("import", str(sample_file), "--replace", ok=True)
    cli("import", str(sample_file), "--replace", ok=True)
    backups = sorted((db_path.parent / "backups").iterdir())
    assert len(backups) == 2
    firsts = []
    for b in backups:
        conn = sqlite3.connect(b)
        firsts.append(
            conn.execute(
                "SELECT count(*) FROM accomplishments WHERE title = 'The very first record'"
            ).fetchone()[0]
        )
        conn.close()
    assert sorted(firsts) == [0, 1]


def test_export_dash_is_standard_output(loaded, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    r = loaded("export", "-o", "-", "--format", "json", ok=True)
    assert json.loads(r.stdout)["careerkit"] == 2
    assert not (tmp_path / "-").exists()


def test_import_makes_a_new_record_at_a_named_path_in_a_folder_that_exists(tmp_path, sample_file):
    """How a scorer or a new computer starts: CAREERKIT_DB names a file not made yet."""
    import os
    import subprocess
    import sys

    env = {**os.environ, "CAREERKIT_DB": str(tmp_path / "new.db")}
    r = subprocess.run(
        [sys.executable, "-m", "careerkit", "import", str(sample_file)],
        env=env,
        capture_output=True,
        text=True,
    )
    assert r.returncode == 0, r.stderr
    assert f"A new record: {tmp_path / 'new.db'}" in r.stderr
    # A read, or a folder that does not exist, still needs --init.
    env["CAREERKIT_DB"] = str(tmp_path / "typo.db")
    r = subprocess.run(
        [sys.executable, "-m", "careerkit", "wins", "list"], env=env, capture_output=True, text=True
    )
    assert r.returncode == 1 and "--init" in r.stderr
    env["CAREERKIT_DB"] = str(tmp_path / "no" / "such" / "x.db")
    r = subprocess.run(
        [sys.executable, "-m", "careerkit", "import", str(sample_file)],
        env=env,
        capture_output=True,
        text=True,
    )
    assert r.returncode == 1 and "--init" in r.stderr
    assert not (tmp_path / "no").exists()
