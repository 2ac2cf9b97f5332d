"""The client generated from the app's OpenAPI document, against the running Next.js app: it reads what
this service serves, and refuses as the API refuses."""

import json
import os
import re
import time
from pathlib import Path
from uuid import UUID

import httpx
import jwt
import pytest

from projects_service.projects import list_projects
from starter_api import RetryingTransport, connect
from starter_api_client.api.default import get_project
from starter_api_client.api.default import list_projects as list_projects_api
from starter_api_client.models import Error, ProjectPage

CONTEXT = json.loads(os.environ.get("CONTRACT_CONTEXT") or "null")
needs_app = pytest.mark.skipif(CONTEXT is None, reason="needs the running app: run `npm run test:services`")


def session_token(org_id: str, org_slug: str) -> str:
    """A v2 session token for Alice, signed with the run's key, as Clerk would issue it."""
    now = int(time.time())
    claims = {
        "v": 2,
        "sub": "user_demo_alice",
        "sid": "sess_pytest",
        "iss": "https://clerk.starter.test",
        "azp": CONTEXT["appOrigin"],
        "iat": now,
        "nbf": now - 5,
        "exp": now + 300,
        "o": {"id": org_id, "slg": org_slug, "rol": "admin"},
    }
    return jwt.encode(claims, CONTEXT["jwtPrivateKey"], algorithm="RS256", headers={"kid": "ins_test"})


def app_url() -> str:
    return next(backend["baseUrl"] for backend in CONTEXT["backends"] if backend["name"] == "next")


@needs_app
@pytest.mark.anyio
async def test_reads_from_the_app_exactly_what_this_service_serves(database):
    with connect(app_url(), session_token("org_demo_acme", "acme")) as client:
        page = list_projects_api.sync(client=client)
    assert isinstance(page, ProjectPage)
    async with database.in_tenant("org_demo_acme") as tenant:
        served = await list_projects(tenant, limit=20, cursor=None, q=None)
    # Compared as the client's models: every field, timestamps as datetimes.
    assert page == ProjectPage.from_dict(served)
    assert len(served["data"]) > 0


@needs_app
def test_gets_the_apis_404_for_another_organizations_project():
    with connect(app_url(), session_token("org_demo_globex", "globex")) as client:
        globex_project = list_projects_api.sync(client=client).data[0].id
    with connect(app_url(), session_token("org_demo_acme", "acme")) as client:
        response = get_project.sync_detailed(client=client, project_id=UUID(str(globex_project)))
    assert response.status_code == 404
    assert isinstance(response.parsed, Error)
    assert response.parsed.error.code == "not_found"


@needs_app
def test_is_generated_from_the_apps_current_openapi_document():
    """Fails when the API grew an operation or a field the committed client lacks: regenerate it (README.md)."""
    with connect(app_url(), session_token("org_demo_acme", "acme")) as client:
        document = client.get_httpx_client().get("/openapi.json").json()
        raw_page = client.get_httpx_client().get("/projects").json()
    operations = {
        re.sub(r"(?<!^)(?=[A-Z])", "_", operation["operationId"]).lower()
        for path in document["paths"].values()
        for operation in path.values()
        if isinstance(operation, dict) and "operationId" in operation
    }
    api_dir = Path(__file__).parents[1] / "starter_api_client" / "api" / "default"
    generated = {module.stem for module in api_dir.glob("*.py")} - {"__init__"}
    assert operations == generated
    parsed = ProjectPage.from_dict(raw_page)
    assert set(parsed.data[0].to_dict()) == set(raw_page["data"][0])


def answers(*statuses: int):
    """A transport that answers the given statuses in turn (httpx's own test transport), counting requests."""
    sent: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        sent.append(request.method)
        return httpx.Response(statuses[min(len(sent), len(statuses)) - 1])

    return httpx.MockTransport(handler), sent


def test_retries_a_read_the_server_could_not_serve_yet():
    inner, sent = answers(503, 503, 200)
    with httpx.Client(transport=RetryingTransport(inner, attempts=3, backoff_seconds=0)) as client:
        assert client.get("http://app.test/api/v1/projects").status_code == 200
    assert sent == ["GET", "GET", "GET"]


def test_sends_a_write_once_even_when_it_fails():
    inner, sent = answers(503, 200)
    with httpx.Client(transport=RetryingTransport(inner, attempts=3, backoff_seconds=0)) as client:
        assert client.post("http://app.test/api/v1/projects", json={}).status_code == 503
    assert sent == ["POST"]
