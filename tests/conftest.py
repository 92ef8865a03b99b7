"""Every test gets its own database and never touches the real user directory."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
RAM_DISK = Path("/dev/shm")


@pytest.hookimpl(tryfirst=True)
def pytest_configure(config):
    """Temporary folders in memory where the machine has a RAM disk (Linux's /dev/shm): every
    command a test runs commits with fsync, and creating a database is four times quicker
    there. Nothing a test checks depends on the disk (the crash tests kill processes, which
    the page cache survives; the full-disk test mounts its own). --basetemp still chooses."""
    if config.option.basetemp is not None or hasattr(config, "workerinput"):
        return  # given, or an xdist worker (its folder is under the controller's)
    if RAM_DISK.is_dir() and os.access(RAM_DISK, os.W_OK):
        import tempfile

        config.option.basetemp = tempfile.mkdtemp(prefix="careerkit-tests-", dir=RAM_DISK)
        config._careerkit_ram_basetemp = config.option.basetemp


def pytest_unconfigure(config):
    folder = getattr(config, "_careerkit_ram_basetemp", None)
    if folder:  # memory is scarcer than disk: no runs kept, unlike pytest's own folders
        import shutil

        shutil.rmtree(folder, ignore_errors=True)


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


@pytest.fixture(scope="session")
def built_databases(tmp_path_factory):
    """Databases prepared once per test run (per xdist worker), by key: `make(key, build)`
    runs build(cli) on a fresh database the first time and returns that file after.
    Preparing data through the command line (importing a career file above all) is the
    slowest thing tests share; done per test it cost about 34 s of the suite."""
    built: dict[str, Path] = {}

    def make(key: str, build) -> Path:
        if key not in built:
            template = tmp_path_factory.mktemp(f"db-{key}") / "careerkit.db"
            build(Cli(template))
            # Every connection is closed: the file alone holds the data.
            assert not template.with_name(template.name + "-wal").exists()
            built[key] = template
        return built[key]

    return make


def copy_database(template: Path, db_path: Path) -> None:
    """A private copy of a prepared database (mode 0600 in a 0700 folder, as careerkit makes)."""
    import shutil

    db_path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    shutil.copyfile(template, db_path)
    db_path.chmod(0o600)


@pytest.fixture
def prepared(cli, db_path, built_databases):
    """`prepared(key, build)`: this test's database as build(cli) leaves it, built once per
    run and copied; returns cli. Use it for data that tests read and change, never share."""

    def use(key: str, build) -> Cli:
        copy_database(built_databases(key, build), db_path)
        return cli

    return use


@pytest.fixture
def loaded(prepared, sample_file) -> Cli:
    """A database holding the rich career file."""
    return prepared("rich", lambda cli: cli("import", str(sample_file), ok=True))
