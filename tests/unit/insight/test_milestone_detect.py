"""Milestones from plain data: a recap's window finds the same first wins as the full scan."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from careerkit.insight.milestones import detect, term_of


@dataclass
class Win:
    id: int
    date: str
    title: str
    comp: str | None
    private: bool = False


def wins(n: int, seed: int) -> list[Win]:
    rng = random.Random(seed)
    comps = ["a", "b", "c", "d", None]
    start = date(2015, 1, 1)
    return [
        Win(i, (start + timedelta(days=rng.randint(0, 3650))).isoformat(), f"w{i}", rng.choice(comps))
        for i in range(1, n + 1)
    ]


def run(ws, **kw):
    asked: list[int] = []

    def competency_of(w):
        asked.append(w.id)
        return w.comp

    found = detect(
        wins=ws,
        credentials=[],
        goals=[],
        gap_scores={},
        postings={},
        ratings=[],
        competency_of=competency_of,
        titles={"a": "A", "b": "B", "c": "C", "d": "D", "e": "E"},
        today=date(2026, 1, 1),
        **kw,
    )
    return [m for m in found if m.kind == "first-win"], asked


def test_a_window_finds_the_same_first_wins_and_reads_fewer():
    for seed in range(20):
        ws = wins(300, seed)
        full, _ = run(ws)
        for lo, hi in (
            ("2015-01-01", "2015-03-31"),
            ("2018-01-01", "2018-12-31"),
            ("2024-06-01", "2024-12-31"),
        ):
            windowed, asked = run(ws, window=(lo, hi))
            assert windowed == [m for m in full if lo <= m.date <= hi]
            if lo == "2024-06-01":  # a late window: a few earlier wins name every competency
                assert len(asked) < len(ws) / 2


def test_terms():
    assert term_of(date(2025, 8, 1)).label == "Autumn 2025"
    assert term_of(date(2025, 7, 31)).label == "Spring 2025"
    assert term_of(date(2026, 1, 1)).teach_start == date(2026, 1, 8)
