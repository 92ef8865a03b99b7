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
    font: str = BODY_FONT,
    size: float = BODY_SIZE,
    accent: str | None = None,
    paper: str = "us-letter",
):
    """An empty document with readable body type, modest margins and its properties set;
    US Letter or A4 (`paper`), in the theme's font, size and accent colour."""
    from docx import Document
    from docx.shared import Inches, Mm, Pt, RGBColor

    colour = (
        RGBColor.from_string(accent.lstrip("#").upper()) if accent and len(accent) == 7 else RGBColor(*ACCENT)
    )
    doc = Document()
    for section in doc.sections:
        if paper == "a4":
            section.page_width, section.page_height = Mm(210), Mm(297)
        else:
            section.page_width, section.page_height = Inches(8.5), Inches(11)
        section.left_margin = section.right_margin = Inches(0.8)
        section.top_margin = section.bottom_margin = Inches(0.7)
    normal = doc.styles["Normal"]
    normal.font.name = font
    normal.font.size = Pt(size)
    normal.font.color.rgb = RGBColor(*INK)
    normal.paragraph_format.space_after = Pt(3)
    normal.paragraph_format.widow_control = True
    for name, heading_size in (("Title", size * 2.1), ("Heading 1", size * 1.2), ("Heading 2", size * 1.05)):
        style = doc.styles[name]
        style.font.name = font
        style.font.size = Pt(round(heading_size * 2) / 2)
        style.font.color.rgb = colour
        style.paragraph_format.keep_with_next = True
    callout = doc.styles["Intense Quote"]  # the brief's "Say:" lines: read aloud, so plain
    callout.font.italic = False
    callout.font.bold = False
    callout.font.color.rgb = RGBColor(*INK)
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


def bullet(doc, text: str, *, lead: str | None = None, level: int = 1, numbered: bool = False):
    """One item of a bulleted list (List Bullet style, List Bullet 2 when nested)."""
    base = "List Number" if numbered else "List Bullet"
    style = base if level == 1 else f"{base} {level}"
    return paragraph(doc, text, lead=lead, style=style)


def _field(run, instruction: str) -> None:
    """A Word field (PAGE, NUMPAGES) in a run: Word fills it in when it lays out the page."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    for kind, text in (("begin", None), ("instr", instruction), ("separate", None), ("end", None)):
        if kind == "instr":
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = f" {text} "
        else:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        run._r.append(el)
        if kind == "separate":
            t = OxmlElement("w:t")
            t.text = "1"
            run._r.append(t)


def page_footer(doc, text: str) -> None:
    """'Name · page 2 of 3' at the foot of every page, small and grey."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt, RGBColor

    footer = doc.sections[0].footer
    p = footer.paragraphs[0] if footer.paragraphs else footer.add_paragraph()
    style = doc.styles["Footer"]
    style.font.size = Pt(8.5)
    style.font.color.rgb = RGBColor(0x5D, 0x66, 0x73)
    p.style = style
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    parts = [(one_line(text) + " · page ", None), ("", "PAGE"), (" of ", None), ("", "NUMPAGES")]
    for words, instruction in parts:
        run = p.add_run(words)
        run.font.size = Pt(8.5)
        run.font.color.rgb = RGBColor(0x5D, 0x66, 0x73)
        if instruction:
            _field(run, instruction)


def hyperlink(paragraph, text: str, url: str, *, colour: str = "1F4E79"):
    """A live link in a paragraph (python-docx has no API for one: the XML is written here)."""
    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    rel = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rel)
    run = OxmlElement("w:r")
    props = OxmlElement("w:rPr")
    color = OxmlElement("w:color")
    color.set(qn("w:val"), colour)
    props.append(color)
    run.append(props)
    t = OxmlElement("w:t")
    t.text = clean(text)
    t.set(qn("xml:space"), "preserve")
    run.append(t)
    link.append(run)
    paragraph._p.append(link)
    return link


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
