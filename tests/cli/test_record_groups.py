"""Each group (wins feedback learn roles creds network goals): add, list, show, edit, rm,
with the options of its kind, through the real command line."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest

# group -> (add arguments, expected fields of the new record, an edit, fields after the edit)
CASES = {
    "wins": (
        [
            "Led the formative-assessment PLC for 14 teachers",
            "--date",
            "2024-03-12",
            "--impact",
            "pass rate up 11 points",
            "--skill",
            "formative assessment",
            "-s",
            "data use",
            "--kind",
            "leadership",
            "--position",
            "Instructional Coach",
            "--details",
            "Weekly.",
            "--situation",
            "Flat scores",
            "--task",
            "Common assessments",
            "--action",
            "Ran cycles",
            "--result",
            "Adopted by all",
            "--evidence",
            "artifacts/agenda.pdf",
            "-e",
            "https://example.org/r",
            "--private",
        ],
        {
            "title": "Led the formative-assessment PLC for 14 teachers",
            "date": "2024-03-12",
            "impact": "pass rate up 11 points",
            "skills": ["formative assessment", "data use"],
            "kind": "leadership",
            "position": "Instructional Coach",
            "details": "Weekly.",
            "situation": "Flat scores",
            "task": "Common assessments",
            "action": "Ran cycles",
            "result": "Adopted by all",
            "evidence": ["artifacts/agenda.pdf", "https://example.org/r"],
            "private": True,
        },
        ["--public", "--impact", "pass rate up 12 points", "--skill", "PLC facilitation"],
        {
            "private": False,
            "impact": "pass rate up 12 points",
            "skills": ["PLC facilitation"],
            "title": "Led the formative-assessment PLC for 14 teachers",
        },
    ),
    "feedback": (
        [
            "Your data meetings changed how we plan",
            "--relationship",
            "supervisor",
            "--from",
            "Dana Lee",
            "--context",
            "End-of-year evaluation",
            "--date",
            "2024-05-01",
            "--private",
        ],
        {
            "text": "Your data meetings changed how we plan",
            "relationship": "supervisor",
            "from": "Dana Lee",
            "context": "End-of-year evaluation",
            "date": "2024-05-01",
            "private": True,
        },
        ["-r", "parent", "--context", "Conference night"],
        {"relationship": "parent", "context": "Conference night", "from": "Dana Lee"},
    ),
    "learn": (
        [
            "Leading PLCs institute",
            "--kind",
            "workshop",
            "--hours",
            "14",
            "--skill",
            "PLC facilitation",
            "--provider",
            "State Academy",
            "--status",
            "in-progress",
            "--takeaways",
            "Norms first.",
            "--date",
            "2024-07",
        ],
        {
            "title": "Leading PLCs institute",
            "kind": "workshop",
            "hours": 14.0,
            "skills": ["PLC facilitation"],
            "provider": "State Academy",
            "status": "in-progress",
            "takeaways": "Norms first.",
            "date": "2024-07",
        },
        ["--status", "done", "--hours", "15.5"],
        {"status": "done", "hours": 15.5},
    ),
    "roles": (
        [
            "Instructional Coach",
            "--org",
            "Oak Elementary",
            "--start",
            "2022-08",
            "--category",
            "leadership",
            "--location",
            "Columbia, MD",
            "--level",
            "elementary",
            "--summary",
            "Coaches K-5.",
        ],
        {
            "title": "Instructional Coach",
            "organization": "Oak Elementary",
            "start": "2022-08",
            "end": None,
            "category": "leadership",
            "location": "Columbia, MD",
            "level": "elementary",
            "summary": "Coaches K-5.",
        },
        ["--end", "2024-06", "--organization", "Oak Elementary School"],
        {"end": "2024-06", "organization": "Oak Elementary School", "start": "2022-08"},
    ),
    "creds": (
        [
            "M.Ed. Curriculum and Instruction",
            "--kind",
            "degree",
            "--level",
            "master",
            "--field",
            "Curriculum and Instruction",
            "--issuer",
            "University of Maryland",
            "--date",
            "2019-05",
            "--status",
            "earned",
        ],
        {
            "name": "M.Ed. Curriculum and Instruction",
            "kind": "degree",
            "level": "master",
            "field": "Curriculum and Instruction",
            "issuer": "University of Maryland",
            "date": "2019-05",
            "status": "earned",
            "expires": None,
        },
        ["--expires", "2030-06-30"],
        {"expires": "2030-06-30", "level": "master"},
    ),
    "network": (
        [
            "Sam Ortiz",
            "--relationship",
            "sponsor",
            "--role",
            "Director of School Leadership",
            "--org",
            "Example County Schools",
            "--last-contact",
            "2024-09-10",
            "--notes",
            "Quarterly.",
        ],
        {
            "name": "Sam Ortiz",
            "relationship": "sponsor",
            "role": "Director of School Leadership",
            "organization": "Example County Schools",
            "last_contact": "2024-09-10",
            "notes": "Quarterly.",
        },
        ["--relationship", "mentor", "--last-contact", "2024-10"],
        {"relationship": "mentor", "last_contact": "2024-10", "notes": "Quarterly."},
    ),
    "goals": (
        [
            "Chair the school improvement team",
            "--kind",
            "stretch-assignment",
            "--due",
            "2025-06",
            "--skill",
            "school improvement",
            "--status",
            "active",
            "--notes",
            "Ask in May.",
        ],
        {
            "title": "Chair the school improvement team",
            "kind": "stretch-assignment",
            "due": "2025-06",
            "skills": ["school improvement"],
            "status": "active",
            "notes": "Ask in May.",
        },
        ["--status", "done"],
        {"status": "done", "due": "2025-06"},
    ),
}
NOUN = {
    "wins": "accomplishment",
    "feedback": "feedback",
    "learn": "learning entry",
    "roles": "position",
    "creds": "credential",
    "network": "person",
    "goals": "goal",
}
TABLE = {
    "wins": "accomplishments",
    "feedback": "feedback",
    "learn": "learning",
    "roles": "positions",
    "creds": "credentials",
    "network": "network",
    "goals": "goals",
}
MAIN = {
    "wins": "title",
    "feedback": "text",
    "learn": "title",
    "roles": "title",
    "creds": "name",
    "network": "name",
    "goals": "title",
}


@pytest.mark.parametrize("group", CASES)
def test_add_show_list(cli, group):
    args, expected, _, _ = CASES[group]
    r = cli(group, "add", *args)
    assert r.exit_code == 0, r.stderr
    assert r.stderr.splitlines()[0] == f"Added {NOUN[group]} 1."
    assert r.stdout == ""
    shown = cli.json(group, "show", "1")
    for key, value in expected.items():
        assert shown[key] == value, key
    assert shown["id"] == 1 and shown["created"] and shown["updated"]
    listed = cli.json(group, "list")
    entries = listed["entries"] if group == "learn" else listed
    assert [e["id"] for e in entries] == [1]


@pytest.mark.parametrize("group", CASES)
def test_list_and_show_for_people(cli, group):
    args, expected, _, _ = CASES[group]
    cli(group, "add", *args, ok=True)
    table = cli(group, "list", ok=True).stdout
    assert expected[MAIN[group]] in table
    assert "1 shown" in table
    shown = cli(group, "show", "1", ok=True).stdout
    assert expected[MAIN[group]] in shown
    for value in expected.values():
        if isinstance(value, str):
            assert value in shown


@pytest.mark.parametrize("group", CASES)
def test_edit_with_options_changes_only_those(cli, group):
    args, _, edit, after = CASES[group]
    cli(group, "add", *args, ok=True)
    before = cli.json(group, "show", "1")
    r = cli(group, "edit", "1", *edit)
    assert r.exit_code == 0, r.stderr
    assert f"Updated {NOUN[group]} 1." in r.stderr
    shown = cli.json(group, "show", "1")
    for key, value in after.items():
        assert shown[key] == value, key
    untouched = {k for k in before if k not in after and k != "updated"}
    edited_keys = {a.lstrip("-").replace("-", "_") for a in edit if a.startswith("--")}
    for key in untouched - edited_keys - {"organization", "private"}:
        assert shown[key] == before[key], key


@pytest.mark.parametrize("group", CASES)
def test_edit_main_text(cli, group):
    args, expected, _, _ = CASES[group]
    cli(group, "add", *args, ok=True)
    cli(group, "edit", "1", "--text", "A new main text", ok=True)
    assert cli.json(group, "show", "1")[MAIN[group]] == "A new main text"


@pytest.mark.parametrize("group", CASES)
def test_rm(cli, group, db_path):
    args, expected, _, _ = CASES[group]
    cli(group, "add", *args, ok=True)
    cli(group, "add", *args, ok=True)
    r = cli(group, "rm", "1", "--yes")
    assert r.exit_code == 0, r.stderr
    assert f"Deleted {NOUN[group]} 1" in r.stderr
    listed = cli.json(group, "list")
    entries = listed["entries"] if group == "learn" else listed
    assert [e["id"] for e in entries] == [2]
    conn = sqlite3.connect(db_path)
    try:
        indexed = conn.execute(
            "SELECT record_id FROM search_index WHERE kind = ?",
            (entries[0].get("kind") and None or _kind(group),),
        ).fetchall()
    finally:
        conn.close()
    assert [r[0] for r in indexed] == [2]


def _kind(group: str) -> str:
    return {
        "wins": "accomplishment",
        "feedback": "feedback",
        "learn": "learning",
        "roles": "position",
        "creds": "credential",
        "network": "contact",
        "goals": "goal",
    }[group]


@pytest.mark.parametrize("group", CASES)
def test_show_edit_rm_of_a_missing_id(cli, group):
    for verb, extra in (("show", []), ("edit", ["--text", "x"]), ("rm", ["--yes"])):
        r = cli(group, verb, "7", *extra)
        assert r.exit_code == 1
        assert r.stderr.strip().splitlines() == [f"error: no {_kind(group)} with id 7"]


def test_log_is_wins_add(cli):
    r = cli("log", "Led the PLC", "--skill", "PLC", "--impact", "up 11 points", "--kind", "leadership")
    assert r.exit_code == 0 and r.stderr.strip() == "Added accomplishment 1."
    win = cli.json("wins", "show", "1")
    assert (win["title"], win["skills"], win["impact"], win["kind"]) == (
        "Led the PLC",
        ["PLC"],
        "up 11 points",
        "leadership",
    )
    assert win["date"] == date.today().isoformat()


def test_defaults_of_each_kind(cli):
    cli("log", "Plain win", ok=True)
    cli("learn", "add", "A book", ok=True)
    cli("creds", "add", "A licence", "--kind", "license", ok=True)
    cli("goals", "add", "A goal", ok=True)
    win = cli.json("wins", "show", "1")
    assert (win["kind"], win["private"], win["skills"], win["evidence"]) == ("other", False, [], [])
    assert cli.json("learn", "show", "1")["status"] == "done"
    assert cli.json("learn", "show", "1")["date"] == date.today().isoformat()
    assert cli.json("creds", "show", "1")["status"] == "earned"
    assert cli.json("goals", "show", "1")["status"] == "planned"


@pytest.mark.parametrize(
    "args, message",
    [
        (["feedback", "add", "Nice work"], "feedback: relationship is required"),
        (["roles", "add", "Coach", "--org", "Oak"], "position: start is required"),
        (
            ["roles", "add", "Coach", "--start", "2022", "--category", "leadership"],
            "position: organization is required",
        ),
        (["creds", "add", "M.Ed."], "credential: kind is required"),
        (["network", "add", "Sam"], "contact: relationship is required"),
    ],
)
def test_missing_required_fields(cli, args, message):
    r = cli(*args)
    assert r.exit_code == 1
    assert r.stderr.strip() == f"error: {message}"


@pytest.mark.parametrize(
    "args, words",
    [
        (["learn", "add", "x", "--hours", "lots"], ["learning.hours", "not a number"]),
        (["learn", "add", "x", "--hours", "-2"], ["learning.hours", "positive"]),
        (["learn", "add", "x", "--hours", "nan"], ["learning.hours"]),
        (
            ["network", "add", "x", "-r", "mentor", "--last-contact", "a while ago"],
            ["contact.last_contact", "not a date"],
        ),
        (["log", ""], ["title is empty"]),
        (["log", "   "], ["title is empty"]),
    ],
)
def test_bad_values_are_refused_and_nothing_is_written(cli, args, words):
    r = cli(*args)
    assert r.exit_code == 1, r.stderr
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ")
    for word in words:
        assert word in lines[0]
    group = {"log": "wins"}.get(args[0], args[0])
    listed = cli.json(group, "list")
    assert (listed["entries"] if group == "learn" else listed) == []


@pytest.mark.parametrize(
    "args, words",
    [
        (["log", "x", "--kind", "heroics"], ["'--kind'", "'heroics'", "'leadership'"]),
        (["feedback", "add", "x", "-r", "boss"], ["'--relationship'", "'boss'", "'supervisor'"]),
        (["creds", "add", "x", "--kind", "degree", "--level", "grand"], ["'--level'", "'grand'", "'master'"]),
        (["goals", "add", "x", "--status", "someday"], ["'--status'", "'someday'", "'dropped'"]),
        (["roles", "add", "x", "--org", "o", "--start", "2022", "--category", "wizard"], ["'--category'"]),
    ],
)
def test_a_value_outside_its_list_is_a_usage_error_and_nothing_is_written(cli, args, words):
    r = cli(*args)
    assert r.exit_code == 2, r.stderr
    [line] = r.stderr.strip().splitlines()
    assert line.startswith("error: invalid value for ")
    for word in words:
        assert word in line
    group = {"log": "wins"}.get(args[0], args[0])
    assert cli.json(group, "list") == []


def test_choices_are_offered_by_shell_completion(monkeypatch):
    """--kind and the like are click choices made from models/kinds: completion lists them."""
    import typer.main

    from careerkit.cli import build_app
    from careerkit.models.kinds import ACCOMPLISHMENT_KINDS, FEEDBACK_RELATIONSHIPS

    monkeypatch.setenv("_CAREERKIT_COMPLETE", "complete_bash")
    root = typer.main.get_command(build_app([]))
    for group, verb, option, values in (
        ("wins", "add", "--kind", ACCOMPLISHMENT_KINDS),
        ("wins", "list", "--kind", ACCOMPLISHMENT_KINDS),
        ("feedback", "add", "--relationship", FEEDBACK_RELATIONSHIPS),
    ):
        command = root.get_command(None, group).get_command(None, verb)
        [param] = [p for p in command.params if option in p.opts]
        offered = [item.value for item in param.type.shell_complete(None, param, "")]
        assert offered == list(values), (group, verb, option)


def test_choices_are_case_insensitive(cli):
    cli("feedback", "add", "x", "-r", "Supervisor", ok=True)
    assert cli.json("feedback", "show", "1")["relationship"] == "supervisor"


def test_edit_with_a_bad_value_changes_nothing(cli):
    cli("log", "Led the PLC", "--kind", "leadership", ok=True)
    before = cli.json("wins", "show", "1")
    r = cli("wins", "edit", "1", "--kind", "nope", "--impact", "changed")
    assert r.exit_code == 2
    assert cli.json("wins", "show", "1") == before


def test_edit_cannot_empty_a_required_field(cli):
    cli("log", "Led the PLC", ok=True)
    r = cli("wins", "edit", "1", "--text", " ")
    assert r.exit_code == 1
    assert "title cannot be empty" in r.stderr
    assert cli.json("wins", "show", "1")["title"] == "Led the PLC"


def test_skills_are_trimmed_and_blank_ones_dropped(cli):
    cli("log", "x", "-s", "  data use ", "-s", " ", ok=True)
    assert cli.json("wins", "show", "1")["skills"] == ["data use"]


def test_edit_updates_the_timestamp_and_search(cli):
    cli("log", "Led the PLC", ok=True)
    cli("wins", "edit", "1", "--text", "Chaired the literacy committee", ok=True)
    assert cli.json("search", "literacy")["hits"][0]["id"] == 1
    assert cli.json("search", "PLC")["hits"] == []


def test_rm_asks_on_a_terminal(cli, monkeypatch):
    """Without --yes on a terminal, rm asks; answering no keeps the record."""
    from types import SimpleNamespace

    from careerkit.cli.commands import records

    cli("log", "Keep me", ok=True)
    terminal = SimpleNamespace(stdin=SimpleNamespace(isatty=lambda: True))
    monkeypatch.setattr(records, "sys", terminal)
    r = cli("wins", "rm", "1", input="n\n")
    assert r.exit_code == 1
    assert "Delete accomplishment 1 (Keep me)?" in r.stdout + r.stderr
    assert [w["id"] for w in cli.json("wins", "list")] == [1]
    r = cli("wins", "rm", "1", input="y\n")
    assert r.exit_code == 0
    assert cli.json("wins", "list") == []


def test_every_group_has_help_for_every_verb(cli):
    for group in CASES:
        for verb in ("add", "list", "show", "edit", "rm"):
            r = cli(group, verb, "--help")
            assert r.exit_code == 0
            assert "Usage:" in r.stdout


def test_bad_id_is_a_usage_error(cli):
    r = cli("wins", "show", "abc")
    assert r.exit_code == 2
    assert "not a valid integer" in r.stderr


def test_unknown_command_and_option_are_usage_errors(cli):
    assert cli("wins", "frobnicate").exit_code == 2
    r = cli("log", "x", "--colour", "red")
    assert r.exit_code == 2
    assert r.stderr.startswith("error: no such option: --colour")


def test_an_empty_option_clears_a_field(cli):
    cli(
        "roles",
        "add",
        "Coach",
        "--org",
        "Oak",
        "--start",
        "2022-08",
        "--end",
        "2024-06",
        "-c",
        "leadership",
        "--summary",
        "K-5",
        ok=True,
    )
    cli("roles", "edit", "1", "--end", "", "--summary", "", ok=True)
    role = cli.json("roles", "show", "1")
    assert (role["end"], role["summary"], role["start"]) == (None, None, "2022-08")
    cli("log", "x", "-s", "a", "-s", "b", ok=True)
    cli("wins", "edit", "1", "--skill", "", ok=True)
    assert cli.json("wins", "show", "1")["skills"] == []


def test_an_empty_option_cannot_clear_a_required_field(cli):
    cli("roles", "add", "Coach", "--org", "Oak", "--start", "2022-08", "-c", "leadership", ok=True)
    r = cli("roles", "edit", "1", "--start", "")
    assert r.exit_code == 1
    assert r.stderr.strip() == "error: position: start cannot be empty"
