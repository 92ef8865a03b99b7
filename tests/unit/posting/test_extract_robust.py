"""The extractor is total: any text, in the shapes postings take, gives a result and never
raises (nothing is caught inside it, so a bug shows here as a bug)."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from careerkit.posting.extract import extract

PIECES = [
    "Qualifications",
    "The Deputy Headteacher will:",
    "2.2.2 - To lead the team.",
    "2.1 Teaching and learning",
    "1.",
    '"Lead the safeguarding team',
    "“Deputise for the head”",
    "'",
    "“",
    "Master's degree required, Ed.S. preferred.Must hold a licence, must be eligible, minimum of 3 years",
    "Such alternatives to the above qualifications as the Board may find appropriate.Knowledge of IDEA.",
    "E = Essential, D = Desirable",
    "(E = Essential; A = application form, I = interview)",
    "Criteria\tE/D\tAssessed by",
    "Degree\tE\tA",
    "NPQH\tD",
    "| Criteria | E | D |",
    "| --- | --- | --- |",
    "Degree  E  A",
    "Priority will be given to candidates who speak Spanish.",
    "Teaching a Year 6 class",
    "To have led a phase",
    "a;b;c;d;e;f;g;h;i;j;k;l;m;n",
    ", , , ;;; ..",
    "A.B.C.D.",
    "www.School.org",
    "\t\t",
    "",
    "• a • b • c",
    "About our school",
]


def postings():
    lines = st.lists(
        st.one_of(st.sampled_from(PIECES), st.text(max_size=80)),
        max_size=40,
    ).map("\n".join)
    return st.one_of(lines, st.text(max_size=2000))


@settings(
    max_examples=int(os.environ.get("FUZZ_N", "300")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(text=postings())
def test_any_text_gives_a_result(text):
    got = extract(text)
    assert isinstance(got.requirements, list)
    assert all(r.text.strip() for r in got.requirements)


def test_bytes_and_non_text_give_a_result():
    assert extract(b"Qualifications\n- Master's degree\n- Valid licence\n").requirements
    assert extract(None).requirements == []
