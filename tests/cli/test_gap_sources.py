"""`gap analyze` reads postings as they arrive: PDF and Word files in several layouts, text in
Windows-1252 or UTF-16, saved web pages of any markup, and huge inputs without reading them
whole. Each through the command line, on files generated here."""

from __future__ import annotations

import json
import tracemalloc

import pytest

TITLE = "Assistant Principal"
ORG = "Northfield Public Schools"
DUTIES = [
    "Supervises student discipline and attendance for grades 6-8.",
    "Coordinates the campus testing program and trains the test administrators.",
    "Leads professional learning communities for the mathematics department.",
    "Evaluates teachers using the district appraisal system.",
    "Prepares the master schedule with the counselors each spring.",
    "Serves as the campus contact for special education compliance.",
]
QUALS = [
    ("Master's degree in educational leadership", "E"),
    ("Valid state principal certificate", "E"),
    ("Five years of successful classroom teaching experience", "E"),
    ("Experience leading a grade-level or department team", "E"),
    ("Bilingual in Spanish and English", "D"),
]


def _text_version(layout: str) -> str:
    duties = "\n".join(f"- {d}" for d in DUTIES)
    if layout == "table":
        rows = "\n".join(f"| {q} | {m} |" for q, m in QUALS)
        quals = f"Person specification\n\n| Criteria | E/D |\n| --- | --- |\n{rows}\n"
    elif layout == "tick-table":
        rows = "\n".join(f"| {q} | {'✓' if m == 'E' else ''} | {'✓' if m == 'D' else ''} |" for q, m in QUALS)
        quals = f"Person specification\n\n| Criteria | Essential | Desirable |\n| --- | --- | --- |\n{rows}\n"
    else:
        quals = "Qualifications\n\n" + "\n".join(
            f"- {q}{' preferred' if m == 'D' else ''}." for q, m in QUALS
        )
    return f"{TITLE}\n{ORG}\n\nResponsibilities\n\n{duties}\n\n{quals}\n"


def _items(data) -> list[tuple[str, str, str]]:
    def plain(t: str) -> str:
        return " ".join(t.replace("’", "'").replace("‘", "'").rstrip(". ").split())

    return [(plain(r["text"]), r["must"], r["type"]) for r in data["requirements"]]


def _expected(cli, layout, tmp_path):
    path = tmp_path / f"{layout}.txt"
    path.write_text(_text_version(layout), encoding="utf-8")
    return _items(cli.json("gap", "analyze", str(path)))


# --- PDF ------------------------------------------------------------------------------------


def _esc(s: str) -> str:
    return "".join("\\" + c if c in "\\#$*_@<>[]`~=-+/" else c for c in s)


def _pdf(tmp_path, layout: str):
    import typst

    head = "#set page(width: 21cm, height: 29.7cm, margin: 2cm)\n#set text(size: 10pt)\n"
    title = f"#text(size: 16pt)[{_esc(TITLE)}]\n\n{_esc(ORG)}\n\n"
    duties = "\n".join(f"- {_esc(d)}" for d in DUTIES)
    quals = "\n".join(f"- {_esc(q)}{' preferred' if m == 'D' else ''}." for q, m in QUALS)
    if layout == "one":
        src = f"{head}{title}== Responsibilities\n{duties}\n\n== Qualifications\n{quals}\n"
    elif layout == "two":
        # text drawn line by line across both columns, as some word processors write it: read in
        # stream order, the two columns' lines interleave
        import textwrap

        left = ["Responsibilities"] + [ln for d in DUTIES for ln in textwrap.wrap("• " + d, 40)]
        right = ["Qualifications"] + [
            ln for q, m in QUALS for ln in textwrap.wrap(f"• {q}{' preferred' if m == 'D' else ''}.", 40)
        ]
        src = head + f"#place(dx: 0cm, dy: 0cm)[#text(size: 16pt)[{_esc(TITLE)}]]\n"
        src += f"#place(dx: 0cm, dy: 1cm)[{_esc(ORG)}]\n"
        for i in range(max(len(left), len(right))):
            y = 2.2 + i * 0.5
            if i < len(left):
                src += f"#place(dx: 0cm, dy: {y}cm)[{_esc(left[i])}]\n"
            if i < len(right):
                src += f"#place(dx: 9cm, dy: {y}cm)[{_esc(right[i])}]\n"
    elif layout == "flow-columns":
        src = head.replace("margin: 2cm", "margin: 2cm, columns: 2") + (
            f"{title}== Responsibilities\n{duties}\n\n#colbreak()\n== Qualifications\n{quals}\n"
        )
    elif layout == "tick-table":  # ticks under Essential or Desirable: the column says which
        cells = ", ".join(
            f"[{_esc(q)}], [{'✓' if m == 'E' else ''}], [{'✓' if m == 'D' else ''}]" for q, m in QUALS
        )
        src = (
            f"{head}{title}== Responsibilities\n{duties}\n\n== Person specification\n"
            f"#table(columns: (4fr, 1fr, 1fr), [Criteria], [Essential], [Desirable], {cells})\n"
        )
    else:  # a table of qualifications
        cells = ", ".join(f"[{_esc(q)}], [{m}]" for q, m in QUALS)
        src = (
            f"{head}{title}== Responsibilities\n{duties}\n\n== Person specification\n"
            f"#table(columns: (4fr, 1fr), [Criteria], [E/D], {cells})\n"
        )
    path = tmp_path / f"{layout}.typ"
    path.write_text(src, encoding="utf-8")
    out = tmp_path / f"{layout}.pdf"
    out.write_bytes(typst.compile(str(path)))
    return out


@pytest.mark.parametrize("layout", ["one", "two", "flow-columns", "table", "tick-table"])
def test_a_pdf_gives_the_requirements_of_its_text(cli, tmp_path, layout):
    pdf = _pdf(tmp_path, layout)
    got = _items(cli.json("gap", "analyze", str(pdf)))
    expected = _expected(cli, layout if "table" in layout else "one", tmp_path)
    assert got == expected
    assert len(got) == len(DUTIES) + len(QUALS)
    assert [must for _, must, _ in got].count("preferred") == 1  # the bilingual line
    assert pdf.name in [row["source"] for row in cli.json("gap", "list")]


def test_a_very_long_pdf_is_read_to_its_twentieth_page_saying_so(cli, tmp_path):
    import typst

    doc = tmp_path / "handbook.typ"
    body = "\n#pagebreak()\n".join(f"- Duty number {i} of the handbook role." for i in range(1, 31))
    doc.write_text(f"#set page(width: 10cm, height: 5cm)\n== Duties\n{body}\n")
    pdf = tmp_path / "handbook.pdf"
    pdf.write_bytes(typst.compile(str(doc)))
    r = cli("gap", "analyze", str(pdf), "--json")
    assert r.exit_code == 0, r.stderr
    assert "read its first 20 pages" in r.stderr
    assert len(json.loads(r.stdout)["requirements"]) == 20


def test_a_pdf_of_scanned_pages_says_so(cli, tmp_path):
    import typst

    page = tmp_path / "page.typ"
    page.write_text("#set page(width: 10cm, height: 6cm)\nQualifications: a master's degree\n")
    (tmp_path / "scan.png").write_bytes(typst.compile(str(page), format="png", ppi=72))
    doc = tmp_path / "scan.typ"
    doc.write_text('#set page(width: 21cm, height: 29.7cm)\n#image("scan.png", width: 100%)\n')
    pdf = tmp_path / "scanned.pdf"
    pdf.write_bytes(typst.compile(str(doc)))
    r = cli("gap", "analyze", str(pdf))
    assert r.exit_code == 1
    assert r.stderr.startswith("error:") and "scanned images" in r.stderr and "OCR" in r.stderr
    assert cli.json("gap", "list") == []


def test_a_damaged_pdf_is_one_clear_error(cli, tmp_path):
    good = _pdf(tmp_path, "one").read_bytes()
    bad = tmp_path / "damaged.pdf"
    bad.write_bytes(good[:200] + b"\x00garbage" * 50)
    r = cli("gap", "analyze", str(bad))
    assert r.exit_code == 1
    assert r.stderr.startswith("error:") and "damaged.pdf" in r.stderr and "Traceback" not in r.stderr


# --- Word -------------------------------------------------------------------------------------


def _docx(tmp_path, layout: str):
    from docx import Document
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    doc = Document()
    doc.add_heading(TITLE, level=1)
    doc.add_paragraph(ORG)
    if layout == "layout-table":  # two columns set as a one-row table of two long cells
        table = doc.add_table(rows=1, cols=2)
        left, right = table.rows[0].cells
        left.paragraphs[0].text = "Responsibilities"
        for d in DUTIES:
            left.add_paragraph(d, style="List Bullet")
        right.paragraphs[0].text = "Qualifications"
        for q, m in QUALS:
            right.add_paragraph(f"{q}{' preferred' if m == 'D' else ''}.", style="List Bullet")
    else:
        doc.add_heading("Responsibilities", level=2)
        for d in DUTIES:
            doc.add_paragraph(d, style="List Bullet")
        if layout == "table":
            doc.add_heading("Person specification", level=2)
            table = doc.add_table(rows=1, cols=2)
            table.rows[0].cells[0].text, table.rows[0].cells[1].text = "Criteria", "E/D"
            for q, m in QUALS:
                row = table.add_row().cells
                row[0].text, row[1].text = q, m
        else:
            doc.add_heading("Qualifications", level=2)
            for q, m in QUALS:
                doc.add_paragraph(f"{q}{' preferred' if m == 'D' else ''}.", style="List Bullet")
    if layout == "text-box":  # the qualifications in a text box beside the duties, with its VML copy
        from docx.oxml import parse_xml

        w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
        paras = "".join(
            f'<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>'
            f"<w:r><w:t>{q}{' preferred' if m == 'D' else ''}.</w:t></w:r></w:p>"
            for q, m in QUALS
        ).replace("'", "&apos;")
        box = f"<w:txbxContent><w:p><w:r><w:t>Qualifications</w:t></w:r></w:p>{paras}</w:txbxContent>"
        run = parse_xml(
            f'<w:r xmlns:w="{w}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
            f'xmlns:v="urn:schemas-microsoft-com:vml"><mc:AlternateContent><mc:Choice Requires="wps">'
            f"<w:drawing>{box}</w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>{box}"
            f"</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>"
        )
        body = doc.element.body
        paragraphs = body.xpath("./w:p")
        for p in paragraphs[-len(QUALS) - 1 :]:  # the qualifications move into the box
            body.remove(p)
        holder = doc.add_paragraph()
        holder._p.append(run)
    if layout == "two":  # the page set in two newspaper columns
        cols = OxmlElement("w:cols")
        cols.set(qn("w:num"), "2")
        doc.sections[0]._sectPr.append(cols)
    path = tmp_path / f"{layout}.docx"
    doc.save(str(path))
    return path


@pytest.mark.parametrize("layout", ["one", "two", "layout-table", "table", "text-box"])
def test_a_word_file_gives_the_requirements_of_its_text(cli, tmp_path, layout):
    path = _docx(tmp_path, layout)
    got = _items(cli.json("gap", "analyze", str(path)))
    assert got == _expected(cli, "table" if layout == "table" else "one", tmp_path)
    assert len(got) == len(DUTIES) + len(QUALS)
    assert [must for _, must, _ in got].count("preferred") == 1  # the bilingual line


def test_a_zip_that_is_not_a_word_file_is_one_clear_error(cli, tmp_path):
    import zipfile

    path = tmp_path / "posting.docx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("hello.txt", "not a document")
    r = cli("gap", "analyze", str(path))
    assert r.exit_code == 1 and r.stderr.startswith("error:") and "Word" in r.stderr


def test_an_old_word_file_says_to_save_it_as_docx(cli, tmp_path):
    path = tmp_path / "posting.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    r = cli("gap", "analyze", str(path))
    assert r.exit_code == 1 and ".docx" in r.stderr and "posting.doc" in r.stderr


def test_an_opendocument_file_is_one_clear_error(cli, tmp_path):
    import zipfile

    path = tmp_path / "posting.odt"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        z.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Override PartName="/content.xml" ContentType="application/vnd.oasis.opendocument.text"/></Types>',
        )
        z.writestr("content.xml", "<x/>")
    r = cli("gap", "analyze", str(path))
    assert r.exit_code == 1 and r.stderr.startswith("error:") and "Word" in r.stderr


# --- encodings --------------------------------------------------------------------------------

PASTE = (
    "Instructional Coach\n\nQualifications\n"
    "- Valid teaching certificate – “Professional” level preferred.\n"
    "- Three years’ experience as a classroom teacher.\n"
)


def test_windows_1252_standard_input_is_read_and_the_encoding_named(cli):
    r = cli("gap", "analyze", "-", "--json", input=PASTE.encode("cp1252"))
    assert r.exit_code == 0, r.stderr
    assert "Windows-1252" in r.stderr and "not UTF-8" in r.stderr
    texts = [x["text"] for x in json.loads(r.stdout)["requirements"]]
    assert "Three years’ experience as a classroom teacher." in texts


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be"])
def test_a_utf16_posting_with_a_byte_order_mark_is_read(cli, tmp_path, codec):
    path = tmp_path / "notepad-unicode.txt"
    data = PASTE.encode(codec)
    if codec == "utf-16-be":
        data = b"\xfe\xff" + data
    path.write_bytes(data)
    r = cli("gap", "analyze", str(path), "--json")
    assert r.exit_code == 0, r.stderr
    texts = [x["text"] for x in json.loads(r.stdout)["requirements"]]
    assert "Three years’ experience as a classroom teacher." in texts
    assert r.stderr == ""


# --- saved web pages and size -----------------------------------------------------------------

PAGE = (
    "<html><body><h1>Instructional Coach</h1><h2>Qualifications</h2><ul>"
    "<li>Minimum of three years of classroom teaching experience required</li>"
    "<li>Experience facilitating professional learning communities</li></ul>"
)


@pytest.mark.parametrize(
    "junk",
    ['<div class="' + 'a="x ' * 58_000, "<!--" * 50_000, "<" * 290_000, "<div>" * 60_000],
    ids=["unclosed-attributes", "open-comments", "angle-brackets", "deep-nesting"],
)
def test_malformed_markup_still_gives_the_page_text(cli, tmp_path, junk, monkeypatch):
    """The work is bounded by the parser used, not by a clock: the standard library's
    html.parser (quadratic on such markup) is never called; libxml2 recovers in linear time."""
    import html.parser

    def refuse(self, data):
        raise AssertionError("html.parser was used")

    monkeypatch.setattr(html.parser.HTMLParser, "feed", refuse)
    page = tmp_path / "saved.html"
    page.write_text(PAGE + junk, encoding="utf-8")
    data = cli.json("gap", "analyze", str(page))
    assert [r["text"] for r in data["requirements"]] == [
        "Minimum of three years of classroom teaching experience required",
        "Experience facilitating professional learning communities",
    ]


def test_the_size_limit_applies_to_a_pages_text_not_its_markup(cli, tmp_path):
    styled = '<span class="s1" style="color:#000;font-family:Arial">'
    filler = "".join(f"<div>{styled}</span></div>" for _ in range(8_000))  # ~600 KB of markup
    page = tmp_path / "saved.html"
    page.write_text(PAGE + filler + "</body></html>", encoding="utf-8")
    assert page.stat().st_size > 400_000
    data = cli.json("gap", "analyze", str(page))
    assert len(data["requirements"]) == 2


def test_a_huge_file_is_refused_without_being_read_whole(cli, tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as f:
        f.write(b"Qualifications\n- Master's degree\n")
        f.truncate(150_000_000)  # sparse: costs no disk
    tracemalloc.start()
    try:
        r = cli("gap", "analyze", str(path))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert r.exit_code == 1 and "larger than 5 MB" in r.stderr
    assert peak < 40_000_000  # the cap (5 MB) and one byte, not 150 MB


def test_huge_standard_input_is_refused(cli):
    r = cli("gap", "analyze", "-", input="- Lead coaching cycles\n" * 250_000)  # ~5.5 MB
    assert r.exit_code == 1 and "larger than 5 MB" in r.stderr
    assert cli.json("gap", "list") == []
