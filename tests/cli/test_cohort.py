"""Cohorts: `careerkit share` (a member's snapshot: never a private entry, the text of an
entry, feedback or another person's name) and `careerkit cohort report` (DuckDB over the
snapshots, in every format, with every bad input skipped and said)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from careerkit.formats.share import checksum, json_schema

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))

from cohort import write as write_synthetic  # noqa: E402

POSTING = """Assistant Principal
Qualifications
- Master's degree in educational leadership required
- Three years of teaching experience
- Experience leading professional learning communities
- Manage the campus budget
"""


def _member(cli, tmp_path: Path, career: Path, ratings: dict[str, int]) -> None:
    cli("import", str(career), ok=True)
    for standard, rating in ratings.items():
        cli("assess", "set", standard, str(rating), ok=True)
    posting = tmp_path / "posting.txt"
    posting.write_text(POSTING)
    cli("gap", "analyze", str(posting), ok=True)


def _share(cli, *args: str) -> dict:
    result = cli("share", "--cohort", "Aspiring APs 2026", "--preview", *args, ok=True)
    return json.loads(result.stdout)


# -- share ------------------------------------------------------------------------------------


def test_share_holds_ratings_standings_goals_and_learning(cli, tmp_path, sample_file):
    _member(cli, tmp_path, sample_file, {"psel-4": 3, "psel-6": 2})
    data = _share(cli)
    assert data["format"] == "careerkit-share" and data["version"] == 1
    assert data["checksum"] == checksum(data["snapshot"])
    snap = data["snapshot"]
    assert snap["cohort"] == "Aspiring APs 2026"
    assert snap["member"]["name"] is None and len(snap["member"]["id"]) == 32
    psel = next(f for f in snap["frameworks"] if f["id"].startswith("psel"))
    rated = {s["id"]: s["rating"] for s in psel["standards"] if s["rating"]}
    assert rated == {"psel-4": 3, "psel-6": 2}
    assert snap["requirements"] and {r["standing"] for r in snap["requirements"]} <= {"met", "partial", "gap"}
    assert snap["postings"] == 1
    assert snap["learning"]["hours_done"] >= 0
    jsonschema.validate(data, json_schema())
    # The same member shares the same id every time.
    assert _share(cli)["snapshot"]["member"]["id"] == snap["member"]["id"]


def test_preview_prints_what_the_file_holds(cli, tmp_path, sample_file):
    _member(cli, tmp_path, sample_file, {"psel-1": 2})
    out = tmp_path / "me.ckshare.json"
    cli("share", "--cohort", "C", "-o", str(out), ok=True)
    written = json.loads(out.read_text())
    shown = _share(cli)
    for data in (written, shown):
        data["snapshot"].pop("created")
        data.pop("checksum")
    shown["snapshot"]["cohort"] = "C"
    assert written == shown
    assert oct(out.stat().st_mode & 0o777) == "0o600"


def test_name_only_when_asked(cli, tmp_path, sample_file):
    _member(cli, tmp_path, sample_file, {})
    name = cli.json("profile", "show")["name"]
    assert name not in json.dumps(_share(cli))
    assert _share(cli, "--name")["snapshot"]["member"]["name"] == name


def test_include_wins_adds_titles_and_refuses_private_or_unknown(cli):
    public = cli("log", "Chaired the attendance committee", ok=True)
    cli("log", "Private reflection on a hard conversation", "--private", ok=True)
    wins = {w["title"]: w["id"] for w in cli.json("wins", "list")}
    assert public.exit_code == 0
    data = _share(cli, "--include-wins", str(wins["Chaired the attendance committee"]))
    assert data["snapshot"]["wins"] == ["Chaired the attendance committee"]
    bad = cli(
        "share",
        "--cohort",
        "C",
        "--preview",
        "--include-wins",
        str(wins["Private reflection on a hard conversation"]),
    )
    assert bad.exit_code == 1 and "private" in bad.stderr
    assert cli("share", "--cohort", "C", "--preview", "--include-wins", "999").exit_code == 1


def test_share_needs_a_destination_or_preview(cli):
    result = cli("share", "--cohort", "C")
    assert result.exit_code == 2 and "--preview" in result.stderr


words = st.text(alphabet="bcdfghjklmnpqrstvwxz", min_size=6, max_size=10)


@settings(max_examples=12, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    titles=st.lists(words, min_size=1, max_size=4, unique=True),
    quotes=st.lists(words, min_size=1, max_size=3, unique=True),
    people=st.lists(words, min_size=1, max_size=3, unique=True),
    private=st.lists(st.booleans(), min_size=4, max_size=4),
)
def test_no_entry_text_feedback_or_other_name_ever_appears(tmp_path_factory, titles, quotes, people, private):
    """Property: whatever the record holds, the snapshot holds none of its text, no feedback,
    no one's name, and no trace of a private entry."""
    from conftest import Cli

    db = tmp_path_factory.mktemp("share") / "c.db"
    cli = Cli(db)
    cli("profile", "set", "--name", "Qqself Member", "--target-role", "Assistant Principal", ok=True)
    for n, title in enumerate(titles):
        args = ["log", f"Led {title}", "--impact", f"impact {title}"]
        cli(*args, *(["--private"] if private[n % 4] else []), ok=True)
    for n, quote in enumerate(quotes):
        args = [
            "feedback",
            "add",
            f"You {quote}",
            "--relationship",
            "supervisor",
            "--from",
            f"Dr {people[n % len(people)]}",
        ]
        cli(*args, *(["--private"] if private[n % 4] else []), ok=True)
    for person in people:
        cli("network", "add", f"Zz {person}", "--relationship", "mentor", ok=True)
    cli("goals", "add", f"Goal {titles[0]}", "--kind", "stretch-assignment", ok=True)
    text = cli("share", "--cohort", "C", "--preview", ok=True).stdout
    for secret in [*titles, *quotes, *people, "Qqself"]:
        assert secret not in text


# -- cohort report ----------------------------------------------------------------------------


def _snapshots(tmp_path: Path, count: int = 6) -> Path:
    folder = tmp_path / "snaps"
    write_synthetic(count, folder)
    return folder


def test_report_in_every_format(cli, tmp_path):
    folder = _snapshots(tmp_path)
    md = cli("cohort", "report", str(folder), ok=True).stdout
    assert md.startswith("# Cohort report: Aspiring Leaders 2026")
    assert "## What the cohort has not yet met" in md
    html = tmp_path / "r.html"
    cli("cohort", "report", str(folder), "-o", str(html), ok=True)
    page = html.read_text()
    assert page.count('class="cell"') == 6 * 10  # members by standards
    pdf = tmp_path / "r.pdf"
    cli("cohort", "report", str(folder), "-o", str(pdf), ok=True)
    from pypdf import PdfReader

    text = "".join(p.extract_text() for p in PdfReader(pdf).pages)
    assert "Cohort report" in text and "STRETCH ASSIGNMENTS" in text
    bad = cli("cohort", "report", str(folder), "-o", str(tmp_path / "r.docx"))
    assert bad.exit_code == 2


def test_the_heat_map_holds_the_members_ratings(cli, tmp_path):
    folder = _snapshots(tmp_path)
    data = cli.json("cohort", "report", str(folder))
    files = sorted(folder.iterdir())
    for path in files:
        snap = json.loads(path.read_text())["snapshot"]
        member = snap["member"]["id"]
        for s in snap["frameworks"][0]["standards"]:
            cell = data["heat"][member][s["id"]]
            assert cell["rating"] == s["rating"]
            assert cell["evidence"] == sum(s["evidence"].values())
    # The unmet list counts every member whose standing is not met.
    unmet = {}
    for path in files:
        snap = json.loads(path.read_text())["snapshot"]
        for r in snap["requirements"]:
            if r["standing"] != "met":
                unmet[(snap["target_role"], r["key"])] = unmet.get((snap["target_role"], r["key"]), 0) + 1
    for role, items in data["unmet"].items():
        for item in items:
            assert item["unmet"] == unmet[(role, item["key"])]


def test_mentors_only_between_named_members(cli, tmp_path):
    data = cli.json("cohort", "report", str(_snapshots(tmp_path, 20)))
    named = {m["name"] for m in data["members"] if m["name"]}
    assert data["mentors"]
    for pair in data["mentors"]:
        assert pair["mentor"] in named and pair["mentee"] in named


def _edit(path: Path, change) -> None:
    data = json.loads(path.read_text())
    change(data)
    path.write_text(json.dumps(data))


def test_every_bad_input_is_skipped_and_said(cli, tmp_path):
    folder = _snapshots(tmp_path, 5)
    files = sorted(folder.iterdir())
    _edit(files[0], lambda d: d.update(version=99))
    _edit(files[1], lambda d: d["snapshot"].update(target_role="Superintendent"))  # edited: checksum
    (folder / "notes.json").write_text('{"hello": "world"}')
    (folder / "garbage.ckshare.json").write_text("not json at all")
    older = json.loads(files[2].read_text())
    older["snapshot"]["created"] = "2020-01-01T00:00:00Z"
    older["checksum"] = checksum(older["snapshot"])
    (folder / "older.ckshare.json").write_text(json.dumps(older))
    empty = tmp_path / "empty"
    empty.mkdir()
    result = cli("cohort", "report", str(folder), str(empty), str(tmp_path / "missing"))
    assert result.exit_code == 3
    said = result.stderr
    assert "newer careerkit" in said
    assert "checksum does not match" in said
    assert "not a careerkit snapshot" in said
    assert "not JSON" in said
    assert "an older snapshot of the same member" in said and "older.ckshare.json" in said
    assert "empty folder" in said and "no such file" in said
    assert "## Skipped" in result.stdout
    assert "3 members" in result.stdout  # 5 made, 2 damaged; the older copy is not counted twice
    clean = cli("cohort", "report", str(files[3]), str(files[4]))
    assert clean.exit_code == 0


def test_duckdb_sqlite_and_parquet_outputs(cli, tmp_path):
    import duckdb

    from careerkit.insight import cohort as K

    folder = _snapshots(tmp_path)
    keep, lite, parquet = tmp_path / "c.duckdb", tmp_path / "c.sqlite", tmp_path / "pq"
    direct = cli.json(
        "cohort", "report", str(folder), "--db", str(keep), "--sqlite", str(lite), "--parquet", str(parquet)
    )
    con = duckdb.connect(str(keep), read_only=True)
    assert con.execute("SELECT count(*) FROM members").fetchone()[0] == 6
    con.close()
    import sqlite3

    assert sqlite3.connect(lite).execute("SELECT count(*) FROM ratings").fetchone()[0] == 60
    from_parquet = K.analyse(K.load_parquet(parquet)).as_dict()
    for key in ("members", "standards", "heat", "unmet", "stretch", "mentors", "per_member", "lea"):
        assert json.loads(json.dumps(from_parquet[key], default=str)) == direct[key], key


def test_the_extra_not_installed_names_it(cli, tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "duckdb", None)
    result = cli("cohort", "report", str(_snapshots(tmp_path, 2)))
    assert result.exit_code == 1 and 'pip install "careerkit[cohort]"' in result.stderr


def test_the_lea_framework_can_be_assessed(cli):
    listed = cli("frameworks", "list", ok=True).stdout
    assert "lea-career-growth" in listed
    cli("assess", "set", "lea-1", "2", "--note", "12 of 40 highly effective teachers hold a role", ok=True)
    walk = cli("assess", "--framework", "lea-career-growth", input="\n\n", ok=True).stdout
    assert "Look for: the share of highly effective educators" in walk


def test_the_schema_in_the_docs_is_current():
    docs = json.loads((ROOT / "docs" / "share.schema.json").read_text())
    assert docs == json.loads(json.dumps(json_schema()))


@pytest.mark.parametrize("count", [1])
def test_a_single_snapshot_reads(cli, tmp_path, count):
    data = cli.json("cohort", "report", str(_snapshots(tmp_path, count)))
    assert len(data["members"]) == 1 and not data["skipped"]


def test_an_existing_file_is_replaced_only_with_force(cli, tmp_path):
    folder = _snapshots(tmp_path, 2)
    target = tmp_path / "r.md"
    target.write_text("my notes")
    r = cli("cohort", "report", str(folder), "-o", str(target))
    assert r.exit_code == 1 and "--force" in r.stderr and target.read_text() == "my notes"
    cli("cohort", "report", str(folder), "-o", str(target), "--force", ok=True)
    assert target.read_text().startswith("# Cohort report")
    mine = tmp_path / "me.ckshare.json"
    mine.write_text("keep")
    r = cli("share", "--cohort", "C", "-o", str(mine))
    assert r.exit_code == 1 and mine.read_text() == "keep"
