"""gap analyze through the command line on a teacher leader's record and postings written for
these tests: scope, named roles, level from the posting's title, growth-area feedback, the
why line, and a rerun after logging an unrelated win."""

from __future__ import annotations

import pytest
from conftest import FIXTURES

HERE = FIXTURES / "judgement"


@pytest.fixture
def dana(cli):
    cli("import", str(HERE / "teacher-leader.yaml"), ok=True)
    return cli


def _item(report, start):
    hits = [r for r in report["requirements"] if r["text"].startswith(start)]
    assert hits, [r["text"] for r in report["requirements"]]
    return hits[0]


def test_scope_role_and_growth_areas_through_the_command_line(dana):
    report = dana.json("gap", "analyze", str(HERE / "ap-posting.txt"))
    budget = _item(report, "Assist in managing the campus budget")
    assert budget["verdict"] == "partial"
    assert budget["why"] == (
        "you did this for a team (Managed the chemistry team's $4,000 lab-supply budget (win 1)); "
        "the role asks for a school"
    )
    # a two-month summer post is not time as an assistant principal
    assert _item(report, "Two years of experience as an assistant principal")["verdict"] == "gap"
    # "built" a union welcome lunch shares only generic words with partnerships with families
    assert _item(report, "Build partnerships with families")["verdict"] != "met"
    # "needs more experience with student discipline" is not evidence of discipline
    discipline = _item(report, "Lead student discipline")
    assert discipline["verdict"] != "met"
    assert all(e["kind"] != "feedback" for e in discipline["evidence"])
    # what the same feedback praises is found, and its label leaves the growth area out
    calm = _item(report, "Remain calm under pressure")
    assert calm["verdict"] == "met" and calm["evidence"][0]["kind"] == "feedback"
    assert "Next steps" not in calm["evidence"][0]["text"]
    # school years count whole: August 2013 to now
    assert _item(report, "Five years of successful teaching")["verdict"] == "met"


def test_level_from_the_posting_title(dana):
    report = dana.json("gap", "analyze", str(HERE / "elementary-posting.txt"))
    years = _item(report, "Five years of successful teaching")
    assert years["verdict"] == "partial" and "elementary" in years["why"]


def test_an_unrelated_win_never_lowers_a_verdict_on_rerun(dana):
    first = dana.json("gap", "analyze", str(HERE / "ap-posting.txt"))
    dana("log", "Ran the lunchtime chess club for ninth graders", ok=True)
    again = dana.json("gap", "rerun", "1")
    rank = {"gap": 0, "partial": 1, "met": 2}
    after = {r["text"]: r["verdict"] for r in again["report"]["requirements"]}
    for r in first["requirements"]:
        assert rank[after[r["text"]]] >= rank[r["verdict"]], r["text"]
