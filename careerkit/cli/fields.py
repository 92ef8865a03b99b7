"""The command-line options of each kind of record, shared by `add` and `edit` (and by
`log`, which is `wins add`). One place, so that the two never drift apart."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Optional

import typer


@dataclass(frozen=True)
class Field:
    key: str  # career-file key
    flags: tuple[str, ...]
    help: str
    kind: str = "text"  # text | list | flag | number
    metavar: str | None = None


def _f(key, *flags, help, kind="text", metavar=None):
    return Field(key, flags or (f"--{key.replace('_', '-')}",), help, kind, metavar)


DATE = _f(
    "date",
    "--date",
    help="When it happened: 2024-03-12, 2024-03, yesterday, 'last friday' (default: today).",
    metavar="DATE",
)
SKILLS = _f(
    "skills", "--skill", "-s", help="A skill it shows; repeat for more.", kind="list", metavar="SKILL"
)
PRIVATE = _f(
    "private",
    "--private/--public",
    help="Private entries never leave the machine in a document or export.",
    kind="flag",
)

FIELDS: dict[str, tuple[Field, ...]] = {
    "accomplishment": (
        DATE,
        _f("impact", "--impact", "-i", help="The measurable outcome: 'pass rate up 11 points'."),
        SKILLS,
        _f(
            "kind",
            "--kind",
            "-k",
            help="stretch, leadership, committee, pilot, mentoring, professional-learning, data, operations, community, union, award, other.",
        ),
        _f(
            "position",
            "--position",
            "--role",
            help="The position it belongs to: a title, or 'title @ organization'.",
        ),
        _f("details", "--details", help="Free text."),
        _f("situation", "--situation", help="STAR: the situation."),
        _f("task", "--task", help="STAR: the task."),
        _f("action", "--action", help="STAR: what you did."),
        _f("result", "--result", help="STAR: the result."),
        _f(
            "evidence",
            "--evidence",
            "-e",
            help="A file or link that proves it; repeat for more.",
            kind="list",
            metavar="PATH|URL",
        ),
        PRIVATE,
    ),
    "feedback": (
        DATE,
        _f("from", "--from", help="Who said it (optional; names stay out of documents unless asked)."),
        _f(
            "relationship",
            "--relationship",
            "-r",
            help="supervisor, colleague, direct-report, parent, student, mentor, other.",
        ),
        _f("context", "--context", help="Where it was said: 'end-of-year evaluation'."),
        PRIVATE,
    ),
    "learning": (
        DATE,
        _f(
            "kind",
            "--kind",
            "-k",
            help="course, workshop, webinar, conference, book, podcast, certification-prep, degree-program, coaching, other.",
        ),
        _f("provider", "--provider", help="Who offered it."),
        _f("hours", "--hours", help="Hours spent.", kind="number"),
        _f("status", "--status", help="done, in-progress, planned (default done)."),
        SKILLS,
        _f("takeaways", "--takeaways", help="What you took from it."),
    ),
    "position": (
        _f("organization", "--org", "--organization", help="School, district or employer."),
        _f("start", "--start", help="Start date: 2022-08.", metavar="DATE"),
        _f("end", "--end", help="End date; leave out for a current role.", metavar="DATE"),
        _f("category", "--category", "-c", help="teaching, leadership, administration, support, other."),
        _f("location", "--location", help="Town, state or country."),
        _f("level", "--level", help="elementary, middle, high, K-12, district ..."),
        _f("summary", "--summary", help="One line on the role."),
    ),
    "credential": (
        _f("kind", "--kind", "-k", help="degree, certification, license, endorsement, training, award."),
        _f("level", "--level", help="For degrees: associate, bachelor, master, specialist, doctorate."),
        _f("field", "--field", help="Field of study or certification area."),
        _f("issuer", "--issuer", help="University, state board, or other issuer."),
        _f("date", "--date", help="Date earned (or started).", metavar="DATE"),
        _f("expires", "--expires", help="Expiry date.", metavar="DATE"),
        _f("status", "--status", help="earned, in-progress, planned (default earned)."),
    ),
    "contact": (
        _f("relationship", "--relationship", "-r", help="mentor, sponsor, peer, coach, other."),
        _f("role", "--role", help="Their role: 'Director of School Leadership'."),
        _f("organization", "--org", "--organization", help="Where they work."),
        _f("last_contact", "--last-contact", help="When you last spoke.", metavar="DATE"),
        _f("notes", "--notes", help="Free text."),
    ),
    "goal": (
        _f("kind", "--kind", "-k", help="stretch-assignment, learning, credential, network, other."),
        SKILLS,
        _f("due", "--due", help="When it is due: 2025-06.", metavar="DATE"),
        _f("status", "--status", help="planned, active, done, dropped (default planned)."),
        _f("notes", "--notes", help="Free text."),
    ),
}


def choice(kind_name: str, column: str):
    """The click type for a column with a fixed list of values (models/kinds), so completion
    offers them and anything else is a usage error; None for free text."""
    from careerkit.cli.helpers import Choice
    from careerkit.models.kinds import BY_NAME

    values = BY_NAME[kind_name].choices.get(column)
    return Choice(values, clearable=True) if values else None


def parameters(kind_name: str) -> list[inspect.Parameter]:
    """Typer parameters for the kind's fields; every default is None (meaning: not given)."""
    params = []
    for f in FIELDS[kind_name]:
        name = "opt_" + f.key
        if f.kind == "list":
            annotation, default = (
                Optional[list[str]],
                typer.Option(None, *f.flags, help=f.help, metavar=f.metavar, show_default=False),
            )
        elif f.kind == "flag":
            annotation, default = (
                Optional[bool],
                typer.Option(None, *f.flags, help=f.help, show_default=False),
            )
        elif f.kind == "number":
            annotation, default = (
                Optional[str],
                typer.Option(None, *f.flags, help=f.help, metavar="N", show_default=False),
            )
        elif (values := choice(kind_name, f.key)) is not None:
            annotation, default = (
                Optional[str],
                typer.Option(
                    None,
                    *f.flags,
                    help=f.help,
                    metavar=f.key.upper(),
                    click_type=values,
                    show_default=False,
                ),
            )
        else:
            annotation, default = (
                Optional[str],
                typer.Option(None, *f.flags, help=f.help, metavar=f.metavar or "TEXT", show_default=False),
            )
        params.append(option(name, default, annotation))
    return params


def option(name: str, default: Any, annotation: Any = Optional[str]) -> inspect.Parameter:
    """One keyword parameter for a signature Typer reads (default: a typer.Option)."""
    return inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=default, annotation=annotation)


def given(kind_name: str, kwargs: dict[str, Any]) -> dict[str, Any]:
    """The file-keyed values the user actually gave."""
    out = {}
    for f in FIELDS[kind_name]:
        value = kwargs.get("opt_" + f.key)
        if value is None or (f.kind == "list" and not value):
            continue
        out[f.key] = value
    return out


def with_signature(func: Callable, params: list[inspect.Parameter]) -> Callable:
    """Give func the parameters Typer should read (Typer honours __signature__)."""
    func.__signature__ = inspect.Signature(params)  # type: ignore[attr-defined]
    return func
