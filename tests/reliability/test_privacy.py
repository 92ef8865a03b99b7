"""Privacy: careerkit opens no network connection; private entries never leave the machine
in a document or an export unless asked; --redact takes other people's names out."""

from __future__ import annotations

import io
import json
import re
import shutil
import socket
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from reliability_helpers import child_env, with_init

POSTING = """Assistant Principal, Lakeview Middle School
Lakeview Unified School District

Responsibilities
- Lead professional learning communities and coach teachers using student data.
- Supervise and evaluate teachers; build the master schedule.
- Lead family engagement and restorative discipline.

Qualifications
- Master's degree in educational leadership (required).
- Five years of teaching experience (required).
- Administrative credential (preferred).
"""


# -- no network ---------------------------------------------------------------------------


class NetworkUsed(AssertionError):
    pass


@pytest.fixture
def no_network(monkeypatch):
    """Every way Python reaches the network raises (and is remembered)."""
    attempts = []

    def refuse(*args, **kwargs):
        attempts.append(args)
        raise NetworkUsed(f"careerkit tried the network: {args!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket.socket, "sendto", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket, "gethostbyname", refuse)
    return attempts


def main_commands(tmp_path: Path, sample_file: Path) -> list[list[str]]:
    posting = tmp_path / "posting.txt"
    posting.write_text(POSTING, encoding="utf-8")
    commands = [
        ["import", str(sample_file)],
        ["log", "Led the grade 7 data meeting", "--skill", "data use"],
        ["wins", "list"],
        ["feedback", "list", "--json"],
        ["search", "department"],
        ["export", "-o", str(tmp_path / "out.yaml")],
        ["export", "--redact", "-f", "json"],
        ["backup", str(tmp_path / "backup.db")],
        ["doctor"],
    ]
    commands += [["gap", "analyze", str(posting)], ["gap", "list"], ["gap", "common"]]
    commands += [["resume", "-o", str(tmp_path / f"resume.{fmt}")] for fmt in ("md", "html", "pdf", "docx")]
    commands += [["prep", "1", "-o", str(tmp_path / f"brief.{fmt}")] for fmt in ("md", "html", "pdf", "docx")]
    commands.append(["feedback", "themes"])
    return commands


def test_main_commands_with_sockets_disabled(cli, tmp_path, sample_file, no_network):
    for args in main_commands(tmp_path, sample_file):
        result = cli(*args)
        assert result.exit_code == 0, (args, result.stdout, result.stderr)
    assert no_network == []
    assert (tmp_path / "out.yaml").exists()


# A child that refuses any socket event (a Python audit hook: it sees every socket made,
# connected or resolved, by any library), then runs careerkit.
AUDITED = """
import sys
def hook(event, args):
    if event.startswith("socket.") and event not in ("socket.__new__",) or event == "socket.__new__" and args[1] != 1:
        raise SystemExit(f"NETWORK: {event} {args!r}")
sys.addaudithook(hook)
from careerkit.cli import main
sys.argv[0] = "careerkit"
main()
"""


def in_children(tmp_path: Path, commands: list[list[str]]) -> None:
    """The real entry point in a child, every socket event refused; inside a network
    namespace with no interfaces where the system allows one (unshare -n), so that code
    outside Python (the Typst compiler) could not reach the network either."""
    db = tmp_path / "data" / "careerkit.db"
    prefix = []
    if (
        shutil.which("unshare")
        and subprocess.run(["unshare", "-n", "true"], capture_output=True).returncode == 0
    ):
        prefix = ["unshare", "-n"]
    for args in commands:
        result = subprocess.run(
            prefix + [sys.executable, "-c", AUDITED, *with_init(args)],
            env=child_env(db),
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert "NETWORK" not in result.stderr, (args, result.stderr)
        assert result.returncode == 0, (args, result.stderr)


def test_child_processes_open_no_socket(tmp_path, sample_file):
    wanted = {"import", "log", "search", "export", "gap", "resume", "prep"}
    commands = [c for c in main_commands(tmp_path, sample_file) if c[0] in wanted]
    # one document format each is enough here; the slow variant runs them all
    commands = [c for c in commands if not (c[0] in ("resume", "prep") and not c[-1].endswith(".pdf"))]
    in_children(tmp_path, commands)


@pytest.mark.slow
def test_child_processes_open_no_socket_all_commands(tmp_path, sample_file):
    in_children(tmp_path, main_commands(tmp_path, sample_file))


# -- private entries -----------------------------------------------------------------------


def token(draw, prefix: str) -> str:
    return prefix + draw(st.text(alphabet="bcdfghjkmnpqrstvwxz", min_size=6, max_size=6))


@st.composite
def records(draw):
    """A career file with random accomplishments and feedback, each carrying a unique
    marker word; some private."""
    words = st.text(
        alphabet=st.characters(whitelist_categories=("Ll", "Lu", "Nd", "Zs"), max_codepoint=0x2FF),
        max_size=30,
    )
    wins, said, private, public = [], [], set(), set()
    used = set()
    for i in range(draw(st.integers(1, 8))):
        mark = token(draw, "pv" if draw(st.booleans()) else "pb")
        if mark in used:
            continue
        used.add(mark)
        is_private = mark.startswith("pv")
        (private if is_private else public).add(mark)
        wins.append(
            {
                "date": f"20{draw(st.integers(10, 24)):02d}-0{draw(st.integers(1, 9))}-1{i % 9}",
                "title": f"Led {mark} {draw(words)}".strip() or mark,
                "impact": f"impact {mark}",
                "skills": [f"skill {mark}"],
                "position": "Instructional Coach",
                "kind": "leadership",
                "private": is_private,
            }
        )
    for i in range(draw(st.integers(0, 6))):
        mark = token(draw, "fv" if draw(st.booleans()) else "fb")
        if mark in used:
            continue
        used.add(mark)
        is_private = mark.startswith("fv")
        (private if is_private else public).add(mark)
        said.append(
            {
                "date": f"2023-05-{i + 1:02d}",
                "text": f"Said {mark} {draw(words)}".strip(),
                "from": f"Name{mark.capitalize()}",
                "relationship": "colleague",
                "private": is_private,
            }
        )
    data = {
        "careerkit": 1,
        "profile": {"name": "Alex Morgan", "headline": "Instructional Coach"},
        "positions": [
            {
                "title": "Instructional Coach",
                "organization": "Oak Elementary",
                "start": "2019-08",
                "category": "leadership",
            }
        ],
        "accomplishments": wins,
        "feedback": said,
    }
    return data, private, public


def flat(text: str) -> str:
    """Text with spacing, line breaks and hyphenation gone, lower-case: a word split across
    a PDF line is still found."""
    return re.sub(r"[\s\-\u00ad]+", "", text).lower()


def text_of(path: Path) -> str:
    data = path.read_bytes()
    if path.suffix == ".pdf":
        import pypdf

        return "\n".join(p.extract_text() or "" for p in pypdf.PdfReader(io.BytesIO(data)).pages)
    if path.suffix == ".docx":
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            xml = " ".join(z.read(n).decode("utf-8", "replace") for n in z.namelist() if n.endswith(".xml"))
        return re.sub(r"<[^>]+>", "", xml)
    return data.decode("utf-8")


def outputs(cli, tmp_path: Path, binary: bool) -> dict[str, str]:
    """Every document and export the record can become, as text, private left out."""
    out = {}
    for fmt in ("yaml", "json"):
        out[f"export {fmt}"] = cli("export", "--no-private", "-f", fmt, ok=True).stdout
    formats = ["md", "html", "jsonresume"] + (["pdf", "docx"] if binary else [])
    for fmt in formats:
        suffix = "json" if fmt == "jsonresume" else fmt
        target = tmp_path / f"resume-{fmt}.{suffix}"
        cli("resume", "-f", fmt, "-o", str(target), "--force", ok=True)
        out[f"resume {fmt}"] = text_of(target)
    posting = tmp_path / "posting.txt"
    posting.write_text(POSTING, encoding="utf-8")
    cli("gap", "analyze", str(posting), ok=True)
    report_id = cli.json("gap", "list")
    report_id = report_id[0]["id"] if isinstance(report_id, list) else 1
    for fmt in ["md", "html"] + (["pdf", "docx"] if binary else []):
        target = tmp_path / f"brief.{fmt}"
        for names in ([], ["--names"]):
            cli("prep", str(report_id), "-f", fmt, "-o", str(target), *names, "--force", ok=True)
            out[f"prep {fmt} {' '.join(names)}"] = text_of(target)
    out["feedback themes"] = cli("feedback", "themes", "--json", ok=True).stdout
    return out


def check_private(cli, tmp_path: Path, case, *, binary: bool) -> None:
    data, private, public = case
    source = tmp_path / "career.json"
    source.write_text(json.dumps(data), encoding="utf-8")
    cli("import", str(source), "--replace", ok=True)
    texts = outputs(cli, tmp_path, binary)
    for name, text in texts.items():
        seen = flat(text)
        leaked = [m for m in private if m in seen or flat(f"Name{m.capitalize()}") in seen]
        assert not leaked, f"private entries in {name}: {leaked}"
    everything = flat(texts["export yaml"])
    assert all(m in everything for m in public), "the export holds every public entry"
    shown = flat(texts.get("resume md", texts["export json"]))
    wins = [m for m in public if m.startswith("pb")]
    assert not wins or any(m in shown for m in wins), "documents show public wins"
    # asked for, private entries are there: the check above is not vacuous
    full = flat(cli("export", "-f", "json", ok=True).stdout)
    assert all(m in full for m in private)


@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(case=records())
def test_private_entries_never_leave_in_text_formats(cli, tmp_path, case):
    check_private(cli, tmp_path, case, binary=False)


@settings(
    max_examples=2,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(case=records())
def test_private_entries_never_leave_in_pdf_and_word(cli, tmp_path, case):
    check_private(cli, tmp_path, case, binary=True)


@pytest.mark.slow
@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(case=records())
def test_private_entries_never_leave_many(cli, tmp_path, case):
    check_private(cli, tmp_path, case, binary=True)


# -- --redact --------------------------------------------------------------------------------


def test_export_redact_removes_names_and_counts_them(loaded):
    plain = loaded("export", "-f", "json", ok=True).stdout
    people = [f["from"] for f in json.loads(plain)["feedback"] if f.get("from")]
    people += [c["name"] for c in json.loads(plain)["network"]]
    assert people
    result = loaded("export", "--redact", "-f", "json", ok=True)
    data = json.loads(result.stdout)
    for name in people:
        assert name not in result.stdout
    assert all("from" not in f for f in data["feedback"])
    assert all(c["name"] == "[name]" for c in data["network"])
    assert data["profile"]["name"] == json.loads(plain)["profile"]["name"]  # the user stays
    count = int(re.search(r"Redacted (\d+) name", result.stderr).group(1))
    assert count >= len(people)


def test_export_redact_to_a_file_and_back(loaded, tmp_path):
    target = tmp_path / "redacted.yaml"
    result = loaded("export", "--redact", "-o", str(target), ok=True)
    assert "Redacted" in result.stderr and target.exists()
    other = type(loaded)(tmp_path / "other.db")
    other("import", str(target), ok=True)  # a redacted file is still a valid career file


def test_export_redact_refused_where_it_cannot_apply(loaded):
    from careerkit.cli.commands.transfer import EXTRA_EXPORTS

    assert EXTRA_EXPORTS, "export knows only the career file: --redact has nothing to refuse"
    for fmt in EXTRA_EXPORTS:
        result = loaded("export", "--redact", "-f", fmt)
        assert result.exit_code == 1 and result.stderr.startswith("error: "), (fmt, result.stderr)


def test_redact_text_names_in_context():
    from careerkit.redact import Redactor

    r = Redactor(["Dana Lee"])
    cases = {
        "Dana Lee said the PLC was the best hour of her week": "[name] said",
        "Dana said it again": "[name] said it again",
        "Marcus's mom wrote to thank me": "[name]'s mom",
        "my student Jamie R. finally read a chapter book": "my student [name] finally",
        "parent Ana Ruiz called about the bus": "parent [name] called",
        "Ms. Alvarez and Dr. Patel joined us": "Ms. [name] and Dr. [name] joined",
        "my daughter, Zoë, loves the book club": "my daughter, [name], loves",
    }
    for text, expected in cases.items():
        assert expected in r.text(text), (text, r.text(text))
    assert r.count == 8
    # words that only look like names after a cue are left alone
    for text in ("Parent Night drew 80 families", "Student Council elections", "The parent said"):
        assert r.text(text) == text


def test_redact_is_idempotent_and_leaves_plain_text():
    from careerkit.redact import Redactor, redact_career

    data = {
        "careerkit": 1,
        "profile": {"name": "Alex Morgan"},
        "feedback": [
            {
                "date": "2024-01-01",
                "text": "Thanks, Ms. Ortiz!",
                "from": "Sam Ortiz",
                "relationship": "parent",
            }
        ],
        "network": [
            {"name": "Priya Raman", "relationship": "mentor", "notes": "Priya introduced me to the district"}
        ],
        "accomplishments": [{"date": "2024-01-01", "title": "Led the PLC with Priya"}],
    }
    once, count = redact_career(data)
    assert count == 5  # from, network name, "Ortiz", "Priya" twice
    twice, again = redact_career(once)
    assert twice == once and again == 0
    assert Redactor([]).text("Led the grade 4 PLC for 14 teachers") == "Led the grade 4 PLC for 14 teachers"
    assert data["feedback"][0]["from"] == "Sam Ortiz"  # the input is not changed


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300), st.lists(st.text(max_size=20), max_size=4))
def test_redact_never_fails_and_never_grows_names(text, names):
    from careerkit.redact import Redactor

    r = Redactor(names)
    out = r.text(text)
    assert isinstance(out, str) and r.count >= 0
    for name in names:
        name = " ".join(name.split())
        if len(name) >= 3 and name[0].isupper() and name.isalpha() and name in text:
            assert name not in out.replace("[name]", "")


REDACT_RECORD = {
    "careerkit": 1,
    "profile": {"name": "Alex Morgan", "headline": "Instructional Coach"},
    "positions": [
        {
            "title": "Instructional Coach",
            "organization": "Oak Elementary",
            "start": "2019-08",
            "category": "leadership",
        }
    ],
    "accomplishments": [
        {
            "date": "2024-03-01",
            "position": "Instructional Coach",
            "title": "Coached Ms. Quillfeather through a data cycle on formative assessment",
            "impact": "my student Ozymandias R. moved up two reading levels",
            "kind": "leadership",
            "skills": ["coaching", "data use"],
        }
    ],
    "feedback": [
        {
            "date": "2024-05-01",
            "relationship": "parent",
            "from": "Bartholomew Quince",
            "text": "Thanks to you Wilhelmina's mom says reading is her favourite part of the day.",
        },
        {
            "date": "2024-05-02",
            "relationship": "supervisor",
            "from": "Dana Whitcombe",
            "text": "Dana Whitcombe here: your coaching cycles changed how our team plans.",
        },
    ],
    "network": [{"name": "Persephone Aldridge", "relationship": "mentor"}],
}
PEOPLE = [
    "Quillfeather",
    "Ozymandias",
    "Bartholomew",
    "Quince",
    "Wilhelmina",
    "Whitcombe",
    "Persephone",
    "Aldridge",
]


@pytest.fixture
def peopled(cli, tmp_path):
    source = tmp_path / "people.json"
    source.write_text(json.dumps(REDACT_RECORD), encoding="utf-8")
    cli("import", str(source), ok=True)
    return cli


def redacted_documents(cli, tmp_path):
    """(name, text, stderr) of every document command run with --redact."""
    out = []
    for fmt in ("md", "html", "jsonresume", "pdf", "docx"):
        target = tmp_path / f"resume.{'json' if fmt == 'jsonresume' else fmt}"
        r = cli("resume", "-f", fmt, "-o", str(target), "--redact", "--force", ok=True)
        out.append((f"resume {fmt}", text_of(target), r.stderr))
    posting = tmp_path / "posting.txt"
    posting.write_text(POSTING, encoding="utf-8")
    cli("gap", "analyze", str(posting), ok=True)
    for fmt in ("md", "html", "pdf", "docx"):
        target = tmp_path / f"brief.{fmt}"
        r = cli("prep", "1", "-f", fmt, "-o", str(target), "--redact", "--force", ok=True)
        out.append((f"prep {fmt}", text_of(target), r.stderr))
    r = cli("feedback", "themes", "--json", "--redact", ok=True)
    out.append(("feedback themes", r.stdout, r.stderr))
    r = cli("export", "-f", "json", "--redact", ok=True)
    out.append(("export", r.stdout, r.stderr))
    return out


def test_redact_in_every_document_command(peopled, tmp_path):
    everything = flat(peopled("export", "-f", "json", ok=True).stdout)
    assert all(flat(p) in everything for p in PEOPLE)  # the names are there to remove
    for name, text, stderr in redacted_documents(peopled, tmp_path):
        seen = flat(text)
        assert not [p for p in PEOPLE if flat(p) in seen], (name, [p for p in PEOPLE if flat(p) in seen])
        assert re.search(r"Redacted \d+ names?\.", stderr), (name, stderr)
        assert flat("Alex Morgan") in seen or name in (
            "feedback themes",
            "prep md",
            "prep html",
            "prep pdf",
            "prep docx",
        )


def test_prep_names_and_redact_together_is_refused(peopled, tmp_path):
    posting = tmp_path / "posting.txt"
    posting.write_text(POSTING, encoding="utf-8")
    peopled("gap", "analyze", str(posting), ok=True)
    result = peopled("prep", "1", "--names", "--redact")
    assert result.exit_code == 1 and result.stderr.startswith("error: ")
