"""The caller comes from the verified credential: Clerk's v1 (`org_*`) and v2 (`o`) session claims read the same;
an organization API key acts for its organization with the permissions its scopes name."""

import socket
from types import SimpleNamespace

import pytest

from projects_service.caller import (
    Authenticator,
    Caller,
    caller_from_api_key,
    caller_from_claims,
    require_organization,
    require_permission,
)
from projects_service.errors import ApiError
from projects_service.settings import Settings


def test_reads_the_organization_from_v1_claims():
    claims = {"sub": "user_1", "org_id": "org_1", "org_role": "org:admin"}
    assert caller_from_claims(claims) == Caller("user_1", "org_1", "org:admin")


def test_reads_v2_claims_as_the_sdk_maps_them_and_restores_the_role_prefix():
    # clerk-backend-api copies `o.id` / `o.rol` into `org_id` / `org_role`; v2 drops the `org:` prefix.
    claims = {"v": 2, "sub": "user_1", "o": {"id": "org_1", "rol": "admin"}, "org_id": "org_1", "org_role": "admin"}
    assert caller_from_claims(claims) == Caller("user_1", "org_1", "org:admin")


def test_refuses_a_caller_without_an_active_organization():
    with pytest.raises(ApiError) as refusal:
        require_organization(caller_from_claims({"sub": "user_1"}))
    assert (refusal.value.status, refusal.value.code) == (403, "no_active_organization")


def test_grants_what_the_apps_permission_table_grants():
    require_permission(Caller("user_1", "org_1", "org:member"), "projects:read")
    with pytest.raises(ApiError) as refusal:
        require_permission(Caller("user_1", "org_1", "org:member"), "projects:delete")
    assert (refusal.value.status, refusal.value.message) == (403, "Your role does not allow projects:delete")


def test_refuses_a_role_the_table_does_not_know():
    with pytest.raises(ApiError):
        require_permission(Caller("user_1", "org_1", "org:guest"), "projects:read")


def test_an_organization_api_key_acts_for_the_organization_that_is_its_subject():
    key = SimpleNamespace(id="ak_id_1", subject="org_1", scopes=["projects:read"])
    assert caller_from_api_key(key) == Caller("ak_id_1", "org_1", None, ("projects:read",))
    require_permission(require_organization(caller_from_api_key(key)), "projects:read")


def test_refuses_an_api_key_issued_to_a_user():
    with pytest.raises(ApiError) as refusal:
        caller_from_api_key(SimpleNamespace(id="ak_id_1", subject="user_1", scopes=["projects:read"]))
    assert (refusal.value.status, refusal.value.code) == (401, "unauthenticated")


def test_an_api_key_may_do_only_what_its_scopes_name():
    key = Caller("ak_id_1", "org_1", None, ("projects:create", "not:a-permission"))
    require_permission(key, "projects:create")
    with pytest.raises(ApiError) as refusal:
        require_permission(key, "projects:read")
    assert (refusal.value.status, refusal.value.message) == (403, "This API key's scopes do not allow projects:read")


def test_an_api_key_without_scopes_only_reads():
    key = Caller("ak_id_1", "org_1", None, ())
    require_permission(key, "projects:read")
    with pytest.raises(ApiError):
        require_permission(key, "projects:create")


def _settings(**overrides) -> Settings:
    return Settings(jwt_key="unused", authorized_parties=["http://localhost"], database_url="unused", **overrides)


@pytest.mark.anyio
async def test_answers_503_when_clerk_cannot_be_reached_to_verify_a_key():
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        dead_url = f"http://127.0.0.1:{listener.getsockname()[1]}"  # bound, never listening
        authenticator = Authenticator(_settings(secret_key="sk_test_x", api_url=dead_url))
        with pytest.raises(ApiError) as refusal:
            await authenticator.caller("Bearer ak_0123456789abcdef")
    assert (refusal.value.status, refusal.value.code, refusal.value.retry_after_seconds) == (503, "unavailable", 5)


@pytest.mark.anyio
async def test_refuses_api_keys_with_a_clear_401_when_deployed_without_a_secret_key():
    with pytest.raises(ApiError) as refusal:
        await Authenticator(_settings()).caller("Bearer ak_0123456789abcdef")
    assert refusal.value.status == 401
    assert "CLERK_SECRET_KEY" in refusal.value.message
