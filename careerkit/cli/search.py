"""`careerkit search`: one query across every kind of record."""
from __future__ import annotations

from typing import List, Optional

import typer

from careerkit.cli import common as C

KIND_WORDS = {"win": "accomplishment", "wins": "accomplishment", "accomplishment": "accomplishment",
              "feedback": "feedback", "learning": "learning", "learn": "learning",
              "position": "position", "role": "position", "roles": "position",
              "credential": "credential", "creds": "credential", "cred": "credential",
              "contact": "contact", "network": "contact", "person": "contact",
              "goal": "goal", "goals": "goal"}


def register(app: typer.Typer) -> None:
    app.command("search", help="Search every kind of record; best matches first, words highlighted. "
                               "Words must all appear; \"quote a phrase\"; end a word with * for a prefix.")(search)


def search(
    query: List[str] = typer.Argument(..., help="Words to look for."),
    kind: Optional[List[str]] = typer.Option(None, "--kind", "-k", help="Only this kind: wins, feedback, learn, roles, creds, network, goals (repeat for more)."),
    any_word: bool = typer.Option(False, "--any", help="Match any of the words, not all."),
    limit: int = typer.Option(20, "--limit", "-n", min=1, help="At most this many hits."),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON document."),
) -> None:
    from careerkit.errors import InvalidInput
    from careerkit.store.search import MARK_END, MARK_START, search as run, strip_marks

    kinds = None
    if kind:
        try:
            kinds = sorted({KIND_WORDS[k.strip().lower()] for k in kind})
        except KeyError as e:
            raise InvalidInput(f"unknown kind {e.args[0]!r}: use wins, feedback, learn, roles, creds, network or goals") from None
    text = " ".join(query)
    with C.database() as conn:
        hits = run(conn, text, limit=limit, kinds=kinds, any_word=any_word)
    if as_json:
        C.print_json({"query": text, "hits": [
            dict(h, title=strip_marks(h["title"]), snippet=strip_marks(h["snippet"])) for h in hits]})
        return
    out = C.console()
    if not hits:
        out.print(f"No matches for {C.esc(text)}.")
        return

    def mark(s: str) -> str:
        return C.esc(s).replace(MARK_START, "[bold reverse]" if not C.plain() else "*").replace(
            MARK_END, "[/]" if not C.plain() else "*")

    t = C.table("kind", "id", "match")
    for h in hits:
        snippet = h["snippet"] if MARK_START in h["snippet"] else ""
        body = mark(h["title"]) + (f"\n[dim]{mark(snippet)}[/]" if snippet else "")
        t.add_row(h["kind"], str(h["id"]), body)
    out.print(t)
