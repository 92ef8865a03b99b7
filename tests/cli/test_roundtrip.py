"""Import then export round-trips exactly: import -> export -> import into an empty database ->
export gives the same file, for the rich fixture and for random valid career files."""

from __future__ import annotations

import itertools
import json
import string
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from careerkit.models import kinds as K
from careerkit.store.io import load_yaml

_counter = itertools.count()
_CLI = []  # the conftest's Cli class, taken from the fixture (another conftest may be `conftest`)


@pytest.fixture(autouse=True)
def _cli_class(cli):
    _CLI[:] = [type(cli)]


def fresh_cli(root: Path):
    return _CLI[0](root / f"db{next(_counter)}" / "careerkit.db")


def export(cli, fmt: str) -> str:
    return cli("export", "--format", fmt, ok=True).stdout


def round_trip(root: Path, text: str, fmt: str) -> tuple[str, str]:
    """Import text, export; import that export into an empty database, export again."""
    first, second = fresh_cli(root), fresh_cli(root)
    source = root / f"in{next(_counter)}.{fmt}"
    source.write_text(text, encoding="utf-8")
    r = first("import", str(source))
    assert r.exit_code == 0, r.stderr
    once = export(first, fmt)
    again = root / f"again{next(_counter)}.{fmt}"
    again.write_text(once, encoding="utf-8")
    second("import", str(again), ok=True)
    return once, export(second, fmt)


def without_empty(value):
    """The file as the exporter writes it: nulls and empty lists left out."""
    if isinstance(value, dict):
        return {k: without_empty(v) for k, v in value.items() if v is not None and v != []}
    if isinstance(value, list):
        return [without_empty(v) for v in value]
    return value


# -- the rich fixture ----------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["yaml", "json"])
def test_rich_file_round_trips_exactly(tmp_path, sample_file, fmt):
    text = sample_file.read_text(encoding="utf-8")
    if fmt == "json":
        text = json.dumps(load_yaml(text), ensure_ascii=False)
    once, twice = round_trip(tmp_path, text, fmt)
    assert once == twice


def test_rich_export_holds_everything_in_the_file(tmp_path, sample_file):
    """Every value of the fixture comes back, in file order, with only defaults added."""
    original = without_empty(load_yaml(sample_file.read_text(encoding="utf-8")))
    once, _ = round_trip(tmp_path, sample_file.read_text(encoding="utf-8"), "yaml")
    exported = load_yaml(once)
    assert exported["profile"] == original["profile"]
    for section in (
        "positions",
        "credentials",
        "accomplishments",
        "feedback",
        "learning",
        "network",
        "goals",
    ):
        assert len(exported[section]) == len(original[section]), section
        for theirs, ours in zip(original[section], exported[section], strict=True):
            for key, value in theirs.items():
                if isinstance(value, int) and not isinstance(value, bool) and key != "hours":
                    value = str(value)  # a bare year
                assert ours[key] == value, (section, key)
            added = set(ours) - set(theirs)
            assert added <= {"kind", "status", "private", "id", "created", "updated"}, (section, added)


def test_yaml_and_json_exports_agree(tmp_path, sample_file):
    once_yaml, _ = round_trip(tmp_path, sample_file.read_text(encoding="utf-8"), "yaml")
    cli = fresh_cli(tmp_path)
    source = tmp_path / "from.yaml"
    source.write_text(once_yaml, encoding="utf-8")
    cli("import", str(source), ok=True)
    assert load_yaml(once_yaml) == json.loads(export(cli, "json"))


def test_unicode_quotes_and_sql_round_trip(tmp_path):
    nasty = [
        "😀 emoji 👩🏽‍🏫",
        "שלום עולם (right-to-left)",
        "مرحبا",
        "\"double\" and 'single' quotes",
        "'); DROP TABLE accomplishments;--",
        "trailing spaces   ",
        "  leading",
        "tab\there",
        "line one\nline two\n",
        "yes",
        "null",
        "~",
        "2024-03-12",
        "1e3",
        "- dash",
        "# hash",
        "key: value",
        "[not, a, list]",
        "{not: a map}",
        "\u2028line sep",
        "a\r\nb",
        "*star",
        "&amp",
        "!tag",
        "%percent",
        "@at",
        "`tick`",
        "|pipe",
        ">fold",
        "\\backslash",
    ]
    data = {
        "careerkit": 1,
        "accomplishments": [{"date": "2024-01-01", "title": t, "details": t, "skills": [t]} for t in nasty],
        "profile": {"name": nasty[0], "target_roles": nasty[:3]},
    }
    for fmt, text in (("yaml", json.dumps(data)), ("json", json.dumps(data))):
        # JSON is valid YAML, so the YAML case reads the same text with the YAML reader.
        once, twice = round_trip(tmp_path, text, fmt)
        assert once == twice
        back = (load_yaml if fmt == "yaml" else json.loads)(once)
        assert [a["title"] for a in back["accomplishments"]] == nasty
        assert [a["skills"] for a in back["accomplishments"]] == [[t] for t in nasty]


# -- random valid career files --------------------------------------------------------------

# Any text a person could type: every Unicode character but the surrogates, NUL and the
# other C0 controls YAML cannot carry except tab, newline and carriage return.
_char = st.characters(
    blacklist_categories=("Cs",),
    blacklist_characters="".join(chr(c) for c in range(32) if chr(c) not in "\t\n\r"),
)
text = st.text(_char, max_size=40)
required_text = text.filter(lambda s: s.strip() != "")
plain_word = st.text(string.ascii_letters + " -", min_size=1, max_size=12).filter(lambda s: s.strip())
optional_text = st.none() | text
text_list = st.lists(text, max_size=3)


@st.composite
def iso_date(draw):
    day = draw(st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31)))
    return day.isoformat()[: draw(st.sampled_from([4, 7, 10]))]


optional_date = st.none() | iso_date()
hours = st.none() | st.integers(0, 2000) | st.floats(0, 1e6, allow_nan=False, allow_infinity=False)


def entry(required: dict, optional: dict):
    return st.fixed_dictionaries(required, optional=optional)


def choice(values):
    return st.sampled_from(values)


SECTIONS = {
    "positions": entry(
        {
            "title": required_text,
            "organization": required_text,
            "start": iso_date(),
            "category": choice(K.POSITION_CATEGORIES),
        },
        {"location": optional_text, "end": optional_date, "level": optional_text, "summary": optional_text},
    ),
    "credentials": entry(
        {"kind": choice(K.CREDENTIAL_KINDS), "name": required_text},
        {
            "level": st.none() | choice(K.DEGREE_LEVELS),
            "field": optional_text,
            "issuer": optional_text,
            "date": optional_date,
            "expires": optional_date,
            "status": choice(K.CREDENTIAL_STATUS),
        },
    ),
    "accomplishments": entry(
        {"date": iso_date(), "title": required_text},
        {
            "details": optional_text,
            "situation": optional_text,
            "task": optional_text,
            "action": optional_text,
            "result": optional_text,
            "impact": optional_text,
            "position": optional_text,
            "kind": choice(K.ACCOMPLISHMENT_KINDS),
            "skills": text_list,
            "evidence": text_list,
            "private": st.booleans(),
        },
    ),
    "feedback": entry(
        {"date": iso_date(), "text": required_text, "relationship": choice(K.FEEDBACK_RELATIONSHIPS)},
        {"from": optional_text, "context": optional_text, "private": st.booleans()},
    ),
    "learning": entry(
        {"date": iso_date(), "title": required_text},
        {
            "kind": st.none() | choice(K.LEARNING_KINDS),
            "provider": optional_text,
            "hours": hours,
            "status": choice(K.LEARNING_STATUS),
            "skills": text_list,
            "takeaways": optional_text,
        },
    ),
    "network": entry(
        {"name": required_text, "relationship": choice(K.NETWORK_RELATIONSHIPS)},
        {
            "role": optional_text,
            "organization": optional_text,
            "last_contact": optional_date,
            "notes": optional_text,
        },
    ),
    "goals": entry(
        {"title": required_text},
        {
            "kind": st.none() | choice(K.GOAL_KINDS),
            "skills": text_list,
            "due": optional_date,
            "status": choice(K.GOAL_STATUS),
            "notes": optional_text,
        },
    ),
}
PROFILE = entry(
    {"name": required_text},
    {
        "headline": optional_text,
        "email": optional_text,
        "phone": optional_text,
        "location": optional_text,
        "summary": optional_text,
        "target_roles": text_list,
        "links": st.lists(st.fixed_dictionaries({"label": plain_word, "url": text}), max_size=2),
    },
)


@st.composite
def career_files(draw):
    data = {"careerkit": 1}
    if draw(st.booleans()):
        data["profile"] = draw(PROFILE)
    for section, strategy in SECTIONS.items():
        entries = draw(st.lists(strategy, max_size=3))
        if entries or draw(st.booleans()):
            data[section] = entries
    return data


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=career_files(), writer=st.sampled_from(["yaml", "json", "json-as-yaml"]))
def test_random_career_files_round_trip(tmp_path, data, writer):
    from careerkit.store.io import dump

    if writer == "yaml":
        text, fmt = dump(data, "yaml"), "yaml"
    elif writer == "json":
        text, fmt = json.dumps(data, ensure_ascii=False), "json"
    else:
        # JSON is YAML; its \\u escapes (surrogate pairs for emoji) must read back whole.
        text, fmt = json.dumps(data, ensure_ascii=True), "yaml"
    once, twice = round_trip(tmp_path, text, fmt)
    assert once == twice
    back = (load_yaml if fmt == "yaml" else json.loads)(once)
    for section in SECTIONS:
        assert len(back.get(section, [])) == len(data.get(section) or [])
        for theirs, ours in zip(data.get(section) or [], back.get(section, []), strict=True):
            for key, value in theirs.items():
                if value is None or value == []:
                    assert key not in ours
                elif key == "hours":
                    assert float(ours[key]) == float(value)
                else:
                    assert ours[key] == value, (section, key)
