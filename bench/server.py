"""Hearth under its production server (`hearth serve`: gunicorn and the background worker) for
one benchmark database, started in a process group of its own so it can be stopped, or killed
outright, as a whole."""

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HEARTH = Path(sys.executable).parent / "hearth"
START_SECONDS = 300  # `hearth serve` migrates and collects static files first


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class Database:
    """Where one run keeps its data: a folder (keys, SQLite file) and maybe a PostgreSQL URL."""

    label: str
    data_dir: Path
    url: str = ""

    def environment(self) -> dict[str, str]:
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "bench.settings",
            "HEARTH_DATA_DIR": str(self.data_dir),
            "PYTHONPATH": str(ROOT),
        }
        env.pop("DATABASE_URL", None)
        if self.url:
            env["DATABASE_URL"] = self.url
        return env

    def django(self, *args: str) -> None:
        """Run `python -m bench <args>` against this database, in a process of its own."""
        subprocess.run(
            [sys.executable, "-m", "bench", *args], cwd=ROOT, env=self.environment(), check=True
        )


class Server:
    def __init__(self, database: Database, workers: int) -> None:
        self.database, self.workers = database, workers
        self.port = free_port()
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def address(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        log = (self.database.data_dir / "server.log").open("ab")
        self.process = subprocess.Popen(
            [
                str(HEARTH),
                "serve",
                "--bind",
                f"127.0.0.1:{self.port}",
                "--workers",
                str(self.workers),
            ],
            cwd=ROOT,
            env=self.database.environment(),
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        deadline = time.monotonic() + START_SECONDS
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"Hearth stopped while starting; see {log.name}")
            try:
                with urllib.request.urlopen(self.address + "/health/", timeout=2) as answer:  # noqa: S310 - loopback
                    if answer.status == 200:
                        return
            except OSError:
                time.sleep(0.3)
        raise RuntimeError(f"Hearth did not answer within {START_SECONDS} s")

    def signal(self, number: int) -> None:
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, number)

    def stop(self) -> None:
        """Ctrl-C, as a person would; the whole group if it lingers."""
        if self.process is None:
            return
        self.signal(signal.SIGINT)
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.signal(signal.SIGKILL)
            self.process.wait()
        self.process = None

    def kill(self) -> None:
        """SIGKILL to every process of the server at once: a crash, with no chance to tidy up."""
        self.signal(signal.SIGKILL)
        if self.process is not None:
            self.process.wait()
        self.process = None
