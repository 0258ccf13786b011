import os
import shutil
import sys

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser


class Command(BaseCommand):
    help = "Prepare the database and static files, then serve Hearth with gunicorn."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--bind", default=os.environ.get("HEARTH_BIND", "127.0.0.1:8000"))
        parser.add_argument(
            "--workers", type=int, default=int(os.environ.get("HEARTH_WORKERS", "2"))
        )

    def handle(self, *args: object, bind: str, workers: int, **options: object) -> None:
        call_command("migrate", interactive=False, verbosity=0)
        call_command("createcachetable", verbosity=0)
        call_command("collectstatic", interactive=False, verbosity=0)
        self.stdout.write(f"Hearth is running at http://{bind}/ (data in {settings.DATA_DIR})")
        gunicorn = shutil.which("gunicorn", path=os.path.dirname(sys.executable)) or "gunicorn"
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
        sys.stdout.flush()
        os.execv(gunicorn, argv)
