"""Shapes from issue 17's held-out postings, each on a posting written here: what is an item,
how demands run together are split, required or preferred, and type."""

from __future__ import annotations

from careerkit.posting.extract import extract


def items(text: str) -> list[tuple[str, str, str]]:
    return [(r.text, r.must, r.type) for r in extract(text).requirements]


def test_a_run_on_qualifications_line_is_one_item_per_demand():
    got = items(
        "Instructional Coach\n\nQualifications\nBachelor's degree in education required, Master's degree or "
        "higher preferred. Must hold a valid standard teaching certificate, must be able to travel between "
        "sites, minimum of three years of successful classroom teaching experience. Minimum one year of "
        "experience leading adult learning preferred.Bilingual (Spanish) desired.\n"
    )
    assert got == [
        ("Bachelor's degree in education required", "required", "education"),
        ("Master's degree or higher preferred.", "preferred", "education"),
        ("Must hold a valid standard teaching certificate", "required", "credential"),
        ("must be able to travel between sites", "required", "skill"),
        ("minimum of three years of successful classroom teaching experience.", "required", "experience"),
        ("Minimum one year of experience leading adult learning preferred.", "preferred", "experience"),
        ("Bilingual (Spanish) desired.", "preferred", "skill"),
    ]


def test_a_degree_line_with_a_preferred_degree_after_a_comma():
    got = items(
        "Qualifications\n- Bachelor's degree in Computer Science or related field, Master's degree preferred\n"
    )
    assert [(t, m) for t, m, _ in got] == [
        ("Bachelor's degree in Computer Science or related field", "required"),
        ("Master's degree preferred", "preferred"),
    ]


def test_a_second_degree_level_in_one_sentence_is_its_own_demand():
    got = items(
        "Qualifications\nThe successful candidate will hold a master's degree in school leadership, with a "
        "doctorate preferred.\n"
    )
    assert [(t, m, ty) for t, m, ty in got] == [
        (
            "The successful candidate will hold a master's degree in school leadership",
            "required",
            "education",
        ),
        ("with a doctorate preferred.", "preferred", "education"),
    ]


def test_a_closing_lead_in_sentence_is_not_part_of_its_bullet():
    got = items(
        "Duties\n- Supports the team's and the school's goals. The lead will look at pupil data and act on it by:\n"
        "- Running a monthly data meeting\n- Planning reteach groups with the team\n"
    )
    assert got[0][0] == "Supports the team's and the school's goals."


def test_a_bullet_of_two_demand_sentences_is_two_items():
    got = items(
        "Duties\n- Champion every pupil's progress. Keep up with research in the subject you teach.\n"
        "- Lead the weekly team meeting. This includes the agenda and the minutes.\n"
        "1. Supervises the attendance office and its two clerks, including the daily calls home, the "
        "weekly truancy review and the monthly report to the district. Works with the counselors on "
        "attendance plans for students who miss more than ten percent of the year.\n"
    )
    assert [t for t, _, _ in got] == [
        "Champion every pupil's progress.",
        "Keep up with research in the subject you teach.",
        "Lead the weekly team meeting. This includes the agenda and the minutes.",
        "Supervises the attendance office and its two clerks, including the daily calls home, the weekly "
        "truancy review and the monthly report to the district. Works with the counselors on attendance "
        "plans for students who miss more than ten percent of the year.",
    ]


def test_a_list_inside_one_demand_is_not_split():
    got = items(
        "Qualifications\n- Experience with curriculum design, assessment, and coaching, preferably in K-8\n"
    )
    assert len(got) == 1


def test_glued_sentences_split_and_boilerplate_clauses_drop_alone():
    got = items(
        "Qualifications\n1. Such alternatives to the above qualifications as the Board may find appropriate."
        "Successful completion of a background check.Knowledge of state assessment rules.\n"
        "2. Three years of teaching, at least two of which were at the middle school level.\n"
    )
    assert [t for t, _, _ in got] == [
        "Knowledge of state assessment rules.",
        "Three years of teaching, at least two of which were at the middle school level.",
    ]


def test_duties_under_a_lead_in_in_outlines_and_in_quotes():
    got = items(
        'Head of Year\n\nThe postholder will:\n“Lead a team of form tutors”\n"Monitor attendance\n'
        "Working closely with parents and agencies\n\n2. Main duties\n2.1 Pastoral care\n"
        "2.1.1 - To track pupil progress each term.\n2.1.2 – To organise the options evening.\n"
    )
    assert got == [
        ("Lead a team of form tutors", "required", "responsibility"),
        ("Monitor attendance", "required", "responsibility"),
        ("Working closely with parents and agencies", "required", "responsibility"),
        ("To track pupil progress each term.", "required", "responsibility"),
        ("To organise the options evening.", "required", "responsibility"),
    ]


def test_an_unheaded_summary_of_duty_sentences():
    got = items(
        "Assistant Head (Inclusion)\nHarbourside Primary Academy\n\n"
        "Situated in the heart of Plymouth, Harbourside is a larger-than-average primary academy. "
        "Rated Good by Ofsted in 2023. Staff benefit from a generous CPD budget.\n\n"
        "Lead inclusion across the school as SENCo. Support class teachers to plan provision for pupils "
        "with SEND. Manage the work of six teaching assistants.\n\n"
        "Essential\nNational Award for SEN Co-ordination, or willingness to complete it within three years\n"
    )
    assert [t for t, _, _ in got] == [
        "Lead inclusion across the school as SENCo.",
        "Support class teachers to plan provision for pupils with SEND.",
        "Manage the work of six teaching assistants.",
        "National Award for SEN Co-ordination, or willingness to complete it within three years",
    ]


def test_legends_dates_invitations_and_announcements_are_not_items():
    got = items(
        "Reading Interventionist\nMaple ISD\n\nMaple ISD is seeking a reading interventionist for the "
        "2025-26 school year.\n\nQualifications\n- Valid teaching certificate (E)\n- ESL supplemental (D)\n"
        "Key: A – Application, I – Interview, R – References\nE = Essential, D = Desirable\n\n"
        "Applications close at 12 noon on Friday 14 March 2025.\nWe invite you to visit our campus before "
        "applying.\nWe look forward to welcoming you to our school.\n"
    )
    assert [(t, m) for t, m, _ in got] == [
        ("Valid teaching certificate", "required"),
        ("ESL supplemental", "preferred"),
    ]


def test_priority_and_desired_mark_preferred_and_types_follow_the_section():
    got = items(
        "Duties\nTeaching a Year 6 class for half of the timetable\nAdministers benchmark assessments three "
        "times a year.\n\nPerson specification\nTo have led a phase across a whole school\n"
        "To have a good knowledge of the SEND Code of Practice\n"
        "Priority will be given to candidates with experience coaching adults.\nMaster's degree desired\n"
    )
    assert got == [
        ("Teaching a Year 6 class for half of the timetable", "required", "responsibility"),
        ("Administers benchmark assessments three times a year.", "required", "responsibility"),
        ("To have led a phase across a whole school", "required", "experience"),
        ("To have a good knowledge of the SEND Code of Practice", "required", "skill"),
        ("Priority will be given to candidates with experience coaching adults.", "preferred", "experience"),
        ("Master's degree desired", "preferred", "education"),
    ]


def test_a_preference_in_brackets_belongs_to_the_bracket():
    got = items(
        "Qualifications\n- Master's degree in educational leadership (Ed.S. or Ed.D. preferred)\n"
        "- Doctorate (preferred)\n"
    )
    assert [m for _, m, _ in got] == ["required", "preferred"]


def test_a_pdf_copy_rejoins_words_broken_at_a_line_end():
    got = items(
        "QUALIFICATIONS:\n• Master's degree from an accred-\nited university.\n"
        "• Experience with data-\ndriven instruction and state assess-\nments.\n"
    )
    assert [t for t, _, _ in got] == [
        "Master's degree from an accredited university.",
        "Experience with data-driven instruction and state assessments.",
    ]


def test_a_pipe_table_with_a_required_or_preferred_column():
    got = items(
        "Department Chair\n\n| Requirement | Required/Preferred |\n|---|---|\n"
        "| A valid state teaching license | Required |\n"
        "| Experience leading a professional learning community | Preferred |\n"
    )
    assert [(t, m) for t, m, _ in got] == [
        ("A valid state teaching license", "required"),
        ("Experience leading a professional learning community", "preferred"),
    ]


def test_named_qualification_programmes_are_credentials():
    got = items(
        "Qualifications:\n- Principal's Qualification Program, Parts I and II\n"
        "- Qualifications in the Intermediate and Senior divisions\nAssets:\n- French as a second language\n"
    )
    assert [(m, ty) for _, m, ty in got] == [
        ("required", "credential"),
        ("required", "credential"),
        ("preferred", "skill"),
    ]


def test_a_report_to_the_district_inside_a_duty_is_not_a_reporting_line():
    got = items(
        "Duties\n1. Supervises the attendance office, including the monthly report to the district.\n"
        "2. Leads the behavior team.\nThe Dean of Students reports directly to the principal.\n"
    )
    assert [t for t, _, _ in got] == [
        "Supervises the attendance office, including the monthly report to the district.",
        "Leads the behavior team.",
    ]
