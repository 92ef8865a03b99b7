"""gap analyze / list / show / rm / rerun through the CLI, on postings written for these tests."""

from __future__ import annotations

import json

import pytest
from conftest import FIXTURES

POSTINGS = FIXTURES / "postings-verdict"


@pytest.fixture
def person(prepared):
    return prepared("gap", lambda cli: cli("import", str(FIXTURES / "career-gap.yaml"), ok=True))


def _by_text(report, fragment):
    hits = [r for r in report["requirements"] if fragment.lower() in r["text"].lower()]
    assert hits, [r["text"] for r in report["requirements"]]
    return hits[0]


def test_analyze_json_is_the_spec_object_and_is_saved(person):
    data = person.json("gap", "analyze", str(POSTINGS / "coach.txt"))
    assert set(data) == {"id", "posting", "score", "requirements"}
    assert data["posting"]["source"] == "coach.txt"
    assert data["posting"]["chars"] == len((POSTINGS / "coach.txt").read_text())
    assert 0 <= data["score"] <= 100
    for r in data["requirements"]:
        assert set(r) == {"text", "section", "must", "type", "verdict", "competencies", "evidence", "why"}
        assert r["verdict"] in ("met", "partial", "gap") and r["why"]
        for e in r["evidence"]:
            assert set(e) == {"kind", "id", "text", "score"} and 0 <= e["score"] <= 1
        assert len(r["evidence"]) <= 2
    assert person.json("gap", "show", str(data["id"])) == data


def test_verdicts_follow_the_record(person):
    data = person.json("gap", "analyze", str(POSTINGS / "coach.txt"))
    years = _by_text(data, "classroom teaching")
    assert years["verdict"] == "met" and "6 years" in years["why"]  # overlap counted once, school years whole
    assert years["evidence"][0]["kind"] == "position"
    assert _by_text(data, "bachelor")["verdict"] == "met"
    assert _by_text(data, "georgia teaching")["verdict"] == "met"
    plc = _by_text(data, "professional learning communities")
    assert plc["verdict"] == "met" and plc["evidence"][0]["kind"] == "accomplishment"
    assert _by_text(data, "mtss")["verdict"] == "met"
    assert _by_text(data, "transportation")["verdict"] == "gap"
    budget = _by_text(data, "budget")
    assert budget["verdict"] == "partial" and budget["evidence"][0]["kind"] == "learning"


def test_structured_checks_give_partial_and_gap(person):
    data = person.json("gap", "analyze", str(POSTINGS / "ap.txt"))
    assert _by_text(data, "educational leadership")["verdict"] == "met"  # or related field
    assert _by_text(data, "five (5) years")["verdict"] == "met"
    admin = _by_text(data, "administrative experience")
    assert admin["verdict"] == "gap" and "administration" in admin["why"]
    cert = _by_text(data, "texas principal")
    assert cert["verdict"] == "partial"  # in progress, other state
    assert _by_text(data, "doctoral")["verdict"] == "gap"  # a master's does not partly meet a doctorate
    assert _by_text(data, "doctoral")["must"] == "preferred"


def test_fewer_years_is_partial(person):
    person("roles", "rm", "1", "--yes", ok=True)
    person("roles", "rm", "2", "--yes", ok=True)
    data = person.json("gap", "analyze", str(POSTINGS / "coach.txt"))
    assert _by_text(data, "classroom teaching")["verdict"] == "gap"


def test_human_output_groups_gaps_at_the_end(person):
    r = person("gap", "analyze", str(POSTINGS / "coach.txt"), ok=True)
    out = r.stdout
    assert "Score" in out and "Gaps (" in out
    gaps_at = out.index("Gaps (")
    assert out.index("transportation") > gaps_at
    assert out.index("PLC") < gaps_at
    assert "why:" in out and "Saved as report 1" in r.stderr


def test_stdin_title_and_org(person):
    text = (POSTINGS / "coach.txt").read_text()
    r = person(
        "gap", "analyze", "-", "--title", "Literacy Coach", "--org", "Acme ISD", "--json", input=text, ok=True
    )
    data = json.loads(r.stdout)
    assert data["posting"]["title"] == "Literacy Coach"
    assert data["posting"]["organization"] == "Acme ISD"
    assert data["posting"]["source"] is None


def test_list_show_rm(person):
    first = person.json("gap", "analyze", str(POSTINGS / "coach.txt"))
    second = person.json("gap", "analyze", str(POSTINGS / "ap.txt"))
    rows = person.json("gap", "list")
    assert [r["id"] for r in rows] == [second["id"], first["id"]]
    assert rows[1]["score"] == first["score"]
    assert rows[1]["met"] + rows[1]["partial"] + rows[1]["gap"] == len(first["requirements"])
    table = person("gap", "list", ok=True).stdout
    assert "score" in table and str(first["score"]) in table
    shown = person("gap", "show", str(first["id"]), ok=True).stdout
    assert "Gaps (" in shown
    person("gap", "rm", str(first["id"]), "--yes", ok=True)
    assert [r["id"] for r in person.json("gap", "list")] == [second["id"]]
    r = person("gap", "show", str(first["id"]))
    assert r.exit_code == 1 and "no saved posting with id" in r.stderr
    r = person("gap", "rm", "99", "--yes")
    assert r.exit_code == 1 and "no saved posting" in r.stderr


def test_rerun_shows_closed_gaps_and_updates(person):
    first = person.json("gap", "analyze", str(POSTINGS / "coach.txt"))
    assert _by_text(first, "transportation")["verdict"] == "gap"
    person("log", "Coordinated student transportation for the grade 5 field trips", ok=True)
    r = person("gap", "rerun", str(first["id"]), ok=True)
    assert "Gaps closed (1)" in r.stdout and "transportation" in r.stdout
    saved = person.json("gap", "show", str(first["id"]))
    assert _by_text(saved, "transportation")["verdict"] == "met"
    assert saved["score"] > first["score"]
    again = json.loads(person("gap", "rerun", str(first["id"]), "--json", ok=True).stdout)
    assert again["changes"] == [] and again["report"]["id"] == first["id"]
    assert "No change" in person("gap", "rerun", str(first["id"]), ok=True).stdout


@pytest.mark.parametrize(
    "name, message",
    [
        ("binary.png", "binary"),
        ("no-requirements.txt", "no requirements"),
        ("missing.txt", "no such file"),
    ],
)
def test_bad_postings_are_one_clear_error(person, name, message):
    r = person("gap", "analyze", str(POSTINGS / name))
    assert r.exit_code == 1
    assert r.stderr.startswith("error:") and message in r.stderr
    assert "Traceback" not in r.stderr
    assert person.json("gap", "list") == []


def test_empty_and_huge_input(person):
    r = person("gap", "analyze", "-", input="   \n\n")
    assert r.exit_code == 1 and "empty" in r.stderr
    r = person("gap", "analyze", "-", input="- Lead coaching cycles\n" * 250_000)  # ~5.5 MB
    assert r.exit_code == 1 and "larger than 5 MB" in r.stderr
    r = person("gap", "analyze", "-", input="- Lead coaching cycles\n" * 20_000)  # 460,000 characters
    assert r.exit_code == 1 and "characters" in r.stderr
    r = person("gap", "analyze", "-", input="\x00\x01binary")
    assert r.exit_code == 1 and "binary" in r.stderr
    assert person.json("gap", "list") == []


def test_editor_paste(person, monkeypatch, tmp_path):
    script = tmp_path / "paste.sh"
    script.write_text(f'#!/bin/sh\ncat {POSTINGS / "coach.txt"} > "$1"\n')
    script.chmod(0o755)
    monkeypatch.setenv("EDITOR", str(script))
    data = person.json("gap", "analyze")
    assert data["requirements"] and data["posting"]["source"] is None


def test_empty_record_gives_gaps_not_errors(cli):
    data = cli.json("gap", "analyze", str(POSTINGS / "coach.txt"))
    assert {r["verdict"] for r in data["requirements"]} == {"gap"}
    assert data["score"] == 0


def test_non_utf8_stdin_is_read_saying_how(person):
    r = person(
        "gap", "analyze", "-", "--json", input=b"Qualifications\n- Valid teaching certificate \x96 K-12\n"
    )
    assert r.exit_code == 0 and "not UTF-8: read it as Windows-1252" in r.stderr
    assert [x["text"] for x in json.loads(r.stdout)["requirements"]] == ["Valid teaching certificate – K-12"]


def test_html_posting(person, tmp_path):
    page = tmp_path / "posting.html"
    page.write_text(
        "<html><body><h1>Instructional Coach</h1><h2>Qualifications</h2><ul>"
        "<li>Minimum of three (3) years of classroom teaching experience required</li>"
        "<li>Experience facilitating professional learning communities (PLCs)</li>"
        "</ul></body></html>"
    )
    data = person.json("gap", "analyze", str(page))
    texts = [r["text"] for r in data["requirements"]]
    assert not any("<" in t for t in texts)
    assert _by_text(data, "professional learning communities")["verdict"] == "met"


def test_rerun_shows_what_got_worse(person):
    first = person.json("gap", "analyze", str(POSTINGS / "coach.txt"))
    for win in person.json("wins", "list"):
        if "MTSS" in win["title"]:
            person("wins", "rm", str(win["id"]), "--yes", ok=True)
    r = person("gap", "rerun", str(first["id"]), ok=True)
    assert "Worse (" in r.stdout and "met → " in r.stdout
    assert f"Score {first['score']} → " in r.stdout


def test_a_damaged_saved_report_is_a_message_and_rerun_repairs_it(person, db_path):
    import sqlite3

    first = person.json("gap", "analyze", str(POSTINGS / "coach.txt"))
    conn = sqlite3.connect(db_path)
    conn.execute('UPDATE gap_reports SET report = \'{"score": "lots"}\' WHERE id = ?', (first["id"],))
    conn.commit()
    conn.close()
    r = person("gap", "show", str(first["id"]))
    assert r.exit_code == 1 and "cannot be read" in r.stderr and "Traceback" not in r.stderr
    person("gap", "rerun", str(first["id"]), ok=True)
    assert person.json("gap", "show", str(first["id"]))["score"] == first["score"]
