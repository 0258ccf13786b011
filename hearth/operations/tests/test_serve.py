"""`hearth serve` runs the web server and the background worker together; Ctrl-C stops both."""

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def descendants(pid: int) -> dict[int, str]:
    """Every process below `pid`, with its command line (Linux's /proc)."""
    found: dict[int, str] = {}
    for child in map(int, Path(f"/proc/{pid}/task/{pid}/children").read_text().split()):
        found[child] = Path(f"/proc/{child}/cmdline").read_bytes().replace(b"\0", b" ").decode()
        found.update(descendants(child))
    return found


def wait_for(check, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.3)
    return False


def answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310 - loopback only
            return response.status == 200
    except OSError:
        return False


def test_serve_starts_the_web_server_and_the_worker_and_ctrl_c_stops_both(tmp_path):
    port = free_port()
    hearth = Path(sys.executable).parent / "hearth"
    env = {**os.environ, "HEARTH_DATA_DIR": str(tmp_path), "HEARTH_WORKERS": "1"}
    env.pop("DATABASE_URL", None)  # its own SQLite file in tmp_path
    server = subprocess.Popen(  # noqa: S603
        [str(hearth), "serve", "--bind", f"127.0.0.1:{port}"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        assert wait_for(lambda: answers(f"http://127.0.0.1:{port}/"), 90), "the site never answered"
        children = descendants(server.pid)
        running = " | ".join(children.values())
        assert "gunicorn" in running and "db_worker" in running, running

        server.send_signal(signal.SIGINT)
        assert server.wait(timeout=30) == 0
        assert not answers(f"http://127.0.0.1:{port}/")
        assert [pid for pid in children if Path(f"/proc/{pid}").exists()] == []
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()
