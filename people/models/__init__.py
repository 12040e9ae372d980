from .application import Application, ApplicationReferee, Review
from .directory import Call, CallQuerySet, LabRole, LabRoleQuerySet, Person, PersonQuerySet
from .staff import StaffLabAccess

__all__ = [
    "Application",
    "ApplicationReferee",
    "Call",
    "CallQuerySet",
    "LabRole",
    "LabRoleQuerySet",
    "Person",
    "PersonQuerySet",
    "Review",
    "StaffLabAccess",
]
