"""A push service and a device for tests, both on this machine: the device has its own key pair
and secret, as a browser makes them; the service listens on 127.0.0.1, answers with the statuses
it is told to, and decrypts what it receives with the device's keys, as the browser would."""

import base64
import json
import os
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import http_ece
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec


def base64url(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


@dataclass
class Device:
    """A browser's side of a subscription: the private key stays here."""

    path: str
    private_key: ec.EllipticCurvePrivateKey = field(
        default_factory=lambda: ec.generate_private_key(ec.SECP256R1())
    )
    auth_secret: bytes = field(default_factory=lambda: os.urandom(16))

    @property
    def p256dh(self) -> str:
        point = self.private_key.public_key().public_bytes(
            serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
        )
        return base64url(point)

    @property
    def auth(self) -> str:
        return base64url(self.auth_secret)

    def read(self, body: bytes) -> dict[str, Any]:
        plain = http_ece.decrypt(
            body,
            private_key=self.private_key,
            auth_secret=self.auth_secret,
            version="aes128gcm",
        )
        return json.loads(plain)


@dataclass
class Received:
    path: str
    headers: dict[str, str]  # by lower-case name
    body: bytes
    message: dict[str, Any] | None  # None when it could not be decrypted


class PushService:
    """Answers each POST for a device in `always` with its status, any other with the next
    status in `answers`, and with 201 when none are left."""

    def __init__(self) -> None:
        self.devices: dict[str, Device] = {}
        self.received: list[Received] = []
        self.answers: list[int] = []
        self.always: dict[str, int] = {}
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self.handler())
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_port}"

    def device(self) -> Device:
        device = Device(path=f"/push/{len(self.devices) + 1}-{base64url(os.urandom(9))}")
        self.devices[device.path] = device
        return device

    def endpoint(self, device: Device) -> str:
        return self.url + device.path

    def handler(self) -> type[BaseHTTPRequestHandler]:
        service = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                device = service.devices.get(self.path)
                try:
                    message = device.read(body) if device else None
                except Exception:
                    message = None
                headers = {name.lower(): value for name, value in self.headers.items()}
                service.received.append(Received(self.path, headers, body, message))
                if self.path in service.always:
                    status = service.always[self.path]
                else:
                    status = service.answers.pop(0) if service.answers else 201
                self.send_response(status)
                if 300 <= status < 400:
                    self.send_header("Location", f"{service.url}/elsewhere")
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, format: str, *args: object) -> None:
                pass

        return Handler

    def __enter__(self) -> "PushService":
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=5)
