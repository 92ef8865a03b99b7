"""`careerkit search`: one query across every kind of record."""

from __future__ import annotations

from typing import Optional

import typer

from careerkit.cli import helpers as C

KIND_WORDS = {
    "win": "accomplishment",
    "wins": "accomplishment",
    "accomplishment": "accomplishment",
    "feedback": "feedback",
    "learning": "learning",
    "learn": "learning",
    "position": "position",
    "role": "position",
    "roles": "position",
    "credential": "credential",
    "creds": "credential",
    "cred": "credential",
    "contact": "contact",
    "network": "contact",
    "person": "contact",
    "goal": "goal",
    "goals": "goal",
    "reflection": "reflection",
    "reflections": "reflection",
    "reflect": "reflection",
}

# The command groups' names, offered by completion (the other words above are aliases).
GROUPS = ("wins", "feedback", "learn", "roles", "creds", "network", "goals", "reflections")


def _group(kind: str) -> str:
    return next(g for g in GROUPS if KIND_WORDS[g] == kind)


ALIASES = {word: _group(kind) for word, kind in KIND_WORDS.items()}


def register(app: typer.Typer) -> None:
    app.command(
        "search",
        help="Search every kind of record; best matches first, words highlighted. "
        'Words must all appear; "quote a phrase"; end a word with * for a prefix.',
    )(search)


def search(
    query: list[str] = typer.Argument(..., help="Words to look for."),
    kind: Optional[list[str]] = typer.Option(
        None,
        "--kind",
        "-k",
        metavar="KIND",
        click_type=C.Choice(GROUPS, ALIASES),
        help="Only this kind: wins, feedback, learn, roles, creds, network, goals, reflections (repeat for more).",
    ),
    any_word: bool = typer.Option(False, "--any", help="Match any of the words, not all."),
    limit: int = typer.Option(
        20, "--limit", "-n", min=0, help="At most this many hits, best first; 0 for all."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON document."),
) -> None:
    from careerkit.cli.listing import show_rows
    from careerkit.cli.output import TERMINAL_ROWS
    from careerkit.store.search import MARK_START, strip_marks
    from careerkit.store.search import search as run

    kinds = sorted({KIND_WORDS[k] for k in kind}) if kind else None  # choices: checked by the parser
    text = " ".join(query)
    # One more than asked for says whether there are more to show.
    wanted = limit or 2**62
    with C.database() as conn:
        hits = run(conn, text, limit=wanted + 1, kinds=kinds, any_word=any_word)
    more = len(hits) > wanted
    hits = hits[:wanted]
    if as_json:
        C.print_json(
            {
                "query": text,
                "hits": [
                    dict(h, title=strip_marks(h["title"]), snippet=strip_marks(h["snippet"])) for h in hits
                ],
            }
        )
        return
    if not hits:
        from careerkit.cli.output import write

        write([f"No matches for {text}."])
        return
    plain = C.plain()
    hit = "match" if len(hits) == 1 else "matches"
    footer = f"best {len(hits)} {hit} shown; --limit 0 for all" if more else f"{len(hits)} {hit}"
    cells = []
    for h in hits:
        snippet = h["snippet"] if MARK_START in h["snippet"] else ""
        if plain or len(hits) > TERMINAL_ROWS:
            # one line a hit: kind, id, title, and where the words are in the text
            cells.append([h["kind"], str(h["id"]), marked(h["title"], plain), marked(snippet, plain, "dim")])
        else:
            title = marked(h["title"], plain)
            cells.append(
                [
                    h["kind"],
                    str(h["id"]),
                    title + ([("\n", None)] + marked(snippet, plain, "dim") if snippet else []),
                ]
            )
    headings = ["kind", "id", "title", "in context"] if len(cells[0]) == 4 else ["kind", "id", "match"]
    show_rows(headings, cells, footer)


def marked(text: str, plain: bool, style: str | None = None) -> list[tuple[str, str | None]]:
    """Text with the matched words picked out: *word* in plain text, reversed in colour."""
    from careerkit.store.search import MARK_END, MARK_START

    pieces: list[tuple[str, str | None]] = []
    for i, part in enumerate(text.split(MARK_START)):
        word, end, rest = part.partition(MARK_END) if i else ("", "", part)
        if word:
            pieces.append((f"*{word}*", style) if plain else (word, "bold reverse"))
        if rest:
            pieces.append((rest, style))
    return pieces
