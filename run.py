#!/usr/bin/env python3
"""Hearth in two commands, needing only Python 3.11+: `python3 run.py --help` lists them."""

import hashlib
import os
import shutil
import subprocess
import sys
import time
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / "python"
CHROMIUM_CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser"]
HELP = {"-h", "--help", "help"}

USAGE = """\
usage: python3 run.py [serve] [--host HOST] [--port PORT]
       python3 run.py test [pytest arguments]
       python3 run.py demo [--reset]
       python3 run.py bench [--quick] [--no-postgres]

  serve   the default: install into .venv, prepare ./data, and serve Hearth with its
          background worker at http://127.0.0.1:8000; Ctrl-C stops both
  test    install the test tools (and Chromium where missing) and run the whole suite
  demo    add demo people with 90 days of history (--reset rebuilds them)
  bench   measure Hearth under load beside the bare framework, with ten years of history
          and a crash under writes (bench/README.md; about 30 minutes, --quick about 10)

Choosing where Hearth listens:
  python3 run.py --port 8080                        http://127.0.0.1:8080
  python3 run.py serve --host 0.0.0.0 --port 8080   every network interface too (list this
                                                    computer's address in HEARTH_ALLOWED_HOSTS)
  HEARTH_BIND=127.0.0.1:8080 python3 run.py         the same as --port 8080, from the environment
  More options for serve, after the first run: .venv/bin/hearth serve --help

The first run installs Hearth into .venv, which takes a minute or two; later runs start at once.
"""


def say(message: str) -> None:
    print(f"hearth: {message}", flush=True)


def run(*args: str | Path, env: dict[str, str] | None = None) -> None:
    subprocess.run([str(a) for a in args], cwd=ROOT, check=True, env=env)


def is_installed(marker: Path, fingerprint: str, extras: str) -> bool:
    """Installed from this pyproject.toml, with these extras (the test tools include the rest)."""
    installed = marker.read_text() if marker.exists() else ""
    return installed == fingerprint + extras or (not extras and installed.startswith(fingerprint))


def ensure_installed(extras: str = "") -> None:
    """Create .venv and install Hearth into it, again only when pyproject.toml changed."""
    if sys.version_info < (3, 11):
        sys.exit("Hearth needs Python 3.11 or newer.")
    fingerprint = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    marker = VENV / ".hearth-installed"
    if PYTHON.exists() and is_installed(marker, fingerprint, extras):
        return
    started = time.monotonic()
    if not PYTHON.exists():
        say("creating a virtual environment in .venv")
        venv.EnvBuilder(with_pip=True).create(VENV)
    say("updating pip")
    run(PYTHON, "-m", "pip", "install", "--quiet", "--upgrade", "pip")
    what = "Hearth and its test tools" if extras else "Hearth"
    say(f"installing {what} (first run takes a minute or two)")
    # pip's own lines and progress bars show it is working.
    run(PYTHON, "-m", "pip", "install", "--disable-pip-version-check", "-e", f".{extras}")
    marker.write_text(fingerprint + extras)
    say(f"installed in {time.monotonic() - started:.0f} s")


def find_chromium() -> str | None:
    configured = os.environ.get("HEARTH_CHROMIUM")
    if configured:
        return configured
    return next((path for path in CHROMIUM_CANDIDATES if Path(path).exists()), None)


def install_from_debian(package: str) -> bool:
    """apt-get install, where this is Debian (or alike) and we may; False where we can't."""
    if not (shutil.which("apt-get") and hasattr(os, "geteuid") and os.geteuid() == 0):
        return False
    say(f"installing {package} from Debian's packages")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    run("apt-get", "update", "-qq", env=env)
    run("apt-get", "install", "-y", "-qq", package, env=env)
    return True


def ensure_chromium() -> str:
    """Browser tests drive the system's Chromium; install Debian's package where it's missing."""
    found = find_chromium() or (install_from_debian("chromium") and find_chromium())
    if found:
        return found
    sys.exit(
        "Browser tests need Chromium. Install your system's chromium package, "
        "or set HEARTH_CHROMIUM to its path."
    )


def ensure_gettext() -> None:
    """The translation tests run GNU gettext's tools, as translators do."""
    if shutil.which("msgfmt") or (install_from_debian("gettext") and shutil.which("msgfmt")):
        return
    sys.exit("The tests need GNU gettext (msgfmt). Install your system's gettext package.")


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
    ensure_gettext()
    database = env.get("DATABASE_URL", "sqlite (default)").split("@")[-1]
    say("lint and format check")
    run(BIN / "ruff", "check", ".")
    run(BIN / "ruff", "format", "--check", ".")
    say("type check")
    run(BIN / "mypy", "hearth")
    say(f"tests on {database}")
    run(PYTHON, "-m", "pytest", *args, env=env)


def bench(args: list[str]) -> None:
    ensure_installed("[bench]")
    run(PYTHON, "-m", "bench", *args)


def main(argv: list[str] | None = None) -> None:
    args = sys.argv[1:] if argv is None else argv
    if args and args[0] in HELP:
        print(USAGE, end="")
        sys.exit(0)
    # No command, or options first (`python3 run.py --port 8080`): serve.
    command, *rest = args if args and not args[0].startswith("-") else ["serve", *args]
    commands = {"serve": serve, "test": test, "demo": demo, "bench": bench}
    if command not in commands:
        print(f"hearth: there is no command {command!r}\n", file=sys.stderr)
        print(USAGE, end="", file=sys.stderr)
        sys.exit(2)
    try:
        commands[command](rest)
    except subprocess.CalledProcessError as error:
        sys.exit(error.returncode)


if __name__ == "__main__":
    main()
