"""`careerkit encrypt`, `careerkit decrypt` and `careerkit key export|import`: an encrypted
record for those who want one (the optional extra careerkit[encrypt])."""

from __future__ import annotations

from typing import Optional

import typer

from careerkit.cli import helpers as C


def register(app: typer.Typer) -> None:
    app.command(
        "encrypt",
        help="Encrypt the record at rest (SQLCipher); the key goes to your keyring. "
        "With --init on a new --db path, a new record starts encrypted.",
    )(encrypt)
    app.command(
        "decrypt",
        help="Turn an encrypted record back into a plain one.",
    )(decrypt)
    key = typer.Typer(help="The key of an encrypted record: write it down, bring it to a new machine.")
    key.command(
        "export",
        help="Print the recovery code to write down.",
    )(key_export)
    key.command(
        "import",
        help="Restore access on a new machine from the recovery code.",
    )(key_import)
    app.add_typer(key, name="key")


def encrypt() -> None:
    from careerkit.store import crypto
    from careerkit.store.db import backup_to

    crypto.cipher()  # the extra first, before anything is written
    path = C.db_path()
    if path.exists() and crypto.looks_encrypted(path):
        C.say(f"{path} is already encrypted.")
        return
    key = crypto.key_for_new(path)
    backup = None
    with C.database() as conn:  # creates a new (empty) record when there is none
        if _holds_entries(conn):
            backup = backup_to(conn, C.backup_path())
    kept = crypto.store_key(path, key)
    try:
        crypto.convert(path, old=None, new=key)
    except BaseException:
        if kept:
            crypto.forget_key(path)
        raise
    C.say(f"Encrypted {path}.")
    if kept:
        C.say("The key is in your keyring. Run `careerkit key export` and keep the recovery code safe.")
    elif key.passphrase is not None:
        C.say(f"The key is your passphrase ({crypto.PASSPHRASE_ENV} or a prompt on every command).")
    if backup is not None:
        C.say(
            f"The backup taken first, {backup}, and older files in {backup.parent} are not "
            "encrypted: delete them once you have checked the record."
        )


def decrypt() -> None:
    from careerkit.store import crypto
    from careerkit.store.db import backup_to

    path = C.db_path()
    if not path.exists():
        C.fail(f"no database at {path}")
    if not crypto.looks_encrypted(path):
        C.say(f"{path} is not encrypted.")
        return
    key = crypto.key_for(path)
    with C.database(create=False) as conn:
        backup = backup_to(conn, C.backup_path())
    crypto.convert(path, old=key, new=None)
    crypto.forget_key(path)
    C.say(f"Decrypted {path} (an encrypted backup is at {backup}).")


def key_export() -> None:
    from careerkit.store import crypto

    path = C.db_path()
    if not (path.exists() and crypto.looks_encrypted(path)):
        C.fail(f"{path} is not encrypted: there is no key to export")
    key = crypto.key_for(path)
    crypto.connect(path, key).close()  # a key that does not open the record is no recovery code
    if key.raw is None:
        C.say("This record is protected by a passphrase: the passphrase itself is the recovery.")
        return
    typer.echo(crypto.recovery_code(key))
    C.say("Write this code down and keep it apart from the computer: it opens the record anywhere.")


def key_import(
    code: Optional[str] = typer.Argument(None, metavar="CODE", help="The recovery code (default: a prompt)."),
) -> None:
    from careerkit.store import crypto

    path = C.db_path()
    if not (path.exists() and crypto.looks_encrypted(path)):
        C.fail(f"{path} is not an encrypted record")
    if code is None:
        import getpass

        code = getpass.getpass("Recovery code: ")
    key = crypto.parse_recovery_code(code)
    crypto.connect(path, key).close()
    if not crypto.store_key(path, key):
        C.fail(
            f"no keyring on this machine: set {crypto.KEY_ENV} to the recovery code in the "
            "environment of the commands that open the record"
        )
    C.say(f"The key for {path} is in your keyring.")


def _holds_entries(conn) -> bool:
    rows = conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '%fts%'"
    ).fetchall()
    for (name,) in rows:
        if name.startswith(("sqlite_", "_")):
            continue
        if conn.execute(f'SELECT 1 FROM "{name}" LIMIT 1').fetchone():
            return True
    return False
