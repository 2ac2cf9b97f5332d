"""Row-level security isolates tenants, not the service's filters: a query that forgets its `WHERE` still
sees only the caller's organization."""

import pytest

from tests.conftest import organization_uuid

pytestmark = pytest.mark.anyio
UNFILTERED = "SELECT DISTINCT organization_id::text FROM projects"


async def test_connects_as_a_role_that_row_level_security_binds(database):
    async with database.pool.connection() as connection:
        cursor = await connection.execute(
            "SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user"
        )
        assert await cursor.fetchone() == (False, False)


async def test_an_unfiltered_query_sees_only_the_callers_rows(database):
    acme = await organization_uuid(database, "org_demo_acme")
    globex = await organization_uuid(database, "org_demo_globex")
    async with database.in_tenant("org_demo_acme") as tenant:
        await tenant.cursor.execute(UNFILTERED)
        assert await tenant.cursor.fetchall() == [(acme,)]
    async with database.in_tenant("org_demo_globex") as tenant:
        await tenant.cursor.execute(UNFILTERED)
        assert await tenant.cursor.fetchall() == [(globex,)]


async def test_outside_a_tenant_transaction_no_project_is_visible(database):
    async with database.pool.connection() as connection:
        cursor = await connection.execute("SELECT count(*) FROM projects")
        assert await cursor.fetchone() == (0,)


async def test_the_tenant_setting_ends_with_its_transaction(database):
    async with database.in_tenant("org_demo_acme"):
        pass
    async with database.pool.connection() as connection:
        cursor = await connection.execute("SELECT coalesce(current_setting('app.org_id', true), '')")
        assert await cursor.fetchone() == ("",)
