"""GET /api/v1/projects and /api/v1/projects/{id}: the read side of the app's REST API, same shapes."""

import base64
import binascii
import json
import math
import re
from collections.abc import Mapping

from .errors import ApiError, not_found
from .settings import SHARED_DIR
from .tenant import Tenant

PROJECT_ROWS = (SHARED_DIR / "project-rows.sql").read_text()
PAGE_SIZE_DEFAULT = 20
PAGE_SIZE_MAX = 100
Q_MAX = 100
INVALID_CURSOR = "Invalid cursor: pass the nextCursor of a previous page"
# zod's `z.uuid()`, which the app validates ids and cursors with.
UUID = re.compile(
    r"^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-8][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}"
    r"|00000000-0000-0000-0000-000000000000|ffffffff-ffff-ffff-ffff-ffffffffffff)$"
)


def parse_list_query(params: Mapping[str, str]) -> tuple[int, str | None, str | None]:
    """(limit, cursor id, name filter), or a 400 with per-field messages, as lib/validation/pagination.ts."""
    fields: dict[str, list[str]] = {}
    limit = _limit(params.get("limit"), fields)
    cursor = _cursor(params.get("cursor"), fields)
    q = params.get("q")
    q = q.strip() if q is not None else None
    if q is not None and len(q) > Q_MAX:
        fields["q"] = [f"q must be at most {Q_MAX} characters"]
    if fields:
        raise ApiError(400, "invalid_query", "The query parameters are invalid", fields)
    return limit, cursor, q or None


def _limit(raw: str | None, fields: dict[str, list[str]]) -> int:
    if raw is None:
        return PAGE_SIZE_DEFAULT
    try:
        # JavaScript's Number(): an empty string is 0.
        value = float(raw.strip() or "0")
    except ValueError:
        value = math.nan
    if math.isnan(value):
        fields["limit"] = ["limit must be a number"]
    elif not value.is_integer():
        fields["limit"] = ["limit must be a whole number"]
    elif value < 1:
        fields["limit"] = ["limit must be at least 1"]
    elif value > PAGE_SIZE_MAX:
        fields["limit"] = [f"limit must be at most {PAGE_SIZE_MAX}"]
    else:
        return int(value)
    return PAGE_SIZE_DEFAULT


def _cursor(raw: str | None, fields: dict[str, list[str]]) -> str | None:
    if raw is None:
        return None
    try:
        padded = raw.replace("-", "+").replace("_", "/") + "=" * (-len(raw) % 4)
        decoded = base64.b64decode(padded, validate=True).decode("latin-1")
    except (binascii.Error, ValueError):
        decoded = ""
    if len(raw) > 200 or not UUID.match(decoded):
        fields["cursor"] = [INVALID_CURSOR]
        return None
    return decoded


def encode_cursor(last_id: str) -> str:
    return base64.urlsafe_b64encode(last_id.encode()).decode().rstrip("=")


async def list_projects(tenant: Tenant, limit: int, cursor: str | None, q: str | None) -> dict:
    if tenant.organization_id is None:
        return {"data": [], "nextCursor": None}
    rows = await _project_rows(tenant, None, q, cursor, limit + 1)
    page = rows[:limit]
    next_cursor = encode_cursor(page[-1][0]) if len(rows) > limit else None
    return {"data": [json.loads(project) for _, project in page], "nextCursor": next_cursor}


async def get_project(tenant: Tenant, project_id: str) -> dict:
    # Not a UUID: it cannot name a row, so it is "not found" like any other unknown id.
    if not UUID.match(project_id) or tenant.organization_id is None:
        raise not_found("Project")
    rows = await _project_rows(tenant, project_id.lower(), None, None, 1)
    if not rows:
        raise not_found("Project")
    return json.loads(rows[0][1])


async def _project_rows(tenant: Tenant, project_id, q, cursor, limit) -> list[tuple[str, str]]:
    await tenant.cursor.execute(PROJECT_ROWS, [tenant.organization_id, project_id, q, cursor, limit])
    return await tenant.cursor.fetchall()
