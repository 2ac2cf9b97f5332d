"""Contains all the data models used in inputs/outputs"""

from .create_project import CreateProject
from .create_task import CreateTask
from .error import Error
from .error_error import ErrorError
from .error_error_fields import ErrorErrorFields
from .person import Person
from .project import Project
from .project_page import ProjectPage
from .project_status import ProjectStatus
from .task import Task
from .task_page import TaskPage
from .update_project import UpdateProject
from .update_task import UpdateTask

__all__ = (
    "CreateProject",
    "CreateTask",
    "Error",
    "ErrorError",
    "ErrorErrorFields",
    "Person",
    "Project",
    "ProjectPage",
    "ProjectStatus",
    "Task",
    "TaskPage",
    "UpdateProject",
    "UpdateTask",
)
