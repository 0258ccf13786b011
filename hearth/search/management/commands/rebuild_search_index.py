from django.core.management.base import BaseCommand

from hearth.search.index import rebuild_index


class Command(BaseCommand):
    help = (
        "Build the journal's search index again from what people wrote (it is kept current on "
        "every write; run this after changing the encryption keys by hand)."
    )

    def handle(self, *args: object, **options: object) -> None:
        count = rebuild_index()
        self.stdout.write(f"Indexed {count} words.")
