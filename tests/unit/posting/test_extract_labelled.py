"""Own postings in shapes the labelled eval set does not use, each hand-labelled in
tests/gap/labels/ the way ../shared/eval/LABELLING.md says: every item found, none extra, and
must and type right. Items are matched by shared words as the eval scorer matches them, so
wording differences (a marker kept, a footnote dropped) do not count, but merging or splitting
items does. A label may be `optional` (a judgement call either way) or give `alt_type`s."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from careerkit.posting.extract import extract

HERE = Path(__file__).resolve().parent
LABELS = HERE / "labels"
POSTINGS = HERE.parents[1] / "fixtures" / "postings"
STOP = set(
    "a an the and or of to in for with on at by as is are be from that this its their your our".split()
)


def tokens(text: str) -> set[str]:
    return {t for t in re.findall(r"[a-z0-9]+", text.lower()) if t not in STOP}


def match(gold: list[dict], pred: list[str]) -> tuple[dict[int, int], list[str]]:
    """Labelled item -> the predicted item holding >= 70% of its words; predicted items of
    which no labelled item holds 60% of the words are extra."""
    gt, pt = [tokens(g["text"]) for g in gold], [tokens(p) for p in pred]
    pairs = {}
    for i, g in enumerate(gt):
        scored = [
            ((len(g & p) / len(g), 2 * len(g & p) / (len(g) + len(p))), j) for j, p in enumerate(pt) if p
        ]
        if scored:
            key, j = max(scored)
            if key[0] >= 0.7:
                pairs[i] = j
    extra = [pred[j] for j, p in enumerate(pt) if p and not any(len(g & p) / len(p) >= 0.6 for g in gt if g)]
    return pairs, extra


def load(name: str):
    lab = json.loads((LABELS / f"{name}.json").read_text(encoding="utf-8"))
    got = extract((POSTINGS / lab["posting"]).read_text(encoding="utf-8"))
    return lab["requirements"], got


NAMES = sorted(p.stem for p in LABELS.glob("*.json"))


@pytest.mark.parametrize("name", NAMES)
def test_every_labelled_item_is_found_once_and_nothing_else(name):
    gold, got = load(name)
    pred = [r.text for r in got.requirements]
    pairs, extra = match(gold, pred)
    missed = [g["text"] for i, g in enumerate(gold) if i not in pairs and not g.get("optional")]
    assert missed == []
    assert extra == []
    assert len(set(pairs.values())) == len(pairs), "two labelled items fell into one"


@pytest.mark.parametrize("name", NAMES)
def test_required_or_preferred_and_type(name):
    gold, got = load(name)
    pairs, _ = match(gold, [r.text for r in got.requirements])
    wrong = []
    for i, j in pairs.items():
        g, r = gold[i], got.requirements[j]
        if r.must != g["must"]:
            wrong.append(("must", r.must, g["text"]))
        if r.type != g["type"] and r.type not in g.get("alt_type", []):
            wrong.append(("type", r.type, g["text"]))
    assert wrong == []


def test_labels_name_their_postings():
    assert len(NAMES) >= 6
    for name in NAMES:
        lab = json.loads((LABELS / f"{name}.json").read_text(encoding="utf-8"))
        assert (POSTINGS / lab["posting"]).exists()
        assert all(r["must"] in ("required", "preferred") for r in lab["requirements"])
        assert all(
            r["type"] in ("education", "credential", "experience", "skill", "responsibility")
            for r in lab["requirements"]
        )


@pytest.mark.parametrize(
    "name,title,org",
    [
        (
            "us-ap-minimum-desired",
            "Assistant Principal – Middle School",
            "Cedar Hollow Unified School District",
        ),
        ("uk-deputy-spec-tabs", "Deputy Headteacher – Ashgrove Primary School", "Millbrook Learning Trust"),
        (
            "director-numbered-inline",
            "Director of Curriculum and Instruction",
            "Pinewood Valley School District No. 12",
        ),
        ("pdf-pages-principal", "Elementary School Principal", "Northgate County Public Schools"),
        ("markdown-nested", "Head of Year 9 (Pastoral Lead)", "Kingsmere School"),
        ("browser-saved-coordinator", "ELL Program Coordinator", "Brookfield Township Schools"),
    ],
)
def test_title_and_employer(name, title, org):
    _, got = load(name)
    assert (got.title, got.organization) == (title, org)


def test_tab_separated_table_reads_the_tick_by_its_column():
    _, got = load("uk-deputy-spec-tabs")
    must = {r.text: r.must for r in got.requirements}
    assert must["Qualified Teacher Status"] == "required"  # ticks under Essential and Application
    assert must["Experience of working as part of a senior leadership team"] == "preferred"
    assert not any("✓" in t or t.startswith("Criteria") for t in must)


def test_running_footer_is_not_glued_into_an_item():
    _, got = load("pdf-pages-principal")
    texts = [r.text for r in got.requirements]
    assert (
        "Skill in building a positive school culture and leading change with staff, students and families."
        in texts
    )
    assert not any("Page" in t or "Revised" in t or "Northgate" in t for t in texts)


def test_lead_in_types_the_items_it_introduces():
    _, got = load("us-ap-minimum-desired")
    types = {r.text: r.type for r in got.requirements}
    assert types["Communicate effectively orally and in writing with students, staff and parents."] == "skill"
    assert types["State content standards and frameworks for grades 6–8."] == "skill"


def test_site_furniture_of_a_saved_page_is_not_read():
    _, got = load("browser-saved-coordinator")
    texts = " ".join(r.text for r in got.requirements)
    assert "About Us" not in texts and "Bilingual Elementary Teacher" not in texts
    assert (
        "Supervises and evaluates ESL and bilingual teachers in collaboration with building principals."
        in [r.text for r in got.requirements]
    )


def test_nested_markdown_bullets():
    _, got = load("markdown-nested")
    texts = [r.text for r in got.requirements]
    assert not any("**" in t or t == "Leading the year team" for t in texts)
    assert any(t.endswith("including handling difficult conversations calmly") for t in texts)
    assert next(r for r in got.requirements if r.text.startswith("Line manage")).type == "responsibility"


def test_reporting_inside_a_duty_is_kept_but_a_reporting_line_is_not():
    got = extract(
        "Responsibilities\n- Analysing reading data and reporting to the leadership team each term\n"
        "- The coordinator reports directly to the deputy head.\n- Leading the literacy working group\n"
    )
    assert [r.text for r in got.requirements] == [
        "Analysing reading data and reporting to the leadership team each term",
        "Leading the literacy working group",
    ]


def test_numbered_selection_criteria_and_e_d_numbers():
    got = extract(
        "Selection Criteria\nSC1 Demonstrated knowledge of literacy pedagogy.\n"
        "SC2 Demonstrated experience in coaching teachers.\n\nPerson specification\n"
        "E1 Qualified Teacher Status\nD1 Experience of leading a phase team\n"
    )
    reqs = {r.text: r for r in got.requirements}
    assert "Demonstrated knowledge of literacy pedagogy." in reqs
    assert reqs["Qualified Teacher Status"].must == "required"
    assert reqs["Experience of leading a phase team"].must == "preferred"


def test_conditions_and_vetting_are_not_requirements():
    got = extract(
        "Other requirements\nApplicants must hold current registration with the teaching council.\n\n"
        "Conditions of employment\nAll staff are employed under the schools agreement.\n"
        "Appointment is subject to a satisfactory Working with Children Check.\n"
    )
    assert [r.text for r in got.requirements] == [
        "Applicants must hold current registration with the teaching council."
    ]


def test_a_required_and_a_preferred_demand_around_a_semicolon_are_two_items():
    got = extract(
        "Applicants must hold a bachelor's degree in education or a related field; a master's degree "
        "in literacy would be an advantage. The candidate should have a deep understanding of phonics.\n"
    )
    assert [(r.type, r.must) for r in got.requirements] == [
        ("education", "required"),
        ("education", "preferred"),
        ("skill", "required"),
    ]


def test_two_clauses_of_one_demand_around_a_semicolon_stay_one_item():
    got = extract(
        "Qualifications\nExperience leading adult learning in a school or district; this may include "
        "coaching, mentoring or facilitating workshops for teachers.\n"
    )
    assert len(got.requirements) == 1


def test_bare_lines_of_similar_length_are_not_a_wrapped_paragraph():
    got = extract(
        "Dean of Academics\n\nYou have:\nA bachelor's degree and a state teaching license\n"
        "Five or more years of classroom teaching in grades 9-12\n"
        "Experience leading a department or a team of teachers\n\nBonus points if you:\n"
        "Hold a master's degree in education\n"
        "Have coached teachers using a recognized observation framework\n\n"
        "Disclaimer\nThis job description is not intended to be an exhaustive list of all duties.\n"
    )
    assert [(r.must, r.type) for r in got.requirements] == [
        ("required", "education"),
        ("required", "experience"),
        ("required", "experience"),
        ("preferred", "education"),
        ("preferred", "experience"),
    ]
