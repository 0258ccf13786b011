"""Everything a person puts into Hearth, through every feature, comes out in their export, and is
gone from the database (rows and files) once they delete their account; the others' words stay."""

import io
import json
import zipfile
from datetime import timedelta
from typing import Any

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.contrib.admin.models import ADDITION, LogEntry
from django.urls import reverse
from django.utils import timezone

from hearth.accounts.tests.factories import PASSWORD
from hearth.checkins.services import person_today
from hearth.personal_data import Erasure, entries
from hearth.privacy.people import person_of
from hearth.questions.models import Answer, Response
from hearth.questions.tests.factories import give_options, todays_prompt
from hearth.relationships.models import Relationship
from hearth.tests import api
from hearth.tests.scans import database_bytes, every_stored_value

# Words only this person wrote: stored plainly (also looked for in the database files) …
PLAIN = ["Robin-4410", "they-8812", "bob@example.com", "token-name-3301"]
SECRET = "TOTPSECRET5521"  # a two-factor secret: never exported, gone after deletion
# … and encrypted at rest (looked for in every decrypted value).
ENCRYPTED = [
    "bob-answer-2231",
    "bob-reply-8890",
    "bob-question-4452",
    "bob-note-6620",
    "bob-plan-note-7711",
    "bob-reflection-5541",
    "bob-thanks-9921",
    "bob-gratitude-3315",
    "bob-went-well-6402",
]
# A device's public key (a point on P-256, as a browser gives it).
DEVICE_KEY = (
    "BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM"
)


class Caller(api.Caller):
    """The shared API caller, called directly: it insists on success and returns the JSON."""

    def __call__(self, method: str, url: str, body: dict | None = None) -> Any:
        response = self.call(method, url, body)
        assert response.status_code < 300, (url, response.content)
        return response.json() if response.content else None


def plant_everything(client: Any, ours: Relationship, alice: Any, bob: Any, charlie: Any) -> None:
    as_alice, as_bob, as_charlie = (
        Caller(client, alice),
        Caller(client, bob),
        Caller(client, charlie),
    )
    base = f"/api/relationships/{ours.pk}"
    as_bob("PATCH", "/api/me", {"display_name": "Robin-4410", "pronouns": "they-8812"})
    EmailAddress.objects.create(user=bob, email=bob.email, verified=True, primary=True)
    Authenticator.objects.create(user=bob, type="totp", data={"secret": SECRET})
    LogEntry.objects.create(user=bob, action_flag=ADDITION, object_repr="a change")
    as_bob("POST", "/api/tokens", {"name": "token-name-3301"})
    quiet = {"push": True, "email": "digest", "quiet_start": "21:30", "quiet_end": "07:15"}
    as_bob("PUT", "/api/me/delivery", quiet)
    device = {
        "endpoint": "https://push.example.net/wpush/v2/bob-device-5518",
        "keys": {"p256dh": DEVICE_KEY, "auth": "c2VjcmV0LTE2LWJ5dGVzIQ"},
    }
    as_bob("POST", "/api/push/subscriptions", device)
    reminder = {"at": "07:40", "days": ["monday", "friday"], "to_devices": True, "by_email": True}
    as_bob("PUT", "/api/me/checkin-reminder", reminder)

    invitation = as_bob("POST", f"{base}/invitations")
    as_charlie("POST", "/api/invitations/accept", {"code": invitation["code"]})

    prompt = give_options(todays_prompt(ours))
    url = f"{base}/prompts/{prompt.pk}"
    alices_place = ours.memberships.get(user=alice).pk
    as_bob("POST", f"{url}/guesses", {"about_member_id": alices_place, "choice": 0})
    as_alice("PUT", f"{url}/answer", {"text": "alice-answer-1100", "choice": 1})
    as_charlie("PUT", f"{url}/answer", {"text": "charlie-answer-3390", "choice": 0})
    bobs_place = ours.memberships.get(user=bob).pk
    as_alice("POST", f"{url}/nudges", {"member_id": bobs_place})
    opened = as_bob("PUT", f"{url}/answer", {"text": "bob-answer-2231", "choice": 0})
    assert opened["revealed"]
    alices = next(a for a in opened["answers"] if a["text"] == "alice-answer-1100")
    bobs = opened["my_answer"]
    as_bob("POST", f"{base}/answers/{alices['id']}/reactions", {"kind": "thanks"})
    as_bob("POST", f"{base}/answers/{alices['id']}/replies", {"text": "bob-reply-8890"})
    as_alice("POST", f"{base}/answers/{bobs['id']}/replies", {"text": "alice-reply-stays"})
    as_bob("PUT", f"{base}/answers/{bobs['id']}/felt-understood", {"rating": 6})

    question = "bob-question-4452: what would we plan for a free day?"
    as_bob("POST", f"{base}/questions", {"text": question, "category": "memories", "depth": 1})
    as_bob("PUT", "/api/me/boundaries", {"categories": ["family_roots"]})
    as_bob("PUT", f"{base}/preferences", {"depth_cap": 2, "sexual_content_consent": True})
    as_bob("PUT", f"{base}/reminders", {**reminder, "nudges_welcome": False})
    deck = as_bob("GET", f"{base}/decks")[0]["key"]
    as_bob("POST", f"{base}/sittings", {"deck": deck})

    as_bob(
        "PUT",
        f"/api/checkins/{person_today(bob).isoformat()}",
        {
            "mood": 2,
            "stress": 4,
            "sleep_hours": "6.5",
            "systolic": 121,
            "diastolic": 79,
            "note": "bob-note-6620",
            "support_wanted": True,
            "relationships": [{"relationship_id": ours.pk, "closeness": 5, "share_support": True}],
        },
    )
    items = as_bob("GET", f"{base}/profile/items")["items"]
    as_bob("POST", f"{base}/profiles", {"answers": {i["key"]: 5 for i in items}, "shared": True})
    as_bob("PUT", f"{base}/profile/draft", {"answers": {items[0]["key"]: 3}, "shared": False})

    practice = as_bob("GET", f"{base}/practices")[0]["key"]
    soon = (timezone.now() + timedelta(hours=2)).isoformat()
    plan = {"practice_key": practice, "starts_at": soon, "note": "bob-plan-note-7711"}
    planned = as_bob("POST", f"{base}/plans", plan)
    reflection = {"plan_id": planned["id"], "closeness": 6, "note": "bob-reflection-5541"}
    as_bob("POST", f"{base}/reflections", {**reflection, "shared": True})
    as_bob("POST", "/api/me/calendar")
    as_bob("GET", f"/api/lessons/{as_bob('GET', '/api/lessons')[0]['key']}")
    thanks = {"recipient_id": alices_place, "text": "bob-thanks-9921"}
    as_bob("POST", f"{base}/appreciations", thanks)
    as_bob("POST", f"{base}/gratitude", {"text": "bob-gratitude-3315", "shared": True})
    as_bob("PUT", f"{base}/review", {"went_well": "bob-went-well-6402", "work_on": "more walks"})


@pytest.mark.django_db(transaction=True)
def test_everything_planted_through_every_feature_is_exported_then_erased(
    client, settings, ours, alice, bob, charlie
):
    settings.EMAIL_CAN_SEND = True  # so e-mail can be chosen
    plant_everything(client, ours, alice, bob, charlie)
    person = person_of(bob)
    unplanted = [entry.label for entry in entries() if not entry.rows(person).exists()]
    assert unplanted == [], "plant some of these too, so the test covers every kind of data"

    client.force_login(bob)
    archive = client.post(reverse("privacy:export")).content
    with zipfile.ZipFile(io.BytesIO(archive)) as opened:
        data = json.loads(opened.read("data.json"))
    empty = [t for entry in entries() for t in entry.tables if not data.get(t)]
    assert empty == [], "every kind of data this person has reaches the export"
    exported = json.dumps(data, ensure_ascii=False)
    assert [word for word in PLAIN + ENCRYPTED if word not in exported] == []
    assert SECRET not in exported

    deleted = client.post(
        reverse("privacy:delete"), {"password": PASSWORD, "confirm": "delete my account"}
    )
    assert deleted.status_code == 302

    left = [
        entry.label
        for entry in entries()
        if entry.erasure in (Erasure.WITH_ACCOUNT, Erasure.DELETED) and entry.rows(person).exists()
    ]
    assert left == []
    stored = every_stored_value()
    assert [word for word in [*PLAIN, *ENCRYPTED, SECRET] if word in stored] == []
    on_disk = database_bytes()
    assert [word for word in [*PLAIN, SECRET] if word.encode() in on_disk] == []

    assert "alice-answer-1100" in {a.text for a in Answer.objects.all()}
    assert "alice-reply-stays" in {r.text for r in Response.objects.all()}
