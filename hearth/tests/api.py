"""Talking to the API in tests as one person, with a personal token."""

import json
from typing import Any

from hearth.accounts.services import api_token_create


class Caller:
    """One person talking to the API with their personal token."""

    def __init__(self, client: Any, user: Any) -> None:
        _, raw = api_token_create(user=user, name="tests")
        self.client, self.auth = client, {"HTTP_AUTHORIZATION": f"Bearer {raw}"}

    def call(self, method: str, url: str, body: dict | None = None) -> Any:
        return self.client.generic(
            method, url, json.dumps(body or {}), content_type="application/json", **self.auth
        )
