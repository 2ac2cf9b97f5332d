from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.person import Person


T = TypeVar("T", bound="Task")


@_attrs_define
class Task:
    """
    Attributes:
        id (UUID):
        project_id (UUID):
        title (str):
        done (bool):
        assignee (None | Person):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: UUID
    project_id: UUID
    title: str
    done: bool
    assignee: None | Person
    created_at: datetime.datetime
    updated_at: datetime.datetime

    def to_dict(self) -> dict[str, Any]:
        from ..models.person import Person

        id = str(self.id)

        project_id = str(self.project_id)

        title = self.title

        done = self.done

        assignee: dict[str, Any] | None
        if isinstance(self.assignee, Person):
            assignee = self.assignee.to_dict()
        else:
            assignee = self.assignee

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "projectId": project_id,
                "title": title,
                "done": done,
                "assignee": assignee,
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

        project_id = UUID(d.pop("projectId"))

        title = d.pop("title")

        done = d.pop("done")

        def _parse_assignee(data: object) -> None | Person:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                assignee_type_0 = Person.from_dict(data)

                return assignee_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Person, data)

        assignee = _parse_assignee(d.pop("assignee"))

        created_at = datetime.datetime.fromisoformat(d.pop("createdAt"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updatedAt"))

        task = cls(
            id=id,
            project_id=project_id,
            title=title,
            done=done,
            assignee=assignee,
            created_at=created_at,
            updated_at=updated_at,
        )

        return task
