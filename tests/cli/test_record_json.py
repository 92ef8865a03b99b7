"""Every list, show and search takes --json: exactly one JSON document on stdout, nothing
else (confirmations and warnings go to stderr, and there are none on success)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

GROUPS = ["wins", "feedback", "learn", "roles", "creds", "network", "goals"]
COMMANDS = (
    [(g, "list") for g in GROUPS]
    + [(g, "show", "1") for g in GROUPS]
    + [(g, "list", "--since", "2020", "--limit", "1") for g in GROUPS]
    + [
        ("search", "curriculum"),
        ("search", "zeppelin"),
        ("search", "--any", "data", "writing"),
        ("profile", "show"),
        ("doctor",),
    ]
)


def only_json(stdout: str):
    """json.loads refuses anything before or after one document."""
    return json.loads(stdout)


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_json_is_one_document_and_nothing_else(loaded, args):
    r = loaded(*args, "--json")
    assert r.exit_code == 0, r.stderr
    assert r.stderr == ""
    data = only_json(r.stdout)
    assert data not in (None, "", [], {}) or args[-1] == "zeppelin"


@pytest.mark.parametrize("group", GROUPS)
def test_empty_lists_are_still_json(cli, group):
    r = cli(group, "list", "--json")
    assert r.exit_code == 0 and r.stderr == ""
    data = only_json(r.stdout)
    assert data == ({"entries": [], "total_hours": 0, "in_progress_hours": 0} if group == "learn" else [])


def test_profile_show_json_with_no_profile_is_an_empty_object(cli):
    assert cli.json("profile", "show") == {}


def test_show_json_carries_every_field(loaded):
    win = loaded.json("wins", "show", "1")
    assert list(win) == [
        "id",
        "date",
        "title",
        "details",
        "situation",
        "task",
        "action",
        "result",
        "impact",
        "position",
        "kind",
        "skills",
        "evidence",
        "private",
        "created",
        "updated",
    ]
    fb = loaded.json("feedback", "show", "1")
    assert "from" in fb and "from_name" not in fb


def test_json_keeps_unicode_as_text(cli):
    cli("log", "Taught 😀 and שלום", ok=True)
    r = cli("wins", "list", "--json", ok=True)
    assert "😀" in r.stdout and "שלום" in r.stdout


def test_a_json_command_that_fails_prints_nothing_on_stdout(cli):
    r = cli("wins", "show", "5", "--json")
    assert r.exit_code == 1
    assert r.stdout == ""
    assert r.stderr.strip() == "error: no accomplishment with id 5"


@pytest.mark.parametrize("args", [("wins", "list"), ("search", "curriculum"), ("learn", "show", "1")])
def test_json_through_a_real_pipe(loaded, args, db_path):
    """A separate process whose stdout is a pipe: the bytes are one JSON document."""
    env = dict(os.environ, CAREERKIT_DB=str(db_path))
    r = subprocess.run(
        [sys.executable, "-m", "careerkit", *args, "--json"], env=env, capture_output=True, timeout=120
    )
    assert r.returncode == 0, r.stderr
    assert r.stderr == b""
    json.loads(r.stdout.decode("utf-8"))


def test_tables_are_plain_when_piped(loaded, db_path):
    env = dict(os.environ, CAREERKIT_DB=str(db_path))
    env.pop("NO_COLOR", None)
    r = subprocess.run(
        [sys.executable, "-m", "careerkit", "wins", "list"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert r.returncode == 0
    assert "\x1b[" not in r.stdout
    assert "╭" not in r.stdout
    assert "Led the department" in r.stdout


def _on_a_terminal(args: list[str], env: dict) -> str:
    """Run careerkit with stdout on a pseudo-terminal; return what it printed there."""
    import pty

    master, slave = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "careerkit", *args], env=env, stdout=slave, stderr=subprocess.PIPE
    )
    os.close(slave)
    chunks = []
    while True:
        try:
            data = os.read(master, 65536)
        except OSError:  # EIO: the other end closed
            break
        if not data:
            break
        chunks.append(data)
    os.close(master)
    proc.wait(timeout=120)
    assert proc.returncode == 0, proc.stderr.read()
    return b"".join(chunks).decode("utf-8", "replace")


@pytest.mark.parametrize("no_color", [False, True])
def test_terminal_tables_and_no_color(loaded, db_path, no_color):
    env = dict(os.environ, CAREERKIT_DB=str(db_path), TERM="xterm-256color", COLUMNS="150")
    env.pop("NO_COLOR", None)
    if no_color:
        env["NO_COLOR"] = "1"
    out = _on_a_terminal(["search", "writing"], env)
    assert "Led the department" in out
    if no_color:
        assert "\x1b[" not in out and "*writing*" in out
    else:
        assert "\x1b[" in out and "*writing*" not in out
        assert "╭" in out
