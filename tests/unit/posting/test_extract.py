"""Reading postings: one item per requirement, with must, type and structure (own fixtures)."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from careerkit.models.gap import Extracted, Requirement
from careerkit.posting.extract import extract

POSTINGS = Path(__file__).resolve().parents[2] / "fixtures" / "postings"


def read(name: str) -> Extracted:
    return extract((POSTINGS / name).read_text(encoding="utf-8"))


def by_text(posting: Extracted) -> dict[str, Requirement]:
    return {r.text: r for r in posting.requirements}


def texts(posting: Extracted) -> list[str]:
    return [r.text for r in posting.requirements]


def test_interface_and_leaves_competencies_to_the_verdicts():
    posting = read("bullets-mixed.txt")
    assert isinstance(posting, Extracted)
    assert all(isinstance(r, Requirement) for r in posting.requirements)
    assert all(r.competencies == [] and r.terms == [] for r in posting.requirements)


def test_heading_run_into_the_first_word_is_split():
    posting = read("runin-headings.txt")
    reqs = by_text(posting)
    deg = reqs["Master's degree in Educational Leadership or a related field from an accredited university."]
    assert deg.section == "Education/Certification"
    assert (deg.type, deg.degree_level, deg.or_related) == ("education", "master", True)
    assert deg.degree_fields == ["Educational Leadership"]
    duty = reqs["Serve as the campus testing coordinator for state assessments."]
    assert (duty.section, duty.type, duty.must) == ("Responsibilities", "responsibility", "required")
    # the run-in heading word is not glued to the item
    assert all(not t.startswith(("Responsibilities", "Qualifications")) for t in texts(posting))


def test_pay_schedule_and_equal_opportunity_are_not_requirements():
    got = " ".join(texts(read("runin-headings.txt"))).lower()
    assert "pay grade" not in got and "equal opportunity" not in got and "226 days" not in got


def test_years_and_jurisdiction_of_a_credential():
    reqs = by_text(read("runin-headings.txt"))
    exp = reqs["Minimum of three (3) years of successful classroom teaching experience."]
    assert (exp.type, exp.years, exp.experience_category) == ("experience", 3, "teaching")
    cert = reqs["Valid Texas Principal certification (or eligible within one year)."]
    assert cert.type == "credential" and cert.jurisdiction == "Texas"
    assert "principal certification" in cert.credential_terms
    assert cert.years is None  # "within one year" is a deadline, not experience
    assert reqs["Bilingual in Spanish and English preferred."].must == "preferred"


def test_flattened_person_specification_rows():
    posting = read("person-spec-flat.txt")
    reqs = by_text(posting)
    assert posting.title == "Assistant Headteacher (Teaching and Learning)"
    assert posting.organization == "Hollins Park Academy"
    assert len(posting.requirements) == 10  # one per row, none merged
    assert reqs["Qualified Teacher Status"].must == "required"
    assert reqs["Qualified Teacher Status"].type == "credential"
    assert reqs["NPQSL or evidence of working towards it"].must == "preferred"
    assert reqs["Safer recruitment training"].type == "credential"
    assert reqs["A good honours degree"].degree_level == "bachelor"
    assert reqs["Experience of line managing middle leaders"].must == "preferred"
    assert reqs["At least three years' teaching across Key Stages 3 and 4"].years == 3
    assert not any("/ E" in t or t.endswith(("/ AI", " E", " D")) for t in texts(posting))
    assert not any("Applications close" in t or "Interviews" in t for t in texts(posting))


def test_markdown_table_with_essential_and_desirable_columns():
    posting = read("spec-table.md")
    reqs = by_text(posting)
    assert posting.title == "Special Educational Needs Coordinator (SENCO)"
    assert reqs["Qualified Teacher Status"].must == "required"
    assert reqs["Qualified Teacher Status"].jurisdiction == "England"
    assert reqs["Experience of leading staff training on inclusion"].must == "preferred"
    assert reqs["Knowledge of the SEND Code of Practice 2015"].type == "skill"
    assert len(posting.requirements) == 5


def test_essential_and_desirable_headings_over_bare_lines():
    posting = read("essential-desirable.txt")
    reqs = by_text(posting)
    assert len(posting.requirements) == 6  # bare lines are not joined into one
    assert reqs["Degree in English or a related subject"].must == "required"
    assert reqs["Experience of leading a key stage team"].must == "preferred"
    assert reqs["Experience of leading a key stage team"].experience_category == "leadership"
    assert not any("Closing" in t or "April 2026" in t for t in texts(posting))


def test_every_kind_of_bullet_and_preferred_marking():
    posting = read("bullets-mixed.txt")
    reqs = by_text(posting)
    assert posting.title == "Instructional Coach - Mathematics"
    assert posting.organization == "Lakeview County Schools"
    got = texts(posting)
    assert not any(t[:1] in "●▪*-•" or t[:2] in ("1.", "3)") for t in got)
    assert reqs["Master's degree in Curriculum and Instruction"].must == "preferred"  # heading
    assert reqs["Bachelor's degree in Mathematics, Education or a closely related field"].must == "required"
    assert reqs["Experience with Google Workspace a plus"].must == "preferred"
    assert reqs["Ideally, experience coaching in a Title I school"].must == "preferred"
    assert reqs["Provides individual coaching cycles to new teachers."].type == "responsibility"
    assert reqs["Knowledge of MTSS and data-driven instruction"].type == "skill"
    assert reqs["Current Georgia teaching certificate"].jurisdiction == "Georgia"
    five = reqs["Five years of classroom teaching experience, including at least two years in middle school"]
    assert (five.years, five.experience_category) == (5, "teaching")
    assert not any("insurance" in t or "retirement" in t for t in got)


def test_pdf_copy_lines_broken_mid_sentence_are_rejoined():
    posting = read("pdf-copy.txt")
    reqs = by_text(posting)
    assert posting.title == "Dean of Students"
    assert len(posting.requirements) == 6
    deg = reqs[
        "A master's degree in education, counseling, or a related field from an accredited institution."
    ]
    assert deg.degree_level == "master" and deg.or_related
    lic = next(r for r in posting.requirements if r.text.startswith("Massachusetts licensure"))
    assert lic.text.endswith("within one year.") and lic.jurisdiction == "Massachusetts"
    assert lic.type == "credential"
    duty = next(r for r in posting.requirements if r.text.startswith("Chairs the student support team"))
    assert duty.text.endswith("their follow-up.") and duty.type == "responsibility"
    assert not any("200 days" in t for t in texts(posting))


def test_html_saved_from_a_browser():
    posting = read("saved-page.html")
    reqs = by_text(posting)
    assert posting.title == "Head of Science"
    assert posting.organization == "Westbrook Academy Trust"
    got = texts(posting)
    assert (
        "Excellent subject knowledge in at least one science & the ability to teach all three to GCSE" in got
    )
    assert reqs["Experience of teaching A level is desirable"].must == "preferred"
    # "ideally" qualifying part of an item does not make the whole item preferred
    assert (
        reqs["Experience of leading a team of teachers, ideally as a second in department"].must == "required"
    )
    assert reqs["Line manage and develop the science teachers."].type == "responsibility"
    assert not any(
        "tracking" in t or "Home" in t or "application pack" in t or "safeguarding" in t for t in got
    )


def test_posting_cut_off_mid_sentence_drops_the_cut_item():
    posting = read("cut-off.txt")
    got = texts(posting)
    assert posting.title == "Elementary Principal"
    assert got[-1] == "Supervises and evaluates all certified and classified staff."
    assert not any("comm" in t.split()[-1] for t in got)
    assert not any("Director of Schools" in t or "Exempt" in t for t in got)  # reporting line, FLSA
    reqs = by_text(posting)
    assert reqs["Three years of administrative experience preferred"].must == "preferred"
    assert reqs["Three years of administrative experience preferred"].experience_category == "administration"
    assert reqs["Valid Ohio principal license"].jurisdiction == "Ohio"


def test_complete_posting_keeps_its_last_bullet():
    text = "Qualifications\n- Valid teaching licence\n- Three years of teaching experience\n- Strong organisational skills\n"
    assert texts(extract(text))[-1] == "Strong organisational skills"


def test_paragraphs_give_one_item_per_sentence():
    posting = read("paragraphs-only.md")
    reqs = by_text(posting)
    assert posting.title == "Director of Special Education"
    assert posting.organization == "Harbor City Schools"
    assert (
        reqs["You hold a master's degree in special education or school administration."].type == "education"
    )
    five = next(r for r in posting.requirements if r.text.startswith("You have at least five years"))
    assert five.type == "experience" and five.years == 5
    assert reqs["a doctorate is a plus."].must == "preferred"
    assert reqs["a doctorate is a plus."].degree_level == "doctorate"
    got = " ".join(texts(posting))
    assert "9,000 students" not in got and "$118,000" not in got and "cover letter" not in got
    assert "does not discriminate" not in got


def test_purpose_statement_gives_way_to_a_duties_list():
    with_duties = extract(
        "Job Goal: To help the principal run a safe and orderly school.\n\n"
        "Duties:\n- Coordinates the school's testing programme.\n- Supervises lunch and arrival duty.\n"
    )
    assert texts(with_duties) == [
        "Coordinates the school's testing programme.",
        "Supervises lunch and arrival duty.",
    ]
    alone = extract(
        "Job Goal: To help the principal run a safe and orderly school.\n\n"
        "Qualifications:\n- Valid administrator certificate\n"
    )
    first = alone.requirements[0]
    assert first.text == "To help the principal run a safe and orderly school."
    assert first.type == "responsibility"


def test_semicolon_list_after_an_inline_heading():
    posting = extract(
        "Qualifications: Master's degree in education; Ohio principal licence; five years of "
        "teaching experience.\n"
    )
    assert [r.type for r in posting.requirements] == ["education", "credential", "experience"]


def test_a_bullet_with_two_demands_stays_one_item():
    posting = extract(
        "Requirements\n• Experience leading data teams and coaching new teachers\n"
        "• Strong communication and organisational skills\n"
    )
    assert len(posting.requirements) == 2


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\n",
        None,
        12345,
        "\x00\x01\x02" * 1000,
        "<div>" * 20_000 + "Qualifications: degree" + "</div>" * 20_000,
        "Experience in teaching " * 100_000,
        "• a\n" * 50_000,
        "A:" * 50_000,
        "<<<>>>" * 10_000,
    ],
)
def test_never_raises_on_bad_input(text):
    got = extract(text)
    assert isinstance(got, Extracted)
    assert len(got.requirements) <= 400


def test_random_bytes_decoded_do_not_raise():
    rnd = random.Random(7)
    for _ in range(5):
        raw = bytes(rnd.getrandbits(8) for _ in range(20_000))
        assert isinstance(extract(raw.decode("utf-8", "replace")), Extracted)
        assert isinstance(extract(raw.decode("latin-1")), Extracted)


def test_deterministic():
    text = (POSTINGS / "bullets-mixed.txt").read_text()
    assert extract(text).model_dump() == extract(text).model_dump()


def test_headings_standing_alone_between_blank_lines():
    posting = read("web-headings-uk.txt")
    got = texts(posting)
    assert posting.organization == "Brookfield Primary School"
    assert "lead our inclusion team of six teaching assistants" in got
    assert by_text(posting)["NPQSL would be an advantage."].must == "preferred"
    # what the school offers, the safeguarding statement and the school's description are not asked of anyone
    assert not any("staff team" in t or "DBS" in t or "Leeds" in t or "wellbeing" in t for t in got)
    assert len(got) == 6


def test_job_board_footer_fields():
    posting = read("job-board-footer.txt")
    reqs = by_text(posting)
    assert reqs["Bachelor's (Required)"].type == "education"
    assert reqs["Teaching: 2 years (Required)"].years == 2
    assert reqs["Teaching Certification (Preferred)"].must == "preferred"
    got = " ".join(texts(posting))
    assert "$52,000" not in got and "Full-time" not in got and "Monday" not in got and "In person" not in got
    # the opening announcement gives way to the list of duties
    assert not any(t.startswith("Sunrise Elementary is seeking") for t in texts(posting))


def test_board_boilerplate_is_not_a_requirement():
    got = texts(read("board-boilerplate.txt"))
    assert not any(
        "alternatives" in t or "as may be assigned" in t or "Evaluation of Professional" in t for t in got
    )
    assert len(got) == 7


def test_space_aligned_table_with_ticks_under_essential_and_desirable():
    posting = read("tick-columns.txt")
    reqs = by_text(posting)
    assert len(posting.requirements) == 6
    assert reqs["Qualified Teacher Status"].must == "required"
    assert reqs["Further professional qualification such as NPQH or NPQSL"].must == "preferred"
    assert reqs["Experience of leading whole-school change"].must == "preferred"
    wrapped = (
        "Successful experience as a senior leader in a primary school, including leading a core subject "
        "across the school"
    )
    assert reqs[wrapped].must == "required" and reqs[wrapped].type == "experience"
    assert not any("✓" in t for t in texts(posting))


def test_plain_title_case_headings_lettered_items_and_sub_bullets():
    posting = read("plain-headings.txt")
    reqs = by_text(posting)
    assert reqs["Bachelor's degree in education"].section == "Minimum Requirements"
    assert reqs["Five (5) years of successful teaching experience"].must == "required"
    assert reqs["Experience with adult learning theory"].must == "preferred"  # Desired heading
    assert reqs["Design sessions based on walkthrough data."].type == "responsibility"
    got = texts(posting)
    assert "Minimum Requirements" not in got and "Essential Duties and Responsibilities" not in got
    assert not any("travel" in t or "Other duties" in t for t in got)
    assert not any(t.startswith("The Instructional Coach partners") for t in got)  # purpose, duties follow


def test_html_with_line_breaks_and_bold_labels():
    posting = read("html-br.html")
    reqs = by_text(posting)
    assert posting.title == "Assistant Principal"
    assert len(posting.requirements) == 5
    lic = next(r for r in posting.requirements if r.text.startswith("Valid Virginia"))
    assert lic.type == "credential" and lic.jurisdiction == "Virginia"
    assert reqs["Knowledge of Virginia Standards of Learning"].must == "preferred"
    got = " ".join(texts(posting))
    assert "$95,000" not in got and "lift 25 pounds" not in got and "Equal Opportunity" not in got


def test_table_cells_copied_one_per_line():
    posting = read("cells-on-lines.txt")
    reqs = by_text(posting)
    assert posting.title == "Class Teacher (Upper Key Stage 2)"
    assert len(posting.requirements) == 4
    assert reqs["A degree in a National Curriculum subject"].must == "preferred"
    assert reqs["Experience of teaching in Year 5 or Year 6"].must == "required"
    assert reqs["Qualified Teacher Status"].type == "credential"


def test_about_you_is_a_requirements_section():
    posting = extract(
        "About the school\nWe are a small village school.\n\nAbout you\n"
        "- Experience teaching in a primary school\n- A good sense of humour\n"
    )
    assert texts(posting) == ["Experience teaching in a primary school", "A good sense of humour"]


def test_prose_advert_keeps_demands_and_drops_the_school_description():
    posting = read("vacancy-prose-uk.txt")
    reqs = by_text(posting)
    assert posting.title == "Headteacher"
    got = texts(posting)
    assert not any(
        "Ofsted" in t or "two-form entry" in t or "governing body" in t or "welfare" in t for t in got
    )
    assert not any(t in ("Permanent", "Full time", "Commitment to safeguarding") for t in got)
    assert reqs["NPQH is desirable."].must == "preferred"
    assert reqs["NPQH is desirable."].type == "credential"
    assert reqs["Experience of headship or deputy headship is essential"].type == "experience"
    track = next(r for r in posting.requirements if "track record" in r.text)
    assert track.type == "experience"
    assert reqs["manage the school budget effectively"].type == "responsibility"
    assert len(got) == 8


def test_district_form_with_sub_headings_over_numbered_duties():
    posting = read("district-form.txt")
    reqs = by_text(posting)
    got = texts(posting)
    assert posting.title == "Assistant Principal"
    assert "Instructional Management" not in got and "Student Management" not in got
    duty = reqs[
        "Ensure that school rules are uniformly observed and that student discipline is appropriate and "
        "equitable."
    ]
    assert duty.section == "Student Management" and duty.type == "responsibility"
    ttess = reqs["T-TESS and T-PESS certification (or obtain within first year)"]
    assert ttess.type == "credential" and "t-tess" in ttess.credential_terms and ttess.jurisdiction == "Texas"
    prior = reqs["Prior experience as an instructional leader preferred"]
    assert (prior.must, prior.experience_category) == ("preferred", "leadership")
    assert not any("travel" in t or "emotional control" in t or "AP2" in t for t in got)
    assert not any(t.startswith("Assist the principal in the overall") for t in got)


def test_one_word_headings_without_colons_or_blank_lines():
    posting = extract(
        "Reading Teacher\nQualifications\nBachelor's degree in Education\nThree years of teaching\n"
        "Responsibilities\nTeaches small groups of pupils.\n"
    )
    assert [(r.section, r.type) for r in posting.requirements] == [
        ("Qualifications", "education"),
        ("Qualifications", "experience"),
        ("Responsibilities", "responsibility"),
    ]


def test_application_materials_are_not_requirements():
    posting = extract(
        "Requirements:\n- Valid state teaching certificate\n- Three letters of reference\n"
        "- Official transcripts from all universities attended\n- Experience with restorative practices\n"
    )
    assert texts(posting) == ["Valid state teaching certificate", "Experience with restorative practices"]


def test_colon_inside_an_item_is_not_a_heading():
    posting = extract(
        "QUALIFICATIONS:\n- Experience with the following: MTSS, PBIS, and RTI.\n"
        "Experience with the following: data teams and walkthroughs.\n"
        "PHYSICAL CONDITIONS AND NATURE OF WORK CONTACTS: Work is performed in an office. "
        "Frequent contact with principals.\n"
    )
    assert texts(posting) == [
        "Experience with the following: MTSS, PBIS, and RTI.",
        "Experience with the following: data teams and walkthroughs.",
    ]


def test_symbol_font_bullets_from_word_and_pdf():
    posting = extract(
        "Qualifications\n\uf0b7 Valid teaching certificate\n\uf0a7 Three years of teaching experience\n"
        "➤ Strong data skills\n"
    )
    assert texts(posting) == [
        "Valid teaching certificate",
        "Three years of teaching experience",
        "Strong data skills",
    ]


def test_summary_sentence_that_asks_for_something_survives_the_duties_list():
    posting = extract(
        "Job Summary\nThe assistant principal supports the principal in all areas of school leadership. "
        "The ideal candidate will have at least five years of teaching experience.\n"
        "Duties\n- Supervises arrival and dismissal.\n- Leads the school's PBIS team.\n"
    )
    first = posting.requirements[0]
    assert first.text == "The ideal candidate will have at least five years of teaching experience."
    assert (first.type, first.years, first.must) == ("experience", 5, "preferred")
    assert len(posting.requirements) == 3


def test_demands_mentioning_schedule_size_or_dates_are_kept():
    posting = extract(
        "Requirements\n- Experience as a full-time classroom teacher\n"
        "- Experience as a line manager of support staff\n"
        "- Experience leading a school with 600 students\n- Valid certificate by September 2026\n"
        "- Full time\nPosition Type: Administration\nDate Available: 07/01/2026\n"
    )
    assert texts(posting) == [
        "Experience as a full-time classroom teacher",
        "Experience as a line manager of support staff",
        "Experience leading a school with 600 students",
        "Valid certificate by September 2026",
    ]


def test_vacancy_page_with_cookie_banner_and_definition_list():
    posting = read("vacancy-page.html")
    reqs = by_text(posting)
    assert posting.title == "Head of Mathematics"  # the page's h1, not the job-role field
    assert posting.organization == "Ashdown Community College"
    got = texts(posting)
    assert not any(
        "cookies" in t or "CPD budget" in t or "Visits" in t or "DBS" in t or "Licence" in t for t in got
    )
    assert reqs["Experience of line managing staff (desirable)"].must == "preferred"
    assert reqs["QTS or equivalent"].type == "credential"
    assert len(got) == 5


def test_assets_heading_is_preferred_and_a_whole_last_word_is_not_a_cut():
    posting = extract(
        "Qualifications:\n- Valid BC teaching certificate\n- Five years of teaching experience\n"
        "Assets:\n- Master's degree in Educational Leadership\n- Experience with Indigenous education\n"
    )
    assert [r.must for r in posting.requirements] == ["required", "required", "preferred", "preferred"]
    assert posting.requirements[0].jurisdiction == "British Columbia"


def test_list_glue_is_stripped_but_a_dangling_and_marks_a_cut():
    posting = extract(
        "Requirements\n- Valid teaching certificate;\n- Five years of teaching experience; and\n"
        "- Knowledge of reading and"
    )
    assert texts(posting) == ["Valid teaching certificate", "Five years of teaching experience"]


def test_untitled_purpose_without_duties_is_one_responsibility():
    posting = extract(
        "Assistant Principal\nThe Assistant Principal assists the principal in the day-to-day running "
        "of the school.\nQualifications:\n- Valid administrator certificate\n"
    )
    first = posting.requirements[0]
    assert (first.type, first.section) == ("responsibility", None)
    assert len(posting.requirements) == 2


def test_saved_page_scripts_and_styles_are_skipped_before_reading():
    page = (
        "<html><head><style>"
        + "p{color:red}" * 5000
        + "</style></head><body><script>"
        + "var a=1;" * 50_000
        + "</script><h1>Head of Maths</h1><h2>Requirements</h2><ul><li>Experience of teaching maths to A level</li>"
        + "</ul><script>unclosed"
    )
    posting = extract(page)
    assert posting.title == "Head of Maths"
    assert texts(posting) == ["Experience of teaching maths to A level"]


def test_pdf_page_headers_and_footers_are_not_requirements():
    posting = extract(
        "QUALIFICATIONS:\n- Valid Ohio principal license\nPage 1 of 2\nRevised 07/2023\n"
        "Board Approved: June 12, 2019\n- Five years of teaching experience\n"
    )
    assert texts(posting) == ["Valid Ohio principal license", "Five years of teaching experience"]


def test_decimal_numbering_and_label_prefixed_criteria():
    posting = extract(
        "Main duties\n1.1 Lead the planning of the English curriculum.\n"
        "1.2 Line manage teachers of English.\nPerson specification\n"
        "Essential: Qualified Teacher Status\nDesirable: NPQML\n"
    )
    assert [(r.text, r.must, r.type) for r in posting.requirements] == [
        ("Lead the planning of the English curriculum.", "required", "responsibility"),
        ("Line manage teachers of English.", "required", "responsibility"),
        ("Qualified Teacher Status", "required", "credential"),
        ("NPQML", "preferred", "credential"),
    ]


def test_paste_starting_with_a_requirement_has_no_title_and_loses_nothing():
    posting = extract("Valid teaching certificate\nThree years of teaching experience\n")
    assert posting.title is None
    assert texts(posting) == ["Valid teaching certificate", "Three years of teaching experience"]


def test_a_field_value_is_not_taken_for_the_title():
    posting = extract(
        "Closing date\n\n9 March 2026\n\nJob role\n\nDeputy headteacher\n\n"
        "Requirements\n- Qualified Teacher Status\n"
    )
    assert posting.title == "Deputy headteacher"
    assert texts(posting) == ["Qualified Teacher Status"]


def test_bullets_flattened_onto_one_line():
    posting = extract(
        "Requirements: • Valid teaching certificate • Three years of teaching experience "
        "• Strong data skills\n"
    )
    assert texts(posting) == [
        "Valid teaching certificate",
        "Three years of teaching experience",
        "Strong data skills",
    ]
    assert {r.section for r in posting.requirements} == {"Requirements"}


def test_lone_column_letters_in_a_person_specification():
    posting = extract(
        "Person Specification\nCriteria Essential Desirable\nQualified Teacher Status E\nNPQH D\n"
        "Experience of leading a whole-school change E\n"
    )
    assert [(r.text, r.must) for r in posting.requirements] == [
        ("Qualified Teacher Status", "required"),
        ("NPQH", "preferred"),
        ("Experience of leading a whole-school change", "required"),
    ]
    # outside a person specification a trailing capital is part of the words
    assert texts(extract("Requirements\n- Knowledge of vitamin D\n")) == ["Knowledge of vitamin D"]
