"""The recap's pictures by their data: one geometry, written as SVG and as Typst shapes."""

from __future__ import annotations

import re

from careerkit.render import charts as K


def months():
    return [
        {"label": "Sep 2025", "short": "Sep", "counts": {"psel-4": 2, "other": 1}},
        {"label": "Oct 2025", "short": "Oct", "counts": {"psel-4": 0, "other": 0}},
        {"label": "Nov 2025", "short": "Nov", "counts": {"psel-4": 3, "other": 0}},
    ]


def test_wins_bars_match_the_counts_and_stack():
    chart = K.wins_per_month(months(), {"psel-4": "#1f77b4"})
    svg = K.to_svg(chart)
    bars = re.findall(
        r'<rect x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)" fill="([^"]+)" data-value="([^"]+)"',
        svg,
    )
    assert [b[5] for b in bars] == ["Sep 2025|psel-4|2", "Sep 2025|other|1", "Nov 2025|psel-4|3"]
    heights = {b[5]: float(b[3]) for b in bars}
    # the tallest month fills the plot; heights are proportional to the counts
    assert abs(heights["Sep 2025|psel-4|2"] * 3 / 2 - heights["Nov 2025|psel-4|3"]) < 0.02
    assert abs(heights["Sep 2025|other|1"] * 2 - heights["Sep 2025|psel-4|2"]) < 0.02
    assert [b[4] for b in bars] == ["#1f77b4", K.OTHER, "#1f77b4"]
    typ = K.to_typst(chart)
    assert typ.count("rect(") == 3 and typ.startswith("#block(width: 460pt, height: 130pt")
    assert "#import" not in typ


def test_rating_strips_hours_and_readiness():
    strips = K.rating_strips(
        [{"id": "psel-1", "title": "Mission", "cells": [None, 1, 2, 2], "rated": [False, True, True, False]}],
        ["Aug", "Sep", "Oct", "Nov"],
    )
    cells = [s.data for s in strips.shapes if s.kind == "rect"]
    assert cells == ["psel-1|0|0", "psel-1|1|1", "psel-1|2|2", "psel-1|3|2"]
    assert sum(1 for s in strips.shapes if s.kind == "circle") == 2
    hours = K.learning_hours([{"label": "Autumn 2025", "hours": 10}, {"label": "Spring 2026", "hours": 5}])
    widths = [s.w for s in hours.shapes if s.kind == "rect"]
    assert abs(widths[0] - 2 * widths[1]) < 0.02
    line = K.readiness(
        [{"name": "AP", "points": [(0.0, 40), (1.0, 80)], "colour": "#123456", "first": "Aug"}]
    )
    dots = [s for s in line.shapes if s.kind == "circle"]
    assert [d.data for d in dots] == ["AP|40", "AP|80"] and dots[0].y > dots[1].y  # higher score, higher up


def test_text_is_escaped_in_both_writers():
    chart = K.learning_hours([{"label": 'A<b>&"c"', "hours": 1}])
    assert "A&lt;b&gt;&amp;&quot;c&quot;" in K.to_svg(chart)
    assert '#"A<b>&\\"c\\""' in K.to_typst(chart)
