"""Reads of the intimacy profile for one member: the draft under way, what the scores mean in
plain words with something to try, and the profiles shared in the relationship side by side."""

from dataclasses import dataclass, replace

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext

from hearth.assessments.instrument import Instrument, Step
from hearth.assessments.models import Assessment, AssessmentDraft
from hearth.assessments.scoring import agreement, band
from hearth.practices.library import Practice
from hearth.practices.selectors import practices_for
from hearth.questions.services import decks_for
from hearth.relationships.models import Member

# Translators: a profile score's band, after "64 of 100:".
BAND_WORDS = {
    "strength": gettext_lazy("a real strength for you"),
    "steady": gettext_lazy("steady"),
    "grow": gettext_lazy("room to grow"),
}


# --- a profile in progress --------------------------------------------------------------------


@dataclass(frozen=True)
class Progress:
    answered: int
    total: int
    step: Step  # where to carry on


def draft_for(member: Member) -> AssessmentDraft | None:
    return AssessmentDraft.objects.filter(member=member).first()


def draft_progress(member: Member, offered: Instrument) -> Progress | None:
    """How far the member's profile in progress has come, and the step to carry on from."""
    draft = draft_for(member)
    if draft is None:
        return None
    keys = [q.key for q in offered.questions]
    step = offered.first_unanswered_step(draft.answers) or offered.steps[-1]
    answered = sum(1 for key in keys if key in draft.answers)
    return Progress(answered=answered, total=len(keys), step=step)


def step_to_show(offered: Instrument, draft: AssessmentDraft | None, asked: str | None) -> Step:
    """The step asked for, when there is one by that number; otherwise the first with a
    statement still unanswered, so a person picks up where they left off."""
    steps = offered.steps
    if asked and asked.isdigit() and 1 <= int(asked) <= len(steps):
        return steps[int(asked) - 1]
    if draft is None:
        return steps[0]
    return offered.first_unanswered_step(draft.answers) or steps[-1]


# --- what the scores mean -------------------------------------------------------------------


@dataclass(frozen=True)
class Suggestion:
    kind: str  # "deck" or "practice"
    key: str
    title: str
    why: str
    url: str
    minutes: int | None = None


@dataclass(frozen=True)
class ScaleMeaning:
    key: str
    title: str
    score: float
    band: str
    band_words: str
    meaning: str
    suggestion: Suggestion | None = None


def latest_own(member: Member) -> Assessment | None:
    return member.assessments.first()


def profile_meanings(
    member: Member, assessment: Assessment, offered: Instrument
) -> list[ScaleMeaning]:
    """Each offered scale of a profile: the score, its band in plain words and what it means;
    the lower-scoring scales each with a question deck or a practice to try."""
    meanings = []
    for scale in offered.scales:
        if scale.key not in assessment.scores:
            continue
        score = float(assessment.scores[scale.key])
        level = band(score)
        meanings.append(
            ScaleMeaning(
                key=scale.key,
                title=scale.title,
                score=score,
                band=level,
                band_words=str(BAND_WORDS[level]),
                meaning=scale.meaning(level),
            )
        )
    suggestions = suggestions_for(member, lower_scoring(meanings, offered))
    return [replace(m, suggestion=suggestions.get(m.key)) for m in meanings]


def lower_scoring(meanings: list[ScaleMeaning], offered: Instrument) -> list[str]:
    """The scales with room to grow, lowest first; when none has, the lowest steady one. The
    overall scale is left out: what helps it is what helps the others."""
    kinds = {s.key: s.kind for s in offered.scales}
    candidates = sorted(
        (m for m in meanings if kinds.get(m.key) != "overall" and m.band != "strength"),
        key=lambda m: (m.score, m.key),
    )
    growing = [m.key for m in candidates if m.band == "grow"]
    return growing or [m.key for m in candidates[:1]]


def suggestions_for(member: Member, scales: list[str]) -> dict[str, Suggestion]:
    """One thing to try for each scale, different for each: a practice made for the scale
    first, then a question deck serving it, then a practice that serves it among others. Only
    practices and decks this relationship may see (kind, phase, boundaries and consent)."""
    if not scales:
        return {}
    relationship = member.relationship
    practices = practices_for(relationship)
    decks = decks_for(relationship)
    used: set[str] = set()
    chosen: dict[str, Suggestion] = {}
    for scale in scales:
        candidates = [
            *(
                practice_suggestion(member, p)
                for p in practices
                if p.dimensions and p.dimensions[0] == scale
            ),
            *(
                Suggestion(
                    kind="deck",
                    key=d.key,
                    title=d.localized_title,
                    why=d.localized_description,
                    url=reverse("questions:decks", args=[member.relationship_id])
                    + f"#deck-{d.key}",
                )
                for d in decks
                if scale in d.dimensions
            ),
            *(practice_suggestion(member, p) for p in practices if scale in p.dimensions[1:]),
        ]
        found = next((c for c in candidates if f"{c.kind}:{c.key}" not in used), None)
        if found is not None:
            used.add(f"{found.kind}:{found.key}")
            chosen[scale] = found
    return chosen


def practice_suggestion(member: Member, practice: Practice) -> Suggestion:
    return Suggestion(
        kind="practice",
        key=practice.key,
        title=practice.title,
        why=practice.why,
        url=reverse("practices:practice", args=[member.relationship_id, practice.key]),
        minutes=practice.minutes,
    )


# --- side by side ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Row:
    key: str
    title: str
    cells: list[tuple[str, float | None]]  # name and score, in the order of SideBySide.people
    together: str  # in plain words; "" when fewer than two have a score


@dataclass
class SideBySide:
    scales: list[tuple[str, str]]  # key, title
    people: list[tuple[Member, Assessment]]
    agreement: dict[str, str]
    rows: list[Row]
    names: list[str]  # "You" for the asking member
    you: str = ""  # the asking member's name in a sentence ("You" in English)


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
    scales = [(k, t) for k, t in titles.items() if any(k in a.scores for _m, a in people)]
    verdict: dict[str, str] = {}
    if len(people) == 2:
        verdict = agreement(people[0][1].scores, people[1][1].scores)
    elif len(people) > 2:
        # In a group, a scale counts as seen alike when everyone is within range of everyone.
        for key, _title in scales:
            pairs = [
                agreement({key: a.scores[key]}, {key: b.scores[key]}).get(key)
                for i, (_m, a) in enumerate(people)
                for _n, b in people[i + 1 :]
                if key in a.scores and key in b.scores
            ]
            if pairs:
                verdict[key] = "agree" if all(p == "agree" for p in pairs) else "differ"
    # Translators: the asking person, heading their column of scores.
    you = _("You")
    # Translators: the asking person among others in a sentence: "You and Sam see this alike."
    you_in_a_sentence = pgettext("among names in a sentence", "You")
    names = [you if m.pk == member.pk else m.display_name for m, _a in people]
    in_sentences = [you_in_a_sentence if m.pk == member.pk else m.display_name for m, _a in people]
    rows = []
    for key, title in scales:
        scores = [float(a.scores[key]) if key in a.scores else None for _m, a in people]
        cells = list(zip(names, scores, strict=True))
        scored = [
            (name, score)
            for name, score in zip(in_sentences, scores, strict=True)
            if score is not None
        ]
        words = together_words(scored, verdict[key]) if key in verdict else ""
        rows.append(Row(key=key, title=title, cells=cells, together=words))
    return SideBySide(
        scales=scales, people=people, agreement=verdict, rows=rows, names=names, you=you
    )


def names_listed(names: list[str]) -> str:
    """ "Sam", "Sam and Alex", "Sam, Alex and Kim"."""
    if len(names) < 2:
        return "".join(names)
    # Translators: the end of a list of people, "Sam, Alex and Kim".
    return _("%(names)s and %(last)s") % {"names": ", ".join(names[:-1]), "last": names[-1]}


def together_words(scored: list[tuple[str, float]], verdict: str) -> str:
    """Where people agree or differ on a scale, in plain words."""
    who = {"who": names_listed([n for n, _score in scored])}
    if verdict != "agree":
        return (
            _("%(who)s see this differently. Ask each other how it looks from where you stand.")
            % who
        )
    bands = {band(score) for _name, score in scored}
    if bands == {"strength"}:
        return _("%(who)s see this alike: a shared strength.") % who
    if bands == {"grow"}:
        return _("%(who)s see this alike: room to grow, together.") % who
    return _("%(who)s see this alike.") % who
