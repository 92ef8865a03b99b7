"""The growth loop through the command line: network cadence and touches, status, config,
the capture nudge, goal links and the calendar export. Today is fixed."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest

TODAY = date(2025, 3, 14)


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch):
    import careerkit.cli.commands.growth as growth

    monkeypatch.setattr(growth, "today", lambda: TODAY)


def person(cli, name, relationship, last=None, **extra):
    args = ["network", "add", name, "--relationship", relationship]
    if last:
        args += ["--last-contact", last]
    for key, value in extra.items():
        args += [f"--{key}", value]
    cli(*args, ok=True)


def due_names(cli, *args):
    return [p["name"] for p in cli.json("network", "list", "--due", *args)]


# -- cadence arithmetic -------------------------------------------------------------------------


def test_default_cadences_mentor_six_weeks_sponsor_three_months_peer_two_months(cli):
    # 6 weeks before 2025-03-14 is 2025-01-31: due on that day, not the day after it.
    person(cli, "Mentor Due", "mentor", "2025-01-31")
    person(cli, "Mentor Fresh", "mentor", "2025-02-01")
    # 3 months before is 2024-12-14.
    person(cli, "Sponsor Due", "sponsor", "2024-12-14")
    person(cli, "Sponsor Fresh", "sponsor", "2024-12-15")
    # 2 months before is 2025-01-14.
    person(cli, "Peer Due", "peer", "2025-01-14")
    person(cli, "Peer Fresh", "peer", "2025-01-15")
    person(cli, "Never Met", "mentor")
    person(cli, "Someone Else", "other", "2019-01-01")
    assert sorted(due_names(cli)) == ["Mentor Due", "Never Met", "Peer Due", "Sponsor Due"]
    rows = {p["name"]: p for p in cli.json("network", "list", "--due")}
    assert rows["Sponsor Due"]["next"] == "2025-03-14"
    assert rows["Mentor Due"]["days_since"] == 42
    assert rows["Never Met"]["last_contact"] is None


def test_month_cadence_clamps_to_the_end_of_a_short_month(cli):
    # 2024-11-30 + 3 months = 2025-02-28 (no 30 February): due before the 14 March.
    person(cli, "Nov", "sponsor", "2024-11-30")
    assert due_names(cli) == ["Nov"]
    assert cli.json("network", "list", "--due")[0]["next"] == "2025-02-28"


def test_partial_last_contact_counts_from_its_last_day(cli):
    person(cli, "Month Only", "mentor", "2025-01")  # ends 2025-01-31: exactly 6 weeks
    person(cli, "Month Later", "mentor", "2025-02")
    assert due_names(cli) == ["Month Only"]


def test_cadence_per_person_and_default_per_relationship(cli):
    person(cli, "Priya Raman", "mentor", "2025-03-01")
    assert due_names(cli) == []
    r = cli("network", "cadence", "priya", "1w", ok=True)
    assert "every week (set for them)" in r.stderr and "2025-03-08" in r.stderr
    assert due_names(cli) == ["Priya Raman"]
    r = cli("network", "cadence", "Priya Raman", ok=True)
    assert r.stdout.startswith("Priya Raman: every week (set for them)")
    cli("network", "cadence", "priya", "--default", ok=True)
    assert due_names(cli) == []
    cli("config", "set", "cadence.mentor", "10 days", ok=True)
    assert due_names(cli) == ["Priya Raman"]
    cli("network", "cadence", "priya", "off", ok=True)
    assert due_names(cli) == []
    assert cli.json("network", "list")[0]["name"] == "Priya Raman"


def test_due_list_keeps_the_list_filters(cli):
    person(cli, "A Mentor", "mentor")
    person(cli, "A Sponsor", "sponsor")
    assert due_names(cli, "--kind", "sponsor") == ["A Sponsor"]
    r = cli("network", "list", "--due", "--kind", "peer", ok=True)
    assert "Nobody is due" in r.stderr


def test_due_table_for_people(cli):
    person(cli, "Priya Raman", "mentor", "2024-12-01", role="Assistant Principal")
    r = cli("network", "list", "--due", ok=True)
    assert "Priya Raman" in r.stdout and "every 6 weeks" in r.stdout and "2025-01-12" in r.stdout


def test_bad_cadence_is_one_clear_error(cli):
    person(cli, "Priya Raman", "mentor")
    for bad in ("soon", "0w", "3.5m", "6 fortnights"):
        r = cli("network", "cadence", "priya", bad)
        assert r.exit_code == 1 and r.stderr.startswith("error: not a cadence"), (bad, r.stderr)
    r = cli("network", "cadence", "priya", "2w", "--default")
    assert r.exit_code == 1


# -- touches -------------------------------------------------------------------------------------


def test_touch_records_a_note_and_moves_last_contact(cli):
    person(cli, "Priya Raman", "mentor", "2024-09-10")
    assert due_names(cli) == ["Priya Raman"]
    r = cli("network", "touch", "priya", "--note", "Asked about the master schedule", ok=True)
    assert "Recorded a conversation with Priya Raman on 2025-03-14" in r.stderr
    assert cli.json("network", "list")[0]["last_contact"] == "2025-03-14"
    assert due_names(cli) == []
    rows = cli.json("network", "touches")
    assert [(t["name"], t["kind"], t["note"], t["date"]) for t in rows] == [
        ("Priya Raman", "conversation", "Asked about the master schedule", "2025-03-14")
    ]


def test_informational_interview_is_a_touch_with_a_kind(cli):
    person(cli, "Dana Lee", "peer")
    person(cli, "Sam Ortiz", "sponsor")
    cli(
        "network",
        "touch",
        "Dana",
        "--kind",
        "informational-interview",
        "--date",
        "2025-03-10",
        "--note",
        "A typical week: 40% observations, 30% discipline, 30% meetings.",
        ok=True,
    )
    cli("network", "touch", "sam", "--note", "Coffee", ok=True)
    interviews = cli.json("network", "touches", "--kind", "informational-interview")
    assert [t["name"] for t in interviews] == ["Dana Lee"]
    assert "typical week" in interviews[0]["note"]
    assert [t["name"] for t in cli.json("network", "touches", "sam")] == ["Sam Ortiz"]
    r = cli("network", "touches", "dana", ok=True)
    assert "informational-interview" in r.stdout


def test_an_older_touch_does_not_move_last_contact_back(cli):
    person(cli, "Priya Raman", "mentor", "2025-03-01")
    cli("network", "touch", "priya", "--date", "2024-12-01", "--note", "old notes", ok=True)
    assert cli.json("network", "list")[0]["last_contact"] == "2025-03-01"
    assert len(cli.json("network", "touches")) == 1


def test_touch_names_must_be_clear(cli, db_path):
    person(cli, "Sam Ortiz", "sponsor")
    person(cli, "Sam Lee", "peer")
    r = cli("network", "touch", "sam", "--note", "hi")
    assert r.exit_code == 1 and "matches 2 people" in r.stderr
    r = cli("network", "touch", "nobody", "--note", "hi")
    assert r.exit_code == 1 and r.stderr.startswith("error: no one in your network matches")
    r = cli("network", "touch", "sam lee", "--kind", "lunch")
    assert r.exit_code == 2 and "'lunch' is not one of 'conversation', 'informational-interview'" in r.stderr
    r = cli("network", "touch", "sam lee", "--date", "someday")
    assert r.exit_code == 1 and "not a date" in r.stderr
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("SELECT count(*) FROM touches").fetchone()[0] == 0
    cli("network", "touch", "2", "--note", "by id", ok=True)
    assert cli.json("network", "touches")[0]["name"] == "Sam Lee"


def test_deleting_a_person_deletes_their_touches_and_cadence(cli, db_path):
    person(cli, "Priya Raman", "mentor")
    cli("network", "touch", "priya", "--note", "x", ok=True)
    cli("network", "cadence", "priya", "2w", ok=True)
    cli("network", "rm", "1", "--yes", ok=True)
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("SELECT count(*) FROM touches").fetchone()[0] == 0
        assert conn.execute("SELECT count(*) FROM contact_cadence").fetchone()[0] == 0


# -- status ------------------------------------------------------------------------------------------


def test_status_on_an_empty_record(cli):
    r = cli("status", ok=True)
    assert "nothing logged yet" in r.stdout
    assert "none analysed yet" in r.stdout
    data = cli.json("status")
    assert data["days_since_last_entry"] is None and data["goals_due"] == []


def test_status_one_screen(cli, db_path):
    cli("log", "Led the PLC", "--date", "2025-03-10", ok=True)
    cli("log", "Older win", "--date", "2025-02-20", ok=True)
    cli("feedback", "add", "Great PLC", "--relationship", "supervisor", "--date", "2025-03-02", ok=True)
    cli("learn", "add", "Law course", "--hours", "12", "--date", "2025-01-15", ok=True)
    cli("learn", "add", "Book", "--hours", "3.5", "--date", "2025-02", ok=True)
    cli(
        "learn", "add", "Planned course", "--hours", "40", "--date", "2025-06", "--status", "planned", ok=True
    )
    cli("learn", "add", "Last year", "--hours", "10", "--date", "2024-11-01", ok=True)
    cli("goals", "add", "Overdue goal", "--due", "2025-02", ok=True)
    cli("goals", "add", "Soon goal", "--due", "2025-04-01", ok=True)
    cli("goals", "add", "Later goal", "--due", "2025-09", ok=True)
    cli("goals", "add", "Done goal", "--due", "2025-01", "--status", "done", ok=True)
    cli("creds", "add", "Teaching licence", "--kind", "license", "--expires", "2025-12-31", ok=True)
    cli("creds", "add", "Old licence", "--kind", "license", "--expires", "2020-01-01", ok=True)
    cli("creds", "add", "Far licence", "--kind", "license", "--expires", "2030-01-01", ok=True)
    person(cli, "Marcus Bell", "sponsor")
    with sqlite3.connect(db_path) as conn:
        conn.execute(
            "INSERT INTO gap_reports (title, organization, text, chars, score, report) "
            "VALUES ('Assistant Principal', 'Example Schools', 'x', 1, 64, ?)",
            (
                '{"requirements": [{"text": "Evaluate staff", "must": "preferred", "verdict": "gap"},'
                '{"text": "Lead MTSS", "must": "required", "verdict": "gap"},'
                '{"text": "Teach 5 years", "must": "required", "verdict": "met"},'
                '{"text": "Build the master schedule", "must": "required", "verdict": "partial"},'
                '{"text": "Know school law", "must": "required", "verdict": "partial"}]}',
            ),
        )
    data = cli.json("status")
    assert data["days_since_last_entry"] == 4
    assert data["this_month"] == {"accomplishments": 1, "feedback": 1, "learning": 0, "total": 2}
    assert [g["title"] for g in data["goals_due"]] == ["Overdue goal", "Soon goal"]
    assert [g["overdue"] for g in data["goals_due"]] == [True, False]
    assert [c["name"] for c in data["credentials_expiring"]] == ["Teaching licence"]
    assert [p["name"] for p in data["contacts_due"]] == ["Marcus Bell"]
    assert data["pl_hours_this_year"] == 15.5
    assert data["last_posting"]["score"] == 64
    assert [g["text"] for g in data["last_posting"]["top_gaps"]] == [
        "Lead MTSS",
        "Evaluate staff",
        "Build the master schedule",
    ]
    out = cli("status", ok=True).stdout
    assert "last entry 4 days ago (2025-03-10)" in out
    assert "Overdue goal: overdue since 2025-02" in out
    assert "Soon goal: due 2025-04-01 (in 18 days)" in out
    assert "Teaching licence: expires 2025-12-31" in out
    assert "Marcus Bell (sponsor): no contact recorded" in out
    assert "Assistant Principal at Example Schools" in out and "score 64, 2 gaps, 2 partial" in out
    assert "- Lead MTSS\n" in out and "- Evaluate staff (preferred)" in out
    assert "- Build the master schedule (partial)" in out
    assert "15.5 hours done this year (2 entries)" in out


# -- nudges ----------------------------------------------------------------------------------------


def test_capture_ends_with_one_quiet_line_when_something_is_due(cli):
    r = cli("log", "Nothing due yet", ok=True)
    assert r.stderr.strip() == "Added accomplishment 1."
    cli("goals", "add", "Write the SIP draft", "--due", "2025-03-28", ok=True)
    cli("goals", "add", "Chair the committee", "--due", "2025-03", ok=True)
    person(cli, "Marcus Bell", "sponsor")
    r = cli("log", "Led the PLC", ok=True)
    lines = r.stderr.strip().splitlines()
    assert lines == [
        "Added accomplishment 2.",
        "2 goals due this month; 1 sponsor to contact (careerkit status)",
    ]
    assert r.stdout == ""
    r = cli("feedback", "add", "Nice", "--relationship", "parent", ok=True)
    assert "2 goals due this month" in r.stderr


def test_nudges_are_turned_off_by_a_setting(cli):
    person(cli, "Marcus Bell", "sponsor")
    assert "to contact" in cli("log", "one", ok=True).stderr
    r = cli("config", "set", "nudges", "off", ok=True)
    assert "nudges = off" in r.stderr
    assert cli("log", "two", ok=True).stderr.strip() == "Added accomplishment 2."
    assert cli("config", "get", "nudges", ok=True).stdout.strip() == "off"
    cli("config", "unset", "nudges", ok=True)
    assert "to contact" in cli("log", "three", ok=True).stderr


def test_nudge_counts_overdue_and_people_by_relationship(cli):
    cli("goals", "add", "Old", "--due", "2024-12", ok=True)
    person(cli, "M1", "mentor")
    person(cli, "M2", "mentor")
    person(cli, "S1", "sponsor")
    r = cli("log", "x", ok=True)
    assert "1 goal overdue; 2 mentors and 1 sponsor to contact" in r.stderr


def test_config_list_and_bad_settings(cli, db_path):
    rows = {r["key"]: r for r in cli.json("config", "list")}
    assert rows["cadence.mentor"]["value"] == "6w" and rows["nudges"]["value"] == "on"
    assert "(default)" in cli("config", "list", ok=True).stdout
    for args, message in (
        (("set", "nudges", "maybe"), "nudges: use on or off"),
        (("set", "colour", "blue"), "unknown setting 'colour'"),
        (("set", "cadence.sponsor", "often"), "not a cadence"),
        (("get", "colour"), "unknown setting"),
    ):
        r = cli("config", *args)
        assert r.exit_code == 1 and r.stderr.startswith("error: ") and message in r.stderr, r.stderr
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("SELECT count(*) FROM settings").fetchone()[0] == 0


# -- goals and accomplishments ----------------------------------------------------------------------


def test_goal_links_to_the_accomplishments_that_fulfil_it(cli):
    cli("goals", "add", "Chair a committee", "--due", "2025-06", ok=True)
    cli("log", "Chaired the attendance committee", ok=True)
    cli("log", "Presented the attendance report", ok=True)
    r = cli("goals", "link", "1", "1", "2", "--done", ok=True)
    assert "Linked 2 accomplishments to goal 1 and marked it done." in r.stderr
    assert cli.json("goals", "show", "1")["status"] == "done"
    data = cli.json("goals", "links", "1")
    assert [a["title"] for a in data[0]["accomplishments"]] == [
        "Chaired the attendance committee",
        "Presented the attendance report",
    ]
    assert "already" in cli("goals", "link", "1", "1", ok=True).stderr.lower()
    cli("goals", "unlink", "1", "2", ok=True)
    assert len(cli.json("goals", "links")[0]["accomplishments"]) == 1
    out = cli("goals", "links", ok=True).stdout
    assert "fulfilled by win 1" in out
    cli("wins", "rm", "1", "--yes", ok=True)
    assert cli.json("goals", "links")[0]["accomplishments"] == []


def test_goal_links_refuse_unknown_ids(cli, db_path):
    cli("goals", "add", "Chair a committee", ok=True)
    r = cli("goals", "link", "1", "9")
    assert r.exit_code == 1 and "no accomplishment with id 9" in r.stderr
    r = cli("goals", "link", "5", "1")
    assert r.exit_code == 1 and "no goal with id 5" in r.stderr
    r = cli("goals", "unlink", "1", "1")
    assert r.exit_code == 1
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("SELECT count(*) FROM goal_links").fetchone()[0] == 0


# -- calendar ---------------------------------------------------------------------------------------


def test_export_ics_is_a_valid_calendar(cli, tmp_path):
    import icalendar  # the test extra has it: a missing one is an error, not a skip

    cli(
        "goals",
        "add",
        "Lead the master schedule build, with the AP; then write it up — "
        "a long title that must be folded across lines in the file",
        "--due",
        "2025-06",
        ok=True,
    )
    cli("goals", "add", "Finish the M.A.", "--due", "2025-05-15", "--status", "active", ok=True)
    cli("goals", "add", "Done goal", "--due", "2025-05-15", "--status", "done", ok=True)
    cli("goals", "add", "No date", ok=True)
    person(cli, "Priya Raman", "mentor", "2025-03-01", role="Assistant Principal")
    person(cli, "Marcus Bell", "sponsor")
    out = tmp_path / "growth.ics"
    cli("export", "-o", str(out), ok=True)
    raw = out.read_bytes()
    assert raw.startswith(b"BEGIN:VCALENDAR\r\n") and raw.endswith(b"END:VCALENDAR\r\n")
    assert b"\n" not in raw.replace(b"\r\n", b"")
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))
    cal = icalendar.Calendar.from_ical(raw)
    events = {str(e["SUMMARY"]): e for e in cal.walk("VEVENT")}
    assert len(events) == 4
    long = next(k for k in events if k.startswith("Goal due: Lead the master"))
    assert long.endswith("folded across lines in the file") and "build, with the AP; then" in long
    assert events[long]["DTSTART"].dt == date(2025, 6, 30)
    assert events["Goal due: Finish the M.A."]["DTSTART"].dt == date(2025, 5, 15)
    assert events["Get in touch with Priya Raman (mentor)"]["DTSTART"].dt == date(2025, 4, 12)
    assert events["Get in touch with Marcus Bell (sponsor)"]["DTSTART"].dt == TODAY
    alarm = events["Goal due: Finish the M.A."].walk("VALARM")[0]
    assert str(alarm["ACTION"]) == "DISPLAY" and alarm["TRIGGER"].dt.total_seconds() == 9 * 3600
    uids = [str(e["UID"]) for e in events.values()]
    assert len(set(uids)) == 4 and all("DTSTAMP" in e for e in events.values())
    again = tmp_path / "again.ics"
    cli("export", "--format", "ics", "-o", str(again), ok=True)
    assert sorted(
        str(e["UID"]) for e in icalendar.Calendar.from_ical(again.read_bytes()).walk("VEVENT")
    ) == sorted(uids)


def test_ics_folding_never_splits_a_character():
    from careerkit.formats.ics import escape, fold

    line = "SUMMARY:" + escape("Élève, 教师; ") * 20
    folded = fold(line).encode("utf-8")
    pieces = folded.split(b"\r\n ")
    assert all(len(p) <= 75 for p in pieces)
    assert b"".join(pieces).decode("utf-8") == line
    assert escape("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne"


def test_export_ics_to_stdout(cli):
    cli("goals", "add", "Finish the M.A.", "--due", "2025-05-15", ok=True)
    r = cli("export", "--format", "ics", ok=True)
    assert "SUMMARY:Goal due: Finish the M.A." in r.stdout and "BEGIN:VEVENT" in r.stdout


def test_status_stays_one_screen_and_plurals_read_right(cli):
    for n in range(9):
        cli("goals", "add", f"Goal {n}", "--due", "2025-01", ok=True)
    person(cli, "Coach One", "coach")
    person(cli, "Coach Two", "coach")
    out = cli("status", ok=True).stdout
    assert "9 goals due within 30 days or overdue" in out
    assert out.count("overdue since 2025-01") == 6 and "and 3 more: careerkit goals list" in out
    assert "9 goals overdue; 2 coaches to contact" in cli("log", "x", ok=True).stderr


def test_export_ics_of_an_empty_record_is_a_calendar_and_says_so(cli):
    import icalendar  # the test extra has it: a missing one is an error, not a skip

    r = cli("export", "--format", "ics", ok=True)
    assert "the calendar is empty" in r.stderr
    cal = icalendar.Calendar.from_ical(r.stdout.encode())
    assert cal.walk("VEVENT") == [] and str(cal["VERSION"]) == "2.0"


def test_status_survives_a_damaged_saved_report(cli, db_path):
    cli("status", ok=True)
    with sqlite3.connect(db_path) as conn:
        conn.execute(
            "INSERT INTO gap_reports (title, text, chars, score, report) "
            "VALUES ('AP', 'x', 1, 40, '{not json')"
        )
    data = cli.json("status")
    assert data["last_posting"]["score"] == 40 and data["last_posting"]["top_gaps"] == []


def test_cadence_without_a_name_lists_everyone_with_their_next_date(cli):
    person(cli, "Priya Raman", "mentor", "2025-03-01")
    person(cli, "Marcus Bell", "sponsor")
    person(cli, "Old Friend", "other", "2020-01-01")
    cli("network", "cadence", "priya", "2w", ok=True)
    rows = {p["name"]: p for p in cli.json("network", "cadence")}
    assert rows["Priya Raman"]["next"] == "2025-03-15" and rows["Priya Raman"]["cadence_set"]
    assert rows["Marcus Bell"]["due"] and rows["Old Friend"]["next"] is None
    out = cli("network", "cadence", ok=True).stdout
    assert "every 2 weeks" in out and "every 3 months (default)" in out and "2025-03-14 (due)" in out
