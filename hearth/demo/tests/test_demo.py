from datetime import timedelta

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from hearth.accounts.models import User
from hearth.assessments.models import Assessment
from hearth.assessments.services import instrument_for
from hearth.checkins.models import CheckIn
from hearth.demo.world import DEMO_PASSWORD
from hearth.gratitude.models import Appreciation
from hearth.practices.models import Plan, Reflection
from hearth.questions.models import Answer, Prompt, Response
from hearth.questions.selection import relationship_today
from hearth.relationships.models import Invitation, Relationship
from hearth.reviews.models import WeeklyReview

pytestmark = pytest.mark.django_db


def test_the_demo_gives_a_newcomer_a_living_app():
    call_command("demo")
    assert User.objects.count() == 5
    kinds = set(Relationship.objects.values_list("kind", flat=True))
    assert kinds == {"romantic", "friendship", "family"}
    assert Relationship.objects.filter(archived_at__isnull=False).count() == 1
    assert Invitation.objects.filter(accepted_at__isnull=False).count() >= 4

    oldest = Relationship.objects.earliest("created_at")
    assert oldest.created_at <= timezone.now() - timedelta(days=90)

    couple = Relationship.objects.get(name="Alex & Sam")
    shared = Prompt.objects.filter(relationship=couple, revealed_at__isnull=False)
    assert shared.count() >= 50
    assert shared.earliest("date").date <= (timezone.now() - timedelta(days=85)).date()
    assert Response.objects.filter(answer__prompt__relationship=couple).count() >= 50
    assert Answer.objects.filter(felt_understood__isnull=False).count() >= 50
    waiting = Prompt.objects.get(relationship=couple, date=relationship_today(couple))
    assert waiting.revealed_at is None and waiting.answers.count() == 1

    assert CheckIn.objects.filter(user__email="alex@example.com").count() >= 60
    assert Assessment.objects.filter(shared=True).count() >= 4
    for profile in Assessment.objects.select_related("member__relationship"):
        offered = {q.key for q in instrument_for(profile.member).questions}
        assert set(profile.answers) == offered, "the demo's profiles answer every statement"
    assert Assessment.objects.earliest("taken_at").taken_at <= timezone.now() - timedelta(days=60)

    assert Reflection.objects.filter(member__relationship=couple).count() >= 30
    assert Plan.objects.filter(relationship=couple).earliest("starts_at").starts_at <= (
        timezone.now() - timedelta(days=80)
    )
    assert Plan.objects.filter(relationship=couple, starts_at__gt=timezone.now()).exists()
    assert Appreciation.objects.filter(relationship=couple).count() >= 15
    assert WeeklyReview.objects.filter(relationship=couple).count() >= 6

    client = Client()
    assert client.login(email="alex@example.com", password=DEMO_PASSWORD)
    today = client.get(f"/r/{couple.pk}/today/").content.decode()
    assert "What to do next" in today
    page = client.get("/relationships/").content.decode()
    assert "Alex &amp; Sam" in page and "Thursday climbers" in page
    insights = client.get(f"/r/{couple.pk}/insights/").content.decode()
    assert "95% interval" in insights


def test_loading_twice_changes_nothing_and_a_reset_rebuilds_leaving_real_people_alone(
    alice, capsys
):
    call_command("demo")
    call_command("demo")
    assert "already loaded" in capsys.readouterr().out
    assert User.objects.count() == 6
    call_command("demo", reset=True)
    assert User.objects.count() == 6
    assert Relationship.objects.count() == 4
    assert User.objects.filter(pk=alice.pk).exists()


def test_the_demo_has_notifications_waiting_and_some_already_seen():
    call_command("demo")
    from hearth.notifications.models import Notification

    couple = Relationship.objects.get(name="Alex & Sam")
    waiting = Prompt.objects.get(relationship=couple, date=relationship_today(couple))
    not_yet = couple.memberships.exclude(answers__prompt=waiting).get().user
    assert not_yet is not None
    assert Notification.objects.filter(recipient=not_yet, kind="your_turn", read_at=None).exists()
    assert Notification.objects.filter(read_at__isnull=False).exists()
    client = Client()
    assert client.login(email=not_yet.email, password=DEMO_PASSWORD)
    assert "answered. Your turn" in client.get("/notifications/").content.decode()
