"""List query parameters are read as the app's zod schema reads them (lib/validation/pagination.ts)."""

import pytest

from projects_service.errors import ApiError
from projects_service.projects import INVALID_CURSOR, encode_cursor, parse_list_query

ID = "0198f0a0-0000-7000-8000-000000000001"


def test_defaults_to_twenty_rows_without_a_filter():
    assert parse_list_query({}) == (20, None, None)


def test_reads_a_cursor_it_issued_and_trims_the_name_filter():
    assert parse_list_query({"limit": "5", "cursor": encode_cursor(ID), "q": "  road "}) == (5, ID, "road")


@pytest.mark.parametrize(
    ("limit", "message"),
    [
        ("abc", "limit must be a number"),
        ("1.5", "limit must be a whole number"),
        ("0", "limit must be at least 1"),
        ("101", "limit must be at most 100"),
    ],
)
def test_refuses_a_bad_limit_with_the_apps_message(limit, message):
    with pytest.raises(ApiError) as refusal:
        parse_list_query({"limit": limit})
    assert refusal.value.status == 400
    assert refusal.value.fields == {"limit": [message]}


def test_refuses_a_cursor_it_did_not_issue():
    with pytest.raises(ApiError) as refusal:
        parse_list_query({"cursor": "not-a-cursor"})
    assert refusal.value.fields == {"cursor": [INVALID_CURSOR]}
