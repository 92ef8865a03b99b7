"""Reflections in the career file (format 2): export, import, round trip, links that follow
their entries when ids are renumbered, private ones left out by --no-private, names taken
out by --redact."""

from __future__ import annotations

import yaml


def _setup(cli):
    cli("log", "Led the grade 4 PLC", "--date", "2025-09-10", ok=True)
    cli(
        "feedback",
        "add",
        "Clear, calm meeting",
        "--relationship",
        "supervisor",
        "--date",
        "2025-09-12",
        ok=True,
    )
    cli(
        "reflect",
        "The PLC stalled when Dana Lee's data came up",
        "--learned",
        "Lead with the question",
        "--evidence",
        "Three teachers changed their exit tickets",
        "--on",
        "win:1",
        "--on",
        "feedback:1",
        "-c",
        "psel-4",
        "--date",
        "2025-09-15",
        ok=True,
    )
    cli("reflect", "Shareable note", "--shareable", "--date", "2025-10-01", ok=True)


def test_reflections_round_trip_through_the_career_file(cli, tmp_path):
    from conftest import Cli

    _setup(cli)
    out = tmp_path / "career.yaml"
    cli("export", "-o", str(out), ok=True)
    data = yaml.safe_load(out.read_text())
    first, second = data["reflections"]
    assert first["text"].startswith("The PLC stalled")
    assert first["private"] is True and second["private"] is False
    assert first["competencies"] == ["psel-4"]
    assert first["reflects_on"] == ["win:1", "feedback:1"]
    # Into an empty record: the same file back.
    empty = Cli(tmp_path / "empty.db")
    empty("import", str(out), ok=True)
    again = tmp_path / "again.yaml"
    empty("export", "-o", str(again), ok=True)
    assert again.read_text() == out.read_text()
    # Into a record whose ids differ: the links follow the entries, not the numbers.
    other = Cli(tmp_path / "other.db")
    other("log", "Something else first", ok=True)
    other("import", str(out), ok=True)
    mine = next(x for x in other.json("reflect", "list") if x["text"].startswith("The PLC"))
    assert mine["links"] == ["win:2", "feedback:1"]
    assert mine["learned"] == "Lead with the question"


def test_private_reflections_stay_out_of_a_no_private_export_and_names_are_redacted(cli, tmp_path):
    _setup(cli)
    out = tmp_path / "public.yaml"
    cli("export", "--no-private", "-o", str(out), ok=True)
    texts = [r["text"] for r in yaml.safe_load(out.read_text())["reflections"]]
    assert texts == ["Shareable note"]
    red = tmp_path / "red.yaml"
    cli("network", "add", "Dana Lee", "--relationship", "peer", ok=True)
    cli("export", "--redact", "-o", str(red), ok=True)
    text = yaml.safe_load(red.read_text())["reflections"][0]["text"]
    assert "Dana" not in text and "[name]" in text


def test_a_reflection_in_a_career_file_is_checked(cli, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("careerkit: 2\nreflections:\n  - date: 2025-13-01\n    text: x\n")
    r = cli("import", str(bad))
    assert r.exit_code == 1
    assert "reflections[0].date" in r.stderr
