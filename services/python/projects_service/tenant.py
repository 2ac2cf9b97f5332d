"""The one way into tenant tables: a transaction whose `app.org_id` is the caller's organization."""

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass

from psycopg import AsyncRawCursor
from psycopg_pool import AsyncConnectionPool

from .errors import not_found
from .settings import SHARED_DIR

ENTER_ORGANIZATION = (SHARED_DIR / "enter-organization.sql").read_text()
HEALTH_TIMEOUT_SECONDS = 2.0
# How long a request waits for a connection before it is answered 503 (the database is down or every
# connection is busy for that long).
CONNECTION_TIMEOUT_SECONDS = 5.0


@dataclass(frozen=True)
class Tenant:
    # `organizations.id`, or None when the organization has not been synced yet (it then has no rows).
    organization_id: str | None
    cursor: AsyncRawCursor


class TenantDatabase:
    def __init__(self, database_url: str):
        # Raw cursors take PostgreSQL's own `$1` placeholders, so the SQL files in services/shared
        # are the same text for the Python, Go and Bun services.
        self.pool = AsyncConnectionPool(
            database_url,
            min_size=1,
            max_size=10,
            open=False,
            timeout=CONNECTION_TIMEOUT_SECONDS,
            kwargs={"cursor_factory": AsyncRawCursor},
        )

    async def open(self) -> None:
        await self.pool.open()

    async def close(self) -> None:
        await self.pool.close()

    @asynccontextmanager
    async def in_tenant(self, clerk_org_id: str) -> AsyncIterator[Tenant]:
        """Row-level security scopes every query run on the tenant's cursor, filtered or not."""
        async with self.pool.connection() as connection, connection.transaction():
            cursor = connection.cursor()
            await cursor.execute(ENTER_ORGANIZATION, [clerk_org_id])
            row = await cursor.fetchone()
            # A deleted organization's rows stay for the audit trail but are unreachable.
            if row and row[1]:
                raise not_found("Organization")
            yield Tenant(organization_id=row[0] if row else None, cursor=cursor)

    async def is_reachable(self) -> bool:
        try:
            async with asyncio.timeout(HEALTH_TIMEOUT_SECONDS):
                async with self.pool.connection() as connection:
                    await connection.execute("SELECT 1")
            return True
        except Exception:
            # The reason (host, credentials) stays out of a public response.
            return False
