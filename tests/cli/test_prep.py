"""`careerkit prep GAP_ID`: the interview-prep brief in every format through the command line
(golden files for Markdown and HTML), privacy, names, escaping and bad input. The pure builder
and renderer alone: tests/unit/documents/test_brief.py."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest
from conftest import FIXTURES

GOLDEN = FIXTURES.parent / "golden"
REPORT = FIXTURES / "brief-report.json"
PRIVATE_WIN = "Mentored two first-year teachers"
PRIVATE_PRAISE = "Private praise from a colleague."
TRICKY = r"Ran <script>alert(1)</script> #1 *bold* $5 \ path_one"


def save_report(db_path: Path, report: dict) -> int:
    from careerkit.models.gap import GapReport
    from careerkit.store import gaps
    from careerkit.store.db import connect, transaction

    conn = connect(db_path)
    try:
        with transaction(conn):
            return gaps.save(conn, GapReport.model_validate(report), "posting text")
    finally:
        conn.close()


@pytest.fixture
def report() -> dict:
    return json.loads(REPORT.read_text(encoding="utf-8"))


@pytest.fixture
def prepped(loaded, db_path, report):
    """The rich record with the Maple Grove report saved as gap report 1."""
    assert save_report(db_path, report) == 1
    return loaded


def brief_of(db_path: Path, **kw):
    """The brief built as the command builds it, without the feedback mapper (golden files
    should not move when the lexicon grows)."""
    from careerkit.documents.brief import build_brief, load_bank
    from careerkit.posting.frameworks import load_frameworks
    from careerkit.store import gaps
    from careerkit.store.db import connect
    from careerkit.store.snapshot import read_trusted

    conn = connect(db_path)
    try:
        rep, rec = gaps.get(conn, 1), read_trusted(conn)
    finally:
        conn.close()
    names = {c.id: c.title for fw in load_frameworks() for c in fw.competencies}
    return build_brief(rep, rec, load_bank(), names=names, **kw)


def golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8"), f"{name} changed (UPDATE_GOLDEN=1 rewrites it)"


# -- golden files ----------------------------------------------------------------------------


def test_markdown_golden(prepped, db_path):
    from careerkit.render.brief import markdown

    golden("brief.md", markdown(brief_of(db_path)))


def test_html_golden(prepped, db_path):
    from careerkit.render.brief import html

    golden("brief.html", html(brief_of(db_path)))


# -- what the brief holds -------------------------------------------------------------------


def test_brief_content(prepped, db_path):
    b = brief_of(db_path)
    assert (b.title, b.organization, b.score) == ("Assistant Principal", "Maple Grove Middle School", 79)
    # required first, the posting's order within
    assert [p.must for p in b.points] == sorted((p.must for p in b.points), key=lambda m: m != "required")
    curriculum = b.points[0]
    assert curriculum.text.startswith("Experience leading curriculum work")
    story = curriculum.stories[0]
    assert story.title == "Led the department's rebuild of the grade 6-8 writing curriculum"
    assert story.impact == "Proficient argument essays rose from 41% to 58% in one year"
    assert curriculum.artifacts == ["artifacts/writing-sequence.pdf", "https://example.org/rubric"]
    # a story is told once, in full where it answers best, and referred to elsewhere
    plc = next(p for p in b.points if p.text.startswith("Lead professional learning"))
    assert [r.point for r in plc.repeats] == [curriculum.number] and not plc.stories
    # the gap, its nearest evidence and what is under way
    gap = next(g for g in b.gaps if g.verdict == "gap")
    assert gap.text.startswith("Experience building the master schedule")
    assert [u.text for u in gap.under_way] == ["Lead the master schedule build with the assistant principal"]
    degree = next(g for g in b.gaps if g.text.startswith("Master's degree"))
    assert [u.text for u in degree.under_way] == ["Finish the M.A. in Educational Leadership"]
    # questions for the competencies the posting weighs most, the most weighty first
    assert b.questions[0].competency.id == "psel-6"
    assert len(b.questions) == 4
    # each story says which common question it answers, and has a 30-second version
    assert story.answers and story.short.startswith("I ") or story.short
    assert "41% to 58%" in story.short
    # the years asked is a hard requirement at the top, not a story
    assert [h.verdict for h in b.posting.hard if "years" in h.text]
    assert b.panel_questions and b.checklist
    assert "Bring: artifacts/writing-sequence.pdf" in b.checklist


# -- the command ----------------------------------------------------------------------------


def test_prep_markdown_to_stdout(prepped):
    r = prepped("prep", "1", ok=True)
    assert r.stdout.startswith("# Interview brief: Assistant Principal\n")
    for section in (
        "## Your best story for each requirement",
        "## Tell me about yourself",
        "## A 30-60-90-day plan",
        "## Why here",
        "## Likely questions",
        "## What others have said",
        "## Gaps and honest answers",
        "## Questions to ask the panel",
        "## Checklist",
    ):
        assert section in r.stdout
    assert PRIVATE_WIN not in r.stdout and PRIVATE_PRAISE not in r.stdout
    assert "Dana Whitfield" not in r.stdout
    assert "— a supervisor, End-of-year evaluation, Jun 2023" in r.stdout
    # one framework: the posting leans on PSEL, so no Teacher Leader standards beside it
    assert "### Professional Capacity of School Personnel (psel-6)" in r.stdout
    assert "(tlms-" not in r.stdout


def test_prep_private_only_when_asked(prepped):
    r = prepped("prep", "1", "--include-private", ok=True)
    assert PRIVATE_WIN in r.stdout
    assert "Private entries are included" in r.stdout
    plain = prepped("prep", "1", ok=True).stdout
    # the requirement whose evidence is all private is listed without it
    assert "- Mentoring and coaching new teachers\n" in plain


def test_prep_leaves_out_a_reason_that_may_quote_a_private_entry(prepped, db_path, report):
    mentoring = report["requirements"][5]
    mentoring["why"] = "shown in: Mentored two first-year teachers"
    mentoring["verdict"] = "partial"
    save_report(db_path, report)
    out = prepped("prep", "2", ok=True).stdout
    assert PRIVATE_WIN not in out
    assert "### Mentoring and coaching new teachers" in out  # still an honest gap
    assert PRIVATE_WIN in prepped("prep", "2", "--include-private", ok=True).stdout


def test_prep_names_only_when_asked(prepped):
    r = prepped("prep", "1", "--names", ok=True)
    assert "Dana Whitfield (supervisor), End-of-year evaluation" in r.stdout
    assert "Sam (colleague)" not in r.stdout  # private feedback
    r = prepped("prep", "1", "--names", "--include-private", ok=True)
    assert "“Private praise from a colleague.” — Sam (colleague)" in r.stdout


def test_prep_pdf(prepped, tmp_path):
    from pypdf import PdfReader

    out = tmp_path / "brief.pdf"
    r = prepped("prep", "1", "--format", "pdf", "-o", str(out), ok=True)
    assert f"Wrote {out}" in r.stderr
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    reader = PdfReader(str(out))
    # Typst sets straight quotes as typographic ones: compare with them folded back.
    text = "\n".join(page.extract_text() for page in reader.pages).replace("’", "'")
    assert 2 <= len(reader.pages) <= 6
    for expected in (
        "Interview brief: Assistant Principal",
        "Your best story for each requirement",
        "Led the department's rebuild of the grade 6-8 writing curriculum",
        "Proficient argument essays rose from 41% to 58% in one year",
        "Gaps and honest answers",
        "Questions to ask the panel",
        "Checklist",
        "careerkit resume --for 1 -o resume-1.pdf",
    ):
        assert expected in text, expected
    assert PRIVATE_WIN not in text and "Dana Whitfield" not in text
    assert reader.metadata.title == "Interview brief: Assistant Principal"


def test_prep_docx_has_real_headings_and_lists(prepped, tmp_path):
    import docx

    out = tmp_path / "brief.docx"
    prepped("prep", "1", "-o", str(out), ok=True)  # format from the name
    doc = docx.Document(str(out))
    styles = [(p.style.name, p.text) for p in doc.paragraphs]
    h1 = [t for s, t in styles if s == "Heading 1"]
    assert h1 == [
        "Tell me about yourself",
        "Your best story for each requirement",
        "Gaps and honest answers",
        "Likely questions",
        "Why here",
        "A 30-60-90-day plan",
        "What others have said",
        "Questions to ask the panel",
        "Checklist",
    ]
    h2 = [t for s, t in styles if s == "Heading 2"]
    assert (
        "Required · Met: 1. Experience leading curriculum work and using assessment data to improve instruction"
        in h2
    )
    bullets = [t for s, t in styles if s.startswith("List Bullet")]
    assert "Impact: Proficient argument essays rose from 41% to 58% in one year" in bullets
    assert "☐ Bring: artifacts/writing-sequence.pdf" in [t for _, t in styles]
    assert styles[0] == ("Title", "Interview brief: Assistant Principal")
    assert all(PRIVATE_WIN not in t for _, t in styles)


def test_prep_html_file(prepped, tmp_path):
    out = tmp_path / "brief.html"
    prepped("prep", "1", "-o", str(out), ok=True)
    text = out.read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>") and "@media print" in text
    assert "<link" not in text and "<script" not in text  # self-contained, nothing runs


def test_prep_binary_formats_default_to_a_file(prepped, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    r = prepped("prep", "1", "--format", "docx", ok=True)
    assert (tmp_path / "interview-brief-1.docx").stat().st_size > 0
    assert "Wrote interview-brief-1.docx" in r.stderr
    assert r.stdout == ""


# -- user text renders as typed -------------------------------------------------------------


@pytest.fixture
def tricky(prepped, db_path, report):
    """A win whose title and impact hold every character with a meaning in some format."""
    prepped(
        "log", TRICKY, "--impact", r"Costs down $1,200 (#2 *priority*) \o/", "--date", "2024-09-01", ok=True
    )
    report["requirements"][9]["evidence"].insert(
        0, {"kind": "accomplishment", "id": 6, "text": "x", "score": 1.0}
    )
    assert save_report(db_path, report) == 2
    return prepped


def test_escaping_markdown(tricky):
    out = tricky("prep", "2", ok=True).stdout
    assert r"Ran \<script\>alert(1)\</script\> \#1 \*bold\* \$5 \\ path\_one" in out
    assert r"Costs down \$1,200 (\#2 \*priority\*) \\o/" in out


def test_escaping_html(tricky, tmp_path):
    out = tmp_path / "b.html"
    tricky("prep", "2", "-o", str(out), ok=True)
    text = out.read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt; #1 *bold* $5 \\ path_one" in text
    assert "<script>" not in text


def test_escaping_pdf(tricky, tmp_path):
    from pypdf import PdfReader

    out = tmp_path / "b.pdf"
    tricky("prep", "2", "-o", str(out), ok=True)
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(str(out)).pages)
    assert TRICKY in text
    assert r"Costs down $1,200 (#2 *priority*) \o/" in text


def test_escaping_docx(tricky, tmp_path):
    import docx

    out = tmp_path / "b.docx"
    tricky("prep", "2", "-o", str(out), ok=True)
    texts = [p.text for p in docx.Document(str(out)).paragraphs]
    assert any(TRICKY in t for t in texts)


# -- bad input -------------------------------------------------------------------------------


def one_error(r, start: str) -> None:
    assert r.exit_code == 1, (r.stdout, r.stderr)
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"error: {start}"), r.stderr
    assert r.stdout == ""


def test_unknown_gap_id(prepped):
    one_error(prepped("prep", "99"), "no saved posting with id 99")
    r = prepped("prep", "abc")
    assert r.exit_code == 2 and r.stdout == ""
    assert r.stderr.startswith("error: invalid value for 'GAP_ID': 'abc' is not a report id")
    assert prepped("prep", "#1", "-o", "-").exit_code == 0  # as reports are shown


def test_unknown_format(prepped, tmp_path):
    r = prepped("prep", "1", "--format", "rtf")
    assert r.exit_code == 2 and "'rtf' is not one of 'md', 'html', 'pdf', 'docx'" in r.stderr
    assert prepped("prep", "1", "--format", "Markdown", "-o", "-").stdout.startswith("#")  # an alias


def test_unwritable_output(prepped, tmp_path):
    one_error(prepped("prep", "1", "-o", str(tmp_path / "no" / "such" / "b.md")), "no such folder")
    one_error(prepped("prep", "1", "-o", str(tmp_path)), f"{tmp_path} is a folder")
    a_file = tmp_path / "notes.txt"
    a_file.write_text("x")
    one_error(
        prepped("prep", "1", "-o", str(a_file / "b.md")), f"cannot write {a_file / 'b.md'}: Not a directory"
    )
    assert not list(tmp_path.rglob("*b.md*"))


def test_output_in_a_folder_without_write_permission(prepped, tmp_path, monkeypatch):
    """Root can write anywhere, so the refusal is simulated where the file is written."""
    import careerkit.cli.outfile as outfile

    real_open = outfile.os.open

    def refuse(path, *args, **kw):
        if str(path).endswith(".part"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kw)

    monkeypatch.setattr(outfile.os, "open", refuse)
    (tmp_path / "locked").mkdir()
    target = tmp_path / "locked" / "b.pdf"
    one_error(prepped("prep", "1", "-o", str(target)), f"cannot write {target}: Permission denied")


# -- thin and odd records ------------------------------------------------------------------
