"""Saved gap reports hold evidence by id: the text shown is today's, a deleted entry reads
"(deleted)", and a private entry's title is never copied into the report table."""

from __future__ import annotations

import json
import sqlite3

from conftest import FIXTURES

POSTING = FIXTURES / "postings-verdict" / "coach.txt"


def _stored(db) -> str:
    conn = sqlite3.connect(db)
    try:
        return "\n".join(r[0] for r in conn.execute("SELECT report FROM gap_reports"))
    finally:
        conn.close()


def _evidence(report, kind):
    return [e for r in report["requirements"] for e in r["evidence"] if e["kind"] == kind]


def test_deleted_evidence_reads_deleted_in_show_and_leaves_the_table(cli, db_path):
    cli("import", str(FIXTURES / "career-gap.yaml"), ok=True)
    report = cli.json("gap", "analyze", str(POSTING))
    wins = _evidence(report, "accomplishment")
    assert wins, report
    gone = wins[0]
    title = gone["text"]
    cli("wins", "rm", str(gone["id"]), "--yes", ok=True)

    shown = cli.json("gap", "show", str(report["id"]))
    assert title not in json.dumps(shown)
    texts = [e["text"] for e in _evidence(shown, "accomplishment") if e["id"] == gone["id"]]
    assert texts and set(texts) == {"(deleted)"}
    # Still the contract's shape.
    for r in shown["requirements"]:
        for e in r["evidence"]:
            assert set(e) == {"kind", "id", "text", "score"}
    human = cli("gap", "show", str(report["id"]), ok=True).stdout
    assert title not in human and "(deleted)" in human
    assert title not in _stored(db_path)


def test_edited_evidence_shows_todays_text(cli):
    cli("import", str(FIXTURES / "career-gap.yaml"), ok=True)
    report = cli.json("gap", "analyze", str(POSTING))
    win = _evidence(report, "accomplishment")[0]
    cli("wins", "edit", str(win["id"]), "--text", "Facilitated the K-5 math PLC all year", ok=True)
    shown = cli.json("gap", "show", str(report["id"]))
    assert "Facilitated the K-5 math PLC all year" in [e["text"] for e in _evidence(shown, "accomplishment")]


def test_a_private_entry_title_is_not_stored_in_the_report_table(cli, db_path):
    cli("import", str(FIXTURES / "career-gap.yaml"), ok=True)
    secret = "Quietly coached a struggling colleague through MTSS progress monitoring"
    cli("log", secret, "--private", "--skill", "MTSS", "--skill", "progress monitoring", ok=True)
    report = cli.json("gap", "analyze", str(POSTING))
    assert secret in json.dumps(report)  # the owner sees it
    assert secret not in _stored(db_path)
    assert secret in json.dumps(cli.json("gap", "show", str(report["id"])))


def test_the_migration_takes_text_out_of_reports_saved_before(cli, db_path):
    """A report saved by an older careerkit (evidence with its text) is rewritten."""
    cli("import", str(FIXTURES / "career-gap.yaml"), ok=True)
    report = cli.json("gap", "analyze", str(POSTING))
    win = _evidence(report, "accomplishment")[0]
    old = dict(report)
    old.pop("id")
    conn = sqlite3.connect(db_path)
    conn.execute("UPDATE gap_reports SET report = ?", (json.dumps(old),))
    conn.execute("PRAGMA user_version = 3")
    conn.execute("DROP TABLE meta")
    conn.execute("DELETE FROM _sqlite_migrations WHERE name = 'm004_dataloss_meta_report_ids'")
    conn.commit()
    conn.close()
    assert win["text"] in _stored(db_path)
    cli("wins", "rm", str(win["id"]), "--yes", ok=True)  # opening migrates
    assert win["text"] not in _stored(db_path)
    shown = cli.json("gap", "show", str(report["id"]))
    assert "(deleted)" in [e["text"] for e in _evidence(shown, "accomplishment")]
