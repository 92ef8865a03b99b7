"""The interview-prep brief (a `models.brief.Brief`) -> Markdown, HTML, PDF (Typst) or Word.

Pure: the model in, text or bytes out. The brief is laid out once as blocks
(`render/blocks.py`), which each format prints in the chosen theme; the small phrases every
format shares (labels, attributions) are made once, here."""

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


def render_brief(brief: Brief, fmt: str, *, theme=None, paper: str = "us-letter") -> str | bytes:
    """The brief in one format: text for md/html, bytes for pdf/docx."""
    from careerkit.render import blocks as B
    from careerkit.render.theme import load

    theme = theme or load(None)
    doc = document(brief)
    doc.paper = paper
    if fmt == "md":
        return B.markdown(doc)
    if fmt == "html":
        return B.html(doc, theme)
    if fmt == "pdf":
        from careerkit.render.pdf import to_pdf

        return to_pdf(B.typst(doc, theme), theme=theme)
    if fmt == "docx":
        return B.docx(doc, theme)
    raise ValueError(f"unknown format {fmt!r}")


def markdown(brief: Brief) -> str:
    return render_brief(brief, "md")  # type: ignore[return-value]


def html(brief: Brief) -> str:
    return render_brief(brief, "html")  # type: ignore[return-value]


def typst_source(brief: Brief) -> str:
    from careerkit.render import blocks as B
    from careerkit.render.theme import load

    return B.typst(document(brief), load(None))


def pdf(brief: Brief) -> bytes:
    return render_brief(brief, "pdf")  # type: ignore[return-value]


def docx(brief: Brief) -> bytes:
    return render_brief(brief, "docx")  # type: ignore[return-value]


# -- the brief as blocks -------------------------------------------------------------------


def document(brief: Brief):
    """The brief as blocks, in the order a candidate reads it the evening before."""
    from careerkit.render.blocks import Block, Doc, Item, Section

    intro: list = []
    p = brief.posting
    if p is not None:
        rows = [("Role", p.title + ("" if p.title_known else " (the posting does not say its title)"))]
        rows.append(("Employer", p.employer or "not named in the posting"))
        if p.location:
            rows.append(("Location", p.location))
        if p.reports_to:
            rows.append(("Reports to", p.reports_to))
        intro.append(Block("facts", rows=rows))
        if p.hard:
            intro.append(
                Block(
                    "list",
                    lead="Hard requirements",
                    items=[Item(text=h.text, tag=h.verdict, children=h.evidence) for h in p.hard],
                )
            )
    intro.append(Block("p", text=summary(brief), muted=True))

    sections = []
    if brief.opening:
        blocks = [Block("p", text=para) for para in brief.opening]
        blocks.append(Block("p", text="A draft from your record: say it in your own words.", muted=True))
        sections.append(Section("Tell me about yourself", blocks))

    if brief.points:
        blocks = []
        for pt in brief.points:
            blocks.append(Block("h3", text=f"{pt.number}. {pt.text}", tag=pt.verdict, tag_text=_tag_text(pt)))
            if pt.why:
                blocks.append(Block("p", text=pt.why, muted=True))
            for s in pt.stories:
                rows = []
                if s.answers:
                    rows.append(("Answers", s.answers))
                if s.short:
                    rows.append(("30 seconds", s.short))
                rows += star(s)
                if s.impact:
                    rows.append(("Impact", s.impact))
                blocks.append(Block("card", text=s.title, meta=story_meta(s), rows=rows))
            for r in pt.repeats:
                blocks.append(Block("p", lead="Story:", text=f"{r.title} (told under {r.point})."))
            if pt.other:
                blocks.append(
                    Block("list", lead="Also in the record", items=[Item(evidence(x)) for x in pt.other])
                )
            if pt.artifacts:
                blocks.append(Block("list", lead="Bring", items=[Item(a) for a in pt.artifacts]))
            if pt.under_way:
                blocks.append(Block("list", lead="Under way", items=[Item(under(u)) for u in pt.under_way]))
        if brief.also_met:
            blocks.append(Block("h3", text="Also met"))
            blocks.append(
                Block(
                    "list",
                    items=[
                        Item(" — ".join([q.text] + [evidence(x) for x in q.evidence])) for q in brief.also_met
                    ],
                )
            )
        sections.append(Section("Your best story for each requirement", blocks))

    hard = {h.text for h in brief.posting.hard} if brief.posting else set()
    rest = [q for q in brief.qualifications if q.text not in hard]
    if rest:
        items = [
            Item(
                text=q.text,
                tag=q.verdict,
                tag_text=f"{MUST[q.must]} · {VERDICT[q.verdict]}",
                children=[x.text for x in q.evidence],
            )
            for q in rest
        ]
        sections.append(Section("Other qualifications asked", [Block("list", items=items)]))

    if brief.gaps:
        blocks = []
        for g in brief.gaps:
            blocks.append(
                Block("h3", text=g.text, tag=g.verdict, tag_text=f"{MUST[g.must]} · {VERDICT[g.verdict]}")
            )
            if g.why:
                blocks.append(Block("p", text=g.why, muted=True))
            if g.script:
                blocks.append(Block("callout", lead="Say:", text=g.script))
            if g.nearest:
                blocks.append(
                    Block("list", lead="Nearest evidence", items=[Item(evidence(x)) for x in g.nearest])
                )
            if g.under_way:
                blocks.append(Block("list", lead="Under way", items=[Item(under(u)) for u in g.under_way]))
            elif g.suggestions:
                blocks.append(
                    Block(
                        "list",
                        lead="Nothing under way yet. Act on one before the interview",
                        items=[Item(x) for x in g.suggestions],
                    )
                )
            else:
                blocks.append(
                    Block(
                        "p",
                        lead="Nothing under way yet.",
                        text="Choose one step you can start this week and say it.",
                    )
                )
        sections.append(Section("Gaps and honest answers", blocks))

    qblocks = []
    if brief.posting_questions:
        qblocks += [
            Block("h3", text="From this posting"),
            Block("list", items=[Item(q) for q in brief.posting_questions]),
        ]
    if brief.scenarios:
        role = brief.posting.role if brief.posting and brief.posting.role else "this role"
        qblocks += [
            Block(
                "h3",
                text=f"Scenarios panels put to an {role}"
                if role[:1] in "aeiou"
                else f"Scenarios panels put to a {role}",
            ),
            Block("list", items=[Item(q) for q in brief.scenarios]),
        ]
    for qs in brief.questions:
        qblocks.append(Block("h3", text=competency(qs.competency)))
        qblocks.append(Block("list", items=[Item(q) for q in qs.questions]))
        if qs.stories:
            qblocks.append(Block("p", lead="Stories that fit:", text="; ".join(qs.stories)))
    if brief.general_questions:
        qblocks += [
            Block("h3", text="Any panel"),
            Block("list", items=[Item(q) for q in brief.general_questions]),
        ]
    if qblocks:
        sections.append(Section("Likely questions", qblocks))

    if brief.why_here:
        sections.append(
            Section(
                "Why here",
                [
                    Block(
                        "list",
                        items=[Item(text=f"Look up: {w.research}.", lead=w.prompt) for w in brief.why_here],
                    )
                ],
            )
        )

    if brief.plan:
        blocks = []
        for phase in brief.plan:
            blocks.append(Block("list", lead=phase.label, items=[Item(x) for x in phase.items]))
        blocks.append(
            Block(
                "p",
                text="A skeleton from the posting's duties: fill it with what you learn about the school.",
                muted=True,
            )
        )
        sections.append(Section("A 30-60-90-day plan", blocks))

    if brief.voices or brief.growth:
        blocks = []
        for v in brief.voices:
            if v.label:
                blocks.append(Block("h3", text=voice_label(v) or ""))
            blocks.append(Block("p", text=theme_line(v), muted=True))
            blocks += [Block("quote", text=q.text, who=attribution(q)) for q in v.quotes]
        if brief.growth:
            blocks.append(Block("h3", text="What they asked you to work on"))
            blocks.append(
                Block(
                    "p",
                    text="Not praise: ready material for “what is an area you are working on?”",
                    muted=True,
                )
            )
            blocks += [Block("quote", text=q.text, who=attribution(q)) for q in brief.growth]
        sections.append(Section("What others have said", blocks))

    if brief.panel_questions:
        sections.append(
            Section(
                "Questions to ask the panel", [Block("list", items=[Item(q) for q in brief.panel_questions])]
            )
        )
    if brief.checklist:
        sections.append(Section("Checklist", [Block("checklist", items=[Item(x) for x in brief.checklist])]))
    return Doc(
        title=heading(brief),
        subtitle=subtitle(brief),
        author=brief.candidate or "",
        subject="Interview preparation",
        keywords=["interview", "careerkit"],
        intro=intro,
        sections=sections,
        footer=footer(brief),
        running=heading(brief),
    )


def _tag_text(pt) -> str:
    return f"{MUST[pt.must]} · {VERDICT[pt.verdict]}"


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
    """'Example County Schools · for Jordan Rivera · saved posting 7'."""
    parts = [brief.organization]
    if brief.candidate:
        parts.append(f"for {brief.candidate}")
    if brief.report_id is not None:
        parts.append(f"saved posting {brief.report_id}")
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
    return f"The posting lists {asked}{split}: {stand}."


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
