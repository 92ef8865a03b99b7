"""The cover-letter draft (a `models.letter.Letter`) -> Markdown, HTML, PDF or Word, through
the same blocks and themes as the brief."""

from __future__ import annotations

from careerkit.models.letter import Letter

FORMATS = ("md", "html", "pdf", "docx")


def document(letter: Letter):
    from careerkit.render.blocks import Block, Doc, Section

    head = [Block("p", lead=letter.name)]
    if letter.contact:
        head.append(Block("p", text=" · ".join(letter.contact), muted=True))
    if letter.date:
        head.append(Block("p", text=letter.date))
    if letter.recipient:
        head.append(Block("p", text=", ".join(letter.recipient)))
    body = [Block("p", text=letter.greeting)]
    body += [Block("p", text=para) for para in letter.paragraphs]
    body += [Block("p", text=letter.closing), Block("p", text=letter.name)]
    subject = f"Cover letter: {letter.title}" if letter.title else "Cover letter"
    return Doc(
        title=subject,
        author=letter.name,
        subject=subject,
        intro=head,
        sections=[Section("", body)],
        running=letter.name,
        letter=True,
        paper=letter.paper,
    )


def render_letter(letter: Letter, fmt: str, *, theme=None) -> str | bytes:
    from careerkit.render import blocks as B
    from careerkit.render.theme import load

    theme = theme or load(None)
    doc = document(letter)
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
