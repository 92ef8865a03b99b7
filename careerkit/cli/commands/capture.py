"""`careerkit log`: the most frequent act, an accomplishment in one line. It imports
nothing heavy: typer, sqlite3 and the plain kind table."""

from __future__ import annotations

import typer

from careerkit.cli.commands.records import make_add


def register(app: typer.Typer) -> None:
    app.command(
        "log",
        help="Log an accomplishment in one line (same as `wins add`). With no text, opens $EDITOR "
        "on a template with the STAR fields.",
    )(make_add("accomplishment", "What you did, in one line: 'Led the grade 4 PLC for 6 teachers'."))
