"""An example for every command, shown at the end of its --help (as simonw/llm does).
cli/app.py attaches them as each module registers its commands; tests/cli/test_help.py fails
when a command has none, or when an example names a command or option that does not exist.
Keys are command paths ('' is the root); each value is one or more command lines."""

from __future__ import annotations

EXAMPLES: dict[str, tuple[str, ...]] = {
    "": (
        'careerkit log "Led the grade 4 PLC through a data cycle" --skill PLC',
        "careerkit gap analyze posting.txt",
    ),
    "log": (
        'careerkit log "Chaired the attendance committee" --impact "chronic absence down 4 points" -k committee',
        "careerkit log    # no text: opens $EDITOR on the STAR template",
    ),
    "status": ("careerkit status",),
    "resume": (
        "careerkit resume -o resume.pdf",
        "careerkit resume --for 3 --pages 1 -o resume-oak-hill.pdf",
    ),
    "review": ("careerkit review",),
    "prep": (
        "careerkit prep 3 -o brief.pdf",
        "careerkit prep 3 --format md --redact",
    ),
    "demo": ("careerkit demo --out /tmp/careerkit-demo",),
    "search": (
        'careerkit search "restorative circles" -k wins -k feedback',
        "careerkit search data* --any",
    ),
    "import": (
        "careerkit import career.yaml",
        "careerkit import resume.json --format jsonresume",
    ),
    "export": (
        "careerkit export -o career.yaml",
        "careerkit export --redact --format json",
    ),
    "backup": ("careerkit backup ~/Documents/careerkit-copy.db",),
    "doctor": ("careerkit doctor --fix",),
    # -- the record groups ---------------------------------------------------------------
    "wins": ('careerkit wins add "Launched a peer-observation cycle" --skill coaching',),
    "wins add": (
        'careerkit wins add "Launched a peer-observation cycle" --skill coaching --kind pilot',
        "careerkit wins add    # no text: opens $EDITOR",
    ),
    "wins list": ("careerkit wins list --since 2024-08 --kind leadership",),
    "wins show": ("careerkit wins show 12 --json",),
    "wins edit": ('careerkit wins edit 12 --impact "reading growth up 9 points"',),
    "wins rm": ("careerkit wins rm 12 --yes",),
    "feedback": ('careerkit feedback add "Your data meetings changed our team" -r supervisor',),
    "feedback add": (
        'careerkit feedback add "Your data meetings changed our team" -r supervisor --context "mid-year review"',
    ),
    "feedback list": ("careerkit feedback list --from-relationship parent",),
    "feedback show": ("careerkit feedback show 4",),
    "feedback edit": ('careerkit feedback edit 4 --from "Dr. Ruiz"',),
    "feedback rm": ("careerkit feedback rm 4",),
    "feedback themes": ("careerkit feedback themes --framework psel",),
    "learn": ('careerkit learn add "Cognitive Coaching Foundations" --hours 32 --kind course',),
    "learn add": ('careerkit learn add "Cognitive Coaching Foundations" --hours 32 --kind course',),
    "learn list": ("careerkit learn list --since 2024 --kind book",),
    "learn show": ("careerkit learn show 2",),
    "learn edit": ("careerkit learn edit 2 --status done",),
    "learn rm": ("careerkit learn rm 2",),
    "roles": (
        'careerkit roles add "Instructional Coach" --org "Oak Hill USD" --start 2021-08 -c leadership',
    ),
    "roles add": (
        'careerkit roles add "Instructional Coach" --org "Oak Hill USD" --start 2021-08 -c leadership',
    ),
    "roles list": ("careerkit roles list --kind leadership",),
    "roles show": ("careerkit roles show 1",),
    "roles edit": ("careerkit roles edit 1 --end 2024-06",),
    "roles rm": ("careerkit roles rm 1",),
    "creds": ('careerkit creds add "M.Ed. Educational Leadership" --kind degree --level master',),
    "creds add": (
        'careerkit creds add "Administrative Services Credential" --kind license --expires 2029-06',
    ),
    "creds list": ("careerkit creds list --kind license",),
    "creds show": ("careerkit creds show 3",),
    "creds edit": ("careerkit creds edit 3 --status earned --date 2025-05",),
    "creds rm": ("careerkit creds rm 3",),
    "network": ('careerkit network add "Priya Raman" -r mentor --role "Assistant Principal"',),
    "network add": ('careerkit network add "Priya Raman" -r mentor --role "Assistant Principal"',),
    "network list": ("careerkit network list --kind sponsor",),
    "network show": ("careerkit network show 5",),
    "network edit": ("careerkit network edit 5 --last-contact yesterday",),
    "network rm": ("careerkit network rm 5",),
    "network touch": (
        'careerkit network touch priya --kind informational-interview -m "advice on the AP interview"',
    ),
    "network touches": ("careerkit network touches priya",),
    "network cadence": ("careerkit network cadence priya 6w",),
    "goals": (
        'careerkit goals add "Lead the summer data institute" --kind stretch-assignment --due 2025-06',
    ),
    "goals add": (
        'careerkit goals add "Lead the summer data institute" --kind stretch-assignment --due 2025-06',
    ),
    "goals list": ("careerkit goals list --kind credential",),
    "goals show": ("careerkit goals show 2",),
    "goals edit": ("careerkit goals edit 2 --status active",),
    "goals rm": ("careerkit goals rm 2",),
    "goals link": ("careerkit goals link 2 14 15 --done",),
    "goals unlink": ("careerkit goals unlink 2 15",),
    "goals links": ("careerkit goals links 2",),
    # -- growing --------------------------------------------------------------------------
    "config": ("careerkit config set cadence.mentor 4w",),
    "config list": ("careerkit config list",),
    "config get": ("careerkit config get nudges",),
    "config set": ("careerkit config set nudges off",),
    "config unset": ("careerkit config unset cadence.mentor",),
    "assess": (
        "careerkit assess --framework psel-2015",
        "careerkit assess --standard psel-4 --standard psel-5",
    ),
    "assess set": ('careerkit assess set psel-4 2 -m "led the grade-level PLC cycle"',),
    "assess show": ("careerkit assess show --framework tlms-2011",),
    "assess history": ("careerkit assess history",),
    "plan": ("careerkit plan",),
    "plan take": ("careerkit plan take 2 --due 2025-06 --status active",),
    # -- postings ---------------------------------------------------------------------------
    "gap": ("careerkit gap analyze posting.txt",),
    "gap analyze": (
        "careerkit gap analyze posting.txt",
        "pbpaste | careerkit gap analyze - --title 'Assistant Principal' --org 'Oak Hill USD'",
    ),
    "gap list": ("careerkit gap list",),
    "gap show": ("careerkit gap show 3 --json",),
    "gap rm": ("careerkit gap rm 3",),
    "gap rerun": ("careerkit gap rerun 3",),
    "gap common": ("careerkit gap common --role 'assistant principal'",),
    "frameworks": ("careerkit frameworks show psel-4",),
    "frameworks list": ("careerkit frameworks list",),
    "frameworks show": ("careerkit frameworks show psel",),
    "profile": ('careerkit profile set --name "Maya Okafor" --target-role "Assistant Principal"',),
    "profile show": ("careerkit profile show",),
    "profile set": (
        'careerkit profile set --headline "Instructional Coach" --link "Portfolio=https://example.org"',
    ),
    # -- documents and growth added in 0.2.0 -------------------------------------------------
    "letter": (
        "careerkit letter 3 -o cover-letter.docx",
        "careerkit letter 3 --format md --title 'Assistant Principal'",
    ),
    "plan link": ("careerkit plan link 7 2    # goal 7 answers gap 2 of the last plan",),
    "reflect": ('careerkit reflect "The data meeting stalled" --learned "bring one question, not ten"',),
    "reflect add": (
        'careerkit reflect add "Hard conversation with a veteran teacher" --on win:12 -c psel-6',
        "careerkit reflect add --prompt after-an-observation    # opens $EDITOR on the prompt",
    ),
    "reflect list": ("careerkit reflect list --since 2025-08 -c psel-6",),
    "reflect show": ("careerkit reflect show 4",),
    "reflect rm": ("careerkit reflect rm 4",),
    "reflect prompts": ("careerkit reflect prompts",),
    "milestones": ("careerkit milestones --since 2025-08",),
    "encrypt": (
        "careerkit encrypt",
        "careerkit --db ~/new-career.db --init encrypt    # a new record, encrypted from the start",
    ),
    "decrypt": ("careerkit decrypt",),
    "key": ("careerkit key export",),
    "key export": ("careerkit key export    # write the code down, keep it apart from the laptop",),
    "key import": ("careerkit key import 0A1B2C3D-4E5F6071-...",),
    "recovery": ("careerkit recovery list",),
    "recovery list": ("careerkit recovery list --json",),
    "recovery retry": ("careerkit recovery retry 1 --edit    # fix what made it fail, then save it",),
    "recovery rm": ("careerkit recovery rm 1",),
    "share": (
        'careerkit share --cohort "Aspiring Principals 2026" --preview',
        'careerkit share --cohort "Aspiring Principals 2026" --name -o me.ckshare.json',
    ),
    "cohort": ("careerkit cohort report snapshots/ -o cohort.html",),
    "cohort report": (
        "careerkit cohort report snapshots/ -o cohort.html",
        "careerkit cohort report snapshots/ --db cohort.duckdb --parquet tables/",
    ),
    "recap": (
        "careerkit recap --since 2025-08 -o recap.pdf",
        "careerkit recap --since 2025-08 --for-audience sponsor --format html -o recap.html",
    ),
}


def epilog(path: str) -> str | None:
    """The help's closing block for a command path, or None when there is no example.
    Click keeps the lines as written after a \\b line."""
    lines = EXAMPLES.get(path)
    if not lines:
        return None
    label = "Example:" if len(lines) == 1 else "Examples:"
    return label + "\n\n\b\n" + "\n".join(f"  {line}" for line in lines)
