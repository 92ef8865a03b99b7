"""Make a realistic career record of N entries, quickly, for the benchmarks.

    python bench/generate.py 10000 /tmp/career-10k.db      # a database (bulk insert)
    python bench/generate.py 1000 /tmp/career-1k.yaml       # a career file to import

The mix is what a long career looks like: mostly wins, feedback and learning, a few dozen
positions and credentials, some people and goals. Text comes from an educator's vocabulary,
so full-text search and gap analysis see words they would see in real use. Deterministic:
the same N and seed give the same record.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

# share of entries by section (the rest of the rounding goes to accomplishments)
MIX = {
    "positions": 0.004,
    "credentials": 0.01,
    "feedback": 0.2,
    "learning": 0.15,
    "network": 0.03,
    "goals": 0.02,
}

SKILLS = [
    "formative assessment",
    "data use",
    "adult learning",
    "coaching cycles",
    "PLC facilitation",
    "curriculum design",
    "restorative practices",
    "family engagement",
    "MTSS",
    "budgeting",
    "scheduling",
    "teacher evaluation",
    "instructional leadership",
    "equity",
    "SEL",
    "literacy",
    "math instruction",
    "special education",
    "English learners",
    "school culture",
    "project management",
    "grant writing",
    "professional development",
    "technology integration",
    "conflict resolution",
    "change management",
    "student discipline",
    "attendance",
    "state testing",
    "community partnerships",
]
VERBS = [
    "Led",
    "Designed",
    "Launched",
    "Chaired",
    "Coached",
    "Facilitated",
    "Built",
    "Rewrote",
    "Organized",
    "Mentored",
    "Piloted",
    "Presented",
    "Analyzed",
    "Redesigned",
    "Coordinated",
]
OBJECTS = [
    "a formative-assessment PLC for {n} teachers",
    "the grade {g} writing curriculum",
    "a family literacy night for {n} families",
    "the school improvement team",
    "a new-teacher induction program for {n} teachers",
    "the MTSS data meetings",
    "a restorative circles pilot in {n} classrooms",
    "the master schedule for {n} sections",
    "a coaching cycle with {n} early-career teachers",
    "the attendance task force",
    "a district PD session on data use for {n} staff",
    "the summer bridge program",
    "a peer observation protocol",
    "the {g}th grade team's common assessments",
    "a grant application for ${n},000 in STEM materials",
    "the school's SEL screener rollout",
]
IMPACTS = [
    "pass rate up {n} points",
    "chronic absence down {n}%",
    "{n} teachers adopted it",
    "referrals down {n}%",
    "reading growth up {n} percentile points",
    "${n},000 funded",
    "retention of new teachers up {n}%",
    None,
    None,
]
FEEDBACK = [
    "Your data meetings changed how we plan.",
    "The coaching cycle gave me my confidence back.",
    "Thank you for listening to our concerns about the bus schedule.",
    "You made the PLC a place where people tell the truth about their data.",
    "My daughter finally likes reading; thank you for the book club.",
    "Clear agendas, and every meeting ended with next steps.",
    "You handled the parent conference with real care.",
    "I wish every department chair ran meetings like this.",
    "Your feedback on my lesson plans was specific and kind.",
]
FIRST = [
    "Dana",
    "Sam",
    "Priya",
    "Marcus",
    "Elena",
    "Jordan",
    "Taylor",
    "Chris",
    "Aisha",
    "Wei",
    "Maria",
    "Kevin",
    "Fatima",
    "Luis",
    "Grace",
    "Omar",
    "Hannah",
    "Diego",
    "Nia",
    "Ben",
]
LAST = [
    "Lee",
    "Ortiz",
    "Patel",
    "Johnson",
    "Garcia",
    "Nguyen",
    "Brown",
    "Kim",
    "Okafor",
    "Rossi",
    "Smith",
    "Haddad",
    "Cohen",
    "Silva",
    "Murphy",
    "Chen",
    "Diaz",
    "Khan",
]
ORGS = [
    "Riverside Middle School",
    "Oak Elementary",
    "Lincoln High School",
    "Maple Unified",
    "Cedar Academy",
    "Northside ISD",
    "Harbor Charter School",
]
TITLES = [
    ("Grade 5 Teacher", "teaching"),
    ("Math Teacher", "teaching"),
    ("Instructional Coach", "leadership"),
    ("ELA Department Chair", "leadership"),
    ("Assistant Principal", "administration"),
    ("Dean of Students", "administration"),
    ("Reading Specialist", "support"),
    ("Principal", "administration"),
]
COURSES = [
    "Leading PLCs institute",
    "Data-Driven Instruction",
    "Culturally Responsive Teaching",
    "Crucial Conversations",
    "The Principal as Instructional Leader",
    "School Finance 101",
    "Restorative Practices Training",
    "Visible Learning",
    "The Coaching Habit",
]


def date_for(rng: random.Random) -> str:
    year = rng.randint(2005, 2025)
    return f"{year:04d}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def fill(rng: random.Random, template: str) -> str:
    return template.format(n=rng.randint(3, 40), g=rng.randint(3, 9))


def person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def accomplishment(rng: random.Random) -> dict[str, Any]:
    title = f"{rng.choice(VERBS)} {fill(rng, rng.choice(OBJECTS))}"
    impact = rng.choice(IMPACTS)
    return {
        "date": date_for(rng),
        "title": title,
        "details": f"Worked with {person(rng)} and the team; " + fill(rng, rng.choice(OBJECTS)) + ".",
        "situation": "Scores were flat for two years." if rng.random() < 0.3 else None,
        "action": "Set norms, met weekly, and looked at student work together."
        if rng.random() < 0.3
        else None,
        "impact": fill(rng, impact) if impact else None,
        "position": rng.choice(TITLES)[0],
        "kind": rng.choice(["leadership", "committee", "pilot", "mentoring", "data", "other"]),
        "skills": rng.sample(SKILLS, rng.randint(1, 4)),
        "evidence": [],
        "private": rng.random() < 0.05,
    }


def feedback(rng: random.Random) -> dict[str, Any]:
    return {
        "date": date_for(rng),
        "text": rng.choice(FEEDBACK),
        "from": person(rng),
        "relationship": rng.choice(
            ["supervisor", "colleague", "direct-report", "parent", "student", "mentor"]
        ),
        "context": rng.choice(["End-of-year evaluation", "Walkthrough", "Email", None]),
        "private": rng.random() < 0.1,
    }


def learning(rng: random.Random) -> dict[str, Any]:
    return {
        "date": date_for(rng),
        "title": rng.choice(COURSES),
        "kind": rng.choice(["course", "workshop", "book", "conference", "webinar"]),
        "provider": rng.choice(["State Leadership Academy", "ASCD", "Learning Forward", None]),
        "hours": rng.choice([1, 2, 6, 12, 30]),
        "status": "done",
        "skills": rng.sample(SKILLS, rng.randint(1, 3)),
        "takeaways": "Start with the student work, not the spreadsheet." if rng.random() < 0.3 else None,
    }


def position(rng: random.Random, i: int) -> dict[str, Any]:
    title, category = TITLES[i % len(TITLES)]
    start = 2000 + (i % 25)
    return {
        "title": title,
        "organization": rng.choice(ORGS),
        "location": "Dayton, OH",
        "start": f"{start}-08",
        "end": f"{start + rng.randint(1, 4)}-06" if i else None,
        "category": category,
        "level": rng.choice(["elementary", "middle", "high"]),
        "summary": f"Served about {rng.randint(100, 900)} students.",
    }


def credential(rng: random.Random, i: int) -> dict[str, Any]:
    if i % 3 == 0:
        return {
            "kind": "degree",
            "name": rng.choice(["M.Ed. Educational Leadership", "B.A. English", "Ed.S. Administration"]),
            "level": rng.choice(["bachelor", "master", "specialist"]),
            "field": "Educational Leadership",
            "issuer": "Wright State University",
            "date": date_for(rng),
            "status": "earned",
        }
    return {
        "kind": rng.choice(["certification", "license", "endorsement", "training"]),
        "name": rng.choice(
            ["Ohio Principal License", "Reading Endorsement", "TESOL Certificate", "CPR Training"]
        ),
        "issuer": "Ohio Department of Education",
        "date": date_for(rng),
        "expires": f"{rng.randint(2024, 2030)}-06-30",
        "status": "earned",
    }


def contact(rng: random.Random) -> dict[str, Any]:
    return {
        "name": person(rng),
        "relationship": rng.choice(["mentor", "sponsor", "peer", "coach"]),
        "role": rng.choice(["Principal", "Director of School Leadership", "Coach", None]),
        "organization": rng.choice(ORGS),
        "last_contact": date_for(rng),
        "notes": "Met at the leadership academy." if rng.random() < 0.3 else None,
    }


def goal(rng: random.Random) -> dict[str, Any]:
    return {
        "title": rng.choice(
            [
                "Chair the school improvement team",
                "Earn the principal license",
                "Lead a district PD session",
                "Find a sponsor in central office",
            ]
        ),
        "kind": rng.choice(["stretch-assignment", "credential", "network", "learning"]),
        "skills": rng.sample(SKILLS, 2),
        "due": f"{rng.randint(2024, 2027)}-06",
        "status": rng.choice(["planned", "active", "done"]),
        "notes": None,
    }


def counts_for(n: int) -> dict[str, int]:
    counts = {section: max(1, int(n * share)) for section, share in MIX.items()}
    counts["accomplishments"] = max(1, n - sum(counts.values()))
    return counts


def career(n: int, seed: int = 7) -> dict[str, Any]:
    """The career file (as a dict) of about n entries."""
    rng = random.Random(seed)
    counts = counts_for(n)
    data: dict[str, Any] = {
        "careerkit": 1,
        "profile": {
            "name": "Jordan Rivera",
            "headline": "Instructional Coach",
            "email": "jordan@example.org",
            "location": "Dayton, OH",
            "summary": "Teacher and coach of twenty years.",
            "target_roles": ["Assistant Principal"],
        },
    }
    data["positions"] = [position(rng, i) for i in range(counts["positions"])]
    data["credentials"] = [credential(rng, i) for i in range(counts["credentials"])]
    data["accomplishments"] = [accomplishment(rng) for _ in range(counts["accomplishments"])]
    data["feedback"] = [feedback(rng) for _ in range(counts["feedback"])]
    data["learning"] = [learning(rng) for _ in range(counts["learning"])]
    data["network"] = [contact(rng) for _ in range(counts["network"])]
    data["goals"] = [goal(rng) for _ in range(counts["goals"])]
    return data


def write_database(n: int, path: Path, seed: int = 7) -> Path:
    """A careerkit database holding about n entries, through careerkit.store (bulk insert)."""
    from careerkit.models import kinds as K
    from careerkit.store import records as R
    from careerkit.store.db import connect, transaction

    path = Path(path)
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    data = career(n, seed)
    conn = connect(path)
    try:
        with transaction(conn):
            R.set_profile(conn, data["profile"])
            for kind in K.KINDS:
                rows = ({kind.column(k): v for k, v in e.items()} for e in data[kind.table])
                R.insert_many(conn, kind, rows)
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()
    return path


def write_career_file(n: int, path: Path, seed: int = 7) -> Path:
    import json

    data = career(n, seed)
    path = Path(path)
    if path.suffix == ".json":
        path.write_text(json.dumps(data, indent=1), encoding="utf-8")
    else:
        from careerkit.store.io import dump

        path.write_text(dump(data, "yaml"), encoding="utf-8")
    return path


def entries(n: int) -> Iterator[int]:
    yield from counts_for(n).values()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int, help="how many entries")
    parser.add_argument("path", help="a .db file, or a .yaml/.json career file")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    path = Path(args.path)
    if path.suffix in (".yaml", ".yml", ".json"):
        write_career_file(args.n, path, args.seed)
    else:
        write_database(args.n, path, args.seed)
    print(f"{path}: {sum(entries(args.n)):,} entries")


def posting_variants(text: str, count: int) -> Iterator[str]:
    """`count` postings like `text`, each with its own school and a few requirements left out,
    so that `gap common` sees what they share and what they do not."""
    rng = random.Random(11)
    lines = text.splitlines()
    for i in range(count):
        school = f"{rng.choice(ORGS).split()[0]} School No. {i + 1}"
        kept = [line for line in lines if not line.startswith("- ") or rng.random() > 0.15]
        yield f"Assistant Principal, {school}\n" + "\n".join(kept[1:]) + "\n"


if __name__ == "__main__":
    main()
