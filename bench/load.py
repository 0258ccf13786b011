"""Load over HTTP on loopback: one endpoint at a time, the same number of simulated people each
time, bounded by a duration and a request budget; locust (headless) keeps the time, its CSV
statistics give the counts and percentiles."""

import csv
import os
import re
import subprocess
import sys
from dataclasses import asdict, dataclass
from pathlib import Path

from bench.endpoints import EVERY, Endpoint
from bench.server import ROOT, Server

LOCUST = Path(sys.executable).parent / "locust"


@dataclass
class LoadResult:
    name: str
    requests: int
    failures: int
    per_second: float
    p50_ms: float
    p95_ms: float
    p99_ms: float
    goal: float
    write: bool

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def run_endpoint(
    server: Server,
    endpoint: Endpoint,
    population: Path,
    *,
    users: int,
    seconds: int,
    max_requests: int,
    out: Path,
) -> LoadResult:
    prefix = out / slug(endpoint.name)
    log = open(f"{prefix}.log", "wb")  # noqa: SIM115 - closed as the run ends
    subprocess.run(
        [
            str(LOCUST),
            "-f",
            str(ROOT / "bench" / "locustfile.py"),
            "--headless",
            "--users",
            str(users),
            "--spawn-rate",
            str(users),
            "--run-time",
            f"{seconds}s",
            "--host",
            server.address,
            "--csv",
            str(prefix),
            "--only-summary",
            "--loglevel",
            "ERROR",
            "--stop-timeout",
            "5",
        ],
        cwd=ROOT,
        env={
            **os.environ,
            "PYTHONPATH": str(ROOT),
            "BENCH_ENDPOINT": endpoint.name,
            "BENCH_POPULATION": str(population),
            "BENCH_MAX_REQUESTS": str(max_requests),
        },
        check=False,  # locust exits 1 when any request failed; the counts tell
        stdout=log,
        stderr=subprocess.STDOUT,
        timeout=seconds + 60,
    )
    log.close()
    with open(f"{prefix}_stats.csv", newline="") as handle:
        rows = {row["Name"]: row for row in csv.DictReader(handle)}
    row = rows[endpoint.name]
    return LoadResult(
        name=endpoint.name,
        requests=int(row["Request Count"]),
        failures=int(row["Failure Count"]),
        per_second=round(float(row["Requests/s"]), 1),
        p50_ms=float(row["50%"]),
        p95_ms=float(row["95%"]),
        p99_ms=float(row["99%"]),
        goal=endpoint.goal,
        write=endpoint.write,
    )


def run_load(
    server: Server, population: Path, *, users: int, seconds: int, max_requests: int, out: Path
) -> list[LoadResult]:
    out.mkdir(parents=True, exist_ok=True)
    return [
        run_endpoint(
            server,
            endpoint,
            population,
            users=users,
            seconds=seconds,
            max_requests=max_requests,
            out=out,
        )
        for endpoint in EVERY
    ]
