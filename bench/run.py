"""careerkit's benchmark suite: one command, one table.

    python bench/run.py                          # start-up, then 1,000 / 10,000 / 100,000 entries
    python bench/run.py --sizes 1000,10000 --quick
    python bench/run.py --startup-only --runs 30

Every figure is a ratio against a floor measured in the same run, on the same machine, so
the table means the same thing on a fast laptop and a loaded shared box:

- start-up: `careerkit log "text"`, `--help`, `wins list`, `search` against a plain Python
  script doing argparse + an sqlite3 insert (bench/floor.py). Runs are interleaved (each round
  runs every command once, in a shuffled order) and the median is taken. Target: `log` and
  `--help` at most 3x the floor.
- scale: each command on a generated record of N entries (bench/generate.py) against plain
  sqlite3 doing the equivalent read, with the child's peak memory (getrusage of the child).

Commands that this build does not have yet are skipped with a note, so the suite always runs.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

PYTHON = sys.executable
CAREERKIT = [PYTHON, "-c", "import sys; from careerkit.cli import main; sys.argv[0] = 'careerkit'; main()"]
TIMEOUT = 600.0
TIME = "/usr/bin/time" if Path("/usr/bin/time").exists() else None
MEM_FILE = Path(tempfile.gettempdir()) / f"careerkit-bench-mem-{os.getpid()}.txt"


def careerkit_cmd() -> list[str]:
    """The installed entry point beside this Python, as a user runs it; else the module."""
    script = Path(PYTHON).with_name("careerkit")
    return [str(script)] if script.exists() else CAREERKIT


# -- running one process ------------------------------------------------------------------


@dataclass
class Run:
    seconds: float
    peak_kb: int
    code: int
    stderr: str = ""


def run_once(
    argv: list[str],
    env: dict[str, str],
    stdin: str | None = None,
    timeout: float = TIMEOUT,
    memory: bool = True,
) -> Run:
    """Wall time and peak RSS of one child. Start-up timing runs pass memory=False: the
    /usr/bin/time wrapper adds a millisecond or two of its own."""
    with tempfile.TemporaryFile() as err, tempfile.TemporaryFile() as inp:
        if stdin is not None:
            inp.write(stdin.encode())
            inp.seek(0)
        # /usr/bin/time reports the command's own peak; the fork of this (larger) process
        # would otherwise count towards the child's ru_maxrss.
        timed = [TIME, "-f", "%M", "-o", str(MEM_FILE)] + argv if TIME and memory else argv
        start = time.perf_counter()
        proc = subprocess.Popen(
            timed, env=env, stdin=inp, stdout=subprocess.DEVNULL, stderr=err, start_new_session=True
        )
        deadline = start + timeout
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                os.killpg(proc.pid, 9)
                pid, status, usage = os.wait4(proc.pid, 0)
                return Run(timeout, usage.ru_maxrss, -9, "timed out")
            time.sleep(0.0005)
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        return Run(
            seconds,
            _peak_kb(usage) if memory else 0,
            proc.returncode,
            err.read().decode(errors="replace")[-400:],
        )


def _peak_kb(usage) -> int:
    if TIME:
        try:
            return int(MEM_FILE.read_text().split()[-1])
        except (OSError, ValueError, IndexError):
            pass
    return usage.ru_maxrss


def base_env(db: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CAREERKIT")}
    env.update(CAREERKIT_DB=str(db), NO_COLOR="1", COLUMNS="120")
    env.pop("EDITOR", None)
    env.pop("VISUAL", None)
    return env


def available(words: list[str], env: dict[str, str]) -> bool:
    """Does this build have the command? (`careerkit WORDS --help` succeeds.)"""
    r = run_once(careerkit_cmd() + words + ["--help"], env, timeout=60)
    return r.code == 0


# -- start-up -------------------------------------------------------------------------------


def floor(mode: str, db: Path, *extra: str) -> list[str]:
    return [PYTHON, str(HERE / "floor.py"), mode, str(db), *extra]


FLOOR = "floor: argparse + sqlite3 insert"


def startup(runs: int, work: Path) -> list[list[str]]:
    from generate import write_database

    db = write_database(200, work / "startup.db")
    floor_db = work / "floor.db"
    env = base_env(db)
    ck = careerkit_cmd()
    cases = {
        FLOOR: floor("insert", floor_db, "Led the grade 4 PLC"),
        'careerkit log "text"': ck + ["log", "Led the grade 4 PLC for 6 teachers"],
        "careerkit --help": ck + ["--help"],
        "careerkit wins list (200 entries)": ck + ["wins", "list"],
        "careerkit search PLC (200 entries)": ck + ["search", "PLC"],
    }
    # warm the file cache and byte-code, and take each command's peak memory
    peaks = {name: run_once(argv, env).peak_kb for name, argv in cases.items()}
    times: dict[str, list[float]] = {name: [] for name in cases}
    failures: dict[str, str] = {}
    order = list(cases)
    for _ in range(runs):
        random.shuffle(order)
        for name in order:
            r = run_once(cases[name], env, memory=False)
            if r.code != 0:
                failures[name] = r.stderr.strip().splitlines()[-1] if r.stderr.strip() else f"exit {r.code}"
            times[name].append(r.seconds)
    base = statistics.median(times[FLOOR])
    rows = []
    for name in cases:
        med = statistics.median(times[name])
        ratio = med / base
        target = "<= 3x" if name.startswith(("careerkit log", "careerkit --help")) else ""
        verdict = ("ok" if ratio <= 3 else "MISSED") if target else ""
        note = failures.get(name, "")
        rows.append(
            [
                name,
                f"{med * 1000:.0f} ms",
                f"{ratio:.2f}x",
                f"{peaks[name] / 1024:.0f} MB",
                f"{target} {verdict}".strip(),
                note,
            ]
        )
    return rows


# -- scale ----------------------------------------------------------------------------------

POSTING = HERE / "posting.txt"


@dataclass
class Case:
    name: str
    words: list[str]  # the careerkit command (after the root)
    floor_mode: str  # what plain sqlite3 does for the same answer
    needs: list[str] = field(default_factory=list)  # command words that must exist
    stdin: str | None = None
    over_floor: bool = False  # judged by the time over the floor, not the ratio
    target: float | None = None  # the most the ratio to the floor may be


def cases_for(work: Path, reports: int) -> list[Case]:
    posting = str(POSTING)
    return [
        Case("wins list", ["wins", "list"], "list"),
        Case("wins list --json", ["wins", "list", "--json"], "list"),
        Case("search", ["search", "formative assessment"], "search"),
        Case("export (yaml)", ["export", "-o", str(work / "out.yaml"), "--force"], "all"),
        Case("gap analyze (2-page posting)", ["gap", "analyze", posting], "all", ["gap", "analyze"]),
        Case(f"gap common ({reports} postings)", ["gap", "common"], "reports", ["gap", "common"]),
        Case(
            "resume (md)",
            ["resume", "--format", "md", "-o", str(work / "resume.md"), "--force"],
            "all",
            ["resume"],
        ),
        Case(
            "resume (pdf)",
            ["resume", "--format", "pdf", "-o", str(work / "resume.pdf"), "--force"],
            "all",
            ["resume"],
        ),
        Case(
            "prep (pdf)",
            ["prep", "{report}", "--format", "pdf", "-o", str(work / "prep.pdf"), "--force"],
            "all",
            ["prep"],
        ),
        Case("feedback themes", ["feedback", "themes"], "all", ["feedback", "themes"]),
        # The target for status is "within 300 ms of the start-up floor".
        Case("status", ["status"], "insert", ["status"], over_floor=True),
        # Issue 12: a year's recap as a PDF within 4x the start-up floor (the generated
        # record's last year, 2025, holds about a twentieth of its entries).
        Case(
            "recap (pdf, a year)",
            [
                "recap",
                "--since",
                "2025-01",
                "--until",
                "2025-12",
                "--format",
                "pdf",
                "-o",
                str(work / "recap.pdf"),
                "--force",
            ],
            "insert",
            ["recap"],
            target=4.0,
        ),
    ]


def save_reports(db: Path, env: dict[str, str], count: int, work: Path) -> str | None:
    """`count` saved gap reports in db, for `gap common` and `prep`: analysed once (against
    the first size's record, in one process: bench/reports.py) and copied into the others.
    Returns the id of one, or None when this build cannot analyse."""
    source = work / f"reports-{count}.db"
    if not source.exists():
        from generate import write_database

        write_database(1000, source)
        r = run_once([PYTHON, str(HERE / "reports.py"), str(source), str(count)], env, timeout=1800)
        if r.code != 0:
            print(f"  could not save reports: {r.stderr.strip()[-300:]}", file=sys.stderr)
            source.unlink(missing_ok=True)
            return None
    r = run_once([PYTHON, str(HERE / "reports.py"), "--copy", str(source), str(db)], env)
    if r.code != 0:
        print(f"  could not copy reports: {r.stderr.strip()[-300:]}", file=sys.stderr)
        return None
    import sqlite3

    conn = sqlite3.connect(db)
    try:
        return str(conn.execute("SELECT min(id) FROM gap_reports").fetchone()[0])
    finally:
        conn.close()


def scale(sizes: list[int], runs: int, work: Path, reports: int, timeout: float) -> list[list[str]]:
    from generate import write_database

    rows = []
    for n in sizes:
        t0 = time.perf_counter()
        db = write_database(n, work / f"career-{n}.db")
        made = time.perf_counter() - t0
        env = base_env(db)
        print(f"  {n:,} entries generated in {made:.1f} s", file=sys.stderr)
        have: dict[tuple[str, ...], bool] = {}
        report_id = None
        if available(["gap", "analyze"], env):
            report_id = save_reports(db, env, reports, work)
        for case in cases_for(work, reports):
            key = tuple(case.needs)
            if key and key not in have:
                have[key] = available(case.needs, env)
            if key and not have[key]:
                rows.append(
                    [
                        f"{case.name}",
                        f"{n:,}",
                        "-",
                        "-",
                        "-",
                        "-",
                        f"skipped: no `careerkit {' '.join(case.needs)}` in this build",
                    ]
                )
                continue
            words = [w.replace("{report}", report_id or "1") for w in case.words]
            ck = []
            for _ in range(runs):
                ck.append(run_once(careerkit_cmd() + words, env, stdin=case.stdin, timeout=timeout))
                if ck[-1].code == -9:
                    break  # timed out: once is enough to say so
            if ck[-1].code == -9:
                rows.append(
                    [
                        case.name,
                        f"{n:,}",
                        f"> {timeout:.0f} s",
                        "-",
                        "-",
                        f"{ck[-1].peak_kb / 1024:.0f} MB",
                        "timed out",
                    ]
                )
                continue
            # The insert floor writes a table of its own: give it a scratch file, not the record.
            floor_db = work / "floor-scratch.db" if case.floor_mode == "insert" else db
            fl = [
                run_once(floor(case.floor_mode, floor_db, "formative assessment"), env) for _ in range(runs)
            ]
            med = statistics.median(r.seconds for r in ck)
            fmed = statistics.median(r.seconds for r in fl)
            bad = [r for r in ck if r.code != 0]
            note = ""
            if bad:
                last = bad[-1].stderr.strip().splitlines()
                note = f"exit {bad[-1].code}: " + (last[-1][:90] if last else "")
            elif case.over_floor:
                note = f"+{(med - fmed) * 1000:.0f} ms over the floor"
            elif case.target:
                verdict = "ok" if med / fmed <= case.target else "MISSED"
                note = f"target <= {case.target:g}x the start-up floor: {verdict}"
            rows.append(
                [
                    case.name,
                    f"{n:,}",
                    f"{med:.3f} s",
                    f"{fmed:.3f} s",
                    f"{med / fmed:.1f}x",
                    f"{max(r.peak_kb for r in ck) / 1024:.0f} MB",
                    note,
                ]
            )
            print(f"  {case.name} @ {n:,}: {med:.3f} s", file=sys.stderr)
        for suffix in ("", "-wal", "-shm"):
            Path(str(db) + suffix).unlink(missing_ok=True)
    return rows


# -- output ---------------------------------------------------------------------------------


def table(headers: list[str], rows: list[list[str]]) -> str:
    widths = [max(len(str(x)) for x in col) for col in zip(headers, *rows, strict=True)]

    def line(cells: list[str]) -> str:
        return "| " + " | ".join(str(c).ljust(w) for c, w in zip(cells, widths, strict=True)) + " |"

    out = [line(headers), "|" + "|".join("-" * (w + 2) for w in widths) + "|"]
    out += [line(r) for r in rows]
    return "\n".join(out)


def machine() -> str:
    import platform
    import sqlite3

    try:
        load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    except OSError:
        load = "?"
    try:
        from importlib.metadata import version

        typer_version = version("typer")
    except Exception:
        typer_version = "?"
    return (
        f"Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}, typer "
        f"{typer_version}, {os.cpu_count()} CPUs, load {load}"
    )


def compile_package() -> None:
    """Byte-compile careerkit and the packages it imports first, as an installed package is.
    An editable checkout, or packages installed under PYTHONDONTWRITEBYTECODE=1, otherwise
    recompile every module on every run, and the table would measure the compiler (about
    0.3 s on `gap analyze`)."""
    import compileall
    import importlib.util

    import careerkit

    compileall.compile_dir(str(Path(careerkit.__file__).parent), quiet=1)
    for name in (
        "pydantic",
        "pydantic_core",
        "typer",
        "rich",
        "yaml",
        "sqlite_utils",
        "click",
        "markdown_it",
    ):
        spec = importlib.util.find_spec(name)
        if spec and spec.submodule_search_locations:
            for folder in spec.submodule_search_locations:
                compileall.compile_dir(folder, quiet=1)


def main() -> None:
    parser = argparse.ArgumentParser(
        description="careerkit benchmarks: ratios against a plain sqlite3 floor."
    )
    parser.add_argument(
        "--sizes",
        default="1000,10000,100000",
        help="record sizes for the scale table (comma-separated; default %(default)s)",
    )
    parser.add_argument(
        "--runs",
        type=int,
        default=None,
        help="start-up rounds (default 25; --quick 20, the minimum for a fair median)",
    )
    parser.add_argument("--quick", action="store_true", help="one run per scale figure, 20 start-up rounds")
    parser.add_argument("--startup-only", action="store_true")
    parser.add_argument("--scale-only", action="store_true")
    parser.add_argument("--reports", type=int, default=100, help="saved postings for `gap common`")
    parser.add_argument(
        "--timeout",
        type=float,
        default=300,
        help="seconds one command may take before it is reported as timed out",
    )
    parser.add_argument("--keep", metavar="DIR", help="work in DIR and keep the generated databases")
    args = parser.parse_args()
    sizes = [int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()]
    startup_runs = args.runs or (20 if args.quick else 25)
    scale_runs = 1 if args.quick else 3

    compile_package()
    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="careerkit-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    print(f"careerkit benchmarks: {machine()}", flush=True)
    try:
        if not args.scale_only:
            print(f"\nStart-up (median of {startup_runs} interleaved runs; ratio to the floor):", flush=True)
            rows = startup(startup_runs, work)
            print(table(["command", "median", "ratio", "peak mem", "target", "note"], rows), flush=True)
        if not args.startup_only:
            print(
                f"\nScale (median of {scale_runs}; floor = plain sqlite3 doing the equivalent read):",
                flush=True,
            )
            rows = scale(sizes, scale_runs, work, args.reports, args.timeout)
            print(
                table(["command", "entries", "careerkit", "floor", "ratio", "peak mem", "note"], rows),
                flush=True,
            )
    finally:
        MEM_FILE.unlink(missing_ok=True)
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
