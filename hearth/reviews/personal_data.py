"""What a member wrote in weekly reviews, and what the others wrote there while they belonged."""

from hearth.personal_data import Erasure, Person, Tables, declare, own_and_shared
from hearth.reviews.models import ReviewContribution
from hearth.reviews.selectors import contributions_visible_to


def contributions(person: Person) -> Tables:
    details = ("review__relationship", "member__user")
    rows = own_and_shared(person, CONTRIBUTIONS.rows(person), contributions_visible_to, details)
    return {
        "weekly_reviews": [
            {
                "relationship": c.review.relationship.name,
                "week_of": c.review.week_of.isoformat(),
                "author": "me" if person.is_me(c.member_id) else c.member.display_name,
                "went_well": c.went_well,
                "work_on": c.work_on,
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
