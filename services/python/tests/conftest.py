import os

import pytest

from projects_service.tenant import TenantDatabase


@pytest.fixture
def anyio_backend():
    return "asyncio"


@pytest.fixture
def database_url() -> str:
    url = os.environ.get("DATABASE_URL")
    if not url:
        pytest.fail("DATABASE_URL is not set: run through `npm run test:services` (see README.md)")
    return url


@pytest.fixture
async def database(database_url):
    database = TenantDatabase(database_url)
    await database.open()
    yield database
    await database.close()


async def organization_uuid(database: TenantDatabase, clerk_org_id: str) -> str:
    # `organizations` is synced from Clerk and not a tenant table: the app role reads it directly.
    async with database.pool.connection() as connection:
        cursor = await connection.execute("SELECT id::text FROM organizations WHERE clerk_id = $1", [clerk_org_id])
        row = await cursor.fetchone()
    assert row, f"{clerk_org_id} is not in the database: is the demo data seeded?"
    return row[0]
