"""`careerkit search`: every kind, ranked, words highlighted, kind and id per hit, --json;
operators and broken quotes in the query are words, never errors from FTS5."""

from __future__ import annotations

import json
import sqlite3

import pytest


@pytest.fixture
def varied(prepared):
    return prepared("varied", _varied)


def _varied(cli):
    cli("log", "Led restorative circles in grade 7", "--skill", "restorative practices", ok=True)  # win 1
    cli("log", "Built the master schedule", "--details", "Used restorative time blocks", ok=True)  # win 2
    cli("feedback", "add", "Your restorative circles calmed the hallway", "-r", "colleague", ok=True)  # fb 1
    cli("learn", "add", "Restorative Practices Institute", "--hours", "12", ok=True)  # learn 1
    cli(
        "roles",
        "add",
        "Dean of Students",
        "--org",
        "Riverside",
        "--start",
        "2020",
        "-c",
        "leadership",
        "--summary",
        "Restorative discipline",
        ok=True,
    )  # role 1
    cli("creds", "add", "Restorative Justice Facilitator", "--kind", "certification", ok=True)  # cred 1
    cli(
        "network", "add", "Ana Ruiz", "-r", "mentor", "--notes", "Trained me in circles", ok=True
    )  # contact 1
    cli("goals", "add", "Lead restorative training for staff", ok=True)  # goal 1


def test_search_finds_every_kind_with_its_id(varied):
    hits = varied.json("search", "restorative")["hits"]
    found = {(h["kind"], h["id"]) for h in hits}
    assert found == {
        ("accomplishment", 1),
        ("accomplishment", 2),
        ("feedback", 1),
        ("learning", 1),
        ("position", 1),
        ("credential", 1),
        ("goal", 1),
    }


def test_title_matches_rank_above_body_matches(varied):
    hits = varied.json("search", "restorative")["hits"]
    order = [(h["kind"], h["id"]) for h in hits]
    assert order.index(("accomplishment", 1)) < order.index(("accomplishment", 2))
    assert order.index(("goal", 1)) < order.index(("position", 1))
    ranks = [h["rank"] for h in hits]
    assert ranks == sorted(ranks, reverse=True)


def test_more_matching_words_rank_higher(cli):
    cli("log", "Coached teachers", ok=True)
    cli("log", "Coached teachers on data use in data meetings", ok=True)
    hits = cli.json("search", "--any", "data", "coached")["hits"]
    assert [h["id"] for h in hits][0] == 2


def test_all_words_must_appear_unless_any(varied):
    assert {(h["kind"], h["id"]) for h in varied.json("search", "restorative", "circles")["hits"]} == {
        ("accomplishment", 1),
        ("feedback", 1),
    }
    anyhits = {(h["kind"], h["id"]) for h in varied.json("search", "--any", "circles", "schedule")["hits"]}
    assert {("accomplishment", 1), ("accomplishment", 2), ("feedback", 1), ("contact", 1)} <= anyhits


def test_stemming_and_prefix(varied):
    assert ("accomplishment", 1) in {(h["kind"], h["id"]) for h in varied.json("search", "circle")["hits"]}
    assert ("contact", 1) in {(h["kind"], h["id"]) for h in varied.json("search", "train*")["hits"]}


def test_phrase(varied):
    hits = varied.json("search", '"restorative circles"')["hits"]
    assert {(h["kind"], h["id"]) for h in hits} == {("accomplishment", 1), ("feedback", 1)}


def test_kind_filter(varied):
    hits = varied.json("search", "restorative", "--kind", "wins")["hits"]
    assert {h["kind"] for h in hits} == {"accomplishment"}
    hits = varied.json("search", "restorative", "-k", "feedback", "-k", "creds")["hits"]
    assert {h["kind"] for h in hits} == {"feedback", "credential"}


def test_unknown_kind_is_one_error_line(varied):
    r = varied("search", "restorative", "--kind", "diaries")
    assert r.exit_code == 2
    assert r.stderr.strip().splitlines() == [
        "error: invalid value for '--kind' / '-k': 'diaries' is not one of 'wins', 'feedback', 'learn', "
        "'roles', 'creds', 'network', 'goals', 'reflections'; see root search --help"
    ]


def test_limit(varied):
    assert len(varied.json("search", "restorative", "--limit", "2")["hits"]) == 2


def test_json_shape_has_no_highlight_marks(varied):
    data = varied.json("search", "circles")
    assert data["query"] == "circles"
    for hit in data["hits"]:
        assert set(hit) == {"kind", "id", "title", "snippet", "rank"}
        assert "\x02" not in hit["title"] + hit["snippet"]
        assert "\x03" not in hit["title"] + hit["snippet"]


def test_terminal_output_highlights_the_matching_words(varied):
    out = varied("search", "circles", ok=True).stdout
    assert "Led restorative *circles* in grade 7" in out
    assert "accomplishment" in out and "feedback" in out
    assert "Trained me in *circles*" in out  # a body match shows its snippet


def test_snippets_show_skills_as_words(cli):
    cli("log", "Ran a pilot", "--skill", "budget planning", "--skill", "scheduling", ok=True)
    snippet = cli.json("search", "scheduling")["hits"][0]["snippet"]
    assert '["' not in snippet and '"]' not in snippet
    assert "budget planning, scheduling" in snippet


def test_highlighting_in_colour_uses_markup_not_asterisks(varied, monkeypatch):
    from careerkit.cli import helpers as common

    monkeypatch.setattr(common, "plain", lambda: False)
    out = varied("search", "circles", ok=True).stdout
    assert "*circles*" not in out
    assert "circles" in out


def test_no_matches(varied):
    r = varied("search", "zeppelin", ok=True)
    assert "No matches for zeppelin." in r.stdout
    assert varied.json("search", "zeppelin") == {"query": "zeppelin", "hits": []}


def test_search_sees_accents_loosely(cli):
    cli("log", "Présenté au conseil d'école", ok=True)
    assert len(cli.json("search", "presente")["hits"]) == 1


def test_private_entries_are_searchable_locally(cli):
    cli("log", "Private note about the budget", "--private", ok=True)
    assert cli.json("search", "budget")["hits"][0]["id"] == 1


@pytest.mark.parametrize(
    "query",
    [
        '"unbalanced',
        'unbalanced"',
        "AND OR NOT",
        "NEAR(",
        "NEAR(a b)",
        "a AND",
        "OR b",
        "NOT",
        "col:restorative",
        "title:circles",
        "(circles",
        "{x}",
        "a + b",
        "restor*ative",
        "it's",
        "'); DROP TABLE accomplishments;--",
        '" OR 1=1 --',
        "circles^",
        "-circles",
        "^circles",
    ],
)
def test_fts_syntax_in_a_query_is_just_text(varied, query, db_path):
    r = varied("search", "--json", "--", query)
    assert r.exit_code == 0, r.stderr
    assert r.stderr == ""
    json.loads(r.stdout)
    conn = sqlite3.connect(db_path)
    assert conn.execute("SELECT count(*) FROM accomplishments").fetchone()[0] == 2
    conn.close()


@pytest.mark.parametrize("query", ["*", "-", "^", '"', '""', "()", "(", ")", "'", "\\", "   ", "…"])
def test_a_query_with_no_words_is_one_error_line(varied, query):
    r = varied("search", query)
    assert r.exit_code == 1
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: nothing to search for")
    assert r.stdout == ""


def test_operator_words_are_searched_as_words(cli):
    cli("log", "Chose not to cut the arts block", ok=True)
    assert [h["id"] for h in cli.json("search", "NOT", "arts")["hits"]] == [1]
    assert [h["id"] for h in cli.json("search", "near", "arts")["hits"]] == []


def test_quoted_phrase_with_an_operator_inside(cli):
    cli("log", "Reading AND writing night", ok=True)
    assert [h["id"] for h in cli.json("search", '"reading and writing"')["hits"]] == [1]


def test_search_without_words_is_a_usage_error(cli):
    assert cli("search").exit_code == 2
