from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="UpdateTask")


@_attrs_define
class UpdateTask:
    """
    Attributes:
        title (str | Unset):
        assignee_id (None | str | Unset):
        done (bool | Unset):
    """

    title: str | Unset = UNSET
    assignee_id: None | str | Unset = UNSET
    done: bool | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        title = self.title

        assignee_id: None | str | Unset
        if isinstance(self.assignee_id, Unset):
            assignee_id = UNSET
        else:
            assignee_id = self.assignee_id

        done = self.done

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if title is not UNSET:
            field_dict["title"] = title
        if assignee_id is not UNSET:
            field_dict["assigneeId"] = assignee_id
        if done is not UNSET:
            field_dict["done"] = done

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        title = d.pop("title", UNSET)

        def _parse_assignee_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        assignee_id = _parse_assignee_id(d.pop("assigneeId", UNSET))

        done = d.pop("done", UNSET)

        update_task = cls(
            title=title,
            assignee_id=assignee_id,
            done=done,
        )

        return update_task
