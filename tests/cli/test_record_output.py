"""How lists and search look to people. Piped (CliRunner's output is not a terminal) or with
NO_COLOR: plain aligned lines, one record a line, all of them. In a terminal: a rich table
of at most a screenful (100 rows) and a footer that says how many there are; asking for more
(--limit 0, or a larger --limit) prints aligned lines, which are fast at any size."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from datetime import date, timedelta

import pytest

from careerkit.cli import helpers as common
from careerkit.cli import output

GROUPS = ["wins", "feedback", "learn", "roles", "creds", "network", "goals"]
BOX = set("│─╭╮╰╯┃━┏┓┗┛╇╈┡┩")


def career(n: int) -> dict:
    """n entries in every section, newest last (so the newest has the highest id)."""
    day = date(2020, 1, 1)
    dates = [(day + timedelta(days=i)).isoformat() for i in range(n)]
    return {
        "careerkit": 1,
        "profile": {"name": "Jordan Rivera"},
        "positions": [
            {"title": f"Role {i}", "organization": "Oak Elementary", "start": d, "category": "teaching"}
            for i, d in enumerate(dates)
        ],
        "credentials": [
            {
                "kind": "training",
                "name": f"Training {i}",
                "date": d,
                "expires": "2001-01-01" if i % 10 == 0 else None,
            }
            for i, d in enumerate(dates)
        ],
        "accomplishments": [
            {
                "date": d,
                "title": f"Win {i}",
                "impact": f"up {i} points",
                "skills": ["data use"],
                "private": i == n - 1,
            }
            for i, d in enumerate(dates)
        ],
        "feedback": [
            {"date": d, "text": f"Said {i}", "relationship": "colleague"} for i, d in enumerate(dates)
        ],
        "learning": [
            {"date": d, "title": f"Course {i}", "hours": 2, "status": "done"} for i, d in enumerate(dates)
        ],
        "network": [{"name": f"Person {i:04d}", "relationship": "peer"} for i in range(n)],
        "goals": [{"title": f"Goal {i}", "due": d} for i, d in enumerate(dates)],
    }


def load(cli, tmp_path, n: int):
    path = tmp_path / f"career-{n}.json"
    path.write_text(json.dumps(career(n)), encoding="utf-8")
    cli("import", str(path), ok=True)
    return cli


@pytest.fixture
def many(cli, tmp_path):
    """120 entries of every kind: more than a terminal shows at once."""
    return load(cli, tmp_path, 120)


@pytest.fixture
def terminal(monkeypatch):
    """stdout is a terminal (colour on unless the test sets NO_COLOR)."""
    monkeypatch.setattr(output, "interactive", lambda: True)
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setattr(common, "plain", lambda: False)


def body(out: str) -> list[str]:
    """The record lines of a plain list: without the header and the footer."""
    return out.splitlines()[1:-1]


# -- piped ----------------------------------------------------------------------------------


@pytest.mark.parametrize("group", GROUPS)
def test_piped_list_is_every_record_one_aligned_line_each(many, group):
    out = many(group, "list", ok=True).stdout
    lines = out.splitlines()
    assert len(lines) == 1 + 120 + 1  # header, records, footer
    assert lines[0].startswith("id  ")
    assert lines[-1].startswith("120 shown")
    assert not BOX & set(out), "no box drawing when piped"
    assert "\x1b" not in out
    assert all(line == line.rstrip() for line in lines)
    # every record line starts with its id, and the second column starts at the same place
    starts = {re.match(r"\d+\s+", line).end() for line in body(out)}
    assert len(starts) == 1


def test_piped_columns_line_up_and_text_stays_on_one_line(cli):
    cli(
        "log",
        "Led the PLC\nfor 14 teachers",
        "--impact",
        "up 11 points",
        "--skill",
        "data use",
        "--date",
        "2024-03-12",
        ok=True,
    )
    cli("log", "Ran a\tpilot", "--impact", "a", "--date", "2024-03-13", "--private", ok=True)
    out = cli("wins", "list", ok=True).stdout
    assert out.splitlines() == [
        "id  date        title                        impact        skills",
        "2   2024-03-13  Ran a pilot (private)        a",
        "1   2024-03-12  Led the PLC for 14 teachers  up 11 points  data use",
        "2 shown",
    ]


def test_piped_list_is_greppable(many):
    out = many("wins", "list", ok=True).stdout
    hits = [line for line in out.splitlines() if "Win 42 " in line + " "]
    assert len(hits) == 1 and "up 42 points" in hits[0] and "data use" in hits[0]


def test_a_long_cell_is_written_whole(cli):
    long = "Designed " + "and rebuilt " * 12 + "the master schedule"
    cli("log", long, "--impact", "fewer conflicts", ok=True)
    cli("log", "Short", ok=True)
    out = cli("wins", "list", ok=True).stdout
    assert long in out  # nothing cut, for grep
    assert max(len(line) for line in out.splitlines()) < len(long) + 60


def test_no_color_in_a_terminal_is_plain_lines_but_a_screenful(many, monkeypatch):
    monkeypatch.setattr(output, "interactive", lambda: True)
    out = many("wins", "list", ok=True).stdout
    assert not BOX & set(out) and "\x1b" not in out
    assert len(body(out)) == 100
    assert out.splitlines()[-1] == "newest 100 of 120 shown; --limit 0 for all"


# -- in a terminal --------------------------------------------------------------------------


@pytest.mark.parametrize("group", GROUPS)
def test_terminal_list_is_a_table_of_the_first_100_with_a_footer(many, terminal, group):
    out = many(group, "list", ok=True).stdout
    assert BOX & set(out), "a rich table"
    order = "first" if group in ("network", "goals") else "newest"
    assert f"{order} 100 of 120 shown; --limit 0 for all" in out
    shown = set(re.findall(r"^│ *(\d+) *│", out, re.M))
    assert len(shown) == 100


def test_terminal_list_shows_the_newest_first(many, terminal):
    out = many("wins", "list", ok=True).stdout
    assert "Win 119" in out and "(private)" in out  # the newest, and private
    assert "Win 19 " not in out and "Win 0 " not in out  # the oldest 20 are not shown


def test_terminal_list_with_a_limit_shows_that_many_as_a_table(many, terminal):
    out = many("wins", "list", "--limit", "5", ok=True).stdout
    assert BOX & set(out)
    assert len(set(re.findall(r"^│ *(\d+) *│", out, re.M))) == 5
    assert "newest 5 of 120 shown" in out and "--limit 0" not in out


def test_a_limit_says_of_how_many_piped_too(many):
    lines = many("wins", "list", "--limit", "3", ok=True).stdout.splitlines()
    assert len(lines) == 5 and lines[-1] == "newest 3 of 120 shown"
    assert many("wins", "list", "--limit", "200", ok=True).stdout.splitlines()[-1] == "120 shown"


@pytest.mark.parametrize("args", [["--limit", "0"], ["-n", "150"]], ids=" ".join)
def test_terminal_list_of_more_than_a_screenful_is_fast_aligned_lines(many, terminal, args):
    out = many("wins", "list", *args, ok=True).stdout
    assert not BOX & set(out)
    plain = re.sub(r"\x1b\[[0-9;]*m", "", out)
    assert len(body(plain)) == 120
    assert plain.splitlines()[-1] == "120 shown"
    assert plain.splitlines()[0].startswith("id  ")


def test_a_small_list_in_a_terminal_is_a_table(cli, terminal):
    cli("log", "Led the PLC", ok=True)
    out = cli("wins", "list", ok=True).stdout
    assert BOX & set(out) and "Led the PLC" in out and "1 shown" in out


def test_empty_list_in_a_terminal(cli, terminal):
    assert cli("goals", "list", ok=True).stdout == "Nothing here yet.\n"


# -- totals ------------------------------------------------------------------------------------


def test_learn_totals_count_every_entry_even_when_a_terminal_shows_100(many, terminal):
    out = many("learn", "list", ok=True).stdout
    assert "newest 100 of 120 shown; --limit 0 for all; 240 hours done in all 120" in out
    assert many.json("learn", "list")["total_hours"] == 240
    piped = many("learn", "list", "--limit", "10")
    assert piped.stdout.splitlines()[-1] == "newest 10 of 120 shown; 240 hours done in all 120"


def test_creds_flags_count_every_entry_even_when_a_terminal_shows_100(many, terminal):
    out = many("creds", "list", ok=True).stdout
    assert (
        "newest 100 of 120 shown; --limit 0 for all; 12 of all 120 expired or expiring within a year" in out
    )
    assert "2001-01-01 expired" in out


def test_piped_totals(many):
    assert many("learn", "list", ok=True).stdout.splitlines()[-1] == "120 shown; 240 hours done"
    assert (
        many("creds", "list", ok=True).stdout.splitlines()[-1]
        == "120 shown; 12 expired or expiring within a year"
    )


def test_big_totals_have_separators_and_no_exponent(cli, tmp_path):
    data = {
        "careerkit": 1,
        "learning": [{"date": "2024-01-01", "title": "Doctorate", "hours": 1234567.5, "status": "done"}],
    }
    path = tmp_path / "big.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    cli("import", str(path), ok=True)
    assert cli("learn", "list", ok=True).stdout.splitlines()[-1] == "1 shown; 1,234,567.5 hours done"


# -- search ------------------------------------------------------------------------------------


def test_piped_search_is_one_line_a_hit_with_its_context(cli):
    cli("log", "Led restorative circles", ok=True)
    cli("feedback", "add", "Trained me in circles\nand more", "-r", "mentor", ok=True)
    out = cli("search", "circles", ok=True).stdout
    lines = out.splitlines()
    assert lines[0].split() == ["kind", "id", "title", "in", "context"]
    assert any(
        line.startswith("accomplishment  1 ") and "Led restorative *circles*" in line for line in lines
    )
    assert any(line.startswith("feedback") and "Trained me in *circles* and more" in line for line in lines)
    assert lines[-1] == "2 matches"
    assert not BOX & set(out)


def test_search_says_when_there_are_more_matches(many):
    out = many("search", "Win", "--limit", "3", ok=True).stdout
    assert len(body(out)) == 3
    assert out.splitlines()[-1] == "best 3 matches shown; --limit 0 for all"
    everything = many("search", "Win", "--limit", "0", ok=True).stdout
    assert len(body(everything)) == 120 and everything.splitlines()[-1] == "120 matches"
    assert len(many.json("search", "Win", "--limit", "3")["hits"]) == 3
    assert len(many.json("search", "Win", "--limit", "0")["hits"]) == 120


def test_search_in_a_terminal_is_a_table_with_highlights(cli, terminal):
    cli("log", "Led restorative circles", ok=True)
    out = cli("search", "circles", ok=True).stdout
    assert BOX & set(out) and "circles" in out and "*circles*" not in out
    assert "1 match" in out


def test_search_limit_must_not_be_negative(cli):
    assert cli("search", "x", "--limit", "-1").exit_code == 2


# -- a reader that goes away -------------------------------------------------------------------


def test_a_closed_pipe_ends_the_list_quietly(cli, tmp_path, db_path):
    load(cli, tmp_path, 1500)  # more than a pipe holds
    env = dict(os.environ, CAREERKIT_DB=str(db_path))
    proc = subprocess.Popen(
        [sys.executable, "-m", "careerkit", "wins", "list"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    first = proc.stdout.readline()
    proc.stdout.close()
    err = proc.stderr.read()
    assert proc.wait(timeout=120) == 0
    assert first.startswith(b"id  ")
    assert err == b""


def test_a_long_list_in_a_narrow_terminal_folds_cells_under_their_columns(many, terminal, monkeypatch):
    monkeypatch.setenv("COLUMNS", "60")
    many(
        "log",
        "Designed and ran the new master schedule for all 42 sections",
        "--skill",
        "scheduling",
        "--skill",
        "budgeting",
        "--date",
        "2030-01-01",
        ok=True,
    )
    out = many("wins", "list", "--limit", "0", ok=True).stdout
    plain = re.sub(r"\x1b\[[0-9;]*m", "", out)
    assert max(len(line) for line in plain.splitlines()) <= 60
    rows = plain.splitlines()
    first = rows[1]
    assert first.startswith("121 ") and "Designed" in first
    # the rest of the title goes on under the title column, not at the left edge
    title_at = first.index("Designed")
    assert rows[2][:title_at].strip() == "" and rows[2][title_at] != " "
    record = rows[1 : rows.index(next(r for r in rows[2:] if r[0] != " "))]
    words = " ".join(r[title_at:] for r in record).split()
    assert all(w in words for w in "Designed and ran the new master schedule for all 42 sections".split())
    assert "budgeting" in words
    assert plain.splitlines()[-1] == "121 shown"


def test_piped_lines_never_fold_whatever_the_width(many, monkeypatch):
    monkeypatch.setenv("COLUMNS", "60")
    many(
        "log", "Designed and ran the new master schedule for all 42 sections", "--date", "2030-01-01", ok=True
    )
    out = many("wins", "list", ok=True).stdout
    assert "Designed and ran the new master schedule for all 42 sections" in out.splitlines()[1]
    assert len(out.splitlines()) == 1 + 121 + 1
