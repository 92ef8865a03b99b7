"""Crash safety: careerkit killed with SIGKILL at random moments, many times over, leaves a
whole database: integrity ok, every reported success present, nothing half-written, the
search index agreeing with the tables."""

from __future__ import annotations

import json
import random
import signal
import sqlite3
import time
from pathlib import Path

import pytest
from reliability_helpers import ENTRY, assert_whole, careerkit, db_fixture, start  # noqa: F401 (the db fixture)

# A child that logs one accomplishment after another through the real entry point (each a
# full command: parse, open, one transaction) and says which succeeded: a kill then lands
# inside a write far more often than with one short process.
LOOP = """
import sys
from careerkit.cli import build_app
prefix, count = sys.argv[1], int(sys.argv[2])
for i in range(count):
    argv = ["log", f"{prefix}-{i} led the PLC", "--impact", f"impact {prefix}-{i}",
            "--skill", f"skill-{prefix}-{i}", "--details", f"{prefix}-{i} " * 400]
    # Without standalone mode click returns an Exit's code: only a 0 is an acknowledged write.
    if not build_app(argv)(argv, prog_name="careerkit", standalone_mode=False):
        print(f"ok {i}", flush=True)
"""


def kill_after(proc, delay: float) -> tuple[int | None, str, str]:
    """SIGKILL the child after `delay` unless it ended first; (returncode, stdout, stderr)."""
    deadline = time.monotonic() + delay
    while time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.005)
    killed = proc.poll() is None
    if killed:
        proc.send_signal(signal.SIGKILL)
    out, err = proc.communicate(timeout=60)
    return (None if killed else proc.returncode), out, err


def rows_like(db: Path, pattern: str) -> list[sqlite3.Row]:
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    try:
        return conn.execute("SELECT * FROM accomplishments WHERE title LIKE ?", (pattern,)).fetchall()
    finally:
        conn.close()


def assert_logged_whole(db: Path, prefix: str, reported: set[int]) -> None:
    """Each reported entry is there; every entry there is complete (all its fields)."""
    found = {}
    for row in rows_like(db, f"{prefix}-%"):
        i = int(row["title"].split()[0].rsplit("-", 1)[1])
        assert row["impact"] == f"impact {prefix}-{i}"
        assert json.loads(row["skills"]) == [f"skill-{prefix}-{i}"]
        assert row["details"] == f"{prefix}-{i} " * 400
        found[i] = row["id"]
    assert reported <= set(found), f"reported but missing: {sorted(reported - set(found))}"
    conn = sqlite3.connect(db)
    try:  # searchable: the index row of each is there
        for record_id in found.values():
            assert (
                conn.execute(
                    "SELECT count(*) FROM search_index WHERE rowid = ?", (record_id * 16 + 3,)
                ).fetchone()[0]
                == 1
            )
    finally:
        conn.close()


POSTING = """Assistant Principal, Lakeview Middle School
Qualifications
- Master's degree in educational leadership (required).
- Five years of teaching experience.
- Experience leading a PLC and coaching teachers using student data.
"""


def _saved_id(stderr: str) -> int | None:
    import re

    found = re.search(r"Saved as report (\d+)", stderr)
    return int(found.group(1)) if found else None


def assert_reports_whole(db: Path, saved: int | None) -> None:
    """Every saved gap report is complete: its JSON reads and its text is all there."""
    conn = sqlite3.connect(db)
    try:
        rows = conn.execute("SELECT id, text, chars, report FROM gap_reports").fetchall()
    finally:
        conn.close()
    for report_id, text, chars, report in rows:
        assert text == POSTING and chars == len(POSTING)
        assert json.loads(report)["requirements"], report_id
    if saved is not None:
        assert saved in {r[0] for r in rows}


def career_file(path: Path, marker: str, count: int) -> Path:
    entries = [
        {
            "date": "2024-03-12",
            "title": f"{marker} entry {i}",
            "skills": ["data use"],
            "impact": f"{marker} impact {i}",
        }
        for i in range(count)
    ]
    path.write_text(json.dumps({"careerkit": 1, "accomplishments": entries}), encoding="utf-8")
    return path


def crash_rounds(
    db: Path, tmp_path: Path, rng: random.Random, *, loops: int, logs: int, imports: int, gaps: int
) -> int:
    kills = 0
    careerkit(db, "log", "first entry", timeout=60)  # the database exists before the kills
    for n in range(loops):
        prefix = f"loop{n}"
        proc = start(db, argv=ENTRY[:1] + ["-c", LOOP, prefix, "5000"])
        code, out, err = kill_after(proc, rng.uniform(0.3, 1.0))
        kills += code is None
        assert "Traceback" not in err, err
        reported = {int(line.split()[1]) for line in out.splitlines() if line.startswith("ok ")}
        assert_logged_whole(db, prefix, reported)
    for n in range(logs):
        prefix = f"one{n}"
        proc = start(
            db,
            "log",
            f"{prefix}-0 led the PLC",
            "--impact",
            f"impact {prefix}-0",
            "--skill",
            f"skill-{prefix}-0",
            "--details",
            f"{prefix}-0 " * 400,
        )
        code, out, err = kill_after(proc, rng.uniform(0.05, 0.6))
        kills += code is None
        if code is not None:
            assert code == 0, err
        assert_logged_whole(db, prefix, {0} if code == 0 else set())
    for n in range(imports):
        marker = f"batch{n}"
        source = career_file(tmp_path / f"{marker}.json", marker, 400)
        proc = start(db, "import", str(source))
        code, out, err = kill_after(proc, rng.uniform(0.1, 0.8))
        kills += code is None
        present = len(rows_like(db, f"{marker} entry %"))
        assert present in (0, 400), f"import {marker} half-written: {present} of 400"
        if code == 0:
            assert present == 400
    for _ in range(gaps):
        posting = tmp_path / "posting.txt"
        posting.write_text(POSTING, encoding="utf-8")
        proc = start(db, "gap", "analyze", str(posting))
        code, out, err = kill_after(proc, rng.uniform(0.2, 2.5))
        kills += code is None
        assert "Traceback" not in err, err
        assert_reports_whole(db, saved=_saved_id(err) if code == 0 else None)
    assert_whole(db)
    after = careerkit(db, "wins", "list", "--json")
    assert after.returncode == 0, after.stderr
    doctor = careerkit(db, "doctor", "--json")
    assert doctor.returncode == 0, doctor.stdout
    return kills


def test_sigkill_during_log_and_import_leaves_a_whole_database(db, tmp_path):
    rng = random.Random(20261123)
    kills = crash_rounds(db, tmp_path, rng, loops=8, logs=10, imports=8, gaps=6)
    assert kills >= 8  # the loops cannot finish 5,000 entries first: they were all killed


@pytest.mark.slow
def test_sigkill_many_times(db, tmp_path):
    rng = random.Random()
    kills = crash_rounds(db, tmp_path, rng, loops=80, logs=60, imports=60, gaps=40)
    assert kills >= 80
