"""Several careerkit processes at once (logging, importing, exporting, backing up) on one
database, starting from nothing: no "database is locked" reaches the user, nothing is lost,
and the backups open whole."""

from __future__ import annotations

import json
import sqlite3
import time
from pathlib import Path

import pytest
from reliability_helpers import ENTRY, assert_whole, db_fixture, start, with_init  # noqa: F401 (the db fixture)

# A child running one careerkit command after another through the real entry point, in one
# process (so a few seconds hold many commands), printing what each reported.
LOOP = """
import io, sys, contextlib, json
from careerkit.cli import build_app
commands = json.loads(sys.argv[1])
for argv in commands:
    err, out = io.StringIO(), io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(out):
        try:
            # Without standalone mode click returns an Exit's code rather than raising it.
            code = build_app(argv)(argv, prog_name="careerkit", standalone_mode=False) or 0
        except SystemExit as e:
            code = e.code or 0
        except Exception as e:
            code = 99
            print(repr(e), file=err)
    print(json.dumps({"argv": argv, "code": code, "stderr": err.getvalue()}), flush=True,
          file=sys.__stdout__)
"""


def loop(db: Path, commands: list[list[str]]):
    # $CAREERKIT_DB names the database: --init lets whichever command comes first create it.
    commands = [with_init(c) for c in commands]
    return start(db, argv=ENTRY[:1] + ["-c", LOOP, json.dumps(commands)])


def career_file(path: Path, marker: str, count: int) -> Path:
    entries = [{"date": "2023-10-01", "title": f"{marker} entry {i}"} for i in range(count)]
    feedback = [
        {"date": "2023-10-02", "text": f"{marker} said {i}", "relationship": "colleague"}
        for i in range(count // 4)
    ]
    path.write_text(
        json.dumps({"careerkit": 1, "accomplishments": entries, "feedback": feedback}), encoding="utf-8"
    )
    return path


def run_together(db: Path, tmp_path: Path, *, writers: int, per_writer: int, imports: int):
    procs = []
    for w in range(writers):
        procs.append(loop(db, [["log", f"writer{w} entry {i}", "--skill", "PLC"] for i in range(per_writer)]))
    import_cmds = [
        ["import", str(career_file(tmp_path / f"batch{n}.json", f"batch{n}", 200))] for n in range(imports)
    ]
    procs.append(loop(db, import_cmds))
    readers = []
    for n in range(6):
        readers += [
            ["export", "-o", str(tmp_path / f"export{n}.yaml")],
            ["backup", str(tmp_path / f"backup{n}.db")],
            ["search", "entry"],
            ["wins", "list", "--json", "--limit", "5"],
        ]
    time.sleep(0.2)  # let the writers create the database first... or race it: both happen
    procs.append(loop(db, readers))
    reports = []
    for proc in procs:
        out, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err
        reports += [json.loads(line) for line in out.splitlines()]
    return reports


def check(db: Path, tmp_path: Path, reports, *, writers: int, per_writer: int, imports: int):
    for r in reports:
        assert "locked" not in r["stderr"] and "busy" not in r["stderr"], r
        assert r["code"] in (0, None), r
    conn = sqlite3.connect(db)
    try:
        for w in range(writers):
            titles = {
                t
                for (t,) in conn.execute(
                    "SELECT title FROM accomplishments WHERE title LIKE ?", (f"writer{w} entry %",)
                )
            }
            assert titles == {f"writer{w} entry {i}" for i in range(per_writer)}
        for n in range(imports):
            assert (
                conn.execute(
                    "SELECT count(*) FROM accomplishments WHERE title LIKE ?", (f"batch{n} entry %",)
                ).fetchone()[0]
                == 200
            )
    finally:
        conn.close()
    assert_whole(db)
    backups = sorted(tmp_path.glob("backup*.db"))
    assert backups
    for backup in backups:
        assert_whole(backup)
        b = sqlite3.connect(backup)
        try:  # a backup is a moment of the database: each import in it wholly or not at all
            for n in range(imports):
                assert b.execute(
                    "SELECT count(*) FROM accomplishments WHERE title LIKE ?", (f"batch{n} entry %",)
                ).fetchone()[0] in (0, 200)
        finally:
            b.close()
    for export in tmp_path.glob("export*.yaml"):
        import yaml

        assert yaml.safe_load(export.read_text(encoding="utf-8"))["careerkit"] == 2


def test_writers_importer_exports_and_backups_at_once(db, tmp_path):
    reports = run_together(db, tmp_path, writers=3, per_writer=40, imports=4)
    check(db, tmp_path, reports, writers=3, per_writer=40, imports=4)


@pytest.mark.slow
def test_many_processes_for_longer(db, tmp_path):
    reports = run_together(db, tmp_path, writers=6, per_writer=300, imports=20)
    check(db, tmp_path, reports, writers=6, per_writer=300, imports=20)
