"""`careerkit reflect`: inline like `log`, in $EDITOR on the guided template, --on and
--competency, the prompts (rotating, chosen, extended by the user), list/show/rm, private by
default, searchable, the cadence and its nudge, and `assess show` answering "how do you know?"."""

from __future__ import annotations

from datetime import date

import pytest

from tests.cli.test_editor import Editor, one_error_line, recovery_files

TODAY = date(2025, 3, 14)


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch):
    import careerkit.cli.commands.growth as growth

    monkeypatch.setattr(growth, "today", lambda: TODAY)


@pytest.fixture
def editor(tmp_path, monkeypatch) -> Editor:
    folder = tmp_path / "editor"
    folder.mkdir()
    return Editor(folder, monkeypatch)


def test_inline_reflection_with_every_part_links_and_a_competency(cli):
    cli("log", "Led the grade 4 PLC", ok=True)
    cli("goals", "add", "Lead a PLC cycle", ok=True)
    r = cli(
        "reflect",
        "The PLC stalled when the data came up",
        "--did",
        "Asked each teacher to name one student",
        "--learned",
        "Lead with the student",
        "--differently",
        "Open with stories",
        "--evidence",
        "Three exit tickets changed",
        "--on",
        "win:1",
        "--on",
        "Goal 1",
        "--competency",
        "psel-4",
        "--date",
        "2025-03-10",
        ok=True,
    )
    assert r.stderr.startswith("Added reflection 1 (private).")
    row = cli.json("reflect", "show", "1")
    assert row["text"] == "The PLC stalled when the data came up"
    assert row["did"].startswith("Asked") and row["differently"] == "Open with stories"
    assert row["links"] == ["win:1", "goal:1"] and row["competencies"] == ["psel-4"]
    assert row["private"] is True and row["date"] == "2025-03-10"
    assert [t["title"] for t in row["on"]] == ["Led the grade 4 PLC", "Lead a PLC cycle"]
    shown = cli("reflect", "show", "1", ok=True).stdout
    assert "On win 1: Led the grade 4 PLC" in shown and "What did I learn?\n  Lead with the student" in shown
    # searchable like every other record
    hits = cli.json("search", "stalled")["hits"]
    assert hits[0]["kind"] == "reflection" and hits[0]["id"] == 1
    assert cli.json("search", "stalled", "--kind", "reflections")["hits"][0]["id"] == 1


def test_bad_input_is_one_line_and_nothing_is_written(cli):
    cli("log", "A win", ok=True)
    assert one_error_line(cli("reflect", "x", "--on", "win:9")) == "error: --on win:9: there is no win 9"
    assert "name an entry as win:ID" in one_error_line(cli("reflect", "x", "--on", "posting:1"))
    assert "no standard 'psel-99'" in one_error_line(cli("reflect", "x", "-c", "psel-99"))
    assert "no prompt 'nope'" in one_error_line(cli("reflect", "x", "--prompt", "nope"))
    assert "empty" in one_error_line(cli("reflect", "   "))
    assert cli.json("reflect", "list") == []
    assert one_error_line(cli("reflect", "show", "4")) == "error: no reflection with id 4"


def test_the_editor_shows_the_guided_template_and_keeps_what_was_written(cli, editor):
    cli("log", "Observed grade 2 reading", ok=True)
    editor.will(
        replace=[
            ("## What happened?\n", "## What happened?\nThe transitions fell apart.\n"),
            ("## What did I learn?\n", "## What did I learn?\nShe saw it first.\n\nI should wait.\n"),
            ("competencies: ", "competencies: psel-6"),
        ]
    )
    r = cli("reflect", "--prompt", "after-an-observation", "--on", "win:1", ok=True)
    assert "Added reflection 1" in r.stderr
    seen = editor.seen
    assert seen.startswith("# Reflection: After an observation.")
    for heading in (
        "## What happened?",
        "## What did I do?",
        "## What did I learn?",
        "## What would I do differently?",
        "## How do I know? The evidence",
    ):
        assert heading in seen
    assert "on: win:1" in seen and "# Notes, student work" in seen  # the prompt's hint
    row = cli.json("reflect", "show", "1")
    assert row["text"] == "The transitions fell apart."
    assert row["learned"] == "She saw it first.\n\nI should wait."
    assert row["prompt"] == "after-an-observation" and row["competencies"] == ["psel-6"]
    assert row["links"] == ["win:1"] and row["did"] is None


def test_an_unchanged_template_is_discarded_and_a_bad_one_is_kept_for_recovery(cli, editor, db_path):
    editor.will(replace=[])
    r = cli("reflect", ok=True)
    assert "discarded" in r.stderr and cli.json("reflect", "list") == []
    editor.will(
        replace=[("## What happened?\n", "## What happened?\nA day.\n"), ("private: yes", "private: maybe")]
    )
    line = one_error_line(cli("reflect"))
    assert "private: say yes or no" in line and "what you typed is kept in" in line
    assert "A day." in recovery_files(db_path)[0].read_text()
    editor.will(replace=[("## What did I do?\n", "## What did I do?\nOnly this.\n")])
    assert "say what happened" in one_error_line(cli("reflect"))


def test_prompts_rotate_and_users_can_add_their_own(cli, db_path):
    for n in range(5):
        cli("reflect", f"Week {n}", ok=True)
    ids = [r["prompt"] for r in sorted(cli.json("reflect", "list"), key=lambda r: r["id"])]
    assert ids == ["the-week", "a-decision", "someone-you-helped", "something-that-did-not-work", "the-week"]
    folder = db_path.parent / "frameworks"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "reflection-prompts.yaml").write_text(
        "prompts:\n  - id: after-a-board-meeting\n    lead: What did the board hear?\n"
        "  - id: the-week\n    lead: My own weekly question?\n    rotate: true\n"
    )
    listed = {p["id"]: p for p in cli.json("reflect", "prompts")}
    assert listed["after-a-board-meeting"]["lead"] == "What did the board hear?"
    assert listed["the-week"]["lead"] == "My own weekly question?"
    cli("reflect", "Board night", "--prompt", "after-a-board", ok=True)  # a unique start is enough
    assert cli.json("reflect", "list")[0]["prompt"] == "after-a-board-meeting"
    (folder / "reflection-prompts.yaml").write_text("prompts: nope\n")
    assert "expected a list under 'prompts:'" in one_error_line(cli("reflect", "x"))


def test_list_filters_and_rm(cli):
    cli("log", "Win", ok=True)
    cli("reflect", "One", "-c", "psel-4", "--date", "2025-01-05", ok=True)
    cli("reflect", "Two", "--on", "win:1", "--date", "2025-02-05", "--shareable", ok=True)
    cli("reflect", "Three", "--date", "2025-03-05", ok=True)
    assert [r["text"] for r in cli.json("reflect", "list")] == ["Three", "Two", "One"]
    assert [r["text"] for r in cli.json("reflect", "list", "--since", "2025-02")] == ["Three", "Two"]
    assert [r["text"] for r in cli.json("reflect", "list", "--competency", "psel-4")] == ["One"]
    assert [r["text"] for r in cli.json("reflect", "list", "--on", "win:1")] == ["Two"]
    table = cli("reflect", "list", ok=True).stdout
    assert "private" in table and "win:1" in table
    assert "Deleted reflection 2: Two" in cli("reflect", "rm", "2", "--yes", ok=True).stderr
    assert cli.json("search", "Two")["hits"] == []


def test_private_by_default_and_never_in_a_document_unless_asked(cli, tmp_path):
    cli("log", "Led the PLC", "--date", "2025-02-01", ok=True)
    cli("reflect", "Secret doubts about the PLC", "--date", "2025-02-02", ok=True)
    cli("reflect", "A shareable lesson", "--date", "2025-02-03", "--shareable", ok=True)
    cli("profile", "set", "--name", "Ana Diaz", ok=True)
    cli("resume", "--format", "md", "-o", str(tmp_path / "r.md"), ok=True)
    assert "Secret" not in (tmp_path / "r.md").read_text()
    md = cli("recap", "--since", "2025-01", "--format", "md", ok=True)
    assert "A shareable lesson" in md.stdout and "Secret doubts" not in md.stdout
    assert "Left out as private: 1 reflection" in md.stderr
    asked = cli("recap", "--since", "2025-01", "--format", "md", "--include-private", ok=True).stdout
    assert "Secret doubts" in asked
    for who in ("supervisor", "sponsor"):
        out = cli(
            "recap", "--since", "2025-01", "--format", "md", "--include-private", "--for-audience", who
        ).stdout
        assert "Secret doubts" not in out and "A shareable lesson" not in out and "Led the PLC" in out


def test_cadence_nudge_and_status(cli, db_path):
    import sqlite3

    cli("log", "First win", ok=True)
    with sqlite3.connect(db_path) as conn:  # logged three weeks ago
        conn.execute("UPDATE accomplishments SET created = '2025-02-20T10:00:00Z'")
    r = cli("log", "Second win", ok=True)
    assert "a reflection due (careerkit status)" in r.stderr
    assert "Reflect  every week (none written yet): due now" in cli("status", ok=True).stdout
    r = cli("reflect", "This week", ok=True)
    assert "a reflection due" not in r.stderr
    assert "next 2025-03-21" in cli("status", ok=True).stdout
    cli("config", "set", "reflect-every", "2 weeks", ok=True)
    assert cli("config", "get", "reflect-every", ok=True).stdout.strip() == "2w"
    assert "next 2025-03-28" in cli("status", ok=True).stdout
    cli("config", "set", "reflect-every", "off", ok=True)
    assert "Reflect" not in cli("status", ok=True).stdout
    assert "not a cadence" in one_error_line(cli("config", "set", "reflect-every", "often"))


def test_the_calendar_has_the_next_reflection(cli):
    icalendar = pytest.importorskip("icalendar")
    cli("log", "A win", ok=True)
    cli("reflect", "Looked back", "--date", "2025-03-10", ok=True)
    cal = icalendar.Calendar.from_ical(cli("export", "--format", "ics", ok=True).stdout.encode())
    event = next(e for e in cal.walk("VEVENT") if str(e["UID"]).startswith("reflection-next@"))
    assert event["DTSTART"].dt == date(2025, 3, 17)
    assert "every week" in str(event["DESCRIPTION"])


def test_assess_shows_reflections_as_how_i_know(cli):
    cli("reflect", "Coached a team through data", "--evidence", "Scores up 9 points", "-c", "psel-4", ok=True)
    cli("assess", "set", "psel-4", "2", ok=True)
    out = cli("assess", "show", ok=True).stdout
    assert "how I know: Scores up 9 points (reflection 1, 2025-03-14)" in out
    data = cli.json("assess", "show")
    psel4 = next(s for s in data["standards"] if s["id"] == "psel-4")
    assert psel4["reflections"][0]["evidence"] == "Scores up 9 points"
    walk = cli("assess", "--standard", "psel-4", input="q\n", ok=True).stdout
    assert "how I know: Scores up 9 points" in walk
