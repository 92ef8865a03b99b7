"""A full disk during backup names the backup file and leaves no partial file."""

from __future__ import annotations

import json
import os

from reliability_helpers import careerkit, fingerprint, one_error_line
from test_disk_trouble import small_fs


def test_full_disk_during_backup_names_the_backup_file(tmp_path, sample_file):
    db = tmp_path / "data" / "careerkit.db"
    assert careerkit(db, "import", str(sample_file)).returncode == 0
    pad = tmp_path / "pad.json"
    pad.write_text(
        json.dumps(
            {
                "careerkit": 1,
                "accomplishments": [{"date": "2024-01-01", "title": "padding", "details": "p" * 200_000}],
            }
        )
    )
    assert careerkit(db, "import", str(pad)).returncode == 0
    before = fingerprint(db)
    with small_fs(tmp_path / "small", "64k") as folder:
        target = folder / "copy.db"
        result = careerkit(db, "backup", str(target))
        one_error_line(result)
        assert "full" in result.stderr and str(target) in result.stderr
        assert "could not write the database" not in result.stderr
        assert os.listdir(folder) == []
    assert fingerprint(db) == before


EDITOR = r"""
import sys
open(sys.argv[2], "w", encoding="utf-8").write(open(sys.argv[1], encoding="utf-8").read())
"""


def _fill(folder) -> None:
    """Use up every byte of a small file system."""
    fd = os.open(folder / "filler", os.O_CREAT | os.O_WRONLY, 0o600)
    try:
        while True:
            os.write(fd, b"\0" * 4096)
    except OSError:
        pass
    finally:
        os.close(fd)


def test_editor_text_on_a_full_disk_is_kept_in_the_temporary_folder(tmp_path):
    import shlex
    import sys

    typed = tmp_path / "typed.txt"
    text = (
        "title: Ran the family literacy night\nimpact: 120 families came\n"
        + "details: "
        + "d" * 20_000
        + "\n"
    )
    typed.write_text(text)
    script = tmp_path / "editor.py"
    script.write_text(EDITOR)
    temp = tmp_path / "tmp"
    temp.mkdir()
    with small_fs(tmp_path / "small", "256k") as folder:
        db = folder / "careerkit.db"
        assert careerkit(db, "log", "fits").returncode == 0
        before = fingerprint(db)
        _fill(folder)
        editor = " ".join(shlex.quote(p) for p in (sys.executable, str(script), str(typed)))
        result = careerkit(db, "log", env_extra={"EDITOR": editor, "TMPDIR": str(temp)})
        assert result.returncode == 1, result.stderr
        assert "Traceback" not in result.stderr
        kept = [p for p in temp.iterdir() if p.name.startswith("careerkit-recovery-")]
        assert len(kept) == 1 and kept[0].read_text() == text
        assert str(kept[0]) in result.stderr
        recovery = folder / "recovery"
        assert not recovery.exists() or all(p.stat().st_size for p in recovery.iterdir())
        assert fingerprint(db) == before
