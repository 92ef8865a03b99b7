"""--redact takes out every known person (the network and who gave feedback): the full name,
each part of it, and the title said with it ("Principal Dana Lee", "AP Sam Ortiz"), in every
document, whichever sections the document reads."""

from __future__ import annotations

import re

import pytest
from conftest import FIXTURES

PEOPLE = FIXTURES / "career-people.yaml"
LEAKS = re.compile(r"Dana|\bLee\b|\bSam\b|Ortiz|Rivera|Rosa|Jo Park|\bJo\b|\bPark\b|Principal Dana|AP Sam")


@pytest.fixture
def people(cli):
    cli("import", str(PEOPLE), ok=True)
    cli("gap", "analyze", str(FIXTURES / "postings-verdict" / "coach.txt"), ok=True)
    return cli


@pytest.mark.parametrize(
    "args",
    [
        ["export", "--redact"],
        ["export", "--redact", "-f", "json"],
        ["resume", "--redact"],
        ["resume", "--redact", "-f", "html"],
        ["prep", "1", "--redact"],
        ["feedback", "themes", "--redact"],
    ],
)
def test_no_known_person_is_left_in_a_redacted_document(people, args):
    r = people(*args)
    assert r.exit_code == 0, r.stderr
    leaks = LEAKS.findall(r.stdout)
    assert leaks == [], leaks


def test_titles_go_with_the_name_and_a_title_alone_stays(people, tmp_path):
    r = people("export", "--redact")
    assert "Co-led the MTSS redesign with [name]" in r.stdout
    assert "Principal [name]" not in r.stdout and "AP [name]" not in r.stdout
    # a title that is not said with a known name is not a name
    people("log", "Shadowed the Assistant Principal for a week", ok=True)
    assert "Shadowed the Assistant Principal for a week" in people("export", "--redact").stdout


def test_without_redact_the_names_are_there(people):
    assert "Principal Dana Lee" in people("resume").stdout
