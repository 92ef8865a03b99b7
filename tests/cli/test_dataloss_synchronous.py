"""synchronous: NORMAL by default (WAL: a power cut may undo the last commits, never damage
the file); FULL through `config set synchronous full` or $CAREERKIT_SYNCHRONOUS."""

from __future__ import annotations

import json

import pytest


def _power(cli) -> str:
    data = json.loads(cli("doctor", "--json").stdout)
    return next(f["detail"] for f in data["findings"] if f["name"] == "power loss")


def _pragma(db_path) -> int:
    from careerkit.store.db import connect

    conn = connect(db_path)
    try:
        return conn.execute("PRAGMA synchronous").fetchone()[0]
    finally:
        conn.close()


def test_normal_by_default_and_full_when_set(cli, db_path):
    cli("log", "x", ok=True)
    assert _power(cli).startswith("synchronous NORMAL")
    assert _pragma(db_path) == 1
    cli("config", "set", "synchronous", "FULL", ok=True)
    assert cli("config", "get", "synchronous", ok=True).stdout.strip() == "full"
    assert _power(cli).startswith("synchronous FULL")
    assert _pragma(db_path) == 2
    cli("log", "still writes", ok=True)
    assert len(cli.json("wins", "list")) == 2
    cli("config", "unset", "synchronous", ok=True)
    assert _pragma(db_path) == 1


def test_the_environment_overrides_the_setting(cli, db_path, monkeypatch):
    cli("log", "x", ok=True)
    monkeypatch.setenv("CAREERKIT_SYNCHRONOUS", "full")
    assert _pragma(db_path) == 2
    assert _power(cli).startswith("synchronous FULL")
    monkeypatch.setenv("CAREERKIT_SYNCHRONOUS", "sometimes")
    r = cli("wins", "list")
    assert r.exit_code == 1 and "CAREERKIT_SYNCHRONOUS" in r.stderr


@pytest.mark.parametrize("value", ["off", "extra", ""])
def test_other_values_are_refused(cli, value):
    r = cli("config", "set", "synchronous", value)
    assert r.exit_code == 1 and "normal or full" in r.stderr
