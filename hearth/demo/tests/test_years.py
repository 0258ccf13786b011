import pytest
from django.urls import reverse
from django.utils.html import escape

from hearth.checkins.models import CheckIn
from hearth.demo.years import build_years, first_joined
from hearth.questions.models import Prompt
from hearth.questions.selection import relationship_today
from hearth.relationships.models import Member

pytestmark = pytest.mark.django_db


def test_years_of_history_are_a_question_a_day_that_members_answered_and_opened(
    client, ours, alice
):
    Member.objects.filter(relationship=ours).update(
        joined_at=first_joined(60, relationship_today(ours))
    )
    build_years(ours, 60)

    prompts = Prompt.objects.filter(relationship=ours)
    assert prompts.count() == 60
    assert prompts.values("date").distinct().count() == 60
    assert prompts.filter(date__gte=relationship_today(ours)).count() == 0
    for prompt in prompts.filter(revealed_at__isnull=False):
        assert prompt.answers.count() == 2
    assert 30 <= prompts.filter(revealed_at__isnull=False).count() < 60
    assert 30 <= CheckIn.objects.filter(user=alice).count() < 60

    client.force_login(alice)
    journal = client.get(reverse("questions:journal", args=[ours.pk]))
    assert journal.status_code == 200
    revealed = prompts.filter(revealed_at__isnull=False).order_by("-date").first()
    assert revealed is not None
    shown = revealed.answers.order_by("pk")[0]
    assert escape(shown.text) in journal.content.decode()
