"""The resume (a `models.resume.Resume`) -> Markdown, HTML, PDF (Typst) or Word, and fitted
to a number of pages by leaving out its weakest bullets, never by shrinking the type."""

from __future__ import annotations

import datetime as _dt
from dataclasses import replace

from careerkit.models.resume import Item, Resume

# -- fitting to pages --------------------------------------------------------------------


def _droppable(resume: Resume) -> list[tuple[float, tuple]]:
    """Every bullet and list item that may go, weakest first (older first among equals)."""
    units: list[tuple[float, tuple]] = []
    for j, job in enumerate(resume.experience):
        for b, bullet in enumerate(job.bullets):
            # The last bullets of the oldest jobs go first; the newest job's best goes last.
            units.append((bullet.weight + (0.5 if b == 0 else 0.0) - 0.01 * j, ("job", j, b)))
    for i, item in enumerate(resume.leadership):
        units.append((item.weight, ("leadership", i)))
    for i, item in enumerate(resume.learning):
        units.append((item.weight - 1.0, ("learning", i)))
    units.sort(key=lambda u: (u[0], u[1]))
    return units


def without(resume: Resume, keys: set[tuple]) -> Resume:
    """A copy of the resume without the given bullets and items."""
    jobs = [
        replace(job, bullets=[b for k, b in enumerate(job.bullets) if ("job", j, k) not in keys])
        for j, job in enumerate(resume.experience)
    ]
    return replace(
        resume,
        experience=jobs,
        leadership=[x for i, x in enumerate(resume.leadership) if ("leadership", i) not in keys],
        learning=[x for i, x in enumerate(resume.learning) if ("learning", i) not in keys],
        dropped=resume.dropped + len(keys),
    )


def fit_pages(resume: Resume, pages: int) -> tuple[Resume, bytes, int]:
    """The resume with its weakest bullets dropped until the PDF has at most `pages` pages:
    (fitted resume, its PDF, its page count). The fewest drops that fit, by bisection on how
    many of the weakest go. When even every optional bullet gone would not fit, nothing is
    left out and the page count says so."""
    from careerkit.render.pdf import page_count

    pdf = to_pdf(resume)
    count = page_count(pdf)
    if count <= pages:
        return resume, pdf, count
    units = [key for _, key in _droppable(resume)]
    bare = without(resume, set(units))
    bare_pdf = to_pdf(bare)
    if page_count(bare_pdf) > pages:
        # It cannot fit: a resume stripped of every bullet would still be too long, and
        # stripped it helps no one. Keep it whole; the count tells the caller.
        return resume, pdf, count
    low, high = 1, len(units) - 1
    best = (bare, bare_pdf, page_count(bare_pdf))
    while low <= high:
        mid = (low + high) // 2
        trial = without(resume, set(units[:mid]))
        trial_pdf = to_pdf(trial)
        trial_count = page_count(trial_pdf)
        if trial_count <= pages:
            best = (trial, trial_pdf, trial_count)
            high = mid - 1
        else:
            low = mid + 1
    return best


# -- output --------------------------------------------------------------------------------


def _context(resume: Resume) -> dict:
    return {"r": resume, "sections": _list_sections(resume)}


def to_markdown(resume: Resume) -> str:
    from careerkit.render.env import render

    return render("resume.md.j2", **_context(resume))


def to_html(resume: Resume) -> str:
    from careerkit.render.env import render

    return render("resume.html.j2", **_context(resume))


def to_typst(resume: Resume) -> str:
    from careerkit.render.env import render

    return render("resume.typ.j2", **_context(resume))


def to_pdf(resume: Resume) -> bytes:
    from careerkit.render.pdf import to_pdf as compile_pdf

    return compile_pdf(to_typst(resume))


def to_docx(resume: Resume, *, created: _dt.datetime | None = None) -> bytes:
    from careerkit.render import docx as D

    doc = D.new_document(
        title=resume.title, author=resume.name, subject="Resume", keywords=resume.strengths, created=created
    )
    D.title(doc, resume.name)
    if resume.headline:
        D.paragraph(doc, resume.headline, lead=None)
    contact = resume.contact + [f"{link.label}: {link.url}" for link in resume.links]
    if contact:
        D.paragraph(doc, " · ".join(contact))
    if resume.summary or resume.strengths:
        D.heading(doc, "Summary", 1)
        for para in resume.summary:
            D.paragraph(doc, para)
        if resume.strengths:
            D.paragraph(doc, " · ".join(resume.strengths), lead="Strengths:")
    if resume.experience:
        D.heading(doc, "Experience", 1)
        for job in resume.experience:
            D.heading(doc, f"{job.title}, {job.organization}", 2)
            D.paragraph(doc, " · ".join(x for x in (job.location, job.dates) if x), italic=True)
            if job.summary:
                D.paragraph(doc, job.summary)
            for b in job.bullets:
                D.bullet(doc, b.text)
    for heading, items in _list_sections(resume):
        D.heading(doc, heading, 1)
        for item in items:
            D.bullet(doc, _item_line(item))
    return D.to_bytes(doc)


def _list_sections(resume: Resume) -> list[tuple[str, list[Item]]]:
    sections = [
        ("Education", resume.education),
        ("Certifications and Licences", resume.credentials),
        ("Leadership and Service", resume.leadership),
        ("Professional Learning", resume.learning),
        ("Awards", resume.awards),
    ]
    return [(h, items) for h, items in sections if items]


def _item_line(item: Item) -> str:
    text = item.text + (f", {item.detail}" if item.detail else "")
    tail = ", ".join(x for x in (item.when, item.note) if x)
    return text + (f" ({tail})" if tail else "")
