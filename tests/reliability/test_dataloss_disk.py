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
