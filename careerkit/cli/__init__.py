"""The command line: parse, call, print. The only layer that imports typer or rich."""

from __future__ import annotations

import os
import sys


def _first_command(argv: list[str]) -> str | None:
    """The first word that is not an option of the root command."""
    skip = False
    for arg in argv:
        if skip:
            skip = False
            continue
        if arg in ("--db", "-d"):
            skip = True
            continue
        if arg.startswith("-"):
            if arg in ("--help", "-h"):
                return None
            continue
        return arg
    return None


def build_app(argv: list[str] | None = None):
    """The Typer app with the commands that argv needs (all of them when argv is None)."""
    from careerkit.cli.app import make_app

    if argv is None or "_CAREERKIT_COMPLETE" in os.environ:
        # Shell completion reads the words from the environment: it needs every command.
        return make_app(None)
    name = _first_command(argv)
    return make_app(name, listing_only=name is None)


def main() -> None:
    app = build_app(sys.argv[1:])
    app(prog_name="careerkit")
