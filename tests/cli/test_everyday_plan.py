"""A plan that reads the record: suggestions already done say so (and the next step up is
offered), a gap judged against evidence does not say "no evidence", hand-made goals are
matched to the gaps they answer and can be linked, `plan take` refuses a duplicate, and a
self-rating sits under a gap about its standard."""

from __future__ import annotations

from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parents[1] / "fixtures" / "everyday"


@pytest.fixture
def texas(cli):
    cli("import", str(HERE / "texas-coach.yaml"), ok=True)
    for name in ("ap-p1.txt", "ap-p2.txt", "ap-p3.txt"):
        cli("gap", "analyze", str(HERE / name), ok=True)
    return cli


def gap_named(plan: dict, label: str) -> dict:
    return next(g for g in plan["gaps"] if g["label"] == label)


def test_a_suggestion_already_in_the_record_is_marked_done(texas):
    plan = texas.json("plan")
    sped = gap_named(plan, "Special education")
    course = next(s for s in sped["suggestions"] if s["kind"] == "learning")
    assert course["done_by"] == "learning 1: Special Education Law for Campus Leaders"
    assert course["number"] == 0  # nothing to take
    out = texas("plan", ok=True).stdout
    assert (
        "done  learning: Take a course in special education law and compliance "
        "(already in your record: learning 1: Special Education Law for Campus Leaders)" in out
    )
    numbers = [s["number"] for g in plan["gaps"] for s in g["suggestions"] if s["number"]]
    assert numbers == list(range(1, len(numbers) + 1))


def test_when_every_way_is_done_the_next_step_up_is_offered(texas):
    texas(
        "log",
        "Served as the administrator designee at IEP and 504 meetings for grade 7",
        "--date",
        "2024-09-01",
    )
    sped = gap_named(texas.json("plan"), "Special education")
    done = [s for s in sped["suggestions"] if s["done_by"]]
    assert {s["kind"] for s in done} == {"learning", "stretch-assignment"}
    step = next(s for s in sped["suggestions"] if s["step_up"])
    assert step["number"] > 0 and step["title"].startswith("Take special education a step up")
    assert "next step: Take special education a step up" in texas("plan", ok=True).stdout


def test_an_informational_interview_logged_moves_to_the_next_step(texas):
    before = texas("plan", ok=True).stdout
    assert "Informational interview with Linda Park on teacher evaluation" in before
    texas(
        "network",
        "touch",
        "Linda Park",
        "--kind",
        "informational-interview",
        "--note",
        "the AP role",
        ok=True,
    )
    after = texas("plan", ok=True).stdout
    assert "Informational interview with Linda Park" not in after
    assert "next step: Ask Linda Park to let you shadow them on teacher evaluation" in after


def test_a_gap_with_evidence_in_the_record_does_not_say_none(texas):
    sped = gap_named(texas.json("plan"), "Special education")
    assert "no evidence" not in sped["why"]
    assert "your record has learning 1: Special Education Law for Campus Leaders" in sped["why"]


def test_hand_made_goals_are_matched_and_can_be_linked(texas):
    plan = texas.json("plan")
    cert = gap_named(plan, "Administrator / principal certification")
    assert [m["id"] for m in cert["matched_goals"]] == [1]
    # The safety committee answers school safety, which the record now meets in part: it
    # is no longer among the gaps that matter most, so nothing offers it there.
    assert all(2 not in [m["id"] for m in g["matched_goals"]] for g in plan["gaps"])
    n = plan["gaps"].index(cert) + 1
    out = texas("plan", ok=True).stdout
    assert f"seems to answer this gap: careerkit plan link 1 {n}" in out
    r = texas("plan", "link", "1", str(n), ok=True)
    assert "Goal 1 (Pass the TExES Principal as Instructional Leader exam (268)) now answers gap" in r.stderr
    cert = gap_named(texas.json("plan"), "Administrator / principal certification")
    assert [g["id"] for g in cert["goals"]] == [1] and not cert["matched_goals"]
    assert texas("plan", "link", "99", "1").exit_code == 1
    bad = texas("plan", "link", "1", "40")
    assert bad.exit_code == 1 and "no gap 40 in the plan" in bad.stderr


def test_plan_take_refuses_a_duplicate_goal(texas):
    plan = texas.json("plan")
    cert = gap_named(plan, "Administrator / principal certification")
    exam = next(s for s in cert["suggestions"] if "TExES" in s["title"])
    r = texas("plan", "take", str(exam["number"]))
    assert r.exit_code == 1
    assert "goal 1 (Pass the TExES Principal as Instructional Leader exam (268)) already answers" in r.stderr
    assert "careerkit plan link 1" in r.stderr
    assert len(texas.json("goals", "list")) == 2
    texas("plan", "take", str(exam["number"]), "--force", ok=True)
    assert len(texas.json("goals", "list")) == 3
    again = texas("plan", "take", str(exam["number"]), "--force")
    assert again.exit_code == 1 and "already goal 3" in again.stderr


def test_a_self_rating_is_not_put_under_a_certificate(texas):
    texas("assess", "set", "psel-1", "1", "--note", "never led vision work", ok=True)
    plan = texas.json("plan")
    cert = gap_named(plan, "Administrator / principal certification")
    assert cert["rating"] is None
    rated = next(g for g in plan["gaps"] if g["key"] == "competency:psel-1")
    assert rated["sources"] == ["self-assessment"] and rated["rating"]["rating"] == 1


def test_a_mentor_written_as_ap_is_a_mentor_in_the_role(cli):
    cli("profile", "set", "--name", "Rosa", "--target-role", "Assistant Principal", ok=True)
    cli("network", "add", "Linda Park", "--relationship", "mentor", "--role", "AP", ok=True)
    cli("network", "add", "James Ortiz", "--relationship", "sponsor", "--role", "Principal", ok=True)
    for name in ("ap-p1.txt", "ap-p2.txt"):
        cli("gap", "analyze", str(HERE / name), ok=True)
    out = cli("plan", ok=True).stdout
    assert "Find a mentor who works as" not in out
    assert "Informational interview with Linda Park" in out


def test_gap_common_marks_a_way_already_done_and_keeps_its_number(texas):
    ways = [w for g in texas.json("gap", "common")["top_gaps"] for w in g["ways"]]
    course = next(w for w in ways if w["title"] == "Take a course in special education law and compliance")
    out = texas("gap", "common", ok=True).stdout
    line = next(x for x in out.splitlines() if "Take a course in special education law" in x)
    assert line.strip().startswith(f"[{course['number']}]")
    assert "(done: learning 1: Special Education Law for Campus Leaders)" in line
    assert "though your record has learning 1: Special Education Law for Campus Leaders" in out


def test_a_goal_from_a_way_already_done_says_so(texas):
    ways = [w for g in texas.json("gap", "common")["top_gaps"] for w in g["ways"]]
    course = next(w for w in ways if w["title"] == "Take a course in special education law and compliance")
    r = texas("goals", "add", "--from-gap", str(course["number"]), ok=True)
    assert "already shows this done (learning 1: Special Education Law for Campus Leaders)" in r.stderr
    other = next(w for w in ways if w["title"].startswith("Serve as the administrator designee"))
    assert "already shows" not in texas("goals", "add", "--from-gap", str(other["number"]), ok=True).stderr
