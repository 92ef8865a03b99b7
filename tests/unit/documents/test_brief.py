"""The interview brief as data and its rendering, without a database: the question bank,
and a thin record with an empty report in every format. Through the command line:
tests/cli/test_prep.py."""

from __future__ import annotations


def test_question_bank_covers_every_competency():
    from careerkit.documents.brief import load_bank
    from careerkit.posting.frameworks import load_frameworks

    bank = load_bank()
    ids = [c.id for fw in load_frameworks() for c in fw.competencies]
    assert len(ids) == 34  # PSEL 10, TLMS 7, HTS 10, T-PESS 5, LEA career growth 2
    for cid in ids:
        assert 3 <= len(bank.competencies.get(cid, ())) <= 5, cid
    everything = [q for qs in bank.competencies.values() for q in qs] + list(bank.general) + list(bank.panel)
    assert len(everything) == len(set(everything)), "a question is repeated"
    assert len(bank.panel) >= 5


# -- thin and odd records ------------------------------------------------------------------


def test_every_format_renders_a_thin_record_and_an_empty_report():
    """No profile, no feedback, a win with a title only, a long link: nothing breaks."""
    from careerkit.documents.brief import build_brief, load_bank
    from careerkit.models.gap import GapReport
    from careerkit.models.record import Record
    from careerkit.render.brief import render_brief

    link = "https://example.org/" + "a-very-long-path-segment-" * 8 + "end.pdf"
    record = Record.model_validate(
        {"accomplishments": [{"id": 1, "date": "2024", "title": "Ran the book fair", "evidence": [link]}]}
    )
    report = GapReport.model_validate(
        {
            "posting": {"chars": 10},
            "score": 50,
            "requirements": [
                {
                    "text": "Runs events",
                    "must": "required",
                    "type": "skill",
                    "verdict": "met",
                    "evidence": [{"kind": "accomplishment", "id": 1, "text": "x", "score": 1}],
                    "why": "events",
                },
                {"text": "Budgets", "must": "required", "type": "skill", "verdict": "gap", "why": "none"},
            ],
        }
    )
    empty = GapReport.model_validate({"posting": {}, "score": 0})
    for rep in (report, empty):
        brief = build_brief(rep, record, load_bank())
        for fmt in ("md", "html", "pdf", "docx"):
            assert render_brief(brief, fmt)
    md = render_brief(build_brief(report, record, load_bank()), "md")
    assert md.startswith("# Interview brief\n")
    assert "**Ran the book fair** (2024)" in md
    assert "**Say:** I have not done this yet." in md and "**Nothing under way yet.**" in md
    assert "The report lists no requirements." in render_brief(build_brief(empty, record, load_bank()), "md")
