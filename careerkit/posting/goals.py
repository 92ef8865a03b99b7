"""Done goals against a posting: a goal made for a gap (`goals add --from-gap`, `plan take`)
that is done closes the requirements of that gap when a posting is analysed again.

A requirement is the goal's when it is one of the wordings the gap was made from, or when
`gap common` would group it with them: the same structured key (a master's degree, years of
administrative experience, an administrator's certificate) or, for the other requirements,
words and lexicon terms close enough by the same similarity and threshold `gap common` uses.
The goal's gap is found by its label (or key) among the groups of every saved report.

Then: a done goal with linked accomplishments makes the requirement met, those wins its
evidence; a done goal with none makes it at most partial (and says so). A verdict the record
already gives is never lowered. Pure: goal rows and saved reports in, decisions out."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from careerkit.posting import similarity as G

MAX_WORDINGS = 20  # distinct wordings of a gap compared with a requirement


@dataclass
class DoneGoal:
    id: int
    title: str
    gap: str  # the gap's label, as `gap common` named it
    competencies: list[str] = field(default_factory=list)
    wins: list[dict[str, Any]] = field(default_factory=list)  # {id, title, date}, newest first
    key: str | None = None  # the gap's group key in `gap common`
    texts: set[str] = field(default_factory=set)  # the wordings, normalised
    wordings: list[G.Item] = field(default_factory=list)  # the same, read as `gap common` reads
    group_competencies: set[str] = field(default_factory=set)


def _norm(text: str) -> str:
    return " ".join(text.lower().replace("’", "'").split())


_STRUCTURED_LABELS: dict[str, str] = {
    **{label: f"degree:{level}" for level, label in G.DEGREE_NAMES.items()},
    **{label: f"credential:{key}" for key, label, _ in G.CREDENTIAL_FAMILIES},
    **{"Years of " + name: f"years:{cat}" for cat, name in G.CATEGORY_NAMES.items()},
}


class GoalMatcher:
    """Which done goal, if any, a requirement belongs to."""

    def __init__(
        self,
        goals: list[dict[str, Any]],
        groups: dict[str, G.Group],
        *,
        lexicon: dict[str, list[str]],
        weights: dict[str, float] | None = None,
    ):
        """goals: rows of `store.growth.done_gap_goals`; groups: the groups of the saved reports
        by key and by label, as `insight.recurring.named_groups` makes them (the first of a
        name wins); lexicon and weights as `gap common` takes them."""
        self.matcher = G.matcher_for(lexicon)
        self.weights = weights or {}
        self.goals: list[DoneGoal] = []
        for row in goals:
            goal = DoneGoal(
                row["id"],
                row["title"],
                row["gap"],
                list(row.get("competencies") or []),
                list(row.get("wins") or []),
            )
            group = groups.get(goal.gap)
            if group is not None:
                goal.key = group.key
                seen: dict[str, G.Item] = {}
                for item in group.items:
                    seen.setdefault(item.req.text, item)
                goal.texts = {_norm(t) for t in seen}
                goal.wordings = list(seen.values())[:MAX_WORDINGS]
                goal.group_competencies = {c for i in group.items for c in i.req.competencies}
            else:  # not among the saved reports now: the label alone
                goal.key = _STRUCTURED_LABELS.get(goal.gap)
                goal.texts = {_norm(goal.gap)}
            self.goals.append(goal)
        # A goal with wins before one without (met before partial); then the oldest goal.
        self.goals.sort(key=lambda g: (not g.wins, g.id))

    def goal_for(self, req, competencies: list[str]) -> DoneGoal | None:
        """The done goal made for this requirement (anything with text and type), if any."""
        if not self.goals:
            return None
        item = self._item(req, competencies)
        for goal in self.goals:
            if self._belongs(item, goal):
                return goal
        return None

    def _item(self, req, competencies: list[str]) -> G.Item:
        from careerkit.models.gap import RequirementResult

        result = RequirementResult(
            text=req.text,
            must=req.must,
            type=req.type,
            verdict="gap",
            competencies=list(competencies),
            why="",
        )
        item = G.Item(0, 0, 0, result)
        item.key = G.structured_key(result, req.text.lower().replace("’", "'"))
        item.features, item.terms = G.features_of(req.text, self.matcher, self.weights)
        item.weight = sum(item.features.values())
        item.comps = frozenset(competencies)
        if item.terms:
            most = max(item.terms.values())
            item.top = frozenset(t for t, w in item.terms.items() if w == most)
        item.term_weight = sum(item.terms.values())
        return item

    @staticmethod
    def _belongs(item: G.Item, goal: DoneGoal) -> bool:
        if _norm(item.req.text) in goal.texts:
            return True
        if goal.key and goal.key.startswith(G.STRUCTURED):
            return item.key == goal.key
        if item.key is not None or not goal.wordings or not item.features:
            return False
        score = max(G._similarity(item, other) for other in goal.wordings)
        return score >= G._threshold(item, goal.group_competencies, goal.wordings[0])


def close(verdict: str, evidence: list, why: str, goal: DoneGoal | None):
    """The verdict, evidence and why once the done goal is counted: met through its linked
    wins, at most partial without one; never lower than the record gives."""
    if goal is None:
        return verdict, evidence, why
    from careerkit.models.gap import Evidence

    own = Evidence(kind="goal", id=goal.id, text=goal.title, score=1.0 if goal.wins else 0.5)
    if goal.wins:
        if verdict == "met":
            return verdict, evidence, why
        wins = goal.wins[:2]
        named = (
            f"win #{wins[0]['id']}" if len(wins) == 1 else "wins " + " and ".join(f"#{w['id']}" for w in wins)
        )
        chosen = [Evidence(kind="accomplishment", id=w["id"], text=w["title"], score=1.0) for w in wins]
        return "met", (chosen + [own])[:2], f"goal #{goal.id} done: {goal.title}, evidenced by {named}"
    if verdict == "met":
        return verdict, evidence, why
    # The goal itself may be what made it partial (as something planned): it is done now.
    others = [e for e in evidence if not (e.kind == "goal" and e.id == goal.id)]
    done = f"goal #{goal.id} marked done but no accomplishment linked"
    if verdict == "partial" and others:
        done += "; " + why
    return "partial", [own, *others][:2], done
