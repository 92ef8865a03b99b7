"""The recap (a `documents.recap.Recap`) -> Markdown, HTML (inline SVG pictures), PDF (Typst
shapes) or Word; and the pictures themselves (`pictures`). Templates: templates/recap.*.j2."""

from __future__ import annotations

from typing import Any

from careerkit.documents.recap import Recap, rating_cells, summary
from careerkit.render import charts as K

FORMATS = ("md", "html", "pdf", "docx")
AUDIENCE_TITLE = {
    "self": "My year in review",
    "supervisor": "Growth recap for the evaluation conference",
    "sponsor": "Growth recap",
}


def render_recap(recap: Recap, fmt: str) -> str | bytes:
    if fmt == "md":
        return markdown(recap)
    if fmt == "html":
        return html(recap)
    if fmt == "pdf":
        return pdf(recap)
    if fmt == "docx":
        return docx(recap)
    raise ValueError(f"unknown format {fmt!r}")


def period(recap: Recap) -> str:
    from careerkit.render.fmt import month_year

    first, last = month_year(recap.since), month_year(recap.until)
    return first if first == last else f"{first} – {last}"


def title(recap: Recap) -> str:
    return AUDIENCE_TITLE.get(recap.audience, "Growth recap")


def pictures(recap: Recap, width: float = 460.0) -> dict[str, K.Chart]:
    """The pictures there is data for: wins, ratings, readiness, hours."""
    out: dict[str, K.Chart] = {}
    if recap.wins_total:
        colours = {c: colour for c, _, colour in recap.legend}
        months = [{"label": m.label, "short": m.short, "counts": m.counts} for m in recap.months]
        out["wins"] = K.wins_per_month(months, colours, width)
    if recap.ratings:
        shorts = [_short_month(m, i == 0) for i, m in enumerate(recap.rating_months)]
        out["ratings"] = K.rating_strips(rating_cells(recap), shorts, width)
    lines = [r for r in recap.readiness if r.points]
    if lines:
        out["readiness"] = K.readiness(_readiness_lines(recap, lines), width)
    if recap.hours:
        out["hours"] = K.learning_hours([{"label": t, "hours": h} for t, h in recap.hours_by_term], width)
    return out


def _short_month(month: str, first: bool) -> str:
    from careerkit.documents.recap import MONTHS

    name = MONTHS[int(month[5:7]) - 1]
    return f"{name} {month[2:4]}" if first or month.endswith("-01") else name


def _readiness_lines(recap: Recap, lines) -> list[dict[str, Any]]:
    """Points placed by date across the period (an analysis before it sits at the left edge)."""
    from datetime import date

    start, end = date.fromisoformat(recap.since), date.fromisoformat(recap.until)
    span = max((end - start).days, 1)
    out = []
    for r in lines:
        pts = []
        for d, score in r.points:
            day = date.fromisoformat((d + "-01-01")[:10])
            pts.append((min(max((day - start).days / span, 0.0), 1.0), score))
        out.append(
            {"name": r.name, "points": pts, "colour": r.colour, "first": period(recap).split(" – ")[0]}
        )
    out[0]["last"] = period(recap).split(" – ")[-1]
    return out


def context(recap: Recap, *, svg: bool = False, typst: bool = False) -> dict[str, Any]:
    charts = pictures(recap)
    return {
        "r": recap,
        "title": title(recap),
        "period": period(recap),
        "summary": summary(recap),
        "svg": {k: K.to_svg(c) for k, c in charts.items()} if svg else {},
        "typ": {k: K.to_typst(c) for k, c in charts.items()} if typst else {},
        "captions": {k: c.title for k, c in charts.items()},
        "day": _day,
        "num": lambda x: f"{float(x):g}",
        "parts": _reflection_parts,
        "footer": f"{recap.person + ' · ' if recap.person else ''}{title(recap)} · {period(recap)}",
    }


def markdown(recap: Recap) -> str:
    import re

    from careerkit.render.env import render

    text = render("recap.md.j2", **context(recap))
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"


def html(recap: Recap) -> str:
    from careerkit.render.env import render

    return render("recap.html.j2", **context(recap, svg=True))


def typst_source(recap: Recap) -> str:
    from careerkit.render.env import render

    return render("recap.typ.j2", **context(recap, typst=True))


def pdf(recap: Recap) -> bytes:
    from careerkit.render.pdf import to_pdf

    return to_pdf(typst_source(recap))


def docx(recap: Recap) -> bytes:
    """Word: the same sections as text (Word has no native picture that would survive
    editing; the numbers behind each picture are written out instead)."""
    from careerkit.render import docx as D

    doc = D.new_document(
        title=f"{title(recap)}: {period(recap)}", author=recap.person, subject="Growth recap"
    )
    D.title(doc, title(recap))
    D.paragraph(doc, " · ".join(x for x in (recap.person, period(recap)) if x), italic=True)
    D.paragraph(doc, summary(recap))
    if recap.competencies:
        D.heading(doc, "Wins by competency")
        for g in recap.competencies:
            D.heading(doc, f"{g.title} ({g.count})", 2)
            for w in g.wins:
                D.bullet(doc, w.title + (f" ({w.impact})" if w.impact else ""), lead=_day(w.date))
            if g.more:
                D.bullet(doc, f"and {g.more} more")
        D.heading(doc, "Wins per month")
        for m in recap.months:
            D.bullet(doc, str(m.total), lead=m.label)
    if recap.ratings:
        D.heading(doc, "Self-ratings, then and now")
        for line in recap.ratings:
            D.bullet(doc, f"{line.then or '–'} → {line.now or '–'}", lead=f"{line.id} {line.title}")
    if recap.feedback:
        D.heading(doc, "What others said")
        for fg in recap.feedback:
            D.heading(doc, f"{fg.label} ({fg.count})", 2)
            for q in fg.quotes:
                D.bullet(doc, f"“{q.text}” ({q.who}, {_day(q.date)})")
    if recap.hours or recap.completions:
        D.heading(doc, "Learning")
        D.paragraph(
            doc, f"{recap.hours:g} hours: " + ", ".join(f"{t} {h:g} h" for t, h in recap.hours_by_term)
        )
        for c in recap.completions:
            D.bullet(doc, c.title + (f" ({c.hours:g} h)" if c.hours else ""), lead=_day(c.date))
    if recap.goals_done or recap.goals_moved:
        D.heading(doc, "Goals")
        for goal in recap.goals_done:
            D.bullet(doc, goal.title, lead="Done:")
        for goal in recap.goals_moved:
            D.bullet(doc, goal.title + (": " + "; ".join(goal.wins) if goal.wins else ""), lead="Moved:")
    if recap.readiness:
        D.heading(doc, "Readiness for saved postings")
        for r in recap.readiness:
            D.bullet(doc, f"score {r.then} → {r.now}", lead=r.name)
            for d, text in r.closed:
                D.bullet(doc, f"gap closed {_day(d)}: {text}", level=2)
    if recap.milestones:
        D.heading(doc, "Milestones")
        for ms in recap.milestones:
            D.bullet(doc, ms.text, lead=_day(ms.date))
    if recap.reflections:
        D.heading(doc, "Reflections")
        for x in recap.reflections:
            D.heading(doc, f"{_day(x.date)}: {x.text.splitlines()[0][:90]}", 2)
            for label, value in _reflection_parts(x):
                D.paragraph(doc, value, lead=label)
    return D.to_bytes(doc)


def _reflection_parts(r) -> list[tuple[str, str]]:
    parts = [("What happened", r.text), ("What I did", r.did), ("What I learned", r.learned)]
    parts += [("What I would do differently", r.differently), ("How I know", r.evidence)]
    return [(label, value) for label, value in parts if value]


def _day(iso: str) -> str:
    from careerkit.render.fmt import MONTHS

    parts = str(iso).split("-")
    if len(parts) == 3:
        return f"{int(parts[2])} {MONTHS[int(parts[1]) - 1]} {parts[0]}"
    from careerkit.render.fmt import month_year

    return month_year(iso)
