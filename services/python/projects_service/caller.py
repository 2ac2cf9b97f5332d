"""Who is calling, from a Clerk session token that Clerk's Python SDK verified (networkless, with `jwt_key`)."""

from dataclasses import dataclass
from types import SimpleNamespace

from clerk_backend_api import Clerk
from clerk_backend_api.security.types import AuthenticateRequestOptions, AuthStatus

from .errors import NO_ORGANIZATION, SIGNED_OUT, forbidden
from .permissions import role_allows
from .settings import Settings


@dataclass(frozen=True)
class Caller:
    user_id: str
    # The Clerk organization id (`org_…`) from the token: the only source of the tenant.
    org_id: str | None
    # Clerk's role key, always with its `org:` prefix (v2 tokens carry it without).
    org_role: str | None


def caller_from_claims(claims: dict) -> Caller:
    """Reads a verified token's claims; the SDK has already copied v2's `o` claim into the v1 names."""
    role = claims.get("org_role")
    if role and not role.startswith("org:"):
        role = f"org:{role}"
    return Caller(user_id=claims["sub"], org_id=claims.get("org_id") or None, org_role=role or None)


class Authenticator:
    def __init__(self, settings: Settings):
        self._clerk = Clerk(bearer_auth=settings.secret_key)
        self._options = AuthenticateRequestOptions(
            jwt_key=settings.jwt_key,
            authorized_parties=settings.authorized_parties,
            # Session tokens only for now; organization API keys are one more entry here (they
            # need CLERK_SECRET_KEY, since Clerk verifies them over its Backend API).
            accepts_token=["session_token"],
        )

    def caller(self, authorization: str | None) -> Caller:
        """The verified caller, or a 401 (no, bad, expired or foreign token)."""
        # Only the Bearer header is passed on: a browser's ambient __session cookie never authorizes here.
        if not authorization or not authorization.startswith("Bearer "):
            raise SIGNED_OUT
        state = self._clerk.authenticate_request(
            SimpleNamespace(headers={"Authorization": authorization}), self._options
        )
        if state.status != AuthStatus.SIGNED_IN or not state.payload:
            raise SIGNED_OUT
        return caller_from_claims(state.payload)


def require_organization(caller: Caller) -> Caller:
    if not caller.org_id or not caller.org_role:
        raise NO_ORGANIZATION
    return caller


def require_permission(caller: Caller, permission: str) -> None:
    if not role_allows(caller.org_role or "", permission):
        raise forbidden(permission)

