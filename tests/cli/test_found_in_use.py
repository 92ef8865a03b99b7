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
