"""`careerkit demo`: a throwaway database, the gap report printed, documents written."""

from __future__ import annotations

import io
import os


def test_demo_writes_the_documents_and_leaves_the_users_record_alone(cli, db_path, tmp_path):
    out = tmp_path / "demo-out"
    result = cli("demo", "--out", str(out), ok=True)
    text = result.stdout
    assert "Elementary Assistant Principal" in text
    assert "Score " in text and "/100" in text
    assert f"The sample's documents are in {out}" in text
    for name in (
        "resume.pdf",
        "resume.docx",
        "resume.html",
        "resume.md",
        "interview-brief.pdf",
        "interview-brief.docx",
        "interview-brief.html",
        "interview-brief.md",
        "cover-letter.docx",
        "cover-letter.pdf",
    ):
        assert str(out / name) in text
        assert (out / name).stat().st_size > 0
    assert (out / "resume.md").read_text().startswith("# Maya Okafor\n")
    import pypdf

    pdf = pypdf.PdfReader(io.BytesIO((out / "resume.pdf").read_bytes()))
    assert "Maya Okafor" in pdf.pages[0].extract_text()
    # The private sample entry stays out of the documents.
    assert "difficult parent complaint" not in (out / "resume.md").read_text()
    # The interview brief, as Markdown and PDF, for the sample posting.
    for name in ("interview-brief.pdf", "interview-brief.md"):
        assert str(out / name) in text
        assert (out / name).stat().st_size > 0
    brief = (out / "interview-brief.md").read_text()
    assert "Elementary Assistant Principal" in brief
    assert "difficult parent complaint" not in brief
    pdf = pypdf.PdfReader(io.BytesIO((out / "interview-brief.pdf").read_bytes()))
    assert pdf.pages and pdf.pages[0].extract_text().strip()
    # The user's database was never created, let alone written.
    assert not db_path.exists()
    assert not os.environ.get("CAREERKIT_DB", "").startswith(str(out))


def test_demo_out_must_be_a_folder(cli, tmp_path):
    f = tmp_path / "file.txt"
    f.write_text("x")
    result = cli("demo", "--out", str(f))
    assert result.exit_code == 1
    assert result.stderr.strip() == f"error: {f} is a file, not a folder: give --out a folder"
    assert f.read_text() == "x"
