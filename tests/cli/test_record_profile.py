"""`careerkit profile show|set`."""

from __future__ import annotations


def test_no_profile_yet(cli):
    r = cli("profile", "show", ok=True)
    assert "No profile yet" in r.stdout


def test_set_then_show(cli):
    r = cli(
        "profile",
        "set",
        "--name",
        "Jordan Rivera",
        "--headline",
        "Instructional Coach",
        "--email",
        "jordan@example.org",
        "--phone",
        "+1 555 0100",
        "--location",
        "Columbia, MD",
        "--summary",
        "Coach of six years.",
        "--target-role",
        "Assistant Principal",
        "--target-role",
        "Principal",
        "--link",
        "Portfolio=https://example.org/j",
    )
    assert r.exit_code == 0, r.stderr
    assert r.stderr.strip() == "Profile updated."
    assert cli.json("profile", "show") == {
        "name": "Jordan Rivera",
        "headline": "Instructional Coach",
        "email": "jordan@example.org",
        "phone": "+1 555 0100",
        "location": "Columbia, MD",
        "links": [{"label": "Portfolio", "url": "https://example.org/j"}],
        "summary": "Coach of six years.",
        "target_roles": ["Assistant Principal", "Principal"],
        "skills": [],
        "languages": [],
    }
    out = cli("profile", "show", ok=True).stdout
    assert "Jordan Rivera" in out and "Portfolio: https://example.org/j" in out
    assert "Assistant Principal, Principal" in out


def test_set_changes_only_what_is_given(cli):
    cli("profile", "set", "--name", "Jordan", "--headline", "Coach", ok=True)
    cli("profile", "set", "--headline", "Dean", ok=True)
    p = cli.json("profile", "show")
    assert (p["name"], p["headline"]) == ("Jordan", "Dean")


def test_target_roles_replace_the_list(cli):
    cli("profile", "set", "--name", "J", "--target-role", "A", "--target-role", "B", ok=True)
    cli("profile", "set", "--target-role", "C", ok=True)
    assert cli.json("profile", "show")["target_roles"] == ["C"]


def test_first_set_needs_a_name(cli):
    r = cli("profile", "set", "--headline", "Coach")
    assert r.exit_code == 1
    assert r.stderr.strip() == "error: profile: name is required (careerkit profile set --name ...)"
    assert cli.json("profile", "show") == {}


def test_name_cannot_be_blanked(cli):
    cli("profile", "set", "--name", "Jordan", ok=True)
    r = cli("profile", "set", "--name", "  ")
    assert r.exit_code == 1
    assert cli.json("profile", "show")["name"] == "Jordan"


def test_set_with_nothing_is_an_error(cli):
    r = cli("profile", "set")
    assert r.exit_code == 1
    assert r.stderr.strip().startswith("error: nothing to set")


def test_a_bad_link_is_an_error(cli):
    r = cli("profile", "set", "--name", "J", "--link", "just-a-url")
    assert r.exit_code == 1
    assert r.stderr.strip() == "error: a link is LABEL=URL, not 'just-a-url'"
    assert cli.json("profile", "show") == {}


def test_a_link_may_hold_an_equals_sign(cli):
    cli("profile", "set", "--name", "J", "--link", "Site=https://example.org/?a=b", ok=True)
    assert cli.json("profile", "show")["links"] == [{"label": "Site", "url": "https://example.org/?a=b"}]


def test_profile_text_is_shown_as_typed(cli):
    cli("profile", "set", "--name", "[bold]Jo[/bold] O'Neil", ok=True)
    assert "[bold]Jo[/bold] O'Neil" in cli("profile", "show", ok=True).stdout


def test_an_over_long_profile_field_is_refused(cli):
    cli("profile", "set", "--name", "Jordan", ok=True)
    r = cli("profile", "set", "--summary", "x" * 1_000_001)
    assert r.exit_code == 1
    assert r.stderr.strip().startswith("error: profile.summary: text is too long")
    assert cli.json("profile", "show")["summary"] is None


def test_an_empty_value_clears_a_field(cli):
    cli("profile", "set", "--name", "Jordan", "--email", "j@example.org", ok=True)
    cli("profile", "set", "--email", "", ok=True)
    assert cli.json("profile", "show")["email"] is None
    assert "email" not in cli("export", ok=True).stdout
