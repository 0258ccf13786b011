from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connections

from hearth.operations.backups import BackupError, backup_restore, unreadable_fields


class Command(BaseCommand):
    help = (
        "Replace all data with a backup made by `hearth backup`. Stop Hearth first; "
        "asks for --yes (see docs/operations.md)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("archive", type=Path, help="The .tar.gz written by `hearth backup`.")
        parser.add_argument(
            "--yes",
            action="store_true",
            help="Really replace every row in the database with the backup's.",
        )
        parser.add_argument(
            "--with-keys",
            action="store_true",
            help="Also restore the encryption key file held in the archive.",
        )
        parser.add_argument(
            "--replace-keys",
            action="store_true",
            help="With --with-keys: replace a different key file already here "
            "(it is kept beside, renamed).",
        )

    def handle(
        self,
        *args: object,
        archive: Path,
        yes: bool,
        with_keys: bool,
        replace_keys: bool,
        **options: object,
    ) -> None:
        database = connections["default"].settings_dict["NAME"]
        if not yes:
            raise CommandError(
                f"Restoring replaces all data in {database} with the backup's. "
                "Stop Hearth, then run this again with --yes."
            )
        try:
            manifest = backup_restore(
                archive=Path(archive),
                with_keys=with_keys or replace_keys,
                replace_keys=replace_keys,
            )
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored the backup of {manifest.get('created')} "
                f"(Hearth {manifest.get('hearth_version')}) into {database}."
            )
        )
        unreadable = unreadable_fields()
        if unreadable:
            self.stdout.write(
                self.style.WARNING(
                    "No configured encryption key opens the restored text "
                    f"({', '.join(unreadable)}): put back the key file that belongs to this "
                    "backup (or restore with --with-keys if the archive holds it)."
                )
            )
        self.stdout.write("If this Hearth is newer than the backup, run `hearth migrate` next.")
