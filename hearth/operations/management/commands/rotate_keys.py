import os

from cryptography.fernet import Fernet
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from hearth import encryption
from hearth.search.index import rebuild_index


class Command(BaseCommand):
    help = (
        "Add a new encryption key, re-encrypt every encrypted field with it and rebuild the "
        "search index under it. Old keys stay readable until --drop-old."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--drop-old",
            action="store_true",
            help="After re-encrypting, remove every key but the newest from the key file.",
        )
        parser.add_argument(
            "--reencrypt-only",
            action="store_true",
            help="Don't make a key; re-encrypt with the first key configured "
            "(use after putting a new key first in HEARTH_ENCRYPTION_KEYS).",
        )

    def handle(
        self, *args: object, drop_old: bool, reencrypt_only: bool, **options: object
    ) -> None:
        from_env = os.environ.get("HEARTH_ENCRYPTION_KEYS")
        if from_env and not reencrypt_only:
            raise CommandError(
                "Keys come from HEARTH_ENCRYPTION_KEYS: put a new key first there "
                "(python -c 'from cryptography.fernet import Fernet; print(Fernet.generate_key()"
                ".decode())'), then run rotate_keys --reencrypt-only."
            )
        keys = encryption.read_keys()
        if not reencrypt_only:
            keys = [Fernet.generate_key(), *keys]
            encryption.write_keys(keys)
            encryption.forget_keys()
        count = reencrypt_everything()
        self.stdout.write(f"Re-encrypted {count} values with the newest key.")
        # The search index's key comes from the newest key, so its hashes are made again.
        words = rebuild_index()
        self.stdout.write(f"Search index rebuilt: {words} words.")
        if drop_old and not from_env:
            encryption.write_keys(keys[:1])
            encryption.forget_keys()
            self.stdout.write("Older keys removed. Keep a backup of the key file with your data.")


@transaction.atomic
def reencrypt_everything() -> int:
    count = 0
    for model, field in encryption.encrypted_fields():
        rows = model._default_manager.exclude(**{field: ""}).values_list("pk", field)
        for pk, plaintext in rows.iterator():
            model._default_manager.filter(pk=pk).update(**{field: plaintext})
            count += 1
    return count
