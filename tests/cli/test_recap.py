"""`careerkit recap` through the command line: every format, the terminal view, audiences,
private entries, --redact, an empty period, and the pictures checked by their data."""

from __future__ import annotations

import io
import re
from datetime import date

import pytest

TODAY = date(2025, 7, 20)
CAREER = """careerkit: 1
profile: {name: Ana Diaz}
accomplishments:
  - {date: 2024-09-10, title: Facilitated the grade 3 professional learning community, impact: 4 of 5 teachers changed their assessments}
  - {date: 2024-09-24, title: Led the curriculum review of K-2 reading, skills: [curriculum]}
  - {date: 2024-10-02, title: Planned the family literacy night with parents and community partners}
  - {date: 2024-10-15, title: Facilitated a PLC on formative assessment}
  - {date: 2024-10-20, title: Private note on a hard case with Jamie's family, private: true}
  - {date: 2023-05-01, title: Before the period}
feedback:
  - {date: 2024-09-12, text: Dana made the PLC worth the hour., from: Dana Lee, relationship: colleague}
  - {date: 2024-10-03, text: The family night felt like our school., relationship: parent}
  - {date: 2024-10-04, text: Private praise., relationship: supervisor, private: true}
learning:
  - {date: 2024-09-30, title: Leading Adult Learners, kind: course, hours: 12}
  - {date: 2025-02-10, title: School Finance, kind: workshop, hours: 6.5}
  - {date: 2025-03-01, title: Someday course, status: planned, hours: 40}
network:
  - {name: Marcus Bell, relationship: mentor}
reflections:
  - {date: 2024-10-05, text: Marcus Bell pushed me to run the family night in two languages., learned: Ask families first., competencies: [psel-8], private: false}
  - {date: 2024-10-06, text: A private worry about the PLC., competencies: [psel-7]}
"""
POSTING = """Assistant Principal, Hillcrest Middle School

Requirements
- Master's degree in educational leadership required.
- Experience with restorative practices and student discipline.
"""


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch):
    import careerkit.cli.commands.growth as growth

    monkeypatch.setattr(growth, "today", lambda: TODAY)


@pytest.fixture
def year(cli, tmp_path):
    path = tmp_path / "c.yaml"
    path.write_text(CAREER)
    cli("import", str(path), ok=True)
    cli("assess", "set", "psel-4", "1", "--date", "2024-08-01", ok=True)
    cli("assess", "set", "psel-4", "2", "--date", "2024-11-01", ok=True)
    cli("assess", "set", "psel-8", "2", "--date", "2024-09-15", ok=True)
    posting = tmp_path / "ap.txt"
    posting.write_text(POSTING)
    cli("gap", "analyze", str(posting), ok=True)
    cli(
        "log",
        "Trained staff in restorative practices and student discipline",
        "--date",
        "2025-01-10",
        ok=True,
    )
    cli.json("gap", "rerun", "1")
    return cli


def recap(cli, *args, ok=True):
    return cli("recap", "--since", "2024-08", "--until", "2025-07", *args, ok=ok)


def test_markdown_holds_every_section_for_yourself(year):
    md = recap(year, "--format", "md").stdout
    assert md.startswith("# My year in review\n\n**Ana Diaz** · Aug 2024 – Jul 2025")
    assert "5 wins, 2 pieces of feedback, 18.5 hours of learning" in md
    for heading in (
        "## Wins by competency",
        "## Wins per month",
        "## Self-ratings, then and now",
        "## What others said",
        "## Learning",
        "## Readiness for saved postings",
        "## Milestones",
        "## Reflections",
    ):
        assert heading in md
    assert "4 of 5 teachers changed their assessments" in md  # impact beside the win
    assert "| Sep 2024 | 2 |" in md and "| Oct 2024 | 2 |" in md and "| Jan 2025 | 1 |" in md
    assert "| psel-4 Curriculum, Instruction, and Assessment | 1 | 2 ↑ |" in md
    assert "— Dana Lee" in md  # for yourself the names stay
    assert "Before the period" not in md and "Someday course" not in md
    assert "gap closed" in md and "Experience with restorative practices" in md
    assert "Ask families first." in md


def test_private_entries_stay_out_unless_asked(year):
    r = recap(year, "--format", "md")
    assert (
        "Private note" not in r.stdout
        and "Private praise" not in r.stdout
        and "private worry" not in r.stdout
    )
    assert (
        "Left out as private: 1 win, 1 feedback, 1 reflection (--include-private to show them)." in r.stderr
    )
    asked = recap(year, "--format", "md", "--include-private")
    assert (
        "Private note" in asked.stdout
        and "Private praise" in asked.stdout
        and "private worry" in asked.stdout
    )
    assert "keep it to yourself" in asked.stderr


def test_audiences(year):
    sup = recap(year, "--format", "md", "--for-audience", "supervisor").stdout
    assert "# Growth recap for the evaluation conference" in sup
    assert "## Reflections" not in sup and "## Readiness" not in sup and "## Self-ratings" in sup
    assert (
        "— a colleague" in sup
        and "Dana Lee" not in sup.split("## What others said")[1].split("##")[0].split("\n>")[-1]
    )
    spon = recap(year, "--format", "md", "--for-audience", "sponsor").stdout
    assert "## Self-ratings" not in spon and "## Reflections" not in spon and "## Readiness" in spon
    bad = recap(year, "--for-audience", "board", ok=False)
    assert bad.exit_code == 1 and "unknown audience 'board'" in bad.stderr


def test_redact_takes_names_out_and_says_how_many(year):
    r = recap(year, "--format", "md", "--redact")
    assert "Dana" not in r.stdout and "Marcus" not in r.stdout and "\\[name\\] pushed me" in r.stdout
    assert re.search(r"Redacted \d+ names", r.stderr)


def test_the_html_pictures_match_the_counts(year):
    html = recap(year, "--format", "html").stdout
    assert html.startswith("<!DOCTYPE html>") and "http" not in html.split("<body>")[1].replace(
        'xmlns="http://www.w3.org/2000/svg"', ""
    )
    svgs = dict(re.findall(r'(<svg [^>]*aria-label="([^"]+)".*?</svg>)', html)[i][::-1] for i in range(4))
    assert len(svgs) == 4
    wins, ratings, readiness, hours = (
        svgs["Wins per month, by competency"],
        svgs["Self-ratings per standard over time"],
        svgs["Readiness per saved posting (score at each analysis)"],
        svgs["Learning hours per term"],
    )
    bars: dict[str, int] = {}
    for value in re.findall(r'<rect [^>]*data-value="([^"]+)"', wins):
        month, _, n = value.split("|")
        bars[month] = bars.get(month, 0) + int(n)
    assert bars == {"Sep 2024": 2, "Oct 2024": 2, "Jan 2025": 1}
    cells = re.findall(r'data-value="(psel-4)\|(\d+)\|(\d)"', ratings)
    assert [int(r) for _, _, r in cells] == [1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 2]  # Aug..Jul
    scores = [int(v.split("|")[1]) for v in re.findall(r'<circle [^>]*data-value="([^"]+)"', readiness)]
    assert len(scores) == 2 and scores[1] > scores[0]
    assert re.findall(r'data-value="([^"]+)"', hours) == ["Autumn 2024|12", "Spring 2025|6.5"]


def test_pdf_and_docx_are_written(year, tmp_path):
    pypdf = pytest.importorskip("pypdf")
    out = tmp_path / "recap.pdf"
    r = recap(year, "-o", str(out))
    assert f"Wrote {out}" in r.stderr
    text = "".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(out.read_bytes())).pages)
    assert "My year in review" in text and "Wins per month, by competency" in text
    assert "Private note" not in text
    docx = pytest.importorskip("docx")
    out = tmp_path / "recap.docx"
    recap(year, "-o", str(out))
    words = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert "Wins by competency" in words and "Ask families first." in words
    # pdf with no -o: a named file in the current folder
    import os

    here = os.getcwd()
    os.chdir(tmp_path)
    try:
        assert "Wrote recap-2024-08-2025-07.pdf" in recap(year, "--format", "pdf").stderr
    finally:
        os.chdir(here)


def test_the_typst_pictures_are_shapes_with_the_same_data(year):
    from careerkit.cli.commands.recap import build
    from careerkit.render import charts
    from careerkit.render import recap as R
    from careerkit.store.db import connect

    conn = connect(year.db)
    try:
        data, _ = build(conn, "2024-08-01", "2025-07-31", "self", include_private=False, redact=False)
    finally:
        conn.close()
    wins = R.pictures(data)["wins"]
    source = R.typst_source(data)
    assert source.count("rect(width:") >= sum(1 for s in wins.shapes if s.kind == "rect")
    assert "#import" not in source and "@preview" not in source  # no Typst packages
    assert sum(int(s.data.split("|")[2]) for s in wins.shapes if s.data) == 5
    assert charts.to_typst(wins).count("rect(") == sum(1 for s in wins.shapes if s.kind == "rect")


def test_the_terminal_view(year):
    out = recap(year).stdout
    assert out.startswith("My year in review: Aug 2024 – Jul 2025\nAna Diaz\n")
    assert "Wins per month, by competency" in out and "Sep 2024  " in out
    assert "Self-ratings over time" in out and "psel-4   ░░░▒▒▒▒▒▒▒▒▒  1 → 2" in out
    assert "Readiness per saved posting" in out and "Learning: 18.5 hours" in out


def test_an_empty_period(year, tmp_path):
    r = year("recap", "--since", "2026-01", "--until", "2026-03", ok=True)
    assert "Nothing was logged in this period." in r.stdout
    md = year("recap", "--since", "2026-01", "--until", "2026-03", "--format", "md", ok=True).stdout
    assert "Nothing was logged in this period." in md and "## Wins" not in md
    out = tmp_path / "empty.pdf"
    year("recap", "--since", "2026-01", "--until", "2026-03", "-o", str(out), ok=True)
    assert out.read_bytes().startswith(b"%PDF")
    html = year("recap", "--since", "2026-01", "--until", "2026-03", "--format", "html").stdout
    assert "Wins per month" not in html  # the ratings in force still show: then and now


def test_an_existing_file_is_replaced_only_with_force(year, tmp_path):
    out = tmp_path / "recap.md"
    out.write_text("my notes for the conference")
    r = recap(year, "-o", str(out), ok=False)
    assert r.exit_code == 1 and "exists: add --force to replace it" in r.stderr
    assert out.read_text() == "my notes for the conference"
    recap(year, "-o", str(out), "--force")
    assert "My year in review" in out.read_text()


def test_bad_input(cli):
    r = cli("recap", "--since", "2025-05", "--until", "2025-01")
    assert r.exit_code == 1 and "is before --since" in r.stderr
    r = cli("recap", "--since", "2025-05", "--format", "odt")
    assert r.exit_code == 1 and "unknown format 'odt'" in r.stderr
    r = cli("recap", "--since", "someday")
    assert r.exit_code == 1 and "not a date" in r.stderr
    assert cli("recap").exit_code == 2  # --since is required


def test_the_demo_writes_a_recap_with_the_four_pictures(cli, tmp_path):
    pypdf = pytest.importorskip("pypdf")
    out = tmp_path / "demo"
    r = cli("demo", "--out", str(out), ok=True)
    pdf = out / "recap-2024-25.pdf"
    assert str(pdf) in r.stdout
    text = "".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf.read_bytes())).pages)
    for caption in (
        "Wins per month, by competency",
        "Self-ratings per standard over time",
        "Readiness per saved posting",
        "Learning hours per term",
    ):
        assert caption in text
    assert "Aug 2024 – Jul 2025" in text
    # the sample's private reflections stay out; its shareable ones are in
    assert "I soften hard messages" not in text and "One shared night said these families belong here" in text
