"""GET /api/v1/projects/{id}/insights: figures the app's project page shows in its optional insights card."""

import json
from pathlib import Path

from .errors import not_found
from .projects import UUID
from .tenant import Tenant

INSIGHTS = (Path(__file__).parent / "insights.sql").read_text()


async def project_insights(tenant: Tenant, project_id: str) -> dict:
    if not UUID.match(project_id) or tenant.organization_id is None:
        raise not_found("Project")
    await tenant.cursor.execute(INSIGHTS, [tenant.organization_id, project_id.lower()])
    row = await tenant.cursor.fetchone()
    if row is None:
        raise not_found("Project")
    return json.loads(row[0])
