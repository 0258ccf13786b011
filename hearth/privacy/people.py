from hearth.accounts.models import User
from hearth.personal_data import Person
from hearth.relationships.models import Member


def person_of(user: User) -> Person:
    """The person behind an account, with every place they ever had, current and former."""
    members = list(Member.objects.filter(user=user).select_related("relationship"))
    return Person(user=user, user_id=user.pk, members=members, member_ids=[m.pk for m in members])
