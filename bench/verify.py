"""After the crash: look in the database for every write the server acknowledged."""

import json
from pathlib import Path

from hearth.checkins.models import CheckIn
from hearth.questions.models import Answer


def verify(acknowledged_file: Path) -> dict[str, int]:
    acks = json.loads(acknowledged_file.read_text())
    wanted = {(a["prompt"], a["text"]) for a in acks["answers"]}
    stored = {
        (answer.prompt_id, answer.text)
        for answer in Answer.objects.filter(prompt_id__in={p for p, _ in wanted})
    }
    answers_found = len(wanted & stored)
    checkins_found = 0
    for checkin in acks["checkins"]:
        row = CheckIn.objects.filter(user__email=checkin["email"], date=checkin["day"]).first()
        if row is not None and row.note in {checkin["note"], *checkin["unanswered"]}:
            checkins_found += 1
    acknowledged = len(wanted) + len(acks["checkins"])
    found = answers_found + checkins_found
    return {
        "acknowledged": acknowledged,
        "acknowledged_answers": len(wanted),
        "acknowledged_checkin_writes": acks["checkin_writes"],
        "checkin_days_checked": len(acks["checkins"]),
        "found": found,
        "lost": acknowledged - found,
        "refused_while_down": acks["refused"],
        "other_errors": acks["errors"],
        "killed_after_seconds": acks["killed_after_seconds"],
    }
