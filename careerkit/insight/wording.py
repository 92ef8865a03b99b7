"""Words of free text for the people-facing summaries (feedback themes, the interview brief):
content words, a light stem so that "sessions" meets "session", sentences, and verbatim
excerpts. Pure and small; the posting analysis has its own lexicon."""

from __future__ import annotations

import re
from functools import lru_cache

WORD = re.compile(r"[^\W\d_](?:[^\W_]|['’](?=[^\W\d_]))*", re.UNICODE)
SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]*\s+(?=[\"“(]?[A-Z0-9])")

STOPWORDS = frozenset(
    """
a about above after again against all also am an and any are as at be because been before
being below between both but by can could did do does doing done down during each even ever
every few for from further get gets got had has have having he her here hers herself him
himself his how i if in into is it its itself just let lets like made make makes me more most
much must my myself no nor not now of off on once only or other our ours ourselves out over
own really same she should so some such than that the their theirs them themselves then there
these they this those through to too under until up upon us very was we were what when where
which while who whom why will with would you your yours yourself yourselves one two three
many always never still well much lot lots thing things way ways year years time times day
days s t ve ll re d m
""".split()
)

# Words so common in educators' feedback that alone they say nothing about the person.
GENERIC = frozenset(
    """
student students teacher teachers school schools class classes classroom classrooms kid kids
child children team staff work working worked job good great best better nice amazing
thank thanks thankful grateful appreciate know knew think thought feel felt see saw say said
want wanted need needed new first last next back help helped helps go going went come came
give gave take took keep kept use used everyone everybody someone something anything people
""".split()
)


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A light English stem: enough to fold plurals and the possessive, nothing clever."""
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    w = w.rstrip("'")
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 4 and w.endswith("sses"):
        return w[:-2]
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return w


def words(text: str) -> list[str]:
    """The words of a text as typed (letters and inner apostrophes)."""
    return WORD.findall(text or "")


def content_stems(text: str, extra_stop: frozenset[str] = frozenset()) -> set[str]:
    """The stems of a text's meaningful words: no stopwords, no one-letter words."""
    out = {stem(w) for w in set(WORD.findall(text.lower()))} if text else set()
    return {s for s in out if len(s) > 2 and s not in STOPWORDS and s not in extra_stop}


def sentences(text: str) -> list[str]:
    text = " ".join((text or "").split())
    return [s for s in SENTENCE_END.split(text) if s.strip()]


def excerpt(text: str, focus: set[str] | None = None, max_words: int = 40) -> str:
    """The text as written when short; otherwise the sentence that holds the focus stems (or
    the first), widened by neighbours while it fits, with an ellipsis where it was cut."""
    flat = " ".join((text or "").split())
    if len(flat.split()) <= max_words:
        return flat
    parts = sentences(flat)
    start = 0
    if focus:
        for i, s in enumerate(parts):
            if focus & {stem(w) for w in words(s)}:
                start = i
                break
    lo = hi = start
    size = len(parts[start].split())
    while True:
        grown = False
        if hi + 1 < len(parts) and size + len(parts[hi + 1].split()) <= max_words:
            hi += 1
            size += len(parts[hi].split())
            grown = True
        if lo > 0 and size + len(parts[lo - 1].split()) <= max_words:
            lo -= 1
            size += len(parts[lo].split())
            grown = True
        if not grown:
            break
    chosen = " ".join(parts[lo : hi + 1])
    if len(chosen.split()) > max_words:  # one long sentence: cut at a word
        chosen = " ".join(chosen.split()[:max_words]).rstrip(",;:") + " …"
    if lo > 0:
        chosen = "… " + chosen
    if hi < len(parts) - 1 and not chosen.endswith("…"):
        chosen += " …"
    return chosen


# A piece of feedback that names something to work on: it is advice, never praise.
GROWTH = re.compile(
    r"\b(?:next steps?|work(?:ing)? on|area(?:s)? (?:for|of) (?:growth|development|improvement)|"
    r"growth area|needs? to|would benefit|could (?:improve|do more|be more|work|try|consider|delegate)|"
    r"should (?:try|consider|work|delegate|be more|do more)|not yet|struggles?|"
    r"challenge for (?:her|him|them)|even better if|ebi\b|to improve|improvement needed|"
    r"needs? (?:more|support|improvement)|i'd like to see|would like to see|try to)\b",
    re.IGNORECASE,
)


def names_growth(text: str) -> bool:
    """Whether the feedback names a growth area ("Next step: delegate more")."""
    return bool(GROWTH.search(text or ""))


# Words that name a theme badly when they stand alone: what people did, not what they praised.
VAGUE = frozenset(
    """
ask asking asked build building built cycle cycles make making run running runs
bring brings brought show shows showed shown try tried start started
speak speaks spoke language finally always every day today week month meeting meetings
ready left leave leaves class
""".split()
)
