"""The root command: global options and lazy registration of the command modules."""

from __future__ import annotations

import importlib
from typing import Optional

import typer

from careerkit.cli.examples import epilog
from careerkit.cli.helpers import STATE, BoundaryGroup
from careerkit.cli.registry import modules_for

HELP = """careerkit keeps an educator's career record in one local SQLite file, reads job
postings against it, and builds the resume and the interview-prep brief."""


def _version(value: bool) -> None:
    if value:
        from careerkit import __version__

        typer.echo(f"careerkit {__version__}")
        raise typer.Exit()


def make_app(command: str | None = None, *, listing_only: bool = False) -> typer.Typer:
    """The app with the modules `command` needs; listing_only: no command word was given
    (root --help, --version), so the commands are listed from root_help, not imported."""
    app = typer.Typer(
        cls=BoundaryGroup,
        help=HELP,
        rich_markup_mode=None,
        pretty_exceptions_enable=False,
        no_args_is_help=True,
        context_settings={"help_option_names": ["-h", "--help"]},
        epilog=epilog(""),
    )

    @app.callback()
    def root(
        db: Optional[str] = typer.Option(
            None,
            "--db",
            "-d",
            metavar="PATH",
            help="The database file (default: $CAREERKIT_DB, else your user data folder).",
        ),
        init: bool = typer.Option(
            False,
            "--init",
            help="Create the database named by --db or $CAREERKIT_DB if it does not exist "
            "(only the default location is created without it).",
        ),
        version: bool = typer.Option(
            False, "--version", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ) -> None:
        STATE.db_option = db
        STATE.init = init

    if listing_only:
        _list_commands(app)
        return app
    for module in modules_for(command):
        importlib.import_module(f"careerkit.cli.commands.{module}").register(app)
    _add_examples(app)
    return app


def _add_examples(app: typer.Typer, path: str = "") -> None:
    """Each command's example (cli/examples.py) at the end of its --help."""
    for command in app.registered_commands:
        name = f"{path} {command.name}".strip()
        command.epilog = command.epilog or epilog(name)
    for group in app.registered_groups:
        name = f"{path} {group.name}".strip()
        group.epilog = group.epilog or epilog(name)
        if group.typer_instance is not None:
            _add_examples(group.typer_instance, name)


def _list_commands(app: typer.Typer) -> None:
    from careerkit.cli.root_help import COMMANDS

    def not_loaded() -> None:  # never run: with no command word there is nothing to run
        raise typer.Exit(2)

    for name, is_group, text in COMMANDS:
        if is_group:
            app.add_typer(typer.Typer(help=text), name=name)
        else:
            app.command(name, help=text)(not_loaded)
