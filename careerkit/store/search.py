"""Full-text search over every kind of record (FTS5), ranked, with highlighted words.

Users type words, not FTS5 syntax: the query is rebuilt from its words (and any balanced
"quoted phrases"), so quotes, operators and SQL-like text can never break the query."""

from __future__ import annotations

import re
import sqlite3
from typing import Any

from careerkit.errors import InvalidInput

MARK_START, MARK_END = "\x02", "\x03"  # the CLI turns these into highlighting
_WORD = re.compile(r"\w+", re.UNICODE)
_OPERATORS = {"AND", "OR", "NOT", "NEAR"}


def fts_query(text: str, *, any_word: bool = False) -> str:
    """A safe FTS5 query from what a person typed; every word quoted. Words are ANDed
    (all must appear) unless any_word; a trailing '*' on a word asks for a prefix."""
    parts: list[str] = []
    for phrase, loose in re.findall(r'"([^"]*)"|([^"\s]+)', text):
        if phrase:
            words = _WORD.findall(phrase)
            if words:
                parts.append('"' + " ".join(words) + '"')
            continue
        prefix = loose.endswith("*")
        for word in _WORD.findall(loose):
            if word.upper() in _OPERATORS and not prefix:
                word = word.lower()
            parts.append(f'"{word}"' + ("*" if prefix else ""))
    if not parts:
        raise InvalidInput(f"nothing to search for in {text!r}: give a word or two")
    return (" OR " if any_word else " ").join(parts)


def search(
    conn: sqlite3.Connection,
    query: str,
    *,
    limit: int = 20,
    kinds: list[str] | None = None,
    any_word: bool = False,
) -> list[dict[str, Any]]:
    match = fts_query(query, any_word=any_word)
    sql = (
        "SELECT kind, record_id, "
        f"highlight(search_index, 2, '{MARK_START}', '{MARK_END}') AS title, "
        f"snippet(search_index, 3, '{MARK_START}', '{MARK_END}', ' … ', 16) AS snippet, "
        "bm25(search_index, 0.0, 0.0, 4.0, 1.0) AS rank "
        "FROM search_index WHERE search_index MATCH ?"
    )
    params: list[Any] = [match]
    if kinds:
        sql += f" AND kind IN ({', '.join('?' for _ in kinds)})"
        params.extend(kinds)
    sql += " ORDER BY rank LIMIT ?"
    params.append(min(int(limit), 2**63 - 1))
    try:
        rows = conn.execute(sql, params).fetchall()
    except sqlite3.OperationalError as e:
        raise InvalidInput(f"cannot search for {query!r}: {e}") from None
    return [
        {
            "kind": r["kind"],
            "id": r["record_id"],
            "title": r["title"] or "",
            "snippet": _tidy(r["snippet"] or ""),
            "rank": round(-r["rank"], 4),
        }
        for r in rows
    ]


def _tidy(snippet: str) -> str:
    """The index holds skill lists as JSON text; show them as words: ["a", "b"] -> a, b."""
    for raw, shown in (('", "', ", "), ('["', ""), ('"]', ""), ("[]", "")):
        snippet = snippet.replace(raw, shown)
    return " ".join(snippet.split())


def strip_marks(text: str) -> str:
    return text.replace(MARK_START, "").replace(MARK_END, "")
