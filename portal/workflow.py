"""Status workflows: an explicit table of allowed moves, and a history row for every move."""

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils.translation import gettext as _

from .models import StatusChange


class TransitionNotAllowed(Exception):
    pass


@dataclass(frozen=True)
class Workflow:
    status_choices: type  # a TextChoices of the staff names
    transitions: dict  # status -> frozenset of statuses it may move to
    public_labels: dict  # status -> the plain words an enterprise or student sees
    withdrawn: str  # the status the submitter's Withdraw button leads to
    waiting: str = ""  # staff asked the submitter for information; the submitter's answer ends it

    def targets(self, status):
        return self.transitions.get(status, frozenset())

    def is_final(self, status):
        return not self.targets(status)

    def label(self, status):
        return self.status_choices(status).label

    def public_label(self, status):
        return self.public_labels[status]

    def can_withdraw(self, status):
        return self.withdrawn in self.targets(status)

    def can_wait(self, status):
        return bool(self.waiting) and self.waiting in self.targets(status)


def record_creation(obj, *, actor_label, status_field="status"):
    StatusChange.objects.create(
        content_type=ContentType.objects.get_for_model(obj),
        object_id=obj.pk,
        to_status=getattr(obj, status_field),
        actor_label=actor_label,
    )


@transaction.atomic
def transition(obj, *, workflow, to, by=None, actor_label="", note="", status_field="status"):
    """Move `obj` to `to` if the table allows it from its current (freshly locked) status; record who and why."""
    locked = type(obj).objects.select_for_update().get(pk=obj.pk)
    current = getattr(locked, status_field)
    if to not in workflow.targets(current):
        raise TransitionNotAllowed(
            _("“%(subject)s” cannot move from “%(current)s” to “%(target)s”.")
            % {"subject": obj, "current": workflow.label(current), "target": workflow.label(to)}
        )
    setattr(locked, status_field, to)
    locked.save(update_fields=[status_field, "updated_at"])
    setattr(obj, status_field, to)
    return StatusChange.objects.create(
        content_type=ContentType.objects.get_for_model(obj),
        object_id=obj.pk,
        from_status=current,
        to_status=to,
        changed_by=by if by is not None and by.is_authenticated else None,
        actor_label=actor_label,
        note=note,
    )


def public_timeline(obj, workflow):
    """[(when, plain words)] of every status the submission has had, for its owner's status page."""
    return [(change.changed_at, workflow.public_label(change.to_status)) for change in history(obj)]


def history(obj):
    return StatusChange.objects.filter(
        content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk
    ).select_related("changed_by")
