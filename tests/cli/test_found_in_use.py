"""Issue 15, "Found while using it": each through the command line."""

from __future__ import annotations

import pytest
from test_editor import Editor


@pytest.fixture
def editor(tmp_path, monkeypatch) -> Editor:
    folder = tmp_path / "editor"
    folder.mkdir()
    return Editor(folder, monkeypatch)


# -- skills split on commas ------------------------------------------------------------------


def test_skills_typed_in_the_editor_split_on_commas(cli, editor):
    editor.will(
        write="title: Ran the safety drill\ndate: 2024-03-01\nskills: campus safety, emergency operations\n"
    )
    cli("log", ok=True)
    assert cli.json("wins", "show", "1")["skills"] == ["campus safety", "emergency operations"]


def test_skill_option_splits_on_commas_too(cli):
    cli(
        "log",
        "Ran the safety drill",
        "--skill",
        "campus safety, emergency operations",
        "-s",
        "drills",
        ok=True,
    )
    assert cli.json("wins", "show", "1")["skills"] == ["campus safety", "emergency operations", "drills"]


# -- network names match as search does ------------------------------------------------------------


def test_network_touch_ignores_accents_and_case(cli):
    cli("network", "add", "Dr. Renée Martínez", "--relationship", "mentor", ok=True)
    assert "Martínez" in cli("search", "martinez", ok=True).stdout
    r = cli("network", "touch", "martinez", "--note", "Coffee", ok=True)
    assert "Renée Martínez" in r.stderr
    cli("network", "touch", "RENEE MARTINEZ", ok=True)
    assert len(cli.json("network", "touches")) == 2


# -- status and learn list say which hours are done and which in progress -------------------------------


def test_status_and_learn_list_count_hours_the_same_way(cli):
    from datetime import date

    year = date.today().year
    cli("learn", "add", "Law course", "--hours", "28", "--date", f"{year}-01-10", ok=True)
    cli(
        "learn",
        "add",
        "Leadership cohort",
        "--hours",
        "35",
        "--date",
        f"{year}-01-20",
        "--status",
        "in-progress",
        ok=True,
    )
    status = cli("status", ok=True).stdout
    assert "28 hours done this year (1 entry); 35 more in progress (1 entry)" in status
    data = cli.json("status")
    assert (data["pl_hours_this_year"], data["pl_hours_in_progress"]) == (28, 35)
    listed = cli("learn", "list", ok=True).stdout.splitlines()[-1]
    assert listed == "2 shown; 28 hours done, 35 in progress"
    assert cli.json("learn", "list")["in_progress_hours"] == 35


# -- dates: US and UK slashes, school-year words, a warning on a future date ------------------------------


def test_us_slashed_dates_are_accepted(cli):
    cli("log", "Ran the spring data day", "--date", "3/15/2024", ok=True)
    cli("feedback", "add", "Great PD", "--relationship", "colleague", "--date", "15/03/2024", ok=True)
    cli("log", "Two-digit year", "--date", "3/5/24", ok=True)
    assert [w["date"] for w in cli.json("wins", "list")] == ["2024-03-15", "2024-03-05"]
    assert cli.json("feedback", "list")[0]["date"] == "2024-03-15"


def test_a_uk_profile_reads_slashed_dates_day_first(cli):
    cli("profile", "set", "--name", "Sam Patel", "--location", "Leeds, UK", ok=True)
    cli("log", "Led the Year 9 trip", "--date", "05/03/2024", ok=True)
    assert cli.json("wins", "list")[0]["date"] == "2024-03-05"


def test_a_us_profile_reads_them_month_first(cli):
    cli("profile", "set", "--name", "Jo Park", "--location", "Dayton, OH", ok=True)
    cli("log", "Led the trip", "--date", "05/03/2024", ok=True)
    assert cli.json("wins", "list")[0]["date"] == "2024-05-03"


@pytest.mark.parametrize(
    "words, expected", [("fall 2023", "2023-09"), ("spring 2024", "2024-03"), ("Autumn 2022", "2022-09")]
)
def test_school_year_words_are_accepted(cli, words, expected):
    cli("log", "Chaired the committee", "--date", words, ok=True)
    assert cli.json("wins", "list")[0]["date"] == expected


def test_relative_school_words_resolve_against_today(cli):
    from careerkit.dates import parse_date

    for words in ("last spring", "this term", "last semester", "this fall"):
        cli("learn", "add", f"Course {words}", "--date", words, ok=True)
    dates = {e["title"]: e["date"] for e in cli.json("learn", "list")["entries"]}
    for words in ("last spring", "this term", "last semester", "this fall"):
        assert dates[f"Course {words}"] == parse_date(words)


def test_a_win_or_feedback_in_the_future_is_kept_with_a_warning(cli):
    from datetime import date

    later = f"{date.today().year + 1}-06-01"
    r = cli("log", "Typo in the year", "--date", later, ok=True)
    assert f"warning: the date {later} is in the future" in r.stderr
    assert cli.json("wins", "list")[0]["date"] == later
    r = cli("feedback", "add", "Kind words", "--relationship", "parent", "--date", later, ok=True)
    assert "in the future" in r.stderr
    r = cli("log", "Today is fine", ok=True)
    assert "future" not in r.stderr
    r = cli("learn", "add", "A course I will take", "--date", later, "--status", "planned", ok=True)
    assert "future" not in r.stderr


# -- wins and the position they fall in --------------------------------------------------------------


@pytest.fixture
def career(cli):
    cli(
        "roles",
        "add",
        "Grade 4 Teacher",
        "--org",
        "Oak Elementary",
        "--start",
        "2015-08",
        "--end",
        "2020-06",
        "-c",
        "teaching",
        ok=True,
    )
    cli(
        "roles",
        "add",
        "Instructional Coach",
        "--org",
        "Oak Elementary",
        "--start",
        "2020-08",
        "-c",
        "leadership",
        ok=True,
    )
    cli("log", "Ran a reading pilot", "--date", "2018-03-01", ok=True)
    for month in range(1, 5):
        cli("log", f"Coaching cycle {month}", "--date", f"2023-0{month}-15", ok=True)
    return cli


def test_wins_list_role_finds_the_wins_that_fall_in_it_by_date(career):
    coach = [w["title"] for w in career.json("wins", "list", "--role", "Instructional Coach")]
    assert coach == [f"Coaching cycle {m}" for m in (4, 3, 2, 1)]
    assert [w["title"] for w in career.json("wins", "list", "--role", "grade 4")] == ["Ran a reading pilot"]
    # a win that names its position belongs to that one, whatever its date
    career("wins", "edit", "5", "--position", "Grade 4 Teacher", ok=True)
    assert "Coaching cycle 4" not in [w["title"] for w in career.json("wins", "list", "--role", "coach")]
    assert "Coaching cycle 4" in [w["title"] for w in career.json("wins", "list", "--role", "grade 4")]


def test_an_unknown_position_is_refused_listing_the_known_ones(career):
    before = career.json("wins", "show", "5")
    r = career("wins", "edit", "5", "--position", "Principal")
    assert r.exit_code == 1
    [line] = r.stderr.strip().splitlines()
    assert line.startswith("error: no position 'Principal' in your record: use one of ")
    assert "Instructional Coach @ Oak Elementary (2020-08 to now)" in line
    assert "Grade 4 Teacher @ Oak Elementary (2015-08 to 2020-06)" in line
    assert career.json("wins", "show", "5") == before
    r = career("log", "New win", "--position", "Principal")
    assert r.exit_code == 1 and "no position 'Principal'" in r.stderr
    # a known one is stored as the position writes it
    career("wins", "edit", "5", "--position", "instructional  coach", ok=True)
    assert career.json("wins", "show", "5")["position"] == "Instructional Coach"
