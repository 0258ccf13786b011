from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from hearth import encryption
from hearth.operations.backups import BackupError, backup_create


class Command(BaseCommand):
    help = (
        "Write a backup of the whole database, still encrypted, as one .tar.gz into a folder. "
        "The encryption key file is left out unless --with-keys (see docs/operations.md)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("destination", type=Path, help="The folder to write the archive in.")
        parser.add_argument(
            "--with-keys",
            action="store_true",
            help="Put the encryption key file in the archive too; anyone holding the archive "
            "can then read everything people wrote.",
        )

    def handle(self, *args: object, destination: Path, with_keys: bool, **options: object) -> None:
        try:
            archive = backup_create(destination=Path(destination), with_keys=with_keys)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(f"Backup written to {archive}"))
        if not with_keys:
            self.stdout.write(
                f"The encryption keys are not in it: without them nobody can read what people "
                f"wrote. Keep a copy of {encryption.keys_path()} (or HEARTH_ENCRYPTION_KEYS) "
                "in a safe place apart from the backups."
            )
