"""A done goal closes the gap it was made for when the posting is analysed again: through the
CLI, on postings written for these tests (an instructional coach and an assistant principal)."""

from __future__ import annotations

import json

import pytest

COACH = """Instructional Coach, Riverbend Unified School District

Qualifications
- Bachelor's degree in education required.
- At least three years of classroom teaching experience required.
- Experience facilitating professional learning communities (PLCs) for teachers required.
- Knowledge of restorative practices preferred.
"""

# The same asks in other words, in another district's posting.
PRINCIPAL = """Assistant Principal, Hillcrest Middle School

Requirements
- Master's degree in educational leadership required.
- Proven ability to lead professional learning communities at the grade level.
- Experience with restorative practices and student discipline.
- Skill in building the master schedule preferred.
"""

PLC = "Experience facilitating professional learning communities (PLCs) for teachers required."
RESTORATIVE = "Knowledge of restorative practices preferred."


@pytest.fixture
def coach(cli, tmp_path):
    """A small record (one unrelated win), the coach posting analysed as report 1, and the
    ways `gap common` shows."""
    posting = tmp_path / "coach.txt"
    posting.write_text(COACH, encoding="utf-8")
    cli("log", "Taught grade 5 science lessons on ecosystems", ok=True)
    report = cli.json("gap", "analyze", str(posting))
    assert report["id"] == 1
    cli.ways = {w["title"]: w["number"] for g in cli.json("gap", "common")["top_gaps"] for w in g["ways"]}
    return cli


def requirement(report: dict, text: str) -> dict:
    return next(r for r in report["requirements"] if r["text"] == text)


def goal_from(cli, title: str) -> int:
    r = cli("goals", "add", "--from-gap", str(cli.ways[title]), ok=True)
    return int(r.stderr.split("Added goal ")[1].rstrip(".\n"))


def win(cli, text: str) -> int:
    cli("log", text, ok=True)
    return cli.json("wins", "list")[0]["id"]


def test_a_done_goal_with_a_linked_win_closes_its_gap_on_rerun(coach):
    before = requirement(coach.json("gap", "show", "1"), PLC)
    assert before["verdict"] == "gap"
    goal = goal_from(coach, "Lead a PLC for a full year")
    # The win's words do not match the requirement's: the link is what counts.
    won = win(coach, "Ran the weekly grade 5 team meeting with norms and a data cycle")
    coach("goals", "link", str(goal), str(won), ok=True)
    coach("goals", "edit", str(goal), "--status", "done", ok=True)
    r = coach("gap", "rerun", "1", ok=True)
    assert "Gaps closed (1)" in r.stdout
    assert "gap → met" in r.stdout and PLC in r.stdout
    why = f"goal #{goal} done: Lead a PLC for a full year, evidenced by win #{won}"
    assert why in r.stdout

    after = requirement(coach.json("gap", "show", "1"), PLC)
    assert after["verdict"] == "met" and after["why"] == why
    assert after["evidence"] == [
        {
            "kind": "accomplishment",
            "id": won,
            "text": "Ran the weekly grade 5 team meeting with norms and a data cycle",
            "score": 1.0,
        },
        {"kind": "goal", "id": goal, "text": "Lead a PLC for a full year", "score": 1.0},
    ]
    # Only the goal's own gap changed.
    assert requirement(coach.json("gap", "show", "1"), RESTORATIVE)["verdict"] == "gap"


def test_rerun_json_lists_the_gap_as_closed(coach):
    goal = goal_from(coach, "Lead a PLC for a full year")
    won = win(coach, "Ran the weekly grade 5 team meeting with norms and a data cycle")
    coach("goals", "link", str(goal), str(won), "--done", ok=True)
    data = coach.json("gap", "rerun", "1")
    assert [(c["change"], c["text"], c["after"]) for c in data["changes"]] == [("closed", PLC, "met")]
    assert data["report"]["score"] > data["before"]["score"]


def test_a_done_goal_without_a_win_is_at_most_partial(coach):
    goal = goal_from(coach, "Train in restorative practices")
    coach("goals", "edit", str(goal), "--status", "done", ok=True)
    data = coach.json("gap", "rerun", "1")
    r = requirement(data["report"], RESTORATIVE)
    assert r["verdict"] == "partial"
    assert r["why"] == f"goal #{goal} marked done but no accomplishment linked"
    assert r["evidence"][0] == {
        "kind": "goal",
        "id": goal,
        "text": "Train in restorative practices",
        "score": 0.5,
    }
    assert ("closed", RESTORATIVE, "partial") in [
        (c["change"], c["text"], c["after"]) for c in data["changes"]
    ]


def test_an_open_or_dropped_goal_does_not_close_the_gap(coach):
    goal = goal_from(coach, "Lead a PLC for a full year")
    won = win(coach, "Ran the weekly grade 5 team meeting with norms and a data cycle")
    coach("goals", "link", str(goal), str(won), ok=True)
    for status in ("planned", "active", "dropped"):
        coach("goals", "edit", str(goal), "--status", status, ok=True)
        r = requirement(coach.json("gap", "rerun", "1")["report"], PLC)
        assert r["verdict"] != "met", status
        assert not r["why"].startswith("goal #")


def test_a_new_posting_asking_the_same_in_other_words_is_met_through_the_goal(coach, tmp_path):
    plc = goal_from(coach, "Lead a PLC for a full year")
    won = win(coach, "Ran the weekly grade 5 team meeting with norms and a data cycle")
    coach("goals", "link", str(plc), str(won), "--done", ok=True)
    posting = tmp_path / "ap.txt"
    posting.write_text(PRINCIPAL, encoding="utf-8")
    report = coach.json("gap", "analyze", str(posting))
    lead = requirement(report, "Proven ability to lead professional learning communities at the grade level.")
    assert lead["verdict"] == "met"
    assert lead["why"] == f"goal #{plc} done: Lead a PLC for a full year, evidenced by win #{won}"
    # What the goal was not made for stays as the record gives it.
    for text in (
        "Master's degree in educational leadership required.",
        "Skill in building the master schedule preferred.",
        "Experience with restorative practices and student discipline.",
    ):
        assert requirement(report, text)["verdict"] == "gap", text


def test_the_same_record_and_goals_give_the_same_report(coach):
    goal = goal_from(coach, "Lead a PLC for a full year")
    won = win(coach, "Ran the weekly grade 5 team meeting with norms and a data cycle")
    coach("goals", "link", str(goal), str(won), "--done", ok=True)
    first = coach.json("gap", "rerun", "1")["report"]
    again = coach.json("gap", "rerun", "1")
    assert again["report"] == first and again["changes"] == []
    assert "No change since the last analysis." in coach("gap", "rerun", "1", ok=True).stdout


def test_a_win_already_meeting_the_requirement_keeps_its_own_reason(coach):
    goal = goal_from(coach, "Lead a PLC for a full year")
    won = win(coach, "Facilitated professional learning communities for the grade 5 teachers all year")
    report = coach.json("gap", "rerun", "1")["report"]
    met = requirement(report, PLC)
    assert met["verdict"] == "met" and not met["why"].startswith("goal #")
    coach("goals", "link", str(goal), str(won), "--done", ok=True)
    assert requirement(coach.json("gap", "rerun", "1")["report"], PLC) == met


def test_a_damaged_saved_report_does_not_stop_the_goal_from_closing(coach, db_path, tmp_path):
    import sqlite3

    goal = goal_from(coach, "Lead a PLC for a full year")
    won = win(coach, "Ran the weekly grade 5 team meeting with norms and a data cycle")
    coach("goals", "link", str(goal), str(won), "--done", ok=True)
    posting = tmp_path / "ap.txt"
    posting.write_text(PRINCIPAL, encoding="utf-8")
    coach.json("gap", "analyze", str(posting))
    with sqlite3.connect(db_path) as conn:
        conn.execute("UPDATE gap_reports SET report = 'not json' WHERE id = 2")
    assert requirement(coach.json("gap", "rerun", "1")["report"], PLC)["verdict"] == "met"
    report = coach.json("gap", "rerun", "2")["report"]
    assert (
        requirement(report, "Proven ability to lead professional learning communities at the grade level.")[
            "verdict"
        ]
        == "met"
    )
    json.dumps(report)
