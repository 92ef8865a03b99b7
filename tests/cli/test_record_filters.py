"""`list` filters: --since/--until (ISO and words), --skill, --kind, --role, --limit; the hours
total of `learn list`; the expiry flag of `creds list`; `feedback list --from-relationship`."""

from __future__ import annotations

from datetime import date, timedelta

import pytest


def ids(rows) -> list[int]:
    return [r["id"] for r in (rows["entries"] if isinstance(rows, dict) else rows)]


def months_back(n: int, today: date | None = None) -> str:
    today = today or date.today()
    index = today.year * 12 + today.month - 1 - n
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


@pytest.fixture
def dated(prepared):
    """Wins on known dates; ids follow the order below."""
    return prepared(f"dated-{date.today()}", _dated)


def _dated(cli):
    today = date.today()
    for title, when in [
        ("old day", "2023-11-20"),  # 1
        ("march day", "2024-03-12"),  # 2
        ("march month", "2024-03"),  # 3
        ("whole year", "2024"),  # 4
        ("april day", "2024-04-01"),  # 5
        ("yesterday", (today - timedelta(days=1)).isoformat()),  # 6
        ("today", today.isoformat()),  # 7
        ("last month", months_back(1) + "-15"),  # 8
    ]:
        cli("log", title, "--date", when, ok=True)


@pytest.mark.parametrize(
    "args, expected",
    [
        (["--since", "2024-03-12", "--until", "2024-03-31"], {2, 3, 4}),
        (["--since", "2024-03", "--until", "2024-03"], {2, 3, 4}),
        (["--since", "2024-03-15", "--until", "2024-03-20"], {3, 4}),
        (["--until", "2023-12-31"], {1}),
        (["--since", "2024-04-01", "--until", "2024-12-31"], {4, 5}),
        (["--since", "2024", "--until", "2024"], {2, 3, 4, 5}),
    ],
)
def test_since_until_iso(dated, args, expected):
    assert set(ids(dated.json("wins", "list", *args))) == expected


def test_since_yesterday(dated):
    assert set(ids(dated.json("wins", "list", "--since", "yesterday"))) == {6, 7}


def test_until_yesterday(dated):
    got = set(ids(dated.json("wins", "list", "--until", "yesterday")))
    assert 7 not in got and 6 in got


def test_since_last_month_is_the_whole_month(dated):
    got = set(ids(dated.json("wins", "list", "--since", "last month", "--until", "last month")))
    assert 8 in got
    assert not got & {1, 2, 3, 4, 5, 7}


def test_list_is_newest_first(dated):
    rows = dated.json("wins", "list", "--since", "2024-03-12", "--until", "2024-04-30")
    assert [r["date"] for r in rows] == sorted([r["date"] for r in rows], reverse=True)


def test_limit(dated):
    rows = dated.json("wins", "list", "--limit", "2")
    assert ids(rows) == [7, 6]
    assert ids(dated.json("wins", "list", "-n", "1")) == [7]


def test_limit_must_not_be_negative(cli):
    r = cli("wins", "list", "--limit", "-1")
    assert r.exit_code == 2


def test_limit_zero_means_all(dated):
    assert ids(dated.json("wins", "list", "--limit", "0")) == ids(dated.json("wins", "list"))
    assert len(ids(dated.json("wins", "list", "-n", "0"))) == 8


@pytest.mark.parametrize("bad", ["2024-13", "whenever", "31/13/2024"])
def test_a_bad_since_is_one_error_line(dated, bad):
    r = dated("wins", "list", "--since", bad)
    assert r.exit_code == 1
    assert r.stderr.strip().splitlines() == [r.stderr.strip()]
    assert r.stderr.startswith("error: not a date")
    assert r.stdout == ""


def test_skill_filter_matches_part_of_a_skill_any_case(cli):
    cli("log", "a", "-s", "Formative Assessment", "-s", "data use", ok=True)
    cli("log", "b", "-s", "adult learning", ok=True)
    cli("log", "c", ok=True)
    assert ids(cli.json("wins", "list", "--skill", "formative")) == [1]
    assert ids(cli.json("wins", "list", "--skill", "DATA USE")) == [1]
    assert set(ids(cli.json("wins", "list", "--skill", "a"))) == {1, 2}
    assert ids(cli.json("wins", "list", "--skill", "budgets")) == []


def test_skill_filter_takes_percent_and_underscore_literally(cli):
    cli("log", "a", "-s", "100% attendance", ok=True)
    cli("log", "b", "-s", "data use", ok=True)
    assert ids(cli.json("wins", "list", "--skill", "%")) == [1]
    assert ids(cli.json("wins", "list", "--skill", "_")) == []


def test_skill_filter_on_learning_and_goals(cli):
    cli("learn", "add", "Course", "-s", "coaching", "--hours", "3", ok=True)
    cli("learn", "add", "Book", "-s", "budgets", ok=True)
    cli("goals", "add", "Coach a peer", "-s", "coaching", ok=True)
    assert ids(cli.json("learn", "list", "--skill", "coach")) == [1]
    assert ids(cli.json("goals", "list", "--skill", "coach")) == [1]


@pytest.mark.parametrize(
    "group, adds, kind, expected",
    [
        ("wins", [["a", "--kind", "pilot"], ["b", "--kind", "union"]], "pilot", [1]),
        ("learn", [["a", "--kind", "book"], ["b", "--kind", "course"]], "course", [2]),
        ("creds", [["a", "--kind", "degree"], ["b", "--kind", "award"]], "award", [2]),
        ("goals", [["a", "--kind", "learning"], ["b", "--kind", "network"]], "learning", [1]),
        (
            "roles",
            [
                ["a", "--org", "o", "--start", "2020", "-c", "teaching"],
                ["b", "--org", "o", "--start", "2021", "-c", "leadership"],
            ],
            "leadership",
            [2],
        ),
        ("network", [["a", "-r", "mentor"], ["b", "-r", "sponsor"]], "sponsor", [2]),
        ("feedback", [["a", "-r", "parent"], ["b", "-r", "student"]], "student", [2]),
    ],
)
def test_kind_filter(cli, group, adds, kind, expected):
    for args in adds:
        cli(group, "add", *args, ok=True)
    assert ids(cli.json(group, "list", "--kind", kind)) == expected
    assert ids(cli.json(group, "list", "-k", kind.upper())) == expected


def test_an_unknown_kind_value_names_the_choices(cli):
    cli("log", "a", ok=True)
    r = cli("wins", "list", "--kind", "heroics")
    assert r.exit_code == 2
    assert r.stderr.strip().splitlines() == [
        "error: invalid value for '--kind' / '-k': 'heroics' is not one of 'stretch', 'leadership', "
        "'committee', 'pilot', 'mentoring', 'professional-learning', 'data', 'operations', 'community', "
        "'union', 'award', 'project', 'publication', 'other'; see root wins list --help"
    ]


def test_role_filter_on_wins(cli):
    cli("log", "a", "--position", "Instructional Coach @ Oak Elementary", ok=True)
    cli("log", "b", "--position", "Grade 4 Teacher", ok=True)
    cli("log", "c", ok=True)
    assert ids(cli.json("wins", "list", "--role", "coach")) == [1]
    assert ids(cli.json("wins", "list", "--role", "oak")) == [1]


def test_role_filter_on_network_and_roles(cli):
    cli("network", "add", "Sam", "-r", "sponsor", "--role", "Director of School Leadership", ok=True)
    cli("network", "add", "Ana", "-r", "peer", "--role", "Teacher", ok=True)
    cli(
        "roles",
        "add",
        "Assistant Principal",
        "--org",
        "o",
        "--start",
        "2020",
        "-c",
        "administration",
        ok=True,
    )
    cli("roles", "add", "Teacher", "--org", "o", "--start", "2015", "-c", "teaching", ok=True)
    assert ids(cli.json("network", "list", "--role", "director")) == [1]
    assert ids(cli.json("roles", "list", "--role", "principal")) == [1]


def test_roles_since_keeps_positions_still_held_or_overlapping(cli):
    cli(
        "roles",
        "add",
        "Teacher",
        "--org",
        "o",
        "--start",
        "2010-08",
        "--end",
        "2016-06",
        "-c",
        "teaching",
        ok=True,
    )
    cli("roles", "add", "Chair", "--org", "o", "--start", "2014-08", "-c", "leadership", ok=True)
    cli("roles", "add", "Tutor", "--org", "o", "--start", "2015", "--end", "2020", "-c", "support", ok=True)
    assert set(ids(cli.json("roles", "list", "--since", "2018"))) == {2, 3}
    assert set(ids(cli.json("roles", "list", "--until", "2012"))) == {1}
    assert set(ids(cli.json("roles", "list", "--since", "2016-06"))) == {1, 2, 3}


def test_roles_list_newest_start_first(cli):
    cli("roles", "add", "A", "--org", "o", "--start", "2010", "-c", "teaching", ok=True)
    cli("roles", "add", "B", "--org", "o", "--start", "2020-08", "-c", "teaching", ok=True)
    cli("roles", "add", "C", "--org", "o", "--start", "2015-01", "-c", "teaching", ok=True)
    assert ids(cli.json("roles", "list")) == [2, 3, 1]


def test_feedback_from_relationship(cli):
    cli("feedback", "add", "Thank you for the newsletter", "-r", "parent", ok=True)
    cli("feedback", "add", "Clear data talks", "-r", "supervisor", ok=True)
    cli("feedback", "add", "My child loves reading now", "-r", "parent", ok=True)
    assert set(ids(cli.json("feedback", "list", "--from-relationship", "parent"))) == {1, 3}
    table = cli("feedback", "list", "--from-relationship", "parent", ok=True).stdout
    assert "newsletter" in table and "reading" in table and "data talks" not in table
    r = cli("feedback", "list", "--from-relationship", "aliens")
    assert r.exit_code == 2 and "'aliens' is not one of 'supervisor'" in r.stderr


def test_learn_list_totals_the_hours_done(cli):
    cli("learn", "add", "Institute", "--hours", "12", ok=True)
    cli("learn", "add", "Webinar", "--hours", "1.5", "--kind", "webinar", ok=True)
    cli("learn", "add", "Planned course", "--hours", "30", "--status", "planned", ok=True)
    cli("learn", "add", "Book", ok=True)
    data = cli.json("learn", "list")
    assert data["total_hours"] == 13.5
    assert len(data["entries"]) == 4
    out = cli("learn", "list", ok=True).stdout
    assert "4 shown; 13.5 hours done" in out
    assert cli.json("learn", "list", "--kind", "webinar")["total_hours"] == 1.5


def test_creds_list_flags_what_expires_within_a_year(cli):
    today = date.today()
    soon = (today + timedelta(days=200)).isoformat()
    later = (today + timedelta(days=800)).isoformat()
    past = (today - timedelta(days=10)).isoformat()
    cli("creds", "add", "Teaching licence", "--kind", "license", "--expires", soon, ok=True)
    cli("creds", "add", "Principal licence", "--kind", "license", "--expires", later, ok=True)
    cli("creds", "add", "CPR", "--kind", "training", "--expires", past, ok=True)
    cli("creds", "add", "B.A.", "--kind", "degree", ok=True)
    flags = {r["name"]: r["expiring"] for r in cli.json("creds", "list")}
    assert flags == {"Teaching licence": "soon", "Principal licence": None, "CPR": "expired", "B.A.": None}
    out = cli("creds", "list", ok=True).stdout
    assert f"{soon} (within a year)" in out
    assert f"{past} expired" in out
    assert f"{later} (within" not in out
    assert "2 expired or expiring within a year" in out
    shown = cli("creds", "show", "1", ok=True).stdout
    assert "within a year" in shown


def test_empty_list_says_so(cli):
    out = cli("wins", "list", ok=True).stdout
    assert "Nothing here yet." in out
    assert cli.json("wins", "list") == []


# -- dates as typed on the command line (the parser alone: tests/unit/test_dates.py) ------------


def test_log_date_yesterday_through_the_cli(cli):
    cli("log", "Ran the data meeting", "--date", "yesterday", ok=True)
    row = cli.json("wins", "list")[0]
    assert row["date"] == (date.today() - timedelta(days=1)).isoformat()


def test_log_date_keeps_a_month(cli):
    cli("log", "Piloted the new rubric", "--date", "2023-10", ok=True)
    assert cli.json("wins", "list")[0]["date"] == "2023-10"


def test_log_without_date_is_today(cli):
    cli("log", "Something today", ok=True)
    assert cli.json("wins", "list")[0]["date"] == date.today().isoformat()
