"""The benchmark: `python3 run.py bench` (or `.venv/bin/python -m bench`). See bench/README.md.

For each database (SQLite always; PostgreSQL when reachable): fill a fresh database with the
population, measure reads in-process at a month and at ten years of history, start Hearth under
its production server, load every endpoint over loopback beside the bare view and the bare
insert, then kill the server with SIGKILL under writes and count what survived. Writes
report.md and report.json in the results folder.
"""

import argparse
import json
import os
import shutil
import time
from pathlib import Path

from bench.report import markdown

ROOT = Path(__file__).resolve().parent.parent
POSTGRES_ADMIN = "postgres://postgres@127.0.0.1:5432/postgres"
POSTGRES_BENCH = "postgres://postgres@127.0.0.1:5432/hearth_bench"


def setup() -> None:
    """Django for this process, on the database its environment names, ready to serve."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)


def prepare(args: argparse.Namespace) -> None:
    setup()
    from bench.history import measure_scaling
    from bench.population import populate

    data = Path(os.environ["HEARTH_DATA_DIR"])
    population = populate(relationships=args.relationships, clients=args.users)
    (data / "population.json").write_text(json.dumps(population.as_dict()))
    print(f"bench: population ready in {population.seconds_to_build} s", flush=True)
    (data / "history.json").write_text(json.dumps(measure_scaling()))
    print("bench: history measured", flush=True)


def verify(args: argparse.Namespace) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
    import django

    django.setup()
    from bench.verify import verify as look

    data = Path(os.environ["HEARTH_DATA_DIR"])
    (data / "durability.json").write_text(json.dumps(look(data / "acknowledged.json")))


def postgres_reachable() -> bool:
    import psycopg

    try:
        with psycopg.connect(POSTGRES_ADMIN, autocommit=True, connect_timeout=3) as connection:
            connection.execute("DROP DATABASE IF EXISTS hearth_bench")
            connection.execute("CREATE DATABASE hearth_bench")
        return True
    except psycopg.Error:
        return False


def run_database(label: str, url: str, args: argparse.Namespace, folder: Path) -> dict[str, object]:
    from bench.durability import run_durability
    from bench.load import run_load
    from bench.server import Database, Server

    data = folder / label.lower()
    data.mkdir(parents=True, exist_ok=True)
    database = Database(label, data, url)
    print(f"bench: {label}: building the population and measuring history", flush=True)
    database.django(
        "prepare", "--relationships", str(args.relationships), "--users", str(args.users)
    )
    population_file = data / "population.json"
    population = json.loads(population_file.read_text())
    server = Server(database, workers=args.workers)
    try:
        server.start()
        print(f"bench: {label}: load, {args.seconds} s per endpoint", flush=True)
        load = run_load(
            server,
            population_file,
            users=args.users,
            seconds=args.seconds,
            max_requests=args.max_requests,
            out=data / "load",
        )
        print(f"bench: {label}: durability (SIGKILL under writes)", flush=True)
        run_durability(server, population["writers"], data)
    finally:
        server.stop()
    database.django("verify")
    return {
        "database": label,
        "population": {k: v for k, v in population.items() if k not in {"clients", "writers"}},
        "history": json.loads((data / "history.json").read_text()),
        "load": [result.as_dict() for result in load],
        "durability": json.loads((data / "durability.json").read_text()),
    }


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    commands = parser.add_subparsers(dest="command")
    inner = commands.add_parser("prepare", help="(inside a run) fill the database, measure history")
    inner.add_argument("--relationships", type=int, default=1000)
    inner.add_argument("--users", type=int, default=50)
    commands.add_parser("verify", help="(inside a run) look for every acknowledged write")
    parser.add_argument("--relationships", type=int, default=1000, help="(default 1000)")
    parser.add_argument("--users", type=int, default=50, help="simultaneous clients (default 50)")
    parser.add_argument("--seconds", type=int, default=10, help="load per endpoint (default 10)")
    parser.add_argument("--max-requests", type=int, default=20000, help="per endpoint")
    parser.add_argument("--workers", type=int, default=int(os.environ.get("HEARTH_WORKERS", "2")))
    parser.add_argument("--no-postgres", action="store_true", help="SQLite only")
    parser.add_argument("--quick", action="store_true", help="100 relationships, 5 s each")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results")
    args = parser.parse_args()
    if args.command == "prepare":
        return prepare(args)
    if args.command == "verify":
        return verify(args)
    if args.quick:
        args.relationships, args.seconds = 100, 5
    started = time.monotonic()
    runs = []
    # Each run's data, server log and locust statistics stay here until the next run.
    folder = args.out / "work"
    shutil.rmtree(folder, ignore_errors=True)
    runs.append(run_database("SQLite", "", args, folder))
    if args.no_postgres:
        print("bench: PostgreSQL left out (--no-postgres)", flush=True)
    elif postgres_reachable():
        runs.append(run_database("PostgreSQL", POSTGRES_BENCH, args, folder))
    else:
        print("bench: PostgreSQL is not reachable on 127.0.0.1:5432; SQLite only", flush=True)
    report = {
        "settings": {k: v for k, v in vars(args).items() if k != "out" and k != "command"},
        "cpus": os.cpu_count(),
        "minutes": round((time.monotonic() - started) / 60, 1),
        "runs": runs,
    }
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "report.json").write_text(json.dumps(report, indent=1, default=str))
    (args.out / "report.md").write_text(markdown(report))
    print(f"bench: report in {args.out / 'report.md'}", flush=True)


if __name__ == "__main__":
    main()
