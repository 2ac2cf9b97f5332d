"""The app's permission table, read from the JSON the app exports (services/shared/permissions.json)."""

import json

from .settings import SHARED_DIR

_TABLE = json.loads((SHARED_DIR / "permissions.json").read_text())
PERMISSIONS: list[str] = _TABLE["permissions"]
ROLE_PERMISSIONS: dict[str, list[str]] = _TABLE["roles"]
# What an organization API key without scopes may do (read only): a key is never broader than someone made it.
API_KEY_DEFAULT_SCOPES: list[str] = _TABLE["apiKeyDefaultScopes"]


def role_allows(role: str, permission: str) -> bool:
    return permission in ROLE_PERMISSIONS.get(role, [])


def scopes_allow(scopes: tuple[str, ...], permission: str) -> bool:
    """An API key's scopes are permission names; one that names none grants nothing."""
    return permission in PERMISSIONS and permission in (scopes or API_KEY_DEFAULT_SCOPES)
