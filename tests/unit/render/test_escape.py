"""User text renders as typed in every format: Typst (through the real compiler), Markdown
(through a CommonMark parser) and HTML (Jinja autoescape)."""

from __future__ import annotations

import io
import re

import pytest

from careerkit.render import escape as E

NASTY = [
    "# Not a heading",
    "*bold?* and _under_score_ and snake_case_name",
    "<script>alert('x')</script>",
    "Budget $5,000 to $7,500 and $x^2$",
    "back\\slash and \\textbf{x} and C:\\Users\\",
    "@label and email a.b@example.org",
    "[link](https://example.org) and ![img](x.png)",
    "- not a list",
    "1. not a list either",
    "= heading? + plus / slash // comment /* block */",
    "`code` ~tilde~ | pipe | &amp; &copy;",
    "quotes \"double\" and 'single' -- and --- dashes",
    "#let x = 1 #{x} {{ jinja }} {% raw %}",
]


def _typst_text(source: str) -> str:
    import pypdf

    from careerkit.render.pdf import to_pdf

    pdf = to_pdf("#set page(width: 30cm, height: auto, margin: 1cm)\n#set text(size: 8pt)\n" + source)
    return pypdf.PdfReader(io.BytesIO(pdf)).pages[0].extract_text()


def _norm(text: str) -> str:
    # Typst sets straight quotes as typographic ones; spaces may differ in extraction.
    text = text.replace("\u201c", '"').replace("\u201d", '"').replace("\u2018", "'").replace("\u2019", "'")
    return re.sub(r"\s+", " ", text).strip()


@pytest.mark.parametrize("text", NASTY)
def test_typst_renders_as_typed(text):
    assert _norm(_typst_text(E.typst(text))) == _norm(text)


def test_typst_block_keeps_paragraphs_and_strings_are_literals():
    assert E.typst_block("one *a*\n\n\ntwo\nlines") == "one \\*a\\*\n\ntwo lines"
    assert E.typst_string('say "hi" \\ there') == '"say \\"hi\\" \\\\ there"'
    assert _norm(_typst_text("#text(" + E.typst_string('a "b" \\c') + ")")) == 'a "b" \\c'


def _markdown_text(source: str) -> str:
    from markdown_it import MarkdownIt

    html = MarkdownIt("commonmark").render(source)
    # What a reader sees: the HTML's text, with tags dropped and entities read.
    import html as H

    assert "<script" not in html and "<em>" not in html and "<strong>" not in html
    assert (
        "<a " not in html
        and "<img" not in html
        and "<h1" not in html
        and "<ol" not in html
        and "<ul" not in html
        and "<code" not in html
        and "<blockquote" not in html
    )
    return H.unescape(re.sub(r"<[^>]+>", "", html))


@pytest.mark.parametrize("text", NASTY)
def test_markdown_renders_as_typed(text):
    assert _norm(_markdown_text(E.markdown(text))) == _norm(text)


def test_markdown_stays_readable_as_plain_text():
    # Ordinary prose gets no backslashes.
    plain = "Led a 14-teacher PLC; pass rate up 11 points (41% to 58%), Grades 6-8."
    assert E.markdown(plain) == plain


def test_html_escape():
    assert E.html("<b>&</b>") == "&lt;b&gt;&amp;&lt;/b&gt;"


def test_control_characters_and_line_ends_are_cleaned():
    assert E.one_line("a\r\nb\x00c\x1b  d\t\te") == "a bc d e"
    assert E.paragraphs("p1 line\r\n\r\np2") == ["p1 line", "p2"]
    assert E.typst(None) == "" and E.markdown(None) == ""


def test_environment_filters_and_strict_undefined():
    from jinja2 import UndefinedError

    from careerkit.render.env import _autoescape, environment

    env = environment()
    assert env.from_string("{{ x|typst }}|{{ x|md }}").render(x="*a*") == "\\*a\\*|\\*a\\*"
    assert env.from_string("{{ none_value }}").render(none_value=None) == ""
    with pytest.raises(UndefinedError):
        env.from_string("{{ missing }}").render()
    assert (
        _autoescape("resume.html.j2") and not _autoescape("resume.typ.j2") and not _autoescape("resume.md.j2")
    )


def test_dates_read_as_people_write_them():
    from careerkit.render.fmt import date_range, join_words, month_year

    assert month_year("2016-08-15") == "Aug 2016" and month_year("2016") == "2016"
    assert date_range("2014-08", "2016-06") == "Aug 2014 – Jun 2016"
    assert date_range("2021-08", None) == "Aug 2021 – present"
    assert join_words(["a", "b", "c"]) == "a, b and c"


def test_docx_helpers_write_real_headings_lists_and_properties():
    import docx

    from careerkit.render import docx as D

    doc = D.new_document(title="Resume <x>", author="Alex", subject="Resume", keywords=["a", "b"])
    D.title(doc, "Alex Morgan")
    D.heading(doc, "Experience", 1)
    D.dated_line(doc, "Teacher", "Aug 2016 – present", detail="Riverside")
    D.bullet(doc, "Led \x07 the *PLC*")
    D.heading(doc, "Sub", 2)
    back = docx.Document(io.BytesIO(D.to_bytes(doc)))
    styles = [(p.style.name, p.text) for p in back.paragraphs]
    assert styles == [
        ("Title", "Alex Morgan"),
        ("Heading 1", "Experience"),
        ("Normal", "Teacher, Riverside\tAug 2016 – present"),
        ("List Bullet", "Led  the *PLC*"),
        ("Heading 2", "Sub"),
    ]
    assert back.core_properties.title == "Resume <x>"
    assert back.core_properties.author == "Alex" and back.core_properties.keywords == "a, b"


def test_very_long_words_may_break_in_typst():
    word = "x" * 40
    assert E.typst(word) == "\u200b".join(["x" * 15, "x" * 15, "x" * 10])
    assert E.typst("ordinary words stay as typed") == "ordinary words stay as typed"
    # The break is invisible: the words read the same.
    assert _norm(_typst_text(E.typst("Built " + word + " thing"))).replace("\u200b", "").replace(" ", "") == (
        "Built" + word + "thing"
    )
