"""Reading a posting's bytes: any input gives text or one InvalidInput, never another error."""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from careerkit.errors import InvalidInput
from careerkit.posting.source import decode, read_posting

MINIMAL_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 300 300]/Contents 4 0 R"
    b"/Resources<</Font<</F1<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>>>>>>>endobj\n"
    b"4 0 obj<</Length 60>>stream\nBT /F1 12 Tf 20 200 Td (Valid teaching licence required) Tj ET\nendstream endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)


def test_a_minimal_pdf_is_read():
    assert "Valid teaching licence required" in read_posting(MINIMAL_PDF, "x.pdf").text


@settings(
    max_examples=int(os.environ.get("FUZZ_N", "150")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(
    prefix=st.sampled_from(
        [b"", b"%PDF-1.4\n", b"PK\x03\x04", b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf", b"<html>"]
    ),
    body=st.binary(max_size=3000),
    cut=st.integers(min_value=0, max_value=len(MINIMAL_PDF)),
)
def test_any_bytes_give_text_or_one_clear_error(prefix, body, cut):
    for data in (prefix + body, MINIMAL_PDF[:cut] + body[:50]):
        try:
            posting = read_posting(data, "posting")
        except InvalidInput as e:
            assert str(e) and "\n" not in str(e)
        else:
            assert isinstance(posting.text, str)


@pytest.mark.parametrize(
    "data, text, note",
    [
        ("café".encode(), "café", None),
        ("\ufeffcafé".encode(), "café", None),
        ("café – “x”".encode("cp1252"), "café – “x”", "Windows-1252"),
        ("café".encode("utf-16"), "café", None),
        ("Qualifications: a valid licence".encode("utf-16-le"), "Qualifications: a valid licence", None),
        ("Qualifications: a valid licence".encode("utf-16-be"), "Qualifications: a valid licence", None),
    ],
)
def test_decode(data, text, note):
    got, said = decode(data, "p")
    assert got == text
    assert (note is None and said is None) or (note in said)
