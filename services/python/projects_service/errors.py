"""The API's one error shape, `{ "error": { "code", "message", "fields"? } }`, as the Next.js app answers it."""

from fastapi.responses import JSONResponse


class ApiError(Exception):
    def __init__(self, status: int, code: str, message: str, fields: dict[str, list[str]] | None = None):
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.fields = fields


def error_response(error: ApiError) -> JSONResponse:
    body: dict = {"error": {"code": error.code, "message": error.message}}
    if error.fields:
        body["error"]["fields"] = error.fields
    headers = {"Cache-Control": "no-store"}
    if error.status == 401:
        headers["WWW-Authenticate"] = 'Bearer realm="api"'
    return JSONResponse(body, status_code=error.status, headers=headers)


SIGNED_OUT = ApiError(401, "unauthenticated", (
    "Sign in to continue: send a Clerk session token as `Authorization: Bearer <token>`."
))
NO_ORGANIZATION = ApiError(403, "no_active_organization", "Choose an organization to continue")


def forbidden(permission: str) -> ApiError:
    return ApiError(403, "forbidden", f"Your role does not allow {permission}")


def not_found(what: str) -> ApiError:
    return ApiError(404, "not_found", f"{what} not found")
