"""Paths: what a career file says (evidence paths, text that looks like Typst, HTML or a
template) cannot make careerkit read or write anything but what the user named."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from reliability_helpers import one_error_line
from test_privacy import POSTING, text_of

SECRET = "s3cr3t-do-not-leak"
EVIL = [
    "../../../../../../etc/passwd",
    "/etc/shadow",
    "~/.ssh/id_rsa",
    "file:///etc/passwd",
    "secret.txt",
    "./secret.txt",
    "..\\..\\windows\\win.ini",
    '#read("secret.txt")',
    '#image("secret.txt")',
    '#include "secret.txt"',
    '{% include "secret.txt" %}',
    "{{ self.__init__.__globals__ }}",
    '<img src="secret.txt">',
    '<iframe src="file:///etc/passwd"></iframe>',
    "javascript:alert(1)",
]


def snapshot(folder: Path) -> dict[str, float]:
    return {
        str(p.relative_to(folder)): p.stat().st_mtime
        for p in folder.rglob("*")
        if p.is_file() and ".hypothesis" not in p.parts
    }


@pytest.fixture
def hostile(cli, tmp_path, monkeypatch):
    """A record whose evidence and text name files and template syntax; the working folder
    holds a secret file those names point at."""
    work = tmp_path / "work"
    work.mkdir()
    (work / "secret.txt").write_text(SECRET)
    (tmp_path / "secret.txt").write_text(SECRET)
    monkeypatch.chdir(work)
    data = {
        "careerkit": 1,
        "profile": {"name": "Alex Morgan"},
        "positions": [
            {
                "title": "Instructional Coach",
                "organization": "Oak Elementary",
                "start": "2019-08",
                "category": "leadership",
            }
        ],
        "accomplishments": [
            {
                "date": f"2024-{i % 9 + 1:02d}-10",
                "title": f"Led the PLC data cycle {i}: {evil}",
                "impact": evil,
                "details": evil,
                "position": "Instructional Coach",
                "skills": ["data use", evil[:40]],
                "evidence": [evil, "artifacts/plc-agenda.pdf"],
            }
            for i, evil in enumerate(EVIL)
        ],
        "feedback": [
            {
                "date": "2024-05-01",
                "text": f"Great work {evil}",
                "relationship": "colleague",
                "from": evil[:30],
            }
            for evil in EVIL[:5]
        ],
    }
    source = tmp_path / "career.json"
    source.write_text(json.dumps(data), encoding="utf-8")
    cli("import", str(source), ok=True)
    return work


def documents(cli, work: Path) -> list[Path]:
    outputs = []
    for fmt in ("md", "html", "pdf", "docx", "jsonresume"):
        target = work / f"resume-{fmt}.{'json' if fmt == 'jsonresume' else fmt}"
        cli("resume", "-f", fmt, "-o", str(target), ok=True)
        outputs.append(target)
    (work / "posting.txt").write_text(POSTING, encoding="utf-8")
    cli("gap", "analyze", str(work / "posting.txt"), ok=True)
    for fmt in ("md", "html", "pdf", "docx"):
        target = work / f"brief.{fmt}"
        cli("prep", "1", "-f", fmt, "-o", str(target), ok=True)
        outputs.append(target)
    target = work / "export.yaml"
    cli("export", "-o", str(target), ok=True)
    outputs.append(target)
    return outputs


def test_evidence_and_text_never_read_files(cli, hostile):
    for path in documents(cli, hostile):
        text = text_of(path)
        assert SECRET not in text, f"{path.name} holds a file's contents"
        assert "root:x:0:0" not in text
        if path.suffix == ".html":
            assert '<img src="secret.txt">' not in text and "<iframe" not in text


def test_documents_write_only_what_was_named(cli, hostile, tmp_path):
    home = Path(os.environ["HOME"])
    before_home, before_tmp = snapshot(home), snapshot(tmp_path)
    written = documents(cli, hostile)
    after_tmp = snapshot(tmp_path)
    assert snapshot(home) == before_home
    new = set(after_tmp) - set(before_tmp)
    named = {str(p.relative_to(tmp_path)) for p in written} | {"work/posting.txt"}
    allowed_db = {k for k in after_tmp if k.startswith("data/careerkit.db")}  # db and journal
    assert new - named - allowed_db == set(), new - named - allowed_db
    changed = {k for k in before_tmp if k in after_tmp and after_tmp[k] != before_tmp[k]}
    assert changed - named - allowed_db == set()
    assert (hostile / "secret.txt").read_text() == SECRET


@pytest.mark.parametrize(
    "args",
    [
        ["export", "-o", "{missing}/out.yaml"],
        ["backup", "{missing}/x/backup.db"],
    ],
)
def test_output_into_a_missing_folder(cli, tmp_path, args):
    cli("log", "x", ok=True)
    missing = tmp_path / "no" / "such"
    args = [a.replace("{missing}", str(missing)) for a in args]
    result = cli(*args)
    if args[0] == "export":
        one_error_line(result)
        assert not (tmp_path / "no").exists()
    else:  # a backup makes its folder (0700), and only that
        assert result.exit_code == 0, result.stderr
        assert (missing / "x" / "backup.db").exists()
        assert oct((missing / "x").stat().st_mode & 0o777) == "0o700"


@pytest.mark.parametrize("name", ["../../../etc/passwd", "/etc/passwd", "..", "psel/../../x", "~root"])
def test_framework_names_are_ids_not_paths(loaded, name):
    result = loaded("frameworks", "show", name)
    one_error_line(result)
    assert "root:x" not in result.stdout + result.stderr
    themes = loaded("feedback", "themes", "--framework", name)
    one_error_line(themes)


def test_export_does_not_follow_a_planted_temporary_symlink(cli, tmp_path):
    """The atomic write's temporary name is created fresh: a symlink planted there by
    someone else is not written through."""
    cli("log", "x", ok=True)
    victim = tmp_path / "victim.txt"
    victim.write_text("untouched")
    out = tmp_path / "out.yaml"
    from careerkit.cli.commands import transfer

    planted = out.with_name(f".{out.name}.{os.getpid()}.part")
    planted.symlink_to(victim)
    result = cli("export", "-o", str(out))
    assert victim.read_text() == "untouched"
    if result.exit_code == 0:
        assert "careerkit: 2" in out.read_text()
    else:
        one_error_line(result)
    assert transfer.write_private  # the function the test is about
