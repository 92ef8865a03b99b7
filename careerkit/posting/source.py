"""A posting's file or standard input (bytes) -> its text: plain text in any common encoding,
a saved web page, a PDF or a Word file. Pure and bounded; an unreadable input is one
InvalidInput naming what is wrong.

    posting = read_posting(data, "posting.pdf")   # Posting(text, note)

PDF: pdfminer.six's layout analysis gives each line of text with its position; the lines are put
in reading order here (a page set in two columns is read column by column, a table row by row
with its cells tab-separated), which pypdf's stream-order text does not do (it interleaves the
lines of two columns). DOCX: python-docx, paragraphs and tables in document order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from io import BytesIO

from careerkit.errors import InvalidInput

MAX_TEXT_BYTES = 5_000_000  # a saved web page, scripts and styles included
MAX_DOC_BYTES = 20_000_000  # a PDF or Word file, images included
MAX_PAGES = 20  # a posting is a few pages; a longer PDF (a handbook) is read this far

PDF_MAGIC = b"%PDF-"
ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Word 97-2003


@dataclass
class Posting:
    text: str
    note: str | None = None  # what the reader assumed ("read as Windows-1252"), said to the user


def cap_for(head: bytes) -> int:
    """The most bytes worth reading for an input that starts with these bytes."""
    return MAX_DOC_BYTES if head.startswith((PDF_MAGIC, ZIP_MAGIC)) else MAX_TEXT_BYTES


def read_posting(data: bytes, name: str = "the posting") -> Posting:
    """The posting's text from its bytes (at most cap_for(data) of them)."""
    if len(data) > cap_for(data[:8]):
        limit = cap_for(data[:8]) // 1_000_000
        raise InvalidInput(f"{name} is larger than {limit} MB: a posting is a few pages")
    if data.startswith(PDF_MAGIC):
        text = pdf_text(data, name)
        pages = text.count("\f") + 1
        note = f"{name}: read its first {MAX_PAGES} pages" if pages >= MAX_PAGES else None
        return Posting(text.replace("\f", "\n\n"), note)
    if data.startswith(ZIP_MAGIC):
        return Posting(docx_text(data, name))
    if data.startswith(OLE_MAGIC):
        raise InvalidInput(f"{name} is an old Word (.doc) file: save it as .docx or PDF and try again")
    text, note = decode(data, name)
    from careerkit.posting.normalise import looks_like_html, page_text

    if looks_like_html(text):
        text = page_text(text)  # the size limit then applies to the page's text, not its markup
    return Posting(text, note)


# --- plain text -----------------------------------------------------------------------------

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig", None),
    (b"\xff\xfe\x00\x00", "utf-32", "UTF-32"),
    (b"\x00\x00\xfe\xff", "utf-32", "UTF-32"),
    (b"\xff\xfe", "utf-16", "UTF-16"),
    (b"\xfe\xff", "utf-16", "UTF-16"),
)
_NAMES = {
    "cp1252": "Windows-1252",
    "cp1250": "Windows-1250",
    "cp1251": "Windows-1251",
    "latin_1": "Latin-1 (ISO-8859-1)",
    "iso8859_15": "Latin-9 (ISO-8859-15)",
    "mac_roman": "Mac Roman",
    "utf_16": "UTF-16",
    "utf_16_le": "UTF-16",
    "utf_16_be": "UTF-16",
}


def decode(data: bytes, name: str = "the posting") -> tuple[str, str | None]:
    """Text from bytes: a byte-order mark says the encoding (Notepad's "Unicode" is UTF-16);
    else UTF-8; else the encoding charset-normalizer finds most likely, named in the note."""
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec), None
            except UnicodeDecodeError:
                raise InvalidInput(
                    f"{name} says it is {label or 'UTF-8'} but is not valid {label or 'UTF-8'}"
                ) from None
    wide = _utf16_without_bom(data[:8192])
    if wide:
        try:
            return data.decode(wide), None
        except UnicodeDecodeError:
            pass
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        if "\x00" in text[:8192]:
            raise InvalidInput(f"{name} is binary data, not text (save it as text, PDF or Word)")
        return text, None
    if b"\x00" in data[:8192]:
        raise InvalidInput(f"{name} is binary data, not text (save it as text, PDF or Word)")
    from charset_normalizer import from_bytes

    best = from_bytes(data[:MAX_TEXT_BYTES]).best()
    encoding = best.encoding if best is not None else "cp1252"
    implausible = encoding.startswith(("utf_16", "utf_32")) and b"\x00" not in data  # UTF-16 text has NULs
    if best is None or implausible or _latin_only(str(best)):
        # the Western code pages (1252, 1250, 850, Latin-1 ...) cannot be told apart on a short
        # paste in a language written in Latin letters: a paste from Windows is Windows-1252
        try:
            data.decode("cp1252")
            encoding = "cp1252"
        except UnicodeDecodeError:
            pass
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        encoding, text = "cp1252", data.decode("cp1252", "replace")
    label = _NAMES.get(encoding, encoding.replace("_", "-").upper())
    return text, f"{name} is not UTF-8: read it as {label}"


def _utf16_without_bom(head: bytes) -> str | None:
    """UTF-16 text of a Latin-script language without its byte-order mark: every other byte is
    zero (the high byte of each character)."""
    if len(head) < 16:
        return None
    head = head[: len(head) // 2 * 2]
    even, odd = head[0::2], head[1::2]
    if odd.count(0) >= 0.9 * len(odd) and even.count(0) <= 0.1 * len(even):
        return "utf-16-le"
    if even.count(0) >= 0.9 * len(even) and odd.count(0) <= 0.1 * len(odd):
        return "utf-16-be"
    return None


def _latin_only(text: str) -> bool:
    import unicodedata

    return all(
        unicodedata.name(c, "LATIN").startswith("LATIN")
        for c in text[:20_000]
        if c.isalpha() and ord(c) > 127
    )


# --- PDF --------------------------------------------------------------------------------------


@dataclass
class _Line:
    x0: float
    x1: float
    top: float
    bottom: float
    text: str


def pdf_text(data: bytes, name: str = "the PDF") -> str:
    """A PDF's text in reading order; a PDF of scanned pages (no text layer) is refused, saying so."""
    import struct
    import zlib

    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LAParams
    from pdfminer.psparser import PSException

    pages: list[str] = []
    images = 0
    try:
        for page in extract_pages(BytesIO(data), laparams=LAParams(), maxpages=MAX_PAGES):
            lines, pics = _page_lines(page)
            images += pics
            pages.append(_reading_order(lines, page.width))
    except PSException as e:  # pdfminer's own: damaged, encrypted, extraction not allowed
        raise InvalidInput(f"{name} cannot be read as a PDF ({_pdf_reason(e)})") from None
    except (ValueError, KeyError, TypeError, IndexError, AttributeError, struct.error, zlib.error):
        # what pdfminer raises on a file damaged in ways it does not check for
        raise InvalidInput(f"{name} is a damaged PDF: open it and save or print it as a new PDF") from None
    text = "\f".join(pages)  # one form feed between pages
    if not text.strip():
        if images:
            raise InvalidInput(
                f"{name} holds only scanned images (no text layer): run it through OCR, or copy the "
                "posting's text from where it was published"
            )
        raise InvalidInput(f"{name} has no text in it")
    return text


def _pdf_reason(e: Exception) -> str:
    kind = type(e).__name__
    if "Password" in kind or "Encryption" in kind:
        return "it is protected by a password"
    if "NotAllowed" in kind:
        return "its author does not allow copying its text"
    return "it is damaged"


def _page_lines(page) -> tuple[list[_Line], int]:
    from pdfminer.layout import LTFigure, LTImage, LTTextContainer, LTTextLine

    lines: list[_Line] = []
    images = 0
    stack = list(page)
    while stack:
        obj = stack.pop()
        if isinstance(obj, LTTextLine):
            text = obj.get_text().strip()
            if text:
                lines.append(_Line(obj.x0, obj.x1, page.height - obj.y1, page.height - obj.y0, text))
        elif isinstance(obj, LTImage):
            images += 1
        elif isinstance(obj, (LTTextContainer, LTFigure)):
            stack.extend(obj)
    return lines, images


def _reading_order(lines: list[_Line], width: float) -> str:
    """Lines of one page -> text: where a gutter runs down part of the page between two columns
    of text, that part is read column by column; the rest row by row (a table's cells on one row
    are joined by tabs, which the posting reader takes as table cells)."""
    lines.sort(key=lambda ln: (ln.top, ln.x0))
    gutter = _gutter(lines, width)
    if gutter is None:
        return _rows_text(lines)
    out: list[str] = []
    band: list[_Line] = []
    for ln in lines:
        if ln.x0 < gutter < ln.x1:  # a line across the gutter (a title, a full-width heading)
            if band:
                out.append(_band_text(band, gutter))
                band = []
            out.append(_rows_text([ln]))
        else:
            band.append(ln)
    if band:
        out.append(_band_text(band, gutter))
    return "\n\n".join(x for x in out if x)


def _band_text(band: list[_Line], gutter: float) -> str:
    left = [ln for ln in band if ln.x1 <= gutter]
    right = [ln for ln in band if ln.x0 >= gutter]
    return "\n\n".join(x for x in (_rows_text(left), _rows_text(right)) if x)


def _gutter(lines: list[_Line], width: float) -> float | None:
    """An x between two columns of running text: no line crosses it for most of the page and
    both sides hold several long lines (a table's narrow mark column is not a column of text)."""
    if len(lines) < 6:
        return None
    best: tuple[int, float] | None = None
    for step in range(20, 81, 2):
        x = width * step / 100
        crossing = sum(1 for ln in lines if ln.x0 < x < ln.x1)
        left = [ln for ln in lines if ln.x1 <= x]
        right = [ln for ln in lines if ln.x0 >= x]
        if crossing > 0.25 * len(lines) or len(left) < 3 or len(right) < 3:
            continue
        long_left = sum(1 for ln in left if len(ln.text) >= 25)
        long_right = sum(1 for ln in right if len(ln.text) >= 25)
        if long_left < 3 or long_right < 3 or long_right < 0.3 * len(right):
            continue
        # rows: in a table most right-hand lines sit on a left-hand line's row
        shared = sum(1 for r in right if any(abs(r.top - lft.top) < 2 for lft in left))
        if shared > 0.8 * len(right) and sum(len(r.text) for r in right) < 0.5 * sum(
            len(lft.text) for lft in left
        ):
            continue
        if best is None or crossing < best[0]:
            best = (crossing, x)
    return best[1] if best else None


def _rows_text(lines: list[_Line]) -> str:
    """Lines -> rows (lines on the same baseline are one row's cells) -> text, with a blank line
    where the gap between rows is wider than a line's height (a new paragraph or section)."""
    if not lines:
        return ""
    lines = sorted(lines, key=lambda ln: (ln.top, ln.x0))
    rows: list[list[_Line]] = []
    for ln in lines:
        height = max(ln.bottom - ln.top, 1.0)
        if rows and abs(rows[-1][0].top - ln.top) < 0.5 * height:
            rows[-1].append(ln)
        else:
            rows.append([ln])
    heights = sorted(max(r[0].bottom - r[0].top, 1.0) for r in rows)
    line_height = heights[len(heights) // 2]
    out: list[str] = []
    prev_bottom: float | None = None
    anchors: list[float] = []  # where the columns of a table with a header row start
    for row in rows:
        row.sort(key=lambda ln: ln.x0)
        top = min(ln.top for ln in row)
        if prev_bottom is not None and top - prev_bottom > 0.9 * line_height:
            out.append("")
        cells = [re.sub(r"\s+", " ", ln.text) for ln in row]
        if len(row) >= 2 and any(_COLUMN_HEAD.match(c) for c in cells[1:]):
            anchors = [ln.x0 for ln in row]
        elif anchors and len(row) >= 2:
            cells = _in_columns(row, anchors)  # "Degree ... ✓" under Desirable keeps its column
        out.append("\t".join(cells))
        prev_bottom = max(ln.bottom for ln in row)
    return "\n".join(out)


# a table's header cell naming a column of marks
_COLUMN_HEAD = re.compile(
    r"^\s*(?:essential|desirable|required|preferred|e|d|e\s*/\s*d|essential\s*/\s*desirable)\s*$", re.I
)


def _in_columns(row: list[_Line], anchors: list[float]) -> list[str]:
    """A row's cells placed under the header's columns (an empty cell stays an empty column)."""
    cells = [""] * len(anchors)
    for ln in row:
        nearest = min(range(len(anchors)), key=lambda i: abs(anchors[i] - ln.x0))
        text = re.sub(r"\s+", " ", ln.text)
        cells[nearest] = f"{cells[nearest]} {text}".strip()
    return cells


# --- Word -------------------------------------------------------------------------------------


def docx_text(data: bytes, name: str = "the Word file") -> str:
    """A .docx file's text: paragraphs in order (headings as '## ', list paragraphs as bullets),
    tables row by row as '| a | b |' (a layout table of long cells is read cell by cell)."""
    import zipfile

    from docx import Document
    from docx.opc.exceptions import PackageNotFoundError
    from lxml.etree import XMLSyntaxError

    try:
        doc = Document(BytesIO(data))
        text = "\n".join(_docx_blocks(doc))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, XMLSyntaxError):
        # ValueError: a zip of another kind (an OpenDocument file, an .xlsx)
        raise InvalidInput(f"{name} is not a Word (.docx) file, or is damaged") from None
    if not text.strip():
        raise InvalidInput(f"{name} has no text in it")
    return text


def _docx_blocks(doc) -> list[str]:
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    out: list[str] = []
    for el in doc.element.body.iterchildren():
        tag = el.tag.rsplit("}", 1)[-1]
        if tag == "p":
            out.append(_docx_paragraph(Paragraph(el, doc)))
            # text boxes anchored in the paragraph (a flyer's side panel), read after it; the
            # VML fallback copy of a box is the same text again
            for box in el.xpath(_TEXT_BOXES):
                out.extend(_docx_paragraph(Paragraph(p, doc)) for p in box.xpath('./*[local-name()="p"]'))
                out.append("")
        elif tag == "tbl":
            out.extend(_docx_table(Table(el, doc)))
            out.append("")
    return out


_TEXT_BOXES = './/*[local-name()="txbxContent"][not(ancestor::*[local-name()="Fallback"])]'


def _docx_paragraph(p) -> str:
    text = p.text.strip()
    if not text:
        return ""
    style = (p.style.name or "") if p.style is not None else ""
    if style.startswith(("Heading", "Title")):
        return f"\n## {text}"
    ppr = p._p.pPr
    if (ppr is not None and ppr.numPr is not None) or style.startswith("List"):
        return f"• {text}"
    return text


def _docx_table(table) -> list[str]:
    rows = [[cell for cell in row.cells] for row in table.rows]
    layout = any(
        len([p for p in cell.paragraphs if p.text.strip()]) > 1 or len(cell.text) > 300
        for row in rows
        for cell in row
    )
    out: list[str] = []
    if layout:  # a table used to set text in columns: each cell in turn, left to right
        seen: set[int] = set()
        for col in range(max((len(r) for r in rows), default=0)):
            for row in rows:
                if col < len(row) and id(row[col]._tc) not in seen:
                    seen.add(id(row[col]._tc))
                    out.extend(_docx_paragraph(p) for p in row[col].paragraphs)
                    out.append("")
        return out
    for row in rows:
        cells: list[str] = []
        last = None
        for cell in row:
            if cell._tc is last:  # a merged cell repeats across the columns it spans
                continue
            last = cell._tc
            cells.append(" ".join(cell.text.split()))
        if any(cells):
            out.append("| " + " | ".join(cells) + " |")
    return out
