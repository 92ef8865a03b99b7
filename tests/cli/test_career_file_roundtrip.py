"""The round-trip property over generated format-2 files covering every section: import into
an empty database, export, import that into another empty database, export again: the same
bytes, for YAML and JSON; ids and the links between entries survive."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_roundtrip import PROFILE, iso_date, optional_text, required_text
from test_roundtrip import SECTIONS as V1_SECTIONS

from careerkit.formats import career_file as CF
from careerkit.models import kinds as K
from careerkit.store.io import load_yaml

_counter = itertools.count()
_CLI: list = []


@pytest.fixture(autouse=True)
def _cli_class(cli):
    _CLI[:] = [type(cli)]


stamp = st.datetimes(min_value=__import__("datetime").datetime(2000, 1, 1)).map(
    lambda d: d.strftime("%Y-%m-%dT%H:%M:%SZ")
)


@st.composite
def ids(draw, n: int) -> list[int]:
    gaps = draw(st.lists(st.integers(1, 1000), min_size=n, max_size=n))
    return list(itertools.accumulate(gaps))


@st.composite
def format2(draw):
    data: dict = {"careerkit": 2}
    if draw(st.booleans()):
        data["profile"] = draw(PROFILE)
    if draw(st.booleans()):
        data["settings"] = draw(
            st.dictionaries(
                st.sampled_from(["nudges", "cadence.mentor", "assess.framework"]),
                st.text("abc6wm", min_size=1, max_size=4),
                max_size=3,
            )
        ) or {"nudges": "on"}
    made: dict[str, list[int]] = {}
    for section, strategy in V1_SECTIONS.items():
        entries = draw(st.lists(strategy, max_size=3))
        numbers = draw(ids(len(entries)))
        for entry, number in zip(entries, numbers, strict=True):
            entry["id"] = number
            entry["created"] = draw(stamp)
            entry["updated"] = draw(stamp)
        made[section] = numbers
        if entries:
            data[section] = entries
    contacts, goals, wins = made["network"], made["goals"], made["accomplishments"]
    if contacts:
        touches = draw(
            st.lists(
                st.fixed_dictionaries(
                    {
                        "contact": st.sampled_from(contacts),
                        "date": iso_date(),
                        "kind": st.sampled_from(K.TOUCH_KINDS),
                    },
                    optional={"note": optional_text},
                ),
                max_size=3,
            )
        )
        for touch, number in zip(touches, draw(ids(len(touches))), strict=True):
            touch["id"] = number
        if touches:
            data["touches"] = [{"id": t.pop("id"), **t} for t in touches]
        chosen = draw(st.lists(st.sampled_from(contacts), unique=True, max_size=2))
        if chosen:
            data["cadences"] = [
                {"contact": c, "every": draw(st.sampled_from(["off", "2w", "3m", "45d", "1y"]))}
                for c in sorted(chosen)
            ]
    postings = draw(
        st.lists(
            st.fixed_dictionaries(
                {"text": required_text},
                optional={
                    "title": optional_text,
                    "organization": optional_text,
                    "score": st.integers(0, 100),
                },
            ),
            max_size=2,
        )
    )
    posting_ids = draw(ids(len(postings)))
    for posting in postings:
        evidence = [{"kind": "accomplishment", "id": w, "text": "t", "score": 0.5} for w in wins[:2]]
        posting["report"] = {
            "score": 10,
            "requirements": [{"text": "r", "verdict": "met", "evidence": evidence}],
        }
    if postings:
        data["postings"] = [{"id": n, **p} for n, p in zip(posting_ids, postings, strict=True)]
    assessments = draw(
        st.lists(
            st.fixed_dictionaries(
                {
                    "framework": st.just("psel-2015"),
                    "standard": st.sampled_from(["psel-1", "psel-4"]),
                    "rating": st.integers(1, 3),
                    "date": iso_date(),
                },
                optional={"note": optional_text},
            ),
            max_size=3,
        )
    )
    if assessments:
        data["assessments"] = [
            {"id": n, **a} for n, a in zip(draw(ids(len(assessments))), assessments, strict=True)
        ]
    if goals and wins:
        pairs = draw(
            st.lists(st.tuples(st.sampled_from(goals), st.sampled_from(wins)), unique=True, max_size=3)
        )
        if pairs:
            data["goal_links"] = [
                {"goal": g, "accomplishment": a, "created": draw(stamp)} for g, a in sorted(pairs)
            ]
    if goals:
        chosen = draw(st.lists(st.sampled_from(goals), unique=True, max_size=2))
        if chosen:
            data["goal_gaps"] = [
                {
                    "goal": g,
                    "gap": draw(required_text),
                    "competencies": ["psel-4"],
                    **({"report": posting_ids[0]} if posting_ids else {}),
                }
                for g in sorted(chosen)
            ]
    return data


def _fresh():
    return _CLI[0](Path(_ROOT[0]) / f"db{next(_counter)}" / "careerkit.db")


_ROOT: list = []


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=format2(), fmt=st.sampled_from(["yaml", "json"]))
def test_every_section_round_trips_byte_for_byte(tmp_path, data, fmt):
    _ROOT[:] = [tmp_path]
    source = tmp_path / f"in{next(_counter)}.{fmt}"
    source.write_text(CF.dump(data, fmt), encoding="utf-8")
    first, second = _fresh(), _fresh()
    r = first("import", str(source))
    assert r.exit_code == 0, r.stderr
    once = first("export", "--format", fmt, ok=True).stdout
    again = tmp_path / f"again{next(_counter)}.{fmt}"
    again.write_text(once, encoding="utf-8")
    second("import", str(again), ok=True)
    assert second("export", "--format", fmt, ok=True).stdout == once
    back = json.loads(once) if fmt == "json" else load_yaml(once)
    # ids survive, and so every link
    for key in CF.BY_KEY:
        section = CF.BY_KEY[key]
        if section.shape != "list" or key not in data:
            continue
        if section.has_id:
            assert [e["id"] for e in back[key]] == [e["id"] for e in data[key]], key
        assert len(back[key]) == len(data[key]), key
    for key in ("touches", "cadences", "goal_links", "goal_gaps"):
        if key in data:
            refs = [
                {k: v for k, v in e.items() if k in ("contact", "goal", "accomplishment", "report")}
                for e in data[key]
            ]
            assert [
                {k: v for k, v in e.items() if k in ("contact", "goal", "accomplishment", "report")}
                for e in back[key]
            ] == refs
    if "settings" in data:
        assert back["settings"] == dict(sorted(data["settings"].items()))
