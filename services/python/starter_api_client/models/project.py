from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

from ..models.project_status import ProjectStatus

if TYPE_CHECKING:
    from ..models.person import Person


T = TypeVar("T", bound="Project")


@_attrs_define
class Project:
    """
    Attributes:
        id (UUID):
        name (str):
        description (str):
        status (ProjectStatus):
        created_by (Person):
        open_task_count (int):
        task_count (int):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: UUID
    name: str
    description: str
    status: ProjectStatus
    created_by: Person
    open_task_count: int
    task_count: int
    created_at: datetime.datetime
    updated_at: datetime.datetime

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        name = self.name

        description = self.description

        status = self.status.value

        created_by = self.created_by.to_dict()

        open_task_count = self.open_task_count

        task_count = self.task_count

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "name": name,
                "description": description,
                "status": status,
                "createdBy": created_by,
                "openTaskCount": open_task_count,
                "taskCount": task_count,
                "createdAt": created_at,
                "updatedAt": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.person import Person

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        name = d.pop("name")

        description = d.pop("description")

        status = ProjectStatus(d.pop("status"))

        created_by = Person.from_dict(d.pop("createdBy"))

        open_task_count = d.pop("openTaskCount")

        task_count = d.pop("taskCount")

        created_at = datetime.datetime.fromisoformat(d.pop("createdAt"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updatedAt"))

        project = cls(
            id=id,
            name=name,
            description=description,
            status=status,
            created_by=created_by,
            open_task_count=open_task_count,
            task_count=task_count,
            created_at=created_at,
            updated_at=updated_at,
        )

        return project
