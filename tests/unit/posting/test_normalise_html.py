"""Saved web pages are read by libxml2 (through lxml), whose recovery from malformed markup is
linear in the page's length; the standard library's html.parser (88 s on 290 KB of unclosed
attributes) is not used at all."""

from __future__ import annotations

import html.parser

import pytest

from careerkit.posting.normalise import html_to_text, page_text


@pytest.fixture
def no_stdlib_parser(monkeypatch):
    def refuse(self, data):
        raise AssertionError("html.parser was used")

    monkeypatch.setattr(html.parser.HTMLParser, "feed", refuse)


def test_pages_are_read_without_html_parser(no_stdlib_parser):
    text = page_text("<ul><li>Valid licence</li><li>Master's degree</li></ul><div class=\"" + 'a="x ' * 1000)
    assert "• Valid licence" in text and "• Master's degree" in text


def test_blocks_lists_headings_tables_and_furniture():
    text = html_to_text(
        "<nav><a>Home</a></nav><h1>Coach</h1><h2>Duties</h2><p>One<br>Two</p>"
        "<table><tr><td>Degree</td><td>E</td></tr></table>"
        '<div class="cookie-banner">Accept cookies</div><script>var x = "<li>no</li>";</script>'
        "<p>caf&eacute; &amp; more</p>"
    )
    lines = [ln for ln in text.split("\n") if ln.strip()]
    assert lines == ["# Coach", "## Duties", "One", "Two", "|Degree |E |", "café & more"]


@pytest.mark.parametrize(
    "markup", ["", "<", "<p>", "\x00<p>x", "<p>a<!-- b", "\ud800<p>x</p>", "<?xml?><p>y"]
)
def test_any_markup_gives_text(markup):
    assert isinstance(html_to_text(markup), str)
