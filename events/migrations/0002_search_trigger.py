"""Stored search document on PostgreSQL: a trigger keeps it, a GIN index serves it (SQLite: no-op)."""

from django.db import migrations

from portal.search import install_search_trigger, remove_search_trigger

FIELDS = (("title", "A"), ("summary", "B"), ("description", "C"))
OPTIONS = {"fields": FIELDS, "index_name": "event_search_doc_idx", "old_index_name": "event_search_idx"}


def install(apps, schema_editor):
    install_search_trigger(schema_editor, apps.get_model("events", "Event"), **OPTIONS)


def remove(apps, schema_editor):
    remove_search_trigger(schema_editor, apps.get_model("events", "Event"), **OPTIONS)


class Migration(migrations.Migration):
    dependencies = [("events", "0001_initial")]

    operations = [migrations.RunPython(install, remove)]
