"""No acknowledged write lost: writers answer questions and check in as fast as the server lets
them, the server is killed with SIGKILL in the middle, started again, and the writers go on.
Afterwards every write the server acknowledged with a success status is looked for in the
database. Each answer goes to a question of its own, so each acknowledged answer must be there
word for word; a check-in replaces the same day's, so the day must hold the last acknowledged
one, or the one that was on its way when the server died (written, never acknowledged)."""

import http.client
import json
import threading
import time
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from bench.server import Server

KILL_AFTER_SECONDS = 6.0
AFTER_RESTART_SECONDS = 6.0
MAX_WRITES_PER_WRITER = 2000


@dataclass
class Acknowledged:
    answers: list[dict[str, Any]] = field(default_factory=list)  # prompt, text
    # email, day, note, and the notes sent after it that got no answer (they may have landed)
    checkins: list[dict[str, Any]] = field(default_factory=list)
    checkin_writes: int = 0  # acknowledged check-in writes; each day keeps the last
    refused: int = 0  # connection refused or cut while the server was down
    errors: int = 0  # an answer with a status that is neither success nor a lost connection


def write(port: int, method: str, path: str, token: str, body: dict[str, Any]) -> int:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request(
            method,
            path,
            body=json.dumps(body),
            headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
        )
        return connection.getresponse().status
    finally:
        connection.close()


def writer_loop(
    server: Server,
    who: dict[str, Any],
    stop: threading.Event,
    acks: Acknowledged,
    lock: threading.Lock,
) -> None:
    prompts = list(who["prompts"])
    day = date.today().isoformat()
    last_checkin: dict[str, Any] | None = None
    for n in range(MAX_WRITES_PER_WRITER):
        if stop.is_set() or not prompts:
            break
        if n % 2 == 0:
            prompt = prompts[0]
            text = f"durable answer {who['email']} {n}"
            path = f"/api/relationships/{who['relationship']}/prompts/{prompt}/answer"
            body: dict[str, Any] = {"text": text}
            method = "PUT"
        else:
            note = f"durable check-in {who['email']} {n}"
            path, method = f"/api/checkins/{day}", "PUT"
            body = {"mood": 3, "stress": 2, "note": note}
            with lock:
                if last_checkin is not None:
                    last_checkin["unanswered"].append(note)
        try:
            status = write(server.port, method, path, who["token"], body)
        except OSError:
            with lock:
                acks.refused += 1
            time.sleep(0.2)
            continue
        with lock:
            if not 200 <= status < 300:
                acks.errors += 1
            elif n % 2 == 0:
                acks.answers.append({"prompt": prompt, "text": text})
                prompts.pop(0)
            else:
                last_checkin = {"email": who["email"], "day": day, "note": note, "unanswered": []}
                acks.checkin_writes += 1
                acks.checkins = [c for c in acks.checkins if c["email"] != who["email"]]
                acks.checkins.append(last_checkin)


def run_durability(server: Server, writers: list[dict[str, Any]], out: Path) -> Acknowledged:
    acks, lock, stop = Acknowledged(), threading.Lock(), threading.Event()
    threads = [
        threading.Thread(target=writer_loop, args=(server, who, stop, acks, lock), daemon=True)
        for who in writers
    ]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    time.sleep(KILL_AFTER_SECONDS)
    server.kill()
    killed_at = time.monotonic() - started
    server.start()
    time.sleep(AFTER_RESTART_SECONDS)
    stop.set()
    for thread in threads:
        thread.join(timeout=30)
    (out / "acknowledged.json").write_text(
        json.dumps({**asdict(acks), "killed_after_seconds": round(killed_at, 1)})
    )
    return acks
