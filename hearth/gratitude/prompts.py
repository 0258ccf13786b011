"""Gratitude prompts: each invites noticing one specific kindness (content/gratitude_prompts.toml).

Gratitude binds people where it answers something the other really did for you, so a prompt
asks what someone did and how it landed, never for a scheduled thank-you.
"""

import tomllib
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

from django.conf import settings

from hearth.content import ContentError, kinds_and_phases

PROMPT_KEYS = {"id", "text", "kinds", "phases"}


@dataclass(frozen=True)
class GratitudePrompt:
    key: str
    text: str
    kinds: tuple[str, ...]
    phases: tuple[str, ...]

    def fits(self, kind: str, phase: str) -> bool:
        return kind in self.kinds and (not self.phases or phase in self.phases)


def prompts_path() -> Path:
    return Path(settings.CONTENT_DIR) / "gratitude_prompts.toml"


def load_prompts(path: Path | None = None) -> tuple[GratitudePrompt, ...]:
    with (path or prompts_path()).open("rb") as handle:
        data = tomllib.load(handle)
    prompts, seen = [], set()
    for raw in data.get("prompts", []):
        key = str(raw.get("id", ""))
        where = f"gratitude_prompts.toml {key or '(no id)'}"
        if set(raw) - PROMPT_KEYS or not key.startswith("notice-") or key in seen:
            raise ContentError(f"{where}: needs a unique 'notice-' id and known fields only")
        text = raw.get("text")
        if not isinstance(text, str) or not 20 <= len(text.strip()) <= 240:
            raise ContentError(f"{where}: text must be 20 to 240 characters")
        kinds, phases = kinds_and_phases(raw, where)
        seen.add(key)
        prompts.append(GratitudePrompt(key=key, text=text.strip(), kinds=kinds, phases=phases))
    return tuple(prompts)


@cache
def prompts() -> tuple[GratitudePrompt, ...]:
    return load_prompts()


def prompt_for(kind: str, phase: str, day: date, offset: int = 0) -> GratitudePrompt | None:
    """One fitting prompt per day, turning through them all before any repeats."""
    fitting = [p for p in prompts() if p.fits(kind, phase)]
    if not fitting:
        return None
    return fitting[(day.toordinal() + offset) % len(fitting)]
