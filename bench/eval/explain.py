"""Each wrong verdict of a labelled set beside careerkit's why line and the label's note.

    python bench/eval/explain.py ../shared/eval-p2                    # record 2, the shared postings
    python bench/eval/explain.py bench/eval/elem-ap bench/eval/postings --all

score.py says which verdicts are wrong; this says why careerkit gave them, which is what a
change to the judgement needs. It runs the analysis in this process on a database imported
from the set's persona.yaml (kept in the temporary folder between runs, keyed by the set),
pairs items as score.py does (it imports score.py: --scorer, default ../shared/eval/score.py)
and prints one block per mismatch. --all prints every item; ONLY=name keeps one posting.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _scorer(path: Path):
    spec = importlib.util.spec_from_file_location("score", path)
    if spec is None or spec.loader is None:
        sys.exit(f"cannot load the scorer at {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _record(setdir: Path):
    """The set's persona as the analysis reads it, imported once into a cached database."""
    from careerkit.store.db import connect
    from careerkit.store.snapshot import evidence_record

    persona = setdir / "persona.yaml"
    name = str(setdir.resolve()).strip("/").replace("/", "_")
    db = Path(tempfile.gettempdir()) / f"careerkit-explain-{name}.db"
    if not db.exists() or db.stat().st_mtime < persona.stat().st_mtime:
        db.unlink(missing_ok=True)
        env = dict(os.environ, CAREERKIT_DB=str(db))
        cmd = [sys.executable, "-m", "careerkit", "import", str(persona)]
        done = subprocess.run(cmd, env=env, capture_output=True, text=True)
        if done.returncode != 0:
            sys.exit(f"import failed: {done.stderr.strip()}")
    return evidence_record(connect(db))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("set", type=Path, help="folder with persona.yaml and labels/")
    ap.add_argument("postings", type=Path, nargs="?", help="folder of the postings (default: the set's)")
    ap.add_argument("--all", action="store_true", help="print every item, not only the wrong ones")
    ap.add_argument("--scorer", type=Path, default=ROOT.parent / "shared" / "eval" / "score.py")
    a = ap.parse_args()
    from careerkit.posting.analyze import analyze

    matches = _scorer(a.scorer).matches
    postings = a.postings or a.set / "postings"
    if not postings.is_dir():  # a second record of a set reuses the scorer's postings, as score.py does
        postings = a.scorer.parent / "postings"
    record = _record(a.set)
    only = os.environ.get("ONLY")
    right = total = 0
    for lf in sorted((a.set / "labels").glob("*.json")):
        label = json.loads(lf.read_text())
        if only and only not in label["posting"]:
            continue
        body = (postings / label["posting"]).read_text(encoding="utf-8").split("\n---\n", 1)[-1]
        pred = [r.model_dump() for r in analyze(body, record).requirements]
        gold = label["requirements"]
        for i, j in matches(gold, pred)[0].items():
            g, p = gold[i], pred[j]
            total += 1
            right += g["verdict"] == p["verdict"]
            if g["verdict"] != p["verdict"] or a.all:
                mark = "  " if g["verdict"] == p["verdict"] else "XX"
                print(
                    f"{mark} {label['posting']} [{p['type']}] label={g['verdict']} careerkit={p['verdict']}"
                )
                print(f"   item: {g['text']}")
                print(f"   why:  {p['why']}")
                if g.get("note"):
                    print(f"   note: {g['note']}")
    print(f"verdict {right}/{total} = {right / total if total else 0:.3f}")


if __name__ == "__main__":
    main()
