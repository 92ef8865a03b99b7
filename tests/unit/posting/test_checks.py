"""The verdict rules, requirement by requirement, on a small record (pure: no database)."""

from __future__ import annotations

import datetime as dt

import pytest

from careerkit.models.gap import Requirement
from careerkit.models.record import (
    AccomplishmentEntry,
    CredentialEntry,
    FeedbackEntry,
    GoalEntry,
    LearningEntry,
    PositionEntry,
    Record,
)
from careerkit.posting.analyze import report_for

TODAY = dt.date(2026, 6, 1)


@pytest.fixture(scope="module")
def record():
    return Record(
        positions=[
            PositionEntry(
                id=1,
                title="Science Teacher",
                organization="Hill Middle School",
                start="2012-08",
                end="2019-07",
                category="teaching",
                level="middle school",
            ),
            PositionEntry(
                id=2,
                title="Summer School Teacher",
                organization="Hill Middle School",
                start="2016-06",
                end="2016-07",
                category="teaching",
            ),
            PositionEntry(
                id=3,
                title="Dean of Students",
                organization="Hill Middle School",
                start="2019-08",
                end="2021-07",
                category="administration",
            ),
            PositionEntry(
                id=4,
                title="Instructional Coach",
                organization="Hill Middle School",
                start="2021-08",
                category="leadership",
            ),
        ],
        credentials=[
            CredentialEntry(id=1, kind="degree", name="B.S. Biology", level="bachelor", field="Biology"),
            CredentialEntry(id=2, kind="degree", name="M.A. Teaching", level="master", field="Teaching"),
            CredentialEntry(
                id=3,
                kind="certification",
                name="Maryland Professional Teaching Certificate",
                issuer="Maryland State Department of Education",
                expires="2030-01-01",
            ),
            CredentialEntry(
                id=4,
                kind="certification",
                name="Administrator I certification",
                issuer="Maryland State Department of Education",
                status="in-progress",
            ),
            CredentialEntry(id=5, kind="certification", name="ESOL endorsement", expires="2020-06-30"),
        ],
        accomplishments=[
            AccomplishmentEntry(
                id=1,
                date="2020-03-01",
                title="Rebuilt the school's PBIS system",
                details="Behavior expectations and monthly recognition",
                skills=["PBIS"],
            ),
            AccomplishmentEntry(
                id=2,
                date="2022-03-01",
                title="Led the grade 7 data team",
                skills=["data analysis", "common assessments"],
            ),
        ],
        feedback=[
            FeedbackEntry(
                id=1,
                date="2022-05-01",
                text="A calm, clear communicator with families.",
                relationship="parent",
            )
        ],
        learning=[
            LearningEntry(
                id=1,
                date="2023-01-01",
                title="Restorative practices course",
                skills=["restorative practices"],
            )
        ],
        goals=[
            GoalEntry(id=1, title="Build the master schedule with the principal", skills=["master schedule"])
        ],
    )


def verdict(record, text, type_, **structure):
    result = report_for([Requirement(text=text, type=type_, **structure)], record, today=TODAY).requirements[
        0
    ]
    return result.verdict, result


@pytest.mark.parametrize(
    "text, years, expected, why",
    [
        # school years count whole: August 2012 to July 2019 is seven
        ("Seven years of classroom teaching experience", 7, "met", "7 years in teaching positions"),
        ("Eight years of classroom teaching experience", 8, "partial", "7 years"),  # summer job overlaps
        ("Two years of administrative experience", 2, "met", "2 years in administration"),
        ("Four years of administrative experience", 4, "partial", "2 years"),
        ("Six years of leadership experience", 6, "met", "leadership positions"),  # admin counts too
        # a named rung: time in it or above (a dean of students is on the assistant principal's rung)
        ("Three years as an assistant principal", 3, "partial", "assistant principal"),
    ],
)
def test_years_by_category(record, text, years, expected, why):
    v, r = verdict(record, text, "experience", years=years)
    assert v == expected and why in r.why
    assert r.evidence and r.evidence[0].kind == "position"


def test_level_of_school_must_fit(record):
    # experience at another school level is partial, not nothing
    assert (
        verdict(record, "Experience teaching high school science (grades 9-12)", "experience")[0] == "partial"
    )
    assert verdict(record, "Middle school teaching experience", "experience")[0] == "met"


def test_teaching_and_administration_both_asked(record):
    v, _ = verdict(record, "Proven record of exemplary teaching and administration", "experience")
    assert v == "met"
    empty = Record(
        positions=[
            PositionEntry(id=1, title="Teacher", organization="X", start="2015-01", category="teaching")
        ]
    )
    assert (
        verdict(empty, "Proven record of exemplary teaching and administration", "experience")[0] == "partial"
    )


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Master's degree required", "met"),
        ("Master's degree in Teaching", "met"),
        ("Master's degree in Educational Leadership", "partial"),  # unrelated field
        ("Master's degree in Educational Leadership or related field", "met"),
        ("Doctorate in education", "gap"),  # a degree below the level asked does not partly meet it
        ("Bachelor's degree in Biology", "met"),
    ],
)
def test_degrees(record, text, expected):
    assert verdict(record, text, "education")[0] == expected


@pytest.mark.parametrize(
    "text, jurisdiction, expected, why",
    [
        ("Valid Maryland teaching certificate", None, "met", "Maryland"),
        ("Valid Virginia teaching license", None, "partial", "not Virginia"),
        ("Valid teaching certificate", "Texas", "partial", "not Texas"),
        ("Maryland Administrator I or II certification", None, "partial", "in-progress"),
        ("ESOL endorsement", None, "partial", "expired"),
        ("Reading specialist certification", None, "gap", "no reading"),
        ("CPR and First Aid certification", None, "gap", "no first aid"),
        ("Maryland teaching and administrator certification", None, "partial", "in-progress"),
    ],
)
def test_credentials(record, text, jurisdiction, expected, why):
    v, r = verdict(record, text, "credential", jurisdiction=jurisdiction)
    assert v == expected and why in r.why


def test_skills_and_duties(record):
    v, r = verdict(record, "Implement PBIS school-wide behavior supports", "skill")
    assert v == "met" and r.evidence[0].kind == "accomplishment" and r.evidence[0].id == 1
    v, r = verdict(record, "Experience with restorative practices", "skill")
    assert v == "partial" and r.evidence[0].kind == "learning" and "learning only" in r.why
    v, r = verdict(record, "Prepare the master schedule", "responsibility")
    assert v == "partial" and r.evidence[0].kind == "goal"
    v, r = verdict(record, "Manage the school budget and purchasing", "responsibility")
    assert v == "gap" and r.evidence == [] and "budget" in r.why
    assert verdict(record, "Strong communication with families", "skill")[0] == "met"
    assert verdict(record, "Knowledge of Texas school law", "skill")[0] != "met"


def test_evidence_scores_and_report_score(record):
    reqs = [
        Requirement(text="Seven years of classroom teaching experience", type="experience", years=7),
        Requirement(text="Manage the school budget", type="responsibility", must="preferred"),
    ]
    report = report_for(reqs, record, today=TODAY)
    assert report.score == 67  # required met (2) of required 2 + preferred 1
    for r in report.requirements:
        assert all(0 <= e.score <= 1 for e in r.evidence) and len(r.evidence) <= 2


def test_years_asked_per_kind(record):
    v, r = verdict(
        record, "Five years of teaching experience and two years in a leadership role", "experience", years=5
    )
    assert v == "met" and "2 asked" in r.why and "5 asked" in r.why
    v, r = verdict(
        record, "Two years of teaching experience and five years as an administrator", "experience", years=2
    )
    assert v == "partial" and "5 asked" in r.why


def test_a_credential_read_as_another_type_is_still_checked(record):
    v, r = verdict(record, "Administrative certification.", "responsibility")
    assert v == "partial" and r.evidence[0].kind == "credential" and "in-progress" in r.why


def test_language_is_not_met_by_a_mention(record):
    rec = record.model_copy(
        update={
            "accomplishments": record.accomplishments
            + [
                AccomplishmentEntry(
                    id=9, date="2024-01-01", title="Arranged Spanish interpretation for family night"
                )
            ]
        }
    )
    assert verdict(rec, "Spanish speaker preferred", "skill")[0] == "gap"


def test_years_in_a_named_role(record):
    v, r = verdict(record, "Five years of experience as an instructional coach", "experience", years=5)
    assert v == "partial" and "as instructional coach" in r.why
    assert (
        verdict(record, "Two years of experience as a reading specialist", "experience", years=2)[0] == "gap"
    )


def test_words_that_are_acronyms_and_levels(record):
    rec = record.model_copy(
        update={
            "accomplishments": record.accomplishments
            + [AccomplishmentEntry(id=9, date="2024-01-01", title="Send weekly practice notes to families")]
        }
    )
    assert verdict(rec, "Understanding of the SEND Code of Practice", "skill")[0] == "gap"
    # elementary posts only: another school level is partial (LABELLING.md), said as such
    v, r = verdict(rec, "Experience in a high school setting", "experience")
    assert v == "partial" and "secondary" in r.why
    assert (
        verdict(rec, "Evaluate certified staff using the state evaluation system", "responsibility")[0]
        == "gap"
    )


def test_years_without_the_subject_are_partial(record):
    rec = record.model_copy(
        update={
            "credentials": [],
            "positions": [
                p.model_copy(update={"title": "Math Teacher"}) if p.id == 1 else p for p in record.positions
            ],
        }
    )
    v, r = verdict(rec, "Three years of experience teaching science", "experience", years=3)
    assert v == "partial" and "science" in r.why
    # secondary courses from a middle-school teacher: another school level, so partial
    assert verdict(rec, "Experience teaching Advanced Placement courses", "experience")[0] == "partial"
