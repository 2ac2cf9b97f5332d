"""The FastAPI app: Clerk verifies the caller, the permission table decides, RLS isolates the rows."""

import logging
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse
from psycopg import OperationalError
from psycopg_pool import PoolTimeout

from .caller import Authenticator, require_organization, require_permission
from .errors import DATABASE_UNAVAILABLE, ApiError, error_response
from .insights import project_insights
from .projects import get_project, list_projects, parse_list_query
from .settings import Settings, settings_from_env
from .tenant import TenantDatabase

NO_STORE = {"Cache-Control": "private, no-store"}
logger = logging.getLogger("projects_service")


def create_app(settings: Settings) -> FastAPI:
    database = TenantDatabase(settings.database_url)
    authenticator = Authenticator(settings)

    @asynccontextmanager
    async def lifespan(_app: FastAPI):
        await database.open()
        yield
        await database.close()

    # No /docs or /openapi.json of its own: the contract is the Next.js app's OpenAPI document.
    app = FastAPI(lifespan=lifespan, docs_url=None, redoc_url=None, openapi_url=None)
    app.state.database = database
    # Browsers on the app's own origins may call with `Authorization: Bearer <session token>`;
    # no cookies are read, so no credentials mode is needed.
    app.add_middleware(
        CORSMiddleware,
        allow_origins=settings.authorized_parties,
        allow_methods=["GET"],
        allow_headers=["Authorization"],
        max_age=600,
    )

    @app.exception_handler(ApiError)
    async def api_error(_request: Request, error: ApiError) -> JSONResponse:
        return error_response(error)

    @app.exception_handler(OperationalError)
    @app.exception_handler(PoolTimeout)
    async def database_unavailable(_request: Request, error: Exception) -> JSONResponse:
        # An outage is not a bug: one line in the log, not a stack trace per request.
        logger.error("Database unavailable: %s; answered 503", error)
        return error_response(DATABASE_UNAVAILABLE)

    @app.exception_handler(Exception)
    async def unexpected_error(_request: Request, error: Exception) -> JSONResponse:
        logger.exception("Unexpected error in an API request", exc_info=error)
        return error_response(ApiError(500, "internal_error", "Something went wrong on our side; please try again"))

    @app.get("/health")
    async def health() -> JSONResponse:
        if await database.is_reachable():
            return JSONResponse({"status": "ok", "database": "reachable"}, headers={"Cache-Control": "no-store"})
        return JSONResponse(
            {"status": "degraded", "database": "unreachable"}, status_code=503, headers={"Cache-Control": "no-store"}
        )

    @app.get("/api/v1/projects")
    async def projects(request: Request) -> JSONResponse:
        caller = require_organization(await authenticator.caller(request.headers.get("authorization")))
        limit, cursor, q = parse_list_query(request.query_params)
        require_permission(caller, "projects:read")
        async with database.in_tenant(caller.org_id) as tenant:
            return JSONResponse(await list_projects(tenant, limit, cursor, q), headers=NO_STORE)

    @app.get("/api/v1/projects/{project_id}")
    async def project(request: Request, project_id: str) -> JSONResponse:
        caller = require_organization(await authenticator.caller(request.headers.get("authorization")))
        require_permission(caller, "projects:read")
        async with database.in_tenant(caller.org_id) as tenant:
            return JSONResponse(await get_project(tenant, project_id), headers=NO_STORE)

    @app.get("/api/v1/projects/{project_id}/insights")
    async def insights(request: Request, project_id: str) -> JSONResponse:
        caller = require_organization(await authenticator.caller(request.headers.get("authorization")))
        require_permission(caller, "projects:read")
        async with database.in_tenant(caller.org_id) as tenant:
            return JSONResponse(await project_insights(tenant, project_id), headers=NO_STORE)

    return app


def app() -> FastAPI:
    """For `uvicorn --factory projects_service.main:app`: settings come from the environment."""
    return create_app(settings_from_env())
