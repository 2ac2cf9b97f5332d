"""Who is calling: a Clerk session token (verified networklessly with `jwt_key`) or an organization API key
(verified by Clerk's Backend API), both through Clerk's Python SDK."""

import logging
from dataclasses import dataclass
from types import SimpleNamespace

import httpx
from clerk_backend_api import Clerk, models
from clerk_backend_api.security.machine import get_token_type
from clerk_backend_api.security.types import AuthenticateRequestOptions, AuthStatus, TokenType

from .errors import API_KEYS_NOT_CONFIGURED, CLERK_UNAVAILABLE, NO_ORGANIZATION, SIGNED_OUT, forbidden
from .permissions import role_allows, scopes_allow
from .settings import Settings

logger = logging.getLogger("projects_service")
# A Clerk outage is answered 503 with Retry-After at once, not after the SDK's default backoff on 5xx
# (which may retry for up to an hour): the client decides when to try again.
_NO_RETRIES = None
_VERIFY_TIMEOUT_MS = 5_000


@dataclass(frozen=True)
class Caller:
    # The person's Clerk user id (`user_…`), or the organization API key's id.
    user_id: str
    # The Clerk organization id (`org_…`) from the credential: the only source of the tenant.
    org_id: str | None
    # Clerk's role key, always with its `org:` prefix (v2 tokens carry it without); None for an API key.
    org_role: str | None
    # An organization API key's scopes (permission names); None for a person, whose role decides.
    api_key_scopes: tuple[str, ...] | None = None


def caller_from_claims(claims: dict) -> Caller:
    """Reads a verified token's claims; the SDK has already copied v2's `o` claim into the v1 names."""
    role = claims.get("org_role")
    if role and not role.startswith("org:"):
        role = f"org:{role}"
    return Caller(user_id=claims["sub"], org_id=claims.get("org_id") or None, org_role=role or None)


def caller_from_api_key(key: models.VerifyAPIKeyResponseBody) -> Caller:
    """An organization API key acts for the organization that is its subject; a user's key has none (401)."""
    if not key.subject.startswith("org_"):
        raise SIGNED_OUT
    return Caller(user_id=key.id, org_id=key.subject, org_role=None, api_key_scopes=tuple(key.scopes))


class Authenticator:
    def __init__(self, settings: Settings):
        self._clerk = Clerk(bearer_auth=settings.secret_key)
        self._api_url = settings.api_url
        self._accepts_api_keys = settings.secret_key is not None
        self._options = AuthenticateRequestOptions(
            jwt_key=settings.jwt_key,
            authorized_parties=settings.authorized_parties,
            # API keys are verified below: clerk-backend-api 7.0's `authenticate_request` always asks
            # api.clerk.com (no Backend API URL option) and reads every refusal of Clerk's, an outage
            # included, as an invalid key.
            accepts_token=["session_token"],
        )

    async def caller(self, authorization: str | None) -> Caller:
        """The verified caller, or a 401 (no, bad, expired or foreign token; revoked or unknown key)."""
        # Only the Bearer header is passed on: a browser's ambient __session cookie never authorizes here.
        if not authorization or not authorization.startswith("Bearer "):
            raise SIGNED_OUT
        token = authorization.removeprefix("Bearer ")
        if get_token_type(token) == TokenType.API_KEY:
            return caller_from_api_key(await self._verified_api_key(token))
        state = self._clerk.authenticate_request(
            SimpleNamespace(headers={"Authorization": authorization}), self._options
        )
        if state.status != AuthStatus.SIGNED_IN or not state.payload:
            raise SIGNED_OUT
        return caller_from_claims(state.payload)

    async def _verified_api_key(self, secret: str) -> models.VerifyAPIKeyResponseBody:
        if not self._accepts_api_keys:
            raise API_KEYS_NOT_CONFIGURED
        try:
            # Clerk serves API keys outside its `/v1` prefix, as @clerk/backend calls them.
            return await self._clerk.api_keys.verify_api_key_async(
                secret=secret, server_url=self._api_url, retries=_NO_RETRIES, timeout_ms=_VERIFY_TIMEOUT_MS
            )
        except (models.ClerkBaseError, models.NoResponseError, httpx.HTTPError) as error:
            # By status, as @clerk/backend reads it: 404 is a revoked, expired, unknown or another
            # instance's key (401). Anything else means Clerk could not say (unreachable, 5xx, 429, or
            # it refused our secret key): the key may be fine, so the outage is ours (503).
            if isinstance(error, models.ClerkBaseError) and error.status_code == 404:
                raise SIGNED_OUT from error
            logger.error("API key verification failed: %r; answered 503", error)
            raise CLERK_UNAVAILABLE from error


def require_organization(caller: Caller) -> Caller:
    if not caller.org_id or (not caller.org_role and caller.api_key_scopes is None):
        raise NO_ORGANIZATION
    return caller


def require_permission(caller: Caller, permission: str) -> None:
    if caller.api_key_scopes is not None:
        if not scopes_allow(caller.api_key_scopes, permission):
            raise forbidden(permission, "This API key's scopes do")
    elif not role_allows(caller.org_role or "", permission):
        raise forbidden(permission)
