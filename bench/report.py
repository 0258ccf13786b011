"""The benchmark's report in markdown: every number beside the yardstick measured in the same
run, as a ratio, with the goal it is held to and whether it met it."""

from typing import Any


def ratio(value: float, base: float) -> float:
    return round(value / base, 1) if base else 0.0


def history_table(history: dict[str, Any]) -> list[str]:
    bare = history["bare_ms"]
    days = history["history_days"]
    lines = [
        f"In one process through Django's test client (median of 10 requests after one to warm "
        f"up): the bare view took {bare} ms and {history['bare_queries']} queries.",
        "",
        f"| read | {days['short']} days ms | {days['long']} days ms | x bare at "
        f"{days['long']} days | goal | queries {days['short']} → {days['long']} days |",
        "|---|---:|---:|---:|---:|---|",
    ]
    for row in history["reads"]:
        met = "✓" if row["goal_met"] else "✗"
        flat = "" if row["queries_flat"] else " (grows)"
        lines.append(
            f"| {row['name']} | {row['short']['median_ms']} | {row['long']['median_ms']} | "
            f"{row['long_ratio']} | ≤ {row['goal']:g} {met} | "
            f"{row['short']['queries']} → {row['long']['queries']}{flat} |"
        )
    return lines


def load_table(load: list[dict[str, Any]]) -> list[str]:
    bare = next(r for r in load if r["name"] == "bare view")
    insert = next(r for r in load if r["name"] == "bare insert")
    lines = [
        "| endpoint | requests | errors | req/s | x yardstick req/s | p50 ms | p95 ms | p99 ms "
        "| p50 x | p95 x | p99 x |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for row in load:
        base = insert if row["write"] or row["name"] == "bare insert" else bare
        lines.append(
            f"| {row['name']} | {row['requests']} | {row['failures']} | {row['per_second']} | "
            f"{ratio(row['per_second'], base['per_second'])} | {row['p50_ms']:g} | "
            f"{row['p95_ms']:g} | {row['p99_ms']:g} | {ratio(row['p50_ms'], base['p50_ms'])} | "
            f"{ratio(row['p95_ms'], base['p95_ms'])} | {ratio(row['p99_ms'], base['p99_ms'])} |"
        )
    return lines


# A stated day of use, per person: the requests it makes (the rest of a visit is static files
# WhiteNoise serves with long cache lifetimes). Capacity follows from the measured throughput.
DAILY_USE = {
    "Today page": 2,
    "Today's question": 1,
    "Answer (API)": 1,
    "Check-in page": 1,
    "Check-in (API)": 1,
    "Journal page": 0.5,
    "Us / insights page": 0.3,
    "Practices page": 0.3,
    "Settings page": 0.1,
}
PEOPLE_PER_RELATIONSHIP = 2.5
BUSIEST_HOUR_SHARE = 0.25  # a quarter of a day's use in its busiest hour (evenings)
HEADROOM = 0.5  # plan to run at half of the measured capacity


def capacity(load: list[dict[str, Any]]) -> list[str]:
    """How many relationships one machine like this one serves, arithmetic shown."""
    by_name = {row["name"]: row for row in load}
    per_person = sum(DAILY_USE.values())
    # Seconds of server capacity one request of the day's mix takes, weighted by its share.
    seconds = sum(n / by_name[name]["per_second"] for name, n in DAILY_USE.items()) / per_person
    mixed = 1 / seconds
    per_relationship_hour = per_person * PEOPLE_PER_RELATIONSHIP * BUSIEST_HOUR_SHARE
    relationships = mixed * 3600 * HEADROOM / per_relationship_hour
    uses = ", ".join(f"{name} {n:g}" for name, n in DAILY_USE.items())
    return [
        "- " + line
        for line in [
            f"A day of use per person: {uses}: {per_person:g} requests.",
            f"The mix's throughput, from the rates measured above (1 / Σ share ÷ rate): "
            f"{mixed:.1f} requests per second.",
            f"{PEOPLE_PER_RELATIONSHIP:g} people per relationship, {BUSIEST_HOUR_SHARE:.0%} of a "
            f"day's use in its busiest hour: {per_person:g} × {PEOPLE_PER_RELATIONSHIP:g} × "
            f"{BUSIEST_HOUR_SHARE:g} = {per_relationship_hour:g} requests per relationship then.",
            f"At {HEADROOM:.0%} of capacity: {mixed:.1f} × 3600 × {HEADROOM:g} ÷ "
            f"{per_relationship_hour:g} ≈ **{relationships:,.0f} relationships** with everyone "
            "using Hearth every day.",
        ]
    ]


def markdown(report: dict[str, Any]) -> str:
    settings = report["settings"]
    lines = [
        "# Hearth benchmark report",
        "",
        f"{report['cpus']} CPUs; {settings['relationships']} relationships (one with ten years "
        f"of daily history); {settings['users']} simultaneous clients for {settings['seconds']} s "
        f"per endpoint (at most {settings['max_requests']} requests), gunicorn with "
        f"{settings['workers']} workers and the background worker, all on loopback on the same "
        f"machine as the load tool. Took {report['minutes']} minutes.",
        "",
        "Reads are compared with the bare view, writes with the bare insert (one row), both "
        "behind the same middleware and measured in the same run.",
    ]
    for run in report["runs"]:
        population = run["population"]
        durability = run["durability"]
        lines += [
            "",
            f"## {run['database']}",
            "",
            f"Population: {population['relationships']} relationships, {population['people']} "
            f"people, built in {population['seconds_to_build']} s.",
            "",
            "### How reads grow with history",
            "",
            *history_table(run["history"]),
            "",
            "### Under load over HTTP",
            "",
            *load_table(run["load"]),
            "",
            "### Capacity of one machine like this one",
            "",
            *capacity(run["load"]),
            "",
            "### Durability: SIGKILL under writes",
            "",
            f"The server was killed after {durability['killed_after_seconds']} s of writes and "
            f"started again. Acknowledged: {durability['acknowledged']} "
            f"({durability['acknowledged_answers']} answers, each to a question of its own, and "
            f"the last of {durability['acknowledged_checkin_writes']} acknowledged check-in "
            f"writes for each of {durability['checkin_days_checked']} people); found: "
            f"{durability['found']}; **lost: {durability['lost']}**. Writes refused or cut while "
            f"the server was down: {durability['refused_while_down']}; other errors: "
            f"{durability['other_errors']}.",
        ]
    return "\n".join(lines) + "\n"
