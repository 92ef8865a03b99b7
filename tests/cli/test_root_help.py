"""`careerkit --help` lists the commands from cli/root_help.py without importing them; it
must say exactly what the full command tree says."""

from __future__ import annotations

import subprocess
import sys

from typer.testing import CliRunner

from careerkit.cli import build_app


def help_text(app) -> str:
    result = CliRunner().invoke(app, ["--help"], prog_name="careerkit")
    assert result.exit_code == 0
    return result.stdout


def test_the_listing_matches_the_full_command_tree():
    listed = help_text(build_app(["--help"]))
    full = help_text(build_app())
    assert listed == full, (
        "cli/root_help.py is out of date with the commands: run python -m careerkit.cli.root_help"
    )


def test_root_help_imports_no_command_module():
    code = (
        "import sys; from careerkit.cli import main; sys.argv = ['careerkit', '--help']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in sys.modules if m.startswith('careerkit.cli.')), file=sys.stderr)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    loaded = eval(out.stderr.strip().splitlines()[-1])
    assert "Commands:" in out.stdout
    assert loaded == [
        "careerkit.cli.app",
        "careerkit.cli.examples",
        "careerkit.cli.helpers",
        "careerkit.cli.registry",
        "careerkit.cli.root_help",
    ]


def test_no_arguments_and_version_still_work(cli):
    result = CliRunner().invoke(build_app([]), [], prog_name="careerkit")
    assert result.exit_code == 2 and "Commands:" in result.stdout + result.stderr
    assert cli("--version").stdout.startswith("careerkit ")
    assert cli("wins").exit_code == 2  # a group with no subcommand shows its own help


def test_shell_completion_sees_every_command(monkeypatch):
    monkeypatch.setenv("_CAREERKIT_COMPLETE", "complete_bash")
    app = build_app([])
    import typer.main

    wins = typer.main.get_command(app).get_command(None, "wins")
    assert "add" in wins.list_commands(None)
