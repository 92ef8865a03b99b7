#!/usr/bin/env python3
"""Score `careerkit.posting.extract` alone against the labelled postings (no CLI, no database).

Uses `matches` and `tokens` of ../shared/eval/score.py, so the figures are those of the full
scorer minus the verdicts:  python bench/eval_extract.py [-v] [--set DIR]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import time
from pathlib import Path

DEFAULT_SET = Path(__file__).resolve().parents[1].parent / "shared" / "eval"


def load_scorer(root: Path):
    spec = importlib.util.spec_from_file_location("eval_score", root / "score.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--set", default=str(DEFAULT_SET if DEFAULT_SET.exists() else "/work/shared/eval"))
    ap.add_argument("-v", "--verbose", action="store_true")
    a = ap.parse_args()
    root = Path(a.set)
    score = load_scorer(root)
    from careerkit.posting.extract import extract

    extract("Qualifications:\n- warm-up")  # imports and pattern compilation are not timed
    tot = dict(gold=0, pred=0, found=0, valid=0, must=0, type=0)
    worst = 0.0
    for lf in sorted((root / "labels").glob("*.json")):
        lab = json.loads(lf.read_text())
        body = (root / "postings" / lab["posting"]).read_text(encoding="utf-8").split("\n---\n", 1)[-1]
        t0 = time.process_time()
        got = extract(body)
        worst = max(worst, time.process_time() - t0)
        pred = [r.model_dump() for r in got.requirements]
        gold = lab["requirements"]
        pairs, valid = score.matches(gold, pred)
        row = dict(gold=len(gold), pred=len(pred), found=len(pairs), valid=valid, must=0, type=0)
        for i, j in pairs.items():
            for k in ("must", "type"):
                if pred[j][k] == gold[i][k]:
                    row[k] += 1
                elif a.verbose:
                    print(f"  {lab['posting']}: {k} {pred[j][k]!r} != {gold[i][k]!r}: {gold[i]['text'][:90]}")
        if a.verbose:
            for i, g in enumerate(gold):
                if i not in pairs:
                    print(f"  {lab['posting']}: missed: {g['text'][:100]}")
            gt = [score.tokens(g["text"]) for g in gold]
            for p in pred:
                pt = score.tokens(p["text"])
                if pt and not any(g and len(g & pt) / len(pt) >= 0.6 for g in gt):
                    print(f"  {lab['posting']}: extra: {p['text'][:100]}")
        print(f"{lab['posting']:<18}" + " ".join(f"{k}={v}" for k, v in row.items()))
        for k in tot:
            tot[k] += row[k]

    def ratio(x, y):
        return x / y if y else 0.0

    p, r = ratio(tot["valid"], tot["pred"]), ratio(tot["found"], tot["gold"])
    f1 = ratio(2 * p * r, p + r)
    print(
        f"precision={p:.3f} recall={r:.3f} f1={f1:.3f} must={ratio(tot['must'], tot['found']):.3f} "
        f"type={ratio(tot['type'], tot['found']):.3f} slowest={worst * 1000:.1f}ms cpu"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
