"""`hearth content_translations es`: what the Spanish content lacks; --add-missing starts it."""

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from hearth.content_translations import add_missing, all_gaps


class Command(BaseCommand):
    help = "List content items without a current translation; --add-missing adds them in English."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("language", help="a language code from settings.LANGUAGES, e.g. es")
        parser.add_argument(
            "--add-missing",
            action="store_true",
            dest="add",
            help="append each untranslated item, in English, to its file for a translator",
        )

    def handle(self, *args: Any, language: str, add: bool = False, **options: Any) -> None:
        if language not in dict(settings.LANGUAGES) or language == "en":
            raise CommandError(f"{language!r} is not one of Hearth's translated languages")
        if add:
            for file, count in add_missing(language).items():
                self.stdout.write(f"{file}: {count} to translate")
        problems = all_gaps(language)
        for line in problems:
            self.stdout.write(line)
        self.stdout.write(f"{len(problems)} to do" if problems else "complete")
