"""Career file format 2 through the command line: every section, ids and links, the round
trip byte for byte, format 1, a newer format, the JSON Schema, --no-private and --redact,
and the inputs that must be refused with one line naming the field."""

from __future__ import annotations

import json
import sqlite3
import time
from pathlib import Path

import pytest

from careerkit.formats import career_file as CF
from careerkit.store.io import load_yaml

DOCS = Path(__file__).resolve().parents[2] / "docs"
POSTING = """Instructional Coach, Riverbend Unified School District

Qualifications
- Bachelor's degree in education required.
- At least three years of classroom teaching experience required.
- Experience facilitating professional learning communities (PLCs) for teachers required.
- Knowledge of restorative practices preferred.
- Experience writing a district-wide transportation budget required.
- Certification as a school business administrator required.
"""


@pytest.fixture
def full(loaded, tmp_path):
    """The rich record plus every format-2 section: touches, a cadence, a setting, a saved
    posting and its report, self-ratings with history, a goal made from a gap and linked to
    a win (a private one too)."""
    cli = loaded
    cli(
        "network",
        "touch",
        "1",
        "--note",
        "Coffee with Dana Lee about the AP role",
        "--date",
        "2025-01-10",
        ok=True,
    )
    cli("network", "touch", "2", "--kind", "call", "--date", "2025-02-01", ok=True)
    cli("network", "cadence", "1", "2w", ok=True)
    cli("config", "set", "nudges", "off", ok=True)
    posting = tmp_path / "coach.txt"
    posting.write_text(POSTING, encoding="utf-8")
    cli.json("gap", "analyze", str(posting))
    cli("assess", "set", "psel-4", "1", "--note", "Before the rebuild", "--date", "2023-09-01", ok=True)
    cli("assess", "set", "psel-4", "3", "--note", "After", "--date", "2025-03-01", ok=True)
    ways = {w["title"]: w["number"] for g in cli.json("gap", "common")["top_gaps"] for w in g["ways"]}
    cli("goals", "add", "--from-gap", str(next(iter(ways.values()))), ok=True)
    goal = max(g["id"] for g in cli.json("goals", "list"))
    private = next(w["id"] for w in cli.json("wins", "list") if w.get("private"))
    public = next(w["id"] for w in cli.json("wins", "list") if not w.get("private"))
    cli("goals", "link", str(goal), str(public), str(private), ok=True)
    cli(
        "reflect",
        "The data meeting stalled",
        "--learned",
        "one question, not ten",
        "--on",
        f"win:{public}",
        ok=True,
    )
    cli.goal, cli.private, cli.public = goal, private, public
    return cli


def export(cli, *args: str) -> str:
    return cli("export", *args, ok=True).stdout


def fresh(cli, tmp_path: Path, name: str):
    return type(cli)(tmp_path / name / "careerkit.db")


def test_every_section_is_in_the_file(full):
    data = load_yaml(export(full))
    assert data["careerkit"] == 2
    for key in CF.BY_KEY:
        assert data.get(key), key
    assert data["settings"] == {"nudges": "off"}
    assert data["cadences"] == [{"contact": 1, "every": "2w"}]
    assert {t["contact"] for t in data["touches"]} == {1, 2}
    [posting] = data["postings"]
    assert posting["text"] == POSTING and posting["title"] and posting["report"]["requirements"]
    assert [a["rating"] for a in data["assessments"]] == [1, 3]
    assert {(link["goal"], link["accomplishment"]) for link in data["goal_links"]} == {
        (full.goal, full.public),
        (full.goal, full.private),
    }
    assert data["goal_gaps"][0]["goal"] == full.goal and data["goal_gaps"][0]["report"] == posting["id"]


@pytest.mark.parametrize("fmt", ["yaml", "json"])
def test_export_import_export_is_the_same_file(full, tmp_path, fmt):
    once = export(full, "--format", fmt)
    path = tmp_path / f"once.{fmt}"
    path.write_text(once, encoding="utf-8")
    second = fresh(full, tmp_path, "second")
    r = second("import", str(path), ok=True)
    assert "New ids" not in r.stderr
    assert export(second, "--format", fmt) == once
    # what the commands show survives too
    assert second.json("gap", "list") == full.json("gap", "list")
    assert second.json("assess", "history") == full.json("assess", "history")
    assert second.json("network", "touches") == full.json("network", "touches")
    assert second("search", "coffee", ok=True).stdout == full("search", "coffee", ok=True).stdout


def test_yaml_and_json_hold_the_same(full):
    assert load_yaml(export(full)) == json.loads(export(full, "--format", "json"))


def test_import_into_a_non_empty_record_remaps_ids_and_links_follow(full, tmp_path):
    path = tmp_path / "all.yaml"
    path.write_text(export(full), encoding="utf-8")
    target = fresh(full, tmp_path, "target")
    target("log", "Already here", ok=True)
    target("goals", "add", "Already a goal", ok=True)
    target("network", "add", "Somebody Else", "--relationship", "peer", ok=True)
    r = target("import", str(path), ok=True)
    assert "New ids were given to the entries of" in r.stderr
    assert "The record before the import is saved in" in r.stderr
    data = load_yaml(export(target))
    wins = {w["id"]: w["title"] for w in data["accomplishments"]}
    goals = {g["id"]: g["title"] for g in data["goals"]}
    source = load_yaml(path.read_text(encoding="utf-8"))
    source_wins = {w["id"]: w["title"] for w in source["accomplishments"]}
    source_goals = {g["id"]: g["title"] for g in source["goals"]}
    linked = {(goals[link["goal"]], wins[link["accomplishment"]]) for link in data["goal_links"]}
    expected = {
        (source_goals[link["goal"]], source_wins[link["accomplishment"]]) for link in source["goal_links"]
    }
    assert linked == expected
    names = {c["id"]: c["name"] for c in data["network"]}
    source_names = {c["id"]: c["name"] for c in source["network"]}
    assert sorted(names[t["contact"]] for t in data["touches"]) == sorted(
        source_names[t["contact"]] for t in source["touches"]
    )
    # a report's evidence points at the same entries under their new ids
    titles = {**{("accomplishment", k): v for k, v in wins.items()}}
    for req in data["postings"][0]["report"]["requirements"]:
        for ev in req["evidence"]:
            if ev["kind"] == "accomplishment":
                assert ("accomplishment", ev["id"]) in titles


def test_format_1_still_imports(cli, sample_file):
    text = sample_file.read_text(encoding="utf-8")
    assert text.startswith("careerkit: 1")
    r = cli("import", str(sample_file), ok=True)
    assert "Imported 22 entries" in r.stderr
    assert load_yaml(export(cli))["careerkit"] == 2


@pytest.mark.parametrize(
    "fmt, text", [("yaml", "careerkit: 3\ngoals: [{title: x}]\n"), ("json", '{"careerkit": 3}')]
)
def test_a_newer_format_is_refused_clearly(cli, tmp_path, fmt, text):
    path = tmp_path / f"new.{fmt}"
    path.write_text(text, encoding="utf-8")
    r = cli("import", str(path))
    assert r.exit_code == 1
    assert r.stderr.strip().splitlines() == [
        f"error: new.{fmt} is career file format 3, newer than this careerkit reads (format 2 and older): "
        "upgrade careerkit to import it (nothing imported)"
    ]
    assert cli.json("goals", "list") == []


def test_schema_file_is_the_one_the_models_make():
    assert json.loads((DOCS / "career-file.schema.json").read_text(encoding="utf-8")) == CF.json_schema()


@pytest.mark.parametrize(
    "args", [(), ("--format", "json"), ("--no-private",), ("--redact",), ("--redact", "--no-private")]
)
def test_every_exported_file_validates_against_the_schema(full, args):
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((DOCS / "career-file.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    text = export(full, *args)
    data = json.loads(text) if "json" in args else load_yaml(text)
    errors = list(jsonschema.Draft202012Validator(schema).iter_errors(data))
    assert errors == [], [e.message for e in errors[:5]]


def test_the_schema_catches_what_import_refuses():
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((DOCS / "career-file.schema.json").read_text(encoding="utf-8"))
    bad = {"careerkit": 2, "touches": [{"contact": 1, "date": "2024-01-01", "kind": "lunch"}]}
    assert list(jsonschema.Draft202012Validator(schema).iter_errors(bad))


def test_no_private_leaves_out_what_points_at_private_entries(full):
    data = load_yaml(export(full, "--no-private"))
    ids = {w["id"] for w in data["accomplishments"]}
    assert full.private not in ids
    assert all(link["accomplishment"] in ids for link in data["goal_links"])
    assert {link["accomplishment"] for link in data["goal_links"]} == {full.public}
    private_feedback = {f["id"] for f in load_yaml(export(full))["feedback"] if f.get("private")}
    for req in data["postings"][0]["report"]["requirements"]:
        for ev in req["evidence"]:
            if ev["kind"] == "accomplishment":
                assert ev["id"] in ids
            if ev["kind"] == "feedback":
                assert ev["id"] not in private_feedback


def test_redact_reaches_the_new_sections(full):
    r = full("export", "--redact", ok=True)
    assert "Dana Lee" in export(full)
    assert "Dana Lee" not in r.stdout and "Dana" not in r.stdout.replace("[name]", "")
    data = load_yaml(r.stdout)
    assert any("[name]" in (t.get("note") or "") for t in data["touches"])
    assert "Redacted" in r.stderr


# -- refused inputs: one line naming the field, nothing written ----------------------------------


def test_yaml_alias_bomb_is_refused_at_once(cli, tmp_path):
    lines = ["careerkit: 1", 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 10):
        prev = chr(ord("a") + i - 1)
        cur = chr(ord("a") + i)
        lines.append(f"{cur}: &{cur} [{', '.join(['*' + prev] * 9)}]")
    path = tmp_path / "bomb.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    start = time.monotonic()
    r = cli("import", str(path))
    assert time.monotonic() - start < 5
    assert r.exit_code == 1
    [line] = r.stderr.strip().splitlines()
    assert (
        line == "error: bomb.yaml: line 3: aliases (*a) are not allowed in a career file; write the value out"
    )


def test_an_alias_inside_an_entry_is_refused(cli, tmp_path):
    path = tmp_path / "alias.yaml"
    path.write_text("careerkit: 1\ngoals:\n- &g {title: x}\n- *g\n", encoding="utf-8")
    r = cli("import", str(path))
    assert r.exit_code == 1 and "aliases (*g) are not allowed" in r.stderr
    assert cli.json("goals", "list") == []


@pytest.mark.parametrize("fmt", ["yaml", "json"])
def test_a_5000_digit_number_is_one_line_naming_the_field(cli, tmp_path, fmt):
    big = "9" * 5000
    text = (
        f"careerkit: 1\nlearning:\n- {{date: 2024-01-01, title: t, hours: {big}}}\n"
        if fmt == "yaml"
        else f'{{"careerkit": 1, "learning": [{{"date": "2024-01-01", "title": "t", "hours": {big}}}]}}'
    )
    path = tmp_path / f"big.{fmt}"
    path.write_text(text, encoding="utf-8")
    r = cli("import", str(path))
    assert r.exit_code == 1
    assert r.stderr.strip().splitlines() == [
        f"error: big.{fmt}: learning[0].hours: a 5,000-digit number is too long (nothing imported)"
    ]


@pytest.mark.parametrize(
    "fmt, value",
    [("yaml", "1e309"), ("yaml", ".inf"), ("yaml", ".nan"), ("json", "1e309"), ("json", "Infinity")],
)
def test_non_finite_hours_are_refused(cli, tmp_path, fmt, value):
    text = (
        f"careerkit: 1\nlearning:\n- {{date: 2024-01-01, title: t, hours: {value}}}\n"
        if fmt == "yaml"
        else f'{{"careerkit": 1, "learning": [{{"date": "2024-01-01", "title": "t", "hours": {value}}}]}}'
    )
    path = tmp_path / f"inf.{fmt}"
    path.write_text(text, encoding="utf-8")
    r = cli("import", str(path))
    assert r.exit_code == 1
    [line] = r.stderr.strip().splitlines()
    assert line.startswith(f"error: inf.{fmt}: learning[0].hours: ") and "finite" in line, line
    assert cli.json("learn", "list")["entries"] == []
    # and nothing can make export write a number JSON does not have
    assert "Infinity" not in export(cli, "--format", "json")


def test_a_dangling_link_names_the_entry(cli, tmp_path):
    path = tmp_path / "dangling.yaml"
    path.write_text("careerkit: 2\ntouches:\n- {contact: 7, date: 2024-01-01}\n", encoding="utf-8")
    r = cli("import", str(path))
    assert r.stderr.strip().splitlines() == [
        "error: dangling.yaml: touches[0].contact: no entry with id 7 in network (above it in the file) "
        "(nothing imported)"
    ]


# -- import adds: the profile is filled, never silently replaced -------------------------------------


def _profile(cli) -> dict:
    return load_yaml(export(cli)).get("profile")


def test_import_fills_empty_profile_fields_and_backs_up_first(loaded, tmp_path, db_path):
    conn = sqlite3.connect(db_path)
    conn.execute("UPDATE profile SET phone = NULL")
    conn.commit()
    conn.close()
    path = tmp_path / "more.yaml"
    path.write_text("careerkit: 2\nprofile: {name: Alex Morgan, phone: '+1 555 0100'}\n", encoding="utf-8")
    r = loaded("import", str(path), ok=True)
    assert "filled profile fields: phone" in r.stderr
    assert "The record before the import is saved in" in r.stderr
    profile = _profile(loaded)
    assert profile["phone"] == "+1 555 0100" and profile["headline"] and profile["email"]


@pytest.mark.parametrize("fmt", ["yaml", "jsonresume"])
def test_import_that_would_change_the_profile_is_refused_listing_the_conflicts(loaded, tmp_path, fmt):
    before = _profile(loaded)
    if fmt == "yaml":
        path = tmp_path / "other.yaml"
        path.write_text("careerkit: 1\nprofile: {name: Other Person}\n", encoding="utf-8")
        args = (str(path),)
    else:
        path = tmp_path / "other.json"
        path.write_text('{"basics": {"name": "Other Person"}}', encoding="utf-8")
        args = (str(path), "--format", "jsonresume")
    r = loaded("import", *args)
    assert r.exit_code == 1
    lines = r.stderr.strip().splitlines()
    assert (
        lines[0]
        == "error: other."
        + ("yaml" if fmt == "yaml" else "json")
        + " would change 1 field of your profile (nothing imported):"
    )
    assert lines[1] == "  profile.name: 'Alex Morgan' -> 'Other Person'"
    assert "--overwrite-profile" in lines[-1]
    assert _profile(loaded) == before
    r = loaded("import", *args, "--overwrite-profile", ok=True)
    after = _profile(loaded)
    assert after["name"] == "Other Person"
    # only the conflicting field changed: the rest of the profile is still there
    # (a JSON Resume's import keeps the document for its export)
    assert {k: v for k, v in after.items() if k not in ("name", "jsonresume")} == {
        k: v for k, v in before.items() if k != "name"
    }


def test_the_search_index_is_whole_after_an_import_and_after_a_refused_one(cli, sample_file, tmp_path):
    """Into an empty record the index is built once at the end; the triggers that keep it
    are back afterwards, and a refused import leaves them as they were."""
    bad = tmp_path / "bad.yaml"
    bad.write_text("careerkit: 1\ngoals: [{title: fine}, {notes: no title}]\n", encoding="utf-8")
    assert cli("import", str(bad)).exit_code == 1
    cli("log", "Zebra crossing duty rota", ok=True)
    assert "Zebra" in cli("search", "zebra", ok=True).stdout
    fresh_cli = fresh(cli, tmp_path, "fresh")
    fresh_cli("import", str(sample_file), ok=True)
    assert "Mentored" in fresh_cli("search", "mentored", ok=True).stdout
    fresh_cli("log", "Giraffe-themed reading week", ok=True)
    assert "Giraffe" in fresh_cli("search", "giraffe", ok=True).stdout
    r = fresh_cli("doctor")
    assert r.exit_code == 0, r.stdout + r.stderr
