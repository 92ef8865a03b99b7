"""One vocabulary: every reader of a posting gives the same answer for the same text."""

from __future__ import annotations

import pytest

from careerkit.posting import checks, similarity, structure
from careerkit.posting import vocabulary as V


@pytest.mark.parametrize(
    "text, level",
    [
        ("MBA or Ed.S. preferred", "master"),  # either will do: the lowest accepted is asked
        ("Associate's degree", "associate"),
        ("M.A.T. required", "master"),
        ("Master's degree required; doctorate preferred", "master"),
        ("with a Specialist degree or higher preferred", "specialist"),
        ("Ed.D. in Educational Leadership", "doctorate"),
        ("Bachelor's degree from an accredited college", "bachelor"),
        ("A good honours degree", "bachelor"),
        ("Master of Education (M.Ed.)", "master"),
        ("A high degree of adaptability", None),
        ("Degree of independence in planning", None),
        ("Current teaching certificate", None),
    ],
)
def test_degree_level_is_the_same_everywhere(text, level):
    assert V.degree_level(text) == level
    assert structure.degree_level_of(text) == level
    assert checks.degree_level_in(text) == level
    assert similarity.degree_level(text.lower()) == level


@pytest.mark.parametrize(
    "text, kind",
    [
        ("3 years of management experience", "leadership"),
        ("Five years of classroom teaching", "teaching"),
        ("Two years of administrative experience", "administration"),
        ("Three years as an assistant principal", "administration"),
        ("Prior experience as an instructional leader", "leadership"),
        ("Two years in a leadership role (department chair, coach)", "leadership"),
        ("Four years of successful experience", "any"),
    ],
)
def test_kind_of_experience_is_the_same_everywhere(text, kind):
    assert V.experience_kind(text) == kind
    assert structure.category_of(text) == kind
    assert similarity.category_of(text.lower()) == kind


@pytest.mark.parametrize(
    "text, years",
    [
        ("five (5) years of teaching", 5),
        ("3+ years of experience", 3),
        ("a minimum of three years", 3),
        ("Ten or more years", 10),
        ("two full school years as a teacher", 2),
        ("certification within one year of hire", None),
        ("obtain the endorsement in two years", None),
        ("no number here", None),
    ],
)
def test_years(text, years):
    assert V.years_of(text) == years
    assert structure.years_of(text) == years
    assert similarity.years_asked(text) == years


@pytest.mark.parametrize(
    "text, place",
    [
        ("Valid Texas teaching certificate", "Texas"),
        ("TX principal certificate", "Texas"),
        ("Certificate issued by the GaPSC", "Georgia"),
        ("Qualified Teacher Status (QTS)", "England"),
        ("Registered with the GTCS", "Scotland"),
        ("NM administrator licence", "New Mexico"),
        ("OH educator license", "Ohio"),
        ("WA state certificate", "Washington"),
        ("British Columbia teaching certificate", "British Columbia"),
        ("T-TESS appraiser certification", "Texas"),
        ("Any valid teaching certificate", None),
    ],
)
def test_places_are_the_same_everywhere(text, place):
    assert V.place_of(text) == place
    assert structure.jurisdiction_of(text) == place
    assert checks.jurisdiction_in(text) == (place.lower() if place else None)


@pytest.mark.parametrize(
    "text, levels",
    [
        ("Elementary School Principal (PK-5)", {"elementary"}),
        ("Teaching across the 11-18 age range, including GCSE", {"secondary"}),
        ("Middle school (grades 6-8) assistant principal", {"middle"}),
        ("Early childhood center director", {"early childhood"}),
        ("K-12 district coordinator", set()),  # every level at once asks none
        ("Director of curriculum", set()),
    ],
)
def test_school_levels(text, levels):
    assert V.levels_in(text) == levels


@pytest.mark.parametrize(
    "title, rung, rank",
    [
        ("Third Grade Teacher", "teacher", 1),
        ("Grade 9 Biology Course Team Lead", "team lead", 2),
        ("Instructional Coach (Math and Literacy)", "coach", 3),
        ("Head of Department", "department head", 3),
        ("Department Chairperson", "department head", 3),
        ("Assistant Principal", "assistant principal or deputy", 4),
        ("Deputy Headteacher", "assistant principal or deputy", 4),
        ("Vice-Principal", "assistant principal or deputy", 4),
        ("Assistant Headteacher (Key Stage 4)", "assistant principal or deputy", 4),
        ("Headteacher", "principal or head", 5),
        ("Elementary Principal", "principal or head", 5),
        ("Early Learning Center Director", "principal or head", 5),
        ("Director of Curriculum and Instruction", "district director", 6),
        ("Superintendent", "district director", 6),
    ],
)
def test_the_ladder_of_roles_us_and_uk(title, rung, rank):
    assert V.role_of(title)[:2] == (rung, rank)


@pytest.mark.parametrize(
    "text, scope",
    [
        ("Assist the Superintendent in supervising the District's programs", "district"),
        ("Provides leadership in the operation of his/her school", "school"),
        ("Lead school-wide PBIS", "school"),
        ("Organise department documents", "department"),
        ("Plan with the grade-level team", "team"),
        ("Communicate clearly", None),
    ],
)
def test_the_scope_a_requirement_names(text, scope):
    assert V.scope_named(text) == scope


@pytest.mark.parametrize(
    "text, scope",
    [
        ("Led whole-staff professional learning on phonics", "school"),
        ("Coach for 28 K-5 teachers", "school"),
        ("Arranged interpretation through the district's family office", None),  # names, not for
        ("Joined the district curriculum writing team", "district"),
        ("Ran the six-teacher course team", "team"),
    ],
)
def test_the_scope_an_entry_shows(text, scope):
    assert (V.scope_shown(text) or V.scope_by_numbers(text)) == scope


def test_growth_areas_are_split_from_praise():
    text = (
        "Sam communicates clearly with families. Her next steps are the master schedule and the "
        "campus budget, none of which she has had yet."
    )
    assert V.praise_only(text) == "Sam communicates clearly with families."
    assert "budget" in V.growth_areas(text)
    assert V.praise_only("Calm and clear.") == "Calm and clear."


def test_speaking_a_language_is_not_mentioning_it():
    assert V.languages_in("Ability to communicate in Spanish") == {"Spanish"}
    assert not V.speaks("Arranged Spanish interpretation for family night", "Spanish")
    assert V.speaks("Fluent Spanish speaker; taught in a dual-immersion classroom", "Spanish")


def test_stems_keep_apart_words_that_only_look_alike():
    from careerkit.posting.text import stem

    assert stem("related") != stem("relationships")  # "related service staff"
    assert stem("mission") != stem("missing")
    assert stem("relationship") == stem("relationships")
