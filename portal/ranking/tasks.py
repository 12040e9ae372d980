"""Keeping ranking data in step with the records: a saved record's entry is refreshed after commit, as a task (at
once in the embedded default, by the worker in production); a deleted record's entry goes with it."""

from django.db import transaction
from django_tasks import task

from portal.registry import registry

from .index import entries_refresh, entry_delete


@task()
def ranking_refresh_task(label: str, pk: int):
    """Recompute one record's ranking entry (nothing happens when its text did not change)."""
    model = next(model for model in registry.matchables if model._meta.label == label)
    entries_refresh(model._default_manager.filter(pk=pk))


def refresh_after_commit(sender, instance, raw=False, **kwargs):
    matchable = registry.matchables.get(sender)
    if raw or matchable is None:
        return
    wholes = list(matchable.part_of(instance)) if matchable.part_of else []
    for record in [instance, *wholes]:
        label, pk = record._meta.label, record.pk
        transaction.on_commit(lambda label=label, pk=pk: ranking_refresh_task.enqueue(label, pk))


def forget_deleted(sender, instance, **kwargs):
    if sender in registry.matchables:
        entry_delete(instance)


def connect():
    from django.db.models.signals import post_delete, post_save

    post_save.connect(refresh_after_commit, dispatch_uid="ranking-refresh")
    post_delete.connect(forget_deleted, dispatch_uid="ranking-forget")
