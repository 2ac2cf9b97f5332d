"""The app's permission table, read from the JSON the app exports (services/shared/permissions.json)."""

import json

from .settings import SHARED_DIR

_TABLE = json.loads((SHARED_DIR / "permissions.json").read_text())
ROLE_PERMISSIONS: dict[str, list[str]] = _TABLE["roles"]


def role_allows(role: str, permission: str) -> bool:
    return permission in ROLE_PERMISSIONS.get(role, [])
