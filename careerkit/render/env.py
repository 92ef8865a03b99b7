"""The Jinja2 environment for every document template in `templates/`.

Templates are named `<document>.<format>.j2` (`resume.md.j2`, `resume.html.j2`,
`resume.typ.j2`). HTML templates autoescape; Typst and Markdown templates escape user text
explicitly with the `typst`/`md` filters (autoescape there would be HTML entities, wrong).
StrictUndefined makes a misspelt variable an error instead of an empty hole in a resume.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

TEMPLATES = Path(__file__).resolve().parent / "templates"


def _autoescape(name: str | None) -> bool:
    return name is not None and name.endswith((".html.j2", ".html"))


def _finalize(value: Any) -> Any:
    # None prints as nothing, never as the word "None".
    return "" if value is None else value


@lru_cache(maxsize=1)
def environment():
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    from careerkit.render import escape as E
    from careerkit.render import fmt

    env = Environment(
        loader=FileSystemLoader(str(TEMPLATES)),
        undefined=StrictUndefined,
        autoescape=_autoescape,
        finalize=_finalize,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
    )
    env.filters.update(
        {
            "typst": E.typst,
            "typst_block": E.typst_block,
            "typst_string": E.typst_string,
            "md": E.markdown,
            "md_block": E.markdown_block,
            "md_url": E.markdown_url,
            "safe_url": E.safe_url,
            "bare_url": E.bare_url,
            "one_line": E.one_line,
            "paragraphs": E.paragraphs,
            "month_year": fmt.month_year,
            "year": fmt.year,
            "date_range": lambda start, end=None: fmt.date_range(start, end),
            "join_words": fmt.join_words,
        }
    )
    return env


def render(template: str, **context: Any) -> str:
    """Render one template from `templates/` with the given context. The house style reads
    a `theme` and a `paper`; documents that offer no choice get the default look on US Letter."""
    if "theme" not in context:
        from careerkit.render.theme import load

        context["theme"] = load(None)
    context.setdefault("paper", "us-letter")
    return environment().get_template(template).render(**context)
