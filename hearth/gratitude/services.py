"""The rules of thanking someone and keeping a gratitude log."""

from django.db import transaction
from django.utils.translation import gettext as _

from hearth.gratitude.models import Appreciation, GratitudeEntry
from hearth.gratitude.prompts import prompts
from hearth.gratitude.signals import appreciation_sent
from hearth.questions.selection import relationship_today
from hearth.refusals import Refusal
from hearth.relationships.models import Member

MAX_TEXT_LENGTH = 2000


class GratitudeError(Refusal):
    """A gratitude rule said no."""


def check_text(text: str) -> str:
    text = text.strip()
    if not text:
        raise GratitudeError(_("Write a few words first."), field="text")
    if len(text) > MAX_TEXT_LENGTH:
        raise GratitudeError(
            _("Keep it under %(count)s characters.") % {"count": MAX_TEXT_LENGTH}, field="text"
        )
    if "\x00" in text:
        raise GratitudeError(_("That text has a character we can't keep."), field="text")
    return text


def one_of_our_prompts(key: str) -> str:
    """The prompt a line answers, when it is one of ours; any other key (a prompt since retired,
    or made up) is dropped rather than losing the thanks."""
    return key if key in {prompt.key for prompt in prompts()} else ""


@transaction.atomic
def appreciation_send(
    *,
    sender: Member,
    recipient_id: int,
    text: str,
    for_everyone: bool = False,
    prompt_key: str = "",
) -> Appreciation:
    """Thank a current member of the same relationship; they hear of it."""
    if sender.relationship.is_archived:
        raise GratitudeError(_("This relationship is archived. Reopen it to send thanks."))
    recipient = (
        Member.objects.current()
        .filter(relationship_id=sender.relationship_id, pk=recipient_id)
        .exclude(pk=sender.pk)
        .first()
        if 0 < recipient_id < 2**63
        else None
    )
    if recipient is None:
        raise GratitudeError(_("Choose someone else in this relationship."), field="recipient")
    appreciation = Appreciation.objects.create(
        relationship=sender.relationship,
        sender=sender,
        recipient=recipient,
        text=check_text(text),
        for_everyone=for_everyone,
        prompt_key=one_of_our_prompts(prompt_key),
    )
    appreciation_sent.send(sender=Appreciation, appreciation=appreciation)
    return appreciation


def gratitude_note(
    *, member: Member, text: str, shared: bool = False, prompt_key: str = ""
) -> GratitudeEntry:
    """A line in the member's gratitude log, private unless they share it."""
    if member.relationship.is_archived:
        raise GratitudeError(_("This relationship is archived. Reopen it to add to the log."))
    return GratitudeEntry.objects.create(
        member=member,
        text=check_text(text),
        shared=shared,
        prompt_key=one_of_our_prompts(prompt_key),
        date=relationship_today(member.relationship),
    )


def gratitude_entry_delete(*, member: Member, entry_id: int) -> bool:
    """A member can take a line of their own log back."""
    deleted, _rows = GratitudeEntry.objects.filter(member=member, pk=entry_id).delete()
    return bool(deleted)
