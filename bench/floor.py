"""The floor: plain Python and sqlite3 doing what a careerkit command does, and nothing else.

    floor.py insert DB TEXT     argparse + one INSERT (the start-up floor for `log`)
    floor.py list DB            every accomplishment, newest first, printed one per line
    floor.py search DB WORDS    an FTS5 MATCH on the same index, best first
    floor.py all DB             every table read and written out as JSON (export, gap, resume)
    floor.py reports DB         every saved gap report's JSON read and parsed (gap common)

No careerkit import: this is what the language and the database cost by themselves.
"""

import argparse
import json
import sqlite3
import sys

TABLES = (
    "profile",
    "positions",
    "credentials",
    "accomplishments",
    "feedback",
    "learning",
    "network",
    "goals",
)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("mode", choices=["insert", "list", "search", "all", "reports"])
    parser.add_argument("db")
    parser.add_argument("text", nargs="?", default="")
    parser.add_argument("--date", default=None)
    args = parser.parse_args()
    conn = sqlite3.connect(args.db, timeout=30)
    out = sys.stdout
    if args.mode == "insert":
        conn.execute(
            "CREATE TABLE IF NOT EXISTS accomplishments "
            "(id INTEGER PRIMARY KEY, date TEXT NOT NULL, title TEXT NOT NULL)"
        )
        with conn:
            conn.execute("INSERT INTO accomplishments (date, title) VALUES (date('now'), ?)", (args.text,))
        print("Added.", file=sys.stderr)
    elif args.mode == "list":
        for row in conn.execute(
            "SELECT id, date, title, impact, skills FROM accomplishments ORDER BY date DESC, id DESC"
        ):
            out.write("\t".join("" if v is None else str(v) for v in row) + "\n")
    elif args.mode == "search":
        words = " ".join(f'"{w}"' for w in args.text.split())
        for row in conn.execute(
            "SELECT kind, record_id, title, snippet(search_index, 3, '*', '*', '…', 16) "
            "FROM search_index WHERE search_index MATCH ? ORDER BY rank LIMIT 20",
            (words,),
        ):
            out.write("\t".join(str(v) for v in row) + "\n")
    elif args.mode == "all":
        conn.row_factory = sqlite3.Row
        data = {t: [dict(r) for r in conn.execute(f"SELECT * FROM {t} ORDER BY id")] for t in TABLES}
        out.write(json.dumps(data))
    else:
        reports = [json.loads(r[0]) for r in conn.execute("SELECT report FROM gap_reports")]
        out.write(json.dumps(len(reports)))
    conn.close()


if __name__ == "__main__":
    main()
