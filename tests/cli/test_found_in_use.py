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
