"""A cohort report (insight.cohort.Cohort) -> Markdown, HTML (a heat map in the page's own
colours, no script) or PDF (Typst's own table fills)."""

from __future__ import annotations

from typing import Any

# A self-rating 1-3 as a colour: no rating, then limited, basic, effective.
COLOURS = {None: "#eef1f4", 1: "#f4c7a8", 2: "#f6e6a6", 3: "#9fd3a8"}
# Members drawn row by row (heat map, member table): past this a document is a data dump;
# the cohort's figures still count everyone, and --db or --json hold every member.
MAX_ROWS = 300


def _context(result) -> dict[str, Any]:
    frameworks: dict[str, list[dict[str, Any]]] = {}
    for s in result.standards:
        frameworks.setdefault(s["framework"], []).append(s)
    return {
        "c": result,
        "frameworks": frameworks,
        "colours": COLOURS,
        "short": _short,
        "shown": result.members[:MAX_ROWS],
        "shown_members": result.per_member[:MAX_ROWS],
        "hidden": max(0, len(result.members) - MAX_ROWS),
    }


def _short(standard: str) -> str:
    """'psel-4' -> 'PSEL 4': a column heading that fits."""
    head, _, tail = standard.rpartition("-")
    return f"{head.upper()} {tail}" if head and tail.isdigit() else standard


def to_markdown(result) -> str:
    from careerkit.render.env import render

    return render("cohort.md.j2", **_context(result))


def to_html(result) -> str:
    from careerkit.render.env import render

    return render("cohort.html.j2", **_context(result))


def to_typst(result) -> str:
    from careerkit.render.env import render

    return render("cohort.typ.j2", **_context(result))


def to_pdf(result) -> bytes:
    from careerkit.render.pdf import to_pdf as compile_pdf

    return compile_pdf(to_typst(result))
