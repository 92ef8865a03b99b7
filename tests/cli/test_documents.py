"""The interview brief, the tailored resume, the cover letter and themes, through the command
line, on a record and postings written for these tests (tests/fixtures/documents)."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parents[1] / "fixtures" / "documents"


@pytest.fixture
def texas(cli):
    """Jordan Ellis's record and three saved postings: 1 an assistant principal post in
    Texas, 2 a district director post, 3 a posting with no title or employer."""
    cli("import", str(HERE / "career-texas.yaml"), ok=True)
    for name in ("ap-texas.txt", "director.txt", "untitled.txt"):
        cli("gap", "analyze", str(HERE / name), ok=True)
    return cli


def _pdf_pages(data: bytes) -> list[str]:
    from pypdf import PdfReader

    return [page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages]


# -- the brief --------------------------------------------------------------------------------


def test_brief_tells_one_story_per_requirement_numbers_or_not(texas):
    out = texas("prep", "1", ok=True).stdout
    # A pilot whose result has no number is told, with the question it answers and a
    # 30-second version in the first person.
    assert "**Piloted a math tutoring model with a comparison group**" in out
    block = out.split("**Piloted a math tutoring model with a comparison group**")[1].split("###")[0]
    assert "*Answers:* Tell us about a time you used data" in block
    assert "*30 seconds:* I ran high-dosage tutoring" in block
    # Each story is told in full once.
    assert out.count("**Introduced a restorative-practice programme for grades 6-8**") == 1


def test_brief_opens_with_the_posting_in_a_few_lines(texas):
    out = texas("prep", "1", ok=True).stdout
    head = out.split("## Tell me about yourself")[0]
    assert "**Role:** Assistant Principal, Middle School" in out
    assert "**Employer:** Lone Star Independent School District" in out
    assert "**Location:** Austin, TX" in out and "**Reports to:** the Campus Principal" in out
    assert "**Hard requirements**" in out
    hard = head.split("Hard requirements")[1]
    assert "Texas principal certificate, or eligibility for one." in hard
    # what the record holds for it, under it
    assert (
        "  - Texas Principal Certificate (out-of-state review), Texas Education Agency (in progress)" in hard
    )
    assert "## Qualifications asked" not in out  # said once, at the top
    # no matcher internals anywhere
    assert not re.search(r"\b(accomplishment|position|learning|credential) \d+\b", out)
    assert "(untitled)" not in out


def test_brief_without_a_title_uses_the_file_name_and_asks(texas):
    r = texas("prep", "3", ok=True)
    assert r.stdout.startswith("# Interview brief: Untitled\n")  # the file is untitled.txt
    assert "(untitled)" not in r.stdout
    assert 'Give --title "..." and --employer "..."' in r.stderr
    named = texas("prep", "3", "--title", "Literacy Coach", "--employer", "Elm District", ok=True)
    assert named.stdout.startswith("# Interview brief: Literacy Coach\n")
    assert "**Employer:** Elm District" in named.stdout and named.stderr == ""


def test_brief_questions_come_from_the_posting_and_the_role(texas):
    ap = texas("prep", "1", ok=True).stdout
    director = texas("prep", "2", ok=True).stdout
    # the posting's named systems
    assert "T-TESS" in ap.split("### From this posting")[1].split("###")[0]
    assert "STAAR" in ap and "ARD meeting" in ap
    # scenarios for the role, not for another
    assert "### Scenarios panels put to an assistant principal" in ap
    assert "fighting in the hallway" in ap and "principal you coach is not improving" not in ap
    assert "### Scenarios panels put to a district director" in director
    assert "principal you coach is not improving" in director and "fighting in the hallway" not in director
    # why here, with what to look up
    assert "**Why Lone Star Independent School District, and why now?** Look up:" in ap


def test_scenario_bank_is_extendable(texas, db_path):
    folder = db_path.parent / "frameworks"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "scenarios-mine.yaml").write_text(
        "version: 1\nroles:\n  - id: ap\n    label: assistant principal\n"
        "    match: [assistant principal]\n    scenarios: [A bus is late and forty students are waiting. What now?]\n",
        encoding="utf-8",
    )
    from careerkit.documents.brief import load_scenarios

    load_scenarios.cache_clear()
    out = texas("prep", "1", ok=True).stdout
    assert "A bus is late and forty students are waiting. What now?" in out


def test_gap_scripts_name_the_dated_next_step_or_suggest_one(texas):
    out = texas("prep", "1", ok=True).stdout
    gaps = out.split("## Gaps and honest answers")[1].split("\n## ")[0]
    assert (
        "**Say:** I am working towards Texas Principal Certificate (out-of-state review), Texas "
        "Education Agency. My next step is to earn Texas principal certification by out-of-state "
        "review, by March 2026." in gaps
    )
    # a gap with nothing under way gets ways to act on, not a dead end
    assert "Nothing under way yet. Act on one before the interview" in gaps
    assert "Nothing under way in the record yet" not in gaps


def test_brief_has_an_opening_and_a_30_60_90_plan(texas):
    out = texas("prep", "1", ok=True).stdout
    opening = out.split("## Tell me about yourself")[1].split("\n## ")[0]
    assert "I am a Dean of Instruction at Harbor View Middle School." in opening
    assert "Three pieces of work I am proudest of:" in opening
    assert "English learners' reading scores rose 11 points" in opening  # capitals kept
    plan = out.split("## A 30-60-90-day plan")[1].split("\n## ")[0]
    assert "**First 30 days: listen and learn**" in plan and "**Days 61 to 90: act and show**" in plan
    assert "conduct T-TESS observations" in plan
    assert "Meet with the Campus Principal" in plan


def test_brief_reads_a_reporting_line_in_a_sentence(texas):
    out = texas("prep", "2", ok=True).stdout
    assert "**Reports to:** the Chief Academic Officer" in out
    # a growth area is not shown as evidence of a strength
    stories = out.split("## Your best story for each requirement")[1].split("\n## ")[0]
    assert "delegate more" not in stories


def test_brief_dates_as_the_resume_writes_them(texas):
    out = texas("prep", "2", ok=True).stdout
    assert "Dean of Instruction, Harbor View Middle School, Aug 2020 – present" in out or (
        "Dean of Instruction at Harbor View Middle School" in out
    )
    assert not re.search(r"\b(\d{4})–\1\b", out)


def test_checklist_commands_work_as_printed(texas, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    out = texas("prep", "1", ok=True).stdout
    commands = re.findall(r"`(careerkit [^`]+)`", out)
    assert "careerkit resume --for 1 -o resume-1.pdf" in commands
    assert "careerkit letter 1 -o cover-letter-1.docx" in commands
    for command in commands:
        texas(*command.split()[1:], ok=True)
    assert (tmp_path / "resume-1.pdf").read_bytes().startswith(b"%PDF")
    assert zipfile.is_zipfile(tmp_path / "cover-letter-1.docx")


def test_feedback_quotes_once_current_supervisor_first_growth_apart(texas):
    out = texas("prep", "1", ok=True).stdout
    said = out.split("## What others have said")[1].split("\n## ")[0]
    quotes = re.findall(r"^> “(.+)”$", said, re.M)
    growth = "Next step: delegate more of the data meeting preparation to the team leads."
    praise = [q for q in quotes if q != growth]
    assert len(praise) == len(set(praise))  # each quote once
    assert praise[0].startswith("Jordan's data meetings changed how our team plans")  # current supervisor
    # the growth area is never praise: only under its own heading
    assert growth in said.split("### What they asked you to work on")[1]
    assert growth not in said.split("### What they asked you to work on")[0]


def test_feedback_themes_to_a_file_in_a_format(texas, tmp_path):
    md = tmp_path / "themes.md"
    texas("feedback", "themes", "-o", str(md), ok=True)
    text = md.read_text(encoding="utf-8")
    assert text.startswith("# Themes in 4 pieces of feedback")
    assert "## Growth areas named (not praise)" in text
    js = texas("feedback", "themes", "--format", "json", "-o", "-", ok=True).stdout
    assert '"growth"' in js
    bad = texas("feedback", "themes", "--format", "pdf")
    assert bad.exit_code == 1 and "unknown format 'pdf'" in bad.stderr


# -- the resume ---------------------------------------------------------------------------------


def test_tailored_resume_names_the_role_and_orders_for_it(texas):
    director = texas("resume", "--for", "2", ok=True).stdout
    assert "Applying for: Director of School Leadership, Riverbend Public Schools" in director
    assert "assistant principal" not in director.lower()  # the summary's aim at another role is gone
    assert "Dean of instruction with eleven years in middle schools" in director
    plain = texas("resume", ok=True).stdout
    assert "Applying for" not in plain and "preparing for an assistant principal role" in plain
    # committee and union work has its own section
    service = director.split("## Leadership and Service")[1].split("\n## ")[0]
    assert "Chaired the school's attendance committee" in service
    assert "Served as building steward for the teachers' union" in service


def test_tailored_resume_keeps_relevant_bullets_without_numbers(texas):
    out = texas("resume", "--for", "1", ok=True).stdout
    assert "- Piloted a math tutoring model with a comparison group" in out


def test_bullets_read_as_written(texas):
    out = texas("resume", ok=True).stdout
    # the impact repeats the title: said once
    assert "- English learners' reading scores rose 11 points\n" in out
    assert "Raised English learners' reading scores — " not in out
    assert "english learners" not in out  # the capital of a proper noun stays


def test_one_page_resume_is_one_page_and_says_what_went(texas, tmp_path):
    from pypdf import PdfReader

    out = tmp_path / "one.pdf"
    r = texas("resume", "--for", "1", "--pages", "1", "-o", str(out), ok=True)
    assert len(PdfReader(str(out)).pages) == 1
    assert "To fit 1 page, left out:" in r.stderr or "(1 page)" in r.stderr


def test_no_page_begins_with_a_lone_bullet_or_ends_with_a_heading(cli, tmp_path):
    lines = ["careerkit: 1", "profile: {name: Sam Rivera, location: 'Austin, TX'}", "positions:"]
    for i in range(9):
        lines.append(
            f"  - {{title: Role {i}, organization: School {i}, start: {2016 + i}-08, end: {2017 + i}-06, "
            f"category: teaching, summary: 'Taught and led the grade team for a year.'}}"
        )
    lines.append("accomplishments:")
    for i in range(9):
        for k in range(4):
            lines.append(
                f"  - {{date: {2017 + i}-0{k + 1}-01, title: 'Led project {i}-{k} for the whole grade with "
                f"weekly meetings and shared data protocols', position: Role {i}, impact: 'score up {k + 1} points'}}"
            )
    (tmp_path / "long.yaml").write_text("\n".join(lines) + "\n")
    cli("import", str(tmp_path / "long.yaml"), ok=True)
    cli("resume", "-o", str(tmp_path / "r.pdf"), ok=True)
    pages = _pdf_pages((tmp_path / "r.pdf").read_bytes())
    assert len(pages) >= 2
    headings = {"SUMMARY", "EXPERIENCE", "EDUCATION", "PROFESSIONAL LEARNING", "LEADERSHIP AND SERVICE"}
    for n, text in enumerate(pages):
        body = [x.strip() for x in text.splitlines() if x.strip() and "page " not in x]
        if n > 0:
            # a page that opens with bullets opens with at least two of them
            bullets = 0
            for line in body:
                if line.startswith("•"):
                    bullets += 1
                elif re.match(r"Role \d+, School", line):
                    break
            assert bullets != 1, (n, body[:4])
        assert body[-1] not in headings and not re.match(r"Role \d+, School \d+", body[-1]), (n, body[-3:])


def test_paper_and_spelling_follow_the_place(cli, tmp_path):
    cli("profile", "set", "--name", "Alex Hart", "--location", "Leeds, UK", ok=True)
    cli("creds", "add", "QTS", "--kind", "license", "--date", "2015-07", ok=True)
    uk = cli("resume", ok=True).stdout
    assert "## Certifications and Licences" in uk
    cli("resume", "-o", str(tmp_path / "uk.pdf"), ok=True)
    from pypdf import PdfReader

    box = PdfReader(str(tmp_path / "uk.pdf")).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)  # A4
    us = cli("resume", "--spelling", "us", "--paper", "letter", "-o", str(tmp_path / "us.pdf"), ok=True)
    assert us.exit_code == 0
    box = PdfReader(str(tmp_path / "us.pdf")).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)  # US Letter
    assert "## Certifications and Licenses" in cli("resume", "--spelling", "us", ok=True).stdout
    bad = cli("resume", "--paper", "a5")
    assert bad.exit_code == 1 and "--paper must be letter or a4" in bad.stderr


def test_the_brief_and_letter_paper_follow_the_place(texas, tmp_path):
    from pypdf import PdfReader

    texas("profile", "set", "--location", "Leeds, UK", ok=True)
    for command in (("prep", "1"), ("letter", "1")):
        out = tmp_path / f"{command[0]}.pdf"
        texas(*command, "-o", str(out), ok=True)
        box = PdfReader(str(out)).pages[0].mediabox
        assert (round(float(box.width)), round(float(box.height))) == (595, 842), command
    letter = texas("letter", "1", ok=True).stdout
    assert "Yours sincerely," in letter and re.search(r"^\d{1,2} [A-Z][a-z]+ \d{4}$", letter, re.M)


def test_contact_links_and_docx_footer(texas, tmp_path):
    html = texas("resume", "--format", "html", ok=True).stdout
    assert 'href="mailto:jordan.ellis@example.org"' in html and 'href="tel:+15550170"' in html
    texas("resume", "-o", str(tmp_path / "r.docx"), ok=True)
    with zipfile.ZipFile(tmp_path / "r.docx") as z:
        names = z.namelist()
        footer = "".join(z.read(n).decode() for n in names if n.startswith("word/footer"))
        rels = z.read("word/_rels/document.xml.rels").decode()
    assert "PAGE" in footer and "NUMPAGES" in footer
    assert "mailto:jordan.ellis@example.org" in rels and 'TargetMode="External"' in rels


def test_expired_credentials_are_said_once(texas, tmp_path):
    r = texas("resume", "-o", str(tmp_path / "r.pdf"), ok=True)
    assert sum("expired credential" in line for line in r.stderr.splitlines()) == 1
    assert "Left out 1 expired credential: CPR and First Aid (expired May 2018)." in r.stderr


def test_a_glyph_no_font_can_draw_is_warned_about(cli, tmp_path, monkeypatch):
    import careerkit.render.pdf as P

    cli("profile", "set", "--name", "王小明", ok=True)
    monkeypatch.setattr(P, "_has_glyph", lambda ch: False)
    r = cli("resume", "-o", str(tmp_path / "r.pdf"), ok=True)
    assert "warning: no font on this computer can draw 王 小 明" in r.stderr
    monkeypatch.setattr(P, "_has_glyph", lambda ch: True)
    r = cli("resume", "-o", str(tmp_path / "r.pdf"), "--force", ok=True)
    assert "warning" not in r.stderr
    assert P.needs_system_fonts("王小明") and not P.needs_system_fonts("Zoë Brontë, Ł, ß — “x”")


# -- the letter -------------------------------------------------------------------------------


def test_letter_draft_from_the_record_and_the_posting(texas, tmp_path):
    r = texas("letter", "1", ok=True)
    text = r.stdout
    assert "I am writing to apply for the Assistant Principal, Middle School post at Lone Star" in text
    assert (
        "What draws me to Lone Star Independent School District is the work the role is built around" in text
    )
    assert "I ran high-dosage tutoring" in text  # a story, in the record's own words
    assert "I want to be open about one thing:" in text
    assert "Sincerely,\n\nJordan Ellis" in text
    assert "note: Add one reason of your own" in r.stderr
    # nothing the record does not hold: no numbers beyond the record's own
    record_text = (HERE / "career-texas.yaml").read_text(encoding="utf-8") + (
        HERE / "ap-texas.txt"
    ).read_text()
    for number in re.findall(r"\b\d+\b", text.split("Hiring panel")[1]):
        assert number in record_text, number
    for fmt in ("docx", "pdf"):
        out = tmp_path / f"letter.{fmt}"
        texas("letter", "1", "-o", str(out), ok=True)
        assert out.stat().st_size > 0
    pages = _pdf_pages((tmp_path / "letter.pdf").read_bytes())
    assert len(pages) == 1 and "Dear members of the hiring panel," in pages[0]


def test_letter_bad_input(texas):
    r = texas("letter", "99")
    assert r.exit_code == 1 and "no saved posting with id 99" in r.stderr
    r = texas("letter", "1", "--format", "rtf")  # a usage error, as for every --format
    assert r.exit_code == 2 and "'rtf' is not one of 'md', 'docx', 'pdf', 'html'" in r.stderr
    r = texas("letter", "abc")
    assert r.exit_code == 2 and "'abc' is not a report id" in r.stderr


# -- themes -----------------------------------------------------------------------------------


def test_themes_two_looks_and_a_folder_to_edit(texas, tmp_path):
    from pypdf import PdfReader

    texas("resume", "-o", str(tmp_path / "classic.pdf"), ok=True)
    texas("resume", "--theme", "compact", "-o", str(tmp_path / "compact.pdf"), ok=True)
    texas("prep", "1", "--theme", "compact", "-o", str(tmp_path / "brief.pdf"), ok=True)

    def fonts(path: Path) -> str:
        return str(
            [
                f.get_object().get("/BaseFont")
                for p in PdfReader(str(path)).pages
                for f in (p["/Resources"].get("/Font") or {}).values()
            ]
        )

    assert "Libertinus" in fonts(tmp_path / "classic.pdf")
    assert "SourceSansPro" in fonts(tmp_path / "compact.pdf") and "SourceSansPro" in fonts(
        tmp_path / "brief.pdf"
    )
    # copy a theme, edit it, use it
    mine = tmp_path / "mine"
    r = texas("resume", "--theme-copy", "compact", str(mine), ok=True)
    assert "Copied the compact theme" in r.stderr
    yaml = (mine / "theme.yaml").read_text(encoding="utf-8").replace('accent: "#0f5c63"', 'accent: "#aa0000"')
    (mine / "theme.yaml").write_text(yaml, encoding="utf-8")
    html = texas("resume", "--theme", str(mine), "--format", "html", ok=True).stdout
    assert "--accent: #aa0000" in html
    bad = texas("resume", "--theme", "fancy")
    assert bad.exit_code == 1 and "unknown theme 'fancy': use classic, compact" in bad.stderr
    (mine / "theme.yaml").write_text("accent: red\n", encoding="utf-8")
    bad = texas("resume", "--theme", str(mine), "--format", "html")
    assert bad.exit_code == 1 and "accent must be a colour" in bad.stderr
