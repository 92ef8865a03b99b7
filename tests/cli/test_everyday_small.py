"""Small things that cost trust: status lists only what it says, a posting's organisation once,
review's unused feedback leaves out what a brief quotes, "1 year asked", and a README that
stands alone."""

from __future__ import annotations

import json
import re
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HERE = ROOT / "tests" / "fixtures" / "everyday"


def test_status_lists_only_goals_due_within_30_days(cli):
    today = date.today()
    cli("goals", "add", "Soon goal", "--due", (today + timedelta(days=10)).isoformat(), ok=True)
    cli("goals", "add", "Later goal", "--due", (today + timedelta(days=60)).isoformat(), ok=True)
    cli("goals", "add", "Late goal", "--due", (today - timedelta(days=3)).isoformat(), ok=True)
    out = cli("status", ok=True).stdout
    assert "2 goals due within 30 days or overdue" in out
    assert "Soon goal" in out and "Late goal" in out and "Later goal" not in out
    assert [g["title"] for g in cli.json("status")["goals_due"]] == ["Late goal", "Soon goal"]


def test_a_month_due_date_counts_by_its_last_day(cli):
    month = (date.today() + timedelta(days=70)).strftime("%Y-%m")
    cli("goals", "add", "Month goal", "--due", month, ok=True)
    assert "Month goal" not in cli("status", ok=True).stdout


POSTING = """Assistant Principal - Round Rock ISD

Qualifications
- Master's degree required
- One year of experience as an assistant principal required
"""


def test_the_organisation_is_named_once(cli):
    cli("gap", "analyze", "-", input=POSTING, ok=True)
    cli("gap", "analyze", "-", input=POSTING.replace("Round Rock", "Hutto"), ok=True)
    show = cli("gap", "show", "1", ok=True).stdout
    assert show.splitlines()[0] == "Assistant Principal - Round Rock ISD  (report 1)"
    assert cli("status", ok=True).stdout.count("Hutto ISD") == 1
    common = cli("gap", "common", ok=True).stdout
    assert common.count("Round Rock ISD") == 1 and "(Round Rock ISD)" not in common
    rerun = cli("gap", "rerun", "1", ok=True).stdout
    assert rerun.count("Round Rock ISD") == 1


def test_one_year_asked_is_singular(cli):
    cli(
        "gap",
        "analyze",
        "-",
        input=POSTING.replace("as an assistant principal", "in school administration"),
        ok=True,
    )
    out = cli("gap", "show", "1", ok=True).stdout
    assert "1 year asked" in out and "1 years" not in out


def test_review_leaves_out_feedback_a_brief_quotes(cli):
    cli("import", str(HERE / "texas-coach.yaml"), ok=True)
    before = cli.json("review")
    unused = next(c for c in before["checks"] if c["check"] == "unused-feedback")
    assert len(unused["findings"]) == 2  # no posting yet: nothing uses them
    cli("gap", "analyze", str(HERE / "ap-p2.txt"), ok=True)
    brief = cli("prep", "1", ok=True).stdout
    quoted = set(re.findall(r"^> “(.+)”$", brief, re.M))
    assert quoted
    after = next(c for c in cli.json("review")["checks"] if c["check"] == "unused-feedback")
    listed = {f["entry"] for f in after["findings"]}
    assert not listed & quoted
    texts = {"Rosa's restorative circles changed how our grade 7 team handles conflict.",
             "Her data meetings are the most useful hour of my month."}  # fmt: skip
    assert listed == texts - quoted
    out = cli("review", ok=True).stdout
    for text in quoted:
        assert text not in out


def test_the_readme_stands_alone():
    readme = (ROOT / "README.md").read_text()
    assert "../shared" not in readme
    assert "source .venv/bin/activate" in readme
    assert "docs/gap-json.md" in readme
    contract = (ROOT / "docs" / "gap-json.md").read_text()
    for field in (
        "`text`",
        "`section`",
        "`must`",
        "`type`",
        "`verdict`",
        "`competencies`",
        "`evidence`",
        "`why`",
    ):
        assert field in contract


def test_an_organisation_before_a_dash_and_its_town_is_read(cli):
    posting = (
        "Assistant Principal (2025-2026 School Year)\n"
        "Georgetown Independent School District - Georgetown, TX\n\n"
        "Qualifications\n- Master's degree required\n"
    )
    report = json.loads(cli("gap", "analyze", "-", "--json", input=posting, ok=True).stdout)
    assert report["posting"]["organization"] == "Georgetown Independent School District"
    assert "Georgetown Independent School District" in cli("gap", "list", ok=True).stdout
