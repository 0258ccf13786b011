from typing import Any

from django.core.management.base import BaseCommand

from hearth.personal_data import markdown_table


class Command(BaseCommand):
    help = "Print the table of every kind of personal data Hearth keeps (for docs/privacy.md)."

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(markdown_table(), ending="")
