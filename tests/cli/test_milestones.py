"""Milestones through the command line: found in the record, never typed; listed with their
dates; `status` shows a new one once."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

TODAY = date(2025, 3, 14)
COACH = """Instructional Coach, Riverbend Unified School District

Qualifications
- Bachelor's degree in education required.
- Knowledge of restorative practices preferred.
"""


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch):
    import careerkit.cli.commands.growth as growth

    monkeypatch.setattr(growth, "today", lambda: TODAY)


def career(tmp_path, wins: list[tuple[str, str]], extra: str = "") -> str:
    lines = ["careerkit: 1", "accomplishments:"]
    for day, title in wins:
        lines.append(f"  - {{date: {day}, title: {title!r}}}")
    path = tmp_path / "c.yaml"
    path.write_text("\n".join(lines) + "\n" + extra)
    return str(path)


def by_kind(cli) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for m in cli.json("milestones"):
        out.setdefault(m["kind"], []).append(m)
    return out


def test_every_kind_of_milestone_is_found_with_its_date(cli, tmp_path):
    # A win every Monday of the autumn 2024 teaching weeks (2 Sep to 9 Dec): 15 wins.
    mondays = [date(2024, 9, 2) + timedelta(weeks=n) for n in range(15)]
    wins = [(d.isoformat(), f"Ran the weekly data meeting {n}") for n, d in enumerate(mondays)]
    wins.append(("2024-08-05", "Facilitated a professional learning community on curriculum"))
    extra = (
        "credentials:\n  - {kind: certification, name: Principal License, date: 2025-01-20}\n"
        "  - {kind: certification, name: Superintendent License, status: in-progress}\n"
        "goals:\n  - {title: Lead the PLC, status: done}\n"
    )
    cli("import", career(tmp_path, wins, extra), ok=True)
    cli("goals", "link", "1", "16", ok=True)
    cli("assess", "set", "psel-4", "1", "--date", "2025-01-05", ok=True)
    cli("assess", "set", "psel-4", "2", "--date", "2025-02-05", ok=True)
    cli("assess", "set", "psel-4", "1", "--date", "2025-02-06", ok=True)  # down: no milestone
    posting = tmp_path / "coach.txt"
    posting.write_text(COACH)
    cli("gap", "analyze", str(posting), ok=True)
    cli("log", "Trained staff in restorative practices circles", "--date", "2025-03-01", ok=True)
    rerun = cli.json("gap", "rerun", "1")
    assert any(c["change"] == "closed" for c in rerun["changes"])
    found = by_kind(cli)
    first = {m["key"]: m for m in found["first-win"]}
    assert first and all(m["text"].startswith("First win in psel-") for m in first.values())
    assert min(m["date"] for m in first.values()) == "2024-08-05"
    assert [m["date"] for m in found["wins"]] == [mondays[8].isoformat()]  # the 10th win
    assert [m["text"] for m in found["credential"]] == ["Earned: Principal License"]
    assert found["goal"][0]["date"] == "2024-08-05"  # its linked win
    assert [m["text"] for m in found["rating"]] == [
        "Self-rating raised: psel-4 Curriculum, Instruction, and Assessment from 1 to 2"
    ]
    assert found["rating"][0]["date"] == "2025-02-05"
    assert found["gap-closed"][0]["text"] == (
        "Gap closed for Instructional Coach, Riverbend Unified School District: "
        "Knowledge of restorative practices preferred."
    )
    assert [m["text"] for m in found["term"]] == ["A win every week of the Autumn 2024 term (15 weeks)"]
    dates = [m["date"] for m in cli.json("milestones")]
    assert dates == sorted(dates)
    listed = cli("milestones", ok=True).stdout.splitlines()
    assert "2025-01-20  Earned: Principal License" in listed
    since = [m["kind"] for m in cli.json("milestones", "--since", "2025-02")]
    assert since == ["rating", "first-win", "gap-closed"]  # the restorative win is a first too


def test_a_missed_week_means_no_term_milestone(cli, tmp_path):
    mondays = [date(2024, 9, 2) + timedelta(weeks=n) for n in range(15) if n != 7]
    cli("import", career(tmp_path, [(d.isoformat(), f"Win {n}") for n, d in enumerate(mondays)]), ok=True)
    assert "term" not in by_kind(cli)


def test_status_shows_a_new_milestone_once(cli):
    assert "Milestone" not in cli("status", ok=True).stdout
    cli("log", "Facilitated a professional learning community on curriculum", "--date", "2025-03-10", ok=True)
    first = cli("status", ok=True).stdout.splitlines()[0]
    assert first.startswith("Milestone First win in psel-")
    assert "Milestone" not in cli("status", ok=True).stdout
    for n in range(9):
        cli("log", f"Small win {n}", "--date", "2025-03-12", ok=True)
    lines = cli("status", ok=True).stdout
    assert "Milestone 10 wins logged (2025-03-12)" in lines
    assert "Milestone" not in cli("status", ok=True).stdout
    assert cli.json("status")["milestone"] is None


def test_no_milestones_yet(cli):
    r = cli("milestones", ok=True)
    assert r.stdout == "" and "No milestones yet" in r.stderr
    assert cli.json("milestones") == []


def test_status_after_a_large_import_leaves_first_wins_to_milestones(cli, tmp_path, monkeypatch):
    import careerkit.cli.commands.recap as recap

    monkeypatch.setattr(recap, "STATUS_MAPS", 5)
    wins = [(f"2024-10-{n + 1:02d}", f"Facilitated a professional learning community {n}") for n in range(12)]
    cli("import", career(tmp_path, wins), ok=True)
    line = cli("status", ok=True).stdout.splitlines()[0]
    assert line == "Milestone 10 wins logged (2024-10-10)"  # no first win yet: not mapped
    assert "first-win" in {m["kind"] for m in cli.json("milestones")}  # maps every win
    assert cli("status", ok=True).stdout.startswith("Milestone First win in psel-")
