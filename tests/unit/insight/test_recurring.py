"""common() on GapReports built here: grouping by meaning, standing, the gaps that matter most
and the ways to close them. No database."""

from __future__ import annotations

import pytest

from careerkit.errors import InvalidInput
from careerkit.insight.recurring import common
from careerkit.insight.suggest import Suggestions, parse
from careerkit.models.gap import GapReport

LEXICON = {
    "master schedule": ["master schedule", "master scheduling", "building schedule"],
    "mtss": ["mtss", "multi-tiered systems of support", "multi-tiered system of supports", "rti"],
    "budget": ["budget", "budgets", "budgeting"],
    "teacher evaluation": [
        "teacher evaluation",
        "evaluate teachers",
        "evaluating teachers",
        "teacher observations",
        "evaluate staff",
        "evaluate certified staff",
    ],
}


def report(rid, title, reqs):
    return GapReport(
        id=rid,
        posting={"title": title},
        score=50,
        requirements=[
            {
                "text": text,
                "must": must,
                "type": rtype,
                "verdict": verdict,
                "competencies": comps,
                "why": "test",
            }
            for text, must, rtype, verdict, comps in reqs
        ],
    )


@pytest.fixture
def four():
    return [
        report(
            1,
            "Assistant Principal",
            [
                ("Master's degree in Educational Leadership required.", "required", "education", "met", []),
                (
                    "Minimum of three (3) years of successful classroom teaching experience.",
                    "required",
                    "experience",
                    "met",
                    ["psel-6"],
                ),
                ("Valid Texas Principal certificate or eligibility.", "required", "credential", "gap", []),
                (
                    "Assist with building the master schedule.",
                    "required",
                    "responsibility",
                    "gap",
                    ["psel-9"],
                ),
                (
                    "Experience managing a school budget is preferred.",
                    "preferred",
                    "experience",
                    "gap",
                    ["psel-9"],
                ),
                ("Knowledge of MTSS and RTI processes.", "required", "skill", "partial", ["psel-5"]),
                ("Strong written communication with families.", "required", "skill", "met", ["psel-8"]),
            ],
        ),
        report(
            2,
            "Assistant Principal, Middle School",
            [
                ("A master’s degree from an accredited university.", "required", "education", "met", []),
                ("Five years of teaching experience required", "required", "experience", "met", []),
                (
                    "Holds or is eligible for administrator certification",
                    "required",
                    "credential",
                    "partial",
                    [],
                ),
                (
                    "Develop the master schedule with the principal",
                    "required",
                    "responsibility",
                    "gap",
                    ["psel-9"],
                ),
                (
                    "Supervise and evaluate teachers using the state evaluation system",
                    "required",
                    "responsibility",
                    "gap",
                    ["psel-6"],
                ),
                ("Bilingual in English and Spanish preferred", "preferred", "skill", "gap", []),
            ],
        ),
        report(
            3,
            "Asst. Principal",
            [
                ("Masters degree required; doctorate preferred", "required", "education", "met", []),
                ("3+ years teaching experience in K-12 schools", "required", "experience", "met", []),
                ("Administrator certification in the state", "required", "credential", "gap", []),
                (
                    "Coordinate the building's master schedule and course scheduling",
                    "required",
                    "responsibility",
                    "gap",
                    ["psel-9"],
                ),
                (
                    "Manage the building budget and purchasing",
                    "required",
                    "responsibility",
                    "gap",
                    ["psel-9"],
                ),
                (
                    "Conduct teacher observations and evaluations",
                    "required",
                    "responsibility",
                    "partial",
                    ["psel-6"],
                ),
            ],
        ),
        report(
            4,
            "Assistant Principal (Elementary)",
            [
                ("Master's degree", "required", "education", "met", []),
                ("Minimum 3 years classroom experience", "required", "experience", "met", []),
                ("Principal certification required", "required", "credential", "gap", []),
                ("Evaluate certified staff", "required", "responsibility", "gap", ["psel-6"]),
                ("Experience with multi-tiered systems of support", "preferred", "skill", "gap", ["psel-5"]),
                (
                    "Written communication with families and the community",
                    "required",
                    "skill",
                    "met",
                    ["psel-8"],
                ),
            ],
        ),
    ]


def groups_of(result):
    return {g.key: g for s in result.sections for g in s.groups}


def test_structured_requirements_group_whatever_the_wording(four):
    result = common(four, lexicon=LEXICON)
    groups = groups_of(result)
    degree = groups["degree:master"]
    assert degree.postings == 4 and degree.required == 4 and degree.label == "Master's degree"
    assert degree.best == degree.latest == "met"
    years = groups["years:teaching"]
    assert years.postings == 4 and years.label == "Years of teaching experience"
    assert years.years == [3, 5]
    cred = groups["credential:administrator"]
    assert cred.report_ids == [1, 2, 3, 4]
    # Report 2 found it partial; the latest posting (4) says gap.
    assert (cred.best, cred.latest, cred.partial, cred.gap) == ("partial", "gap", 1, 3)


def test_lexicon_terms_group_different_words_for_one_idea(four):
    groups = groups_of(common(four, lexicon=LEXICON))
    mtss = groups["term:mtss"]
    assert mtss.label == "MTSS"  # as the postings write it
    assert {(a.report, a.index) for a in mtss.asks} == {(1, 5), (4, 4)}
    assert (mtss.required, mtss.preferred) == (1, 1)
    assert groups["term:master schedule"].postings == 3
    assert groups["term:teacher evaluation"].postings == 3


def test_without_a_lexicon_similar_wordings_still_group(four):
    groups = common(four).sections
    texts = [{a.text for a in g.asks} for s in groups for g in s.groups]
    assert {
        "Strong written communication with families.",
        "Written communication with families and the community",
    } in texts


def test_groups_are_listed_under_their_competency(four):
    result = common(four, lexicon=LEXICON, labels={"psel-9": "PSEL-9: Operations and Management"})
    by = {s.competency: s for s in result.sections if s.kind == "competency"}
    assert by["psel-9"].label == "PSEL-9: Operations and Management"
    assert {g.key for g in by["psel-9"].groups} == {"term:master schedule", "term:budget"}
    # Degrees, certificates and years come first, in a section of their own.
    quals = result.sections[0]
    assert quals.kind == "qualifications" and quals.competency is None
    assert {g.key for g in quals.groups} == {"degree:master", "years:teaching", "credential:administrator"}
    assert all(
        not g.key.startswith(("degree:", "years:", "credential:"))
        for s in result.sections[1:]
        for g in s.groups
    )


def test_unmapped_requirements_come_last():
    reports = [
        report(
            i,
            "AP",
            [
                ("Oversee the yearbook", "required", "responsibility", "gap", []),
                ("Lead the PBIS team", "required", "responsibility", "gap", ["psel-5"]),
            ],
        )
        for i in (1, 2)
    ]
    sections = common(reports).sections
    assert [(s.kind, s.competency) for s in sections] == [("competency", "psel-5"), ("unmapped", None)]
    assert sections[-1].label == "Not mapped to a competency"


def test_years_are_grouped_by_the_kind_of_experience_asked():
    reports = [
        report(
            1,
            "AP",
            [
                (
                    "Three years of successful experience as a school administrator",
                    "required",
                    "experience",
                    "gap",
                    [],
                ),
                ("Five years of classroom teaching", "required", "experience", "met", []),
            ],
        ),
        report(
            2,
            "AP",
            [
                (
                    "2+ years in an administrative role such as assistant principal",
                    "preferred",
                    "experience",
                    "gap",
                    [],
                ),
                (
                    "Two years in a campus leadership role (department chair, coach, dean)",
                    "preferred",
                    "experience",
                    "partial",
                    [],
                ),
            ],
        ),
    ]
    groups = groups_of(common(reports, min_postings=1))
    assert groups["years:administration"].postings == 2
    assert groups["years:administration"].label == "Years of administrative experience"
    assert groups["years:administration"].years == [2, 3]
    assert groups["years:leadership"].postings == 1 and groups["years:teaching"].postings == 1


def test_single_posting_requirements_are_left_out_unless_asked(four):
    result = common(four, lexicon=LEXICON)
    assert all(g.postings >= 2 for s in result.sections for g in s.groups)
    everything = common(four, lexicon=LEXICON, min_postings=1)
    assert "degree:doctorate" not in groups_of(everything)  # 'doctorate preferred' is inside a master's line
    singles = [g for s in everything.sections for g in s.groups if g.postings == 1]
    assert [g.text for g in singles] == ["Bilingual in English and Spanish preferred"]


def test_top_gaps_are_frequent_required_and_not_met(four):
    gaps = common(four, lexicon=LEXICON).top_gaps
    keys = [g.key for g in gaps]
    assert 3 <= len(gaps) <= 5
    assert keys[0] == "credential:administrator"  # 4 postings, all required
    assert keys[1] == "term:master schedule"
    assert "degree:master" not in keys and "years:teaching" not in keys  # met
    assert [g.rank for g in gaps] == list(range(1, len(gaps) + 1))
    assert gaps[0].why.startswith("asked by 4 of 4 postings, required by all")


def test_every_top_gap_has_numbered_ways_to_close_it(four):
    result = common(four, lexicon=LEXICON)
    numbers = [w.number for _, w in result.ways()]
    assert numbers == list(range(1, len(numbers) + 1))
    by = {g.key: g for g in result.top_gaps}
    cred = by["credential:administrator"]
    assert cred.ways[0].kind == "credential"
    schedule = by["term:master schedule"]
    assert any("master schedule" in w.title.lower() and w.kind == "stretch-assignment" for w in schedule.ways)
    for gap in result.top_gaps:
        assert 1 <= len(gap.ways) <= 3
        kinds = [w.kind for w in gap.ways]
        assert len(set(kinds)) >= min(2, len(kinds)) or len(kinds) == 1


def test_latest_verdict_follows_report_order(four):
    # The same postings, the one that found the certificate partial analysed last.
    reordered = [four[0], four[2], four[3], four[1]]
    cred = groups_of(common(reordered, lexicon=LEXICON))["credential:administrator"]
    assert cred.latest == "partial" and cred.report_ids[-1] == 2


def test_all_met_means_no_top_gaps():
    reports = [report(i, "Coach", [("Master's degree", "required", "education", "met", [])]) for i in (1, 2)]
    result = common(reports)
    assert result.top_gaps == [] and groups_of(result)["degree:master"].postings == 2


def test_nothing_saved_is_an_empty_report():
    result = common([])
    assert result.postings == [] and result.sections == [] and result.top_gaps == []


def test_type_fallback_names_the_topic():
    reports = [
        report(
            i, "AP", [("Oversee the school's yearbook production", "required", "responsibility", "gap", [])]
        )
        for i in (1, 2)
    ]
    gap = common(reports).top_gaps[0]
    assert gap.ways and "yearbook" in gap.ways[0].title


def test_user_suggestions_come_first_and_replace_a_shipped_way(tmp_path, four):
    (tmp_path / "suggestions-mine.yaml").write_text(
        "entries:\n"
        "  - keys: [term:master schedule]\n"
        "    ways:\n"
        "      - kind: stretch-assignment\n"
        "        title: Build the spring testing schedule with Ms Ortiz\n"
        "  - keys: [nothing]\n"
        "    ways:\n"
        "      - kind: learning\n"
        "        title: Learn your student information system's scheduling module\n"
        "        how: The district runs it in March.\n",
        encoding="utf-8",
    )
    book = Suggestions.load(tmp_path)
    gap = {g.key: g for g in common(four, lexicon=LEXICON, suggestions=book).top_gaps}["term:master schedule"]
    titles = [w.title for w in gap.ways]
    assert titles[0] == "Build the spring testing schedule with Ms Ortiz"
    replaced = [w for w in gap.ways if w.title.startswith("Learn your student")]
    assert replaced and replaced[0].how == "The district runs it in March."


@pytest.mark.parametrize(
    "text, message",
    [
        ("entries: 3\n", "expected a mapping with an 'entries' list"),
        ("entries:\n  - ways: [{kind: learning, title: x}]\n", "says nothing it matches"),
        ("entries:\n  - types: [skill]\n    ways: [{kind: nap, title: x}]\n", "kind must be one of"),
        ("entries:\n  - types: [skill]\n    ways: [{kind: learning}]\n", "each way needs a title"),
        ("entries:\n  - tpyes: [skill]\n    ways: [{kind: learning, title: x}]\n", "unknown field 'tpyes'"),
        ("entries: [\n", "not valid YAML"),
    ],
)
def test_a_bad_suggestions_file_says_what_is_wrong(tmp_path, text, message):
    path = tmp_path / "suggestions.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InvalidInput, match=message):
        parse(path)


def test_the_shipped_suggestions_cover_every_competency_and_structured_key():
    book = Suggestions.shipped()
    competencies = {c for e in book.entries for c in e.competencies}
    for prefix, n in (("psel", 10), ("tlms", 7), ("hts", 10)):
        assert {f"{prefix}-{i}" for i in range(1, n + 1)} <= competencies
    keys = {k for e in book.entries for k in e.keys}
    assert {
        "degree:master",
        "credential:administrator",
        "years:administration",
        "years:leadership",
        "years:teaching",
    } <= keys
    kinds = {w["kind"] for e in book.entries for w in e.ways}
    assert kinds == {"stretch-assignment", "learning", "credential"}


def test_a_credential_is_offered_only_when_the_gap_itself_names_it(tmp_path):
    from careerkit.models.recurring import Ask, TopGap

    (tmp_path / "suggestions.yaml").write_text(
        "entries:\n  - terms: [safeguarding]\n    ways:\n"
        "      - {kind: credential, title: Complete DSL training}\n"
        "      - {kind: stretch-assignment, title: Shadow the DSL}\n",
        encoding="utf-8",
    )
    book = Suggestions._read(tmp_path)

    def gap(text, other):
        asks = [
            Ask(report=1, index=0, text=text, must="required", verdict="gap"),
            Ask(report=2, index=0, text=other, must="required", verdict="gap"),
        ]
        return TopGap(
            rank=1,
            key="words:x",
            label=text,
            text=text,
            type="skill",
            postings=2,
            required=2,
            latest="gap",
            priority=4,
            why="",
            asks=asks,
        )

    named = [w.title for w in book.ways_for(gap("Safeguarding training", "Keep pupils safe"))]
    assert "Complete DSL training" in named
    by_association = [w.title for w in book.ways_for(gap("A love of learning", "Safeguarding and learning"))]
    assert "Shadow the DSL" in by_association and "Complete DSL training" not in by_association
