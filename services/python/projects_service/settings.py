"""The service's configuration, read once from the environment; a missing value stops it at start-up."""

import os
from dataclasses import dataclass
from pathlib import Path

SHARED_DIR = Path(__file__).resolve().parents[2] / "shared"


@dataclass(frozen=True)
class Settings:
    # The Clerk instance's PEM public key: tokens are verified without calling Clerk.
    jwt_key: str
    # Origins whose session tokens are accepted (the `azp` claim); also the CORS allow-list.
    authorized_parties: list[str]
    # The RLS-bound role (`app_user`), never the tables' owner.
    database_url: str
    # Optional: only needed for organization API keys, which Clerk verifies over its Backend API.
    secret_key: str | None = None
    # Clerk's Backend API (CLERK_API_URL, as @clerk/backend reads it): tests point it at a local stand-in.
    api_url: str = "https://api.clerk.com"


def _required(name: str) -> str:
    value = os.environ.get(name, "").strip()
    if not value:
        raise RuntimeError(f"{name} is not set; see services/python/README.md")
    return value


def settings_from_env() -> Settings:
    parties = [part.strip() for part in _required("CLERK_AUTHORIZED_PARTIES").split(",") if part.strip()]
    return Settings(
        jwt_key=_required("CLERK_JWT_KEY").replace("\\n", "\n"),
        authorized_parties=parties,
        database_url=_required("DATABASE_URL"),
        secret_key=os.environ.get("CLERK_SECRET_KEY") or None,
        api_url=(os.environ.get("CLERK_API_URL") or "https://api.clerk.com").rstrip("/"),
    )
