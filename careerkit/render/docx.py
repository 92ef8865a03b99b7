"""Word documents through python-docx, built from real structure: Heading 1/2 styles for the
hierarchy and List Bullet paragraphs for lists, so application portals and screen readers
read them as a document, not as a picture of one.

Usage: `doc = new_document(title=..., author=...)`, then `heading`, `paragraph`, `bullet`,
`dated_line`, and `to_bytes(doc)`. User text passes through `escape.clean` (Word's XML
refuses control characters).
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable

from careerkit.render.escape import clean, one_line

BODY_FONT = "Calibri"
BODY_SIZE = 10.5
INK = (0x22, 0x2A, 0x35)
ACCENT = (0x1F, 0x4E, 0x79)


def new_document(
    *,
    title: str,
    author: str = "",
    subject: str = "",
    keywords: Iterable[str] = (),
    created: _dt.datetime | None = None,
):
    """An empty document with readable body type, modest margins and its properties set."""
    from docx import Document
    from docx.shared import Inches, Pt, RGBColor

    doc = Document()
    for section in doc.sections:
        section.left_margin = section.right_margin = Inches(0.8)
        section.top_margin = section.bottom_margin = Inches(0.7)
    normal = doc.styles["Normal"]
    normal.font.name = BODY_FONT
    normal.font.size = Pt(BODY_SIZE)
    normal.font.color.rgb = RGBColor(*INK)
    normal.paragraph_format.space_after = Pt(3)
    for name, size in (("Title", 22), ("Heading 1", 12.5), ("Heading 2", 11)):
        style = doc.styles[name]
        style.font.name = BODY_FONT
        style.font.size = Pt(size)
        style.font.color.rgb = RGBColor(*ACCENT)
        style.paragraph_format.keep_with_next = True
    doc.styles["Heading 1"].paragraph_format.space_before = Pt(12)
    doc.styles["Heading 2"].paragraph_format.space_before = Pt(6)
    doc.styles["List Bullet"].paragraph_format.space_after = Pt(2)
    props = doc.core_properties
    props.title = _property(title)
    props.author = _property(author)
    props.last_modified_by = _property(author)
    props.subject = _property(subject)
    props.keywords = _keywords(keywords)
    props.comments = "Written by careerkit"
    stamp = created or _dt.datetime.now(_dt.UTC).replace(microsecond=0)
    props.created = props.modified = stamp
    return doc


# Word's core properties hold at most 255 characters (python-docx refuses more).
PROPERTY_LIMIT = 255


def _property(text: str | None) -> str:
    """One line, cut at a word to fit the limit (with an ellipsis)."""
    value = one_line(text or "")
    if len(value) <= PROPERTY_LIMIT:
        return value
    cut = value[: PROPERTY_LIMIT - 1]
    if " " in cut[PROPERTY_LIMIT // 2 :]:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;") + "…"


def _keywords(keywords) -> str:
    """As many whole keywords as fit the limit."""
    out: list[str] = []
    for k in keywords:
        word = one_line(k or "")
        if not word:
            continue
        if len(", ".join([*out, word])) > PROPERTY_LIMIT:
            if not out:
                return _property(word)
            break
        out.append(word)
    return ", ".join(out)


def title(doc, text: str):
    """The document's own name (Title style): the person's name on a resume."""
    return doc.add_paragraph(one_line(text), style="Title")


def heading(doc, text: str, level: int = 1):
    """A real Word heading (Heading 1, Heading 2 ...)."""
    return doc.add_heading(one_line(text), level=level)


def paragraph(
    doc,
    text: str = "",
    *,
    lead: str | None = None,
    italic: bool = False,
    style: str | None = None,
    align: str | None = None,
):
    """A body paragraph; `lead` is set in bold before the text."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    p = doc.add_paragraph(style=style)
    if lead:
        p.add_run(one_line(lead)).bold = True
        if text:
            p.add_run(" ")
    if text:
        run = p.add_run(clean(text).strip())
        run.italic = italic
    if align == "center":
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    return p


def bullet(doc, text: str, *, lead: str | None = None, level: int = 1):
    """One item of a bulleted list (List Bullet style, List Bullet 2 when nested)."""
    style = "List Bullet" if level == 1 else f"List Bullet {level}"
    return paragraph(doc, text, lead=lead, style=style)


def dated_line(doc, left: str, right: str = "", *, bold: bool = True, detail: str = ""):
    """'Title, Organization ......... Aug 2016 – present': the date on a right tab stop."""
    from docx.enum.text import WD_TAB_ALIGNMENT
    from docx.shared import Pt

    p = doc.add_paragraph()
    section = doc.sections[-1]
    width = section.page_width - section.left_margin - section.right_margin
    p.paragraph_format.tab_stops.add_tab_stop(width, WD_TAB_ALIGNMENT.RIGHT)
    p.paragraph_format.keep_with_next = True
    p.paragraph_format.space_before = Pt(4)
    p.paragraph_format.space_after = Pt(1)
    p.add_run(one_line(left)).bold = bold
    if detail:
        p.add_run(", " + one_line(detail))
    if right:
        p.add_run("\t" + one_line(right))
    return p


def to_bytes(doc) -> bytes:
    import io

    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()
