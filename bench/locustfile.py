"""One endpoint under load: every simulated person asks for BENCH_ENDPOINT again and again,
each signed in as a different member of the population, until the run's time or its request
budget (BENCH_MAX_REQUESTS) is spent. Run by bench/load.py, one endpoint at a time."""

import itertools
import json
import os

from locust import FastHttpUser, constant, task

from bench.endpoints import BY_NAME

ENDPOINT = BY_NAME[os.environ["BENCH_ENDPOINT"]]
with open(os.environ["BENCH_POPULATION"]) as handle:
    CLIENTS = json.load(handle)["clients"]
MAX_REQUESTS = int(os.environ.get("BENCH_MAX_REQUESTS", "20000"))
seats = itertools.count()
sent = itertools.count(1)


class Person(FastHttpUser):
    wait_time = constant(0)

    def on_start(self) -> None:
        self.who = CLIENTS[next(seats) % len(CLIENTS)]
        if ENDPOINT.api:
            self.headers = {"Authorization": f"Bearer {self.who['token']}"}
        else:
            self.headers = {"Cookie": f"sessionid={self.who['session']}"}

    @task
    def ask(self) -> None:
        n = next(sent)
        if n > MAX_REQUESTS:
            self.environment.runner.quit()
            return
        kwargs: dict[str, object] = {"name": ENDPOINT.name, "headers": self.headers}
        if ENDPOINT.body is not None:
            body = ENDPOINT.body(self.who, n)
            kwargs["json" if ENDPOINT.api else "data"] = body
        self.client.request(ENDPOINT.method, ENDPOINT.path(self.who), **kwargs)
