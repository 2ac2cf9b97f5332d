from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.project_status import ProjectStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="UpdateProject")


@_attrs_define
class UpdateProject:
    """
    Attributes:
        name (str | Unset):
        description (str | Unset):
        status (ProjectStatus | Unset):
    """

    name: str | Unset = UNSET
    description: str | Unset = UNSET
    status: ProjectStatus | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        description = self.description

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if description is not UNSET:
            field_dict["description"] = description
        if status is not UNSET:
            field_dict["status"] = status

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        name = d.pop("name", UNSET)

        description = d.pop("description", UNSET)

        _status = d.pop("status", UNSET)
        status: ProjectStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = ProjectStatus(_status)

        update_project = cls(
            name=name,
            description=description,
            status=status,
        )

        return update_project
