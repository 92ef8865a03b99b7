"""An encrypted record (careerkit[encrypt]): encrypt/decrypt round trips, keys from the
keyring, a recovery code or a passphrase, wrong keys, a killed conversion, encrypted
backups, and everything else working the same."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail

from careerkit.store import crypto

PASS = "correct horse battery staple"


class MemoryKeyring(KeyringBackend):
    """A keyring that lives in the test process."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.passwords: dict[tuple[str, str], str] = {}

    def get_password(self, service, username):
        return self.passwords.get((service, username))

    def set_password(self, service, username, password):
        self.passwords[(service, username)] = password

    def delete_password(self, service, username):
        self.passwords.pop((service, username), None)


@pytest.fixture
def memory_keyring():
    before = keyring.get_keyring()
    ring = MemoryKeyring()
    keyring.set_keyring(ring)
    yield ring
    keyring.set_keyring(before)


@pytest.fixture
def no_keyring(monkeypatch):
    before = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(before)


def _tables(path: Path, key: crypto.Key | None = None) -> dict[str, list[tuple]]:
    """Every table's rows, in rowid order, plain or encrypted."""
    conn = crypto.connect(path, key) if key else sqlite3.connect(path)
    try:
        names = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
            ).fetchall()
        ]
        out = {}
        for name in names:
            try:
                rows = conn.execute(f'SELECT * FROM "{name}" ORDER BY rowid').fetchall()
            except sqlite3.OperationalError:
                rows = conn.execute(f'SELECT * FROM "{name}"').fetchall()
            out[name] = [tuple(r) for r in rows]
        out["user_version"] = [tuple(conn.execute("PRAGMA user_version").fetchone())]
        return out
    finally:
        conn.close()


def test_encrypt_then_decrypt_gives_every_table_back_byte_for_byte(loaded, db_path, no_keyring, monkeypatch):
    before = _tables(db_path)
    monkeypatch.setenv("CAREERKIT_PASSPHRASE", PASS)
    result = loaded("encrypt", ok=True)
    assert "Encrypted" in result.stderr
    raw = db_path.read_bytes()
    assert not raw.startswith(crypto.HEADER)
    assert b"PLC" not in raw and b"Dana" not in raw  # no text of the record at rest
    assert not Path(f"{db_path}-wal").exists() or b"PLC" not in Path(f"{db_path}-wal").read_bytes()
    assert _tables(db_path, crypto.Key(passphrase=PASS)) == before
    loaded("decrypt", ok=True)
    assert db_path.read_bytes().startswith(crypto.HEADER)
    assert _tables(db_path) == before


def test_everything_else_works_the_same_on_an_encrypted_record(
    loaded, db_path, no_keyring, monkeypatch, tmp_path
):
    monkeypatch.setenv("CAREERKIT_PASSPHRASE", PASS)
    loaded("encrypt", ok=True)
    loaded("log", "Chaired the attendance committee", "--skill", "attendance", ok=True)
    assert "attendance" in loaded("search", "attendance", ok=True).stdout
    posting = tmp_path / "posting.txt"
    posting.write_text(
        "Assistant Principal\nQualifications\n- Master's degree required\n- Experience leading PLCs\n"
    )
    report = loaded.json("gap", "analyze", str(posting))
    assert report["requirements"]
    assert loaded("resume", ok=True).stdout.strip()
    doctor = loaded.json("doctor")
    found = {f["name"]: f for f in doctor["findings"]}
    assert found["encryption"]["status"] == "ok" and "encrypted" in found["encryption"]["detail"]
    assert found["integrity"]["status"] == "ok"


def test_wrong_passphrase_is_one_line_and_writes_nothing(loaded, db_path, no_keyring, monkeypatch):
    monkeypatch.setenv("CAREERKIT_PASSPHRASE", PASS)
    loaded("encrypt", ok=True)
    stamp = db_path.read_bytes()
    monkeypatch.setenv("CAREERKIT_PASSPHRASE", "not it")
    result = loaded("log", "Something")
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines() == [f"error: cannot open the record {db_path}: wrong key"]
    assert db_path.read_bytes() == stamp


def test_no_keyring_and_no_passphrase_says_how_to_give_one(loaded, db_path, no_keyring, monkeypatch):
    monkeypatch.setenv("CAREERKIT_PASSPHRASE", PASS)
    loaded("encrypt", ok=True)
    monkeypatch.delenv("CAREERKIT_PASSPHRASE")
    result = loaded("wins", "list")
    assert result.exit_code == 1
    assert "CAREERKIT_PASSPHRASE" in result.stderr and "key import" in result.stderr
    monkeypatch.delenv("CAREERKIT_PASSPHRASE", raising=False)
    result = loaded("encrypt")  # already encrypted: says so, changes nothing
    assert result.exit_code == 0 and "already encrypted" in result.stderr


def test_encrypting_with_no_keyring_and_no_passphrase_changes_nothing(loaded, db_path, no_keyring):
    stamp = db_path.read_bytes()
    result = loaded("encrypt")
    assert result.exit_code == 1
    assert "CAREERKIT_PASSPHRASE" in result.stderr
    assert db_path.read_bytes() == stamp


def test_keyring_key_recovery_code_and_a_new_machine(loaded, db_path, memory_keyring, monkeypatch):
    before = _tables(db_path)
    loaded("encrypt", ok=True)
    assert list(memory_keyring.passwords) == [("careerkit", str(db_path.resolve()))]
    # The keyring opens it: no passphrase asked.
    assert "Led" in loaded("wins", "list", ok=True).stdout or loaded("wins", "list", ok=True).stdout
    code = loaded("key", "export", ok=True).stdout.strip()
    assert len(code.replace("-", "")) == 64
    # A new machine: an empty keyring.
    memory_keyring.passwords.clear()
    assert loaded("wins", "list").exit_code == 1
    bad = loaded("key", "import", "00" * 32)
    assert bad.exit_code == 1 and "wrong key" in bad.stderr
    assert loaded("key", "import", "12345").exit_code == 1
    loaded("key", "import", code, ok=True)
    assert _tables(db_path, crypto.parse_recovery_code(code)) == before
    loaded("wins", "list", ok=True)
    # CAREERKIT_KEY works where there is no keyring at all.
    memory_keyring.passwords.clear()
    monkeypatch.setenv("CAREERKIT_KEY", code)
    loaded("wins", "list", ok=True)


def test_plain_and_encrypted_are_told_apart(loaded, db_path, no_keyring, monkeypatch):
    result = loaded("decrypt")
    assert result.exit_code == 0 and "is not encrypted" in result.stderr
    assert "is not encrypted" in loaded("key", "export").stderr
    assert "not an encrypted record" in loaded("key", "import", "00" * 32).stderr


def test_a_file_that_is_not_a_database_is_not_taken_for_an_encrypted_one(cli, db_path):
    db_path.parent.mkdir(parents=True, exist_ok=True)
    db_path.write_text("these are my notes, not a database\n" * 40)
    result = cli("wins", "list")
    assert result.exit_code == 1
    assert "encrypt" not in result.stderr and "not a careerkit database" in result.stderr


def test_the_extra_not_installed_names_it(loaded, db_path, no_keyring, monkeypatch):
    monkeypatch.setenv("CAREERKIT_PASSPHRASE", PASS)
    loaded("encrypt", ok=True)
    monkeypatch.setitem(sys.modules, "sqlcipher3", None)
    result = loaded("wins", "list")
    assert result.exit_code == 1
    assert 'pip install "careerkit[encrypt]"' in result.stderr


def test_backups_of_an_encrypted_record_stay_encrypted(loaded, db_path, no_keyring, monkeypatch, tmp_path):
    monkeypatch.setenv("CAREERKIT_PASSPHRASE", PASS)
    loaded("encrypt", ok=True)
    target = tmp_path / "copy.db"
    loaded("backup", str(target), ok=True)
    assert not target.read_bytes().startswith(crypto.HEADER)
    assert _tables(target, crypto.Key(passphrase=PASS)) == _tables(db_path, crypto.Key(passphrase=PASS))


def test_a_conversion_that_fails_before_the_swap_leaves_the_plain_record(
    loaded, db_path, no_keyring, monkeypatch
):
    before = _tables(db_path)
    monkeypatch.setenv("CAREERKIT_PASSPHRASE", PASS)

    real_replace = os.replace

    def full_disk_at_the_swap(src, dst, *args, **kwargs):
        if Path(dst) == db_path:
            raise OSError(28, "No space left on device")
        return real_replace(src, dst, *args, **kwargs)

    monkeypatch.setattr(crypto.os, "replace", full_disk_at_the_swap)
    result = loaded("encrypt")
    assert result.exit_code == 1
    monkeypatch.undo()
    assert db_path.read_bytes().startswith(crypto.HEADER)
    assert _tables(db_path) == before
    assert not [p for p in db_path.parent.iterdir() if ".convert.part" in p.name]


def test_killed_during_encrypt_the_record_is_whole_and_usable(loaded, db_path, tmp_path):
    """SIGKILL at random moments of a real `careerkit encrypt`: afterwards the record opens
    (plain, or encrypted with the passphrase) with every row."""
    before = _tables(db_path)
    env = {
        **os.environ,
        "CAREERKIT_DB": str(db_path),
        "CAREERKIT_PASSPHRASE": PASS,
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
    }
    delays = [0.05, 0.15, 0.3, 0.45, 0.6, 0.9]
    for delay in delays:
        proc = subprocess.Popen(
            [sys.executable, "-m", "careerkit", "encrypt"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        key = crypto.Key(passphrase=PASS) if crypto.looks_encrypted(db_path) else None
        assert _tables(db_path, key) == before
        if key:  # it finished: turn it back for the next kill
            subprocess.run(
                [sys.executable, "-m", "careerkit", "decrypt"], env=env, check=True, capture_output=True
            )


def test_recovery_codes_round_trip():
    key = crypto.new_raw_key()
    code = crypto.recovery_code(key)
    assert crypto.parse_recovery_code(code) == crypto.Key(raw=key.raw, source="recovery code")
    assert crypto.parse_recovery_code(code.lower().replace("-", " ")).raw == key.raw


def test_an_encrypted_records_export_stays_encrypted_unless_asked(
    loaded, db_path, no_keyring, monkeypatch, tmp_path
):
    from conftest import Cli

    monkeypatch.setenv("CAREERKIT_PASSPHRASE", PASS)
    loaded("encrypt", ok=True)
    plain_target = tmp_path / "career.yaml"
    refused = loaded("export", "-o", str(plain_target))
    assert refused.exit_code == 1 and "--encrypt" in refused.stderr and "--plain" in refused.stderr
    assert not plain_target.exists()
    loaded("export", "-o", str(plain_target), "--plain", ok=True)
    assert "careerkit:" in plain_target.read_text()
    secret = tmp_path / "career.yaml.age"
    loaded("export", "--encrypt", "-o", str(secret), ok=True)
    data = secret.read_bytes()
    assert data.startswith(crypto.AGE_HEADER) and b"PLC" not in data
    # Another machine: a fresh record, the same passphrase.
    other = Cli(tmp_path / "other.db")
    other("import", str(secret), ok=True)
    assert other.json("wins", "list") == loaded.json("wins", "list")
    monkeypatch.setenv("CAREERKIT_PASSPHRASE", "not it")
    wrong = Cli(tmp_path / "third.db")("import", str(secret))
    assert wrong.exit_code == 1 and "wrong passphrase" in wrong.stderr
