"""Errors a service raises for a person to act on; `str()` is the message to show."""

from __future__ import annotations


class ServiceError(Exception):
    """A write refused for a reason the user can fix; nothing was changed."""


class Frozen(ServiceError):
    """The record was submitted and can no longer change in place."""


class StaleEdit(ServiceError):
    """Someone else saved the record since the user opened it."""


class WorkflowError(ServiceError):
    """The move is not allowed from the record's current state."""


class Duplicate(ServiceError):
    """The same thing was already stored."""
