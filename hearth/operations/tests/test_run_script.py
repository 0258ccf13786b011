"""`python3 run.py` explains itself, shows progress while installing, and lets a person choose
where Hearth listens; `hearth serve --host/--port` carries that choice to gunicorn."""

import importlib.util
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from django.core.management import CommandError, call_command

from hearth.operations.management.commands import serve as serve_command
from hearth.operations.management.commands.serve import bind_address, environment_for

ROOT = Path(__file__).resolve().parents[3]
EVERYWHERE = "0.0.0.0"  # noqa: S104 - every network interface


@pytest.fixture
def run_script() -> ModuleType:
    """run.py loaded as a module; it installs nothing on import."""
    spec = importlib.util.spec_from_file_location("hearth_run_script", ROOT / "run.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def run_py(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(  # noqa: S603
        [sys.executable, "run.py", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )


@pytest.mark.parametrize("asking", ["--help", "-h", "help"])
def test_asking_for_help_lists_the_commands_and_how_to_choose_a_port(asking: str) -> None:
    result = run_py(asking)

    assert result.returncode == 0, result.stderr
    for command in ("serve", "test", "demo"):
        assert f"python3 run.py {command}" in result.stdout
    assert "python3 run.py --port 8080" in result.stdout
    assert "--host 0.0.0.0 --port 8080" in result.stdout
    assert "HEARTH_BIND=" in result.stdout


def test_an_unknown_command_shows_the_usage_and_exits_with_2() -> None:
    result = run_py("srve")

    assert result.returncode == 2
    assert "no command 'srve'" in result.stderr
    assert "python3 run.py --port 8080" in result.stderr


@pytest.mark.parametrize(
    ("argv", "command", "rest"),
    [
        ([], "serve", []),
        (["--port", "8080"], "serve", ["--port", "8080"]),
        (
            ["serve", "--host", EVERYWHERE, "--port", "8080"],
            "serve",
            ["--host", EVERYWHERE, "--port", "8080"],
        ),
        (["test", "-k", "invitation"], "test", ["-k", "invitation"]),
        (["demo", "--reset"], "demo", ["--reset"]),
    ],
)
def test_each_command_gets_its_own_arguments_and_options_alone_mean_serve(
    run_script: ModuleType,
    monkeypatch: pytest.MonkeyPatch,
    argv: list[str],
    command: str,
    rest: list[str],
) -> None:
    called: list[tuple[str, list[str]]] = []
    for name in ("serve", "test", "demo"):
        monkeypatch.setattr(run_script, name, lambda args, name=name: called.append((name, args)))

    run_script.main(argv)

    assert called == [(command, rest)]


def test_serve_hands_host_and_port_to_hearth_serve(
    run_script: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    executed: list[list[str]] = []
    monkeypatch.setattr(run_script, "ensure_installed", lambda extras="": None)
    monkeypatch.setattr(run_script.os, "execv", lambda path, argv: executed.append(argv))

    run_script.main(["--host", EVERYWHERE, "--port", "8080"])

    assert executed == [
        [str(run_script.BIN / "hearth"), "serve", "--host", EVERYWHERE, "--port", "8080"]
    ]


@pytest.fixture
def installs(
    run_script: ModuleType, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> list[list[str]]:
    """What run.py would run to install, in a .venv of its own under tmp_path."""
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "hearth"\n')
    venv = tmp_path / ".venv"
    (venv / "bin").mkdir(parents=True)
    (venv / "bin" / "python").touch()  # the virtual environment exists already
    monkeypatch.setattr(run_script, "ROOT", tmp_path)
    monkeypatch.setattr(run_script, "VENV", venv)
    monkeypatch.setattr(run_script, "PYTHON", venv / "bin" / "python")
    commands: list[list[str]] = []
    monkeypatch.setattr(
        run_script, "run", lambda *args, **kw: commands.append(list(map(str, args)))
    )
    return commands


def test_installing_says_what_it_does_and_lets_pip_show_its_progress(
    run_script: ModuleType, installs: list[list[str]], capsys: pytest.CaptureFixture[str]
) -> None:
    run_script.ensure_installed()

    said = capsys.readouterr().out
    assert "hearth: installing Hearth (first run takes a minute or two)" in said
    assert "hearth: installed in" in said
    install = next(command for command in installs if "-e" in command)
    assert "--quiet" not in install and "-q" not in install


def test_a_second_run_installs_nothing_and_says_nothing_when_nothing_changed(
    run_script: ModuleType, installs: list[list[str]], capsys: pytest.CaptureFixture[str]
) -> None:
    run_script.ensure_installed()
    installs.clear()
    capsys.readouterr()

    run_script.ensure_installed()

    assert installs == []
    assert capsys.readouterr().out == ""


def test_serving_after_the_test_tools_were_installed_installs_nothing_more(
    run_script: ModuleType, installs: list[list[str]]
) -> None:
    run_script.ensure_installed("[test]")
    installs.clear()

    run_script.ensure_installed()
    assert installs == []
    run_script.ensure_installed("[test]")
    assert installs == []


def test_a_changed_pyproject_installs_again(
    run_script: ModuleType, installs: list[list[str]]
) -> None:
    run_script.ensure_installed()
    installs.clear()
    (run_script.ROOT / "pyproject.toml").write_text('[project]\nname = "hearth"\nversion = "2"\n')

    run_script.ensure_installed()

    assert any("-e" in command for command in installs)


@pytest.mark.parametrize(
    ("bind", "host", "port", "listens_at"),
    [
        ("127.0.0.1:8000", None, None, "127.0.0.1:8000"),
        ("127.0.0.1:8000", None, 8080, "127.0.0.1:8080"),
        ("127.0.0.1:8000", EVERYWHERE, None, f"{EVERYWHERE}:8000"),
        ("127.0.0.1:8000", EVERYWHERE, 8080, f"{EVERYWHERE}:8080"),
        ("127.0.0.1:8000", "::", 8080, "[::]:8080"),
        ("[::1]:9000", None, 8080, "[::1]:8080"),
        ("localhost", None, 8080, "localhost:8080"),
        ("unix:/run/hearth.sock", None, 8080, "127.0.0.1:8080"),
    ],
)
def test_host_and_port_replace_their_part_of_the_bind_address(
    bind: str, host: str | None, port: int | None, listens_at: str
) -> None:
    assert bind_address(bind, host=host, port=port) == listens_at


@pytest.fixture
def gunicorn_argv(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """The commands `hearth serve` would start, without preparing or starting anything."""
    started: list[list[str]] = []
    monkeypatch.setattr(serve_command, "call_command", lambda *args, **kw: None)

    def supervise(commands: list[list[str]], env: Any = None) -> int:
        started.extend(commands)
        return 0

    monkeypatch.setattr(serve_command, "supervise", supervise)
    return started


def listening_address(started: list[list[str]]) -> str:
    gunicorn = next(command for command in started if "hearth.wsgi" in command)
    return gunicorn[gunicorn.index("--bind") + 1]


def test_hearth_serve_listens_on_127_0_0_1_port_8000_unless_told_otherwise(
    gunicorn_argv: list[list[str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("HEARTH_BIND", raising=False)
    with pytest.raises(SystemExit):
        call_command("serve", "--no-worker")

    assert listening_address(gunicorn_argv) == "127.0.0.1:8000"


def test_hearth_serve_passes_the_chosen_host_and_port_to_gunicorn(
    gunicorn_argv: list[list[str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("HEARTH_BIND", raising=False)
    with pytest.raises(SystemExit):
        call_command("serve", "--host", EVERYWHERE, "--port", "8080")

    assert listening_address(gunicorn_argv) == f"{EVERYWHERE}:8080"
    assert any("db_worker" in command for command in gunicorn_argv)


def test_the_port_option_wins_over_hearth_bind(
    gunicorn_argv: list[list[str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HEARTH_BIND", "127.0.0.1:9000")
    with pytest.raises(SystemExit):
        call_command("serve", "--port", "8080", "--no-worker")

    assert listening_address(gunicorn_argv) == "127.0.0.1:8080"


@pytest.mark.parametrize("port", ["http", "0", "70000"])
def test_hearth_serve_refuses_a_port_that_is_not_one(port: str) -> None:
    with pytest.raises(CommandError, match="port"):
        call_command("serve", "--port", port)


def test_links_in_e_mail_follow_the_chosen_port_unless_the_site_address_is_set(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("HEARTH_SITE_URL", raising=False)
    assert environment_for("127.0.0.1:8080")["HEARTH_SITE_URL"] == "http://127.0.0.1:8080"
    # Listening everywhere names no single address to link to.
    assert "HEARTH_SITE_URL" not in environment_for(f"{EVERYWHERE}:8080")

    monkeypatch.setenv("HEARTH_SITE_URL", "https://hearth.example.org")
    assert environment_for("127.0.0.1:8080")["HEARTH_SITE_URL"] == "https://hearth.example.org"
