"""The API's one error shape, `{ "error": { "code", "message", "fields"? } }`, as the Next.js app answers it."""

from fastapi.responses import JSONResponse


class ApiError(Exception):
    def __init__(
        self,
        status: int,
        code: str,
        message: str,
        fields: dict[str, list[str]] | None = None,
        retry_after_seconds: int | None = None,
    ):
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.fields = fields
        self.retry_after_seconds = retry_after_seconds


def error_response(error: ApiError) -> JSONResponse:
    body: dict = {"error": {"code": error.code, "message": error.message}}
    if error.fields:
        body["error"]["fields"] = error.fields
    headers = {"Cache-Control": "no-store"}
    if error.status == 401:
        headers["WWW-Authenticate"] = 'Bearer realm="api"'
    if error.retry_after_seconds is not None:
        headers["Retry-After"] = str(error.retry_after_seconds)
    return JSONResponse(body, status_code=error.status, headers=headers)


SIGNED_OUT = ApiError(401, "unauthenticated", (
    "Sign in to continue: send a Clerk session token or an organization API key as `Authorization: Bearer <token>`."
))
# Deployed without CLERK_SECRET_KEY: it cannot ask Clerk about a key, so it refuses keys, not the caller.
API_KEYS_NOT_CONFIGURED = ApiError(401, "unauthenticated", (
    "This service accepts Clerk session tokens only: it has no CLERK_SECRET_KEY to verify API keys with."
))
# Clerk could not say whether an API key is valid: the key may be fine, so this is our outage.
CLERK_UNAVAILABLE = ApiError(
    503, "unavailable", "API key verification is unavailable right now: try again in 5 seconds", retry_after_seconds=5
)
NO_ORGANIZATION = ApiError(403, "no_active_organization", "Choose an organization to continue")
# The database cannot answer (down, restarting, failing over): try again later, nothing was written.
DATABASE_UNAVAILABLE = ApiError(
    503, "unavailable", "The database is unavailable right now: try again in 5 seconds", retry_after_seconds=5
)


def forbidden(permission: str, whose: str = "Your role does") -> ApiError:
    return ApiError(403, "forbidden", f"{whose} not allow {permission}")


def not_found(what: str) -> ApiError:
    return ApiError(404, "not_found", f"{what} not found: it may have been deleted")
