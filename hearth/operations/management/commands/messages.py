"""`hearth messages`: gather the interface's strings into every locale folder and compile them;
`hearth messages --check` says what a translation still lacks, changing nothing.

Each app keeps its strings in its own `locale/`; hearth/templates and the top-level modules
keep theirs in hearth/locale. Needs GNU gettext (msgfmt, msgattrib); docs/translating.md.
"""

import gettext
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

HEARTH_DIR = Path(settings.BASE_DIR)
SKIPPED = ["tests", "migrations", "static", "__pycache__"]


def apps_with_strings(root: Path) -> list[Path]:
    return sorted(p.parent for p in root.glob("*/apps.py"))


def gather(root: Path, languages: list[str], data_dir: Path | None = None) -> None:
    """makemessages over the whole package, each app's strings landing in its own locale/."""
    env = os.environ.copy()
    if data_dir:
        env["HEARTH_DATA_DIR"] = str(data_dir)
    for folder in [root, *apps_with_strings(root)]:
        (folder / "locale").mkdir(exist_ok=True)
    command = [sys.executable, "-m", "hearth", "makemessages", "--no-location", "--no-obsolete"]
    command += ["--extension=html,txt,py,js"]  # js: templates written as scripts (the worker)
    command += [f"--locale={language}" for language in languages]
    command += [f"--ignore={name}" for name in SKIPPED]
    subprocess.run(command, cwd=root, check=True, env=env, capture_output=True)  # noqa: S603


def catalogues(root: Path) -> list[Path]:
    return sorted(root.glob("**/locale/*/LC_MESSAGES/django.po"))


def gettext_tool(name: str) -> str:
    found = shutil.which(name)
    if not found:
        raise CommandError(f"GNU gettext's {name} is needed (Debian: apt-get install gettext).")
    return found


def compile_catalogue(po: Path, mo: Path) -> None:
    msgfmt = gettext_tool("msgfmt")
    subprocess.run([msgfmt, "--check", "-o", str(mo), str(po)], check=True)  # noqa: S603


def lacking(po: Path) -> list[str]:
    """The msgids of a catalogue that have no translation, or only a fuzzy one."""
    found = []
    msgattrib = gettext_tool("msgattrib")
    for flag in ("--untranslated", "--only-fuzzy"):
        output = subprocess.run(  # noqa: S603
            [msgattrib, flag, "--no-wrap", str(po)], capture_output=True, text=True, check=True
        ).stdout
        found += [
            line.removeprefix("msgid ").strip('"')
            for line in output.splitlines()
            if line.startswith("msgid ") and line != 'msgid ""'
        ]
    return found


def compiled_matches(po: Path, mo: Path) -> bool:
    if not mo.exists():
        return False
    with tempfile.TemporaryDirectory() as scratch:
        fresh = Path(scratch) / "fresh.mo"
        compile_catalogue(po, fresh)
        with fresh.open("rb") as a, mo.open("rb") as b:
            fresh_catalog = gettext.GNUTranslations(a)._catalog  # type: ignore[attr-defined]
            return bool(fresh_catalog == gettext.GNUTranslations(b)._catalog)  # type: ignore[attr-defined]


def problems(languages: list[str]) -> list[str]:
    """Run the gathering on a copy of the package and list what it shows is missing."""
    found: list[str] = []
    with tempfile.TemporaryDirectory() as scratch:
        copy = Path(scratch) / "hearth"
        shutil.copytree(HEARTH_DIR, copy, ignore=shutil.ignore_patterns("__pycache__"))
        gather(copy, languages, data_dir=Path(scratch) / "data")
        for po in catalogues(copy):
            where = po.relative_to(copy)
            found += [f"{where}: no translation for {msgid!r}" for msgid in lacking(po)]
            committed_mo = HEARTH_DIR / where.with_suffix(".mo")
            committed_po = HEARTH_DIR / where
            if not committed_po.exists():
                found.append(f"{where}: missing")
            elif not compiled_matches(committed_po, committed_mo):
                found.append(f"{where.with_suffix('.mo')}: not compiled from the .po")
    return found


class Command(BaseCommand):
    help = "Gather interface strings into each locale/ and compile; --check lists what's missing."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--check", action="store_true", help="change nothing; list gaps")

    def handle(self, *args: Any, check: bool = False, **options: Any) -> None:
        languages = [code for code, _ in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
        if check:
            found = problems(languages)
            for line in found:
                self.stdout.write(line)
            if found:
                raise CommandError(f"{len(found)} translation problems")
            self.stdout.write("complete")
            return
        gather(HEARTH_DIR, languages)
        for po in catalogues(HEARTH_DIR):
            compile_catalogue(po, po.with_suffix(".mo"))
            self.stdout.write(f"{po.relative_to(HEARTH_DIR)}: {len(lacking(po))} to translate")
