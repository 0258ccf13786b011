"""A person's own copy of their data: what they wrote and what was shared with them."""

import csv
import io
import json
import zipfile
from datetime import datetime
from typing import Any

from django.utils import timezone

from hearth.accounts.models import User
from hearth.activity.models import Activity
from hearth.activity.services import activity_record
from hearth.questions.models import Answer, Boundary, Guess, Question, Response
from hearth.relationships.models import Member

FORMAT_VERSION = 1


def when(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def answer_record(answer: Answer, *, mine: bool) -> dict[str, Any]:
    prompt, question = answer.prompt, answer.prompt.question
    return {
        "relationship": prompt.relationship.name,
        "date": prompt.date.isoformat(),
        "question": question.text,
        "category": question.category,
        "author": "me" if mine else answer.member.display_name,
        "text": answer.text,
        "choice": question.choices[answer.choice] if answer.choice is not None else None,
        "felt_understood": answer.felt_understood if mine else None,
        "written_at": when(answer.created_at),
    }


def export_data(user: User) -> dict[str, list[dict[str, Any]]]:
    """Everything the person wrote, plus others' answers and replies revealed to them."""
    members = list(Member.objects.filter(user=user).select_related("relationship"))
    mine = Answer.objects.filter(member__in=members).select_related(
        "prompt__question", "prompt__relationship", "member__user"
    )
    answered_prompts = [a.prompt_id for a in mine]
    shared_with_me = (
        Answer.objects.filter(prompt_id__in=answered_prompts, prompt__revealed_at__isnull=False)
        .exclude(member__in=members)
        .select_related("prompt__question", "prompt__relationship", "member__user")
    )
    visible_answers = [*mine, *shared_with_me]
    responses = Response.objects.filter(answer__in=visible_answers).select_related(
        "member__user", "answer__prompt__relationship"
    )
    return {
        "profile": [
            {
                "email": user.email,
                "display_name": user.display_name,
                "pronouns": user.pronouns,
                "time_zone": user.time_zone,
                "joined": when(user.date_joined),
                "confirmed_adult_at": when(user.confirmed_adult_at),
            }
        ],
        "memberships": [
            {
                "relationship": m.relationship.name,
                "kind": m.relationship.kind,
                "phase": m.relationship.phase,
                "joined_at": when(m.joined_at),
                "left_at": when(m.left_at),
                "depth_cap": m.depth_cap,
                "sexual_content_consent": m.sexual_content_consent,
            }
            for m in members
        ],
        "my_answers": [answer_record(a, mine=True) for a in mine],
        "answers_shared_with_me": [answer_record(a, mine=False) for a in shared_with_me],
        "responses": [
            {
                "relationship": r.answer.prompt.relationship.name,
                "on_answer_by": "me"
                if r.answer.member_id in {m.pk for m in members}
                else (r.answer.member.display_name),
                "author": "me" if r.member.user_id == user.pk else r.member.display_name,
                "kind": r.get_kind_display(),
                "text": r.text,
                "written_at": when(r.created_at),
            }
            for r in responses
        ],
        "my_questions": [
            {
                "relationship": q.relationship.name if q.relationship else "",
                "text": q.text,
                "category": q.category,
                "depth": q.depth,
            }
            for q in Question.objects.filter(author=user).select_related("relationship")
        ],
        "my_guesses": [
            {"about": g.about.display_name, "question": g.prompt.question.text, "guess": g.choice}
            for g in Guess.objects.filter(guesser__in=members).select_related(
                "about__user", "prompt__question"
            )
        ],
        "boundaries": [{"category": b.category} for b in Boundary.objects.filter(user=user)],
        "activity": [
            {"when": when(a.created_at), "what": a.get_kind_display(), "detail": a.detail}
            for a in Activity.objects.filter(user=user)
        ],
    }


def export_archive(user: User) -> bytes:
    """One zip: data.json with everything, and one CSV per table for spreadsheets."""
    data = export_data(user)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "data.json",
            json.dumps(
                {"format": FORMAT_VERSION, "exported_at": when(timezone.now()), **data},
                indent=2,
                ensure_ascii=False,
            ),
        )
        for table, rows in data.items():
            archive.writestr(f"{table}.csv", to_csv(rows))
    activity_record(user=user, kind=Activity.Kind.EXPORTED)
    return buffer.getvalue()


def to_csv(rows: list[dict[str, Any]]) -> str:
    out = io.StringIO()
    if rows:
        writer = csv.DictWriter(out, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return out.getvalue()
