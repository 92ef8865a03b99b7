"""Every test gets its own database and never touches the real user directory."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(autouse=True)
def isolated(tmp_path, monkeypatch):
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("CAREERKIT_DB", str(tmp_path / "data" / "careerkit.db"))
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "200")
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.delenv("EDITOR", raising=False)
    yield


class Cli:
    """Runs careerkit through its real entry (lazy registration included). The database is
    named with --db, so --init is given too (a named path is created only with it); tests
    of that rule pass init=False."""

    def __init__(self, db: Path, init: bool = True):
        self.db = db
        self.init = init
        self.runner = CliRunner()

    def __call__(self, *args: str, input: str | None = None, ok: bool | None = None):
        from careerkit.cli import build_app

        argv = ["--db", str(self.db), *(["--init"] if self.init else []), *args]
        result = self.runner.invoke(build_app(argv), argv, input=input, catch_exceptions=True)
        if result.exception and not isinstance(result.exception, SystemExit):
            raise result.exception
        if ok is True:
            assert result.exit_code == 0, (result.stdout, result.stderr)
        return result

    def json(self, *args: str):
        result = self(*args, "--json", ok=True)
        return json.loads(result.stdout)


@pytest.fixture
def db_path(tmp_path) -> Path:
    return tmp_path / "data" / "careerkit.db"


@pytest.fixture
def cli(db_path) -> Cli:
    return Cli(db_path)


@pytest.fixture
def sample_file() -> Path:
    return FIXTURES / "career-rich.yaml"


@pytest.fixture
def loaded(cli, sample_file) -> Cli:
    cli("import", str(sample_file), ok=True)
    return cli
