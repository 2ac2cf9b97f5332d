"""The app's REST API from Python: the client generated from its OpenAPI document (starter_api_client/,
see README.md), sending the caller's session token as `Authorization: Bearer` and retrying what is
safe to retry."""

import time

import httpx

from starter_api_client import AuthenticatedClient

# The app answers 503 while its database is unreachable, and a load balancer 502/504 while an instance
# restarts: worth another try for a read, after a short pause.
RETRY_STATUSES = {502, 503, 504}
SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}


class RetryingTransport(httpx.BaseTransport):
    """Retries a read answered 502/503/504, with backoff; a write is sent once, so it is never applied twice."""

    def __init__(self, inner: httpx.BaseTransport, attempts: int = 3, backoff_seconds: float = 0.2):
        self._inner = inner
        self._attempts = attempts
        self._backoff_seconds = backoff_seconds

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        attempts = self._attempts if request.method in SAFE_METHODS else 1
        for attempt in range(1, attempts + 1):
            response = self._inner.handle_request(request)
            if response.status_code not in RETRY_STATUSES or attempt == attempts:
                return response
            response.close()
            time.sleep(self._backoff_seconds * 2 ** (attempt - 1))
        raise AssertionError("unreachable")

    def close(self) -> None:
        self._inner.close()


def connect(app_url: str, token: str, attempts: int = 3, timeout_seconds: float = 10.0) -> AuthenticatedClient:
    """A client of `app_url`'s `/api/v1` acting as the holder of `token` (a Clerk session token)."""
    # httpx's own `retries` re-opens a connection that failed before the request was sent.
    transport = RetryingTransport(httpx.HTTPTransport(retries=attempts - 1), attempts=attempts)
    return AuthenticatedClient(
        base_url=f"{app_url.rstrip('/')}/api/v1",
        token=token,
        timeout=httpx.Timeout(timeout_seconds),
        httpx_args={"transport": transport},
    )
