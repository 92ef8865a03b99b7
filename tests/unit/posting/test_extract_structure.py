"""Structure read from a requirement's words: years, degree, credential, jurisdiction."""

from __future__ import annotations

import pytest

from careerkit.posting import structure
from careerkit.posting.classify import must_of_text, strip_markers, type_of


@pytest.mark.parametrize(
    "text,years",
    [
        ("A minimum of five (5) years of teaching experience", 5),
        ("3+ years as an assistant principal", 3),
        ("Minimum of three years' successful classroom experience", 3),
        ("at least two [2] years of public school instructional experience", 2),
        ("Ten years in education", 10),
        ("Experience in peer mentoring", None),
        ("Obtain certification within two years of hire", None),
    ],
)
def test_years(text, years):
    assert structure.years_of(text) == years


@pytest.mark.parametrize(
    "text,category",
    [
        ("five years of classroom teaching experience", "teaching"),
        ("two years of administrative experience", "administration"),
        ("three years of successful leadership experience", "leadership"),
        ("four years as an assistant principal", "administration"),
        ("five years of relevant experience", "any"),
    ],
)
def test_experience_category(text, category):
    at = structure.YEARS.search(text)
    assert structure.category_of(text, at.start() if at else 0) == category


@pytest.mark.parametrize(
    "text,level",
    [
        ("Master's degree in Educational Leadership", "master"),
        ("M.Ed. or equivalent", "master"),
        ("An advanced degree in education", "master"),
        ("Bachelor's degree required", "bachelor"),
        ("Ed.S. or Ed.D. preferred", "specialist"),
        ("Doctorate in Educational Leadership", "doctorate"),
        ("A good degree", "bachelor"),
        ("A high degree of adaptability", None),
    ],
)
def test_degree_level(text, level):
    assert structure.degree_level_of(text) == level


def test_degree_fields_and_related():
    text = "Master's degree in Curriculum and Instruction or related field preferred"
    assert structure.degree_fields_of(text) == ["Curriculum and Instruction"]
    assert structure.or_related(text)
    assert not structure.or_related("Master's degree in Mathematics")


@pytest.mark.parametrize(
    "text,place",
    [
        ("Valid Texas principal certificate", "Texas"),
        ("NC Principal's License", "North Carolina"),
        ("GaPSC Leadership certification", "Georgia"),
        ("Qualified Teacher Status (QTS)", "England"),
        ("Registered with the GTCS", "Scotland"),
        ("Maryland State Department of Education certificate", "Maryland"),
        ("Strong communication skills", None),
        ("MA in English", None),  # a degree, not Massachusetts
    ],
)
def test_jurisdiction(text, place):
    assert structure.jurisdiction_of(text) == place


def test_credential_terms():
    assert "principal certification" in structure.credential_terms_of("Valid Texas principal certification")
    assert "t-tess" in structure.credential_terms_of("T-TESS certification required")
    assert "qts" in structure.credential_terms_of("QTS")


@pytest.mark.parametrize(
    "raw,text,must",
    [
        ("Degree in a relevant subject / E / AI", "Degree in a relevant subject", "required"),
        ("Experience of leading a team / D / I", "Experience of leading a team", "preferred"),
        ("Knowledge of the curriculum E A I", "Knowledge of the curriculum", "required"),
        ("Qualified Teacher Status - Essential", "Qualified Teacher Status", "required"),
        ("Teach across Key Stage 3;", "Teach across Key Stage 3", None),
        ("Plan A and plan B", "Plan A and plan B", None),
    ],
)
def test_person_spec_markers(raw, text, must):
    assert strip_markers(raw) == (text, must)


@pytest.mark.parametrize(
    "text,must",
    [
        ("Master's degree preferred", "preferred"),
        ("ESOL endorsement desirable.", "preferred"),
        ("Bilingual skills are a plus", "preferred"),
        ("Experience in Title I schools would be an advantage", "preferred"),
        ("Ideally, a background in early years", "preferred"),
        ("Experience conducting training, preferably in literacy", "required"),
        ("Minimum of four years required; five years preferred", "required"),
        ("Valid certificate", "required"),
    ],
)
def test_must(text, must):
    assert must_of_text(text, None) == must


@pytest.mark.parametrize(
    "text,kind,rtype",
    [
        ("Master's degree in education", "req", "education"),
        ("Valid teaching licence", "req", "credential"),
        ("Completion of the district's aspiring leaders programme", "req", "credential"),
        ("Three years of successful teaching", "req", "experience"),
        ("Experience leading professional learning", "req", "experience"),
        ("Strong communication skills", "req", "skill"),
        ("Self-starter who works well under pressure", "req", "skill"),
        ("Knowledge of state certification rules", "req", "skill"),
        ("Serves as the campus testing coordinator", "duty", "responsibility"),
        ("Knows school law and board policy", "duty", "skill"),
        ("Promote positive relationships with families", "req", "responsibility"),
        ("Teaching qualification (PGCE or equivalent)", "req", "credential"),
        ("University graduate in a STEM subject", "req", "education"),
        ("Evidence of recent professional development", "req", "experience"),
        ("Demonstrate at least proficient performance in the classroom", "req", "experience"),
        ("Ensure pupils are well prepared for examinations", "req", "responsibility"),
        ("Make effective use of subject resources", "req", "skill"),
    ],
)
def test_type(text, kind, rtype):
    assert type_of(text, kind, "list") == rtype
