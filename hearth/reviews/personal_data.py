"""What a member wrote in weekly reviews, and what the others wrote there while they belonged."""

from hearth.personal_data import Erasure, Person, Tables, declare, own_and_shared
from hearth.reviews.models import ReviewContribution
from hearth.reviews.selectors import contributions_visible_to


def contributions(person: Person) -> Tables:
    fields = (
        "pk",
        "review__relationship_id",
        "review__week_of",
        "member_id",
        "went_well",
        "work_on",
    )
    rows = own_and_shared(person, CONTRIBUTIONS.rows(person), contributions_visible_to, fields)
    return {
        "weekly_reviews": [
            {
                "relationship": person.relationship_name(c["review__relationship_id"]),
                "week_of": c["review__week_of"].isoformat(),
                "author": person.name_for(c["member_id"]),
                "went_well": c["went_well"],
                "work_on": c["work_on"],
            }
            for c in rows
        ]
    }


CONTRIBUTIONS = declare(
    ReviewContribution,
    what="What you wrote in weekly reviews; what the others wrote there while you belonged",
    owner="member",
    erasure=Erasure.DELETED,
    tables=("weekly_reviews",),
    export=contributions,
)
