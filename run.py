#!/usr/bin/env python3
"""Hearth in two commands, needing only Python 3.11+.

python3 run.py          install into .venv, prepare ./data, serve at http://127.0.0.1:8000
python3 run.py test     install test tools (and Chromium where missing), run the whole suite
python3 run.py demo     load demo accounts with 90 days of history (see README)
"""

import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / "python"
CHROMIUM_CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser"]


def say(message: str) -> None:
    print(f"hearth: {message}", flush=True)


def run(*args: str | Path, env: dict[str, str] | None = None) -> None:
    subprocess.run([str(a) for a in args], cwd=ROOT, check=True, env=env)


def ensure_installed(extras: str = "") -> None:
    """Create .venv and install Hearth into it, again only when pyproject.toml changed."""
    if sys.version_info < (3, 11):
        sys.exit("Hearth needs Python 3.11 or newer.")
    if not PYTHON.exists():
        say("creating a virtual environment in .venv")
        venv.EnvBuilder(with_pip=True).create(VENV)
    fingerprint = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest() + extras
    marker = VENV / ".hearth-installed"
    if marker.exists() and marker.read_text() == fingerprint:
        return
    say("installing Hearth" + (f" with {extras}" if extras else ""))
    run(PYTHON, "-m", "pip", "install", "--quiet", "--upgrade", "pip")
    run(PYTHON, "-m", "pip", "install", "--quiet", "-e", f".{extras}")
    marker.write_text(fingerprint)


def find_chromium() -> str | None:
    configured = os.environ.get("HEARTH_CHROMIUM")
    if configured:
        return configured
    return next((path for path in CHROMIUM_CANDIDATES if Path(path).exists()), None)


def ensure_chromium() -> str:
    """Browser tests drive the system's Chromium; install Debian's package where it's missing."""
    found = find_chromium()
    if found:
        return found
    if shutil.which("apt-get") and hasattr(os, "geteuid") and os.geteuid() == 0:
        say("installing Chromium from Debian's packages")
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        run("apt-get", "update", "-qq", env=env)
        run("apt-get", "install", "-y", "-qq", "chromium", env=env)
        found = find_chromium()
        if found:
            return found
    sys.exit(
        "Browser tests need Chromium. Install your system's chromium package, "
        "or set HEARTH_CHROMIUM to its path."
    )


def serve(args: list[str]) -> None:
    ensure_installed()
    hearth = BIN / "hearth"
    os.execv(hearth, [str(hearth), "serve", *args])


def demo(args: list[str]) -> None:
    ensure_installed()
    run(BIN / "hearth", "migrate", "--verbosity", "0")
    run(BIN / "hearth", "createcachetable")
    run(BIN / "hearth", "demo", *args)


def test(args: list[str]) -> None:
    ensure_installed("[test]")
    env = {**os.environ, "HEARTH_CHROMIUM": ensure_chromium(), "DJANGO_ALLOW_ASYNC_UNSAFE": "true"}
    database = env.get("DATABASE_URL", "sqlite (default)").split("@")[-1]
    say("lint and format check")
    run(BIN / "ruff", "check", ".")
    run(BIN / "ruff", "format", "--check", ".")
    say("type check")
    run(BIN / "mypy", "hearth")
    say(f"tests on {database}")
    run(PYTHON, "-m", "pytest", *args, env=env)


def main() -> None:
    command, *rest = sys.argv[1:] or ["serve"]
    commands = {"serve": serve, "test": test, "demo": demo}
    if command not in commands:
        sys.exit(__doc__)
    try:
        commands[command](rest)
    except subprocess.CalledProcessError as error:
        sys.exit(error.returncode)


if __name__ == "__main__":
    main()
