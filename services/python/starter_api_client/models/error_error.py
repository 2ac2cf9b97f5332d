from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.error_error_fields import ErrorErrorFields


T = TypeVar("T", bound="ErrorError")


@_attrs_define
class ErrorError:
    """
    Attributes:
        code (str): Stable, machine-readable: branch on this, not on message
        message (str): For people: safe to show, never a stack trace
        fields (ErrorErrorFields | Unset): Per-field problems (422), keyed by the field's name
    """

    code: str
    message: str
    fields: ErrorErrorFields | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        message = self.message

        fields: dict[str, Any] | Unset = UNSET
        if not isinstance(self.fields, Unset):
            fields = self.fields.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "code": code,
                "message": message,
            }
        )
        if fields is not UNSET:
            field_dict["fields"] = fields

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.error_error_fields import ErrorErrorFields

        d = dict(src_dict)
        code = d.pop("code")

        message = d.pop("message")

        _fields = d.pop("fields", UNSET)
        fields: ErrorErrorFields | Unset
        if isinstance(_fields, Unset):
            fields = UNSET
        else:
            fields = ErrorErrorFields.from_dict(_fields)

        error_error = cls(
            code=code,
            message=message,
            fields=fields,
        )

        return error_error
