"""The weekly review: each member adds what went well, one thing to work on gently, and can
thank someone and plan next week's practice in the same step."""

from datetime import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from hearth.gratitude.services import appreciation_send
from hearth.practices.services import plan_make
from hearth.refusals import Refusal
from hearth.relationships.models import Member
from hearth.reviews.models import ReviewContribution, WeeklyReview
from hearth.reviews.selectors import this_week
from hearth.reviews.signals import review_added_to

MAX_TEXT_LENGTH = 2000


class ReviewError(Refusal):
    """A weekly review rule said no."""


def check_text(text: str, field: str) -> str:
    text = text.strip()
    if len(text) > MAX_TEXT_LENGTH:
        raise ReviewError(
            _("Keep it under %(count)s characters.") % {"count": MAX_TEXT_LENGTH}, field=field
        )
    return text


@transaction.atomic
def review_contribute(
    *,
    member: Member,
    went_well: str = "",
    work_on: str = "",
    thank_member_id: int | None = None,
    thanks: str = "",
    practice_key: str = "",
    practice_at: datetime | None = None,
) -> ReviewContribution:
    """Add (or change) the member's part of this week's review. A thank-you and a plan made
    here are a real appreciation and a real plan, under their own rules."""
    if member.relationship.is_archived:
        raise ReviewError(_("This relationship is archived. Reopen it to review the week."))
    went_well, work_on = check_text(went_well, "went_well"), check_text(work_on, "work_on")
    if not (went_well or work_on or thanks.strip() or practice_key):
        raise ReviewError(_("Write at least one thing, or thank someone, or plan something."))
    if bool(thank_member_id) != bool(thanks.strip()):
        raise ReviewError(_("To thank someone, choose who and write a few words."), field="thanks")
    if bool(practice_key) != bool(practice_at):
        raise ReviewError(_("To plan a practice, choose one and a time."), field="practice_at")
    review, _created = WeeklyReview.objects.get_or_create(
        relationship=member.relationship, week_of=this_week(member.relationship)
    )
    contribution, created = ReviewContribution.objects.get_or_create(review=review, member=member)
    contribution.went_well, contribution.work_on = went_well, work_on
    if thank_member_id:
        contribution.appreciation = appreciation_send(
            sender=member, recipient_id=thank_member_id, text=thanks
        )
    if practice_key and practice_at:
        contribution.plan = plan_make(
            member=member, practice_key=practice_key, starts_at=practice_at
        )
    contribution.updated_at = timezone.now()
    contribution.save()
    if created:
        review_added_to.send(sender=ReviewContribution, contribution=contribution)
    return contribution
