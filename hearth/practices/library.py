"""The practice library: things to do together (or alone), read from content/practices/."""

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.conf import settings
from django.utils.translation import gettext_lazy

from hearth.content import ContentError, grouped_items, kinds_and_phases, some_of, strings

# A practice category, and the question category whose boundary also keeps it away.
CATEGORIES = {
    "emotional": "emotional",
    "physical_affection": "physical_affection",
    "sexual": "sexual",
    "spiritual": "spiritual_values",
    "gratitude": "gratitude",
    "grounding": "support_stress",
    "repair": "communication",
    "play": "recreational",
}
CATEGORY_TITLES = {
    "emotional": gettext_lazy("Emotional connection"),
    "physical_affection": gettext_lazy("Affection and touch"),
    "sexual": gettext_lazy("Sexual intimacy"),
    "spiritual": gettext_lazy("Meaning and ritual"),
    "gratitude": gettext_lazy("Gratitude"),
    "grounding": gettext_lazy("Calm and grounding"),
    "repair": gettext_lazy("Talking and repair"),
    "play": gettext_lazy("Fun and dates"),
}
# The intimacy profile's scales: what a practice can serve.
DIMENSIONS = (
    "emotional",
    "physical_affection",
    "sexual",
    "spiritual",
    "intellectual",
    "recreational",
    "trust",
    "communication",
    "feeling_valued",
)
MODES = ("together", "solo", "either")
PLACES = ("anywhere", "home", "outside", "apart")
COSTS = ("free", "low", "some")
PRACTICE_KEYS = {
    "id", "title", "why", "minutes", "mode", "kinds", "phases", "dimensions",
    "place", "cost", "materials", "flags", "steps",
}  # fmt: skip
STEP_KEYS = {"text", "seconds"}


@dataclass(frozen=True)
class Step:
    text: str
    seconds: int | None = None


@dataclass(frozen=True)
class Practice:
    key: str
    title: str
    why: str
    category: str
    minutes: int
    mode: str
    kinds: tuple[str, ...]
    phases: tuple[str, ...]
    dimensions: tuple[str, ...]
    place: str
    cost: str
    materials: tuple[str, ...]
    steps: tuple[Step, ...]
    flags: tuple[str, ...] = ()

    @property
    def is_sexual(self) -> bool:
        return "sexual" in self.flags

    @property
    def category_title(self) -> str:
        return str(CATEGORY_TITLES[self.category])

    @property
    def boundary(self) -> str:
        """The question category whose boundary keeps this practice away."""
        return CATEGORIES[self.category]

    @property
    def is_timed(self) -> bool:
        return any(step.seconds for step in self.steps)

    @property
    def can_do_alone(self) -> bool:
        return self.mode in ("solo", "either")

    @property
    def needs_others(self) -> bool:
        return self.mode == "together"

    def fits(self, kind: str, phase: str) -> bool:
        return kind in self.kinds and (not self.phases or phase in self.phases)


def practices_dir() -> Path:
    return Path(settings.CONTENT_DIR) / "practices"


def one_of(raw: dict[str, object], name: str, allowed: tuple[str, ...], where: str) -> str:
    value = raw.get(name)
    if value not in allowed:
        raise ContentError(f"{where}: {name} must be one of {allowed}")
    return str(value)


def parse_step(raw: object, where: str) -> Step:
    if not isinstance(raw, dict) or set(raw) - STEP_KEYS:
        raise ContentError(f"{where}: a step has text and optional seconds only")
    text, seconds = raw.get("text"), raw.get("seconds")
    if not isinstance(text, str) or not 5 <= len(text.strip()) <= 400:
        raise ContentError(f"{where}: a step's text must be 5 to 400 characters")
    if seconds is not None and (not isinstance(seconds, int) or not 10 <= seconds <= 3600):
        raise ContentError(f"{where}: a step's seconds must be 10 to 3600")
    return Step(text=text.strip(), seconds=seconds)


def parse_practice(raw: dict[str, object], category: str, where: str) -> Practice:
    key = str(raw.get("id", ""))
    where = f"{where} {key or '(no id)'}"
    unknown = set(raw) - PRACTICE_KEYS
    if unknown:
        raise ContentError(f"{where}: unknown fields {sorted(unknown)}")
    if not key.startswith(f"{category}-"):
        raise ContentError(f"{where}: the id must start with '{category}-'")
    title, why = raw.get("title"), raw.get("why")
    if not isinstance(title, str) or not 3 <= len(title.strip()) <= 70:
        raise ContentError(f"{where}: title must be 3 to 70 characters")
    if not isinstance(why, str) or not 20 <= len(why.strip()) <= 220:
        raise ContentError(f"{where}: why must be one line of 20 to 220 characters")
    minutes = raw.get("minutes")
    if not isinstance(minutes, int) or not 1 <= minutes <= 240:
        raise ContentError(f"{where}: minutes must be 1 to 240")
    kinds, phases = kinds_and_phases(raw, where)
    dimensions = some_of(raw, "dimensions", DIMENSIONS, where)
    flags = strings(raw.get("flags"))
    if not set(flags) <= {"sexual"}:
        raise ContentError(f"{where}: unknown flag in {flags}")
    sexual = "sexual" in flags or category == "sexual" or "sexual" in dimensions
    if sexual and (kinds != ("romantic",) or "sexual" not in flags or category != "sexual"):
        raise ContentError(
            f"{where}: sexual practices live in sexual.toml with kinds = ['romantic'] and the flag"
        )
    steps = raw.get("steps")
    if not isinstance(steps, list) or not 2 <= len(steps) <= 10:
        raise ContentError(f"{where}: a practice has 2 to 10 steps")
    return Practice(
        key=key,
        title=title.strip(),
        why=why.strip(),
        category=category,
        minutes=minutes,
        mode=one_of(raw, "mode", MODES, where),
        kinds=kinds,
        phases=phases,
        dimensions=dimensions,
        place=one_of(raw, "place", PLACES, where),
        cost=one_of(raw, "cost", COSTS, where),
        materials=strings(raw.get("materials")),
        steps=tuple(parse_step(step, where) for step in steps),
        flags=flags,
    )


def load_practices(directory: Path | None = None) -> tuple[Practice, ...]:
    """Every practice in the content folder, validated; raises ContentError on the first flaw."""
    directory = directory or practices_dir()
    return tuple(
        parse_practice(raw, category, where)
        for where, category, raw in grouped_items(
            directory, group="category", groups=CATEGORIES, items="practices"
        )
    )


@cache
def library() -> tuple[Practice, ...]:
    return load_practices()


@cache
def by_key() -> dict[str, Practice]:
    return {practice.key: practice for practice in library()}


def practice(key: str) -> Practice | None:
    return by_key().get(key)
