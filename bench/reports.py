"""Saved gap reports for the `gap common` and `prep` benchmarks.

    python bench/reports.py SOURCE.db COUNT     analyse COUNT postings into SOURCE.db
    python bench/reports.py --copy SOURCE.db TARGET.db

COUNT variants of bench/posting.txt (generate.posting_variants) are analysed in one process
through careerkit's own gap layer and saved as `careerkit gap analyze` saves them, so 100
postings take one start-up, not 100. `gap common` reads only saved reports, so the same set
is copied into each size's database.
"""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))


def analyse(db: Path, count: int) -> int:
    from generate import posting_variants

    from careerkit.posting.analyze import analyze
    from careerkit.store import gaps
    from careerkit.store.db import connect, transaction
    from careerkit.store.snapshot import read_trusted

    conn = connect(db)
    try:
        record = read_trusted(
            conn, ("positions", "credentials", "accomplishments", "feedback", "learning", "goals")
        )
        text = (HERE / "posting.txt").read_text(encoding="utf-8")
        with transaction(conn):
            for variant in posting_variants(text, count):
                gaps.save(conn, analyze(variant, record), variant)
        return conn.execute("SELECT max(id) FROM gap_reports").fetchone()[0]
    finally:
        conn.close()


def copy(source: Path, target: Path) -> None:
    conn = sqlite3.connect(target)
    try:
        conn.execute("ATTACH DATABASE ? AS source", (str(source),))
        with conn:
            conn.execute("INSERT INTO gap_reports SELECT * FROM source.gap_reports")
        conn.execute("DETACH DATABASE source")
    finally:
        conn.close()


if __name__ == "__main__":
    if sys.argv[1] == "--copy":
        copy(Path(sys.argv[2]), Path(sys.argv[3]))
    else:
        print(analyse(Path(sys.argv[1]), int(sys.argv[2])))
