"""A cover-letter draft from the interview brief and the record: the role, what draws the
person to this employer (in the posting's own words), the three stories that best answer the
posting, and the honest line on the largest gap. Plain, editable prose; every fact in it is
the record's or the posting's, and the fixed sentences are the same for everyone."""

from __future__ import annotations

import datetime as _dt

from careerkit.documents.brief import _duty, _lower_first, _sentence
from careerkit.models.brief import Brief
from careerkit.models.letter import Letter
from careerkit.models.shape import Record

MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip


def dated(day: _dt.date, spelling: str) -> str:
    """'March 1, 2026' (US) or '1 March 2026' (British)."""
    month = MONTHS[day.month - 1]
    return f"{day.day} {month} {day.year}" if spelling == "uk" else f"{month} {day.day}, {day.year}"


def build_letter(
    brief: Brief,
    record: Record,
    *,
    today: _dt.date | None = None,
    spelling: str = "us",
    paper: str = "us-letter",
) -> Letter:
    today = today or _dt.date.today()
    profile = record.profile
    name = (profile.name if profile else "") or ""
    contact = [v for v in ((profile.email, profile.phone, profile.location) if profile else ()) if v]
    p = brief.posting
    title = p.title if p is not None and p.title_known else (brief.title or "")
    employer = p.employer if p is not None else (brief.organization or "")
    paragraphs: list[str] = []
    notes: list[str] = []

    # 1. the role, and who is writing
    positions = sorted(record.positions, key=lambda x: x.start or "", reverse=True)
    role = f"the {title} post" if title else "this post"
    where = f" at {employer}" if employer else ""
    first = f"I am writing to apply for {role}{where}."
    if positions:
        now = positions[0]
        verb = "I am" if not now.end else "Most recently I was"
        article = "an" if now.title[:1].lower() in "aeiou" else "a"
        first += f" {verb} {article} {now.title} at {now.organization}"
        start = min((x.start for x in positions if x.start), default="")
        first += f", and I have worked in schools since {start[:4]}." if start else "."
    paragraphs.append(first)

    # 2. why this employer: what its posting asks, said back
    duties = [_duty(pt.text) for pt in brief.points if pt.type == "responsibility"][:3]
    if duties:
        whom = employer or "this role"
        listed = duties[0] if len(duties) == 1 else "; ".join(duties[:-1]) + "; and " + duties[-1]
        paragraphs.append(
            f"What draws me to {whom} is the work the role is built around: to {listed}. "
            "It is the work I have been doing, and want to do at a larger scale."
        )
    notes.append(
        "Add one reason of your own for choosing this school or district (something you have "
        "seen, read or been told): the draft says only what the posting and your record hold."
    )

    # 3. the three stories that best answer the posting
    stories = [s for pt in brief.points for s in pt.stories][:3]
    if len(stories) < 3:
        stories += _strongest(record, {s.id for s in stories}, today)[: 3 - len(stories)]
    if stories:
        lines, held = [], None
        for s in stories:
            line = _story_line(s)
            post = (s.position or "").split(" @ ")[0]
            if post and post == held and line.startswith(f"As {post}, "):
                line = line[len(f"As {post}, ") :]  # the same post: said once
            held = post or held
            lines.append(line)
        intro = (
            "Three pieces of my work speak to what you ask for."
            if len(lines) == 3
            else "My work speaks to what you ask for."
        )
        paragraphs.append(intro + " " + " ".join(lines))

    # 4. the honest line on the largest gap
    gap = _largest_gap(brief)
    if gap is not None and gap.script:
        asked = _duty(gap.text)
        what = f"the role asks me to {asked}" if gap.type == "responsibility" else f"you ask for {asked}"
        paragraphs.append(f"I want to be open about one thing: {what}. " + gap.script)

    # 5. close
    paragraphs.append(
        f"I would welcome the chance to talk with you about the role{where}. Thank you for your time and consideration."
    )
    return Letter(
        name=name,
        contact=contact,
        date=dated(today, spelling),
        recipient=["Hiring panel"] + ([employer] if employer else []),
        paragraphs=paragraphs,
        closing="Yours sincerely," if spelling == "uk" else "Sincerely,",
        title=title,
        employer=employer,
        stories=[s.id for s in stories],
        notes=notes,
        paper=paper,
    )


def _story_line(story) -> str:
    """One story in a sentence or two, first person, from its own fields; where it says
    what I did first, the post I held leads it in ("As Dean of Instruction, I ran ...")."""
    short = story.short or _sentence("I " + _lower_first(story.title))
    if story.position and short.startswith("I "):
        post = story.position.split(" @ ")[0]
        return f"As {post}, {short}"
    return short


def _strongest(record: Record, told: set[int], today: _dt.date) -> list:
    """The record's strongest accomplishments not yet told, as stories."""
    from careerkit.documents.brief import thirty_seconds
    from careerkit.documents.resume import strength
    from careerkit.models.brief import Story

    ranked = sorted(
        (a for a in record.accomplishments if a.id not in told), key=lambda a: (-strength(a, today), -a.id)
    )
    out = []
    for a in ranked[:3]:
        story = Story(
            id=a.id,
            title=a.title,
            date=a.date,
            position=a.position,
            situation=a.situation,
            task=a.task,
            action=a.action,
            result=a.result,
            impact=a.impact,
            details=a.details,
        )
        story.short = thirty_seconds(story)
        out.append(story)
    return out


def _largest_gap(brief: Brief):
    """The required gap first, then a required partial, then any."""
    order = sorted(
        brief.gaps,
        key=lambda g: (g.must != "required", g.verdict != "gap", g.type in ("education", "credential")),
    )
    return order[0] if order else None
