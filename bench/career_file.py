"""Export and import of the career file at scale, with peak memory.

    python bench/career_file.py                      # 1,000 / 10,000 / 100,000 entries
    python bench/career_file.py --sizes 1000,10000 --runs 1
    python bench/career_file.py --src /tmp/old-tree  # measure another checkout (before/after)

For each size: `export -o FILE` (YAML and JSON) from a generated record, then `import FILE`
into an empty database, each against the floor of plain sqlite3 reading every row and writing
it out as JSON (bench/floor.py all). Peak memory is the child's own (/usr/bin/time).
The issue's target at 100,000 entries: peak under 150 MB and time within 4x the floor.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from run import PYTHON, base_env, careerkit_cmd, floor, machine, run_once, table  # noqa: E402

MODULE = [PYTHON, "-c", "import sys; from careerkit.cli import main; sys.argv[0] = 'careerkit'; main()"]


def _fresh(db: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)


def measure(sizes: list[int], runs: int, work: Path, src: str | None) -> list[list[str]]:
    from generate import write_database

    cmd = MODULE if src else careerkit_cmd()
    rows = []
    for n in sizes:
        db = write_database(n, work / f"career-{n}.db")
        env = base_env(db)
        if src:
            env["PYTHONPATH"] = src
        fl = [run_once(floor("all", db), env) for _ in range(runs)]
        fmed = statistics.median(r.seconds for r in fl)
        for fmt in ("yaml", "json"):
            out = work / f"out-{n}.{fmt}"
            cases = [
                (f"export ({fmt})", lambda out=out: cmd + ["export", "-o", str(out), "--force"], env),
                (f"import ({fmt})", lambda out=out: cmd + ["import", str(out)], None),
            ]
            for name, argv, case_env in cases:
                got = []
                for _ in range(runs):
                    if case_env is None:
                        target = work / f"empty-{n}.db"
                        _fresh(target)
                        case_env = dict(env, CAREERKIT_DB=str(target))
                    if name.startswith("export"):
                        out.unlink(missing_ok=True)
                    got.append(run_once(argv(), case_env))
                    if name.startswith("import"):
                        case_env = None
                bad = [r for r in got if r.code != 0]
                med = statistics.median(r.seconds for r in got)
                note = ""
                if bad:
                    last = bad[-1].stderr.strip().splitlines()
                    note = f"exit {bad[-1].code}: " + (last[-1][:90] if last else "")
                rows.append(
                    [
                        name,
                        f"{n:,}",
                        f"{med:.2f} s",
                        f"{fmed:.2f} s",
                        f"{med / fmed:.1f}x",
                        f"{max(r.peak_kb for r in got) / 1024:.0f} MB",
                        note,
                    ]
                )
                print(f"  {name} @ {n:,}: {med:.2f} s", file=sys.stderr)
        _fresh(db)
        _fresh(work / f"empty-{n}.db")
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--src", help="a careerkit source tree to measure instead of the installed one")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    with tempfile.TemporaryDirectory(prefix="careerkit-bench-cf-") as tmp:
        rows = measure(sizes, args.runs, Path(tmp), args.src)
    print(f"careerkit career file, {machine()}\n")
    print(table(["case", "entries", "careerkit", "floor (sqlite3)", "ratio", "peak memory", "note"], rows))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    main()
