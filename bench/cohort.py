"""`careerkit cohort report` at scale: synthetic snapshots (valid checksums, varied ratings,
standings, goals and learning), then the report's time and peak memory.

    python bench/cohort.py                       # 100, 10,000 and 100,000 snapshots
    python bench/cohort.py --sizes 100,10000
    python bench/cohort.py --write 500 DIR       # just the snapshots, for a look

Target (issue 13): 10,000 snapshots within 5 seconds on this machine.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

ROLES = ["Assistant Principal", "Principal", "Instructional Coach", "Director of Curriculum"]
STANDARDS = [
    ("psel-1", "Mission, Vision, and Core Values"),
    ("psel-2", "Ethics and Professional Norms"),
    ("psel-3", "Equity and Cultural Responsiveness"),
    ("psel-4", "Curriculum, Instruction, and Assessment"),
    ("psel-5", "Community of Care and Support for Students"),
    ("psel-6", "Professional Capacity of School Personnel"),
    ("psel-7", "Professional Community for Teachers and Staff"),
    ("psel-8", "Meaningful Engagement of Families and Community"),
    ("psel-9", "Operations and Management"),
    ("psel-10", "School Improvement"),
]
REQUIREMENTS = [
    ("degree:master", "Master's degree", "education"),
    ("credential:administrator", "Administrator / principal certification", "credential"),
    ("years:teaching", "Years of teaching experience", "experience"),
    ("years:leadership", "Years of leadership experience", "experience"),
    ("term:budget", "Budget", "responsibility"),
    ("term:master schedule", "Master schedule", "responsibility"),
    ("term:special education", "Special education", "skill"),
    ("term:mtss", "MTSS", "skill"),
    ("term:teacher evaluation", "Teacher evaluation", "responsibility"),
    ("term:school safety", "School safety", "responsibility"),
    ("term:family engagement", "Family engagement", "responsibility"),
    ("term:data analysis", "Data analysis", "skill"),
]
FIRST = ["Avery", "Jordan", "Riley", "Sam", "Dana", "Morgan", "Casey", "Priya", "Mateo", "Lin", "Noor", "Ada"]
LAST = ["Lee", "Ortiz", "Chen", "Okafor", "Patel", "Rivera", "Nguyen", "Kowalski", "Haddad", "Brown"]


def snapshot(n: int, rng: random.Random, cohort: str) -> dict:
    role = rng.choice(ROLES)
    standards = []
    for sid, title in STANDARDS:
        rating = rng.choice([None, 1, 2, 2, 3]) if rng.random() < 0.8 else None
        standards.append(
            {
                "id": sid,
                "title": title,
                "rating": rating,
                "rated": "2026-10-01" if rating else None,
                "evidence": {
                    "accomplishments": rng.randint(0, 6),
                    "feedback": rng.randint(0, 3),
                    "learning": rng.randint(0, 2),
                },
            }
        )
    reqs = []
    for key, label, typ in rng.sample(REQUIREMENTS, rng.randint(6, len(REQUIREMENTS))):
        postings = rng.randint(2, 6)
        reqs.append(
            {
                "key": key,
                "label": label,
                "type": typ,
                "postings": postings,
                "required": rng.randint(0, postings),
                "standing": rng.choice(["met", "partial", "gap"]),
                "competencies": [],
            }
        )
    goals = [
        {
            "kind": rng.choice(["stretch-assignment", "learning", "credential", "network"]),
            "status": rng.choice(["planned", "active", "done"]),
            "due": "2027-06-30",
            "gap": rng.choice([None, *[label for _, label, _ in REQUIREMENTS[:6]]]),
            "competencies": [],
        }
        for _ in range(rng.randint(0, 4))
    ]
    hours = {"course": float(rng.randint(0, 40)), "workshop": float(rng.randint(0, 20))}
    named = rng.random() < 0.6
    return {
        "created": f"2026-11-{rng.randint(1, 28):02d}T12:00:00Z",
        "cohort": cohort,
        "member": {
            "id": f"{n:032x}",
            "name": f"{rng.choice(FIRST)} {rng.choice(LAST)} {n}" if named else None,
        },
        "target_role": role,
        "postings": rng.randint(1, 8),
        "frameworks": [
            {"id": "psel", "name": "Professional Standards for Educational Leaders", "standards": standards}
        ],
        "requirements": reqs,
        "goals": goals,
        "learning": {
            "hours_done": sum(hours.values()),
            "hours_in_progress": float(rng.randint(0, 10)),
            "by_kind": hours,
            "completed": rng.randint(0, 6),
        },
        "milestones": [{"kind": "wins", "date": "2026-03-01", "label": "10 wins logged"}]
        if rng.random() < 0.5
        else [],
        "wins": [],
    }


def write(count: int, folder: Path, seed: int = 7, cohort: str = "Aspiring Leaders 2026") -> list[Path]:
    """`count` snapshot files in folder, each a valid careerkit snapshot."""
    import json

    from careerkit.formats.share import checksum
    from careerkit.models.share import FORMAT, VERSION

    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for n in range(count):
        body = snapshot(n, rng, cohort)
        path = folder / f"member-{n:06d}.ckshare.json"
        shared = {"format": FORMAT, "version": VERSION, "snapshot": body, "checksum": checksum(body)}
        path.write_text(json.dumps(shared, indent=2, ensure_ascii=False, sort_keys=True), encoding="utf-8")
        out.append(path)
    return out


def measure(count: int, work: Path) -> tuple[float, int]:
    """Seconds and peak memory (MB) of `careerkit cohort report` over `count` snapshots."""
    from run import base_env, careerkit_cmd, run_once

    folder = work / f"snapshots-{count}"
    if not folder.exists():
        write(count, folder)
    env = base_env(work / "unused.db")
    r = run_once(
        careerkit_cmd() + ["cohort", "report", str(folder), "-o", str(work / "report.html"), "--force"], env
    )
    if r.code != 0:
        sys.exit(f"cohort report failed on {count}: {r.stderr.strip()[-400:]}")
    return r.seconds, r.peak_kb // 1024


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", default="100,10000,100000")
    parser.add_argument(
        "--write", nargs=2, metavar=("COUNT", "DIR"), help="only write COUNT snapshots into DIR"
    )
    args = parser.parse_args()
    if args.write:
        write(int(args.write[0]), Path(args.write[1]))
        return
    from run import compile_package

    compile_package()
    work = Path(tempfile.mkdtemp(prefix="careerkit-bench-cohort-"))
    try:
        print(f"{'snapshots':>10} {'seconds':>9} {'peak MB':>8} {'ms per 1k':>10}")
        for size in [int(s) for s in args.sizes.split(",")]:
            seconds, peak = measure(size, work)
            print(f"{size:>10,} {seconds:>9.2f} {peak:>8} {seconds / size * 1e6:>10.0f}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
