"""Bad input, fuzzed (hypothesis): dates, the career file (YAML and JSON, random deep
mutations of a valid file), search queries, posting text, and text that goes into the
templates. Each ends in a correct result or one clear error: never a traceback, a hang or
a changed database."""

from __future__ import annotations

import copy
import datetime as dt
import json
import signal
from contextlib import contextmanager
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from reliability_helpers import fingerprint

FIXTURE_FILE = Path(__file__).resolve().parents[1] / "fixtures" / "career-rich.yaml"
FUZZ = settings(
    deadline=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)


@contextmanager
def time_limit(seconds: int):
    """A hang is a failure: SIGALRM interrupts anything that runs too long."""

    def stop(signum, frame):
        raise AssertionError(f"no answer within {seconds} s: a hang")

    old = signal.signal(signal.SIGALRM, stop)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


def clear_failure(result) -> None:
    """Exit 0, or exit 1/2 with one clear first line (no traceback: the cli fixture raises
    any exception that escapes the error boundary)."""
    assert result.exit_code in (0, 1, 2), (result.exit_code, result.stdout, result.stderr)
    if result.exit_code == 1:
        assert result.stderr.startswith("error: "), result.stderr
    assert "Traceback" not in result.stderr


# -- dates ------------------------------------------------------------------------------------

DATE_WORDS = [
    "today",
    "yesterday",
    "last friday",
    "last month",
    "this year",
    "2024-03",
    "2024",
    "3 days ago",
    "a week ago",
    "march 2024",
    "2024-02-30",
    "1899",
    "next tuesday",
]


@settings(max_examples=400, deadline=None)
@given(
    st.one_of(
        st.text(max_size=40),
        st.sampled_from(DATE_WORDS),
        st.builds(lambda a, b: f"{a} {b}", st.sampled_from(DATE_WORDS), st.text(max_size=8)),
    )
)
def test_dates_parse_or_say_why(text):
    from careerkit.dates import is_iso_date, parse_date
    from careerkit.errors import InvalidInput

    today = dt.date(2026, 11, 23)
    try:
        value = parse_date(text, today=today)
    except InvalidInput as e:
        assert str(e).startswith("not a date")
        return
    assert is_iso_date(value) and len(value) in (4, 7, 10)
    assert parse_date(value, today=today) == value  # an answer reads back as itself


# -- the career file ---------------------------------------------------------------------------


def junk():
    leaves = st.one_of(
        st.none(),
        st.booleans(),
        st.integers(),
        st.floats(allow_nan=True),
        st.text(max_size=30),
        st.sampled_from(
            [
                "2024-13-45",
                "",
                " ",
                "yes",
                "\u202e\u05e9\u05dc\u05d5\u05dd",
                "'; DROP TABLE feedback; --",
                "x" * 5000,
                "\x00",
                "null",
            ]
        ),
    )
    return st.recursive(
        leaves,
        lambda inner: st.one_of(
            st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=10), inner, max_size=3)
        ),
        max_leaves=8,
    )


class Deep:
    """A list nested n deep, built only when the file is written (a short repr keeps
    hypothesis's report of a failing example readable)."""

    def __init__(self, depth: int):
        self.depth = depth

    def __repr__(self) -> str:
        return f"Deep({self.depth})"

    def build(self):
        value: object = "bottom"
        for _ in range(self.depth):
            value = [value]
        return value


def materialise(value):
    if isinstance(value, Deep):
        return value.build()
    if isinstance(value, dict):
        return {k: materialise(v) for k, v in value.items()}
    if isinstance(value, list):
        return [materialise(v) for v in value]
    return value


@st.composite
def mutated_career(draw):
    """career-rich.yaml with a few random changes anywhere in its tree: a value replaced,
    a key deleted or added, a list emptied, nesting made very deep."""
    data = copy.deepcopy(yaml.safe_load(FIXTURE_FILE.read_text(encoding="utf-8")))
    data = json.loads(json.dumps(data, default=str))  # dates as text, as in a JSON file
    for _ in range(draw(st.integers(1, 4))):
        node, key = data, None
        path_len = draw(st.integers(0, 5))
        for _ in range(path_len):
            if isinstance(node, dict) and node:
                key = draw(st.sampled_from(sorted(node, key=str)))
            elif isinstance(node, list) and node:
                key = draw(st.integers(0, len(node) - 1))
            else:
                break
            child = node[key]
            if not isinstance(child, (dict, list)) or not child:
                break
            node = child
        action = draw(st.sampled_from(["replace", "delete", "add", "deep", "empty"]))
        if isinstance(node, dict) and node:
            key = draw(st.sampled_from(sorted(node, key=str)))
        elif isinstance(node, list) and node:
            key = draw(st.integers(0, len(node) - 1))
        else:
            continue
        if action == "replace":
            node[key] = draw(junk())
        elif action == "delete":
            del node[key]
        elif action == "add" and isinstance(node, dict):
            node[draw(st.text(min_size=1, max_size=12))] = draw(junk())
        elif action == "deep":
            node[key] = Deep(draw(st.sampled_from([50, 600, 3000])))
        elif action == "empty":
            node[key] = [] if isinstance(node[key], list) else {}
    return data


def as_file(tmp_path: Path, data, fmt: str) -> Path:
    import sys

    path = tmp_path / f"career.{fmt}"
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(30000)
    try:
        data = materialise(data)
        text = json.dumps(data, ensure_ascii=False)
        if fmt == "yaml":
            try:
                text = yaml.safe_dump(data, allow_unicode=True)
            except (RecursionError, yaml.YAMLError):
                pass  # JSON is YAML too
    finally:
        sys.setrecursionlimit(limit)
    path.write_text(text, encoding="utf-8")
    return path


@settings(FUZZ, max_examples=40)
@given(data=mutated_career(), fmt=st.sampled_from(["yaml", "json"]))
def test_mutated_career_file_imports_or_is_refused_untouched(cli, tmp_path, data, fmt):
    mutated_import(cli, tmp_path, data, fmt)


@pytest.mark.slow
@settings(FUZZ, max_examples=500)
@given(data=mutated_career(), fmt=st.sampled_from(["yaml", "json"]))
def test_mutated_career_file_many(cli, tmp_path, data, fmt):
    mutated_import(cli, tmp_path, data, fmt)


def mutated_import(cli, tmp_path, data, fmt):
    cli("log", "before the import", ok=True)
    before = fingerprint(cli.db)
    source = as_file(tmp_path, data, fmt)
    with time_limit(60):
        result = cli("import", str(source))
    clear_failure(result)
    if result.exit_code != 0:
        assert fingerprint(cli.db) == before
        assert len(result.stderr.splitlines()) <= 52  # a list of problems, not a dump
    else:
        exported = cli("export", "-f", "json", ok=True)
        assert json.loads(exported.stdout)["careerkit"] == 2


@settings(FUZZ, max_examples=15)
@given(
    raw=st.one_of(
        st.binary(max_size=2000),
        st.text(max_size=2000).map(str.encode),
        st.sampled_from(
            [
                b"\xef\xbb\xbfcareerkit: 1\n",
                b"careerkit: 1\naccomplishments: 7\n",
                b"[" * 5000,
                b"{" * 5000,
                b"a: &a [*a]\n",
                b"careerkit: 1\nfeedback:\n- !!python/object:os.system {}\n",
                b"- " * 3000,
            ]
        ),
    ),
    suffix=st.sampled_from([".yaml", ".json"]),
)
def test_random_bytes_as_a_career_file(cli, tmp_path, raw, suffix):
    cli("log", "before", ok=True)
    before = fingerprint(cli.db)
    source = tmp_path / f"career{suffix}"
    source.write_bytes(raw)
    with time_limit(60):
        result = cli("import", str(source))
    clear_failure(result)
    if result.exit_code != 0:
        assert fingerprint(cli.db) == before


# -- search ------------------------------------------------------------------------------------


@settings(FUZZ, max_examples=80)
@given(
    query=st.one_of(
        st.text(min_size=1, max_size=60),
        st.lists(
            st.sampled_from(
                [
                    '"',
                    "*",
                    "AND",
                    "OR",
                    "NOT",
                    "NEAR(",
                    ")",
                    "(",
                    "^",
                    ":",
                    "-",
                    "title:",
                    "PLC",
                    "'",
                    ";",
                    "\\",
                ]
            ),
            min_size=1,
            max_size=8,
        ).map(" ".join),
    )
)
def test_any_search_query(loaded, query):
    assume(not query.startswith("-"))  # an option, not a query: a usage error (exit 2) is right
    before = fingerprint(loaded.db)
    result = loaded("search", query, "--json")
    clear_failure(result)
    if result.exit_code == 0:
        assert isinstance(json.loads(result.stdout)["hits"], list)
    assert fingerprint(loaded.db) == before


# -- posting text ------------------------------------------------------------------------------


def posting_text():
    lines = st.lists(st.text(max_size=120), max_size=40).map("\n".join)
    html = st.integers(1, 4000).map(
        lambda n: "<div>" * n + "<li>Master's degree required</li>" + "</div>" * n
    )
    huge = st.integers(10_000, 300_000).map(lambda n: "Five years of teaching experience " * (n // 34))
    bullets = st.lists(
        st.sampled_from(
            [
                "- Lead PLCs",
                "• Supervise staff",
                "* Master's degree",
                "Requirements:",
                "PREFERRED",
                "1. Bilingual",
                "",
                "\t",
                "<b>Duties</b>",
                "&nbsp;&amp;",
                "\u200b",
                "\r\n",
            ]
        ),
        max_size=60,
    ).map("\n".join)
    return st.one_of(lines, html, huge, bullets, st.binary(max_size=3000).map(lambda b: b.decode("latin-1")))


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)
@given(text=posting_text())
def test_extract_answers_any_posting_text(text):
    """The extractor itself, with no safety net: any exception it raises fails the test
    (`extract` used to turn every exception into an empty result, so a crash read as a
    posting with no requirements)."""
    from careerkit.posting import extract as module

    # The pure function under `extract`'s catch-all, where that wrapper still has one.
    read = getattr(module, "_extract", module.extract)
    with time_limit(30):
        result = read(text)
    assert isinstance(result.requirements, list)
    assert all(r.text.strip() for r in result.requirements)


@settings(FUZZ, max_examples=12)
@given(text=posting_text())
def test_gap_analyze_any_posting_text(loaded, text):
    before = fingerprint(loaded.db)
    with time_limit(60):
        result = loaded("gap", "analyze", "-", "--json", input=text)
    clear_failure(result)
    if result.exit_code == 0:
        report = json.loads(result.stdout)
        assert report["requirements"]
    else:
        assert fingerprint(loaded.db) == before


# -- text that goes into the templates ---------------------------------------------------------

TRICKY = st.one_of(
    st.text(max_size=80),
    st.sampled_from(
        [
            "{{ 7*7 }}",
            "{% raw %}",
            "#set page(width: 1cm)",
            '#import "/etc/passwd"',
            "$x^2$",
            "<script>alert(1)</script>",
            "[link](javascript:alert(1))",
            "\\",
            "@preview",
            "*_`~",
            "\u202eevil",
            "😀" * 20,
            "a" * 3000,
            '#read("/etc/passwd")',
            "]]>",
            "%}{{",
        ]
    ),
)


@settings(FUZZ, max_examples=8)
@given(title=TRICKY, impact=TRICKY, said=TRICKY, name=TRICKY, fmt=st.sampled_from(["md", "html", "pdf"]))
def test_documents_render_any_text(cli, tmp_path, title, impact, said, name, fmt):
    assume(title.strip() and said.strip() and name.strip())
    data = {
        "careerkit": 1,
        "profile": {"name": name},
        "positions": [
            {"title": "Coach", "organization": "Oak", "start": "2019-08", "category": "leadership"}
        ],
        "accomplishments": [
            {"date": "2024-01-02", "title": title, "impact": impact or None, "position": "Coach"}
        ],
        "feedback": [{"date": "2024-01-03", "text": said, "relationship": "parent"}],
    }
    source = tmp_path / "career.json"
    source.write_text(json.dumps(data), encoding="utf-8")
    imported = cli("import", str(source), "--replace")
    clear_failure(imported)
    if imported.exit_code != 0:
        return
    target = tmp_path / f"resume.{fmt}"
    with time_limit(60):
        result = cli("resume", "-o", str(target))
    clear_failure(result)
    if result.exit_code == 0:
        out = target.read_bytes()
        assert b"root:x:0:0" not in out  # nothing read from the system through the text
        if fmt == "html":
            assert b"<script>alert(1)</script>" not in out
