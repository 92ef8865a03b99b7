"""What `careerkit --help` lists, so the root help is printed without importing every
command module (it is a start-up figure like `log`). Made from the real command tree by
`python -m careerkit.cli.root_help`; a test holds the two help screens equal."""

from __future__ import annotations

# (name, is a group, help), in the order the full app lists them.
COMMANDS: tuple[tuple[str, bool, str], ...] = (
    (
        "log",
        False,
        "Log an accomplishment in one line (same as `wins add`). With no text, opens $EDITOR on a template with the STAR fields.",
    ),
    (
        "status",
        False,
        "One screen: recent entries, goals due, credentials expiring, people to contact, the last posting's score, learning hours.",
    ),
    (
        "milestones",
        False,
        "Milestones reached, with their dates, found in the record: first win in a competency, credentials, goals done, gaps closed, self-ratings raised, 10/25/50/100 wins, a term with a win every week.",
    ),
    (
        "recap",
        False,
        "Look back over a period: wins by competency and by month with their impact, feedback highlights, learning hours, goals, gaps closed, self-ratings then and now, milestones and (for yourself) reflections, with the growth drawn. With no -o it prints to the terminal.",
    ),
    (
        "resume",
        False,
        "Build your resume from the record (Markdown, HTML, PDF, Word or JSON Resume); --for GAP_ID tailors it to a saved posting.",
    ),
    (
        "letter",
        False,
        "A cover-letter draft for a saved posting: the role, what draws you to the employer, your three stories that best answer the posting and an honest line on the largest gap; only facts from your record and the posting (Markdown, Word or PDF).",
    ),
    (
        "review",
        False,
        "A freshness review of the record for the resume: stale leads, wins with no numbers, weak openings, expiring credentials, unused feedback, roles with no wins.",
    ),
    (
        "prep",
        False,
        "The interview-prep brief for a saved posting (gap report): the posting in a few lines, an opening, the best story for each requirement with a 30-second version, honest answers to the gaps, questions from the posting and the role, why-here prompts, a 30-60-90-day skeleton, what others have said and a checklist. Markdown and HTML print to standard output unless -o is given; PDF and Word go to a file (interview-brief-GAP_ID.pdf by default, '-o -' for standard output).",
    ),
    (
        "demo",
        False,
        "Try careerkit on a sample educator and a sample posting: the gap report, then the resume and interview brief as files. Your own record is not touched.",
    ),
    (
        "search",
        False,
        'Search every kind of record; best matches first, words highlighted. Words must all appear; "quote a phrase"; end a word with * for a prefix.',
    ),
    (
        "import",
        False,
        "Read a career file (YAML or JSON) into the database: all or nothing. Adds to what is there; --replace replaces it after a backup.",
    ),
    ("export", False, "Write the whole record as a career file (YAML or JSON)."),
    ("backup", False, "Copy the database safely, even while another command writes."),
    (
        "doctor",
        False,
        "Check the database: integrity, search index, permissions, schema. --fix repairs what it can.",
    ),
    (
        "encrypt",
        False,
        "Encrypt the record at rest (SQLCipher); the key goes to your keyring. With --init on a new --db path, a new record starts encrypted.",
    ),
    ("decrypt", False, "Turn an encrypted record back into a plain one."),
    (
        "share",
        False,
        "A snapshot of where you stand, for the lead of a leadership cohort: your target\nrole, self-ratings per standard with counts of evidence, your standing on what postings for the\nrole share, goals by kind and status, learning hours, and milestones. Never a private entry,\nthe text of an entry, feedback or another person's name. Review it first with --preview.",
    ),
    ("wins", True, "Accomplishments: the brag log behind the resume."),
    ("feedback", True, "Feedback received from supervisors, colleagues, staff, parents and students."),
    ("learn", True, "The learning log: courses, workshops, books, conferences."),
    ("roles", True, "Positions held: the resume's experience, and the years that postings ask for."),
    ("creds", True, "Degrees, certifications, licences, endorsements, trainings and awards."),
    ("network", True, "Mentors, sponsors, peers and coaches."),
    ("goals", True, "Goals: the experiences, learning and credentials you are working towards."),
    ("config", True, "Settings: nudges on/off, contact cadence per relationship, the default framework."),
    (
        "assess",
        True,
        "Rate yourself 1-3 against a leadership framework, standard by standard, with the evidence from your record beside each.",
    ),
    (
        "reflect",
        True,
        "Reflect: what happened, what you did, what you learned, what you would do differently, and how you know. With no text, opens $EDITOR on a guided template. Private by default.",
    ),
    (
        "plan",
        True,
        "The development plan: the gaps that matter most, from what your saved postings\nask for again and again (gap common) and from your low self-assessment ratings (assess);\nthe goals already set for each; and numbered suggestions to close them: stretch\nassignments, learning, credentials, and people in your network to ask (a mentor in the\nrole you want, a sponsor).\n\n\x08\nTurn a suggestion into a goal:  careerkit plan take N --due 2025-06\nLink the wins that fulfil it:   careerkit goals link GOAL_ID WIN_ID --done",
    ),
    ("gap", True, "Read job postings against your record."),
    ("frameworks", True, "Competency frameworks."),
    ("profile", True, "Your name, contact details, headline and target roles."),
    ("key", True, "The key of an encrypted record: write it down, bring it to a new machine."),
    ("cohort", True, "A district's leadership cohort, from the snapshots members share."),
    (
        "recovery",
        True,
        "What you typed in the editor and could not be saved: list it, save it again, or remove it.",
    ),
)


def generate() -> str:
    """This file's text, with COMMANDS read from the full app."""
    from pathlib import Path

    import click
    import typer.main

    from careerkit.cli import build_app

    group = typer.main.get_command(build_app())
    assert isinstance(group, click.Group)
    rows = []
    for name in group.list_commands(None):  # type: ignore[arg-type]
        command = group.get_command(None, name)  # type: ignore[arg-type]
        assert command is not None
        rows.append(f"    ({name!r}, {hasattr(command, 'list_commands')!r}, {command.help!r}),")
    text = Path(__file__).read_text(encoding="utf-8")
    head, rest = text.split("COMMANDS: tuple[tuple[str, bool, str], ...] = ", 1)
    tail = rest.split("\n\n\n", 1)[1]
    return head + "COMMANDS: tuple[tuple[str, bool, str], ...] = (\n" + "\n".join(rows) + "\n)\n\n\n" + tail


if __name__ == "__main__":
    import sys
    from pathlib import Path

    Path(__file__).write_text(generate(), encoding="utf-8")
    sys.stderr.write(f"wrote {__file__}\n")
