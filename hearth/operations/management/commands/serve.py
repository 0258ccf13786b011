import os
import shutil
import signal
import subprocess
import sys
import time
from argparse import ArgumentTypeError
from types import FrameType

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser

# How long the two processes get to finish what they are doing after Ctrl-C.
GRACE_SECONDS = 10
DEFAULT_HOST, DEFAULT_PORT = "127.0.0.1", "8000"
DEFAULT_BIND = f"{DEFAULT_HOST}:{DEFAULT_PORT}"
# Hosts that mean "every network interface": no address a link could point at.
EVERY_INTERFACE = {"", "0.0.0.0", "[::]"}  # noqa: S104


class Command(BaseCommand):
    help = (
        "Prepare the database and static files, then serve Hearth with gunicorn and run the "
        "background worker beside it; Ctrl-C stops both."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--bind",
            default=os.environ.get("HEARTH_BIND") or DEFAULT_BIND,
            help=f"Address and port to listen on (default {DEFAULT_BIND}, or HEARTH_BIND).",
        )
        parser.add_argument(
            "--host",
            help="Address to listen on, in place of the one in --bind: 0.0.0.0 for every "
            "network interface (then list this computer's name or address in "
            "HEARTH_ALLOWED_HOSTS).",
        )
        parser.add_argument(
            "--port", type=port_number, help="Port to listen on, in place of the one in --bind."
        )
        parser.add_argument(
            "--workers", type=int, default=int(os.environ.get("HEARTH_WORKERS", "2"))
        )
        parser.add_argument(
            "--no-worker",
            action="store_true",
            help="Serve pages only; run `hearth db_worker` separately for background work.",
        )

    def handle(
        self,
        *args: object,
        bind: str,
        host: str | None,
        port: int | None,
        workers: int,
        no_worker: bool,
        **options: object,
    ) -> None:
        bind = bind_address(bind, host=host, port=port)
        call_command("migrate", interactive=False, verbosity=0)
        call_command("createcachetable", verbosity=0)
        call_command("collectstatic", interactive=False, verbosity=0)
        call_command("schedule_reminders", verbosity=0)
        call_command("schedule_digests", verbosity=0)
        bin_dir = os.path.dirname(sys.executable)
        commands = [web_command(bin_dir, bind, workers)]
        if not no_worker:
            commands.append(worker_command(bin_dir))
        address = address_to_open(bind)
        self.stdout.write(f"Hearth is running at {address} (data in {settings.DATA_DIR})")
        if not no_worker:
            self.stdout.write("The background worker is running beside it. Ctrl-C stops both.")
        sys.stdout.flush()
        sys.exit(supervise(commands, env=environment_for(bind)))


def port_number(value: str) -> int:
    if not value.isdigit() or not 0 < int(value) < 65536:
        raise ArgumentTypeError(f"{value!r} is not a port: use a number from 1 to 65535.")
    return int(value)


def split_bind(bind: str) -> tuple[str, str] | None:
    """A host:port bind as (host, port); a host alone gets gunicorn's port; None for a socket."""
    if bind.startswith(("unix:", "fd://")):
        return None
    host, separator, port = bind.rpartition(":")
    if not separator or not port.isdigit():
        return bind, DEFAULT_PORT
    return host, port


def bind_address(bind: str, *, host: str | None = None, port: int | None = None) -> str:
    """The address gunicorn listens on: `bind`, with its host or port replaced when given."""
    if host is None and port is None:
        return bind
    bound_host, bound_port = split_bind(bind) or (DEFAULT_HOST, DEFAULT_PORT)
    host = bound_host if host is None else host
    if ":" in host and not host.startswith("["):
        host = f"[{host}]"  # an IPv6 address
    return f"{host}:{bound_port if port is None else port}"


def address_to_open(bind: str) -> str:
    """What to open in a browser on this computer to reach Hearth listening at `bind`."""
    parts = split_bind(bind)
    if parts is None:
        return bind
    host, port = parts
    if host in EVERY_INTERFACE:
        return f"http://127.0.0.1:{port}/ (and at this computer's address on your network)"
    return f"http://{host}:{port}/"


def environment_for(bind: str) -> dict[str, str]:
    """The processes' environment: unless it is set, links in e-mail follow the chosen address."""
    env = dict(os.environ)
    parts = split_bind(bind)
    if not env.get("HEARTH_SITE_URL") and parts and parts[0] not in EVERY_INTERFACE:
        env["HEARTH_SITE_URL"] = "http://{}:{}".format(*parts)
    return env


def web_command(bin_dir: str, bind: str, workers: int) -> list[str]:
    gunicorn = shutil.which("gunicorn", path=bin_dir) or "gunicorn"
    argv = [
        gunicorn,
        "hearth.wsgi",
        "--bind",
        bind,
        "--workers",
        str(workers),
        "--forwarded-allow-ips",
        os.environ.get("HEARTH_FORWARDED_ALLOW_IPS", "127.0.0.1"),
    ]
    # No access log unless asked: who opened which page, from where, is nobody's business.
    if os.environ.get("HEARTH_ACCESS_LOG", "").lower() in {"1", "true", "yes", "on"}:
        argv += ["--access-logfile", "-"]
    return argv


def worker_command(bin_dir: str) -> list[str]:
    hearth = shutil.which("hearth", path=bin_dir) or "hearth"
    return [hearth, "db_worker", "--interval", "1"]


def supervise(commands: list[list[str]], env: dict[str, str] | None = None) -> int:
    """Run the processes together: when one stops, or on Ctrl-C or SIGTERM, stop them all."""
    processes = [subprocess.Popen(command, env=env) for command in commands]  # noqa: S603
    stopping = False

    def stop(signum: int, frame: FrameType | None) -> None:
        nonlocal stopping
        stopping = True

    previous = {sig: signal.signal(sig, stop) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        while not stopping and all(p.poll() is None for p in processes):
            time.sleep(0.2)
    finally:
        for process in processes:
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
        deadline = time.monotonic() + GRACE_SECONDS
        for process in processes:
            try:
                process.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    if stopping:
        return 0
    return next((p.returncode for p in processes if p.returncode), 0)
