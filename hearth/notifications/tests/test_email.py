"""E-mail: a short mail for each notification, or one a day listing what is new and unread; each
with a one-click way to stop them that needs no sign-in; and, on a Hearth that can't send mail,
no mail at all and no offer of it."""

import datetime as dt
import json
from zoneinfo import ZoneInfo

import pytest
from django.core import signing
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from hearth.notifications import email, services
from hearth.notifications.clock import in_quiet_hours, next_local_time
from hearth.notifications.models import DeliveryPreferences, Notification
from hearth.notifications.services import delivery_preferences_set
from hearth.questions.tests.factories import answer_as, todays_prompt
from hearth.questions.tests.test_api import Caller
from hearth.tests.tasks import run_ready_tasks, waiting_tasks

pytestmark = pytest.mark.django_db

SECRET_ANSWER = "a-picnic-under-the-cedar-4417"
SITE = "https://hearth.example.org"


@pytest.fixture
def can_send(settings):
    settings.EMAIL_CAN_SEND = True
    settings.SITE_URL = SITE


def choose(user, mail, quiet=(dt.time(0), dt.time(0))):
    return delivery_preferences_set(
        user=user, push=True, email=mail, quiet_start=quiet[0], quiet_end=quiet[1]
    )


def alice_answers(ours, alice, capture):
    with capture(execute=True):
        return answer_as(ours.memberships.get(user=alice), todays_prompt(ours), SECRET_ANSWER)


# --- one for each ----------------------------------------------------------------------------


def test_each_notification_becomes_one_short_mail_with_a_link_and_a_one_click_stop(
    can_send, ours, alice, bob, mailoutbox, django_capture_on_commit_callbacks
):
    choose(bob, "each")
    alice_answers(ours, alice, django_capture_on_commit_callbacks)
    assert run_ready_tasks() == ["delivered"]

    (mail,) = mailoutbox
    assert mail.to == ["bob@example.com"]
    assert mail.subject == "Alice answered. Your turn, whenever you're ready."
    assert "Hello Bob," in mail.body
    assert f"{SITE}{todays_prompt(ours).get_absolute_url()}" in mail.body
    assert SECRET_ANSWER not in mail.body + mail.subject
    stop = f"{SITE}{reverse('notifications:email_stop', args=[email.stop_token(bob)])}"
    assert mail.extra_headers["List-Unsubscribe"] == f"<{stop}>"
    assert mail.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert stop in mail.body
    assert f"{SITE}/settings/reaching-out/" in mail.body
    assert "<img" not in mail.message().as_string()


def test_no_mail_for_what_was_already_seen_in_the_app(
    can_send, client, ours, alice, bob, mailoutbox, django_capture_on_commit_callbacks
):
    choose(bob, "each")
    alice_answers(ours, alice, django_capture_on_commit_callbacks)
    client.force_login(bob)
    client.get(todays_prompt(ours).get_absolute_url())
    assert run_ready_tasks() == ["already seen in the app"]
    assert mailoutbox == []


def test_a_mail_server_that_is_down_is_tried_again(
    can_send, settings, ours, alice, bob, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 2
    choose(bob, "each")
    alice_answers(ours, alice, django_capture_on_commit_callbacks)
    assert run_ready_tasks() == ["will try again"]


# --- one a day -------------------------------------------------------------------------------


def test_choosing_one_a_day_queues_it_for_the_evening_in_the_persons_own_time_zone(can_send, bob):
    bob.time_zone = "America/Chicago"
    bob.save()
    choose(bob, "digest")
    choose(bob, "digest")  # saving again doesn't queue another
    (queued,) = waiting_tasks()
    zone = ZoneInfo("America/Chicago")
    assert queued.run_after == next_local_time(queued.enqueued_at, zone, email.DIGEST_AT)
    assert queued.run_after.astimezone(zone).time() == dt.time(18, 0)


def test_the_daily_mail_waits_for_quiet_hours_to_end(can_send, bob):
    choose(bob, "digest", quiet=(dt.time(17), dt.time(9)))
    (queued,) = waiting_tasks()
    zone = ZoneInfo(bob.time_zone)
    assert queued.run_after.astimezone(zone).time() == dt.time(9, 0)
    assert not in_quiet_hours(queued.run_after, zone, dt.time(17), dt.time(9))


def run_the_daily_mail_now() -> list[object]:
    DBTaskResult.objects.filter(status="READY").update(run_after=timezone.now())
    return run_ready_tasks()


def test_the_daily_mail_lists_what_is_new_and_unread_then_queues_tomorrows(
    can_send, ours, alice, bob, mailoutbox, django_capture_on_commit_callbacks
):
    choose(bob, "digest")
    alice_answers(ours, alice, django_capture_on_commit_callbacks)
    assert run_ready_tasks() == [], "no mail of its own for someone who takes one a day"

    assert run_the_daily_mail_now() == ["sent"]
    (mail,) = mailoutbox
    assert mail.to == ["bob@example.com"]
    assert mail.subject == "Alice answered. Your turn, whenever you're ready."
    assert "Alice & Bob: Alice answered. Your turn, whenever you're ready." in mail.body
    assert f"{SITE}{todays_prompt(ours).get_absolute_url()}" in mail.body
    assert SECRET_ANSWER not in mail.body
    assert mail.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"

    (tomorrow,) = waiting_tasks()
    assert tomorrow.run_after > timezone.now() + dt.timedelta(hours=1)
    assert run_the_daily_mail_now() == ["nothing new is waiting"], "each thing in one mail only"
    assert len(mailoutbox) == 1
    assert len(waiting_tasks()) == 1, "and the next day's is queued all the same"


def test_the_daily_mail_gathers_several_and_leaves_out_what_was_read(
    can_send, ours, theirs, alice, bob, mailoutbox
):
    choose(bob, "digest")
    for n in range(3):
        services.notify(
            recipients=[bob],
            kind=Notification.Kind.JOINED,
            key=f"joined:test-{n}",
            url=f"/r/{ours.pk}/",
            relationship=ours,
            actor=ours.memberships.get(user=alice),
        )
    Notification.objects.filter(key="joined:test-2").update(read_at=timezone.now())
    assert run_the_daily_mail_now() == ["sent"]
    (mail,) = mailoutbox
    assert mail.subject == "2 things are waiting for you in Hearth"
    assert mail.body.count("Alice joined Alice & Bob.") == 2


def test_nothing_is_sent_when_nothing_is_unread(can_send, bob, mailoutbox):
    choose(bob, "digest")
    assert run_the_daily_mail_now() == ["nothing new is waiting"]
    assert mailoutbox == []


def test_a_daily_mail_left_over_after_turning_it_off_sends_nothing_and_ends(
    can_send, ours, alice, bob, mailoutbox
):
    choose(bob, "digest")
    services.notify(recipients=[bob], kind="joined", key="joined:x", url="/", relationship=ours)
    choose(bob, "each")
    assert run_the_daily_mail_now() == ["turned off"]
    assert mailoutbox == []
    assert waiting_tasks() == []


def test_scheduling_the_daily_mails_again_is_safe_to_repeat(can_send, alice, bob, capsys):
    from django.core.management import call_command

    choose(bob, "digest")
    DeliveryPreferences.objects.create(user=alice, email="digest")  # as if from a backup
    call_command("schedule_digests")
    call_command("schedule_digests")
    assert sorted(t.args_kwargs["args"][0] for t in waiting_tasks()) == sorted([alice.pk, bob.pk])
    assert "Daily e-mails in order." in capsys.readouterr().out


def test_two_queued_daily_mails_for_one_person_become_one(can_send, ours, bob, mailoutbox):
    choose(bob, "digest")
    email.digest_send.enqueue(bob.pk, timezone.now().isoformat(), 1)  # say, a restore
    services.notify(recipients=[bob], kind="joined", key="joined:x", url="/", relationship=ours)
    assert sorted(map(str, run_the_daily_mail_now())) == ["another one is queued", "sent"]
    assert len(mailoutbox) == 1
    assert len(waiting_tasks()) == 1


# --- stopping e-mail by the link -------------------------------------------------------------


@pytest.fixture
def stop_url(bob):
    return reverse("notifications:email_stop", args=[email.stop_token(bob)])


def test_the_link_asks_first_without_signing_in(can_send, client, bob, stop_url):
    choose(bob, "each")
    page = client.get(stop_url)
    assert page.status_code == 200
    assert "Stop e-mail from Hearth?" in page.content.decode()
    assert DeliveryPreferences.objects.get(user=bob).email == "each", "opening it changes nothing"


def test_the_button_stops_all_e_mail_without_signing_in(can_send, bob, stop_url):
    choose(bob, "digest")
    strict = Client(enforce_csrf_checks=True)
    done = strict.post(stop_url)
    assert done.status_code == 200
    assert "E-mail is off" in done.content.decode()
    assert DeliveryPreferences.objects.get(user=bob).email == "off"


def test_a_mail_program_stops_it_in_one_click(can_send, bob, stop_url, mailoutbox):
    choose(bob, "each")
    one_click = Client(enforce_csrf_checks=True).post(
        stop_url,
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert one_click.status_code == 200
    assert DeliveryPreferences.objects.get(user=bob).email == "off"


@pytest.mark.parametrize(
    "token",
    [
        "changed",
        "tampered",
        "someone else's",
        "another Hearth's",
        "another purpose",
    ],
)
def test_a_changed_or_foreign_link_is_refused_kindly(can_send, client, alice, bob, token):
    choose(alice, "each")
    real = email.stop_token(alice)
    forged = {
        "changed": real[:-2] + ("AA" if not real.endswith("AA") else "BB"),
        "tampered": f"{bob.pk}:{real.split(':', 1)[1]}",
        "someone else's": f"{bob.pk}",
        "another Hearth's": signing.Signer(key="another-secret", salt=email.STOP_SALT).sign(
            str(alice.pk)
        ),
        "another purpose": signing.Signer(salt="something else").sign(str(alice.pk)),
    }[token]
    for method in (client.get, client.post):
        response = method(reverse("notifications:email_stop", args=[forged]))
        assert response.status_code == 400
        assert "This link doesn't work" in response.content.decode().replace("&#x27;", "'")
    assert DeliveryPreferences.objects.get(user=alice).email == "each"


def test_a_link_for_an_account_that_is_gone_is_a_kind_404(can_send, client, bob, stop_url):
    from hearth.privacy.deletion import account_delete

    account_delete(user=bob)
    response = client.post(stop_url)
    assert response.status_code == 404
    assert "Nothing to stop" in response.content.decode()


# --- a Hearth that can't send mail -----------------------------------------------------------


def test_without_mail_nothing_is_sent_or_queued_even_for_an_old_choice(
    settings, ours, alice, bob, mailoutbox, django_capture_on_commit_callbacks
):
    settings.EMAIL_CAN_SEND = False
    DeliveryPreferences.objects.create(
        user=bob, email="each", quiet_start=dt.time(0), quiet_end=dt.time(0), push=False
    )
    alice_answers(ours, alice, django_capture_on_commit_callbacks)
    assert waiting_tasks() == []
    DeliveryPreferences.objects.filter(user=bob).update(email="digest")
    email.digest_send.enqueue(bob.pk, (timezone.now() - dt.timedelta(days=1)).isoformat(), 1)
    assert run_the_daily_mail_now() == ["this Hearth can't send e-mail"]
    assert mailoutbox == []


def test_without_mail_the_page_says_so_and_offers_no_e_mail(settings, client, bob):
    settings.EMAIL_CAN_SEND = False
    client.force_login(bob)
    page = client.get(reverse("notifications:preferences")).content.decode()
    assert "This Hearth can't send e-mail" in page
    assert 'name="email"' not in page
    saved = client.post(
        reverse("notifications:preferences"),
        {"push": "on", "quiet": "on", "quiet_start": "22:00", "quiet_end": "07:00"},
    )
    assert saved.status_code == 302
    preferences = DeliveryPreferences.objects.get(user=bob)
    assert (preferences.email, preferences.quiet_end) == ("off", dt.time(7))


def test_with_mail_the_page_offers_it_to_the_persons_address(can_send, client, bob):
    client.force_login(bob)
    page = client.get(reverse("notifications:preferences")).content.decode()
    assert 'name="email"' in page
    assert "To bob@example.com." in page
    assert "This Hearth can't send e-mail" not in page


def test_without_mail_the_api_refuses_turning_e_mail_on_and_says_why(settings, client, bob):
    settings.EMAIL_CAN_SEND = False
    body = {"push": True, "email": "each", "quiet_start": "22:00", "quiet_end": "07:00"}
    response = Caller(client, bob).call("PUT", "/api/me/delivery", body)
    assert response.status_code == 400
    assert "can't send e-mail" in json.loads(response.content)["detail"]
    assert DeliveryPreferences.objects.get(user=bob).email == "off"
    body["email"] = "off"
    assert Caller(client, bob).call("PUT", "/api/me/delivery", body).status_code == 200
