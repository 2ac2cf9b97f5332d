"""The insights the app's project page shows, computed here inside the caller's tenant transaction."""

import pytest

from projects_service.errors import ApiError
from projects_service.insights import project_insights

pytestmark = pytest.mark.anyio


async def test_insights_count_only_the_projects_own_tasks(database):
    async with database.in_tenant("org_demo_acme") as tenant:
        await tenant.cursor.execute("SELECT id::text FROM projects WHERE name = 'Website relaunch'")
        (project_id,) = await tenant.cursor.fetchone()
        insights = await project_insights(tenant, project_id)
    assert insights["projectId"] == project_id
    # Demo data: Bob has one done task, Alice one open, one task is unassigned.
    assert {(row["assignee"] or {}).get("userId"): (row["open"], row["done"]) for row in insights["byAssignee"]} == {
        "user_demo_alice": (1, 0),
        "user_demo_bob": (0, 1),
        None: (1, 0),
    }
    assert sum(week["created"] for week in insights["createdByWeek"]) == 3


async def test_insights_of_another_organizations_project_are_not_found(database):
    from projects_service.errors import ApiError
    async with database.in_tenant("org_demo_globex") as tenant:
        await tenant.cursor.execute("SELECT id::text FROM projects LIMIT 1")
        (globex_project,) = await tenant.cursor.fetchone()
    async with database.in_tenant("org_demo_acme") as tenant:
        with pytest.raises(ApiError) as refusal:
            await project_insights(tenant, globex_project)
    assert refusal.value.status == 404
