"""The resume (a `models.resume.Resume`) -> Markdown, HTML, PDF (Typst) or Word, in a theme,
and fitted to a number of pages by leaving things out, never by shrinking the type: first the
roles' summaries, then the weakest and oldest bullets, then the oldest roles, then the
oldest learning; what went is said in words."""

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
            units.append((bullet.weight + (0.5 if b == 0 else 0.0) - 0.01 * j - 0.3 * j, ("job", j, b)))
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


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'s' if n != 1 else ''}"


def fit_pages(resume: Resume, pages: int, theme=None) -> tuple[Resume, bytes, int]:
    """The resume made to fit `pages` pages: (fitted resume, its PDF, its page count).
    Steps, each only as far as needed: the roles' summaries go; then the weakest bullets
    and list items (the fewest that fit, by bisection); then the oldest roles, one by one;
    then learning and awards. `left_out` says in words what went. When even that is too
    long, the shortest version is returned and the count says so."""
    from careerkit.render.pdf import page_count

    def pdf_of(r: Resume) -> tuple[bytes, int]:
        data = to_pdf(r, theme)
        return data, page_count(data)

    pdf, count = pdf_of(resume)
    if count <= pages:
        return resume, pdf, count
    left: list[str] = []
    current = resume
    summaries = sum(1 for j in current.experience if j.summary)
    if summaries:
        current = replace(current, experience=[replace(j, summary="") for j in current.experience])
        left.append(_plural(summaries, "role summary").replace("summarys", "summaries"))
        pdf, count = pdf_of(current)
        if count <= pages:
            return replace(current, left_out=left), pdf, count

    def bare_of(r: Resume, *, newest: bool = False) -> tuple[Resume, bytes, int]:
        """Without every optional bullet (`newest`: but the newest role's)."""
        keys = {key for _, key in _droppable(r) if not (newest and key[:2] == ("job", 0))}
        b = without(r, keys)
        return (b, *pdf_of(b))

    bare, bare_pdf, bare_count = bare_of(current)
    if bare_count > pages and len(current.experience) > 1:
        # Even without every optional bullet it is too long: the oldest roles go, the
        # fewest that make it fit (by bisection), newest kept.
        low, high, keep = 1, len(current.experience) - 1, 1
        while low <= high:
            mid = (low + high) // 2
            if bare_of(replace(current, experience=current.experience[:mid]), newest=True)[2] <= pages:
                keep, low = mid, mid + 1
            else:
                high = mid - 1
        gone = current.experience[keep:]
        named = "; ".join(f"{j.title}, {j.organization}" for j in gone[:3])
        named += f"; and {len(gone) - 3} more" if len(gone) > 3 else ""
        left.append(_plural(len(gone), "earlier role") + f" ({named})")
        current = replace(current, experience=current.experience[:keep])
        pdf, count = pdf_of(current)
        if count <= pages:
            return replace(current, left_out=left), pdf, count
        bare, bare_pdf, bare_count = bare_of(current)
    units = [key for _, key in _droppable(current)]
    if bare_count <= pages:
        low, high = 1, len(units) - 1
        best = (bare, bare_pdf, bare_count, len(units))
        while low <= high:
            mid = (low + high) // 2
            trial = without(current, set(units[:mid]))
            trial_pdf, trial_count = pdf_of(trial)
            if trial_count <= pages:
                best = (trial, trial_pdf, trial_count, mid)
                high = mid - 1
            else:
                low = mid + 1
        fitted, data, n, gone_units = best
        left.append(_describe_units(units[:gone_units]))
        return replace(fitted, left_out=[x for x in left if x]), data, n
    current, data, n = bare, bare_pdf, bare_count
    left.append(_describe_units(units))
    for section, label in (("awards", "awards"), ("learning", "professional learning")):
        if n <= pages:
            break
        if getattr(current, section):
            current = replace(current, **{section: []})  # type: ignore[arg-type]
            left.append(f"the {label} section")
            data, n = pdf_of(current)
    return replace(current, left_out=[x for x in left if x]), data, n


def _describe_units(keys: list[tuple]) -> str:
    bullets = sum(1 for k in keys if k[0] == "job")
    service = sum(1 for k in keys if k[0] == "leadership")
    learning = sum(1 for k in keys if k[0] == "learning")
    parts = []
    if bullets:
        parts.append(_plural(bullets, "weaker or older bullet"))
    if service:
        parts.append(_plural(service, "leadership and service item"))
    if learning:
        parts.append(_plural(learning, "professional learning item"))
    from careerkit.render.fmt import join_words

    return join_words(parts)


# -- output --------------------------------------------------------------------------------


def _context(resume: Resume, theme=None) -> dict:
    from careerkit.render.theme import load

    return {
        "r": resume,
        "sections": _list_sections(resume),
        "theme": theme or load(None),
        "paper": resume.paper,
    }


def to_markdown(resume: Resume) -> str:
    from careerkit.render.env import render

    return render("resume.md.j2", **_context(resume))


def to_html(resume: Resume, theme=None) -> str:
    from careerkit.render.env import render

    return render("resume.html.j2", **_context(resume, theme))


def to_typst(resume: Resume, theme=None) -> str:
    from careerkit.render.env import render

    return render("resume.typ.j2", **_context(resume, theme))


def to_pdf(resume: Resume, theme=None) -> bytes:
    from careerkit.render.pdf import to_pdf as compile_pdf

    return compile_pdf(to_typst(resume, theme), theme=theme)


def to_docx(resume: Resume, *, created: _dt.datetime | None = None, theme=None) -> bytes:
    from docx.shared import Pt

    from careerkit.render import docx as D
    from careerkit.render.theme import load

    theme = theme or load(None)
    doc = D.new_document(
        title=resume.title,
        author=resume.name,
        subject="Resume",
        keywords=resume.strengths,
        created=created,
        font=theme.docx_font,
        size=theme.docx_size,
        accent=theme.accent,
        paper=resume.paper,
    )
    D.page_footer(doc, resume.name)
    D.title(doc, resume.name)
    if resume.headline:
        D.paragraph(doc, resume.headline, lead=None)
    if resume.target_line:
        D.paragraph(doc, "", lead=resume.target_line)
    if resume.contact or resume.links:
        p = D.paragraph(doc, "")
        first = True
        for c in resume.contact:
            if not first:
                p.add_run(" · ")
            first = False
            url = resume.contact_urls.get(c)
            if url:
                D.hyperlink(p, c, url, colour=theme.accent.lstrip("#").upper())
            else:
                p.add_run(c)
        from careerkit.render.escape import bare_url, safe_url

        for link in resume.links:
            if not first:
                p.add_run(" · ")
            first = False
            url = safe_url(link.url)
            if url:
                D.hyperlink(p, bare_url(link.url), url, colour=theme.accent.lstrip("#").upper())
            else:
                p.add_run(f"{link.label}: {link.url}")
    if resume.summary or resume.strengths:
        D.heading(doc, "Summary", 1)
        for para in resume.summary:
            D.paragraph(doc, para)
        if resume.strengths:
            # No break inside a strength: its spaces are non-breaking.
            D.paragraph(
                doc, " · ".join(s.replace(" ", "\u00a0") for s in resume.strengths), lead="Strengths:"
            )
    if resume.experience:
        D.heading(doc, "Experience", 1)
        for job in resume.experience:
            D.heading(doc, f"{job.title}, {job.organization}", 2)
            meta = D.paragraph(doc, " · ".join(x for x in (job.location, job.dates) if x), italic=True)
            meta.paragraph_format.keep_with_next = True
            if job.summary:
                D.paragraph(doc, job.summary).paragraph_format.keep_with_next = True
            for k, b in enumerate(job.bullets):
                para = D.bullet(doc, b.text)
                # The first bullet stays with the heading, the last two together.
                if k == 0 or k >= len(job.bullets) - 2 and k < len(job.bullets) - 1:
                    para.paragraph_format.keep_with_next = True
    for heading, items in _list_sections(resume):
        D.heading(doc, heading, 1)
        for k, item in enumerate(items):
            para = D.bullet(doc, _item_line(item))
            if k == 0:
                para.paragraph_format.keep_with_next = True
            para.paragraph_format.space_after = Pt(1)
    return D.to_bytes(doc)


HEADINGS = {
    "education": ("Education", "Education"),
    "credentials": ("Certifications and Licenses", "Certifications and Licences"),
    "leadership": ("Leadership and Service", "Leadership and Service"),
    "learning": ("Professional Learning", "Professional Learning"),
    "awards": ("Awards", "Awards"),
}


def plain_text(resume: Resume) -> str:
    """Every word the resume prints, in one string (to look for characters no font draws)."""
    parts = [
        resume.name,
        resume.headline,
        resume.target_line,
        *resume.contact,
        *resume.summary,
        *resume.strengths,
    ]
    for job in resume.experience:
        parts += [job.title, job.organization, job.location, job.summary, *(b.text for b in job.bullets)]
    for _, items in _list_sections(resume):
        parts += [x for item in items for x in (item.text, item.detail, item.note)]
    parts += [link.label for link in resume.links]
    return "\n".join(p for p in parts if p)


def _list_sections(resume: Resume) -> list[tuple[str, list[Item]]]:
    """The list sections in the order chosen for the resume, headed in its spelling."""
    order = resume.order or ["education", "credentials", "leadership", "learning", "awards"]
    uk = resume.spelling == "uk"
    out = []
    for key in order:
        items = getattr(resume, key)
        if items:
            out.append((HEADINGS[key][1 if uk else 0], items))
    return out


def _item_line(item: Item) -> str:
    text = item.text + (f", {item.detail}" if item.detail else "")
    tail = ", ".join(x for x in (item.when, item.note) if x)
    return text + (f" ({tail})" if tail else "")
