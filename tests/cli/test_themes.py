"""Feedback themes: the pure grouping (gap/themes.py) and `careerkit feedback themes`."""

from __future__ import annotations

from careerkit.insight.themes import best_quotes, feedback_themes, in_framework
from careerkit.insight.wording import excerpt
from careerkit.models.record import Record


def record(*feedback, name="Alex Morgan") -> Record:
    entries = [dict(id=i, date=f"2024-0{1 + i % 9}-01", **f) for i, f in enumerate(feedback, 1)]
    return Record.model_validate({"profile": {"name": name}, "feedback": entries})


CALIBRATION = dict(
    text="Alex's calibration sessions made our grading consistent.",
    relationship="supervisor",
    from_name="Dana Whitfield",
    context="End-of-year evaluation",
)
CALIBRATION_2 = dict(
    text="The calibration sessions were the most useful PD we had.", relationship="colleague"
)
LISTENER = dict(text="Alex is a calm listener and follows up with families.", relationship="direct-report")
LISTENER_2 = dict(text="A calm listener who takes parents seriously.", relationship="parent")
WRITING = dict(text="Ms Morgan makes writing fun.", relationship="student")


def test_recurring_wording_is_grouped_with_counts_and_relationships():
    t = feedback_themes(record(CALIBRATION, CALIBRATION_2, LISTENER, LISTENER_2, WRITING))
    assert t.feedback == 5
    by_label = {w.label: w for w in t.wording}
    assert "calibration sessions" in by_label and "calm listener" in by_label
    cal = by_label["calibration sessions"]
    assert cal.count == 2
    assert cal.relationships == {"supervisor": 1, "colleague": 1}
    assert [q.id for q in cal.quotes] == [1, 2]
    assert cal.quotes[0].text == CALIBRATION["text"]  # verbatim
    # the shorter phrase with the same feedback behind it is not a second theme
    assert "calibration" not in by_label and "sessions" not in by_label


def test_phrases_always_said_together_make_one_theme():
    t = feedback_themes(
        record(
            dict(text="A calm listener who follows up.", relationship="parent"),
            dict(text="Calm listener; always follows up.", relationship="colleague"),
        )
    )
    assert [w.label for w in t.wording] == ["calm listener; follows up"]
    assert t.wording[0].count == 2


def test_a_phrase_said_once_is_not_a_theme_and_names_are_not_themes():
    t = feedback_themes(record(CALIBRATION, LISTENER, WRITING))
    labels = [w.label for w in t.wording]
    assert "calibration sessions" not in labels
    assert not any("alex" in label for label in labels)  # the person's own name


def test_competency_themes_use_the_mapper_and_need_two_pieces():
    def mapper(text):
        return ["psel-4"] if "grading" in text or "PD" in text else (["psel-8"] if "families" in text else [])

    t = feedback_themes(
        record(CALIBRATION, CALIBRATION_2, LISTENER, WRITING),
        competencies_of=mapper,
        names={"psel-4": "Curriculum, Instruction, and Assessment"},
    )
    assert [c.key for c in t.competencies] == ["psel-4"]  # psel-8 came up once
    assert t.competencies[0].label == "Curriculum, Instruction, and Assessment"
    assert t.competencies[0].count == 2


def test_best_quotes_take_turns_among_relationships():
    many = [
        dict(
            text=f"Calibration work number {i} was strong and clear for all of us.", relationship="supervisor"
        )
        for i in range(4)
    ] + [dict(text="Calibration made grading fair for my class too.", relationship="student")]
    r = record(*many)
    quotes = best_quotes(r.feedback, None, 3)
    assert len(quotes) == 3
    assert "student" in [q.relationship for q in quotes]


def test_in_framework_keeps_the_framework_the_feedback_touches_most():
    def mapper(text):
        return ["psel-4", "hts-2"] if "calibration" in text.lower() else ["psel-8"]

    t = feedback_themes(record(CALIBRATION, CALIBRATION_2, LISTENER, LISTENER_2), competencies_of=mapper)
    fw = {"psel-4": "psel", "psel-8": "psel", "hts-2": "hts"}
    assert {c.key for c in in_framework(t, fw).competencies} == {"psel-4", "psel-8"}
    assert {c.key for c in in_framework(t, fw, "hts").competencies} == {"hts-2"}


def test_long_feedback_is_quoted_by_the_sentence_that_carries_the_theme():
    text = (
        ("We had a hard year. " * 10)
        + "Her calibration sessions changed everything. "
        + ("Thanks again. " * 10)
    )
    quote = excerpt(text, {"calibration"}, max_words=12)
    assert "calibration sessions changed everything." in quote
    assert quote.startswith("…") and quote.endswith("…")
    assert len(quote.split()) <= 14


# -- the command --------------------------------------------------------------------------


def add(cli, text, rel, *extra):
    cli("feedback", "add", text, "--relationship", rel, *extra, ok=True)


def test_feedback_themes_json(cli):
    add(cli, "Your calibration sessions made grading fair.", "supervisor", "--from", "Dana Whitfield")
    add(cli, "The calibration sessions helped our whole team.", "colleague")
    add(cli, "A calm listener.", "parent")
    data = cli.json("feedback", "themes")
    assert data["feedback"] == 3
    theme = next(w for w in data["wording"] if w["label"] == "calibration sessions")
    assert theme["count"] == 2
    assert set(theme["relationships"]) == {"supervisor", "colleague"}
    assert {q["text"] for q in theme["quotes"]} == {
        "Your calibration sessions made grading fair.",
        "The calibration sessions helped our whole team.",
    }


def test_feedback_themes_text_and_private(cli):
    add(cli, "Your calibration sessions made grading fair.", "supervisor")
    add(cli, "The calibration sessions helped our whole team.", "colleague", "--private")
    r = cli("feedback", "themes", ok=True)
    assert "No theme recurs yet in 1 piece of feedback" in r.stdout
    assert "1 private piece of feedback left out" in r.stderr
    r = cli("feedback", "themes", "--include-private", ok=True)
    assert "“calibration sessions”" in r.stdout
    assert "supervisor 1, colleague 1" in r.stdout
    assert "“The calibration sessions helped our whole team.” — colleague" in r.stdout


def test_feedback_themes_with_no_feedback(cli):
    r = cli("feedback", "themes", ok=True)
    assert "No feedback yet" in r.stdout
    assert cli.json("feedback", "themes") == {"feedback": 0, "competencies": [], "wording": [], "growth": []}


def test_feedback_themes_unknown_framework(cli):
    r = cli("feedback", "themes", "--framework", "nope")
    assert r.exit_code == 1
    assert r.stderr.startswith("error: unknown framework 'nope'")
    assert len(r.stderr.strip().splitlines()) == 1


def test_feedback_themes_user_text_prints_as_typed(cli):
    add(cli, "Her [bold]calibration sessions[/bold] rock.", "colleague")
    add(cli, "The [bold]calibration sessions[/bold] rock too.", "supervisor")
    r = cli("feedback", "themes", ok=True)
    assert "Her [bold]calibration sessions[/bold] rock." in r.stdout
