"""`careerkit resume`: what goes in, in what order, in every format; golden files for
Markdown and HTML (regenerate with UPDATE_GOLDEN=1), text extraction for PDF, python-docx for
Word, escaping, private entries, and bad input."""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import re
import sqlite3
from pathlib import Path

import pytest

from careerkit.documents import resume as Doc
from careerkit.render import resume as R

GOLDEN = Path(__file__).resolve().parents[1] / "golden"
SAMPLE = Path(__file__).resolve().parents[2] / "careerkit" / "data" / "sample-career.yaml"
TODAY = dt.date(2026, 11, 1)

NASTY_CAREER = """careerkit: 1
profile:
  name: "Sam <b>Lee</b> #1"
  headline: "Coach *and* $teacher$ \\\\ @here [x](y)"
  email: sam@example.org
  links: [{label: Bad, url: "javascript:alert(1)"}]
  summary: "# Not a heading\\n\\n<script>alert('x')</script> and _under_ `tick`"
positions:
  - title: "Teacher #1 <i>lead</i>"
    organization: "A & B School {{ x }} {% raw %}"
    start: 2020-08
    category: teaching
accomplishments:
  - date: 2024-03-01
    title: "Cut $ costs by 20% with *stars* and \\\\ back_slash @ref #hash <script>"
    position: "Teacher #1 <i>lead</i>"
    impact: "Saved $4,000 = 20% [really]"
  - date: 2024-04-01
    title: Quiet private coaching of a struggling colleague
    position: "Teacher #1 <i>lead</i>"
    impact: "2 observations a week"
    private: true
"""


def _read(db_path):
    from careerkit.store.db import connect
    from careerkit.store.snapshot import read_trusted

    conn = connect(db_path)
    try:
        return read_trusted(conn)
    finally:
        conn.close()


def _golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN") or not path.exists():
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
        if not os.environ.get("UPDATE_GOLDEN"):
            pytest.fail(f"wrote the missing golden file {name}; check it and run again")
    assert text == path.read_text(encoding="utf-8"), (
        f"{name} changed: look at the difference, then UPDATE_GOLDEN=1 pytest {__file__}"
    )


def _pdf_text(data: bytes) -> str:
    import pypdf

    reader = pypdf.PdfReader(io.BytesIO(data))
    return "\n".join(page.extract_text() for page in reader.pages)


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


@pytest.fixture
def sample(cli):
    cli("import", str(SAMPLE), ok=True)
    return cli


# -- golden files ------------------------------------------------------------------------------


@pytest.mark.parametrize("source", ["rich", "sample"])
def test_markdown_and_html_golden(cli, db_path, sample_file, source):
    cli("import", str(sample_file if source == "rich" else SAMPLE), ok=True)
    doc = Doc.build(_read(db_path), today=TODAY)
    _golden(f"resume-{source}.md", R.to_markdown(doc))
    _golden(f"resume-{source}.html", R.to_html(doc))


def test_markdown_reads_as_plain_text(sample):
    text = sample("resume", ok=True).stdout
    assert text.startswith("# Maya Okafor\n")
    assert "\\" not in text  # ordinary text needs no escapes
    assert "<" not in text.replace("<https://example.org/maya-okafor>", "")
    headings = re.findall(r"^## (.+)$", text, re.M)
    assert headings == [
        "Summary",
        "Experience",
        "Education",
        "Certifications and Licenses",
        "Leadership and Service",
        "Professional Learning",
        "Awards",
    ]


# -- what goes in and in what order --------------------------------------------------------------


def test_experience_newest_first_with_action_then_impact(sample):
    text = sample("resume", ok=True).stdout
    jobs = re.findall(r"^### (.+)$", text, re.M)
    assert jobs == [
        "Instructional Coach, Cedar Ridge Elementary",
        "Summer Literacy Academy Site Coordinator, Aurora Unified School District",
        "Grade 4 Teacher and Grade-Level Team Lead, Cedar Ridge Elementary",
        "Grade 3 Teacher, Juniper Hills Elementary",
    ]
    assert (
        "- Led literacy coaching cycles with 11 K-2 teachers on foundational reading skills — "
        "students at or above benchmark in grade 2 reading rose from 48% to 67% in one year"
    ) in text
    # A weak, unmeasured bullet stays out while the job has enough measured ones.
    assert "Responsible for ordering" not in text and "Helped with the school" not in text
    # Credentials show expiry; degrees in progress say so; awards and service have sections.
    assert (
        "Reading Teacher Endorsement, Colorado Department of Education (2019, valid through Jun 2028)" in text
    )
    assert (
        "Principal Licensure Program (Colorado Principal License), University of Colorado Denver (in progress)"
        in text
    )
    assert "- Building representative for the Aurora Education Association — secured" in text
    assert "- Aurora Unified Excellence in Teaching Award, Aurora Unified School District (2020)" in text
    # Goals, network and feedback are not resume material.
    assert "master schedule build" not in text and "Marcus Webb" not in text
    assert "speaks the same language" not in text


def test_expired_credentials_are_left_out(cli, tmp_path):
    f = tmp_path / "c.yaml"
    f.write_text(
        "careerkit: 1\nprofile: {name: Kim}\ncredentials:\n"
        "  - {kind: license, name: Old Licence, date: 2010, expires: 2015-06-30}\n"
        "  - {kind: license, name: Current Licence, date: 2020, expires: 2099-06-30}\n"
        "  - {kind: degree, name: Planned Ed.D., level: doctorate, status: planned}\n"
    )
    cli("import", str(f), ok=True)
    text = cli("resume", ok=True).stdout
    assert "Current Licence (2020, valid through Jun 2099)" in text
    assert "Old Licence" not in text and "Planned Ed.D." not in text


def _save_report(db_path, requirements):
    from careerkit.models.gap import GapReport, PostingInfo, RequirementResult, score_of
    from careerkit.store import gaps
    from careerkit.store.db import connect, transaction

    results = [RequirementResult.model_validate(r) for r in requirements]
    report = GapReport(
        posting=PostingInfo(title="Assistant Principal", organization="Test District"),
        score=score_of(results),
        requirements=results,
    )
    conn = connect(db_path)
    try:
        with transaction(conn):
            return gaps.save(conn, report, "posting text")
    finally:
        conn.close()


def test_for_orders_bullets_by_the_postings_requirements(sample, db_path):
    record = _read(db_path)
    by_title = {Doc.bullet_text(a): a for a in record.accomplishments}
    before = sample("resume", ok=True).stdout
    coach_before = re.findall(r"^- (.+)$", before.split("### Instructional Coach")[1].split("###")[0], re.M)
    assert len(coach_before) == 5
    weakest, second = by_title[coach_before[-1]], by_title[coach_before[-2]]
    gap_id = _save_report(
        db_path,
        [
            {
                "text": "Requirement one.",
                "must": "required",
                "type": "responsibility",
                "verdict": "met",
                "competencies": ["psel-6"],
                "why": "x",
                "evidence": [{"kind": "accomplishment", "id": weakest.id, "text": "x", "score": 1.0}],
            },
            {
                "text": "Requirement two.",
                "must": "preferred",
                "type": "responsibility",
                "verdict": "met",
                "competencies": ["psel-8"],
                "why": "x",
                "evidence": [{"kind": "accomplishment", "id": second.id, "text": "x", "score": 0.5}],
            },
        ],
    )
    text = sample("resume", "--for", str(gap_id), ok=True).stdout
    bullets = re.findall(r"^- (.+)$", text.split("### Instructional Coach")[1].split("###")[0], re.M)
    assert bullets[:2] == [coach_before[-1], coach_before[-2]]
    assert sorted(bullets) == sorted(coach_before)
    # The summary's strengths lean on the posting: the skills of its evidence, record text only.
    strengths = re.search(r"\*\*Strengths:\*\* (.+)", text).group(1).split(" · ")
    assert strengths[: len(weakest.skills)] == sorted(weakest.skills, key=str.lower) or set(
        strengths[: len(weakest.skills)]
    ) == set(weakest.skills)
    assert set(strengths) <= set(weakest.skills) | set(second.skills)


def test_bad_gap_id(sample):
    result = sample("resume", "--for", "99")
    assert result.exit_code == 1
    assert result.stderr.strip() == "error: no saved posting with id 99 (careerkit gap list shows them)"
    result = sample("resume", "--for", "abc")
    assert result.exit_code == 2 and "abc" in result.stderr


# -- private entries ---------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["md", "html", "pdf", "docx", "jsonresume"])
def test_private_entries_never_appear_unless_asked(cli, tmp_path, fmt):
    f = tmp_path / "nasty.yaml"
    f.write_text(NASTY_CAREER, encoding="utf-8")
    cli("import", str(f), ok=True)
    out = tmp_path / f"r.{'json' if fmt == 'jsonresume' else fmt}"
    cli("resume", "-f", fmt, "-o", str(out), ok=True)
    assert "Quiet private coaching" not in _text_of(out, fmt)
    cli("resume", "-f", fmt, "-o", str(out), "--include-private", "--force", ok=True)
    assert "Quiet private coaching" in _text_of(out, fmt)


def _text_of(path: Path, fmt: str) -> str:
    if fmt == "pdf":
        return _flat(_pdf_text(path.read_bytes()))
    if fmt == "docx":
        import docx

        return "\n".join(p.text for p in docx.Document(str(path)).paragraphs)
    return path.read_text(encoding="utf-8")


# -- escaping: user text renders as typed ------------------------------------------------------------

TYPED = [
    "Sam <b>Lee</b> #1",
    "Coach *and* $teacher$ \\ @here [x](y)",
    "# Not a heading",
    "<script>alert('x')</script> and _under_ `tick`",
    "Teacher #1 <i>lead</i>",
    "A & B School {{ x }} {% raw %}",
    "Cut $ costs by 20% with *stars* and \\ back_slash @ref #hash <script> — saved $4,000 = 20% [really]",
]


def test_escaping_markdown(cli, tmp_path):
    from markdown_it import MarkdownIt

    f = tmp_path / "nasty.yaml"
    f.write_text(NASTY_CAREER, encoding="utf-8")
    cli("import", str(f), ok=True)
    md = cli("resume", ok=True).stdout
    html = MarkdownIt("commonmark").render(md)
    assert "<script" not in html and "<b>" not in html and "<i>" not in html
    assert html.count("<em>") == 1  # the one job's date line, from the template
    import html as H

    seen = _flat(H.unescape(re.sub(r"<[^>]+>", "", html)))
    for text in TYPED:
        assert _flat(text) in seen, text
    assert "javascript:" not in html.split("Bad")[0] and 'href="javascript' not in html


def test_escaping_html(cli, tmp_path):
    import html as H

    f = tmp_path / "nasty.yaml"
    f.write_text(NASTY_CAREER, encoding="utf-8")
    cli("import", str(f), ok=True)
    page = cli("resume", "-f", "html", ok=True).stdout
    assert "<script>alert" not in page and "<b>Lee" not in page and 'href="javascript' not in page
    body = H.unescape(re.sub(r"<[^>]+>", " ", page.split("<body>")[1]))
    for text in TYPED:
        assert _flat(text) in _flat(body), text


def test_escaping_pdf_and_docx(cli, tmp_path):
    import docx

    f = tmp_path / "nasty.yaml"
    f.write_text(NASTY_CAREER, encoding="utf-8")
    cli("import", str(f), ok=True)
    cli("resume", "-o", str(tmp_path / "r.pdf"), ok=True)
    cli("resume", "-o", str(tmp_path / "r.docx"), ok=True)
    pdf = _flat(_pdf_text((tmp_path / "r.pdf").read_bytes()))
    pdf = pdf.replace("\u2018", "'").replace("\u2019", "'")  # Typst sets typographic quotes
    words = "\n".join(p.text for p in docx.Document(str(tmp_path / "r.docx")).paragraphs)
    for text in TYPED:
        assert _flat(text) in pdf, text
        assert _flat(text) in _flat(words), text


# -- PDF and Word: structure ------------------------------------------------------------------------


def test_pdf_holds_the_content_in_order(sample, tmp_path):
    out = tmp_path / "maya.pdf"
    result = sample("resume", "-o", str(out), ok=True)
    assert re.fullmatch(r"Wrote .*maya\.pdf \(\d pages?\)\n", result.stderr)
    data = out.read_bytes()
    assert data.startswith(b"%PDF-")
    text = _flat(_pdf_text(data))
    order = [
        text.index(h)
        for h in (
            "Maya Okafor",
            "SUMMARY",
            "EXPERIENCE",
            "EDUCATION",
            "CERTIFICATIONS AND LICENSES",
            "LEADERSHIP AND SERVICE",
            "PROFESSIONAL LEARNING",
            "AWARDS",
        )
    ]
    assert order == sorted(order)
    assert "students at or above benchmark in grade 2 reading rose from 48% to 67% in one year" in text
    assert "Handled a difficult parent complaint" not in text
    import pypdf

    meta = pypdf.PdfReader(io.BytesIO(data)).metadata
    assert meta.title == "Maya Okafor: resume" and meta.author == "Maya Okafor"


def test_pdf_to_standard_output_when_piped(sample):
    result = sample("resume", "-f", "pdf", ok=True)
    assert result.stdout_bytes.startswith(b"%PDF-")


def test_docx_has_real_headings_and_lists(sample, tmp_path):
    import docx

    out = tmp_path / "maya.docx"
    sample("resume", "-o", str(out), ok=True)
    doc = docx.Document(str(out))
    paras = [(p.style.name, p.text) for p in doc.paragraphs]
    assert paras[0] == ("Title", "Maya Okafor")
    h1 = [t for s, t in paras if s == "Heading 1"]
    assert h1 == [
        "Summary",
        "Experience",
        "Education",
        "Certifications and Licenses",
        "Leadership and Service",
        "Professional Learning",
        "Awards",
    ]
    h2 = [t for s, t in paras if s == "Heading 2"]
    assert h2[0] == "Instructional Coach, Cedar Ridge Elementary" and len(h2) == 4
    bullets = [t for s, t in paras if s == "List Bullet"]
    assert any(t.startswith("Led literacy coaching cycles with 11 K-2 teachers") for t in bullets)
    assert doc.core_properties.author == "Maya Okafor"
    assert doc.core_properties.title == "Maya Okafor: resume"


def test_pages_fit_by_dropping_the_weakest_bullets(cli, tmp_path):
    lines = ["careerkit: 1", "profile: {name: Robin Park, summary: Teacher.}", "positions:"]
    for i in range(8):  # eight overlapping recent roles: four bullets each
        lines += [
            f"  - {{title: Role {i}, organization: School {i}, start: {2017 + i}-08, "
            f"end: {2020 + i}-06, category: teaching}}"
        ]
    lines.append("accomplishments:")
    for i in range(8):
        for k in range(4):
            lines.append(
                f"  - {{date: {2018 + i}-0{k + 1}-01, title: 'Led project {i}-{k} with a "
                f"long description of what was done and for whom in the school, with weekly "
                f"meetings, shared data protocols and follow-up observations for everyone', "
                f"position: Role {i}, impact: 'score up {k + 1} points'}}"
            )
    f = tmp_path / "long.yaml"
    f.write_text("\n".join(lines) + "\n")
    cli("import", str(f), ok=True)
    from careerkit.render.pdf import page_count

    cli("resume", "-o", str(tmp_path / "full.pdf"), ok=True)
    assert page_count((tmp_path / "full.pdf").read_bytes()) == 2
    result = cli("resume", "-o", str(tmp_path / "one.pdf"), "--pages", "1", ok=True)
    data = (tmp_path / "one.pdf").read_bytes()
    assert page_count(data) == 1
    dropped = int(
        re.search(r"To fit 1 page, left out: (\d+) weaker or older bullets", result.stderr).group(1)
    )
    text = _flat(_pdf_text(data))
    kept = text.count("Led project")
    assert 0 < kept < 32 and dropped == 32 - kept
    assert "Led project 7-3" in text  # the newest role's strongest bullet stays
    # Markdown fits by the same measure (the PDF's pages).
    md = cli("resume", "--pages", "1", ok=True).stdout
    assert md.count("Led project") == kept


# -- bad input ---------------------------------------------------------------------------------------


def test_unknown_format_and_bad_pages(sample):
    for args, message in (
        (["--pages", "3"], "error: --pages must be 1 or 2, not 3"),
        (["-f", "jsonresume", "--pages", "1"], "error: --pages fits a page layout; JSON Resume has none"),
    ):
        result = sample("resume", *args)
        assert result.exit_code == 1 and result.stderr.strip() == message and result.stdout == ""
    result = sample("resume", "-f", "rtf")
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.startswith(
        "error: invalid value for '--format' / '-f': 'rtf' is not one of 'md', 'html', 'pdf', 'docx', 'jsonresume'"
    )


def test_unwritable_output(sample, tmp_path):
    result = sample("resume", "-o", str(tmp_path / "missing" / "r.pdf"))
    assert result.exit_code == 1
    assert result.stderr.strip() == f"error: no such folder: {tmp_path / 'missing'}"
    result = sample("resume", "-o", str(tmp_path))
    assert result.exit_code == 1 and "is a folder" in result.stderr
    assert list(tmp_path.glob("*.pdf")) == []


def test_no_profile_name(cli):
    result = cli("resume")
    assert result.exit_code == 1
    assert (
        result.stderr.strip()
        == 'error: the record has no name yet: set it with careerkit profile set --name "Your Name"'
    )


def test_format_from_the_file_name(sample, tmp_path):
    for name, check in (
        ("r.md", lambda b: b.startswith(b"# Maya")),
        ("r.html", lambda b: b.startswith(b"<!DOCTYPE html>")),
        ("r.docx", lambda b: b.startswith(b"PK")),
        ("r.json", lambda b: json.loads(b)["basics"]["name"] == "Maya Okafor"),
    ):
        sample("resume", "-o", str(tmp_path / name), ok=True)
        assert check((tmp_path / name).read_bytes()), name
        assert oct((tmp_path / name).stat().st_mode & 0o777) == "0o600"


def test_html_is_one_self_contained_printable_file(sample):
    page = sample("resume", "-f", "html", ok=True).stdout
    assert "<script" not in page and "<link" not in page and "src=" not in page and "@import" not in page
    assert "@media print" in page and "@page" in page


def test_database_is_not_written(sample, db_path):
    before = sqlite3.connect(db_path).execute("SELECT count(*), max(updated) FROM accomplishments").fetchone()
    sample("resume", "-f", "html", ok=True)
    after = sqlite3.connect(db_path).execute("SELECT count(*), max(updated) FROM accomplishments").fetchone()
    assert before == after


def test_pages_leave_out_the_oldest_roles_last(cli, tmp_path):
    lines = ["careerkit: 1", "profile: {name: Lee Fox}", "positions:"]
    lines += [
        f"  - {{title: Role {i}, organization: School {i}, start: {1960 + i}-08, end: {1961 + i}-06, "
        f"category: teaching, summary: 'A long summary line for role {i}, long enough to take the width of a line.'}}"
        for i in range(60)
    ]
    lines += [
        "accomplishments:",
        "  - {date: 2019-03-01, title: Led the pilot, position: Role 59, impact: up 5 points}",
    ]
    f = tmp_path / "many.yaml"
    f.write_text("\n".join(lines) + "\n")
    cli("import", str(f), ok=True)
    result = cli("resume", "--pages", "1", "-o", str(tmp_path / "r.pdf"), ok=True)
    # Summaries, then bullets, then the oldest roles go, and the output says which.
    assert "To fit 1 page, left out: 60 role summaries" in result.stderr
    assert re.search(r"\d+ earlier roles \(Role \d+, School \d+; .*; and \d+ more\)", result.stderr)
    from careerkit.render.pdf import page_count

    data = (tmp_path / "r.pdf").read_bytes()
    assert page_count(data) == 1
    assert "Led the pilot" in _flat(_pdf_text(data)) and "Role 59" in _flat(_pdf_text(data))


def test_dash_is_standard_output(sample, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = sample("resume", "-o", "-", ok=True)
    assert result.stdout.startswith("# Maya Okafor\n") and not (tmp_path / "-").exists()
