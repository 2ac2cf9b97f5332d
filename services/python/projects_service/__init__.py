"""The projects read API (GET /api/v1/projects, /api/v1/projects/{id}) on FastAPI, beside the Next.js app."""
