"""Word's core properties hold 255 characters: a long name, title or keyword list is cut to
fit, not a ValueError."""

from __future__ import annotations

import docx
import yaml
from conftest import FIXTURES

LONG_NAME = "Alexandra " + " ".join(["Montgomery-Featherstonehaugh"] * 10)
SKILLS = [
    "culturally responsive instructional leadership across multiple campuses",
    "data-informed multi-tiered systems of support design and evaluation",
    "trauma-informed restorative practices implementation at the district level",
    "standards-aligned curriculum mapping for grades six through twelve",
    "bilingual family engagement programming with community partners",
    "adult learning and professional development facilitation for new teachers",
]


def test_long_resume_properties_are_cut_to_fit(cli, tmp_path):
    career = {
        "careerkit": 1,
        "profile": {"name": LONG_NAME, "headline": "Instructional coach " * 20},
        "accomplishments": [
            {"date": "2024-03-01", "title": "Led the district PLC redesign", "skills": SKILLS}
        ],
    }
    f = tmp_path / "long.yaml"
    f.write_text(yaml.safe_dump(career))
    cli("import", str(f), ok=True)
    out = tmp_path / "resume.docx"
    r = cli("resume", "-f", "docx", "-o", str(out))
    assert r.exit_code == 0, r.stderr
    props = docx.Document(str(out)).core_properties
    for value in (props.title, props.author, props.subject, props.keywords):
        assert len(value) <= 255
    assert props.author.startswith("Alexandra Montgomery") and props.author.endswith("…")


def test_long_prep_title_is_cut_to_fit(cli, tmp_path):
    cli("import", str(FIXTURES / "career-gap.yaml"), ok=True)
    title = "Assistant Principal for Curriculum, Instruction, Assessment and " * 6
    cli("gap", "analyze", str(FIXTURES / "postings-verdict" / "coach.txt"), "--title", title, ok=True)
    out = tmp_path / "brief.docx"
    r = cli("prep", "1", "-o", str(out))
    assert r.exit_code == 0, r.stderr
    props = docx.Document(str(out)).core_properties
    assert all(len(v) <= 255 for v in (props.title, props.subject, props.keywords, props.author))
