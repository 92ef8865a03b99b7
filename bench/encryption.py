"""What an encrypted record costs: `log` and `gap analyze` on an encrypted record against
the same commands on a plain copy, in the same run, interleaved; and the keyring's import.

    python bench/encryption.py                 # 1,000 entries, 15 rounds
    python bench/encryption.py --size 10000 --runs 9

The key is handed over as a recovery code (CAREERKIT_KEY): a raw key, as from the keyring,
so the figure is SQLCipher's own cost. A passphrase record also pays PBKDF2's derivation
(256,000 iterations) on every command; that row is shown apart. Targets (issue 14): `log`
within 1.3x and `gap analyze` within 1.2x of the plain record.
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from run import POSTING, base_env, careerkit_cmd, compile_package, run_once  # noqa: E402

PASS = "bench passphrase"


def encrypted_copy(plain: Path, target: Path, env: dict[str, str]) -> None:
    shutil.copy(plain, target)
    r = run_once(careerkit_cmd() + ["encrypt"], {**env, "CAREERKIT_DB": str(target)})
    if r.code != 0:
        sys.exit(f"could not encrypt the bench record: {r.stderr.strip()}")


def keyring_import_ms(rounds: int = 9) -> tuple[float, float]:
    """Median milliseconds to import keyring.core, and to find a backend by scanning."""
    code = (
        "import time; t=time.perf_counter(); import keyring.core as c; a=time.perf_counter()-t; "
        "t=time.perf_counter(); c.get_keyring(); b=time.perf_counter()-t; print(a, b)"
    )
    imports, finds = [], []
    for _ in range(rounds):
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
        a, b = (float(x) for x in out.stdout.split())
        imports.append(a * 1000)
        finds.append(b * 1000)
    return statistics.median(imports), statistics.median(finds)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--size", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    from generate import write_database

    compile_package()
    work = Path(tempfile.mkdtemp(prefix="careerkit-bench-enc-"))
    plain = write_database(args.size, work / "plain.db")
    secret = work / "secret.db"
    by_phrase = work / "phrase.db"
    env = {**base_env(plain), "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    encrypted_copy(plain, by_phrase, {**env, "CAREERKIT_PASSPHRASE": PASS})
    code = "00112233445566778899AABBCCDDEEFF00112233445566778899AABBCCDDEEFF"
    encrypted_copy(plain, secret, {**env, "CAREERKIT_KEY": code})
    posting = POSTING.read_text(encoding="utf-8")
    ck = careerkit_cmd()
    dbs = {
        "plain": {**env, "CAREERKIT_DB": str(plain)},
        "encrypted (raw key)": {**env, "CAREERKIT_DB": str(secret), "CAREERKIT_KEY": code},
        "encrypted (passphrase)": {**env, "CAREERKIT_DB": str(by_phrase), "CAREERKIT_PASSPHRASE": PASS},
    }
    commands = {
        "log": (ck + ["log", "Led the grade 4 PLC for 6 teachers"], None),
        "gap analyze": (ck + ["gap", "analyze", "-", "--title", "Assistant Principal"], posting),
    }
    times: dict[tuple[str, str], list[float]] = {(c, d): [] for c in commands for d in dbs}
    order = list(times)
    for _ in range(args.runs):
        random.shuffle(order)
        for command, db in order:
            argv, stdin = commands[command]
            r = run_once(argv, dbs[db], stdin=stdin, memory=False)
            if r.code != 0:
                sys.exit(f"{command} on {db} failed: {r.stderr.strip()}")
            times[(command, db)].append(r.seconds)
    print(f"{args.size:,} entries, median of {args.runs} interleaved runs")
    print(f"{'command':<14}{'record':<26}{'median':>10}{'vs plain':>10}")
    for command in commands:
        base = statistics.median(times[(command, "plain")])
        for db in dbs:
            med = statistics.median(times[(command, db)])
            print(f"{command:<14}{db:<26}{med * 1000:>8.0f}ms{med / base:>9.2f}x")
    imp, find = keyring_import_ms()
    print(
        f"keyring: import {imp:.0f} ms; finding a backend by scanning {find:.0f} ms (remembered after the first)"
    )
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
