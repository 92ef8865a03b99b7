"""`careerkit plan`: gaps from saved postings and low self-ratings, goals already set,
numbered suggestions (with people from the network), `plan take N`, and the links from a
goal to its gap and to the accomplishments that fulfil it."""

from __future__ import annotations

import json
import sqlite3
from datetime import date

import pytest

TODAY = date(2025, 3, 14)


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch):
    import careerkit.cli.commands.growth as growth

    monkeypatch.setattr(growth, "today", lambda: TODAY)


def req(text, verdict, must="required", type_="skill", competencies=()):
    return {
        "text": text,
        "section": "Qualifications",
        "must": must,
        "type": type_,
        "verdict": verdict,
        "competencies": list(competencies),
        "evidence": [],
        "why": "test",
    }


def save_report(db_path, title, requirements):
    report = {
        "posting": {"title": title, "organization": "Example Schools", "source": "t.txt", "chars": 100},
        "score": 50,
        "requirements": requirements,
    }
    with sqlite3.connect(db_path) as conn:
        cur = conn.execute(
            "INSERT INTO gap_reports (title, organization, source, text, chars, score, report) "
            "VALUES (?, 'Example Schools', 't.txt', 'x', 100, 50, ?)",
            (title, json.dumps(report)),
        )
        return cur.lastrowid


@pytest.fixture
def planned(cli, db_path):
    cli("profile", "set", "--name", "Alex Morgan", "--target-role", "Assistant Principal", ok=True)
    cli("network", "add", "Priya Raman", "--relationship", "mentor", "--role", "Assistant Principal", ok=True)
    cli("network", "add", "Jo Peer", "--relationship", "mentor", "--role", "Teacher", ok=True)
    cli("network", "add", "Marcus Bell", "--relationship", "sponsor", "--role", "Director", ok=True)
    for title in ("Assistant Principal", "Assistant Principal, Middle School"):
        save_report(
            db_path,
            title,
            [
                req("Experience leading MTSS and tiered interventions", "gap", competencies=["psel-5"]),
                req("Five years of classroom teaching", "met", type_="experience"),
            ],
        )
    return cli


def test_plan_without_postings_or_ratings(cli):
    r = cli("plan", ok=True)
    assert "No gaps to plan for yet" in r.stdout
    assert cli.json("plan")["gaps"] == []


def test_plan_gathers_posting_gaps_with_ways_and_people(planned):
    data = planned.json("plan")
    assert data["postings"] == 2
    gap = data["gaps"][0]
    assert gap["sources"] == ["postings"] and "MTSS" in gap["label"] + gap["text"]
    kinds = [s["kind"] for s in gap["suggestions"]]
    assert "stretch-assignment" in kinds and kinds[-2:] == ["network", "network"]
    mentor, sponsor = gap["suggestions"][-2:]
    # The mentor who holds the target role comes before the one who does not.
    assert mentor["title"].startswith("Informational interview with Priya Raman")
    assert sponsor["title"].startswith(("Ask Marcus Bell to put you forward for: ", "Tell Marcus Bell"))
    numbers = [s["number"] for g in data["gaps"] for s in g["suggestions"]]
    assert numbers == list(range(1, len(numbers) + 1))
    out = planned("plan", ok=True).stdout
    assert "Gaps that matter most (from 2 saved postings)" in out
    assert "[1] " in out and "people: Informational interview with Priya Raman" in out


def test_low_self_ratings_join_the_plan(planned):
    planned("assess", "set", "psel-2", "1", "--note", "Nothing logged", ok=True)
    planned("assess", "set", "psel-4", "3", ok=True)
    planned("assess", "set", "psel-5", "1", ok=True)  # same competency as the MTSS gap
    data = planned.json("plan")
    by_key = {g["key"]: g for g in data["gaps"]}
    assert "competency:psel-2" in by_key and "competency:psel-4" not in by_key
    assert by_key["competency:psel-2"]["sources"] == ["self-assessment"]
    assert by_key["competency:psel-2"]["rating"]["rating"] == 1
    assert by_key["competency:psel-2"]["suggestions"], "a rated gap gets ways too"
    mtss = data["gaps"][0]
    assert mtss["sources"] == ["postings", "self-assessment"] and mtss["rating"]["standard"] == "psel-5"
    out = planned("plan", ok=True).stdout
    assert "Ethics and Professional Norms" in out and "you rated yourself 1 of 3 on 2025-03-14" in out
    assert (
        "psel-2" not in out and "Ethics and Professional Norms · psel-2" in planned("plan", "--codes").stdout
    )


def test_take_makes_a_goal_linked_to_its_gap_and_a_win_closes_it(planned, db_path):
    before = planned.json("plan")
    first = before["gaps"][0]["suggestions"][0]
    r = planned("plan", "take", "1", "--due", "2025-06", ok=True)
    assert f"Added goal 1: {first['title']} (due 2025-06)" in r.stderr
    goal = planned.json("goals", "show", "1")
    assert goal["title"] == first["title"] and goal["kind"] == first["kind"] and goal["due"] == "2025-06"
    assert "Closes the gap:" in goal["notes"]
    links = planned.json("goals", "links", "1")[0]
    assert links["gap"]["gap"] == before["gaps"][0]["label"] and links["gap"]["report_id"] == 2
    after = planned.json("plan")
    assert after["gaps"][0]["suggestions"][0]["goal_id"] == 1
    assert [g["id"] for g in after["gaps"][0]["goals"]] == [1]
    assert after["goals"][0]["id"] == 1
    r = planned("plan", "take", "1")
    assert r.exit_code == 1 and "suggestion 1 is already goal 1" in r.stderr

    planned("log", "Led the MTSS pilot in grade 6", ok=True)
    planned("goals", "link", "1", "1", "--done", ok=True)
    closed = planned.json("plan")["gaps"][0]
    assert closed["closed_by"] == [1] and closed["goals"][0]["wins"] == [1]
    assert (
        "Closed by done goal 1: re-analyse the posting to see it met (careerkit gap rerun 2)"
        in planned("plan", ok=True).stdout
    )


def test_take_a_people_suggestion_and_a_rating_gap(planned):
    planned("assess", "set", "psel-2", "1", ok=True)
    data = planned.json("plan")
    ethics = next(g for g in data["gaps"] if g["key"] == "competency:psel-2")
    people = next(s for s in ethics["suggestions"] if s["kind"] == "network")
    planned("plan", "take", str(people["number"]), "--title", "Coffee with Priya about ethics cases", ok=True)
    goal = planned.json("goals", "show", "1")
    assert goal["kind"] == "network" and goal["title"] == "Coffee with Priya about ethics cases"
    ethics = next(g for g in planned.json("plan")["gaps"] if g["key"] == "competency:psel-2")
    assert [g["id"] for g in ethics["goals"]] == [1]
    assert "rate yourself again" not in planned("plan", ok=True).stdout


def test_take_refuses_bad_numbers_and_dates(planned, db_path):
    for args, message in (
        (("99",), "no suggestion 99 in the plan (it has 1 to"),
        (("1", "--due", "someday"), "not a date"),
    ):
        r = planned("plan", "take", *args)
        assert r.exit_code == 1 and r.stderr.startswith("error: ") and message in r.stderr, r.stderr
    r = planned("plan", "take", "1", "--status", "finished")
    assert r.exit_code == 2 and "'finished' is not one of 'planned', 'active'" in r.stderr, r.stderr
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("SELECT count(*) FROM goals").fetchone()[0] == 0
        assert conn.execute("SELECT count(*) FROM goal_gaps").fetchone()[0] == 0


def test_take_with_an_empty_plan(cli):
    r = cli("plan", "take", "1")
    assert r.exit_code == 1 and "it has none yet" in r.stderr


POSTING = """Assistant Principal, Lakeside Middle School

Qualifications
- At least three years of classroom teaching experience required.
- Experience leading a multi-tiered system of supports (MTSS) team required.
- Experience building the master schedule preferred.
"""


def test_the_loop_posting_plan_goal_win_rerun(loaded, tmp_path):
    """Analyse a posting, take the plan's stretch assignment for the MTSS gap, log the win,
    link it to the goal as done, re-analyse: the requirement is no longer a gap."""
    posting = tmp_path / "ap.txt"
    posting.write_text(POSTING, encoding="utf-8")
    report = loaded.json("gap", "analyze", str(posting), "--title", "Assistant Principal")
    mtss = next(r for r in report["requirements"] if "MTSS" in r["text"])
    assert mtss["verdict"] != "met"
    plan = loaded.json("plan")
    gap = next(g for g in plan["gaps"] if "mtss" in (g["label"] + g["text"]).lower())
    stretch = next(s for s in gap["suggestions"] if s["kind"] == "stretch-assignment")
    # A goal set by hand that names a gap is listed under it.
    schedule = next(g for g in plan["gaps"] if "master schedule" in g["label"].lower())
    assert [g["title"] for g in schedule["goals"]] == [
        "Lead the master schedule build with the assistant principal"
    ]

    r = loaded("plan", "take", str(stretch["number"]), "--due", "2025-06", ok=True)
    goal_id = int(r.stderr.split("Added goal ")[1].split(":")[0])
    loaded("log", "Chaired the MTSS team for the whole year: tiers, plans and reviews", ok=True)
    win_id = loaded.json("wins", "list")[0]["id"]
    loaded("goals", "link", str(goal_id), str(win_id), "--done", ok=True)
    closed = next(g for g in loaded.json("plan")["gaps"] if g["key"] == gap["key"])
    assert closed["closed_by"] == [goal_id]

    loaded("gap", "rerun", str(report["id"]), ok=True)
    again = loaded.json("gap", "show", str(report["id"]))
    after = next(r for r in again["requirements"] if "MTSS" in r["text"])
    assert after["verdict"] == "met"
    assert {"kind": "accomplishment", "id": win_id} in [
        {"kind": e["kind"], "id": e["id"]} for e in after["evidence"]
    ]


def test_a_plan_with_no_network_suggests_finding_a_mentor_and_a_sponsor(cli):
    cli("profile", "set", "--name", "Alex", "--target-role", "Assistant Principal", ok=True)
    cli("assess", "set", "psel-2", "1", ok=True)
    cli("assess", "set", "psel-3", "1", ok=True)
    data = cli.json("plan")
    people = [s["title"] for g in data["gaps"] for s in g["suggestions"] if s["kind"] == "network"]
    assert people == [
        "Find a mentor who works as Assistant Principal",
        "Find a sponsor who can put you forward for assignments",
    ]
    cli("network", "add", "Priya Raman", "--relationship", "mentor", "--role", "Assistant Principal", ok=True)
    people = [
        s["title"] for g in cli.json("plan")["gaps"] for s in g["suggestions"] if s["kind"] == "network"
    ]
    assert "Find a mentor who works as Assistant Principal" not in people
    assert people.count("Find a sponsor who can put you forward for assignments") == 1


def test_school_safety_and_safeguarding_get_ways_of_their_own(cli, db_path):
    """A US 'school safety' gap is not sent to England's DSL training, and the reverse."""
    cli("profile", "set", "--name", "Alex Morgan", ok=True)
    save_report(
        db_path,
        "Assistant Principal",
        [
            req(
                "Lead school safety planning, emergency drills and the crisis response team",
                "gap",
                type_="responsibility",
                competencies=["psel-9"],
            ),
            req(
                "Act as a deputy designated safeguarding lead (DSL)",
                "gap",
                type_="responsibility",
                competencies=["hts-10"],
            ),
        ],
    )
    ways = {
        g["label"].lower(): [s["title"] for s in g["suggestions"] if s["kind"] != "network"]
        for g in cli.json("plan")["gaps"]
    }
    safety = next(v for k, v in ways.items() if "safety" in k)
    guarding = next(v for k, v in ways.items() if "safeguarding" in k)
    assert safety and not any("DSL" in w or "safeguarding" in w for w in safety)
    assert any("safeguarding lead" in w for w in guarding)
