"""The compiled lexicon is kept in the user's cache folder and rebuilt when it cannot be read."""

from __future__ import annotations

from careerkit.posting import competencies as C
from careerkit.posting.frameworks import signature
from careerkit.posting.text import stems


def _build():
    return C._vocabulary.__wrapped__(None, signature(None))


def test_the_cached_lexicon_matches_like_a_fresh_one(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    fresh = _build()
    path = C._cache_path(None, signature(None))
    assert path is not None and path.exists() and oct(path.stat().st_mode)[-3:] == "600"
    again = _build()  # read from the file
    tokens = stems("Lead PLCs and MTSS data meetings; manage the Title I budget")
    assert again.matcher.find(tokens)[0] == fresh.matcher.find(tokens)[0]
    assert [t.term for t in again.terms] == [t.term for t in fresh.terms]


def test_an_unreadable_cache_is_rebuilt(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    _build()
    path = C._cache_path(None, signature(None))
    path.write_bytes(b"not a pickle")
    voc = _build()
    assert voc.terms and path.read_bytes() != b"not a pickle"


def test_no_cache_when_asked(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("CAREERKIT_NO_CACHE", "1")
    assert _build().terms
    assert not (tmp_path / "cache").exists()
