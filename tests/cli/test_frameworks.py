"""frameworks list/show, user frameworks and lexicon files, and competency mapping
(`wins list --competency`)."""

from __future__ import annotations

import pytest
from conftest import FIXTURES


@pytest.fixture
def user_dir(tmp_path, monkeypatch):
    folder = tmp_path / "my-frameworks"
    folder.mkdir()
    monkeypatch.setenv("CAREERKIT_FRAMEWORKS", str(folder))
    return folder


def test_list_has_the_three_frameworks(cli):
    rows = cli.json("frameworks", "list")
    by_id = {r["id"]: r for r in rows}
    assert by_id["psel"]["competencies"] == 10
    assert by_id["tlms"]["competencies"] == 7
    assert by_id["hts"]["competencies"] == 10
    assert all(r["origin"] == "built in" for r in rows)
    out = cli("frameworks", "list", ok=True).stdout
    assert "Professional Standards for Educational Leaders" in out


def test_show_uses_official_titles(cli):
    psel = cli.json("frameworks", "show", "psel")
    assert [c["id"] for c in psel["competencies"]] == [f"psel-{i}" for i in range(1, 11)]
    assert psel["competencies"][8]["title"] == "Operations and Management"
    tlms = cli.json("frameworks", "show", "tlms")
    assert tlms["competencies"][4]["title"].startswith("Promoting the Use of Assessments and Data")
    hts = cli.json("frameworks", "show", "hts")
    assert hts["competencies"][4]["title"] == "Additional and special educational needs and disabilities"
    one = cli.json("frameworks", "show", "PSEL-8")
    assert one["framework"] == "psel" and one["id"] == "psel-8" and one["keywords"]
    out = cli("frameworks", "show", "hts", ok=True).stdout
    assert "hts-10" in out and "Governance and accountability" in out


def test_show_unknown(cli):
    r = cli("frameworks", "show", "nope")
    assert r.exit_code == 1 and "no framework or competency 'nope'" in r.stderr


def test_user_framework_is_listed_and_used(cli, user_dir):
    (user_dir / "district.yaml").write_text(
        "id: ocs\nname: Ocmulgee Leader Rubric\ncompetencies:\n"
        "  - id: ocs-1\n    title: Budget stewardship\n    keywords: [budget, purchasing, grants]\n"
    )
    rows = {r["id"]: r for r in cli.json("frameworks", "list")}
    assert rows["ocs"]["origin"].endswith("district.yaml")
    assert cli.json("frameworks", "show", "ocs-1")["title"] == "Budget stewardship"


@pytest.mark.parametrize(
    "content, message",
    [
        ("id: x\nname: X\ncompetencies: []\n", "competencies"),
        ("id: x\ncompetencies:\n  - id: x-1\n    title: A\n", "name"),
        ("id: x\nname: X\ncompetencies:\n  - {id: x-1, title: A}\n  - {id: x-1, title: B}\n", "repeated"),
        ("id: x\nname: X\ncompetencies:\n  - {id: psel-1, title: A}\n", "also used by framework psel"),
        ("id: [unclosed\n", "not valid YAML"),
        ("- just\n- a list\n", "expected a framework"),
        ("terms:\n  - variants: [a]\n", "not a lexicon file"),
    ],
)
def test_bad_user_file_is_one_clear_error(cli, user_dir, content, message):
    (user_dir / "bad.yaml").write_text(content)
    r = cli("frameworks", "list")
    assert r.exit_code == 1 and r.stderr.startswith("error:") and message in r.stderr
    assert "bad.yaml" in r.stderr and "Traceback" not in r.stderr


def test_framework_folder_beside_the_database(cli, db_path):
    folder = db_path.parent / "frameworks"
    folder.mkdir(parents=True)
    (folder / "mine.json").write_text(
        '{"id": "mine", "name": "Mine", "competencies": [{"id": "mine-1", "title": "One"}]}'
    )
    assert "mine" in {r["id"] for r in cli.json("frameworks", "list")}


def test_user_lexicon_extends_matching(cli, user_dir):
    cli("log", "Ran the campus Bluebird reading tutoring for third graders", ok=True)
    posting = "Reading Specialist\n\nRequirements\n- Experience running the Kestrel tutoring model\n"
    before = cli("gap", "analyze", "-", "--json", input=posting, ok=True)
    import json

    item = json.loads(before.stdout)["requirements"][0]
    assert item["verdict"] != "met"
    (user_dir / "lexicon.yaml").write_text(
        "terms:\n  - term: kestrel tutoring\n    variants: [kestrel tutoring model, bluebird reading tutoring]\n"
        "    competencies: [psel-5]\n    weight: 3\n"
    )
    after = json.loads(cli("gap", "analyze", "-", "--json", input=posting, ok=True).stdout)
    item = after["requirements"][0]
    assert item["verdict"] == "met" and "psel-5" in item["competencies"]


def test_wins_by_competency(cli):
    cli("log", "Wrote the school improvement plan's math goal with the leadership team", ok=True)
    cli("log", "Hosted a family literacy night with the public library", ok=True)
    cli("log", "Repainted my classroom door", ok=True)
    rows = cli.json("wins", "list", "--competency", "psel-10")
    assert [r["title"] for r in rows] == [
        "Wrote the school improvement plan's math goal with the leadership team"
    ]
    rows = cli.json("wins", "list", "--competency", "psel-8")
    assert [r["title"] for r in rows] == ["Hosted a family literacy night with the public library"]
    r = cli("wins", "list", "--competency", "psel-99")
    assert r.exit_code == 1 and "no competency 'psel-99'" in r.stderr


def test_accomplishments_for_on_a_record(sample_file):
    from careerkit.models.record import AccomplishmentEntry, Record
    from careerkit.posting.competencies import accomplishments_for

    record = Record(
        accomplishments=[
            AccomplishmentEntry(id=1, date="2024-01-01", title="Facilitated the grade 4 PLC", skills=["PLC"]),
            AccomplishmentEntry(
                id=2, date="2024-02-01", title="Built the master schedule", skills=["scheduling"]
            ),
        ]
    )
    assert accomplishments_for(record, "psel-7") == [1]
    assert accomplishments_for(record, "psel-9") == [2]
    assert accomplishments_for(record, "tlms-1") == [1]


def test_requirements_carry_competencies(cli):
    data = cli.json("gap", "analyze", str(FIXTURES / "postings-verdict" / "coach.txt"))
    plc = [r for r in data["requirements"] if "professional learning communities" in r["text"].lower()][0]
    assert "psel-7" in plc["competencies"]
    bus = [r for r in data["requirements"] if "transportation" in r["text"].lower()][0]
    assert "psel-9" in bus["competencies"]


def test_wins_by_a_user_competency_beside_the_db_named_by_flag(tmp_path):
    """--db elsewhere than CAREERKIT_DB: its own frameworks folder is the one read."""
    from conftest import Cli

    other = Cli(tmp_path / "elsewhere" / "career.db")
    other("log", "Cut the purchasing backlog and won two grants", ok=True)
    other("log", "Repainted my classroom door", ok=True)
    folder = tmp_path / "elsewhere" / "frameworks"
    folder.mkdir()
    (folder / "district.yaml").write_text(
        "id: ocs\nname: Ocmulgee Leader Rubric\ncompetencies:\n"
        "  - id: ocs-1\n    title: Budget stewardship\n    keywords: [budget, purchasing, grants]\n"
    )
    rows = other.json("wins", "list", "--competency", "ocs-1")
    assert [r["title"] for r in rows] == ["Cut the purchasing backlog and won two grants"]
