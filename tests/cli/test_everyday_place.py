"""Words for the user's place: the frameworks that fit the profile's place by name (codes with
--codes), spelling by place, acronyms as the lexicon spells them out, T-PESS for Texas and the
NPQs for England."""

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


@pytest.fixture
def england(cli):
    cli("profile", "set", "--name", "Sam Hale", "--location", "Leeds, England", ok=True)
    cli(
        "log",
        "Led the Year 9 behaviour reset with restorative conversations",
        "--impact",
        "exclusions down 20%",
    )
    for name in ("england-deputy-1.txt", "england-deputy-2.txt"):
        cli("gap", "analyze", str(HERE / name), ok=True)
    return cli


def test_a_texas_user_sees_us_frameworks_by_name(texas):
    for args in (["gap", "show", "1"], ["gap", "common"], ["plan"]):
        out = texas(*args, ok=True).stdout
        assert "(PSEL)" in out, args
        assert "HTS" not in out and "hts-" not in out and "psel-" not in out, args
    coded = texas("gap", "show", "1", "--codes", ok=True).stdout
    assert "psel-" in coded
    assert "PSEL-9: Operations and Management" in texas("gap", "common", "--codes", ok=True).stdout
    # The saved report keeps every framework for programs.
    report = texas.json("gap", "show", "1")
    assert any(c.startswith("hts-") for r in report["requirements"] for c in r["competencies"])


def test_an_english_user_sees_the_headteachers_standards(england):
    out = england("gap", "show", "1", ok=True).stdout
    assert "(HTS)" in out and "PSEL" not in out and "TLMS" not in out


def test_us_spelling_for_a_us_profile(texas):
    common = texas("gap", "common", ok=True).stdout
    assert "community organization for a school program" in common
    assert "organisation" not in common and "programme" not in common
    texas("profile", "set", "--location", "", ok=True)
    unknown = texas("gap", "common", ok=True).stdout  # no place: careerkit's words as written
    assert "community organisation for a school programme" in unknown


def test_english_spelling_and_npqs_for_england(england):
    out = england("gap", "common", ok=True).stdout
    assert "Behaviour" in out and "Behavior" not in out
    plan = england("plan", ok=True).stdout
    assert "NPQ in Leading Teacher Development (NPQLTD)" in plan
    assert "Find the route to Qualified Teacher Status (QTS)" in plan  # a name keeps its capitals


def test_npqs_and_texas_ways_stay_where_they_belong(texas, cli):
    plan = texas("plan", ok=True).stdout
    assert "NPQ" not in plan
    assert "Complete T-TESS appraiser training and certification" in plan
    assert "Complete your state's evaluator training" not in plan  # the Texas way stands in for it
    texas("profile", "set", "--location", "Aurora, CO", ok=True)
    colorado = texas("plan", ok=True).stdout
    assert "T-TESS appraiser training and certification" not in colorado
    assert "Complete your state's evaluator training" in colorado


def test_acronyms_are_written_as_acronyms(cli):
    cli("profile", "set", "--name", "Rosa", "--location", "Austin, TX", ok=True)
    for org in ("Hays CISD", "Manor ISD"):
        posting = (
            f"Assistant Principal\n{org}\n\nQualifications\n"
            "- Experience leading a multi-tiered system of supports for students\n"
            "- Master's degree\n"
        )
        cli("gap", "analyze", "-", input=posting, ok=True)
    data = cli.json("gap", "common")
    labels = [g["label"] for s in data["sections"] for g in s["groups"]]
    assert "MTSS" in labels and "Mtss" not in labels
    assert "MTSS" in cli("gap", "common", ok=True).stdout


def test_t_pess_is_a_framework(cli):
    out = cli("frameworks", "list", ok=True).stdout
    assert "Texas Principal Evaluation and Support System" in out
    shown = cli("frameworks", "show", "tpess-2", ok=True).stdout
    assert "Human Capital" in shown


def test_assess_defaults_to_the_framework_of_the_place(england, cli):
    assert england.json("assess", "show")["framework"] == "hts"
    england("config", "set", "assess.framework", "psel-2015", ok=True)
    assert england.json("assess", "show")["framework"] == "psel"
