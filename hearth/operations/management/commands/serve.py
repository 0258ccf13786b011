import os
import shutil
import signal
import subprocess
import sys
import time
from types import FrameType

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser

# How long the two processes get to finish what they are doing after Ctrl-C.
GRACE_SECONDS = 10


class Command(BaseCommand):
    help = (
        "Prepare the database and static files, then serve Hearth with gunicorn and run the "
        "background worker beside it; Ctrl-C stops both."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--bind",
            default=os.environ.get("HEARTH_BIND", "127.0.0.1:8000"),
            help="Address and port to listen on (default 127.0.0.1:8000, or HEARTH_BIND).",
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
        self, *args: object, bind: str, workers: int, no_worker: bool, **options: object
    ) -> None:
        call_command("migrate", interactive=False, verbosity=0)
        call_command("createcachetable", verbosity=0)
        call_command("collectstatic", interactive=False, verbosity=0)
        call_command("schedule_reminders", verbosity=0)
        call_command("schedule_digests", verbosity=0)
        bin_dir = os.path.dirname(sys.executable)
        commands = [web_command(bin_dir, bind, workers)]
        if not no_worker:
            commands.append(worker_command(bin_dir))
        self.stdout.write(f"Hearth is running at http://{bind}/ (data in {settings.DATA_DIR})")
        if not no_worker:
            self.stdout.write("The background worker is running beside it. Ctrl-C stops both.")
        sys.stdout.flush()
        sys.exit(supervise(commands))


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


def supervise(commands: list[list[str]]) -> int:
    """Run the processes together: when one stops, or on Ctrl-C or SIGTERM, stop them all."""
    processes = [subprocess.Popen(command) for command in commands]  # noqa: S603
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
