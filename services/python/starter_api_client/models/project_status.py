from enum import StrEnum


class ProjectStatus(StrEnum):
    ACTIVE = "active"
    COMPLETED = "completed"
    ON_HOLD = "on_hold"

    def __str__(self) -> str:
        return str(self.value)
