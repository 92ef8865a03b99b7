"""JSON Resume: `export --format jsonresume`, `import --format jsonresume`, and the round trip
of everything the schema can hold."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

SAMPLE = Path(__file__).resolve().parents[2] / "careerkit" / "data" / "sample-career.yaml"


def _export(cli, *args) -> dict:
    result = cli("export", "--format", "jsonresume", *args, ok=True)
    return json.loads(result.stdout)


def test_export_maps_the_record(cli, sample_file):
    cli("import", str(sample_file), ok=True)
    data = _export(cli)
    assert data["$schema"].endswith("/v1.0.0/schema.json")
    b = data["basics"]
    assert (b["name"], b["label"], b["email"], b["phone"]) == (
        "Alex Morgan",
        "Grade 7 English Teacher and ELA Department Chair",
        "alex.morgan@example.org",
        "+1 555 0199",
    )
    assert b["location"] == {"city": "Dayton", "region": "OH"}
    assert b["profiles"] == [{"network": "Portfolio", "url": "https://example.org/alex"}]
    chair = next(w for w in data["work"] if w["position"] == "ELA Department Chair")
    assert chair["name"] == "Riverside Middle School" and chair["startDate"] == "2021-08"
    assert chair["highlights"] == [
        "Led the department's rebuild of the grade 6-8 writing curriculum — "
        "Proficient argument essays rose from 41% to 58% in one year"
    ]
    ba = next(e for e in data["education"] if e["institution"] == "Miami University")
    assert ba == {
        "institution": "Miami University",
        "studyType": "B.A.",
        "area": "English",
        "endDate": "2014-05",
    }
    assert {
        "name": "Ohio Professional Teaching License, Grades 4-9 Language Arts",
        "date": "2019-07",
        "issuer": "Ohio Department of Education",
    } in data["certificates"]
    assert data["awards"] == [{"title": "District Teacher of the Year finalist", "date": "2023-04"}]
    assert {
        "name": "Dana Whitfield (supervisor)",
        "reference": "Alex's calibration sessions made our grading consistent for the first time.",
    } in data["references"]
    # Private entries stay behind unless asked for.
    text = json.dumps(data)
    assert "Mentored two first-year" not in text and "Private praise" not in text
    assert "Private praise" in json.dumps(_export(cli, "--include-private"))


def test_round_trip_of_what_the_schema_holds(cli, tmp_path, monkeypatch):
    cli("import", str(SAMPLE), ok=True)
    first = _export(cli)
    path = tmp_path / "resume.json"
    path.write_text(json.dumps(first), encoding="utf-8")
    monkeypatch.setenv("CAREERKIT_DB", str(tmp_path / "other.db"))
    other = type(cli)(tmp_path / "other.db")  # a second database, same runner
    result = other("import", "--format", "jsonresume", str(path), ok=True)
    assert result.stderr.startswith("Imported ")
    again = _export(other)
    # Skills (the entries' skills, summed up) come back as the profile's skills.
    assert again == first
    assert other.json("profile", "show")["skills"] == [s["name"] for s in first["skills"]]
    # Positions come back with a category read from the title, accomplishments split again.
    roles = other.json("roles", "list")
    assert {r["title"]: r["category"] for r in roles}["Instructional Coach"] == "leadership"
    assert {r["title"]: r["category"] for r in roles}["Grade 3 Teacher"] == "teaching"
    wins = other.json("wins", "list")
    led = next(w for w in wins if w["title"].startswith("Led literacy coaching cycles"))
    assert (
        led["impact"] == "Students at or above benchmark in grade 2 reading rose from 48% to 67% in one year"
    )
    assert led["position"] == "Instructional Coach @ Cedar Ridge Elementary"
    creds = {c["name"]: c for c in other.json("creds", "list")}
    assert creds["M.Ed. Literacy and Reading"]["level"] == "master"
    assert creds["M.Ed. Literacy and Reading"]["field"] == "Literacy and Reading"


def test_import_a_hand_written_json_resume(cli, tmp_path):
    f = tmp_path / "r.json"
    f.write_text(
        json.dumps(
            {
                "basics": {
                    "name": "Jo Lee",
                    "url": "https://jo.example.org",
                    "location": {"city": "Leeds", "countryCode": "GB"},
                },
                "work": [
                    {
                        "name": "Oak Academy",
                        "position": "Assistant Headteacher",
                        "startDate": "2021-09",
                        "highlights": ["Led the behaviour policy rewrite"],
                    },
                    {"name": "No start date", "position": "Skipped"},
                ],
                "education": [
                    {
                        "institution": "University of Leeds",
                        "studyType": "Master of Education",
                        "area": "Leadership",
                    }
                ],
                "references": [{"name": "Parent", "reference": "Kind and clear."}],
                "skills": [{"name": "behaviour"}],
            }
        )
    )
    cli("import", "-f", "jsonresume", str(f), ok=True)
    assert cli.json("profile", "show")["links"] == [{"label": "Website", "url": "https://jo.example.org"}]
    role = cli.json("roles", "list")[0]
    assert (role["title"], role["category"]) == ("Assistant Headteacher", "administration")
    assert [w["title"] for w in cli.json("wins", "list")] == ["Led the behaviour policy rewrite"]
    cred = cli.json("creds", "list")[0]
    assert (cred["name"], cred["level"]) == ("Master of Education", "master")
    fb = cli.json("feedback", "list")[0]
    assert (fb["relationship"], fb["from"]) == ("parent", None)


def test_import_bad_input_changes_nothing(cli, tmp_path):
    for text, message in (
        ("not json", "r.json: not valid JSON"),
        ('{"foo": 1}', "not a JSON Resume"),
        (
            '{"basics": {"name": "X"}, "work": [{"name": "A", "position": "B", "startDate": "2024-13"}]}',
            "positions[0].start: not a date",
        ),
    ):
        f = tmp_path / "r.json"
        f.write_text(text)
        result = cli("import", "--format", "jsonresume", str(f))
        assert result.exit_code == 1 and result.stderr.startswith("error: ") and message in result.stderr, (
            result.stderr
        )
    assert cli.json("roles", "list") == []
    result = cli("import", "--format", "xml", str(f))
    assert (
        result.exit_code == 2 and "'xml' is not one of" in result.stderr and "'jsonresume'" in result.stderr
    )


def test_resume_format_jsonresume_equals_export(cli, sample_file):
    cli("import", str(sample_file), ok=True)
    assert json.loads(cli("resume", "-f", "jsonresume", ok=True).stdout) == _export(cli)


def test_a_json_resume_without_the_format_gets_a_hint(cli, tmp_path):
    f = tmp_path / "resume.json"
    f.write_text('{"basics": {"name": "Jo"}}')
    result = cli("import", str(f))
    assert result.exit_code == 1
    assert (
        result.stderr.strip()
        == "error: resume.json looks like a JSON Resume: import it with --format jsonresume"
    )


def test_a_value_that_is_not_text_is_one_line_naming_the_field(cli, tmp_path):
    f = tmp_path / "r.json"
    f.write_text(
        '{"basics": {"name": "Jo"}, "education": [{"institution": "U", "area": "Ed", "studyType": 7}]}'
    )
    result = cli("import", "--format", "jsonresume", str(f))
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines() == ["error: education[0].studyType: expected text, got 7"]
    f.write_text('{"basics": {"name": "Jo", "phone": ' + "5" * 5000 + "}}")
    result = cli("import", "--format", "jsonresume", str(f))
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines() == [
        "error: r.json: basics.phone: a 5,000-digit number is too long"
    ]


def test_export_keeps_only_web_and_mail_links(cli, tmp_path):
    f = tmp_path / "c.yaml"
    f.write_text(
        "careerkit: 1\nprofile:\n  name: Jo\n  links:\n"
        "  - {label: Bad, url: 'javascript:alert(1)'}\n"
        "  - {label: File, url: 'file:///etc/passwd'}\n"
        "  - {label: Site, url: 'https://example.org/jo'}\n"
        "  - {label: Mail, url: 'mailto:jo@example.org'}\n"
    )
    cli("import", str(f), ok=True)
    data = _export(cli)
    assert data["basics"]["url"] == "https://example.org/jo"
    assert [p["url"] for p in data["basics"]["profiles"]] == [
        "https://example.org/jo",
        "mailto:jo@example.org",
    ]
    assert "javascript" not in json.dumps(data) and "file://" not in json.dumps(data)


OFFICIAL = Path(__file__).resolve().parents[1] / "fixtures" / "jsonresume"


def test_export_of_a_rich_record_validates_against_the_official_schema(cli, sample_file):
    """@jsonresume/schema 1.3.1 (npm), tests/fixtures/jsonresume/schema-1.3.1.json: 0 errors."""
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((OFFICIAL / "schema-1.3.1.json").read_text(encoding="utf-8"))
    cli("import", str(sample_file), ok=True)
    cli("log", "Wrote the district's reading guide", "--kind", "publication", "--date", "2024-05", ok=True)
    cli(
        "log",
        "Built the tutoring tracker",
        "--kind",
        "project",
        "--date",
        "2023-09",
        "-e",
        "https://example.org/t",
        ok=True,
    )
    for args in ((), ("--include-private",)):
        data = _export(cli, *args)
        errors = list(
            jsonschema.Draft7Validator(schema, format_checker=jsonschema.FormatChecker()).iter_errors(data)
        )
        assert errors == [], [e.message for e in errors[:5]]
        assert data["projects"][0]["name"] == "Built the tutoring tracker"
        assert data["publications"][0]["name"] == "Wrote the district's reading guide"


def test_the_official_sample_round_trips_and_says_what_was_not_mapped(cli):
    sample = json.loads((OFFICIAL / "sample.resume.json").read_text(encoding="utf-8"))
    r = cli("import", "--format", "jsonresume", str(OFFICIAL / "sample.resume.json"), ok=True)
    [note] = [line for line in r.stderr.splitlines() if line.startswith("Not mapped")]
    for path in ("basics.image", "work[0].url", "work[0].description", "education[0].score", "interests"):
        assert path in note or path == "basics.image"  # an empty image is nothing to keep
    assert "projects[0].roles" in note and "publications[0].publisher" in note
    # import then export gives the same document
    assert _export(cli) == sample
    # what careerkit has a place for is where it belongs
    profile = cli.json("profile", "show")
    assert profile["skills"] == ["Web Development", "Compression"]
    assert profile["languages"] == ["English (Native speaker)"]
    wins = {w["title"]: w for w in cli.json("wins", "list")}
    assert wins["Miss Direction"]["kind"] == "project"
    assert wins["Video compression for 3d media"]["kind"] == "publication"
    courses = [e["title"] for e in cli.json("learn", "list")["entries"]]
    assert sorted(courses) == ["CS2011 - Java Introduction", "DB1101 - Basic SQL"]
    # a change in the record shows in the export; what was kept stays with its entry
    cli("roles", "edit", "1", "--summary", "Compression, reinvented.", ok=True)
    after = _export(cli)
    assert after["work"][0]["summary"] == "Compression, reinvented."
    assert after["work"][0]["url"] == "http://piedpiper.example.com"
    assert after["interests"] == sample["interests"]
    # and the career file carries what was kept, so a move to a new computer keeps it too
    assert cli("export", ok=True).stdout.count("jsonresume:") == 1
