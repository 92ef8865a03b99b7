"""`careerkit review`: the freshness checks, for people and with --json."""

from __future__ import annotations

import datetime as dt

from careerkit.documents.review import review

CAREER = """careerkit: 1
profile: {{name: Kim Doe}}
positions:
  - {{title: Coach, organization: Oak School, start: 2015-08, category: leadership}}
  - {{title: Teacher, organization: Elm School, start: 2008-08, end: 2015-06, category: teaching}}
credentials:
  - {{kind: license, name: Soon Licence, date: 2015, expires: {soon}}}
  - {{kind: license, name: Old Licence, date: 2005, expires: 2010-06-30}}
  - {{kind: license, name: Far Licence, date: 2020, expires: 2099-06-30}}
accomplishments:
  - {{date: 2016-03-01, title: Led the reading pilot, position: Coach, impact: "scores up 12 points"}}
  - {{date: 2016-04-01, title: Responsible for the book room, position: Coach, impact: "4,000 books"}}
  - {{date: 2016-05-01, title: Helped with testing, position: Coach}}
  - {{date: 2016-06-01, title: Ran family nights, position: Coach, impact: many families came}}
  - {{date: 2024-06-01, title: Private thing, position: Coach, private: true}}
feedback:
  - {{date: 2024-01-01, text: Great coaching., relationship: supervisor}}
  - {{date: 2024-02-01, text: Private praise., relationship: colleague, private: true}}
"""


def _load(cli, tmp_path):
    soon = (dt.date.today() + dt.timedelta(days=30)).isoformat()
    f = tmp_path / "c.yaml"
    f.write_text(CAREER.format(soon=soon))
    cli("import", str(f), ok=True)
    return soon


def test_review_json_finds_each_kind_of_problem(cli, tmp_path):
    soon = _load(cli, tmp_path)
    data = cli.json("review")
    checks = {c["check"]: c for c in data["checks"]}
    assert list(checks) == [
        "stale-lead",
        "no-impact",
        "weak-opening",
        "expiring",
        "empty-position",
        "unused-feedback",
    ]
    titles = lambda name: [f["text"] for f in checks[name]["findings"]]  # noqa: E731
    # The current job's leading bullet is from 2016: stale.
    assert titles("stale-lead") == ["Led the reading pilot — scores up 12 points"]
    assert checks["stale-lead"]["findings"][0]["detail"] == "leads Coach"
    assert sorted(titles("no-impact")) == ["Helped with testing", "Ran family nights"]
    assert [f["detail"] for f in checks["no-impact"]["findings"] if f["text"] == "Ran family nights"] == [
        "impact has no number"
    ]
    assert sorted(titles("weak-opening")) == ["Helped with testing", "Responsible for the book room"]
    assert {f["text"]: f["detail"] for f in checks["expiring"]["findings"]} == {
        "Soon Licence": f"expires {soon} (in 30 days)",
        "Old Licence": "expired 2010-06-30",
    }
    assert titles("empty-position") == ["Teacher"]
    assert titles("unused-feedback") == ["Great coaching."]  # private feedback is not reviewed
    assert data["total"] == sum(c["count"] for c in data["checks"])
    assert "Private thing" not in str(data)


def test_review_for_people(cli, tmp_path):
    _load(cli, tmp_path)
    result = cli("review", ok=True)
    out = result.stdout
    assert "Bullets that open with a weak phrase (2)" in out
    assert "Responsible for the book room" in out and 'opens with "responsible for"' in out
    assert "Start with what you did" in out
    assert "Positions with no accomplishment (1)" in out


def test_review_of_a_clean_record(cli):
    cli("profile", "set", "--name", "Kim Doe", ok=True)
    result = cli("review", ok=True)
    assert result.stdout.strip() == "Nothing to freshen: every check passed."
    assert cli.json("review")["total"] == 0


def test_feedback_cited_by_a_saved_report_counts_as_used(cli, tmp_path, db_path):
    from careerkit.store.db import connect
    from careerkit.store.snapshot import read_trusted

    _load(cli, tmp_path)
    conn = connect(db_path)
    record = read_trusted(conn)
    conn.close()
    from careerkit.models.gap import Evidence, GapReport, PostingInfo, RequirementResult

    fb = record.feedback[0] if not record.feedback[0].private else record.feedback[1]
    report = GapReport(
        posting=PostingInfo(),
        score=100,
        requirements=[
            RequirementResult(
                text="x",
                must="required",
                type="skill",
                verdict="met",
                why="x",
                evidence=[Evidence(kind="feedback", id=fb.id, text="x", score=1.0)],
            )
        ],
    )
    checks = {c.name: c for c in review(record, [report])}
    assert checks["unused-feedback"].findings == []


def test_review_rejects_unknown_options(cli):
    result = cli("review", "--bogus")
    assert result.exit_code == 2 and "--bogus" in result.stderr
