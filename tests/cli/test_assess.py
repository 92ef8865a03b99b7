"""`careerkit assess`: the interactive walk (driven with input), set, show and history."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest

TODAY = date(2025, 3, 14)


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch):
    import careerkit.cli.commands.growth as growth

    monkeypatch.setattr(growth, "today", lambda: TODAY)


@pytest.fixture
def record(cli):
    cli(
        "log",
        "Rebuilt the grade 6-8 writing curriculum and its common assessments",
        "--date",
        "2024-05-02",
        ok=True,
    )
    cli(
        "log",
        "Ran the PBIS team and cut chronic absence",
        "--skill",
        "attendance",
        "--date",
        "2024-09-01",
        ok=True,
    )
    cli(
        "feedback",
        "add",
        "Her curriculum work made our assessment consistent",
        "--relationship",
        "supervisor",
        "--date",
        "2024-06-01",
        ok=True,
    )
    return cli


def test_walk_shows_evidence_before_each_rating_and_saves_them(record, db_path):
    # psel-1 skipped, psel-2 rated 1 with a note, psel-3 a bad answer then 2, psel-4 3, stop.
    answers = "\n1\nNo ethics work logged\nmaybe\n2\n\n3\nThe writing rebuild\nq\n"
    r = record("assess", "--framework", "psel-2015", input=answers, ok=True)
    out = r.stdout
    assert "[1/10] psel-1  Mission, Vision, and Core Values" in out
    block4 = out.split("[4/10] psel-4")[1].split("[5/10]")[0]
    assert "win 1 (2024-05-02): Rebuilt the grade 6-8 writing curriculum" in block4
    assert block4.index("Evidence in your record") < block4.index("Rating 1-3")
    assert "[5/10]" in out and "[6/10]" not in out
    assert "Please type 1, 2 or 3" in r.stderr
    assert "Saved 3 ratings for PSEL 2015 on 2025-03-14" in r.stderr
    with sqlite3.connect(db_path) as conn:
        rows = conn.execute(
            "SELECT framework, standard, rating, note, date FROM assessments ORDER BY id"
        ).fetchall()
    assert rows == [
        ("psel", "psel-2", 1, "No ethics work logged", "2025-03-14"),
        ("psel", "psel-3", 2, None, "2025-03-14"),
        ("psel", "psel-4", 3, "The writing rebuild", "2025-03-14"),
    ]


def test_walk_ends_cleanly_when_the_input_ends(record):
    r = record("assess", "--standard", "psel-4", "--standard", "psel-5", input="2\n", ok=True)
    assert "[1/2] psel-4" in r.stdout and "[2/2] psel-5" in r.stdout
    assert "Saved 1 rating for PSEL 2015" in r.stderr
    # A second pass shows the last rating; the same day's new rating replaces it.
    r = record("assess", "--standard", "psel-4", input="3\nsure\n", ok=True)
    assert "Last rating: 2 on 2025-03-14" in r.stdout
    assert [x["rating"] for x in record.json("assess", "history")["standards"][0]["ratings"]] == [3]


def test_walk_refuses_unknown_framework_and_standard(record, db_path):
    r = record("assess", "--framework", "nope", input="3\n")
    assert r.exit_code == 1 and r.stderr.startswith("error: no framework 'nope'")
    r = record("assess", "--standard", "hts-3", input="3\n")
    assert r.exit_code == 1 and "not a standard of PSEL 2015: hts-3" in r.stderr
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("SELECT count(*) FROM assessments").fetchone()[0] == 0


def test_other_frameworks_and_the_default_setting(record):
    r = record("assess", "--framework", "tlms", input="q\n", ok=True)
    assert "tlms-1" in r.stdout
    record("config", "set", "assess.framework", "hts-2020", ok=True)
    r = record("config", "set", "assess.framework", "nope")
    assert r.exit_code == 1 and "no framework 'nope'" in r.stderr
    r = record("assess", input="q\n", ok=True)
    assert "[1/10] hts-1" in r.stdout


def test_set_show_and_history(record):
    record("assess", "set", "psel-4", "1", "--note", "Before the rebuild", "--date", "2023-09-01", ok=True)
    record("assess", "set", "psel-4", "2", "--date", "2024-06-01", ok=True)
    r = record("assess", "set", "psel-4", "3", "--note", "Rubric in every classroom", ok=True)
    assert "Rated psel-4 Curriculum, Instruction, and Assessment: 3 on 2025-03-14" in r.stderr
    record("assess", "set", "PSEL-2", "1", "--note", "Nothing yet", ok=True)
    record("assess", "set", "psel-5", "2", ok=True)
    record("assess", "set", "psel-5", "1", ok=True)  # same day: corrects, not adds

    hist = record.json("assess", "history")
    by = {h["standard"]: h for h in hist["standards"]}
    assert [x["rating"] for x in by["psel-4"]["ratings"]] == [1, 2, 3]
    assert by["psel-4"]["change"] == 2
    assert [x["rating"] for x in by["psel-5"]["ratings"]] == [1]
    out = record("assess", "history", ok=True).stdout
    assert (
        "psel-4   Curriculum, Instruction, and Assessment: 1 (2023-09-01) -> 2 (2024-06-01) -> 3 (2025-03-14)  +2"
        in out
    )

    shown = record.json("assess", "show")
    assert shown["strongest"] == ["psel-4"]
    assert shown["weakest"] == ["psel-2", "psel-5"]
    first = shown["standards"][0]
    assert first["id"] == "psel-4" and first["rating"] == 3 and first["note"] == "Rubric in every classroom"
    assert any(e["kind"] == "accomplishment" and e["id"] == 1 for e in first["evidence"])
    assert "psel-1" in shown["unrated"]
    out = record("assess", "show", ok=True).stdout
    assert "Strongest: psel-4" in out and "Weakest: psel-2, psel-5" in out
    assert "win 1 (2024-05-02): Rebuilt the grade 6-8 writing curriculum" in out


def test_set_refuses_bad_ratings_and_standards(record, db_path):
    for args, message in (
        (("psel-4", "4"), "a rating is 1, 2 or 3"),
        (("psel-4", "0"), "a rating is 1, 2 or 3"),
        (("psel-99", "2"), "no standard 'psel-99'"),
        (("psel-4", "2", "--date", "whenever"), "not a date"),
    ):
        r = record("assess", "set", *args)
        assert r.exit_code == 1 and r.stderr.startswith("error: ") and message in r.stderr, r.stderr
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("SELECT count(*) FROM assessments").fetchone()[0] == 0


def test_show_and_history_before_any_rating(cli):
    r = cli("assess", "show", ok=True)
    assert "No ratings yet" in r.stderr and r.stdout == ""
    assert cli.json("assess", "history")["standards"] == []
