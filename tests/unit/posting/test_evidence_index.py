"""The evidence index reads the record in one pass and indexes only the words a posting can
ask for: its answers are the same as reading every entry word by word."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from careerkit.posting.text import words

TEXTS = [
    "Led the school's MTSS team; SEND and ELL plans — reviewed termly.",
    "Coordinated professional learning communities (PLCs) for grade 5 teachers",
    "Café-style data meetings: naïve Σ ΟΔΟΣ İstanbul ﬁnance K-12 co-teaching",
    "IT support\x01for the principal’s office; students' work; it's 3.5 years",
    "",
    "   ",
    "SEN/ELLs/ESE — EL, SE, ITS, SENd, BELL",
    "Built the master schedule with the assistant principal",
    "Built master schedules, and facilitated PLC meetings with teachers",
]


def test_documents_reads_words_exactly_as_words_does():
    from careerkit.posting.evidence import documents

    assert documents(TEXTS) == [words(t) for t in TEXTS]
    assert documents(["one"]) == [["one"]]


def _record():
    acc = [
        SimpleNamespace(
            id=i + 1,
            title=t,
            details=None,
            situation=None,
            task=None,
            action=None,
            result=None,
            impact=None,
            kind=None,
            skills=["data"] if i % 2 else [],
        )
        for i, t in enumerate(TEXTS)
    ]
    return SimpleNamespace(
        positions=[], credentials=[], accomplishments=acc, feedback=[], learning=[], goals=[]
    )


ASKS = [
    "Experience leading professional learning communities (PLCs) with teachers.",
    "Build the master schedule.",
    "Knowledge of MTSS and support for English learners.",
    "Data-driven co-teaching in K-12 finance.",
]


@pytest.mark.parametrize("asked", [ASKS, ASKS[:1], []])
def test_an_index_told_what_is_asked_answers_like_a_full_one(asked):
    from careerkit.posting.competencies import vocabulary
    from careerkit.posting.evidence import EvidenceIndex

    voc = vocabulary(None)
    full = EvidenceIndex(_record(), voc)
    lean = EvidenceIndex(_record(), voc, asked)
    for text in ASKS:  # some not announced: the lean index completes itself
        units, _ = full.units(text)
        assert [(u.key, u.weight) for u in lean.units(text)[0]] == [(u.key, u.weight) for u in units]
        got = [(m.entry.id, m.score, m.matched, m.related) for m in lean.search(units)]
        want = [(m.entry.id, m.score, m.matched, m.related) for m in full.search(units)]
        assert got == want and want


@pytest.mark.parametrize(
    "text, light",
    [
        ("Develop the school's improvement plan with the instructional leadership team", True),
        ("Oversee the master schedule with the principal and counselors", False),  # the schedule stays
        ("Communicate with parents and the community", False),  # the people are what is asked
    ],
)
def test_the_colleagues_a_duty_is_done_with_are_not_its_object(text, light):
    from careerkit.posting.competencies import vocabulary
    from careerkit.posting.evidence import EvidenceIndex

    voc = vocabulary(None)
    units, _ = EvidenceIndex(_record(), voc).units(text)
    heavy = {u.label for u in units if isinstance(u.key, int) and u.weight > 0.5}
    light_ones = {u.label for u in units if isinstance(u.key, int) and u.weight <= 0.5}
    if light:
        assert "school improvement" in heavy and light_ones == {"instructional leadership"}
    else:
        assert heavy and not light_ones
