"""Every command's --help ends with an example (cli/examples.py), and every example is a
command line careerkit accepts: its words name a command in the tree and its options and
arguments parse. A new command without an example, or an example left behind by a rename,
fails here."""

from __future__ import annotations

import shlex

import pytest
import typer.main
from typer._click.exceptions import UsageError
from typer.testing import CliRunner

from careerkit.cli import build_app
from careerkit.cli.examples import EXAMPLES


def tree() -> dict[str, object]:
    """Every command path ('' for the root, 'wins add', ...) -> its click command."""
    out: dict[str, object] = {}

    def walk(command, path: str) -> None:
        out[path] = command
        if hasattr(command, "list_commands"):
            for name in command.list_commands(None):
                walk(command.get_command(None, name), f"{path} {name}".strip())

    walk(typer.main.get_command(build_app()), "")
    return out


TREE = tree()


def example_lines(help_text: str) -> list[str]:
    _, found, block = help_text.partition("Example")
    assert found, "no example"
    lines = block.split(":", 1)[1].strip().splitlines()
    return [line.strip() for line in lines if line.strip()]


@pytest.mark.parametrize("path", sorted(TREE))
def test_every_help_ends_with_an_example_of_the_command(path):
    argv = [*path.split(), "--help"]
    result = CliRunner().invoke(build_app(argv), argv, prog_name="careerkit")
    assert result.exit_code == 0, result.stderr
    lines = example_lines(result.stdout)
    assert lines, f"careerkit {path} --help has an empty example"
    assert all("careerkit" in line for line in lines), lines
    # The example shows this command (or, for a group, one of its commands).
    assert any(f"careerkit {path}".strip() in line for line in lines), (path, lines)


def invocations(line: str) -> list[list[str]]:
    """The careerkit command lines in an example line ('a | careerkit ...', '# comments')."""
    out = []
    for part in line.split("|"):
        words = shlex.split(part, comments=True)
        if words and words[0] == "careerkit":
            out.append(words[1:])
    return out


@pytest.mark.parametrize("path", sorted(EXAMPLES))
def test_every_example_is_a_command_line_careerkit_accepts(path):
    assert path in TREE, f"an example for a command that does not exist: {path!r}"
    for line in EXAMPLES[path]:
        assert invocations(line), line
        for words in invocations(line):
            command, name, rest = TREE[""], "careerkit", list(words)
            while rest and hasattr(command, "list_commands") and rest[0] in command.list_commands(None):
                name = f"{name} {rest[0]}"
                command = command.get_command(None, rest.pop(0))
            try:
                with command.make_context(name, rest):  # parses every option and argument
                    pass
            except UsageError as e:
                pytest.fail(f"{line}: {e.format_message()}")


def test_the_tree_and_the_examples_match_exactly():
    assert sorted(TREE) == sorted(EXAMPLES)
