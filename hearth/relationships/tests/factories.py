import factory

from hearth.accounts.models import User
from hearth.relationships.models import Member, Relationship


class RelationshipFactory(factory.django.DjangoModelFactory[Relationship]):
    class Meta:
        model = Relationship

    name = factory.Sequence(lambda n: f"Relationship {n}")
    kind = Relationship.Kind.ROMANTIC
    phase = Relationship.Phase.COMMITTED
    time_zone = "Europe/Lisbon"


def add_member(relationship: Relationship, user: User) -> Member:
    return Member.objects.create(relationship=relationship, user=user)
