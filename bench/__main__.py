"""python -m bench history: the history-scaling measure alone, printed as a table."""

import json
import os
import sys
import tempfile


def setup(data_dir: str) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
    os.environ.setdefault("HEARTH_DATA_DIR", data_dir)
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="hearth-bench-") as data_dir:
        setup(data_dir)
        from bench.history import measure_scaling

        result = measure_scaling()
        print(json.dumps(result, indent=1) if "--json" in sys.argv else table(result))


def table(result: dict) -> str:
    lines = [
        f"bare view {result['bare_ms']} ms",
        "| read | 30 d ms | 3650 d ms | x bare | queries |",
    ]
    for row in result["reads"]:
        lines.append(
            f"| {row['name']} | {row['short']['median_ms']} | {row['long']['median_ms']} | "
            f"{row['long_ratio']} (goal {row['goal']}) | {row['short']['queries']} -> "
            f"{row['long']['queries']} | {row['long']['status']}"
        )
    return "\n".join(lines)


if __name__ == "__main__":
    main()
