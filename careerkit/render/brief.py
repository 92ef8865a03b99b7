"""The interview-prep brief (a `models.brief.Brief`) -> Markdown, HTML, PDF (Typst) or Word.

Pure: the model in, text or bytes out. The templates are `templates/brief.{md,html,typ}.j2`;
the Word document is built here with the shared python-docx helpers. The small phrases
every format shares (labels, attributions) are made once, here."""

from __future__ import annotations

from careerkit.models.brief import Brief, Line, Said, Story, UnderWay

FORMATS = ("md", "html", "pdf", "docx")
SUFFIX = {"md": ".md", "html": ".html", "pdf": ".pdf", "docx": ".docx"}

VERDICT = {"met": "Met", "partial": "Partly met", "gap": "Gap"}
MUST = {"required": "Required", "preferred": "Preferred"}
STATUS = {
    "in-progress": "in progress",
    "planned": "planned",
    "active": "active",
    "earned": "earned",
    "done": "done",
}
STAR = (("situation", "Situation"), ("task", "Task"), ("action", "Action"), ("result", "Result"))


def render_brief(brief: Brief, fmt: str) -> str | bytes:
    """The brief in one format: text for md/html, bytes for pdf/docx."""
    if fmt == "md":
        return markdown(brief)
    if fmt == "html":
        return html(brief)
    if fmt == "pdf":
        return pdf(brief)
    if fmt == "docx":
        return docx(brief)
    raise ValueError(f"unknown format {fmt!r}")


def markdown(brief: Brief) -> str:
    from careerkit.render.env import render

    return _tidy(render("brief.md.j2", **context(brief)))


def html(brief: Brief) -> str:
    from careerkit.render.env import render

    return render("brief.html.j2", **context(brief))


def typst_source(brief: Brief) -> str:
    from careerkit.render.env import render

    return render("brief.typ.j2", **context(brief))


def pdf(brief: Brief) -> bytes:
    from careerkit.render.pdf import to_pdf

    return to_pdf(typst_source(brief))


def _tidy(text: str) -> str:
    """At most one blank line in a row, one newline at the end."""
    import re

    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"


# -- what every format says the same way ----------------------------------------------------


def context(brief: Brief) -> dict:
    return {
        "b": brief,
        "heading": heading(brief),
        "subtitle": subtitle(brief),
        "summary": summary(brief),
        "verdict": VERDICT,
        "must": MUST,
        "star": star,
        "attribution": attribution,
        "under": under,
        "theme_line": theme_line,
        "relationship": relationship,
        "story_meta": story_meta,
        "evidence": evidence,
        "competency": competency,
        "voice_label": voice_label,
        "footer": footer(brief),
    }


def heading(brief: Brief) -> str:
    return f"Interview brief: {brief.title}" if brief.title else "Interview brief"


def subtitle(brief: Brief) -> str:
    """'Example County Schools · for Jordan Rivera · gap report 7 (ap-posting.txt)'."""
    parts = [brief.organization]
    if brief.candidate:
        parts.append(f"for {brief.candidate}")
    if brief.report_id is not None:
        parts.append(f"gap report {brief.report_id}" + (f" ({brief.source})" if brief.source else ""))
    elif brief.source:
        parts.append(brief.source)
    return " · ".join(p for p in parts if p)


def summary(brief: Brief) -> str:
    """The posting's requirements and where the record stands, in one sentence."""
    c = brief.counts
    if not c.requirements:
        return "The report lists no requirements."
    asked = f"{c.requirements} requirement{'s' if c.requirements != 1 else ''}"
    split = f" ({c.required} required, {c.preferred} preferred)" if c.preferred and c.required else ""
    stand = ", ".join(
        f"{n} {label}"
        for n, label in ((c.met, "met"), (c.partial, "partly met"), (c.gap, "not yet met"))
        if n
    )
    return f"{asked}{split}: {stand}."


def star(story: Story) -> list[tuple[str, str]]:
    """The story's parts that the record holds, in telling order."""
    parts = [(label, getattr(story, key)) for key, label in STAR if getattr(story, key)]
    if not parts and story.details:
        parts.append(("Details", story.details))
    return parts


def story_meta(story: Story) -> str:
    from careerkit.render.fmt import month_year

    return " · ".join(p for p in (story.position, month_year(story.date)) if p)


def evidence(line: Line) -> str:
    """An entry in one line; feedback as a quote with who said it."""
    if line.kind != "feedback":
        return line.text
    who = relationship(line.relationship or "other")
    who = f"{line.from_name} ({who})" if line.from_name else _article(who)
    return f"“{line.text}” — {who}"


def relationship(value: str) -> str:
    return {"direct-report": "direct report"}.get(value, value)


def attribution(said: Said) -> str:
    """'a supervisor, End-of-year evaluation, Jun 2023'; the name first when names are shown."""
    from careerkit.render.fmt import month_year

    who = relationship(said.relationship)
    who = f"{said.from_name} ({who})" if said.from_name else _article(who)
    return ", ".join(p for p in (who, said.context, month_year(said.date)) if p)


def _article(noun: str) -> str:
    if noun in ("other", "mentor", "student", "parent", "colleague", "supervisor", "direct report"):
        if noun == "other":
            return "someone else"
        return ("an " if noun[0] in "aeiou" else "a ") + noun
    return noun


def theme_line(voice) -> str:
    """'3 pieces of feedback, from 2 supervisors and a parent'."""
    from careerkit.render.fmt import join_words

    n = voice.count
    pieces = f"{n} piece{'s' if n != 1 else ''} of feedback"
    rels = [
        f"{k} {_plural(relationship(r))}" if k > 1 else _article(relationship(r))
        for r, k in voice.relationships.items()
    ]
    return f"{pieces}, from {join_words(rels)}" if rels else pieces


def voice_label(voice) -> str | None:
    """A competency's name as it is; recurring wording in quotes, as people wrote it."""
    if voice.kind == "wording" and voice.label:
        return "; ".join(f"“{part}”" for part in voice.label.split("; "))
    return voice.label


def competency(c) -> str:
    """'Curriculum, Instruction, and Assessment (psel-4)'; the id alone when it has no name."""
    return c.id if c.name == c.id else f"{c.name} ({c.id})"


def _plural(noun: str) -> str:
    return {"other": "others"}.get(noun, noun + "s")


def under(u: UnderWay) -> str:
    """'Finish the M.A. (goal, active, due May 2026)'."""
    from careerkit.render.fmt import month_year

    bits = [u.kind, STATUS.get(u.status, u.status)]
    if u.due:
        bits.append(f"due {month_year(u.due)}")
    return f"{u.text} ({', '.join(bits)})"


def footer(brief: Brief) -> str:
    source = f"gap report {brief.report_id}" if brief.report_id is not None else "the gap report"
    private = (
        "Private entries are included: keep this copy to yourself."
        if brief.include_private
        else "Private entries are left out."
    )
    return f"Built by careerkit from the career record and {source}. {private}"


# -- Word ---------------------------------------------------------------------------------


def docx(brief: Brief) -> bytes:
    """The brief as a Word document with real headings and lists."""
    from docx.shared import Pt

    from careerkit.render import docx as W

    doc = W.new_document(
        title=heading(brief),
        author=brief.candidate or "",
        subject="Interview preparation",
        keywords=["interview", "careerkit"],
    )
    W.title(doc, heading(brief))
    if subtitle(brief):
        _para(W, doc, subtitle(brief), italic=True)
    _para(W, doc, summary(brief), lead=f"Score {brief.score}/100.")
    if brief.weighs_most:
        _para(W, doc, "; ".join(c.name for c in brief.weighs_most), lead="Weighs most:")

    if brief.qualifications:
        W.heading(doc, "Qualifications asked", 1)
        for q in brief.qualifications:
            _bullet(W, doc, q.text, lead=f"{MUST[q.must]} · {VERDICT[q.verdict]}:")
            for line in q.evidence:
                _bullet(W, doc, line.text, level=2)

    if brief.points:
        W.heading(doc, "Stories to tell", 1)
        for p in brief.points:
            _docx_point(W, doc, p)
        if brief.also_met:
            W.heading(doc, "Also met", 2)
            for q in brief.also_met:
                _bullet(W, doc, " — ".join([q.text] + [line.text for line in q.evidence]))

    W.heading(doc, "Likely questions", 1)
    W.heading(doc, "Any panel", 2)
    for question in brief.general_questions:
        _bullet(W, doc, question)
    for s in brief.questions:
        W.heading(doc, competency(s.competency), 2)
        for question in s.questions:
            _bullet(W, doc, question)
        if s.stories:
            _para(W, doc, "; ".join(s.stories), lead="Stories that fit:")

    if brief.voices:
        W.heading(doc, "What others have said", 1)
        for v in brief.voices:
            if v.label:
                W.heading(doc, voice_label(v) or "", 2)
            _para(W, doc, theme_line(v), italic=True, keep=True)
            for said in v.quotes:
                p = _para(W, doc, f"“{said.text}”", style="Quote")
                p.add_run(f" — {attribution(said)}")

    if brief.gaps:
        W.heading(doc, "Gaps and honest answers", 1)
        for g in brief.gaps:
            W.heading(doc, g.text, 2)
            _para(W, doc, g.why, lead=f"{MUST[g.must]} · {VERDICT[g.verdict]}.", keep=True)
            _para(W, doc, "", lead="Nearest evidence:")
            for line in g.nearest:
                _bullet(W, doc, evidence(line))
            if not g.nearest:
                _bullet(W, doc, "Nothing in the record yet.")
            _para(W, doc, "", lead="Under way:")
            for u in g.under_way:
                _bullet(W, doc, under(u))
            if not g.under_way:
                _bullet(W, doc, "Nothing under way in the record yet.")

    W.heading(doc, "Questions to ask the panel", 1)
    for question in brief.panel_questions:
        _bullet(W, doc, question)
    W.heading(doc, "Checklist", 1)
    for item in brief.checklist:
        box = _para(W, doc, "☐ " + item)  # a box to tick on paper, not a bullet too
        box.paragraph_format.left_indent = Pt(16)
        box.paragraph_format.first_line_indent = Pt(-16)
    _para(W, doc, footer(brief), italic=True).paragraph_format.space_before = Pt(14)
    return W.to_bytes(doc)


def _bullet(W, doc, text: str, **kw):
    """A list item on one line: a line break typed in the record is not a new paragraph."""
    from careerkit.render.escape import one_line

    return W.bullet(doc, one_line(text), **kw)


def _para(W, doc, text: str = "", *, keep: bool = False, **kw):
    """A paragraph on one line; `keep` holds it on the page of what follows (a label)."""
    from careerkit.render.escape import one_line

    p = W.paragraph(doc, one_line(text), **kw)
    if keep or (not text and kw.get("lead")):
        p.paragraph_format.keep_with_next = True
    return p


def _docx_point(W, doc, p) -> None:
    W.heading(doc, f"{p.number}. {p.text}", 2)
    line = f"{MUST[p.must]} · {VERDICT[p.verdict]}"
    if p.competencies:
        line += " · " + "; ".join(c.name for c in p.competencies)
    _para(W, doc, p.why if p.verdict != "met" else "", lead=line + ".", keep=True)
    for s in p.stories:
        _para(W, doc, story_meta(s), lead=f"Story: {s.title}.", keep=True)
        for label, text in star(s):
            _bullet(W, doc, text, lead=f"{label}:")
        if s.impact:
            _bullet(W, doc, s.impact, lead="Impact:")
    for r in p.repeats:
        _para(W, doc, f"{r.title} (told under {r.point}).", lead="Story:")
    if p.other:
        _para(W, doc, "", lead="Also in the record:")
        for line in p.other:
            _bullet(W, doc, evidence(line))
    if p.artifacts:
        _para(W, doc, "", lead="Bring:")
        for a in p.artifacts:
            _bullet(W, doc, a)
    if p.under_way:
        _para(W, doc, "", lead="Under way:")
        for u in p.under_way:
            _bullet(W, doc, under(u))
