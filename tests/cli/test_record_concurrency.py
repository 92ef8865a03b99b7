"""Two terminals logging at once lose nothing. Several processes start together on a database
that does not exist yet (so they also race to create and migrate it), each logs a few hundred
entries through `python -m careerkit`, and every entry is found, in the tables and in search."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

# A worker process: waits for the go file, then runs `python -m careerkit log ...` N times
# in-process (runpy runs careerkit/__main__.py afresh each time: a new connection, a new
# write transaction, exactly what one command does), so hundreds of entries stay cheap.
IN_PROCESS = r"""
import os, runpy, sys, time
db, word, n, go = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
while not os.path.exists(go):
    time.sleep(0.005)
for i in range(n):
    sys.argv = ["careerkit", "--db", db, "--init", "log", f"{word} entry {i}", "--skill", f"{word}-{i}"]
    try:
        runpy.run_module("careerkit", run_name="__main__", alter_sys=True)
    except SystemExit as e:
        if e.code:
            raise
"""

# A worker that starts one real process per entry, as a person in a terminal would.
PER_PROCESS = r"""
import os, subprocess, sys, time
db, word, n, go = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
while not os.path.exists(go):
    time.sleep(0.005)
for i in range(n):
    r = subprocess.run([sys.executable, "-m", "careerkit", "--db", db, "--init", "log", f"{word} entry {i}",
                        "--skill", f"{word}-{i}"], capture_output=True, text=True)
    if r.returncode:
        sys.exit(r.stderr)
"""

WORDS = ["alpha", "bravo", "charlie", "delta"]


def run_workers(tmp_path: Path, script: str, workers: int, per_worker: int) -> Path:
    db = tmp_path / "shared" / "careerkit.db"
    go = tmp_path / "go"
    env = dict(os.environ)
    env.pop("CAREERKIT_DB", None)
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", script, str(db), WORDS[w], str(per_worker), str(go)],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for w in range(workers)
    ]
    go.touch()  # all start together
    failures = []
    for p in procs:
        out, err = p.communicate(timeout=1800)
        if p.returncode != 0:
            failures.append(err[-2000:])
    assert not failures, failures
    return db


def check_everything_is_there(cli_factory, db: Path, workers: int, per_worker: int) -> None:
    expected = {f"{WORDS[w]} entry {i}" for w in range(workers) for i in range(per_worker)}
    conn = sqlite3.connect(db)
    try:
        titles = [r[0] for r in conn.execute("SELECT title FROM accomplishments")]
        assert len(titles) == len(expected)
        assert set(titles) == expected
        ids = {r[0] for r in conn.execute("SELECT id FROM accomplishments")}
        indexed = {
            r[0] for r in conn.execute("SELECT record_id FROM search_index WHERE kind = 'accomplishment'")
        }
        assert indexed == ids
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert (
            conn.execute("SELECT count(*) FROM _sqlite_migrations WHERE name = 'm001_initial'").fetchone()[0]
            == 1
        )
    finally:
        conn.close()
    cli = cli_factory(db)
    for w in range(workers):
        hits = cli.json("search", WORDS[w], "--limit", str(per_worker * 2))["hits"]
        assert len(hits) == per_worker
        assert {h["title"] for h in hits} == {f"{WORDS[w]} entry {i}" for i in range(per_worker)}
        assert len(cli.json("wins", "list", "--skill", f"{WORDS[w]}-")) == per_worker
    r = cli("doctor", "--json")
    assert r.exit_code == 0, r.stdout
    assert all(f["status"] == "ok" for f in json.loads(r.stdout)["findings"] if f["name"] != "permissions")


def test_four_processes_log_250_entries_each_at_once(tmp_path, cli):
    db = run_workers(tmp_path, IN_PROCESS, workers=4, per_worker=250)
    check_everything_is_there(type(cli), db, 4, 250)


def test_separate_processes_per_entry_at_once(tmp_path, cli):
    db = run_workers(tmp_path, PER_PROCESS, workers=3, per_worker=12)
    check_everything_is_there(type(cli), db, 3, 12)


@pytest.mark.slow
def test_separate_processes_per_entry_a_few_hundred_each(tmp_path, cli):
    db = run_workers(tmp_path, PER_PROCESS, workers=4, per_worker=250)
    check_everything_is_there(type(cli), db, 4, 250)
