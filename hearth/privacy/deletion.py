"""Deleting an account for real: the person's words, choices and measurements go; everyone
else's stay. What goes and what stays is declared per kind of data (hearth/personal_data.py)."""

from django.db import connection, transaction

from hearth.accounts.models import User
from hearth.personal_data import entries
from hearth.privacy.people import person_of
from hearth.relationships.models import Member
from hearth.relationships.services import member_leave


@transaction.atomic
def account_delete(*, user: User) -> None:
    """Leave every relationship (so the others see a member left, and what waited only for this
    person opens), erase each kind of data as declared, then delete the account; what is
    declared "deleted with the account" goes with it."""
    for member in Member.objects.current().filter(user=user):
        member_leave(member=member)
    person = person_of(user)
    for entry in entries():
        if entry.erase is not None:
            entry.erase(person)
    user.delete()
    transaction.on_commit(forget_on_disk)


def forget_on_disk() -> None:
    """SQLite keeps earlier copies of changed pages in its write-ahead log until a checkpoint;
    empty it, so what was deleted is gone from the files too (secure_delete zeroes the rest)."""
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
