from dataclasses import dataclass

from hearth.assessments.models import Assessment
from hearth.assessments.scoring import agreement
from hearth.relationships.models import Member


@dataclass
class SideBySide:
    scales: list[tuple[str, str]]  # key, title
    people: list[tuple[Member, Assessment]]
    agreement: dict[str, str]


def latest_shared(member: Member) -> list[tuple[Member, Assessment]]:
    """Each current member's latest profile they shared (yours too, shared or not)."""
    members = (
        Member.objects.current()
        .filter(relationship_id=member.relationship_id)
        .select_related("user")
    )
    result = []
    for m in members:
        taken = m.assessments.all() if m.pk == member.pk else m.assessments.filter(shared=True)
        latest = taken.first()
        if latest is not None:
            result.append((m, latest))
    return result


def side_by_side(member: Member, titles: dict[str, str]) -> SideBySide:
    people = latest_shared(member)
    scales = [(k, t) for k, t in titles.items() if any(k in a.scores for _, a in people)]
    verdict: dict[str, str] = {}
    if len(people) == 2:
        verdict = agreement(people[0][1].scores, people[1][1].scores)
    elif len(people) > 2:
        # In a group, a scale counts as seen alike when everyone is within range of everyone.
        for key, _ in scales:
            pairs = [
                agreement({key: a.scores[key]}, {key: b.scores[key]}).get(key)
                for i, (_, a) in enumerate(people)
                for _, b in people[i + 1 :]
                if key in a.scores and key in b.scores
            ]
            if pairs:
                verdict[key] = "agree" if all(p == "agree" for p in pairs) else "differ"
    return SideBySide(scales=scales, people=people, agreement=verdict)
