"""The caller comes from the verified token's claims: Clerk's v1 (`org_*`) and v2 (`o`) session claims read the same."""

import pytest

from projects_service.caller import Caller, caller_from_claims, require_organization, require_permission
from projects_service.errors import ApiError


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
